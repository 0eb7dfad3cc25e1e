use crate::domain::instrument::Item;
use crate::ui::components::field_parts::{
    FieldBinding, described_by, error_message, group_class, hint_view,
};
use leptos::prelude::*;

/// One item of an instrument: a fieldset whose legend is the question, and a native radio for
/// each option (its label, and the anchor words where the option has them), nothing
/// preselected. The self-referral asks one per page (the question is the page heading); the
/// follow-up puts a measure's items on one page.
#[component]
pub fn ScaleQuestion(
    /// The first radio's id (the error summary links there), the radios' name, and the error.
    field: FieldBinding,
    /// The item: its question and options.
    item: Item,
    /// Above the question, e.g. "Question 3 of 7".
    caption: String,
    /// The question is the page's `<h1>`, with this id (one question on the page).
    #[prop(optional)]
    heading_id: Option<String>,
    /// The instrument's instructions, under the question.
    #[prop(default = None)]
    hint: Option<String>,
    /// Options side by side, wrapping as a scale when there are more than five (several
    /// questions on one page).
    #[prop(optional)]
    compact: bool,
    /// The chosen option's value.
    checked: Signal<Option<i64>>,
    /// An option chosen (its value).
    on_change: Callback<i64>,
) -> impl IntoView {
    let (hint_id, error_id, error) = (field.hint_id(), field.error_id(), field.error);
    let radios_class = match (compact, item.options.len() > 5) {
        (false, _) => "wb-radios",
        (true, true) => "wb-radios wb-radios--scale",
        (true, false) => "wb-radios wb-radios--inline",
    };
    let radios = item
        .options
        .iter()
        .enumerate()
        .map(|(n, option)| {
            let id = if n == 0 {
                field.id.clone()
            } else {
                format!("{}-{n}", field.id)
            };
            let value = option.value;
            let anchor = option
                .anchor
                .clone()
                .map(|a| view! { <span class="wb-radios__anchor">{format!(" – {a}")}</span> });
            view! {
                <div class="wb-radios__item">
                    <input
                        class="wb-radios__input"
                        id=id.clone()
                        name=field.name.clone()
                        type="radio"
                        value=value.to_string()
                        prop:checked=move || checked.get() == Some(value)
                        on:change=move |_| on_change.run(value)
                    />
                    <label class="wb-label wb-radios__label" for=id>
                        <span class="wb-radios__value">{option.label.clone()}</span>
                        {anchor}
                    </label>
                </div>
            }
        })
        .collect_view();
    let legend = match heading_id {
        Some(h) => view! {
            <legend class="wb-fieldset__legend">
                <span class="wb-caption">{caption}</span>
                <h1 class="wb-heading-l" id=h tabindex="-1">{item.text}</h1>
            </legend>
        }
        .into_any(),
        None => view! {
            <legend class="wb-fieldset__legend wb-fieldset__legend--s">
                <span class="wb-caption">{caption}</span>
                " " {item.text}
            </legend>
        }
        .into_any(),
    };
    let described = described_by(
        hint.is_some().then(|| hint_id.clone()),
        error_id.clone(),
        error,
    );
    view! {
        <div class=group_class(error)>
            <fieldset class="wb-fieldset" aria-describedby=described>
                {legend}
                {hint_view(&hint_id, hint)}
                {error_message(error_id, error)}
                <div class=radios_class>{radios}</div>
            </fieldset>
        </div>
    }
}
