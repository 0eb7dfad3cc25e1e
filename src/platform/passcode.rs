//! Hashing a passcode with the browser's WebCrypto: PBKDF2 with HMAC-SHA-256, run natively by the
//! browser (`crypto.subtle.importKey` then `deriveBits`), and a random salt from
//! `crypto.getRandomValues`. The passcode never leaves this function: not stored, not logged.

use crate::domain::follow_up::{HASH_BYTES, SALT_BYTES};
use thiserror::Error;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Why a passcode could not be hashed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Error)]
pub enum CryptoError {
    /// No `crypto.subtle`: the page is not a secure (https) one, or the browser is too old.
    #[error("this browser cannot check a passcode here: the page must be opened over https")]
    Unavailable,
    #[error("this browser could not check the passcode")]
    Failed,
}

fn crypto() -> Result<web_sys::Crypto, CryptoError> {
    web_sys::window()
        .ok_or(CryptoError::Unavailable)?
        .crypto()
        .map_err(|_| CryptoError::Unavailable)
}

/// A fresh random salt.
pub fn new_salt() -> Result<[u8; SALT_BYTES], CryptoError> {
    let mut salt = [0u8; SALT_BYTES];
    crypto()?
        .get_random_values_with_u8_array(&mut salt)
        .map_err(|_| CryptoError::Unavailable)?;
    Ok(salt)
}

/// PBKDF2-HMAC-SHA-256 of `passcode` (its UTF-8 bytes) with `salt` and `iterations`:
/// [`HASH_BYTES`] bytes.
pub async fn derive(passcode: &str, salt: &[u8], iterations: u32) -> Result<Vec<u8>, CryptoError> {
    let subtle = crypto()?.subtle();
    // `subtle` is undefined outside a secure context.
    if JsValue::from(subtle.clone()).is_undefined() {
        return Err(CryptoError::Unavailable);
    }
    let secret = js_sys::Uint8Array::from(passcode.as_bytes());
    let usages = js_sys::Array::of1(&JsValue::from_str("deriveBits"));
    let key = subtle
        .import_key_with_str("raw", &secret, "PBKDF2", false, &usages)
        .map_err(|_| CryptoError::Failed)?;
    let key: web_sys::CryptoKey = JsFuture::from(key)
        .await
        .map_err(|_| CryptoError::Failed)?
        .dyn_into()
        .map_err(|_| CryptoError::Failed)?;
    let salt = js_sys::Uint8Array::from(salt);
    let params = web_sys::Pbkdf2Params::new_with_str("PBKDF2", "SHA-256", iterations, &salt);
    let bits = subtle
        .derive_bits_with_object(&params, &key, (HASH_BYTES * 8) as u32)
        .map_err(|_| CryptoError::Failed)?;
    let bits = JsFuture::from(bits)
        .await
        .map_err(|_| CryptoError::Failed)?;
    let bytes = js_sys::Uint8Array::new(&bits).to_vec();
    if bytes.len() == HASH_BYTES {
        Ok(bytes)
    } else {
        Err(CryptoError::Failed)
    }
}
