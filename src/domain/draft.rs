//! The draft kept on the person's own device, so nothing is lost on reload. Stored as versioned
//! JSON; anything that does not parse, is from another version, or is too old is discarded (with a
//! reason the UI can show) rather than half-used.

use crate::domain::instrument::{Answers, Instrument};
use crate::domain::journey::{Journey, Step};
use crate::domain::payload::Submission;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use thiserror::Error;

/// The draft format this build writes.
pub const DRAFT_VERSION: u32 = 1;

/// How long a draft is kept, by default: 7 days.
pub const DEFAULT_MAX_AGE_MS: u64 = 7 * 24 * 60 * 60 * 1000;

/// A person's answers so far and where they were.
#[derive(Clone, Debug, PartialEq)]
pub struct Draft {
    pub saved_at_ms: u64,
    pub step: Step,
    pub changing: bool,
    pub answers: Answers,
    /// The submission built when "Confirm and send" was pressed and not yet delivered. Every retry
    /// sends exactly this (same id, so the same Idempotency-Key); the answers are then locked.
    pub pending: Option<Submission>,
}

/// The stored form of a draft.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Stored {
    version: u32,
    saved_at_ms: u64,
    step: Step,
    #[serde(default)]
    changing: bool,
    answers: BTreeMap<String, i64>,
    #[serde(default)]
    pending: Option<Submission>,
}

/// Why a stored draft was not restored. The messages are shown to the person.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum DraftError {
    #[error("We could not read the answers saved on this device, so we have started again.")]
    Corrupt,
    #[error(
        "The answers saved on this device were from an older version of this form, so we have started again."
    )]
    OtherVersion,
    #[error("The answers saved on this device were more than a week old, so we have removed them.")]
    Expired,
}

impl Draft {
    pub fn new(now_ms: u64) -> Self {
        Draft {
            saved_at_ms: now_ms,
            step: Step::Start,
            changing: false,
            answers: Answers::default(),
            pending: None,
        }
    }

    pub fn to_json(&self) -> String {
        let stored = Stored {
            version: DRAFT_VERSION,
            saved_at_ms: self.saved_at_ms,
            step: self.step,
            changing: self.changing,
            answers: self
                .answers
                .in_pairs()
                .map(|(k, v)| (k.to_owned(), v))
                .collect(),
            pending: self.pending.clone(),
        };
        serde_json::to_string(&stored).expect("a draft always serialises")
    }

    /// Restores a stored draft, checking every answer against the instrument and the page
    /// against the journey. `now_ms` and `max_age_ms` decide expiry.
    pub fn from_json(
        json: &str,
        instrument: &Instrument,
        journey: &Journey,
        now_ms: u64,
        max_age_ms: u64,
    ) -> Result<Self, DraftError> {
        let value: serde_json::Value =
            serde_json::from_str(json).map_err(|_| DraftError::Corrupt)?;
        match value.get("version").and_then(|v| v.as_u64()) {
            Some(v) if v == u64::from(DRAFT_VERSION) => {}
            Some(_) => return Err(DraftError::OtherVersion),
            None => return Err(DraftError::Corrupt),
        }
        let stored: Stored = serde_json::from_value(value).map_err(|_| DraftError::Corrupt)?;
        if stored.saved_at_ms > now_ms.saturating_add(60_000) {
            return Err(DraftError::Corrupt);
        }
        if now_ms.saturating_sub(stored.saved_at_ms) > max_age_ms {
            return Err(DraftError::Expired);
        }
        if !journey.contains(stored.step) {
            return Err(DraftError::Corrupt);
        }
        let answers = Answers::from_pairs(
            instrument,
            stored.answers.iter().map(|(k, v)| (k.as_str(), *v)),
        )
        .map_err(|_| DraftError::Corrupt)?;
        Ok(Draft {
            saved_at_ms: stored.saved_at_ms,
            step: stored.step,
            changing: stored.changing,
            answers,
            pending: stored.pending,
        })
    }
}
