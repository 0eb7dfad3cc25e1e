//! Wellbeing instruments as data: items, response options in their published order with their
//! scored values, bands, the missing-answer rule, meaningful change, risk rules and licence text.
//! Facts come from shared/reference/instruments.md.
//!
//! * [`catalogue`] holds the built-in definitions ([`builtin`], [`builtin_ids`]).
//! * [`definitions`] parses and validates the definitions a deployment loads at run time
//!   ([`parse_definitions`], documented by `schema/instrument-definitions.v1.schema.json`).
//! * `crate::domain::scoring` scores answers by an instrument's rule.
//!
//! Every type here is the serde form of the definitions file: field names are `snake_case`, enum
//! values `kebab-case`, and unknown fields are refused.

pub mod catalogue;
pub mod definitions;

pub use catalogue::{
    BUILTIN_IDS, builtin, builtin_ids, gad7, ons_loneliness, ons4, phq4, phq9, swemwbs, ucla3,
    wemwbs,
};
pub use definitions::{DefinitionError, Problem, parse_definitions, resolve};

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use thiserror::Error;

/// An instrument (questionnaire) definition. Built-ins are valid by construction (tested);
/// definitions from a file are only used after [`parse_definitions`] has checked them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Instrument {
    /// Stable id used in configuration and payloads, e.g. `ons4`.
    pub id: String,
    /// Version of this definition, sent with every measure.
    pub version: String,
    /// Human title, e.g. "ONS personal wellbeing".
    pub title: String,
    /// The instructions (stem) shown before the items, in the published wording. Empty when the
    /// instrument has none, and in the built-in definitions of licensed instruments (the licensed
    /// deployment supplies it): do not show an empty paragraph.
    pub instructions: String,
    /// The period the person is asked to think about.
    pub recall_period: RecallPeriod,
    /// The youngest age, in years, the instrument is validated for; `None` where no age limit is
    /// published. A deployment whose `data-minimum-age` is younger leaves the instrument out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub minimum_age: Option<u32>,
    /// The items, in the order they are asked.
    pub items: Vec<Item>,
    /// How the instrument is scored.
    pub scoring: Scoring,
    /// What happens to the score when an item is left unanswered.
    pub missing_answers: MissingAnswers,
    /// Which way is better for the score. `None` only for unscored instruments.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub direction: Option<Direction>,
    /// The change in score that counts as meaningful for one person, or why none is given.
    pub meaningful_change: MeaningfulChange,
    /// Answers that mark the submission as urgent.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub risk: Vec<RiskRule>,
    /// Licence or permission under which the wording is used.
    pub licence: String,
    /// Whether the wording is open to reproduce or needs a licence.
    pub licence_kind: LicenceKind,
    /// Attribution / copyright line shown with the instrument, where one is required.
    pub attribution: Option<String>,
}

/// One question of an instrument.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Item {
    /// Stable id within the instrument, e.g. `satisfaction` or `phq9-9`.
    pub id: String,
    /// The exact published wording. Empty in the built-in definitions of licensed instruments
    /// (WEMWBS, SWEMWBS) until a licensed deployment supplies it; see [`Instrument::has_wording`].
    pub text: String,
    /// A short label for check-your-answers, e.g. "Life satisfaction".
    pub short_label: String,
    /// The GOV.UK-style message when no answer is chosen ("Select how …").
    pub missing_message: String,
    /// Response options in their published order.
    pub options: Vec<ResponseOption>,
    /// Interpretation bands for this item's scored value (only with per-item scoring; empty when
    /// the item has none).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub bands: Vec<Band>,
    /// Whether the item is reverse-scored: its scored value is `lowest + highest − value`, where
    /// lowest and highest are its option values. None of the built-in instruments reverse-score.
    #[serde(default, skip_serializing_if = "is_false")]
    pub reverse: bool,
    /// Which way is better for this item, where it differs from the instrument's (ONS4 anxiety).
    /// Only with per-item scoring.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub direction: Option<Direction>,
    /// This item's recall period, when the instrument's is [`RecallPeriod::PerItem`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recall_period: Option<RecallPeriod>,
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// A response option and its value.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ResponseOption {
    /// The value recorded for this option: the scored value as published (before any reversal,
    /// see [`Item::reverse`]), or for an unscored item a code that is never summed.
    pub value: i64,
    /// The label shown next to the radio, e.g. "7" or "Several days".
    pub label: String,
    /// Extra words that anchor the option, e.g. "not at all satisfied" for 0.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub anchor: Option<String>,
}

/// An inclusive band of values with a stable code and a plain label.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Band {
    pub min: i64,
    pub max: i64,
    /// Stable code sent in payloads, e.g. `very-high`.
    pub code: String,
    /// Plain words, e.g. "Very high".
    pub label: String,
}

