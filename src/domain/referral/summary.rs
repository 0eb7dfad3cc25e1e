//! Check your answers: each page's answers as the person would read them.

use super::answers::ReferralAnswers;
use super::choices::{Choice, yes_no};
use super::date::{DateOfBirth, DateParts, SimpleDate};
use super::email::EmailAddress;
use super::model::{best_times, in_shown_order};
use super::name::PersonName;
use super::nhs_number::{NhsNumber, NhsNumberError};
use super::pages::{Field, ReferralPage};
use super::phone::PhoneNumber;
use super::postcode::Postcode;

/// What a skipped optional question shows.
pub const NOT_PROVIDED: &str = "Not provided";

/// One row of a check-your-answers summary list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SummaryRow {
    /// The question: its Change link goes to this field's page and `#` + [`Field::id`] (and its
    /// hidden context is `label` in lower case).
    pub field: Field,
    /// The key: [`Field::label`].
    pub label: &'static str,
    /// The answer as the person would read it: labels, not codes; `7 April 1990`;
    /// `943 476 5919`; free text exactly as typed; [`NOT_PROVIDED`] for a skipped optional
    /// question. Several choices are on separate lines (`\n`), as free text may be: render it as
    /// text with `white-space: pre-line` (or one line each).
    pub value: String,
}

/// The rows for one page, in page order. A conditional question that does not apply (see
/// [`Field::applies`]) has no row, except the postcode, which shows "No fixed address".
pub fn summary_rows(page: ReferralPage, answers: &ReferralAnswers) -> Vec<SummaryRow> {
    page.fields()
        .iter()
        .copied()
        .filter(|f| {
            !matches!(f, Field::DobMonth | Field::DobYear | Field::NoFixedAddress)
                && (f.applies(answers) || *f == Field::Postcode)
        })
        .map(|field| SummaryRow {
            field,
            label: field.label(),
            value: value(field, answers),
        })
        .collect()
}

/// Free text exactly as typed, or [`NOT_PROVIDED`] when blank.
fn as_typed(typed: &str) -> String {
    if typed.trim().is_empty() {
        NOT_PROVIDED.to_owned()
    } else {
        typed.to_owned()
    }
}

/// A parsed value's display form; what was typed (trimmed) if it does not parse; [`NOT_PROVIDED`]
/// when blank.
fn tidied<T: ToString, E>(typed: &str, parse: impl Fn(&str) -> Result<T, E>) -> String {
    match parse(typed) {
        Ok(v) => v.to_string(),
        Err(_) if typed.trim().is_empty() => NOT_PROVIDED.to_owned(),
        Err(_) => typed.trim().to_owned(),
    }
}

fn chosen<T: Choice>(choice: Option<T>) -> String {
    choice.map_or(NOT_PROVIDED, T::label).to_owned()
}

fn yes_or_no(answer: Option<bool>) -> String {
    answer.map_or(NOT_PROVIDED, yes_no).to_owned()
}

fn lines<T: Choice>(choices: &[T]) -> String {
    if choices.is_empty() {
        NOT_PROVIDED.to_owned()
    } else {
        choices
            .iter()
            .map(|c| c.label())
            .collect::<Vec<_>>()
            .join("\n")
    }
}

/// `7 April 1990` when the boxes make a real date; otherwise the boxes as typed.
fn date_of_birth(parts: &DateParts) -> String {
    // The day after the end of the year typed is a "today" on which any real date in that year
    // is a possible date of birth.
    let next_year = parts
        .year
        .trim()
        .parse::<u16>()
        .ok()
        .and_then(|y| SimpleDate::new(y.checked_add(1)?, 1, 1).ok());
    if let Some(dob) = next_year.and_then(|t| DateOfBirth::parse(parts, t).ok()) {
        return dob.long_form();
    }
    let typed = [&parts.day, &parts.month, &parts.year]
        .iter()
        .map(|p| p.trim())
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    as_typed(&typed)
}

fn value(field: Field, a: &ReferralAnswers) -> String {
    match field {
        Field::FullName => tidied(&a.full_name, PersonName::parse),
        Field::DobDay | Field::DobMonth | Field::DobYear => date_of_birth(&a.date_of_birth),
        Field::NhsNumber => match NhsNumber::parse(&a.nhs_number) {
            Ok(n) => n.to_string(),
            Err(NhsNumberError::Empty) => NOT_PROVIDED.to_owned(),
            Err(_) => a.nhs_number.trim().to_owned(),
        },
        Field::Postcode | Field::NoFixedAddress if a.no_fixed_address => {
            "No fixed address".to_owned()
        }
        Field::Postcode | Field::NoFixedAddress => tidied(&a.postcode, Postcode::parse),
        Field::GpPractice => as_typed(&a.gp_practice),
        Field::Phone => tidied(&a.phone, PhoneNumber::parse),
        Field::Email => tidied(&a.email, EmailAddress::parse),
        Field::Preferred => chosen(a.preferred),
        Field::SafeToLeaveMessage => yes_or_no(a.safe_to_leave_message),
        Field::SafeToText => yes_or_no(a.safe_to_text),
        Field::BestTimes => lines(&best_times(&a.best_times)),
        Field::WhatMatters => as_typed(&a.what_matters),
        Field::WhatDifferent => as_typed(&a.what_different),
        Field::Areas => lines(&in_shown_order(&a.areas)),
        Field::HeardFrom => chosen(a.heard_from),
        Field::HeardOther => as_typed(&a.heard_other),
        Field::InterpreterNeeded => yes_or_no(a.interpreter_needed),
        Field::Language => as_typed(&a.language),
        Field::AccessibilityNeeds => as_typed(&a.accessibility_needs),
        Field::FillingInFor => chosen(a.filling_in_for),
        Field::HelperName => tidied(&a.helper_name, PersonName::parse),
        Field::HelperRelationship => as_typed(&a.helper_relationship),
        Field::ConsentContact => yes_or_no(a.consent_contact),
        Field::ConsentShareGp => yes_or_no(a.consent_share_gp),
    }
}
