//! Checking the self-referral pages: [`validate`] one page when the person presses Continue,
//! [`parse_all`] every page into a [`Referral`] before sending.
//!
//! The rules, page by page (messages in the GOV.UK style; the field types give their own):
//!
//! - **About you.** Full name required. Date of birth required, a real date, in the past, not
//!   more than 120 years ago; then the minimum age, which is not an error but
//!   [`PageResult::TooYoung`] (the person is shown who to contact instead; it wins over any other
//!   problem on the page, since they cannot go on). NHS number optional (blank, or only spaces and
//!   hyphens, is not given). Postcode required unless "no fixed address" is ticked (then the
//!   postcode box is not used). GP practice optional, at most 100 characters.
//! - **Contact.** A phone number or an email address, or both, each checked if given. A preferred
//!   way, which must be one given (text message needs a mobile). Whether it is safe to leave a
//!   message, when a phone number is given; whether it is safe to text, when a mobile is given;
//!   text message cannot be the preferred way if it is not safe to text. Best times optional.
//! - **What matters.** "What matters to you" required; both texts at most 1000 characters;
//!   areas optional.
//! - **How you heard.** A choice required; "Other" needs the text.
//! - **Support.** Interpreter yes/no required, the language when yes. Accessibility needs
//!   optional. Who is filling in the form required; the helper's name when it is someone else.
//! - **Consent.** Consent to be contacted by a link worker must be yes (the message says why);
//!   consent to share with the GP practice yes/no required.
//!
//! A field has at most one error (a missing answer's first), and errors come in page order.
//!
//! The rules are declared on [`ReferralAnswers`] with `validator` ([`super::rules`] has their
//! functions): both functions run the derived `validate_with_args` and keep the errors of the
//! page (or of every page), mapped to [`FieldError`]s. [`parse_all`] then parses each answer into
//! its type to build the [`Referral`].

use super::answers::ReferralAnswers;
use super::choices::Source;
use super::date::{DateOfBirth, PartsInError, SimpleDate};
use super::email::{EmailAddress, EmailAddressError};
use super::model::{Consent, ContactDetails, Referral, SupportNeeds, best_times, in_shown_order};
use super::name::PersonName;
use super::nhs_number::{NhsNumber, NhsNumberError};
use super::pages::{Field, ReferralPage};
use super::phone::{PhoneNumber, PhoneNumberError};
use super::postcode::Postcode;
use super::rules::{self, RuleContext};
use super::text::FreeText;
use std::fmt;

/// A problem with one field: shown next to it and, linking to `#` + the field's id, in the error
/// summary.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldError {
    pub field: Field,
    pub message: String,
}

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

/// What pressing Continue on a page gives.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PageResult {
    /// Go on.
    Ok,
    /// (About you only.) Younger than the minimum age: not an error; show the page saying who to
    /// contact instead.
    TooYoung { minimum: u32 },
    /// Stay, with these problems in page order (never empty).
    Errors(Vec<FieldError>),
}

impl PageResult {
    pub fn is_ok(&self) -> bool {
        matches!(self, Self::Ok)
    }

    /// The problems (none unless [`PageResult::Errors`]).
    pub fn errors(&self) -> &[FieldError] {
        match self {
            Self::Errors(e) => e,
            _ => &[],
        }
    }
}

/// Why the answers cannot be sent yet.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NotReady {
    /// Younger than the minimum age.
    TooYoung { minimum: u32 },
    /// Problems, with the page each is on, in page order (never empty).
    Errors(Vec<(ReferralPage, FieldError)>),
}

impl NotReady {
    /// The page to take the person back to: the first with a problem.
    pub fn first_page(&self) -> ReferralPage {
        match self {
            Self::TooYoung { .. } => ReferralPage::AboutYou,
            Self::Errors(e) => e.first().map_or(ReferralPage::AboutYou, |(p, _)| *p),
        }
    }

    /// The page to take the person back to, and the problems to show on it (none when too
    /// young: that is not an error).
    pub fn into_first_page(self) -> (ReferralPage, Vec<FieldError>) {
        let page = self.first_page();
        let problems = match self {
            Self::TooYoung { .. } => Vec::new(),
            Self::Errors(all) => all
                .into_iter()
                .filter(|(p, _)| *p == page)
                .map(|(_, e)| e)
                .collect(),
        };
        (page, problems)
    }
}

/// Checks one page's answers, as when the person presses Continue on it. `today` is the person's
/// local date; `minimum_age` the service's ([`super::DEFAULT_MINIMUM_AGE`] unless configured).
///
/// The answers are checked by their derived `validator` rules (see [`super::rules`]); this keeps
/// the errors on `page`.
pub fn validate(
    page: ReferralPage,
    answers: &ReferralAnswers,
    today: SimpleDate,
    minimum_age: u32,
) -> PageResult {
    let verdict = rules::run(answers, &RuleContext { today, minimum_age });
    if let (ReferralPage::AboutYou, Some(minimum)) = (page, verdict.too_young) {
        return PageResult::TooYoung { minimum };
    }
    let on_page: Vec<FieldError> = verdict
        .errors
        .into_iter()
        .filter(|e| e.field.page() == page)
        .collect();
    if on_page.is_empty() {
        PageResult::Ok
    } else {
        PageResult::Errors(on_page)
    }
}

