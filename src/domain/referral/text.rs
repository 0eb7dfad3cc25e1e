//! Free-text answers ("What matters to you?"), kept exactly as typed, with a length limit.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::hash::{Hash, Hasher};
use std::marker::PhantomData;
use thiserror::Error;

/// A free-text question: its name in error messages and its length limit. Each question is a
/// marker type, so a stored answer is checked against the right limit when it is read back:
///
/// ```text
/// struct WhatMatters;
/// impl TextField for WhatMatters {
///     const LABEL: &'static str = "What matters to you";
///     const MAX_CHARS: usize = 1000;
/// }
///
/// FreeText::<WhatMatters>::parse(typed)  // Ok: kept exactly as typed
/// // 1001 characters: "What matters to you must be 1000 characters or less"
/// ```
pub trait TextField {
    /// How the field is named at the start of a message, matching its label
    /// ("What matters to you").
    const LABEL: &'static str;
    /// The most characters (Unicode scalar values) an answer may have.
    const MAX_CHARS: usize;
}

/// An answer to the free-text question `F`, exactly as typed (nothing trimmed or collapsed):
/// at most `F::MAX_CHARS` characters. It may be empty or blank; whether an answer is needed is the
/// journey's business (see [`FreeText::is_blank`]).
#[derive(Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct FreeText<F: TextField> {
    text: String,
    field: PhantomData<fn() -> F>,
}

/// Why a free-text answer cannot be used.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Error)]
pub enum FreeTextError {
    /// More than `max` characters.
    #[error("{field} must be {max} characters or less")]
    TooLong { field: &'static str, max: usize },
}

impl<F: TextField> FreeText<F> {
    /// Accepts the text as typed if it is short enough.
    ///
    /// # Errors
    /// [`FreeTextError::TooLong`] above `F::MAX_CHARS` characters.
    pub fn parse(s: &str) -> Result<Self, FreeTextError> {
        if s.chars().count() > F::MAX_CHARS {
            return Err(FreeTextError::TooLong {
                field: F::LABEL,
                max: F::MAX_CHARS,
            });
        }
        Ok(Self {
            text: s.to_owned(),
            field: PhantomData,
        })
    }

    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// Whether the answer is empty or only whitespace (treat as "not answered").
    pub fn is_blank(&self) -> bool {
        self.text.trim().is_empty()
    }
}

impl<F: TextField> Clone for FreeText<F> {
    fn clone(&self) -> Self {
        Self {
            text: self.text.clone(),
            field: PhantomData,
        }
    }
}

impl<F: TextField> fmt::Debug for FreeText<F> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("FreeText").field(&self.text).finish()
    }
}

impl<F: TextField> PartialEq for FreeText<F> {
    fn eq(&self, other: &Self) -> bool {
        self.text == other.text
    }
}

impl<F: TextField> Eq for FreeText<F> {}

impl<F: TextField> Hash for FreeText<F> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.text.hash(state);
    }
}

impl<F: TextField> AsRef<str> for FreeText<F> {
    fn as_ref(&self) -> &str {
        &self.text
    }
}

impl<F: TextField> fmt::Display for FreeText<F> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

impl<F: TextField> TryFrom<String> for FreeText<F> {
    type Error = FreeTextError;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        if s.chars().count() > F::MAX_CHARS {
            return Err(FreeTextError::TooLong {
                field: F::LABEL,
                max: F::MAX_CHARS,
            });
        }
        Ok(Self {
            text: s,
            field: PhantomData,
        })
    }
}

impl<F: TextField> From<FreeText<F>> for String {
    fn from(t: FreeText<F>) -> String {
        t.text
    }
}
