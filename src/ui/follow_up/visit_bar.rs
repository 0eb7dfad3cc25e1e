use crate::ui::follow_up::state::{FollowUpState, Page};
use leptos::prelude::*;

/// During a visit: whose visit it is (the current client only) and "Finish visit" /
/// "Cancel visit", which clear the client from the screen.
#[component]
pub fn VisitBar() -> impl IntoView {
    let state = expect_context::<FollowUpState>();
    let in_visit = move || !matches!(state.page.get(), Page::Home | Page::Wipe);
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
    let sent = move || state.visit.with(|v| v.sent.is_some());
    view! {
        <Show when=in_visit>
            <div class="wb-visit-bar">
                <p class="wb-visit-bar__client">{client}</p>
                <button type="button" class="wb-button wb-button--secondary wb-visit-bar__finish" on:click=move |_| state.finish()>
                    {move || if sent() { "Finish visit" } else { "Cancel visit" }}
                </button>
            </div>
        </Show>
    }
}
