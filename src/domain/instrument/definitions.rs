//! Instrument definitions a deployment loads at run time, and the validation every definition
//! passes before it is used.
//!
//! # The definitions file
//!
//! A JSON object, documented by `schema/instrument-definitions.v1.schema.json`:
//!
//! ```json
//! { "$schema": "…/instrument-definitions.v1.schema.json", "instruments": [ { …an Instrument… } ] }
//! ```
//!
//! `$schema` is optional; `instruments` is a list of definitions in exactly the serde form of
//! [`Instrument`]. An object (rather than a bare list) leaves room for later fields.
//!
//! # What a file may define
//!
//! * **New instruments** (ids that are not built in): any valid definition, with all wording.
//! * **Licensed built-ins** (`wemwbs`, `swemwbs`): the file supplies the licensed wording. The
//!   definition must be the complete built-in definition with only the wording filled in:
//!   `instructions` and each item's `text`, `short_label` and `missing_message` may differ;
//!   everything else (version, title, item ids and order, options, scoring, missing-answer rule,
//!   direction, meaningful change, risk rules, licence and copyright line) must equal the
//!   built-in exactly, so scoring always stays the built-in, published one. It is checked, not
//!   merged: the definition returned is the file's, which equals the built-in plus wording. The
//!   one exception is `minimum_age`, the validated age: the file may leave it out, and the
//!   built-in's is then filled in (a file's own must equal it).
//! * **Open built-ins** (`ons4`, `ucla3`, `ons-loneliness`, `phq9`, `gad7`, `phq4`) are refused:
//!   their published wording cannot be overridden.
//!
//! # All or nothing
//!
//! [`parse_definitions`] returns every definition or the first problem found; a file with one
//! broken definition is refused whole, so nothing is ever half-used. Messages name the instrument
//! id, the item, option value or band code and the rule broken — never wording, which may be
//! licensed (and serde's own messages have any quoted value removed).

use super::{
    Band, Direction, Instrument, Item, LicenceKind, MeaningfulChange, MissingAnswers, RecallPeriod,
    Scoring, Subscale, catalogue,
};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use thiserror::Error;

mod checks;
use checks::check;

/// The most items an instrument may have.
pub const MAX_ITEMS: usize = 100;
/// The most response options an item may have.
pub const MAX_OPTIONS: usize = 20;
/// Option values must lie within `-MAX_VALUE..=MAX_VALUE`.
pub const MAX_VALUE: i64 = 100;
/// The range of an instrument's `minimum_age`, in years.
pub const MIN_AGE: u32 = 1;
pub const MAX_AGE: u32 = 120;
/// The longest instrument id.
pub const MAX_INSTRUMENT_ID: usize = 32;
/// The longest item, band, subscale or reason id.
pub const MAX_ID: usize = 64;

/// The definitions file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DefinitionsFile {
    /// The schema's address, for editors; not checked.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    pub instruments: Vec<Instrument>,
}

/// Why a definitions file, or one definition in it, was refused. Shown to the integrator.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum DefinitionError {
    #[error(
        "the instrument definitions file could not be read: {0} (it must follow \
         schema/instrument-definitions.v1.schema.json)"
    )]
    Malformed(String),
    #[error("instrument definition {instrument} was refused: {problem}")]
    Invalid {
        /// The id in quotes, e.g. `"phq9"`, or the definition's position when its id is not
        /// usable, e.g. `number 2 in the file`.
        instrument: String,
        problem: Problem,
    },
}

impl DefinitionError {
    /// The rule broken, for an [`DefinitionError::Invalid`] error.
    pub fn problem(&self) -> Option<&Problem> {
        match self {
            DefinitionError::Invalid { problem, .. } => Some(problem),
            DefinitionError::Malformed(_) => None,
        }
    }
}

