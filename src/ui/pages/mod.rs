//! One component per page of the journey.

pub mod check;
pub mod config_error;
pub mod question;
pub mod referral;
pub mod resume;
pub mod sent;
pub mod start;
pub mod urgent_help;
