#![cfg(not(target_arch = "wasm32"))]
//! End-to-end tests of the `intake` binary: each test spawns the real receiver on port 0 with its
//! own temporary data directory and talks to it over TCP with a small hand-written HTTP/1.1
//! client (which can also send requests a polite client would not).

mod attacks;
#[path = "../common/mod.rs"]
mod common;
mod store;

use serde_json::{Value, json};
use std::collections::hash_map::RandomState;
use std::hash::{BuildHasher, Hasher};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use wellbeing_widget::domain::instrument::{Answers, ons4};
use wellbeing_widget::domain::payload::{
    Measure, Mode, SchemaVersion, Submission, SubmissionId, Timestamp,
};
use wellbeing_widget::domain::scoring::Risk;

const BIN: &str = env!("CARGO_BIN_EXE_intake");
const ALLOWED: &str = "http://127.0.0.1:8080";

// ---------------------------------------------------------------------------------------------
// Fixtures
// ---------------------------------------------------------------------------------------------

/// A unique, empty directory under the system temp dir, removed on drop.
struct TempDir(PathBuf);

impl TempDir {
    fn new() -> TempDir {
        static N: AtomicUsize = AtomicUsize::new(0);
        let name = format!(
            "wellbeing-intake-test-{}-{}-{:x}",
            std::process::id(),
            N.fetch_add(1, Ordering::SeqCst),
            random_u64()
        );
        let path = std::env::temp_dir().join(name);
        std::fs::create_dir_all(&path).unwrap();
        TempDir(path)
    }

    /// What the receiver stored, read with `intake export --format jsonl`.
    fn stored(&self) -> Vec<Value> {
        if !self.0.join("intake.sqlite3").exists() {
            return Vec::new();
        }
        let out = Command::new(BIN)
            .args(["export", "--format", "jsonl", "--data-dir"])
            .arg(&self.0)
            .output()
            .expect("run intake export");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout)
            .unwrap()
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect()
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn random_u64() -> u64 {
    let mut h = RandomState::new().build_hasher();
    h.write_u128(
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_nanos(),
    );
    h.finish()
}

fn new_id() -> SubmissionId {
    let mut bytes = [0u8; 16];
    bytes[..8].copy_from_slice(&random_u64().to_le_bytes());
    bytes[8..].copy_from_slice(&random_u64().to_le_bytes());
    SubmissionId::from_random_bytes(bytes)
}

/// A valid ONS4 submission built with the domain types: satisfaction, worthwhile, happy, anxious.
fn submission(id: &SubmissionId, values: [i64; 4]) -> Submission {
    let instrument = ons4();
    let answers = Answers::from_pairs(
        &instrument,
        ["satisfaction", "worthwhile", "happy", "anxious"]
            .into_iter()
            .zip(values),
    )
    .unwrap();
    Submission {
        schema_version: SchemaVersion,
        submission_id: id.clone(),
        submitted_at: Timestamp::parse("2026-11-23T10:15:00.000Z").unwrap(),
        mode: Mode::SelfReferral,
        referral: Some(common::referral()),
        measures: vec![Measure::new(&instrument, &answers)],
        risk: Risk::default(),
    }
}

fn body_of(s: &Submission) -> Vec<u8> {
    serde_json::to_vec(s).unwrap()
}

/// A running `intake` process, killed on drop.
struct Intake {
    child: Child,
    addr: SocketAddr,
    stderr: Arc<Mutex<Vec<String>>>,
}

impl Intake {
    fn start(dir: &TempDir) -> Intake {
        Intake::start_with(dir, &[])
    }

    fn start_with(dir: &TempDir, extra: &[&str]) -> Intake {
        Intake::start_in(&dir.0, extra)
    }

    /// Starts a receiver on `data_dir` (which need not exist yet).
    fn start_in(data_dir: &Path, extra: &[&str]) -> Intake {
        let mut child = Command::new(BIN)
            .args(["--addr", "127.0.0.1:0", "--data-dir"])
            .arg(data_dir)
            .args(extra)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn intake");
        let stderr = Arc::new(Mutex::new(Vec::new()));
        let sink = Arc::clone(&stderr);
        let err = child.stderr.take().unwrap();
        std::thread::spawn(move || {
            for line in BufReader::new(err).lines() {
                let Ok(line) = line else { break };
                sink.lock().unwrap().push(line);
            }
        });
        let mut first = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut first)
            .unwrap();
        let addr = first
            .trim_end()
            .strip_prefix("intake listening on http://")
            .unwrap_or_else(|| {
                let _ = child.kill();
                std::thread::sleep(Duration::from_millis(200));
                panic!(
                    "unexpected first line {first:?}; stderr: {:?}",
                    stderr.lock().unwrap()
                )
            })
            .parse()
            .unwrap();
        Intake {
            child,
            addr,
            stderr,
        }
    }

