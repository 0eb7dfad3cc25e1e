//! The state of one widget instance, and the actions its pages call. Rules live in `domain`;
//! this file only connects them to signals and to the browser adapters.

use crate::domain::config::WidgetConfig;
use crate::domain::draft::{Draft, DraftError, DraftOnDevice};
use crate::domain::instrument::{Instrument, Item};
use crate::domain::journey::{Journey, Step};
use crate::domain::payload::{Measure, Mode, SchemaVersion, Submission, SubmissionId};
use crate::domain::referral::{self, Field, NotReady, PageResult, ReferralAnswers, ReferralPage};
use crate::platform::storage::{Slot, StorageError};
use crate::platform::{clock, document};
use crate::ui::courier::Courier;
use crate::ui::ids::Ids;
use leptos::prelude::*;

/// An error shown in the summary and next to its field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldError {
    /// The DOM id of the field's first input (the summary links to it).
    pub field_id: String,
    pub message: String,
}

/// The message of the first error in `errors` on one of `field_ids`, if any: what a field shows
/// after the last Continue (reactive, and changes only when that message does).
pub fn error_of(
    errors: RwSignal<Vec<FieldError>>,
    field_ids: Vec<String>,
) -> Signal<Option<String>> {
    Memo::new(move |_| {
        errors.with(|e| {
            e.iter()
                .find(|e| field_ids.contains(&e.field_id))
                .map(|e| e.message.clone())
        })
    })
    .into()
}

/// One widget instance's state, shared with its pages through context. `Copy`: all handles.
#[derive(Clone, Copy)]
pub struct WidgetForm {
    pub config: StoredValue<WidgetConfig>,
    /// The measures asked, in order.
    pub instruments: StoredValue<Vec<Instrument>>,
    pub journey: StoredValue<Journey>,
    pub draft: RwSignal<Draft>,
    pub errors: RwSignal<Vec<FieldError>>,
    pub notice: RwSignal<Option<String>>,
    /// Offer "Continue where you left off" / "Start again" before showing the saved page.
    pub resume: RwSignal<bool>,
    /// Submissions waiting on this device until the intake has them, and their delivery.
    pub courier: Courier,
    /// The submission shown on the confirmation page.
    pub current: RwSignal<Option<SubmissionId>>,
    draft_slot: StoredValue<Slot, LocalStorage>,
    storage_warned: RwSignal<bool>,
}

impl WidgetForm {
    /// Creates the state, restoring what this device holds: the draft (if usable) and the
    /// outbox of submissions not yet delivered.
    pub fn new(
        config: WidgetConfig,
        instruments: Vec<Instrument>,
        host: Option<web_sys::HtmlElement>,
    ) -> Self {
        let journey = Journey {
            referral: true,
            questions: instruments.iter().map(|i| i.items.len()).collect(),
        };
        let draft_slot = Slot::open(&config.instance, "draft");
        let mut notices: Vec<String> = Vec::new();
        let max_age = config.draft_max_age_ms();
        let restored = match draft_slot.load::<DraftOnDevice>() {
            Ok(None) => Ok(Draft::new(clock::now_ms())),
            Ok(Some(stored)) => {
                Draft::restore(stored, &instruments, &journey, clock::now_ms(), max_age)
            }
            Err(_) => Err(DraftError::Corrupt),
        };
        // A draft that cannot be used is removed, and the person told why.
        let draft = restored.unwrap_or_else(|e| {
            draft_slot.clear();
            notices.push(e.to_string());
            Draft::new(clock::now_ms())
        });
        let storage_warned = !draft_slot.is_persistent();
        if storage_warned {
            notices.push(STORAGE_WARNING.to_owned());
        }
        let resume = draft.has_progress() && draft.step != Step::Start;
        let config = StoredValue::new(config);
        let instruments = StoredValue::new(instruments);
        let courier = Courier::new(config, instruments, host);
        let form = WidgetForm {
            config,
            instruments,
            journey: StoredValue::new(journey),
            draft: RwSignal::new(draft),
            errors: RwSignal::new(Vec::new()),
            notice: RwSignal::new((!notices.is_empty()).then(|| notices.join(" "))),
            resume: RwSignal::new(resume),
            courier,
            current: RwSignal::new(None),
            draft_slot: StoredValue::new_local(draft_slot),
            storage_warned: RwSignal::new(storage_warned),
        };
        courier.on_unsaved(Callback::new(move |e| form.warn_if_unsaved(Err(e))));
        form
    }

