//! Delivering finished submissions: the outbox kept on the device, sending with the
//! Idempotency-Key, retries on a timer and when the browser comes back online, and where each
//! submission stands. Shared by every journey (self-referral, follow-up); the retry rules are in
//! `domain::outbox`.

use crate::domain::config::{Format, WidgetConfig};
#[cfg(feature = "fhir")]
use crate::domain::fhir::{self, FhirError};
use crate::domain::instrument::Instrument;
use crate::domain::outbox::{EntryState, JSON, Next, Outbox, OutboxOnDevice};
use crate::domain::payload::{Submission, SubmissionId};
use crate::platform::storage::{Slot, StorageError};
use crate::platform::{clock, document, events, http};
use leptos::prelude::*;
use std::time::Duration;

/// Where a submission stands, as the person is told.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Delivery {
    /// Being sent now (or about to be, for the first time).
    Sending,
    /// Not sent yet; kept on the device and retried (and sent on the next visit).
    Waiting,
    /// The intake refused it; it stays on the device.
    Refused,
    /// The intake has it.
    Sent,
}

/// One widget instance's outbox and its delivery. `Copy`: all handles.
#[derive(Clone, Copy)]
pub struct Courier {
    /// Submissions waiting on this device until the intake has them.
    pub outbox: RwSignal<Outbox>,
    /// Whether a delivery run is in progress.
    pub sending: RwSignal<bool>,
    config: StoredValue<WidgetConfig>,
    /// The FHIR Bundle names each measure's Questionnaire from its definition.
    #[cfg_attr(not(feature = "fhir"), allow(dead_code))]
    instruments: StoredValue<Vec<Instrument>>,
    slot: StoredValue<Slot, LocalStorage>,
    timer: StoredValue<Option<TimeoutHandle>>,
    host: StoredValue<Option<web_sys::HtmlElement>, LocalStorage>,
    /// Called when the outbox could not be written to the device.
    unsaved: StoredValue<Option<Callback<StorageError>>>,
}

impl Courier {
    /// Opens this instance's outbox. An unreadable stored outbox is never thrown away silently:
    /// its text is kept aside under `<key>-unreadable` and the integrator is told.
    pub fn new(
        config: StoredValue<WidgetConfig>,
        instruments: StoredValue<Vec<Instrument>>,
        host: Option<web_sys::HtmlElement>,
    ) -> Self {
        let instance = config.with_value(|c| c.instance.clone());
        let slot = Slot::open(&instance, "outbox");
        let stored = slot.load::<OutboxOnDevice>();
        let outbox = match stored.map(|o| o.map(Outbox::from_stored)) {
            Ok(None) => Outbox::new(),
            Ok(Some(Ok(outbox))) => outbox,
            Err(_) | Ok(Some(Err(_))) => {
                if slot.keep_aside() {
                    slot.clear();
                }
                document::integrator_error(
                    "the outbox stored on this device could not be read; it was kept aside under the key ending .outbox-unreadable",
                );
                Outbox::new()
            }
        };
        Courier {
            outbox: RwSignal::new(outbox),
            sending: RwSignal::new(false),
            config,
            instruments,
            slot: StoredValue::new_local(slot),
            timer: StoredValue::new(None),
            host: StoredValue::new_local(host),
            unsaved: StoredValue::new(None),
        }
    }

    /// What to do when the outbox cannot be written (the journey tells the person once).
    pub fn on_unsaved(&self, callback: Callback<StorageError>) {
        self.unsaved.set_value(Some(callback));
    }

    /// The storage key of the outbox (for `storage` events from other tabs).
    pub fn key(&self) -> String {
        self.slot.with_value(|s| s.key().to_owned())
    }

    fn save(&self) {
        let result = self.outbox.with_untracked(|o| {
            if o.is_empty() {
                self.slot.with_value(Slot::clear);
                Ok(())
            } else {
                self.slot.with_value(|s| s.save(o))
            }
        });
        if let (Err(e), Some(callback)) = (result, self.unsaved.get_value()) {
            callback.run(e);
        }
    }

    /// Writes `submission` as the body to send (native JSON, or a FHIR Bundle when the host
    /// asked for it), puts it in the outbox on the device, then sends it.
    pub fn send(&self, submission: Submission) {
        let (content_type, body) = self.body(&submission).unwrap_or_else(|_| {
            // Nothing is lost: the answers go as the native payload, and if the intake refuses
            // that, they stay on the device.
            document::integrator_error(
                "the submission could not be written as FHIR; it is sent as the native JSON payload",
            );
            (JSON, serde_json::to_string(&submission).expect("a submission always serialises"))
        });
        let id = submission.submission_id;
        self.outbox
            .update(|o| o.enqueue(id, content_type, body, clock::now_ms()));
        self.save();
        self.flush(true);
    }

    /// Where `id` stands (reactive).
    pub fn delivery(&self, id: &SubmissionId) -> Delivery {
        let sending = self.sending.get();
        self.outbox.with(|o| match o.get(id) {
            None => Delivery::Sent,
            Some(e) => match e.state {
                EntryState::Refused { .. } => Delivery::Refused,
                EntryState::Queued { .. } if sending || e.attempts == 0 => Delivery::Sending,
                EntryState::Queued { .. } => Delivery::Waiting,
            },
        })
    }