    fn post(&self, key: Option<&str>, body: &[u8]) -> Resp {
        self.post_with(key, body, &[])
    }

    fn post_with(&self, key: Option<&str>, body: &[u8], extra: &[(&str, &str)]) -> Resp {
        let mut headers = vec![("Content-Type", "application/json")];
        if let Some(k) = key {
            headers.push(("Idempotency-Key", k));
        }
        headers.extend_from_slice(extra);
        self.send("POST", "/submissions", &headers, body)
    }

    fn send(&self, method: &str, path: &str, headers: &[(&str, &str)], body: &[u8]) -> Resp {
        let mut req = format!(
            "{method} {path} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n",
            self.addr
        );
        for (k, v) in headers {
            req.push_str(&format!("{k}: {v}\r\n"));
        }
        if method == "POST" || !body.is_empty() {
            req.push_str(&format!("Content-Length: {}\r\n", body.len()));
        }
        req.push_str("\r\n");
        let mut raw = req.into_bytes();
        raw.extend_from_slice(body);
        self.send_raw(&raw)
    }

    fn send_raw(&self, raw: &[u8]) -> Resp {
        let mut s = TcpStream::connect(self.addr).unwrap();
        s.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
        s.write_all(raw).unwrap();
        let mut out = Vec::new();
        s.read_to_end(&mut out).unwrap();
        Resp::parse(&out)
    }

    /// Like [`Intake::post`], but `None` if the connection fails (the receiver was killed).
    fn try_post(&self, key: &str, body: &[u8]) -> Option<Resp> {
        let mut raw = format!(
            "POST /submissions HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n\
             Content-Type: application/json\r\nIdempotency-Key: {key}\r\n\
             Content-Length: {}\r\n\r\n",
            self.addr,
            body.len()
        )
        .into_bytes();
        raw.extend_from_slice(body);
        let mut s = TcpStream::connect(self.addr).ok()?;
        s.set_read_timeout(Some(Duration::from_secs(20))).ok()?;
        s.write_all(&raw).ok()?;
        let mut out = Vec::new();
        s.read_to_end(&mut out).ok()?;
        out.windows(4)
            .any(|w| w == b"\r\n\r\n")
            .then(|| Resp::parse(&out))
    }

    fn pid(&self) -> u32 {
        self.child.id()
    }

    /// The per-request log lines seen so far, waiting until there are at least `n`.
    fn request_logs(&self, n: usize) -> Vec<String> {
        self.stderr_lines(n, |l| {
            ["accepted ", "duplicate ", "rejected "]
                .iter()
                .any(|p| l.starts_with(p))
        })
    }

