//! Email address: a small hand-written rule, which the form's `validator` declaration calls as a
//! `custom` rule (never validator's own `email` rule: it alone would add about 227 KB brotli to
//! the widget). It catches typing mistakes; only sending an email proves an address works.

use serde::{Deserialize, Serialize};
use std::fmt;
use thiserror::Error;

/// An email address: trimmed; the part before the `@` as typed, the domain in lower case.
///
/// The rule: exactly one `@`; a local part of 1 to 64 characters, with no spaces, control
/// characters or `"(),:;<>[\]`, not starting or ending with a dot and without two dots together;
/// a domain of at least two dot-separated labels, each 1 to 63 ASCII letters, digits or hyphens
/// and not starting or ending with a hyphen, the last (the top-level domain) all letters and at
/// least 2 long; at most 254 characters in all. Internationalised domains must be typed in their
/// `xn--` form (a rare case; the last label must still be letters).
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct EmailAddress(String);

/// Why an email address cannot be used.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Error)]
pub enum EmailAddressError {
    /// Nothing but whitespace.
    #[error("Enter your email address")]
    Empty,
    /// Longer than [`EmailAddress::MAX_CHARS`].
    #[error("Email address must be 254 characters or less")]
    TooLong,
    /// Anything else wrong with it.
    #[error("Enter an email address in the correct format, like name@example.com")]
    Format,
}

fn local_ok(local: &str) -> bool {
    let n = local.chars().count();
    (1..=EmailAddress::MAX_LOCAL_CHARS).contains(&n)
        && !local.starts_with('.')
        && !local.ends_with('.')
        && !local.contains("..")
        && local
            .chars()
            .all(|c| !c.is_whitespace() && !c.is_control() && !"\"(),:;<>[\\]".contains(c))
}

fn label_ok(label: &str) -> bool {
    (1..=63).contains(&label.len())
        && !label.starts_with('-')
        && !label.ends_with('-')
        && label
            .bytes()
            .all(|c| c.is_ascii_alphanumeric() || c == b'-')
}

fn domain_ok(domain: &str) -> bool {
    let labels: Vec<&str> = domain.split('.').collect();
    let tld = labels[labels.len() - 1];
    labels.len() >= 2
        && labels.iter().all(|l| label_ok(l))
        && tld.len() >= 2
        && tld.bytes().all(|c| c.is_ascii_alphabetic())
}

impl EmailAddress {
    /// The longest address accepted, in characters.
    pub const MAX_CHARS: usize = 254;
    /// The longest part before the `@`, in characters.
    pub const MAX_LOCAL_CHARS: usize = 64;

    /// Checks a typed email address.
    ///
    /// # Errors
    /// [`EmailAddressError::Empty`] for `""`; [`EmailAddressError::TooLong`] above 254
    /// characters; [`EmailAddressError::Format`] otherwise (`name`, `name@example`,
    /// `name@@example.com`, `first last@example.com`, `name@-example.com`, `name@example.c0m`).
    pub fn parse(s: &str) -> Result<Self, EmailAddressError> {
        let s = s.trim();
        if s.is_empty() {
            return Err(EmailAddressError::Empty);
        }
        if s.chars().count() > Self::MAX_CHARS {
            return Err(EmailAddressError::TooLong);
        }
        let (local, domain) = s.split_once('@').ok_or(EmailAddressError::Format)?;
        if domain.contains('@') || !local_ok(local) || !domain_ok(domain) {
            return Err(EmailAddressError::Format);
        }
        Ok(Self(format!("{local}@{}", domain.to_ascii_lowercase())))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for EmailAddress {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for EmailAddress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl TryFrom<String> for EmailAddress {
    type Error = EmailAddressError;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        Self::parse(&s)
    }
}

impl From<EmailAddress> for String {
    fn from(e: EmailAddress) -> String {
        e.0
    }
}
