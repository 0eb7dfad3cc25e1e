//! Form fields in the GOV.UK pattern: a label (or a fieldset legend), an optional hint, an
//! inline error with a hidden "Error:" prefix, and the input, linked by `aria-describedby`.
//! Each field is given its ids, value and error by the form that owns it (a [`FieldBinding`]),
//! shows what the person typed, exactly, and reports every change; the rules about what is
//! acceptable are in `domain`.

use crate::domain::referral::{Choice, DatePart, DateParts, PartsInError};
use crate::ui::components::field_parts::{
    FieldBinding, described_by, error_message, group_class, hint_view,
};
use leptos::prelude::*;

/// The options of a set of radios or checkboxes: `(code, label)`, in the order shown.
pub type Options = Vec<(&'static str, &'static str)>;

/// Every option of a choice, as [`Options`].
pub fn options<T: Choice>() -> Options {
    T::ALL.iter().map(|c| (c.code(), c.label())).collect()
}

/// "Yes" and "No" (codes `yes`, `no`).
pub fn yes_no_options() -> Options {
    vec![("yes", "Yes"), ("no", "No")]
}

/// The code of a yes/no answer.
pub fn yes_no_code(answer: Option<bool>) -> Option<&'static str> {
    answer.map(|a| if a { "yes" } else { "no" })
}

/// A one-line text box.
#[component]
pub fn TextInput(
    /// Its id, name and error.
    field: FieldBinding,
    label: &'static str,
    #[prop(optional)] hint: Option<&'static str>,
    /// What was typed.
    value: Signal<String>,
    /// Every change.
    on_input: Callback<String>,
    /// `text`, `email` or `tel`.
    #[prop(default = "text")]
    kind: &'static str,
    #[prop(optional)] autocomplete: Option<&'static str>,
    #[prop(optional)] inputmode: Option<&'static str>,
    /// An extra width class, e.g. `wb-input--width-10`.
    #[prop(optional)]
    width: Option<&'static str>,
    /// Names, numbers, codes and addresses are not spellchecked.
    #[prop(optional)]
    no_spellcheck: bool,
) -> impl IntoView {
    let (hint_id, error_id, error) = (field.hint_id(), field.error_id(), field.error);
    let class = move || {
        let mut c = String::from("wb-input");
        if let Some(w) = width {
            c.push(' ');
            c.push_str(w);
        }
        if error.get().is_some() {
            c.push_str(" wb-input--error");
        }
        c
    };
    view! {
        <div class=group_class(error)>
            <label class="wb-label" for=field.id.clone()>{label}</label>
            {hint_view(&hint_id, hint)}
            {error_message(error_id.clone(), error)}
            <input
                class=class
                id=field.id
                name=field.name
                type=kind
                autocomplete=autocomplete
                inputmode=inputmode
                spellcheck=no_spellcheck.then_some("false")
                aria-describedby=described_by(hint.map(|_| hint_id.clone()), error_id, error)
                prop:value=move || value.get()
                on:input=move |ev| on_input.run(event_target_value(&ev))
            />
        </div>
    }
}

