use crate::domain::instrument::{Instrument, Item};
use crate::domain::journey::instructions_for;
use crate::domain::scoring;
use crate::ui::components::field_parts::FieldBinding;
use crate::ui::components::scale_question::ScaleQuestion;
use crate::ui::components::{back_link::BackLink, crisis::RiskAlert, error_summary::ErrorSummary};
use crate::ui::follow_up::state::FollowUpState;
use leptos::prelude::*;

/// One question of a measure, among the others on the page.
fn question(
    state: FollowUpState,
    instrument: &Instrument,
    item: &Item,
    n: usize,
) -> impl IntoView + use<> {
    let field = FieldBinding::scale_item(&state.ids(), state.errors, &instrument.id, &item.id);
    let checked = {
        let (inst_id, item_id) = (instrument.id.clone(), item.id.clone());
        Signal::derive(move || {
            state
                .visit
                .with(|v| v.answers.get(&inst_id).and_then(|a| a.get(&item_id)))
        })
    };
    let on_change = {
        let (inst, item_id) = (instrument.clone(), item.id.clone());
        Callback::new(move |value| state.answer(&inst, &item_id, value))
    };
    let caption = format!("Question {n} of {}", instrument.items.len());
    view! { <ScaleQuestion field item=item.clone() caption compact=true checked on_change/> }
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
        <ErrorSummary id=state.ids().error_summary_id() errors=state.errors.into()/>
        <span class="wb-caption">{format!("Measure {} of {count}", measure + 1)}</span>
        <h1 class="wb-heading-l" id=state.ids().heading_id() tabindex="-1">{instrument.title.clone()}</h1>
        {hint.map(|h| view! { <p class="wb-body wb-instructions">{h}</p> })}
        <form novalidate on:submit=move |ev| {
            ev.prevent_default();
            state.submit_measure(measure);
        }>
            {questions}
            <RiskAlert when=Signal::derive(at_risk) heading="This answer needs a response today"
                body="Follow your service's risk procedure before the visit ends. The visit is sent marked as urgent. Help the client to get help now if they need it:"/>
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