    /// The stderr lines that match `keep`, waiting (up to 10 s) until there are at least `n`:
    /// stderr is read by another thread, so a line written before an answer may arrive after it.
    fn stderr_lines(&self, n: usize, keep: impl Fn(&str) -> bool) -> Vec<String> {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let lines: Vec<String> = self
                .stderr
                .lock()
                .unwrap()
                .iter()
                .filter(|l| keep(l))
                .cloned()
                .collect();
            if lines.len() >= n || Instant::now() > deadline {
                return lines;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    fn all_stderr(&self) -> Vec<String> {
        self.stderr.lock().unwrap().clone()
    }
}

impl Drop for Intake {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A parsed HTTP response.
#[derive(Debug)]
struct Resp {
    status: u16,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Resp {
    fn parse(raw: &[u8]) -> Resp {
        let split = raw
            .windows(4)
            .position(|w| w == b"\r\n\r\n")
            .unwrap_or_else(|| panic!("no header end in {:?}", String::from_utf8_lossy(raw)));
        let head = std::str::from_utf8(&raw[..split]).unwrap();
        let mut lines = head.split("\r\n");
        let status_line = lines.next().unwrap();
        let status = status_line.split(' ').nth(1).unwrap().parse().unwrap();
        let headers: Vec<(String, String)> = lines
            .map(|l| {
                let (k, v) = l.split_once(':').unwrap();
                (k.trim().to_owned(), v.trim().to_owned())
            })
            .collect();
        let mut body = raw[split + 4..].to_vec();
        let len = headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case("content-length"))
            .map(|(_, v)| v.parse::<usize>().unwrap());
        if let Some(len) = len {
            body.truncate(len);
        }
        Resp {
            status,
            headers,
            body,
        }
    }

    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    fn text(&self) -> &str {
        std::str::from_utf8(&self.body).unwrap()
    }

    fn json(&self) -> Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("body is not JSON ({e}): {:?}", self.text()))
    }

    /// Asserts a JSON error answer with this status and returns its message.
    fn assert_error(&self, status: u16) -> String {
        assert_eq!(self.status, status, "{}", self.text());
        assert_eq!(self.header("Content-Type"), Some("application/json"));
        let v = self.json();
        let obj = v.as_object().unwrap();
        assert_eq!(obj.len(), 1, "{v}");
        obj["error"].as_str().unwrap().to_owned()
    }
}

// ---------------------------------------------------------------------------------------------
// Accepting, storing and deduplicating
// ---------------------------------------------------------------------------------------------

#[test]
fn accepts_a_valid_submission_and_stores_one_line() {
    let dir = TempDir::new();
    let intake = Intake::start(&dir);
    let id = new_id();
    let sub = submission(&id, [7, 8, 6, 3]);
    let body = body_of(&sub);

    let r = intake.post(Some(id.as_str()), &body);
    assert_eq!(r.status, 201, "{}", r.text());
    assert_eq!(r.header("Content-Type"), Some("application/json"));
    assert_eq!(r.header("Access-Control-Allow-Origin"), None);
    let v = r.json();
    assert_eq!(v["status"], "accepted");
    assert_eq!(v["submission_id"], id.as_str());
    assert_eq!(v["reference"], id.reference().as_str());
    let received_at = v["received_at"].as_str().unwrap();
    assert!(Timestamp::parse(received_at).is_ok() && received_at.ends_with('Z'));
    assert_eq!(
        v.as_object().unwrap().keys().collect::<Vec<_>>(),
        ["received_at", "reference", "status", "submission_id"]
    );
    // The documented field order.
    assert!(
        r.text()
            .starts_with("{\"status\":\"accepted\",\"submission_id\":")
    );

    let rows = dir.stored();
    assert_eq!(rows.len(), 1);
    let stored = &rows[0];
    assert_eq!(stored["received_at"], received_at);
    assert_eq!(stored["idempotency_key"], id.as_str());
    assert_eq!(stored["reference"], id.reference().as_str());
    assert_eq!(stored["content_type"], "application/json");
    assert_eq!(
        stored["body_sha256"].as_str().unwrap(),
        wellbeing_widget::intake::handler::hex_sha256(&body)
    );
    assert_eq!(
        stored["body"],
        serde_json::from_slice::<Value>(&body).unwrap()
    );
    assert_eq!(stored["submission"], serde_json::to_value(&sub).unwrap());
    let back: Submission = serde_json::from_value(stored["submission"].clone()).unwrap();
    assert_eq!(back, sub);

    let logs = intake.request_logs(1);
    assert_eq!(
        logs,
        [format!(
            "accepted id={id} measures=ons4 bytes={}",
            body.len()
        )]
    );
}

#[test]
fn accepts_the_documented_contract_written_by_hand() {
    let dir = TempDir::new();
    let intake = Intake::start(&dir);
    let id = "3f2a9c1b-4d5e-4f60-8a7b-9c0d1e2f3a4b";
    let body = r#"{
        "schema_version": 1,
        "submission_id": "3f2a9c1b-4d5e-4f60-8a7b-9c0d1e2f3a4b",
        "submitted_at": "2026-11-23T10:15:00.000Z",
        "mode": "self-referral",
        "referral": {
            "full_name": "Ada Lovelace",
            "date_of_birth": "1990-04-07",
            "no_fixed_address": true,
            "contact": { "email": "ada@example.com", "preferred": "email", "best_times": [] },
            "what_matters": "Getting out more",
            "areas": [],
            "heard_from": "self",
            "support": { "interpreter_needed": false, "filling_in_for": "myself" },
            "consent": { "contact": true, "share_with_gp": true }
        },
        "measures": [{
            "instrument": "ons4",
            "version": "gss-2019-04",
            "answers": [
                {"item": "satisfaction", "value": 7},
                {"item": "worthwhile", "value": 9},
                {"item": "happy", "value": 5},
                {"item": "anxious", "value": 2}
            ],
            "score": {"items": [
                {"item": "satisfaction", "value": 7, "band": "high"},
                {"item": "worthwhile", "value": 9, "band": "very-high"},
                {"item": "happy", "value": 5, "band": "medium"},
                {"item": "anxious", "value": 2, "band": "low"}
            ]}
        }],
        "risk": {"urgent": false, "reasons": []}
    }"#;
    let r = intake.post(Some(id), body.as_bytes());
    assert_eq!(r.status, 201, "{}", r.text());
    assert_eq!(r.json()["reference"], "WB-9WPB-S8UF-DVV2-79R9");
    // Stored as received (exported on one line), and as parsed: the same JSON value.
    let rows = dir.stored();
    assert_eq!(rows.len(), 1);
    let value = serde_json::from_str::<Value>(body).unwrap();
    assert_eq!(rows[0]["body"], value);
    assert_eq!(rows[0]["submission"], value);
}

