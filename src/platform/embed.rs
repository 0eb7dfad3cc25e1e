//! Embedding in someone else's page: each widget lives in its own shadow root, so the host
//! page's CSS cannot reach in and the widget's cannot leak out. Its stylesheet is loaded inside
//! that root from the folder the widget's script came from.

use crate::domain::theme::{self, ThemeError, ThemeInput};
use wasm_bindgen::{JsCast, JsValue, closure::Closure};

/// The folder the widget's assets are served from, as set by `wellbeing.js` (the one script a
/// host page includes). `None` when the widget was started some other way (e.g. in tests).
pub fn asset_base() -> Option<String> {
    let global = js_sys::global();
    let config = js_sys::Reflect::get(&global, &JsValue::from_str("wellbeingWidget")).ok()?;
    js_sys::Reflect::get(&config, &JsValue::from_str("base"))
        .ok()?
        .as_string()
}

/// Gives `host` a shadow root holding the widget's stylesheet and an empty container to mount
/// into. `None` if `host` already has one (the script was included twice).
pub fn prepare(host: &web_sys::HtmlElement) -> Option<web_sys::HtmlElement> {
    if host.shadow_root().is_some() {
        return None;
    }
    let document = web_sys::window()?.document()?;
    let shadow = host
        .attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open))
        .ok()?;
    let container: web_sys::HtmlElement = document.create_element("div").ok()?.dyn_into().ok()?;
    container.set_class_name("wb-root");
    if let Some(base) = asset_base() {
        let link = document.create_element("link").ok()?;
        let _ = link.set_attribute("rel", "stylesheet");
        let _ = link.set_attribute("href", &format!("{base}main.css"));
        // Show the form once its styles are in (or failed), never unstyled for a moment.
        container.set_hidden(true);
        let shown = container.clone();
        let reveal = Closure::<dyn Fn()>::new(move || shown.set_hidden(false));
        let _ = link.add_event_listener_with_callback("load", reveal.as_ref().unchecked_ref());
        let _ = link.add_event_listener_with_callback("error", reveal.as_ref().unchecked_ref());
        reveal.forget();
        let _ = shadow.append_child(&link);
    }
    shadow.append_child(&container).ok()?;
    crate::platform::document::register_root(container.clone().into());
    Some(container)
}

/// The container inside `host`'s shadow root, if the widget has prepared one.
pub fn container_of(host: &web_sys::HtmlElement) -> Option<web_sys::HtmlElement> {
    host.shadow_root()?
        .query_selector(".wb-root")
        .ok()??
        .dyn_into()
        .ok()
}

/// Checks the theme colours set on the host (CSS custom properties). A colour that would make
/// text fall below WCAG AA is refused: the container gets a class that restores the default.
pub fn check_theme(
    host: &web_sys::HtmlElement,
    container: &web_sys::HtmlElement,
) -> Vec<ThemeError> {
    let Some(style) = web_sys::window().and_then(|w| w.get_computed_style(host).ok().flatten())
    else {
        return Vec::new();
    };
    let read = |p: &str| style.get_property_value(p).unwrap_or_default();
    let (brand, button, text, secondary, background) = (
        read("--wellbeing-brand"),
        read("--wellbeing-button"),
        read("--wellbeing-text"),
        read("--wellbeing-secondary-text"),
        read("--wellbeing-background"),
    );
    let refused = theme::check_theme(&ThemeInput {
        brand: Some(&brand),
        button: Some(&button),
        text: Some(&text),
        secondary_text: Some(&secondary),
        background: Some(&background),
    });
    let mut problems = Vec::new();
    for (property, error) in refused {
        // e.g. --wellbeing-brand → wb-default-brand, which restores the default in main.css.
        let class = format!("wb-default-{}", property.trim_start_matches("--wellbeing-"));
        let _ = container.class_list().add_1(&class);
        problems.push(error);
    }
    problems
}
