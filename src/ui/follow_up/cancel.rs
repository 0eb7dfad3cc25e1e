use crate::ui::components::back_link::BackLink;
use crate::ui::follow_up::state::FollowUpState;
use leptos::prelude::*;

/// "Cancel this visit?": a visit not yet sent is thrown away only when the practitioner says so.
#[component]
pub fn CancelVisit() -> impl IntoView {
    let state = expect_context::<FollowUpState>();
    let who = state
        .visit
        .with_untracked(|v| v.client.as_ref().map(|c| format!(" for client {c}")))
        .unwrap_or_default();
    view! {
        <BackLink on_back=Callback::new(move |_| state.back())/>
        <h1 class="wb-heading-l" id=state.heading_id() tabindex="-1">"Cancel this visit?"</h1>
        <p class="wb-body">{format!("What you have recorded at this visit{who} will be removed from this device and not sent.")}</p>
        <div class="wb-button-group">
            <button type="button" class="wb-button wb-button--warning" on:click=move |_| state.finish()>
                "Yes, cancel the visit"
            </button>
            <button type="button" class="wb-button wb-button--secondary" on:click=move |_| state.back()>
                "No, go back to the visit"
            </button>
        </div>
    }
}
