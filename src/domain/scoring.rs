//! Scoring exactly as published, risk flags and meaningful change.
//!
//! A score that cannot be computed is `None` (`null` in the payload), never guessed: a total is
//! only computed when every item is answered, and nothing is ever imputed or prorated.

use crate::domain::instrument::{
    Answers, Band, Direction, Instrument, MeaningfulChange, MissingAnswers, Scoring,
};
use serde::{Deserialize, Serialize};

/// A measure's score as sent in the payload. Only the parts the instrument has are present.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Score {
    /// The total (the raw total for SWEMWBS), for instruments that have one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total: Option<i64>,
    /// The converted score, for instruments with a conversion table (SWEMWBS metric score, two
    /// decimals as in the published table).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metric: Option<f64>,
    /// The code of the total's band, where the instrument has bands.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub band: Option<String>,
    /// Subscale totals, for instruments with subscales (PHQ-4).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub subscales: Vec<SubscaleScore>,
    /// Per-item values and bands, for instruments reported item by item (ONS4).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub items: Vec<ItemScore>,
}

/// One item's reported (scored) value and band.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ItemScore {
    pub item: String,
    pub value: i64,
    pub band: Option<String>,
}

/// One subscale's total and, where the subscale has a published cut-off, whether the screen is
/// positive.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SubscaleScore {
    pub id: String,
    pub total: i64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub positive: Option<bool>,
}

/// Scores `answers` by the instrument's published rule.
///
/// * Per-item (ONS4): each answered item with its band, in item order. With the per-item
///   missing-answer rule an unanswered item is simply not reported, and with no answers at all
///   the score is `None`; with all-required, any unanswered item makes it `None`.
/// * Sum, sum + conversion table, sum + subscales: `None` unless every item is answered.
/// * Not scored (the ONS direct loneliness question): always `None`.
pub fn score(instrument: &Instrument, answers: &Answers) -> Option<Score> {
    let empty = Score::default();
    match &instrument.scoring {
        Scoring::None {} => None,
        Scoring::PerItem {} => {
            if instrument.missing_answers == MissingAnswers::AllRequired
                && !answers.is_complete(instrument)
            {
                return None;
            }
            let items: Vec<ItemScore> = answers
                .in_order(instrument)
                .map(|(item, value)| {
                    let value = item.scored(value);
                    ItemScore {
                        item: item.id.clone(),
                        value,
                        band: item.band_of(value).map(|b| b.code.clone()),
                    }
                })
                .collect();
            (!items.is_empty()).then_some(Score { items, ..empty })
        }
        Scoring::Sum { bands } => {
            let total = complete_total(instrument, answers)?;
            Some(Score {
                total: Some(total),
                band: band_code(bands, total),
                ..empty
            })
        }
        Scoring::SumConverted { table } => {
            let total = complete_total(instrument, answers)?;
            let metric = table.iter().find(|row| row.raw == total)?.metric;
            Some(Score {
                total: Some(total),
                metric: Some(metric),
                ..empty
            })
        }
        Scoring::SumWithSubscales { bands, subscales } => {
            let total = complete_total(instrument, answers)?;
            let subscales = subscales
                .iter()
                .map(|s| {
                    let total = s
                        .items
                        .iter()
                        .map(|id| {
                            let item = instrument.item(id)?;
                            Some(item.scored(answers.get(id)?))
                        })
                        .sum::<Option<i64>>()?;
                    Some(SubscaleScore {
                        id: s.id.clone(),
                        total,
                        positive: s.positive_at.map(|at| total >= at),
                    })
                })
                .collect::<Option<Vec<_>>>()?;
            Some(Score {
                total: Some(total),
                band: band_code(bands, total),
                subscales,
                ..empty
            })
        }
    }
}

/// The sum of every item's scored value, or `None` if any item is unanswered.
fn complete_total(instrument: &Instrument, answers: &Answers) -> Option<i64> {
    instrument
        .items
        .iter()
        .map(|item| answers.get(&item.id).map(|v| item.scored(v)))
        .sum()
}

fn band_code(bands: &[Band], value: i64) -> Option<String> {
    bands
        .iter()
        .find(|b| (b.min..=b.max).contains(&value))
        .map(|b| b.code.clone())
}

/// The reason codes the answers raise under the instrument's risk rules (e.g. `phq9-item9` when
/// PHQ-9 item 9 is answered above 0), in rule order, each once.
pub fn risk(instrument: &Instrument, answers: &Answers) -> Vec<String> {
    let mut reasons: Vec<String> = Vec::new();
    for rule in &instrument.risk {
        let raised = answers.get(&rule.item).is_some_and(|v| v >= rule.at_least);
        if raised && !reasons.contains(&rule.reason) {
            reasons.push(rule.reason.clone());
        }
    }
    reasons
}

/// Whether the answer to `item` raises one of the instrument's risk rules (the question page
/// then shows crisis help at once).
pub fn item_raises_risk(instrument: &Instrument, answers: &Answers, item: &str) -> bool {
    let raised = risk(instrument, answers);
    instrument
        .risk
        .iter()
        .any(|r| r.item == item && raised.contains(&r.reason))
}

/// The submission's risk flag, e.g. `{"urgent": true, "reasons": ["phq9-item9"]}`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Risk {
    pub urgent: bool,
    pub reasons: Vec<String>,
}

