//! The self-referral question pages, in journey order, and the fields on each.

use super::answers::ReferralAnswers;
use super::choices::Source;
use super::date::DatePart;
use super::phone::PhoneNumber;
use serde::{Deserialize, Serialize};

/// A question page of the self-referral, in journey order. Serialised as its slug
/// (`"about-you"`, …).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ReferralPage {
    AboutYou,
    Contact,
    WhatMatters,
    HowHeard,
    Support,
    Consent,
}

impl ReferralPage {
    /// Every page, in journey order.
    pub const ALL: [Self; 6] = [
        Self::AboutYou,
        Self::Contact,
        Self::WhatMatters,
        Self::HowHeard,
        Self::Support,
        Self::Consent,
    ];

    /// The page's `<h1>` (and the start of its `<title>`).
    pub fn heading(self) -> &'static str {
        match self {
            Self::AboutYou => "About you",
            Self::Contact => "How we can contact you",
            Self::WhatMatters => "What matters to you",
            Self::HowHeard => "How did you hear about this service?",
            Self::Support => "Support you may need",
            Self::Consent => "Contacting you and sharing your referral",
        }
    }

    /// The stable slug (the serde form): `about-you`, `contact`, `what-matters`, `how-heard`,
    /// `support`, `consent`.
    pub fn slug(self) -> &'static str {
        match self {
            Self::AboutYou => "about-you",
            Self::Contact => "contact",
            Self::WhatMatters => "what-matters",
            Self::HowHeard => "how-heard",
            Self::Support => "support",
            Self::Consent => "consent",
        }
    }

    /// The page with this slug.
    pub fn from_slug(slug: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|p| p.slug() == slug)
    }

    /// The first page.
    pub fn first() -> Self {
        Self::AboutYou
    }

    /// The page after this one (`None` after the last).
    pub fn next(self) -> Option<Self> {
        Self::ALL.get(self.index() + 1).copied()
    }

    /// The page before this one (`None` before the first).
    pub fn previous(self) -> Option<Self> {
        self.index().checked_sub(1).map(|i| Self::ALL[i])
    }

    fn index(self) -> usize {
        self as usize
    }

    /// The fields on this page, in page order.
    pub fn fields(self) -> &'static [Field] {
        use Field::*;
        match self {
            Self::AboutYou => &[
                FullName,
                DobDay,
                DobMonth,
                DobYear,
                NhsNumber,
                Postcode,
                NoFixedAddress,
                GpPractice,
            ],
            Self::Contact => &[
                Phone,
                Email,
                Preferred,
                SafeToLeaveMessage,
                SafeToText,
                BestTimes,
            ],
            Self::WhatMatters => &[WhatMatters, WhatDifferent, Areas],
            Self::HowHeard => &[HeardFrom, HeardOther],
            Self::Support => &[
                InterpreterNeeded,
                Language,
                AccessibilityNeeds,
                FillingInFor,
                HelperName,
                HelperRelationship,
            ],
            Self::Consent => &[ConsentContact, ConsentShareGp],
        }
    }
}

/// One input (or group of radios or checkboxes) of the self-referral, in page order: the
/// derived `Ord` is the order of the pages and of the fields on each page, which is the order of
/// the error summary.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    FullName,
    DobDay,
    DobMonth,
    DobYear,
    NhsNumber,
    Postcode,
    NoFixedAddress,
    GpPractice,
    Phone,
    Email,
    Preferred,
    SafeToLeaveMessage,
    SafeToText,
    BestTimes,
    WhatMatters,
    WhatDifferent,
    Areas,
    HeardFrom,
    HeardOther,
    InterpreterNeeded,
    Language,
    AccessibilityNeeds,
    FillingInFor,
    HelperName,
    HelperRelationship,
    ConsentContact,
    ConsentShareGp,
}

impl Field {
    /// Every field, in page order.
    pub const ALL: [Self; 27] = [
        Self::FullName,
        Self::DobDay,
        Self::DobMonth,
        Self::DobYear,
        Self::NhsNumber,
        Self::Postcode,
        Self::NoFixedAddress,
        Self::GpPractice,
        Self::Phone,
        Self::Email,
        Self::Preferred,
        Self::SafeToLeaveMessage,
        Self::SafeToText,
        Self::BestTimes,
        Self::WhatMatters,
        Self::WhatDifferent,
        Self::Areas,
        Self::HeardFrom,
        Self::HeardOther,
        Self::InterpreterNeeded,
        Self::Language,
        Self::AccessibilityNeeds,
        Self::FillingInFor,
        Self::HelperName,
        Self::HelperRelationship,
        Self::ConsentContact,
        Self::ConsentShareGp,
    ];

