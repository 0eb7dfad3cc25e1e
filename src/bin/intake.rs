//! `intake`: the local intake receiver for the wellbeing widget. See `wellbeing_widget::intake`.
//!
//! ```text
//! intake --addr 127.0.0.1:8081 --data-dir ./intake-data --allow-origin http://127.0.0.1:8080
//! intake export --data-dir ./intake-data --format jsonl > submissions.jsonl
//! ```
//!
//! Exit status: 2 for a bad command line, 1 if the store cannot be opened or the address bound
//! (or, for `export`, read or written). The first line on stdout is
//! `intake listening on http://HOST:PORT`; everything else (warnings, one line per submission
//! request) goes to stderr.

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    use std::io::Write;
    use std::process::ExitCode;
    use wellbeing_widget::intake::{self, Command, cli::USAGE};

    let config = match intake::parse_args(std::env::args().skip(1)) {
        Ok(Command::Run(config)) => config,
        Ok(Command::Export(export)) => {
            let mut out = std::io::BufWriter::new(std::io::stdout().lock());
            return match intake::export::export(&export.data_dir, export.format, &mut out) {
                Ok(_) => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("intake export: {e}");
                    ExitCode::from(1)
                }
            };
        }
        Ok(Command::Help) => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(e) => {
            eprintln!("intake: {e}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let receiver = match intake::start(&config) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("intake: {e}");
            return ExitCode::from(1);
        }
    };
    let report = receiver.open_report();
    for warning in &report.warnings {
        eprintln!("intake: warning: {warning}");
    }
    if report.imported > 0 {
        eprintln!(
            "intake: imported {} submission(s) from {} (left in place; it is not read again)",
            report.imported,
            intake::jsonl::FILE_NAME
        );
    }
    eprintln!(
        "intake: {} stored submission(s) in {}; allowed origins: {}",
        report.stored,
        config.data_dir.join(intake::store::DB_FILE).display(),
        config.allowed_origins.join(", ")
    );
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "intake listening on {}", receiver.url());
    let _ = out.flush();
    drop(out);
    match receiver.run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("intake: {e}");
            ExitCode::from(1)
        }
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {}
