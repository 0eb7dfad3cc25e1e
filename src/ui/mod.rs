//! Leptos components: one concern per file, no business rules (those are in `domain`).

pub mod app;
pub mod components;
pub mod courier;
#[cfg(feature = "follow-up")]
pub mod follow_up;
pub mod ids;
pub mod pages;
pub mod shell;
pub mod state;

#[cfg(feature = "definitions")]
use crate::domain::config::InstrumentsUrl;
use crate::domain::config::{Format, RawConfig, WidgetConfig, WidgetMode};
#[cfg(feature = "definitions")]
use crate::domain::instrument::{Instrument, parse_definitions};
use crate::domain::measures::resolve_measures;
use crate::platform::{document::integrator_error, embed, events, frame, host::hosts};
use crate::ui::shell::WidgetSetup;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// One of the page's modules. `wellbeing.js` looks at each host element's attributes and loads
/// only the module that element needs, so each module carries only its own pages: the patient
/// self-referral (native JSON), the same form able to read a definitions file, the same form able
/// to send FHIR, or the link-worker follow-up.
pub trait Module: 'static {
    /// The module's name, as `wellbeing.js` groups host elements (`wellbeingWidget.hosts[NAME]`).
    const NAME: &'static str;
    /// Whether this module can show the form `config` asks for.
    fn serves(config: &WidgetConfig) -> bool;
    /// The app root of one host element: the self-referral, unless the module says otherwise.
    fn root(setup: WidgetSetup) -> AnyView {
        view! { <app::App setup/> }.into_any()
    }
}

/// The patient self-referral, sending the native JSON payload (`wellbeing-widget`), with the
/// built-in instruments only.
pub struct Patient;

impl Module for Patient {
    const NAME: &'static str = "patient";
    fn serves(config: &WidgetConfig) -> bool {
        config.mode == WidgetMode::SelfReferral
            && config.format == Format::Native
            && config.instruments_url.is_none()
    }
}

/// The patient self-referral with a definitions file (`wellbeing-licensed`,
/// `data-instruments-url`).
#[cfg(feature = "definitions")]
pub struct Licensed;

#[cfg(feature = "definitions")]
impl Module for Licensed {
    const NAME: &'static str = "licensed";
    fn serves(config: &WidgetConfig) -> bool {
        config.mode == WidgetMode::SelfReferral && config.format == Format::Native
    }
}

/// The self-referral able to send a FHIR R4 Bundle (`wellbeing-fhir`, `data-format="fhir"`).
#[cfg(feature = "fhir")]
pub struct Fhir;

#[cfg(feature = "fhir")]
impl Module for Fhir {
    const NAME: &'static str = "fhir";
    fn serves(config: &WidgetConfig) -> bool {
        config.mode == WidgetMode::SelfReferral
    }
}

/// The link-worker follow-up (`wellbeing-follow-up`, `data-mode="follow-up"`).
#[cfg(feature = "follow-up")]
pub struct FollowUp;

#[cfg(feature = "follow-up")]
impl Module for FollowUp {
    const NAME: &'static str = "follow-up";
    fn serves(config: &WidgetConfig) -> bool {
        config.mode == WidgetMode::FollowUp
    }
    fn root(setup: WidgetSetup) -> AnyView {
        view! { <follow_up::FollowUpApp setup/> }.into_any()
    }
}

/// Mounts an independent widget of module `M` into each host element `wellbeing.js` gave it.
/// Started some other way (no `wellbeing.js`), it takes every `[data-wellbeing-widget]` element.
pub fn mount_all<M: Module>() {
    let all = hosts();
    if all.is_empty() {
        integrator_error(
            "no element with the data-wellbeing-widget attribute was found on this page",
        );
    }
    let mine = assigned_hosts(M::NAME);
    for (el, raw) in all {
        // An element keeps its position among all of the page's widgets (its storage keys
        // depend on it), whichever module mounts it.
        let given = match &mine {
            Some(list) => list.iter().any(|m| m.is_same_node(Some(&el))),
            None => true,
        };
        if given {
            wasm_bindgen_futures::spawn_local(mount_one::<M>(el, raw));
        }
    }
}

