//! The rules for one request, independent of the HTTP library: a [`RequestHead`] (and, for a
//! submission, the body's bytes) in, a [`Reply`] out. [`crate::intake::server`] does the socket
//! work, the routing, the limits and the CORS headers.

use crate::domain::payload::{Submission, SubmissionError, SubmissionId};
use crate::intake::clock;
use crate::intake::cors::{CorsPolicy, Header, OriginCheck};
use crate::intake::jsonl::{self, FHIR_JSON, JSON};
use crate::intake::store::{Inserted, NewRow, Row, Store, StoreError};
use serde::Serialize;
use sha2::{Digest, Sha256};

/// The largest body accepted, in bytes (256 KiB); a real submission is about 1 KiB.
pub const MAX_BODY_BYTES: usize = 256 * 1024;

/// The `Retry-After` (seconds) sent with a `503`.
pub const RETRY_AFTER_SECONDS: u32 = 30;

/// The parts of a request the rules look at. Header values are as received; a value that is not
/// visible ASCII is given as an empty string (so it matches no origin and no key).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RequestHead {
    pub origin: Option<String>,
    pub content_type: Option<String>,
    pub idempotency_key: Option<String>,
}

/// The answer to one request.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reply {
    pub status: u16,
    /// Headers besides `Content-Type` (which is `application/json` whenever there is a body) and
    /// the CORS headers (which the server adds to every answer).
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
    pub fn error(status: u16, message: &str) -> Reply {
        #[derive(Serialize)]
        struct ErrorBody<'a> {
            error: &'a str,
        }
        let body = serde_json::to_string(&ErrorBody { error: message })
            .unwrap_or_else(|_| r#"{"error":"error"}"#.to_owned());
        Reply::json(status, body)
    }

    /// A refused submission: the JSON error and its log line.
    pub fn rejected(status: u16, reason: &str, message: &str) -> Reply {
        Reply {
            log: Some(format!("rejected status={status} reason={reason}")),
            ..Reply::error(status, message)
        }
    }

    fn with_header(mut self, name: &'static str, value: impl Into<String>) -> Reply {
        self.headers.push((name, value.into()));
        self
    }

    /// `413`: the body is over [`MAX_BODY_BYTES`].
    pub fn too_large() -> Reply {
        Reply::rejected(
            413,
            "too-large",
            &format!("the body is larger than {MAX_BODY_BYTES} bytes"),
        )
    }

    /// `408`: the body did not arrive in time.
    pub fn body_timeout() -> Reply {
        Reply::rejected(
            408,
            "body-timeout",
            "the body was not received in time; send it again",
        )
    }

    /// `400`: the connection failed while the body was read.
    pub fn unreadable() -> Reply {
        Reply::rejected(400, "unreadable", "the body could not be read")
    }

    /// `503` with `Retry-After`: the store cannot take the submission now; nothing was stored.
    pub fn unavailable(e: &StoreError) -> Reply {
        Reply {
            log: Some(format!(
                "rejected status=503 reason=storage kind={}",
                e.kind()
            )),
            ..Reply::error(
                503,
                "the submission could not be stored just now; nothing was kept, send it again later",
            )
        }
        .with_header("Retry-After", RETRY_AFTER_SECONDS.to_string())
    }

    /// `503` with `Retry-After`: too many requests at once.
    pub fn busy() -> Reply {
        Reply::rejected(503, "busy", "the receiver is busy; send it again shortly")
            .with_header("Retry-After", "1")
    }
}

/// The body of a `201` answer, replayed byte for byte (with `200`) to every repeat.
#[derive(Serialize)]
struct Accepted<'a> {
    status: &'a str,
    submission_id: &'a str,
    reference: &'a str,
    received_at: &'a str,
}

impl Accepted<'_> {
    fn of(row: &Row) -> String {
        serde_json::to_string(&Accepted {
            status: "accepted",
            submission_id: &row.idempotency_key,
            reference: &row.reference,
            received_at: &row.received_at,
        })
        .unwrap_or_default()
    }
}

/// A submission request whose headers passed the rules: its body may be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Admitted {
    key: SubmissionId,
    fhir: bool,
}

/// The receiver's state: the CORS allow list and the store. Shared by every request.
#[derive(Debug)]
pub struct Intake {
    cors: CorsPolicy,
    store: Store,
    /// The canonical base of the Questionnaires that FHIR Bundles must answer.
    fhir_base: String,
}

impl Intake {
    pub fn new(cors: CorsPolicy, store: Store, fhir_base: String) -> Intake {
        Intake {
            cors,
            store,
            fhir_base,
        }
    }

    /// The CORS allow list.
    pub fn cors(&self) -> &CorsPolicy {
        &self.cors
    }

    /// The store.
    pub fn store(&self) -> &Store {
        &self.store
    }

    /// `OPTIONS /submissions`.
    pub fn preflight(&self, head: &RequestHead) -> Reply {
        preflight(self.cors.check(head.origin.as_deref()))
    }

