//! The self-referral answers exactly as the person typed and chose them: what the device draft
//! keeps, so every page shows the person's own input back to them.

use super::choices::{Area, BestTime, Choice, ContactMethod, Helper, Source};
use super::date::DateParts;
use serde::{Deserialize, Deserializer, Serialize};

/// Every self-referral answer, raw. Nothing here is checked: [`crate::domain::referral::validate`]
/// checks a page, [`crate::domain::referral::parse_all`] turns the whole thing into a
/// [`crate::domain::referral::Referral`].
///
/// Stored in the draft. Every field has a default, so a draft written before a question existed
/// still loads; unknown fields are ignored; a choice whose code this build does not know (a
/// draft from another version) is read as not chosen, so the person is simply asked again.
///
/// The form's rules are declared here with `validator` (field rules on the fields, the rules
/// between answers as `schema` rules); `super::rules` has the functions and what their errors
/// mean for the pages.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, validator::Validate)]
#[serde(default)]
#[validate(context = super::rules::RuleContext)]
#[validate(schema(function = super::rules::postcode, skip_on_field_errors = false))]
#[validate(schema(function = super::rules::phone_or_email, skip_on_field_errors = false))]
#[validate(schema(function = super::rules::preferred_way_given, skip_on_field_errors = false))]
#[validate(schema(function = super::rules::text_when_safe, skip_on_field_errors = false))]
#[validate(schema(function = super::rules::safe_to_leave_message, skip_on_field_errors = false))]
#[validate(schema(function = super::rules::safe_to_text, skip_on_field_errors = false))]
#[validate(schema(function = super::rules::heard_other, skip_on_field_errors = false))]
#[validate(schema(function = super::rules::language, skip_on_field_errors = false))]
#[validate(schema(function = super::rules::helper_name, skip_on_field_errors = false))]
#[validate(schema(function = super::rules::helper_relationship, skip_on_field_errors = false))]
pub struct ReferralAnswers {
    // About you
    #[validate(custom(function = super::rules::full_name))]
    pub full_name: String,
    #[validate(custom(function = super::rules::date_of_birth, use_context))]
    pub date_of_birth: DateParts,
    /// Optional: blank means not given.
    #[validate(custom(function = super::rules::nhs_number))]
    pub nhs_number: String,
    pub postcode: String,
    /// When ticked, the postcode box is not used.
    pub no_fixed_address: bool,
    /// Optional.
    #[validate(custom(function = super::rules::gp_practice))]
    pub gp_practice: String,

    // Contact
    #[validate(custom(function = super::rules::phone_number))]
    pub phone: String,
    #[validate(custom(function = super::rules::email_address))]
    pub email: String,
    #[serde(deserialize_with = "lenient_choice")]
    #[validate(required(message = "Select how you would like to be contacted"))]
    pub preferred: Option<ContactMethod>,
    /// Asked when a phone number is given.
    pub safe_to_leave_message: Option<bool>,
    /// Asked when a mobile number is given.
    pub safe_to_text: Option<bool>,
    #[serde(deserialize_with = "lenient_choices")]
    pub best_times: Vec<BestTime>,

    // What matters
    #[validate(
        custom(
            function = super::rules::not_blank,
            message = "Enter what matters to you at the moment"
        ),
        length(
            max = 1000,
            message = "What matters to you must be 1000 characters or less"
        )
    )]
    pub what_matters: String,
    /// Optional.
    #[validate(custom(function = super::rules::what_different))]
    pub what_different: String,
    #[serde(deserialize_with = "lenient_choices")]
    pub areas: Vec<Area>,

    // How you heard
    #[serde(deserialize_with = "lenient_choice")]
    #[validate(required(message = "Select how you heard about this service"))]
    pub heard_from: Option<Source>,
    /// Asked when `heard_from` is [`Source::Other`].
    pub heard_other: String,

    // Support
    #[validate(required(message = "Select yes if you need an interpreter"))]
    pub interpreter_needed: Option<bool>,
    /// Asked when an interpreter is needed.
    pub language: String,
    /// Optional.
    #[validate(custom(function = super::rules::accessibility_needs))]
    pub accessibility_needs: String,
    #[serde(deserialize_with = "lenient_choice")]
    #[validate(required(message = "Select who is filling in this form"))]
    pub filling_in_for: Option<Helper>,
    /// The helper's own name: asked when someone else is filling the form in.
    pub helper_name: String,
    /// Optional; asked when someone else is filling the form in.
    pub helper_relationship: String,

    // Consent
    #[validate(
        required(
            message = "You need to agree to be contacted by a link worker so that the service can help you"
        ),
        custom(
            function = super::rules::yes,
            message = "You need to agree to be contacted by a link worker so that the service can help you"
        )
    )]
    pub consent_contact: Option<bool>,
    #[validate(required(
        message = "Select yes if you agree to share this referral with your GP practice"
    ))]
    pub consent_share_gp: Option<bool>,
}

