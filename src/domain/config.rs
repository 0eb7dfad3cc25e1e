//! Widget configuration, parsed from the host element's `data-*` attributes (given here as plain
//! strings, so it is tested natively).

use std::fmt;
use thiserror::Error;

/// Where completed forms are POSTed: an `https` URL, or `http` only on this machine
/// (`localhost`, `127.0.0.1`, `[::1]`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Endpoint(String);

/// Why an endpoint was refused. Shown to the integrator (console and a notice in the widget).
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum EndpointError {
    #[error("data-endpoint is missing: set it to the HTTPS address that receives completed forms")]
    Missing,
    #[error(
        "data-endpoint must be a full address starting with https:// (for example https://intake.example.org/referrals)"
    )]
    NotAbsolute,
    #[error(
        "data-endpoint must use https:// (plain http:// is allowed only for localhost or 127.0.0.1 while developing)"
    )]
    Insecure,
    #[error("data-endpoint must be an https:// address; other schemes are not allowed")]
    UnsupportedScheme,
    #[error("data-endpoint must not contain a user name or password")]
    Credentials,
    #[error("data-endpoint has no host name")]
    NoHost,
}

impl Endpoint {
    pub fn parse(raw: Option<&str>) -> Result<Self, EndpointError> {
        let s = raw
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .ok_or(EndpointError::Missing)?;
        let (scheme, rest) = s.split_once("://").ok_or(EndpointError::NotAbsolute)?;
        let scheme = scheme.to_ascii_lowercase();
        if !scheme
            .bytes()
            .all(|c| c.is_ascii_alphanumeric() || b"+-.".contains(&c))
            || scheme.is_empty()
        {
            return Err(EndpointError::NotAbsolute);
        }
        if s.chars().any(|c| c.is_whitespace() || c.is_control()) {
            return Err(EndpointError::NotAbsolute);
        }
        let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
        if authority.contains('@') {
            return Err(EndpointError::Credentials);
        }
        let host = if let Some(v6) = authority.strip_prefix('[') {
            v6.split(']')
                .next()
                .map(|h| format!("[{h}]"))
                .unwrap_or_default()
        } else {
            authority
                .split(':')
                .next()
                .unwrap_or("")
                .to_ascii_lowercase()
        };
        if host.is_empty() || host == "[]" {
            return Err(EndpointError::NoHost);
        }
        match scheme.as_str() {
            "https" => Ok(Self(s.to_owned())),
            "http" if matches!(host.as_str(), "localhost" | "127.0.0.1" | "[::1]") => {
                Ok(Self(s.to_owned()))
            }
            "http" => Err(EndpointError::Insecure),
            _ => Err(EndpointError::UnsupportedScheme),
        }
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

/// Everything the widget needs from its host element.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WidgetConfig {
    pub endpoint: Endpoint,
    /// Distinguishes several widgets on one page (their drafts are kept apart).
    pub instance: String,
}

/// The raw attribute values read from a host element.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RawConfig {
    pub endpoint: Option<String>,
    /// The host element's `id`, if any.
    pub element_id: Option<String>,
    /// The host element's position among the page's widgets.
    pub index: usize,
}

impl WidgetConfig {
    pub fn parse(raw: &RawConfig) -> Result<Self, EndpointError> {
        let endpoint = Endpoint::parse(raw.endpoint.as_deref())?;
        let instance = raw
            .element_id
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
            .unwrap_or_else(|| format!("widget-{}", raw.index + 1));
        Ok(Self { endpoint, instance })
    }
}
