//! UK postcode: the six BS 7666 / Royal Mail formats with their letter rules, and GIR 0AA
//! (reference §3.2). A postcode in the right format may still not exist: only an address lookup
//! proves that. NHS pseudo-postcodes such as `ZZ99 3VZ` are not postcodes and are refused; offer
//! "no fixed address" as an answer instead.

use serde::{Deserialize, Serialize};
use std::fmt;
use thiserror::Error;

/// A UK postcode in the normal written form: capitals, one space before the inward code
/// (`SW1A 1AA`).
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Postcode(String);

/// Why a postcode cannot be used.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Error)]
pub enum PostcodeError {
    /// Nothing but whitespace.
    #[error("Enter your postcode")]
    Empty,
    /// Not in any UK postcode format.
    #[error("Enter a real postcode")]
    NotReal,
}

/// Position 1 of the outward code: any letter but Q, V, X.
fn first_letter(c: u8) -> bool {
    c.is_ascii_uppercase() && !b"QVX".contains(&c)
}

/// Position 2 of the outward code when it is a letter: any but I, J, Z.
fn second_letter(c: u8) -> bool {
    c.is_ascii_uppercase() && !b"IJZ".contains(&c)
}

/// The outward code: A9, A99, AA9, AA99, A9A or AA9A.
fn outward_ok(o: &[u8]) -> bool {
    let digit = |c: &u8| c.is_ascii_digit();
    match o {
        [a, n] => first_letter(*a) && digit(n),
        [a, n, x] if digit(n) => first_letter(*a) && (digit(x) || b"ABCDEFGHJKSTUW".contains(x)),
        [a, b, n] => first_letter(*a) && second_letter(*b) && digit(n),
        [a, b, n, x] => {
            first_letter(*a)
                && second_letter(*b)
                && digit(n)
                && (digit(x) || b"ABEHMNPRVWXY".contains(x))
        }
        _ => false,
    }
}

/// The inward code: a digit and two letters, never C, I, K, M, O or V.
fn inward_ok(i: &[u8]) -> bool {
    let letter = |c: &u8| c.is_ascii_uppercase() && !b"CIKMOV".contains(c);
    matches!(i, [n, x, y] if n.is_ascii_digit() && letter(x) && letter(y))
}

impl Postcode {
    /// Normalises (trim, capitals, spaces removed, one space before the last three characters)
    /// and checks a typed postcode.
    ///
    /// # Errors
    /// [`PostcodeError::Empty`] for `""`; [`PostcodeError::NotReal`] for anything not in a UK
    /// postcode format (`SW1A`, `Q1 1AA`, `W1A 1CA`, `12345`).
    pub fn parse(s: &str) -> Result<Self, PostcodeError> {
        let compact: String = s
            .chars()
            .filter(|c| !c.is_whitespace())
            .map(|c| c.to_ascii_uppercase())
            .collect();
        if compact.is_empty() {
            return Err(PostcodeError::Empty);
        }
        let b = compact.as_bytes();
        // Only ASCII letters and digits can pass, so byte positions are character positions.
        if !(5..=7).contains(&b.len()) || !b.iter().all(u8::is_ascii_alphanumeric) {
            return Err(PostcodeError::NotReal);
        }
        let (outward, inward) = b.split_at(b.len() - 3);
        if compact != "GIR0AA" && !(outward_ok(outward) && inward_ok(inward)) {
            return Err(PostcodeError::NotReal);
        }
        let split = compact.len() - 3;
        Ok(Self(format!("{} {}", &compact[..split], &compact[split..])))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The part before the space (`SW1A`): the postcode district.
    pub fn outward(&self) -> &str {
        &self.0[..self.0.len() - 4]
    }

    /// The part after the space (`1AA`).
    pub fn inward(&self) -> &str {
        &self.0[self.0.len() - 3..]
    }
}

impl AsRef<str> for Postcode {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Postcode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl TryFrom<String> for Postcode {
    type Error = PostcodeError;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        Self::parse(&s)
    }
}

impl From<Postcode> for String {
    fn from(p: Postcode) -> String {
        p.0
    }
}
