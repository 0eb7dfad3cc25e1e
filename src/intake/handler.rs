//! Routing and the rules for one request, independent of the HTTP library: a [`RequestHead`]
//! and a body reader in, a [`Reply`] out. [`crate::intake::server`] does the socket work.

use crate::domain::payload::{Submission, SubmissionError, SubmissionId};
use crate::intake::clock;
use crate::intake::cors::{CorsPolicy, Header, OriginCheck};
use crate::intake::store::{Record, Store};
use serde::Serialize;
use std::io::{self, Read};
use std::sync::Mutex;

/// The largest body accepted, in bytes (256 KiB); a real submission is about 1 KiB.
pub const MAX_BODY_BYTES: usize = 256 * 1024;

/// How much of an over-long body of unknown length is read and thrown away before answering
/// `413`, so the client has finished sending and can read the answer.
const DRAIN_LIMIT: u64 = 4 * 1024 * 1024;

/// The parts of a request the rules look at. Header values are as received.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RequestHead {
    /// `GET`, `POST`, …
    pub method: String,
    /// The request target, possibly with a query string (ignored).
    pub path: String,
    pub origin: Option<String>,
    pub content_type: Option<String>,
    pub idempotency_key: Option<String>,
    /// The declared `Content-Length`, if any.
    pub content_length: Option<usize>,
}

/// The answer to one request.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reply {
    pub status: u16,
    /// Headers besides `Content-Type` (which is `application/json` whenever there is a body).
    pub headers: Vec<Header>,
    /// The JSON body (empty for `204`).
    pub body: String,
    /// The line to write to stderr, for submission requests only. It holds the outcome, the
    /// submission id, the instrument ids and sizes; never a body or an answer.
    pub log: Option<String>,
}

impl Reply {
    fn json(status: u16, body: impl Into<String>) -> Reply {
        Reply {
            status,
            headers: Vec::new(),
            body: body.into(),
            log: None,
        }
    }

    /// `{"error": message}` with `status`.
    fn error(status: u16, message: &str) -> Reply {
        #[derive(Serialize)]
        struct ErrorBody<'a> {
            error: &'a str,
        }
        let body = serde_json::to_string(&ErrorBody { error: message })
            .expect("a struct of strings serialises");
        Reply::json(status, body)
    }

    /// A refused submission: the JSON error and its log line.
    fn rejected(status: u16, reason: &str, message: &str) -> Reply {
        Reply {
            log: Some(format!("rejected status={status} reason={reason}")),
            ..Reply::error(status, message)
        }
    }

    fn with_header(mut self, name: &'static str, value: impl Into<String>) -> Reply {
        self.headers.push((name, value.into()));
        self
    }
}

/// The body of a `201` answer.
#[derive(Serialize)]
struct Accepted<'a> {
    status: &'a str,
    submission_id: &'a SubmissionId,
    reference: &'a str,
    received_at: &'a str,
}

/// The receiver's state: the CORS allow list and the store. Shared by the worker threads; the
/// store's lock makes "look up the key, else append" one step, so two concurrent requests with
/// the same key store it once.
#[derive(Debug)]
pub struct Intake {
    cors: CorsPolicy,
    store: Mutex<Store>,
    /// The canonical base of the Questionnaires that FHIR Bundles must answer.
    fhir_base: String,
}

impl Intake {
    pub fn new(cors: CorsPolicy, store: Store, fhir_base: String) -> Intake {
        Intake {
            cors,
            store: Mutex::new(store),
            fhir_base,
        }
    }

