//! The outbox: submissions waiting on the device until the intake has them. Delivery policy is
//! here (pure, time passed in): which failures are retried, when, and what the person is told.
//!
//! An entry keeps the exact body to send, written once when the person confirmed: every retry,
//! on this visit or a later one, sends the same bytes with the same `Idempotency-Key`.

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
/// `{"state": "refused", "status": 400}`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "state", rename_all = "kebab-case", deny_unknown_fields)]
pub enum EntryState {
    /// Waiting to be (re)sent, not before `next_attempt_at_ms`.
    Queued { next_attempt_at_ms: u64 },
    /// The intake refused it (a 4xx other than 408/429): not retried.
    Refused { status: u16 },
}

/// What a stored outbox text may hold: this build's outbox, or a version 1 outbox, which kept
/// each submission as an object (each becomes the native JSON body it was going to be sent as).
#[derive(Deserialize)]
#[serde(untagged)]
pub enum OutboxOnDevice {
    Current(Outbox),
    Version1(OutboxVersion1),
}

/// A version 1 outbox.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OutboxVersion1 {
    version: u32,
    entries: Vec<EntryVersion1>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct EntryVersion1 {
    submission: serde_json::Value,
    attempts: u32,
    state: EntryState,
}

/// Why a stored outbox could not be read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Error)]
pub enum OutboxError {
    #[error("the outbox stored on this device could not be read")]
    Unreadable,
    #[error("the outbox stored on this device is from another version of the widget")]
    OtherVersion,
}

/// One submission in the outbox.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
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

impl Entry {
    /// A submission just queued: never attempted, due at `now_ms`.
    pub fn queued(id: SubmissionId, content_type: &str, body: String, now_ms: u64) -> Self {
        Entry {
            id,
            content_type: content_type.to_owned(),
            body,
            attempts: 0,
            state: EntryState::Queued {
                next_attempt_at_ms: now_ms,
            },
        }
    }
}

/// The submissions waiting on this device, oldest first.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Outbox {
    version: u32,
    pub entries: Vec<Entry>,
}

impl Default for Outbox {
    fn default() -> Self {
        Self::new()
    }
}

impl Outbox {
    pub fn new() -> Self {
        Outbox {
            version: OUTBOX_VERSION,
            entries: Vec::new(),
        }
    }

    /// Reads a stored outbox (see [`OutboxOnDevice`]). Anything unreadable gives `Err` so the
    /// caller can say so and keep the stored text aside rather than throw it away.
    pub fn from_stored(stored: OutboxOnDevice) -> Result<Self, OutboxError> {
        match stored {
            OutboxOnDevice::Current(o) if o.version == OUTBOX_VERSION => Ok(o),
            // An empty version 1 outbox has the shape of this version's.
            OutboxOnDevice::Current(o) if o.version == 1 && o.entries.is_empty() => {
                Ok(Outbox::new())
            }
            OutboxOnDevice::Current(_) => Err(OutboxError::OtherVersion),
            OutboxOnDevice::Version1(old) if old.version == 1 => {
                let mut outbox = Outbox::new();
                for e in old.entries {
                    let id = e
                        .submission
                        .get("submission_id")
                        .and_then(serde_json::Value::as_str)
                        .and_then(|s| SubmissionId::parse(s).ok())
                        .ok_or(OutboxError::Unreadable)?;
                    outbox.entries.push(Entry {
                        id,
                        content_type: JSON.to_owned(),
                        body: e.submission.to_string(),
                        attempts: e.attempts,
                        state: e.state,
                    });
                }
                Ok(outbox)
            }
            OutboxOnDevice::Version1(_) => Err(OutboxError::OtherVersion),
        }
    }

    /// [`Outbox::from_stored`] from the stored text (e.g. another tab's, from a `storage` event).
    pub fn from_json(json: &str) -> Result<Self, OutboxError> {
        let stored = serde_json::from_str(json).map_err(|_| OutboxError::Unreadable)?;
        Self::from_stored(stored)
    }

    /// Queues a submission's body to be sent now. Queuing the same submission twice keeps the
    /// first.
    pub fn enqueue(&mut self, id: SubmissionId, content_type: &str, body: String, now_ms: u64) {
        if self.get(&id).is_none() {
            self.entries
                .push(Entry::queued(id, content_type, body, now_ms));
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

    /// Whether no submission is waiting.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Removes every waiting submission (the person asked); returns their ids.
    pub fn remove_all(&mut self) -> Vec<SubmissionId> {
        std::mem::take(&mut self.entries)
            .into_iter()
            .map(|e| e.id)
            .collect()
    }

    /// Drops the submissions for which `settled` holds (delivered or removed, here or in another
    /// tab): a change this tab made before it knew, applied to the stored outbox after, must not
    /// bring one back.
    pub fn forget(&mut self, settled: impl Fn(&SubmissionId) -> bool) {
        self.entries.retain(|e| !settled(&e.id));
    }

    /// Adds these queued submissions where `self` does not hold them: when a tab writes the
    /// outbox it starts from what is stored now (another tab may have delivered or removed
    /// submissions since), taking from its own only what it queued and has not managed to store,
    /// as it was queued (the changes since are applied again, each once).
    pub fn absorb(&mut self, queued: &[Entry]) {
        for e in queued {
            if self.get(&e.id).is_none() {
                self.entries.push(e.clone());
            }
        }
    }
}
