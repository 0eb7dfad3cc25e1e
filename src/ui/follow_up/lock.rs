//! The staff lock of a shared tablet: which lock screen shows (if any), the passcode record on
//! the device, and the idle watch. While a lock screen shows, none of the follow-up's pages is
//! in the document, so nothing of a client can be read or reached. The rules (passcode, waits,
//! idle time) are in `domain::follow_up::lock`; the hashing is the browser's (`platform::passcode`).

use crate::domain::follow_up::{
    IdlePolicy, LockRecord, PBKDF2_ITERATIONS, PasscodeError, PasscodeField, check_new_passcode,
    wait_message,
};
use crate::platform::passcode::{self, CryptoError};
use crate::platform::storage::Slot;
use crate::platform::{clock, document};
use crate::ui::components::field_parts::FieldBinding;
use crate::ui::follow_up::state::FollowUpState;
use crate::ui::ids::Ids;
use crate::ui::state::FieldError;
use leptos::prelude::*;
use std::time::Duration;
use wasm_bindgen_futures::JsFuture;

/// What the follow-up shows, as far as the lock is concerned.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Screen {
    /// No passcode on this device yet: "Set a passcode".
    Setup,
    /// "The follow-up is locked": the passcode opens it.
    Locked,
    /// "Forgot your passcode?": what "Remove all" would remove.
    Forgot,
    /// Delivering the visits not yet sent, before removing everything.
    Sending,
    /// Some visits could not be delivered: removing now would lose them.
    NotSent(usize),
    /// The follow-up's own pages.
    Open,
}

/// The lock of one follow-up widget. `Copy`: all handles.
#[derive(Clone, Copy)]
pub struct StaffLock {
    pub screen: RwSignal<Screen>,
    /// A passcode is being hashed (the button waits).
    pub busy: RwSignal<bool>,
    pub errors: RwSignal<Vec<FieldError>>,
    /// A message above a lock screen ("Passcode set", everything removed).
    pub message: RwSignal<Option<String>>,
    pub idle: IdlePolicy,
    pub minutes: u32,
    /// `None`: no passcode set. `Some(Err)`: a stored record this build cannot check.
    record: StoredValue<Option<Result<LockRecord, ()>>>,
    slot: StoredValue<Slot, LocalStorage>,
    last_use_ms: StoredValue<u64>,
    timer: StoredValue<Option<TimeoutHandle>>,
    instance: StoredValue<String>,
}

/// The id of a lock page's passcode box (`passcode`, `passcode-again`, `unlock`).
pub fn field_id(lock: &StaffLock, suffix: &str) -> String {
    lock.ids().id(suffix)
}

impl StaffLock {
    /// Opens the lock record of widget `instance`: locked if a passcode is set (so a reload
    /// starts locked), otherwise asking for one.
    pub fn new(instance: &str, minutes: u32) -> Self {
        let slot = Slot::open(instance, "follow-up-lock");
        let record = match slot.load::<LockRecord>() {
            Ok(None) => None,
            Ok(Some(r)) if r.parts().is_ok() => Some(Ok(r)),
            // Unreadable or unusable: the tablet stays locked; "Forgot your passcode?" still works.
            _ => Some(Err(())),
        };
        let screen = if record.is_some() {
            Screen::Locked
        } else {
            Screen::Setup
        };
        StaffLock {
            screen: RwSignal::new(screen),
            busy: RwSignal::new(false),
            errors: RwSignal::new(Vec::new()),
            message: RwSignal::new(None),
            idle: IdlePolicy::from_minutes(minutes),
            minutes,
            record: StoredValue::new(record),
            slot: StoredValue::new_local(slot),
            last_use_ms: StoredValue::new(clock::now_ms()),
            timer: StoredValue::new(None),
            instance: StoredValue::new(instance.to_owned()),
        }
    }

    pub fn is_open(&self) -> bool {
        self.screen.get() == Screen::Open
    }

    /// The lock pages' DOM ids: `wb-<instance>-lock-…`, apart from the visit's pages.
    pub fn ids(&self) -> Ids {
        self.instance.with_value(|i| Ids::new(&format!("{i}-lock")))
    }

    /// The binding of the passcode box `suffix`.
    pub fn field(&self, suffix: &str) -> FieldBinding {
        let id = field_id(self, suffix);
        FieldBinding::new(id.clone(), id, self.errors)
    }

    fn set_errors(&self, errors: Vec<FieldError>) {
        let any = !errors.is_empty();
        self.errors.set(errors);
        self.instance
            .with_value(|i| document::set_error_title(i, any));
        if any {
            document::focus_soon(self.ids().error_summary_id());
        }
    }

