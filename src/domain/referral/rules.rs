//! The self-referral's rules as `validator` functions, and the way back from validator's errors
//! to the GOV.UK messages shown on each page.
//!
//! [`ReferralAnswers`] derives `validator::Validate` (see its attributes in `answers.rs`):
//!
//! - **field rules** (`custom`, `length`, `required`) check one answer that is always asked. The
//!   UK rules reuse the field types' parsers ([`PersonName::parse`], [`DateOfBirth::parse`],
//!   [`NhsNumber::parse`], [`PhoneNumber::parse`], [`EmailAddress::parse`]); a blank optional
//!   answer passes (whether it is needed is a rule between fields). An optional free text has
//!   [`FreeText::parse`]'s limit (blank is not given, so it is not measured); "What matters to
//!   you", which must not be blank, has validator's `length`.
//! - **struct rules** (`schema`) are the rules between answers, and the checks of a question that
//!   is only asked given another answer (the postcode unless there is no fixed address, the
//!   "other" source, the language, the helper's name and relationship), since a field rule
//!   cannot see the other answers.
//!
//! Every error's `message` is the exact text shown to the person: the field type's error
//! `Display`, or the attribute's `message`. Its `code` names the rule. A struct rule's error says
//! which field it belongs to in the param `field` (a [`Field::id`]); a field rule's belongs to
//! that struct field, and a date of birth's to the box in its param `part`.
//!
//! [`page_errors`] turns validator's errors into [`FieldError`]s in page and field order, at most
//! one per field: a missing answer's error (`required`, [`MISSING`]) first, then the others in
//! the order validator reports them. Validator's errors also carry the typed value (its param
//! `value`): they are mapped to [`FieldError`]s here and never logged or sent.

use super::answers::ReferralAnswers;
use super::choices::{ContactMethod, Source};
use super::date::{DateOfBirth, DateOfBirthError, Eligibility, SimpleDate};
use super::email::{EmailAddress, EmailAddressError};
use super::form::FieldError;
use super::model::{
    AccessibilityText, GpPracticeText, HeardOtherText, LanguageText, Referral, RelationshipText,
    WhatDifferentText,
};
use super::name::{PersonName, PersonNameError};
use super::nhs_number::{NhsNumber, NhsNumberError};
use super::pages::{Field, mobile_given, phone_given};
use super::phone::{PhoneNumber, PhoneNumberError};
use super::postcode::{Postcode, PostcodeError};
use super::text::{FreeText, TextField};
use std::borrow::Cow;
use thiserror::Error;
use validator::{ValidateArgs, ValidationError, ValidationErrors};

/// What the rules need besides the answers: the date of birth is checked against today, and
/// against the service's minimum age.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RuleContext {
    /// The person's local date.
    pub today: SimpleDate,
    /// The youngest age the service accepts (0: any age).
    pub minimum_age: u32,
}

/// The code of an answer left blank that must be given (validator's own is `required`).
pub const MISSING: &str = "missing";

/// The code of a date of birth under the minimum age. Not an input error: the page says who to
/// contact instead (its param `minimum` is the age).
pub const TOO_YOUNG: &str = "too_young";

/// An error with this code and message.
fn error(code: &'static str, message: impl Into<Cow<'static, str>>) -> ValidationError {
    ValidationError::new(code).with_message(message.into())
}

/// A struct rule's error, shown on `field`.
fn on(field: Field, code: &'static str, message: impl Into<Cow<'static, str>>) -> ValidationError {
    let mut e = error(code, message);
    e.add_param(Cow::Borrowed("field"), &field.id());
    e
}

// -------------------------------------------------------------------------------------------
// Field rules

/// Full name: [`PersonName::parse`].
pub(super) fn full_name(typed: &str) -> Result<(), ValidationError> {
    match PersonName::parse(typed) {
        Ok(_) => Ok(()),
        Err(e @ PersonNameError::Empty) => Err(error(MISSING, e.to_string())),
        Err(e) => Err(error("person_name", e.to_string())),
    }
}

