use crate::domain::follow_up::{ClientReference, Timepoint};
use crate::ui::courier::Delivery;
use crate::ui::follow_up::state::FollowUpState;
use leptos::prelude::*;

/// The two fields of a queued body that say what it is (everything else is left unread).
#[derive(serde::Deserialize)]
struct Peek {
    client_reference: Option<ClientReference>,
    timepoint: Option<Timepoint>,
}

/// "ABC-12345 – 6 weeks" for a queued follow-up body (as it will be sent).
fn what(body: &str) -> String {
    match serde_json::from_str::<Peek>(body) {
        Ok(Peek {
            client_reference: Some(c),
            timepoint: Some(t),
        }) => format!("{c} – {}", t.label()),
        _ => "A visit".to_owned(),
    }
}

/// Visits not yet delivered, listed by client reference and timepoint only, with where each
/// stands, and "Try sending now".
#[component]
pub fn Queue() -> impl IntoView {
    let state = expect_context::<FollowUpState>();
    let entries = move || {
        state.courier.outbox.with(|o| {
            o.entries
                .iter()
                .map(|e| (e.id.clone(), what(&e.body)))
                .collect::<Vec<_>>()
        })
    };
    let heading_id = state.ids().id("queue-heading");
    let labelled_by = heading_id.clone();
    view! {
        <section class="wb-section" aria-labelledby=labelled_by>
            <h2 class="wb-heading-m" id=heading_id>"Visits waiting to be sent"</h2>
            <Show
                when=move || !entries().is_empty()
                fallback=|| view! { <p class="wb-body">"None. Every visit recorded on this device has been sent."</p> }
            >
                <ul class="wb-list wb-queue">
                    {move || entries().into_iter().map(|(id, what)| {
                        let reference = id.reference().to_string();
                        let status = move || match state.courier.delivery(&id) {
                            Delivery::Sending => "sending now",
                            Delivery::Waiting => "saved on this device, will be sent when back online",
                            Delivery::Refused => "not accepted by the service. It stays on this device until it is sent or you remove all follow-up data: tell the service's digital team this reference, then use \"Try sending now\"",
                            Delivery::Sent => "sent",
                            Delivery::Unknown => "no longer on this device",
                        };
                        view! { <li>{what} " (" {reference} "): " {status}</li> }
                    }).collect_view()}
                </ul>
                <button type="button" class="wb-button wb-button--secondary" on:click=move |_| state.courier.retry_now()>
                    "Try sending now"
                </button>
            </Show>
        </section>
    }
}