impl ReferralAnswers {
    /// Merges answers written in another tab (the most recent writer): each answer the other
    /// tab has given replaces this one's; answers only this tab has given are kept. Returns
    /// whether anything here changed.
    pub fn merge_from(&mut self, other: &Self) -> bool {
        fn text(ours: &mut String, theirs: &str, changed: &mut bool) {
            if !theirs.trim().is_empty() && ours != theirs {
                theirs.clone_into(ours);
                *changed = true;
            }
        }
        fn some<T: Copy + PartialEq>(ours: &mut Option<T>, theirs: Option<T>, changed: &mut bool) {
            if theirs.is_some() && *ours != theirs {
                *ours = theirs;
                *changed = true;
            }
        }
        fn list<T: Clone + PartialEq>(ours: &mut Vec<T>, theirs: &[T], changed: &mut bool) {
            if !theirs.is_empty() && ours.as_slice() != theirs {
                *ours = theirs.to_vec();
                *changed = true;
            }
        }
        let mut changed = false;
        let c = &mut changed;
        text(&mut self.full_name, &other.full_name, c);
        text(&mut self.date_of_birth.day, &other.date_of_birth.day, c);
        text(&mut self.date_of_birth.month, &other.date_of_birth.month, c);
        text(&mut self.date_of_birth.year, &other.date_of_birth.year, c);
        text(&mut self.nhs_number, &other.nhs_number, c);
        text(&mut self.postcode, &other.postcode, c);
        if other.no_fixed_address && !self.no_fixed_address {
            self.no_fixed_address = true;
            *c = true;
        }
        text(&mut self.gp_practice, &other.gp_practice, c);
        text(&mut self.phone, &other.phone, c);
        text(&mut self.email, &other.email, c);
        some(&mut self.preferred, other.preferred, c);
        some(
            &mut self.safe_to_leave_message,
            other.safe_to_leave_message,
            c,
        );
        some(&mut self.safe_to_text, other.safe_to_text, c);
        list(&mut self.best_times, &other.best_times, c);
        text(&mut self.what_matters, &other.what_matters, c);
        text(&mut self.what_different, &other.what_different, c);
        list(&mut self.areas, &other.areas, c);
        some(&mut self.heard_from, other.heard_from, c);
        text(&mut self.heard_other, &other.heard_other, c);
        some(&mut self.interpreter_needed, other.interpreter_needed, c);
        text(&mut self.language, &other.language, c);
        text(&mut self.accessibility_needs, &other.accessibility_needs, c);
        some(&mut self.filling_in_for, other.filling_in_for, c);
        text(&mut self.helper_name, &other.helper_name, c);
        text(&mut self.helper_relationship, &other.helper_relationship, c);
        some(&mut self.consent_contact, other.consent_contact, c);
        some(&mut self.consent_share_gp, other.consent_share_gp, c);
        changed
    }
}

/// A choice by code; an unknown code (or `null`) is "not chosen".
fn lenient_choice<'de, D: Deserializer<'de>, T: Choice>(d: D) -> Result<Option<T>, D::Error> {
    let code: Option<String> = Option::deserialize(d)?;
    Ok(code.and_then(|c| T::from_code(&c)))
}

/// Choices by code; unknown codes are dropped (`null` is none chosen).
fn lenient_choices<'de, D: Deserializer<'de>, T: Choice>(d: D) -> Result<Vec<T>, D::Error> {
    let codes: Option<Vec<String>> = Option::deserialize(d)?;
    Ok(codes
        .unwrap_or_default()
        .iter()
        .filter_map(|c| T::from_code(c))
        .collect())
}
