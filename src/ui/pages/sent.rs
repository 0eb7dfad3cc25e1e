use crate::ui::courier::Delivery;
use crate::ui::state::WidgetForm;
use leptos::prelude::*;

/// After "Confirm and send": where the answers stand (sending; saved on this device and will
/// send when back online; could not be sent; sent), always with the reference to quote.
#[component]
pub fn Sent() -> impl IntoView {
    let form = expect_context::<WidgetForm>();
    let delivery = move || {
        form.current
            .get()
            .map(|id| form.courier.delivery(&id))
            .unwrap_or(Delivery::Sent)
    };
    let reference = move || form.current.get().map(|id| id.reference().to_string());
    let service = form.service_name();
    let heading = move || match delivery() {
        Delivery::Sending => "Sending your answers",
        Delivery::Waiting => "Your answers are saved on this device",
        Delivery::Refused => "Your answers could not be sent",
        Delivery::Sent => "Your answers have been sent",
        Delivery::Unknown => "Your answers are no longer on this device",
    };
    view! {
        <div class=move || if delivery() == Delivery::Sent { "wb-panel" } else { "wb-panel wb-panel--pending" }>
            <h1 class="wb-heading-l" id=form.ids().heading_id() tabindex="-1">{heading}</h1>
            {move || reference().map(|r| view! {
                <p class="wb-panel__body">"Your reference is " <strong>{r}</strong></p>
            })}
        </div>
        <div role="status" class="wb-send-status">
            {move || match delivery() {
                Delivery::Sending => view! { <p class="wb-body">"Please wait while we send your answers."</p> }.into_any(),
                Delivery::Waiting => view! {
                    <p class="wb-body">"Your answers have not been sent yet because we could not reach the service. They are saved on this device and will be sent automatically when you are back online. You can close this page: they will be sent the next time you open it."</p>
                }.into_any(),
                Delivery::Refused => view! {
                    <p class="wb-body">"The service could not accept your answers. They are saved on this device. Contact your GP practice and quote your reference, or try again later."</p>
                }.into_any(),
                Delivery::Sent => view! {
                    <h2 class="wb-heading-m">"What happens next"</h2>
                    <p class="wb-body">{format!("A link worker from {service} will read your referral and contact you in the way you chose, to talk about what matters to you. If you contact them, you can quote your reference.")}</p>
                    <p class="wb-body">"If you need help before then, use the urgent help numbers on this page."</p>
                    <p class="wb-body">"Your answers have been removed from this device."</p>
                }.into_any(),
                Delivery::Unknown => view! {
                    <p class="wb-body">"They were removed from this device, perhaps in another window, so we cannot tell whether the service has them. If you are not sure, contact your GP practice and quote your reference."</p>
                }.into_any(),
            }}
        </div>
        <Show when=move || matches!(delivery(), Delivery::Waiting | Delivery::Refused)>
            <button type="button" class="wb-button" on:click=move |_| form.courier.retry_now()>"Try again"</button>
        </Show>
    }
}
