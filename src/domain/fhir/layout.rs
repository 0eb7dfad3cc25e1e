//! How an instrument maps onto FHIR items, shared by the Questionnaire writer, the Bundle writer
//! and the Bundle parser so that the three cannot disagree: the linkIds, the coding of every
//! answer option, and the read-only score items with their values.

use super::resources::{Answer, Coding, ItemType, ResponseItem};
use super::{FhirError, LOINC};
use crate::domain::instrument::{Instrument, Item, ResponseOption, Scoring};
use crate::domain::scoring::Score;

/// LOINC item codes (reference §1.6–1.7), by instrument and item id.
const LOINC_ITEMS: &[(&str, &str, &str)] = &[
    ("phq9", "phq9-1", "44250-9"),
    ("phq9", "phq9-2", "44255-8"),
    ("phq9", "phq9-3", "44259-0"),
    ("phq9", "phq9-4", "44254-1"),
    ("phq9", "phq9-5", "44251-7"),
    ("phq9", "phq9-6", "44258-2"),
    ("phq9", "phq9-7", "44252-5"),
    ("phq9", "phq9-8", "44253-3"),
    ("phq9", "phq9-9", "44260-8"),
    ("gad7", "gad7-1", "69725-0"),
    ("gad7", "gad7-2", "68509-9"),
    ("gad7", "gad7-3", "69733-4"),
    ("gad7", "gad7-4", "69734-2"),
    ("gad7", "gad7-5", "69735-9"),
    ("gad7", "gad7-6", "69689-8"),
    ("gad7", "gad7-7", "69736-7"),
];

/// LOINC panel codes (reference §1.6–1.7).
const LOINC_PANELS: &[(&str, &str)] = &[("phq9", "44249-1"), ("gad7", "69737-5")];

/// LOINC total-score codes (reference §1.6–1.7).
const LOINC_TOTALS: &[(&str, &str)] = &[("phq9", "44261-6"), ("gad7", "70274-6")];

/// The PHQ answer list LL358-3: value, label, LOINC answer code (reference §1.6).
const LOINC_PHQ_ANSWERS: [(i64, &str, &str); 4] = [
    (0, "Not at all", "LA6568-5"),
    (1, "Several days", "LA6569-3"),
    (2, "More than half the days", "LA6570-1"),
    (3, "Nearly every day", "LA6571-9"),
];

/// The LOINC code of the instrument's panel, if it has one (PHQ-9, GAD-7).
pub(crate) fn panel_code(instrument: &Instrument) -> Option<&'static str> {
    lookup(LOINC_PANELS, &instrument.id)
}

/// The LOINC code of one item, if it has one (PHQ-9 and GAD-7 items).
pub(crate) fn item_code(instrument: &Instrument, item: &Item) -> Option<&'static str> {
    LOINC_ITEMS
        .iter()
        .find(|(i, it, _)| *i == instrument.id && *it == item.id)
        .map(|(_, _, code)| *code)
}

