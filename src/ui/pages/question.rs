use crate::ui::components::{back_link::BackLink, error_summary::ErrorSummary};
use crate::ui::state::Form;
use leptos::prelude::*;

/// One question of the instrument: a fieldset whose legend is the page heading, and native
/// radios with nothing preselected.
#[component]
pub fn Question(
    /// The question's position in the instrument (0-based).
    index: usize,
) -> impl IntoView {
    let form = expect_context::<Form>();
    let Some(item) = form.instrument.with_value(|i| i.items.get(index).cloned()) else {
        return ().into_any();
    };
    let total = form.journey.questions;
    let field_id = form.item_field_id(&item.id);
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
    let hint = (index == 0).then(|| form.instrument.with_value(|i| i.instructions.clone()));
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
    let name = form.id(&format!("answer-{}", item.id));
    let item_id = item.id.clone();
    let radios = item
        .options
        .iter()
        .enumerate()
        .map(|(n, option)| {
            let id = if n == 0 { field_id.clone() } else { format!("{field_id}-{n}") };
            let value = option.value;
            let item_id = item_id.clone();
            let checked_item = item_id.clone();
            let anchor = option.anchor.clone().map(|a| view! { <span class="wb-radios__anchor">{format!(" – {a}")}</span> });
            view! {
                <div class="wb-radios__item">
                    <input
                        class="wb-radios__input"
                        id=id.clone()
                        name=name.clone()
                        type="radio"
                        value=value.to_string()
                        prop:checked=move || form.draft.with(|d| d.answers.get(&checked_item) == Some(value))
                        on:change=move |_| form.answer(&item_id, value)
                    />
                    <label class="wb-label wb-radios__label" for=id>
                        <span class="wb-radios__value">{option.label.clone()}</span>
                        {anchor}
                    </label>
                </div>
            }
        })
        .collect_view();
    view! {
        <BackLink on_back=Callback::new(move |_| form.back())/>
        <ErrorSummary id=form.error_summary_id() errors=form.errors.into()/>
        <form novalidate on:submit=move |ev| {
            ev.prevent_default();
            form.continue_from(index);
        }>
            <div class=move || if error.get().is_some() { "wb-form-group wb-form-group--error" } else { "wb-form-group" }>
                <fieldset class="wb-fieldset" aria-describedby=described_by>
                    <legend class="wb-fieldset__legend">
                        <span class="wb-caption">{format!("Question {} of {total}", index + 1)}</span>
                        <h1 class="wb-heading-l" id=form.heading_id() tabindex="-1">{item.text.clone()}</h1>
                    </legend>
                    {hint.clone().map(|h| view! { <div class="wb-hint" id=hint_id.clone()>{h}</div> })}
                    {move || error.get().map(|m| view! {
                        <p class="wb-error-message" id=error_id.clone()>
                            <span class="wb-visually-hidden">"Error: "</span>{m}
                        </p>
                    })}
                    <div class="wb-radios">{radios}</div>
                </fieldset>
            </div>
            <button type="submit" class="wb-button">"Continue"</button>
        </form>
    }
    .into_any()
}
