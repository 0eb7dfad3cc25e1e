use crate::domain::follow_up::VisitPage;
use crate::ui::follow_up::state::FollowUpState;
use leptos::prelude::*;

/// During a visit: whose visit it is (the current client only) and, until it is sent, "Cancel
/// visit", which clears the client from the screen without sending anything.
#[component]
pub fn VisitBar() -> impl IntoView {
    let state = expect_context::<FollowUpState>();
    let in_visit = move || !matches!(state.page.get(), VisitPage::Home | VisitPage::Wipe);
    let client = move || {
        state.visit.with(|v| {
            let who = v
                .client
                .as_ref()
                .map(|c| format!("Client {c}"))
                .unwrap_or_else(|| "New visit".to_owned());
            match v.timepoint {
                Some(t) => format!("{who} – {}", t.label()),
                None => who,
            }
        })
    };
    // After sending, the page's own "Finish visit" button is the way out.
    let unsent = move || !matches!(state.page.get(), VisitPage::Done | VisitPage::Cancel);
    view! {
        <Show when=in_visit>
            <div class="wb-visit-bar">
                <p class="wb-visit-bar__client">{client}</p>
                <Show when=unsent>
                    <button type="button" class="wb-button wb-button--secondary wb-visit-bar__finish" on:click=move |_| state.ask_cancel()>
                        "Cancel visit"
                    </button>
                </Show>
            </div>
        </Show>
    }
}