fn lookup(table: &[(&str, &'static str)], id: &str) -> Option<&'static str> {
    table.iter().find(|(i, _)| *i == id).map(|(_, c)| *c)
}

/// The project code system of an instrument's answers: `{base}/CodeSystem/{id}-answers`.
pub(crate) fn answer_system(base: &str, instrument: &Instrument) -> String {
    format!("{base}/CodeSystem/{}-answers", instrument.id)
}

/// The coding of one answer option: the LOINC answer code when the item's options are exactly the
/// PHQ answer list LL358-3 (PHQ-9, GAD-7, PHQ-4), else the project code system with the option's
/// value as the code. Display is the option's label either way.
pub(crate) fn answer_coding(
    base: &str,
    instrument: &Instrument,
    item: &Item,
    option: &ResponseOption,
) -> Coding {
    if uses_loinc_answers(item)
        && let Some((_, _, code)) = LOINC_PHQ_ANSWERS.iter().find(|a| a.0 == option.value)
    {
        return Coding::new(LOINC, code, Some(&option.label));
    }
    Coding::new(
        &answer_system(base, instrument),
        &option.value.to_string(),
        Some(&option.label),
    )
}

fn uses_loinc_answers(item: &Item) -> bool {
    item.options.len() == LOINC_PHQ_ANSWERS.len()
        && item
            .options
            .iter()
            .zip(LOINC_PHQ_ANSWERS)
            .all(|(o, (value, label, _))| o.value == value && o.label == label)
}

/// The linkId of the display item holding the instructions.
pub(crate) fn instructions_link_id(instrument: &Instrument) -> String {
    format!("{}-instructions", instrument.id)
}

/// A read-only item that reports part of the score.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct ScoreItem {
    pub link_id: String,
    pub item_type: ItemType,
    pub text: String,
    pub code: Option<&'static str>,
}

/// The read-only score items of an instrument, in order:
///
/// * sum: `{id}-total` (integer) and, with bands, `{id}-band` (string, the band code);
/// * sum converted by a table (SWEMWBS): `{id}-total` (the raw total) and `{id}-metric` (decimal);
/// * sum with subscales (PHQ-4): total and band as for a sum, then for each subscale
///   `{id}-subscale-{subscale}` (integer) and, where it has a cut-off,
///   `{id}-subscale-{subscale}-positive` (boolean);
/// * per item (ONS4): `{id}-{item}-band` (string) for each item that has bands (the item's value
///   is its answer's `ordinalValue`);
/// * not scored: none.
pub(crate) fn score_items(instrument: &Instrument) -> Vec<ScoreItem> {
    let id = &instrument.id;
    let item = |suffix: &str, item_type, text: String, code| ScoreItem {
        link_id: format!("{id}-{suffix}"),
        item_type,
        text,
        code,
    };
    let range = instrument
        .total_range()
        .map(|(lo, hi)| format!(" ({lo}\u{2013}{hi})"))
        .unwrap_or_default();
    let total_code = lookup(LOINC_TOTALS, id);
    let band = || {
        item(
            "band",
            ItemType::String,
            "Band of the total score (its code)".into(),
            None,
        )
    };
    let mut out = Vec::new();
    match &instrument.scoring {
        Scoring::None {} => {}
        Scoring::PerItem {} => {
            for it in instrument.items.iter().filter(|i| !i.bands.is_empty()) {
                out.push(item(
                    &format!("{}-band", it.id),
                    ItemType::String,
                    format!("Band of the answer: {} (its code)", it.short_label),
                    None,
                ));
            }
        }
        Scoring::Sum { bands } => {
            out.push(item(
                "total",
                ItemType::Integer,
                format!("Total score{range}"),
                total_code,
            ));
            if !bands.is_empty() {
                out.push(band());
            }
        }
        Scoring::SumConverted { .. } => {
            out.push(item(
                "total",
                ItemType::Integer,
                format!("Raw total score{range}"),
                total_code,
            ));
            out.push(item(
                "metric",
                ItemType::Decimal,
                "Metric score (the raw total converted by the published table)".into(),
                None,
            ));
        }
        Scoring::SumWithSubscales { bands, subscales } => {
            out.push(item(
                "total",
                ItemType::Integer,
                format!("Total score{range}"),
                total_code,
            ));
            if !bands.is_empty() {
                out.push(band());
            }
            for s in subscales {
                out.push(item(
                    &format!("subscale-{}", s.id),
                    ItemType::Integer,
                    format!("{} subscale total", s.label),
                    None,
                ));
                if let Some(at) = s.positive_at {
                    out.push(item(
                        &format!("subscale-{}-positive", s.id),
                        ItemType::Boolean,
                        format!("{} positive screen ({at} or more)", s.label),
                        None,
                    ));
                }
            }
        }
    }
    out
}

/// Every linkId of the instrument's Questionnaire (instructions, items, score items), checked to
/// be distinct: an instrument from a definitions file could name an item like a score item.
pub(crate) fn check_link_ids(instrument: &Instrument) -> Result<(), FhirError> {
    let mut seen = std::collections::BTreeSet::new();
    let all = std::iter::once(instructions_link_id(instrument))
        .chain(instrument.items.iter().map(|i| i.id.clone()))
        .chain(score_items(instrument).into_iter().map(|s| s.link_id));
    for link_id in all {
        if !seen.insert(link_id.clone()) {
            return Err(FhirError::LinkIdClash {
                instrument: instrument.id.clone(),
                link_id,
            });
        }
    }
    Ok(())
}

/// The score items' answers for `score`, in [`score_items`] order (parts the score does not have
/// are left out; `None` gives none).
pub(crate) fn score_answers(instrument: &Instrument, score: Option<&Score>) -> Vec<ResponseItem> {
    let Some(score) = score else {
        return Vec::new();
    };
    let id = &instrument.id;
    let one = |suffix: &str, answer: Answer| ResponseItem {
        link_id: Some(format!("{id}-{suffix}")),
        answer: vec![answer],
        item: Vec::new(),
    };
    let mut out = Vec::new();
    for it in &instrument.items {
        if let Some(band) = score
            .items
            .iter()
            .find(|s| s.item == it.id)
            .and_then(|s| s.band.clone())
        {
            out.push(one(&format!("{}-band", it.id), string(band)));
        }
    }
    if let Some(total) = score.total {
        out.push(one(
            "total",
            Answer {
                value_integer: Some(total),
                ..Answer::default()
            },
        ));
    }
    if let Some(metric) = score.metric {
        out.push(one(
            "metric",
            Answer {
                value_decimal: Some(metric),
                ..Answer::default()
            },
        ));
    }
    if let Some(band) = &score.band {
        out.push(one("band", string(band.clone())));
    }
    for s in &score.subscales {
        out.push(one(
            &format!("subscale-{}", s.id),
            Answer {
                value_integer: Some(s.total),
                ..Answer::default()
            },
        ));
        if let Some(positive) = s.positive {
            out.push(one(
                &format!("subscale-{}-positive", s.id),
                Answer {
                    value_boolean: Some(positive),
                    ..Answer::default()
                },
            ));
        }
    }
    out
}

fn string(s: String) -> Answer {
    Answer {
        value_string: Some(s),
        ..Answer::default()
    }
}
