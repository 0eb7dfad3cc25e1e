//! Keeping things on the device: typed values in localStorage through `gloo-storage`, when the
//! browser lets us use it; otherwise nothing (the UI then works in memory and tells the person
//! once that answers won't be kept).
//!
//! `gloo_storage::LocalStorage` throws (a wasm panic) when the browser refuses storage, e.g. in
//! a framed page with third-party storage blocked: every slot is probed once when it is opened,
//! and no call reaches `LocalStorage` unless the probe passed.

use gloo_storage::{LocalStorage, Storage, errors::StorageError as GlooError};
use serde::{Deserialize, Serialize, de::DeserializeOwned};
use thiserror::Error;

/// Why something could not be written.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum StorageError {
    #[error("this browser is not letting us save your answers on this device")]
    Unavailable,
    #[error("there is not enough space on this device to save your answers")]
    WriteFailed,
}

/// A stored value that is not of the type asked for (corrupt, or written by something else).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Error)]
#[error("the value stored on this device could not be read")]
pub struct Unreadable;

/// One stored value of one widget instance (its draft, its outbox, …).
pub struct Slot {
    key: String,
    /// Whether the probe passed: only then is `LocalStorage` used.
    persistent: bool,
}

impl Slot {
    /// Opens `what` ("draft", "outbox") for widget `instance`, probing that storage really works
    /// (it may be missing, blocked in a framed page, or full).
    pub fn open(instance: &str, what: &str) -> Self {
        Self {
            key: format!("wellbeing-widget.v1.{instance}.{what}"),
            persistent: probe(),
        }
    }

    /// The storage key (to recognise `storage` events from other tabs).
    pub fn key(&self) -> &str {
        &self.key
    }

    /// Whether values survive leaving the page.
    pub fn is_persistent(&self) -> bool {
        self.persistent
    }

    /// The stored value, if any. A read the browser refuses counts as nothing stored; a value
    /// that is not a `T` is [`Unreadable`] (the caller decides whether to keep it aside).
    pub fn load<T: DeserializeOwned>(&self) -> Result<Option<T>, Unreadable> {
        if !self.persistent {
            return Ok(None);
        }
        match LocalStorage::get::<T>(&self.key) {
            Ok(value) => Ok(Some(value)),
            Err(GlooError::SerdeError(_)) => Err(Unreadable),
            Err(GlooError::KeyNotFound(_) | GlooError::JsError(_)) => Ok(None),
        }
    }

    /// Writes the value. Never panics: a browser that refuses (quota, blocked) gives `Err`.
    pub fn save<T: Serialize>(&self, value: &T) -> Result<(), StorageError> {
        if !self.persistent {
            return Err(StorageError::Unavailable);
        }
        LocalStorage::set(&self.key, value).map_err(|e| match e {
            GlooError::SerdeError(_) => StorageError::Unavailable,
            _ => StorageError::WriteFailed,
        })
    }

    /// Removes the value from the device.
    pub fn clear(&self) {
        if self.persistent {
            LocalStorage::delete(&self.key);
        }
    }

    /// Copies the stored text, exactly as it is, to `<key>-unreadable` (replacing what was kept
    /// aside before) with the time, so that a value this build cannot read is never thrown away
    /// unseen; [`Slot::expire_aside`] removes it later. Returns whether it was kept.
    pub fn keep_aside(&self, now_ms: u64) -> bool {
        if !self.persistent {
            return false;
        }
        // The raw text, not a typed value: it is exactly what this build cannot read.
        let Ok(Some(text)) = LocalStorage::raw().get_item(&self.key) else {
            return false;
        };
        LocalStorage::set(
            self.aside_key(),
            KeptAside {
                kept_at_ms: now_ms,
                text,
            },
        )
        .is_ok()
    }

    /// Removes the copy kept aside once it is older than `max_age_ms`. A copy without a time
    /// (kept by an earlier version) is given the time now.
    pub fn expire_aside(&self, now_ms: u64, max_age_ms: u64) {
        if !self.persistent {
            return;
        }
        let key = self.aside_key();
        match LocalStorage::get::<KeptAside>(&key) {
            Ok(kept) if now_ms.saturating_sub(kept.kept_at_ms) > max_age_ms => {
                LocalStorage::delete(&key);
            }
            Ok(_) | Err(GlooError::KeyNotFound(_) | GlooError::JsError(_)) => {}
            Err(GlooError::SerdeError(_)) => {
                if let Ok(Some(text)) = LocalStorage::raw().get_item(&key) {
                    let kept = KeptAside {
                        kept_at_ms: now_ms,
                        text,
                    };
                    let _ = LocalStorage::set(&key, kept);
                }
            }
        }
    }

    /// Removes the copy kept aside (the person asked to remove their data).
    pub fn clear_aside(&self) {
        if self.persistent {
            LocalStorage::delete(self.aside_key());
        }
    }

    fn aside_key(&self) -> String {
        format!("{}-unreadable", self.key)
    }
}

/// A stored value this build could not read, kept aside for the website team, and when.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct KeptAside {
    kept_at_ms: u64,
    /// The stored text exactly as it was.
    text: String,
}

/// Whether localStorage can be used: it exists, and a value can be written and removed.
fn probe() -> bool {
    let Some(Ok(Some(storage))) = web_sys::window().map(|w| w.local_storage()) else {
        return false;
    };
    const PROBE: &str = "wellbeing-widget.probe";
    storage.set_item(PROBE, "1").is_ok() && storage.remove_item(PROBE).is_ok()
}
