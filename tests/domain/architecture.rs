//! The domain stays pure: no UI framework, browser, server or database crate anywhere under
//! src/domain.

use std::fs;
use std::path::Path;

const FORBIDDEN: &[&str] = &[
    "leptos",
    "web_sys",
    "gloo",
    "wasm_bindgen",
    "js_sys",
    "axum",
    "tokio",
    "hyper",
    "tower",
    "tower_http",
    "rusqlite",
];

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in fs::read_dir(dir).expect("src/domain exists") {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Whether a line of code (comments aside) names a forbidden crate.
fn imports_forbidden(line: &str) -> bool {
    let code = line.split("//").next().unwrap_or("");
    FORBIDDEN.iter().any(|krate| {
        code.contains(&format!("{krate}::"))
            || code
                .split_whitespace()
                .any(|w| w.trim_end_matches(';') == *krate)
    })
}

#[test]
fn domain_imports_no_browser_or_ui_crate() {
    let mut files = Vec::new();
    rust_files(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src/domain"),
        &mut files,
    );
    assert!(
        files.len() >= 5,
        "expected the domain modules, found {files:?}"
    );
    let mut offences = Vec::new();
    for file in &files {
        let text = fs::read_to_string(file).unwrap();
        for (n, line) in text.lines().enumerate() {
            if imports_forbidden(line) {
                offences.push(format!("{}:{}: {}", file.display(), n + 1, line.trim()));
            }
        }
    }
    assert!(
        offences.is_empty(),
        "src/domain must stay pure:\n{}",
        offences.join("\n")
    );
}

#[test]
fn the_purity_check_catches_imports_and_ignores_comments() {
    // Guard against a check that cannot fail: the same matcher the scan uses.
    for line in [
        "use leptos::prelude::*;",
        "    let w = web_sys::window();",
        "extern crate wasm_bindgen;",
        "use gloo::storage;",
    ] {
        assert!(imports_forbidden(line), "{line}");
    }
    for line in [
        "use serde::Deserialize; // unlike leptos::prelude",
        "/// No leptos, web-sys or gloo here.",
        "let leptosish = 1;",
    ] {
        assert!(!imports_forbidden(line), "{line}");
    }
}
