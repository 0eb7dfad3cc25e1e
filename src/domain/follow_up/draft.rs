//! The visit being recorded, as typed, and what of it is kept on the device while it is typed,
//! so that a reload or a tablet that discards the page loses nothing.
//!
//! Only what the practitioner typed is stored; on the way back every answer is checked against
//! its instrument again, and anything that does not parse, is from another version or is older
//! than the deployment's draft age is dropped.

use super::{ClientReference, Timepoint, VisitPage};
use crate::domain::instrument::{Answers, Instrument};
use crate::domain::referral::SimpleDate;
use crate::domain::submission_id::SubmissionId;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The visit being recorded: what the link worker typed, as typed, and what was checked.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct VisitDraft {
    pub reference: String,
    pub client: Option<ClientReference>,
    pub timepoint_code: String,
    pub other_day: String,
    pub other_month: String,
    pub other_year: String,
    pub timepoint: Option<Timepoint>,
    pub visit_date: Option<SimpleDate>,
    pub consent: bool,
    /// Typed-in baselines by [`record_key`] (`phq9`, or `ons4-happy` for an item), as typed.
    pub records: BTreeMap<String, String>,
    pub answers: BTreeMap<String, Answers>,
    pub notes: String,
    /// Set once the visit is sent (it is then in the outbox and the history).
    pub sent: Option<SubmissionId>,
}

/// The visit details once checked: who, when in their journey, and on what date.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VisitDetails {
    pub client: ClientReference,
    pub timepoint: Timepoint,
    pub date: SimpleDate,
}

/// The key of a typed-in baseline field: the instrument id for its total or metric score,
/// `<instrument>-<item>` for an item of a per-item instrument, `<instrument>-kind` for which
/// score the records give.
pub fn record_key(instrument: &str, part: &str) -> String {
    match part {
        "total" | "metric" => instrument.to_owned(),
        item => format!("{instrument}-{item}"),
    }
}

impl VisitDraft {
    /// A new visit, for a client already on this device or for a reference still to type.
    pub fn start(client: Option<ClientReference>) -> Self {
        VisitDraft {
            reference: client.map(String::from).unwrap_or_default(),
            ..VisitDraft::default()
        }
    }

    pub fn answers_to(&self, instrument: &str) -> Answers {
        self.answers.get(instrument).cloned().unwrap_or_default()
    }

    /// Keeps the checked details. For another client than before, nothing typed for the
    /// previous one is kept (baselines, answers, notes) and `true` is returned: the whole visit
    /// is then asked again.
    pub fn set_details(&mut self, details: VisitDetails) -> bool {
        let another = self.client.as_ref() != Some(&details.client);
        if another {
            self.records.clear();
            self.answers.clear();
            self.notes.clear();
        }
        self.client = Some(details.client);
        self.timepoint = Some(details.timepoint);
        self.visit_date = Some(details.date);
        another
    }

    /// What to keep for this visit on `page`, or `None` when there is nothing to keep (no visit
    /// under way there, or it has been sent).
    pub fn to_stored(&self, page: VisitPage, now_ms: u64) -> Option<StoredVisit> {
        if self.sent.is_some() {
            return None;
        }
        Some(StoredVisit {
            version: STORED_VISIT_VERSION,
            saved_at_ms: now_ms,
            page: page.code()?,
            reference: self.reference.clone(),
            client: self.client.clone(),
            timepoint_code: self.timepoint_code.clone(),
            other_day: self.other_day.clone(),
            other_month: self.other_month.clone(),
            other_year: self.other_year.clone(),
            consent: self.consent,
            records: self.records.clone(),
            answers: self
                .answers
                .iter()
                .map(|(k, a)| {
                    let pairs = a.in_pairs().map(|(i, v)| (i.to_owned(), v)).collect();
                    (k.clone(), pairs)
                })
                .collect(),
            notes: self.notes.clone(),
        })
    }

    /// A stored visit read back: what was typed, the client it was typed for, and the page it was
    /// on; `None` when it cannot be used (another version, older than `max_age_ms`, saved in the
    /// future, an answer that is not one of its instrument's, a page this deployment does not
    /// have). The details are not checked here: the caller checks them as "Continue" would, so
    /// a reference changed but not yet continued from still leaves the other client's answers.
    pub fn restore(
        s: StoredVisit,
        instruments: &[Instrument],
        now_ms: u64,
        max_age_ms: u64,
    ) -> Option<(Self, VisitPage)> {
        if s.version != STORED_VISIT_VERSION
            || s.saved_at_ms > now_ms
            || now_ms - s.saved_at_ms > max_age_ms
        {
            return None;
        }
        let mut answers = BTreeMap::new();
        for (id, pairs) in &s.answers {
            let inst = instruments.iter().find(|i| &i.id == id)?;
            let a = Answers::from_pairs(inst, pairs.iter().map(|(k, v)| (k.as_str(), *v))).ok()?;
            answers.insert(id.clone(), a);
        }
        let page = VisitPage::from_code(&s.page, instruments.len())?;
        // A visit stored without its client (before it had one, or by an earlier release) was
        // typed for the reference it holds.
        let client = s
            .client
            .or_else(|| ClientReference::parse(&s.reference, None).ok());
        let draft = VisitDraft {
            client,
            reference: s.reference,
            timepoint_code: s.timepoint_code,
            other_day: s.other_day,
            other_month: s.other_month,
            other_year: s.other_year,
            consent: s.consent,
            records: s.records,
            answers,
            notes: s.notes,
            ..VisitDraft::default()
        };
        Some((draft, page))
    }
}

/// The format of the stored visit.
pub const STORED_VISIT_VERSION: u32 = 1;

/// The stored form of a visit not yet sent: what the practitioner has typed so far, and the page
/// they were on.
#[derive(Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StoredVisit {
    pub version: u32,
    pub saved_at_ms: u64,
    /// `details`, `records`, `measure-<n>`, `notes` or `check`.
    pub page: String,
    pub reference: String,
    /// The client the answers were typed for: the reference as last continued from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub client: Option<ClientReference>,
    pub timepoint_code: String,
    pub other_day: String,
    pub other_month: String,
    pub other_year: String,
    pub consent: bool,
    pub records: BTreeMap<String, String>,
    pub answers: BTreeMap<String, BTreeMap<String, i64>>,
    pub notes: String,
}