#[test]
fn a_repeated_key_gets_the_original_answer_and_stores_nothing_new() {
    let dir = TempDir::new();
    let intake = Intake::start(&dir);
    let id = new_id();
    let body = body_of(&submission(&id, [7, 8, 6, 3]));

    let first = intake.post(Some(id.as_str()), &body);
    assert_eq!(first.status, 201);
    assert_eq!(first.header("Idempotent-Replayed"), None);
    std::thread::sleep(Duration::from_millis(5)); // a new answer would have a new received_at

    let again = intake.post(Some(id.as_str()), &body);
    assert_eq!(again.status, 200, "a replay is not a new resource");
    assert_eq!(again.body, first.body, "byte for byte");
    assert_eq!(again.header("Idempotent-Replayed"), Some("true"));
    assert_eq!(again.header("Content-Type"), Some("application/json"));

    assert_eq!(dir.stored().len(), 1);
    let logs = intake.request_logs(2);
    assert!(logs[0].starts_with("accepted "));
    assert_eq!(logs[1], format!("duplicate id={id}"));
}

#[test]
fn the_same_key_with_another_body_is_refused_with_422() {
    let dir = TempDir::new();
    let intake = Intake::start(&dir);
    let id = new_id();
    let body = body_of(&submission(&id, [7, 8, 6, 3]));
    let first = intake.post(Some(id.as_str()), &body);
    assert_eq!(first.status, 201);

    // Other answers under the same key: refused, and the first submission stays as it was.
    let changed = body_of(&submission(&id, [1, 1, 1, 1]));
    let r = intake.post_with(Some(id.as_str()), &changed, &[("Origin", ALLOWED)]);
    let message = r.assert_error(422);
    assert!(message.contains("Idempotency-Key"), "{message}");
    assert!(message.contains("different body"), "{message}");
    assert_eq!(r.header("Idempotent-Replayed"), None);
    assert_eq!(r.header("Access-Control-Allow-Origin"), Some(ALLOWED));
    // Even the same JSON with other whitespace is another body: the key names exact bytes.
    let mut spaced = body.clone();
    spaced.push(b' ');
    intake.post(Some(id.as_str()), &spaced).assert_error(422);
    // The key is looked up before the body is judged: an invalid body under a stored key is
    // also a different body, not a 400.
    intake.post(Some(id.as_str()), b"{}").assert_error(422);

    let rows = dir.stored();
    assert_eq!(rows.len(), 1);
    assert_eq!(
        rows[0]["body"],
        serde_json::from_slice::<Value>(&body).unwrap()
    );
    // The original still replays.
    assert_eq!(intake.post(Some(id.as_str()), &body).status, 200);
    let logs = intake.request_logs(5);
    assert_eq!(
        logs[1],
        format!("rejected status=422 reason=idempotency-key-reused id={id}")
    );
}

#[test]
fn deduplication_survives_a_restart() {
    let dir = TempDir::new();
    let id = new_id();
    let body = body_of(&submission(&id, [10, 10, 10, 0]));
    let first = {
        let intake = Intake::start(&dir);
        intake.post(Some(id.as_str()), &body)
    };
    assert_eq!(first.status, 201);

    let intake = Intake::start(&dir);
    let again = intake.post(Some(id.as_str()), &body);
    assert_eq!((again.status, &again.body), (200, &first.body));
    assert_eq!(dir.stored().len(), 1);
    let started = intake.stderr_lines(1, |l| l.contains("stored submission"));
    assert!(started[0].contains(" 1 stored submission"), "{started:?}");

    let other = new_id();
    let r = intake.post(
        Some(other.as_str()),
        &body_of(&submission(&other, [0, 0, 0, 10])),
    );
    assert_eq!(r.status, 201);
    assert_eq!(dir.stored().len(), 2);
}

#[test]
fn concurrent_requests_with_one_key_store_it_once() {
    let dir = TempDir::new();
    let intake = Intake::start(&dir);
    let id = new_id();
    let body = body_of(&submission(&id, [5, 6, 7, 8]));
    let answers: Vec<Resp> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..8)
            .map(|_| s.spawn(|| intake.post(Some(id.as_str()), &body)))
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    let created: Vec<&Resp> = answers.iter().filter(|r| r.status == 201).collect();
    assert_eq!(created.len(), 1, "{answers:?}");
    for r in &answers {
        assert!(r.status == 201 || r.status == 200, "{}", r.text());
        assert_eq!(r.body, created[0].body);
    }
    assert_eq!(dir.stored().len(), 1);
    let logs = intake.request_logs(8);
    assert_eq!(
        logs.iter().filter(|l| l.starts_with("accepted ")).count(),
        1
    );
    assert_eq!(
        logs.iter().filter(|l| l.starts_with("duplicate ")).count(),
        7
    );
}

