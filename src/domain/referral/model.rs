//! The checked self-referral: every answer parsed into its type, the conditional answers present
//! exactly when their question applies. Its serde form is the payload's `referral` object.

use super::answers::ReferralAnswers;
use super::choices::{Area, BestTime, Choice, ContactMethod, Helper, Source};
use super::date::DateOfBirth;
use super::email::EmailAddress;
use super::name::PersonName;
use super::nhs_number::NhsNumber;
use super::phone::PhoneNumber;
use super::postcode::Postcode;
use super::text::{FreeText, TextField};
use serde::{Deserialize, Serialize};
use thiserror::Error;

/// Declares a free-text question: its name in messages and its length limit.
macro_rules! text_field {
    ($(#[$meta:meta])* $name:ident, $label:literal, $max:literal) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub struct $name;

        impl TextField for $name {
            const LABEL: &'static str = $label;
            const MAX_CHARS: usize = $max;
        }
    };
}

text_field!(
    /// "GP practice (optional)".
    GpPracticeText, "GP practice", 100
);
text_field!(
    /// "What matters to you at the moment?"
    WhatMattersText, "What matters to you", 1000
);
text_field!(
    /// "What would you like to be different? (optional)"
    WhatDifferentText, "What you would like to be different", 1000
);
text_field!(
    /// "Tell us how you heard about this service" (with the "Other" source).
    HeardOtherText, "How you heard about this service", 200
);
text_field!(
    /// "Which language do you need an interpreter for?"
    LanguageText, "Language", 100
);
text_field!(
    /// "Anything that would make it easier for you to use the service (optional)".
    AccessibilityText, "Accessibility needs", 500
);
text_field!(
    /// "Your relationship to them (optional)".
    RelationshipText, "Your relationship to them", 100
);

/// Why a `referral` object (from the wire or a store) is not a consistent referral. The field
/// types check themselves; these are the rules between fields. Messages name fields, never values.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Error)]
pub enum ReferralError {
    #[error("postcode must be given unless no_fixed_address is true, and absent when it is")]
    PostcodeOrNoFixedAddress,
    #[error("{0} must not be blank when given")]
    Blank(&'static str),
    #[error("heard_other must be given when heard_from is \"other\", and only then")]
    HeardOther,
    #[error("contact must have a phone or an email")]
    NoContact,
    #[error(
        "contact.preferred must be a way given: a phone for \"phone\", a mobile for \"text\", an email for \"email\""
    )]
    PreferredNotGiven,
    #[error("contact.safe_to_leave_message must be given with a phone, and only then")]
    SafeToLeaveMessage,
    #[error("contact.safe_to_text must be given with a mobile phone, and only then")]
    SafeToText,
    #[error("contact.preferred is \"text\" but contact.safe_to_text is false")]
    TextNotSafe,
    #[error("support.language must be given when an interpreter is needed, and only then")]
    Language,
    #[error(
        "support.helper_name must be given when someone else fills the form in, and only then; support.helper_relationship only then"
    )]
    Helper,
    #[error("consent.contact must be true: a referral cannot be sent without it")]
    NoContactConsent,
}

