//! The pure core of the widget: instruments, scoring, the journey, drafts, configuration and the
//! payload contract.
//!
//! Nothing in here may touch the browser or the UI framework (no leptos, web-sys, gloo,
//! wasm-bindgen or js-sys); `tests/domain/architecture.rs` enforces it. Everything here is tested
//! natively with plain `cargo test`.

pub mod config;
pub mod crisis;
pub mod draft;
pub mod fhir;
pub mod follow_up;
pub mod instrument;
pub mod journey;
pub mod measures;
pub mod outbox;
pub mod payload;
pub mod referral;
pub mod scoring;
pub mod submission_id;
pub mod theme;
