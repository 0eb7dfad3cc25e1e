//! The small part of the FHIR R4 (4.0.1) resource model this crate writes and reads, as plain
//! serde structs: only the elements used, each omitted from the JSON when empty. Property names
//! are FHIR's (`camelCase`).
//!
//! Reading is tolerant of elements this model does not name (FHIR resources have many), except in
//! a QuestionnaireResponse answer, where an unknown `value[x]` must not slip past the checks.

use serde::{Deserialize, Serialize};

/// A code from a code system.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Coding {
    #[serde(default)]
    pub system: Option<String>,
    #[serde(default)]
    pub code: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub display: Option<String>,
}

impl Coding {
    pub fn new(system: &str, code: &str, display: Option<&str>) -> Self {
        Coding {
            system: Some(system.to_owned()),
            code: Some(code.to_owned()),
            display: display.map(str::to_owned),
        }
    }

    /// Whether this is `code` in `system` (display is not compared).
    pub fn is(&self, system: &str, code: &str) -> bool {
        self.system.as_deref() == Some(system) && self.code.as_deref() == Some(code)
    }
}

/// Codes and/or text.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CodeableConcept {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub coding: Vec<Coding>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

/// An identifier in a namespace (`system`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Identifier {
    #[serde(default)]
    pub system: Option<String>,
    #[serde(default)]
    pub value: Option<String>,
}

/// A literal reference, here always the `fullUrl` (`urn:uuid:…`) of another entry of the Bundle.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reference {
    #[serde(default)]
    pub reference: Option<String>,
}

impl Reference {
    pub fn to(full_url: &str) -> Self {
        Reference {
            reference: Some(full_url.to_owned()),
        }
    }
}

/// A text note.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Annotation {
    pub text: String,
}

/// An extension with a decimal value; the only one used is `ordinalValue` (always a whole
/// number here, so it is written without a fraction).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Extension {
    pub url: String,
    #[serde(rename = "valueDecimal")]
    pub value_decimal: i64,
}

/// `Questionnaire.item.type` values used here.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ItemType {
    /// Text shown, never answered (the instructions).
    Display,
    /// One of the `answerOption`s, answered with `valueCoding`.
    Choice,
    /// A whole number, answered with `valueInteger` (totals, subscale totals).
    Integer,
    /// A number with a fraction, answered with `valueDecimal` (the SWEMWBS metric score).
    Decimal,
    /// Text, answered with `valueString` (band codes).
    String,
    /// Yes or no, answered with `valueBoolean` (a subscale's positive screen).
    Boolean,
}

/// A FHIR R4 Questionnaire (written only; see [`super::questionnaire`]).
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Questionnaire {
    pub resource_type: &'static str,
    pub id: String,
    pub url: String,
    pub version: String,
    pub name: String,
    pub title: String,
    pub status: &'static str,
    pub subject_type: Vec<&'static str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub code: Vec<Coding>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub copyright: Option<String>,
    pub item: Vec<QuestionnaireItem>,
}

/// One item of a [`Questionnaire`].
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct QuestionnaireItem {
    pub link_id: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub code: Vec<Coding>,
    pub text: String,
    #[serde(rename = "type")]
    pub item_type: ItemType,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub read_only: bool,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub answer_option: Vec<AnswerOption>,
}

/// A permitted answer of a choice item, with its `ordinalValue` extension.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AnswerOption {
    pub extension: Vec<Extension>,
    pub value_coding: Coding,
}

/// A FHIR R4 Bundle (see [`super::bundle`]).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Bundle {
    pub resource_type: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub identifier: Option<Identifier>,
    #[serde(rename = "type", default)]
    pub bundle_type: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timestamp: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub entry: Vec<BundleEntry>,
}

/// One entry of a [`Bundle`].
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BundleEntry {
    #[serde(default)]
    pub full_url: Option<String>,
    pub resource: Resource,
}

/// The resources a submission Bundle holds, told apart by `resourceType`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "resourceType")]
pub enum Resource {
    Patient(Patient),
    ServiceRequest(ServiceRequest),
    QuestionnaireResponse(QuestionnaireResponse),
    /// Any other resource type: read only so that it can be refused with a clear message.
    #[serde(other, skip_serializing)]
    Other,
}

/// The person referring themselves. Empty until the referral details are collected.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Patient {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub identifier: Vec<Identifier>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub name: Vec<HumanName>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub telecom: Vec<ContactPoint>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub birth_date: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub address: Vec<Address>,
}

/// A name as the person wrote it (`text` only: the form asks for one full name).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HumanName {
    #[serde(default)]
    pub text: Option<String>,
}

/// A phone number or email address.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContactPoint {
    #[serde(default)]
    pub system: Option<String>,
    #[serde(default)]
    pub value: Option<String>,
}

/// An address; only the postcode is collected.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Address {
    #[serde(default)]
    pub postal_code: Option<String>,
}

/// The referral to social prescribing.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ServiceRequest {
    #[serde(default)]
    pub status: Option<String>,
    #[serde(default)]
    pub intent: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub priority: Option<String>,
    #[serde(default)]
    pub code: Option<CodeableConcept>,
    #[serde(default)]
    pub subject: Option<Reference>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub authored_on: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub requester: Option<Reference>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub note: Vec<Annotation>,
}

/// The answers to one instrument, and its score as read-only items.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct QuestionnaireResponse {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub based_on: Vec<Reference>,
    #[serde(default)]
    pub questionnaire: Option<String>,
    #[serde(default)]
    pub status: Option<String>,
    #[serde(default)]
    pub subject: Option<Reference>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub authored: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub item: Vec<ResponseItem>,
}

/// One answered item of a [`QuestionnaireResponse`].
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ResponseItem {
    #[serde(default)]
    pub link_id: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub answer: Vec<Answer>,
    /// Nested items: never written (the Questionnaires are flat), refused when read.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub item: Vec<serde_json::Value>,
}

/// An answer: exactly one `value[x]` is set.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Answer {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value_coding: Option<Coding>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value_integer: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value_decimal: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value_string: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value_boolean: Option<bool>,
}

impl Answer {
    /// How many `value[x]` are set (exactly one in a well-formed answer).
    pub fn value_count(&self) -> usize {
        usize::from(self.value_coding.is_some())
            + usize::from(self.value_integer.is_some())
            + usize::from(self.value_decimal.is_some())
            + usize::from(self.value_string.is_some())
            + usize::from(self.value_boolean.is_some())
    }
}
