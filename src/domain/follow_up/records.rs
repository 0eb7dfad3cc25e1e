//! Baselines typed in from the service's records: what each field accepts, and why it refuses.

use super::{metric_range, number, score_label, short_name};
use crate::domain::instrument::{Conversion, Instrument, Scoring};
use crate::domain::scoring::{ItemScore, Score};
use thiserror::Error;
/// Why a baseline typed in from the service's records was refused (GOV.UK style). `label` is
/// what the score is called, e.g. "PHQ-9 total".
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum BaselineError {
    #[error("Enter the baseline {label}")]
    Missing { label: String },
    #[error("Baseline {label} must be a whole number")]
    NotWholeNumber { label: String },
    #[error("Baseline {label} must be a number, like {example}")]
    NotNumber { label: String, example: String },
    #[error("Baseline {label} must have no more than 2 decimal places")]
    TooManyDecimals { label: String },
    #[error("Baseline {label} must be between {min} and {max}")]
    OutOfRange {
        label: String,
        min: String,
        max: String,
    },
    /// ONS4 is reported item by item: use [`baseline_item_from_records`].
    #[error("Enter the baseline for each {label} question separately")]
    PerItem { label: String },
    #[error("{label} has no score to compare")]
    NotScored { label: String },
    /// A converted score (SWEMWBS) typed in without saying whether it is the raw total or the
    /// metric score.
    #[error("Select whether the baseline {label} is a raw total or a metric score")]
    KindMissing { label: String },
    /// A metric score that the conversion table never gives (it is likely a raw total, or
    /// mistyped).
    #[error(
        "Baseline {label} must be one of the scores in the conversion table, like {example} (if the records give the raw total, select raw total)"
    )]
    NotInTable { label: String, example: String },
}

/// Which score of an instrument with a converted score (SWEMWBS) the service's records give: the
/// raw total of the items, or the metric score converted from it by the published table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RecordedScore {
    RawTotal,
    Metric,
}

impl RecordedScore {
    /// Both, in the order they are offered.
    pub const ALL: [RecordedScore; 2] = [RecordedScore::RawTotal, RecordedScore::Metric];

    /// A stable code (kept with what was typed): `raw-total` or `metric`.
    pub fn code(self) -> &'static str {
        match self {
            RecordedScore::RawTotal => "raw-total",
            RecordedScore::Metric => "metric",
        }
    }

    pub fn from_code(code: &str) -> Option<RecordedScore> {
        RecordedScore::ALL.into_iter().find(|k| k.code() == code)
    }

    /// What the choice is called, e.g. "Raw total".
    pub fn label(self) -> &'static str {
        match self {
            RecordedScore::RawTotal => "Raw total",
            RecordedScore::Metric => "Metric score",
        }
    }
}

/// Parses `-?digits(.digits)?` exactly; `Err(true)` when there are more than 2 decimals,
/// `Err(false)` when it is not such a number.
fn parse_decimal(s: &str) -> Result<f64, bool> {
    let digits = s.strip_prefix('-').unwrap_or(s);
    let (whole, frac) = digits.split_once('.').unwrap_or((digits, ""));
    let ok = |p: &str| p.bytes().all(|b| b.is_ascii_digit());
    if whole.is_empty() || !ok(whole) || !ok(frac) || (digits.contains('.') && frac.is_empty()) {
        return Err(false);
    }
    if frac.len() > 2 {
        return Err(true);
    }
    s.parse::<f64>().map_err(|_| false)
}

fn parse_whole(input: &str, label: &str, (min, max): (i64, i64)) -> Result<i64, BaselineError> {
    let s = input.trim();
    if s.is_empty() {
        return Err(BaselineError::Missing {
            label: label.into(),
        });
    }
    let digits = s.strip_prefix('-').unwrap_or(s);
    let v = if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
        s.parse::<i64>().ok()
    } else {
        None
    };
    let out_of_range = || BaselineError::OutOfRange {
        label: label.into(),
        min: min.to_string(),
        max: max.to_string(),
    };
    match v {
        Some(v) if (min..=max).contains(&v) => Ok(v),
        Some(_) => Err(out_of_range()),
        // A long run of digits is a number, just out of range.
        None if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) => {
            Err(out_of_range())
        }
        None => Err(BaselineError::NotWholeNumber {
            label: label.into(),
        }),
    }
}