/// Declares a struct that serialises as itself and deserialises through a private twin, then
/// checks its cross-field rules (`fn check(&self) -> Result<(), ReferralError>`).
macro_rules! checked_struct {
    (
        $(#[$meta:meta])*
        pub struct $name:ident via $raw:ident = $raw_str:literal {
            $( $(#[$fmeta:meta])* pub $field:ident : $ty:ty, )+
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
        #[serde(try_from = $raw_str)]
        pub struct $name {
            $( $(#[$fmeta])* pub $field: $ty, )+
        }

        #[derive(Deserialize)]
        #[serde(deny_unknown_fields)]
        struct $raw {
            $( $(#[$fmeta])* $field: $ty, )+
        }

        impl TryFrom<$raw> for $name {
            type Error = ReferralError;
            fn try_from(raw: $raw) -> Result<Self, ReferralError> {
                let value = Self { $( $field: raw.$field, )+ };
                value.check()?;
                Ok(value)
            }
        }
    };
}

checked_struct! {
    /// A checked self-referral: the payload's `referral` object.
    ///
    /// Built by [`crate::domain::referral::parse_all`]. Deserialising checks every field type
    /// again and every rule between fields ([`ReferralError`]); it cannot check the date of birth
    /// against today or the minimum age (no clock here): a receiver calls
    /// [`crate::domain::referral::recheck`] with the day it was sent, which runs the form's own
    /// rules on [`Referral::to_answers`] (the minimum age aside: that is the deployment's).
    ///
    /// Choices are codes; optional answers not given are absent; free text is exactly as typed.
    pub struct Referral via RawReferral = "RawReferral" {
        pub full_name: PersonName,
        /// ISO 8601 `YYYY-MM-DD`.
        pub date_of_birth: DateOfBirth,
        /// Ten digits; absent when not given.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub nhs_number: Option<NhsNumber>,
        /// Normalised (`SW1A 1AA`); absent exactly when `no_fixed_address` is true.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub postcode: Option<Postcode>,
        pub no_fixed_address: bool,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub gp_practice: Option<FreeText<GpPracticeText>>,
        pub contact: ContactDetails,
        pub what_matters: FreeText<WhatMattersText>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub what_different: Option<FreeText<WhatDifferentText>>,
        /// In the order the options are shown, each once.
        pub areas: Vec<Area>,
        pub heard_from: Source,
        /// Present exactly when `heard_from` is `other`.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub heard_other: Option<FreeText<HeardOtherText>>,
        pub support: SupportNeeds,
        pub consent: Consent,
    }
}

checked_struct! {
    /// How to reach the person safely.
    pub struct ContactDetails via RawContactDetails = "RawContactDetails" {
        /// National digits (`07700900982`); at least one of `phone` and `email` is present.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub phone: Option<PhoneNumber>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub email: Option<EmailAddress>,
        /// One of the ways given (`text` needs a mobile).
        pub preferred: ContactMethod,
        /// Present exactly when there is a phone.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub safe_to_leave_message: Option<bool>,
        /// Present exactly when the phone is a mobile.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub safe_to_text: Option<bool>,
        /// In the order shown, each once; `["any"]` alone when "Any time" was chosen.
        pub best_times: Vec<BestTime>,
    }
}

checked_struct! {
    /// Interpreter, accessibility and who filled the form in.
    pub struct SupportNeeds via RawSupportNeeds = "RawSupportNeeds" {
        pub interpreter_needed: bool,
        /// Present exactly when `interpreter_needed`.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub language: Option<FreeText<LanguageText>>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub accessibility_needs: Option<FreeText<AccessibilityText>>,
        pub filling_in_for: Helper,
        /// The helper's name: present exactly when someone else filled the form in.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub helper_name: Option<PersonName>,
        /// Only when someone else filled the form in (and then optional).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub helper_relationship: Option<FreeText<RelationshipText>>,
    }
}

checked_struct! {
    /// The person's separate, explicit consents.
    pub struct Consent via RawConsent = "RawConsent" {
        /// To be contacted by a link worker: always `true` (the form cannot be sent without it).
        pub contact: bool,
        /// To share the referral with their GP practice.
        pub share_with_gp: bool,
    }
}

fn not_blank<F: TextField>(
    text: Option<&FreeText<F>>,
    name: &'static str,
) -> Result<(), ReferralError> {
    match text {
        Some(t) if t.is_blank() => Err(ReferralError::Blank(name)),
        _ => Ok(()),
    }
}

impl Referral {
    fn check(&self) -> Result<(), ReferralError> {
        if self.postcode.is_some() == self.no_fixed_address {
            return Err(ReferralError::PostcodeOrNoFixedAddress);
        }
        not_blank(self.gp_practice.as_ref(), "gp_practice")?;
        not_blank(Some(&self.what_matters), "what_matters")?;
        not_blank(self.what_different.as_ref(), "what_different")?;
        not_blank(self.heard_other.as_ref(), "heard_other")?;
        if self.heard_other.is_some() != (self.heard_from == Source::Other) {
            return Err(ReferralError::HeardOther);
        }
        Ok(())
    }

    /// The answers that give this referral back (for a Change link on a restored referral, or
    /// to check a round trip): every answer as it would have been typed.
    pub fn to_answers(&self) -> ReferralAnswers {
        let c = &self.contact;
        let s = &self.support;
        ReferralAnswers {
            full_name: self.full_name.as_str().to_owned(),
            date_of_birth: self.date_of_birth.to_parts(),
            nhs_number: text(&self.nhs_number),
            postcode: text(&self.postcode),
            no_fixed_address: self.no_fixed_address,
            gp_practice: text(&self.gp_practice),
            phone: text(&c.phone),
            email: text(&c.email),
            preferred: Some(c.preferred),
            safe_to_leave_message: c.safe_to_leave_message,
            safe_to_text: c.safe_to_text,
            best_times: c.best_times.clone(),
            what_matters: self.what_matters.as_str().to_owned(),
            what_different: text(&self.what_different),
            areas: self.areas.clone(),
            heard_from: Some(self.heard_from),
            heard_other: text(&self.heard_other),
            interpreter_needed: Some(s.interpreter_needed),
            language: text(&s.language),
            accessibility_needs: text(&s.accessibility_needs),
            filling_in_for: Some(s.filling_in_for),
            helper_name: text(&s.helper_name),
            helper_relationship: text(&s.helper_relationship),
            consent_contact: Some(self.consent.contact),
            consent_share_gp: Some(self.consent.share_with_gp),
        }
    }
}

impl ContactDetails {
    fn check(&self) -> Result<(), ReferralError> {
        if self.phone.is_none() && self.email.is_none() {
            return Err(ReferralError::NoContact);
        }
        let mobile = self.phone.as_ref().is_some_and(PhoneNumber::is_mobile);
        let given = match self.preferred {
            ContactMethod::Phone => self.phone.is_some(),
            ContactMethod::Text => mobile,
            ContactMethod::Email => self.email.is_some(),
        };
        if !given {
            return Err(ReferralError::PreferredNotGiven);
        }
        if self.safe_to_leave_message.is_some() != self.phone.is_some() {
            return Err(ReferralError::SafeToLeaveMessage);
        }
        if self.safe_to_text.is_some() != mobile {
            return Err(ReferralError::SafeToText);
        }
        if self.preferred == ContactMethod::Text && self.safe_to_text == Some(false) {
            return Err(ReferralError::TextNotSafe);
        }
        Ok(())
    }
}

impl SupportNeeds {
    fn check(&self) -> Result<(), ReferralError> {
        not_blank(self.language.as_ref(), "support.language")?;
        not_blank(
            self.accessibility_needs.as_ref(),
            "support.accessibility_needs",
        )?;
        not_blank(
            self.helper_relationship.as_ref(),
            "support.helper_relationship",
        )?;
        if self.language.is_some() != self.interpreter_needed {
            return Err(ReferralError::Language);
        }
        let someone_else = self.filling_in_for.is_someone_else();
        if self.helper_name.is_some() != someone_else
            || (self.helper_relationship.is_some() && !someone_else)
        {
            return Err(ReferralError::Helper);
        }
        Ok(())
    }
}

impl Consent {
    fn check(&self) -> Result<(), ReferralError> {
        if self.contact {
            Ok(())
        } else {
            Err(ReferralError::NoContactConsent)
        }
    }
}

/// The text of an optional answer, or nothing.
fn text<T: AsRef<str>>(answer: &Option<T>) -> String {
    answer
        .as_ref()
        .map(|t| t.as_ref().to_owned())
        .unwrap_or_default()
}

/// The chosen options in the order shown, each once.
pub(crate) fn in_shown_order<T: Choice>(chosen: &[T]) -> Vec<T> {
    T::ALL
        .iter()
        .copied()
        .filter(|c| chosen.contains(c))
        .collect()
}

/// Best times in the order shown; "Any time" alone when it was chosen.
pub(crate) fn best_times(chosen: &[BestTime]) -> Vec<BestTime> {
    if chosen.contains(&BestTime::Any) {
        vec![BestTime::Any]
    } else {
        in_shown_order(chosen)
    }
}
