//! The link-worker follow-up (`data-mode="follow-up"`), as a pure model: the client
//! reference and its configurable pattern, timepoints, visits and the history kept on a shared
//! tablet, the change between a baseline and now with the meaningful-change verdict, the geometry
//! of the SVG chart, and the follow-up payload.
//!
//! Nothing here reads a clock: today's date is passed in. No message or sentence built here
//! contains a person's name or anything the practitioner typed, only client references (which
//! the UI decides where to show), instrument labels and numbers.

use crate::domain::instrument::{Direction, Instrument, MeaningfulChange, Scoring};
use crate::domain::payload::Measure;
use crate::domain::referral::SimpleDate;
use crate::domain::scoring::{self, ItemScore, Score, Trend};
use serde::{Deserialize, Serialize};
use std::cmp::Ordering;
use std::collections::BTreeMap;
use std::fmt;
use thiserror::Error;

/// Days a visit is kept on the device unless the deployment says otherwise.
pub const DEFAULT_RETENTION_DAYS: u32 = 180;
/// The most characters a client reference (or its pattern) may have.
pub const CLIENT_REFERENCE_MAX_CHARS: usize = 32;
/// The most characters of a visit's notes.
pub const NOTES_MAX_CHARS: usize = 500;

// ---------------------------------------------------------------------------------------------
// Client reference
// ---------------------------------------------------------------------------------------------

/// One position of a [`ReferencePattern`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Slot {
    /// `A`: any letter A–Z.
    Letter,
    /// `9`: any digit 0–9.
    Digit,
    /// Anything else: exactly this character (an uppercase letter, a digit or `-`).
    Literal(char),
}

/// The format of a service's client references, from the `data-client-reference-pattern`
/// attribute: `A` stands for a letter, `9` for a digit, and any other letter, digit or `-` stands
/// for itself (`AAA-99999` accepts `ABC-12345`; `LW99999` accepts `LW12345`). Letters are
/// compared uppercase. At most 32 characters, with at least one `A` or `9`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReferencePattern {
    source: String,
    slots: Vec<Slot>,
}

/// Why a `data-client-reference-pattern` value was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Error)]
pub enum ReferencePatternError {
    #[error("data-client-reference-pattern is empty")]
    Empty,
    #[error("data-client-reference-pattern must be 32 characters or fewer")]
    TooLong,
    #[error(
        "data-client-reference-pattern must only use A (a letter), 9 (a digit), other letters, \
         digits and hyphens"
    )]
    InvalidCharacter,
    #[error("data-client-reference-pattern must contain at least one A (a letter) or 9 (a digit)")]
    NoPlaceholder,
}

impl ReferencePattern {
    /// Parses the attribute value (surrounding spaces ignored, letters uppercased).
    ///
    /// # Errors
    /// [`ReferencePatternError`] when empty, longer than 32 characters, containing anything but
    /// letters, digits and `-`, or with no `A` or `9`.
    pub fn parse(s: &str) -> Result<Self, ReferencePatternError> {
        let source = s.trim().to_ascii_uppercase();
        if source.is_empty() {
            return Err(ReferencePatternError::Empty);
        }
        if source.chars().count() > CLIENT_REFERENCE_MAX_CHARS {
            return Err(ReferencePatternError::TooLong);
        }
        let slots = source
            .chars()
            .map(|c| match c {
                'A' => Ok(Slot::Letter),
                '9' => Ok(Slot::Digit),
                c if c.is_ascii_uppercase() || c.is_ascii_digit() || c == '-' => {
                    Ok(Slot::Literal(c))
                }
                _ => Err(ReferencePatternError::InvalidCharacter),
            })
            .collect::<Result<Vec<_>, _>>()?;
        if !slots
            .iter()
            .any(|s| matches!(s, Slot::Letter | Slot::Digit))
        {
            return Err(ReferencePatternError::NoPlaceholder);
        }
        Ok(Self { source, slots })
    }

    /// The pattern as written (uppercased), e.g. `AAA-99999`.
    pub fn as_str(&self) -> &str {
        &self.source
    }

    /// An example reference in this format, for hints and error messages: letters run A, B, C…
    /// and digits 1, 2, 3…, so `AAA-99999` gives `ABC-12345`.
    pub fn example(&self) -> String {
        let (mut letters, mut digits) = (0u8, 0u8);
        self.slots
            .iter()
            .map(|s| match s {
                Slot::Letter => {
                    let c = (b'A' + letters % 26) as char;
                    letters += 1;
                    c
                }
                Slot::Digit => {
                    let c = (b'0' + (digits + 1) % 10) as char;
                    digits += 1;
                    c
                }
                Slot::Literal(c) => *c,
            })
            .collect()
    }

    /// Whether an already normalised reference (uppercase, no spaces) has this format.
    pub fn matches(&self, normalised: &str) -> bool {
        normalised.chars().count() == self.slots.len()
            && normalised.chars().zip(&self.slots).all(|(c, s)| match s {
                Slot::Letter => c.is_ascii_uppercase(),
                Slot::Digit => c.is_ascii_digit(),
                Slot::Literal(l) => c == *l,
            })
    }
}

impl fmt::Display for ReferencePattern {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.source)
    }
}

/// The service's own id for a client (no name is ever needed). Always uppercase, without spaces,
/// 1–32 characters of `A–Z`, `0–9` and `-`; with a deployment pattern, also in that format.
/// Serialised as a plain string.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct ClientReference(String);

/// Why a typed client reference was refused. The messages are GOV.UK style and never repeat
/// what was typed.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum ClientReferenceError {
    #[error("Enter the client reference")]
    Missing,
    /// Not in the deployment's format; holds the pattern's example form (e.g. `ABC-12345`).
    #[error("Client reference must be in the format {example}")]
    Format { example: String },
    #[error("Client reference must be 32 characters or fewer")]
    TooLong,
    #[error("Client reference must only include letters, numbers and hyphens")]
    InvalidCharacter,
}

impl ClientReference {
    /// Parses a typed reference: spaces (any whitespace) are ignored and letters uppercased;
    /// then it must match `pattern`, or with no pattern be 1–32 letters, digits and hyphens.
    ///
    /// # Errors
    /// [`ClientReferenceError`]: missing, not in the pattern's format, too long or with other
    /// characters.
    pub fn parse(
        input: &str,
        pattern: Option<&ReferencePattern>,
    ) -> Result<Self, ClientReferenceError> {
        let s: String = input
            .chars()
            .filter(|c| !c.is_whitespace())
            .map(|c| c.to_ascii_uppercase())
            .collect();
        if s.is_empty() {
            return Err(ClientReferenceError::Missing);
        }
        if let Some(p) = pattern {
            return if p.matches(&s) {
                Ok(Self(s))
            } else {
                Err(ClientReferenceError::Format {
                    example: p.example(),
                })
            };
        }
        Self::free_form(s)
    }

