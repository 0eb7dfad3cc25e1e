//! Keeping things on the device: localStorage when the browser lets us use it, otherwise
//! nothing (the UI then works in memory and tells the person once that answers won't be kept).

use thiserror::Error;

/// Why something could not be written.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum StorageError {
    #[error("this browser is not letting us save your answers on this device")]
    Unavailable,
    #[error("there is not enough space on this device to save your answers")]
    WriteFailed,
}

/// One stored value of one widget instance (its draft, or its outbox).
pub struct Slot {
    key: String,
    storage: Option<web_sys::Storage>,
}

impl Slot {
    /// Opens `what` ("draft", "outbox") for widget `instance`, probing that storage really works
    /// (it may be missing, blocked in a framed page, or full).
    pub fn open(instance: &str, what: &str) -> Self {
        Self {
            key: format!("wellbeing-widget.v1.{instance}.{what}"),
            storage: probe(),
        }
    }

    /// The storage key (to recognise `storage` events from other tabs).
    pub fn key(&self) -> &str {
        &self.key
    }

    /// Whether values survive leaving the page.
    pub fn is_persistent(&self) -> bool {
        self.storage.is_some()
    }

    /// The stored text, if any. A read that throws counts as nothing stored.
    pub fn load(&self) -> Option<String> {
        self.storage.as_ref()?.get_item(&self.key).ok().flatten()
    }

    /// Writes the text. Never panics: a browser that throws (quota, blocked) gives `Err`.
    pub fn save(&self, text: &str) -> Result<(), StorageError> {
        let storage = self.storage.as_ref().ok_or(StorageError::Unavailable)?;
        storage
            .set_item(&self.key, text)
            .map_err(|_| StorageError::WriteFailed)
    }

    /// Removes the value from the device.
    pub fn clear(&self) {
        if let Some(s) = &self.storage {
            let _ = s.remove_item(&self.key);
        }
    }
}

fn probe() -> Option<web_sys::Storage> {
    let storage = web_sys::window()?.local_storage().ok().flatten()?;
    const PROBE: &str = "wellbeing-widget.probe";
    storage.set_item(PROBE, "1").ok()?;
    storage.remove_item(PROBE).ok()?;
    Some(storage)
}
