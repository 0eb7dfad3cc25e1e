//! Widget configuration, parsed from the host element's `data-*` attributes (given here as plain
//! strings, so it is tested natively). A wrong value gets a message naming the attribute.

use crate::domain::follow_up::{
    DEFAULT_LOCK_MINUTES, DEFAULT_RETENTION_DAYS, ReferencePattern, ReferencePatternError,
};
use std::fmt;
use thiserror::Error;

/// What is wrong with an address given in an attribute.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum UrlProblem {
    #[error("is missing: set it to the HTTPS address that receives completed forms")]
    Missing,
    #[error(
        "must be a full address starting with https:// (for example https://intake.example.org/referrals)"
    )]
    NotAbsolute,
    #[error("is empty: give the address of the file, e.g. /forms/instruments.json")]
    Blank,
    #[error("must be an origin only, like https://www.example-surgery.nhs.uk (no path)")]
    NotOrigin,
    #[error(
        "must use https:// (plain http:// is allowed only for localhost or 127.0.0.1 while developing)"
    )]
    Insecure,
    #[error("must be an https:// address; other schemes are not allowed")]
    UnsupportedScheme,
    #[error("must not contain a user name or password")]
    Credentials,
    #[error("has no host name")]
    NoHost,
    #[error(
        "has a host name a browser cannot use: use letters, digits, dots and hyphens (for an international name, its xn-- form), or an IP address"
    )]
    BadHost,
    #[error("has a port a browser cannot use: after the colon give only a number up to 65535")]
    BadPort,
}

/// An attribute holding an address that cannot be used.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
#[error("{attribute} {problem}")]
pub struct UrlError {
    pub attribute: &'static str,
    pub problem: UrlProblem,
}

/// Checks an absolute address: `https`, or `http` only on this machine. The host and port must
/// be ones the browser's URL parser accepts, so an address that could never be fetched is
/// refused here rather than retried for ever.
fn check_absolute(s: &str) -> Result<(), UrlProblem> {
    let (scheme, rest) = s.split_once("://").ok_or(UrlProblem::NotAbsolute)?;
    let scheme = scheme.to_ascii_lowercase();
    if scheme.is_empty()
        || !scheme
            .bytes()
            .all(|c| c.is_ascii_alphanumeric() || b"+-.".contains(&c))
        || s.chars().any(|c| c.is_whitespace() || c.is_control())
    {
        return Err(UrlProblem::NotAbsolute);
    }
    if !matches!(scheme.as_str(), "https" | "http") {
        return Err(UrlProblem::UnsupportedScheme);
    }
    let authority = rest.split(['/', '?', '#', '\\']).next().unwrap_or("");
    if authority.contains('@') {
        return Err(UrlProblem::Credentials);
    }
    let (host, port) = split_host_port(authority)?;
    check_port(port)?;
    let local = match host {
        Host::Ipv6(ip) => ip == std::net::Ipv6Addr::LOCALHOST,
        Host::Ipv4(ip) => ip == std::net::Ipv4Addr::LOCALHOST,
        Host::Name(name) => name.eq_ignore_ascii_case("localhost"),
    };
    match scheme.as_str() {
        "http" if !local => Err(UrlProblem::Insecure),
        _ => Ok(()),
    }
}

/// The host part of an address.
enum Host<'a> {
    Ipv6(std::net::Ipv6Addr),
    Ipv4(std::net::Ipv4Addr),
    Name(&'a str),
}

