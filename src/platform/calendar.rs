//! Today's date on this device's calendar (its local time zone).

use crate::domain::referral::SimpleDate;

/// Today's local date. Falls back to the UTC date if the offset is unusable.
pub fn today() -> SimpleDate {
    let now = js_sys::Date::new_0();
    let ms = now.get_time();
    // getTimezoneOffset is UTC minus local time, in minutes.
    let offset_ms = now.get_timezone_offset() * 60_000.0;
    let local = (ms - offset_ms).max(0.0) as u64;
    SimpleDate::from_unix_ms(local)
        .or_else(|| SimpleDate::from_unix_ms(ms.max(0.0) as u64))
        .unwrap_or_else(|| SimpleDate::new(1970, 1, 1).expect("a real date"))
}
