//! Dates: a plain calendar date ([`SimpleDate`]) and a date of birth typed as three fields
//! ([`DateParts`] → [`DateOfBirth`]), checked with the GOV.UK date-input error priority.
//!
//! Today's date is always passed in: nothing here reads a clock.

use serde::{Deserialize, Serialize};
use std::fmt;
use thiserror::Error;

const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn is_leap_year(year: u16) -> bool {
    (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400)
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 31,
    }
}

/// A real date in the proleptic Gregorian calendar, years 1 to 9999. Ordered chronologically.
/// Serialised as ISO 8601 `YYYY-MM-DD` (the form FHIR uses for a birth date).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct SimpleDate {
    // Field order matters: the derived `Ord` compares year, then month, then day.
    year: u16,
    month: u8,
    day: u8,
}

/// A date that does not exist, or text that is not `YYYY-MM-DD`. Not shown to people (they type
/// dates as [`DateParts`]); it appears when stored data is wrong.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Error)]
#[error("date must be a real date written YYYY-MM-DD")]
pub struct SimpleDateError;

impl SimpleDate {
    /// A date from its numbers, if it exists (`2024-02-29` does, `2023-02-29` does not).
    ///
    /// # Errors
    /// [`SimpleDateError`] for year 0 or above 9999, month outside 1–12, or a day the month does
    /// not have.
    pub fn new(year: u16, month: u8, day: u8) -> Result<Self, SimpleDateError> {
        if !(1..=9999).contains(&year)
            || !(1..=12).contains(&month)
            || day == 0
            || day > days_in_month(year, month)
        {
            return Err(SimpleDateError);
        }
        Ok(Self { year, month, day })
    }

    /// Parses exactly `YYYY-MM-DD` (four, two and two digits).
    ///
    /// # Errors
    /// [`SimpleDateError`] for any other shape, or a date that does not exist.
    pub fn parse_iso(s: &str) -> Result<Self, SimpleDateError> {
        let b = s.as_bytes();
        let shape_ok = b.len() == 10
            && b[4] == b'-'
            && b[7] == b'-'
            && b.iter()
                .enumerate()
                .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
        if !shape_ok {
            return Err(SimpleDateError);
        }
        let num = |r: std::ops::Range<usize>| s[r].parse::<u16>().map_err(|_| SimpleDateError);
        Self::new(num(0..4)?, num(5..7)? as u8, num(8..10)? as u8)
    }

    /// The UTC calendar date `days` days after 1970-01-01 (negative: before it), if it is within
    /// years 1 to 9999.
    pub fn from_unix_days(days: i64) -> Option<Self> {
        // Howard Hinnant's `civil_from_days`.
        let z = days.checked_add(719_468)?;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = doy - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = yoe + era * 400 + i64::from(month <= 2);
        let year = u16::try_from(year).ok()?;
        Self::new(year, month as u8, day as u8).ok()
    }

    /// The UTC calendar date of a moment given in milliseconds since the Unix epoch (what the
    /// browser clock gives). The caller may first add the local offset to get the local date.
    pub fn from_unix_ms(ms: u64) -> Option<Self> {
        Self::from_unix_days(i64::try_from(ms / 86_400_000).ok()?)
    }

    /// Days since 1970-01-01 (negative before it); the inverse of [`SimpleDate::from_unix_days`].
    pub fn to_unix_days(self) -> i64 {
        // Howard Hinnant's `days_from_civil`.
        let (m, d) = (i64::from(self.month), i64::from(self.day));
        let y = i64::from(self.year) - i64::from(m <= 2);
        let era = y.div_euclid(400);
        let yoe = y.rem_euclid(400);
        let mp = if m > 2 { m - 3 } else { m + 9 };
        let doy = (153 * mp + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    pub fn year(self) -> u16 {
        self.year
    }

    pub fn month(self) -> u8 {
        self.month
    }

    pub fn day(self) -> u8 {
        self.day
    }

    /// The date written the GOV.UK way, for people: `7 April 1990`.
    pub fn long_form(self) -> String {
        format!(
            "{} {} {}",
            self.day,
            MONTH_NAMES[usize::from(self.month - 1)],
            self.year
        )
    }

    /// The same day `years` years earlier; 29 February becomes 28 February in a common year.
    /// Saturates at year 1.
    fn years_before(self, years: u16) -> Self {
        let year = self.year.saturating_sub(years).max(1);
        let day = self.day.min(days_in_month(year, self.month));
        Self {
            year,
            month: self.month,
            day,
        }
    }
}

impl fmt::Display for SimpleDate {
    /// ISO 8601: `1990-04-07`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl std::str::FromStr for SimpleDate {
    type Err = SimpleDateError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse_iso(s)
    }
}

impl TryFrom<String> for SimpleDate {
    type Error = SimpleDateError;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        Self::parse_iso(&s)
    }
}

impl From<SimpleDate> for String {
    fn from(d: SimpleDate) -> String {
        d.to_string()
    }
}

/// The three boxes of a GOV.UK date input, exactly as typed (kept in the draft so a page shows
/// the person's own input back to them).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DateParts {
    pub day: String,
    pub month: String,
    pub year: String,
}

