//! The link-worker follow-up (`data-mode="follow-up"`): a practitioner journey for
//! tablets. One concern per file; the rules are in `domain::follow_up`.

pub mod app;
pub mod cancel;
pub mod chart;
pub mod check;
pub mod details;
pub mod done;
pub mod glance;
pub mod home;
pub mod lock;
pub mod lock_screens;
pub mod measure;
pub mod notes;
pub mod queue;
pub mod records;
pub mod state;
pub mod visit_bar;
pub mod wipe;

pub use app::FollowUpApp;
