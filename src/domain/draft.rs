//! The draft kept on the person's own device, so nothing is lost on reload. Stored as versioned
//! JSON; anything that does not parse, is from another version, or is too old is discarded (with a
//! reason the UI can show) rather than half-used.

use crate::domain::instrument::{Answers, Instrument};
use crate::domain::journey::{Journey, Step};
use crate::domain::referral::ReferralAnswers;
use crate::domain::scoring::Risk;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use thiserror::Error;

/// The draft format this build writes.
pub const DRAFT_VERSION: u32 = 2;

/// How long a draft is kept, by default: 7 days (`data-draft-days`).
pub const DEFAULT_MAX_AGE_MS: u64 = 7 * DAY_MS;

/// One day in milliseconds.
pub const DAY_MS: u64 = 24 * 60 * 60 * 1000;

/// A person's answers so far and where they were. Stored as a [`StoredDraft`].
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(into = "StoredDraft")]
pub struct Draft {
    pub saved_at_ms: u64,
    pub step: Step,
    pub changing: bool,
    /// The self-referral answers exactly as typed and chosen.
    pub referral: ReferralAnswers,
    /// Answers by instrument id.
    pub answers: BTreeMap<String, Answers>,
    /// Risk reasons for which the urgent-help page has already been shown.
    pub risk_shown: Vec<String>,
    /// Risk reasons disclosed by an answer that was then skipped: a disclosure is not taken
    /// back by moving on without an answer (only by choosing a different answer).
    pub risk_kept: Vec<String>,
}

/// The stored form of a draft: what the device keeps, as JSON.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StoredDraft {
    version: u32,
    saved_at_ms: u64,
    step: Step,
    #[serde(default)]
    changing: bool,
    #[serde(default)]
    referral: ReferralAnswers,
    answers: BTreeMap<String, BTreeMap<String, i64>>,
    #[serde(default)]
    risk_shown: Vec<String>,
    #[serde(default)]
    risk_kept: Vec<String>,
}

/// What a stored draft text may hold: this build's draft, or (to tell another version's draft
/// apart from a corrupt one) only the version of some other draft.
#[derive(Deserialize)]
#[serde(untagged)]
#[expect(
    clippy::large_enum_variant,
    reason = "read from storage and consumed at once; boxing would only add an allocation"
)]
pub enum DraftOnDevice {
    Current(StoredDraft),
    Other { version: u64 },
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
    #[error("The answers saved on this device were too old to keep, so we have removed them.")]
    Expired,
}

impl Draft {
    pub fn new(now_ms: u64) -> Self {
        Draft {
            saved_at_ms: now_ms,
            step: Step::Start,
            changing: false,
            referral: ReferralAnswers::default(),
            answers: BTreeMap::new(),
            risk_shown: Vec::new(),
            risk_kept: Vec::new(),
        }
    }

    /// Restores a stored draft, checking every answer against its instrument and the page
    /// against the journey. Answers to instruments this deployment no longer asks are dropped.
    /// `now_ms` and `max_age_ms` decide expiry.
    pub fn restore(
        stored: DraftOnDevice,
        instruments: &[Instrument],
        journey: &Journey,
        now_ms: u64,
        max_age_ms: u64,
    ) -> Result<Self, DraftError> {
        let stored = match stored {
            DraftOnDevice::Current(s) if s.version == DRAFT_VERSION => s,
            DraftOnDevice::Current(_) => return Err(DraftError::OtherVersion),
            DraftOnDevice::Other { version } if version == u64::from(DRAFT_VERSION) => {
                return Err(DraftError::Corrupt);
            }
            DraftOnDevice::Other { .. } => return Err(DraftError::OtherVersion),
        };
        if stored.saved_at_ms > now_ms.saturating_add(60_000) {
            return Err(DraftError::Corrupt);
        }
        if now_ms.saturating_sub(stored.saved_at_ms) > max_age_ms {
            return Err(DraftError::Expired);
        }
        if !journey.contains(stored.step) {
            return Err(DraftError::Corrupt);
        }
        let mut answers = BTreeMap::new();
        for (id, pairs) in &stored.answers {
            let Some(instrument) = instruments.iter().find(|i| &i.id == id) else {
                continue;
            };
            let a = Answers::from_pairs(instrument, pairs.iter().map(|(k, v)| (k.as_str(), *v)))
                .map_err(|_| DraftError::Corrupt)?;
            answers.insert(id.clone(), a);
        }
        Ok(Draft {
            saved_at_ms: stored.saved_at_ms,
            step: stored.step,
            changing: stored.changing,
            referral: stored.referral,
            answers,
            risk_shown: stored.risk_shown,
            risk_kept: stored.risk_kept,
        })
    }

