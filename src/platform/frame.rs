//! The iframe option: a framed widget reports its height to the page that frames it, with
//! `postMessage` to the one configured origin only (never `*`), so the parent can size the
//! frame without scrollbars.

use crate::domain::config::ParentOrigin;
use wasm_bindgen::{JsCast, JsValue, closure::Closure};

/// The message type the parent listens for: `{ type: "wellbeing:height", height: <px> }`.
pub const HEIGHT_MESSAGE: &str = "wellbeing:height";

/// Starts reporting `element`'s height whenever it changes, if this page is framed.
pub fn report_height(element: &web_sys::HtmlElement, origin: &ParentOrigin) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Ok(Some(parent)) = window.parent() else {
        return;
    };
    if JsValue::from(parent.clone()) == JsValue::from(window.clone()) {
        return; // not framed
    }
    let origin = origin.as_str().to_owned();
    let target = element.clone();
    let send = move || {
        let height = f64::from(target.offset_height());
        if height <= 0.0 {
            return; // still hidden while its stylesheet loads: a 0 would collapse the frame
        }
        let message = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&message, &"type".into(), &HEIGHT_MESSAGE.into());
        let _ = js_sys::Reflect::set(&message, &"height".into(), &height.into());
        let _ = parent.post_message(&message, &origin);
    };
    send();
    let callback = Closure::<dyn Fn(JsValue)>::new(move |_| send());
    if let Ok(observer) = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()) {
        observer.observe(element);
    }
    callback.forget();
}
