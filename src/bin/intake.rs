//! `intake`: the local intake receiver for the wellbeing widget. See `wellbeing_widget::intake`.
//!
//! ```text
//! intake --addr 127.0.0.1:8081 --data-dir ./intake-data --allow-origin http://127.0.0.1:8080
//! ```
//!
//! Exit status: 2 for a bad command line, 1 if the store cannot be opened or the address bound.
//! The first line on stdout is `intake listening on http://HOST:PORT`; everything else (load
//! warnings, one line per submission) goes to stderr.

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    use std::io::Write;
    use std::process::ExitCode;
    use wellbeing_widget::intake::{self, Command, cli::USAGE};

    let config = match intake::parse_args(std::env::args().skip(1)) {
        Ok(Command::Run(config)) => config,
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
    for warning in &receiver.load_report().warnings {
        eprintln!("intake: warning: {warning}");
    }
    eprintln!(
        "intake: {} stored submission(s) in {}; allowed origins: {}",
        receiver.stored(),
        config.data_dir.display(),
        config.allowed_origins.join(", ")
    );
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "intake listening on {}", receiver.url());
    let _ = out.flush();
    drop(out);
    receiver.run();
    ExitCode::SUCCESS
}

#[cfg(target_arch = "wasm32")]
fn main() {}
