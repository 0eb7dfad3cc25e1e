//! Durable storage of accepted submissions in SQLite: `<data-dir>/intake.sqlite3`.
//!
//! One table, `submissions`, one row per accepted submission, keyed by its `Idempotency-Key`:
//!
//! | column            | what                                                                  |
//! |-------------------|-----------------------------------------------------------------------|
//! | `idempotency_key` | primary key: the submission id (a UUID v4)                            |
//! | `body_sha256`     | SHA-256 of the body as received (hex); `NULL` for rows imported from `submissions.jsonl`, whose exact bytes were never kept |
//! | `body`            | the body exactly as received (native JSON, or a FHIR Bundle)          |
//! | `content_type`    | `application/json` or `application/fhir+json`                         |
//! | `submission`      | the submission in the receiver's native terms (a FHIR Bundle parsed)  |
//! | `received_at`     | when it was accepted (RFC 3339, UTC)                                  |
//! | `reference`       | the reference answered to the person                                  |
//!
//! - The database runs in WAL mode with `synchronous=FULL`: a row is on disk before its `201` is
//!   sent, and a crash (even `kill -9` or a power cut) loses nothing acknowledged. A write is one
//!   transaction, so a full disk or an I/O error leaves nothing half-stored.
//! - Several processes may use the same file: SQLite's locks serialise their writes, and
//!   `INSERT … ON CONFLICT DO NOTHING` keeps the first row for a key, whichever process wrote it.
//! - A new data directory is created `0700` and the database `0600` (SQLite gives its `-wal` and
//!   `-shm` files the database's mode); the directory entries are flushed to disk.
//! - A `submissions.jsonl` left by an earlier version of the receiver is imported once, keys,
//!   references and times kept (see [`crate::intake::jsonl`]); the file is left in place.

use crate::domain::payload::SubmissionId;
use crate::intake::jsonl::{self, LegacyRecord};
use rusqlite::{Connection, ErrorCode, OpenFlags, OptionalExtension, TransactionBehavior, params};
use std::fs::{self, File, OpenOptions};
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::Duration;

/// The database's file name inside the data directory.
pub const DB_FILE: &str = "intake.sqlite3";

/// How long a write waits for another connection's (or process's) lock before giving up.
pub(crate) const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// The schema version kept in `PRAGMA user_version`.
const SCHEMA_VERSION: i64 = 1;

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS submissions (
    idempotency_key TEXT PRIMARY KEY NOT NULL,
    body_sha256     TEXT,
    body            TEXT NOT NULL,
    content_type    TEXT NOT NULL,
    submission      TEXT NOT NULL,
    received_at     TEXT NOT NULL,
    reference       TEXT NOT NULL
) STRICT;
CREATE TABLE IF NOT EXISTS meta (
    name  TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
) STRICT;
";

/// The `meta` row that records the one-time import of `submissions.jsonl`.
const META_JSONL_IMPORTED: &str = "jsonl_imported";

/// Why the store could not be opened, read or written.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// Creating, checking or flushing the data directory or a file failed.
    #[error("{what} {}: {source}", path.display())]
    Io {
        what: &'static str,
        path: PathBuf,
        source: io::Error,
    },
    /// The database refused an operation (a full disk, an I/O error, a lock held too long, …).
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
    /// The database file was written by a newer receiver.
    #[error("the database has schema version {0}; this receiver knows version {SCHEMA_VERSION}")]
    Schema(i64),
    /// A thread panicked while holding the connection.
    #[error("the store's connection is unusable after a failure")]
    Poisoned,
}

impl StoreError {
    /// A short, stable name for the log line (never a path or any content).
    pub fn kind(&self) -> &'static str {
        match self {
            StoreError::Io { .. } => "io",
            StoreError::Sqlite(e) => match e.sqlite_error_code() {
                Some(ErrorCode::DiskFull) => "disk-full",
                Some(ErrorCode::SystemIoFailure) => "io",
                Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => "busy",
                Some(ErrorCode::ReadOnly | ErrorCode::PermissionDenied) => "read-only",
                Some(ErrorCode::DatabaseCorrupt | ErrorCode::NotADatabase) => "corrupt",
                _ => "database",
            },
            StoreError::Schema(_) => "schema",
            StoreError::Poisoned => "poisoned",
        }
    }
}

fn io_err<'a>(what: &'static str, path: &'a Path) -> impl FnOnce(io::Error) -> StoreError + 'a {
    move |source| StoreError::Io {
        what,
        path: path.to_owned(),
        source,
    }
}

/// A row to store.
#[derive(Clone, Copy, Debug)]
pub struct NewRow<'a> {
    pub key: &'a SubmissionId,
    pub body_sha256: Option<&'a str>,
    pub body: &'a str,
    pub content_type: &'a str,
    pub submission: &'a str,
    pub received_at: &'a str,
    pub reference: &'a str,
}

