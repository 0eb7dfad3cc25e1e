use crate::ui::components::confirm_page::ConfirmPage;
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
    let back = Callback::new(move |_| state.back());
    view! {
        <ConfirmPage heading_id=state.ids().heading_id() heading="Cancel this visit?" on_back=back
            confirm="Yes, cancel the visit" on_confirm=Callback::new(move |_| state.finish()) warning=true
            alternative="No, go back to the visit" on_alternative=back>
            <p class="wb-body">{format!("What you have recorded at this visit{who} will be removed from this device and not sent.")}</p>
        </ConfirmPage>
    }
}
