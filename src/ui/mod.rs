//! Leptos components: one concern per file, no business rules (those are in `domain`).

pub mod app;
pub mod components;
pub mod pages;
pub mod state;

use crate::domain::config::{InstrumentsUrl, RawConfig, WidgetConfig};
use crate::domain::instrument::{Instrument, parse_definitions};
use crate::domain::measures::resolve_measures;
use crate::platform::{document::integrator_error, host::hosts, http};
use leptos::prelude::*;

/// Mounts an independent widget into every `[data-wellbeing-widget]` element on the page.
pub fn mount_all() {
    let found = hosts();
    if found.is_empty() {
        integrator_error(
            "no element with the data-wellbeing-widget attribute was found on this page",
        );
    }
    for (el, raw) in found {
        wasm_bindgen_futures::spawn_local(mount_one(el, raw));
    }
}

/// Configures and mounts one widget. Every configuration mistake is reported to the integrator
/// (console, and a notice in the widget); only a missing or unsafe endpoint stops the form.
async fn mount_one(el: web_sys::HtmlElement, raw: RawConfig) {
    let (config, warnings) = match WidgetConfig::parse(&raw) {
        Ok(parsed) => parsed,
        Err(error) => {
            integrator_error(&error.to_string());
            let message = error.to_string();
            el.set_inner_html("");
            leptos::mount::mount_to(
                el,
                move || view! { <pages::config_error::ConfigError message/> },
            )
            .forget();
            return;
        }
    };
    let mut problems: Vec<String> = warnings.iter().map(ToString::to_string).collect();
    let loaded = match &config.instruments_url {
        Some(url) => load_definitions(url).await.unwrap_or_else(|p| {
            problems.push(p);
            Vec::new()
        }),
        None => Vec::new(),
    };
    let (instruments, missing) = resolve_measures(&config.measures, &loaded);
    problems.extend(missing.iter().map(ToString::to_string));
    for p in &problems {
        integrator_error(p);
    }
    el.set_inner_html("");
    leptos::mount::mount_to(
        el,
        move || view! { <app::App config instruments problems/> },
    )
    .forget();
}

/// Loads and validates the definitions file: all of it, or none of it.
async fn load_definitions(url: &InstrumentsUrl) -> Result<Vec<Instrument>, String> {
    let text = http::get_text(url.as_str()).await.map_err(|e| {
        format!("data-instruments-url could not be loaded: {e}; its instruments are left out")
    })?;
    parse_definitions(&text).map_err(|e| {
        format!("data-instruments-url was refused, so none of its definitions are used: {e}")
    })
}
