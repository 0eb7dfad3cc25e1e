//! The draft store: localStorage when the browser lets us use it, otherwise memory only (and the
//! UI tells the person once that answers will not be kept if they leave).

use thiserror::Error;

/// Why a draft could not be written.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum StorageError {
    #[error("this browser is not letting us save your answers on this device")]
    Unavailable,
    #[error("there is not enough space on this device to save your answers")]
    WriteFailed,
}

/// Where one widget instance keeps its draft.
pub struct DraftStore {
    key: String,
    storage: Option<web_sys::Storage>,
}

impl DraftStore {
    /// Opens the store for widget `instance`, probing that storage really works (it may be
    /// missing, blocked in a framed page, or full).
    pub fn open(instance: &str) -> Self {
        Self {
            key: format!("wellbeing-widget.v1.{instance}.draft"),
            storage: probe(),
        }
    }

    /// Whether drafts survive leaving the page.
    pub fn is_persistent(&self) -> bool {
        self.storage.is_some()
    }

    /// The stored draft JSON, if any.
    pub fn load(&self) -> Option<String> {
        self.storage.as_ref()?.get_item(&self.key).ok().flatten()
    }

    /// Writes the draft JSON.
    pub fn save(&self, json: &str) -> Result<(), StorageError> {
        let storage = self.storage.as_ref().ok_or(StorageError::Unavailable)?;
        storage
            .set_item(&self.key, json)
            .map_err(|_| StorageError::WriteFailed)
    }

    /// Removes the draft from the device.
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
