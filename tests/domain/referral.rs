//! The self-referral "about you / contact" fields: every rule with accepted and refused
//! examples, the exact GOV.UK-style messages, serde re-validation and round-trip properties.

use proptest::prelude::*;
use wellbeing_widget::domain::referral::*;

fn date(y: u16, m: u8, d: u8) -> SimpleDate {
    SimpleDate::new(y, m, d).unwrap()
}

/// The day these tests run "on": 23 November 2026.
fn today() -> SimpleDate {
    date(2026, 11, 23)
}

fn parts(d: &str, m: &str, y: &str) -> DateParts {
    DateParts::new(d, m, y)
}

fn dob(d: &str, m: &str, y: &str) -> Result<DateOfBirth, DateOfBirthError> {
    DateOfBirth::parse(&parts(d, m, y), today())
}

/// GOV.UK: no "please", "sorry", "valid"/"invalid", "you forgot" in error messages.
fn assert_govuk_wording(message: &str) {
    let lower = message.to_lowercase();
    for banned in ["please", "sorry", "valid", "forgot"] {
        assert!(!lower.contains(banned), "{message:?} contains {banned:?}");
    }
    assert!(
        message.chars().next().is_some_and(char::is_uppercase),
        "{message:?} starts with a capital"
    );
    assert!(!message.ends_with('.'), "{message:?} has no full stop");
}

// ---------------------------------------------------------------------------------------------
// Full name

#[test]
fn name_is_trimmed_and_its_inner_whitespace_collapsed() {
    for (typed, kept) in [
        ("Ada Lovelace", "Ada Lovelace"),
        ("  Ada   Lovelace \t", "Ada Lovelace"),
        ("Ada\nLovelace", "Ada\u{20}Lovelace"),
        ("Ada\u{0}Lovelace", "Ada Lovelace"),
        ("Siân O'Brien-Jones", "Siân O'Brien-Jones"),
        ("李小龍", "李小龍"),
        ("X", "X"),
    ] {
        let name = PersonName::parse(typed).unwrap();
        assert_eq!(name.as_ref(), kept);
        assert_eq!(name.to_string(), kept);
    }
}

#[test]
fn name_must_be_given() {
    for typed in ["", " ", "\t\n  "] {
        let err = PersonName::parse(typed).unwrap_err();
        assert_eq!(err, PersonNameError::Empty);
        assert_eq!(err.to_string(), "Enter your full name");
    }
}

#[test]
fn name_is_at_most_100_characters_counted_as_characters() {
    assert!(PersonName::parse(&"a".repeat(100)).is_ok());
    assert!(
        PersonName::parse(&"é".repeat(100)).is_ok(),
        "200 bytes, 100 chars"
    );
    // Extra whitespace does not count.
    assert!(PersonName::parse(&format!("   {}   ", "a".repeat(100))).is_ok());
    for typed in ["a".repeat(101), "é".repeat(101)] {
        let err = PersonName::parse(&typed).unwrap_err();
        assert_eq!(err, PersonNameError::TooLong);
        assert_eq!(err.to_string(), "Full name must be 100 characters or less");
    }
}

