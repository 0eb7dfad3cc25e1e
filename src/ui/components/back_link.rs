use leptos::prelude::*;

/// The "Back" link at the top of a question page (a button: it changes the page in place).
#[component]
pub fn BackLink(
    /// Called when the person goes back.
    on_back: Callback<()>,
) -> impl IntoView {
    view! {
        <button type="button" class="wb-back-link" on:click=move |_| on_back.run(())>
            "Back"
        </button>
    }
}