impl DateParts {
    pub fn new(day: impl Into<String>, month: impl Into<String>, year: impl Into<String>) -> Self {
        Self {
            day: day.into(),
            month: month.into(),
            year: year.into(),
        }
    }

    /// What is typed in one box.
    pub fn part(&self, part: DatePart) -> &str {
        match part {
            DatePart::Day => &self.day,
            DatePart::Month => &self.month,
            DatePart::Year => &self.year,
        }
    }

    /// One box, to change what is typed in it.
    pub fn part_mut(&mut self, part: DatePart) -> &mut String {
        match part {
            DatePart::Day => &mut self.day,
            DatePart::Month => &mut self.month,
            DatePart::Year => &mut self.year,
        }
    }
}

/// One box of a date input.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DatePart {
    Day,
    Month,
    Year,
}

impl DatePart {
    /// `"day"`, `"month"` or `"year"`: the suffix of the box's id in GOV.UK markup
    /// (`dob-day`, `dob-month`, `dob-year`).
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Day => "day",
            Self::Month => "month",
            Self::Year => "year",
        }
    }
}

/// Which boxes of a date input to highlight. Never empty.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct PartsInError {
    pub day: bool,
    pub month: bool,
    pub year: bool,
}

impl PartsInError {
    /// The whole date (every box highlighted).
    pub const ALL: Self = Self {
        day: true,
        month: true,
        year: true,
    };

    fn only(part: DatePart) -> Self {
        Self {
            day: part == DatePart::Day,
            month: part == DatePart::Month,
            year: part == DatePart::Year,
        }
    }

    pub fn contains(self, part: DatePart) -> bool {
        match part {
            DatePart::Day => self.day,
            DatePart::Month => self.month,
            DatePart::Year => self.year,
        }
    }

    pub fn is_all(self) -> bool {
        self == Self::ALL
    }

    /// The first highlighted box: where the error summary's link goes.
    pub fn first(self) -> DatePart {
        if self.day {
            DatePart::Day
        } else if self.month {
            DatePart::Month
        } else {
            DatePart::Year
        }
    }

    /// "a day", "a day and month", "a month and year", …: what an incomplete date must include.
    fn must_include(self) -> &'static str {
        match (self.day, self.month, self.year) {
            (true, true, false) => "a day and month",
            (true, false, true) => "a day and year",
            (false, true, true) => "a month and year",
            (true, false, false) => "a day",
            (false, true, false) => "a month",
            (false, false, true) => "a year",
            // Not built by this module (all missing is `Missing`); kept readable regardless.
            _ => "a day, month and year",
        }
    }
}

/// Why a typed date of birth cannot be used, in GOV.UK priority order: nothing typed, then a box
/// left empty, then something that cannot be a date, then a date that cannot be a birth date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Error)]
pub enum DateOfBirthError {
    /// All three boxes empty.
    #[error("Enter your date of birth")]
    Missing,
    /// Some boxes empty: the ones given here.
    #[error("Date of birth must include {}", .0.must_include())]
    Incomplete(PartsInError),
    /// A box that is not a number (or month name), a month above 12, a year not of four digits,
    /// or a day the month does not have (31 April, 29 February 2023): the boxes given here.
    #[error("Date of birth must be a real date")]
    NotReal(PartsInError),
    /// Today or later.
    #[error("Date of birth must be in the past")]
    InFuture,
    /// Older than [`MAXIMUM_AGE`] today: the date of birth must be after `after`.
    #[error("Date of birth must be after {}", .after.long_form())]
    TooOld { after: SimpleDate },
}

impl DateOfBirthError {
    /// The boxes to highlight.
    pub fn parts(self) -> PartsInError {
        match self {
            Self::Incomplete(p) | Self::NotReal(p) => p,
            Self::Missing | Self::InFuture | Self::TooOld { .. } => PartsInError::ALL,
        }
    }
}

/// Nobody older than this is accepted as a date of birth (design choice, reference §3.4).
pub const MAXIMUM_AGE: u32 = 120;

/// The minimum age for the self-referral unless the service sets another (reference §3.4: adult
/// measures are validated from 16).
pub const DEFAULT_MINIMUM_AGE: u32 = 16;

/// Whether a person may use this self-referral, by age. Not an input error: someone too young is
/// taken to a page saying who to contact instead.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Eligibility {
    Eligible,
    TooYoung { minimum: u32 },
}

/// A date of birth: a real date, before today and no more than [`MAXIMUM_AGE`] years ago when it
/// was entered. Serialised as ISO 8601 `YYYY-MM-DD`.
///
/// Deserialising checks that it is a real date; it cannot check it against today (no clock
/// here), so a caller restoring an old draft can call [`DateOfBirth::check_on`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct DateOfBirth(SimpleDate);

fn parse_day(s: &str) -> Option<u8> {
    let n = parse_small_number(s)?;
    (1..=31).contains(&n).then_some(n)
}

