//! Recording a visit: what each page's Continue checks and keeps, "Back", the change at a glance,
//! and sending the visit.

use super::{FollowUpState, MeasureGlance, Page, record_key};
use crate::domain::follow_up::{
    BaselineError, ClientReference, FollowUpContext, History, Notes, RecordedBaseline,
    RecordedScore, Timepoint, Visit, baseline_from_records, baseline_item_from_records,
    compared_parts, measures_with_changes, parse_visit_date, summarise,
};
use crate::domain::instrument::{Instrument, Scoring};
use crate::domain::payload::{Measure, Mode, SchemaVersion, Submission};
use crate::domain::referral::SimpleDate;
use crate::domain::scoring::{Risk, Score};
use crate::platform::{calendar, clock, document};
use crate::ui::state::FieldError;
use leptos::prelude::*;

impl FollowUpState {
    // -----------------------------------------------------------------------------------------
    // Visit details

    /// The instruments of this deployment that have a score to compare.
    fn scored_instruments(&self) -> Vec<Instrument> {
        self.instruments.with_value(|all| {
            all.iter()
                .filter(|i| !compared_parts(i).is_empty())
                .cloned()
                .collect()
        })
    }

    /// The scored measures with no baseline for the current client on this device (neither a
    /// visit nor one typed in before): the records page asks for them.
    pub fn missing_baselines(&self) -> Vec<Instrument> {
        let Some(client) = self.visit.with_untracked(|v| v.client.clone()) else {
            return Vec::new();
        };
        let history = self.history.get_untracked();
        self.scored_instruments()
            .into_iter()
            .filter(|i| history.baseline_for(&client, &i.id).is_none())
            .collect()
    }

    fn needs_records(&self) -> bool {
        self.visit.with_untracked(|v| v.timepoint) != Some(Timepoint::Baseline)
            && !self.missing_baselines().is_empty()
    }

    /// The visit details as typed, checked: the client, the timepoint and the visit's date, or
    /// the errors to show.
    pub(super) fn checked_details(
        &self,
    ) -> Result<(ClientReference, Timepoint, SimpleDate), Vec<FieldError>> {
        let pattern = self
            .config
            .with_value(|c| c.client_reference_pattern.clone());
        let today = calendar::today();
        let draft = self.visit.get_untracked();
        let mut errors = Vec::new();
        let client = match ClientReference::parse(&draft.reference, pattern.as_ref()) {
            Ok(c) => Some(c),
            Err(e) => {
                errors.push(FieldError {
                    field_id: self.id("client-reference"),
                    message: e.to_string(),
                });
                None
            }
        };
        let (timepoint, date) = match draft.timepoint_code.as_str() {
            "" => {
                errors.push(FieldError {
                    field_id: self.id("timepoint"),
                    message: "Select the timepoint of this visit".into(),
                });
                (None, None)
            }
            "other" => match parse_visit_date(
                &draft.other_day,
                &draft.other_month,
                &draft.other_year,
                today,
            ) {
                Ok(d) => (Some(Timepoint::Other { date: d }), Some(d)),
                Err(e) => {
                    errors.push(FieldError {
                        field_id: self.id("timepoint-other-day"),
                        message: e.to_string(),
                    });
                    (None, None)
                }
            },
            code => match Timepoint::from_code(code, None) {
                Ok(t) => (Some(t), Some(today)),
                Err(e) => {
                    errors.push(FieldError {
                        field_id: self.id("timepoint"),
                        message: e.to_string(),
                    });
                    (None, None)
                }
            },
        };
        if !draft.consent {
            errors.push(FieldError {
                field_id: self.id("consent"),
                message: "Confirm that the client agreed before you continue".into(),
            });
        }
        match (client, timepoint, date) {
            (Some(c), Some(t), Some(d)) if errors.is_empty() => Ok((c, t, d)),
            _ => Err(errors),
        }
    }

    /// "Continue" from the visit details.
    pub fn submit_details(&self) {
        let (client, timepoint, date) = match self.checked_details() {
            Ok(ok) => ok,
            Err(errors) => {
                self.set_errors(errors);
                return;
            }
        };
        let (client, timepoint, date) = (Some(client), Some(timepoint), Some(date));
        if self.visit.with_untracked(|v| v.client != client) {
            // Another client: the whole visit is asked again.
            self.changing.set(false);
        }
        self.visit.update(|v| {
            if v.client != client {
                // Another client: nothing typed for the previous one is kept.
                v.records.clear();
                v.answers.clear();
                v.notes.clear();
            }
            v.client = client;
            v.timepoint = timepoint;
            v.visit_date = date;
        });
        if self.needs_records() {
            // Baselines may be needed now (e.g. a follow-up timepoint chosen): ask for them first.
            self.go(Page::Records);
        } else {
            self.onward(Page::Measure(0));
        }
    }

