//! Durable, append-only storage of accepted submissions.
//!
//! One file, `<data-dir>/submissions.jsonl`, with one JSON object per line and per accepted
//! submission, in the order received:
//!
//! ```json
//! {"received_at":"2026-11-23T10:15:00.123Z","idempotency_key":"…","response_status":201,"response_body":"{\"status\":\"accepted\",…}","submission":{…}}
//! ```
//!
//! - `response_status` and `response_body` are exactly what the first request was answered, so
//!   a retry with the same `Idempotency-Key` gets the same bytes back, even after a restart.
//! - `submission` is the submission as parsed and re-serialised (so it is well formed).
//! - Each line is written with a single `write` and flushed to disk (`sync_data`) *before* the
//!   request is answered: an acknowledged submission survives a crash or power cut.
//! - On start the file is read back to rebuild the key → response map. A line that does not
//!   parse (a crash mid-write leaves a truncated last line, which was never acknowledged) is
//!   skipped with a warning; the next line is then started on a fresh line. Nothing is ever
//!   rewritten or truncated.
//!
//! One process per data directory: the file is not locked against a second receiver.

use crate::domain::payload::{Submission, SubmissionId};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

/// The file name inside the data directory.
pub const FILE_NAME: &str = "submissions.jsonl";

/// The answer given to the first request with a key, replayed to every repeat.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoredResponse {
    pub status: u16,
    pub body: String,
}

/// One line of the file, as written.
#[derive(Debug, Serialize)]
pub struct Record<'a> {
    /// When the receiver accepted it (RFC 3339, UTC).
    pub received_at: &'a str,
    /// The `Idempotency-Key`, equal to `submission.submission_id`.
    pub idempotency_key: &'a SubmissionId,
    /// The HTTP status answered.
    pub response_status: u16,
    /// The exact response body answered.
    pub response_body: &'a str,
    /// The submission as parsed (a FHIR Bundle is stored in these terms too).
    pub submission: &'a Submission,
    /// The FHIR Bundle exactly as received, when the submission came as FHIR.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fhir_bundle: Option<&'a serde_json::Value>,
}

/// The fields read back on start (the rest of the line is kept on disk only).
#[derive(Deserialize)]
struct RecordIn {
    idempotency_key: String,
    response_status: u16,
    response_body: String,
}

/// The open store: the append handle and the key → response map.
#[derive(Debug)]
pub struct Store {
    path: PathBuf,
    file: File,
    responses: HashMap<SubmissionId, StoredResponse>,
    /// The file does not end with a newline (a truncated line from a crash, or a failed write):
    /// the next record must start with one.
    needs_newline: bool,
}

/// What [`Store::open`] found, besides the records.
#[derive(Debug, Default)]
pub struct LoadReport {
    /// Records loaded.
    pub loaded: usize,
    /// One message per skipped line. Messages name line numbers only, never contents.
    pub warnings: Vec<String>,
}

impl Store {
    /// Opens (creating if needed) `dir/submissions.jsonl` and loads what it holds.
    pub fn open(dir: &Path) -> io::Result<(Store, LoadReport)> {
        fs::create_dir_all(dir)?;
        let path = dir.join(FILE_NAME);
        let existed = path.exists();
        let mut file = OpenOptions::new()
            .read(true)
            .append(true)
            .create(true)
            .open(&path)?;
        if !existed {
            // Make the new directory entry itself durable.
            sync_dir(dir);
        }
        let mut bytes = Vec::new();
        file.read_to_end(&mut bytes)?;
        let (responses, report) = load(&bytes);
        let needs_newline = bytes.last().is_some_and(|b| *b != b'\n');
        let store = Store {
            path,
            file,
            responses,
            needs_newline,
        };
        Ok((store, report))
    }

    /// The file's path.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// How many submissions are stored.
    pub fn len(&self) -> usize {
        self.responses.len()
    }

    /// Whether nothing is stored yet.
    pub fn is_empty(&self) -> bool {
        self.responses.is_empty()
    }

    /// The response first given for `key`, if it was accepted before.
    pub fn get(&self, key: &SubmissionId) -> Option<&StoredResponse> {
        self.responses.get(key)
    }

