//! Cross-origin rules (CORS) for the widget, which runs on the integrator's page and POSTs here.
//!
//! - A request whose `Origin` is in the allow list gets `Access-Control-Allow-Origin: <origin>`
//!   on every response, errors included, so the widget can read the error.
//! - Every response carries `Vary: Origin`, because the headers depend on it.
//! - A request with an `Origin` outside the list gets no CORS headers; a submission or a
//!   preflight from it is refused with `403`.
//! - A request without `Origin` (curl, a server) is not a browser cross-origin request and is
//!   allowed.

/// Methods allowed on `/submissions`, as sent in a preflight answer.
pub const ALLOW_METHODS: &str = "POST, OPTIONS";
/// Request headers the widget may send.
pub const ALLOW_HEADERS: &str = "Content-Type, Idempotency-Key";
/// Response headers (beyond the CORS-safelisted ones) the widget may read.
pub const EXPOSE_HEADERS: &str = "Idempotent-Replayed, Retry-After";
/// How long, in seconds, a browser may cache a preflight answer.
pub const MAX_AGE_SECONDS: u32 = 600;

/// A header name and value to add to a response.
pub type Header = (&'static str, String);

/// The allow list of browser origins.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CorsPolicy {
    allowed: Vec<String>,
}

/// How a request's `Origin` header compares with the allow list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OriginCheck<'a> {
    /// No `Origin` header: not a cross-origin browser request.
    Absent,
    /// An allowed origin (the header value).
    Allowed(&'a str),
    /// An origin outside the list.
    Denied,
}

impl CorsPolicy {
    /// Origins are compared exactly, as browsers serialise them (`http://localhost:8080`).
    pub fn new(allowed: impl IntoIterator<Item = String>) -> Self {
        CorsPolicy {
            allowed: allowed.into_iter().collect(),
        }
    }

    /// Checks the value of the request's `Origin` header, if any.
    pub fn check<'a>(&self, origin: Option<&'a str>) -> OriginCheck<'a> {
        match origin {
            None => OriginCheck::Absent,
            Some(o) if self.allowed.iter().any(|a| a == o) => OriginCheck::Allowed(o),
            Some(_) => OriginCheck::Denied,
        }
    }

    /// Headers for any response to a request with this origin.
    pub fn response_headers(check: OriginCheck<'_>) -> Vec<Header> {
        let mut h = vec![("Vary", "Origin".to_owned())];
        if let OriginCheck::Allowed(origin) = check {
            h.push(("Access-Control-Allow-Origin", origin.to_owned()));
            h.push(("Access-Control-Expose-Headers", EXPOSE_HEADERS.to_owned()));
        }
        h
    }

    /// Extra headers for a successful preflight (`OPTIONS /submissions`) answer.
    pub fn preflight_headers() -> Vec<Header> {
        vec![
            ("Access-Control-Allow-Methods", ALLOW_METHODS.to_owned()),
            ("Access-Control-Allow-Headers", ALLOW_HEADERS.to_owned()),
            ("Access-Control-Max-Age", MAX_AGE_SECONDS.to_string()),
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exact_match_only() {
        let p = CorsPolicy::new(["http://localhost:8080".to_owned()]);
        assert_eq!(p.check(None), OriginCheck::Absent);
        assert_eq!(
            p.check(Some("http://localhost:8080")),
            OriginCheck::Allowed("http://localhost:8080")
        );
        for other in [
            "http://localhost:8081",
            "https://localhost:8080",
            "http://localhost:8080/",
            "null",
            "",
        ] {
            assert_eq!(p.check(Some(other)), OriginCheck::Denied, "{other}");
        }
    }

    #[test]
    fn headers_only_echo_allowed_origins() {
        let allowed = CorsPolicy::response_headers(OriginCheck::Allowed("http://a.test"));
        assert!(allowed.contains(&("Access-Control-Allow-Origin", "http://a.test".into())));
        assert!(allowed.contains(&("Vary", "Origin".into())));
        let denied = CorsPolicy::response_headers(OriginCheck::Denied);
        assert_eq!(denied, vec![("Vary", "Origin".to_owned())]);
    }
}
