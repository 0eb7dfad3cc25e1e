use crate::ui::components::{
    crisis::{CrisisHelp, GetHelpLink},
    notice::IntegratorNotice,
};
use leptos::prelude::*;

/// What every widget shows around its pages, whichever form it holds: "Get help now" at the
/// top, the notice for the website team, and crisis help at the bottom.
#[component]
pub fn WidgetShell(
    /// The id of the crisis help heading ("Get help now" jumps there).
    crisis_id: String,
    /// Configuration problems for the website team (also written to the console).
    problems: Vec<String>,
    /// An extra class on the widget, e.g. `wb-follow-up`.
    #[prop(optional)]
    modifier: Option<&'static str>,
    /// What the footer shows before crisis help (e.g. "Clear my answers").
    #[prop(optional, into)]
    footer: ViewFnOnce,
    /// The pages, and what is shown with them.
    children: Children,
) -> impl IntoView {
    let class = match modifier {
        Some(m) => format!("wb-widget {m}"),
        None => "wb-widget".to_owned(),
    };
    view! {
        <div class=class lang="en-GB">
            <div class="wb-topbar">
                <GetHelpLink target=crisis_id.clone()/>
            </div>
            <IntegratorNotice problems/>
            {children()}
            <div class="wb-footer">
                {footer.run()}
                <CrisisHelp heading_id=crisis_id/>
            </div>
        </div>
    }
}
