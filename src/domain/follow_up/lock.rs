//! The staff lock of the follow-up on a shared tablet: the passcode rules, the record kept on the
//! device (a PBKDF2 hash, never the passcode), the wait after wrong tries, and when the screen
//! locks after no use.
//!
//! It is a screen lock, not encryption: the visits on the device stay readable to anyone who can
//! read the browser's storage. It stops a person holding the tablet from opening the widget's
//! pages. The hashing itself is done by the browser (WebCrypto); nothing here reads a clock.

use serde::{Deserialize, Serialize};
use thiserror::Error;

/// Minutes of no use before the screen locks, unless `data-lock-minutes` says otherwise.
pub const DEFAULT_LOCK_MINUTES: u32 = 5;
/// The fewest characters of a passcode.
pub const PASSCODE_MIN_CHARS: usize = 6;
/// The most characters of a passcode.
pub const PASSCODE_MAX_CHARS: usize = 64;
/// PBKDF2-HMAC-SHA-256 iterations for a new passcode: OWASP's current figure for this hash
/// (600,000). The browser computes it natively, in well under a second on a tablet; each record
/// keeps its own count, so the figure can be raised later without breaking a stored passcode.
pub const PBKDF2_ITERATIONS: u32 = 600_000;
/// The fewest and most iterations a stored record may name (fewer is a weakened record; more
/// would keep the tablet busy for minutes on every try).
pub const PBKDF2_ITERATIONS_ACCEPTED: std::ops::RangeInclusive<u32> = 100_000..=5_000_000;
/// Bytes of random salt per passcode.
pub const SALT_BYTES: usize = 16;
/// Bytes of the derived hash (the output size of SHA-256).
pub const HASH_BYTES: usize = 32;
/// The name of the algorithm, as stored.
pub const LOCK_ALGORITHM: &str = "PBKDF2-SHA-256";
/// The format of the stored lock record.
pub const LOCK_VERSION: u32 = 1;
/// Wrong tries allowed before each further one makes the link worker wait.
pub const FREE_TRIES: u32 = 3;
/// The wait after the first wrong try past [`FREE_TRIES`]; it doubles with each further one.
pub const FIRST_WAIT_MS: u64 = 30_000;
/// The longest wait after a wrong try.
pub const MAX_WAIT_MS: u64 = 15 * 60_000;

/// Which box of the "set a passcode" page a problem is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PasscodeField {
    Passcode,
    Again,
}

/// What is wrong with a passcode typed in, in the words shown to the link worker.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Error)]
pub enum PasscodeError {
    #[error("Enter a passcode")]
    Empty,
    #[error("Passcode must be {PASSCODE_MIN_CHARS} characters or more")]
    TooShort,
    #[error("Passcode must be {PASSCODE_MAX_CHARS} characters or fewer")]
    TooLong,
    #[error(
        "Choose a passcode that is harder to guess: not one character repeated, and not a run such as 123456"
    )]
    TooSimple,
    #[error("Enter the passcode again")]
    AgainEmpty,
    #[error("The passcodes do not match. Enter the same passcode in both boxes")]
    Mismatch,
    #[error("Enter your passcode")]
    UnlockEmpty,
}

/// Checks a new passcode and its repetition; every problem, with the box it is about.
pub fn check_new_passcode(passcode: &str, again: &str) -> Vec<(PasscodeField, PasscodeError)> {
    let mut problems = Vec::new();
    let chars: Vec<char> = passcode.chars().collect();
    let first = if passcode.trim().is_empty() {
        Some(PasscodeError::Empty)
    } else if chars.len() < PASSCODE_MIN_CHARS {
        Some(PasscodeError::TooShort)
    } else if chars.len() > PASSCODE_MAX_CHARS {
        Some(PasscodeError::TooLong)
    } else if is_simple(&chars) {
        Some(PasscodeError::TooSimple)
    } else {
        None
    };
    if let Some(e) = first {
        problems.push((PasscodeField::Passcode, e));
    }
    if again.is_empty() {
        problems.push((PasscodeField::Again, PasscodeError::AgainEmpty));
    } else if first.is_none() && again != passcode {
        problems.push((PasscodeField::Again, PasscodeError::Mismatch));
    }
    problems
}

/// One character repeated (`111111`), or a run up or down by one (`123456`, `fedcba`).
fn is_simple(chars: &[char]) -> bool {
    let steps: Vec<i64> = chars
        .windows(2)
        .map(|w| i64::from(u32::from(w[1])) - i64::from(u32::from(w[0])))
        .collect();
    steps.iter().all(|&s| s == 0) || steps.iter().all(|&s| s == 1) || steps.iter().all(|&s| s == -1)
}

/// The wait imposed after `failed_tries` wrong tries in a row: none for the first
/// [`FREE_TRIES`], then [`FIRST_WAIT_MS`], doubling with each further try, at most
/// [`MAX_WAIT_MS`].
pub fn wait_after(failed_tries: u32) -> u64 {
    if failed_tries <= FREE_TRIES {
        return 0;
    }
    let doublings = (failed_tries - FREE_TRIES - 1).min(20);
    FIRST_WAIT_MS
        .saturating_mul(1 << doublings)
        .min(MAX_WAIT_MS)
}