    fn free_form(s: String) -> Result<Self, ClientReferenceError> {
        if s.is_empty() {
            return Err(ClientReferenceError::Missing);
        }
        if !s
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '-')
        {
            return Err(ClientReferenceError::InvalidCharacter);
        }
        if s.len() > CLIENT_REFERENCE_MAX_CHARS {
            return Err(ClientReferenceError::TooLong);
        }
        Ok(Self(s))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for ClientReference {
    type Error = ClientReferenceError;
    /// Stored or received references: exactly the normalised form (no pattern check, as the
    /// pattern is the deployment's and was checked when the reference was typed).
    fn try_from(s: String) -> Result<Self, Self::Error> {
        Self::free_form(s)
    }
}

impl From<ClientReference> for String {
    fn from(r: ClientReference) -> String {
        r.0
    }
}

impl fmt::Display for ClientReference {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

// ---------------------------------------------------------------------------------------------
// Timepoint
// ---------------------------------------------------------------------------------------------

/// When in the client's journey a visit falls. Serialised as `{"code": "6-weeks"}`, or for
/// another time `{"code": "other", "date": "2026-05-01"}`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "code", deny_unknown_fields)]
pub enum Timepoint {
    #[serde(rename = "baseline")]
    Baseline,
    #[serde(rename = "6-weeks")]
    SixWeeks,
    #[serde(rename = "3-months")]
    ThreeMonths,
    #[serde(rename = "6-months")]
    SixMonths,
    /// Any other time, with its date.
    #[serde(rename = "other")]
    Other { date: SimpleDate },
}

/// A timepoint code that is not known, or `other` without a date (or a date with another code).
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum TimepointError {
    #[error("Select the timepoint")]
    Missing,
    #[error("timepoint code is not one of baseline, 6-weeks, 3-months, 6-months, other")]
    UnknownCode,
    #[error("Enter the date of the visit for another timepoint")]
    MissingDate,
    #[error("only the timepoint other has a date")]
    UnexpectedDate,
}

impl Timepoint {
    /// The fixed timepoints in order (without `Other`), for radios.
    pub const FIXED: [Timepoint; 4] = [
        Timepoint::Baseline,
        Timepoint::SixWeeks,
        Timepoint::ThreeMonths,
        Timepoint::SixMonths,
    ];

    /// The stable code: `baseline`, `6-weeks`, `3-months`, `6-months` or `other`.
    pub fn code(self) -> &'static str {
        match self {
            Self::Baseline => "baseline",
            Self::SixWeeks => "6-weeks",
            Self::ThreeMonths => "3-months",
            Self::SixMonths => "6-months",
            Self::Other { .. } => "other",
        }
    }

    /// Plain words, e.g. "6 weeks", or for another time "Other (1 May 2026)".
    pub fn label(self) -> String {
        match self {
            Self::Baseline => "Baseline".into(),
            Self::SixWeeks => "6 weeks".into(),
            Self::ThreeMonths => "3 months".into(),
            Self::SixMonths => "6 months".into(),
            Self::Other { date: d } => format!("Other ({})", d.long_form()),
        }
    }

    /// A short label for a chart's x axis: "Baseline", "6 weeks", … or the date for another time.
    pub fn short_label(self) -> String {
        match self {
            Self::Other { date: d } => d.long_form(),
            t => t.label(),
        }
    }

    /// Weeks after the baseline the timepoint stands for (0, 6, 13, 26); `None` for `Other`.
    pub fn nominal_weeks(self) -> Option<u32> {
        match self {
            Self::Baseline => Some(0),
            Self::SixWeeks => Some(6),
            Self::ThreeMonths => Some(13),
            Self::SixMonths => Some(26),
            Self::Other { .. } => None,
        }
    }

    /// Builds a timepoint from its code (and the date, for `other`).
    ///
    /// # Errors
    /// [`TimepointError`] for an empty or unknown code, `other` without a date, or a date with a
    /// fixed timepoint.
    pub fn from_code(code: &str, date: Option<SimpleDate>) -> Result<Self, TimepointError> {
        let fixed = match code.trim() {
            "" => return Err(TimepointError::Missing),
            "other" => {
                return date
                    .map(|date| Self::Other { date })
                    .ok_or(TimepointError::MissingDate);
            }
            "baseline" => Self::Baseline,
            "6-weeks" => Self::SixWeeks,
            "3-months" => Self::ThreeMonths,
            "6-months" => Self::SixMonths,
            _ => return Err(TimepointError::UnknownCode),
        };
        match date {
            Some(_) => Err(TimepointError::UnexpectedDate),
            None => Ok(fixed),
        }
    }

    /// The position on a chart's time axis, in days after the baseline: the nominal weeks for
    /// fixed timepoints, and for `Other` its days after `baseline_date` (never before the
    /// baseline). Without a baseline date, `Other` comes after every fixed timepoint, by date.
    fn chart_key(self, baseline_date: Option<SimpleDate>) -> (i64, i64) {
        match (self, baseline_date) {
            (Self::Other { date: d }, Some(b)) => ((d.to_unix_days() - b.to_unix_days()).max(0), 1),
            (Self::Other { date: d }, None) => (1_000_000, d.to_unix_days()),
            (t, _) => (i64::from(t.nominal_weeks().unwrap_or(0)) * 7, 0),
        }
    }

