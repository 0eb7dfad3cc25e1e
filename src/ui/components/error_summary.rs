use crate::ui::state::FieldError;
use leptos::prelude::*;

/// GOV.UK error summary: "There is a problem" and a link to each field with an error. The
/// caller focuses it when it appears.
#[component]
pub fn ErrorSummary(
    /// The summary's own id (focused after a failed Continue).
    id: String,
    /// The errors to list, in page order.
    errors: Signal<Vec<FieldError>>,
) -> impl IntoView {
    let title_id = format!("{id}-title");
    view! {
        <Show when=move || errors.with(|e| !e.is_empty())>
            <div class="wb-error-summary" id=id.clone() tabindex="-1" aria-labelledby=title_id.clone()>
                <div role="alert">
                    <h2 class="wb-error-summary__title" id=title_id.clone()>"There is a problem"</h2>
                    <ul class="wb-list wb-error-summary__list">
                        {move || {
                            errors
                                .get()
                                .into_iter()
                                .map(|e| {
                                    let target = e.field_id.clone();
                                    view! {
                                        <li>
                                            <a class="wb-link" href=format!("#{}", e.field_id) on:click=move |ev| {
                                                ev.prevent_default();
                                                crate::platform::document::focus_soon(target.clone());
                                            }>{e.message}</a>
                                        </li>
                                    }
                                })
                                .collect_view()
                        }}
                    </ul>
                </div>
            </div>
        </Show>
    }
}
