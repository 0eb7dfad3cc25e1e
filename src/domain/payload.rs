//! The payload contract, version 1: what the widget POSTs and what the intake receiver parses.
//! Documented by `schema/submission.v1.schema.json`.
//!
//! Every field type parses on the way in (serde `try_from`), so a value of these types is well
//! formed whichever side built it.

use crate::domain::follow_up::{ClientReference, FollowUpContext, Notes, Timepoint};
use crate::domain::instrument::{self, Answers};
use crate::domain::referral::{self, Referral, SimpleDate};
use crate::domain::scoring::{self, Risk};
use serde::{Deserialize, Serialize};
use thiserror::Error;

// The parts of the contract defined with what they are: a measure as recorded and scored, and
// the ids of a submission.
pub use crate::domain::scoring::{AnswerOut, Measure, MeasureChange};
pub use crate::domain::submission_id::{
    REFERENCE_ALPHABET, Reference, SubmissionId, SubmissionIdError,
};

/// The only schema version this build writes and reads.
pub const SCHEMA_VERSION: u32 = 1;

/// An RFC 3339 date-time, e.g. `2026-11-23T10:15:00.000Z`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Timestamp(String);

#[derive(Clone, Debug, PartialEq, Eq, Error)]
#[error("submitted_at must be an RFC 3339 date-time such as 2026-11-23T10:15:00Z")]
pub struct TimestampError;