    /// The checks of `POST /submissions` that need only the headers (rules 1–3 in
    /// [`crate::intake`]), before any of the body is read.
    pub fn admit(&self, head: &RequestHead) -> Result<Admitted, Reply> {
        if self.cors.check(head.origin.as_deref()) == OriginCheck::Denied {
            return Err(Reply::rejected(
                403,
                "origin",
                "this origin is not allowed to submit (see --allow-origin)",
            ));
        }
        let fhir = is_fhir_json(head.content_type.as_deref());
        if !fhir && !is_json(head.content_type.as_deref()) {
            return Err(Reply::rejected(
                415,
                "content-type",
                "Content-Type must be application/json (or application/fhir+json for a FHIR Bundle)",
            ));
        }
        let key = match head.idempotency_key.as_deref().map(str::trim) {
            None | Some("") => {
                return Err(Reply::rejected(
                    400,
                    "idempotency-key-missing",
                    "the Idempotency-Key header is required: set it to the submission_id",
                ));
            }
            Some(k) => SubmissionId::parse(k).map_err(|_| {
                Reply::rejected(
                    400,
                    "idempotency-key-invalid",
                    "Idempotency-Key must be a UUID version 4 (the submission_id)",
                )
            })?,
        };
        Ok(Admitted { key, fhir })
    }

    /// The rest of `POST /submissions`, once the body is read (rules 5–8): a key seen before is
    /// answered from the store *before* the body is judged again; a new one is checked, stored
    /// and acknowledged. Blocks on the store: call it off the async executor.
    pub fn submit(&self, admitted: &Admitted, bytes: &[u8]) -> Reply {
        let key = &admitted.key;
        let sha256 = hex_sha256(bytes);
        match self.store.get(key) {
            Ok(Some(row)) => return replay(&row, &sha256, bytes),
            Ok(None) => {}
            Err(e) => return Reply::unavailable(&e),
        }
        let (submission, content_type) = if admitted.fhir {
            match crate::domain::fhir::parse_bundle(bytes, &self.fhir_base) {
                Ok(p) => (p.into_submission(), FHIR_JSON),
                Err(e) => return Reply::rejected(400, "fhir", &e.to_string()),
            }
        } else {
            match Submission::parse_json(bytes) {
                Ok(s) => (s, JSON),
                Err(e) => return Reply::rejected(400, error_kind(&e), &e.to_string()),
            }
        };
        if submission.submission_id != *key {
            return Reply::rejected(
                400,
                "idempotency-key-mismatch",
                "Idempotency-Key does not match the body's submission_id",
            );
        }
        // The parsers above accepted it, so it is JSON text and hence UTF-8.
        let (Ok(body), Ok(native)) = (
            std::str::from_utf8(bytes),
            serde_json::to_string(&submission),
        ) else {
            return Reply::unreadable();
        };
        let received_at = clock::now_rfc3339();
        let reference = key.reference().to_string();
        let row = NewRow {
            key,
            body_sha256: Some(&sha256),
            body,
            content_type,
            submission: &native,
            received_at: &received_at,
            reference: &reference,
        };
        match self.store.insert(&row) {
            Ok(Inserted::New) => Reply {
                log: Some(format!(
                    "accepted id={key} measures={} bytes={}",
                    measure_list(&submission),
                    bytes.len()
                )),
                ..Reply::json(
                    201,
                    serde_json::to_string(&Accepted {
                        status: "accepted",
                        submission_id: key.as_str(),
                        reference: &reference,
                        received_at: &received_at,
                    })
                    .unwrap_or_default(),
                )
            },
            // Another request (or process) stored this key while this one was being checked.
            Ok(Inserted::Existing(row)) => replay(&row, &sha256, bytes),
            Err(e) => Reply::unavailable(&e),
        }
    }
}

/// The answer for a key that is stored already: the first answer again (`200`, marked as a
/// replay) if the body is the same, else `422`.
fn replay(row: &Row, sha256: &str, bytes: &[u8]) -> Reply {
    let same = match &row.body_sha256 {
        Some(stored) => stored == sha256,
        None => jsonl::same_submission(&row.content_type, &row.body, bytes),
    };
    if !same {
        return Reply {
            log: Some(format!(
                "rejected status=422 reason=idempotency-key-reused id={}",
                row.idempotency_key
            )),
            ..Reply::error(
                422,
                "this Idempotency-Key was already used for a different body (its SHA-256 does \
                 not match the stored submission's); a new submission needs a new submission_id",
            )
        };
    }
    Reply {
        log: Some(format!("duplicate id={}", row.idempotency_key)),
        ..Reply::json(200, Accepted::of(row))
    }
    .with_header("Idempotent-Replayed", "true")
}

/// Lower-case hex SHA-256 of `bytes`.
pub fn hex_sha256(bytes: &[u8]) -> String {
    use std::fmt::Write;
    Sha256::digest(bytes)
        .iter()
        .fold(String::with_capacity(64), |mut s, b| {
            let _ = write!(s, "{b:02x}");
            s
        })
}

/// `GET /health`.
pub fn health() -> Reply {
    Reply::json(200, r#"{"status":"ok"}"#)
}

/// Any path but `/submissions` and `/health`.
pub fn not_found() -> Reply {
    Reply::error(
        404,
        "not found: submissions go to POST /submissions, health to GET /health",
    )
}

/// `OPTIONS /submissions`: the CORS preflight.
pub fn preflight(origin: OriginCheck<'_>) -> Reply {
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

pub fn method_not_allowed(allow: &str) -> Reply {
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
