//! Reading a submission Bundle back, for the intake receiver: every answer and score is checked
//! against the instrument definitions, as `Submission::parse_json` does for the native payload.

use super::bundle::PatientDetails;
use super::layout;
use super::resources::{Answer, Bundle, Patient, QuestionnaireResponse, Resource, ServiceRequest};
use super::{FhirError, NHS_NUMBER_SYSTEM, REFERRAL_CODE, SNOMED, URI_SYSTEM, trim_base};
use crate::domain::instrument::{Answers, Instrument, resolve};
use crate::domain::payload::{Measure, Mode, SchemaVersion, Submission, SubmissionId, Timestamp};
use crate::domain::referral::{
    EmailAddress, NhsNumber, PersonName, PhoneNumber, Postcode, SimpleDate,
};
use crate::domain::scoring::{self, Risk};
use std::collections::BTreeSet;

/// What a valid submission Bundle says, in the native payload's terms.
#[derive(Clone, Debug, PartialEq)]
pub struct ParsedBundle {
    /// From the Bundle identifier: the Idempotency-Key to match.
    pub submission_id: SubmissionId,
    /// From the Bundle timestamp.
    pub submitted_at: Timestamp,
    /// From the Patient (empty when the Patient holds nothing).
    pub patient: PatientDetails,
    /// One per QuestionnaireResponse, in Bundle order, scored here from the answers.
    pub measures: Vec<Measure>,
    /// Recomputed from the answers (the ServiceRequest's priority must agree).
    pub risk: Risk,
}

impl ParsedBundle {
    /// The same submission as a native payload (version 1, mode self-referral), e.g. to store it
    /// next to those that arrived in the native format. The Bundle carries the Patient's details
    /// but not the whole referral, so `referral` is absent.
    pub fn into_submission(self) -> Submission {
        Submission {
            schema_version: SchemaVersion,
            submission_id: self.submission_id,
            submitted_at: self.submitted_at,
            mode: Mode::SelfReferral,
            referral: None,
            measures: self.measures,
            risk: self.risk,
        }
    }
}

/// Parses a submission Bundle whose Questionnaires are the built-in instruments under `base`.
/// See [`parse_bundle_with`].
pub fn parse_bundle(body: &[u8], base: &str) -> Result<ParsedBundle, FhirError> {
    parse_bundle_with(body, base, &[])
}

/// Parses and checks a submission Bundle as written by [`super::bundle_with_patient`]:
///
/// * a `Bundle` of type `collection`, with identifier `urn:ietf:rfc:3986` /
///   `urn:uuid:<UUID v4>` (the submission id) and a `timestamp`;
/// * every entry has a distinct `urn:uuid:` fullUrl and is a Patient, a ServiceRequest or a
///   QuestionnaireResponse; exactly one Patient and one ServiceRequest;
/// * the Patient's details pass the same rules as the form's fields;
/// * the ServiceRequest is the social-prescribing referral (`active`, `order`, SNOMED CT
///   871731000000106) about the Patient, and its priority is `urgent` exactly when the answers
///   raise a risk;
/// * each QuestionnaireResponse is `completed`, about the Patient, based on the ServiceRequest,
///   for the questionnaire `{base}/Questionnaire/{id}|{version}` of a known instrument (built in,
///   or among `loaded` as [`resolve`] finds them) at its current version, with at most one
///   response per instrument; every item's linkId is one of that Questionnaire's, at most once;
///   a question has exactly one answer, a `valueCoding` that is one of its answer options
///   (system and code); and the score items are exactly those recomputed from the answers.
///
/// Error messages name positions, fields and known ids only: never an answer or a detail.
pub fn parse_bundle_with(
    body: &[u8],
    base: &str,
    loaded: &[Instrument],
) -> Result<ParsedBundle, FhirError> {
    let base = trim_base(base);
    let bundle: Bundle = serde_json::from_slice(body).map_err(|e| {
        // serde_json's messages can quote input; keep only the category and position.
        let what = match e.classify() {
            serde_json::error::Category::Io => "it could not be read",
            serde_json::error::Category::Syntax => "it is not valid JSON",
            serde_json::error::Category::Eof => "it ends too early",
            serde_json::error::Category::Data => {
                "an element is missing, unknown or has the wrong type"
            }
        };
        FhirError::Malformed(format!("{what} (line {}, column {})", e.line(), e.column()))
    })?;
    if bundle.resource_type != "Bundle" {
        return Err(FhirError::NotABundle);
    }
    if bundle.bundle_type.as_deref() != Some("collection") {
        return Err(FhirError::BundleType);
    }
    let submission_id = bundle
        .identifier
        .as_ref()
        .filter(|i| i.system.as_deref() == Some(URI_SYSTEM))
        .and_then(|i| i.value.as_deref()?.strip_prefix("urn:uuid:"))
        .and_then(|v| SubmissionId::parse(v).ok())
        .ok_or(FhirError::Identifier)?;
    let submitted_at = bundle
        .timestamp
        .as_deref()
        .and_then(|t| Timestamp::parse(t).ok())
        .ok_or(FhirError::Timestamp)?;

    let mut urls = BTreeSet::new();
    let mut patients = Vec::new();
    let mut requests = Vec::new();
    let mut responses = Vec::new();
    for (index, e) in bundle.entry.iter().enumerate() {
        let url = e
            .full_url
            .as_deref()
            .filter(|u| {
                // The 8-4-4-4-12 form only (the one 36 characters long).
                u.strip_prefix("urn:uuid:")
                    .is_some_and(|id| id.len() == 36 && uuid::Uuid::try_parse(id).is_ok())
            })
            .ok_or(FhirError::FullUrl { entry: index })?;
        if !urls.insert(url) {
            return Err(FhirError::FullUrl { entry: index });
        }
        match &e.resource {
            Resource::Patient(p) => patients.push((url, p)),
            Resource::ServiceRequest(s) => requests.push((url, s)),
            Resource::QuestionnaireResponse(q) => responses.push((index, q)),
            Resource::Other => return Err(FhirError::UnexpectedResource { entry: index }),
        }
    }
    let (patient_url, patient) = exactly_one(patients, "Patient")?;
    let (request_url, request) = exactly_one(requests, "ServiceRequest")?;
    let patient = patient_details(patient)?;
    check_request(request, patient_url)?;

    let mut measures = Vec::new();
    let mut answered: Vec<(Instrument, Answers)> = Vec::new();
    for (entry, qr) in responses {
        let (instrument, answers) =
            check_response(entry, qr, base, loaded, patient_url, request_url)?;
        if answered.iter().any(|(i, _)| i.id == instrument.id) {
            return Err(FhirError::DuplicateMeasure {
                entry,
                instrument: instrument.id,
            });
        }
        measures.push(Measure::new(&instrument, &answers));
        answered.push((instrument, answers));
    }
    let risk = Risk::assess(answered.iter().map(|(i, a)| (i, a)));
    let priority = if risk.urgent { "urgent" } else { "routine" };
    if request.priority.as_deref() != Some(priority) {
        return Err(FhirError::RiskMismatch);
    }
    Ok(ParsedBundle {
        submission_id,
        submitted_at,
        patient,
        measures,
        risk,
    })
}

