//! Delivering finished submissions: the outbox kept on the device, sending with the
//! Idempotency-Key, retries on a timer and when the browser comes back online, and where each
//! submission stands. Shared by every journey (self-referral, follow-up); the retry rules are in
//! `domain::outbox`.

use crate::domain::config::{Format, WidgetConfig};
#[cfg(feature = "fhir")]
use crate::domain::fhir::{self, FhirError};
use crate::domain::instrument::Instrument;
use crate::domain::outbox::{Entry, EntryState, JSON, Next, Outbox, OutboxOnDevice};
use crate::domain::payload::{Submission, SubmissionId};
use crate::platform::broadcast::Channel;
use crate::platform::storage::{Slot, StorageError};
use crate::platform::{clock, document, events, http, locks};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};
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
    /// Not on this device, and not known here to have been sent (e.g. removed in another tab).
    Unknown,
}

/// How a submission left the outbox: what one tab tells the others (ids only), so each can say
/// where a submission it showed stands. Nothing of it is stored.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
enum Outcome {
    /// The intake confirmed it has it.
    Delivered,
    /// The person removed it from the device.
    Removed,
}

/// The message on the outbox's broadcast channel.
#[derive(Serialize, Deserialize)]
struct Settled {
    outcome: Outcome,
    ids: Vec<SubmissionId>,
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
    /// Submissions this tab queued but could not write to the device yet.
    not_stored: StoredValue<Vec<Entry>>,
    /// This tab's changes not yet written to the device (each is written in turn, under the
    /// lock; the last one to be written gives this tab's outbox).
    pending: StoredValue<u32>,
    /// Submissions that left the outbox while this tab was open, and how (this tab's own
    /// deliveries and removals, and those the other tabs told it of).
    settled: RwSignal<Vec<(SubmissionId, Outcome)>>,
    /// The channel to this widget's other tabs.
    channel: StoredValue<Option<Channel>, LocalStorage>,
}

