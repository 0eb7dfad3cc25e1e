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

/// Configuration problems, for the website team (the form still works without the parts named).
#[component]
pub fn IntegratorNotice(
    /// The problems, in plain words naming the attribute.
    problems: Vec<String>,
) -> impl IntoView {
    (!problems.is_empty()).then(|| {
        view! {
            <div class="wb-warning wb-integrator-notice">
                <p class="wb-body">"Part of this form is not set up correctly. For the website team:"</p>
                <ul class="wb-list">
                    {problems.into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}
                </ul>
            </div>
        }
    })
}