/// The rule a definition breaks.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum Problem {
    #[error(
        "its id must be 1 to {MAX_INSTRUMENT_ID} lowercase letters or digits, in words joined by \
         single hyphens"
    )]
    BadInstrumentId,
    #[error("the id appears more than once in the file")]
    DuplicateInstrument,
    #[error(
        "it is a built-in instrument whose published wording cannot be replaced; remove it from \
         the file (it is available without one)"
    )]
    OpenBuiltin,
    #[error(
        "it differs from the built-in definition in {0}; a definitions file may only add the \
         licensed wording (instructions, and each item's text, short_label and missing_message)"
    )]
    LicensedMismatch(String),
    #[error("{0} must not be empty")]
    Empty(&'static str),
    #[error("a licensed instrument needs its attribution (copyright line)")]
    LicensedNeedsAttribution,
    #[error("minimum_age must be a whole number of years from {MIN_AGE} to {MAX_AGE}")]
    MinimumAge,
    #[error("it has no items")]
    NoItems,
    #[error("it has more than {MAX_ITEMS} items")]
    TooManyItems,
    #[error(
        "item number {position} has no usable id (1 to {MAX_ID} lowercase letters or digits, in \
         words joined by single hyphens)"
    )]
    BadItemId { position: usize },
    #[error("item {0:?} appears more than once")]
    DuplicateItem(String),
    #[error("item {item:?} has an empty {field}")]
    MissingWording { item: String, field: &'static str },
    #[error("item {0:?} needs 2 to {MAX_OPTIONS} response options")]
    OptionCount(String),
    #[error("item {item:?} has an option value {value} outside -{MAX_VALUE} to {MAX_VALUE}")]
    OptionValueLimit { item: String, value: i64 },
    #[error("item {item:?} has the option value {value} more than once")]
    DuplicateOptionValue { item: String, value: i64 },
    #[error("item {item:?} has an option (value {value}) with an empty label")]
    EmptyOptionLabel { item: String, value: i64 },
    #[error("item {item:?} has an option (value {value}) with an empty anchor (omit it instead)")]
    EmptyAnchor { item: String, value: i64 },
    #[error(
        "item {0:?} has its own recall_period but the instrument's is not per-item (set the \
         instrument's recall_period to per-item, or remove the item's)"
    )]
    ItemRecallNotPerItem(String),
    #[error(
        "item {0:?} needs its own recall_period (not per-item) because the instrument's is per-item"
    )]
    ItemRecallMissing(String),
    #[error("item {0:?} has bands, but item bands are only used with per-item scoring")]
    ItemBandsNeedPerItemScoring(String),
    #[error("item {0:?} has its own direction, but that is only used with per-item scoring")]
    ItemDirectionNeedsPerItemScoring(String),
    #[error("band number {position} of {scope} has no usable code")]
    BadBandCode { scope: String, position: usize },
    #[error("band {code:?} of {scope} has an empty label")]
    EmptyBandLabel { scope: String, code: String },
    #[error("band code {code:?} appears more than once in {scope}")]
    DuplicateBandCode { scope: String, code: String },
    #[error("band {code:?} of {scope} has min above max")]
    BandInverted { scope: String, code: String },
    #[error("band {code:?} of {scope} is not inside the possible range {min} to {max}")]
    BandOutsideRange {
        scope: String,
        code: String,
        min: i64,
        max: i64,
    },
    #[error("bands {first:?} and {second:?} of {scope} overlap")]
    BandsOverlap {
        scope: String,
        first: String,
        second: String,
    },
    #[error("the possible value {value} of {scope} is in no band")]
    BandGap { scope: String, value: i64 },
    #[error(
        "a total is never computed from some of the items: missing_answers must be all-required \
         for this scoring rule"
    )]
    PartialTotal,
    #[error("a scored instrument needs a direction (higher-is-better or lower-is-better)")]
    DirectionMissing,
    #[error("an unscored instrument has no direction; remove it")]
    DirectionNotApplicable,
    #[error("meaningful_change points must be a number above 0")]
    MeaningfulChangePoints,
    #[error("an unscored instrument cannot have a published meaningful change")]
    MeaningfulChangeUnscored,
    #[error("risk rule number {position} names the unknown item {item:?}")]
    RiskUnknownItem { position: usize, item: String },
    #[error(
        "risk rule number {position} (item {item:?}): at_least must be above the item's lowest \
         option value and at most its highest"
    )]
    RiskThreshold { position: usize, item: String },
    #[error("risk rule number {position} has no usable reason code")]
    BadReasonCode { position: usize },
    #[error("sum-with-subscales scoring needs at least one subscale")]
    NoSubscales,
    #[error("subscale number {position} has no usable id")]
    BadSubscaleId { position: usize },
    #[error("subscale {0:?} appears more than once")]
    DuplicateSubscale(String),
    #[error("subscale {0:?} has an empty label")]
    EmptySubscaleLabel(String),
    #[error("subscale {0:?} has no items")]
    EmptySubscale(String),
    #[error("subscale {subscale:?} names the unknown item {item:?}")]
    SubscaleUnknownItem { subscale: String, item: String },
    #[error("subscale {subscale:?} names item {item:?} more than once")]
    SubscaleRepeatsItem { subscale: String, item: String },
    #[error("subscale {subscale:?}: positive_at must be above {min} and at most {max}")]
    SubscalePositiveAt {
        subscale: String,
        min: i64,
        max: i64,
    },
    #[error("the conversion table must list raw totals in ascending order, each once (at raw {0})")]
    TableNotAscending(i64),
    #[error("the conversion table has no row for the possible raw total {0}")]
    TableMissingRaw(i64),
    #[error("the conversion table has a row for raw {0}, which is not a possible total")]
    TableImpossibleRaw(i64),
    #[error("the conversion table's value for raw {0} must be a number with at most two decimals")]
    TableMetric(i64),
    #[error("the conversion table's values must increase with the raw total (at raw {0})")]
    TableNotIncreasing(i64),
}

