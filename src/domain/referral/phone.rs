//! UK phone numbers (reference §3.3): mobiles, geographic landlines (01, 02), non-geographic 03
//! and freephone 080 numbers. International numbers other than +44 are not accepted.

use serde::{Deserialize, Serialize};
use std::fmt;
use thiserror::Error;

/// A UK phone number. `as_ref()` gives the national digits (`07700900982`); `Display` gives the
/// national number grouped the GOV.UK way (`07700 900 982`, `020 7946 0000`, `0113 496 0000`,
/// `01632 960 001`, `0808 157 0192`).
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct PhoneNumber(String);

/// What kind of line a number is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PhoneKind {
    /// 071–075, 077–079 and 07624: can receive text messages.
    Mobile,
    /// 01 and 02.
    Landline,
    /// 03.
    NonGeographic,
    /// 0800 and 0808.
    Freephone,
}

/// Why a phone number cannot be used.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Error)]
pub enum PhoneNumberError {
    /// Nothing but whitespace and punctuation.
    #[error("Enter a phone number")]
    Empty,
    /// Not a UK number we can call: wrong length, letters, a 070 personal number, a 076 pager, a
    /// premium-rate or overseas number.
    #[error("Enter a phone number, like 01632 960 001, 07700 900 982 or +44 808 157 0192")]
    NotUk,
}

/// The kind of a national number (all digits, leading 0), if it is one we accept.
fn classify(n: &str) -> Option<PhoneKind> {
    let b = n.as_bytes();
    let len = b.len();
    match b {
        [b'0', b'7', b'6', b'2', b'4', ..] if len == 11 => Some(PhoneKind::Mobile),
        [b'0', b'7', b'1'..=b'5' | b'7'..=b'9', ..] if len == 11 => Some(PhoneKind::Mobile),
        [b'0', b'1' | b'2', ..] if len == 10 || len == 11 => Some(PhoneKind::Landline),
        [b'0', b'3', ..] if len == 11 => Some(PhoneKind::NonGeographic),
        [b'0', b'8', b'0', b'0', ..] if len == 10 || len == 11 => Some(PhoneKind::Freephone),
        [b'0', b'8', b'0', b'8', ..] if len == 11 => Some(PhoneKind::Freephone),
        _ => None,
    }
}

impl PhoneNumber {
    /// Checks a typed UK phone number.
    ///
    /// Spaces, hyphens, dots and brackets are ignored. A leading `+44` or `0044` stands for the
    /// first `0`; a `(0)` (or `0`) straight after it is dropped (`+44 (0)20 7946 0000`).
    ///
    /// # Errors
    /// [`PhoneNumberError::Empty`] for `""`; [`PhoneNumberError::NotUk`] for anything else that
    /// is not an accepted UK number (`0770090098`, `07000 123456`, `07600 123456`,
    /// `+33 1 23 45 67 89`, `0909 879 0000`).
    pub fn parse(s: &str) -> Result<Self, PhoneNumberError> {
        let compact: String = s
            .chars()
            .filter(|c| !c.is_whitespace() && !matches!(c, '-' | '.'))
            .collect();
        let national = match compact
            .strip_prefix("+44")
            .or_else(|| compact.strip_prefix("0044"))
        {
            Some(rest) => {
                let rest = rest
                    .strip_prefix("(0)")
                    .or_else(|| rest.strip_prefix('0'))
                    .unwrap_or(rest);
                format!("0{rest}")
            }
            None => compact,
        };
        let national: String = national
            .chars()
            .filter(|c| !matches!(c, '(' | ')'))
            .collect();
        if national.is_empty() {
            return Err(PhoneNumberError::Empty);
        }
        if !national.bytes().all(|c| c.is_ascii_digit()) || classify(&national).is_none() {
            return Err(PhoneNumberError::NotUk);
        }
        Ok(Self(national))
    }

    /// The national digits, no spaces (`07700900982`).
    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn kind(&self) -> PhoneKind {
        classify(&self.0).unwrap_or(PhoneKind::Landline)
    }

    /// Whether the number can receive text messages ("Can we text you?").
    pub fn is_mobile(&self) -> bool {
        self.kind() == PhoneKind::Mobile
    }

    /// The international E.164 form (`+447700900982`), e.g. for a text-message service.
    pub fn e164(&self) -> String {
        format!("+44{}", &self.0[1..])
    }

    /// Where the spaces go in the national form.
    fn groups(&self) -> &'static [usize] {
        let b = self.0.as_bytes();
        match (b[1], b.len()) {
            (b'2', _) => &[3, 4],
            (b'1', 11) if b[2] == b'1' || b[3] == b'1' => &[4, 3],
            (b'1', 11) | (b'7', _) => &[5, 3],
            (b'1', _) => &[5],
            _ => &[4, 3],
        }
    }
}

impl AsRef<str> for PhoneNumber {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for PhoneNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut start = 0;
        for len in self.groups() {
            f.write_str(&self.0[start..start + len])?;
            f.write_str(" ")?;
            start += len;
        }
        f.write_str(&self.0[start..])
    }
}

impl TryFrom<String> for PhoneNumber {
    type Error = PhoneNumberError;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        Self::parse(&s)
    }
}

impl From<PhoneNumber> for String {
    fn from(p: PhoneNumber) -> String {
        p.0
    }
}