/// Splits `host[:port]` (or `[v6][:port]`) and checks the host as the browser would read it.
fn split_host_port(authority: &str) -> Result<(Host<'_>, Option<&str>), UrlProblem> {
    if let Some(v6) = authority.strip_prefix('[') {
        let (inside, after) = v6.split_once(']').ok_or(UrlProblem::BadHost)?;
        if inside.is_empty() {
            return Err(UrlProblem::NoHost);
        }
        let ip = inside.parse().map_err(|_| UrlProblem::BadHost)?;
        let port = match after {
            "" => None,
            _ => Some(after.strip_prefix(':').ok_or(UrlProblem::BadHost)?),
        };
        return Ok((Host::Ipv6(ip), port));
    }
    let (name, port) = match authority.split_once(':') {
        Some((name, port)) => (name, Some(port)),
        None => (authority, None),
    };
    if name.is_empty() {
        return Err(UrlProblem::NoHost);
    }
    // Letters, digits, `-`, `_` and dots; a name whose last label is a number is an IPv4
    // address and must be a whole, valid one.
    if !name
        .bytes()
        .all(|c| c.is_ascii_alphanumeric() || b"-_.".contains(&c))
    {
        return Err(UrlProblem::BadHost);
    }
    let last = name.trim_end_matches('.').rsplit('.').next().unwrap_or("");
    if !last.is_empty() && last.bytes().all(|c| c.is_ascii_digit()) {
        let ip = name.parse().map_err(|_| UrlProblem::BadHost)?;
        return Ok((Host::Ipv4(ip), port));
    }
    Ok((Host::Name(name), port))
}

/// A port is digits from 0 to 65535 (or nothing after the colon, which means the default).
fn check_port(port: Option<&str>) -> Result<(), UrlProblem> {
    match port {
        None | Some("") => Ok(()),
        Some(p) if p.bytes().all(|c| c.is_ascii_digit()) && p.parse::<u16>().is_ok() => Ok(()),
        Some(_) => Err(UrlProblem::BadPort),
    }
}

/// Where completed forms are POSTed: an `https` URL, or `http` only on this machine
/// (`localhost`, `127.0.0.1`, `[::1]`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Endpoint(String);

impl Endpoint {
    pub fn parse(raw: Option<&str>) -> Result<Self, UrlError> {
        let err = |problem| UrlError {
            attribute: "data-endpoint",
            problem,
        };
        let s = raw
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .ok_or(err(UrlProblem::Missing))?;
        check_absolute(s).map_err(err)?;
        Ok(Self(s.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Endpoint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// An address for a resource named by the host: a path on the host site (`/forms/wemwbs.json`),
/// or an absolute address under the same rule as the endpoint. Used for the instrument
/// definitions file and the privacy notice link.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InstrumentsUrl(String);

impl InstrumentsUrl {
    pub fn parse(raw: &str) -> Result<Self, UrlError> {
        let err = |problem| UrlError {
            attribute: "data-instruments-url",
            problem,
        };
        let s = raw.trim();
        if s.is_empty() {
            return Err(err(UrlProblem::Blank));
        }
        if s.contains('\\') || s.starts_with("//") {
            // Browsers read `//host`, `\\host` and `/\host` as another host, over the page's
            // own scheme: refuse them, an absolute address must say https://.
            return Err(err(UrlProblem::NotAbsolute));
        }
        if s.contains("://") {
            check_absolute(s).map_err(err)?;
        } else if s.contains(':') && !s.starts_with(['/', '.']) {
            // `javascript:…`, `data:…` and other schemes without `//`.
            return Err(err(UrlProblem::UnsupportedScheme));
        } else if s.chars().any(|c| c.is_whitespace() || c.is_control()) {
            return Err(err(UrlProblem::NotAbsolute));
        }
        Ok(Self(s.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The one origin a framed widget reports its height to (`data-parent-origin`), e.g.
/// `https://www.example-surgery.nhs.uk`: scheme, host and port only, https (or http on this
/// machine). Never `*`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParentOrigin(String);

impl ParentOrigin {
    pub fn parse(raw: &str) -> Result<Self, UrlError> {
        let err = |problem| UrlError {
            attribute: "data-parent-origin",
            problem,
        };
        let s = raw.trim().trim_end_matches('/');
        if s.is_empty() {
            return Err(err(UrlProblem::Blank));
        }
        check_absolute(s).map_err(err)?;
        let after_scheme = &s[s.find("://").map_or(0, |i| i + 3)..];
        if after_scheme.contains(['/', '?', '#']) {
            return Err(err(UrlProblem::NotOrigin));
        }
        Ok(Self(s.to_ascii_lowercase()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// What the widget POSTs: the native JSON payload (default) or a FHIR R4 Bundle.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Format {
    #[default]
    Native,
    Fhir,
}

/// The canonical base of the FHIR Questionnaires, unless `data-fhir-base` says otherwise.
pub const DEFAULT_FHIR_BASE: &str = "https://wellbeing-widget.example/fhir";

/// The measures asked when `data-measures` is not given: the self-referral default.
pub const DEFAULT_MEASURES: &[&str] = &["ons4", "ucla3", "ons-loneliness"];

/// A configuration value that was wrong but had a safe fallback. Shown to the integrator.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum ConfigWarning {
    #[error(
        "data-measures is empty, so the default measures ({}) are used",
        DEFAULT_MEASURES.join(",")
    )]
    NoMeasures,
    #[error("data-measures names {0:?} more than once; it is asked once")]
    DuplicateMeasure(String),
    #[error(
        "data-measures names {0:?}, which is not an instrument id (ids use a-z, 0-9 and -); it has been left out"
    )]
    MalformedMeasure(String),
    #[error("{0}; no extra instrument definitions are loaded")]
    InstrumentsUrl(UrlError),
    #[error("data-organisation must be plain text of at most 100 characters; it is not shown")]
    Organisation,
    #[error("{0}; no privacy notice link is shown")]
    PrivacyUrl(UrlError),
    #[error(
        "data-mode {0:?} is not a form of this widget (use \"self-referral\" or \"follow-up\"); the self-referral form is used"
    )]
    Mode(String),
    #[error("{0}; client references are checked only for letters, numbers and hyphens")]
    ClientReferencePattern(ReferencePatternError),
    #[error(
        "data-retention-days must be a whole number of days from 1 to 730; the default of {DEFAULT_RETENTION_DAYS} is used"
    )]
    RetentionDays,
    #[error(
        "data-lock-minutes must be a whole number of minutes from 1 to 60; the default of {DEFAULT_LOCK_MINUTES} is used"
    )]
    LockMinutes,
    #[error(
        "data-format=\"fhir\" is not available in the follow-up form (a FHIR Bundle here would describe a referral); the native JSON payload is sent"
    )]
    FhirInFollowUp,
    #[error("data-format must be \"json\" or \"fhir\"; the native JSON payload is sent")]
    Format,
    #[error(
        "data-fhir-base must be an https:// address (the canonical base of the Questionnaires); the default {DEFAULT_FHIR_BASE} is used"
    )]
    FhirBase,
    #[error("{0}; the widget will not report its height to the page that frames it")]
    ParentOrigin(UrlError),
    #[error(
        "data-draft-days must be a whole number of days from 1 to 90; the default of {DEFAULT_DRAFT_DAYS} is used"
    )]
    DraftDays,
    #[error(
        "data-timeout-seconds must be a whole number of seconds from 1 to 120; the default of {DEFAULT_TIMEOUT_SECONDS} is used"
    )]
    TimeoutSeconds,
    #[error(
        "data-minimum-age must be a whole number of years from 10 to 99; the default of {DEFAULT_MINIMUM_AGE} is used"
    )]
    MinimumAge,
}

