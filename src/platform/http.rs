//! Sending a submission to the configured intake endpoint.

use leptos::prelude::set_timeout;
use std::time::Duration;
use thiserror::Error;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// How long to wait for the intake before giving up on an attempt.
pub const TIMEOUT: Duration = Duration::from_secs(15);

/// Why a send did not succeed.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum SendError {
    /// No response: offline, DNS, CORS refusal, or timed out.
    #[error("the intake could not be reached")]
    Network,
    /// The intake answered with an error status that may succeed later (408, 429, 5xx).
    #[error("the intake answered with status {0}; the submission can be retried")]
    Temporary(u16),
    /// The intake refused the submission (other 4xx); retrying will not help.
    #[error("the intake refused the submission with status {0}")]
    Refused(u16),
}

/// POSTs `body` (JSON) to `endpoint` with the `Idempotency-Key`. No cookies are sent.
pub async fn post_json(
    endpoint: &str,
    idempotency_key: &str,
    body: &str,
) -> Result<u16, SendError> {
    let window = web_sys::window().ok_or(SendError::Network)?;
    let headers = web_sys::Headers::new().map_err(|_| SendError::Network)?;
    headers
        .set("Content-Type", "application/json")
        .map_err(|_| SendError::Network)?;
    headers
        .set("Idempotency-Key", idempotency_key)
        .map_err(|_| SendError::Network)?;

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
        set_timeout(move || c.abort(), TIMEOUT);
    }
    let request =
        web_sys::Request::new_with_str_and_init(endpoint, &init).map_err(|_| SendError::Network)?;
    let response = JsFuture::from(window.fetch_with_request(&request))
        .await
        .map_err(|_| SendError::Network)?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| SendError::Network)?;
    let status = response.status();
    match status {
        200..=299 => Ok(status),
        408 | 429 | 500..=599 => Err(SendError::Temporary(status)),
        _ => Err(SendError::Refused(status)),
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
