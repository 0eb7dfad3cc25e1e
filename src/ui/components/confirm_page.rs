use crate::ui::components::back_link::BackLink;
use leptos::prelude::*;

/// A page that asks before something is done that cannot be taken back (or offers a choice of
/// two ways on): the question as the page heading, what it means, and two buttons.
#[component]
pub fn ConfirmPage(
    /// The id of the page's `<h1>` (focused when the page opens).
    heading_id: String,
    /// The question, e.g. "Cancel this visit?".
    heading: &'static str,
    /// "Back" above the heading, where the page has one.
    #[prop(optional)]
    on_back: Option<Callback<()>>,
    /// The first button's words.
    confirm: &'static str,
    /// The first button's action.
    on_confirm: Callback<()>,
    /// The first button is a warning (what it does cannot be undone).
    #[prop(optional)]
    warning: bool,
    /// The second button's words (the way out).
    alternative: &'static str,
    /// The second button's action.
    on_alternative: Callback<()>,
    /// What the choice means, between the heading and the buttons.
    children: Children,
) -> impl IntoView {
    view! {
        {on_back.map(|on_back| view! { <BackLink on_back/> })}
        <h1 class="wb-heading-l" id=heading_id tabindex="-1">{heading}</h1>
        {children()}
        <div class="wb-button-group">
            <button type="button" class=if warning { "wb-button wb-button--warning" } else { "wb-button" }
                on:click=move |_| on_confirm.run(())>
                {confirm}
            </button>
            <button type="button" class="wb-button wb-button--secondary" on:click=move |_| on_alternative.run(())>
                {alternative}
            </button>
        </div>
    }
}