    /// Chart order: baseline first, then by nominal weeks; `Other` by its date relative to the
    /// baseline date when known (after the fixed ones, by date, when not).
    pub fn chart_cmp(self, other: Self, baseline_date: Option<SimpleDate>) -> Ordering {
        self.chart_key(baseline_date)
            .cmp(&other.chart_key(baseline_date))
    }
}

// ---------------------------------------------------------------------------------------------
// Visits and the history on the device
// ---------------------------------------------------------------------------------------------

/// A visit's optional notes: trimmed, 1–500 characters (empty notes are no notes).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Notes(String);

#[derive(Clone, Copy, Debug, PartialEq, Eq, Error)]
#[error("Notes must be 500 characters or fewer")]
pub struct NotesError;

impl Notes {
    /// `Ok(None)` for empty (or all-space) notes.
    ///
    /// # Errors
    /// [`NotesError`] over 500 characters (after trimming).
    pub fn parse(s: &str) -> Result<Option<Self>, NotesError> {
        let t = s.trim();
        if t.is_empty() {
            Ok(None)
        } else if t.chars().count() > NOTES_MAX_CHARS {
            Err(NotesError)
        } else {
            Ok(Some(Self(t.to_owned())))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for Notes {
    type Error = NotesError;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        if s.trim().is_empty() || s.chars().count() > NOTES_MAX_CHARS {
            Err(NotesError)
        } else {
            Ok(Self(s))
        }
    }
}

impl From<Notes> for String {
    fn from(n: Notes) -> String {
        n.0
    }
}

/// One visit to one client: the measures administered with them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Visit {
    pub client: ClientReference,
    pub timepoint: Timepoint,
    pub date: SimpleDate,
    pub measures: Vec<Measure>,
    /// The practitioner confirmed the client agreed.
    pub consent_confirmed: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<Notes>,
}

impl Visit {
    /// This visit's measure of an instrument.
    pub fn measure(&self, instrument_id: &str) -> Option<&Measure> {
        self.measures.iter().find(|m| m.instrument == instrument_id)
    }
}

/// Where a baseline came from: a visit captured earlier on this device, or scores typed in from
/// the service's own records.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum BaselineSource {
    Device,
    Records,
}

/// A client's baseline score for one instrument, typed in from the service's records (no
/// answers, only the score). Kept with the visits, under the same retention.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RecordedBaseline {
    pub client: ClientReference,
    pub instrument: String,
    pub score: Score,
    /// When it was typed in (retention counts from here).
    pub entered: SimpleDate,
}

/// A client's baseline for one instrument, wherever it came from.
#[derive(Clone, Debug, PartialEq)]
pub struct Baseline {
    pub source: BaselineSource,
    /// The visit's timepoint (for a typed-in baseline: [`Timepoint::Baseline`]).
    pub timepoint: Timepoint,
    /// The visit's date, or when a typed-in baseline was entered.
    pub date: SimpleDate,
    pub score: Score,
}

/// Every visit kept on the device, of every client, and baselines typed in from records.
/// Nothing is handed out except through [`History::for_client`], [`History::baseline_for`] and
/// [`History::points_for`] (one client's data) and [`History::clients`] (references only), so
/// one client's data is never on another client's screens.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct History {
    visits: Vec<Visit>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    recorded: Vec<RecordedBaseline>,
}

impl History {
    pub fn new() -> Self {
        Self::default()
    }

    /// Keeps a visit.
    pub fn add(&mut self, visit: Visit) {
        self.visits.push(visit);
    }

    /// Keeps a baseline typed in from records, replacing an earlier one of the same client and
    /// instrument.
    pub fn record_baseline(&mut self, baseline: RecordedBaseline) {
        self.recorded
            .retain(|r| !(r.client == baseline.client && r.instrument == baseline.instrument));
        self.recorded.push(baseline);
    }

    /// How many visits are kept (of all clients).
    pub fn len(&self) -> usize {
        self.visits.len()
    }

    /// Whether nothing at all is kept (no visit, no typed-in baseline).
    pub fn is_empty(&self) -> bool {
        self.visits.is_empty() && self.recorded.is_empty()
    }

    /// That client's visits only, by date (then chart order of the timepoint).
    pub fn for_client(&self, client: &ClientReference) -> Vec<&Visit> {
        let mut v: Vec<&Visit> = self.visits.iter().filter(|v| &v.client == client).collect();
        v.sort_by(|a, b| {
            a.date
                .cmp(&b.date)
                .then_with(|| a.timepoint.chart_cmp(b.timepoint, None))
        });
        v
    }

    /// The client's baseline for an instrument: the measure (with a score) from the visit marked
    /// baseline (the earliest, if several), else from the client's earliest visit that has one.
    pub fn baseline(
        &self,
        client: &ClientReference,
        instrument_id: &str,
    ) -> Option<(&Visit, &Measure)> {
        let with: Vec<(&Visit, &Measure)> = self
            .for_client(client)
            .into_iter()
            .filter_map(|v| {
                let m = v.measure(instrument_id)?;
                m.score.as_ref().map(|_| (v, m))
            })
            .collect();
        with.iter()
            .find(|(v, _)| v.timepoint == Timepoint::Baseline)
            .or_else(|| with.first())
            .copied()
    }

    /// The client's baseline for an instrument from any source: a visit on this device marked
    /// baseline first, then a baseline typed in from the records, then the earliest visit on
    /// this device with a score.
    pub fn baseline_for(&self, client: &ClientReference, instrument_id: &str) -> Option<Baseline> {
        let device = self.baseline(client, instrument_id);
        let from_visit = |(v, m): (&Visit, &Measure)| {
            Some(Baseline {
                source: BaselineSource::Device,
                timepoint: v.timepoint,
                date: v.date,
                score: m.score.clone()?,
            })
        };
        let recorded = self
            .recorded
            .iter()
            .find(|r| &r.client == client && r.instrument == instrument_id)
            .map(|r| Baseline {
                source: BaselineSource::Records,
                timepoint: Timepoint::Baseline,
                date: r.entered,
                score: r.score.clone(),
            });
        match device {
            Some(d) if d.0.timepoint == Timepoint::Baseline => from_visit(d),
            _ => recorded.or_else(|| device.and_then(from_visit)),
        }
    }

    /// The client's scores of one instrument over time, for a chart: the typed-in baseline (if
    /// no visit on this device is the baseline), then every visit with a score, in visit order.
    pub fn points_for(
        &self,
        client: &ClientReference,
        instrument_id: &str,
    ) -> Vec<(Timepoint, SimpleDate, Score)> {
        let visits: Vec<(Timepoint, SimpleDate, Score)> = self
            .for_client(client)
            .into_iter()
            .filter_map(|v| {
                Some((
                    v.timepoint,
                    v.date,
                    v.measure(instrument_id)?.score.clone()?,
                ))
            })
            .collect();
        let mut out = Vec::new();
        if !visits.iter().any(|(t, _, _)| *t == Timepoint::Baseline)
            && let Some(r) = self
                .recorded
                .iter()
                .find(|r| &r.client == client && r.instrument == instrument_id)
        {
            out.push((Timepoint::Baseline, r.entered, r.score.clone()));
        }
        out.extend(visits);
        out
    }

    /// Drops visits (and typed-in baselines) older than `retention_days` on `today` (one exactly
    /// `retention_days` old is kept; one day more is dropped). Returns how many were dropped.
    pub fn retain_recent(&mut self, today: SimpleDate, retention_days: u32) -> usize {
        let before = self.visits.len() + self.recorded.len();
        let today = today.to_unix_days();
        let keep = |d: SimpleDate| today - d.to_unix_days() <= i64::from(retention_days);
        self.visits.retain(|v| keep(v.date));
        self.recorded.retain(|r| keep(r.entered));
        before - self.visits.len() - self.recorded.len()
    }