fn exactly_one<T>(mut found: Vec<T>, resource: &'static str) -> Result<T, FhirError> {
    if found.len() == 1 {
        Ok(found.remove(0))
    } else {
        Err(FhirError::ResourceCount {
            resource,
            found: found.len(),
        })
    }
}

fn check_request(request: &ServiceRequest, patient_url: &str) -> Result<(), FhirError> {
    let problem = |p| Err(FhirError::ServiceRequest(p));
    if request.status.as_deref() != Some("active") {
        return problem("its status must be active");
    }
    if request.intent.as_deref() != Some("order") {
        return problem("its intent must be order");
    }
    let coded = request
        .code
        .as_ref()
        .is_some_and(|c| c.coding.iter().any(|c| c.is(SNOMED, REFERRAL_CODE)));
    if !coded {
        return problem("its code must be SNOMED CT 871731000000106");
    }
    if request
        .subject
        .as_ref()
        .and_then(|r| r.reference.as_deref())
        != Some(patient_url)
    {
        return problem("its subject must be the Patient in the Bundle");
    }
    Ok(())
}

/// The Patient's details, each checked by the same rule as the form's field.
fn patient_details(p: &Patient) -> Result<PatientDetails, FhirError> {
    let problem = |p: &'static str| FhirError::Patient(p);
    fn at_most_one<T>(mut v: Vec<T>, what: &'static str) -> Result<Option<T>, FhirError> {
        match v.len() {
            0 => Ok(None),
            1 => Ok(v.pop()),
            _ => Err(FhirError::Patient(what)),
        }
    }
    let nhs: Vec<&str> = p
        .identifier
        .iter()
        .filter(|i| i.system.as_deref() == Some(NHS_NUMBER_SYSTEM))
        .map(|i| i.value.as_deref().unwrap_or(""))
        .collect();
    let nhs_number = at_most_one(nhs, "it has more than one NHS number")?
        .map(|v| NhsNumber::parse(v).map_err(|_| problem("its NHS number is not a valid one")))
        .transpose()?;
    let name = at_most_one(p.name.iter().collect(), "it has more than one name")?
        .map(|n| {
            PersonName::parse(n.text.as_deref().unwrap_or(""))
                .map_err(|_| problem("its name is missing or too long"))
        })
        .transpose()?;
    let birth_date = p
        .birth_date
        .as_deref()
        .map(|d| SimpleDate::parse_iso(d).map_err(|_| problem("its birthDate is not a date")))
        .transpose()?;
    let postcode = at_most_one(p.address.iter().collect(), "it has more than one address")?
        .map(|a| {
            Postcode::parse(a.postal_code.as_deref().unwrap_or(""))
                .map_err(|_| problem("its postcode is not a UK postcode"))
        })
        .transpose()?;
    let mut phones = Vec::new();
    let mut emails = Vec::new();
    for t in &p.telecom {
        let value = t.value.as_deref().unwrap_or("");
        match t.system.as_deref() {
            Some("phone") => phones.push(value),
            Some("email") => emails.push(value),
            _ => return Err(problem("a telecom is neither a phone nor an email")),
        }
    }
    let phone = at_most_one(phones, "it has more than one phone number")?
        .map(|v| PhoneNumber::parse(v).map_err(|_| problem("its phone is not a UK number")))
        .transpose()?;
    let email = at_most_one(emails, "it has more than one email address")?
        .map(|v| EmailAddress::parse(v).map_err(|_| problem("its email is not an address")))
        .transpose()?;
    Ok(PatientDetails {
        nhs_number,
        name,
        birth_date,
        postcode,
        phone,
        email,
    })
}