/// Parses a definitions file (see the module documentation) and validates every definition.
/// Returns all of them, or the first problem: a file is never half-used.
pub fn parse_definitions(json: &str) -> Result<Vec<Instrument>, DefinitionError> {
    let malformed =
        |e: serde_json::Error| DefinitionError::Malformed(without_quoted_values(&e.to_string()));
    let value: serde_json::Value = serde_json::from_str(json).map_err(malformed)?;
    objects_where_objects_belong(&value).map_err(DefinitionError::Malformed)?;
    let mut file: DefinitionsFile = serde_json::from_str(json).map_err(malformed)?;
    let mut seen = BTreeSet::new();
    for (n, inst) in file.instruments.iter_mut().enumerate() {
        let label = label(inst, n + 1);
        let invalid = |problem| DefinitionError::Invalid {
            instrument: label.clone(),
            problem,
        };
        if !is_id(&inst.id, MAX_INSTRUMENT_ID) {
            return Err(invalid(Problem::BadInstrumentId));
        }
        if !seen.insert(inst.id.clone()) {
            return Err(invalid(Problem::DuplicateInstrument));
        }
        if let Some(builtin) = catalogue::builtin(&inst.id) {
            if builtin.licence_kind == LicenceKind::Open {
                return Err(invalid(Problem::OpenBuiltin));
            }
            if let Some(field) = licensed_difference(&builtin, inst) {
                return Err(invalid(Problem::LicensedMismatch(field)));
            }
            inst.minimum_age = builtin.minimum_age;
        }
        check(inst, true).map_err(invalid)?;
    }
    Ok(file.instruments)
}

/// serde also reads a struct written as a positional list (`[…]` for `{…}`); the schema does not
/// allow that, so neither does the parser: every record of the file must be a JSON object.
fn objects_where_objects_belong(file: &serde_json::Value) -> Result<(), String> {
    use serde_json::Value;
    type Object = serde_json::Map<String, Value>;
    fn object<'a>(v: &'a Value, at: &str) -> Result<Option<&'a Object>, String> {
        match v {
            Value::Object(o) => Ok(Some(o)),
            Value::Array(_) => Err(format!("{at} must be a JSON object {{…}}, not a list")),
            _ => Ok(None), // serde reports the wrong type
        }
    }
    fn each<'a>(o: &'a Object, field: &str, at: &str) -> Result<Vec<(String, &'a Object)>, String> {
        let mut out = Vec::new();
        if let Some(Value::Array(list)) = o.get(field) {
            for (n, v) in list.iter().enumerate() {
                let here = format!("{at}.{field}[{n}]");
                if let Some(x) = object(v, &here)? {
                    out.push((here, x));
                }
            }
        }
        Ok(out)
    }
    let Some(root) = object(file, "the file")? else {
        return Ok(());
    };
    for (at, inst) in each(root, "instruments", "")? {
        for (at, item) in each(inst, "items", &at)? {
            each(item, "options", &at)?;
            each(item, "bands", &at)?;
        }
        each(inst, "risk", &at)?;
        for field in ["scoring", "meaningful_change"] {
            let here = format!("{at}.{field}");
            if let Some(x) = inst
                .get(field)
                .map(|v| object(v, &here))
                .transpose()?
                .flatten()
            {
                for list in ["bands", "table", "subscales"] {
                    each(x, list, &here)?;
                }
            }
        }
    }
    Ok(())
}

