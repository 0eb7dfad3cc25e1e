//! Reading `submissions.jsonl`, the file earlier versions of the receiver appended to, so that
//! [`crate::intake::store`] can import it once. One JSON object per line:
//!
//! ```json
//! {"received_at":"…","idempotency_key":"…","response_status":201,"response_body":"{…}","submission":{…},"fhir_bundle":{…}}
//! ```
//!
//! `fhir_bundle` is present only for submissions sent as FHIR. The exact bytes received were
//! never kept, so an imported row's body is the Bundle or the submission as the file holds it,
//! and its `body_sha256` is left empty: a retry of such a submission is compared by its JSON
//! value instead (see [`same_submission`]).

use crate::domain::payload::{Submission, SubmissionId};
use serde::Deserialize;
use std::collections::HashSet;

/// The file name inside the data directory.
pub const FILE_NAME: &str = "submissions.jsonl";

/// The content type of a native JSON submission.
pub const JSON: &str = "application/json";
/// The content type of a FHIR Bundle.
pub const FHIR_JSON: &str = "application/fhir+json";

/// One line of the file, as written by the earlier receiver.
#[derive(Deserialize)]
struct Line {
    received_at: String,
    idempotency_key: String,
    response_body: String,
    submission: Box<serde_json::value::RawValue>,
    #[serde(default)]
    fhir_bundle: Option<Box<serde_json::value::RawValue>>,
}

/// The reference inside the answer the earlier receiver gave.
#[derive(Deserialize)]
struct Answer {
    reference: String,
}

/// A record ready to store.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LegacyRecord {
    pub key: SubmissionId,
    pub body: String,
    pub content_type: &'static str,
    pub submission: String,
    pub received_at: String,
    pub reference: String,
}

/// Parses the file's bytes. Blank lines are ignored; a line that does not parse (a crash
/// mid-write leaves a truncated last line, which was never acknowledged) and a repeat of a key
/// (the first wins) are skipped with a warning that names the line number, never its contents.
pub fn parse(bytes: &[u8]) -> (Vec<LegacyRecord>, Vec<String>) {
    let mut records = Vec::new();
    let mut warnings = Vec::new();
    let mut seen = HashSet::new();
    let line_count = bytes.split(|b| *b == b'\n').count();
    for (i, line) in bytes.split(|b| *b == b'\n').enumerate() {
        let n = i + 1;
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let Some(record) = record_of(line) else {
            let place = if n == line_count {
                "the last line"
            } else {
                "a line"
            };
            warnings.push(format!(
                "{FILE_NAME} line {n}: skipped {place}, which is not a complete record \
                 (an interrupted write leaves one; it was never acknowledged)"
            ));
            continue;
        };
        if !seen.insert(record.key.clone()) {
            warnings.push(format!(
                "{FILE_NAME} line {n}: skipped a repeat of an earlier key"
            ));
            continue;
        }
        records.push(record);
    }
    (records, warnings)
}

fn record_of(line: &[u8]) -> Option<LegacyRecord> {
    let l: Line = serde_json::from_slice(line).ok()?;
    let key = SubmissionId::parse(&l.idempotency_key).ok()?;
    // The reference the person was shown; the earlier receiver derived it from the key.
    let reference = serde_json::from_str::<Answer>(&l.response_body)
        .map(|a| a.reference)
        .unwrap_or_else(|_| key.reference().to_string());
    let submission = l.submission.get().to_owned();
    let (body, content_type) = match &l.fhir_bundle {
        Some(b) => (b.get().to_owned(), FHIR_JSON),
        None => (submission.clone(), JSON),
    };
    Some(LegacyRecord {
        key,
        body,
        content_type,
        submission,
        received_at: l.received_at,
        reference,
    })
}

/// Whether `incoming` (a retry's body) is the submission an imported row holds, compared as JSON
/// values: a FHIR Bundle as it was stored; a native body after the same parsing that produced
/// the stored `submission` (so a retry of the very same bytes matches).
pub fn same_submission(content_type: &str, stored_body: &str, incoming: &[u8]) -> bool {
    let Ok(stored) = serde_json::from_str::<serde_json::Value>(stored_body) else {
        return false;
    };
    if content_type == FHIR_JSON {
        return serde_json::from_slice::<serde_json::Value>(incoming).is_ok_and(|v| v == stored);
    }
    serde_json::from_slice::<Submission>(incoming)
        .ok()
        .and_then(|s| serde_json::to_value(s).ok())
        .is_some_and(|v| v == stored)
}

#[cfg(test)]
mod tests {
    use super::*;

    const KEY: &str = "0f8fad5b-d9cb-469f-a165-70867728950e";

    fn line(key: &str, reference: &str) -> String {
        let answer = format!("{{\"status\":\"accepted\",\"reference\":\"{reference}\"}}");
        format!(
            "{{\"received_at\":\"2026-11-23T10:15:00.123Z\",\"idempotency_key\":\"{key}\",\
             \"response_status\":201,\"response_body\":{},\"submission\":{{\"a\": 1}}}}\n",
            serde_json::to_string(&answer).unwrap()
        )
    }

    #[test]
    fn reads_records_and_skips_a_truncated_tail_and_repeats() {
        let mut file = line(KEY, "WB-0F8F-AD5B");
        file.push_str(&line(KEY, "WB-OTHER")); // a repeat: the first wins
        file.push_str("{\"received_at\":\"2026-"); // crash mid-write
        let (records, warnings) = parse(file.as_bytes());
        assert_eq!(records.len(), 1);
        let r = &records[0];
        assert_eq!(r.key.as_str(), KEY);
        assert_eq!(r.reference, "WB-0F8F-AD5B");
        assert_eq!(r.received_at, "2026-11-23T10:15:00.123Z");
        assert_eq!((r.body.as_str(), r.content_type), ("{\"a\": 1}", JSON));
        assert_eq!(warnings.len(), 2, "{warnings:?}");
        assert!(warnings[0].contains("line 2") && warnings[0].contains("repeat"));
        assert!(warnings[1].contains("line 3") && warnings[1].contains("last line"));
    }

    #[test]
    fn empty_input_and_invalid_keys() {
        assert_eq!(parse(b""), (vec![], vec![]));
        let (records, warnings) = parse(line("not-a-uuid", "x").as_bytes());
        assert!(records.is_empty());
        assert_eq!(warnings.len(), 1);
    }
}
