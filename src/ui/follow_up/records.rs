use crate::domain::follow_up::record_key;
use crate::domain::follow_up::{RecordedScore, number, score_label, score_range, short_name};
use crate::domain::instrument::{Instrument, Scoring};
use crate::ui::components::field_parts::{described_by, error_message, group_class};
use crate::ui::components::{back_link::BackLink, error_summary::ErrorSummary};
use crate::ui::follow_up::state::FollowUpState;
use leptos::prelude::*;

/// One typed-in baseline field (a text input with its label, hint and error).
fn record_field(
    state: FollowUpState,
    instrument: &Instrument,
    part: &str,
    label: String,
) -> impl IntoView + use<> {
    let key = record_key(&instrument.id, part);
    let field = state.field(&format!("records-{key}"));
    let hint = match (part, score_range(instrument, part)) {
        ("metric", _) => "The raw total or the metric score, as the records give it".to_owned(),
        (_, Some((lo, hi))) => format!("A whole number from {} to {}", number(lo), number(hi)),
        _ => String::new(),
    };
    let (k1, k2) = (key.clone(), key);
    view! {
        <div class=group_class(field.error)>
            <label class="wb-label" for=field.id.clone()>{label}</label>
            <div class="wb-hint" id=field.hint_id()>{hint}</div>
            {error_message(field.error_id(), field.error)}
            <input class="wb-input wb-input--width-5" id=field.id.clone() type="text" inputmode="decimal" autocomplete="off"
                aria-describedby=described_by(Some(field.hint_id()), field.error_id(), field.error)
                prop:value=move || state.visit.with(|v| v.records.get(&k1).cloned().unwrap_or_default())
                on:input:target=move |ev| {
                    let value = ev.target().value();
                    state.visit.update(|v| { v.records.insert(k2.clone(), value); });
                }/>
        </div>
    }
}

/// Which score the records give for an instrument with a converted score (SWEMWBS): a radio
/// pair, raw total or metric score (`domain::follow_up::RecordedScore`).
fn record_kind_field(state: FollowUpState, instrument: &Instrument) -> impl IntoView + use<> {
    let key = record_key(&instrument.id, "kind");
    let field = state.field(&format!("records-{key}"));
    let id = field.id.clone();
    let name = short_name(instrument).to_owned();
    let hint = match (
        score_range(instrument, "total"),
        score_range(instrument, "metric"),
    ) {
        (Some((lo, hi)), Some((mlo, mhi))) => format!(
            "The raw total is the sum of the answers, a whole number from {} to {}. The metric score is converted from it with the {name} conversion table ({} to {}, up to 2 decimal places).",
            number(lo),
            number(hi),
            number(mlo),
            number(mhi)
        ),
        _ => String::new(),
    };
    let radios = RecordedScore::ALL
        .into_iter()
        .enumerate()
        .map(|(n, kind)| {
            let radio_id = if n == 0 { id.clone() } else { format!("{id}-{n}") };
            let (k1, k2) = (key.clone(), key.clone());
            view! {
                <div class="wb-radios__item">
                    <input class="wb-radios__input" id=radio_id.clone() name=id.clone() type="radio" value=kind.code()
                        prop:checked=move || state.visit.with(|v| v.records.get(&k1).map(String::as_str) == Some(kind.code()))
                        on:change=move |_| state.visit.update(|v| { v.records.insert(k2.clone(), kind.code().to_owned()); })/>
                    <label class="wb-label wb-radios__label" for=radio_id>{kind.label()}</label>
                </div>
            }
        })
        .collect_view();
    view! {
        <div class=group_class(field.error)>
            <fieldset class="wb-fieldset" aria-describedby=described_by(Some(field.hint_id()), field.error_id(), field.error)>
                <legend class="wb-fieldset__legend wb-fieldset__legend--s">{format!("Is the baseline {name} score a raw total or a metric score?")}</legend>
                <div class="wb-hint" id=field.hint_id()>{hint}</div>
                {error_message(field.error_id(), field.error)}
                <div class="wb-radios wb-radios--inline">{radios}</div>
            </fieldset>
        </div>
    }
}

/// Baseline scores from the service's records, for measures with no baseline on this device.
/// Every field may be left empty (then that measure shows no change).
#[component]
pub fn Records() -> impl IntoView {
    let state = expect_context::<FollowUpState>();
    let measures = state
        .missing_baselines()
        .into_iter()
        .map(|inst| {
            let fields = if matches!(inst.scoring, Scoring::PerItem {}) {
                inst.items
                    .iter()
                    .map(|item| record_field(state, &inst, &item.id, item.short_label.clone()).into_any())
                    .collect_view()
                    .into_any()
            } else if matches!(inst.scoring, Scoring::SumConverted { .. }) {
                // The records may give the raw total or the metric score: the score, then which.
                let label = format!("Baseline {} score", short_name(&inst));
                view! {
                    {record_field(state, &inst, "metric", label)}
                    {record_kind_field(state, &inst)}
                }
                .into_any()
            } else {
                record_field(state, &inst, "total", format!("Baseline {}", score_label(&inst, "total"))).into_any()
            };
            view! {
                <fieldset class="wb-fieldset wb-records">
                    <legend class="wb-fieldset__legend wb-fieldset__legend--m">{inst.title.clone()}</legend>
                    {fields}
                </fieldset>
            }
        })
        .collect_view();
    view! {
        <BackLink on_back=Callback::new(move |_| state.back())/>
        <ErrorSummary id=state.ids().error_summary_id() errors=state.errors.into()/>
        <h1 class="wb-heading-l" id=state.ids().heading_id() tabindex="-1">"Baseline scores from your records"</h1>
        <p class="wb-body">"There is no baseline for these measures on this device. If the client's baseline scores are in the service's records, enter them to see the change. Leave a box empty if you do not have the score."</p>
        <form novalidate on:submit=move |ev| {
            ev.prevent_default();
            state.submit_records();
        }>
            {measures}
            <button type="submit" class="wb-button">"Continue"</button>
        </form>
    }
}
