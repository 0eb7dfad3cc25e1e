use crate::ui::components::crisis::CrisisHelp;
use leptos::prelude::*;

/// Shown instead of the form when the host page's configuration is wrong.
#[component]
pub fn ConfigError(
    /// The integrator-facing explanation (also written to the console).
    message: String,
) -> impl IntoView {
    view! {
        <div class="wb-widget" lang="en-GB">
            <div class="wb-warning" role="alert">
                <h1 class="wb-heading-l">"This form is not available at the moment"</h1>
                <p class="wb-body">"The website has not been set up correctly to send answers, so we have not asked you anything. Please contact your GP practice another way."</p>
                <p class="wb-hint">"For the website team: " {message}</p>
            </div>
            <CrisisHelp heading_id="wb-config-crisis".to_owned()/>
        </div>
    }
}
