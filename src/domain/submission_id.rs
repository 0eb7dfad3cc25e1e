//! The id of a submission (a UUID v4, also its `Idempotency-Key`) and the short reference a
//! person can quote, derived from it.

use serde::{Deserialize, Serialize};
use std::fmt;
use thiserror::Error;
use uuid::{Builder, Uuid, Variant, Version};

/// A submission id: a lowercase UUID version 4. Also the `Idempotency-Key`.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct SubmissionId(String);

#[derive(Clone, Debug, PartialEq, Eq, Error)]
#[error("submission_id must be a UUID version 4 (8-4-4-4-12 hex digits)")]
pub struct SubmissionIdError;

impl SubmissionId {
    /// Parses a UUID v4 written 8-4-4-4-12 (either case; stored lowercase).
    pub fn parse(s: &str) -> Result<Self, SubmissionIdError> {
        // `Uuid::try_parse` also takes the simple, braced and URN forms: only the hyphenated
        // one is 36 characters long.
        let id = Uuid::try_parse(s).map_err(|_| SubmissionIdError)?;
        if s.len() != 36
            || id.get_version() != Some(Version::Random)
            || id.get_variant() != Variant::RFC4122
        {
            return Err(SubmissionIdError);
        }
        Ok(Self(id.hyphenated().to_string()))
    }

    /// Builds a v4 id from 16 random bytes (the caller supplies the randomness).
    pub fn from_random_bytes(bytes: [u8; 16]) -> Self {
        Self(
            Builder::from_random_bytes(bytes)
                .into_uuid()
                .hyphenated()
                .to_string(),
        )
    }

    /// The id as a [`Uuid`] (the namespace of the FHIR Bundle's entry ids).
    pub fn uuid(&self) -> Uuid {
        Uuid::try_parse(&self.0).expect("a SubmissionId is always a UUID")
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The reference a person can quote, e.g. `WB-9HKS-2MXD-RT4V-Q7CE`: 80 of the id's 122
    /// random bits (the version and variant bits left out), as 16 characters in groups of four,
    /// from an alphabet without 0/O or 1/I, so it reads out unambiguously on the phone. At 80 bits
    /// two references agree by chance about once in 10^24 pairs. The service finds the full
    /// submission by it (and by the id, which it also gets).
    pub fn reference(&self) -> Reference {
        let hex: String = self.0.chars().filter(|c| *c != '-').collect();
        let v = u128::from_str_radix(&hex, 16).expect("a submission id is 32 hex digits");
        // Bits from the most significant: 48 random, 4 version, 12 random, 2 variant, 62 random.
        let random = (v >> 80) << 74 | ((v >> 64) & 0xFFF) << 62 | (v & ((1 << 62) - 1));
        let top = random >> 42;
        let mut out = String::from("WB");
        for i in 0..16 {
            if i % 4 == 0 {
                out.push('-');
            }
            let symbol = (top >> (75 - 5 * i)) & 31;
            out.push(REFERENCE_ALPHABET[symbol as usize] as char);
        }
        Reference(out)
    }
}

impl TryFrom<String> for SubmissionId {
    type Error = SubmissionIdError;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        Self::parse(&s)
    }
}

impl From<SubmissionId> for String {
    fn from(id: SubmissionId) -> String {
        id.0
    }
}

impl fmt::Display for SubmissionId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The characters of a reference: digits and capital letters without 0, 1, I and O.
pub const REFERENCE_ALPHABET: &[u8; 32] = b"23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

/// A reference the person can quote (see [`SubmissionId::reference`]).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Reference(String);

impl Reference {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Reference {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}
