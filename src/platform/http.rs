//! Sending a submission to the configured intake endpoint.

use crate::domain::outbox::{Attempt, parse_retry_after};
use leptos::prelude::set_timeout;
use std::time::Duration;
use thiserror::Error;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// How long to wait for a definitions file before giving up.
pub const TIMEOUT: Duration = Duration::from_secs(15);

/// POSTs `body` (of `content_type`) to `endpoint` with the `Idempotency-Key`, waiting at most
/// `timeout`. No cookies and no referrer are sent. Returns how the attempt ended, for the outbox
/// policy.
pub async fn post(
    endpoint: &str,
    content_type: &str,
    idempotency_key: &str,
    body: &str,
    timeout: Duration,
) -> Attempt {
    let Some(window) = web_sys::window() else {
        return Attempt::NetworkError;
    };
    let Ok(headers) = web_sys::Headers::new() else {
        return Attempt::NetworkError;
    };
    if headers.set("Content-Type", content_type).is_err()
        || headers.set("Idempotency-Key", idempotency_key).is_err()
    {
        return Attempt::NetworkError;
    }
    let controller = web_sys::AbortController::new().ok();
    let init = web_sys::RequestInit::new();
    init.set_method("POST");
    init.set_mode(web_sys::RequestMode::Cors);
    init.set_credentials(web_sys::RequestCredentials::Omit);
    init.set_referrer_policy(web_sys::ReferrerPolicy::NoReferrer);
    init.set_headers(&headers);
    init.set_body(&JsValue::from_str(body));
    if let Some(c) = &controller {
        init.set_signal(Some(&c.signal()));
        let c = c.clone();
        set_timeout(move || c.abort(), timeout);
    }
    let Ok(request) = web_sys::Request::new_with_str_and_init(endpoint, &init) else {
        return Attempt::NetworkError;
    };
    let response = match JsFuture::from(window.fetch_with_request(&request)).await {
        Ok(r) => r,
        Err(_) => return Attempt::NetworkError,
    };
    let Ok(response) = response.dyn_into::<web_sys::Response>() else {
        return Attempt::NetworkError;
    };
    let code = response.status();
    if (200..300).contains(&code) {
        return Attempt::Delivered;
    }
    let retry_after_ms = response
        .headers()
        .get("Retry-After")
        .ok()
        .flatten()
        .and_then(|v| {
            let now = js_sys::Date::now();
            let date = js_sys::Date::parse(&v);
            let date_ms = (date.is_finite() && date > 0.0).then_some(date as u64);
            parse_retry_after(&v, now as u64, date_ms)
        });
    Attempt::Status {
        code,
        retry_after_ms,
    }
}

/// Why a resource (e.g. the instrument definitions file) could not be fetched.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum FetchError {
    #[error("it could not be reached (network error, timeout, or blocked by CORS)")]
    Network,
    #[error("the server answered with HTTP status {0}")]
    Status(u16),
}

/// GETs `url` as text (no cookies), with the same timeout as submissions.
pub async fn get_text(url: &str) -> Result<String, FetchError> {
    let window = web_sys::window().ok_or(FetchError::Network)?;
    let controller = web_sys::AbortController::new().ok();
    let init = web_sys::RequestInit::new();
    init.set_method("GET");
    init.set_credentials(web_sys::RequestCredentials::Omit);
    if let Some(c) = &controller {
        init.set_signal(Some(&c.signal()));
        let c = c.clone();
        set_timeout(move || c.abort(), TIMEOUT);
    }
    let request =
        web_sys::Request::new_with_str_and_init(url, &init).map_err(|_| FetchError::Network)?;
    let response: web_sys::Response = JsFuture::from(window.fetch_with_request(&request))
        .await
        .map_err(|_| FetchError::Network)?
        .dyn_into()
        .map_err(|_| FetchError::Network)?;
    if !response.ok() {
        return Err(FetchError::Status(response.status()));
    }
    let text = JsFuture::from(response.text().map_err(|_| FetchError::Network)?)
        .await
        .map_err(|_| FetchError::Network)?;
    text.as_string().ok_or(FetchError::Network)
}