/// Checks one QuestionnaireResponse and returns its instrument and answers.
fn check_response(
    entry: usize,
    qr: &QuestionnaireResponse,
    base: &str,
    loaded: &[Instrument],
    patient_url: &str,
    request_url: &str,
) -> Result<(Instrument, Answers), FhirError> {
    if qr.status.as_deref() != Some("completed") {
        return Err(FhirError::Status { entry });
    }
    if qr.subject.as_ref().and_then(|r| r.reference.as_deref()) != Some(patient_url) {
        return Err(FhirError::Reference {
            entry,
            field: "subject",
        });
    }
    if !qr
        .based_on
        .iter()
        .any(|r| r.reference.as_deref() == Some(request_url))
    {
        return Err(FhirError::Reference {
            entry,
            field: "basedOn",
        });
    }
    let (id, version) = qr
        .questionnaire
        .as_deref()
        .and_then(|q| q.strip_prefix(base)?.strip_prefix("/Questionnaire/"))
        .and_then(|rest| rest.split_once('|'))
        .ok_or(FhirError::UnknownQuestionnaire { entry })?;
    let instrument = resolve(id, loaded).ok_or(FhirError::UnknownQuestionnaire { entry })?;
    if instrument.version != version {
        return Err(FhirError::QuestionnaireVersion {
            entry,
            instrument: instrument.id,
        });
    }
    layout::check_link_ids(&instrument)?;
    let score_items = layout::score_items(&instrument);
    let mut seen = BTreeSet::new();
    let mut answers = Answers::default();
    let mut scores: Vec<(String, &Answer)> = Vec::new();
    for (position, item) in qr.item.iter().enumerate() {
        let unknown = FhirError::UnknownLinkId { entry, position };
        let link_id = item.link_id.as_deref().ok_or(unknown.clone())?;
        let question = instrument.item(link_id);
        let is_score = score_items.iter().any(|s| s.link_id == link_id);
        if question.is_none() && !is_score {
            return Err(unknown);
        }
        // From here on the linkId is one of the instrument's own, so it may be named.
        let answer_error = |problem| FhirError::Answer {
            entry,
            link_id: link_id.to_owned(),
            problem,
        };
        if !seen.insert(link_id) {
            return Err(FhirError::DuplicateLinkId {
                entry,
                link_id: link_id.to_owned(),
            });
        }
        if !item.item.is_empty() {
            return Err(answer_error("it has nested items"));
        }
        let [answer] = item.answer.as_slice() else {
            return Err(answer_error("it must have exactly one answer"));
        };
        if answer.value_count() != 1 {
            return Err(answer_error("its answer must have exactly one value"));
        }
        match question {
            Some(question) => {
                let coding = answer
                    .value_coding
                    .as_ref()
                    .ok_or(answer_error("its answer must be a valueCoding"))?;
                let option = question
                    .options
                    .iter()
                    .find(|o| {
                        let c = layout::answer_coding(base, &instrument, question, o);
                        coding.system == c.system && coding.code == c.code
                    })
                    .ok_or(answer_error("its answer is not one of its answer options"))?;
                answers
                    .set(&instrument, &question.id, option.value)
                    .map_err(|_| answer_error("its answer is not one of its answer options"))?;
            }
            None => scores.push((link_id.to_owned(), answer)),
        }
    }
    let expected =
        layout::score_answers(&instrument, scoring::score(&instrument, &answers).as_ref());
    let matches = expected.len() == scores.len()
        && expected.iter().all(|e| {
            scores.iter().any(|(link_id, given)| {
                e.link_id.as_deref() == Some(link_id) && same_value(&e.answer[0], given)
            })
        });
    if !matches {
        return Err(FhirError::ScoreMismatch {
            entry,
            instrument: instrument.id,
        });
    }
    Ok((instrument, answers))
}

/// Whether two single-value answers are equal (decimals to the hundredth, as published).
fn same_value(a: &Answer, b: &Answer) -> bool {
    let hundredths = |x: Option<f64>| x.map(|x| (x * 100.0).round() as i64);
    a.value_coding == b.value_coding
        && a.value_integer == b.value_integer
        && hundredths(a.value_decimal) == hundredths(b.value_decimal)
        && a.value_string == b.value_string
        && a.value_boolean == b.value_boolean
}