/// The host elements `wellbeing.js` gave module `name` (`wellbeingWidget.hosts[name]`), or `None`
/// when the module was not started by `wellbeing.js`.
fn assigned_hosts(name: &str) -> Option<Vec<web_sys::Node>> {
    let config = js_sys::Reflect::get(&js_sys::global(), &"wellbeingWidget".into()).ok()?;
    let hosts = js_sys::Reflect::get(&config, &"hosts".into()).ok()?;
    if hosts.is_undefined() || hosts.is_null() {
        return None;
    }
    let list = js_sys::Reflect::get(&hosts, &name.into()).ok()?;
    if !js_sys::Array::is_array(&list) {
        return Some(Vec::new());
    }
    Some(
        js_sys::Array::from(&list)
            .iter()
            .filter_map(|el| el.dyn_into::<web_sys::Node>().ok())
            .collect(),
    )
}

/// Configures and mounts one widget, inside its own shadow root. Every configuration mistake is
/// reported to the integrator (console, a notice in the widget, and a `wellbeing:error` event);
/// only a missing or unsafe endpoint stops the form.
async fn mount_one<M: Module>(host: web_sys::HtmlElement, raw: RawConfig) {
    let Some(container) = embed::prepare(&host) else {
        integrator_error("this element already holds a widget (is the script included twice?)");
        return;
    };
    let (config, warnings) = match WidgetConfig::parse(&raw) {
        Ok(parsed) => parsed,
        Err(error) => return refuse(&host, container, error.to_string()),
    };
    // wellbeing.js routes each element by the same attributes, so this holds unless a module's
    // script was included directly instead of wellbeing.js.
    if !M::serves(&config) {
        return refuse(
            &host,
            container,
            format!(
                "this element was given to the {} module, which cannot show the form it asks for: include wellbeing.js, not a module's own script",
                M::NAME
            ),
        );
    }
    let mut problems: Vec<String> = warnings.iter().map(ToString::to_string).collect();
    problems.extend(
        embed::check_theme(&host, &container)
            .iter()
            .map(ToString::to_string),
    );
    #[cfg(feature = "definitions")]
    let loaded = match &config.instruments_url {
        Some(url) => load_definitions(url).await.unwrap_or_else(|p| {
            problems.push(p);
            Vec::new()
        }),
        None => Vec::new(),
    };
    // A module without the definitions reader serves no element that names a file.
    #[cfg(not(feature = "definitions"))]
    let loaded = Vec::new();
    let (instruments, missing) = resolve_measures(&config.measures, &loaded, config.minimum_age);
    problems.extend(missing.iter().map(ToString::to_string));
    for p in &problems {
        integrator_error(p);
        events::emit(
            &host,
            events::ERROR,
            &[("code", "configuration"), ("message", p)],
        );
    }
    if let Some(origin) = &config.parent_origin {
        frame::report_height(&container, origin);
    }
    leptos::mount::mount_to(container, move || {
        M::root(WidgetSetup {
            config,
            instruments,
            problems,
            host: Some(host),
        })
    })
    .forget();
}

/// Shows no form, only "this form is not set up" (`message` goes to the integrator: console and
/// a `wellbeing:error` event).
fn refuse(host: &web_sys::HtmlElement, container: web_sys::HtmlElement, message: String) {
    integrator_error(&message);
    events::emit(
        host,
        events::ERROR,
        &[("code", "configuration"), ("message", &message)],
    );
    leptos::mount::mount_to(container, move || {
        view! { <pages::config_error::ConfigError message/> }
    })
    .forget();
}

/// Loads and validates the definitions file: all of it, or none of it.
#[cfg(feature = "definitions")]
async fn load_definitions(url: &InstrumentsUrl) -> Result<Vec<Instrument>, String> {
    let text = crate::platform::http::get_text(url.as_str())
        .await
        .map_err(|e| {
            format!("data-instruments-url could not be loaded: {e}; its instruments are left out")
        })?;
    parse_definitions(&text).map_err(|e| {
        format!("data-instruments-url was refused, so none of its definitions are used: {e}")
    })
}