impl Timestamp {
    pub fn parse(s: &str) -> Result<Self, TimestampError> {
        fn num(s: &str) -> Option<u32> {
            (!s.is_empty() && s.bytes().all(|c| c.is_ascii_digit())).then(|| s.parse().ok())?
        }
        let err = TimestampError;
        let (date, rest) = s.split_once(['T', 't']).ok_or(err.clone())?;
        let d: Vec<&str> = date.split('-').collect();
        if d.len() != 3 || d[0].len() != 4 || d[1].len() != 2 || d[2].len() != 2 {
            return Err(err);
        }
        let (y, m, day) = (
            num(d[0]).ok_or(err.clone())?,
            num(d[1]).ok_or(err.clone())?,
            num(d[2]).ok_or(err.clone())?,
        );
        if !(1..=12).contains(&m) || day < 1 || day > days_in_month(y, m) {
            return Err(err);
        }
        let (time, offset) = if let Some(t) = rest.strip_suffix(['Z', 'z']) {
            (t, None)
        } else {
            let at = rest.rfind(['+', '-']).ok_or(err.clone())?;
            (&rest[..at], Some(&rest[at + 1..]))
        };
        let (hms, frac) = match time.split_once('.') {
            Some((hms, frac)) => (hms, Some(frac)),
            None => (time, None),
        };
        if let Some(f) = frac {
            num(f).ok_or(err.clone())?;
        }
        let t: Vec<&str> = hms.split(':').collect();
        if t.len() != 3 || t.iter().any(|p| p.len() != 2) {
            return Err(err);
        }
        let (h, mi, sec) = (
            num(t[0]).ok_or(err.clone())?,
            num(t[1]).ok_or(err.clone())?,
            num(t[2]).ok_or(err.clone())?,
        );
        if h > 23 || mi > 59 || sec > 60 {
            return Err(err);
        }
        if let Some(o) = offset {
            let (oh, om) = o.split_once(':').ok_or(err.clone())?;
            if oh.len() != 2
                || om.len() != 2
                || num(oh).ok_or(err.clone())? > 23
                || num(om).ok_or(err.clone())? > 59
            {
                return Err(err);
            }
        }
        Ok(Self(s.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

fn days_in_month(y: u32, m: u32) -> u32 {
    match m {
        2 if (y.is_multiple_of(4) && !y.is_multiple_of(100)) || y.is_multiple_of(400) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl TryFrom<String> for Timestamp {
    type Error = TimestampError;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        Self::parse(&s)
    }
}

impl From<Timestamp> for String {
    fn from(t: Timestamp) -> String {
        t.0
    }
}

/// Which form made the submission. A follow-up carries its client, timepoint and visit date,
/// sent at the top level next to `mode` (see [`FollowUpContext`]).
#[derive(Clone, Debug, PartialEq)]
pub enum Mode {
    SelfReferral,
    FollowUp(Box<FollowUpContext>),
}

impl Mode {
    /// `self-referral` or `follow-up`.
    pub fn code(&self) -> &'static str {
        match self {
            Self::SelfReferral => "self-referral",
            Self::FollowUp(_) => "follow-up",
        }
    }
}

/// The `mode` field as written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
enum ModeCode {
    SelfReferral,
    FollowUp,
}

/// `schema_version`: only [`SCHEMA_VERSION`] is accepted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "u32", into = "u32")]
pub struct SchemaVersion;

#[derive(Clone, Debug, PartialEq, Eq, Error)]
#[error("schema_version {0} is not supported (this receiver reads version 1)")]
pub struct SchemaVersionError(u32);

impl TryFrom<u32> for SchemaVersion {
    type Error = SchemaVersionError;
    fn try_from(v: u32) -> Result<Self, Self::Error> {
        if v == SCHEMA_VERSION {
            Ok(SchemaVersion)
        } else {
            Err(SchemaVersionError(v))
        }
    }
}

impl From<SchemaVersion> for u32 {
    fn from(_: SchemaVersion) -> u32 {
        SCHEMA_VERSION
    }
}

/// The whole submission body.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "SubmissionRepr", into = "SubmissionRepr")]
pub struct Submission {
    pub schema_version: SchemaVersion,
    pub submission_id: SubmissionId,
    pub submitted_at: Timestamp,
    pub mode: Mode,
    /// Who the person is, how to reach them and what matters to them: required in
    /// `self-referral` mode.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub referral: Option<Referral>,
    pub measures: Vec<Measure>,
    /// Whether an answer needs urgent attention (e.g. PHQ-9 item 9 above 0), and why.
    pub risk: Risk,
}

/// The submission as written: the follow-up fields at the top level, present exactly when
/// `mode` is `follow-up` (so a self-referral is written as it always was).
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct SubmissionRepr {
    schema_version: SchemaVersion,
    submission_id: SubmissionId,
    submitted_at: Timestamp,
    mode: ModeCode,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    client_reference: Option<ClientReference>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    timepoint: Option<Timepoint>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    visit_date: Option<SimpleDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    client_agreed: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    notes: Option<Notes>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    referral: Option<Referral>,
    measures: Vec<Measure>,
    risk: Risk,
}

/// A follow-up field missing from a follow-up, or present in a self-referral.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Error)]
#[error(
    "client_reference, timepoint, visit_date and client_agreed (true) are required with mode follow-up, and notes is allowed, but not referral; none of them with mode self-referral"
)]
pub struct ModeFieldsError;

impl TryFrom<SubmissionRepr> for Submission {
    type Error = ModeFieldsError;
    fn try_from(r: SubmissionRepr) -> Result<Self, Self::Error> {
        let mode = match (
            r.mode,
            r.client_reference,
            r.timepoint,
            r.visit_date,
            r.client_agreed,
        ) {
            (ModeCode::SelfReferral, None, None, None, None) if r.notes.is_none() => {
                Mode::SelfReferral
            }
            (
                ModeCode::FollowUp,
                Some(client_reference),
                Some(timepoint),
                Some(visit_date),
                Some(true),
            ) if r.referral.is_none() => Mode::FollowUp(Box::new(FollowUpContext {
                client_reference,
                timepoint,
                visit_date,
                notes: r.notes,
            })),
            _ => return Err(ModeFieldsError),
        };
        Ok(Submission {
            schema_version: r.schema_version,
            submission_id: r.submission_id,
            submitted_at: r.submitted_at,
            mode,
            referral: r.referral,
            measures: r.measures,
            risk: r.risk,
        })
    }
}

impl From<Submission> for SubmissionRepr {
    fn from(s: Submission) -> Self {
        let (mode, f) = match s.mode {
            Mode::SelfReferral => (ModeCode::SelfReferral, None),
            Mode::FollowUp(f) => (ModeCode::FollowUp, Some(*f)),
        };
        SubmissionRepr {
            schema_version: s.schema_version,
            submission_id: s.submission_id,
            submitted_at: s.submitted_at,
            mode,
            client_agreed: f.as_ref().map(|_| true),
            client_reference: f.as_ref().map(|f| f.client_reference.clone()),
            timepoint: f.as_ref().map(|f| f.timepoint),
            visit_date: f.as_ref().map(|f| f.visit_date),
            notes: f.and_then(|f| f.notes),
            referral: s.referral,
            measures: s.measures,
            risk: s.risk,
        }
    }
}

/// Why a parsed submission is not acceptable.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum SubmissionError {
    #[error("the body is not a valid submission: {0}")]
    Malformed(String),
    #[error("measure {index}: {source}")]
    Answer {
        index: usize,
        source: instrument::AnswerError,
    },
    #[error("measure {index}: item {item:?} is answered more than once")]
    DuplicateItem { index: usize, item: String },
    #[error(
        "measure {index}: version {got:?} is not the known version {expected:?} of {instrument:?}"
    )]
    Version {
        index: usize,
        instrument: String,
        got: String,
        expected: String,
    },
    #[error("measure {index}: the score does not match the answers")]
    ScoreMismatch { index: usize },
    #[error("measure {index}: instrument {instrument:?} appears more than once")]
    DuplicateMeasure { index: usize, instrument: String },
    #[error(
        "risk does not match the answers: it must be urgent with every reason the answers raise"
    )]
    RiskMismatch,
    #[error("measure {index}: change is only sent with mode follow-up")]
    ChangeOutsideFollowUp { index: usize },
    #[error(
        "measure {index}: change does not match the score and the instrument's meaningful-change rule"
    )]
    ChangeMismatch { index: usize },
    #[error("referral is required in self-referral mode")]
    MissingReferral,
    #[error("{0}")]
    Referral(#[from] referral::RecheckError),
}

