use crate::domain::crisis;
use crate::domain::{journey, scoring};
use crate::ui::components::field_parts::FieldBinding;
use crate::ui::components::scale_question::ScaleQuestion;
use crate::ui::components::{back_link::BackLink, crisis::RiskAlert, error_summary::ErrorSummary};
use crate::ui::state::WidgetForm;
use leptos::prelude::*;

/// One question of an instrument: a fieldset whose legend is the page heading, and native
/// radios with nothing preselected.
#[component]
pub fn Question(
    /// The measure's position in the deployment's list (0-based).
    measure: usize,
    /// The question's position in the instrument (0-based).
    index: usize,
) -> impl IntoView {
    let form = expect_context::<WidgetForm>();
    let Some((instrument, item)) = form.item_at(measure, index) else {
        return ().into_any();
    };
    let total = instrument.items.len();
    let ids = form.ids();
    let field = FieldBinding::scale_item(&ids, form.errors, &instrument.id, &item.id);
    let hint = form
        .instruments
        .with_value(|all| journey::instructions_for(all, measure, index));
    // An answer that raises a risk flag shows crisis help at once, on this page.
    let at_risk = {
        let (instrument, item_id) = (instrument.clone(), item.id.clone());
        move || {
            form.draft.with(|d| {
                scoring::item_raises_risk(&instrument, &d.answers_to(&instrument.id), &item_id)
            })
        }
    };
    let checked = {
        let (inst_id, item_id) = (instrument.id.clone(), item.id.clone());
        Signal::derive(move || {
            form.draft
                .with(|d| d.answers.get(&inst_id).and_then(|a| a.get(&item_id)))
        })
    };
    let on_change = {
        let (inst, item_id) = (instrument.clone(), item.id.clone());
        Callback::new(move |value| form.answer(&inst, &item_id, value))
    };
    let caption = format!("{} – Question {} of {total}", instrument.title, index + 1);
    let attribution = instrument.attribution.clone();
    view! {
        <BackLink on_back=Callback::new(move |_| form.back())/>
        <ErrorSummary id=ids.error_summary_id() errors=form.errors.into()/>
        <form novalidate on:submit=move |ev| {
            ev.prevent_default();
            form.continue_from(measure, index);
        }>
            <ScaleQuestion field item caption heading_id=ids.heading_id() hint checked on_change/>
            <RiskAlert when=Signal::derive(at_risk) heading=crisis::HEADING/>
            <div class="wb-button-group">
                <button type="submit" class="wb-button">"Continue"</button>
                <button type="button" class="wb-button wb-button--secondary" on:click=move |_| form.skip(measure, index)>
                    "Skip this question"
                </button>
            </div>
        </form>
        {attribution.map(|a| view! { <p class="wb-hint wb-attribution">{a}</p> })}
    }
    .into_any()
}
