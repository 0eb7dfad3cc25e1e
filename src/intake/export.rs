//! `intake export`: what is stored, written to stdout as JSONL or CSV (for a spreadsheet or
//! another system), read through a read-only connection while a receiver may be writing.

use crate::intake::store::{BUSY_TIMEOUT, COLUMNS, DB_FILE, Row, row_of};
use rusqlite::{Connection, OpenFlags};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// The formats of [`export`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// One JSON object per line and per submission.
    Jsonl,
    /// RFC 4180 CSV with a header row.
    Csv,
}

/// Why [`export`] failed.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("no {DB_FILE} in {} (start the receiver once with this --data-dir to create it)", .0.display())]
    NoStore(PathBuf),
    #[error("cannot read {}: {source}", path.display())]
    Read {
        path: PathBuf,
        source: rusqlite::Error,
    },
    #[error("cannot write the export: {0}")]
    Write(#[from] io::Error),
}

/// One exported submission (JSONL).
#[derive(serde::Serialize)]
struct ExportRecord<'a> {
    idempotency_key: &'a str,
    reference: &'a str,
    received_at: &'a str,
    content_type: &'a str,
    body_sha256: Option<&'a str>,
    body: &'a serde_json::value::RawValue,
    submission: &'a serde_json::value::RawValue,
}

/// Writes every stored submission to `out`, oldest first, and returns how many. Reads through a
/// read-only connection in one transaction: a consistent snapshot, safe while a receiver writes.
///
/// In JSONL, `body` and `submission` are JSON values (the body as received, with insignificant
/// whitespace removed so each record stays on one line); in CSV they are JSON text.
pub fn export(dir: &Path, format: Format, out: &mut dyn Write) -> Result<u64, ExportError> {
    let path = dir.join(DB_FILE);
    if !path.is_file() {
        return Err(ExportError::NoStore(dir.to_owned()));
    }
    let read = |source| ExportError::Read {
        path: path.clone(),
        source,
    };
    let mut conn =
        Connection::open_with_flags(&path, OpenFlags::SQLITE_OPEN_READ_ONLY).map_err(read)?;
    conn.busy_timeout(BUSY_TIMEOUT).map_err(read)?;
    let tx = conn.transaction().map_err(read)?;
    let mut stmt = tx
        .prepare(&format!("SELECT {COLUMNS} FROM submissions ORDER BY rowid"))
        .map_err(read)?;
    let mut rows = stmt.query([]).map_err(read)?;
    if format == Format::Csv {
        out.write_all(COLUMNS.replace(", ", ",").as_bytes())?;
        out.write_all(b"\r\n")?;
    }
    let mut n = 0;
    while let Some(r) = rows.next().map_err(read)? {
        let row = row_of(r).map_err(read)?;
        match format {
            Format::Jsonl => write_jsonl(out, &row)?,
            Format::Csv => write_csv(out, &row)?,
        }
        n += 1;
    }
    out.flush()?;
    Ok(n)
}

fn write_jsonl(out: &mut dyn Write, row: &Row) -> io::Result<()> {
    let body = compact_json(&row.body);
    let submission = compact_json(&row.submission);
    let raw = |s: String| serde_json::value::RawValue::from_string(s).map_err(io::Error::other);
    let (body, submission) = (raw(body)?, raw(submission)?);
    let record = ExportRecord {
        idempotency_key: &row.idempotency_key,
        reference: &row.reference,
        received_at: &row.received_at,
        content_type: &row.content_type,
        body_sha256: row.body_sha256.as_deref(),
        body: &body,
        submission: &submission,
    };
    serde_json::to_writer(&mut *out, &record)?;
    out.write_all(b"\n")
}

fn write_csv(out: &mut dyn Write, row: &Row) -> io::Result<()> {
    let fields = [
        row.idempotency_key.as_str(),
        row.body_sha256.as_deref().unwrap_or(""),
        row.body.as_str(),
        row.content_type.as_str(),
        row.submission.as_str(),
        row.received_at.as_str(),
        row.reference.as_str(),
    ];
    for (i, f) in fields.iter().enumerate() {
        if i > 0 {
            out.write_all(b",")?;
        }
        out.write_all(csv_field(f).as_bytes())?;
    }
    out.write_all(b"\r\n")
}

/// A CSV field: quoted (with inner quotes doubled) when it holds a comma, a quote or a line break.
pub fn csv_field(s: &str) -> std::borrow::Cow<'_, str> {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\"")).into()
    } else {
        s.into()
    }
}

/// Removes the whitespace between the tokens of valid JSON text, keeping everything else (key
/// order, number spelling, escapes) as it was.
pub fn compact_json(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let (mut in_string, mut escaped) = (false, false);
    for c in text.chars() {
        if in_string {
            out.push(c);
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
        } else if c == '"' {
            in_string = true;
            out.push(c);
        } else if !matches!(c, ' ' | '\t' | '\n' | '\r') {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compacts_json_outside_strings_only() {
        let text = "{ \"a\" : [1, 2.50],\n \"b\\\" c\": \"x y\\\\\", \"d\": \"\\u00e9 \" }";
        assert_eq!(
            compact_json(text),
            "{\"a\":[1,2.50],\"b\\\" c\":\"x y\\\\\",\"d\":\"\\u00e9 \"}"
        );
        let v: serde_json::Value = serde_json::from_str(&compact_json(text)).unwrap();
        assert_eq!(v, serde_json::from_str::<serde_json::Value>(text).unwrap());
    }

    #[test]
    fn csv_fields_are_quoted_when_needed() {
        assert_eq!(csv_field("abc"), "abc");
        assert_eq!(
            csv_field("{\"a\":1,\"b\":2}"),
            "\"{\"\"a\"\":1,\"\"b\"\":2}\""
        );
        assert_eq!(csv_field("x\ny"), "\"x\ny\"");
    }
}
