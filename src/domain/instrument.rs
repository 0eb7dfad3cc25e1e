//! Wellbeing instruments as data: items, response options in their published order with their
//! scored values, bands and licence text. Facts come from shared/reference/instruments.md.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use thiserror::Error;

/// A validated instrument (questionnaire) definition.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Instrument {
    /// Stable id used in configuration and payloads, e.g. `ons4`.
    pub id: String,
    /// Version of this definition, sent with every measure.
    pub version: String,
    /// Human title, e.g. "ONS personal wellbeing".
    pub title: String,
    /// The instructions shown before the items (published wording).
    pub instructions: String,
    /// The items, in the order they are asked.
    pub items: Vec<Item>,
    /// How the instrument is scored.
    pub scoring: Scoring,
    /// Licence or permission under which the wording is used.
    pub licence: String,
    /// Attribution line shown with the instrument, where one is required.
    pub attribution: Option<String>,
}

/// One question of an instrument.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Item {
    /// Stable id within the instrument, e.g. `satisfaction`.
    pub id: String,
    /// The exact published wording.
    pub text: String,
    /// A short label for check-your-answers, e.g. "Life satisfaction".
    pub short_label: String,
    /// The GOV.UK-style message when no answer is chosen ("Select how …").
    pub missing_message: String,
    /// Response options in their published order.
    pub options: Vec<ResponseOption>,
    /// Interpretation bands for this item's value (empty when the item has none).
    #[serde(default)]
    pub bands: Vec<Band>,
}

/// A response option and its scored value.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ResponseOption {
    /// The value as scored.
    pub value: i64,
    /// The label shown next to the radio, e.g. "7" or "Several days".
    pub label: String,
    /// Extra words that anchor the option, e.g. "not at all satisfied" for 0.
    #[serde(default)]
    pub anchor: Option<String>,
}

/// An inclusive band of values with a stable code and a plain label.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Band {
    pub min: i64,
    pub max: i64,
    /// Stable code sent in payloads, e.g. `very-high`.
    pub code: String,
    /// Plain words, e.g. "Very high".
    pub label: String,
}

/// How an instrument is scored.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "rule", rename_all = "kebab-case")]
pub enum Scoring {
    /// Each item is reported on its own with its band; there is no total (ONS4).
    PerItem,
}

impl Instrument {
    /// The item with this id.
    pub fn item(&self, id: &str) -> Option<&Item> {
        self.items.iter().find(|i| i.id == id)
    }
}

impl Item {
    /// The band that holds `value`, if the item has bands.
    pub fn band_of(&self, value: i64) -> Option<&Band> {
        self.bands.iter().find(|b| (b.min..=b.max).contains(&value))
    }

    /// Whether `value` is one of this item's scored option values.
    pub fn allows(&self, value: i64) -> bool {
        self.options.iter().any(|o| o.value == value)
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

/// Answers to one instrument. Every value held is an option of its item: the only ways in are
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

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }
}

/// The built-in instruments, by id.
pub fn builtin(id: &str) -> Option<Instrument> {
    match id {
        "ons4" => Some(ons4()),
        _ => None,
    }
}

fn zero_to_ten(low: &str, high: &str) -> Vec<ResponseOption> {
    (0..=10)
        .map(|v| ResponseOption {
            value: v,
            label: v.to_string(),
            anchor: match v {
                0 => Some(low.to_owned()),
                10 => Some(high.to_owned()),
                _ => None,
            },
        })
        .collect()
}

fn band(min: i64, max: i64, code: &str, label: &str) -> Band {
    Band {
        min,
        max,
        code: code.into(),
        label: label.into(),
    }
}

/// ONS4 positive-item thresholds: 0–4 low, 5–6 medium, 7–8 high, 9–10 very high.
fn positive_bands() -> Vec<Band> {
    vec![
        band(0, 4, "low", "Low"),
        band(5, 6, "medium", "Medium"),
        band(7, 8, "high", "High"),
        band(9, 10, "very-high", "Very high"),
    ]
}

/// ONS4 anxiety thresholds: 0–1 very low, 2–3 low, 4–5 medium, 6–10 high (high = worse).
fn anxiety_bands() -> Vec<Band> {
    vec![
        band(0, 1, "very-low", "Very low"),
        band(2, 3, "low", "Low"),
        band(4, 5, "medium", "Medium"),
        band(6, 10, "high", "High"),
    ]
}

/// ONS personal well-being (ONS4), GSS harmonised standard "Personal well-being" (17 April 2019).
pub fn ons4() -> Instrument {
    let item =
        |id: &str, text: &str, short: &str, missing: &str, low: &str, high: &str, bands| Item {
            id: id.into(),
            text: text.into(),
            short_label: short.into(),
            missing_message: missing.into(),
            options: zero_to_ten(low, high),
            bands,
        };
    Instrument {
        id: "ons4".into(),
        version: "gss-2019-04".into(),
        title: "ONS personal wellbeing".into(),
        instructions: "Next I would like to ask you four questions about your feelings on aspects of \
                       your life. There are no right or wrong answers. For each of these questions I'd \
                       like you to give an answer on a scale of nought to 10, where nought is 'not at \
                       all' and 10 is 'completely'."
            .into(),
        items: vec![
            item(
                "satisfaction",
                "Overall, how satisfied are you with your life nowadays?",
                "Life satisfaction",
                "Select how satisfied you are with your life nowadays",
                "not at all satisfied",
                "completely satisfied",
                positive_bands(),
            ),
            item(
                "worthwhile",
                "Overall, to what extent do you feel that the things you do in your life are worthwhile?",
                "Things you do are worthwhile",
                "Select how worthwhile you feel the things you do in your life are",
                "not at all worthwhile",
                "completely worthwhile",
                positive_bands(),
            ),
            item(
                "happy",
                "Overall, how happy did you feel yesterday?",
                "Happiness yesterday",
                "Select how happy you felt yesterday",
                "not at all happy",
                "completely happy",
                positive_bands(),
            ),
            item(
                "anxious",
                "On a scale where nought is 'not at all anxious' and 10 is 'completely anxious', \
                 overall, how anxious did you feel yesterday?",
                "Anxiety yesterday",
                "Select how anxious you felt yesterday",
                "not at all anxious",
                "completely anxious",
                anxiety_bands(),
            ),
        ],
        scoring: Scoring::PerItem,
        licence: "ONS/GSS harmonised standard questions, published for reuse".into(),
        attribution: Some("Questions from the Office for National Statistics (ONS) personal wellbeing measures.".into()),
    }
}
