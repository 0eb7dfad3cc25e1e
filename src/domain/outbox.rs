//! The outbox: submissions waiting on the device until the intake has them. Delivery policy is
//! here (pure, time passed in): which failures are retried, when, and what the person is told.
//!
//! An entry keeps the exact body to send, written once when the person confirmed: every retry,
//! on this visit or a later one, sends the same bytes with the same `Idempotency-Key`.

use crate::domain::json::{self, Json, JsonError};
use crate::domain::payload::SubmissionId;
use serde::{Deserialize, Serialize};
use thiserror::Error;

/// The format of the stored outbox. Version 1 kept the submission itself; it is still read (see
/// [`Outbox::from_json`]).
pub const OUTBOX_VERSION: u32 = 2;

/// The content type of the native payload.
pub const JSON: &str = "application/json";

/// First retry after 2 s, doubling each time, never more than 5 minutes apart.
pub const BASE_DELAY_MS: u64 = 2_000;
pub const MAX_DELAY_MS: u64 = 5 * 60_000;

/// How one attempt to send ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Attempt {
    /// 2xx: the intake has it.
    Delivered,
    /// No response: offline, DNS, CORS refusal or timeout.
    NetworkError,
    /// An HTTP status other than 2xx, with the `Retry-After` delay if one was given.
    Status {
        code: u16,
        retry_after_ms: Option<u64>,
    },
}

/// What to do after an attempt.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Next {
    /// Remove it from the outbox.
    Done,
    /// Try again at this time (ms since the epoch).
    RetryAt(u64),
    /// Stop retrying: the intake refused it. It stays on the device.
    GiveUp { status: u16 },
}

/// Whether a status may succeed later: 408, 429 and 5xx.
pub fn is_retryable(code: u16) -> bool {
    matches!(code, 408 | 429 | 500..=599)
}

/// The delay before retry number `attempts` (1 = after the first failure): exponential, capped,
/// with "full jitter" — `jitter` in [0, 1) picks a point in the upper half of the window, so
/// retries from many devices spread out but never come sooner than half the delay.
pub fn backoff_ms(attempts: u32, jitter: f64) -> u64 {
    let exp = BASE_DELAY_MS.saturating_mul(1u64 << attempts.saturating_sub(1).min(20));
    let window = exp.min(MAX_DELAY_MS);
    let jitter = jitter.clamp(0.0, 1.0);
    window / 2 + ((window / 2) as f64 * jitter) as u64
}

/// Decides what follows an attempt. `attempts` counts this one.
pub fn after(attempt: Attempt, attempts: u32, now_ms: u64, jitter: f64) -> Next {
    match attempt {
        Attempt::Delivered => Next::Done,
        Attempt::NetworkError => Next::RetryAt(now_ms + backoff_ms(attempts, jitter)),
        Attempt::Status { code, .. } if (200..300).contains(&code) => Next::Done,
        Attempt::Status {
            code,
            retry_after_ms,
        } if is_retryable(code) => {
            let wait = backoff_ms(attempts, jitter);
            // Honour Retry-After (but not beyond an hour, in case of a silly value).
            let wait = retry_after_ms.map_or(wait, |r| r.clamp(wait.min(1_000), 3_600_000));
            Next::RetryAt(now_ms + wait)
        }
        Attempt::Status { code, .. } => Next::GiveUp { status: code },
    }
}

/// Parses a `Retry-After` header: delay-seconds, or an HTTP date given as ms since the epoch by
/// the caller's date parser (`date_ms`). Returns the delay in ms.
pub fn parse_retry_after(value: &str, now_ms: u64, date_ms: Option<u64>) -> Option<u64> {
    let v = value.trim();
    if !v.is_empty() && v.bytes().all(|c| c.is_ascii_digit()) {
        return v.parse::<u64>().ok().map(|s| s.saturating_mul(1000));
    }
    date_ms.map(|d| d.saturating_sub(now_ms))
}

