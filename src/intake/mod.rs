//! The local intake receiver: a small native HTTP server that accepts what the widget POSTs.
//!
//! It is meant for development, end-to-end tests and as a readable model for integrators who
//! write their own receiver. It is *not* a production service (no TLS, no authentication, no
//! rotation); put those in front of, or in place of, it.
//!
//! # HTTP interface
//!
//! | Request                  | Answer                                                           |
//! |--------------------------|------------------------------------------------------------------|
//! | `POST /submissions`      | `201` accepted, or a JSON error (`400`, `403`, `413`, `415`, `500`) |
//! | `OPTIONS /submissions`   | CORS preflight: `204` for an allowed origin, `403` otherwise     |
//! | `GET /health`            | `200 {"status":"ok"}`                                            |
//! | other method, known path | `405` with `Allow`                                               |
//! | other path               | `404`                                                            |
//!
//! Every body, errors included, is JSON. Errors look like `{"error":"…"}`; an accepted
//! submission answers
//!
//! ```json
//! {"status":"accepted","submission_id":"…","reference":"WB-3F2A-9C1B","received_at":"2026-11-23T10:15:00.123Z"}
//! ```
//!
//! # Rules for `POST /submissions`, in the order they are checked
//!
//! 1. A request with an `Origin` header must come from an allowed origin (`403`). Requests
//!    without `Origin` (curl, server-to-server) are allowed.
//! 2. `Content-Type` must be `application/json` (parameters such as `charset` allowed), else `415`.
//! 3. `Idempotency-Key` is required and must be a UUID v4 ([`SubmissionId`]), else `400`.
//! 4. The body may be at most [`MAX_BODY_BYTES`], else `413`.
//! 5. The body must pass [`Submission::parse_json`], else `400` with the error's text.
//! 6. The key must equal the body's `submission_id`, else `400`.
//! 7. If the key was already accepted, the *original* status and body are returned byte for
//!    byte (with the header `Idempotent-Replayed: true`) and nothing new is stored. The first
//!    accepted submission for a key wins.
//! 8. Otherwise the submission is appended to the store, flushed to disk, and only then
//!    acknowledged with `201`.
//!
//! # Storage
//!
//! See [`store`]: one JSON line per accepted submission in `<data-dir>/submissions.jsonl`.
//!
//! # Logging
//!
//! One line on stderr per submission request, with no personal data: never bodies, never
//! answers. See [`handler::Reply::log`].
//!
//! [`SubmissionId`]: crate::domain::payload::SubmissionId
//! [`Submission::parse_json`]: crate::domain::payload::Submission::parse_json

pub mod cli;
pub mod clock;
pub mod cors;
pub mod handler;
pub mod jsonl;
pub mod server;
pub mod store;

pub use cli::{Command, Config, Export, Format, UsageError, parse_args};
pub use handler::{Intake, MAX_BODY_BYTES};
pub use server::{StartError, start};