/// The youngest age the service accepts self-referrals from, unless `data-minimum-age` says
/// otherwise.
pub use crate::domain::referral::DEFAULT_MINIMUM_AGE;

/// Days a draft is kept on the device unless `data-draft-days` says otherwise.
pub const DEFAULT_DRAFT_DAYS: u32 = 7;
/// Seconds to wait for the intake before an attempt counts as failed (`data-timeout-seconds`).
pub const DEFAULT_TIMEOUT_SECONDS: u32 = 15;

/// A whole number in `range`, or `None`.
fn whole_in(raw: &str, range: std::ops::RangeInclusive<u32>) -> Option<u32> {
    let t = raw.trim();
    (!t.is_empty() && t.bytes().all(|c| c.is_ascii_digit()))
        .then(|| t.parse::<u32>().ok())
        .flatten()
        .filter(|n| range.contains(n))
}

/// Which form the widget shows (`data-mode`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum WidgetMode {
    /// The self-referral, for the person themselves (the default).
    #[default]
    SelfReferral,
    /// The link-worker follow-up, for practitioners with clients.
    FollowUp,
}

/// Everything the widget needs from its host element.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WidgetConfig {
    pub endpoint: Endpoint,
    /// Distinguishes several widgets on one page (their drafts are kept apart).
    pub instance: String,
    /// Instrument ids, in the order they are asked.
    pub measures: Vec<String>,
    pub instruments_url: Option<InstrumentsUrl>,
    /// How long a draft is kept on the device.
    pub draft_days: u32,
    /// How long to wait for the intake on each attempt.
    pub timeout_seconds: u32,
    /// When framed: the only origin that gets the widget's height.
    pub parent_origin: Option<ParentOrigin>,
    /// What is sent: native JSON or a FHIR Bundle.
    pub format: Format,
    /// The service's name, shown on the start page.
    pub organisation: Option<String>,
    /// The service's privacy notice, linked from the start page.
    pub privacy_url: Option<InstrumentsUrl>,
    /// The canonical base of the FHIR Questionnaires the responses point to.
    pub fhir_base: String,
    /// Which form: self-referral or link-worker follow-up.
    pub mode: WidgetMode,
    /// Follow-up: the format of the service's client references, if it set one.
    pub client_reference_pattern: Option<ReferencePattern>,
    /// Follow-up: days visits are kept on the device.
    pub retention_days: u32,
    /// Follow-up: minutes of no use before the staff lock hides everything.
    pub lock_minutes: u32,
    /// Younger people are shown who to contact instead of the form.
    pub minimum_age: u32,
}