    /// Sends what is due in the outbox, one at a time, oldest first (`force`: everything queued,
    /// e.g. when the browser comes back online or the person presses "Try again"). Then
    /// schedules the next retry.
    pub fn flush(&self, force: bool) {
        if self.sending.get_untracked() {
            return;
        }
        let due = self
            .outbox
            .with_untracked(|o| o.due(clock::now_ms(), force));
        if due.is_empty() {
            self.schedule();
            return;
        }
        self.sending.set(true);
        let courier = *self;
        let endpoint = self.config.with_value(|c| c.endpoint.as_str().to_owned());
        let timeout = Duration::from_secs(self.config.with_value(|c| c.timeout_seconds.into()));
        leptos::task::spawn_local(async move {
            for id in due {
                let Some((content_type, body)) = courier.outbox.with_untracked(|o| {
                    o.get(&id).map(|e| (e.content_type.clone(), e.body.clone()))
                }) else {
                    continue;
                };
                let attempt =
                    http::post(&endpoint, &content_type, id.as_str(), &body, timeout).await;
                let next = courier.outbox.try_update(|o| {
                    o.record(&id, attempt, clock::now_ms(), js_sys::Math::random())
                });
                courier.save();
                let reference = id.reference().to_string();
                match next {
                    Some(Next::Done) => {
                        courier.emit(events::SUBMITTED, &[("reference", &reference)]);
                    }
                    Some(Next::GiveUp { status }) => {
                        let message = format!(
                            "the intake endpoint refused submission {id} with HTTP status {status}; it is kept on this device and will not be retried automatically"
                        );
                        document::integrator_error(&message);
                        courier.emit(
                            events::ERROR,
                            &[
                                ("code", "delivery-refused"),
                                ("reference", &reference),
                                ("status", &status.to_string()),
                            ],
                        );
                    }
                    _ => {}
                }
            }
            courier.sending.set(false);
            courier.schedule();
        });
    }

    /// The body to send for `submission` and its content type: the native JSON payload, or a
    /// FHIR R4 Bundle when the host asked for `data-format="fhir"`.
    #[cfg(feature = "fhir")]
    fn body(&self, submission: &Submission) -> Result<(&'static str, String), FhirError> {
        match self.config.with_value(|c| c.format) {
            Format::Native => Ok((
                JSON,
                serde_json::to_string(submission).expect("a submission always serialises"),
            )),
            Format::Fhir => {
                let base = self.config.with_value(|c| c.fhir_base.clone());
                let bundle = self
                    .instruments
                    .with_value(|all| fhir::bundle(submission, all, &base))?;
                Ok((
                    "application/fhir+json",
                    serde_json::to_string(&bundle).expect("a Bundle always serialises"),
                ))
            }
        }
    }

    /// The body to send: the patient and follow-up modules write only the native payload
    /// (`wellbeing.js` sends `data-format="fhir"` elements to the FHIR module).
    #[cfg(not(feature = "fhir"))]
    fn body(&self, submission: &Submission) -> Result<(&'static str, String), Format> {
        match self.config.with_value(|c| c.format) {
            Format::Native => Ok((
                JSON,
                serde_json::to_string(submission).expect("a submission always serialises"),
            )),
            other => Err(other),
        }
    }

    /// Dispatches a `wellbeing:*` event on the host element.
    fn emit(&self, name: &str, detail: &[(&str, &str)]) {
        self.host.with_value(|h| {
            if let Some(h) = h {
                events::emit(h, name, detail);
            }
        });
    }

    /// Sets a timer for the next queued retry.
    fn schedule(&self) {
        if let Some(t) = self.timer.get_value() {
            t.clear();
        }
        let Some(at) = self.outbox.with_untracked(Outbox::next_due_at) else {
            return;
        };
        let wait = at.saturating_sub(clock::now_ms());
        let courier = *self;
        let handle =
            set_timeout_with_handle(move || courier.flush(false), Duration::from_millis(wait)).ok();
        self.timer.set_value(handle);
    }

    /// "Try again": puts refused or waiting submissions back in the queue and sends now.
    pub fn retry_now(&self) {
        let now = clock::now_ms();
        self.outbox.update(|o| {
            let ids: Vec<SubmissionId> = o.entries.iter().map(|e| e.id.clone()).collect();
            for id in ids {
                o.retry_now(&id, now);
            }
        });
        self.save();
        self.flush(true);
    }

    /// Another tab changed this widget's outbox (e.g. delivered a submission).
    pub fn reload(&self, json: Option<String>) {
        let outbox = json
            .and_then(|j| Outbox::from_json(&j).ok())
            .unwrap_or_default();
        self.outbox.set(outbox);
    }

    /// Keeps delivering for as long as the calling component lives: sends what an earlier visit
    /// left in the outbox now, again whenever the browser comes back online, and follows another
    /// tab's changes to the outbox. A change another tab makes to the journey's own stored value
    /// (under `own_key`: its draft, or its visit history) goes to `on_own`.
    pub fn keep_delivering(&self, own_key: String, on_own: impl Fn(Option<String>) + 'static) {
        let courier = *self;
        courier.flush(true);
        let online = window_event_listener(leptos::ev::online, move |_| courier.flush(true));
        let outbox_key = courier.key();
        let storage = window_event_listener(leptos::ev::storage, move |e| match e.key() {
            Some(k) if k == own_key => on_own(e.new_value()),
            Some(k) if k == outbox_key => courier.reload(e.new_value()),
            _ => {}
        });
        on_cleanup(move || {
            online.remove();
            storage.remove();
        });
    }

    /// Removes every submission not yet delivered from the device; says whether there were any.
    pub fn discard_all(&self) -> bool {
        let unsent = self.outbox.with_untracked(|o| !o.is_empty());
        self.outbox.set(Outbox::new());
        self.save();
        unsent
    }
}