/// The instrument with this id: a loaded definition for a licensed built-in or a new instrument,
/// else the built-in. Open built-ins always come from the built-in catalogue.
pub fn resolve(id: &str, loaded: &[Instrument]) -> Option<Instrument> {
    let builtin = catalogue::builtin(id);
    if builtin
        .as_ref()
        .is_some_and(|b| b.licence_kind == LicenceKind::Open)
    {
        return builtin;
    }
    loaded.iter().find(|i| i.id == id).cloned().or(builtin)
}

/// Validates one definition on its own. `require_wording` also demands item text for licensed
/// instruments (a file must supply it; the built-ins have none).
pub(crate) fn validate(inst: &Instrument, require_wording: bool) -> Result<(), DefinitionError> {
    let invalid = |problem| DefinitionError::Invalid {
        instrument: label(inst, 0),
        problem,
    };
    if !is_id(&inst.id, MAX_INSTRUMENT_ID) {
        return Err(invalid(Problem::BadInstrumentId));
    }
    check(inst, require_wording).map_err(invalid)
}

fn label(inst: &Instrument, position: usize) -> String {
    if is_id(&inst.id, MAX_INSTRUMENT_ID) {
        format!("{:?}", inst.id)
    } else if position > 0 {
        format!("number {position} in the file")
    } else {
        "(without a usable id)".to_owned()
    }
}

/// serde's messages may quote a value from the file (`invalid type: string "…"`, "unknown
/// variant `…`"); a value could be licensed wording, so quoted values go. Unknown field names are
/// kept when they look like field names, as they are what the integrator needs to see.
fn without_quoted_values(msg: &str) -> String {
    let mut out = match (msg.find('"'), msg.rfind('"')) {
        (Some(a), Some(b)) if a < b => format!("{}\"…\"{}", &msg[..a], &msg[b + 1..]),
        (Some(a), _) => format!("{}…", &msg[..a]),
        _ => msg.to_owned(),
    };
    for (prefix, keep_names) in [("unknown variant `", false), ("unknown field `", true)] {
        let Some(start) = out.find(prefix).map(|i| i + prefix.len()) else {
            continue;
        };
        let Some(len) = out[start..].find('`') else {
            out.truncate(start);
            out.push_str("…`");
            continue;
        };
        let name = &out[start..start + len];
        let looks_like_a_name = name.len() <= MAX_ID
            && name
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"_-$".contains(&b));
        if !(keep_names && looks_like_a_name) {
            out.replace_range(start..start + len, "…");
        }
    }
    out
}

/// Lowercase ASCII letters and digits in words joined by single hyphens, 1 to `max` long.
fn is_id(s: &str, max: usize) -> bool {
    !s.is_empty()
        && s.len() <= max
        && s.split('-').all(|w| {
            !w.is_empty()
                && w.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

/// The first field in which `file` differs from the licensed `builtin` other than wording.
fn licensed_difference(builtin: &Instrument, file: &Instrument) -> Option<String> {
    let b = builtin;
    let f = file;
    let simple: [(&str, bool); 12] = [
        ("version", b.version == f.version),
        (
            "minimum_age",
            f.minimum_age.is_none() || f.minimum_age == b.minimum_age,
        ),
        ("title", b.title == f.title),
        ("recall_period", b.recall_period == f.recall_period),
        ("scoring", b.scoring == f.scoring),
        ("missing_answers", b.missing_answers == f.missing_answers),
        ("direction", b.direction == f.direction),
        (
            "meaningful_change",
            b.meaningful_change == f.meaningful_change,
        ),
        ("risk", b.risk == f.risk),
        ("licence", b.licence == f.licence),
        ("licence_kind", b.licence_kind == f.licence_kind),
        ("attribution", b.attribution == f.attribution),
    ];
    if let Some((name, _)) = simple.iter().find(|(_, same)| !same) {
        return Some((*name).to_owned());
    }
    let ids = |i: &Instrument| i.items.iter().map(|x| x.id.clone()).collect::<Vec<_>>();
    if ids(b) != ids(f) {
        return Some("its item ids or their order".to_owned());
    }
    for (bi, fi) in b.items.iter().zip(&f.items) {
        let fields: [(&str, bool); 5] = [
            ("options", bi.options == fi.options),
            ("bands", bi.bands == fi.bands),
            ("reverse", bi.reverse == fi.reverse),
            ("direction", bi.direction == fi.direction),
            ("recall_period", bi.recall_period == fi.recall_period),
        ];
        if let Some((name, _)) = fields.iter().find(|(_, same)| !same) {
            return Some(format!("the {name} of item {:?}", bi.id));
        }
    }
    None
}
