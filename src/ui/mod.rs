//! Leptos components: one concern per file, no business rules (those are in `domain`).

pub mod app;
pub mod components;
pub mod courier;
#[cfg(feature = "follow-up")]
pub mod follow_up;
pub mod pages;
pub mod state;

use crate::domain::config::{Format, InstrumentsUrl, RawConfig, WidgetConfig, WidgetMode};
use crate::domain::instrument::{Instrument, parse_definitions};
use crate::domain::measures::resolve_measures;
use crate::platform::{document::integrator_error, embed, events, frame, host::hosts, http};
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

/// Configures and mounts one widget, inside its own shadow root. Every configuration mistake is
/// reported to the integrator (console, a notice in the widget, and a `wellbeing:error` event);
/// only a missing or unsafe endpoint stops the form.
async fn mount_one(host: web_sys::HtmlElement, raw: RawConfig) {
    let Some(container) = embed::prepare(&host) else {
        integrator_error("this element already holds a widget (is the script included twice?)");
        return;
    };
    let (config, warnings) = match WidgetConfig::parse(&raw) {
        Ok(parsed) => parsed,
        Err(error) => return refuse(&host, container, error.to_string()),
    };
    // The FHIR Bundle writer is its own build (Cargo.toml), kept out of the patient widget.
    if config.format == Format::Fhir && !cfg!(feature = "fhir") {
        return refuse(
            &host,
            container,
            "data-format=\"fhir\" needs the FHIR build of the widget (trunk build --release --features fhir); this build sends only the native JSON payload".to_owned(),
        );
    }
    let mut problems: Vec<String> = warnings.iter().map(ToString::to_string).collect();
    problems.extend(
        embed::check_theme(&host, &container)
            .iter()
            .map(ToString::to_string),
    );
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
        events::emit(
            &host,
            events::ERROR,
            &[("code", "configuration"), ("message", p)],
        );
    }
    if let Some(origin) = &config.parent_origin {
        frame::report_height(&container, origin);
    }
    match config.mode {
        WidgetMode::SelfReferral => leptos::mount::mount_to(container, move || {
            view! { <app::App config instruments problems host/> }
        })
        .forget(),
        #[cfg(feature = "follow-up")]
        WidgetMode::FollowUp => leptos::mount::mount_to(container, move || {
            view! { <follow_up::FollowUpApp config instruments problems host/> }
        })
        .forget(),
        // The patient-facing build does not carry the practitioner's pages.
        #[cfg(not(feature = "follow-up"))]
        WidgetMode::FollowUp => {
            let _ = (instruments, problems);
            refuse(
                &host,
                container,
                "data-mode=\"follow-up\" needs the link-worker build of the widget (trunk build --release --features follow-up); this build has only the self-referral form".to_owned(),
            );
        }
    }
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
async fn load_definitions(url: &InstrumentsUrl) -> Result<Vec<Instrument>, String> {
    let text = http::get_text(url.as_str()).await.map_err(|e| {
        format!("data-instruments-url could not be loaded: {e}; its instruments are left out")
    })?;
    parse_definitions(&text).map_err(|e| {
        format!("data-instruments-url was refused, so none of its definitions are used: {e}")
    })
}