    /// Drops everything of one client. Returns how many visits and baselines were dropped.
    pub fn remove_client(&mut self, client: &ClientReference) -> usize {
        let before = self.visits.len() + self.recorded.len();
        self.visits.retain(|v| &v.client != client);
        self.recorded.retain(|r| &r.client != client);
        before - self.visits.len() - self.recorded.len()
    }

    /// Drops everything. Returns how many visits and baselines were dropped.
    pub fn wipe(&mut self) -> usize {
        let n = self.visits.len() + self.recorded.len();
        self.visits.clear();
        self.recorded.clear();
        n
    }

    /// The client references with anything kept, sorted, each once.
    pub fn clients(&self) -> Vec<ClientReference> {
        let mut c: Vec<ClientReference> = self
            .visits
            .iter()
            .map(|v| v.client.clone())
            .chain(self.recorded.iter().map(|r| r.client.clone()))
            .collect();
        c.sort();
        c.dedup();
        c
    }
}

/// The format of the stored visit.
pub const STORED_VISIT_VERSION: u32 = 1;

/// The stored form of a visit not yet sent: what the practitioner has typed so far, and the page
/// they were on (the link-worker app keeps it on the device as it is typed).
#[derive(Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StoredVisit {
    pub version: u32,
    pub saved_at_ms: u64,
    /// `details`, `records`, `measure-<n>`, `notes` or `check`.
    pub page: String,
    pub reference: String,
    pub timepoint_code: String,
    pub other_day: String,
    pub other_month: String,
    pub other_year: String,
    pub consent: bool,
    pub records: BTreeMap<String, String>,
    pub answers: BTreeMap<String, BTreeMap<String, i64>>,
    pub notes: String,
}

// ---------------------------------------------------------------------------------------------
// Change at a glance
// ---------------------------------------------------------------------------------------------

/// The instrument's short name: the abbreviation in brackets at the end of its title ("PHQ-9"
/// from "Patient Health Questionnaire (PHQ-9)"), else its title.
pub fn short_name(instrument: &Instrument) -> &str {
    let t = instrument.title.trim();
    t.strip_suffix(')')
        .and_then(|s| s.rfind('(').map(|i| &s[i + 1..]))
        .filter(|s| !s.is_empty() && !s.contains(' '))
        .unwrap_or(t)
}

/// What a compared score is called: "PHQ-9 total", "SWEMWBS metric score", or an item's short
/// label ("Life satisfaction").
pub fn score_label(instrument: &Instrument, of: &str) -> String {
    match of {
        "total" => format!("{} total", short_name(instrument)),
        "metric" => format!("{} metric score", short_name(instrument)),
        item => instrument
            .item(item)
            .map_or_else(|| item.to_owned(), |i| i.short_label.clone()),
    }
}

/// The published meaningful change, in points, if any.
pub fn threshold(instrument: &Instrument) -> Option<f64> {
    match &instrument.meaningful_change {
        MeaningfulChange::Published { points, .. } => Some(*points),
        MeaningfulChange::NotPublished { .. } => None,
    }
}

/// The verdict on one change.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Verdict {
    /// Better by at least the threshold.
    MeaningfulImprovement,
    /// Worse by at least the threshold.
    MeaningfulDeterioration,
    /// Smaller than the threshold (including no change).
    NotMeaningful,
    /// The instrument has no published threshold.
    NoPublishedThreshold,
}

/// The change in one score between the baseline and now, ready to show.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ChangeSummary {
    pub instrument: String,
    /// `total`, `metric` or an item id (ONS4).
    pub of: String,
    /// What the score is called, e.g. "PHQ-9 total".
    pub label: String,
    pub baseline: f64,
    pub now: f64,
    /// `now − baseline`, two decimals.
    pub difference: f64,
    pub trend: Option<Trend>,
    /// The published threshold in points, if any.
    pub threshold: Option<f64>,
    pub verdict: Verdict,
}

impl ChangeSummary {
    /// Whether the change reaches the threshold in the better direction; `None` where no
    /// threshold is published.
    pub fn meets_threshold_better(&self) -> Option<bool> {
        match self.verdict {
            Verdict::NoPublishedThreshold => None,
            v => Some(v == Verdict::MeaningfulImprovement),
        }
    }

    /// Whether the size of the change reaches the threshold (either direction), as sent in the
    /// payload; `None` where no threshold is published.
    pub fn meaningful(&self) -> Option<bool> {
        match self.verdict {
            Verdict::NoPublishedThreshold => None,
            Verdict::NotMeaningful => Some(false),
            _ => Some(true),
        }
    }

    /// One plain-English sentence for the text alternative, e.g. "PHQ-9 total went from 14 to 8:
    /// 6 points better, a meaningful change (threshold 6 points)".
    pub fn sentence(&self) -> String {
        let size = self.difference.abs();
        let moved = if size == 0.0 {
            format!("{} stayed at {}: no change", self.label, number(self.now))
        } else {
            let way = match self.trend {
                Some(Trend::Better) => "better",
                Some(Trend::Worse) => "worse",
                _ if self.difference > 0.0 => "higher",
                _ => "lower",
            };
            format!(
                "{} went from {} to {}: {} {way}",
                self.label,
                number(self.baseline),
                number(self.now),
                points(size)
            )
        };
        match (self.verdict, self.threshold) {
            (Verdict::NoPublishedThreshold, _) | (_, None) => {
                format!("{moved}, no published threshold")
            }
            (Verdict::NotMeaningful, Some(t)) if size == 0.0 => {
                format!("{moved} (threshold {})", points(t))
            }
            (Verdict::NotMeaningful, Some(t)) => {
                format!("{moved}, not a meaningful change (threshold {})", points(t))
            }
            (_, Some(t)) => format!("{moved}, a meaningful change (threshold {})", points(t)),
        }
    }
}

/// A number as people read it: whole numbers without decimals, else up to two decimals.
pub fn number(x: f64) -> String {
    let h = (x * 100.0).round() as i64;
    if h % 100 == 0 {
        format!("{}", h / 100)
    } else {
        let s = format!("{:.2}", h as f64 / 100.0);
        s.trim_end_matches('0').to_owned()
    }
}

fn points(x: f64) -> String {
    if (x - 1.0).abs() < 0.005 {
        "1 point".into()
    } else {
        format!("{} points", number(x))
    }
}

