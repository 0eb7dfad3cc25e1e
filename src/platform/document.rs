//! Small helpers for the host document: focus and the page title.

use std::cell::RefCell;
use wasm_bindgen::JsCast;

thread_local! {
    /// The widgets' containers inside their shadow roots, where `getElementById` cannot see.
    static ROOTS: RefCell<Vec<web_sys::Element>> = const { RefCell::new(Vec::new()) };
}

/// Registers a widget container that lives in a shadow root.
pub fn register_root(root: web_sys::Element) {
    ROOTS.with(|r| r.borrow_mut().push(root));
}

/// The element with `id`, in the document or inside any widget's shadow root.
pub fn find(id: &str) -> Option<web_sys::HtmlElement> {
    let in_document = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id));
    let found = in_document.or_else(|| {
        let selector = format!("[id='{}']", id.replace(['\'', '\\'], ""));
        ROOTS.with(|roots| {
            roots
                .borrow()
                .iter()
                .find_map(|r| r.query_selector(&selector).ok().flatten())
        })
    });
    found.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
}

/// Moves focus to the element with `id` once the current render has been applied.
pub fn focus_soon(id: String) {
    leptos::prelude::request_animation_frame(move || {
        if let Some(el) = find(&id) {
            let _ = el.focus();
        }
    });
}

thread_local! {
    static ERROR_WIDGETS: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
}

const ERROR_PREFIX: &str = "Error: ";

/// Marks whether widget `instance` is showing validation errors. The host page's title carries
/// the GOV.UK "Error: " prefix while any widget on the page shows errors.
pub fn set_error_title(instance: &str, has_errors: bool) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let any = ERROR_WIDGETS.with(|w| {
        let mut w = w.borrow_mut();
        w.retain(|i| i != instance);
        if has_errors {
            w.push(instance.to_owned());
        }
        !w.is_empty()
    });
    let title = doc.title();
    // Browsers trim the title, so an empty title with the prefix reads back as "Error:".
    let bare = title
        .strip_prefix(ERROR_PREFIX.trim_end())
        .map(str::trim_start)
        .unwrap_or(&title)
        .to_owned();
    doc.set_title(&if any {
        format!("{ERROR_PREFIX}{bare}")
    } else {
        bare
    });
}

/// Reports a problem to the integrator in the console. Never pass personal data.
pub fn integrator_error(message: &str) {
    web_sys::console::error_1(&format!("[wellbeing-widget] {message}").into());
}