/// A multi-line text box with a character count (announced politely as the person types).
#[component]
pub fn TextArea(
    /// Its id, name and error.
    field: FieldBinding,
    label: &'static str,
    #[prop(optional)] hint: Option<&'static str>,
    value: Signal<String>,
    on_input: Callback<String>,
    /// The most characters accepted (the count says how many are left, or how many too many).
    max_chars: usize,
    /// The label is the page's `<h1>`.
    #[prop(optional)]
    heading_id: Option<String>,
) -> impl IntoView {
    let id = field.id.clone();
    let (hint_id, error_id, error) = (field.hint_id(), field.error_id(), field.error);
    let count_id = format!("{id}-count");
    let count = move || {
        let used = value.with(|v| v.chars().count());
        if used <= max_chars {
            let left = max_chars - used;
            format!(
                "You have {left} character{} remaining",
                if left == 1 { "" } else { "s" }
            )
        } else {
            let over = used - max_chars;
            format!(
                "You have {over} character{} too many",
                if over == 1 { "" } else { "s" }
            )
        }
    };
    let over = move || value.with(|v| v.chars().count() > max_chars);
    let label_view = match heading_id {
        Some(h) => view! {
            <h1 class="wb-label-wrapper" id=h tabindex="-1">
                <label class="wb-label wb-label--l" for=id.clone()>{label}</label>
            </h1>
        }
        .into_any(),
        None => view! { <label class="wb-label" for=id.clone()>{label}</label> }.into_any(),
    };
    let described = {
        let d = described_by(hint.map(|_| hint_id.clone()), error_id.clone(), error);
        let count_id = count_id.clone();
        move || Some(d().map_or_else(|| count_id.clone(), |d| format!("{d} {count_id}")))
    };
    view! {
        <div class=group_class(error)>
            {label_view}
            {hint_view(&hint_id, hint)}
            {error_message(error_id, error)}
            <textarea
                class=move || if error.get().is_some() || over() { "wb-textarea wb-textarea--error" } else { "wb-textarea" }
                id=id
                name=field.name
                rows="5"
                aria-describedby=described
                prop:value=move || value.get()
                on:input=move |ev| on_input.run(event_target_value(&ev))
            ></textarea>
            <div class=move || if over() { "wb-hint wb-character-count wb-character-count--over" } else { "wb-hint wb-character-count" }
                id=count_id aria-live="polite">
                {count}
            </div>
        </div>
    }
}