// ---------------------------------------------------------------------------------------------
// Refusals
// ---------------------------------------------------------------------------------------------

#[test]
fn malformed_json_is_refused_and_nothing_is_stored() {
    let dir = TempDir::new();
    let intake = Intake::start(&dir);
    let id = new_id();
    let r = intake.post(
        Some(id.as_str()),
        b"{\"schema_version\": 1, \"submission_id\": ",
    );
    let message = r.assert_error(400);
    assert!(
        message.starts_with("the body is not a valid submission"),
        "{message}"
    );
    assert!(dir.stored().is_empty());
    assert_eq!(
        intake.request_logs(1),
        ["rejected status=400 reason=malformed"]
    );
}

/// A valid body as a JSON value, for tests that break one thing in it.
fn valid_value(id: &SubmissionId) -> Value {
    serde_json::to_value(submission(id, [7, 8, 6, 3])).unwrap()
}

#[test]
fn invalid_submissions_are_refused_with_400() {
    let dir = TempDir::new();
    let intake = Intake::start(&dir);
    let id = new_id();
    let key = id.as_str();

    let mut wrong_version = valid_value(&id);
    wrong_version["schema_version"] = json!(2);

    let mut bad_uuid = valid_value(&id);
    bad_uuid["submission_id"] = json!("not-a-uuid");

    let mut out_of_range = valid_value(&id);
    out_of_range["measures"][0]["answers"][0]["value"] = json!(11);
    out_of_range["measures"][0]["score"]["items"][0]["value"] = json!(11);

    let mut score_mismatch = valid_value(&id);
    score_mismatch["measures"][0]["score"]["items"][0]["band"] = json!("low");

    let mut unknown_field = valid_value(&id);
    unknown_field["name"] = json!("Alex");

    let mut urgent_without_reason = valid_value(&id);
    urgent_without_reason["risk"] = json!({"urgent": true, "reasons": []});

    let mut no_risk = valid_value(&id);
    no_risk.as_object_mut().unwrap().remove("risk");

    let other = new_id();
    let body = |v: &Value| serde_json::to_vec(v).unwrap();
    /// One refusal: what is wrong, the key sent, the body, the logged reason, part of the error.
    struct Case<'a> {
        what: &'a str,
        key: Option<&'a str>,
        body: Vec<u8>,
        reason: &'a str,
        text: &'a str,
    }
    let cases = [
        Case {
            what: "wrong schema_version",
            key: Some(key),
            body: body(&wrong_version),
            reason: "malformed",
            text: "not a valid submission",
        },
        Case {
            what: "bad uuid in the body",
            key: Some(key),
            body: body(&bad_uuid),
            reason: "malformed",
            text: "not a valid submission",
        },
        Case {
            what: "key and body differ",
            key: Some(other.as_str()),
            body: body(&valid_value(&id)),
            reason: "idempotency-key-mismatch",
            text: "does not match",
        },
        Case {
            what: "missing key",
            key: None,
            body: body(&valid_value(&id)),
            reason: "idempotency-key-missing",
            text: "Idempotency-Key header is required",
        },
        Case {
            what: "key is not a uuid",
            key: Some("12345"),
            body: body(&valid_value(&id)),
            reason: "idempotency-key-invalid",
            text: "UUID version 4",
        },
        Case {
            what: "ONS4 answer 11",
            key: Some(key),
            body: body(&out_of_range),
            reason: "answer",
            text: "not one of its options",
        },
        Case {
            what: "score does not match",
            key: Some(key),
            body: body(&score_mismatch),
            reason: "score-mismatch",
            text: "score does not match",
        },
        Case {
            what: "unknown field",
            key: Some(key),
            body: body(&unknown_field),
            reason: "malformed",
            text: "not a valid submission",
        },
        Case {
            what: "urgent without a reason",
            key: Some(key),
            body: body(&urgent_without_reason),
            reason: "risk-mismatch",
            text: "risk does not match",
        },
        Case {
            what: "no risk field",
            key: Some(key),
            body: body(&no_risk),
            reason: "malformed",
            text: "not a valid submission",
        },
    ];
    for (i, c) in cases.iter().enumerate() {
        let r = intake.post(c.key, &c.body);
        let message = r.assert_error(400);
        assert!(message.contains(c.text), "{}: {message}", c.what);
        let logs = intake.request_logs(i + 1);
        assert_eq!(
            logs[i],
            format!("rejected status=400 reason={}", c.reason),
            "{}",
            c.what
        );
    }
    assert!(dir.stored().is_empty());
    // Nothing a person answered (nor the name) reaches the log.
    for line in intake.all_stderr() {
        assert!(!line.contains("Alex") && !line.contains('{'), "{line}");
    }
}

