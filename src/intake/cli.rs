//! Command-line arguments of the `intake` binary.

use std::fmt;
use std::net::SocketAddr;
use std::path::PathBuf;

pub use crate::intake::export::Format;

/// The usage text printed by `--help` and after an argument error.
pub const USAGE: &str = "\
Usage: intake [--addr HOST:PORT] [--data-dir DIR] [--allow-origin ORIGIN]... [--fhir-base URL]
       intake export [--data-dir DIR] [--format jsonl|csv]

Local intake receiver for the wellbeing widget.

Options:
  --addr HOST:PORT       address to listen on (default 127.0.0.1:8081; port 0 picks a free port)
  --data-dir DIR         where the database intake.sqlite3 is kept (default ./intake-data;
                         created, mode 0700, if missing)
  --allow-origin ORIGIN  a browser origin allowed to submit, e.g. http://127.0.0.1:8080;
                         repeat for several (default http://127.0.0.1:8080 and http://localhost:8080)
  --fhir-base URL        canonical base of the Questionnaires that FHIR Bundles (Content-Type
                         application/fhir+json) must answer (default the widget's data-fhir-base default)
  -h, --help             show this text

On start the first line on stdout is `intake listening on http://HOST:PORT`. SIGTERM or Ctrl-C
stops it after the requests in flight are answered.

`intake export` writes every stored submission to stdout, oldest first: JSON Lines (one object
per submission: idempotency_key, reference, received_at, content_type, body_sha256, body,
submission) or CSV with the same columns. It is safe to run while the receiver runs.";

/// Default listening address.
pub const DEFAULT_ADDR: &str = "127.0.0.1:8081";
/// Default data directory.
pub const DEFAULT_DATA_DIR: &str = "./intake-data";
/// Origins allowed when no `--allow-origin` is given (where `trunk serve` runs the demo page).
pub const DEFAULT_ORIGINS: [&str; 2] = ["http://127.0.0.1:8080", "http://localhost:8080"];

/// Settings of one receiver.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Config {
    /// Where to listen.
    pub addr: SocketAddr,
    /// Directory holding the database.
    pub data_dir: PathBuf,
    /// Browser origins allowed to submit (exact `scheme://host[:port]` strings).
    pub allowed_origins: Vec<String>,
    /// The canonical base of the Questionnaires FHIR submissions refer to.
    pub fhir_base: String,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            addr: DEFAULT_ADDR.parse().expect("the default address is valid"),
            data_dir: PathBuf::from(DEFAULT_DATA_DIR),
            allowed_origins: DEFAULT_ORIGINS.iter().map(|o| o.to_string()).collect(),
            fhir_base: crate::domain::fhir::DEFAULT_BASE.to_owned(),
        }
    }
}

/// What the command line asks for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Command {
    /// Run the receiver.
    Run(Config),
    /// Write the stored submissions to stdout.
    Export(Export),
    /// Print [`USAGE`] and stop.
    Help,
}

/// What `intake export` is asked for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Export {
    pub data_dir: PathBuf,
    pub format: Format,
}

/// Why the command line was refused. Shown with [`USAGE`]; the binary exits with status 2.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UsageError(pub String);

impl fmt::Display for UsageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for UsageError {}

/// Parses the arguments after the program name. Accepts `--flag value` and `--flag=value`;
/// for `--addr` and `--data-dir` the last one given wins, `--allow-origin` accumulates (and the
/// first one replaces the defaults).
pub fn parse_args<I, S>(args: I) -> Result<Command, UsageError>
where
    I: IntoIterator<Item = S>,
    S: Into<String>,
{
    let mut args = args.into_iter().map(Into::into).peekable();
    if args.peek().is_some_and(|a| a == "export") {
        args.next();
        return parse_export(args);
    }
    let mut config = Config::default();
    let mut origins: Vec<String> = Vec::new();
    while let Some(arg) = args.next() {
        let (flag, inline) = split_flag(&arg);
        let mut value = |name: &str| value_of(name, inline.clone(), &mut args);
        match flag.as_str() {
            "-h" | "--help" => return Ok(Command::Help),
            "--addr" => {
                let v = value("--addr")?;
                config.addr = v.parse().map_err(|_| {
                    UsageError(format!(
                        "--addr {v:?} is not an IP address and port such as 127.0.0.1:8081"
                    ))
                })?;
            }
            "--data-dir" => config.data_dir = data_dir(value("--data-dir")?)?,
            "--allow-origin" => {
                let v = value("--allow-origin")?;
                origins.push(check_origin(&v)?);
            }
            "--fhir-base" => {
                let v = value("--fhir-base")?;
                if !v.starts_with("https://") && !v.starts_with("http://") {
                    return Err(UsageError(format!(
                        "--fhir-base {v:?} must be an http(s) address such as https://fhir.example.org/wellbeing"
                    )));
                }
                config.fhir_base = v.trim_end_matches('/').to_owned();
            }
            other => return Err(UsageError(format!("unknown argument {other:?}"))),
        }
    }
    if !origins.is_empty() {
        config.allowed_origins = origins;
    }
    Ok(Command::Run(config))
}

