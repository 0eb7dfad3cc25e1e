//! The intake receiver: a native HTTP server that accepts what the widget POSTs.
//!
//! It serves development, the end-to-end tests, and integrators as a readable model of section 8
//! of INTEGRATING.md. It is built to stay up under abuse (see [`server`] for its limits), but has
//! no TLS and no authentication: put those in front of it.
//!
//! # HTTP interface
//!
//! | Request                  | Answer                                                           |
//! |--------------------------|------------------------------------------------------------------|
//! | `POST /submissions`      | `201` accepted, `200` a replay, or a JSON error (`400`, `403`, `408`, `413`, `415`, `422`, `503`) |
//! | `OPTIONS /submissions`   | CORS preflight: `204` for an allowed origin, `403` otherwise     |
//! | `GET /health`            | `200 {"status":"ok"}`                                            |
//! | other method, known path | `405` with `Allow`                                               |
//! | other path               | `404`                                                            |
//!
//! Every body, errors included, is JSON. Errors look like `{"error":"…"}`; an accepted
//! submission answers
//!
//! ```json
//! {"status":"accepted","submission_id":"…","reference":"WB-9WPB-S8VX-BULV-GAU2","received_at":"2026-11-23T10:15:00.123Z"}
//! ```
//!
//! # Rules for `POST /submissions`, in the order they are checked
//!
//! 1. A request with an `Origin` header must come from an allowed origin (`403`). Requests
//!    without `Origin` (curl, server-to-server) are allowed.
//! 2. `Content-Type` must be `application/json` (parameters such as `charset` allowed), or
//!    `application/fhir+json` for a FHIR Bundle, else `415`.
//! 3. `Idempotency-Key` is required and must be a UUID v4 ([`SubmissionId`]), else `400`.
//! 4. The body may be at most [`MAX_BODY_BYTES`], else `413`, and must arrive in time, else `408`.
//! 5. If the key is stored already, the store answers, whatever today's rules say: the same body
//!    (SHA-256) gets the first answer again (same reference and `received_at`) with `200` and
//!    `Idempotent-Replayed: true`; another body gets `422`. Nothing new is stored.
//! 6. The body must pass [`Submission::parse_json`] (or the FHIR Bundle parser), else `400`
//!    with the error's text.
//! 7. The key must equal the body's `submission_id`, else `400`.
//! 8. Otherwise the submission is stored, on disk, and only then acknowledged with `201`. If a
//!    concurrent request (or another process) stored the key meanwhile, rule 5 answers. A store
//!    that cannot write answers `503` with `Retry-After`, having stored nothing.
//!
//! # Storage
//!
//! See [`store`]: one SQLite row per accepted submission in `<data-dir>/intake.sqlite3`;
//! `intake export` writes them out as JSON Lines or CSV.
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
pub mod export;
pub mod handler;
pub mod jsonl;
pub mod server;
pub mod store;

pub use cli::{Command, Config, Export, Format, UsageError, parse_args};
pub use handler::{Intake, MAX_BODY_BYTES};
pub use server::{StartError, start};
