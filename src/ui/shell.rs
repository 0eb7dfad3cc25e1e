use crate::domain::config::WidgetConfig;
use crate::domain::instrument::Instrument;
use crate::ui::components::{
    crisis::{CrisisHelp, GetHelpLink},
    notice::IntegratorNotice,
};
use leptos::prelude::*;

/// What either app is given for one host element.
pub struct WidgetSetup {
    /// This widget's configuration, read from its host element.
    pub config: WidgetConfig,
    /// The measures to ask, in order (already resolved and validated).
    pub instruments: Vec<Instrument>,
    /// Configuration problems for the website team (also written to the console).
    pub problems: Vec<String>,
    /// The host element, which receives the `wellbeing:*` events.
    pub host: Option<web_sys::HtmlElement>,
}

impl WidgetSetup {
    /// A widget with no configuration problems and no host to tell of events.
    pub fn new(config: WidgetConfig, instruments: Vec<Instrument>) -> Self {
        WidgetSetup {
            config,
            instruments,
            problems: Vec::new(),
            host: None,
        }
    }
}

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