/// Checks every page and, if all is well, gives the [`Referral`] to send.
///
/// # Errors
/// [`NotReady::TooYoung`] if the person is younger than `minimum_age` (whatever else is wrong);
/// otherwise [`NotReady::Errors`] with every problem on every page, in page order.
pub fn parse_all(
    answers: &ReferralAnswers,
    today: SimpleDate,
    minimum_age: u32,
) -> Result<Referral, NotReady> {
    let verdict = rules::run(answers, &RuleContext { today, minimum_age });
    if let Some(minimum) = verdict.too_young {
        return Err(NotReady::TooYoung { minimum });
    }
    if !verdict.errors.is_empty() {
        let paged = verdict.errors.into_iter().map(|e| (e.field.page(), e));
        return Err(NotReady::Errors(paged.collect()));
    }
    // Parse, don't validate: the referral holds the field types, parsed from the answers the
    // rules have just accepted.
    build(answers, today).map_err(|e| NotReady::Errors(vec![(e.field.page(), e)]))
}

/// The boxes of the date of birth to highlight (`None` when the date of birth is fine).
pub fn dob_parts_in_error(answers: &ReferralAnswers, today: SimpleDate) -> Option<PartsInError> {
    DateOfBirth::parse(&answers.date_of_birth, today)
        .err()
        .map(|e| e.parts())
}

/// A field's value, or its type's error as the field's problem. (Not reached once the rules have
/// accepted the answers: the rules call the same parsers.)
fn parsed<T, E: fmt::Display>(field: Field, r: Result<T, E>) -> Result<T, FieldError> {
    r.map_err(|e| FieldError {
        field,
        message: e.to_string(),
    })
}

/// An optional answer: blank is not given.
fn optional<T, E: fmt::Display>(
    field: Field,
    typed: &str,
    parse: impl FnOnce(&str) -> Result<T, E>,
) -> Result<Option<T>, FieldError> {
    if typed.trim().is_empty() {
        return Ok(None);
    }
    parsed(field, parse(typed)).map(Some)
}

/// An optional answer whose type says what counts as not given (its `Empty` error).
fn given<T, E: fmt::Display + PartialEq>(
    field: Field,
    r: Result<T, E>,
    empty: E,
) -> Result<Option<T>, FieldError> {
    match r {
        Err(e) if e == empty => Ok(None),
        r => parsed(field, r).map(Some),
    }
}

/// A required choice.
fn chosen<T>(field: Field, choice: Option<T>) -> Result<T, FieldError> {
    choice.ok_or(FieldError {
        field,
        message: "Select an answer".to_owned(),
    })
}

/// The [`Referral`] of answers the rules have accepted: each answer parsed into its type, a
/// conditional answer only when its question is asked.
fn build(a: &ReferralAnswers, today: SimpleDate) -> Result<Referral, FieldError> {
    let phone = given(
        Field::Phone,
        PhoneNumber::parse(&a.phone),
        PhoneNumberError::Empty,
    )?;
    let mobile = phone.as_ref().is_some_and(PhoneNumber::is_mobile);
    let contact = ContactDetails {
        safe_to_leave_message: match phone {
            Some(_) => Some(chosen(Field::SafeToLeaveMessage, a.safe_to_leave_message)?),
            None => None,
        },
        safe_to_text: if mobile {
            Some(chosen(Field::SafeToText, a.safe_to_text)?)
        } else {
            None
        },
        phone,
        email: given(
            Field::Email,
            EmailAddress::parse(&a.email),
            EmailAddressError::Empty,
        )?,
        preferred: chosen(Field::Preferred, a.preferred)?,
        best_times: best_times(&a.best_times),
    };
    let heard_from = chosen(Field::HeardFrom, a.heard_from)?;
    let interpreter_needed = chosen(Field::InterpreterNeeded, a.interpreter_needed)?;
    let filling_in_for = chosen(Field::FillingInFor, a.filling_in_for)?;
    let someone_else = filling_in_for.is_someone_else();
    let support = SupportNeeds {
        interpreter_needed,
        language: if interpreter_needed {
            optional(Field::Language, &a.language, FreeText::parse)?
        } else {
            None
        },
        accessibility_needs: optional(
            Field::AccessibilityNeeds,
            &a.accessibility_needs,
            FreeText::parse,
        )?,
        filling_in_for,
        helper_name: if someone_else {
            Some(parsed(
                Field::HelperName,
                PersonName::parse(&a.helper_name),
            )?)
        } else {
            None
        },
        helper_relationship: if someone_else {
            optional(
                Field::HelperRelationship,
                &a.helper_relationship,
                FreeText::parse,
            )?
        } else {
            None
        },
    };
    Ok(Referral {
        full_name: parsed(Field::FullName, PersonName::parse(&a.full_name))?,
        date_of_birth: DateOfBirth::parse(&a.date_of_birth, today).map_err(|e| FieldError {
            field: Field::dob(e.parts().first()),
            message: e.to_string(),
        })?,
        nhs_number: given(
            Field::NhsNumber,
            NhsNumber::parse(&a.nhs_number),
            NhsNumberError::Empty,
        )?,
        postcode: if a.no_fixed_address {
            None
        } else {
            Some(parsed(Field::Postcode, Postcode::parse(&a.postcode))?)
        },
        no_fixed_address: a.no_fixed_address,
        gp_practice: optional(Field::GpPractice, &a.gp_practice, FreeText::parse)?,
        contact,
        what_matters: parsed(Field::WhatMatters, FreeText::parse(&a.what_matters))?,
        what_different: optional(Field::WhatDifferent, &a.what_different, FreeText::parse)?,
        areas: in_shown_order(&a.areas),
        heard_from,
        heard_other: match heard_from {
            Source::Other => optional(Field::HeardOther, &a.heard_other, FreeText::parse)?,
            _ => None,
        },
        support,
        consent: Consent {
            contact: a.consent_contact == Some(true),
            share_with_gp: chosen(Field::ConsentShareGp, a.consent_share_gp)?,
        },
    })
}
