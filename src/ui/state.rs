//! The state of one widget instance, and the actions its pages call. Rules live in `domain`;
//! this file only connects them to signals and to the browser adapters.

use crate::domain::config::WidgetConfig;
use crate::domain::draft::{DEFAULT_MAX_AGE_MS, Draft};
use crate::domain::instrument::{Instrument, Item};
use crate::domain::journey::{Journey, Step};
use crate::domain::payload::{Measure, Mode, Reference, SchemaVersion, Submission};
use crate::platform::{clock, document, http, storage::DraftStore};
use leptos::prelude::*;

/// An error shown in the summary and next to its field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldError {
    /// The DOM id of the field's first input (the summary links to it).
    pub field_id: String,
    pub message: String,
}

/// Where sending stands.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SendState {
    Idle,
    Sending,
    /// Not sent; the answers are still on the device. `retry` says whether trying again may help.
    Failed {
        retry: bool,
    },
}

/// One widget instance's state, shared with its pages through context. `Copy`: all handles.
#[derive(Clone, Copy)]
pub struct Form {
    pub config: StoredValue<WidgetConfig>,
    /// The measures asked, in order.
    pub instruments: StoredValue<Vec<Instrument>>,
    pub journey: StoredValue<Journey>,
    pub draft: RwSignal<Draft>,
    pub errors: RwSignal<Vec<FieldError>>,
    pub sending: RwSignal<SendState>,
    pub notice: RwSignal<Option<String>>,
    pub reference: RwSignal<Option<Reference>>,
    store: StoredValue<DraftStore, LocalStorage>,
    storage_warned: RwSignal<bool>,
}

impl Form {
    /// Creates the state, restoring the draft saved on this device if there is a usable one.
    pub fn new(config: WidgetConfig, instruments: Vec<Instrument>) -> Self {
        let journey = Journey {
            questions: instruments.iter().map(|i| i.items.len()).collect(),
        };
        let store = DraftStore::open(&config.instance);
        let mut notice = None;
        let draft = match store.load() {
            None => Draft::new(clock::now_ms()),
            Some(json) => match Draft::from_json(
                &json,
                &instruments,
                &journey,
                clock::now_ms(),
                DEFAULT_MAX_AGE_MS,
            ) {
                Ok(d) => d,
                Err(e) => {
                    store.clear();
                    notice = Some(e.to_string());
                    Draft::new(clock::now_ms())
                }
            },
        };
        let storage_warned = !store.is_persistent();
        if storage_warned {
            notice = Some(STORAGE_WARNING.to_owned());
        }
        Form {
            config: StoredValue::new(config),
            instruments: StoredValue::new(instruments),
            journey: StoredValue::new(journey),
            draft: RwSignal::new(draft),
            errors: RwSignal::new(Vec::new()),
            sending: RwSignal::new(SendState::Idle),
            notice: RwSignal::new(notice),
            reference: RwSignal::new(None),
            store: StoredValue::new_local(store),
            storage_warned: RwSignal::new(storage_warned),
        }
    }

    /// A DOM id unique to this widget instance.
    pub fn id(&self, suffix: &str) -> String {
        self.config
            .with_value(|c| format!("wb-{}-{suffix}", c.instance))
    }

    pub fn heading_id(&self) -> String {
        self.id("heading")
    }

    pub fn error_summary_id(&self) -> String {
        self.id("error-summary")
    }