    /// This widget instance's DOM ids.
    pub fn ids(&self) -> Ids {
        self.config.with_value(|c| Ids::new(&c.instance))
    }

    /// The service's name as the person reads it: `data-organisation`, or "the wellbeing service".
    pub fn service_name(&self) -> String {
        self.config.with_value(|c| {
            c.organisation
                .clone()
                .unwrap_or_else(|| "the wellbeing service".to_owned())
        })
    }

    /// The DOM id of a self-referral field's input (of the first radio or checkbox of a group).
    pub fn field_id(&self, field: Field) -> String {
        self.ids().id(field.id())
    }

    /// The instrument and item at `measure`, `index`.
    pub fn item_at(&self, measure: usize, index: usize) -> Option<(Instrument, Item)> {
        self.instruments.with_value(|all| {
            let i = all.get(measure)?;
            Some((i.clone(), i.items.get(index)?.clone()))
        })
    }

    /// The total number of questions in the journey.
    pub fn question_count(&self) -> usize {
        self.journey.with_value(|j| j.questions.iter().sum())
    }

    fn save(&self) {
        self.draft
            .update_untracked(|d| d.saved_at_ms = clock::now_ms());
        let result = self
            .draft
            .with_untracked(|d| self.draft_slot.with_value(|s| s.save(d)));
        self.warn_if_unsaved(result);
    }

    /// Tells the person once that this browser is not keeping their answers.
    fn warn_if_unsaved(&self, result: Result<(), StorageError>) {
        if result.is_err() && !self.storage_warned.get_untracked() {
            self.storage_warned.set(true);
            self.notice.set(Some(STORAGE_WARNING.to_owned()));
        }
    }

    fn set_errors(&self, errors: Vec<FieldError>) {
        let any = !errors.is_empty();
        self.errors.set(errors);
        self.config
            .with_value(|c| document::set_error_title(&c.instance, any));
    }

    /// Shows `step`, saving where the person is and moving focus to the new heading.
    pub fn go(&self, step: Step) {
        self.set_errors(Vec::new());
        self.draft.update(|d| d.step = step);
        self.save();
        document::focus_soon(self.ids().heading_id());
    }

    /// "Start now" on the start page.
    pub fn start(&self) {
        self.notice.set(None);
        self.go(self.journey.with_value(Journey::first));
    }

    /// "Back" from the current page.
    pub fn back(&self) {
        let (step, changing) = self.draft.with_untracked(|d| (d.step, d.changing));
        if let Some(to) = self.journey.with_value(|j| j.back(step, changing)) {
            if !matches!(step, Step::UrgentHelp { .. }) {
                self.draft.update(|d| d.changing = false);
            }
            self.go(to);
        }
    }

    /// Records a self-referral answer as it is typed or chosen (and saves it on the device).
    pub fn edit_referral(&self, edit: impl FnOnce(&mut ReferralAnswers)) {
        self.draft.update(|d| edit(&mut d.referral));
        self.save();
    }

    /// Shows the problems found on the current page: in the summary (focused) and by each field.
    fn show_problems(&self, problems: Vec<referral::FieldError>) {
        self.set_errors(
            problems
                .into_iter()
                .map(|e| FieldError {
                    field_id: self.field_id(e.field),
                    message: e.message,
                })
                .collect(),
        );
        document::focus_soon(self.ids().error_summary_id());
    }

