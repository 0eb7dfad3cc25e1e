//! Events on the host element, so a practice can show its own thanks or track completion.
//! Details never hold personal data: a reference, or an error code and message.

use wasm_bindgen::JsValue;

/// The submission reached the intake. Detail: `{ reference }`.
pub const SUBMITTED: &str = "wellbeing:submitted";
/// Something went wrong that the practice may want to know about. Detail: `{ code, message }`.
pub const ERROR: &str = "wellbeing:error";

/// Dispatches `name` on `host` (bubbling, and crossing shadow roots) with `detail` as a plain
/// object of string fields.
pub fn emit(host: &web_sys::HtmlElement, name: &str, detail: &[(&str, &str)]) {
    let object = js_sys::Object::new();
    for (k, v) in detail {
        let _ = js_sys::Reflect::set(&object, &JsValue::from_str(k), &JsValue::from_str(v));
    }
    let init = web_sys::CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(&object);
    if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict(name, &init) {
        let _ = host.dispatch_event(&event);
    }
}
