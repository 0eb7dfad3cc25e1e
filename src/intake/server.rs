//! The socket side: opens the store, binds the address, and runs worker threads that turn each
//! `tiny_http` request into a [`RequestHead`], ask [`Intake::handle`] for a [`Reply`], log it
//! and send it.

use crate::intake::cli::Config;
use crate::intake::cors::CorsPolicy;
use crate::intake::handler::{Intake, Reply, RequestHead};
use crate::intake::store::{LoadReport, Store};
use std::fmt;
use std::io;
use std::net::{SocketAddr, TcpListener};
use std::path::PathBuf;
use std::sync::Arc;
use std::thread;

/// How many requests are handled at once. Storage is serialised by the store's lock anyway;
/// several workers only keep one slow client from holding up the others.
pub const WORKERS: usize = 4;

/// Why the receiver could not start. The binary exits with status 1.
#[derive(Debug)]
pub enum StartError {
    /// The data directory or file could not be created or read.
    Store { dir: PathBuf, source: io::Error },
    /// The address could not be bound (in use, not local, no permission).
    Bind { addr: SocketAddr, source: io::Error },
    /// The HTTP library refused the listener.
    Http(String),
}

impl fmt::Display for StartError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StartError::Store { dir, source } => {
                write!(f, "cannot open the store in {}: {source}", dir.display())
            }
            StartError::Bind { addr, source } => write!(f, "cannot listen on {addr}: {source}"),
            StartError::Http(e) => write!(f, "cannot start the HTTP server: {e}"),
        }
    }
}

impl std::error::Error for StartError {}

/// A bound receiver, ready to [`run`](Receiver::run).
pub struct Receiver {
    server: Arc<tiny_http::Server>,
    intake: Arc<Intake>,
    addr: SocketAddr,
    report: LoadReport,
    stored: usize,
}

/// Opens the store (before listening, so a bad data directory is reported first) and binds.
pub fn start(config: &Config) -> Result<Receiver, StartError> {
    let (store, report) = Store::open(&config.data_dir).map_err(|source| StartError::Store {
        dir: config.data_dir.clone(),
        source,
    })?;
    let stored = store.len();
    let listener = TcpListener::bind(config.addr).map_err(|source| StartError::Bind {
        addr: config.addr,
        source,
    })?;
    let addr = listener.local_addr().map_err(|source| StartError::Bind {
        addr: config.addr,
        source,
    })?;
    let server = tiny_http::Server::from_listener(listener, None)
        .map_err(|e| StartError::Http(e.to_string()))?;
    let cors = CorsPolicy::new(config.allowed_origins.iter().cloned());
    Ok(Receiver {
        server: Arc::new(server),
        intake: Arc::new(Intake::new(cors, store, config.fhir_base.clone())),
        addr,
        report,
        stored,
    })
}

impl Receiver {
    /// The address actually bound (with the real port when port 0 was asked for).
    pub fn local_addr(&self) -> SocketAddr {
        self.addr
    }

    /// `http://HOST:PORT`.
    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// What was found in the data file on start.
    pub fn load_report(&self) -> &LoadReport {
        &self.report
    }

    /// How many submissions were already stored on start.
    pub fn stored(&self) -> usize {
        self.stored
    }

    /// Serves requests until the process ends.
    pub fn run(self) {
        let workers: Vec<_> = (1..WORKERS)
            .map(|_| {
                let (server, intake) = (Arc::clone(&self.server), Arc::clone(&self.intake));
                thread::spawn(move || serve(&server, &intake))
            })
            .collect();
        serve(&self.server, &self.intake);
        for w in workers {
            let _ = w.join();
        }
    }
}

/// One worker: takes requests from the shared queue until the server closes.
fn serve(server: &tiny_http::Server, intake: &Intake) {
    for request in server.incoming_requests() {
        serve_one(intake, request);
    }
}

fn serve_one(intake: &Intake, mut request: tiny_http::Request) {
    let head = head_of(&request);
    let reply = intake.handle(&head, request.as_reader());
    if let Some(line) = &reply.log {
        eprintln!("{line}");
    }
    // A client that hung up cannot be told anything; the outcome is already logged.
    let _ = request.respond(response_of(reply));
}

/// The parts of a `tiny_http` request that [`Intake::handle`] looks at.
fn head_of(request: &tiny_http::Request) -> RequestHead {
    let header = |name: &'static str| {
        request
            .headers()
            .iter()
            .find(|h| h.field.equiv(name))
            .map(|h| h.value.as_str().to_owned())
    };
    RequestHead {
        method: request.method().as_str().to_owned(),
        path: request.url().to_owned(),
        origin: header("Origin"),
        content_type: header("Content-Type"),
        idempotency_key: header("Idempotency-Key"),
        content_length: request.body_length(),
    }
}

/// A [`Reply`] as a `tiny_http` response: JSON body (if any), `Cache-Control: no-store`, and the
/// reply's own headers.
fn response_of(reply: Reply) -> tiny_http::Response<io::Cursor<Vec<u8>>> {
    let has_body = !reply.body.is_empty();
    let mut response = tiny_http::Response::from_data(reply.body.into_bytes())
        .with_status_code(reply.status)
        .with_header(header("Cache-Control", "no-store"));
    if has_body {
        response.add_header(header("Content-Type", "application/json"));
    }
    for (name, value) in &reply.headers {
        response.add_header(header(name, value));
    }
    response
}

fn header(name: &str, value: &str) -> tiny_http::Header {
    tiny_http::Header::from_bytes(name.as_bytes(), value.as_bytes())
        .expect("header names and values here are ASCII without line breaks")
}
