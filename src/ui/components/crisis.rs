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
