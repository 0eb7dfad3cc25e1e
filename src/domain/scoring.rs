//! Scoring exactly as published. A score that cannot be computed is `None`, never guessed.

use crate::domain::instrument::{Answers, Instrument, Scoring};
use serde::{Deserialize, Serialize};

/// A measure's score as sent in the payload.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Score {
    /// The total, for instruments that have one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total: Option<i64>,
    /// The band of the total, where the instrument has bands.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub band: Option<String>,
    /// Per-item values and bands, for instruments reported item by item (ONS4).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub items: Vec<ItemScore>,
}

/// One item's reported value and band.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ItemScore {
    pub item: String,
    pub value: i64,
    pub band: Option<String>,
}

/// Scores `answers` by the instrument's published rule.
///
/// Per-item instruments (ONS4) report each answered item with its band; an unanswered item is
/// simply not reported, and with no answers at all the score is `None`.
pub fn score(instrument: &Instrument, answers: &Answers) -> Option<Score> {
    match instrument.scoring {
        Scoring::PerItem => {
            let items: Vec<ItemScore> = answers
                .in_order(instrument)
                .map(|(item, value)| ItemScore {
                    item: item.id.clone(),
                    value,
                    band: item.band_of(value).map(|b| b.code.clone()),
                })
                .collect();
            (!items.is_empty()).then_some(Score {
                total: None,
                band: None,
                items,
            })
        }
    }
}
