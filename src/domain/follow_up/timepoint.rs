//! When in the client's journey a visit falls, and the date of a visit at another time.

use crate::domain::referral::SimpleDate;
use serde::{Deserialize, Serialize};
use std::cmp::Ordering;
use thiserror::Error;

/// When in the client's journey a visit falls. Serialised as `{"code": "6-weeks"}`, or for
/// another time `{"code": "other", "date": "2026-05-01"}`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "code", deny_unknown_fields)]
pub enum Timepoint {
    #[serde(rename = "baseline")]
    Baseline,
    #[serde(rename = "6-weeks")]
    SixWeeks,
    #[serde(rename = "3-months")]
    ThreeMonths,
    #[serde(rename = "6-months")]
    SixMonths,
    /// Any other time, with its date.
    #[serde(rename = "other")]
    Other { date: SimpleDate },
}

/// A timepoint code that is not known, or `other` without a date (or a date with another code).
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum TimepointError {
    #[error("Select the timepoint of this visit")]
    Missing,
    #[error("timepoint code is not one of baseline, 6-weeks, 3-months, 6-months, other")]
    UnknownCode,
    #[error("Enter the date of the visit for another timepoint")]
    MissingDate,
    #[error("only the timepoint other has a date")]
    UnexpectedDate,
}

impl Timepoint {
    /// The fixed timepoints in order (without `Other`), for radios.
    pub const FIXED: [Timepoint; 4] = [
        Timepoint::Baseline,
        Timepoint::SixWeeks,
        Timepoint::ThreeMonths,
        Timepoint::SixMonths,
    ];

    /// The stable code: `baseline`, `6-weeks`, `3-months`, `6-months` or `other`.
    pub fn code(self) -> &'static str {
        match self {
            Self::Baseline => "baseline",
            Self::SixWeeks => "6-weeks",
            Self::ThreeMonths => "3-months",
            Self::SixMonths => "6-months",
            Self::Other { .. } => "other",
        }
    }

    /// Plain words, e.g. "6 weeks", or for another time "Other (1 May 2026)".
    pub fn label(self) -> String {
        match self {
            Self::Baseline => "Baseline".into(),
            Self::SixWeeks => "6 weeks".into(),
            Self::ThreeMonths => "3 months".into(),
            Self::SixMonths => "6 months".into(),
            Self::Other { date: d } => format!("Other ({})", d.long_form()),
        }
    }

    /// A short label for a chart's x axis: "Baseline", "6 weeks", … or the date for another time.
    pub fn short_label(self) -> String {
        match self {
            Self::Other { date: d } => d.long_form(),
            t => t.label(),
        }
    }

    /// Weeks after the baseline the timepoint stands for (0, 6, 13, 26); `None` for `Other`.
    pub fn nominal_weeks(self) -> Option<u32> {
        match self {
            Self::Baseline => Some(0),
            Self::SixWeeks => Some(6),
            Self::ThreeMonths => Some(13),
            Self::SixMonths => Some(26),
            Self::Other { .. } => None,
        }
    }

    /// Builds a timepoint from its code (and the date, for `other`).
    ///
    /// # Errors
    /// [`TimepointError`] for an empty or unknown code, `other` without a date, or a date with a
    /// fixed timepoint.
    pub fn from_code(code: &str, date: Option<SimpleDate>) -> Result<Self, TimepointError> {
        let fixed = match code.trim() {
            "" => return Err(TimepointError::Missing),
            "other" => {
                return date
                    .map(|date| Self::Other { date })
                    .ok_or(TimepointError::MissingDate);
            }
            "baseline" => Self::Baseline,
            "6-weeks" => Self::SixWeeks,
            "3-months" => Self::ThreeMonths,
            "6-months" => Self::SixMonths,
            _ => return Err(TimepointError::UnknownCode),
        };
        match date {
            Some(_) => Err(TimepointError::UnexpectedDate),
            None => Ok(fixed),
        }
    }

    /// The position on a chart's time axis, in days after the baseline: the nominal weeks for
    /// fixed timepoints, and for `Other` its days after `baseline_date` (never before the
    /// baseline). Without a baseline date, `Other` comes after every fixed timepoint, by date.
    fn chart_key(self, baseline_date: Option<SimpleDate>) -> (i64, i64) {
        match (self, baseline_date) {
            (Self::Other { date: d }, Some(b)) => ((d.to_unix_days() - b.to_unix_days()).max(0), 1),
            (Self::Other { date: d }, None) => (1_000_000, d.to_unix_days()),
            (t, _) => (i64::from(t.nominal_weeks().unwrap_or(0)) * 7, 0),
        }
    }

    /// Chart order: baseline first, then by nominal weeks; `Other` by its date relative to the
    /// baseline date when known (after the fixed ones, by date, when not).
    pub fn chart_cmp(self, other: Self, baseline_date: Option<SimpleDate>) -> Ordering {
        self.chart_key(baseline_date)
            .cmp(&other.chart_key(baseline_date))
    }
}

/// Why the date typed for an "other" timepoint was refused (GOV.UK style; never repeats what
/// was typed).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Error)]
pub enum VisitDateError {
    #[error("Enter the date of the visit")]
    Missing,
    #[error("Date of the visit must include a day, month and year")]
    Incomplete,
    #[error("Date of the visit must be a real date")]
    NotReal,
    #[error("Date of the visit must be today or in the past")]
    InFuture,
}

/// Parses the three boxes of the "other" timepoint's date: day and month of 1 or 2 digits, a
/// year of 4 digits; a real date, not after `today`.
///
/// # Errors
/// [`VisitDateError`], in GOV.UK priority order.
pub fn parse_visit_date(
    day: &str,
    month: &str,
    year: &str,
    today: SimpleDate,
) -> Result<SimpleDate, VisitDateError> {
    let (d, m, y) = (day.trim(), month.trim(), year.trim());
    if d.is_empty() && m.is_empty() && y.is_empty() {
        return Err(VisitDateError::Missing);
    }
    if d.is_empty() || m.is_empty() || y.is_empty() {
        return Err(VisitDateError::Incomplete);
    }
    let small = |s: &str| {
        (matches!(s.len(), 1 | 2) && s.bytes().all(|c| c.is_ascii_digit()))
            .then(|| s.parse::<u8>().ok())
            .flatten()
    };
    let year = (y.len() == 4 && y.bytes().all(|c| c.is_ascii_digit()))
        .then(|| y.parse::<u16>().ok())
        .flatten();
    let date = match (small(d), small(m), year) {
        (Some(d), Some(m), Some(y)) => {
            SimpleDate::new(y, m, d).map_err(|_| VisitDateError::NotReal)?
        }
        _ => return Err(VisitDateError::NotReal),
    };
    if date > today {
        return Err(VisitDateError::InFuture);
    }
    Ok(date)
}
