use crate::ui::components::back_link::BackLink;
use crate::ui::follow_up::lock::StaffLock;
use crate::ui::follow_up::state::FollowUpState;
use leptos::prelude::*;

/// "Remove all follow-up data from this device?": one action removes every visit, typed-in
/// baseline and visit not yet sent.
#[component]
pub fn Wipe() -> impl IntoView {
    let state = expect_context::<FollowUpState>();
    let lock = expect_context::<StaffLock>();
    let visits = state.history.with_untracked(|h| h.len());
    let unsent = state.courier.outbox.with_untracked(|o| o.entries.len());
    let lost = (unsent > 0).then(|| {
        view! {
            <div class="wb-warning">
                <p class="wb-body">
                    <strong>{format!("{unsent} visit{} not sent yet.", if unsent == 1 { " has" } else { "s have" })}</strong>
                    " They will be removed too and can never be sent. To keep them, go back and send them first."
                </p>
            </div>
        }
    });
    view! {
        <BackLink on_back=Callback::new(move |_| state.back())/>
        <h1 class="wb-heading-l" id=state.heading_id() tabindex="-1">"Remove all follow-up data from this device?"</h1>
        <p class="wb-body">{format!("This removes the {visits} visit{} kept on this device, every client reference and baseline, anything not yet sent, and the passcode. It cannot be undone.", if visits == 1 { "" } else { "s" })}</p>
        {lost}
        <div class="wb-button-group">
            <button type="button" class="wb-button wb-button--warning" on:click=move |_| lock.remove_everything(state)>
                "Remove all"
            </button>
            <button type="button" class="wb-button wb-button--secondary" on:click=move |_| state.back()>
                "Keep everything"
            </button>
        </div>
    }
}
