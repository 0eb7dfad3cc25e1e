//! NHS number: ten digits, the last a Modulus 11 check digit (NHS Data Dictionary, reference
//! §3.1). Checksum only: no range check, and numbers such as `000 000 0000` that pass the
//! checksum are accepted (whether to refuse them is an unconfirmed PDS policy).

use serde::{Deserialize, Serialize};
use std::fmt;
use thiserror::Error;

/// A ten-digit NHS number whose check digit is right. `as_ref()` gives the ten digits
/// (`9434765919`); `Display` gives the usual 3-3-4 form (`943 476 5919`).
///
/// Optional on a self-referral: the caller treats a blank answer as `None`.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct NhsNumber(String);

/// Why an NHS number cannot be used; one message per error state, checked in this order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Error)]
pub enum NhsNumberError {
    /// Nothing but spaces and hyphens (the caller normally treats this as "not given").
    #[error("Enter your NHS number")]
    Empty,
    /// Something other than digits, spaces and hyphens.
    #[error("NHS number must only include numbers")]
    NotDigits,
    /// Not exactly ten digits.
    #[error("NHS number must be 10 digits")]
    WrongLength,
    /// Ten digits, but the check digit does not match (or the first nine give a check of 10,
    /// which is never issued): most likely a typing mistake.
    #[error("NHS number is not correct – check it and enter it again")]
    CheckDigit,
}

/// The Modulus 11 check digit for the first nine digits (weights 10 down to 2; 11 becomes 0), or
/// `None` when it works out as 10: no NHS number starts with those nine digits.
fn check_digit(first_nine: &[u8; 9]) -> Option<u8> {
    let sum: u32 = first_nine
        .iter()
        .zip((2..=10u32).rev())
        .map(|(&d, w)| u32::from(d) * w)
        .sum();
    match 11 - sum % 11 {
        11 => Some(0),
        10 => None,
        c => Some(c as u8),
    }
}

impl NhsNumber {
    /// Checks a typed NHS number, ignoring spaces (any whitespace) and hyphens.
    ///
    /// # Errors
    /// [`NhsNumberError::Empty`] (`""`, `" - "`), [`NhsNumberError::NotDigits`] (`943 476 591O`),
    /// [`NhsNumberError::WrongLength`] (`943 476 591`), [`NhsNumberError::CheckDigit`]
    /// (`943 476 5918`, `123 456 7890`).
    pub fn parse(s: &str) -> Result<Self, NhsNumberError> {
        let digits: String = s
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '-')
            .collect();
        if digits.is_empty() {
            return Err(NhsNumberError::Empty);
        }
        if !digits.bytes().all(|c| c.is_ascii_digit()) {
            return Err(NhsNumberError::NotDigits);
        }
        if digits.len() != 10 {
            return Err(NhsNumberError::WrongLength);
        }
        let d: Vec<u8> = digits.bytes().map(|c| c - b'0').collect();
        let mut first_nine = [0u8; 9];
        first_nine.copy_from_slice(&d[..9]);
        if check_digit(&first_nine) != Some(d[9]) {
            return Err(NhsNumberError::CheckDigit);
        }
        Ok(Self(digits))
    }

    /// The ten digits, no spaces.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for NhsNumber {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for NhsNumber {
    /// `943 476 5919`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {} {}", &self.0[..3], &self.0[3..6], &self.0[6..])
    }
}

impl TryFrom<String> for NhsNumber {
    type Error = NhsNumberError;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        Self::parse(&s)
    }
}

impl From<NhsNumber> for String {
    fn from(n: NhsNumber) -> String {
        n.0
    }
}