impl Risk {
    /// The risk of a whole submission: every reason raised by any of its measures, each once;
    /// urgent when there is at least one.
    pub fn assess<'a>(measures: impl IntoIterator<Item = (&'a Instrument, &'a Answers)>) -> Risk {
        let mut reasons: Vec<String> = Vec::new();
        for (instrument, answers) in measures {
            for r in risk(instrument, answers) {
                if !reasons.contains(&r) {
                    reasons.push(r);
                }
            }
        }
        Risk {
            urgent: !reasons.is_empty(),
            reasons,
        }
    }
}

/// Which way a score moved, judged by the instrument's (or item's) direction.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Trend {
    Better,
    Same,
    Worse,
}

/// The change in one score between a baseline and now: the one form of it, sent in a follow-up
/// measure's `change.scores` and read by the glance view, the chart and the verdicts.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScoreChange {
    /// What was compared: `total`, `metric` (SWEMWBS) or an item id (ONS4).
    pub of: String,
    pub baseline: f64,
    pub now: f64,
    /// `now − baseline`, to two decimals.
    pub change: f64,
    /// `better`, `same` or `worse`; `null` when the direction is not known.
    pub trend: Option<Trend>,
    /// The instrument's published meaningful change in points; `null` where none is published.
    pub threshold: Option<f64>,
    /// Whether the size of the change reaches the published threshold (in whichever direction
    /// `trend` gives); `null` where none is published.
    pub meaningful: Option<bool>,
}

impl ScoreChange {
    /// A change that is better and reaches the published threshold.
    pub fn is_meaningful_improvement(&self) -> bool {
        self.trend == Some(Trend::Better) && self.meaningful == Some(true)
    }

    /// A change that is worse and reaches the published threshold.
    pub fn is_meaningful_deterioration(&self) -> bool {
        self.trend == Some(Trend::Worse) && self.meaningful == Some(true)
    }
}

/// Compares two scores of the same instrument: the metric score where the instrument converts
/// its total (the published threshold is in metric points), else the total, else each item
/// present in both (ONS4, each with its own direction). Empty when nothing can be compared (a
/// score part is missing, or the instrument is not scored).
pub fn change(instrument: &Instrument, baseline: &Score, now: &Score) -> Vec<ScoreChange> {
    let published = match &instrument.meaningful_change {
        MeaningfulChange::Published { points, .. } => Some(*points),
        MeaningfulChange::NotPublished { .. } => None,
    };
    let threshold = published.map(hundredths);
    let one = |of: &str, b: f64, n: f64, direction: Option<Direction>, threshold: Option<i64>| {
        let diff = hundredths(n) - hundredths(b);
        let trend = direction.map(|d| match (diff.signum(), d) {
            (0, _) => Trend::Same,
            (1, Direction::HigherIsBetter) | (-1, Direction::LowerIsBetter) => Trend::Better,
            _ => Trend::Worse,
        });
        ScoreChange {
            of: of.to_owned(),
            baseline: b,
            now: n,
            change: diff as f64 / 100.0,
            trend,
            threshold: published,
            meaningful: threshold.map(|t| diff.abs() >= t),
        }
    };
    match &instrument.scoring {
        Scoring::None {} => Vec::new(),
        Scoring::SumConverted { .. } => match (baseline.metric, now.metric) {
            (Some(b), Some(n)) => vec![one("metric", b, n, instrument.direction, threshold)],
            _ => Vec::new(),
        },
        Scoring::Sum { .. } | Scoring::SumWithSubscales { .. } => match (baseline.total, now.total)
        {
            (Some(b), Some(n)) => vec![one(
                "total",
                b as f64,
                n as f64,
                instrument.direction,
                threshold,
            )],
            _ => Vec::new(),
        },
        Scoring::PerItem {} => instrument
            .items
            .iter()
            .filter_map(|item| {
                let b = baseline.items.iter().find(|x| x.item == item.id)?;
                let n = now.items.iter().find(|x| x.item == item.id)?;
                Some(one(
                    &item.id,
                    b.value as f64,
                    n.value as f64,
                    instrument.direction_of(item),
                    threshold,
                ))
            })
            .collect(),
    }
}

/// A score in hundredths, so two-decimal values compare exactly.
fn hundredths(x: f64) -> i64 {
    (x * 100.0).round() as i64
}

/// One answer as sent: the item id and its value as scored.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AnswerOut {
    pub item: String,
    pub value: i64,
}

/// One instrument's answers and score.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Measure {
    pub instrument: String,
    pub version: String,
    pub answers: Vec<AnswerOut>,
    /// `null` when the score cannot be computed.
    pub score: Option<Score>,
    /// Follow-up only, where the client has a baseline: the change since it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub change: Option<MeasureChange>,
}

impl Measure {
    /// Builds a measure from checked answers, scoring them by the instrument's rule.
    pub fn new(instrument: &Instrument, answers: &Answers) -> Self {
        Measure {
            instrument: instrument.id.clone(),
            version: instrument.version.clone(),
            answers: answers
                .in_order(instrument)
                .map(|(item, value)| AnswerOut {
                    item: item.id.clone(),
                    value,
                })
                .collect(),
            score: score(instrument, answers),
            change: None,
        }
    }
}

/// A follow-up measure's `change`: where its baseline came from, and each compared score.
///
/// ```json
/// "change": {"baseline_source": "device",
///            "scores": [{"of": "total", "baseline": 14.0, "now": 8.0, "change": -6.0,
///                        "trend": "better", "threshold": 6.0, "meaningful": true}]}
/// ```
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MeasureChange {
    pub baseline_source: BaselineSource,
    pub scores: Vec<ScoreChange>,
}

/// Where a baseline came from: a visit captured earlier on this device, or scores typed in from
/// the service's own records.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum BaselineSource {
    Device,
    Records,
}