    /// [`Draft::restore`] from the stored text (e.g. another tab's, from a `storage` event).
    pub fn from_json(
        json: &str,
        instruments: &[Instrument],
        journey: &Journey,
        now_ms: u64,
        max_age_ms: u64,
    ) -> Result<Self, DraftError> {
        let stored = serde_json::from_str(json).map_err(|_| DraftError::Corrupt)?;
        Self::restore(stored, instruments, journey, now_ms, max_age_ms)
    }
}

impl From<Draft> for StoredDraft {
    fn from(d: Draft) -> Self {
        StoredDraft {
            version: DRAFT_VERSION,
            saved_at_ms: d.saved_at_ms,
            step: d.step,
            changing: d.changing,
            referral: d.referral,
            answers: d
                .answers
                .iter()
                .map(|(id, a)| {
                    (
                        id.clone(),
                        a.in_pairs().map(|(k, v)| (k.to_owned(), v)).collect(),
                    )
                })
                .collect(),
            risk_shown: d.risk_shown,
            risk_kept: d.risk_kept,
        }
    }
}

impl Draft {
    /// Whether the person has got anywhere: worth offering "Continue where you left off".
    pub fn has_progress(&self) -> bool {
        self.step != Step::Start
            || self.referral != ReferralAnswers::default()
            || self.answers.values().any(|a| !a.is_empty())
    }

    /// Merges a draft written by another tab into this one: every answer the other tab has is
    /// kept, and this tab's answers to items the other has not answered are kept too. Returns
    /// whether this draft changed.
    pub fn merge_from(&mut self, other: &Draft, instruments: &[Instrument]) -> bool {
        let before = self.answers.clone();
        let referral_changed = self.referral.merge_from(&other.referral);
        for i in instruments {
            let theirs = other.answers_to(&i.id);
            let ours = self.answers.entry(i.id.clone()).or_default();
            for (item, value) in theirs.in_pairs() {
                let _ = ours.set(i, item, value);
            }
        }
        self.answers.retain(|_, a| !a.is_empty());
        for r in &other.risk_kept {
            if !self.risk_kept.contains(r) {
                self.risk_kept.push(r.clone());
            }
        }
        for r in &other.risk_shown {
            if !self.risk_shown.contains(r) {
                self.risk_shown.push(r.clone());
            }
        }
        self.answers != before || referral_changed
    }

    /// The answers given to `instrument` so far.
    pub fn answers_to(&self, instrument: &str) -> Answers {
        self.answers.get(instrument).cloned().unwrap_or_default()
    }

    /// The risk flag raised by the answers so far, across `instruments`.
    pub fn risk(&self, instruments: &[Instrument]) -> Risk {
        let answers: Vec<(&Instrument, Answers)> = instruments
            .iter()
            .map(|i| (i, self.answers_to(&i.id)))
            .collect();
        let mut risk = Risk::assess(answers.iter().map(|(i, a)| (*i, a)));
        for r in &self.risk_kept {
            if !risk.reasons.contains(r) {
                risk.reasons.push(r.clone());
            }
        }
        risk.urgent = !risk.reasons.is_empty();
        risk
    }

    /// Records an answer. A fresh answer to an item replaces what it disclosed before: risk kept
    /// from a skip is dropped, and if the answer no longer raises a risk, the urgent-help page
    /// may show again should a later answer raise it.
    pub fn answer(
        &mut self,
        instrument: &Instrument,
        item: &str,
        value: i64,
    ) -> Result<(), crate::domain::instrument::AnswerError> {
        self.answers
            .entry(instrument.id.clone())
            .or_default()
            .set(instrument, item, value)?;
        let rules: Vec<&str> = instrument
            .risk
            .iter()
            .filter(|r| r.item == item)
            .map(|r| r.reason.as_str())
            .collect();
        self.risk_kept.retain(|r| !rules.contains(&r.as_str()));
        let raised = crate::domain::scoring::risk(instrument, &self.answers_to(&instrument.id));
        self.risk_shown
            .retain(|r| !rules.contains(&r.as_str()) || raised.contains(r));
        Ok(())
    }

    /// The risk reasons the answers raise for which the urgent-help page has not been shown yet.
    pub fn unseen_risk(&self, instruments: &[Instrument]) -> Vec<String> {
        self.risk(instruments)
            .reasons
            .into_iter()
            .filter(|r| !self.risk_shown.contains(r))
            .collect()
    }

    /// Skips `item` of `instrument`: clears its answer, keeping any risk that answer disclosed.
    pub fn skip(&mut self, instrument: &Instrument, item: &str) {
        let before = crate::domain::scoring::risk(instrument, &self.answers_to(&instrument.id));
        if let Some(a) = self.answers.get_mut(&instrument.id) {
            a.clear(item);
        }
        let after = crate::domain::scoring::risk(instrument, &self.answers_to(&instrument.id));
        for r in before.into_iter().filter(|r| !after.contains(r)) {
            if !self.risk_kept.contains(&r) {
                self.risk_kept.push(r);
            }
        }
    }
}
