//! Leptos components: one concern per file, no business rules (those are in `domain`).

pub mod app;
pub mod components;
pub mod pages;
pub mod state;

use crate::domain::config::WidgetConfig;
use crate::platform::{document::integrator_error, host::hosts};
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
        el.set_inner_html("");
        match WidgetConfig::parse(&raw) {
            Ok(config) => {
                leptos::mount::mount_to(el, move || view! { <app::App config/> }).forget()
            }
            Err(error) => {
                integrator_error(&error.to_string());
                let message = error.to_string();
                leptos::mount::mount_to(
                    el,
                    move || view! { <pages::config_error::ConfigError message/> },
                )
                .forget()
            }
        }
    }
}
