use crate::domain::crisis;
use crate::domain::{journey, scoring};
use crate::ui::components::{back_link::BackLink, crisis::CrisisList, error_summary::ErrorSummary};
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
    let field_id = form.ids().item_field_id(&instrument.id, &item.id);
    let hint_id = format!("{field_id}-hint");
    let error_id = format!("{field_id}-error");
    let error = Memo::new({
        let field_id = field_id.clone();
        move |_| {
            form.errors.with(|e| {
                e.iter()
                    .find(|e| e.field_id == field_id)
                    .map(|e| e.message.clone())
            })
        }
    });
    let hint = form
        .instruments
        .with_value(|all| journey::instructions_for(all, measure, index));
    let has_hint = hint.is_some();
    let described_by = {
        let (hint_id, error_id) = (hint_id.clone(), error_id.clone());
        move || {
            let mut ids = Vec::new();
            if has_hint {
                ids.push(hint_id.clone());
            }
            if error.get().is_some() {
                ids.push(error_id.clone());
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    // An answer that raises a risk flag shows crisis help at once, on this page.
    let at_risk = {
        let (instrument, item_id) = (instrument.clone(), item.id.clone());
        move || {
            form.draft.with(|d| {
                scoring::item_raises_risk(&instrument, &d.answers_to(&instrument.id), &item_id)
            })
        }
    };
    let name = form
        .ids()
        .id(&format!("answer-{}-{}", instrument.id, item.id));
    let radios = item
        .options
        .iter()
        .enumerate()
        .map(|(n, option)| {
            let id = if n == 0 { field_id.clone() } else { format!("{field_id}-{n}") };
            let value = option.value;
            let (inst, item_id) = (instrument.clone(), item.id.clone());
            let (checked_inst, checked_item) = (instrument.id.clone(), item.id.clone());
            let anchor = option
                .anchor
                .clone()
                .map(|a| view! { <span class="wb-radios__anchor">{format!(" – {a}")}</span> });
            view! {
                <div class="wb-radios__item">
                    <input
                        class="wb-radios__input"
                        id=id.clone()
                        name=name.clone()
                        type="radio"
                        value=value.to_string()
                        prop:checked=move || form.draft.with(|d| d.answers.get(&checked_inst).and_then(|a| a.get(&checked_item)) == Some(value))
                        on:change=move |_| form.answer(&inst, &item_id, value)
                    />
                    <label class="wb-label wb-radios__label" for=id>
                        <span class="wb-radios__value">{option.label.clone()}</span>
                        {anchor}
                    </label>
                </div>
            }
        })
        .collect_view();
    let attribution = instrument.attribution.clone();
    view! {
        <BackLink on_back=Callback::new(move |_| form.back())/>
        <ErrorSummary id=form.ids().error_summary_id() errors=form.errors.into()/>
        <form novalidate on:submit=move |ev| {
            ev.prevent_default();
            form.continue_from(measure, index);
        }>
            <div class=move || if error.get().is_some() { "wb-form-group wb-form-group--error" } else { "wb-form-group" }>
                <fieldset class="wb-fieldset" aria-describedby=described_by>
                    <legend class="wb-fieldset__legend">
                        <span class="wb-caption">{format!("{} – Question {} of {total}", instrument.title, index + 1)}</span>
                        <h1 class="wb-heading-l" id=form.ids().heading_id() tabindex="-1">{item.text.clone()}</h1>
                    </legend>
                    {hint.map(|h| view! { <div class="wb-hint" id=hint_id.clone()>{h}</div> })}
                    {move || error.get().map(|m| view! {
                        <p class="wb-error-message" id=error_id.clone()>
                            <span class="wb-visually-hidden">"Error: "</span>{m}
                        </p>
                    })}
                    <div class="wb-radios">{radios}</div>
                </fieldset>
            </div>
            <div role="alert" class="wb-alert-region">
                <Show when=at_risk.clone()>
                    <div class="wb-warning wb-risk">
                        <h2 class="wb-heading-s">{crisis::HEADING}</h2>
                        <CrisisList/>
                    </div>
                </Show>
            </div>
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
