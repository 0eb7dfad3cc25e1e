use crate::domain::config::WidgetConfig;
use crate::domain::instrument::Instrument;
use crate::domain::journey::Step;
use crate::ui::components::{
    crisis::{CrisisHelp, GetHelpLink},
    notice::{IntegratorNotice, Notice},
};
use crate::ui::pages::{
    check::CheckAnswers, question::Question, sent::Sent, start::Start, urgent_help::UrgentHelp,
};
use crate::ui::state::Form;
use leptos::prelude::*;

/// One widget: the current page, crisis help and "Clear my answers".
#[component]
pub fn App(
    /// This widget's configuration, read from its host element.
    config: WidgetConfig,
    /// The measures to ask, in order (already resolved and validated).
    instruments: Vec<Instrument>,
    /// Configuration problems for the website team (also written to the console).
    #[prop(optional)]
    problems: Vec<String>,
) -> impl IntoView {
    let form = Form::new(config, instruments);
    provide_context(form);
    let step = Memo::new(move |_| form.draft.with(|d| d.step));
    let crisis_id = form.id("crisis");
    // After a reload with a submission waiting, try to send it again straight away.
    if form.draft.with_untracked(|d| d.pending.is_some()) {
        form.send();
    }
    view! {
        <div class="wb-widget" lang="en-GB">
            <div class="wb-topbar">
                <GetHelpLink target=crisis_id.clone()/>
            </div>
            <IntegratorNotice problems/>
            <Notice message=form.notice.into()/>
            // Keyed by the step, so each page is built afresh rather than patched from the last
            // one (patching radios between two questions would carry their checked state over).
            <For each=move || [step.get()] key=|s| *s let:s>
                {match s {
                    Step::Start => view! { <Start/> }.into_any(),
                    Step::Question { measure, index } => view! { <Question measure index/> }.into_any(),
                    Step::UrgentHelp { measure, index } => view! { <UrgentHelp measure index/> }.into_any(),
                    Step::Check => view! { <CheckAnswers/> }.into_any(),
                    Step::Sent => view! { <Sent/> }.into_any(),
                }}
            </For>
            <div class="wb-footer">
                <button type="button" class="wb-button wb-button--secondary" on:click=move |_| form.clear()>
                    "Clear my answers"
                </button>
                <CrisisHelp heading_id=crisis_id/>
            </div>
        </div>
    }
}
