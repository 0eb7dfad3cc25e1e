//! One FHIR R4 Questionnaire per instrument, generated from its definition.

use super::layout::{self, ScoreItem};
use super::resources::{
    AnswerOption, Coding, Extension, ItemType, Questionnaire, QuestionnaireItem,
};
use super::{FhirError, LOINC, ORDINAL_VALUE, canonical_url, trim_base};
use crate::domain::instrument::{BUILTIN_IDS, Instrument, LicenceKind, builtin};

/// The FHIR R4 Questionnaire of `instrument`, with canonical URL `{base}/Questionnaire/{id}`.
///
/// * `id` = the instrument id, `version` = the instrument version, `name` = the id in
///   UpperCamelCase (`ons-loneliness` → `OnsLoneliness`), `title`, `status` `active`,
///   `subjectType` `Patient`, `code` = the LOINC panel (PHQ-9 44249-1, GAD-7 69737-5), `copyright`
///   = the attribution line (else the licence text).
/// * Items, flat, in order: the instructions as a `display` item `{id}-instructions` (left out
///   when the instrument has none), then one `choice` item per question (`linkId` = the item id,
///   `text` = the exact wording, `code` = its LOINC code where it has one, an `answerOption` per
///   response option in published order with the `ordinalValue` extension = its scored value),
///   then the `readOnly` score items (see [`layout::score_items`]). No item is `required`: a
///   person may skip any question.
///
/// # Errors
/// [`FhirError::NeedsWording`] for a licensed instrument without its wording (the built-in WEMWBS
/// and SWEMWBS): its wording must never be published from here. [`FhirError::LinkIdClash`] if an
/// item id equals a generated linkId (only possible for instruments from a definitions file).
pub fn questionnaire(instrument: &Instrument, base: &str) -> Result<Questionnaire, FhirError> {
    if instrument.requires_wording() {
        return Err(FhirError::NeedsWording(instrument.id.clone()));
    }
    layout::check_link_ids(instrument)?;
    let base = trim_base(base);
    let mut items = Vec::new();
    if !instrument.instructions.trim().is_empty() {
        items.push(QuestionnaireItem {
            link_id: layout::instructions_link_id(instrument),
            code: Vec::new(),
            text: instrument.instructions.clone(),
            item_type: ItemType::Display,
            read_only: false,
            answer_option: Vec::new(),
        });
    }
    for item in &instrument.items {
        items.push(QuestionnaireItem {
            link_id: item.id.clone(),
            code: loinc(layout::item_code(instrument, item)),
            text: item.text.clone(),
            item_type: ItemType::Choice,
            read_only: false,
            answer_option: item
                .options
                .iter()
                .map(|o| AnswerOption {
                    extension: vec![Extension {
                        url: ORDINAL_VALUE.into(),
                        value_decimal: item.scored(o.value),
                    }],
                    value_coding: layout::answer_coding(base, instrument, item, o),
                })
                .collect(),
        });
    }
    for ScoreItem {
        link_id,
        item_type,
        text,
        code,
    } in layout::score_items(instrument)
    {
        items.push(QuestionnaireItem {
            link_id,
            code: loinc(code),
            text,
            item_type,
            read_only: true,
            answer_option: Vec::new(),
        });
    }
    Ok(Questionnaire {
        resource_type: "Questionnaire",
        id: instrument.id.clone(),
        url: canonical_url(base, &instrument.id),
        version: instrument.version.clone(),
        name: computable_name(&instrument.id),
        title: instrument.title.clone(),
        status: "active",
        subject_type: vec!["Patient"],
        code: loinc(layout::panel_code(instrument)),
        copyright: instrument
            .attribution
            .clone()
            .or_else(|| Some(instrument.licence.clone()))
            .filter(|c| !c.trim().is_empty()),
        item: items,
    })
}

/// The Questionnaires of every built-in instrument that may be published: the open ones (ONS4,
/// UCLA-3, ONS loneliness, PHQ-9, GAD-7, PHQ-4), in [`BUILTIN_IDS`] order. WEMWBS and SWEMWBS are
/// licensed and have no wording here, so they are left out.
pub fn builtin_questionnaires(base: &str) -> Vec<Questionnaire> {
    BUILTIN_IDS
        .iter()
        .filter_map(|id| builtin(id))
        .filter(|i| i.licence_kind == LicenceKind::Open)
        .filter_map(|i| questionnaire(&i, base).ok())
        .collect()
}

fn loinc(code: Option<&str>) -> Vec<Coding> {
    code.map(|c| vec![Coding::new(LOINC, c, None)])
        .unwrap_or_default()
}

/// A FHIR computable name (`[A-Z]([A-Za-z0-9_]){0,254}`) from an instrument id: each
/// hyphen-separated word capitalised, e.g. `ons-loneliness` → `OnsLoneliness`, `phq9` → `Phq9`.
pub(crate) fn computable_name(id: &str) -> String {
    let mut name: String = id
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut cs = w.chars();
            let first = cs.next().map(|c| c.to_ascii_uppercase());
            first.into_iter().chain(cs).collect::<String>()
        })
        .collect();
    if !name.starts_with(|c: char| c.is_ascii_uppercase()) {
        name.insert(0, 'Q');
    }
    name
}

#[cfg(test)]
mod tests {
    use super::computable_name;

    #[test]
    fn computable_names() {
        assert_eq!(computable_name("ons4"), "Ons4");
        assert_eq!(computable_name("ons-loneliness"), "OnsLoneliness");
        assert_eq!(computable_name("9lives"), "Q9lives");
    }
}
