//! The socket side: opens the store, binds the address, and serves HTTP/1.1 with hyper on tokio,
//! routed by axum, until SIGTERM or Ctrl-C.
//!
//! Every limit is there so that no request, however malformed or slow, can crash the receiver
//! or starve other clients:
//!
//! | limit                                   | value                 | answer                    |
//! |-----------------------------------------|-----------------------|---------------------------|
//! | request head (request line + headers)   | [`MAX_HEAD_BYTES`], 100 headers | `431`, connection closed |
//! | time to send the request head           | [`HEAD_TIMEOUT`]      | connection closed         |
//! | body size (declared or sent)            | [`MAX_BODY_BYTES`]    | `413`                     |
//! | time to send the body                   | [`BODY_TIMEOUT`]      | `408`                     |
//! | time for the whole request              | [`REQUEST_TIMEOUT`]   | `408`                     |
//! | requests being handled at once          | [`MAX_IN_FLIGHT`]     | `503` with `Retry-After`  |
//! | open connections                        | [`MAX_CONNECTIONS`]   | later ones wait in the kernel's queue |
//!
//! A `Content-Length` too large for a number is refused by hyper with `400`. Nothing a request
//! controls is unwrapped, and tasks (not threads) serve connections, so a flood costs memory
//! bounded by the limits above, never a thread or the listener. Writes to the store run on a
//! small pool of blocking threads ([`STORE_THREADS`]).

use crate::intake::cli::Config;
use crate::intake::cors::CorsPolicy;
use crate::intake::handler::{self, Intake, MAX_BODY_BYTES, Reply, RequestHead};
use crate::intake::store::{OpenReport, Store, StoreError};
use axum::Router;
use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderName, HeaderValue, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{any, get};
use http_body_util::BodyExt;
use hyper_util::rt::{TokioIo, TokioTimer};
use std::net::{SocketAddr, TcpListener};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::Semaphore;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::timeout::TimeoutLayer;

/// The largest request head (request line and headers), in bytes.
pub const MAX_HEAD_BYTES: usize = 32 * 1024;
/// How long a client may take to send a request head (and how long an idle keep-alive
/// connection stays open).
pub const HEAD_TIMEOUT: Duration = Duration::from_secs(10);
/// How long a client may take to send a submission's body.
pub const BODY_TIMEOUT: Duration = Duration::from_secs(10);
/// How long one request may take from its head to its answer.
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(20);
/// Requests handled at once; more are answered `503` at once.
pub const MAX_IN_FLIGHT: usize = 256;
/// Connections open at once; more wait to be accepted.
pub const MAX_CONNECTIONS: usize = 4096;
/// Threads that may wait on the store at once.
pub const STORE_THREADS: usize = 4;
/// How long a shutdown waits for requests in flight to finish.
pub const SHUTDOWN_GRACE: Duration = Duration::from_secs(10);

/// Why the receiver could not start. The binary exits with status 1.
#[derive(Debug, thiserror::Error)]
pub enum StartError {
    /// The data directory or the database could not be created or opened.
    #[error("cannot open the store in {}: {source}", dir.display())]
    Store { dir: PathBuf, source: StoreError },
    /// The address could not be bound (in use, not local, no permission).
    #[error("cannot listen on {addr}: {source}")]
    Bind {
        addr: SocketAddr,
        source: std::io::Error,
    },
    /// The async runtime could not be started.
    #[error("cannot start the runtime: {0}")]
    Runtime(std::io::Error),
}

/// A bound receiver, ready to [`run`](Receiver::run).
pub struct Receiver {
    listener: TcpListener,
    intake: Arc<Intake>,
    addr: SocketAddr,
    report: OpenReport,
}

