//! Serialising writers across tabs with the Web Locks API (`navigator.locks`), where the browser
//! has it: a read-change-write of a stored value in one tab never interleaves with another tab's.
//! Without the API (or if a request is refused) the section runs at once, as before: the value is
//! still read fresh and merged, so only two writes in the same instant could race.

use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen]
extern "C" {
    /// `navigator.locks` (not in web-sys's stable API).
    type LockManager;

    #[wasm_bindgen(method, catch)]
    fn request(
        this: &LockManager,
        name: &str,
        callback: &JsValue,
    ) -> Result<js_sys::Promise, JsValue>;
}

fn lock_manager() -> Option<LockManager> {
    let window = web_sys::window()?;
    let navigator = js_sys::Reflect::get(&window, &JsValue::from_str("navigator")).ok()?;
    let locks = js_sys::Reflect::get(&navigator, &JsValue::from_str("locks")).ok()?;
    (!locks.is_undefined() && !locks.is_null()).then(|| locks.unchecked_into())
}

/// Runs `section` holding the exclusive lock `name` (shared by every tab of this origin), and
/// returns its result. The section is synchronous, so the lock is released as soon as it ends.
pub async fn exclusive<R: 'static>(name: &str, section: impl FnOnce() -> R + 'static) -> R {
    let result: Rc<RefCell<Option<R>>> = Rc::new(RefCell::new(None));
    let section = Rc::new(RefCell::new(Some(section)));
    if let Some(locks) = lock_manager() {
        let (out, run) = (result.clone(), section.clone());
        let callback = Closure::once_into_js(move |_lock: JsValue| {
            if let Some(f) = run.borrow_mut().take() {
                *out.borrow_mut() = Some(f());
            }
        });
        if let Ok(promise) = locks.request(name, &callback) {
            // A rejected request (e.g. the document is being unloaded) falls through to running
            // the section here, unless it already ran.
            let _ = JsFuture::from(promise).await;
        }
    }
    if let Some(f) = section.borrow_mut().take() {
        *result.borrow_mut() = Some(f());
    }
    let value = result.borrow_mut().take();
    value.expect("the section ran exactly once")
}