#[test]
fn wrong_content_type_is_refused_with_415() {
    let dir = TempDir::new();
    let intake = Intake::start(&dir);
    let id = new_id();
    let body = body_of(&submission(&id, [7, 8, 6, 3]));
    for ct in [
        Some("text/plain"),
        Some("application/x-www-form-urlencoded"),
        None,
    ] {
        let mut headers = vec![("Idempotency-Key", id.as_str())];
        if let Some(ct) = ct {
            headers.push(("Content-Type", ct));
        }
        let r = intake.send("POST", "/submissions", &headers, &body);
        assert!(r.assert_error(415).contains("application/json"));
    }
    // Parameters are fine.
    let r = intake.send(
        "POST",
        "/submissions",
        &[
            ("Content-Type", "application/json; charset=utf-8"),
            ("Idempotency-Key", id.as_str()),
        ],
        &body,
    );
    assert_eq!(r.status, 201);
    assert_eq!(dir.stored().len(), 1);
    assert_eq!(
        intake.request_logs(4)[..3],
        ["rejected status=415 reason=content-type"; 3]
    );
}

#[test]
fn oversized_bodies_are_refused_with_413() {
    let dir = TempDir::new();
    let intake = Intake::start(&dir);
    let id = new_id();
    let big = vec![b' '; 300 * 1024];
    let r = intake.post(Some(id.as_str()), &big);
    assert!(r.assert_error(413).contains("262144"));

    // Without a Content-Length (chunked), the limit still holds.
    let mut raw = format!(
        "POST /submissions HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\
         Content-Type: application/json\r\nIdempotency-Key: {id}\r\n\
         Transfer-Encoding: chunked\r\n\r\n"
    )
    .into_bytes();
    for _ in 0..30 {
        raw.extend_from_slice(format!("{:x}\r\n", 10 * 1024).as_bytes());
        raw.extend_from_slice(&[b' '; 10 * 1024]);
        raw.extend_from_slice(b"\r\n");
    }
    raw.extend_from_slice(b"0\r\n\r\n");
    let r = intake.send_raw(&raw);
    r.assert_error(413);

    // Just under the limit is read (and then judged on its content).
    let mut padded = body_of(&submission(&id, [7, 8, 6, 3]));
    padded.resize(256 * 1024, b' ');
    assert_eq!(intake.post(Some(id.as_str()), &padded).status, 201);
    assert_eq!(dir.stored().len(), 1);
}

// ---------------------------------------------------------------------------------------------
// CORS
// ---------------------------------------------------------------------------------------------

fn preflight(intake: &Intake, origin: &str) -> Resp {
    intake.send(
        "OPTIONS",
        "/submissions",
        &[
            ("Origin", origin),
            ("Access-Control-Request-Method", "POST"),
            (
                "Access-Control-Request-Headers",
                "content-type, idempotency-key",
            ),
        ],
        b"",
    )
}

#[test]
fn cors_preflight_from_an_allowed_origin() {
    let dir = TempDir::new();
    let intake = Intake::start(&dir);
    let r = preflight(&intake, ALLOWED);
    assert_eq!(r.status, 204);
    assert_eq!(r.header("Access-Control-Allow-Origin"), Some(ALLOWED));
    assert_eq!(r.header("Vary"), Some("Origin"));
    assert_eq!(
        r.header("Access-Control-Allow-Methods"),
        Some("POST, OPTIONS")
    );
    assert_eq!(
        r.header("Access-Control-Allow-Headers"),
        Some("Content-Type, Idempotency-Key")
    );
    assert_eq!(r.header("Access-Control-Max-Age"), Some("600"));
    assert!(r.body.is_empty());
    // The other default origin too.
    let r = preflight(&intake, "http://localhost:8080");
    assert_eq!(
        r.header("Access-Control-Allow-Origin"),
        Some("http://localhost:8080")
    );
}

#[test]
fn cors_preflight_from_a_disallowed_origin() {
    let dir = TempDir::new();
    let intake = Intake::start(&dir);
    for origin in ["https://evil.example", "http://127.0.0.1:8081", "null"] {
        let r = preflight(&intake, origin);
        assert_eq!(r.status, 403, "{origin}");
        assert_eq!(r.header("Access-Control-Allow-Origin"), None);
        assert_eq!(r.header("Access-Control-Allow-Methods"), None);
    }
}