/// How an instrument is scored. Serialised with a `rule` tag, e.g. `{"rule": "sum", "bands": []}`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "rule", rename_all = "kebab-case", deny_unknown_fields)]
pub enum Scoring {
    /// Each item is reported on its own with its band; there is no total (ONS4). (An empty
    /// struct variant, so that a stored rule with extra fields is refused, as for the others.)
    PerItem {},
    /// The sum of the items' scored values, with optional bands for the total.
    Sum {
        #[serde(default)]
        bands: Vec<Band>,
    },
    /// The sum of the items, converted by a published table (SWEMWBS raw → metric). The table
    /// has one row for every possible raw total.
    SumConverted { table: Vec<Conversion> },
    /// The sum of the items with bands, plus subscale sums (PHQ-4).
    SumWithSubscales {
        #[serde(default)]
        bands: Vec<Band>,
        subscales: Vec<Subscale>,
    },
    /// Not scored: the answer is reported as it is (the ONS direct loneliness question). An empty
    /// struct variant, as `PerItem`.
    None {},
}

/// One row of a conversion table.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Conversion {
    /// The raw total.
    pub raw: i64,
    /// The converted score, with at most two decimals as published.
    pub metric: f64,
}

/// A subscale: the sum of some of the items.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Subscale {
    /// Stable id sent in payloads, e.g. `anxiety`.
    pub id: String,
    /// Plain words, e.g. "Anxiety (GAD-2)".
    pub label: String,
    /// The item ids summed.
    pub items: Vec<String>,
    /// The subscale total at or above which the screen is positive, where one is published.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub positive_at: Option<i64>,
}

/// What happens to the score when an item is left unanswered. Nothing is ever imputed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum MissingAnswers {
    /// The score is not computable (`null`) unless every item is answered.
    AllRequired,
    /// Each answered item is reported on its own; an unanswered item is simply not reported, and
    /// with no answers at all the score is `null`. Only with per-item or no scoring.
    PerItem,
}

/// Which way is better.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Direction {
    HigherIsBetter,
    LowerIsBetter,
}

/// The period a person is asked about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum RecallPeriod {
    /// The wording states no period ("How often do you feel …").
    NotStated,
    /// Life as it is now ("nowadays").
    Current,
    Today,
    Yesterday,
    #[serde(rename = "last-7-days")]
    Last7Days,
    #[serde(rename = "last-2-weeks")]
    Last2Weeks,
    #[serde(rename = "last-4-weeks")]
    Last4Weeks,
    /// Each item states its own ([`Item::recall_period`]); ONS4 mixes "nowadays" and "yesterday".
    PerItem,
}

/// The change in score that counts as meaningful for one person.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case", deny_unknown_fields)]
pub enum MeaningfulChange {
    /// A published threshold: a change of at least `points` (on the total, or on the converted
    /// score where the instrument has a conversion table).
    Published { points: f64, source: String },
    /// No threshold is published; `note` says what was looked for.
    NotPublished { note: String },
}

/// An answer that marks the submission as urgent: `item` answered with a value of at least
/// `at_least` (the option value as published) adds `reason`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RiskRule {
    pub item: String,
    pub at_least: i64,
    /// Stable reason code sent in payloads, e.g. `phq9-item9`.
    pub reason: String,
}

/// Whether the wording may be reproduced freely.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum LicenceKind {
    /// Free to reproduce; the wording is built in.
    Open,
    /// Needs a licence; the wording must not be shipped in this repository. The built-in
    /// definition has empty wording and a licensed deployment supplies it in a definitions file.
    Licensed,
}

impl Instrument {
    /// The item with this id.
    pub fn item(&self, id: &str) -> Option<&Item> {
        self.items.iter().find(|i| i.id == id)
    }

    /// Whether every item has its wording. False for the built-in WEMWBS and SWEMWBS until a
    /// licensed deployment's definitions supply it: such an instrument must not be shown.
    pub fn has_wording(&self) -> bool {
        !self.items.is_empty() && self.items.iter().all(|i| !i.text.trim().is_empty())
    }

    /// Whether the instrument needs wording from a licensed deployment before it can be shown.
    pub fn requires_wording(&self) -> bool {
        self.licence_kind == LicenceKind::Licensed && !self.has_wording()
    }

    /// Which way is better for `item` (the item's own direction, else the instrument's).
    pub fn direction_of(&self, item: &Item) -> Option<Direction> {
        item.direction.or(self.direction)
    }

    /// The lowest and highest possible total (the sum of the items' scored values), or `None` for
    /// an instrument without items.
    pub fn total_range(&self) -> Option<(i64, i64)> {
        self.items.iter().try_fold((0i64, 0i64), |(lo, hi), item| {
            let (a, b) = item.scored_range()?;
            Some((lo + a, hi + b))
        })
    }