/// Compares two scores of one instrument (see [`scoring::change`]): one summary per compared
/// score (one for a total or metric score, one per item present in both for ONS4).
pub fn summarise(instrument: &Instrument, baseline: &Score, now: &Score) -> Vec<ChangeSummary> {
    let threshold = threshold(instrument);
    scoring::change(instrument, baseline, now)
        .into_iter()
        .map(|c| {
            let verdict = match (c.meaningful, c.trend) {
                (None, _) => Verdict::NoPublishedThreshold,
                (Some(true), Some(Trend::Better)) => Verdict::MeaningfulImprovement,
                (Some(true), Some(Trend::Worse)) => Verdict::MeaningfulDeterioration,
                _ => Verdict::NotMeaningful,
            };
            ChangeSummary {
                instrument: instrument.id.clone(),
                label: score_label(instrument, &c.of),
                of: c.of,
                baseline: c.baseline,
                now: c.now,
                difference: c.difference,
                trend: c.trend,
                threshold,
                verdict,
            }
        })
        .collect()
}

/// Compares two measures of one instrument; empty when either has no score or they are of
/// another instrument.
pub fn summarise_measures(
    instrument: &Instrument,
    baseline: &Measure,
    now: &Measure,
) -> Vec<ChangeSummary> {
    if baseline.instrument != instrument.id || now.instrument != instrument.id {
        return Vec::new();
    }
    match (&baseline.score, &now.score) {
        (Some(b), Some(n)) => summarise(instrument, b, n),
        _ => Vec::new(),
    }
}

/// Why a baseline typed in from the service's records was refused (GOV.UK style). `label` is
/// what the score is called, e.g. "PHQ-9 total".
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum BaselineError {
    #[error("Enter the baseline {label}")]
    Missing { label: String },
    #[error("Baseline {label} must be a whole number")]
    NotWholeNumber { label: String },
    #[error("Baseline {label} must be a number, like {example}")]
    NotNumber { label: String, example: String },
    #[error("Baseline {label} must have no more than 2 decimal places")]
    TooManyDecimals { label: String },
    #[error("Baseline {label} must be between {min} and {max}")]
    OutOfRange {
        label: String,
        min: String,
        max: String,
    },
    /// ONS4 is reported item by item: use [`baseline_item_from_records`].
    #[error("Enter the baseline for each {label} question separately")]
    PerItem { label: String },
    #[error("{label} has no score to compare")]
    NotScored { label: String },
}

/// Parses `-?digits(.digits)?` exactly; `Err(true)` when there are more than 2 decimals,
/// `Err(false)` when it is not such a number.
fn parse_decimal(s: &str) -> Result<f64, bool> {
    let digits = s.strip_prefix('-').unwrap_or(s);
    let (whole, frac) = digits.split_once('.').unwrap_or((digits, ""));
    let ok = |p: &str| p.bytes().all(|b| b.is_ascii_digit());
    if whole.is_empty() || !ok(whole) || !ok(frac) || (digits.contains('.') && frac.is_empty()) {
        return Err(false);
    }
    if frac.len() > 2 {
        return Err(true);
    }
    s.parse::<f64>().map_err(|_| false)
}

fn parse_whole(input: &str, label: &str, (min, max): (i64, i64)) -> Result<i64, BaselineError> {
    let s = input.trim();
    if s.is_empty() {
        return Err(BaselineError::Missing {
            label: label.into(),
        });
    }
    let digits = s.strip_prefix('-').unwrap_or(s);
    let v = if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
        s.parse::<i64>().ok()
    } else {
        None
    };
    let out_of_range = || BaselineError::OutOfRange {
        label: label.into(),
        min: min.to_string(),
        max: max.to_string(),
    };
    match v {
        Some(v) if (min..=max).contains(&v) => Ok(v),
        Some(_) => Err(out_of_range()),
        // A long run of digits is a number, just out of range.
        None if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) => {
            Err(out_of_range())
        }
        None => Err(BaselineError::NotWholeNumber {
            label: label.into(),
        }),
    }
}

/// A baseline typed in from the service's records, as a score to compare with: the total for
/// summed instruments (a whole number in the instrument's range), the metric score for SWEMWBS
/// (a number with up to two decimals within the conversion table's range; the raw total is
/// filled in when the value is one of the table's). Spaces around are ignored.
///
/// # Errors
/// [`BaselineError`]: missing, not a number, too many decimals, out of range; per-item
/// instruments need [`baseline_item_from_records`]; unscored instruments have nothing to compare.
pub fn baseline_from_records(instrument: &Instrument, input: &str) -> Result<Score, BaselineError> {
    let empty = Score {
        total: None,
        metric: None,
        band: None,
        subscales: Vec::new(),
        items: Vec::new(),
    };
    match &instrument.scoring {
        Scoring::None {} => Err(BaselineError::NotScored {
            label: short_name(instrument).into(),
        }),
        Scoring::PerItem {} => Err(BaselineError::PerItem {
            label: short_name(instrument).into(),
        }),
        Scoring::Sum { bands } | Scoring::SumWithSubscales { bands, .. } => {
            let label = score_label(instrument, "total");
            let range = instrument.total_range().unwrap_or((0, 0));
            let total = parse_whole(input, &label, range)?;
            Ok(Score {
                total: Some(total),
                band: bands
                    .iter()
                    .find(|b| (b.min..=b.max).contains(&total))
                    .map(|b| b.code.clone()),
                ..empty
            })
        }
        Scoring::SumConverted { table } => {
            let label = score_label(instrument, "metric");
            let s = input.trim();
            if s.is_empty() {
                return Err(BaselineError::Missing { label });
            }
            let (min, max) = metric_range(table).unwrap_or((0.0, 0.0));
            let v = parse_decimal(s).map_err(|too_many| {
                if too_many {
                    BaselineError::TooManyDecimals {
                        label: label.clone(),
                    }
                } else {
                    BaselineError::NotNumber {
                        label: label.clone(),
                        example: number(table.get(table.len() / 2).map_or(min, |r| r.metric)),
                    }
                }
            })?;
            if v < min || v > max {
                return Err(BaselineError::OutOfRange {
                    label,
                    min: number(min),
                    max: number(max),
                });
            }
            let h = |x: f64| (x * 100.0).round() as i64;
            let total = table.iter().find(|r| h(r.metric) == h(v)).map(|r| r.raw);
            Ok(Score {
                total,
                metric: Some(v),
                ..empty
            })
        }
    }
}

/// One item's baseline typed in from the records, for per-item instruments (ONS4): a whole
/// number in the item's range.
///
/// # Errors
/// [`BaselineError`] as for [`baseline_from_records`]; an unknown item is reported as not scored.
pub fn baseline_item_from_records(
    instrument: &Instrument,
    item_id: &str,
    input: &str,
) -> Result<ItemScore, BaselineError> {
    let item = instrument
        .item(item_id)
        .filter(|_| instrument.scoring == Scoring::PerItem {})
        .ok_or_else(|| BaselineError::NotScored {
            label: item_id.to_owned(),
        })?;
    let label = item.short_label.to_lowercase();
    let range = item.scored_range().unwrap_or((0, 0));
    let value = parse_whole(input, &label, range)?;
    Ok(ItemScore {
        item: item.id.clone(),
        value,
        band: item.band_of(value).map(|b| b.code.clone()),
    })
}