    /// Answers one request. `body` is read only for `POST /submissions`, and then at most
    /// [`MAX_BODY_BYTES`] (+1 to detect an over-long body).
    pub fn handle(&self, head: &RequestHead, body: &mut dyn Read) -> Reply {
        let origin = self.cors.check(head.origin.as_deref());
        let path = head.path.split(['?', '#']).next().unwrap_or("");
        let mut reply = match (path, head.method.as_str()) {
            ("/submissions", "POST") => self.submit(head, origin, body),
            ("/submissions", "OPTIONS") => preflight(origin),
            ("/submissions", _) => method_not_allowed("POST, OPTIONS"),
            ("/health", "GET" | "HEAD") => Reply::json(200, r#"{"status":"ok"}"#),
            ("/health", _) => method_not_allowed("GET, HEAD"),
            _ => Reply::error(
                404,
                "not found: submissions go to POST /submissions, health to GET /health",
            ),
        };
        reply.headers.extend(CorsPolicy::response_headers(origin));
        reply
    }

    /// `POST /submissions`, checked in the order documented in [`crate::intake`].
    fn submit(&self, head: &RequestHead, origin: OriginCheck<'_>, body: &mut dyn Read) -> Reply {
        if origin == OriginCheck::Denied {
            return Reply::rejected(
                403,
                "origin",
                "this origin is not allowed to submit (see --allow-origin)",
            );
        }
        let fhir = is_fhir_json(head.content_type.as_deref());
        if !fhir && !is_json(head.content_type.as_deref()) {
            return Reply::rejected(
                415,
                "content-type",
                "Content-Type must be application/json (or application/fhir+json for a FHIR Bundle)",
            );
        }
        let key = match head.idempotency_key.as_deref().map(str::trim) {
            None | Some("") => {
                return Reply::rejected(
                    400,
                    "idempotency-key-missing",
                    "the Idempotency-Key header is required: set it to the submission_id",
                );
            }
            Some(k) => match SubmissionId::parse(k) {
                Ok(k) => k,
                Err(_) => {
                    return Reply::rejected(
                        400,
                        "idempotency-key-invalid",
                        "Idempotency-Key must be a UUID version 4 (the submission_id)",
                    );
                }
            },
        };
        let bytes = match read_limited(head.content_length, body) {
            Ok(Some(bytes)) => bytes,
            Ok(None) => {
                return Reply::rejected(
                    413,
                    "too-large",
                    &format!("the body is larger than {MAX_BODY_BYTES} bytes"),
                );
            }
            Err(_) => {
                return Reply::rejected(400, "unreadable", "the body could not be read");
            }
        };
        let (submission, bundle) = if fhir {
            let parsed = match crate::domain::fhir::parse_bundle(&bytes, &self.fhir_base) {
                Ok(p) => p,
                Err(e) => return Reply::rejected(400, "fhir", &e.to_string()),
            };
            // Kept as received (parse_bundle has checked it is JSON).
            let raw: Option<serde_json::Value> = serde_json::from_slice(&bytes).ok();
            (parsed.into_submission(), raw)
        } else {
            match Submission::parse_json(&bytes) {
                Ok(s) => (s, None),
                Err(e) => return Reply::rejected(400, error_kind(&e), &e.to_string()),
            }
        };
        if submission.submission_id != key {
            return Reply::rejected(
                400,
                "idempotency-key-mismatch",
                "Idempotency-Key does not match the body's submission_id",
            );
        }
        self.store_once(&key, &submission, bundle.as_ref(), bytes.len())
    }

    /// Replays the stored answer for `key`, or stores the submission and answers `201`.
    fn store_once(
        &self,
        key: &SubmissionId,
        submission: &Submission,
        fhir_bundle: Option<&serde_json::Value>,
        size: usize,
    ) -> Reply {
        let Ok(mut store) = self.store.lock() else {
            return Reply::rejected(500, "storage", "the store is unavailable; try again later");
        };
        if let Some(previous) = store.get(key) {
            return Reply {
                log: Some(format!("duplicate id={key}")),
                ..Reply::json(previous.status, previous.body.clone())
            }
            .with_header("Idempotent-Replayed", "true");
        }
        let received_at = clock::now_rfc3339();
        let body = serde_json::to_string(&Accepted {
            status: "accepted",
            submission_id: key,
            reference: key.reference().as_str(),
            received_at: &received_at,
        })
        .expect("a struct of strings serialises");
        let record = Record {
            received_at: &received_at,
            idempotency_key: key,
            response_status: 201,
            response_body: &body,
            submission,
            fhir_bundle,
        };
        if let Err(e) = store.append(&record) {
            return Reply {
                log: Some(format!(
                    "rejected status=500 reason=storage io={:?}",
                    e.kind()
                )),
                ..Reply::error(500, "the submission could not be stored; try again")
            };
        }
        Reply {
            log: Some(format!(
                "accepted id={key} measures={} bytes={size}",
                measure_list(submission)
            )),
            ..Reply::json(201, body)
        }
    }
}

/// `OPTIONS /submissions`: the CORS preflight.
fn preflight(origin: OriginCheck<'_>) -> Reply {
    match origin {
        OriginCheck::Denied => Reply::error(403, "this origin is not allowed to submit"),
        OriginCheck::Allowed(_) => {
            let mut reply = Reply::json(204, "");
            reply.headers.extend(CorsPolicy::preflight_headers());
            reply
        }
        OriginCheck::Absent => Reply::json(204, "").with_header("Allow", "POST, OPTIONS"),
    }
}

fn method_not_allowed(allow: &str) -> Reply {
    Reply::error(405, &format!("method not allowed; use {allow}")).with_header("Allow", allow)
}

/// Whether a `Content-Type` value is FHIR JSON (`application/fhir+json`), with or without
/// parameters.
pub fn is_fhir_json(content_type: Option<&str>) -> bool {
    content_type
        .and_then(|c| c.split(';').next())
        .is_some_and(|m| m.trim().eq_ignore_ascii_case("application/fhir+json"))
}

/// Whether a `Content-Type` value is JSON: `application/json`, any case, with or without
/// parameters such as `; charset=utf-8`.
pub fn is_json(content_type: Option<&str>) -> bool {
    content_type
        .and_then(|v| v.split(';').next())
        .is_some_and(|m| m.trim().eq_ignore_ascii_case("application/json"))
}

/// Reads the whole body if it is at most [`MAX_BODY_BYTES`]; `Ok(None)` if it is longer.
///
/// A declared `Content-Length` over the limit is refused without reading (the HTTP library
/// discards the rest of the body). A body of unknown length (chunked) is read up to the limit
/// and, if longer, up to 4 MiB more is read and discarded.
pub fn read_limited(
    content_length: Option<usize>,
    body: &mut dyn Read,
) -> io::Result<Option<Vec<u8>>> {
    if content_length.is_some_and(|n| n > MAX_BODY_BYTES) {
        return Ok(None);
    }
    let mut bytes = Vec::with_capacity(content_length.unwrap_or(4096));
    Read::take(&mut *body, MAX_BODY_BYTES as u64 + 1).read_to_end(&mut bytes)?;
    if bytes.len() > MAX_BODY_BYTES {
        let _ = io::copy(&mut Read::take(body, DRAIN_LIMIT), &mut io::sink());
        return Ok(None);
    }
    Ok(Some(bytes))
}

/// A short, stable name for each [`SubmissionError`] variant, used in log lines.
pub fn error_kind(e: &SubmissionError) -> &'static str {
    match e {
        SubmissionError::Malformed(_) => "malformed",
        SubmissionError::Answer { .. } => "answer",
        SubmissionError::DuplicateItem { .. } => "duplicate-item",
        SubmissionError::Version { .. } => "version",
        SubmissionError::ScoreMismatch { .. } => "score-mismatch",
        SubmissionError::DuplicateMeasure { .. } => "duplicate-measure",
        SubmissionError::RiskMismatch => "risk-mismatch",
        SubmissionError::ChangeOutsideFollowUp { .. } => "change-outside-follow-up",
        SubmissionError::ChangeMismatch { .. } => "change-mismatch",
        SubmissionError::MissingReferral => "missing-referral",
        SubmissionError::Referral(_) => "referral",
    }
}

