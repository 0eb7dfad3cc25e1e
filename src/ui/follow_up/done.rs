use crate::domain::follow_up::Timepoint;
use crate::ui::courier::Delivery;
use crate::ui::follow_up::glance::ChangeAtAGlance;
use crate::ui::follow_up::state::FollowUpState;
use leptos::prelude::*;

/// After "Send visit": where the visit stands, with its reference, the change at a glance, and
/// "Finish visit".
#[component]
pub fn Done() -> impl IntoView {
    let state = expect_context::<FollowUpState>();
    let id = state.visit.with_untracked(|v| v.sent.clone());
    let reference = id.as_ref().map(|i| i.reference().to_string());
    let delivery = move || {
        id.as_ref()
            .map(|i| state.courier.delivery(i))
            .unwrap_or(Delivery::Sent)
    };
    let delivery2 = delivery.clone();
    let heading = move || match delivery() {
        Delivery::Sending => "Sending the visit",
        Delivery::Waiting => "Visit saved on this device",
        Delivery::Refused => "The visit could not be sent",
        Delivery::Sent => "Visit sent",
        Delivery::Unknown => "The visit is no longer on this device",
    };
    let status = move || match delivery2() {
        Delivery::Sending => "Please wait while the visit is sent.",
        Delivery::Waiting => {
            "There is no connection to the service at the moment. The visit is saved on this device and will be sent automatically when the tablet is back online. You can finish the visit."
        }
        Delivery::Refused => {
            "The service could not accept the visit. It is kept on this device; the website team has been told. You can try again from the start page."
        }
        Delivery::Sent => "The service has the visit.",
        Delivery::Unknown => {
            "It was removed from this device, perhaps in another window, and it is not known whether the service has it. Check with the service, quoting the reference."
        }
    };
    let glance = state.sent_glance.get_untracked();
    let is_baseline = state
        .visit
        .with_untracked(|v| v.timepoint == Some(Timepoint::Baseline));
    view! {
        <div class="wb-panel">
            <h1 class="wb-heading-l" id=state.ids().heading_id() tabindex="-1">{heading}</h1>
            {reference.map(|r| view! { <p class="wb-panel__body">"Reference " <strong>{r}</strong></p> })}
        </div>
        <div role="status" class="wb-send-status"><p class="wb-body">{status}</p></div>
        <ChangeAtAGlance glance is_baseline/>
        <p class="wb-body">"When you have finished talking through the results with the client, finish the visit: this clears the client from the screen."</p>
        <button type="button" class="wb-button" on:click=move |_| state.finish()>"Finish visit"</button>
    }
}