/// Where a queued submission stands. Stored as `{"state": "queued", "next_attempt_at_ms": …}` or
/// `{"state": "refused", "status": 400}`. The widget writes and reads it through [`Json`]
/// (`state_json`, `read_state`); the serde form, the same text through a flat struct, is kept
/// for the native tests and shares the flat struct's rules with the widget's reader.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "StateRepr", into = "StateRepr")]
pub enum EntryState {
    /// Waiting to be (re)sent, not before `next_attempt_at_ms`.
    Queued { next_attempt_at_ms: u64 },
    /// The intake refused it with this status; it is kept so nothing is lost.
    Refused { status: u16 },
}

#[derive(Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct StateRepr {
    state: StateName,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    next_attempt_at_ms: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    status: Option<u16>,
}

#[derive(Clone, Copy, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
enum StateName {
    Queued,
    Refused,
}

impl From<EntryState> for StateRepr {
    fn from(s: EntryState) -> Self {
        match s {
            EntryState::Queued { next_attempt_at_ms } => StateRepr {
                state: StateName::Queued,
                next_attempt_at_ms: Some(next_attempt_at_ms),
                status: None,
            },
            EntryState::Refused { status } => StateRepr {
                state: StateName::Refused,
                next_attempt_at_ms: None,
                status: Some(status),
            },
        }
    }
}

impl TryFrom<StateRepr> for EntryState {
    type Error = &'static str;

    fn try_from(r: StateRepr) -> Result<Self, Self::Error> {
        match (r.state, r.next_attempt_at_ms, r.status) {
            (StateName::Queued, Some(next_attempt_at_ms), None) => {
                Ok(EntryState::Queued { next_attempt_at_ms })
            }
            (StateName::Refused, None, Some(status)) => Ok(EntryState::Refused { status }),
            _ => Err("not a state of an outbox entry"),
        }
    }
}

/// One submission in the outbox.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    /// The submission id: the `Idempotency-Key`, and where the person's reference comes from.
    pub id: SubmissionId,
    /// `application/json`, or `application/fhir+json` for a FHIR Bundle.
    pub content_type: String,
    /// The body, exactly as it is sent.
    pub body: String,
    pub attempts: u32,
    pub state: EntryState,
}

/// The submissions waiting on this device, oldest first. Stored as
/// `{"version":2,"entries":[{"id":…,"content_type":…,"body":…,"attempts":…,"state":{…}}]}`,
/// written and read through [`Json`] (not serde: issue 6).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Outbox {
    version: u32,
    pub entries: Vec<Entry>,
}

/// Why a stored outbox could not be read.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum OutboxError {
    #[error("the stored outbox is not JSON: {0}")]
    NotJson(#[from] JsonError),
    #[error("the stored outbox is not in the form of its version")]
    NotAnOutbox,
    #[error("the stored outbox is of a version this build does not read")]
    OtherVersion,
}

impl Outbox {
    pub fn new() -> Self {
        Outbox {
            version: OUTBOX_VERSION,
            entries: Vec::new(),
        }
    }

    /// Reads a stored outbox. Anything unreadable gives `Err` so the caller can say so; the
    /// stored text is then kept aside rather than thrown away. A version 1 outbox (which kept
    /// each submission as an object) is read too: each submission becomes the native JSON body
    /// it was going to be sent as.
    pub fn from_json(json: &str) -> Result<Self, OutboxError> {
        let v = json::parse(json)?;
        let version = v
            .get("version")
            .and_then(Json::as_u64)
            .and_then(|n| u32::try_from(n).ok())
            .ok_or(OutboxError::NotAnOutbox)?;
        if version == 1 {
            return Self::from_version_1(&v);
        }
        let mut entries = None;
        for (key, v) in v.as_object().ok_or(OutboxError::NotAnOutbox)? {
            match key.as_str() {
                "version" => {}
                "entries" => entries = Some(read_list(v, read_entry)?),
                _ => return Err(OutboxError::NotAnOutbox),
            }
        }
        let entries = entries.ok_or(OutboxError::NotAnOutbox)?;
        if version != OUTBOX_VERSION {
            return Err(OutboxError::OtherVersion);
        }
        Ok(Outbox { version, entries })
    }

