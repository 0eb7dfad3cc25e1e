//! The link-worker follow-up (`data-mode="follow-up"`), as a pure model, one concern a file:
//! - `reference`: the client reference and its configurable pattern;
//! - `timepoint`: when in the client's journey a visit falls, and another time's date;
//! - `journey`: the pages of a visit, where "Continue" and "Back" go;
//! - `draft`: the visit being recorded as typed, and what is kept on the device while typing;
//! - `checks`: what each page's "Continue" checks, and its messages;
//! - `records`: baselines typed in from the service's records;
//! - `history`: visits and the history kept on a shared tablet;
//! - `change`: the change between a baseline and now, with the meaningful-change verdict;
//! - `glance`: the visit compared with the client's earlier scores, and the visit as sent;
//! - `chart`: the geometry of the SVG chart;
//! - `payload`: the follow-up part of the payload;
//! - `lock`: the staff lock of a shared tablet.
//!
//! Nothing here reads a clock: today's date is passed in. No message or sentence built here
//! contains a person's name or anything the practitioner typed, only client references (which
//! the UI decides where to show), instrument labels and numbers.

mod change;
mod chart;
mod checks;
mod draft;
mod glance;
mod history;
mod journey;
mod lock;
mod payload;
mod records;
mod reference;
mod timepoint;

pub use change::*;
pub use chart::*;
pub use checks::*;
pub use draft::*;
pub use glance::*;
pub use history::*;
pub use journey::*;
pub use lock::*;
pub use payload::*;
pub use records::*;
pub use reference::*;
pub use timepoint::*;

/// Days a visit is kept on the device unless the deployment says otherwise.
pub const DEFAULT_RETENTION_DAYS: u32 = 180;
/// The most characters a client reference (or its pattern) may have.
pub const CLIENT_REFERENCE_MAX_CHARS: usize = 32;
/// The most characters of a visit's notes.
pub const NOTES_MAX_CHARS: usize = 500;
