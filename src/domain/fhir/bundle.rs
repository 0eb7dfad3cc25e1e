//! A submission as a FHIR R4 Bundle: one Patient, one ServiceRequest (the referral) and one
//! QuestionnaireResponse per measure.

use super::layout;
use super::resources::{
    Address, Annotation, Answer, Bundle, BundleEntry, CodeableConcept, Coding, ContactPoint,
    HumanName, Identifier, Patient, QuestionnaireResponse, Reference, Resource, ResponseItem,
    ServiceRequest,
};
use super::{
    FhirError, NHS_NUMBER_SYSTEM, REFERRAL_CODE, REFERRAL_DISPLAY, SNOMED, URI_SYSTEM,
    canonical_url, trim_base,
};
use crate::domain::instrument::{Instrument, resolve};
use crate::domain::payload::Submission;
use crate::domain::referral::{EmailAddress, NhsNumber, PersonName, PhoneNumber, Postcode};
use crate::domain::referral::{Referral, SimpleDate};
use uuid::Uuid;

/// The referral details that go in the Patient, each only when the person gave it (from the
/// submission's `referral`, see [`PatientDetails::from_referral`]).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PatientDetails {
    /// `Patient.identifier` with system `https://fhir.nhs.uk/Id/nhs-number`.
    pub nhs_number: Option<NhsNumber>,
    /// `Patient.name[0].text`.
    pub name: Option<PersonName>,
    /// `Patient.birthDate` (`YYYY-MM-DD`).
    pub birth_date: Option<SimpleDate>,
    /// `Patient.address[0].postalCode`.
    pub postcode: Option<Postcode>,
    /// `Patient.telecom` with system `phone` (the national digits, e.g. `07700900982`).
    pub phone: Option<PhoneNumber>,
    /// `Patient.telecom` with system `email`.
    pub email: Option<EmailAddress>,
}

impl PatientDetails {
    /// The Patient's part of a self-referral: name, date of birth, NHS number, postcode, phone
    /// and email, as given.
    pub fn from_referral(referral: &Referral) -> Self {
        PatientDetails {
            nhs_number: referral.nhs_number.clone(),
            name: Some(referral.full_name.clone()),
            birth_date: Some(referral.date_of_birth.date()),
            postcode: referral.postcode.clone(),
            phone: referral.contact.phone.clone(),
            email: referral.contact.email.clone(),
        }
    }

    /// Whether no detail is given.
    pub fn is_empty(&self) -> bool {
        *self == PatientDetails::default()
    }
}

/// The `fullUrl`s of a submission's entries: `urn:uuid:` and the version 5 UUID of a name in the
/// namespace of the submission id (names `Patient`, `ServiceRequest` and
/// `QuestionnaireResponse/{instrument}`). The same submission always gets the same ones.
pub fn entry_full_url(submission: &Submission, name: &str) -> String {
    let id = Uuid::new_v5(&submission.submission_id.uuid(), name.as_bytes());
    format!("urn:uuid:{}", id.hyphenated())
}

/// The submission as a FHIR R4 Bundle, the Patient filled from its `referral` (empty without
/// one). See [`bundle_with_patient`].
pub fn bundle(
    submission: &Submission,
    instruments: &[Instrument],
    base: &str,
) -> Result<Bundle, FhirError> {
    let patient = submission
        .referral
        .as_ref()
        .map(PatientDetails::from_referral);
    bundle_with_patient(submission, instruments, base, patient.as_ref())
}