    /// The typed-in baselines of the current visit, checked: `Ok` with the scores to keep, or
    /// the errors to show.
    fn typed_baselines(&self) -> Result<Vec<(String, Score)>, Vec<FieldError>> {
        let typed = self.visit.with_untracked(|v| v.records.clone());
        let mut out = Vec::new();
        let mut errors = Vec::new();
        for inst in self.missing_baselines() {
            if matches!(inst.scoring, Scoring::PerItem {}) {
                let mut items = Vec::new();
                for item in &inst.items {
                    let key = record_key(&inst.id, &item.id);
                    let text = typed.get(&key).map(String::as_str).unwrap_or("").trim();
                    if text.is_empty() {
                        continue;
                    }
                    match baseline_item_from_records(&inst, &item.id, text) {
                        Ok(s) => items.push(s),
                        Err(e) => errors.push(FieldError {
                            field_id: self.id(&format!("records-{key}")),
                            message: e.to_string(),
                        }),
                    }
                }
                if !items.is_empty() {
                    out.push((
                        inst.id.clone(),
                        Score {
                            total: None,
                            metric: None,
                            band: None,
                            subscales: Vec::new(),
                            items,
                        },
                    ));
                }
            } else {
                let key = record_key(&inst.id, "total");
                let kind_key = record_key(&inst.id, "kind");
                let text = typed.get(&key).map(String::as_str).unwrap_or("").trim();
                if text.is_empty() {
                    continue;
                }
                let kind = typed
                    .get(&kind_key)
                    .and_then(|c| RecordedScore::from_code(c));
                match baseline_from_records(&inst, kind, text) {
                    Ok(s) => out.push((inst.id.clone(), s)),
                    Err(e) => {
                        // "Which score is it?" is asked by its own radios.
                        let field = match e {
                            BaselineError::KindMissing { .. } => &kind_key,
                            _ => &key,
                        };
                        errors.push(FieldError {
                            field_id: self.id(&format!("records-{field}")),
                            message: e.to_string(),
                        });
                    }
                }
            }
        }
        if errors.is_empty() {
            Ok(out)
        } else {
            Err(errors)
        }
    }

    /// "Continue" from the baselines typed in from records (every field may be left empty).
    pub fn submit_records(&self) {
        match self.typed_baselines() {
            Ok(_) => self.onward(Page::Measure(0)),
            Err(e) => self.set_errors(e),
        }
    }

    // -----------------------------------------------------------------------------------------
    // Measures and notes

    pub fn measure_count(&self) -> usize {
        self.instruments.with_value(Vec::len)
    }

    pub fn instrument_at(&self, measure: usize) -> Option<Instrument> {
        self.instruments.with_value(|all| all.get(measure).cloned())
    }

    /// Records an answer as it is given.
    pub fn answer(&self, instrument: &Instrument, item: &str, value: i64) {
        self.visit.update(|v| {
            let _ = v
                .answers
                .entry(instrument.id.clone())
                .or_default()
                .set(instrument, item, value);
        });
        // An answer clears its own error.
        let field = self.item_field_id(&instrument.id, item);
        if self
            .errors
            .with_untracked(|e| e.iter().any(|e| e.field_id == field))
        {
            self.errors.update(|e| e.retain(|e| e.field_id != field));
        }
    }

    fn after_measure(&self, measure: usize) -> Page {
        if measure + 1 < self.measure_count() {
            Page::Measure(measure + 1)
        } else {
            Page::Notes
        }
    }

    /// "Continue" from a measure: every question answered, or the errors.
    pub fn submit_measure(&self, measure: usize) {
        let Some(inst) = self.instrument_at(measure) else {
            return;
        };
        let answers = self.visit.with_untracked(|v| v.answers_to(&inst.id));
        let errors: Vec<FieldError> = inst
            .items
            .iter()
            .filter(|i| answers.get(&i.id).is_none())
            .map(|i| FieldError {
                field_id: self.item_field_id(&inst.id, &i.id),
                message: i.missing_message.clone(),
            })
            .collect();
        if errors.is_empty() {
            self.onward(self.after_measure(measure));
        } else {
            self.set_errors(errors);
        }
    }

    /// "Continue without the unanswered questions" (the client preferred not to answer).
    pub fn skip_rest(&self, measure: usize) {
        self.onward(self.after_measure(measure));
    }

    /// "Continue" from the notes.
    pub fn submit_notes(&self) {
        let text = self.visit.with_untracked(|v| v.notes.clone());
        match Notes::parse(&text) {
            Ok(_) => self.go(Page::Check),
            Err(e) => self.set_errors(vec![FieldError {
                field_id: self.id("notes"),
                message: e.to_string(),
            }]),
        }
    }

