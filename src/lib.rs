//! The wellbeing self-referral widget.
//!
//! Three layers, each depending only on the ones above it:
//! - [`domain`]: pure Rust (instruments, scoring, journey, drafts, configuration, payload);
//! - `platform`: thin adapters to the browser (host elements, storage, HTTP, clock);
//! - `ui`: Leptos components, one concern per file, no business rules.
//!
//! The native-only `intake` module is the local intake receiver used for development and tests.

pub mod domain;

#[cfg(target_arch = "wasm32")]
pub mod platform;
#[cfg(target_arch = "wasm32")]
pub mod ui;

#[cfg(not(target_arch = "wasm32"))]
pub mod intake;