    fn error(&self, field: &str, message: impl Into<String>) {
        self.set_errors(vec![FieldError {
            field_id: field_id(self, field),
            message: message.into(),
        }]);
    }

    /// Shows `screen`, with focus on its heading.
    pub fn show(&self, screen: Screen) {
        self.set_errors(Vec::new());
        self.screen.set(screen);
        document::focus_soon(self.ids().heading_id());
    }

    /// Watches for use (touch, click, key press) while the follow-up is open, and locks it after
    /// the idle time; also when the page comes back into view after being hidden that long
    /// (timers are slowed down while a page is hidden). Lives as long as the calling component.
    pub fn watch(&self) {
        let lock = *self;
        // A touch after the idle time (a timer held back while the tablet slept) locks rather
        // than counting as use.
        let used = move |_: web_sys::Event| {
            if lock.screen.get_untracked() != Screen::Open {
                return;
            }
            let now = clock::now_ms();
            if lock.idle.is_idle(lock.last_use_ms.get_value(), now) {
                lock.lock();
            } else {
                lock.last_use_ms.set_value(now);
            }
        };
        let handles = ["pointerdown", "keydown", "touchstart", "wheel"]
            .map(|name| window_event_listener_untyped(name, used));
        let shown = ["visibilitychange", "pageshow", "focus"]
            .map(|name| window_event_listener_untyped(name, move |_| lock.check()));
        on_cleanup(move || {
            for h in handles.into_iter().chain(shown) {
                h.remove();
            }
            if let Some(t) = lock.timer.get_value() {
                t.clear();
            }
        });
        self.schedule();
    }

    /// Locks if the idle time has passed; otherwise checks again when it would have.
    fn check(&self) {
        if self.screen.get_untracked() != Screen::Open {
            return;
        }
        let last = self.last_use_ms.get_value();
        if self.idle.is_idle(last, clock::now_ms()) {
            self.lock();
        } else {
            self.schedule();
        }
    }

    fn schedule(&self) {
        if let Some(t) = self.timer.get_value() {
            t.clear();
        }
        if self.screen.get_untracked() != Screen::Open {
            return;
        }
        let wait = self
            .idle
            .remaining_ms(self.last_use_ms.get_value(), clock::now_ms());
        let lock = *self;
        let handle =
            set_timeout_with_handle(move || lock.check(), Duration::from_millis(wait.max(250)))
                .ok();
        self.timer.set_value(handle);
    }

    /// Hides everything behind the lock screen.
    pub fn lock(&self) {
        if self.screen.get_untracked() == Screen::Open {
            self.message.set(None);
            self.show(Screen::Locked);
        }
    }

    /// Back to the follow-up's pages, where the link worker was.
    fn open(&self, state: FollowUpState) {
        self.last_use_ms.set_value(clock::now_ms());
        self.set_errors(Vec::new());
        self.screen.set(Screen::Open);
        let page_errors = state.errors.with_untracked(|e| !e.is_empty());
        self.instance
            .with_value(|i| document::set_error_title(i, page_errors));
        document::focus_soon(state.ids().heading_id());
        self.schedule();
    }

    fn save(&self) {
        // A browser that keeps nothing keeps the lock in memory for this page only, like the
        // visits themselves (the follow-up already says so).
        self.record.with_value(|r| {
            if let Some(Ok(r)) = r {
                let _ = self.slot.with_value(|s| s.save(r));
            }
        });
    }

    fn crypto_failed(&self, field: &str, e: CryptoError) {
        document::integrator_error(&format!("the staff lock cannot work: {e}"));
        self.error(
            field,
            match e {
                CryptoError::Unavailable => {
                    "This page cannot use a passcode because it was not opened at a secure (https) address. Tell the service's website team"
                }
                CryptoError::Failed => "This browser could not check the passcode. Try again",
            },
        );
    }