/// "Wait 30 seconds, then try again." for a wait of `ms`, rounded up to whole seconds (under a
/// minute) or whole minutes.
pub fn wait_message(ms: u64) -> String {
    let seconds = ms.div_ceil(1000).max(1);
    let (n, unit) = if seconds < 60 {
        (seconds, "second")
    } else {
        (seconds.div_ceil(60), "minute")
    };
    let s = if n == 1 { "" } else { "s" };
    format!("Too many wrong passcodes. Wait {n} {unit}{s}, then try again.")
}

/// What is kept on the device for the staff lock: the passcode's PBKDF2 hash with its salt and
/// iteration count (never the passcode), and the wrong tries so far, so that reloading the page
/// does not skip a wait.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LockRecord {
    pub version: u32,
    /// Always [`LOCK_ALGORITHM`].
    pub algorithm: String,
    pub iterations: u32,
    /// The salt, as lower-case hex.
    pub salt: String,
    /// The derived hash, as lower-case hex.
    pub hash: String,
    /// Wrong tries since the last right one.
    pub failed_tries: u32,
    /// No try is checked before this time (ms since the epoch; 0: none to wait for).
    pub wait_until_ms: u64,
}

/// Why a stored lock record cannot be used (corrupt, tampered with, or from another version).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Error)]
#[error("the staff lock stored on this device cannot be used")]
pub struct UnusableLock;

impl LockRecord {
    /// A new record for a passcode whose hash is `hash`, made with `salt` and `iterations`.
    pub fn new(salt: &[u8], hash: &[u8], iterations: u32) -> Self {
        Self {
            version: LOCK_VERSION,
            algorithm: LOCK_ALGORITHM.to_owned(),
            iterations,
            salt: to_hex(salt),
            hash: to_hex(hash),
            failed_tries: 0,
            wait_until_ms: 0,
        }
    }

    /// The salt and the hash as bytes, once the record is known to be one this build can check.
    pub fn parts(&self) -> Result<(Vec<u8>, Vec<u8>), UnusableLock> {
        let salt = from_hex(&self.salt).ok_or(UnusableLock)?;
        let hash = from_hex(&self.hash).ok_or(UnusableLock)?;
        let usable = self.version == LOCK_VERSION
            && self.algorithm == LOCK_ALGORITHM
            && PBKDF2_ITERATIONS_ACCEPTED.contains(&self.iterations)
            && salt.len() >= SALT_BYTES
            && hash.len() == HASH_BYTES;
        if usable {
            Ok((salt, hash))
        } else {
            Err(UnusableLock)
        }
    }

    /// How long before a try may be checked (0: now). A wait never exceeds the one the number
    /// of wrong tries calls for, so a clock put back cannot lock the link worker out for long.
    pub fn wait_ms(&self, now_ms: u64) -> u64 {
        self.wait_until_ms
            .saturating_sub(now_ms)
            .min(wait_after(self.failed_tries))
    }

    /// Whether `derived` (the hash of the passcode tried) is this record's hash. Compares every
    /// byte whatever the first difference, so the time taken says nothing about the hash.
    pub fn matches(&self, derived: &[u8]) -> bool {
        let Ok((_, hash)) = self.parts() else {
            return false;
        };
        hash.len() == derived.len()
            && hash
                .iter()
                .zip(derived)
                .fold(0u8, |acc, (a, b)| acc | (a ^ b))
                == 0
    }

    /// A wrong try at `now_ms`: counts it and returns the wait it imposes.
    pub fn record_failure(&mut self, now_ms: u64) -> u64 {
        self.failed_tries = self.failed_tries.saturating_add(1);
        let wait = wait_after(self.failed_tries);
        self.wait_until_ms = if wait == 0 { 0 } else { now_ms + wait };
        wait
    }

    /// The right passcode: the count of wrong tries starts again.
    pub fn record_success(&mut self) {
        self.failed_tries = 0;
        self.wait_until_ms = 0;
    }
}

/// When the screen locks: after `after_ms` with no touch, click or key press (time hidden counts
/// as no use).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct IdlePolicy {
    pub after_ms: u64,
}

impl IdlePolicy {
    pub fn from_minutes(minutes: u32) -> Self {
        Self {
            after_ms: u64::from(minutes) * 60_000,
        }
    }

    /// Whether the screen should be locked at `now_ms`, the last use having been at
    /// `last_use_ms`. A clock that went back counts as no time passed.
    pub fn is_idle(&self, last_use_ms: u64, now_ms: u64) -> bool {
        self.remaining_ms(last_use_ms, now_ms) == 0
    }

    /// How long until the screen locks with no further use.
    pub fn remaining_ms(&self, last_use_ms: u64, now_ms: u64) -> u64 {
        self.after_ms
            .saturating_sub(now_ms.saturating_sub(last_use_ms))
    }
}

fn to_hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn from_hex(s: &str) -> Option<Vec<u8>> {
    if !s.len().is_multiple_of(2) {
        return None;
    }
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(s.get(i..i + 2)?, 16).ok())
        .collect()
}