    /// "Continue" from a self-referral page: checks that page only, then moves on (or, under the
    /// minimum age, to the page that says who to contact instead).
    pub fn continue_referral(&self, part: ReferralPage) {
        let minimum_age = self.config.with_value(|c| c.minimum_age);
        let result = self
            .draft
            .with_untracked(|d| referral::validate(part, &d.referral, clock::today(), minimum_age));
        match result {
            PageResult::Ok => self.move_on(Step::Referral { part }),
            PageResult::TooYoung { .. } => {
                self.draft.update(|d| d.changing = false);
                self.go(Step::TooYoung);
            }
            PageResult::Errors(problems) => self.show_problems(problems),
        }
    }

    /// A "Change" link for a self-referral answer on check-your-answers: its page, with focus
    /// on the field.
    pub fn change_referral(&self, field: Field) {
        self.draft.update(|d| d.changing = true);
        self.go(Step::Referral { part: field.page() });
        document::focus_soon(self.field_id(field));
    }

    /// Records an answer as it is given (and saves it on the device).
    pub fn answer(&self, instrument: &Instrument, item_id: &str, value: i64) {
        let mut ok = false;
        self.draft
            .update(|d| ok = d.answer(instrument, item_id, value).is_ok());
        if ok {
            self.save();
        }
    }

    /// Whether the current answers raise a risk that the urgent-help page has not shown yet.
    fn unseen_risk(&self) -> Vec<String> {
        self.instruments
            .with_value(|all| self.draft.with_untracked(|d| d.unseen_risk(all)))
    }

    /// "Continue" from a question: validates, shows urgent help at once if an answer needs it,
    /// then moves on.
    pub fn continue_from(&self, measure: usize, index: usize) {
        let Some((instrument, item)) = self.item_at(measure, index) else {
            return;
        };
        if self
            .draft
            .with_untracked(|d| d.answers_to(&instrument.id).get(&item.id).is_none())
        {
            self.set_errors(vec![FieldError {
                field_id: self.ids().item_field_id(&instrument.id, &item.id),
                message: item.missing_message,
            }]);
            document::focus_soon(self.ids().error_summary_id());
            return;
        }
        self.leave_question(measure, index);
    }

    /// "Skip this question": leaves the item unanswered (the score then follows the
    /// instrument's missing-answer rule) and moves on.
    pub fn skip(&self, measure: usize, index: usize) {
        let Some((instrument, item)) = self.item_at(measure, index) else {
            return;
        };
        self.draft.update(|d| d.skip(&instrument, &item.id));
        // Skipping past an answer that disclosed a risk still shows urgent help first.
        self.leave_question(measure, index);
    }

    /// Leaves question `index` of `measure`: urgent help first if the answers now raise a risk
    /// the person has not been shown help for, otherwise the next page.
    fn leave_question(&self, measure: usize, index: usize) {
        let unseen = self.unseen_risk();
        if !unseen.is_empty() {
            self.draft.update(|d| d.risk_shown.extend(unseen));
            self.go(Step::UrgentHelp { measure, index });
            return;
        }
        self.move_on(Step::Question { measure, index });
    }

    /// "Continue" from the urgent-help page.
    pub fn continue_after_help(&self, measure: usize, index: usize) {
        self.move_on(Step::UrgentHelp { measure, index });
    }

    fn move_on(&self, from: Step) {
        let changing = self.draft.with_untracked(|d| d.changing);
        self.draft.update(|d| d.changing = false);
        self.go(self.journey.with_value(|j| j.next(from, changing)));
    }

    /// A "Change" link on check-your-answers.
    pub fn change(&self, measure: usize, index: usize) {
        self.draft.update(|d| d.changing = true);
        self.go(Step::Question { measure, index });
    }

