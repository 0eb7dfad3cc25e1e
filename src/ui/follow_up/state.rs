//! The state of one follow-up widget (a link worker's tablet), and the actions its pages call.
//! Rules live in `domain::follow_up`; this file connects them to signals and to the device.
//!
//! One client at a time: the visit being recorded ([`VisitDraft`]) holds only that client's
//! data, and the pages read the history only through it (`History::baseline_for`,
//! `History::points_for` for that client). "Finish visit" forgets the visit.

use crate::domain::config::WidgetConfig;
use crate::domain::follow_up::{
    ClientReference, History, MeasureGlance, StoredVisit, VisitDraft, VisitPage,
};
use crate::domain::instrument::Instrument;
use crate::platform::storage::Slot;
use crate::platform::{calendar, clock, document};
use crate::ui::components::field_parts::FieldBinding;
use crate::ui::courier::Courier;
use crate::ui::ids::Ids;
use crate::ui::state::FieldError;
use leptos::prelude::*;

mod visit;

/// One follow-up widget's state, shared with its pages through context. `Copy`: all handles.
#[derive(Clone, Copy)]
pub struct FollowUpState {
    pub config: StoredValue<WidgetConfig>,
    /// The deployment's measures, in order.
    pub instruments: StoredValue<Vec<Instrument>>,
    /// The outbox and delivery, shared with the self-referral.
    pub courier: Courier,
    /// Every visit kept on this device (all clients): never shown as such.
    pub history: RwSignal<History>,
    pub visit: RwSignal<VisitDraft>,
    pub page: RwSignal<VisitPage>,
    pub errors: RwSignal<Vec<FieldError>>,
    pub notice: RwSignal<Option<String>>,
    /// The change at a glance as it was when the visit was sent (for the "Done" page).
    pub sent_glance: RwSignal<Vec<MeasureGlance>>,
    /// The page "Cancel this visit?" goes back to.
    pub return_to: RwSignal<VisitPage>,
    /// A Change link on the check page led here: "Continue" goes straight back there.
    changing: RwSignal<bool>,
    history_slot: StoredValue<Slot, LocalStorage>,
    /// The visit being recorded, kept as it is typed (see `persist`).
    visit_slot: StoredValue<Slot, LocalStorage>,
}

const STORAGE_WARNING: &str = "This browser is not letting us keep visits on this device: earlier visits will not be available for comparison, and visits not yet sent are lost if this page is closed.";

impl FollowUpState {
    /// Opens this widget's history (dropping what is past the retention period) and outbox.
    pub fn new(
        config: WidgetConfig,
        instruments: Vec<Instrument>,
        host: Option<web_sys::HtmlElement>,
    ) -> Self {
        let instance = config.instance.clone();
        let retention = config.retention_days;
        let history_slot = Slot::open(&instance, "follow-up-history");
        history_slot.expire_aside(clock::now_ms(), config.draft_max_age_ms());
        let mut notices = Vec::new();
        let mut history = history_slot
            .load::<History>()
            .unwrap_or_else(|_| {
                if history_slot.keep_aside(clock::now_ms()) {
                    history_slot.clear();
                }
                document::integrator_error(
                    "the follow-up history stored on this device could not be read; it was kept aside under the key ending .follow-up-history-unreadable",
                );
                notices.push("Earlier visits stored on this device could not be read, so they are not used for comparison.".to_owned());
                None
            })
            .unwrap_or_default();
        if !history_slot.is_persistent() {
            notices.push(STORAGE_WARNING.to_owned());
        }
        let dropped = history.retain_recent(calendar::today(), retention) > 0;
        let dropped = history.keep_summaries_only() || dropped;
        let visit_slot = Slot::open(&instance, "follow-up-visit");
        let max_age = config.draft_max_age_ms();
        let restored = match visit_slot.load::<StoredVisit>() {
            Ok(None) => None,
            loaded => {
                let r = loaded
                    .ok()
                    .flatten()
                    .and_then(|s| VisitDraft::restore(s, &instruments, clock::now_ms(), max_age));
                if r.is_none() {
                    visit_slot.clear();
                    notices.push("A visit saved on this device could not be used (too old, or from another version), so it was removed.".to_owned());
                }
                r
            }
        };
        let config = StoredValue::new(config);
        let instruments = StoredValue::new(instruments);
        let courier = Courier::new(config, instruments, host);
        let state = FollowUpState {
            config,
            instruments,
            courier,
            history: RwSignal::new(history),
            visit: RwSignal::new(VisitDraft::default()),
            page: RwSignal::new(VisitPage::Home),
            errors: RwSignal::new(Vec::new()),
            notice: RwSignal::new((!notices.is_empty()).then(|| notices.join(" "))),
            sent_glance: RwSignal::new(Vec::new()),
            return_to: RwSignal::new(VisitPage::Home),
            changing: RwSignal::new(false),
            history_slot: StoredValue::new_local(history_slot),
            visit_slot: StoredValue::new_local(visit_slot),
        };
        if let Some((draft, page)) = restored {
            state.visit.set(draft);
            // The details are checked again as "Continue" would; a reference changed since the
            // answers were typed leaves none of them, and asks the details again.
            let page = match state.checked_details() {
                Ok(details) => match state.visit.try_update(|v| v.set_details(details)) {
                    Some(false) => page,
                    _ => VisitPage::Details,
                },
                Err(_) => VisitPage::Details,
            };
            state.page.set(page);
            state.notice.update(|n| {
                let restored = "The visit you had not finished has been restored from this device.";
                *n = Some(match n.take() {
                    Some(other) => format!("{other} {restored}"),
                    None => restored.to_owned(),
                });
            });
        }
        if dropped {
            state.save_history();
        }
        courier.on_unsaved(Callback::new(move |_| {
            state.notice.set(Some(STORAGE_WARNING.to_owned()));
        }));
        state
    }

