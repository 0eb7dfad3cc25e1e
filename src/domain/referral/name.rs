//! A person's full name, as one field (GOV.UK: ask for names in one field unless the service
//! needs the parts).

use serde::{Deserialize, Serialize};
use std::fmt;
use thiserror::Error;

/// A full name: trimmed, with every run of whitespace (and any invisible control character)
/// collapsed to one space; 1 to [`PersonName::MAX_CHARS`] characters. No other restriction: names
/// can contain any letters, apostrophes, hyphens and so on.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct PersonName(String);

/// Why a full name cannot be used.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Error)]
pub enum PersonNameError {
    /// Nothing but whitespace was typed.
    #[error("Enter your full name")]
    Empty,
    /// More than [`PersonName::MAX_CHARS`] characters after tidying.
    #[error("Full name must be 100 characters or less")]
    TooLong,
}

impl PersonName {
    /// The longest name accepted, counted in characters (Unicode scalar values).
    pub const MAX_CHARS: usize = 100;

    /// Tidies and checks a typed name.
    ///
    /// # Errors
    /// [`PersonNameError::Empty`] for `""` or `"   "`; [`PersonNameError::TooLong`] for 101
    /// characters or more once the whitespace is tidied.
    pub fn parse(s: &str) -> Result<Self, PersonNameError> {
        let tidy = s
            .split(|c: char| c.is_whitespace() || c.is_control())
            .filter(|w| !w.is_empty())
            .collect::<Vec<_>>()
            .join(" ");
        match tidy.chars().count() {
            0 => Err(PersonNameError::Empty),
            n if n > Self::MAX_CHARS => Err(PersonNameError::TooLong),
            _ => Ok(Self(tidy)),
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for PersonName {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for PersonName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl TryFrom<String> for PersonName {
    type Error = PersonNameError;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        Self::parse(&s)
    }
}

impl From<PersonName> for String {
    fn from(n: PersonName) -> String {
        n.0
    }
}