fn metric_range(table: &[crate::domain::instrument::Conversion]) -> Option<(f64, f64)> {
    let lo = table.iter().map(|r| r.metric).reduce(f64::min)?;
    let hi = table.iter().map(|r| r.metric).reduce(f64::max)?;
    Some((lo, hi))
}

/// The possible range of a compared score (`total`, `metric` or an item id) for a chart's y
/// axis: the instrument's total range, the conversion table's metric range (SWEMWBS 7–35), or the
/// item's range (ONS4 0–10).
pub fn score_range(instrument: &Instrument, of: &str) -> Option<(f64, f64)> {
    match (of, &instrument.scoring) {
        ("metric", Scoring::SumConverted { table }) => metric_range(table),
        ("total", Scoring::PerItem {} | Scoring::None {}) => None,
        ("total", _) => instrument
            .total_range()
            .map(|(lo, hi)| (lo as f64, hi as f64)),
        (item, Scoring::PerItem {}) => instrument
            .item(item)?
            .scored_range()
            .map(|(lo, hi)| (lo as f64, hi as f64)),
        _ => None,
    }
}

/// Which way is better for a compared score.
pub fn direction_of(instrument: &Instrument, of: &str) -> Option<Direction> {
    match instrument.item(of) {
        Some(item) if instrument.scoring == Scoring::PerItem {} => instrument.direction_of(item),
        _ => instrument.direction,
    }
}

// ---------------------------------------------------------------------------------------------
// Chart geometry
// ---------------------------------------------------------------------------------------------

/// The chart's SVG `viewBox` is `0 0 CHART_WIDTH CHART_HEIGHT`.
pub const CHART_WIDTH: f64 = 640.0;
pub const CHART_HEIGHT: f64 = 320.0;
/// The plot area inside the viewBox (room for y tick labels on the left, x labels below).
pub const PLOT_LEFT: f64 = 56.0;
pub const PLOT_RIGHT: f64 = CHART_WIDTH - 16.0;
pub const PLOT_TOP: f64 = 16.0;
pub const PLOT_BOTTOM: f64 = CHART_HEIGHT - 48.0;

/// The marker drawn at each point of a series: series differ by shape (and dash), not only by
/// colour, so the chart reads in greyscale.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum MarkerKind {
    Circle,
    Square,
    Triangle,
    Diamond,
    Cross,
}

impl MarkerKind {
    const ALL: [MarkerKind; 5] = [
        MarkerKind::Circle,
        MarkerKind::Square,
        MarkerKind::Triangle,
        MarkerKind::Diamond,
        MarkerKind::Cross,
    ];

    /// The marker of the `index`th series (they repeat after five).
    pub fn for_series(index: usize) -> Self {
        Self::ALL[index % Self::ALL.len()]
    }
}

/// One series to draw: e.g. "PHQ-9 total", or one ONS4 item.
#[derive(Clone, Debug, PartialEq)]
pub struct Series {
    pub label: String,
    pub points: Vec<(Timepoint, f64)>,
}

/// One drawn point.
#[derive(Clone, Debug, PartialEq)]
pub struct ChartPoint {
    pub x: f64,
    pub y: f64,
    pub timepoint: Timepoint,
    pub value: f64,
}

/// One series' geometry.
#[derive(Clone, Debug, PartialEq)]
pub struct SeriesGeometry {
    pub label: String,
    pub marker: MarkerKind,
    /// In chart order.
    pub points: Vec<ChartPoint>,
    /// The `points` attribute of an SVG `<polyline>`: `"x,y x,y …"`.
    pub polyline: String,
}

/// A y-axis tick.
#[derive(Clone, Debug, PartialEq)]
pub struct Tick {
    pub value: f64,
    pub y: f64,
    pub label: String,
}

/// An x-axis label, under a timepoint's column.
#[derive(Clone, Debug, PartialEq)]
pub struct XLabel {
    pub x: f64,
    pub timepoint: Timepoint,
    pub label: String,
}

/// The band within the meaningful change of the baseline: a change that stays inside it is not
/// meaningful. `low..high` in score units, `y_top..y_bottom` on screen (clamped to the range).
#[derive(Clone, Debug, PartialEq)]
pub struct ThresholdBand {
    pub low: f64,
    pub high: f64,
    pub y_top: f64,
    pub y_bottom: f64,
}

/// Everything the UI needs to draw the chart as SVG.
#[derive(Clone, Debug, PartialEq)]
pub struct ChartGeometry {
    pub width: f64,
    pub height: f64,
    /// `"0 0 640 320"`.
    pub view_box: String,
    /// The score range the y axis spans.
    pub min: f64,
    pub max: f64,
    pub series: Vec<SeriesGeometry>,
    pub y_ticks: Vec<Tick>,
    pub x_labels: Vec<XLabel>,
    pub threshold_band: Option<ThresholdBand>,
}

/// A "nice" tick step (1, 2 or 5 × a power of ten) giving about five intervals over `span`.
fn nice_step(span: f64) -> f64 {
    if span <= 0.0 || !span.is_finite() {
        return 1.0;
    }
    let rough = span / 5.0;
    let p = 10f64.powf(rough.log10().floor());
    let f = rough / p;
    let m = if f <= 1.0 {
        1.0
    } else if f <= 2.0 {
        2.0
    } else if f <= 5.0 {
        5.0
    } else {
        10.0
    };
    m * p
}

/// Ticks from `min` to `max`, both included, with multiples of a nice step between (those
/// closer than half a step to either end are left out, so labels do not crowd).
pub fn y_ticks(min: f64, max: f64) -> Vec<f64> {
    if max <= min {
        return vec![min];
    }
    let step = nice_step(max - min);
    let mut ticks = vec![min];
    let mut v = (min / step).floor() * step + step;
    while v < max {
        if v - min >= step / 2.0 && max - v >= step / 2.0 {
            ticks.push(v);
        }
        v += step;
    }
    ticks.push(max);
    ticks
}