    /// "Confirm and send": the submission goes into the outbox on the device first (the draft
    /// is then removed), and is sent from there with its Idempotency-Key. A second press does
    /// nothing: the page has already moved on.
    pub fn confirm(&self) {
        if self.draft.with_untracked(|d| d.step) != Step::Check {
            return;
        }
        let Ok(submission_id) = clock::new_submission_id() else {
            document::integrator_error(
                "this browser has no secure random numbers (crypto.getRandomValues)",
            );
            return;
        };
        let minimum_age = self.config.with_value(|c| c.minimum_age);
        let checked = self
            .draft
            .with_untracked(|d| referral::parse_all(&d.referral, clock::today(), minimum_age));
        let referral = match checked {
            Ok(r) => r,
            // Answers restored from an older draft, or a birthday that passed while the form
            // was open: back to the first page with a problem, then straight back here.
            Err(NotReady::TooYoung { .. }) => {
                self.go(Step::TooYoung);
                return;
            }
            Err(not_ready) => {
                let (part, problems) = not_ready.into_first_page();
                self.draft.update(|d| d.changing = true);
                self.go(Step::Referral { part });
                self.show_problems(problems);
                return;
            }
        };
        let (measures, risk) = self.instruments.with_value(|all| {
            self.draft.with_untracked(|d| {
                let measures = all
                    .iter()
                    .map(|i| Measure::new(i, &d.answers_to(&i.id)))
                    .collect();
                (measures, d.risk(all))
            })
        });
        let submission = Submission {
            schema_version: SchemaVersion,
            submission_id: submission_id.clone(),
            submitted_at: clock::now_timestamp(),
            mode: Mode::SelfReferral,
            referral: Some(referral),
            measures,
            risk,
        };
        self.draft_slot.with_value(Slot::clear);
        self.current.set(Some(submission_id));
        self.set_errors(Vec::new());
        self.draft.set(Draft {
            step: Step::Sent,
            ..Draft::new(clock::now_ms())
        });
        document::focus_soon(self.ids().heading_id());
        self.courier.send(submission);
    }

    /// Another tab wrote this widget's draft: keep both tabs' answers rather than letting one
    /// silently overwrite the other.
    pub fn merge_from_other_tab(&self, json: Option<String>) {
        let Some(json) = json else {
            // Another tab sent these answers, or the person cleared them there: this tab must not
            // keep showing (and could otherwise send or write back) what is gone from the device.
            if self
                .draft
                .with_untracked(|d| d.step != Step::Sent && d.has_progress())
            {
                self.set_errors(Vec::new());
                self.resume.set(false);
                self.draft.set(Draft::new(clock::now_ms()));
                self.notice.set(Some(
                    "Your answers were sent or cleared in another tab or window, so they are no longer shown here.".to_owned(),
                ));
                document::focus_soon(self.ids().heading_id());
            }
            return;
        };
        let other = self.instruments.with_value(|all| {
            let journey = self.journey.with_value(Clone::clone);
            Draft::from_json(&json, all, &journey, clock::now_ms(), u64::MAX).ok()
        });
        let Some(other) = other else { return };
        let mut changed = false;
        self.instruments.with_value(|all| {
            self.draft.update(|d| changed = d.merge_from(&other, all));
        });
        let ours_extra = self.draft.with_untracked(|d| d.answers != other.answers);
        if changed || ours_extra {
            self.notice.set(Some(
                "This form is also open in another tab or window. We have kept the answers from both.".to_owned(),
            ));
        }
        if ours_extra {
            self.save();
        }
    }

    /// The storage key of this widget's draft (for `storage` events from other tabs).
    pub fn draft_key(&self) -> String {
        self.draft_slot.with_value(|s| s.key().to_owned())
    }

    /// "Continue where you left off".
    pub fn resume(&self) {
        self.resume.set(false);
        document::focus_soon(self.ids().heading_id());
    }

    /// "Clear my answers" (and "Start again"): removes this person's answers from the device,
    /// including any not yet sent, and starts again.
    pub fn clear(&self) {
        self.draft_slot.with_value(Slot::clear);
        let unsent = self.courier.discard_all();
        self.current.set(None);
        self.resume.set(false);
        self.set_errors(Vec::new());
        self.draft.set(Draft::new(clock::now_ms()));
        self.notice.set(Some(
            if unsent {
                "Your answers have been cleared from this device, including answers that had not been sent."
            } else {
                "Your answers have been cleared from this device."
            }
            .to_owned(),
        ));
        document::focus_soon(self.ids().heading_id());
    }
}

const STORAGE_WARNING: &str = "This browser is not letting us save your answers on this device, so they will be lost if you leave this page.";