/// The submission as a FHIR R4 Bundle of type `collection`.
///
/// `collection` rather than `transaction`: the Bundle is a message to whatever intake endpoint
/// the practice configures, not a request to a FHIR server, so no server-side transaction
/// processing (conditional creates, id assignment) is assumed; a receiver that stores the
/// resources on a FHIR server decides how.
///
/// * `identifier` = `{system: "urn:ietf:rfc:3986", value: "urn:uuid:<submission_id>"}` (the
///   Idempotency-Key), `timestamp` = `submitted_at`.
/// * Entries, in order, each with a deterministic `fullUrl` ([`entry_full_url`]) and no
///   resource `id`: the Patient; the ServiceRequest (status `active`, intent `order`, SNOMED CT
///   871731000000106 |Referral to social prescribing service|, subject and requester = the
///   Patient (a self-referral), `authoredOn` = `submitted_at`, priority `urgent` when the risk is
///   urgent else `routine`, and when urgent a note `Risk reasons: phq9-item9, …`); then one
///   QuestionnaireResponse per measure, in order (`questionnaire` = `{canonical}|{version}`,
///   status `completed`, subject = the Patient, `basedOn` = the ServiceRequest, `authored` =
///   `submitted_at`, an item per answered question with `answer[0].valueCoding` = the option's
///   coding as in the Questionnaire, unanswered questions left out, then the score items).
///
/// Each measure's instrument is looked up in `instruments` by id, else among the built-ins. The
/// scores are the submission's own (a parser recomputes them).
///
/// # Errors
/// [`FhirError::UnknownInstrument`], [`FhirError::Version`], [`FhirError::AnswerNotAnOption`] or
/// [`FhirError::LinkIdClash`] for a measure that does not fit its instrument.
pub fn bundle_with_patient(
    submission: &Submission,
    instruments: &[Instrument],
    base: &str,
    patient: Option<&PatientDetails>,
) -> Result<Bundle, FhirError> {
    let base = trim_base(base);
    let when = fhir_instant(submission.submitted_at.as_str());
    let patient_url = entry_full_url(submission, "Patient");
    let request_url = entry_full_url(submission, "ServiceRequest");
    let mut entry = vec![
        BundleEntry {
            full_url: Some(patient_url.clone()),
            resource: Resource::Patient(patient.map(patient_resource).unwrap_or_default()),
        },
        BundleEntry {
            full_url: Some(request_url.clone()),
            resource: Resource::ServiceRequest(ServiceRequest {
                status: Some("active".into()),
                intent: Some("order".into()),
                priority: Some(
                    if submission.risk.urgent {
                        "urgent"
                    } else {
                        "routine"
                    }
                    .into(),
                ),
                code: Some(CodeableConcept {
                    coding: vec![Coding::new(SNOMED, REFERRAL_CODE, Some(REFERRAL_DISPLAY))],
                    text: None,
                }),
                subject: Some(Reference::to(&patient_url)),
                authored_on: Some(when.clone()),
                requester: Some(Reference::to(&patient_url)),
                note: if submission.risk.reasons.is_empty() {
                    Vec::new()
                } else {
                    vec![Annotation {
                        text: format!("Risk reasons: {}", submission.risk.reasons.join(", ")),
                    }]
                },
            }),
        },
    ];
    for (index, measure) in submission.measures.iter().enumerate() {
        let instrument = instruments
            .iter()
            .find(|i| i.id == measure.instrument)
            .cloned()
            .or_else(|| resolve(&measure.instrument, &[]))
            .ok_or(FhirError::UnknownInstrument { index })?;
        if instrument.version != measure.version {
            return Err(FhirError::Version { index });
        }
        layout::check_link_ids(&instrument)?;
        let mut item = Vec::new();
        for (ordinal, answer) in measure.answers.iter().enumerate() {
            let not_an_option = || FhirError::AnswerNotAnOption { index, ordinal };
            let question = instrument.item(&answer.item).ok_or_else(not_an_option)?;
            let option = question.option(answer.value).ok_or_else(not_an_option)?;
            item.push(ResponseItem {
                link_id: Some(question.id.clone()),
                answer: vec![Answer {
                    value_coding: Some(layout::answer_coding(base, &instrument, question, option)),
                    ..Answer::default()
                }],
                item: Vec::new(),
            });
        }
        // Questionnaire order, whatever order the measure lists its answers in.
        item.sort_by_key(|i| {
            instrument
                .items
                .iter()
                .position(|q| Some(&q.id) == i.link_id.as_ref())
        });
        item.extend(layout::score_answers(&instrument, measure.score.as_ref()));
        entry.push(BundleEntry {
            full_url: Some(entry_full_url(
                submission,
                &format!("QuestionnaireResponse/{}", instrument.id),
            )),
            resource: Resource::QuestionnaireResponse(QuestionnaireResponse {
                based_on: vec![Reference::to(&request_url)],
                questionnaire: Some(format!(
                    "{}|{}",
                    canonical_url(base, &instrument.id),
                    instrument.version
                )),
                status: Some("completed".into()),
                subject: Some(Reference::to(&patient_url)),
                authored: Some(when.clone()),
                item,
            }),
        });
    }
    Ok(Bundle {
        resource_type: "Bundle".into(),
        identifier: Some(Identifier {
            system: Some(URI_SYSTEM.into()),
            value: Some(format!("urn:uuid:{}", submission.submission_id)),
        }),
        bundle_type: Some("collection".into()),
        timestamp: Some(when),
        entry,
    })
}

/// An RFC 3339 date-time in FHIR's form: FHIR wants an upper-case `T` and `Z`, which RFC 3339
/// also allows in lower case (the only letters such a string can hold).
fn fhir_instant(s: &str) -> String {
    s.to_ascii_uppercase()
}

fn patient_resource(details: &PatientDetails) -> Patient {
    let contact = |system: &str, value: &str| ContactPoint {
        system: Some(system.into()),
        value: Some(value.into()),
    };
    Patient {
        identifier: details
            .nhs_number
            .iter()
            .map(|n| Identifier {
                system: Some(NHS_NUMBER_SYSTEM.into()),
                value: Some(n.as_str().into()),
            })
            .collect(),
        name: details
            .name
            .iter()
            .map(|n| HumanName {
                text: Some(n.as_str().into()),
            })
            .collect(),
        telecom: details
            .phone
            .iter()
            .map(|p| contact("phone", p.as_str()))
            .chain(details.email.iter().map(|e| contact("email", e.as_str())))
            .collect(),
        birth_date: details.birth_date.map(String::from),
        address: details
            .postcode
            .iter()
            .map(|p| Address {
                postal_code: Some(p.as_str().into()),
            })
            .collect(),
    }
}
