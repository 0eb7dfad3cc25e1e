use crate::ui::state::Form;
use leptos::prelude::*;

/// Shown on coming back with a draft on this device: carry on, or start again.
#[component]
pub fn Resume() -> impl IntoView {
    let form = expect_context::<Form>();
    view! {
        <h1 class="wb-heading-l" id=form.heading_id() tabindex="-1">"You have answers saved on this device"</h1>
        <p class="wb-body">"You can carry on where you left off, or start again. Starting again removes the saved answers from this device."</p>
        <div class="wb-button-group">
            <button type="button" class="wb-button" on:click=move |_| form.resume()>
                "Continue where you left off"
            </button>
            <button type="button" class="wb-button wb-button--secondary" on:click=move |_| form.clear()>
                "Start again"
            </button>
        </div>
    }
}
