//! The client reference and the service's pattern for it.

use super::*;
use serde::{Deserialize, Serialize};
use std::fmt;
use thiserror::Error;

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
