//! The host elements: every `[data-wellbeing-widget]` on the page, and its attributes.

use crate::domain::config::RawConfig;
use wasm_bindgen::JsCast;

/// The attribute that marks a host element.
pub const HOST_ATTRIBUTE: &str = "data-wellbeing-widget";

/// Every host element on the page, in document order, with its raw configuration.
pub fn hosts() -> Vec<(web_sys::HtmlElement, RawConfig)> {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return Vec::new();
    };
    let Ok(list) = doc.query_selector_all(&format!("[{HOST_ATTRIBUTE}]")) else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<web_sys::HtmlElement>().ok())
        .enumerate()
        .map(|(index, el)| {
            let raw = read_config(&el, index);
            (el, raw)
        })
        .collect()
}

/// Reads the widget's `data-*` attributes from `el`.
pub fn read_config(el: &web_sys::Element, index: usize) -> RawConfig {
    RawConfig {
        endpoint: el.get_attribute("data-endpoint"),
        measures: el.get_attribute("data-measures"),
        instruments_url: el.get_attribute("data-instruments-url"),
        draft_days: el.get_attribute("data-draft-days"),
        timeout_seconds: el.get_attribute("data-timeout-seconds"),
        parent_origin: el.get_attribute("data-parent-origin"),
        format: el.get_attribute("data-format"),
        fhir_base: el.get_attribute("data-fhir-base"),
        mode: el.get_attribute("data-mode"),
        organisation: el.get_attribute("data-organisation"),
        privacy_url: el.get_attribute("data-privacy-url"),
        client_reference_pattern: el.get_attribute("data-client-reference-pattern"),
        retention_days: el.get_attribute("data-retention-days"),
        lock_minutes: el.get_attribute("data-lock-minutes"),
        minimum_age: el.get_attribute("data-minimum-age"),
        element_id: Some(el.id()).filter(|s| !s.is_empty()),
        index,
    }
}
