use crate::ui::components::confirm_page::ConfirmPage;
use crate::ui::state::WidgetForm;
use leptos::prelude::*;

/// Shown on coming back with a draft on this device: carry on, or start again.
#[component]
pub fn Resume() -> impl IntoView {
    let form = expect_context::<WidgetForm>();
    view! {
        <ConfirmPage heading_id=form.ids().heading_id() heading="You have answers saved on this device"
            confirm="Continue where you left off" on_confirm=Callback::new(move |_| form.resume())
            alternative="Start again" on_alternative=Callback::new(move |_| form.clear())>
            <p class="wb-body">"You can carry on where you left off, or start again. Starting again removes the saved answers from this device."</p>
        </ConfirmPage>
    }
}