#[test]
fn name_serde_round_trips_and_revalidates() {
    let name = PersonName::parse("Ada Lovelace").unwrap();
    let json = serde_json::to_string(&name).unwrap();
    assert_eq!(json, r#""Ada Lovelace""#);
    assert_eq!(serde_json::from_str::<PersonName>(&json).unwrap(), name);
    assert!(serde_json::from_str::<PersonName>(r#""  ""#).is_err());
    let long = format!("\"{}\"", "a".repeat(101));
    assert!(serde_json::from_str::<PersonName>(&long).is_err());
}

proptest! {
    #[test]
    fn name_round_trips_and_is_tidy(s in any::<String>()) {
        match PersonName::parse(&s) {
            Ok(name) => {
                let shown = name.to_string();
                prop_assert_eq!(PersonName::parse(&shown).unwrap(), name.clone());
                prop_assert_eq!(shown.trim(), shown.as_str());
                prop_assert!(!shown.contains("  "));
                prop_assert!(shown.chars().count() <= 100);
                prop_assert!(!shown.chars().any(|c| c.is_control() || (c.is_whitespace() && c != ' ')));
            }
            Err(e) => prop_assert!(matches!(e, PersonNameError::Empty | PersonNameError::TooLong)),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Simple dates

#[test]
fn simple_date_accepts_only_real_dates() {
    assert!(SimpleDate::new(2024, 2, 29).is_ok());
    assert!(SimpleDate::new(2000, 2, 29).is_ok());
    for (y, m, d) in [
        (2023, 2, 29),
        (1900, 2, 29),
        (2024, 2, 30),
        (2024, 4, 31),
        (2024, 13, 1),
        (2024, 0, 1),
        (2024, 1, 0),
        (2024, 1, 32),
        (0, 1, 1),
        (10000, 1, 1),
    ] {
        assert_eq!(
            SimpleDate::new(y, m, d),
            Err(SimpleDateError),
            "{y}-{m}-{d}"
        );
    }
}

#[test]
fn simple_date_iso_form() {
    let d = SimpleDate::parse_iso("1990-04-07").unwrap();
    assert_eq!((d.year(), d.month(), d.day()), (1990, 4, 7));
    assert_eq!(d.to_string(), "1990-04-07");
    assert_eq!(d.long_form(), "7 April 1990");
    assert_eq!(
        "2024-02-29".parse::<SimpleDate>().unwrap(),
        date(2024, 2, 29)
    );
    for bad in [
        "1990-4-7",
        "90-04-07",
        "1990/04/07",
        "1990-04-07T00:00",
        "1990-02-30",
        "0000-01-01",
        "+990-04-07",
        "",
    ] {
        assert!(SimpleDate::parse_iso(bad).is_err(), "{bad}");
    }
    assert_eq!(
        serde_json::to_string(&date(1990, 4, 7)).unwrap(),
        r#""1990-04-07""#
    );
    assert!(serde_json::from_str::<SimpleDate>(r#""2023-02-29""#).is_err());
}

#[test]
fn simple_dates_are_ordered_chronologically() {
    assert!(date(1990, 4, 7) < date(1990, 4, 8));
    assert!(date(1990, 4, 30) < date(1990, 5, 1));
    assert!(date(1990, 12, 31) < date(1991, 1, 1));
}

#[test]
fn simple_date_from_the_clock() {
    assert_eq!(SimpleDate::from_unix_days(0), Some(date(1970, 1, 1)));
    assert_eq!(SimpleDate::from_unix_days(-1), Some(date(1969, 12, 31)));
    assert_eq!(SimpleDate::from_unix_days(20_780), Some(today()));
    assert_eq!(SimpleDate::from_unix_days(-719_162), Some(date(1, 1, 1)));
    assert_eq!(
        SimpleDate::from_unix_days(2_932_896),
        Some(date(9999, 12, 31))
    );
    assert_eq!(SimpleDate::from_unix_days(-719_163), None);
    assert_eq!(SimpleDate::from_unix_days(2_932_897), None);
    assert_eq!(SimpleDate::from_unix_days(i64::MAX), None);
    // 23 November 2026, 23:59:59.999 UTC.
    assert_eq!(
        SimpleDate::from_unix_ms(20_781 * 86_400_000 - 1),
        Some(today())
    );
    assert_eq!(SimpleDate::from_unix_ms(u64::MAX), None);
}

/// The next calendar day, worked out the long way.
fn next_day(d: SimpleDate) -> Option<SimpleDate> {
    SimpleDate::new(d.year(), d.month(), d.day() + 1)
        .or_else(|_| SimpleDate::new(d.year(), d.month() + 1, 1))
        .or_else(|_| SimpleDate::new(d.year() + 1, 1, 1))
        .ok()
}

fn any_date() -> impl Strategy<Value = SimpleDate> {
    (-719_162i64..=2_932_896).prop_map(|n| SimpleDate::from_unix_days(n).unwrap())
}

/// Dates of birth that are plausible on `today()`: from 1906 until yesterday.
fn plausible_dob() -> impl Strategy<Value = SimpleDate> {
    (-23_010i64..20_780).prop_map(|n| SimpleDate::from_unix_days(n).unwrap())
}

proptest! {
    #[test]
    fn unix_days_round_trip_and_count_days(n in -719_162i64..2_932_896) {
        let d = SimpleDate::from_unix_days(n).unwrap();
        prop_assert_eq!(d.to_unix_days(), n);
        prop_assert_eq!(SimpleDate::from_unix_days(n + 1), next_day(d));
    }

    #[test]
    fn simple_date_iso_round_trips(d in any_date()) {
        prop_assert_eq!(SimpleDate::parse_iso(&d.to_string()), Ok(d));
        let json = serde_json::to_string(&d).unwrap();
        prop_assert_eq!(serde_json::from_str::<SimpleDate>(&json).unwrap(), d);
    }
}

// ---------------------------------------------------------------------------------------------
// Date of birth

#[test]
fn date_of_birth_accepts_numbers_with_or_without_leading_zeros_and_month_names() {
    let expected = date(1990, 4, 7);
    for (d, m, y) in [
        ("7", "4", "1990"),
        ("07", "04", "1990"),
        (" 7 ", " 4 ", " 1990 "),
        ("7", "Apr", "1990"),
        ("7", "apr", "1990"),
        ("7", "April", "1990"),
        ("7", "APRIL", "1990"),
    ] {
        assert_eq!(dob(d, m, y).unwrap().date(), expected, "{d}/{m}/{y}");
    }
    assert_eq!(dob("1", "Sept", "1990").unwrap().date(), date(1990, 9, 1));
    assert_eq!(dob("1", "sep", "1990").unwrap().date(), date(1990, 9, 1));
    assert_eq!(dob("31", "Dec", "1999").unwrap().date(), date(1999, 12, 31));
    for (n, name) in [
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
    ]
    .iter()
    .enumerate()
    {
        let month = n as u8 + 1;
        assert_eq!(dob("1", name, "1990").unwrap().date().month(), month);
        assert_eq!(dob("1", &name[..3], "1990").unwrap().date().month(), month);
    }
}

#[test]
fn date_of_birth_knows_leap_years() {
    assert!(dob("29", "2", "2000").is_ok(), "divisible by 400");
    assert!(dob("29", "2", "2008").is_ok(), "divisible by 4");
    for y in ["1900", "2023"] {
        let err = dob("29", "2", y).unwrap_err();
        assert_eq!(err, DateOfBirthError::NotReal(day_only()));
        assert_eq!(err.to_string(), "Date of birth must be a real date");
    }
}

fn day_only() -> PartsInError {
    PartsInError {
        day: true,
        month: false,
        year: false,
    }
}

fn month_only() -> PartsInError {
    PartsInError {
        day: false,
        month: true,
        year: false,
    }
}

fn year_only() -> PartsInError {
    PartsInError {
        day: false,
        month: false,
        year: true,
    }
}

#[test]
fn date_of_birth_must_be_given() {
    for (d, m, y) in [("", "", ""), (" ", "\t", "  ")] {
        let err = dob(d, m, y).unwrap_err();
        assert_eq!(err, DateOfBirthError::Missing);
        assert_eq!(err.to_string(), "Enter your date of birth");
        assert!(err.parts().is_all());
        assert_eq!(err.parts().first(), DatePart::Day);
    }
}

#[test]
fn an_incomplete_date_of_birth_says_what_is_missing() {
    for (d, m, y, message, first) in [
        (
            "",
            "4",
            "1990",
            "Date of birth must include a day",
            DatePart::Day,
        ),
        (
            "7",
            "",
            "1990",
            "Date of birth must include a month",
            DatePart::Month,
        ),
        (
            "7",
            "4",
            "",
            "Date of birth must include a year",
            DatePart::Year,
        ),
        (
            "",
            "",
            "1990",
            "Date of birth must include a day and month",
            DatePart::Day,
        ),
        (
            "",
            "4",
            "",
            "Date of birth must include a day and year",
            DatePart::Day,
        ),
        (
            "7",
            "",
            "",
            "Date of birth must include a month and year",
            DatePart::Month,
        ),
    ] {
        let err = dob(d, m, y).unwrap_err();
        assert!(
            matches!(err, DateOfBirthError::Incomplete(_)),
            "{d}/{m}/{y}"
        );
        assert_eq!(err.to_string(), message);
        assert_eq!(err.parts().first(), first);
        assert_eq!(err.parts().day, d.is_empty());
        assert_eq!(err.parts().month, m.is_empty());
        assert_eq!(err.parts().year, y.is_empty());
    }
}

#[test]
fn missing_parts_come_before_impossible_ones() {
    assert_eq!(
        dob("x", "", "1990").unwrap_err(),
        DateOfBirthError::Incomplete(month_only())
    );
    assert_eq!(
        dob("", "13", "90").unwrap_err(),
        DateOfBirthError::Incomplete(day_only())
    );
}

#[test]
fn an_impossible_date_of_birth_must_be_a_real_date_and_highlights_the_wrong_box() {
    for (d, m, y, wrong) in [
        ("32", "1", "1990", day_only()),
        ("0", "1", "1990", day_only()),
        ("00", "1", "1990", day_only()),
        ("31", "4", "1990", day_only()),
        ("31", "6", "1990", day_only()),
        ("30", "2", "2000", day_only()),
        ("x", "1", "1990", day_only()),
        ("1.5", "1", "1990", day_only()),
        ("-1", "1", "1990", day_only()),
        ("007", "1", "1990", day_only()),
        ("1", "13", "1990", month_only()),
        ("1", "0", "1990", month_only()),
        ("1", "Janu", "1990", month_only()),
        ("1", "Ja", "1990", month_only()),
        ("1", "Foo", "1990", month_only()),
        ("1", "1", "90", year_only()),
        ("1", "1", "19900", year_only()),
        ("1", "1", "199O", year_only()),
        ("1", "1", "0000", year_only()),
        ("1", "1", "１９９０", year_only()),
        (
            "x",
            "y",
            "1990",
            PartsInError {
                day: true,
                month: true,
                year: false,
            },
        ),
        ("40", "13", "90", PartsInError::ALL),
    ] {
        let err = dob(d, m, y).unwrap_err();
        assert_eq!(err, DateOfBirthError::NotReal(wrong), "{d}/{m}/{y}");
        assert_eq!(err.to_string(), "Date of birth must be a real date");
        assert_eq!(err.parts(), wrong);
    }
}

#[test]
fn date_of_birth_must_be_in_the_past() {
    for (d, m, y) in [
        ("23", "11", "2026"),
        ("24", "11", "2026"),
        ("1", "1", "2099"),
    ] {
        let err = dob(d, m, y).unwrap_err();
        assert_eq!(err, DateOfBirthError::InFuture, "{d}/{m}/{y}");
        assert_eq!(err.to_string(), "Date of birth must be in the past");
        assert!(err.parts().is_all());
    }
    assert!(dob("22", "11", "2026").is_ok(), "yesterday");
}

#[test]
fn date_of_birth_is_at_most_120_years_ago() {
    let ok = dob("24", "11", "1906").unwrap();
    assert_eq!(ok.age_on(today()), 119);
    let ok = dob("24", "11", "1905").unwrap();
    assert_eq!(ok.age_on(today()), 120);
    for (d, m, y) in [("23", "11", "1905"), ("1", "1", "1900"), ("1", "1", "1000")] {
        let err = dob(d, m, y).unwrap_err();
        assert_eq!(
            err,
            DateOfBirthError::TooOld {
                after: date(1905, 11, 23)
            }
        );
        assert_eq!(
            err.to_string(),
            "Date of birth must be after 23 November 1905"
        );
        assert!(err.parts().is_all());
    }
}

#[test]
fn the_oldest_date_of_birth_on_29_february() {
    let leap_day = date(2028, 2, 29);
    let check = |d, m, y| DateOfBirth::parse(&parts(d, m, y), leap_day);
    assert_eq!(
        check("28", "2", "1907").unwrap_err().to_string(),
        "Date of birth must be after 28 February 1907"
    );
    assert_eq!(check("1", "3", "1907").unwrap().age_on(leap_day), 120);
}

#[test]
fn age_in_whole_years() {
    let born = dob("23", "11", "2010").unwrap();
    assert_eq!(born.age_on(date(2026, 11, 22)), 15);
    assert_eq!(born.age_on(date(2026, 11, 23)), 16);
    assert_eq!(born.age_on(date(2010, 11, 23)), 0);
    assert_eq!(born.age_on(date(2000, 1, 1)), 0, "before the birth");
    let leapling = dob("29", "2", "2008").unwrap();
    assert_eq!(leapling.age_on(date(2024, 2, 28)), 15);
    assert_eq!(leapling.age_on(date(2024, 2, 29)), 16);
    assert_eq!(leapling.age_on(date(2025, 2, 28)), 16);
    assert_eq!(leapling.age_on(date(2025, 3, 1)), 17);
}

#[test]
fn under_the_minimum_age_is_an_eligibility_outcome_not_an_input_error() {
    assert_eq!(DEFAULT_MINIMUM_AGE, 16);
    let sixteen_today = dob("23", "11", "2010").unwrap();
    let sixteen_tomorrow = dob("24", "11", "2010").unwrap();
    assert_eq!(
        sixteen_today.eligibility(today(), DEFAULT_MINIMUM_AGE),
        Eligibility::Eligible
    );
    assert_eq!(
        sixteen_tomorrow.eligibility(today(), DEFAULT_MINIMUM_AGE),
        Eligibility::TooYoung { minimum: 16 }
    );
    assert_eq!(
        sixteen_today.eligibility(today(), 18),
        Eligibility::TooYoung { minimum: 18 }
    );
    let eighteen = dob("23", "11", "2008").unwrap();
    assert_eq!(eighteen.eligibility(today(), 18), Eligibility::Eligible);
    // A baby born yesterday is a real date of birth: the journey routes them, not the field.
    let baby = dob("22", "11", "2026").unwrap();
    assert_eq!(baby.age_on(today()), 0);
    assert_eq!(
        baby.eligibility(today(), DEFAULT_MINIMUM_AGE),
        Eligibility::TooYoung { minimum: 16 }
    );
}

#[test]
fn date_of_birth_forms() {
    let d = dob("07", "Apr", "1990").unwrap();
    assert_eq!(d.to_string(), "1990-04-07");
    assert_eq!(d.long_form(), "7 April 1990");
    assert_eq!(d.to_parts(), parts("7", "4", "1990"));
    assert_eq!(serde_json::to_string(&d).unwrap(), r#""1990-04-07""#);
    assert_eq!(
        serde_json::from_str::<DateOfBirth>(r#""1990-04-07""#).unwrap(),
        d
    );
    for bad in [r#""1990-02-30""#, r#""7/4/1990""#, r#""""#] {
        assert!(serde_json::from_str::<DateOfBirth>(bad).is_err(), "{bad}");
    }
}

#[test]
fn a_restored_date_of_birth_can_be_checked_against_today_again() {
    let d: DateOfBirth = serde_json::from_str(r#""2030-01-01""#).unwrap();
    assert_eq!(d.check_on(today()), Err(DateOfBirthError::InFuture));
    assert_eq!(d.check_on(date(2031, 1, 1)), Ok(()));
}

#[test]
fn date_part_ids() {
    assert_eq!(DatePart::Day.as_str(), "day");
    assert_eq!(DatePart::Month.as_str(), "month");
    assert_eq!(DatePart::Year.as_str(), "year");
    assert!(PartsInError::ALL.contains(DatePart::Year));
    assert!(!month_only().contains(DatePart::Day));
    assert_eq!(year_only().first(), DatePart::Year);
}

proptest! {
    #[test]
    fn date_of_birth_round_trips_through_its_parts_and_json(d in plausible_dob()) {
        let typed = DateParts::new(d.day().to_string(), d.month().to_string(), d.year().to_string());
        let parsed = DateOfBirth::parse(&typed, today()).unwrap();
        prop_assert_eq!(parsed.date(), d);
        prop_assert_eq!(DateOfBirth::parse(&parsed.to_parts(), today()), Ok(parsed));
        let padded = DateParts::new(format!("{:02}", d.day()), format!("{:02}", d.month()), d.year().to_string());
        prop_assert_eq!(DateOfBirth::parse(&padded, today()), Ok(parsed));
        let json = serde_json::to_string(&parsed).unwrap();
        prop_assert_eq!(serde_json::from_str::<DateOfBirth>(&json).unwrap(), parsed);
    }

    /// The "must be after" date is exactly the last refused date of birth.
    #[test]
    fn too_old_boundary_matches_the_age(born in any_date(), on in any_date()) {
        let typed = DateParts::new(born.day().to_string(), born.month().to_string(), format!("{:04}", born.year()));
        match DateOfBirth::parse(&typed, on) {
            Ok(d) => {
                prop_assert!(born < on);
                prop_assert!(d.age_on(on) <= MAXIMUM_AGE);
            }
            Err(DateOfBirthError::InFuture) => prop_assert!(born >= on),
            Err(DateOfBirthError::TooOld { after }) => {
                prop_assert!(born <= after);
                let at_boundary = DateParts::new(after.day().to_string(), after.month().to_string(), format!("{:04}", after.year()));
                prop_assert_eq!(DateOfBirth::parse(&at_boundary, on), Err(DateOfBirthError::TooOld { after }));
                if let Some(next) = next_day(after) {
                    let next = DateParts::new(next.day().to_string(), next.month().to_string(), format!("{:04}", next.year()));
                    let accepted = DateOfBirth::parse(&next, on).unwrap();
                    prop_assert_eq!(accepted.age_on(on), MAXIMUM_AGE);
                }
            }
            Err(e) => prop_assert!(false, "unexpected {:?}", e),
        }
    }

    #[test]
    fn date_of_birth_errors_are_fixed_messages(d in ".{0,6}", m in ".{0,10}", y in ".{0,6}") {
        if let Err(e) = DateOfBirth::parse(&DateParts::new(d, m, y), today()) {
            let message = e.to_string();
            prop_assert!(message == "Enter your date of birth" || message.starts_with("Date of birth must "));
            assert_govuk_wording(&message);
        }
    }
}

// ---------------------------------------------------------------------------------------------
// NHS number

#[test]
fn nhs_number_reference_examples() {
    for (typed, ok) in [
        ("943 476 5919", true),
        ("943 476 5918", false),
        ("401 023 2137", true),
        ("401 023 2138", false),
        ("123 456 7881", true),
        ("123 456 7890", false), // check digit works out as 10: never issued
    ] {
        let result = NhsNumber::parse(typed);
        if ok {
            let n = result.unwrap();
            assert_eq!(n.to_string(), typed);
            assert_eq!(n.as_ref(), typed.replace(' ', ""));
        } else {
            let err = result.unwrap_err();
            assert_eq!(err, NhsNumberError::CheckDigit, "{typed}");
            assert_eq!(
                err.to_string(),
                "NHS number is not correct – check it and enter it again"
            );
        }
    }
}

#[test]
fn nhs_number_ignores_spaces_and_hyphens() {
    for typed in [
        "9434765919",
        "943-476-5919",
        " 943 476 5919 ",
        "943\t476  5919",
        "94 34 76 59 19",
        "943 - 476 - 5919",
    ] {
        let n = NhsNumber::parse(typed).unwrap();
        assert_eq!(n.as_str(), "9434765919");
        assert_eq!(n.to_string(), "943 476 5919");
    }
}

#[test]
fn nhs_number_is_checksum_only() {
    // Pass the checksum though clearly not issued: accepted (PDS policy unconfirmed).
    for typed in ["000 000 0000", "111 111 1111", "999 999 9999"] {
        assert!(NhsNumber::parse(typed).is_ok(), "{typed}");
    }
}

#[test]
fn nhs_number_error_states() {
    for (typed, err, message) in [
        ("", NhsNumberError::Empty, "Enter your NHS number"),
        ("  - ", NhsNumberError::Empty, "Enter your NHS number"),
        (
            "943 476 591O",
            NhsNumberError::NotDigits,
            "NHS number must only include numbers",
        ),
        (
            "+943 476 5919",
            NhsNumberError::NotDigits,
            "NHS number must only include numbers",
        ),
        (
            "943.476.5919",
            NhsNumberError::NotDigits,
            "NHS number must only include numbers",
        ),
        (
            "٩٤٣٤٧٦٥٩١٩",
            NhsNumberError::NotDigits,
            "NHS number must only include numbers",
        ),
        (
            "943 476 591",
            NhsNumberError::WrongLength,
            "NHS number must be 10 digits",
        ),
        (
            "943 476 59190",
            NhsNumberError::WrongLength,
            "NHS number must be 10 digits",
        ),
        (
            "1",
            NhsNumberError::WrongLength,
            "NHS number must be 10 digits",
        ),
    ] {
        let e = NhsNumber::parse(typed).unwrap_err();
        assert_eq!(e, err, "{typed}");
        assert_eq!(e.to_string(), message);
    }
}

#[test]
fn nhs_number_serde_keeps_digits_and_revalidates() {
    let n = NhsNumber::parse("943 476 5919").unwrap();
    assert_eq!(serde_json::to_string(&n).unwrap(), r#""9434765919""#);
    assert_eq!(
        serde_json::from_str::<NhsNumber>(r#""943 476 5919""#).unwrap(),
        n
    );
    assert!(serde_json::from_str::<NhsNumber>(r#""9434765918""#).is_err());
}

/// The Modulus 11 check digit worked out here independently: `None` for 10.
fn expected_check(first_nine: &[u8]) -> Option<u8> {
    let sum: u32 = first_nine
        .iter()
        .enumerate()
        .map(|(i, &d)| u32::from(d) * (10 - i as u32))
        .sum();
    match 11 - sum % 11 {
        11 => Some(0),
        10 => None,
        c => Some(c as u8),
    }
}

proptest! {
    #[test]
    fn exactly_the_computed_check_digit_passes(first_nine in prop::collection::vec(0u8..10, 9)) {
        let stem: String = first_nine.iter().map(|d| char::from(b'0' + d)).collect();
        let passing: Vec<u8> = (0..10u8)
            .filter(|last| NhsNumber::parse(&format!("{stem}{last}")).is_ok())
            .collect();
        match expected_check(&first_nine) {
            Some(c) => prop_assert_eq!(passing, vec![c]),
            None => prop_assert!(passing.is_empty()),
        }
        for last in 0..10u8 {
            if let Err(e) = NhsNumber::parse(&format!("{stem}{last}")) {
                prop_assert_eq!(e, NhsNumberError::CheckDigit);
            }
        }
    }

    #[test]
    fn nhs_number_round_trips(first_nine in prop::collection::vec(0u8..10, 9)) {
        prop_assume!(expected_check(&first_nine).is_some());
        let mut digits: String = first_nine.iter().map(|d| char::from(b'0' + d)).collect();
        digits.push(char::from(b'0' + expected_check(&first_nine).unwrap()));
        let n = NhsNumber::parse(&digits).unwrap();
        prop_assert_eq!(NhsNumber::parse(&format!("{n}")).unwrap(), n.clone());
        prop_assert_eq!(NhsNumber::parse(n.as_ref()).unwrap(), n.clone());
        let json = serde_json::to_string(&n).unwrap();
        prop_assert_eq!(serde_json::from_str::<NhsNumber>(&json).unwrap(), n);
    }

    #[test]
    fn nhs_number_errors_are_fixed_messages(s in any::<String>()) {
        if let Err(e) = NhsNumber::parse(&s) {
            let message = e.to_string();
            prop_assert!([
                "Enter your NHS number",
                "NHS number must only include numbers",
                "NHS number must be 10 digits",
                "NHS number is not correct – check it and enter it again",
            ].contains(&message.as_str()));
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Postcode

#[test]
fn real_postcodes_in_every_format() {
    for (typed, shown, outward) in [
        ("SW1A 1AA", "SW1A 1AA", "SW1A"), // AA9A
        ("EC1A 1BB", "EC1A 1BB", "EC1A"), // AA9A
        ("W1A 0AX", "W1A 0AX", "W1A"),    // A9A
        ("M1 1AE", "M1 1AE", "M1"),       // A9
        ("B33 8TH", "B33 8TH", "B33"),    // A99
        ("CR2 6XH", "CR2 6XH", "CR2"),    // AA9
        ("DN55 1PT", "DN55 1PT", "DN55"), // AA99
        ("GIR 0AA", "GIR 0AA", "GIR"),
        ("sw1a1aa", "SW1A 1AA", "SW1A"),
        ("  sw1a 1aa  ", "SW1A 1AA", "SW1A"),
        ("SW1A  1AA", "SW1A 1AA", "SW1A"),
        ("S W 1 A 1 A A", "SW1A 1AA", "SW1A"),
        ("Ec1a1Bb", "EC1A 1BB", "EC1A"),
        ("w1a0ax", "W1A 0AX", "W1A"),
        ("m11ae", "M1 1AE", "M1"),
        ("b338th", "B33 8TH", "B33"),
        ("dn551pt", "DN55 1PT", "DN55"),
        ("gir0aa", "GIR 0AA", "GIR"),
        ("SW1A\t1AA", "SW1A 1AA", "SW1A"),
    ] {
        let p = Postcode::parse(typed).unwrap();
        assert_eq!(p.as_ref(), shown, "{typed}");
        assert_eq!(p.to_string(), shown);
        assert_eq!(p.outward(), outward);
        assert_eq!(p.inward(), &shown[shown.len() - 3..]);
    }
}

#[test]
fn postcode_must_be_given() {
    for typed in ["", "   "] {
        let err = Postcode::parse(typed).unwrap_err();
        assert_eq!(err, PostcodeError::Empty);
        assert_eq!(err.to_string(), "Enter your postcode");
    }
}

fn refused(typed: &str) {
    let err = Postcode::parse(typed).unwrap_err();
    assert_eq!(err, PostcodeError::NotReal, "{typed}");
    assert_eq!(err.to_string(), "Enter a real postcode");
}

#[test]
fn postcode_letter_rules() {
    // Position 1 is never Q, V or X.
    for c in ['Q', 'V', 'X'] {
        refused(&format!("{c}1 1AA"));
        refused(&format!("{c}A1 1AA"));
        refused(&format!("{c}1A 1AA"));
    }
    // Position 2 is never I, J or Z.
    for c in ['I', 'J', 'Z'] {
        refused(&format!("A{c}1 1AA"));
        refused(&format!("A{c}11 1AA"));
        refused(&format!("A{c}1A 1AA"));
    }
    // Position 3 of A9A, and position 4 of AA9A, only from their lists.
    for c in 'A'..='Z' {
        let a9a = Postcode::parse(&format!("W1{c} 1AA"));
        assert_eq!(a9a.is_ok(), "ABCDEFGHJKSTUW".contains(c), "W1{c}");
        let aa9a = Postcode::parse(&format!("EC1{c} 1BB"));
        assert_eq!(aa9a.is_ok(), "ABEHMNPRVWXY".contains(c), "EC1{c}");
    }
    // The inward letters are never C, I, K, M, O or V.
    for c in ['C', 'I', 'K', 'M', 'O', 'V'] {
        refused(&format!("SW1A 1{c}A"));
        refused(&format!("SW1A 1A{c}"));
    }
    for c in "ABDEFGHJLNPQRSTUWXYZ".chars() {
        assert!(Postcode::parse(&format!("SW1A 1{c}{c}")).is_ok(), "1{c}{c}");
    }
}

#[test]
fn postcode_shapes() {
    for typed in [
        "SW1A",       // outward code only
        "SW1A 1AAA",  // inward too long
        "SW1A 1A",    // inward too short
        "SW1A AAA",   // inward starts with a letter
        "SW1A 11A",   // inward digit then digit
        "A1AA",       // too short
        "AAA 1AA",    // three letters
        "A999 1AA",   // three digits
        "9A 1AA",     // starts with a digit
        "AA9AA 1AA",  // outward too long
        "12345",      // only digits
        "SW1A-1AA",   // hyphen
        "SW1A 1ÀA",   // not ASCII
        "ZZ99 3VZ",   // NHS pseudo-postcode: not a postcode
        "GIR 0AB",    // only GIR 0AA is special
        "SW1A 1AA X", // extra
    ] {
        refused(typed);
    }
}

/// A postcode built from the format rules, as outward and inward parts.
fn generated_postcode() -> impl Strategy<Value = String> {
    let first = prop::sample::select("ABCDEFGHIJKLMNOPRSTUWYZ".chars().collect::<Vec<_>>());
    let second = prop::sample::select("ABCDEFGHKLMNOPQRSTUVWXY".chars().collect::<Vec<_>>());
    let third = prop::sample::select("ABCDEFGHJKSTUW".chars().collect::<Vec<_>>());
    let fourth = prop::sample::select("ABEHMNPRVWXY".chars().collect::<Vec<_>>());
    let inward_letter = prop::sample::select("ABDEFGHJLNPQRSTUWXYZ".chars().collect::<Vec<_>>());
    let digit = prop::sample::select("0123456789".chars().collect::<Vec<_>>());
    (
        0..6usize,
        first,
        second,
        third,
        fourth,
        digit.clone(),
        digit.clone(),
        digit,
        inward_letter.clone(),
        inward_letter,
    )
        .prop_map(|(format, a, b, x, y, n, m, i, p, q)| {
            let outward = match format {
                0 => format!("{a}{n}"),
                1 => format!("{a}{n}{m}"),
                2 => format!("{a}{b}{n}"),
                3 => format!("{a}{b}{n}{m}"),
                4 => format!("{a}{n}{x}"),
                _ => format!("{a}{b}{n}{y}"),
            };
            format!("{outward} {i}{p}{q}")
        })
}

proptest! {
    #[test]
    fn every_format_is_accepted_however_it_is_typed(p in generated_postcode()) {
        let parsed = Postcode::parse(&p).unwrap();
        prop_assert_eq!(parsed.as_ref(), p.as_str());
        prop_assert_eq!(Postcode::parse(&p.to_lowercase()).unwrap(), parsed.clone());
        prop_assert_eq!(Postcode::parse(&p.replace(' ', "")).unwrap(), parsed.clone());
        prop_assert_eq!(Postcode::parse(&format!("  {}  ", p.replace(' ', "   "))).unwrap(), parsed.clone());
        let json = serde_json::to_string(&parsed).unwrap();
        prop_assert_eq!(serde_json::from_str::<Postcode>(&json).unwrap(), parsed);
    }

    #[test]
    fn postcode_round_trips_and_errors_are_fixed(s in "[A-Za-z0-9 ]{0,9}") {
        match Postcode::parse(&s) {
            Ok(p) => {
                prop_assert_eq!(Postcode::parse(&format!("{p}")).unwrap(), p.clone());
                let shown = p.to_string();
                prop_assert_eq!(shown.matches(' ').count(), 1);
                prop_assert_eq!(shown.find(' '), Some(shown.len() - 4));
                prop_assert_eq!(shown.to_uppercase(), shown.clone());
            }
            Err(e) => prop_assert!(
                ["Enter your postcode", "Enter a real postcode"].contains(&e.to_string().as_str())
            ),
        }
    }
}

#[test]
fn postcode_serde_revalidates() {
    assert_eq!(
        serde_json::to_string(&Postcode::parse("sw1a1aa").unwrap()).unwrap(),
        r#""SW1A 1AA""#
    );
    assert!(serde_json::from_str::<Postcode>(r#""Q1 1AA""#).is_err());
}

// ---------------------------------------------------------------------------------------------
// Phone number

#[test]
fn uk_mobiles() {
    for typed in [
        "07700 900982",
        "07700900982",
        "07700 900 982",
        "+44 7700 900982",
        "+447700900982",
        "0044 7700 900982",
        "+44 (0)7700 900982",
        "+44(0)7700900982",
        "+44 07700 900982",
        "(07700) 900-982",
        "07700.900.982",
        "07700-900-982",
    ] {
        let p = PhoneNumber::parse(typed).unwrap();
        assert_eq!(p.as_ref(), "07700900982", "{typed}");
        assert_eq!(p.to_string(), "07700 900 982");
        assert!(p.is_mobile());
        assert_eq!(p.kind(), PhoneKind::Mobile);
        assert_eq!(p.e164(), "+447700900982");
    }
    for prefix in ["071", "072", "073", "074", "075", "077", "078", "079"] {
        let p = PhoneNumber::parse(&format!("{prefix}00 123456")).unwrap();
        assert!(p.is_mobile(), "{prefix}");
    }
    let iom = PhoneNumber::parse("07624 123456").unwrap();
    assert!(iom.is_mobile());
    assert_eq!(iom.to_string(), "07624 123 456");
}

#[test]
fn uk_landlines_and_other_numbers() {
    for (typed, shown, kind) in [
        ("020 7946 0000", "020 7946 0000", PhoneKind::Landline),
        ("02079460000", "020 7946 0000", PhoneKind::Landline),
        ("+44 (0)20 7946 0000", "020 7946 0000", PhoneKind::Landline),
        ("+44 20 7946 0000", "020 7946 0000", PhoneKind::Landline),
        ("(020) 7946 0000", "020 7946 0000", PhoneKind::Landline),
        ("0113 496 0000", "0113 496 0000", PhoneKind::Landline),
        ("0161 496 0000", "0161 496 0000", PhoneKind::Landline),
        ("01632 960 001", "01632 960 001", PhoneKind::Landline),
        ("(01632) 960001", "01632 960 001", PhoneKind::Landline),
        ("016977 2345", "01697 72345", PhoneKind::Landline), // 10 digits
        ("0300 123 4567", "0300 123 4567", PhoneKind::NonGeographic),
        ("0345 123 4567", "0345 123 4567", PhoneKind::NonGeographic),
        ("+44 808 157 0192", "0808 157 0192", PhoneKind::Freephone),
        ("0800 123 4567", "0800 123 4567", PhoneKind::Freephone),
        ("0800 123 456", "0800 123 456", PhoneKind::Freephone), // 10 digits
    ] {
        let p = PhoneNumber::parse(typed).unwrap();
        assert_eq!(p.to_string(), shown, "{typed}");
        assert_eq!(p.kind(), kind, "{typed}");
        assert!(!p.is_mobile());
    }
}

#[test]
fn the_examples_in_the_phone_message_are_accepted() {
    for example in ["01632 960 001", "07700 900 982", "+44 808 157 0192"] {
        assert!(PhoneNumber::parse(example).is_ok(), "{example}");
    }
}

#[test]
fn phone_number_must_be_given() {
    for typed in ["", "  ", "()", " - "] {
        let err = PhoneNumber::parse(typed).unwrap_err();
        assert_eq!(err, PhoneNumberError::Empty, "{typed:?}");
        assert_eq!(err.to_string(), "Enter a phone number");
    }
}

#[test]
fn numbers_that_are_not_uk_phone_numbers() {
    for typed in [
        "07000 123456",      // 070 personal number
        "07600 123456",      // 076 pager
        "07623 123456",      // 076 pager, not 07624
        "07624 12345",       // too short
        "07700 90098",       // too short
        "07700 9009821",     // too long
        "7700 900982",       // no leading 0
        "020 7946 00000",    // too long
        "01632 9600",        // too short
        "0300 123 456",      // 03 is 11 digits
        "0808 157 019",      // 0808 is 11 digits
        "0909 879 0000",     // premium rate
        "0845 123 4567",     // 084
        "0500 123456",       // 05
        "+33 1 23 45 67 89", // France
        "+1 202 555 0123",   // USA
        "+44",               // nothing after the country code
        "phone me",
        "07700 9OO982",
        "07700/900982",
        "+44 (0)",
        "0７７００９００９８２",
    ] {
        let err = PhoneNumber::parse(typed).unwrap_err();
        assert_eq!(err, PhoneNumberError::NotUk, "{typed}");
        assert_eq!(
            err.to_string(),
            "Enter a phone number, like 01632 960 001, 07700 900 982 or +44 808 157 0192"
        );
    }
}

#[test]
fn phone_serde_keeps_digits_and_revalidates() {
    let p = PhoneNumber::parse("+44 (0)7700 900982").unwrap();
    assert_eq!(serde_json::to_string(&p).unwrap(), r#""07700900982""#);
    assert_eq!(
        serde_json::from_str::<PhoneNumber>(r#""07700 900 982""#).unwrap(),
        p
    );
    assert!(serde_json::from_str::<PhoneNumber>(r#""07000123456""#).is_err());
}

fn accepted_national_number() -> impl Strategy<Value = String> {
    prop_oneof![
        "07[1-57-9][0-9]{8}",
        "07624[0-9]{6}",
        "0[12][0-9]{8,9}",
        "03[0-9]{9}",
        "0808[0-9]{7}",
        "0800[0-9]{6,7}",
    ]
}

proptest! {
    #[test]
    fn phone_round_trips_in_every_form(n in accepted_national_number(), seps in prop::collection::vec(prop::sample::select(vec!["", " ", "-", ".", "  "]), 11)) {
        let p = PhoneNumber::parse(&n).unwrap();
        prop_assert_eq!(p.as_ref(), n.as_str());
        prop_assert_eq!(PhoneNumber::parse(&format!("{p}")).unwrap(), p.clone());
        prop_assert_eq!(PhoneNumber::parse(&p.e164()).unwrap(), p.clone());
        prop_assert_eq!(PhoneNumber::parse(&format!("+44 (0){}", &n[1..])).unwrap(), p.clone());
        let spaced: String = n.chars().zip(seps.iter()).map(|(c, s)| format!("{c}{s}")).collect();
        prop_assert_eq!(PhoneNumber::parse(&spaced).unwrap(), p.clone());
        prop_assert_eq!(p.is_mobile(), n.starts_with("07"));
        let shown = p.to_string();
        prop_assert_eq!(shown.replace(' ', ""), n.clone());
        prop_assert!(!shown.contains("  ") && !shown.ends_with(' '));
        let json = serde_json::to_string(&p).unwrap();
        prop_assert_eq!(serde_json::from_str::<PhoneNumber>(&json).unwrap(), p);
    }

    #[test]
    fn pagers_and_personal_numbers_are_refused(n in "07(0[0-9]|6[0-13-9]|62[0-35-9])[0-9]{7}") {
        let n = &n[..11];
        prop_assert_eq!(PhoneNumber::parse(n), Err(PhoneNumberError::NotUk));
    }

    #[test]
    fn phone_errors_are_fixed_messages(s in any::<String>()) {
        if let Err(e) = PhoneNumber::parse(&s) {
            prop_assert!(matches!(e, PhoneNumberError::Empty | PhoneNumberError::NotUk));
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Email address

#[test]
fn email_addresses_accepted() {
    for (typed, kept) in [
        ("name@example.com", "name@example.com"),
        ("  name@example.com  ", "name@example.com"),
        ("Name@Example.COM", "Name@example.com"),
        (
            "first.last+tag@sub.example.co.uk",
            "first.last+tag@sub.example.co.uk",
        ),
        ("o'neil@example.org", "o'neil@example.org"),
        ("a@b.co", "a@b.co"),
        ("x@my-domain.uk", "x@my-domain.uk"),
        ("x@123.example.com", "x@123.example.com"),
        ("user@xn--bcher-kva.example", "user@xn--bcher-kva.example"),
        ("zoë@example.com", "zoë@example.com"),
    ] {
        let e = EmailAddress::parse(typed).unwrap();
        assert_eq!(e.as_ref(), kept, "{typed}");
        assert_eq!(e.to_string(), kept);
    }
}

#[test]
fn email_address_must_be_given() {
    for typed in ["", "   "] {
        let err = EmailAddress::parse(typed).unwrap_err();
        assert_eq!(err, EmailAddressError::Empty);
        assert_eq!(err.to_string(), "Enter your email address");
    }
}

#[test]
fn email_addresses_in_the_wrong_format() {
    for typed in [
        "name",
        "name@",
        "@example.com",
        "name@example",
        "name@@example.com",
        "na@me@example.com",
        "first last@example.com",
        "name@exa mple.com",
        "name@-example.com",
        "name@example-.com",
        "name@example.c",
        "name@example.c0m",
        "name@example.123",
        "name@example..com",
        "name@.example.com",
        "name@example.com.",
        ".name@example.com",
        "name.@example.com",
        "na..me@example.com",
        "name@exa_mple.com",
        "name@exämple.com",
        "name(comment)@example.com",
        "<name@example.com>",
        "name@example.com,other@example.com",
        "name@[127.0.0.1]",
        "name\u{0}@example.com",
    ] {
        let err = EmailAddress::parse(typed).unwrap_err();
        assert_eq!(err, EmailAddressError::Format, "{typed}");
        assert_eq!(
            err.to_string(),
            "Enter an email address in the correct format, like name@example.com"
        );
    }
}

#[test]
fn email_address_length_limits() {
    let local64 = "l".repeat(64);
    assert!(EmailAddress::parse(&format!("{local64}@example.com")).is_ok());
    assert_eq!(
        EmailAddress::parse(&format!("{local64}x@example.com")),
        Err(EmailAddressError::Format)
    );
    let label63 = "d".repeat(63);
    assert!(EmailAddress::parse(&format!("n@{label63}.com")).is_ok());
    assert_eq!(
        EmailAddress::parse(&format!("n@{label63}d.com")),
        Err(EmailAddressError::Format)
    );
    let domain = format!(
        "{}.{}.{}.com",
        "a".repeat(63),
        "b".repeat(63),
        "c".repeat(57)
    );
    let longest = format!("{local64}@{domain}");
    assert_eq!(longest.len(), 254);
    assert!(EmailAddress::parse(&longest).is_ok());
    let too_long = format!("{local64}@c{domain}");
    let err = EmailAddress::parse(&too_long).unwrap_err();
    assert_eq!(err, EmailAddressError::TooLong);
    assert_eq!(
        err.to_string(),
        "Email address must be 254 characters or less"
    );
}

#[test]
fn email_serde_revalidates() {
    let e = EmailAddress::parse("Name@Example.com").unwrap();
    assert_eq!(serde_json::to_string(&e).unwrap(), r#""Name@example.com""#);
    assert!(serde_json::from_str::<EmailAddress>(r#""name@example""#).is_err());
}

proptest! {
    #[test]
    fn email_round_trips(local in "[A-Za-z0-9_%+-]{1,20}(\\.[A-Za-z0-9_%+-]{1,10})?", labels in prop::collection::vec("[A-Za-z0-9]([A-Za-z0-9-]{0,10}[A-Za-z0-9])?", 1..4), tld in "[A-Za-z]{2,6}") {
        let typed = format!("{local}@{}.{tld}", labels.join("."));
        let e = EmailAddress::parse(&typed).unwrap();
        prop_assert_eq!(EmailAddress::parse(&format!("{e}")).unwrap(), e.clone());
        prop_assert_eq!(EmailAddress::parse(&format!(" {typed} ")).unwrap(), e.clone());
        let json = serde_json::to_string(&e).unwrap();
        prop_assert_eq!(serde_json::from_str::<EmailAddress>(&json).unwrap(), e);
    }

    #[test]
    fn email_errors_are_fixed_messages(s in any::<String>()) {
        match EmailAddress::parse(&s) {
            Ok(e) => prop_assert_eq!(EmailAddress::parse(e.as_ref()).unwrap(), e),
            Err(e) => prop_assert!(matches!(
                e,
                EmailAddressError::Empty | EmailAddressError::TooLong | EmailAddressError::Format
            )),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Free text

struct WhatMatters;
impl TextField for WhatMatters {
    const LABEL: &'static str = "What matters to you";
    const MAX_CHARS: usize = 10;
}

type Answer = FreeText<WhatMatters>;

#[test]
fn free_text_is_kept_exactly_as_typed() {
    for typed in ["", "   ", "  two  sp\n", "Walking", "é\té\r\né"] {
        let a = Answer::parse(typed).unwrap();
        assert_eq!(a.as_str(), typed);
        assert_eq!(a.as_ref(), typed);
        assert_eq!(a.to_string(), typed);
    }
    assert!(Answer::parse("").unwrap().is_blank());
    assert!(Answer::parse(" \n ").unwrap().is_blank());
    assert!(!Answer::parse(" a ").unwrap().is_blank());
}

#[test]
fn free_text_length_is_counted_in_characters() {
    assert!(Answer::parse(&"a".repeat(10)).is_ok());
    assert!(Answer::parse(&"é".repeat(10)).is_ok());
    assert!(Answer::parse(&"😀".repeat(10)).is_ok());
    for typed in ["a".repeat(11), "é".repeat(11), " ".repeat(11)] {
        let err = Answer::parse(&typed).unwrap_err();
        assert_eq!(
            err,
            FreeTextError::TooLong {
                field: "What matters to you",
                max: 10
            }
        );
        assert_eq!(
            err.to_string(),
            "What matters to you must be 10 characters or less"
        );
    }
}

#[test]
fn free_text_serde_revalidates_against_its_question() {
    let a = Answer::parse(" Walking\n").unwrap();
    let json = serde_json::to_string(&a).unwrap();
    assert_eq!(json, r#"" Walking\n""#);
    assert_eq!(serde_json::from_str::<Answer>(&json).unwrap(), a);
    let err = serde_json::from_str::<Answer>(r#""12345678901""#).unwrap_err();
    assert!(err.to_string().contains("must be 10 characters or less"));
}

proptest! {
    #[test]
    fn free_text_accepts_exactly_up_to_the_limit(s in any::<String>()) {
        match Answer::parse(&s) {
            Ok(a) => {
                prop_assert!(s.chars().count() <= 10);
                prop_assert_eq!(a.as_str(), s.as_str());
                prop_assert_eq!(Answer::parse(&format!("{a}")).unwrap(), a);
            }
            Err(_) => prop_assert!(s.chars().count() > 10),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Every message follows the GOV.UK rules

#[test]
fn every_message_follows_the_govuk_rules() {
    let mut messages: Vec<String> = vec![
        PersonNameError::Empty.to_string(),
        PersonNameError::TooLong.to_string(),
        DateOfBirthError::Missing.to_string(),
        DateOfBirthError::NotReal(PartsInError::ALL).to_string(),
        DateOfBirthError::InFuture.to_string(),
        DateOfBirthError::TooOld {
            after: date(1905, 11, 23),
        }
        .to_string(),
        NhsNumberError::Empty.to_string(),
        NhsNumberError::NotDigits.to_string(),
        NhsNumberError::WrongLength.to_string(),
        NhsNumberError::CheckDigit.to_string(),
        PostcodeError::Empty.to_string(),
        PostcodeError::NotReal.to_string(),
        PhoneNumberError::Empty.to_string(),
        PhoneNumberError::NotUk.to_string(),
        EmailAddressError::Empty.to_string(),
        EmailAddressError::TooLong.to_string(),
        EmailAddressError::Format.to_string(),
        FreeTextError::TooLong {
            field: "What matters to you",
            max: 1000,
        }
        .to_string(),
    ];
    for (d, m, y) in [("", "1", "1990"), ("1", "", ""), ("", "", "1990")] {
        messages.push(dob(d, m, y).unwrap_err().to_string());
    }
    for message in &messages {
        assert_govuk_wording(message);
    }
}

#[test]
fn messages_never_repeat_what_was_typed() {
    let typed = "Zebedee7";
    let errors = [
        DateOfBirth::parse(&parts(typed, typed, typed), today())
            .unwrap_err()
            .to_string(),
        NhsNumber::parse(typed).unwrap_err().to_string(),
        Postcode::parse(typed).unwrap_err().to_string(),
        PhoneNumber::parse(typed).unwrap_err().to_string(),
        EmailAddress::parse(typed).unwrap_err().to_string(),
        PersonName::parse(&typed.repeat(20))
            .unwrap_err()
            .to_string(),
        Answer::parse(&typed.repeat(2)).unwrap_err().to_string(),
    ];
    for message in errors {
        assert!(!message.contains("Zebedee"), "{message}");
    }
}
