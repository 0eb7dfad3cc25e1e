//! HL7 FHIR R4 (4.0.1) for the instruments and submissions: a `Questionnaire` per instrument,
//! a submission as a `Bundle` of `QuestionnaireResponse`s, and the parser an intake receiver
//! uses to read such a Bundle back (reference §4.1).
//!
//! Everything is derived from the same instrument definitions as the native payload, so the two
//! formats cannot drift apart. The resources are small serde structs ([`resources`]) holding only
//! the elements used, not a general FHIR model, to keep the widget small; no FHIR crate is used.
//!
//! # Canonical URLs
//!
//! Every URL hangs off one configurable base (no trailing slash; a deployment sets its own,
//! [`DEFAULT_BASE`] is a placeholder):
//!
//! | what | URL |
//! |---|---|
//! | an instrument's Questionnaire | `{base}/Questionnaire/{id}` (e.g. `…/Questionnaire/phq9`), with `version` = the instrument version; a response cites `{base}/Questionnaire/{id}\|{version}` |
//! | the answer codes of an instrument without LOINC answers | `{base}/CodeSystem/{id}-answers`, code = the option's value (`"0"`…), display = its label |
//!
//! PHQ-9, GAD-7 and PHQ-4 answers use the LOINC answer codes LA6568-5, LA6569-3, LA6570-1 and
//! LA6571-9 (`http://loinc.org`); PHQ-9 and GAD-7 items and panels carry their LOINC codes.
//!
//! # Questionnaire layout
//!
//! Flat items, in order: the instructions as a `display` item `{id}-instructions` (a display item
//! rather than a group's text, so that responses stay flat); one `choice` item per question with
//! `linkId` = the stable item id and an `answerOption` per response option carrying the
//! `ordinalValue` extension (= the option's scored value); then `readOnly` score items:
//!
//! | linkId | type | when |
//! |---|---|---|
//! | `{id}-total` | integer | instruments with a total (the raw total for SWEMWBS) |
//! | `{id}-band` | string (band code) | totals with bands |
//! | `{id}-metric` | decimal | SWEMWBS |
//! | `{id}-subscale-{s}` / `{id}-subscale-{s}-positive` | integer / boolean | PHQ-4 |
//! | `{id}-{item}-band` | string (band code) | ONS4, per item |
//!
//! A QuestionnaireResponse holds the answered questions only (a skipped question is left out),
//! then the score items of the score that could be computed (none when the score is `null`).
//!
//! Licensed instruments without their wording (the built-in WEMWBS and SWEMWBS) get no
//! Questionnaire: their wording must not be published from this repository. With wording from a
//! deployment's definitions file they do.
//!
//! # Submissions
//!
//! [`bundle`] writes a `collection` Bundle (no FHIR-server transaction semantics are assumed:
//! it goes to the practice's own endpoint); [`parse_bundle`] reads one back and recomputes
//! every score and the risk. The `fullUrl`s are name-based UUIDs derived from the submission id
//! ([`entry_full_url`]), so the same submission always gives the same Bundle.

mod bundle;
mod layout;
mod parse;
mod questionnaire;
pub mod resources;

pub use bundle::{PatientDetails, bundle, bundle_with_patient, entry_full_url};
pub use parse::{ParsedBundle, parse_bundle, parse_bundle_with};
pub use questionnaire::{builtin_questionnaires, questionnaire};
pub use resources::{Bundle, Questionnaire};

use thiserror::Error;

/// The placeholder base used when none is configured. Deployments set their own (the address
/// under which they publish the Questionnaires), since canonical URLs should resolve.
pub const DEFAULT_BASE: &str = "https://wellbeing-widget.example/fhir";

/// LOINC's code system.
pub const LOINC: &str = "http://loinc.org";
/// SNOMED CT's code system.
pub const SNOMED: &str = "http://snomed.info/sct";
/// SNOMED CT 871731000000106 |Referral to social prescribing service| (reference §2.2).
pub const REFERRAL_CODE: &str = "871731000000106";
/// The display of [`REFERRAL_CODE`].
pub const REFERRAL_DISPLAY: &str = "Referral to social prescribing service";
/// The NHS number identifier system (UK Core).
pub const NHS_NUMBER_SYSTEM: &str = "https://fhir.nhs.uk/Id/nhs-number";
/// The identifier system of a URI, here `urn:uuid:<submission_id>`.
pub const URI_SYSTEM: &str = "urn:ietf:rfc:3986";
/// The extension giving an answer option's scored value.
pub const ORDINAL_VALUE: &str = "http://hl7.org/fhir/StructureDefinition/ordinalValue";