#[test]
fn cors_headers_on_submissions_and_errors() {
    let dir = TempDir::new();
    let intake = Intake::start(&dir);
    let id = new_id();
    let body = body_of(&submission(&id, [7, 8, 6, 3]));

    // Allowed origin: the answer, and an error, both carry the CORS headers.
    let r = intake.post_with(Some(id.as_str()), &body, &[("Origin", ALLOWED)]);
    assert_eq!(r.status, 201);
    assert_eq!(r.header("Access-Control-Allow-Origin"), Some(ALLOWED));
    assert_eq!(r.header("Vary"), Some("Origin"));
    assert_eq!(
        r.header("Access-Control-Expose-Headers"),
        Some("Idempotent-Replayed, Retry-After"),
        "the widget must be able to read Retry-After across origins"
    );
    let fresh = new_id();
    let r = intake.post_with(Some(fresh.as_str()), b"[", &[("Origin", ALLOWED)]);
    r.assert_error(400);
    assert_eq!(r.header("Access-Control-Allow-Origin"), Some(ALLOWED));

    // Disallowed origin: 403, no CORS headers, nothing stored.
    let other = new_id();
    let r = intake.post_with(
        Some(other.as_str()),
        &body_of(&submission(&other, [7, 8, 6, 3])),
        &[("Origin", "https://evil.example")],
    );
    r.assert_error(403);
    assert_eq!(r.header("Access-Control-Allow-Origin"), None);
    assert_eq!(dir.stored().len(), 1);
    assert_eq!(
        intake.request_logs(3)[2],
        "rejected status=403 reason=origin"
    );
}

#[test]
fn allow_origin_replaces_the_defaults() {
    let dir = TempDir::new();
    let intake = Intake::start_with(
        &dir,
        &[
            "--allow-origin",
            "https://forms.example.org",
            "--allow-origin",
            "http://localhost:3000",
        ],
    );
    assert_eq!(preflight(&intake, "https://forms.example.org").status, 204);
    assert_eq!(preflight(&intake, "http://localhost:3000").status, 204);
    assert_eq!(preflight(&intake, ALLOWED).status, 403);
}

// ---------------------------------------------------------------------------------------------
// Other routes and the command line
// ---------------------------------------------------------------------------------------------

