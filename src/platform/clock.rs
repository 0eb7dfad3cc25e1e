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

/// Today's date where the person is (their device's time zone): what a date of birth is checked
/// against.
pub fn today() -> crate::domain::referral::SimpleDate {
    let now = js_sys::Date::new_0();
    let (y, m, d) = (now.get_full_year(), now.get_month() + 1, now.get_date());
    crate::domain::referral::SimpleDate::new(
        u16::try_from(y).unwrap_or(2000),
        u8::try_from(m).unwrap_or(1),
        u8::try_from(d).unwrap_or(1),
    )
    .unwrap_or_else(|_| {
        crate::domain::referral::SimpleDate::from_unix_ms(now_ms()).expect("a date after 1970")
    })
}