/// The geometry of a line chart of `series` over timepoints, with the y axis spanning the
/// score's possible `range` (see [`score_range`]) and higher scores higher on screen.
///
/// Columns are the distinct timepoints of all series in chart order ([`Timepoint::chart_cmp`],
/// `Other` placed by `baseline_date`), spaced evenly. Values outside the range are drawn at its
/// edge. With a published `threshold`, the band is the first series' baseline value (the
/// `Baseline` point, else its first) ± the threshold.
pub fn chart(
    series: &[Series],
    range: (f64, f64),
    baseline_date: Option<SimpleDate>,
    threshold: Option<f64>,
) -> ChartGeometry {
    let (min, max) = if range.1 > range.0 {
        range
    } else {
        (range.0, range.0 + 1.0)
    };
    let y_of = |v: f64| {
        let v = v.clamp(min, max);
        PLOT_BOTTOM - (v - min) / (max - min) * (PLOT_BOTTOM - PLOT_TOP)
    };
    let sorted = |pts: &[(Timepoint, f64)]| {
        let mut p = pts.to_vec();
        p.sort_by(|a, b| a.0.chart_cmp(b.0, baseline_date));
        p
    };

    let mut columns: Vec<Timepoint> = Vec::new();
    for s in series {
        for (t, _) in &s.points {
            if !columns.contains(t) {
                columns.push(*t);
            }
        }
    }
    columns.sort_by(|a, b| a.chart_cmp(*b, baseline_date));
    let n = columns.len().max(1) as f64;
    let col_width = (PLOT_RIGHT - PLOT_LEFT) / n;
    let x_of = |t: Timepoint| {
        let i = columns.iter().position(|c| *c == t).unwrap_or(0) as f64;
        PLOT_LEFT + (i + 0.5) * col_width
    };

    let series_geometry: Vec<SeriesGeometry> = series
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let points: Vec<ChartPoint> = sorted(&s.points)
                .into_iter()
                .map(|(t, v)| ChartPoint {
                    x: x_of(t),
                    y: y_of(v),
                    timepoint: t,
                    value: v,
                })
                .collect();
            let polyline = points
                .iter()
                .map(|p| format!("{:.1},{:.1}", p.x, p.y))
                .collect::<Vec<_>>()
                .join(" ");
            SeriesGeometry {
                label: s.label.clone(),
                marker: MarkerKind::for_series(i),
                points,
                polyline,
            }
        })
        .collect();

    let threshold_band = threshold.zip(series.first()).and_then(|(t, s)| {
        let pts = sorted(&s.points);
        let base = pts
            .iter()
            .find(|(tp, _)| *tp == Timepoint::Baseline)
            .or(pts.first())?
            .1;
        let (low, high) = ((base - t).max(min), (base + t).min(max));
        Some(ThresholdBand {
            low,
            high,
            y_top: y_of(high),
            y_bottom: y_of(low),
        })
    });

    ChartGeometry {
        width: CHART_WIDTH,
        height: CHART_HEIGHT,
        view_box: format!("0 0 {CHART_WIDTH} {CHART_HEIGHT}"),
        min,
        max,
        series: series_geometry,
        y_ticks: y_ticks(min, max)
            .into_iter()
            .map(|v| Tick {
                value: v,
                y: y_of(v),
                label: number(v),
            })
            .collect(),
        x_labels: columns
            .iter()
            .map(|t| XLabel {
                x: x_of(*t),
                timepoint: *t,
                label: t.short_label(),
            })
            .collect(),
        threshold_band,
    }
}

// ---------------------------------------------------------------------------------------------
// Visit date (for the "other" timepoint)
// ---------------------------------------------------------------------------------------------

/// Why the date typed for an "other" timepoint was refused (GOV.UK style; never repeats what
/// was typed).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Error)]
pub enum VisitDateError {
    #[error("Enter the date of the visit")]
    Missing,
    #[error("Date of the visit must include a day, month and year")]
    Incomplete,
    #[error("Date of the visit must be a real date")]
    NotReal,
    #[error("Date of the visit must be today or in the past")]
    InFuture,
}

/// Parses the three boxes of the "other" timepoint's date: day and month of 1 or 2 digits, a
/// year of 4 digits; a real date, not after `today`.
///
/// # Errors
/// [`VisitDateError`], in GOV.UK priority order.
pub fn parse_visit_date(
    day: &str,
    month: &str,
    year: &str,
    today: SimpleDate,
) -> Result<SimpleDate, VisitDateError> {
    let (d, m, y) = (day.trim(), month.trim(), year.trim());
    if d.is_empty() && m.is_empty() && y.is_empty() {
        return Err(VisitDateError::Missing);
    }
    if d.is_empty() || m.is_empty() || y.is_empty() {
        return Err(VisitDateError::Incomplete);
    }
    let small = |s: &str| {
        (matches!(s.len(), 1 | 2) && s.bytes().all(|c| c.is_ascii_digit()))
            .then(|| s.parse::<u8>().ok())
            .flatten()
    };
    let year = (y.len() == 4 && y.bytes().all(|c| c.is_ascii_digit()))
        .then(|| y.parse::<u16>().ok())
        .flatten();
    let date = match (small(d), small(m), year) {
        (Some(d), Some(m), Some(y)) => {
            SimpleDate::new(y, m, d).map_err(|_| VisitDateError::NotReal)?
        }
        _ => return Err(VisitDateError::NotReal),
    };
    if date > today {
        return Err(VisitDateError::InFuture);
    }
    Ok(date)
}

// ---------------------------------------------------------------------------------------------
// Chart series
// ---------------------------------------------------------------------------------------------

/// The parts of a score that are compared and charted: `metric` for instruments with a
/// conversion table, `total` for summed ones, each item for per-item ones (ONS4), none for
/// unscored ones.
pub fn compared_parts(instrument: &Instrument) -> Vec<String> {
    match &instrument.scoring {
        Scoring::None {} => Vec::new(),
        Scoring::SumConverted { .. } => vec!["metric".into()],
        Scoring::PerItem {} => instrument.items.iter().map(|i| i.id.clone()).collect(),
        _ => vec!["total".into()],
    }
}

/// One compared part of a score (see [`compared_parts`]), if the score has it.
pub fn part_value(score: &Score, of: &str) -> Option<f64> {
    match of {
        "total" => score.total.map(|t| t as f64),
        "metric" => score.metric,
        item => score
            .items
            .iter()
            .find(|i| i.item == item)
            .map(|i| i.value as f64),
    }
}

/// The chart series of one instrument from a client's scores over timepoints: one series per
/// compared part (ONS4: one per item), each point where that part has a value. Parts with no
/// point are left out.
pub fn series_for(instrument: &Instrument, scores: &[(Timepoint, Score)]) -> Vec<Series> {
    compared_parts(instrument)
        .into_iter()
        .map(|of| Series {
            label: score_label(instrument, &of),
            points: scores
                .iter()
                .filter_map(|(t, s)| Some((*t, part_value(s, &of)?)))
                .collect(),
        })
        .filter(|s| !s.points.is_empty())
        .collect()
}

