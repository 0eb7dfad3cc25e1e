//! The "about you" and contact details of a self-referral, parsed at the boundary.
//!
//! Parse, don't validate: each field is a newtype whose constructor is `parse` (or, for a date of
//! birth, `DateOfBirth::parse` from the three typed parts), returning `Result<Self, XError>`. A value
//! of one of these types is therefore always well formed, and deserialising one (serde
//! `try_from = "String"`) checks it again, so nothing unchecked comes back from a draft or the wire.
//!
//! Every error's `Display` is the exact GOV.UK-style message shown next to the field and in the
//! error summary: an instruction for an empty field ("Enter your postcode"), a description
//! otherwise ("Full name must be 100 characters or less"). No message repeats what was typed, and
//! none says "please", "sorry", "valid" or "invalid".
//!
//! Optional fields (NHS number, email address, phone number where the journey allows it) are the
//! caller's business: treat a blank answer as `None` and parse only what was typed.
//!
//! The pages built from them (pure, so the UI is a thin layer): [`ReferralAnswers`] (everything as
//! typed and chosen, kept in the draft), [`ReferralPage`] and its [`Field`]s, [`validate`] (one
//! page, on Continue), [`parse_all`] (every page, into the checked [`Referral`] that is the
//! payload's `referral` object) and [`summary_rows`] (check your answers).
//!
//! The rules themselves are declared on [`ReferralAnswers`] with `validator` (`#[derive(Validate)]`,
//! checked with `validate_with_args(&RuleContext { today, minimum_age })`): [`validate`] and
//! [`parse_all`] run them and keep each page's errors, and a receiver runs them again on a
//! received [`Referral`] with [`recheck`].
//!
//! Being under the minimum age is not an input error: [`DateOfBirth::eligibility`] returns
//! [`Eligibility::TooYoung`], and the journey routes the person to a page saying who to contact.

mod answers;
mod choices;
mod date;
mod email;
mod form;
mod model;
mod name;
mod nhs_number;
mod pages;
mod phone;
mod postcode;
mod rules;
mod summary;
mod text;

pub use answers::ReferralAnswers;
pub use choices::{Area, BestTime, Choice, ContactMethod, Helper, Source, yes_no};
pub use form::{FieldError, NotReady, PageResult, dob_parts_in_error, parse_all, validate};
pub use model::{
    AccessibilityText, Consent, ContactDetails, GpPracticeText, HeardOtherText, LanguageText,
    Referral, ReferralError, RelationshipText, SupportNeeds, WhatDifferentText, WhatMattersText,
};
pub use pages::{Field, ReferralPage};
pub use rules::{MISSING, RecheckError, RuleContext, TOO_YOUNG, recheck};
pub use summary::{NOT_PROVIDED, SummaryRow, summary_rows};

pub use date::{
    DEFAULT_MINIMUM_AGE, DateOfBirth, DateOfBirthError, DatePart, DateParts, Eligibility,
    MAXIMUM_AGE, PartsInError, SimpleDate, SimpleDateError,
};
pub use email::{EmailAddress, EmailAddressError};
pub use name::{PersonName, PersonNameError};
pub use nhs_number::{NhsNumber, NhsNumberError};
pub use phone::{PhoneKind, PhoneNumber, PhoneNumberError};
pub use postcode::{Postcode, PostcodeError};
pub use text::{FreeText, FreeTextError, TextField};
