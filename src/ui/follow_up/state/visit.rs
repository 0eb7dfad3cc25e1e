//! Recording a visit: each page's "Continue" and "Back", the change at a glance, and sending.
//! The rules are the domain's (`domain::follow_up`: journey, checks, glance); this file feeds
//! them the signals' values and shows what they answer.

use super::FollowUpState;
use crate::domain::follow_up::{
    MeasureGlance, VisitDetails, VisitPage, VisitProblem, VisitRoute, check_measure,
};
use crate::domain::instrument::Instrument;
use crate::domain::payload::Submission;
use crate::platform::{calendar, clock, document};
use crate::ui::state::FieldError;
use leptos::prelude::*;

impl FollowUpState {
    /// The visit's problems, as errors on this widget's fields.
    fn show_problems(&self, problems: Vec<VisitProblem>) {
        self.set_errors(
            problems
                .into_iter()
                .map(|p| FieldError {
                    field_id: self.ids().id(&p.field.id()),
                    message: p.message,
                })
                .collect(),
        );
    }

    /// The shape of the visit being recorded (reactive on the visit and the history).
    fn route(&self) -> VisitRoute {
        let history = self.history.read_untracked();
        self.instruments
            .with_value(|all| self.visit.with_untracked(|v| v.route(all, &history)))
    }

    /// Where "Continue" goes from `from`.
    fn onward(&self, from: VisitPage) {
        self.go(self.route().next(from, self.changing.get_untracked()));
    }

    /// The scored measures with no baseline for the current client on this device: the records
    /// page asks for them.
    pub fn missing_baselines(&self) -> Vec<Instrument> {
        let history = self.history.read_untracked();
        self.instruments.with_value(|all| {
            self.visit
                .with_untracked(|v| v.missing_baselines(all, &history))
        })
    }

    /// The visit details as typed, checked.
    pub(super) fn checked_details(&self) -> Result<VisitDetails, Vec<VisitProblem>> {
        let today = calendar::today();
        self.config.with_value(|c| {
            self.visit
                .with_untracked(|v| v.check_details(c.client_reference_pattern.as_ref(), today))
        })
    }

    /// "Continue" from the visit details.
    pub fn submit_details(&self) {
        match self.checked_details() {
            Ok(details) => {
                let another_client = self
                    .visit
                    .try_update(|v| v.set_details(details))
                    .unwrap_or(false);
                if another_client {
                    // Another client: the whole visit is asked again.
                    self.changing.set(false);
                }
                self.onward(VisitPage::Details);
            }
            Err(problems) => self.show_problems(problems),
        }
    }

    /// "Continue" from the baselines typed in from records (every field may be left empty).
    pub fn submit_records(&self) {
        let missing = self.missing_baselines();
        match self.visit.with_untracked(|v| v.typed_baselines(&missing)) {
            Ok(_) => self.onward(VisitPage::Records),
            Err(problems) => self.show_problems(problems),
        }
    }

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
        let field = self.ids().item_field_id(&instrument.id, item);
        if self
            .errors
            .with_untracked(|e| e.iter().any(|e| e.field_id == field))
        {
            self.errors.update(|e| e.retain(|e| e.field_id != field));
        }
    }

    /// "Continue" from a measure: every question answered, or the errors.
    pub fn submit_measure(&self, measure: usize) {
        let Some(inst) = self.instrument_at(measure) else {
            return;
        };
        let problems = self
            .visit
            .with_untracked(|v| check_measure(&inst, &v.answers_to(&inst.id)));
        if problems.is_empty() {
            self.onward(VisitPage::Measure(measure));
        } else {
            self.show_problems(problems);
        }
    }

    /// "Continue without the unanswered questions" (the client preferred not to answer).
    pub fn skip_rest(&self, measure: usize) {
        self.onward(VisitPage::Measure(measure));
    }

    /// "Continue" from the notes.
    pub fn submit_notes(&self) {
        match self.visit.with_untracked(|v| v.check_notes()) {
            Ok(_) => self.onward(VisitPage::Notes),
            Err(problem) => self.show_problems(vec![problem]),
        }
    }

    /// "Back" from the current page.
    pub fn back(&self) {
        let to = self.route().back(
            self.page.get_untracked(),
            self.changing.get_untracked(),
            self.return_to.get_untracked(),
        );
        self.go(to);
    }

    /// The change at a glance for the visit being recorded (only the current client's data).
    pub fn glance(&self) -> Vec<MeasureGlance> {
        let history = self.history.read_untracked();
        let today = calendar::today();
        self.instruments.with_value(|all| {
            self.visit
                .with_untracked(|v| v.glance(all, &history, today))
        })
    }

    /// "Send": the visit goes into the outbox on this device first (and into the history, with
    /// any baselines typed in), and is sent from there. A second press does nothing.
    pub fn send(&self) {
        if self.page.get_untracked() != VisitPage::Check
            || self.visit.with_untracked(|v| v.sent.is_some())
        {
            return;
        }
        let today = calendar::today();
        let sent = {
            let history = self.history.read_untracked();
            self.instruments
                .with_value(|all| self.visit.with_untracked(|v| v.send(all, &history, today)))
        };
        let Some(sent) = sent else {
            self.go(VisitPage::Details);
            return;
        };
        let Ok(submission_id) = clock::new_submission_id() else {
            document::integrator_error(
                "this browser has no secure random numbers (crypto.getRandomValues)",
            );
            return;
        };
        let submission = Submission::follow_up(
            submission_id.clone(),
            clock::now_timestamp(),
            sent.context,
            sent.measures,
            sent.risk,
        );
        self.history.set(sent.history);
        self.save_history();
        self.sent_glance.set(sent.glance);
        self.visit.update(|v| v.sent = Some(submission_id));
        self.go(VisitPage::Done);
        self.courier.send(submission);
    }
}