    /// The id of the first radio of an item (the error summary links there).
    pub fn item_field_id(&self, instrument: &str, item: &str) -> String {
        self.id(&format!("{instrument}-{item}"))
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
        let json = self.draft.with_untracked(Draft::to_json);
        let result = self.store.with_value(|s| s.save(&json));
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
        document::focus_soon(self.heading_id());
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

    /// Records an answer as it is given (and saves it on the device).
    pub fn answer(&self, instrument: &Instrument, item_id: &str, value: i64) {
        let mut ok = false;
        self.draft.update(|d| {
            ok = d
                .answers
                .entry(instrument.id.clone())
                .or_default()
                .set(instrument, item_id, value)
                .is_ok();
            // Answering again below the risk threshold means the urgent page may show again later.
            let raised = d.risk(std::slice::from_ref(instrument)).reasons;
            let others: Vec<String> = instrument
                .risk
                .iter()
                .map(|r| r.reason.clone())
                .filter(|r| !raised.contains(r))
                .collect();
            d.risk_shown.retain(|r| !others.contains(r));
        });
        if ok {
            self.save();
        }
    }

    /// Whether the current answers raise a risk that the urgent-help page has not shown yet.
    fn unseen_risk(&self) -> Vec<String> {
        let risk = self
            .instruments
            .with_value(|all| self.draft.with_untracked(|d| d.risk(all)));
        self.draft.with_untracked(|d| {
            risk.reasons
                .into_iter()
                .filter(|r| !d.risk_shown.contains(r))
                .collect()
        })
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
                field_id: self.item_field_id(&instrument.id, &item.id),
                message: item.missing_message,
            }]);
            document::focus_soon(self.error_summary_id());
            return;
        }
        let unseen = self.unseen_risk();
        if !unseen.is_empty() {
            self.draft.update(|d| d.risk_shown.extend(unseen));
            self.go(Step::UrgentHelp { measure, index });
            return;
        }
        self.move_on(Step::Question { measure, index });
    }

    /// "Skip this question": leaves the item unanswered (the score then follows the
    /// instrument's missing-answer rule) and moves on.
    pub fn skip(&self, measure: usize, index: usize) {
        let Some((instrument, item)) = self.item_at(measure, index) else {
            return;
        };
        self.draft.update(|d| {
            if let Some(a) = d.answers.get_mut(&instrument.id) {
                a.clear(&item.id);
            }
        });
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

    /// "Confirm and send": builds the submission once (so every retry has the same id and
    /// Idempotency-Key), keeps it on the device, then sends it. A second press while sending
    /// does nothing.
    pub fn confirm(&self) {
        if self.sending.get_untracked() == SendState::Sending {
            return;
        }
        if self.draft.with_untracked(|d| d.pending.is_none()) {
            let Ok(submission_id) = clock::new_submission_id() else {
                self.sending.set(SendState::Failed { retry: false });
                return;
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
                submission_id,
                submitted_at: clock::now_timestamp(),
                mode: Mode::SelfReferral,
                measures,
                risk,
            };
            self.draft.update(|d| d.pending = Some(submission));
            self.save();
        }
        self.send();
    }

    /// Sends the pending submission, if any.
    pub fn send(&self) {
        let Some(submission) = self.draft.with_untracked(|d| d.pending.clone()) else {
            return;
        };
        if self.sending.get_untracked() == SendState::Sending {
            return;
        }
        self.sending.set(SendState::Sending);
        let form = *self;
        let endpoint = self.config.with_value(|c| c.endpoint.as_str().to_owned());
        leptos::task::spawn_local(async move {
            let body = serde_json::to_string(&submission).expect("a submission always serialises");
            let key = submission.submission_id.as_str().to_owned();
            match http::post_json(&endpoint, &key, &body).await {
                Ok(_) => {
                    form.store.with_value(DraftStore::clear);
                    form.reference
                        .set(Some(submission.submission_id.reference()));
                    form.sending.set(SendState::Idle);
                    form.draft.set(Draft {
                        step: Step::Sent,
                        ..Draft::new(clock::now_ms())
                    });
                    document::focus_soon(form.heading_id());
                }
                Err(e) => {
                    if let http::SendError::Refused(status) = e {
                        document::integrator_error(&format!(
                            "the intake endpoint refused submission {key} with HTTP status {status}; it stays on this device"
                        ));
                    }
                    form.sending.set(SendState::Failed {
                        retry: !matches!(e, http::SendError::Refused(_)),
                    });
                }
            }
        });
    }

    /// "Clear my answers": removes everything from this device and starts again.
    pub fn clear(&self) {
        self.store.with_value(DraftStore::clear);
        self.sending.set(SendState::Idle);
        self.reference.set(None);
        self.set_errors(Vec::new());
        self.draft.set(Draft::new(clock::now_ms()));
        self.notice.set(Some(
            "Your answers have been cleared from this device.".to_owned(),
        ));
        document::focus_soon(self.heading_id());
    }
}

const STORAGE_WARNING: &str = "This browser is not letting us save your answers on this device, so they will be lost if you leave this page.";
