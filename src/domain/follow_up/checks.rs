//! What each page of a visit checks when the link worker presses "Continue", and the messages
//! shown (GOV.UK style, never repeating what was typed).

use super::{
    BaselineError, ClientReference, Notes, RecordedScore, ReferencePattern, Timepoint,
    VisitDetails, VisitDraft, baseline_from_records, baseline_item_from_records, parse_visit_date,
    record_key,
};
use crate::domain::instrument::{Answers, Instrument, Scoring};
use crate::domain::referral::SimpleDate;
use crate::domain::scoring::Score;
use thiserror::Error;

/// One input (or group of radios) of the follow-up that a problem is about.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum VisitField {
    ClientReference,
    Timepoint,
    /// The day box of the "other" timepoint's date (the first of its three boxes).
    OtherDay,
    Consent,
    /// A baseline typed in from the records, by [`record_key`].
    Record(String),
    /// An item of a measure: the group of its radios.
    Item {
        instrument: String,
        item: String,
    },
    Notes,
}

impl VisitField {
    /// The stable DOM id suffix of the input (for radios: of the first), where the error
    /// summary's link goes.
    pub fn id(&self) -> String {
        match self {
            Self::ClientReference => "client-reference".into(),
            Self::Timepoint => "timepoint".into(),
            Self::OtherDay => "timepoint-other-day".into(),
            Self::Consent => "consent".into(),
            Self::Record(key) => format!("records-{key}"),
            Self::Item { instrument, item } => format!("{instrument}-{item}"),
            Self::Notes => "notes".into(),
        }
    }
}

/// A problem with one field of the visit: shown next to it and in the error summary.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VisitProblem {
    pub field: VisitField,
    pub message: String,
}

impl VisitProblem {
    fn new(field: VisitField, message: impl ToString) -> Self {
        VisitProblem {
            field,
            message: message.to_string(),
        }
    }
}

/// The practitioner did not confirm the client's agreement.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Error)]
#[error("Confirm that the client agreed before you continue")]
pub struct ConsentMissing;

impl VisitDraft {
    /// The visit details as typed, checked: the client (against the deployment's reference
    /// `pattern`), the timepoint and the visit's date (today, or the date typed for another
    /// time, not after `today`), and the client's agreement.
    ///
    /// # Errors
    /// One [`VisitProblem`] per field refused, in page order.
    pub fn check_details(
        &self,
        pattern: Option<&ReferencePattern>,
        today: SimpleDate,
    ) -> Result<VisitDetails, Vec<VisitProblem>> {
        let mut problems = Vec::new();
        let client = ClientReference::parse(&self.reference, pattern)
            .map_err(|e| problems.push(VisitProblem::new(VisitField::ClientReference, e)))
            .ok();
        let when = match self.timepoint_code.as_str() {
            "other" => {
                parse_visit_date(&self.other_day, &self.other_month, &self.other_year, today)
                    .map(|date| (Timepoint::Other { date }, date))
                    .map_err(|e| VisitProblem::new(VisitField::OtherDay, e))
            }
            code => Timepoint::from_code(code, None)
                .map(|t| (t, today))
                .map_err(|e| VisitProblem::new(VisitField::Timepoint, e)),
        }
        .map_err(|p| problems.push(p))
        .ok();
        if !self.consent {
            problems.push(VisitProblem::new(VisitField::Consent, ConsentMissing));
        }
        match (client, when) {
            (Some(client), Some((timepoint, date))) if problems.is_empty() => Ok(VisitDetails {
                client,
                timepoint,
                date,
            }),
            _ => Err(problems),
        }
    }

    /// The baselines typed in from the records for the `missing` measures, checked: the scores
    /// to keep by instrument (every field may be left empty), or the problems.
    ///
    /// # Errors
    /// One [`VisitProblem`] per field refused.
    pub fn typed_baselines(
        &self,
        missing: &[Instrument],
    ) -> Result<Vec<(String, Score)>, Vec<VisitProblem>> {
        let typed = |key: &str| self.records.get(key).map_or("", |t| t.trim());
        let mut out = Vec::new();
        let mut problems = Vec::new();
        for inst in missing {
            if matches!(inst.scoring, Scoring::PerItem {}) {
                let mut items = Vec::new();
                for item in &inst.items {
                    let key = record_key(&inst.id, &item.id);
                    let text = typed(&key);
                    if text.is_empty() {
                        continue;
                    }
                    match baseline_item_from_records(inst, &item.id, text) {
                        Ok(s) => items.push(s),
                        Err(e) => problems.push(VisitProblem::new(VisitField::Record(key), e)),
                    }
                }
                if !items.is_empty() {
                    out.push((
                        inst.id.clone(),
                        Score {
                            items,
                            ..Score::default()
                        },
                    ));
                }
            } else {
                let key = record_key(&inst.id, "total");
                let kind_key = record_key(&inst.id, "kind");
                let text = typed(&key);
                if text.is_empty() {
                    continue;
                }
                let kind = self
                    .records
                    .get(&kind_key)
                    .and_then(|c| RecordedScore::from_code(c));
                match baseline_from_records(inst, kind, text) {
                    Ok(s) => out.push((inst.id.clone(), s)),
                    // "Which score is it?" is asked by its own radios.
                    Err(e @ BaselineError::KindMissing { .. }) => {
                        problems.push(VisitProblem::new(VisitField::Record(kind_key), e));
                    }
                    Err(e) => problems.push(VisitProblem::new(VisitField::Record(key), e)),
                }
            }
        }
        if problems.is_empty() {
            Ok(out)
        } else {
            Err(problems)
        }
    }

    /// The visit's notes, checked (empty notes are no notes).
    ///
    /// # Errors
    /// A [`VisitProblem`] on the notes when they are too long.
    pub fn check_notes(&self) -> Result<Option<Notes>, VisitProblem> {
        Notes::parse(&self.notes).map_err(|e| VisitProblem::new(VisitField::Notes, e))
    }
}

/// A measure's "Continue": every question answered, or one problem per question not answered
/// (with the instrument's own "Select…" message).
pub fn check_measure(instrument: &Instrument, answers: &Answers) -> Vec<VisitProblem> {
    instrument
        .items
        .iter()
        .filter(|i| answers.get(&i.id).is_none())
        .map(|i| {
            let field = VisitField::Item {
                instrument: instrument.id.clone(),
                item: i.id.clone(),
            };
            VisitProblem::new(field, &i.missing_message)
        })
        .collect()
}
