//! The change between a baseline and now, with the meaningful-change verdict.

use crate::domain::instrument::{Conversion, Direction, Instrument, MeaningfulChange, Scoring};
use crate::domain::scoring::Measure;
use crate::domain::scoring::{self, Score, ScoreChange, Trend};
use serde::{Deserialize, Serialize};

/// The instrument's short name: the abbreviation in brackets at the end of its title ("PHQ-9"
/// from "Patient Health Questionnaire (PHQ-9)"), else its title.
pub fn short_name(instrument: &Instrument) -> &str {
    let t = instrument.title.trim();
    t.strip_suffix(')')
        .and_then(|s| s.rfind('(').map(|i| &s[i + 1..]))
        .filter(|s| !s.is_empty() && !s.contains(' '))
        .unwrap_or(t)
}

/// What a compared score is called: "PHQ-9 total", "SWEMWBS metric score", or an item's short
/// label ("Life satisfaction").
pub fn score_label(instrument: &Instrument, of: &str) -> String {
    match of {
        "total" => format!("{} total", short_name(instrument)),
        "metric" => format!("{} metric score", short_name(instrument)),
        item => instrument
            .item(item)
            .map_or_else(|| item.to_owned(), |i| i.short_label.clone()),
    }
}

/// The published meaningful change, in points, if any.
pub fn threshold(instrument: &Instrument) -> Option<f64> {
    match &instrument.meaningful_change {
        MeaningfulChange::Published { points, .. } => Some(*points),
        MeaningfulChange::NotPublished { .. } => None,
    }
}

/// The verdict on one change.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Verdict {
    /// Better by at least the threshold.
    MeaningfulImprovement,
    /// Worse by at least the threshold.
    MeaningfulDeterioration,
    /// Smaller than the threshold (including no change).
    NotMeaningful,
    /// The instrument has no published threshold.
    NoPublishedThreshold,
}

/// A score's change (the [`ScoreChange`] sent in the payload) with what it is called, ready to
/// show.
#[derive(Clone, Debug, PartialEq)]
pub struct ChangeSummary {
    pub instrument: String,
    /// What the score is called, e.g. "PHQ-9 total".
    pub label: String,
    pub score: ScoreChange,
}

impl ChangeSummary {
    /// The verdict on the change.
    pub fn verdict(&self) -> Verdict {
        match (self.score.meaningful, self.score.trend) {
            (None, _) => Verdict::NoPublishedThreshold,
            (Some(true), Some(Trend::Better)) => Verdict::MeaningfulImprovement,
            (Some(true), Some(Trend::Worse)) => Verdict::MeaningfulDeterioration,
            _ => Verdict::NotMeaningful,
        }
    }

    /// Whether the change reaches the threshold in the better direction; `None` where no
    /// threshold is published.
    pub fn meets_threshold_better(&self) -> Option<bool> {
        match self.verdict() {
            Verdict::NoPublishedThreshold => None,
            v => Some(v == Verdict::MeaningfulImprovement),
        }
    }

    /// One plain-English sentence for the text alternative, e.g. "PHQ-9 total went from 14 to 8:
    /// 6 points better, a meaningful change (threshold 6 points)".
    pub fn sentence(&self) -> String {
        let s = &self.score;
        let size = s.change.abs();
        let moved = if size == 0.0 {
            format!("{} stayed at {}: no change", self.label, number(s.now))
        } else {
            let way = match s.trend {
                Some(Trend::Better) => "better",
                Some(Trend::Worse) => "worse",
                _ if s.change > 0.0 => "higher",
                _ => "lower",
            };
            format!(
                "{} went from {} to {}: {} {way}",
                self.label,
                number(s.baseline),
                number(s.now),
                points(size)
            )
        };
        match (self.verdict(), s.threshold) {
            (Verdict::NoPublishedThreshold, _) | (_, None) => {
                format!("{moved}, no published threshold")
            }
            (Verdict::NotMeaningful, Some(t)) if size == 0.0 => {
                format!("{moved} (threshold {})", points(t))
            }
            (Verdict::NotMeaningful, Some(t)) => {
                format!("{moved}, not a meaningful change (threshold {})", points(t))
            }
            (_, Some(t)) => format!("{moved}, a meaningful change (threshold {})", points(t)),
        }
    }
}

/// A number as people read it: whole numbers without decimals, else up to two decimals.
pub fn number(x: f64) -> String {
    let h = (x * 100.0).round() as i64;
    if h % 100 == 0 {
        format!("{}", h / 100)
    } else {
        let s = format!("{:.2}", h as f64 / 100.0);
        s.trim_end_matches('0').to_owned()
    }
}

/// A number of points as people read it: "1 point", "2.5 points".
pub fn points(x: f64) -> String {
    if (x - 1.0).abs() < 0.005 {
        "1 point".into()
    } else {
        format!("{} points", number(x))
    }
}

/// Compares two scores of one instrument (see [`scoring::change`]): one summary per compared
/// score (one for a total or metric score, one per item present in both for ONS4).
pub fn summarise(instrument: &Instrument, baseline: &Score, now: &Score) -> Vec<ChangeSummary> {
    scoring::change(instrument, baseline, now)
        .into_iter()
        .map(|score| ChangeSummary {
            instrument: instrument.id.clone(),
            label: score_label(instrument, &score.of),
            score,
        })
        .collect()
}

/// Compares two measures of one instrument; empty when either has no score or they are of
/// another instrument.
pub fn summarise_measures(
    instrument: &Instrument,
    baseline: &Measure,
    now: &Measure,
) -> Vec<ChangeSummary> {
    if baseline.instrument != instrument.id || now.instrument != instrument.id {
        return Vec::new();
    }
    match (&baseline.score, &now.score) {
        (Some(b), Some(n)) => summarise(instrument, b, n),
        _ => Vec::new(),
    }
}

pub(super) fn metric_range(table: &[Conversion]) -> Option<(f64, f64)> {
    let lo = table.iter().map(|r| r.metric).reduce(f64::min)?;
    let hi = table.iter().map(|r| r.metric).reduce(f64::max)?;
    Some((lo, hi))
}

/// The possible range of a compared score (`total`, `metric` or an item id) for a chart's y
/// axis: the instrument's total range, the conversion table's metric range (SWEMWBS 7–35), or the
/// item's range (ONS4 0–10).
pub fn score_range(instrument: &Instrument, of: &str) -> Option<(f64, f64)> {
    match (of, &instrument.scoring) {
        ("metric", Scoring::SumConverted { table }) => metric_range(table),
        ("total", Scoring::PerItem {} | Scoring::None {}) => None,
        ("total", _) => instrument
            .total_range()
            .map(|(lo, hi)| (lo as f64, hi as f64)),
        (item, Scoring::PerItem {}) => instrument
            .item(item)?
            .scored_range()
            .map(|(lo, hi)| (lo as f64, hi as f64)),
        _ => None,
    }
}

/// Which way is better for a compared score.
pub fn direction_of(instrument: &Instrument, of: &str) -> Option<Direction> {
    match instrument.item(of) {
        Some(item) if instrument.scoring == Scoring::PerItem {} => instrument.direction_of(item),
        _ => instrument.direction,
    }
}
