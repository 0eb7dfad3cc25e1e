use leptos::prelude::*;

/// A plain message about the form itself (a draft restored or discarded, storage unavailable).
#[component]
pub fn Notice(
    /// The message, if any.
    message: Signal<Option<String>>,
) -> impl IntoView {
    view! {
        <div role="status" class="wb-notice-region">
            {move || message.get().map(|m| view! { <p class="wb-notice">{m}</p> })}
        </div>
    }
}