    fn from_version_1(v: &Json) -> Result<Self, OutboxError> {
        /// An entry of version 1: `{"submission": {…}, "attempts": …, "state": {…}}`.
        fn read_old(v: &Json) -> Option<Entry> {
            let (mut submission, mut attempts, mut state) = (None, None, None);
            for (key, v) in v.as_object()? {
                match key.as_str() {
                    "submission" => submission = Some(v),
                    "attempts" => attempts = Some(u32::try_from(v.as_u64()?).ok()?),
                    "state" => state = Some(read_state(v)?),
                    _ => return None,
                }
            }
            let submission = submission?;
            let id = submission.get("submission_id")?.as_str()?;
            Some(Entry {
                id: SubmissionId::parse(id).ok()?,
                content_type: JSON.to_owned(),
                body: sorted(submission).to_text(),
                attempts: attempts?,
                state: state?,
            })
        }
        let mut entries = None;
        for (key, v) in v.as_object().ok_or(OutboxError::NotAnOutbox)? {
            match key.as_str() {
                "version" => {}
                "entries" => entries = Some(read_list(v, read_old)?),
                _ => return Err(OutboxError::NotAnOutbox),
            }
        }
        Ok(Outbox {
            version: OUTBOX_VERSION,
            entries: entries.ok_or(OutboxError::NotAnOutbox)?,
        })
    }

    pub fn to_json(&self) -> String {
        let entries = self.entries.iter().map(entry_json).collect();
        Json::obj([
            ("version", Json::from(self.version)),
            ("entries", Json::Arr(entries)),
        ])
        .to_text()
    }

    /// Queues a submission's body to be sent now. Queuing the same submission twice keeps the
    /// first.
    pub fn enqueue(&mut self, id: SubmissionId, content_type: &str, body: String, now_ms: u64) {
        if self.get(&id).is_none() {
            self.entries.push(Entry {
                id,
                content_type: content_type.to_owned(),
                body,
                attempts: 0,
                state: EntryState::Queued {
                    next_attempt_at_ms: now_ms,
                },
            });
        }
    }

    pub fn get(&self, id: &SubmissionId) -> Option<&Entry> {
        self.entries.iter().find(|e| &e.id == id)
    }

    /// The queued submissions due at `now_ms` (all of them when `force`, e.g. on `online`).
    pub fn due(&self, now_ms: u64, force: bool) -> Vec<SubmissionId> {
        self.entries
            .iter()
            .filter(|e| match e.state {
                EntryState::Queued { next_attempt_at_ms } => force || next_attempt_at_ms <= now_ms,
                EntryState::Refused { .. } => false,
            })
            .map(|e| e.id.clone())
            .collect()
    }

    /// When the next queued submission is due, if any.
    pub fn next_due_at(&self) -> Option<u64> {
        self.entries
            .iter()
            .filter_map(|e| match e.state {
                EntryState::Queued { next_attempt_at_ms } => Some(next_attempt_at_ms),
                EntryState::Refused { .. } => None,
            })
            .min()
    }

    /// Records the outcome of an attempt and returns what follows.
    pub fn record(
        &mut self,
        id: &SubmissionId,
        attempt: Attempt,
        now_ms: u64,
        jitter: f64,
    ) -> Next {
        let Some(at) = self.entries.iter().position(|e| &e.id == id) else {
            return Next::Done;
        };
        let entry = &mut self.entries[at];
        entry.attempts = entry.attempts.saturating_add(1);
        let next = after(attempt, entry.attempts, now_ms, jitter);
        match next {
            Next::Done => {
                self.entries.remove(at);
            }
            Next::RetryAt(t) => {
                entry.state = EntryState::Queued {
                    next_attempt_at_ms: t,
                }
            }
            Next::GiveUp { status } => entry.state = EntryState::Refused { status },
        }
        next
    }

