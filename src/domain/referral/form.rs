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
//! A field has at most one error (the first that applies), and errors come in page order.

use super::answers::ReferralAnswers;
use super::choices::{Area, ContactMethod, Source};
use super::date::{DateOfBirth, Eligibility, PartsInError, SimpleDate};
use super::email::{EmailAddress, EmailAddressError};
use super::model::{
    Consent, ContactDetails, GpPracticeText, HeardOtherText, Referral, SupportNeeds,
    WhatDifferentText, WhatMattersText, best_times, in_shown_order,
};
use super::name::{PersonName, PersonNameError};
use super::nhs_number::{NhsNumber, NhsNumberError};
use super::pages::{Field, ReferralPage, phone_given};
use super::phone::{PhoneNumber, PhoneNumberError};
use super::postcode::{Postcode, PostcodeError};
use super::text::{FreeText, TextField};
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
pub fn validate(
    page: ReferralPage,
    answers: &ReferralAnswers,
    today: SimpleDate,
    minimum_age: u32,
) -> PageResult {
    let errors = match page {
        ReferralPage::AboutYou => match about_you(answers, today, minimum_age) {
            Ok(_) => return PageResult::Ok,
            Err(AboutYouProblem::TooYoung { minimum }) => {
                return PageResult::TooYoung { minimum };
            }
            Err(AboutYouProblem::Errors(e)) => Some(e),
        },
        ReferralPage::Contact => contact(answers).err(),
        ReferralPage::WhatMatters => what_matters(answers).err(),
        ReferralPage::HowHeard => how_heard(answers).err(),
        ReferralPage::Support => support(answers).err(),
        ReferralPage::Consent => consent(answers).err(),
    };
    match errors {
        Some(e) if !e.is_empty() => PageResult::Errors(e),
        _ => PageResult::Ok,
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
    let mut errors: Vec<(ReferralPage, FieldError)> = Vec::new();
    let mut note = |page: ReferralPage, e: Vec<FieldError>| {
        errors.extend(e.into_iter().map(|e| (page, e)));
    };
    let about = match about_you(answers, today, minimum_age) {
        Ok(a) => Some(a),
        Err(AboutYouProblem::TooYoung { minimum }) => return Err(NotReady::TooYoung { minimum }),
        Err(AboutYouProblem::Errors(e)) => {
            note(ReferralPage::AboutYou, e);
            None
        }
    };
    let contact = contact(answers).map_err(|e| note(ReferralPage::Contact, e));
    let matters = what_matters(answers).map_err(|e| note(ReferralPage::WhatMatters, e));
    let heard = how_heard(answers).map_err(|e| note(ReferralPage::HowHeard, e));
    let support = support(answers).map_err(|e| note(ReferralPage::Support, e));
    let consent = consent(answers).map_err(|e| note(ReferralPage::Consent, e));
    let (Some(about), Ok(contact), Ok(matters), Ok(heard), Ok(support), Ok(consent)) =
        (about, contact, matters, heard, support, consent)
    else {
        return Err(NotReady::Errors(errors));
    };
    Ok(Referral {
        full_name: about.full_name,
        date_of_birth: about.date_of_birth,
        nhs_number: about.nhs_number,
        postcode: about.postcode,
        no_fixed_address: about.no_fixed_address,
        gp_practice: about.gp_practice,
        contact,
        what_matters: matters.what_matters,
        what_different: matters.what_different,
        areas: matters.areas,
        heard_from: heard.0,
        heard_other: heard.1,
        support,
        consent,
    })
}

/// The boxes of the date of birth to highlight (`None` when the date of birth is fine).
pub fn dob_parts_in_error(answers: &ReferralAnswers, today: SimpleDate) -> Option<PartsInError> {
    DateOfBirth::parse(&answers.date_of_birth, today)
        .err()
        .map(|e| e.parts())
}

/// The problems found on a page so far: at most one per field, the first found.
#[derive(Default)]
struct Problems(Vec<FieldError>);

impl Problems {
    fn add(&mut self, field: Field, message: impl Into<String>) {
        if !self.0.iter().any(|e| e.field == field) {
            self.0.push(FieldError {
                field,
                message: message.into(),
            });
        }
    }

    /// The value, or records the error's message against `field`.
    fn take<T, E: fmt::Display>(&mut self, field: Field, r: Result<T, E>) -> Option<T> {
        r.map_err(|e| self.add(field, e.to_string())).ok()
    }

    /// A required choice, or `message`.
    fn choose<T: Copy>(&mut self, field: Field, chosen: Option<T>, message: &str) -> Option<T> {
        if chosen.is_none() {
            self.add(field, message);
        }
        chosen
    }

    /// A free-text answer that must not be blank (`empty` is the message when it is).
    fn required_text<F: TextField>(
        &mut self,
        field: Field,
        typed: &str,
        empty: &str,
    ) -> Option<FreeText<F>> {
        if typed.trim().is_empty() {
            self.add(field, empty);
            return None;
        }
        self.take(field, FreeText::parse(typed))
    }

    /// An optional free-text answer: blank is `Some(None)`.
    fn optional_text<F: TextField>(
        &mut self,
        field: Field,
        typed: &str,
    ) -> Option<Option<FreeText<F>>> {
        if typed.trim().is_empty() {
            return Some(None);
        }
        self.take(field, FreeText::parse(typed)).map(Some)
    }

    /// The page's value if nothing is wrong, else the problems in page order.
    fn finish<T>(mut self, build: impl FnOnce() -> Option<T>) -> Result<T, Vec<FieldError>> {
        if self.0.is_empty() {
            if let Some(value) = build() {
                return Ok(value);
            }
            debug_assert!(false, "a page's value is missing with no error recorded");
        }
        self.0.sort_by_key(|e| e.field);
        Err(self.0)
    }
}

struct AboutYou {
    full_name: PersonName,
    date_of_birth: DateOfBirth,
    nhs_number: Option<NhsNumber>,
    postcode: Option<Postcode>,
    no_fixed_address: bool,
    gp_practice: Option<FreeText<GpPracticeText>>,
}

enum AboutYouProblem {
    TooYoung { minimum: u32 },
    Errors(Vec<FieldError>),
}

fn about_you(
    a: &ReferralAnswers,
    today: SimpleDate,
    minimum_age: u32,
) -> Result<AboutYou, AboutYouProblem> {
    let mut p = Problems::default();
    let full_name = p.take(Field::FullName, PersonName::parse(&a.full_name));
    let date_of_birth = match DateOfBirth::parse(&a.date_of_birth, today) {
        Ok(dob) => {
            if let Eligibility::TooYoung { minimum } = dob.eligibility(today, minimum_age) {
                return Err(AboutYouProblem::TooYoung { minimum });
            }
            Some(dob)
        }
        Err(e) => {
            p.add(Field::dob(e.parts().first()), e.to_string());
            None
        }
    };
    let nhs_number = match NhsNumber::parse(&a.nhs_number) {
        Err(NhsNumberError::Empty) => Some(None),
        r => p.take(Field::NhsNumber, r).map(Some),
    };
    let postcode = if a.no_fixed_address {
        Some(None)
    } else {
        match Postcode::parse(&a.postcode) {
            Err(PostcodeError::Empty) => {
                p.add(
                    Field::Postcode,
                    "Enter your postcode, or select that you have no fixed address",
                );
                None
            }
            r => p.take(Field::Postcode, r).map(Some),
        }
    };
    let gp_practice = p.optional_text(Field::GpPractice, &a.gp_practice);
    p.finish(|| {
        Some(AboutYou {
            full_name: full_name?,
            date_of_birth: date_of_birth?,
            nhs_number: nhs_number?,
            postcode: postcode?,
            no_fixed_address: a.no_fixed_address,
            gp_practice: gp_practice?,
        })
    })
    .map_err(AboutYouProblem::Errors)
}

fn contact(a: &ReferralAnswers) -> Result<ContactDetails, Vec<FieldError>> {
    let mut p = Problems::default();
    let phone = match PhoneNumber::parse(&a.phone) {
        Err(PhoneNumberError::Empty) => Some(None),
        r => p.take(Field::Phone, r).map(Some),
    };
    let email = match EmailAddress::parse(&a.email) {
        Err(EmailAddressError::Empty) => Some(None),
        r => p.take(Field::Email, r).map(Some),
    };
    let phone_given = phone_given(a);
    let email_given = !matches!(EmailAddress::parse(&a.email), Err(EmailAddressError::Empty));
    // A landline was given and checks out: not a number for text messages.
    let landline = matches!(&phone, Some(Some(n)) if !n.is_mobile());
    let mobile = matches!(&phone, Some(Some(n)) if n.is_mobile());
    if !phone_given && !email_given {
        p.add(Field::Phone, "Enter a phone number or an email address");
    }
    let preferred = p.choose(
        Field::Preferred,
        a.preferred,
        "Select how you would like to be contacted",
    );
    if phone_given || email_given {
        match preferred {
            Some(ContactMethod::Phone) if !phone_given => {
                p.add(Field::Phone, "You chose phone call, so enter a phone number");
            }
            Some(ContactMethod::Text) if !phone_given || landline => p.add(
                Field::Phone,
                "You chose text message, so enter a mobile phone number",
            ),
            Some(ContactMethod::Email) if !email_given => {
                p.add(Field::Email, "You chose email, so enter an email address");
            }
            Some(ContactMethod::Text) if mobile && a.safe_to_text == Some(false) => p.add(
                Field::Preferred,
                "You said it is not safe to send you text messages, so choose another way to be contacted",
            ),
            _ => {}
        }
    }
    let safe_to_leave_message = if phone_given {
        p.choose(
            Field::SafeToLeaveMessage,
            a.safe_to_leave_message,
            "Select yes if it is safe to leave a message on your phone",
        )
        .map(Some)
    } else {
        Some(None)
    };
    let safe_to_text = if mobile {
        p.choose(
            Field::SafeToText,
            a.safe_to_text,
            "Select yes if it is safe to send you text messages",
        )
        .map(Some)
    } else {
        Some(None)
    };
    p.finish(|| {
        Some(ContactDetails {
            phone: phone?,
            email: email?,
            preferred: preferred?,
            safe_to_leave_message: safe_to_leave_message?,
            safe_to_text: safe_to_text?,
            best_times: best_times(&a.best_times),
        })
    })
}

struct WhatMatters {
    what_matters: FreeText<WhatMattersText>,
    what_different: Option<FreeText<WhatDifferentText>>,
    areas: Vec<Area>,
}

fn what_matters(a: &ReferralAnswers) -> Result<WhatMatters, Vec<FieldError>> {
    let mut p = Problems::default();
    let what_matters = p.required_text(
        Field::WhatMatters,
        &a.what_matters,
        "Enter what matters to you at the moment",
    );
    let what_different = p.optional_text(Field::WhatDifferent, &a.what_different);
    p.finish(|| {
        Some(WhatMatters {
            what_matters: what_matters?,
            what_different: what_different?,
            areas: in_shown_order(&a.areas),
        })
    })
}

type Heard = (Source, Option<FreeText<HeardOtherText>>);

fn how_heard(a: &ReferralAnswers) -> Result<Heard, Vec<FieldError>> {
    let mut p = Problems::default();
    let heard_from = p.choose(
        Field::HeardFrom,
        a.heard_from,
        "Select how you heard about this service",
    );
    let heard_other = if heard_from == Some(Source::Other) {
        p.required_text(
            Field::HeardOther,
            &a.heard_other,
            "Enter how you heard about this service",
        )
        .map(Some)
    } else {
        Some(None)
    };
    p.finish(|| Some((heard_from?, heard_other?)))
}

fn support(a: &ReferralAnswers) -> Result<SupportNeeds, Vec<FieldError>> {
    let mut p = Problems::default();
    let interpreter_needed = p.choose(
        Field::InterpreterNeeded,
        a.interpreter_needed,
        "Select yes if you need an interpreter",
    );
    let language = if interpreter_needed == Some(true) {
        p.required_text(
            Field::Language,
            &a.language,
            "Enter the language you need an interpreter for",
        )
        .map(Some)
    } else {
        Some(None)
    };
    let accessibility_needs = p.optional_text(Field::AccessibilityNeeds, &a.accessibility_needs);
    let filling_in_for = p.choose(
        Field::FillingInFor,
        a.filling_in_for,
        "Select who is filling in this form",
    );
    let (helper_name, helper_relationship) = if filling_in_for.is_some_and(|h| h.is_someone_else())
    {
        let name = match PersonName::parse(&a.helper_name) {
            Ok(n) => Some(Some(n)),
            Err(PersonNameError::Empty) => {
                p.add(Field::HelperName, "Enter your name");
                None
            }
            Err(PersonNameError::TooLong) => {
                p.add(
                    Field::HelperName,
                    "Your name must be 100 characters or less",
                );
                None
            }
        };
        let relationship = p.optional_text(Field::HelperRelationship, &a.helper_relationship);
        (name, relationship)
    } else {
        (Some(None), Some(None))
    };
    p.finish(|| {
        Some(SupportNeeds {
            interpreter_needed: interpreter_needed?,
            language: language?,
            accessibility_needs: accessibility_needs?,
            filling_in_for: filling_in_for?,
            helper_name: helper_name?,
            helper_relationship: helper_relationship?,
        })
    })
}

fn consent(a: &ReferralAnswers) -> Result<Consent, Vec<FieldError>> {
    let mut p = Problems::default();
    if a.consent_contact != Some(true) {
        p.add(
            Field::ConsentContact,
            "You need to agree to be contacted by a link worker so that the service can help you",
        );
    }
    let share_with_gp = p.choose(
        Field::ConsentShareGp,
        a.consent_share_gp,
        "Select yes if you agree to share this referral with your GP practice",
    );
    p.finish(|| {
        Some(Consent {
            contact: true,
            share_with_gp: share_with_gp?,
        })
    })
}
