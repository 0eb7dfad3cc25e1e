//! The native tests of the pure domain, in one test crate so the library is linked once: each
//! module covers one part (its file name says which), and `architecture` checks that
//! `src/domain` imports no browser or UI crate.
#![cfg(not(target_arch = "wasm32"))]

#[path = "../common/mod.rs"]
mod common;

mod architecture;
mod config;
mod crisis;
mod fhir;
mod follow_up;
mod follow_up_lock;
mod follow_up_visit;
mod instruments;
mod journey;
mod measures;
mod ons4;
mod outbox;
mod payload;
mod referral;
mod referral_form;
mod referral_rules;
mod scoring;
mod stored_golden;
mod theme;
