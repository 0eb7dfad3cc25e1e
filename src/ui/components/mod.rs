//! Reusable pieces that mirror GOV.UK / NHS.UK components.

pub mod back_link;
pub mod confirm_page;
pub mod crisis;
pub mod error_summary;
pub mod field_parts;
pub mod fields;
pub mod notice;
pub mod outbox_status;
pub mod scale_question;