    /// This widget instance's DOM ids.
    pub fn ids(&self) -> Ids {
        self.config.with_value(|c| Ids::new(&c.instance))
    }

    /// The storage key of this widget's visit history (for `storage` events from other tabs).
    pub fn history_key(&self) -> String {
        self.history_slot.with_value(|s| s.key().to_owned())
    }

    /// The binding of the field `wb-<instance>-<suffix>` (its inputs named by that id too).
    pub fn field(&self, suffix: &str) -> FieldBinding {
        let id = self.ids().id(suffix);
        FieldBinding::new(id.clone(), id, self.errors)
    }

    /// Keeps the visit being recorded on the device (or removes it once sent, finished or
    /// cancelled). Called whenever the visit or the page changes.
    pub fn persist(&self) {
        // While asking "Cancel this visit?", the visit is still kept (on the page it came from).
        let page = match self.page.get_untracked() {
            VisitPage::Cancel => self.return_to.get_untracked(),
            p => p,
        };
        let stored = self
            .visit
            .with_untracked(|v| v.to_stored(page, clock::now_ms()));
        let result = self.visit_slot.with_value(|slot| match stored {
            Some(s) => slot.save(&s),
            None => {
                slot.clear();
                Ok(())
            }
        });
        if result.is_err()
            && self
                .notice
                .with_untracked(|n| n.as_deref() != Some(STORAGE_WARNING))
        {
            self.notice.set(Some(STORAGE_WARNING.to_owned()));
        }
    }

    fn save_history(&self) {
        let result = self.history.with_untracked(|h| {
            if h.is_empty() {
                self.history_slot.with_value(Slot::clear);
                Ok(())
            } else {
                self.history_slot.with_value(|s| s.save(h))
            }
        });
        if result.is_err() {
            self.notice.set(Some(STORAGE_WARNING.to_owned()));
        }
    }

    /// Drops what is past the retention period (the widget may stay open for days on a tablet).
    pub fn apply_retention(&self) {
        let retention = self.config.with_value(|c| c.retention_days);
        let dropped = self
            .history
            .try_update(|h| h.retain_recent(calendar::today(), retention))
            .unwrap_or(0);
        if dropped > 0 {
            self.save_history();
        }
    }

    /// Another tab changed the history on this device.
    pub fn reload_history(&self, json: Option<String>) {
        let h = json
            .and_then(|j| serde_json::from_str::<History>(&j).ok())
            .unwrap_or_default();
        self.history.set(h);
    }

    fn set_errors(&self, errors: Vec<FieldError>) {
        let any = !errors.is_empty();
        self.errors.set(errors);
        self.config
            .with_value(|c| document::set_error_title(&c.instance, any));
        if any {
            document::focus_soon(self.ids().error_summary_id());
        }
    }

    /// Shows `page`, moving focus to its heading.
    pub fn go(&self, page: VisitPage) {
        self.set_errors(Vec::new());
        if page.ends_change() {
            self.changing.set(false);
        }
        self.page.set(page);
        document::focus_soon(self.ids().heading_id());
    }

    /// A "Change" link on the check page: `page`, from which "Continue" (and "Back") return to
    /// the check page.
    pub fn change(&self, page: VisitPage) {
        self.go(page);
        self.changing.set(true);
    }

    /// "Start a visit" (optionally for a client already on this device).
    pub fn start_visit(&self, client: Option<ClientReference>) {
        self.notice.set(None);
        self.sent_glance.set(Vec::new());
        self.visit.set(VisitDraft::start(client));
        self.go(VisitPage::Details);
    }

    /// "Finish visit" (or cancelling one): forgets the client from the screen.
    pub fn finish(&self) {
        let sent = self.visit.with_untracked(|v| v.sent.is_some());
        self.visit.set(VisitDraft::default());
        self.sent_glance.set(Vec::new());
        self.notice.set(Some(
            if sent {
                "Visit finished. The client's details are no longer on the screen."
            } else {
                "Visit cancelled. Nothing was sent or kept."
            }
            .to_owned(),
        ));
        self.go(VisitPage::Home);
    }

    /// "Cancel visit": asks first, as it throws the visit away.
    pub fn ask_cancel(&self) {
        let page = self.page.get_untracked();
        if page != VisitPage::Cancel {
            self.return_to.set(page);
        }
        self.go(VisitPage::Cancel);
    }

    /// "Remove all": every visit, typed-in baseline and unsent visit, from this device.
    pub fn wipe(&self) {
        let n = self.history.try_update(History::wipe).unwrap_or(0);
        self.save_history();
        self.history_slot.with_value(Slot::clear_aside);
        let unsent = self.courier.discard_all();
        self.visit.set(VisitDraft::default());
        self.sent_glance.set(Vec::new());
        self.notice.set(Some(
            if n > 0 || unsent {
                "All follow-up data has been removed from this device."
            } else {
                "There was no follow-up data on this device."
            }
            .to_owned(),
        ));
        self.go(VisitPage::Home);
    }
}