impl Submission {
    /// A follow-up visit's submission: its follow-up fields, measures (with their changes) and
    /// risk, under `submission_id`, made at `submitted_at`.
    pub fn follow_up(
        submission_id: SubmissionId,
        submitted_at: Timestamp,
        context: FollowUpContext,
        measures: Vec<Measure>,
        risk: Risk,
    ) -> Self {
        Submission {
            schema_version: SchemaVersion,
            submission_id,
            submitted_at,
            mode: Mode::FollowUp(Box::new(context)),
            referral: None,
            measures,
            risk,
        }
    }

    /// Parses a JSON body and checks every measure of a known instrument against its definition:
    /// item ids, option values and the score (recomputed here).
    ///
    /// Error messages name fields and positions only, never the values a person gave.
    pub fn parse_json(body: &[u8]) -> Result<Self, SubmissionError> {
        let sub: Submission = serde_json::from_slice(body).map_err(|e| {
            // serde_json's messages can quote input; keep only the category and position.
            let what = match e.classify() {
                serde_json::error::Category::Io => "it could not be read",
                serde_json::error::Category::Syntax => "it is not valid JSON",
                serde_json::error::Category::Eof => "it ends too early",
                serde_json::error::Category::Data => {
                    "a field is missing, unknown or has the wrong type or value"
                }
            };
            SubmissionError::Malformed(format!("{what} (line {}, column {})", e.line(), e.column()))
        })?;
        sub.check()?;
        Ok(sub)
    }

    fn check(&self) -> Result<(), SubmissionError> {
        if self.mode == Mode::SelfReferral && self.referral.is_none() {
            return Err(SubmissionError::MissingReferral);
        }
        if let Some(r) = &self.referral {
            // The form's own rules again, on the day it was sent (the date part of submitted_at,
            // which Timestamp::parse has checked; year 0000 has no such day).
            let sent_on = SimpleDate::parse_iso(self.submitted_at.as_str().get(..10).unwrap_or(""))
                .map_err(|_| {
                    SubmissionError::Malformed("submitted_at must be in year 0001 or later".into())
                })?;
            referral::recheck(r, sent_on)?;
        }
        let mut seen = std::collections::BTreeSet::new();
        let mut raised: Vec<String> = Vec::new();
        for (index, m) in self.measures.iter().enumerate() {
            if !seen.insert(m.instrument.as_str()) {
                return Err(SubmissionError::DuplicateMeasure {
                    index,
                    instrument: m.instrument.clone(),
                });
            }
            if m.change.is_some() && !matches!(self.mode, Mode::FollowUp(_)) {
                return Err(SubmissionError::ChangeOutsideFollowUp { index });
            }
            let Some(def) = instrument::builtin(&m.instrument) else {
                continue;
            };
            if m.version != def.version {
                return Err(SubmissionError::Version {
                    index,
                    instrument: m.instrument.clone(),
                    got: m.version.clone(),
                    expected: def.version.clone(),
                });
            }
            let mut answers = Answers::default();
            for a in &m.answers {
                if answers.get(&a.item).is_some() {
                    return Err(SubmissionError::DuplicateItem {
                        index,
                        item: a.item.clone(),
                    });
                }
                answers
                    .set(&def, &a.item, a.value)
                    .map_err(|source| SubmissionError::Answer { index, source })?;
            }
            if scoring::score(&def, &answers) != m.score {
                return Err(SubmissionError::ScoreMismatch { index });
            }
            if let Some(change) = &m.change
                && !change.is_consistent(&def, m.score.as_ref())
            {
                return Err(SubmissionError::ChangeMismatch { index });
            }
            raised.extend(scoring::risk(&def, &answers));
        }
        // Reasons from instruments this receiver does not know cannot be re-derived, so extra
        // reasons are allowed; every reason it can derive must be there.
        let risk = &self.risk;
        if risk.urgent == risk.reasons.is_empty()
            || raised.iter().any(|r| !risk.reasons.contains(r))
        {
            return Err(SubmissionError::RiskMismatch);
        }
        Ok(())
    }
}
