use crate::ui::state::Form;
use leptos::prelude::*;

/// Confirmation: the reference to quote and what happens next.
#[component]
pub fn Sent() -> impl IntoView {
    let form = expect_context::<Form>();
    view! {
        <div class="wb-panel">
            <h1 class="wb-heading-l" id=form.heading_id() tabindex="-1">"Your answers have been sent"</h1>
            {move || form.reference.get().map(|r| view! {
                <p class="wb-panel__body">"Your reference is " <strong>{r.to_string()}</strong></p>
            })}
        </div>
        <h2 class="wb-heading-m">"What happens next"</h2>
        <p class="wb-body">"Someone from the wellbeing service will look at your answers and get in touch. If you contact them, you can quote your reference."</p>
        <p class="wb-body">"Your answers have been removed from this device."</p>
    }
}
