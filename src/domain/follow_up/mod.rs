//! The link-worker follow-up (`data-mode="follow-up"`), as a pure model: the client
//! reference and its configurable pattern, timepoints, visits and the history kept on a shared
//! tablet, the change between a baseline and now with the meaningful-change verdict, the geometry
//! of the SVG chart, the follow-up payload, and the staff lock of a shared tablet.
//!
//! Nothing here reads a clock: today's date is passed in. No message or sentence built here
//! contains a person's name or anything the practitioner typed, only client references (which
//! the UI decides where to show), instrument labels and numbers.

mod change;
mod chart;
mod history;
mod lock;
mod payload;
mod reference;
mod timepoint;

pub use change::*;
pub use chart::*;
pub use history::*;
pub use lock::*;
pub use payload::*;
pub use reference::*;
pub use timepoint::*;

/// Days a visit is kept on the device unless the deployment says otherwise.
pub const DEFAULT_RETENTION_DAYS: u32 = 180;
/// The most characters a client reference (or its pattern) may have.
pub const CLIENT_REFERENCE_MAX_CHARS: usize = 32;
/// The most characters of a visit's notes.
pub const NOTES_MAX_CHARS: usize = 500;