/// Opens the store (before listening, so a bad data directory is reported first) and binds.
pub fn start(config: &Config) -> Result<Receiver, StartError> {
    let (store, report) = Store::open(&config.data_dir).map_err(|source| StartError::Store {
        dir: config.data_dir.clone(),
        source,
    })?;
    let bind = |source| StartError::Bind {
        addr: config.addr,
        source,
    };
    let listener = TcpListener::bind(config.addr).map_err(bind)?;
    let addr = listener.local_addr().map_err(bind)?;
    listener.set_nonblocking(true).map_err(bind)?;
    let cors = CorsPolicy::new(config.allowed_origins.iter().cloned());
    Ok(Receiver {
        listener,
        intake: Arc::new(Intake::new(cors, store, config.fhir_base.clone())),
        addr,
        report,
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

    /// What the store found on start.
    pub fn open_report(&self) -> &OpenReport {
        &self.report
    }

    /// Serves requests until SIGTERM or Ctrl-C, then lets requests in flight finish (for up to
    /// [`SHUTDOWN_GRACE`]) and returns.
    pub fn run(self) -> Result<(), StartError> {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .enable_all()
            .max_blocking_threads(STORE_THREADS)
            // Store threads are made once, below, and kept: a request never needs a new thread,
            // so a process near its thread limit cannot fail (and abort) in the middle of one.
            .thread_keep_alive(Duration::from_secs(u64::from(u32::MAX)))
            .build()
            .map_err(StartError::Runtime)?;
        runtime.block_on(async {
            let barrier = Arc::new(std::sync::Barrier::new(STORE_THREADS));
            let started: Vec<_> = (0..STORE_THREADS)
                .map(|_| {
                    let b = Arc::clone(&barrier);
                    tokio::task::spawn_blocking(move || {
                        b.wait();
                    })
                })
                .collect();
            for s in started {
                let _ = s.await;
            }
        });
        runtime.block_on(serve(self.listener, self.intake, shutdown_signal()))?;
        // Dropping the runtime waits for store writes still running on the blocking threads.
        drop(runtime);
        eprintln!("intake: stopped");
        Ok(())
    }
}

/// Resolves on SIGTERM or Ctrl-C (SIGINT). If a handler cannot be installed, that signal is
/// simply not waited for (the process can still be stopped by the other, or killed).
async fn shutdown_signal() {
    let ctrl_c = async {
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = term => {},
    }
}

/// The accept loop: one task per connection, at most [`MAX_CONNECTIONS`] at once.
async fn serve(
    listener: TcpListener,
    intake: Arc<Intake>,
    shutdown: impl Future<Output = ()>,
) -> Result<(), StartError> {
    let addr = listener.local_addr().map_err(|source| StartError::Bind {
        addr: ([0, 0, 0, 0], 0).into(),
        source,
    })?;
    let listener = tokio::net::TcpListener::from_std(listener)
        .map_err(|source| StartError::Bind { addr, source })?;
    let app = router(intake);
    let connections = Arc::new(Semaphore::new(MAX_CONNECTIONS));
    let graceful = hyper_util::server::graceful::GracefulShutdown::new();
    let mut http = hyper::server::conn::http1::Builder::new();
    http.timer(TokioTimer::new())
        .header_read_timeout(HEAD_TIMEOUT)
        .max_buf_size(MAX_HEAD_BYTES)
        .max_headers(100);
    let mut shutdown = std::pin::pin!(shutdown);
    loop {
        let permit = tokio::select! {
            p = Arc::clone(&connections).acquire_owned() => match p {
                Ok(p) => p,
                Err(_) => break,
            },
            () = &mut shutdown => break,
        };
        let stream = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => stream,
                Err(e) => {
                    // Out of file descriptors or similar: keep listening, a little later.
                    eprintln!("intake: cannot accept a connection: {e}");
                    tokio::time::sleep(Duration::from_millis(100)).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        let service = hyper_util::service::TowerToHyperService::new(app.clone());
        let connection = graceful.watch(http.serve_connection(TokioIo::new(stream), service));
        tokio::spawn(async move {
            if let Err(e) = connection.await {
                log_connection_error(&e);
            }
            drop(permit);
        });
    }
    drop(listener);
    eprintln!("intake: stopping: finishing requests in flight");
    if tokio::time::timeout(SHUTDOWN_GRACE, graceful.shutdown())
        .await
        .is_err()
    {
        eprintln!(
            "intake: stopping: some connections were still open after {}s",
            SHUTDOWN_GRACE.as_secs()
        );
    }
    Ok(())
}

/// One line for a connection hyper closed because of the client: a request head too large
/// (answered `431`), malformed (answered `400`), or not sent in time.
fn log_connection_error(e: &hyper::Error) {
    let reason = if e.is_parse_too_large() {
        "head-too-large"
    } else if e.is_parse() {
        "malformed-head"
    } else if e.is_timeout() {
        "head-timeout"
    } else {
        // The client went away: nothing to report.
        return;
    };
    eprintln!("rejected connection reason={reason}");
}

/// The routes and the layers around them (the outermost first): the finishing touches on every
/// answer, the in-flight limit, the request timeout, the body-size limit.
pub fn router(intake: Arc<Intake>) -> Router {
    let in_flight = Arc::new(Semaphore::new(MAX_IN_FLIGHT));
    Router::new()
        .route(
            "/submissions",
            any(submissions).with_state(Arc::clone(&intake)),
        )
        .route(
            "/health",
            get(|| async { respond(handler::health()) })
                .fallback(|| async { respond(handler::method_not_allowed("GET, HEAD")) }),
        )
        .fallback(|| async { respond(handler::not_found()) })
        .layer(RequestBodyLimitLayer::new(MAX_BODY_BYTES))
        .layer(TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            REQUEST_TIMEOUT,
        ))
        .layer(middleware::from_fn_with_state(in_flight, limit_in_flight))
        .layer(middleware::from_fn_with_state(intake, finish))
}

/// `/submissions`, every method.
async fn submissions(State(intake): State<Arc<Intake>>, request: Request) -> Response {
    let (parts, body) = request.into_parts();
    let head = head_of(&parts.headers);
    let reply = match parts.method.as_str() {
        "POST" => submit(intake, &head, body).await,
        "OPTIONS" => intake.preflight(&head),
        _ => handler::method_not_allowed("POST, OPTIONS"),
    };
    respond(reply)
}

/// `POST /submissions`: the header checks, the body (within its size and time limits), then
/// the checks and the store on a blocking thread.
async fn submit(intake: Arc<Intake>, head: &RequestHead, body: Body) -> Reply {
    let admitted = match intake.admit(head) {
        Ok(a) => a,
        Err(reply) => return reply,
    };
    let bytes = match tokio::time::timeout(BODY_TIMEOUT, read_body(body)).await {
        Err(_) => return Reply::body_timeout(),
        Ok(Err(reply)) => return reply,
        Ok(Ok(bytes)) => bytes,
    };
    tokio::task::spawn_blocking(move || intake.submit(&admitted, &bytes))
        .await
        .unwrap_or_else(|_| Reply::unavailable(&StoreError::Poisoned))
}

/// Reads the body, up to [`MAX_BODY_BYTES`]. (A declared `Content-Length` over the limit was
/// refused before the handler ran; a chunked body is cut off by the same layer.)
async fn read_body(mut body: Body) -> Result<Bytes, Reply> {
    let mut bytes = Vec::new();
    while let Some(frame) = body.frame().await {
        let frame = frame.map_err(|e| {
            if is_length_limit(&e) {
                Reply::too_large()
            } else {
                Reply::unreadable()
            }
        })?;
        if let Ok(data) = frame.into_data() {
            if bytes.len() + data.len() > MAX_BODY_BYTES {
                return Err(Reply::too_large());
            }
            bytes.extend_from_slice(&data);
        }
    }
    Ok(bytes.into())
}

/// Whether a body error is the body-size layer's.
fn is_length_limit(e: &axum::Error) -> bool {
    let mut source: Option<&(dyn std::error::Error + 'static)> = Some(e);
    while let Some(err) = source {
        if err.is::<http_body_util::LengthLimitError>() {
            return true;
        }
        source = err.source();
    }
    false
}

/// The parts of the request head the rules look at.
fn head_of(headers: &HeaderMap) -> RequestHead {
    let header = |name: HeaderName| {
        headers
            .get(name)
            .map(|v| v.to_str().map(str::to_owned).unwrap_or_default())
    };
    RequestHead {
        origin: header(header::ORIGIN),
        content_type: header(header::CONTENT_TYPE),
        idempotency_key: header(HeaderName::from_static("idempotency-key")),
    }
}

/// Marks a response with the log line of its request.
#[derive(Clone, Debug)]
struct LogLine(String);

/// A [`Reply`] as a response: its status, JSON body and headers, with its log line attached.
fn respond(reply: Reply) -> Response {
    let status = StatusCode::from_u16(reply.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let has_body = !reply.body.is_empty();
    let mut response = (status, reply.body).into_response();
    let headers = response.headers_mut();
    headers.remove(header::CONTENT_TYPE);
    if has_body {
        headers.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        );
    }
    for (name, value) in reply.headers {
        if let Ok(value) = HeaderValue::from_str(&value) {
            headers.append(name, value);
        }
    }
    if let Some(line) = reply.log {
        response.extensions_mut().insert(LogLine(line));
    }
    response
}

/// Answers `503` at once when [`MAX_IN_FLIGHT`] requests are being handled.
async fn limit_in_flight(
    State(in_flight): State<Arc<Semaphore>>,
    request: Request,
    next: Next,
) -> Response {
    match in_flight.try_acquire() {
        Ok(_permit) => next.run(request).await,
        Err(_) => respond(Reply::busy()),
    }
}

/// On every answer: the CORS headers, `Cache-Control: no-store`, a JSON body for the errors the
/// layers make themselves (`413`, `408`), and one log line per submission request.
async fn finish(State(intake): State<Arc<Intake>>, request: Request, next: Next) -> Response {
    let head = head_of(request.headers());
    let submission = request.method() == "POST" && request.uri().path() == "/submissions";
    let mut response = next.run(request).await;
    let line = response.extensions_mut().remove::<LogLine>();
    let status = response.status();
    let is_json = response
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes() == b"application/json");
    if !is_json && (status.is_client_error() || status.is_server_error()) {
        let reply = match status.as_u16() {
            413 => Reply::too_large(),
            408 => Reply::rejected(408, "timeout", "the request took too long; send it again"),
            code => Reply::rejected(code, "other", status.canonical_reason().unwrap_or("error")),
        };
        let made = reply.log.clone();
        let extra = std::mem::take(response.headers_mut());
        response = respond(reply);
        for (name, value) in &extra {
            if name != header::CONTENT_TYPE && name != header::CONTENT_LENGTH {
                response.headers_mut().append(name, value.clone());
            }
        }
        if submission
            && line.is_none()
            && let Some(l) = made
        {
            eprintln!("{l}");
        }
    }
    if let Some(LogLine(l)) = line {
        eprintln!("{l}");
    }
    let headers = response.headers_mut();
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    let origin = intake.cors().check(head.origin.as_deref());
    for (name, value) in CorsPolicy::response_headers(origin) {
        if let Ok(value) = HeaderValue::from_str(&value) {
            headers.append(name, value);
        }
    }
    response
}