/// The y range of an instrument's chart: that of its first compared part.
pub fn chart_range(instrument: &Instrument) -> Option<(f64, f64)> {
    compared_parts(instrument)
        .first()
        .and_then(|of| score_range(instrument, of))
}

// ---------------------------------------------------------------------------------------------
// Payload
// ---------------------------------------------------------------------------------------------

/// The follow-up fields of a submission (`mode: "follow-up"`), sent at the top level next to
/// `mode`:
///
/// ```json
/// {
///   "mode": "follow-up",
///   "client_reference": "ABC-12345",
///   "timepoint": {"code": "other", "date": "2026-05-01"},
///   "visit_date": "2026-05-01",
///   "client_agreed": true,
///   "notes": "…",
///   "measures": [ … each as in the self-referral payload, plus "change" where a baseline exists … ]
/// }
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct FollowUpContext {
    pub client_reference: ClientReference,
    pub timepoint: Timepoint,
    pub visit_date: SimpleDate,
    pub notes: Option<Notes>,
}

/// One compared score's change as sent in a follow-up measure's `change`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScoreChange {
    /// What was compared: `total`, `metric` (SWEMWBS) or an item id (ONS4).
    pub of: String,
    pub baseline: f64,
    pub now: f64,
    /// `now − baseline`, two decimals.
    pub change: f64,
    /// `better`, `same` or `worse`; `null` when the direction is not known.
    pub trend: Option<Trend>,
    /// The instrument's published meaningful change in points; `null` where none is published.
    pub threshold: Option<f64>,
    /// Whether the size of the change reaches the published threshold; `null` where none is
    /// published.
    pub meaningful: Option<bool>,
}

impl From<&ChangeSummary> for ScoreChange {
    fn from(c: &ChangeSummary) -> Self {
        ScoreChange {
            of: c.of.clone(),
            baseline: c.baseline,
            now: c.now,
            change: c.difference,
            trend: c.trend,
            threshold: c.threshold,
            meaningful: c.meaningful(),
        }
    }
}

/// A follow-up measure's `change`: where its baseline came from, and each compared score.
///
/// ```json
/// "change": {"baseline_source": "device",
///            "scores": [{"of": "total", "baseline": 14.0, "now": 8.0, "change": -6.0,
///                        "trend": "better", "threshold": 6.0, "meaningful": true}]}
/// ```
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MeasureChange {
    pub baseline_source: BaselineSource,
    pub scores: Vec<ScoreChange>,
}

impl MeasureChange {
    /// The change of one measure, from its summaries (`None` when there are none).
    pub fn new(source: BaselineSource, summaries: &[ChangeSummary]) -> Option<Self> {
        (!summaries.is_empty()).then(|| MeasureChange {
            baseline_source: source,
            scores: summaries.iter().map(ScoreChange::from).collect(),
        })
    }

    /// Whether this change is exactly what the instrument's rules give for `now` (the measure's
    /// score) against the baselines it states: the intake's re-check. Every compared part must
    /// be one the instrument compares, at most once, with `now` equal to the measure's score.
    pub fn is_consistent(&self, instrument: &Instrument, now: Option<&Score>) -> bool {
        let Some(now) = now else { return false };
        let parts = compared_parts(instrument);
        let mut seen: Vec<&str> = Vec::new();
        for s in &self.scores {
            if !parts.contains(&s.of) || seen.contains(&s.of.as_str()) {
                return false;
            }
            seen.push(&s.of);
        }
        if self.scores.is_empty() {
            return false;
        }
        let mut baseline = Score {
            total: None,
            metric: None,
            band: None,
            subscales: Vec::new(),
            items: Vec::new(),
        };
        for s in &self.scores {
            match s.of.as_str() {
                "total" if s.baseline.fract() == 0.0 => baseline.total = Some(s.baseline as i64),
                "total" => return false,
                "metric" => baseline.metric = Some(s.baseline),
                item if s.baseline.fract() == 0.0 => baseline.items.push(ItemScore {
                    item: item.to_owned(),
                    value: s.baseline as i64,
                    band: None,
                }),
                _ => return false,
            }
        }
        let expected = summarise(instrument, &baseline, now);
        expected.len() == self.scores.len()
            && expected.iter().all(|e| {
                self.scores.iter().any(|s| {
                    let same = |a: f64, b: f64| (a * 100.0).round() == (b * 100.0).round();
                    s.of == e.of
                        && same(s.baseline, e.baseline)
                        && same(s.now, e.now)
                        && same(s.change, e.difference)
                        && s.trend == e.trend
                        && s.threshold == e.threshold
                        && s.meaningful == e.meaningful()
                })
            })
    }
}

/// The changes of a visit's measures against the client's baselines in `history` (captured
/// earlier on this device, or typed in from records), for each measure whose instrument is in
/// `instruments`: `(instrument id, baseline, summaries)`. A visit that is itself the client's
/// baseline (on the device, or by its timepoint) compares with nothing.
pub fn changes_for_visit(
    history: &History,
    visit: &Visit,
    instruments: &[Instrument],
) -> Vec<(String, Baseline, Vec<ChangeSummary>)> {
    if visit.timepoint == Timepoint::Baseline {
        return Vec::new();
    }
    visit
        .measures
        .iter()
        .filter_map(|m| {
            let inst = instruments.iter().find(|i| i.id == m.instrument)?;
            let base = history.baseline_for(&visit.client, &m.instrument)?;
            let now = m.score.as_ref()?;
            let summaries = summarise(inst, &base.score, now);
            (!summaries.is_empty()).then(|| (m.instrument.clone(), base, summaries))
        })
        .collect()
}

/// The visit's measures as sent: each with its `change` where a baseline exists.
pub fn measures_with_changes(
    history: &History,
    visit: &Visit,
    instruments: &[Instrument],
) -> Vec<Measure> {
    let changes = changes_for_visit(history, visit, instruments);
    visit
        .measures
        .iter()
        .map(|m| {
            let change = changes
                .iter()
                .find(|(id, _, _)| *id == m.instrument)
                .and_then(|(_, b, s)| MeasureChange::new(b.source, s));
            Measure {
                change,
                ..m.clone()
            }
        })
        .collect()
}

impl FollowUpContext {
    /// The context of a visit.
    pub fn of_visit(visit: &Visit) -> Self {
        FollowUpContext {
            client_reference: visit.client.clone(),
            timepoint: visit.timepoint,
            visit_date: visit.date,
            notes: visit.notes.clone(),
        }
    }
}
