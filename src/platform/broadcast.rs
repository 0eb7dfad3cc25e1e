//! Telling this widget's other tabs what happened, without storing anything: a
//! `BroadcastChannel` (same origin only) carrying short text messages. Browsers without it just
//! don't hear them.

use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// `BroadcastChannel` (bound here to keep web-sys's feature list short).
    #[derive(Clone)]
    pub type Channel;

    #[wasm_bindgen(constructor, js_class = "BroadcastChannel", catch)]
    fn open(name: &str) -> Result<Channel, JsValue>;

    #[wasm_bindgen(method, js_name = postMessage, catch)]
    fn post_message(this: &Channel, message: &str) -> Result<(), JsValue>;

    #[wasm_bindgen(method, setter = onmessage)]
    fn set_onmessage(this: &Channel, handler: &JsValue);

    #[wasm_bindgen(method)]
    fn close(this: &Channel);
}

impl Channel {
    /// Opens the channel `name`, calling `on_message` with each text message another tab posts.
    pub fn listen(name: &str, on_message: impl Fn(String) + 'static) -> Option<Channel> {
        let channel = Channel::open(name).ok()?;
        let handler = Closure::<dyn Fn(JsValue)>::new(move |e: JsValue| {
            let data = js_sys::Reflect::get(&e, &JsValue::from_str("data")).ok();
            if let Some(text) = data.and_then(|d| d.as_string()) {
                on_message(text);
            }
        });
        channel.set_onmessage(handler.as_ref());
        // One handler per widget for the page's lifetime; `stop` detaches it.
        handler.forget();
        Some(channel)
    }

    /// Posts `message` to the other tabs (never to this one).
    pub fn post(&self, message: &str) {
        let _ = self.post_message(message);
    }

    /// Stops listening.
    pub fn stop(&self) {
        self.set_onmessage(&JsValue::NULL);
        self.close();
    }
}
