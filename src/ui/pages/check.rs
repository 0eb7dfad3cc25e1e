use crate::domain::instrument::Instrument;
use crate::domain::referral::{ReferralPage, summary_rows};
use crate::ui::components::back_link::BackLink;
use crate::ui::state::WidgetForm;
use leptos::prelude::*;

/// One measure's answers as a summary list with Change links.
fn measure_rows(
    form: WidgetForm,
    measure: usize,
    instrument: &Instrument,
) -> impl IntoView + use<> {
    let rows = instrument
        .items
        .iter()
        .enumerate()
        .map(|(index, item)| {
            let label = item.short_label.clone();
            let (inst_id, it) = (instrument.id.clone(), item.clone());
            let value = move || form.draft.with(|d| it.answer_text(d.answers_to(&inst_id).get(&it.id)));
            let href = format!("#{}", form.ids().item_field_id(&instrument.id, &item.id));
            view! {
                <div class="wb-summary-list__row">
                    <dt class="wb-summary-list__key">{label.clone()}</dt>
                    <dd class="wb-summary-list__value">{value}</dd>
                    <dd class="wb-summary-list__actions">
                            <a class="wb-link" href=href.clone() on:click=move |ev| {
                                ev.prevent_default();
                                form.change(measure, index);
                            }>
                                "Change"<span class="wb-visually-hidden">{format!(" {label}")}</span>
                            </a>

                    </dd>
                </div>
            }
        })
        .collect_view();
    view! {
        <h2 class="wb-heading-m">{instrument.title.clone()}</h2>
        <dl class="wb-summary-list">{rows}</dl>
        {instrument.attribution.clone().map(|a| view! { <p class="wb-hint wb-attribution">{a}</p> })}
    }
}

/// One self-referral page's answers as a summary list: exactly as typed, "Not provided" for a
/// skipped optional question, and a Change link back to the field.
fn referral_rows(form: WidgetForm, part: ReferralPage) -> impl IntoView + use<> {
    let rows = move || {
        form.draft
            .with(|d| summary_rows(part, &d.referral))
            .into_iter()
            .map(|row| {
                let field = row.field;
                view! {
                    <div class="wb-summary-list__row">
                        <dt class="wb-summary-list__key">{row.label}</dt>
                        <dd class="wb-summary-list__value wb-summary-list__value--text">{row.value}</dd>
                        <dd class="wb-summary-list__actions">
                            <a class="wb-link" href=format!("#{}", form.field_id(field)) on:click=move |ev| {
                                ev.prevent_default();
                                form.change_referral(field);
                            }>
                                "Change"<span class="wb-visually-hidden">{format!(" {}", row.label.to_lowercase())}</span>
                            </a>
                        </dd>
                    </div>
                }
            })
            .collect_view()
    };
    view! {
        <h2 class="wb-heading-m">{part.heading()}</h2>
        <dl class="wb-summary-list">{rows}</dl>
    }
}

/// Check your answers: the self-referral, then each measure's answers, with Change links; then
/// "Confirm and send".
#[component]
pub fn CheckAnswers() -> impl IntoView {
    let form = expect_context::<WidgetForm>();
    let measures = form.instruments.with_value(|all| {
        all.iter()
            .enumerate()
            .map(|(m, i)| measure_rows(form, m, i))
            .collect_view()
    });
    view! {
        <BackLink on_back=Callback::new(move |_| form.back())/>
        <h1 class="wb-heading-l" id=form.ids().heading_id() tabindex="-1">"Check your answers before sending"</h1>
        {ReferralPage::ALL.map(|part| referral_rows(form, part)).into_iter().collect_view()}
        {measures}
        <button type="button" class="wb-button" on:click=move |_| form.confirm()>
            "Confirm and send"
        </button>
    }
}