/// The raw attribute values read from a host element.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RawConfig {
    pub endpoint: Option<String>,
    pub measures: Option<String>,
    pub instruments_url: Option<String>,
    pub draft_days: Option<String>,
    pub timeout_seconds: Option<String>,
    pub parent_origin: Option<String>,
    pub format: Option<String>,
    pub fhir_base: Option<String>,
    pub mode: Option<String>,
    pub organisation: Option<String>,
    pub privacy_url: Option<String>,
    pub client_reference_pattern: Option<String>,
    pub retention_days: Option<String>,
    pub lock_minutes: Option<String>,
    pub minimum_age: Option<String>,
    /// The host element's `id`, if any.
    pub element_id: Option<String>,
    /// The host element's position among the page's widgets.
    pub index: usize,
}

impl WidgetConfig {
    /// How long, in ms, a draft (or a visit being recorded, or a copy of an unreadable stored
    /// value kept aside) stays on the device: `draft_days`.
    pub fn draft_max_age_ms(&self) -> u64 {
        u64::from(self.draft_days) * crate::domain::draft::DAY_MS
    }

    /// Parses the attributes. A bad endpoint is fatal (there is nowhere to send answers); other
    /// mistakes fall back safely and come back as warnings.
    pub fn parse(raw: &RawConfig) -> Result<(Self, Vec<ConfigWarning>), UrlError> {
        let endpoint = Endpoint::parse(raw.endpoint.as_deref())?;
        let instance: String = raw
            .element_id
            .as_deref()
            .map(|s| {
                s.trim()
                    .chars()
                    .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_'))
                    .collect()
            })
            .filter(|s: &String| !s.is_empty())
            .unwrap_or_else(|| format!("widget-{}", raw.index + 1));
        let mut warnings = Vec::new();
        let measures = parse_measures(raw.measures.as_deref(), &mut warnings);
        let instruments_url = match raw.instruments_url.as_deref() {
            None => None,
            Some(s) => match InstrumentsUrl::parse(s) {
                Ok(u) => Some(u),
                Err(e) => {
                    warnings.push(ConfigWarning::InstrumentsUrl(e));
                    None
                }
            },
        };
        let mut number = |raw: Option<&str>, range, default, warning| match raw {
            None => default,
            Some(r) => whole_in(r, range).unwrap_or_else(|| {
                warnings.push(warning);
                default
            }),
        };
        let draft_days = number(
            raw.draft_days.as_deref(),
            1..=90,
            DEFAULT_DRAFT_DAYS,
            ConfigWarning::DraftDays,
        );
        let timeout_seconds = number(
            raw.timeout_seconds.as_deref(),
            1..=120,
            DEFAULT_TIMEOUT_SECONDS,
            ConfigWarning::TimeoutSeconds,
        );
        let retention_days = number(
            raw.retention_days.as_deref(),
            1..=730,
            DEFAULT_RETENTION_DAYS,
            ConfigWarning::RetentionDays,
        );
        let lock_minutes = number(
            raw.lock_minutes.as_deref(),
            1..=60,
            DEFAULT_LOCK_MINUTES,
            ConfigWarning::LockMinutes,
        );
        let minimum_age = number(
            raw.minimum_age.as_deref(),
            10..=99,
            DEFAULT_MINIMUM_AGE,
            ConfigWarning::MinimumAge,
        );
        let parent_origin = match raw.parent_origin.as_deref() {
            None => None,
            Some(s) => match ParentOrigin::parse(s) {
                Ok(o) => Some(o),
                Err(e) => {
                    warnings.push(ConfigWarning::ParentOrigin(e));
                    None
                }
            },
        };
        let format = match raw.format.as_deref().map(|f| f.trim().to_ascii_lowercase()) {
            None => Format::Native,
            Some(f) if f == "json" || f.is_empty() => Format::Native,
            Some(f) if f == "fhir" => Format::Fhir,
            Some(_) => {
                warnings.push(ConfigWarning::Format);
                Format::Native
            }
        };
        let fhir_base = match raw
            .fhir_base
            .as_deref()
            .map(|b| b.trim().trim_end_matches('/'))
        {
            None => DEFAULT_FHIR_BASE.to_owned(),
            Some(b) if b.starts_with("https://") && check_absolute(b).is_ok() => b.to_owned(),
            Some(_) => {
                warnings.push(ConfigWarning::FhirBase);
                DEFAULT_FHIR_BASE.to_owned()
            }
        };
        let mode = match raw.mode.as_deref().map(str::trim) {
            None | Some("") | Some("self-referral") => WidgetMode::SelfReferral,
            Some("follow-up") => WidgetMode::FollowUp,
            Some(other) => {
                warnings.push(ConfigWarning::Mode(other.chars().take(40).collect()));
                WidgetMode::SelfReferral
            }
        };
        let format = if mode == WidgetMode::FollowUp && format == Format::Fhir {
            warnings.push(ConfigWarning::FhirInFollowUp);
            Format::Native
        } else {
            format
        };
        let client_reference_pattern = match raw.client_reference_pattern.as_deref() {
            None => None,
            Some(p) => match ReferencePattern::parse(p) {
                Ok(p) => Some(p),
                Err(e) => {
                    warnings.push(ConfigWarning::ClientReferencePattern(e));
                    None
                }
            },
        };
        let organisation = match raw.organisation.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(o) if o.chars().count() <= 100 && !o.chars().any(char::is_control) => {
                Some(o.split_whitespace().collect::<Vec<_>>().join(" "))
            }
            Some(_) => {
                warnings.push(ConfigWarning::Organisation);
                None
            }
        };
        let privacy_url = match raw.privacy_url.as_deref() {
            None => None,
            Some(u) => match InstrumentsUrl::parse(u) {
                Ok(u) => Some(u),
                Err(e) => {
                    warnings.push(ConfigWarning::PrivacyUrl(UrlError {
                        attribute: "data-privacy-url",
                        problem: e.problem,
                    }));
                    None
                }
            },
        };
        Ok((
            Self {
                endpoint,
                instance,
                measures,
                instruments_url,
                draft_days,
                timeout_seconds,
                parent_origin,
                format,
                fhir_base,
                organisation,
                privacy_url,
                mode,
                client_reference_pattern,
                retention_days,
                lock_minutes,
                minimum_age,
            },
            warnings,
        ))
    }
}

fn parse_measures(raw: Option<&str>, warnings: &mut Vec<ConfigWarning>) -> Vec<String> {
    let default = || DEFAULT_MEASURES.iter().map(|s| s.to_string()).collect();
    let Some(raw) = raw else { return default() };
    let mut ids: Vec<String> = Vec::new();
    for part in raw.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        let id = part.to_ascii_lowercase();
        if !id
            .bytes()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == b'-')
        {
            warnings.push(ConfigWarning::MalformedMeasure(
                part.chars().take(40).collect(),
            ));
        } else if ids.contains(&id) {
            warnings.push(ConfigWarning::DuplicateMeasure(id));
        } else {
            ids.push(id);
        }
    }
    // Nothing usable (empty, or every entry malformed): ask the default rather than nothing.
    if ids.is_empty() {
        warnings.push(ConfigWarning::NoMeasures);
        return default();
    }
    ids
}