/// A baseline typed in from the service's records, as a score to compare with: the total for
/// summed instruments (a whole number in the instrument's range). For an instrument with a
/// converted score (SWEMWBS) `kind` says which score the records give: a raw total (a whole
/// number in the raw range, converted with the table) or a metric score (one of the table's
/// values, up to two decimals); either way both are kept. `kind` is not used for other
/// instruments. Spaces around are ignored.
///
/// # Errors
/// [`BaselineError`]: missing, not a number, too many decimals, out of range, no `kind` for a
/// converted score, a metric score the table never gives; per-item instruments need
/// [`baseline_item_from_records`]; unscored instruments have nothing to compare.
pub fn baseline_from_records(
    instrument: &Instrument,
    kind: Option<RecordedScore>,
    input: &str,
) -> Result<Score, BaselineError> {
    let empty = Score::default();
    match &instrument.scoring {
        Scoring::None {} => Err(BaselineError::NotScored {
            label: short_name(instrument).into(),
        }),
        Scoring::PerItem {} => Err(BaselineError::PerItem {
            label: short_name(instrument).into(),
        }),
        Scoring::Sum { bands } | Scoring::SumWithSubscales { bands, .. } => {
            let label = score_label(instrument, "total");
            let range = instrument.total_range().unwrap_or((0, 0));
            let total = parse_whole(input, &label, range)?;
            Ok(Score {
                total: Some(total),
                band: bands
                    .iter()
                    .find(|b| (b.min..=b.max).contains(&total))
                    .map(|b| b.code.clone()),
                ..empty
            })
        }
        Scoring::SumConverted { table } => {
            let row = converted_from_records(instrument, table, kind, input)?;
            Ok(Score {
                total: Some(row.raw),
                metric: Some(row.metric),
                ..empty
            })
        }
    }
}

/// The conversion table's row for a converted score typed in from the records (see
/// [`baseline_from_records`]).
fn converted_from_records(
    instrument: &Instrument,
    table: &[Conversion],
    kind: Option<RecordedScore>,
    input: &str,
) -> Result<Conversion, BaselineError> {
    let s = input.trim();
    match kind {
        None if s.is_empty() => Err(BaselineError::Missing {
            label: format!("{} score", short_name(instrument)),
        }),
        None => Err(BaselineError::KindMissing {
            label: format!("{} score", short_name(instrument)),
        }),
        Some(RecordedScore::RawTotal) => {
            let label = format!("{} raw total", short_name(instrument));
            let range = instrument.total_range().unwrap_or((0, 0));
            let raw = parse_whole(s, &label, range)?;
            table
                .iter()
                .find(|r| r.raw == raw)
                .copied()
                .ok_or(BaselineError::OutOfRange {
                    label,
                    min: range.0.to_string(),
                    max: range.1.to_string(),
                })
        }
        Some(RecordedScore::Metric) => {
            let label = score_label(instrument, "metric");
            if s.is_empty() {
                return Err(BaselineError::Missing { label });
            }
            let (min, max) = metric_range(table).unwrap_or((0.0, 0.0));
            let example = number(table.get(table.len() / 2).map_or(min, |r| r.metric));
            let v = parse_decimal(s).map_err(|too_many| {
                if too_many {
                    BaselineError::TooManyDecimals {
                        label: label.clone(),
                    }
                } else {
                    BaselineError::NotNumber {
                        label: label.clone(),
                        example: example.clone(),
                    }
                }
            })?;
            if v < min || v > max {
                return Err(BaselineError::OutOfRange {
                    label,
                    min: number(min),
                    max: number(max),
                });
            }
            // Compared in hundredths: the table has two decimals at most.
            let h = |x: f64| (x * 100.0).round() as i64;
            table
                .iter()
                .find(|r| h(r.metric) == h(v))
                .copied()
                .ok_or(BaselineError::NotInTable { label, example })
        }
    }
}

/// One item's baseline typed in from the records, for per-item instruments (ONS4): a whole
/// number in the item's range.
///
/// # Errors
/// [`BaselineError`] as for [`baseline_from_records`]; an unknown item is reported as not scored.
pub fn baseline_item_from_records(
    instrument: &Instrument,
    item_id: &str,
    input: &str,
) -> Result<ItemScore, BaselineError> {
    let item = instrument
        .item(item_id)
        .filter(|_| instrument.scoring == Scoring::PerItem {})
        .ok_or_else(|| BaselineError::NotScored {
            label: item_id.to_owned(),
        })?;
    let label = item.short_label.to_lowercase();
    let range = item.scored_range().unwrap_or((0, 0));
    let value = parse_whole(input, &label, range)?;
    Ok(ItemScore {
        item: item.id.clone(),
        value,
        band: item.band_of(value).map(|b| b.code.clone()),
    })
}