#[test]
fn health_not_found_and_method_not_allowed() {
    let dir = TempDir::new();
    let intake = Intake::start(&dir);
    let r = intake.send("GET", "/health", &[], b"");
    assert_eq!((r.status, r.text()), (200, r#"{"status":"ok"}"#));
    assert_eq!(r.header("Content-Type"), Some("application/json"));

    intake.send("GET", "/nope", &[], b"").assert_error(404);
    intake
        .send("POST", "/submission", &[], b"{}")
        .assert_error(404);

    let r = intake.send("GET", "/submissions", &[], b"");
    r.assert_error(405);
    assert_eq!(r.header("Allow"), Some("POST, OPTIONS"));
    let r = intake.send("DELETE", "/health", &[], b"");
    r.assert_error(405);
    assert_eq!(r.header("Allow"), Some("GET, HEAD"));
    // Only submission requests are logged.
    std::thread::sleep(Duration::from_millis(100));
    assert!(intake.request_logs(0).is_empty());
}

fn run_cli(args: &[&str]) -> std::process::Output {
    Command::new(BIN)
        .args(args)
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

#[test]
fn bad_arguments_exit_with_status_2() {
    for args in [
        &["--port", "1"][..],
        &["--addr"],
        &["--addr", "not-an-address"],
        &["--allow-origin", "http://x.example/path"],
        &["stray"],
    ] {
        let out = run_cli(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.starts_with("intake: "), "{err}");
        assert!(err.contains("Usage: intake"), "{err}");
        assert!(out.stdout.is_empty());
    }
}

#[test]
fn help_prints_usage() {
    let out = run_cli(&["--help"]);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.starts_with("Usage: intake"), "{text}");
    for flag in ["--addr", "--data-dir", "--allow-origin"] {
        assert!(text.contains(flag));
    }
}

#[test]
fn an_unusable_data_dir_exits_with_status_1() {
    let dir = TempDir::new();
    let file = dir.0.join("a-file");
    std::fs::write(&file, b"").unwrap();
    let out = run_cli(&["--addr", "127.0.0.1:0", "--data-dir", path_str(&file)]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot open the store"));
}

fn path_str(p: &Path) -> &str {
    p.to_str().unwrap()
}

#[test]
fn a_fhir_bundle_is_accepted_checked_and_stored_as_received() {
    use wellbeing_widget::domain::fhir::{DEFAULT_BASE, bundle};
    let dir = TempDir::new();
    let intake = Intake::start(&dir);
    let id = new_id();
    let s = submission(&id, [7, 8, 4, 6]);
    let b = serde_json::to_vec(&bundle(&s, &[ons4()], DEFAULT_BASE).unwrap()).unwrap();
    let fhir = [("Content-Type", "application/fhir+json")];
    let r = intake.send(
        "POST",
        "/submissions",
        &[fhir[0], ("Idempotency-Key", id.as_str())],
        &b,
    );
    assert_eq!(r.status, 201, "{}", String::from_utf8_lossy(&r.body));
    let rows = dir.stored();
    assert_eq!(rows.len(), 1);
    let stored = &rows[0];
    assert_eq!(stored["content_type"], "application/fhir+json");
    assert_eq!(stored["body"], serde_json::from_slice::<Value>(&b).unwrap());
    assert_eq!(stored["body"]["resourceType"], "Bundle");
    assert_eq!(
        stored["submission"]["measures"][0]["answers"],
        serde_json::to_value(&s.measures[0].answers).unwrap(),
        "stored in the native terms too"
    );
    // A repeat is de-duplicated like any other submission.
    let again = intake.send(
        "POST",
        "/submissions",
        &[fhir[0], ("Idempotency-Key", id.as_str())],
        &b,
    );
    assert_eq!((again.status, &again.body), (200, &r.body));
    assert_eq!(dir.stored().len(), 1);

    // A Bundle whose answer was changed without its score is refused, nothing stored.
    let id2 = new_id();
    let mut v = serde_json::to_value(
        bundle(&submission(&id2, [7, 8, 4, 6]), &[ons4()], DEFAULT_BASE).unwrap(),
    )
    .unwrap();
    let text = v.to_string().replace("\"code\":\"7\"", "\"code\":\"2\"");
    v = serde_json::from_str(&text).unwrap();
    let r = intake.send(
        "POST",
        "/submissions",
        &[fhir[0], ("Idempotency-Key", id2.as_str())],
        &serde_json::to_vec(&v).unwrap(),
    );
    assert_eq!(r.status, 400, "{}", String::from_utf8_lossy(&r.body));
    // A native body sent as FHIR is refused too.
    let r = intake.send(
        "POST",
        "/submissions",
        &[fhir[0], ("Idempotency-Key", id2.as_str())],
        &body_of(&submission(&id2, [1, 1, 1, 1])),
    );
    assert_eq!(r.status, 400);
    assert_eq!(dir.stored().len(), 1);
}

// ---------------------------------------------------------------------------------------------
// The link-worker follow-up
// ---------------------------------------------------------------------------------------------

#[test]
fn a_follow_up_with_its_change_is_accepted_and_a_wrong_change_refused() {
    use wellbeing_widget::domain::follow_up::{
        ClientReference, FollowUpContext, History, Timepoint, Visit, measures_with_changes,
    };
    use wellbeing_widget::domain::referral::SimpleDate;
    let dir = TempDir::new();
    let intake = Intake::start(&dir);
    let client = ClientReference::parse("LW-0001", None).unwrap();
    let visit = |values: [i64; 4], tp: Timepoint, date: &str| Visit {
        client: client.clone(),
        timepoint: tp,
        date: SimpleDate::parse_iso(date).unwrap(),
        measures: submission(&new_id(), values).measures,
        consent_confirmed: true,
        notes: None,
    };
    let mut history = History::new();
    history.add(visit([3, 4, 2, 8], Timepoint::Baseline, "2026-01-05"));
    let now = visit([6, 6, 5, 4], Timepoint::SixWeeks, "2026-02-16");
    let id = new_id();
    let sub = Submission {
        mode: Mode::FollowUp(Box::new(FollowUpContext::of_visit(&now))),
        referral: None,
        measures: measures_with_changes(&history, &now, &[ons4()]),
        ..submission(&id, [6, 6, 5, 4])
    };
    let r = intake.post(Some(id.as_str()), &body_of(&sub));
    assert_eq!(r.status, 201, "{}", r.text());
    let stored = &dir.stored()[0];
    assert_eq!(stored["submission"]["mode"], "follow-up");
    assert_eq!(stored["submission"]["client_reference"], "LW-0001");
    assert_eq!(
        stored["submission"]["measures"][0]["change"]["scores"][3],
        json!({"of": "anxious", "baseline": 8.0, "now": 4.0, "change": -4.0,
               "trend": "better", "threshold": null, "meaningful": null})
    );

    let other = new_id();
    let mut wrong = serde_json::to_value(Submission {
        submission_id: other.clone(),
        ..sub.clone()
    })
    .unwrap();
    wrong["measures"][0]["change"]["scores"][0]["now"] = json!(9.0);
    let r = intake.post(Some(other.as_str()), &serde_json::to_vec(&wrong).unwrap());
    assert_eq!(r.status, 400, "{}", r.text());
    assert!(r.text().contains("change does not match"), "{}", r.text());
    let logs = intake.request_logs(2);
    assert!(logs[1].contains("reason=change-mismatch"), "{logs:?}");
    assert_eq!(dir.stored().len(), 1, "nothing more stored");
}