/// The arguments of `intake export`.
fn parse_export(mut args: impl Iterator<Item = String>) -> Result<Command, UsageError> {
    let mut export = Export {
        data_dir: PathBuf::from(DEFAULT_DATA_DIR),
        format: Format::Jsonl,
    };
    while let Some(arg) = args.next() {
        let (flag, inline) = split_flag(&arg);
        let mut value = |name: &str| value_of(name, inline.clone(), &mut args);
        match flag.as_str() {
            "-h" | "--help" => return Ok(Command::Help),
            "--data-dir" => export.data_dir = data_dir(value("--data-dir")?)?,
            "--format" => {
                export.format = match value("--format")?.as_str() {
                    "jsonl" => Format::Jsonl,
                    "csv" => Format::Csv,
                    other => {
                        return Err(UsageError(format!(
                            "--format {other:?} must be jsonl or csv"
                        )));
                    }
                };
            }
            other => return Err(UsageError(format!("unknown export argument {other:?}"))),
        }
    }
    Ok(Command::Export(export))
}

/// `--flag=value` as the flag and its value; anything else as itself, its value (if it takes
/// one) to come from the next argument.
fn split_flag(arg: &str) -> (String, Option<String>) {
    match arg.split_once('=') {
        Some((f, v)) if f.starts_with("--") => (f.to_owned(), Some(v.to_owned())),
        _ => (arg.to_owned(), None),
    }
}

/// The value of flag `name`: given inline, else the next argument.
fn value_of(
    name: &str,
    inline: Option<String>,
    args: &mut impl Iterator<Item = String>,
) -> Result<String, UsageError> {
    inline
        .or_else(|| args.next())
        .ok_or_else(|| UsageError(format!("{name} needs a value")))
}

/// `--data-dir`: any path but an empty one.
fn data_dir(v: String) -> Result<PathBuf, UsageError> {
    if v.is_empty() {
        return Err(UsageError("--data-dir must not be empty".into()));
    }
    Ok(PathBuf::from(v))
}

/// Checks that `s` is a serialised origin as browsers send it: `http(s)://host[:port]`, with no
/// path, no trailing slash and no wildcard.
fn check_origin(s: &str) -> Result<String, UsageError> {
    let bad = || {
        UsageError(format!(
            "--allow-origin {s:?} must be an origin such as http://127.0.0.1:8080 \
             (scheme, host and optional port; no path, no trailing slash, no wildcard)"
        ))
    };
    let rest = s
        .strip_prefix("http://")
        .or_else(|| s.strip_prefix("https://"))
        .ok_or_else(bad)?;
    let ok_char = |c: char| c.is_ascii_alphanumeric() || "-.:[]".contains(c);
    if rest.is_empty() || !rest.chars().all(ok_char) {
        return Err(bad());
    }
    Ok(s.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(args: &[&str]) -> Config {
        match parse_args(args.iter().copied()) {
            Ok(Command::Run(c)) => c,
            other => panic!("expected Run, got {other:?}"),
        }
    }

    #[test]
    fn defaults() {
        let c = run(&[]);
        assert_eq!(c.addr.to_string(), "127.0.0.1:8081");
        assert_eq!(c.data_dir, PathBuf::from("./intake-data"));
        assert_eq!(
            c.allowed_origins,
            ["http://127.0.0.1:8080", "http://localhost:8080"]
        );
    }

    #[test]
    fn flags_with_space_or_equals_and_repeatable_origins() {
        let c = run(&[
            "--addr=127.0.0.1:0",
            "--data-dir",
            "/tmp/x",
            "--allow-origin",
            "https://example.org",
            "--allow-origin=http://[::1]:3000",
        ]);
        assert_eq!(c.addr.port(), 0);
        assert_eq!(c.data_dir, PathBuf::from("/tmp/x"));
        assert_eq!(
            c.allowed_origins,
            ["https://example.org", "http://[::1]:3000"]
        );
    }

    #[test]
    fn export_arguments() {
        assert_eq!(
            parse_args(["export", "--data-dir", "/tmp/d", "--format=csv"]),
            Ok(Command::Export(Export {
                data_dir: PathBuf::from("/tmp/d"),
                format: Format::Csv
            }))
        );
        assert_eq!(
            parse_args(["export"]),
            Ok(Command::Export(Export {
                data_dir: PathBuf::from(DEFAULT_DATA_DIR),
                format: Format::Jsonl
            }))
        );
    }

    #[test]
    fn help_and_errors() {
        assert_eq!(parse_args(["--help"]), Ok(Command::Help));
        assert_eq!(parse_args(["-h"]), Ok(Command::Help));
        for bad in [
            &["--addr"][..],
            &["--addr", "localhost"],
            &["--port", "1"],
            &["--allow-origin", "http://x.org/"],
            &["--allow-origin", "*"],
            &["--allow-origin", "ftp://x.org"],
            &["--data-dir="],
            &["export", "--format", "xml"],
            &["export", "--addr", "127.0.0.1:0"],
        ] {
            assert!(parse_args(bad.iter().copied()).is_err(), "{bad:?}");
        }
    }
}
