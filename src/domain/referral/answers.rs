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
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ReferralAnswers {
    // About you
    pub full_name: String,
    pub date_of_birth: DateParts,
    /// Optional: blank means not given.
    pub nhs_number: String,
    pub postcode: String,
    /// When ticked, the postcode box is not used.
    pub no_fixed_address: bool,
    /// Optional.
    pub gp_practice: String,

    // Contact
    pub phone: String,
    pub email: String,
    #[serde(deserialize_with = "lenient_choice")]
    pub preferred: Option<ContactMethod>,
    /// Asked when a phone number is given.
    pub safe_to_leave_message: Option<bool>,
    /// Asked when a mobile number is given.
    pub safe_to_text: Option<bool>,
    #[serde(deserialize_with = "lenient_choices")]
    pub best_times: Vec<BestTime>,

    // What matters
    pub what_matters: String,
    /// Optional.
    pub what_different: String,
    #[serde(deserialize_with = "lenient_choices")]
    pub areas: Vec<Area>,

    // How you heard
    #[serde(deserialize_with = "lenient_choice")]
    pub heard_from: Option<Source>,
    /// Asked when `heard_from` is [`Source::Other`].
    pub heard_other: String,

    // Support
    pub interpreter_needed: Option<bool>,
    /// Asked when an interpreter is needed.
    pub language: String,
    /// Optional.
    pub accessibility_needs: String,
    #[serde(deserialize_with = "lenient_choice")]
    pub filling_in_for: Option<Helper>,
    /// The helper's own name: asked when someone else is filling the form in.
    pub helper_name: String,
    /// Optional; asked when someone else is filling the form in.
    pub helper_relationship: String,

    // Consent
    pub consent_contact: Option<bool>,
    pub consent_share_gp: Option<bool>,
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