    /// "Back" from the current page.
    pub fn back(&self) {
        let page = self.page.get_untracked();
        if self.changing.get_untracked()
            && matches!(
                page,
                Page::Details | Page::Records | Page::Measure(_) | Page::Notes
            )
        {
            self.go(Page::Check);
            return;
        }
        let to = match page {
            Page::Details | Page::Wipe | Page::Home | Page::Done => Page::Home,
            Page::Cancel => self.return_to.get_untracked(),
            Page::Records => Page::Details,
            Page::Measure(0) if self.needs_records() => Page::Records,
            Page::Measure(0) => Page::Details,
            Page::Measure(m) => Page::Measure(m - 1),
            Page::Notes => Page::Measure(self.measure_count().saturating_sub(1)),
            Page::Check => Page::Notes,
        };
        self.go(to);
    }

    // -----------------------------------------------------------------------------------------
    // Change at a glance and sending

    /// The visit as it would be kept (measures scored from the answers).
    fn visit_now(&self) -> Option<Visit> {
        let v = self.visit.get_untracked();
        let measures = self.instruments.with_value(|all| {
            all.iter()
                .map(|i| Measure::new(i, &v.answers_to(&i.id)))
                .collect()
        });
        Some(Visit {
            client: v.client?,
            timepoint: v.timepoint?,
            date: v.visit_date?,
            measures,
            consent_confirmed: v.consent,
            notes: Notes::parse(&v.notes).ok().flatten(),
        })
    }

    /// The history with this visit's typed-in baselines added (not kept until "Send").
    fn history_with_records(&self, client: &ClientReference) -> History {
        let mut h = self.history.get_untracked();
        for (instrument, score) in self.typed_baselines().unwrap_or_default() {
            h.record_baseline(RecordedBaseline {
                client: client.clone(),
                instrument,
                score,
                entered: calendar::today(),
            });
        }
        h
    }

    /// The change at a glance for the visit being recorded: for each scored measure, the
    /// client's baseline, the changes and the scores over time (this visit last). Only the
    /// current client's data.
    pub fn glance(&self) -> Vec<MeasureGlance> {
        let Some(visit) = self.visit_now() else {
            return Vec::new();
        };
        let history = self.history_with_records(&visit.client);
        self.scored_instruments()
            .into_iter()
            .map(|inst| {
                let now = visit.measure(&inst.id).and_then(|m| m.score.clone());
                let baseline = (visit.timepoint != Timepoint::Baseline)
                    .then(|| history.baseline_for(&visit.client, &inst.id))
                    .flatten();
                let summaries = match (&baseline, &now) {
                    (Some(b), Some(n)) => summarise(&inst, &b.score, n),
                    _ => Vec::new(),
                };
                let mut points = history.points_for(&visit.client, &inst.id);
                if let Some(n) = &now {
                    points.push((visit.timepoint, visit.date, n.clone()));
                }
                MeasureGlance {
                    instrument: inst,
                    baseline,
                    summaries,
                    points,
                    scored_now: now.is_some(),
                }
            })
            .collect()
    }

    /// "Send": the visit goes into the outbox on this device first (and into the history, with
    /// any baselines typed in), and is sent from there. A second press does nothing.
    pub fn send(&self) {
        if self.page.get_untracked() != Page::Check
            || self.visit.with_untracked(|v| v.sent.is_some())
        {
            return;
        }
        let Some(visit) = self.visit_now() else {
            self.go(Page::Details);
            return;
        };
        let Ok(submission_id) = clock::new_submission_id() else {
            document::integrator_error(
                "this browser has no secure random numbers (crypto.getRandomValues)",
            );
            return;
        };
        let glance = self.glance();
        let history = self.history_with_records(&visit.client);
        let (measures, risk) = self.instruments.with_value(|all| {
            let v = self.visit.get_untracked();
            let risk = Risk::assess(
                all.iter()
                    .map(|i| {
                        let a = v.answers.get(&i.id);
                        (i, a)
                    })
                    .filter_map(|(i, a)| Some((i, a?))),
            );
            (measures_with_changes(&history, &visit, all), risk)
        });
        let submission = Submission {
            schema_version: SchemaVersion,
            submission_id: submission_id.clone(),
            submitted_at: clock::now_timestamp(),
            mode: Mode::FollowUp(Box::new(FollowUpContext::of_visit(&visit))),
            referral: None,
            measures,
            risk,
        };
        self.history.set(history);
        self.history.update(|h| h.add(visit));
        self.save_history();
        self.sent_glance.set(glance);
        self.visit.update(|v| v.sent = Some(submission_id));
        self.go(Page::Done);
        self.courier.send(submission);
    }
}