/// The instrument ids of a submission for the log, e.g. `ons4`, or `-` if there are none.
/// Ids of unknown instruments come from the client, so anything but `[a-z0-9_-]{1,32}` is
/// written as `?` to keep the log to one clean line.
pub fn measure_list(submission: &Submission) -> String {
    let ids: Vec<&str> = submission
        .measures
        .iter()
        .map(|m| {
            let id = m.instrument.as_str();
            let clean = !id.is_empty()
                && id.len() <= 32
                && id
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b"-_".contains(&b));
            if clean { id } else { "?" }
        })
        .collect();
    if ids.is_empty() {
        "-".to_owned()
    } else {
        ids.join(",")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_content_types() {
        assert!(is_json(Some("application/json")));
        assert!(is_json(Some("Application/JSON; charset=utf-8")));
        assert!(!is_json(Some("text/plain")));
        assert!(!is_json(Some("application/json-patch+json")));
        assert!(!is_json(None));
    }

    #[test]
    fn body_limit() {
        let ok = vec![b'x'; MAX_BODY_BYTES];
        assert_eq!(
            read_limited(None, &mut &ok[..]).unwrap().map(|b| b.len()),
            Some(MAX_BODY_BYTES)
        );
        let long = vec![b'x'; MAX_BODY_BYTES + 1];
        assert_eq!(read_limited(None, &mut &long[..]).unwrap(), None);
        assert_eq!(
            read_limited(Some(MAX_BODY_BYTES + 1), &mut &b""[..]).unwrap(),
            None
        );
    }

    #[test]
    fn log_measure_list_is_sanitised() {
        let mut s: Submission = serde_json::from_str(
            r#"{"schema_version":1,"submission_id":"0f8fad5b-d9cb-469f-a165-70867728950e",
                "submitted_at":"2026-11-23T10:15:00Z","mode":"self-referral","measures":[],
                "risk":{"urgent":false,"reasons":[]}}"#,
        )
        .unwrap();
        assert_eq!(measure_list(&s), "-");
        for id in ["ons4", "x\ny", ""] {
            s.measures.push(crate::domain::payload::Measure {
                instrument: id.into(),
                version: "1".into(),
                answers: vec![],
                score: None,
                change: None,
            });
        }
        assert_eq!(measure_list(&s), "ons4,?,?");
    }
}