    /// Validates this definition on its own (the checks of [`parse_definitions`] except those
    /// that compare with the built-ins). Licensed instruments may lack wording.
    pub fn validate(&self) -> Result<(), DefinitionError> {
        definitions::validate(self, false)
    }
}

impl Item {
    /// The band that holds `value` (a scored value), if the item has bands.
    pub fn band_of(&self, value: i64) -> Option<&Band> {
        self.bands.iter().find(|b| (b.min..=b.max).contains(&value))
    }

    /// Whether `value` is one of this item's option values.
    pub fn allows(&self, value: i64) -> bool {
        self.options.iter().any(|o| o.value == value)
    }

    /// The lowest and highest option value.
    pub fn value_range(&self) -> Option<(i64, i64)> {
        let lo = self.options.iter().map(|o| o.value).min()?;
        let hi = self.options.iter().map(|o| o.value).max()?;
        Some((lo, hi))
    }

    /// The lowest and highest scored value (the same as [`Item::value_range`], as reversal maps
    /// the range onto itself).
    pub fn scored_range(&self) -> Option<(i64, i64)> {
        self.value_range()
    }

    /// The scored value of the option value `value`: `value` itself, or for a reverse-scored item
    /// `lowest + highest − value`.
    pub fn scored(&self, value: i64) -> i64 {
        match (self.reverse, self.value_range()) {
            (true, Some((lo, hi))) => lo + hi - value,
            _ => value,
        }
    }

    /// The option with this value.
    pub fn option(&self, value: i64) -> Option<&ResponseOption> {
        self.options.iter().find(|o| o.value == value)
    }

    /// How an answer reads back when checked: the option's label ("Several days"), "7 out of
    /// 10" where every label is a number, or "Not answered".
    pub fn answer_text(&self, value: Option<i64>) -> String {
        let Some(option) = value.and_then(|v| self.option(v)) else {
            return "Not answered".to_owned();
        };
        let numeric = self.options.iter().all(|o| o.label.parse::<i64>().is_ok());
        match self.options.last() {
            Some(last) if numeric => format!("{} out of {}", option.label, last.label),
            _ => option.label.clone(),
        }
    }
}

/// Why an answer was refused.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum AnswerError {
    #[error("the instrument has no item with id {0:?}")]
    UnknownItem(String),
    #[error("the answer to item {item:?} is not one of its options")]
    OutOfRange { item: String, value: i64 },
}

/// Answers to one instrument, keyed by item id. Each value is the chosen option's value (before
/// any reversal). Every value held is an option of its item: the only ways in are
/// [`Answers::set`] and [`Answers::from_pairs`], which check against the instrument.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct Answers(BTreeMap<String, i64>);

impl Answers {
    /// Records `value` for `item`, refusing unknown items and values outside the options.
    pub fn set(
        &mut self,
        instrument: &Instrument,
        item: &str,
        value: i64,
    ) -> Result<(), AnswerError> {
        let it = instrument
            .item(item)
            .ok_or_else(|| AnswerError::UnknownItem(item.to_owned()))?;
        if !it.allows(value) {
            return Err(AnswerError::OutOfRange {
                item: item.to_owned(),
                value,
            });
        }
        self.0.insert(item.to_owned(), value);
        Ok(())
    }

    /// Builds answers from stored pairs, checking every one.
    pub fn from_pairs<'a>(
        instrument: &Instrument,
        pairs: impl IntoIterator<Item = (&'a str, i64)>,
    ) -> Result<Self, AnswerError> {
        let mut answers = Answers::default();
        for (item, value) in pairs {
            answers.set(instrument, item, value)?;
        }
        Ok(answers)
    }

    /// Removes the answer to `item`, if any.
    pub fn clear(&mut self, item: &str) {
        self.0.remove(item);
    }

    /// The answer to `item`, if given.
    pub fn get(&self, item: &str) -> Option<i64> {
        self.0.get(item).copied()
    }

    /// Answers as (item, value) pairs in the instrument's item order.
    pub fn in_order<'a>(
        &'a self,
        instrument: &'a Instrument,
    ) -> impl Iterator<Item = (&'a Item, i64)> + 'a {
        instrument
            .items
            .iter()
            .filter_map(|i| self.get(&i.id).map(|v| (i, v)))
    }

    /// Every (item, value) pair, in item-id order.
    pub fn in_pairs(&self) -> impl Iterator<Item = (&str, i64)> {
        self.0.iter().map(|(k, v)| (k.as_str(), *v))
    }

    /// Whether every item of `instrument` is answered.
    pub fn is_complete(&self, instrument: &Instrument) -> bool {
        instrument.items.iter().all(|i| self.0.contains_key(&i.id))
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }
}
