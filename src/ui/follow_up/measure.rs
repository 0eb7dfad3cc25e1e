use crate::domain::instrument::{Instrument, Item};
use crate::domain::journey::instructions_for;
use crate::domain::scoring;
use crate::ui::components::{back_link::BackLink, crisis::CrisisList, error_summary::ErrorSummary};
use crate::ui::follow_up::details::{FieldErrorMessage, described_by, group_class};
use crate::ui::follow_up::state::FollowUpState;
use leptos::prelude::*;

/// One question of a measure: a fieldset with the question as its legend and native radios,
/// nothing preselected.
fn question(
    state: FollowUpState,
    instrument: &Instrument,
    item: &Item,
    n: usize,
) -> impl IntoView + use<> {
    let field_id = state.item_field_id(&instrument.id, &item.id);
    let name = state.id(&format!("answer-{}-{}", instrument.id, item.id));
    let total = instrument.items.len();
    let radios = item
        .options
        .iter()
        .enumerate()
        .map(|(k, option)| {
            let id = if k == 0 { field_id.clone() } else { format!("{field_id}-{k}") };
            let value = option.value;
            let (inst, item_id) = (instrument.clone(), item.id.clone());
            let (inst_id, checked_item) = (instrument.id.clone(), item.id.clone());
            let anchor = option
                .anchor
                .clone()
                .map(|a| view! { <span class="wb-radios__anchor">{format!(" – {a}")}</span> });
            view! {
                <div class="wb-radios__item">
                    <input class="wb-radios__input" id=id.clone() name=name.clone() type="radio" value=value.to_string()
                        prop:checked=move || state.visit.with(|v| v.answers.get(&inst_id).and_then(|a| a.get(&checked_item)) == Some(value))
                        on:change=move |_| state.answer(&inst, &item_id, value)/>
                    <label class="wb-label wb-radios__label" for=id>
                        <span class="wb-radios__value">{option.label.clone()}</span>
                        {anchor}
                    </label>
                </div>
            }
        })
        .collect_view();
    let numeric = item.options.len() > 5;
    view! {
        <div class=group_class(state, field_id.clone())>
            <fieldset class="wb-fieldset" aria-describedby=described_by(state, field_id.clone(), None)>
                <legend class="wb-fieldset__legend wb-fieldset__legend--s">
                    <span class="wb-caption">{format!("Question {n} of {total}")}</span>
                    " " {item.text.clone()}
                </legend>
                <FieldErrorMessage field_id=field_id.clone()/>
                <div class=if numeric { "wb-radios wb-radios--scale" } else { "wb-radios wb-radios--inline" }>{radios}</div>
            </fieldset>
        </div>
    }
}

/// One measure administered with the client: all its questions on one page (a tablet holds
/// them), validated together.
#[component]
pub fn MeasurePage(
    /// The measure's position in the deployment's list (0-based).
    measure: usize,
) -> impl IntoView {
    let state = expect_context::<FollowUpState>();
    let Some(instrument) = state.instrument_at(measure) else {
        return ().into_any();
    };
    let count = state.measure_count();
    let questions = instrument
        .items
        .iter()
        .enumerate()
        .map(|(n, item)| question(state, &instrument, item, n + 1))
        .collect_view();
    // The instructions shown before the questions (the loneliness introduction only once).
    let hint = state
        .instruments
        .with_value(|all| instructions_for(all, measure, 0));
    let at_risk = {
        let inst = instrument.clone();
        move || {
            state
                .visit
                .with(|v| !scoring::risk(&inst, &v.answers_to(&inst.id)).is_empty())
        }
    };
    let attribution = instrument.attribution.clone();
    view! {
        <BackLink on_back=Callback::new(move |_| state.back())/>
        <ErrorSummary id=state.error_summary_id() errors=state.errors.into()/>
        <span class="wb-caption">{format!("Measure {} of {count}", measure + 1)}</span>
        <h1 class="wb-heading-l" id=state.heading_id() tabindex="-1">{instrument.title.clone()}</h1>
        {hint.map(|h| view! { <p class="wb-body wb-instructions">{h}</p> })}
        <form novalidate on:submit=move |ev| {
            ev.prevent_default();
            state.submit_measure(measure);
        }>
            {questions}
            <div role="alert" class="wb-alert-region">
                <Show when=at_risk.clone()>
                    <div class="wb-warning wb-risk">
                        <h2 class="wb-heading-s">"This answer needs a response today"</h2>
                        <p class="wb-body">"Follow your service's risk procedure before the visit ends. The visit is sent marked as urgent. Help the client to get help now if they need it:"</p>
                        <CrisisList/>
                    </div>
                </Show>
            </div>
            <div class="wb-button-group">
                <button type="submit" class="wb-button">"Continue"</button>
                <button type="button" class="wb-button wb-button--secondary" on:click=move |_| state.skip_rest(measure)>
                    "Continue without the unanswered questions"
                </button>
            </div>
        </form>
        {attribution.map(|a| view! { <p class="wb-hint wb-attribution">{a}</p> })}
    }
    .into_any()
}