    /// "Set passcode": checks the two boxes, then keeps only the passcode's hash.
    pub fn set_passcode(&self, state: FollowUpState, passcode: String, again: String) {
        if self.busy.get_untracked() {
            return;
        }
        let problems = check_new_passcode(&passcode, &again);
        if !problems.is_empty() {
            self.set_errors(
                problems
                    .into_iter()
                    .map(|(field, e)| FieldError {
                        field_id: field_id(
                            self,
                            match field {
                                PasscodeField::Passcode => "passcode",
                                PasscodeField::Again => "passcode-again",
                            },
                        ),
                        message: e.to_string(),
                    })
                    .collect(),
            );
            return;
        }
        let lock = *self;
        self.busy.set(true);
        leptos::task::spawn_local(async move {
            let made = async {
                let salt = passcode::new_salt()?;
                let hash = passcode::derive(&passcode, &salt, PBKDF2_ITERATIONS).await?;
                Ok::<_, CryptoError>(LockRecord::new(&salt, &hash, PBKDF2_ITERATIONS))
            }
            .await;
            lock.busy.set(false);
            match made {
                Ok(record) => {
                    lock.record.set_value(Some(Ok(record)));
                    lock.save();
                    lock.message.set(None);
                    state.notice.set(Some(format!(
                        "Passcode set. The follow-up locks after {} without use.",
                        minutes_text(lock.minutes)
                    )));
                    lock.open(state);
                }
                Err(e) => lock.crypto_failed("passcode", e),
            }
        });
    }

    /// "Unlock": the passcode is hashed as it was when set and compared; a few wrong tries make
    /// the next one wait, even across a reload.
    pub fn unlock(&self, state: FollowUpState, passcode: String) {
        if self.busy.get_untracked() {
            return;
        }
        if passcode.is_empty() {
            self.error("unlock", PasscodeError::UnlockEmpty.to_string());
            return;
        }
        // What is stored now: another tab's wrong tries count here too.
        if let Ok(Some(stored)) = self.slot.with_value(Slot::load::<LockRecord>)
            && stored.parts().is_ok()
        {
            self.record.set_value(Some(Ok(stored)));
        }
        let Some(Ok(record)) = self.record.get_value() else {
            self.error("unlock", "The passcode kept on this tablet cannot be checked. Choose \u{201c}Forgot your passcode?\u{201d} to start again");
            return;
        };
        let wait = record.wait_ms(clock::now_ms());
        if wait > 0 {
            self.error("unlock", wait_message(wait));
            return;
        }
        let Ok((salt, _)) = record.parts() else {
            return;
        };
        let lock = *self;
        self.busy.set(true);
        leptos::task::spawn_local(async move {
            let derived = passcode::derive(&passcode, &salt, record.iterations).await;
            lock.busy.set(false);
            let derived = match derived {
                Ok(d) => d,
                Err(e) => return lock.crypto_failed("unlock", e),
            };
            let mut record = record;
            if record.matches(&derived) {
                record.record_success();
                lock.record.set_value(Some(Ok(record)));
                lock.save();
                lock.open(state);
            } else {
                let wait = record.record_failure(clock::now_ms());
                lock.record.set_value(Some(Ok(record)));
                lock.save();
                let mut message = "The passcode is not right".to_owned();
                if wait > 0 {
                    message = format!("{message}. {}", wait_message(wait));
                }
                lock.error("unlock", message);
            }
        });
    }

    /// "Remove all" after a forgotten passcode: first delivers every visit it can, then removes
    /// everything, or says how many visits would be lost.
    pub fn remove_all(&self, state: FollowUpState) {
        self.show(Screen::Sending);
        let lock = *self;
        let courier = state.courier;
        leptos::task::spawn_local(async move {
            // Let a delivery already under way finish, then send everything queued.
            while courier.sending.get_untracked() {
                pause(200).await;
            }
            courier.flush(true);
            while courier.sending.get_untracked() {
                pause(200).await;
            }
            let left = courier.outbox.with_untracked(|o| o.entries.len());
            if left == 0 {
                lock.remove_everything(state);
            } else {
                lock.show(Screen::NotSent(left));
            }
        });
    }

    /// Removes every visit, the outbox and the passcode from this device; asks for a new one.
    pub fn remove_everything(&self, state: FollowUpState) {
        state.wipe();
        self.forget_passcode();
    }

    /// After "Remove all": the passcode goes too, and the tablet is as on first use (so nobody
    /// records visits on it without a passcode).
    pub fn forget_passcode(&self) {
        self.slot.with_value(Slot::clear);
        self.record.set_value(None);
        self.message.set(Some(
            "All follow-up data has been removed from this device. The passcode was removed too."
                .to_owned(),
        ));
        self.show(Screen::Setup);
    }
}

/// "5 minutes", "1 minute".
pub fn minutes_text(minutes: u32) -> String {
    format!("{minutes} minute{}", if minutes == 1 { "" } else { "s" })
}

/// Waits `ms` on the browser's timer.
async fn pause(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
        }
    });
    let _ = JsFuture::from(promise).await;
}