/// The canonical URL of an instrument's Questionnaire: `{base}/Questionnaire/{id}`.
pub fn canonical_url(base: &str, id: &str) -> String {
    format!("{}/Questionnaire/{id}", trim_base(base))
}

/// `base` without trailing slashes.
fn trim_base(base: &str) -> &str {
    base.trim_end_matches('/')
}

/// Why a Questionnaire or Bundle cannot be written, or a Bundle is refused. Messages name
/// positions (entry and item numbers from 0), fields and known ids only, never an answer or a
/// personal detail.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum FhirError {
    #[error(
        "instrument {0:?} is licensed and its wording has not been supplied, so it has no Questionnaire"
    )]
    NeedsWording(String),
    #[error("instrument {instrument:?}: the linkId {link_id:?} is used twice in its Questionnaire")]
    LinkIdClash { instrument: String, link_id: String },
    #[error("measure {index}: its instrument is not known")]
    UnknownInstrument { index: usize },
    #[error("measure {index}: its version is not the instrument's version")]
    Version { index: usize },
    #[error("measure {index}: answer {ordinal} is not an option of a known item")]
    AnswerNotAnOption { index: usize, ordinal: usize },

    #[error("the body is not a FHIR Bundle: {0}")]
    Malformed(String),
    #[error("the body is not a FHIR Bundle (resourceType must be Bundle)")]
    NotABundle,
    #[error("the Bundle type must be collection")]
    BundleType,
    #[error(
        "the Bundle identifier must have system urn:ietf:rfc:3986 and value urn:uuid:<a UUID version 4>"
    )]
    Identifier,
    #[error("the Bundle timestamp must be an RFC 3339 date-time")]
    Timestamp,
    #[error("entry {entry}: fullUrl must be a urn:uuid: URN, different from every other entry's")]
    FullUrl { entry: usize },
    #[error(
        "entry {entry}: only Patient, ServiceRequest and QuestionnaireResponse resources are accepted"
    )]
    UnexpectedResource { entry: usize },
    #[error("the Bundle must hold exactly one {resource} (it holds {found})")]
    ResourceCount {
        resource: &'static str,
        found: usize,
    },
    #[error("the Patient is not acceptable: {0}")]
    Patient(&'static str),
    #[error("the ServiceRequest is not acceptable: {0}")]
    ServiceRequest(&'static str),
    #[error("entry {entry}: {field} must refer to the Bundle's own entry")]
    Reference { entry: usize, field: &'static str },
    #[error("entry {entry}: the QuestionnaireResponse status must be completed")]
    Status { entry: usize },
    #[error(
        "entry {entry}: questionnaire must be the canonical URL and version of a known instrument"
    )]
    UnknownQuestionnaire { entry: usize },
    #[error("entry {entry}: questionnaire is not the current version of {instrument:?}")]
    QuestionnaireVersion { entry: usize, instrument: String },
    #[error("entry {entry}: instrument {instrument:?} already has a QuestionnaireResponse")]
    DuplicateMeasure { entry: usize, instrument: String },
    #[error("entry {entry}: item {position} has a linkId that is not in the Questionnaire")]
    UnknownLinkId { entry: usize, position: usize },
    #[error("entry {entry}: item {link_id:?} appears more than once")]
    DuplicateLinkId { entry: usize, link_id: String },
    #[error("entry {entry}: item {link_id:?}: {problem}")]
    Answer {
        entry: usize,
        link_id: String,
        problem: &'static str,
    },
    #[error("entry {entry}: the score items of {instrument:?} do not match the answers")]
    ScoreMismatch { entry: usize, instrument: String },
    #[error("the ServiceRequest priority must be urgent exactly when the answers raise a risk")]
    RiskMismatch,
}