/// Radios or checkboxes in a fieldset: what [`Radios`] and [`Checkboxes`] share.
#[allow(clippy::too_many_arguments)]
fn choice_group(
    field: FieldBinding,
    legend: &'static str,
    hint: Option<&'static str>,
    options: Options,
    chosen: Signal<Vec<&'static str>>,
    on_change: Callback<(&'static str, bool)>,
    heading_id: Option<String>,
    kind: &'static str,
    list: &'static str,
    inline: bool,
) -> impl IntoView {
    let (hint_id, error_id, error) = (field.hint_id(), field.error_id(), field.error);
    let items = options
        .into_iter()
        .enumerate()
        .map(|(n, (code, label))| {
            let input_id = if n == 0 {
                field.id.clone()
            } else {
                format!("{}-{n}", field.id)
            };
            view! {
                <div class=format!("{list}__item")>
                    <input
                        class=format!("{list}__input")
                        id=input_id.clone()
                        name=field.name.clone()
                        type=kind
                        value=code
                        prop:checked=move || chosen.with(|v| v.contains(&code))
                        on:change=move |ev| on_change.run((code, event_target_checked(&ev)))
                    />
                    <label class=format!("wb-label {list}__label") for=input_id>{label}</label>
                </div>
            }
        })
        .collect_view();
    let described = described_by(hint.map(|_| hint_id.clone()), error_id.clone(), error);
    view! {
        <div class=group_class(error)>
            <fieldset class="wb-fieldset" aria-describedby=described>
                {legend_view(legend, heading_id)}
                {hint_view(&hint_id, hint)}
                {error_message(error_id, error)}
                <div class=if inline { format!("{list} {list}--inline") } else { list.to_owned() }>{items}</div>
            </fieldset>
        </div>
    }
}

/// Radios in a fieldset: one choice.
#[component]
pub fn Radios(
    /// Its id (the first radio's), name (every radio's) and error.
    field: FieldBinding,
    legend: &'static str,
    #[prop(optional)] hint: Option<&'static str>,
    options: Options,
    /// The chosen option's code.
    value: Signal<Option<&'static str>>,
    on_change: Callback<&'static str>,
    /// The legend is the page's `<h1>` (one question on the page).
    #[prop(optional)]
    heading_id: Option<String>,
    /// Side by side (for Yes / No).
    #[prop(optional)]
    inline: bool,
) -> impl IntoView {
    choice_group(
        field,
        legend,
        hint,
        options,
        Signal::derive(move || value.get().into_iter().collect()),
        Callback::new(move |(code, _)| on_change.run(code)),
        heading_id,
        "radio",
        "wb-radios",
        inline,
    )
}

fn legend_view(legend: &'static str, heading_id: Option<String>) -> impl IntoView {
    match heading_id {
        Some(h) => view! {
            <legend class="wb-fieldset__legend">
                <h1 class="wb-heading-l" id=h tabindex="-1">{legend}</h1>
            </legend>
        }
        .into_any(),
        None => {
            view! { <legend class="wb-fieldset__legend wb-fieldset__legend--m">{legend}</legend> }
                .into_any()
        }
    }
}

/// Checkboxes in a fieldset: any number of choices.
#[component]
pub fn Checkboxes(
    /// Its id (the first checkbox's), name (every checkbox's) and error.
    field: FieldBinding,
    legend: &'static str,
    #[prop(optional)] hint: Option<&'static str>,
    options: Options,
    /// The chosen options' codes.
    value: Signal<Vec<&'static str>>,
    /// An option ticked (`true`) or unticked.
    on_toggle: Callback<(&'static str, bool)>,
) -> impl IntoView {
    choice_group(
        field,
        legend,
        hint,
        options,
        value,
        on_toggle,
        None,
        "checkbox",
        "wb-checkboxes",
        false,
    )
}

/// One checkbox on its own (e.g. "I do not have a fixed address"), with its inline error while
/// it has one.
#[component]
pub fn Checkbox(
    /// Its id, name and error.
    field: FieldBinding,
    label: &'static str,
    value: Signal<bool>,
    on_change: Callback<bool>,
) -> impl IntoView {
    let (error_id, error) = (field.error_id(), field.error);
    view! {
        <div class=group_class(error)>
            {error_message(error_id.clone(), error)}
            <div class="wb-checkboxes">
                <div class="wb-checkboxes__item">
                    <input
                        class="wb-checkboxes__input"
                        id=field.id.clone()
                        name=field.name
                        type="checkbox"
                        aria-describedby=described_by(None, error_id, error)
                        prop:checked=move || value.get()
                        on:change=move |ev| on_change.run(event_target_checked(&ev))
                    />
                    <label class="wb-label wb-checkboxes__label" for=field.id>{label}</label>
                </div>
            </div>
        </div>
    }
}

/// A date as day, month and year boxes in a fieldset (the GOV.UK date input), with the
/// browser's `bday-*` autocomplete. Only the boxes the message is about are highlighted.
#[component]
pub fn DateOfBirthInput(
    /// The day, month and year boxes' ids and names, in that order. The day's id is the
    /// field's: the hint and error ids derive from it.
    boxes: [(String, String); 3],
    /// The message for the date, whichever box it is about.
    error: Signal<Option<String>>,
    /// The boxes the message is about.
    parts_in_error: Signal<Option<PartsInError>>,
    /// What was typed in each box.
    value: Signal<DateParts>,
    /// Every change to a box.
    on_input: Callback<(DatePart, String)>,
) -> impl IntoView {
    let first = boxes[0].0.clone();
    let (hint_id, error_id) = (format!("{first}-hint"), format!("{first}-error"));
    let parts = move || error.get().and_then(|_| parts_in_error.get());
    let boxes = boxes
        .into_iter()
        .zip([
            (DatePart::Day, "Day", "bday-day", "wb-input--width-2"),
            (DatePart::Month, "Month", "bday-month", "wb-input--width-2"),
            (DatePart::Year, "Year", "bday-year", "wb-input--width-4"),
        ])
        .map(|((id, name), (part, label, autocomplete, width))| {
            let class = move || {
                if parts().is_some_and(|p| p.contains(part)) {
                    format!("wb-input {width} wb-input--error")
                } else {
                    format!("wb-input {width}")
                }
            };
            view! {
                <div class="wb-date-input__item">
                    <label class="wb-label wb-date-input__label" for=id.clone()>{label}</label>
                    <input
                        class=class
                        id=id
                        name=name
                        type="text"
                        inputmode="numeric"
                        autocomplete=autocomplete
                        spellcheck="false"
                        prop:value=move || value.with(|v| v.part(part).to_owned())
                        on:input=move |ev| on_input.run((part, event_target_value(&ev)))
                    />
                </div>
            }
        })
        .collect_view();
    let described = described_by(Some(hint_id.clone()), error_id.clone(), error);
    view! {
        <div class=group_class(error)>
            <fieldset class="wb-fieldset" role="group" aria-describedby=described>
                <legend class="wb-fieldset__legend wb-fieldset__legend--m">"Date of birth"</legend>
                <div class="wb-hint" id=hint_id>"For example, 27 3 1985"</div>
                {error_message(error_id, error)}
                <div class="wb-date-input">{boxes}</div>
            </fieldset>
        </div>
    }
}
