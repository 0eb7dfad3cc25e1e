use crate::ui::components::back_link::BackLink;
use crate::ui::state::{Form, SendState};
use leptos::prelude::*;

/// Check your answers: each answer with a Change link, then "Confirm and send".
#[component]
pub fn CheckAnswers() -> impl IntoView {
    let form = expect_context::<Form>();
    let locked = move || form.draft.with(|d| d.pending.is_some());
    let rows = move || {
        form.instrument.with_value(|instrument| {
            instrument
                .items
                .iter()
                .enumerate()
                .map(|(index, item)| {
                    let label = item.short_label.clone();
                    let item_id = item.id.clone();
                    let max = item.options.iter().map(|o| o.value).max().unwrap_or(0);
                    let value = move || {
                        form.draft.with(|d| match d.answers.get(&item_id) {
                            Some(v) => format!("{v} out of {max}"),
                            None => "Not answered".to_owned(),
                        })
                    };
                    let href = format!("#{}", form.item_field_id(&item.id));
                    view! {
                        <div class="wb-summary-list__row">
                            <dt class="wb-summary-list__key">{label.clone()}</dt>
                            <dd class="wb-summary-list__value">{value}</dd>
                            <dd class="wb-summary-list__actions">
                                <Show when=move || !locked()>
                                    <a class="wb-link" href=href.clone() on:click=move |ev| {
                                        ev.prevent_default();
                                        form.change(index);
                                    }>
                                        "Change"<span class="wb-visually-hidden">{format!(" {label}")}</span>
                                    </a>
                                </Show>
                            </dd>
                        </div>
                    }
                })
                .collect_view()
        })
    };
    let sending = move || form.sending.get() == SendState::Sending;
    view! {
        <BackLink on_back=Callback::new(move |_| form.back())/>
        <h1 class="wb-heading-l" id=form.heading_id() tabindex="-1">"Check your answers before sending"</h1>
        <h2 class="wb-heading-m">{move || form.instrument.with_value(|i| i.title.clone())}</h2>
        <dl class="wb-summary-list">{rows}</dl>
        {move || form.instrument.with_value(|i| i.attribution.clone()).map(|a| view! { <p class="wb-hint">{a}</p> })}
        <div role="status" class="wb-send-status">
            {move || match form.sending.get() {
                SendState::Sending => Some(view! { <p class="wb-body">"Sending your answers…"</p> }.into_any()),
                SendState::Failed { retry: true } => Some(view! {
                    <div class="wb-warning">
                        <h2 class="wb-heading-s">"Your answers have not been sent yet"</h2>
                        <p class="wb-body">"We could not reach the service just now. Your answers are saved on this device. Check your internet connection, then try again."</p>
                    </div>
                }.into_any()),
                SendState::Failed { retry: false } => Some(view! {
                    <div class="wb-warning">
                        <h2 class="wb-heading-s">"Your answers could not be sent"</h2>
                        <p class="wb-body">"The service could not accept your answers. They are saved on this device. Please contact your GP practice to let them know, or try again later."</p>
                    </div>
                }.into_any()),
                SendState::Idle => None,
            }}
        </div>
        <Show
            when=move || matches!(form.sending.get(), SendState::Failed { .. })
            fallback=move || view! {
                <button type="button" class="wb-button" disabled=sending on:click=move |_| form.confirm()>
                    "Confirm and send"
                </button>
            }
        >
            <button type="button" class="wb-button" on:click=move |_| form.send()>"Try again"</button>
        </Show>
    }
}