/// Date of birth: [`DateOfBirth::parse`] on `today`, then the minimum age. Its param `part` is
/// the first box in error (`day`, `month` or `year`).
pub(super) fn date_of_birth(
    parts: &super::date::DateParts,
    cx: &RuleContext,
) -> Result<(), ValidationError> {
    match DateOfBirth::parse(parts, cx.today) {
        Ok(dob) => match dob.eligibility(cx.today, cx.minimum_age) {
            Eligibility::Eligible => Ok(()),
            Eligibility::TooYoung { minimum } => {
                let mut e = error(
                    TOO_YOUNG,
                    format!("Younger than the minimum age of {minimum}"),
                );
                e.add_param(Cow::Borrowed("minimum"), &minimum);
                Err(e)
            }
        },
        Err(e) => {
            let code = match e {
                DateOfBirthError::Missing => MISSING,
                DateOfBirthError::Incomplete(_) => "date_incomplete",
                DateOfBirthError::NotReal(_) => "date_not_real",
                DateOfBirthError::InFuture => "date_in_future",
                DateOfBirthError::TooOld { .. } => "date_too_old",
            };
            let mut err = error(code, e.to_string());
            err.add_param(Cow::Borrowed("part"), &e.parts().first().as_str());
            Err(err)
        }
    }
}

/// NHS number, if given: [`NhsNumber::parse`] (Modulus 11).
pub(super) fn nhs_number(typed: &str) -> Result<(), ValidationError> {
    match NhsNumber::parse(typed) {
        Ok(_) | Err(NhsNumberError::Empty) => Ok(()),
        Err(e) => Err(error("nhs_number", e.to_string())),
    }
}

/// Phone number, if given: [`PhoneNumber::parse`] (UK numbers).
pub(super) fn phone_number(typed: &str) -> Result<(), ValidationError> {
    match PhoneNumber::parse(typed) {
        Ok(_) | Err(PhoneNumberError::Empty) => Ok(()),
        Err(e) => Err(error("phone_number", e.to_string())),
    }
}

/// Email address, if given: [`EmailAddress::parse`] (this crate's small rule, never
/// validator's `email`).
pub(super) fn email_address(typed: &str) -> Result<(), ValidationError> {
    match EmailAddress::parse(typed) {
        Ok(_) | Err(EmailAddressError::Empty) => Ok(()),
        Err(e) => Err(error("email_address", e.to_string())),
    }
}

/// An optional free-text answer: blank is not given (and not measured), else
/// [`FreeText::parse`]'s length limit.
fn optional_text<F: TextField>(typed: &str) -> Result<(), ValidationError> {
    if typed.trim().is_empty() {
        return Ok(());
    }
    FreeText::<F>::parse(typed)
        .map(drop)
        .map_err(|e| error("length", e.to_string()))
}

/// GP practice (optional).
pub(super) fn gp_practice(typed: &str) -> Result<(), ValidationError> {
    optional_text::<GpPracticeText>(typed)
}

/// What they would like to be different (optional).
pub(super) fn what_different(typed: &str) -> Result<(), ValidationError> {
    optional_text::<WhatDifferentText>(typed)
}

/// Accessibility needs (optional).
pub(super) fn accessibility_needs(typed: &str) -> Result<(), ValidationError> {
    optional_text::<AccessibilityText>(typed)
}

/// Text that must not be blank (the attribute gives the message).
pub(super) fn not_blank(typed: &str) -> Result<(), ValidationError> {
    if typed.trim().is_empty() {
        Err(ValidationError::new(MISSING))
    } else {
        Ok(())
    }
}

/// A yes/no that must be yes (the attribute gives the message).
pub(super) fn yes(answer: &bool) -> Result<(), ValidationError> {
    if *answer {
        Ok(())
    } else {
        Err(ValidationError::new("must_agree"))
    }
}

// -------------------------------------------------------------------------------------------
// Struct rules

/// A postcode unless there is no fixed address ([`Postcode::parse`]); the box is not used when
/// there is none.
pub(super) fn postcode(a: &ReferralAnswers) -> Result<(), ValidationError> {
    if a.no_fixed_address {
        return Ok(());
    }
    match Postcode::parse(&a.postcode) {
        Ok(_) => Ok(()),
        Err(PostcodeError::Empty) => Err(on(
            Field::Postcode,
            MISSING,
            "Enter your postcode, or select that you have no fixed address",
        )),
        Err(e) => Err(on(Field::Postcode, "postcode", e.to_string())),
    }
}

fn email_given(a: &ReferralAnswers) -> bool {
    !matches!(EmailAddress::parse(&a.email), Err(EmailAddressError::Empty))
}

/// A phone number or an email address, or both.
pub(super) fn phone_or_email(a: &ReferralAnswers) -> Result<(), ValidationError> {
    if phone_given(a) || email_given(a) {
        return Ok(());
    }
    Err(on(
        Field::Phone,
        MISSING,
        "Enter a phone number or an email address",
    ))
}

