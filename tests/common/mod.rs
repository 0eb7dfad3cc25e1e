//! Shared test data: a complete, valid self-referral, as the payload's `referral` object.
#![allow(dead_code)]

use serde_json::{Value, json};
use wellbeing_widget::domain::referral::Referral;

/// The `referral` object of a complete self-referral (JSON, as sent).
pub fn referral_json() -> Value {
    json!({
        "full_name": "Ada Lovelace",
        "date_of_birth": "1990-04-07",
        "nhs_number": "9434765919",
        "postcode": "SW1A 1AA",
        "no_fixed_address": false,
        "contact": {
            "phone": "07700900982",
            "preferred": "phone",
            "safe_to_leave_message": true,
            "safe_to_text": false,
            "best_times": ["morning"]
        },
        "what_matters": "Getting out more",
        "areas": ["loneliness-isolation"],
        "heard_from": "gp-practice",
        "support": { "interpreter_needed": false, "filling_in_for": "myself" },
        "consent": { "contact": true, "share_with_gp": false }
    })
}

/// The same, parsed.
pub fn referral() -> Referral {
    serde_json::from_value(referral_json()).expect("the sample referral is valid")
}
