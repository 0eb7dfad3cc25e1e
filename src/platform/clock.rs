//! Time and randomness from the browser.

use crate::domain::payload::{SubmissionId, Timestamp};

/// Milliseconds since the Unix epoch.
pub fn now_ms() -> u64 {
    js_sys::Date::now().max(0.0) as u64
}

/// The current time as RFC 3339 (UTC, milliseconds).
pub fn now_timestamp() -> Timestamp {
    let iso: String = js_sys::Date::new_0().to_iso_string().into();
    Timestamp::parse(&iso).expect("Date.toISOString is RFC 3339")
}

/// A fresh random submission id from the browser's cryptographic random source.
pub fn new_submission_id() -> Result<SubmissionId, String> {
    let crypto = web_sys::window()
        .ok_or("no window")?
        .crypto()
        .map_err(|_| "no crypto")?;
    let mut bytes = [0u8; 16];
    crypto
        .get_random_values_with_u8_array(&mut bytes)
        .map_err(|_| "getRandomValues failed")?;
    Ok(SubmissionId::from_random_bytes(bytes))
}