/// The preferred way is one given: a phone number for a call, a mobile for text messages, an
/// email address for email. (Nothing to say when neither was given: [`phone_or_email`] does.)
pub(super) fn preferred_way_given(a: &ReferralAnswers) -> Result<(), ValidationError> {
    let (phone, email) = (phone_given(a), email_given(a));
    if !phone && !email {
        return Ok(());
    }
    // A landline given and checking out; a number that does not check out has its own error.
    let landline = PhoneNumber::parse(&a.phone).is_ok_and(|n| !n.is_mobile());
    match a.preferred {
        Some(ContactMethod::Phone) if !phone => Err(on(
            Field::Phone,
            "preferred_way_given",
            "You chose phone call, so enter a phone number",
        )),
        Some(ContactMethod::Text) if !phone || landline => Err(on(
            Field::Phone,
            "preferred_way_given",
            "You chose text message, so enter a mobile phone number",
        )),
        Some(ContactMethod::Email) if !email => Err(on(
            Field::Email,
            "preferred_way_given",
            "You chose email, so enter an email address",
        )),
        _ => Ok(()),
    }
}

/// Text message is not the preferred way when texts are not safe.
pub(super) fn text_when_safe(a: &ReferralAnswers) -> Result<(), ValidationError> {
    if a.preferred == Some(ContactMethod::Text) && mobile_given(a) && a.safe_to_text == Some(false)
    {
        return Err(on(
            Field::Preferred,
            "text_when_safe",
            "You said it is not safe to send you text messages, so choose another way to be contacted",
        ));
    }
    Ok(())
}

/// Whether it is safe to leave a message, when a phone number is given (right or wrong).
pub(super) fn safe_to_leave_message(a: &ReferralAnswers) -> Result<(), ValidationError> {
    if phone_given(a) && a.safe_to_leave_message.is_none() {
        return Err(on(
            Field::SafeToLeaveMessage,
            MISSING,
            "Select yes if it is safe to leave a message on your phone",
        ));
    }
    Ok(())
}

/// Whether it is safe to text, when a mobile number is given.
pub(super) fn safe_to_text(a: &ReferralAnswers) -> Result<(), ValidationError> {
    if mobile_given(a) && a.safe_to_text.is_none() {
        return Err(on(
            Field::SafeToText,
            MISSING,
            "Select yes if it is safe to send you text messages",
        ));
    }
    Ok(())
}

/// A free-text answer to a question that is asked: `empty` when blank and required, else
/// [`FreeText::parse`]'s length limit.
fn asked_text<F: TextField>(
    field: Field,
    typed: &str,
    empty: Option<&'static str>,
) -> Result<(), ValidationError> {
    if typed.trim().is_empty() {
        return match empty {
            Some(message) => Err(on(field, MISSING, message)),
            None => Ok(()),
        };
    }
    FreeText::<F>::parse(typed)
        .map(drop)
        .map_err(|e| on(field, "length", e.to_string()))
}

/// How they heard, in their words, when the source is "Other".
pub(super) fn heard_other(a: &ReferralAnswers) -> Result<(), ValidationError> {
    if a.heard_from != Some(Source::Other) {
        return Ok(());
    }
    asked_text::<HeardOtherText>(
        Field::HeardOther,
        &a.heard_other,
        Some("Enter how you heard about this service"),
    )
}

/// The language, when an interpreter is needed.
pub(super) fn language(a: &ReferralAnswers) -> Result<(), ValidationError> {
    if a.interpreter_needed != Some(true) {
        return Ok(());
    }
    asked_text::<LanguageText>(
        Field::Language,
        &a.language,
        Some("Enter the language you need an interpreter for"),
    )
}

fn someone_else(a: &ReferralAnswers) -> bool {
    a.filling_in_for.is_some_and(|h| h.is_someone_else())
}

/// The helper's own name ([`PersonName::parse`], in the helper's words), when someone else is
/// filling the form in.
pub(super) fn helper_name(a: &ReferralAnswers) -> Result<(), ValidationError> {
    if !someone_else(a) {
        return Ok(());
    }
    match PersonName::parse(&a.helper_name) {
        Ok(_) => Ok(()),
        Err(PersonNameError::Empty) => Err(on(Field::HelperName, MISSING, "Enter your name")),
        Err(PersonNameError::TooLong) => Err(on(
            Field::HelperName,
            "person_name",
            "Your name must be 100 characters or less",
        )),
    }
}

/// The helper's relationship (optional), when someone else is filling the form in.
pub(super) fn helper_relationship(a: &ReferralAnswers) -> Result<(), ValidationError> {
    if !someone_else(a) {
        return Ok(());
    }
    asked_text::<RelationshipText>(Field::HelperRelationship, &a.helper_relationship, None)
}

// -------------------------------------------------------------------------------------------
// From validator's errors to the pages' errors

