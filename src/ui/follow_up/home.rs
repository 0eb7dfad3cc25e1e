use crate::domain::follow_up::VisitPage;
use crate::ui::follow_up::queue::Queue;
use crate::ui::follow_up::state::FollowUpState;
use leptos::prelude::*;

/// The start of every visit: "Start a visit", the clients with visits on this device (by
/// reference only), the visits waiting to be sent, and removing everything.
#[component]
pub fn Home() -> impl IntoView {
    let state = expect_context::<FollowUpState>();
    let clients = move || state.history.with(|h| h.clients());
    let retention = state.config.with_value(|c| c.retention_days);
    let clients_heading = state.ids().id("clients-heading");
    let labelled_by = clients_heading.clone();
    view! {
        <h1 class="wb-heading-l" id=state.ids().heading_id() tabindex="-1">"Follow-up visits"</h1>
        <p class="wb-body">
            "Record a client's wellbeing scores at a visit, and see what has changed since their baseline. You can do the whole visit without a signal: it is sent when the tablet is back online."
        </p>
        <button type="button" class="wb-button wb-button--start" on:click=move |_| state.start_visit(None)>
            "Start a visit"
        </button>
        <section class="wb-section" aria-labelledby=labelled_by>
            <h2 class="wb-heading-m" id=clients_heading>"Clients with visits on this device"</h2>
            <Show
                when=move || !clients().is_empty()
                fallback=|| view! { <p class="wb-body">"None yet."</p> }
            >
                <ul class="wb-list wb-clients">
                    {move || clients().into_iter().map(|c| {
                        let label = c.to_string();
                        view! {
                            <li>
                                <button type="button" class="wb-link-button" on:click=move |_| state.start_visit(Some(c.clone()))>
                                    "Start a visit" <span class="wb-visually-hidden">" for client"</span> " " {label}
                                </button>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </Show>
            <p class="wb-hint">{format!("Visits are kept on this device for {retention} days, then removed.")}</p>
        </section>
        <Queue/>
        <section class="wb-section">
            <button type="button" class="wb-button wb-button--warning" on:click=move |_| state.go(VisitPage::Wipe)>
                "Remove all follow-up data from this device"
            </button>
        </section>
    }
}
