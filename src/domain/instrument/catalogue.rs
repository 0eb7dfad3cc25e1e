//! The built-in instruments, each defined once as data. Facts, wording and sources are those of
//! shared/reference/instruments.md (§1.1–1.8 and §5); choices made where the reference marks a
//! fact UNCONFIRMED are documented on each definition.
//!
//! Open instruments (ONS4, ONS loneliness, PHQ-9, GAD-7, PHQ-4) carry their published wording.
//! Licensed instruments (WEMWBS, SWEMWBS) carry ids, options, scoring and the copyright line but
//! **no wording**: item text and instructions are empty, and a licensed deployment supplies them
//! in a definitions file (see [`super::definitions`]). This repository must never hold WEMWBS
//! item wording; a test checks it.

use super::{
    Band, Conversion, Direction, Instrument, Item, LicenceKind, MeaningfulChange, MissingAnswers,
    RecallPeriod, ResponseOption, RiskRule, Scoring, Subscale,
};

mod ons;
mod phq;
mod wemwbs;

pub use ons::*;
pub use phq::*;
pub use wemwbs::*;

/// The ids of the built-in instruments, in the order a service would usually list them.
pub const BUILTIN_IDS: [&str; 8] = [
    "ons4",
    "ucla3",
    "ons-loneliness",
    "phq9",
    "gad7",
    "phq4",
    "wemwbs",
    "swemwbs",
];

/// The ids of the built-in instruments.
pub fn builtin_ids() -> &'static [&'static str] {
    &BUILTIN_IDS
}

/// The built-in instrument with this id. WEMWBS and SWEMWBS come without wording
/// ([`Instrument::has_wording`] is false): use [`super::resolve`] to get them with the wording a
/// licensed deployment loaded.
pub fn builtin(id: &str) -> Option<Instrument> {
    match id {
        "ons4" => Some(ons4()),
        "ucla3" => Some(ucla3()),
        "ons-loneliness" => Some(ons_loneliness()),
        "phq9" => Some(phq9()),
        "gad7" => Some(gad7()),
        "phq4" => Some(phq4()),
        "wemwbs" => Some(wemwbs()),
        "swemwbs" => Some(swemwbs()),
        _ => None,
    }
}

/// The Pfizer statement for the PHQ family (LOINC 44261-6 copyright field; reference §1.6).
pub const PFIZER_STATEMENT: &str = "Copyright © Pfizer Inc. All rights reserved. Developed by Drs. \
     Robert L. Spitzer, Janet B.W. Williams, Kurt Kroenke and colleagues, with an educational \
     grant from Pfizer Inc. No permission required to reproduce, translate, display or \
     distribute.";

/// The acknowledgement Warwick requires for WEMWBS (reference §1.2).
///
/// SWEMWBS uses the same line. The reference notes a discrepancy for SWEMWBS: a 3rd-party copy
/// reads "© University of Warwick 2006" and Stewart-Brown 2009 annotates "2008". SWEMWBS is seven
/// WEMWBS items, owned by the same three bodies, and this owners' line is the only one seen as
/// required by Warwick, so it is shown unchanged with both. Check it against the licensed user
/// guide before release; a definitions file cannot change it (change it here).
pub const WEMWBS_COPYRIGHT: &str = "Warwick-Edinburgh Mental Wellbeing Scale (WEMWBS) © NHS Health \
     Scotland, The University of Warwick and University of Edinburgh, 2006, all rights reserved.";

const WEMWBS_LICENCE: &str = "Licence required from the University of Warwick (non-commercial or \
     commercial); the scale must not be altered. The wording is supplied by the licensed \
     deployment and is never shipped in this repository.";

const PFIZER_LICENCE: &str = "PHQ family (Pfizer Inc.): no permission required to reproduce, translate, display or distribute.";

const ONS_LICENCE: &str = "ONS/GSS harmonised standard questions, published for reuse";

fn option(value: i64, label: &str) -> ResponseOption {
    ResponseOption {
        value,
        label: label.into(),
        anchor: None,
    }
}

fn item(id: &str, text: &str, short: &str, missing: &str, options: Vec<ResponseOption>) -> Item {
    Item {
        id: id.into(),
        text: text.into(),
        short_label: short.into(),
        missing_message: missing.into(),
        options,
        bands: Vec::new(),
        reverse: false,
        direction: None,
        recall_period: None,
    }
}

fn band(min: i64, max: i64, code: &str, label: &str) -> Band {
    Band {
        min,
        max,
        code: code.into(),
        label: label.into(),
    }
}
