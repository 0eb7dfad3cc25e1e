use crate::domain::journey::Step;
use crate::ui::courier::Delivery;
use crate::ui::state::WidgetForm;
use leptos::prelude::*;

/// Answers finished earlier and not yet delivered, listed by reference only (never by content),
/// with where each stands. Hidden on the confirmation page, which says it in full.
#[component]
pub fn OutboxStatus() -> impl IntoView {
    let form = expect_context::<WidgetForm>();
    let waiting = move || {
        if form.draft.with(|d| d.step) == Step::Sent {
            return Vec::new();
        }
        form.courier
            .outbox
            .with(|o| o.entries.iter().map(|e| e.id.clone()).collect::<Vec<_>>())
    };
    view! {
        <Show when=move || !waiting().is_empty()>
            <div class="wb-notice wb-outbox" role="status">
                <h2 class="wb-heading-s">"Answers waiting to be sent"</h2>
                <ul class="wb-list">
                    {move || waiting().into_iter().map(|id| {
                        let reference = id.reference().to_string();
                        let state = move || match form.courier.delivery(&id) {
                            Delivery::Sending => "sending now",
                            Delivery::Waiting => "saved on this device, will be sent when you are back online",
                            Delivery::Refused => "could not be sent, kept on this device",
                            Delivery::Sent => "sent",
                            Delivery::Unknown => "no longer on this device",
                        };
                        view! { <li>{reference} ": " {state}</li> }
                    }).collect_view()}
                </ul>
                <button type="button" class="wb-button wb-button--secondary" on:click=move |_| form.courier.retry_now()>
                    "Try sending now"
                </button>
            </div>
        </Show>
    }
}