impl Courier {
    /// Opens this instance's outbox (see [`read_stored`]), first dropping an unreadable copy kept
    /// aside longer than a draft is kept.
    pub fn new(
        config: StoredValue<WidgetConfig>,
        instruments: StoredValue<Vec<Instrument>>,
        host: Option<web_sys::HtmlElement>,
    ) -> Self {
        let instance = config.with_value(|c| c.instance.clone());
        let slot = Slot::open(&instance, "outbox");
        slot.expire_aside(
            clock::now_ms(),
            config.with_value(WidgetConfig::draft_max_age_ms),
        );
        let outbox = read_stored(&slot);
        Courier {
            outbox: RwSignal::new(outbox),
            sending: RwSignal::new(false),
            config,
            instruments,
            slot: StoredValue::new_local(slot),
            timer: StoredValue::new(None),
            host: StoredValue::new_local(host),
            unsaved: StoredValue::new(None),
            not_stored: StoredValue::new(Vec::new()),
            pending: StoredValue::new(0),
            settled: RwSignal::new(Vec::new()),
            channel: StoredValue::new_local(None),
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

    /// Changes the outbox: at once in this tab, then on the device, where the same change is
    /// applied to what is stored there now (another tab may have written it since), under a
    /// lock shared by every tab. So no tab's write drops another tab's submission, and a
    /// submission leaves the device only by a confirmed delivery or the person's removal.
    fn change<R>(&self, op: impl Fn(&mut Outbox) -> R + 'static) -> Option<R> {
        let result = self.outbox.try_update(&op);
        if !self.slot.with_value(Slot::is_persistent) {
            self.report_unsaved(StorageError::Unavailable);
            return result;
        }
        let courier = *self;
        let key = self.key();
        self.pending.update_value(|n| *n += 1);
        leptos::task::spawn_local(async move {
            let written = locks::exclusive(&key, move || {
                courier.pending.update_value(|n| *n = n.saturating_sub(1));
                let mut stored = courier.slot.with_value(read_stored);
                stored.absorb(&courier.not_stored.get_value());
                op(&mut stored);
                courier.forget_settled(&mut stored);
                let written = courier.slot.with_value(|s| {
                    if stored.is_empty() {
                        s.clear();
                        Ok(())
                    } else {
                        s.save(&stored)
                    }
                });
                // Written: what this tab queued is on the device. Once its last change is written,
                // this tab holds what is stored (it may hold other tabs' submissions, due sooner).
                // Not written: this tab keeps what it holds, and what it queued stays to be
                // written with its next change.
                if written.is_ok() {
                    courier.not_stored.set_value(Vec::new());
                    if courier.pending.get_value() == 0 {
                        courier.outbox.set(stored);
                        courier.schedule();
                    }
                }
                written
            })
            .await;
            if let Err(e) = written {
                courier.report_unsaved(e);
            }
        });
        result
    }

    /// Remembers how submissions left the outbox, and tells the other tabs.
    fn settle(&self, outcome: Outcome, ids: Vec<SubmissionId>) {
        if ids.is_empty() {
            return;
        }
        if let Ok(message) = serde_json::to_string(&Settled {
            outcome,
            ids: ids.clone(),
        }) {
            self.channel.with_value(|c| {
                if let Some(c) = c {
                    c.post(&message);
                }
            });
        }
        self.remember(outcome, ids);
    }

    /// Remembers how submissions left the outbox (here, or in another tab that said so).
    fn remember(&self, outcome: Outcome, ids: Vec<SubmissionId>) {
        self.settled
            .update(|s| s.extend(ids.into_iter().map(|id| (id, outcome))));
    }

    fn report_unsaved(&self, e: StorageError) {
        if let Some(callback) = self.unsaved.get_value() {
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
        let entry = Entry::queued(
            submission.submission_id,
            content_type,
            body,
            clock::now_ms(),
        );
        // Until it is written, a change another tab makes must not drop it from this tab.
        self.not_stored.update_value(|v| v.push(entry.clone()));
        self.change(move |o| o.absorb(std::slice::from_ref(&entry)));
        self.flush(true);
    }

    /// Where `id` stands (reactive).
    pub fn delivery(&self, id: &SubmissionId) -> Delivery {
        let sending = self.sending.get();
        let waiting = self.outbox.with(|o| {
            o.get(id).map(|e| match e.state {
                EntryState::Refused { .. } => Delivery::Refused,
                EntryState::Queued { .. } if sending || e.attempts == 0 => Delivery::Sending,
                EntryState::Queued { .. } => Delivery::Waiting,
            })
        });
        waiting.unwrap_or_else(|| {
            self.settled
                .with(|s| match s.iter().rev().find(|(i, _)| i == id) {
                    Some((_, Outcome::Delivered)) => Delivery::Sent,
                    _ => Delivery::Unknown,
                })
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
                let (now, jitter) = (clock::now_ms(), js_sys::Math::random());
                let recorded = id.clone();
                let next = courier.change(move |o| o.record(&recorded, attempt, now, jitter));
                let reference = id.reference().to_string();
                match next {
                    Some(Next::Done) => {
                        courier.settle(Outcome::Delivered, vec![id.clone()]);
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
        self.change(move |o| {
            let ids: Vec<SubmissionId> = o.entries.iter().map(|e| e.id.clone()).collect();
            for id in ids {
                o.retry_now(&id, now);
            }
        });
        self.flush(true);
    }

    /// Another tab changed this widget's outbox (delivered, queued or removed submissions):
    /// this tab follows what is stored, keeping what it has not managed to store itself. An
    /// unreadable value is left for the next change to deal with.
    pub fn reload(&self, json: Option<String>) {
        let mut stored = match json.map(|j| Outbox::from_json(&j)) {
            None => Outbox::new(),
            Some(Ok(o)) => o,
            Some(Err(_)) => return,
        };
        // A change of this tab's own is about to be written, from what is stored then.
        if self.pending.get_value() > 0 {
            return;
        }
        stored.absorb(&self.not_stored.get_value());
        self.forget_settled(&mut stored);
        self.outbox.set(stored);
    }

    /// Drops from `outbox` what this tab knows has been delivered or removed.
    fn forget_settled(&self, outbox: &mut Outbox) {
        self.settled
            .with_untracked(|s| outbox.forget(|id| s.iter().any(|(i, _)| i == id)));
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
        let channel = Channel::listen(&outbox_key, move |text| {
            if let Ok(Settled { outcome, ids }) = serde_json::from_str(&text) {
                courier.remember(outcome, ids);
            }
        });
        self.channel.set_value(channel);
        let storage = window_event_listener(leptos::ev::storage, move |e| match e.key() {
            Some(k) if k == own_key => on_own(e.new_value()),
            Some(k) if k == outbox_key => courier.reload(e.new_value()),
            _ => {}
        });
        on_cleanup(move || {
            online.remove();
            storage.remove();
            courier.channel.with_value(|c| {
                if let Some(c) = c {
                    c.stop();
                }
            });
        });
    }

    /// Removes every submission not yet delivered from the device (in every tab), and any copy
    /// of an unreadable outbox kept aside; says whether there were any.
    pub fn discard_all(&self) -> bool {
        self.slot.with_value(Slot::clear_aside);
        let removed = self.change(Outbox::remove_all).unwrap_or_default();
        let any = !removed.is_empty();
        self.settle(Outcome::Removed, removed);
        any
    }
}

/// The outbox stored on the device, or a new one. An unreadable stored outbox is never thrown
/// away silently: its text is kept aside under `<key>-unreadable` and the integrator is told.
fn read_stored(slot: &Slot) -> Outbox {
    match slot
        .load::<OutboxOnDevice>()
        .map(|o| o.map(Outbox::from_stored))
    {
        Ok(None) => Outbox::new(),
        Ok(Some(Ok(outbox))) => outbox,
        Err(_) | Ok(Some(Err(_))) => {
            if slot.keep_aside(clock::now_ms()) {
                slot.clear();
            }
            document::integrator_error(
                "the outbox stored on this device could not be read; it was kept aside under the key ending .outbox-unreadable",
            );
            Outbox::new()
        }
    }
}