fn parse_month(s: &str) -> Option<u8> {
    if let Some(n) = parse_small_number(s) {
        return (1..=12).contains(&n).then_some(n);
    }
    let lower = s.to_ascii_lowercase();
    if lower == "sept" {
        return Some(9);
    }
    MONTH_NAMES.iter().zip(1..).find_map(|(name, n)| {
        let name = name.to_ascii_lowercase();
        (lower == name || lower == name[..3]).then_some(n)
    })
}

/// One or two ASCII digits.
fn parse_small_number(s: &str) -> Option<u8> {
    (matches!(s.len(), 1 | 2) && s.bytes().all(|c| c.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
}

fn parse_year(s: &str) -> Option<u16> {
    (s.len() == 4 && s.bytes().all(|c| c.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
        .filter(|&y| y >= 1)
}

impl DateOfBirth {
    /// Checks a date of birth typed into the three boxes, given today's date.
    ///
    /// Each box is trimmed. The day is 1 or 2 digits (`7` or `07`); the month is 1 or 2 digits
    /// or an English month name or its first three letters (`4`, `04`, `Apr`, `april`; also
    /// `Sept`); the year is 4 digits.
    ///
    /// # Errors
    /// In this order: [`DateOfBirthError::Missing`] (all empty), [`DateOfBirthError::Incomplete`]
    /// (some empty), [`DateOfBirthError::NotReal`] (`31/4/1990`, `1/13/1990`, `1/1/90`, `x/1/1990`),
    /// [`DateOfBirthError::InFuture`] (today or later), [`DateOfBirthError::TooOld`] (more than
    /// [`MAXIMUM_AGE`] years old today).
    pub fn parse(parts: &DateParts, today: SimpleDate) -> Result<Self, DateOfBirthError> {
        let (d, m, y) = (parts.day.trim(), parts.month.trim(), parts.year.trim());
        let missing = PartsInError {
            day: d.is_empty(),
            month: m.is_empty(),
            year: y.is_empty(),
        };
        if missing.is_all() {
            return Err(DateOfBirthError::Missing);
        }
        if missing.day || missing.month || missing.year {
            return Err(DateOfBirthError::Incomplete(missing));
        }
        let (day, month, year) = (parse_day(d), parse_month(m), parse_year(y));
        let wrong = PartsInError {
            day: day.is_none(),
            month: month.is_none(),
            year: year.is_none(),
        };
        let (Some(day), Some(month), Some(year)) = (day, month, year) else {
            return Err(DateOfBirthError::NotReal(wrong));
        };
        let date = SimpleDate::new(year, month, day)
            .map_err(|_| DateOfBirthError::NotReal(PartsInError::only(DatePart::Day)))?;
        let dob = Self(date);
        dob.check_on(today)?;
        Ok(dob)
    }

    /// Whether this date of birth is still plausible on `today`: before it, and no more than
    /// [`MAXIMUM_AGE`] years earlier.
    ///
    /// # Errors
    /// [`DateOfBirthError::InFuture`] or [`DateOfBirthError::TooOld`].
    pub fn check_on(&self, today: SimpleDate) -> Result<(), DateOfBirthError> {
        if self.0 >= today {
            return Err(DateOfBirthError::InFuture);
        }
        if self.age_on(today) > MAXIMUM_AGE {
            // Someone born on this day (or earlier) is older than the maximum today.
            let after = today.years_before(MAXIMUM_AGE as u16 + 1);
            return Err(DateOfBirthError::TooOld { after });
        }
        Ok(())
    }

    pub fn date(&self) -> SimpleDate {
        self.0
    }

    /// Age in whole years on `today` (0 if `today` is before the birth). Someone born on
    /// 29 February has their birthday on 1 March in a common year.
    pub fn age_on(&self, today: SimpleDate) -> u32 {
        let b = self.0;
        if today <= b {
            return 0;
        }
        let years = u32::from(today.year - b.year);
        let before_birthday = (today.month, today.day) < (b.month, b.day);
        years - u32::from(before_birthday)
    }

    /// Whether someone with this date of birth is old enough on `today`
    /// ([`DEFAULT_MINIMUM_AGE`] unless the service sets another).
    pub fn eligibility(&self, today: SimpleDate, minimum_age: u32) -> Eligibility {
        if self.age_on(today) >= minimum_age {
            Eligibility::Eligible
        } else {
            Eligibility::TooYoung {
                minimum: minimum_age,
            }
        }
    }

    /// The three boxes filled in with this date (`7`, `4`, `1990`): what a Change link shows.
    pub fn to_parts(&self) -> DateParts {
        DateParts::new(
            self.0.day.to_string(),
            self.0.month.to_string(),
            format!("{:04}", self.0.year),
        )
    }

    /// The date written for people: `7 April 1990`.
    pub fn long_form(&self) -> String {
        self.0.long_form()
    }
}

impl fmt::Display for DateOfBirth {
    /// ISO 8601: `1990-04-07`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl TryFrom<String> for DateOfBirth {
    type Error = DateOfBirthError;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        SimpleDate::parse_iso(&s)
            .map(Self)
            .map_err(|_| DateOfBirthError::NotReal(PartsInError::ALL))
    }
}

impl From<DateOfBirth> for String {
    fn from(d: DateOfBirth) -> String {
        d.to_string()
    }
}
