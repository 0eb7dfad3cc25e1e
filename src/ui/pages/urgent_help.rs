use crate::ui::components::{back_link::BackLink, crisis::CrisisList};
use crate::ui::state::WidgetForm;
use leptos::prelude::*;

/// Shown at once after an answer that raises a risk flag (e.g. PHQ-9 item 9 above 0): where to
/// get help now. The person may carry on and send the form.
#[component]
pub fn UrgentHelp(
    /// The measure whose answer raised the flag.
    measure: usize,
    /// The question that raised it.
    index: usize,
) -> impl IntoView {
    let form = expect_context::<WidgetForm>();
    view! {
        <BackLink on_back=Callback::new(move |_| form.back())/>
        <div class="wb-urgent" role="region" aria-labelledby=form.ids().heading_id()>
            <h1 class="wb-heading-l" id=form.ids().heading_id() tabindex="-1">"You can get help now"</h1>
            <p class="wb-body">"Thank you for telling us. You do not have to wait for the wellbeing service to contact you."</p>
            <CrisisList/>
            <p class="wb-body">"Your answers will be marked as urgent when you send them, but nobody may read them straight away."</p>
        </div>
        <button type="button" class="wb-button" on:click=move |_| form.continue_after_help(measure, index)>
            "Continue with the form"
        </button>
    }
}
