//! Thin adapters to the browser. Every fallible call returns a `Result`; nothing here panics on a
//! missing browser feature, and nothing here logs personal data.

pub mod broadcast;
pub mod calendar;
pub mod clock;
pub mod document;
pub mod embed;
pub mod events;
pub mod frame;
pub mod host;
pub mod http;
pub mod locks;
pub mod panic;
#[cfg(feature = "follow-up")]
pub mod passcode;
pub mod storage;
