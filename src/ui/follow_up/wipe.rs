use crate::ui::components::confirm_page::ConfirmPage;
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
    let back = Callback::new(move |_| state.back());
    view! {
        <ConfirmPage heading_id=state.ids().heading_id() heading="Remove all follow-up data from this device?" on_back=back
            confirm="Remove all" on_confirm=Callback::new(move |_| lock.remove_everything(state)) warning=true
            alternative="Keep everything" on_alternative=back>
            <p class="wb-body">{format!("This removes the {visits} visit{} kept on this device, every client reference and baseline, anything not yet sent, and the passcode. It cannot be undone.", if visits == 1 { "" } else { "s" })}</p>
            {lost}
        </ConfirmPage>
    }
}