/// What validator's verdict on the answers means for the pages.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(super) struct Verdict {
    /// Younger than this minimum age: not an error (About you says who to contact instead).
    pub too_young: Option<u32>,
    /// Every problem on every page, in page and field order, at most one per field.
    pub errors: Vec<FieldError>,
}

/// Runs the derived validation of `answers`.
pub(super) fn run(answers: &ReferralAnswers, cx: &RuleContext) -> Verdict {
    match answers.validate_with_args(cx) {
        Ok(()) => Verdict::default(),
        Err(errors) => {
            let verdict = Verdict {
                too_young: too_young(&errors),
                errors: page_errors(&errors),
            };
            debug_assert!(
                verdict.too_young.is_some() || !verdict.errors.is_empty(),
                "every declared rule's error has a field and a message"
            );
            verdict
        }
    }
}

/// The minimum age, if validator found the date of birth under it.
fn too_young(errors: &ValidationErrors) -> Option<u32> {
    let e = errors
        .field_errors()
        .get("date_of_birth")?
        .iter()
        .find(|e| e.code == TOO_YOUNG)?;
    e.params
        .get("minimum")
        .and_then(serde_json::Value::as_u64)
        .and_then(|m| u32::try_from(m).ok())
}

/// The field an error is shown on: a struct rule's param `field`, the date of birth's box, or
/// the struct field of the same name.
fn field_of(key: &str, e: &ValidationError) -> Option<Field> {
    let param = |name: &str| e.params.get(name).and_then(serde_json::Value::as_str);
    match key {
        "__all__" => Field::from_id(param("field")?),
        "date_of_birth" => Field::from_id(&format!("dob-{}", param("part")?)),
        // Field ids are the struct fields' names in kebab case.
        _ => Field::from_id(&key.replace('_', "-")),
    }
}

/// validator's errors as the pages show them: in page and field order, one per field (a missing
/// answer's first). Errors with no message or no field (none are declared) are left out rather
/// than shown without words.
fn page_errors(errors: &ValidationErrors) -> Vec<FieldError> {
    let mut found: Vec<(Field, bool, String)> = Vec::new();
    let fields = errors.field_errors();
    // Field rules first, then struct rules, each in validator's order; `HashMap` order between
    // keys does not matter since each field is sorted into place below.
    let keys = fields
        .keys()
        .filter(|k| *k != "__all__")
        .chain(fields.keys().filter(|k| *k == "__all__"));
    for key in keys {
        for e in fields[key].iter() {
            let (Some(field), Some(message)) = (field_of(key, e), e.message.as_ref()) else {
                continue;
            };
            if e.code == TOO_YOUNG {
                continue;
            }
            let missing = e.code == MISSING || e.code == "required";
            found.push((field, !missing, message.to_string()));
        }
    }
    // A stable sort: errors of one field keep validator's order after the missing answer's.
    found.sort_by_key(|(field, not_missing, _)| (*field, *not_missing));
    let mut out: Vec<FieldError> = Vec::new();
    for (field, _, message) in found {
        if out.last().is_none_or(|e| e.field != field) {
            out.push(FieldError { field, message });
        }
    }
    out
}

// -------------------------------------------------------------------------------------------
// The receiver's re-check

/// A received referral that the form's own rules refuse: the field and the form's message.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
#[error("referral {}: {}", .0.field.id(), .0.message)]
pub struct RecheckError(pub FieldError);

/// Checks a received [`Referral`] with the same rules the form checked its answers with
/// ([`ReferralAnswers`]' derived `validate_with_args`), on `sent_on`: the date of the
/// submission's `submitted_at` as written.
///
/// Deserialising a `Referral` has already checked every field type and the rules between fields;
/// this adds what needs a date: a date of birth in the past and no more than 120 years ago. It
/// is checked as of the day before `sent_on`: the person's calendar, which the form used, can be
/// a day behind the date written in UTC, and checking on an earlier day never refuses what the
/// form accepted (both rules are at most a day or two more lenient). No minimum age: that is a
/// deployment's setting (`data-minimum-age`) the receiver does not know, and a person under it
/// cannot send the form.
///
/// # Errors
/// [`RecheckError`] with the first problem in page order.
pub fn recheck(referral: &Referral, sent_on: SimpleDate) -> Result<(), RecheckError> {
    let today = SimpleDate::from_unix_days(sent_on.to_unix_days() - 1).unwrap_or(sent_on);
    let cx = RuleContext {
        today,
        minimum_age: 0,
    };
    match run(&referral.to_answers(), &cx).errors.into_iter().next() {
        Some(first) => Err(RecheckError(first)),
        None => Ok(()),
    }
}