/// A stored row, as read back.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    pub idempotency_key: String,
    pub body_sha256: Option<String>,
    pub body: String,
    pub content_type: String,
    pub submission: String,
    pub received_at: String,
    pub reference: String,
}

/// What [`Store::insert`] did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Inserted {
    /// The row is stored (and on disk).
    New,
    /// The key was stored already (by a concurrent request or another process); this is that row.
    Existing(Row),
}

/// What [`Store::open`] found and did, for the start-up message.
#[derive(Debug, Default)]
pub struct OpenReport {
    /// Rows stored after opening (imports included).
    pub stored: u64,
    /// Rows imported from `submissions.jsonl` on this start.
    pub imported: usize,
    /// Things worth a warning: skipped lines of the imported file (line numbers only, never
    /// contents), a data directory other users can read.
    pub warnings: Vec<String>,
}

/// The open store: one connection, used by one request at a time.
#[derive(Debug)]
pub struct Store {
    conn: Mutex<Connection>,
    path: PathBuf,
}

pub(crate) const COLUMNS: &str =
    "idempotency_key, body_sha256, body, content_type, submission, received_at, reference";

pub(crate) fn row_of(r: &rusqlite::Row<'_>) -> rusqlite::Result<Row> {
    Ok(Row {
        idempotency_key: r.get(0)?,
        body_sha256: r.get(1)?,
        body: r.get(2)?,
        content_type: r.get(3)?,
        submission: r.get(4)?,
        received_at: r.get(5)?,
        reference: r.get(6)?,
    })
}

impl Store {
    /// Opens (creating if needed) `dir/intake.sqlite3`, imports `dir/submissions.jsonl` if it was
    /// never imported, and reports what it found.
    pub fn open(dir: &Path) -> Result<(Store, OpenReport), StoreError> {
        let mut report = OpenReport::default();
        create_private_dir(dir)?;
        let path = dir.join(DB_FILE);
        create_private_file(dir, &path)?;
        let mut conn = Connection::open_with_flags(
            &path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        conn.busy_timeout(BUSY_TIMEOUT)?;
        let mode: String = conn.query_row("PRAGMA journal_mode=WAL", [], |r| r.get(0))?;
        if !mode.eq_ignore_ascii_case("wal") {
            return Err(StoreError::Sqlite(rusqlite::Error::InvalidQuery));
        }
        conn.pragma_update(None, "synchronous", "FULL")?;
        {
            let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
            let version: i64 = tx.query_row("PRAGMA user_version", [], |r| r.get(0))?;
            if version > SCHEMA_VERSION {
                return Err(StoreError::Schema(version));
            }
            tx.execute_batch(SCHEMA)?;
            tx.pragma_update(None, "user_version", SCHEMA_VERSION)?;
            tx.commit()?;
        }
        import_jsonl_once(&mut conn, dir, &mut report)?;
        // The WAL and shared-memory files exist now; keep every file of the store private.
        for name in [DB_FILE, "intake.sqlite3-wal", "intake.sqlite3-shm"] {
            make_private(&dir.join(name), 0o600)?;
        }
        sync_dir(dir)?;
        report.stored = conn.query_row("SELECT count(*) FROM submissions", [], |r| r.get(0))?;
        if let Some(mode) = loose_mode(dir) {
            report.warnings.push(format!(
                "the data directory {} can be read by other users (mode {mode:o}); \
                 `chmod 700` it: it holds health data",
                dir.display()
            ));
        }
        let store = Store {
            conn: Mutex::new(conn),
            path,
        };
        Ok((store, report))
    }

    /// The database file's path.
    pub fn path(&self) -> &Path {
        &self.path
    }

    fn conn(&self) -> Result<std::sync::MutexGuard<'_, Connection>, StoreError> {
        self.conn.lock().map_err(|_| StoreError::Poisoned)
    }

    /// The row stored for `key`, if any.
    pub fn get(&self, key: &SubmissionId) -> Result<Option<Row>, StoreError> {
        let conn = self.conn()?;
        let row = conn
            .query_row(
                &format!("SELECT {COLUMNS} FROM submissions WHERE idempotency_key = ?1"),
                [key.as_str()],
                row_of,
            )
            .optional()?;
        Ok(row)
    }

    /// Stores `row` unless its key is stored already, in one transaction that is on disk when
    /// this returns `Ok`. Returns the earlier row if there is one.
    pub fn insert(&self, row: &NewRow<'_>) -> Result<Inserted, StoreError> {
        let mut conn = self.conn()?;
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let changed = insert_row(&tx, row)?;
        if changed == 1 {
            tx.commit()?;
            return Ok(Inserted::New);
        }
        let existing = tx.query_row(
            &format!("SELECT {COLUMNS} FROM submissions WHERE idempotency_key = ?1"),
            [row.key.as_str()],
            row_of,
        )?;
        tx.commit()?;
        Ok(Inserted::Existing(existing))
    }

