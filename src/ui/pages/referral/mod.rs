//! The self-referral pages, one file each, and what they share: the page around the fields
//! (back link, error summary, the form with "Continue") and the bindings that connect a field to
//! the draft's [`ReferralAnswers`].

pub mod about_you;
pub mod consent;
pub mod contact;
pub mod how_heard;
pub mod support;
pub mod too_young;
pub mod what_matters;

use crate::domain::referral::{Choice, Field, ReferralAnswers, ReferralPage};
use crate::ui::components::field_parts::FieldBinding;
use crate::ui::components::{back_link::BackLink, error_summary::ErrorSummary};
use crate::ui::state::WidgetForm;
use leptos::prelude::*;

/// One self-referral page: back link, error summary, and a `novalidate` form whose "Continue"
/// checks this page.
#[component]
pub fn ReferralForm(part: ReferralPage, children: Children) -> impl IntoView {
    let form = expect_context::<WidgetForm>();
    view! {
        <BackLink on_back=Callback::new(move |_| form.back())/>
        <ErrorSummary id=form.ids().error_summary_id() errors=form.errors.into()/>
        <form novalidate on:submit=move |ev| {
            ev.prevent_default();
            form.continue_referral(part);
        }>
            {children()}
            <button type="submit" class="wb-button">"Continue"</button>
        </form>
    }
}

/// The page's `<h1>` (focused when the page opens).
pub fn heading(form: WidgetForm, part: ReferralPage) -> impl IntoView {
    view! { <h1 class="wb-heading-l" id=form.ids().heading_id() tabindex="-1">{part.heading()}</h1> }
}

/// A text box's or a lone checkbox's binding: its DOM id, its name (the field's own id) and its
/// error.
pub fn field(form: WidgetForm, field: Field) -> FieldBinding {
    FieldBinding::new(form.field_id(field), field.id().to_owned(), form.errors)
}

/// A group of radios or checkboxes: its inputs are named by the group's DOM id.
pub fn group(form: WidgetForm, field: Field) -> FieldBinding {
    let id = form.field_id(field);
    FieldBinding::new(id.clone(), id, form.errors)
}

/// A free-text answer: what was typed, and where a change goes.
pub fn text(
    form: WidgetForm,
    get: fn(&ReferralAnswers) -> &str,
    set: fn(&mut ReferralAnswers) -> &mut String,
) -> (Signal<String>, Callback<String>) {
    (
        Signal::derive(move || form.draft.with(|d| get(&d.referral).to_owned())),
        Callback::new(move |typed: String| form.edit_referral(|r| *set(r) = typed)),
    )
}

/// A one-of choice, by code.
pub fn choice<T: Choice + Send + Sync>(
    form: WidgetForm,
    get: fn(&ReferralAnswers) -> Option<T>,
    set: fn(&mut ReferralAnswers, Option<T>),
) -> (Signal<Option<&'static str>>, Callback<&'static str>) {
    (
        Signal::derive(move || form.draft.with(|d| get(&d.referral).map(T::code))),
        Callback::new(move |code: &'static str| {
            form.edit_referral(|r| set(r, T::from_code(code)));
        }),
    )
}

/// A yes/no answer, by code (`yes`, `no`).
pub fn yes_no(
    form: WidgetForm,
    get: fn(&ReferralAnswers) -> Option<bool>,
    set: fn(&mut ReferralAnswers, Option<bool>),
) -> (Signal<Option<&'static str>>, Callback<&'static str>) {
    (
        Signal::derive(move || {
            form.draft
                .with(|d| crate::ui::components::fields::yes_no_code(get(&d.referral)))
        }),
        Callback::new(move |code: &'static str| {
            form.edit_referral(|r| set(r, Some(code == "yes")))
        }),
    )
}

/// Any number of choices, by code, in the order ticked (the domain puts them in the order shown
/// when it summarises or sends them).
pub fn choices<T: Choice + Send + Sync>(
    form: WidgetForm,
    get: fn(&ReferralAnswers) -> &[T],
    set: fn(&mut ReferralAnswers) -> &mut Vec<T>,
) -> (Signal<Vec<&'static str>>, Callback<(&'static str, bool)>) {
    (
        Signal::derive(move || {
            form.draft
                .with(|d| get(&d.referral).iter().map(|c| c.code()).collect())
        }),
        Callback::new(move |(code, on): (&'static str, bool)| {
            form.edit_referral(|r| {
                let list = set(r);
                list.retain(|c| c.code() != code);
                if let (true, Some(c)) = (on, T::from_code(code)) {
                    list.push(c);
                }
            });
        }),
    )
}