    /// The stable DOM id suffix of the input (for radios and checkboxes: of the first option,
    /// which GOV.UK gives the group's id without a number): where an error-summary link goes.
    pub fn id(self) -> &'static str {
        match self {
            Self::FullName => "full-name",
            Self::DobDay => "dob-day",
            Self::DobMonth => "dob-month",
            Self::DobYear => "dob-year",
            Self::NhsNumber => "nhs-number",
            Self::Postcode => "postcode",
            Self::NoFixedAddress => "no-fixed-address",
            Self::GpPractice => "gp-practice",
            Self::Phone => "phone",
            Self::Email => "email",
            Self::Preferred => "preferred",
            Self::SafeToLeaveMessage => "safe-to-leave-message",
            Self::SafeToText => "safe-to-text",
            Self::BestTimes => "best-times",
            Self::WhatMatters => "what-matters",
            Self::WhatDifferent => "what-different",
            Self::Areas => "areas",
            Self::HeardFrom => "heard-from",
            Self::HeardOther => "heard-other",
            Self::InterpreterNeeded => "interpreter-needed",
            Self::Language => "language",
            Self::AccessibilityNeeds => "accessibility-needs",
            Self::FillingInFor => "filling-in-for",
            Self::HelperName => "helper-name",
            Self::HelperRelationship => "helper-relationship",
            Self::ConsentContact => "consent-contact",
            Self::ConsentShareGp => "consent-share-gp",
        }
    }

    /// The field whose [`Field::id`] this is.
    pub fn from_id(id: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|f| f.id() == id)
    }

    /// The box of the date of birth.
    pub fn dob(part: DatePart) -> Self {
        match part {
            DatePart::Day => Self::DobDay,
            DatePart::Month => Self::DobMonth,
            DatePart::Year => Self::DobYear,
        }
    }

    /// The page the field is on.
    pub fn page(self) -> ReferralPage {
        ReferralPage::ALL
            .into_iter()
            .find(|p| p.fields().contains(&self))
            .unwrap_or(ReferralPage::AboutYou)
    }

    /// The short name of the question: the key of its check-your-answers row.
    pub fn label(self) -> &'static str {
        match self {
            Self::FullName => "Full name",
            Self::DobDay | Self::DobMonth | Self::DobYear => "Date of birth",
            Self::NhsNumber => "NHS number",
            Self::Postcode | Self::NoFixedAddress => "Postcode",
            Self::GpPractice => "GP practice",
            Self::Phone => "Phone number",
            Self::Email => "Email address",
            Self::Preferred => "How you would like to be contacted",
            Self::SafeToLeaveMessage => "Safe to leave a message",
            Self::SafeToText => "Safe to send text messages",
            Self::BestTimes => "Best times to contact you",
            Self::WhatMatters => "What matters to you",
            Self::WhatDifferent => "What you would like to be different",
            Self::Areas => "Areas you would like help with",
            Self::HeardFrom => "How you heard about this service",
            Self::HeardOther => "How you heard (other)",
            Self::InterpreterNeeded => "Interpreter needed",
            Self::Language => "Language",
            Self::AccessibilityNeeds => "Accessibility needs",
            Self::FillingInFor => "Who is filling in this form",
            Self::HelperName => "Your name",
            Self::HelperRelationship => "Your relationship to them",
            Self::ConsentContact => "Agree to be contacted by a link worker",
            Self::ConsentShareGp => "Agree to share this referral with your GP practice",
        }
    }

    /// Whether the question is asked, given the other answers: a conditional question (the
    /// postcode unless there is no fixed address, safe to leave a message with a phone number,
    /// safe to text with a mobile, the "other" source, the language with an interpreter, the
    /// helper's name and relationship when someone else fills the form in) is only checked,
    /// shown on check-your-answers and sent when this is true. Every other field: always.
    pub fn applies(self, answers: &ReferralAnswers) -> bool {
        match self {
            Self::Postcode => !answers.no_fixed_address,
            Self::SafeToLeaveMessage => phone_given(answers),
            Self::SafeToText => mobile_given(answers),
            Self::HeardOther => answers.heard_from == Some(Source::Other),
            Self::Language => answers.interpreter_needed == Some(true),
            Self::HelperName | Self::HelperRelationship => {
                answers.filling_in_for.is_some_and(|h| h.is_someone_else())
            }
            _ => true,
        }
    }
}

/// Whether anything was typed as a phone number (right or wrong).
pub(crate) fn phone_given(answers: &ReferralAnswers) -> bool {
    !matches!(
        PhoneNumber::parse(&answers.phone),
        Err(super::phone::PhoneNumberError::Empty)
    )
}

/// Whether a UK mobile number was given.
pub(crate) fn mobile_given(answers: &ReferralAnswers) -> bool {
    PhoneNumber::parse(&answers.phone).is_ok_and(|p| p.is_mobile())
}