    /// How many submissions are stored.
    pub fn count(&self) -> Result<u64, StoreError> {
        let conn = self.conn()?;
        Ok(conn.query_row("SELECT count(*) FROM submissions", [], |r| r.get(0))?)
    }

    /// Limits the database to `pages` pages, so a test can make it "full".
    #[doc(hidden)]
    pub fn limit_pages_for_tests(&self, pages: u32) -> Result<(), StoreError> {
        let conn = self.conn()?;
        let _: i64 = conn.query_row(&format!("PRAGMA max_page_count = {pages}"), [], |r| {
            r.get(0)
        })?;
        Ok(())
    }
}

fn insert_row(conn: &Connection, row: &NewRow<'_>) -> rusqlite::Result<usize> {
    conn.execute(
        &format!(
            "INSERT INTO submissions ({COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) \
             ON CONFLICT (idempotency_key) DO NOTHING"
        ),
        params![
            row.key.as_str(),
            row.body_sha256,
            row.body,
            row.content_type,
            row.submission,
            row.received_at,
            row.reference
        ],
    )
}

/// Imports `dir/submissions.jsonl` unless the `meta` table says it was imported, all in one
/// transaction (so two receivers starting together import it once).
fn import_jsonl_once(
    conn: &mut Connection,
    dir: &Path,
    report: &mut OpenReport,
) -> Result<(), StoreError> {
    let file = dir.join(jsonl::FILE_NAME);
    if !file.exists() {
        return Ok(());
    }
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let done: Option<String> = tx
        .query_row(
            "SELECT value FROM meta WHERE name = ?1",
            [META_JSONL_IMPORTED],
            |r| r.get(0),
        )
        .optional()?;
    if done.is_some() {
        return Ok(());
    }
    let bytes = fs::read(&file).map_err(io_err("cannot read", &file))?;
    let (records, warnings) = jsonl::parse(&bytes);
    report.warnings.extend(warnings);
    for r in &records {
        let LegacyRecord {
            key,
            body,
            content_type,
            submission,
            received_at,
            reference,
        } = r;
        let changed = insert_row(
            &tx,
            &NewRow {
                key,
                body_sha256: None,
                body,
                content_type,
                submission,
                received_at,
                reference,
            },
        )?;
        report.imported += changed;
    }
    tx.execute(
        "INSERT INTO meta (name, value) VALUES (?1, ?2)",
        params![
            META_JSONL_IMPORTED,
            format!(
                "{} at {}",
                records.len(),
                crate::intake::clock::now_rfc3339()
            )
        ],
    )?;
    tx.commit()?;
    // It holds health data too.
    make_private(&file, 0o600)?;
    Ok(())
}

/// Creates `dir` (and missing parents) with mode `0700`, flushing the new entry to disk.
fn create_private_dir(dir: &Path) -> Result<(), StoreError> {
    if dir.is_dir() {
        return Ok(());
    }
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder
        .create(dir)
        .map_err(io_err("cannot create the directory", dir))?;
    let parent = match dir.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    sync_dir(parent)
}

/// Creates the empty database file with mode `0600` if it does not exist, before SQLite opens it
/// (SQLite would create it with the process's umask).
fn create_private_file(dir: &Path, path: &Path) -> Result<(), StoreError> {
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    match options.open(path) {
        Ok(file) => {
            file.sync_all().map_err(io_err("cannot flush", path))?;
            sync_dir(dir)
        }
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Ok(()),
        Err(e) => Err(io_err("cannot create", path)(e)),
    }
}

/// Sets `path`'s mode to `mode` if it exists and allows more.
fn make_private(path: &Path, mode: u32) -> Result<(), StoreError> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let Ok(meta) = fs::metadata(path) else {
            return Ok(());
        };
        if meta.permissions().mode() & 0o777 & !mode != 0 {
            fs::set_permissions(path, fs::Permissions::from_mode(mode))
                .map_err(io_err("cannot restrict the mode of", path))?;
        }
    }
    #[cfg(not(unix))]
    let _ = (path, mode);
    Ok(())
}

/// The directory's mode if group or others have any access to it.
fn loose_mode(dir: &Path) -> Option<u32> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = fs::metadata(dir).ok()?.permissions().mode() & 0o777;
        (mode & 0o077 != 0).then_some(mode)
    }
    #[cfg(not(unix))]
    {
        let _ = dir;
        None
    }
}

/// Flushes a directory's entries to disk (where the platform has such a thing).
fn sync_dir(dir: &Path) -> Result<(), StoreError> {
    #[cfg(unix)]
    File::open(dir)
        .and_then(|d| d.sync_all())
        .map_err(io_err("cannot flush the directory", dir))?;
    #[cfg(not(unix))]
    let _ = dir;
    Ok(())
}