    /// Puts a refused submission back in the queue (the person asked to try again).
    pub fn retry_now(&mut self, id: &SubmissionId, now_ms: u64) {
        if let Some(e) = self.entries.iter_mut().find(|e| &e.id == id) {
            e.state = EntryState::Queued {
                next_attempt_at_ms: now_ms,
            };
        }
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

fn entry_json(e: &Entry) -> Json {
    Json::obj([
        ("id", Json::str(e.id.as_str())),
        ("content_type", Json::str(&e.content_type)),
        ("body", Json::str(&e.body)),
        ("attempts", Json::from(e.attempts)),
        ("state", state_json(&e.state)),
    ])
}

fn state_json(s: &EntryState) -> Json {
    match *s {
        EntryState::Queued { next_attempt_at_ms } => Json::obj([
            ("state", Json::str("queued")),
            ("next_attempt_at_ms", Json::from(next_attempt_at_ms)),
        ]),
        EntryState::Refused { status } => Json::obj([
            ("state", Json::str("refused")),
            ("status", Json::from(u32::from(status))),
        ]),
    }
}

/// A list of which every item reads.
fn read_list(v: &Json, read: fn(&Json) -> Option<Entry>) -> Result<Vec<Entry>, OutboxError> {
    let items = v.as_array().ok_or(OutboxError::NotAnOutbox)?;
    items
        .iter()
        .map(|e| read(e).ok_or(OutboxError::NotAnOutbox))
        .collect()
}

/// An entry: every field required, no other.
fn read_entry(v: &Json) -> Option<Entry> {
    let (mut id, mut content_type, mut body, mut attempts, mut state) =
        (None, None, None, None, None);
    for (key, v) in v.as_object()? {
        match key.as_str() {
            "id" => id = Some(SubmissionId::parse(v.as_str()?).ok()?),
            "content_type" => content_type = Some(v.as_str()?.to_owned()),
            "body" => body = Some(v.as_str()?.to_owned()),
            "attempts" => attempts = Some(u32::try_from(v.as_u64()?).ok()?),
            "state" => state = Some(read_state(v)?),
            _ => return None,
        }
    }
    Some(Entry {
        id: id?,
        content_type: content_type?,
        body: body?,
        attempts: attempts?,
        state: state?,
    })
}

/// A state: exactly the fields of its kind (a field given as `null` counts as absent, as it did
/// for serde).
fn read_state(v: &Json) -> Option<EntryState> {
    let (mut name, mut next, mut status) = (None, None, None);
    for (key, v) in v.as_object()? {
        match key.as_str() {
            "state" => {
                name = Some(match v.as_str()? {
                    "queued" => StateName::Queued,
                    "refused" => StateName::Refused,
                    _ => return None,
                })
            }
            "next_attempt_at_ms" if v.is_null() => next = None,
            "next_attempt_at_ms" => next = Some(v.as_u64()?),
            "status" if v.is_null() => status = None,
            "status" => status = Some(u16::try_from(v.as_u64()?).ok()?),
            _ => return None,
        }
    }
    EntryState::try_from(StateRepr {
        state: name?,
        next_attempt_at_ms: next,
        status,
    })
    .ok()
}

/// `v` with the fields of every object in key order: how a version 1 submission became its body
/// (through a `serde_json::Value`, whose objects are sorted maps).
fn sorted(v: &Json) -> Json {
    match v {
        Json::Arr(items) => Json::Arr(items.iter().map(sorted).collect()),
        Json::Obj(fields) => {
            let mut fields: Vec<(String, Json)> =
                fields.iter().map(|(k, v)| (k.clone(), sorted(v))).collect();
            crate::domain::order::sort_by(&mut fields, |a, b| a.0.cmp(&b.0));
            Json::Obj(fields)
        }
        other => other.clone(),
    }
}