    /// Appends `record` as one line, flushes it to disk, and only then remembers its response.
    pub fn append(&mut self, record: &Record<'_>) -> io::Result<()> {
        let mut line = Vec::with_capacity(1024);
        if self.needs_newline {
            line.push(b'\n');
        }
        serde_json::to_writer(&mut line, record)?;
        line.push(b'\n');
        let written = self
            .file
            .write_all(&line)
            .and_then(|()| self.file.sync_data());
        if let Err(e) = written {
            // Part of the line may be on disk: start the next one on a fresh line.
            self.needs_newline = true;
            return Err(e);
        }
        self.needs_newline = false;
        self.responses.insert(
            record.idempotency_key.clone(),
            StoredResponse {
                status: record.response_status,
                body: record.response_body.to_owned(),
            },
        );
        Ok(())
    }
}

/// Rebuilds the key → response map from the file's bytes. Blank lines are ignored; lines that
/// do not parse, and repeats of a key (the first wins), are skipped with a warning.
pub fn load(bytes: &[u8]) -> (HashMap<SubmissionId, StoredResponse>, LoadReport) {
    let mut map = HashMap::new();
    let mut report = LoadReport::default();
    let line_count = bytes.split(|b| *b == b'\n').count();
    for (i, line) in bytes.split(|b| *b == b'\n').enumerate() {
        let n = i + 1;
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let parsed = serde_json::from_slice::<RecordIn>(line)
            .ok()
            .and_then(|r| Some((SubmissionId::parse(&r.idempotency_key).ok()?, r)));
        let Some((key, r)) = parsed else {
            let place = if n == line_count {
                "the last line"
            } else {
                "a line"
            };
            report.warnings.push(format!(
                "{FILE_NAME} line {n}: skipped {place}, which is not a complete record \
                 (an interrupted write leaves one; it was never acknowledged)"
            ));
            continue;
        };
        if map.contains_key(&key) {
            report.warnings.push(format!(
                "{FILE_NAME} line {n}: skipped a repeat of an earlier key"
            ));
            continue;
        }
        map.insert(
            key,
            StoredResponse {
                status: r.response_status,
                body: r.response_body,
            },
        );
        report.loaded += 1;
    }
    (map, report)
}

/// Flushes a directory entry to disk where the platform allows it (best effort).
fn sync_dir(dir: &Path) {
    #[cfg(unix)]
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}

#[cfg(test)]
mod tests {
    use super::*;

    const KEY: &str = "0f8fad5b-d9cb-469f-a165-70867728950e";

    fn line(key: &str, body: &str) -> String {
        format!(
            "{{\"received_at\":\"x\",\"idempotency_key\":\"{key}\",\"response_status\":201,\
             \"response_body\":{},\"submission\":{{}}}}\n",
            serde_json::to_string(body).unwrap()
        )
    }

    #[test]
    fn loads_records_and_skips_a_truncated_tail() {
        let mut file = line(KEY, "{\"a\":1}");
        file.push_str(&line(KEY, "second")); // a repeat: the first wins
        file.push_str("{\"received_at\":\"2026-"); // crash mid-write
        let (map, report) = load(file.as_bytes());
        let key = SubmissionId::parse(KEY).unwrap();
        assert_eq!(map.len(), 1);
        assert_eq!(map[&key].body, "{\"a\":1}");
        assert_eq!(map[&key].status, 201);
        assert_eq!(report.loaded, 1);
        assert_eq!(report.warnings.len(), 2, "{:?}", report.warnings);
        assert!(report.warnings[1].contains("line 3"));
        assert!(report.warnings[1].contains("last line"));
    }

    #[test]
    fn empty_input_is_fine() {
        let (map, report) = load(b"");
        assert!(map.is_empty());
        assert!(report.warnings.is_empty());
    }

    #[test]
    fn invalid_keys_are_skipped() {
        let (map, report) = load(line("not-a-uuid", "{}").as_bytes());
        assert!(map.is_empty());
        assert_eq!(report.warnings.len(), 1);
    }
}
