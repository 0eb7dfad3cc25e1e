use crate::domain::crisis::{self, Line, Part};
use leptos::prelude::*;

/// Crisis help, always at the bottom of the widget; "Get help now" at the top jumps here.
#[component]
pub fn CrisisHelp(
    /// The id of this section's heading (the "Get help now" link focuses it).
    heading_id: String,
) -> impl IntoView {
    view! {
        <div class="wb-crisis">
            <h2 class="wb-heading-s" id=heading_id tabindex="-1">{crisis::HEADING}</h2>
            <CrisisList/>
        </div>
    }
}

/// The places to get help now (`domain::crisis`), as a list whose lines are links that dial.
#[component]
pub fn CrisisList() -> impl IntoView {
    let items = crisis::SENTENCES
        .iter()
        .map(|sentence| view! { <li>{sentence_view(sentence)}</li> })
        .collect_view();
    view! { <ul class="wb-list">{items}</ul> }
}

/// One sentence of crisis help: its words, and each line as a link that dials it.
pub fn sentence_view(sentence: &'static [Part]) -> impl IntoView + use<> {
    sentence
        .iter()
        .map(|part| match *part {
            Part::Text(text) => text.into_any(),
            Part::Call(line) => call_link(line).into_any(),
        })
        .collect_view()
}

/// A link that dials `line`.
pub fn call_link(line: Line) -> impl IntoView + use<> {
    view! { <a class="wb-link" href=line.href()>{line.label}</a> }
}

/// The "Get help now" link shown at the top of every page.
#[component]
pub fn GetHelpLink(
    /// The id of the crisis section's heading.
    target: String,
) -> impl IntoView {
    let href = format!("#{target}");
    view! {
        <a class="wb-link wb-help-link" href=href on:click=move |ev| {
            ev.prevent_default();
            crate::platform::document::focus_soon(target.clone());
        }>"Get help now"</a>
    }
}

/// Crisis help shown at once, in an alert region, while an answer on the page raises a risk.
#[component]
pub fn RiskAlert(
    /// Whether an answer on the page raises a risk (reactive).
    when: Signal<bool>,
    heading: &'static str,
    /// What to do, before the places to get help.
    #[prop(optional)]
    body: Option<&'static str>,
) -> impl IntoView {
    view! {
        <div role="alert" class="wb-alert-region">
            <Show when=move || when.get()>
                <div class="wb-warning wb-risk">
                    <h2 class="wb-heading-s">{heading}</h2>
                    {body.map(|b| view! { <p class="wb-body">{b}</p> })}
                    <CrisisList/>
                </div>
            </Show>
        </div>
    }
}
