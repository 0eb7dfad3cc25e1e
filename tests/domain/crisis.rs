//! Crisis help has one source (`domain::crisis`): its wording follows the NHS, no other Rust file
//! writes crisis numbers of its own, and `wellbeing.js`'s fallback says the same words.

use std::fs;
use std::path::{Path, PathBuf};
use wellbeing_widget::domain::crisis::{
    EMERGENCY, HEADING, LINES, NHS_111, Part, SAMARITANS, SENTENCES, html, html_list, plain,
};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn the_emergency_sentence_covers_self_harm_and_a_life_at_risk_not_only_danger() {
    let first = plain(SENTENCES[0]);
    assert_eq!(
        first,
        "If you or someone else has physically harmed themselves, or if a life is at risk, call 999 or go to A&E."
    );
    assert!(!first.contains("in danger now"), "{first}");
}

#[test]
fn every_line_is_named_with_the_number_that_dials_it() {
    assert_eq!(EMERGENCY.href(), "tel:999");
    assert_eq!(NHS_111.href(), "tel:111");
    assert_eq!(SAMARITANS.href(), "tel:116123");
    let all: Vec<String> = SENTENCES.iter().map(|s| plain(s)).collect();
    assert_eq!(
        all[1],
        "For urgent mental health help, call NHS 111 and choose option 2. It is open day and night."
    );
    assert_eq!(
        all[2],
        "To talk to someone any time, call Samaritans free on 116 123."
    );
    // Each line is a link in exactly one sentence.
    for line in LINES {
        let n = SENTENCES
            .iter()
            .flat_map(|s| s.iter())
            .filter(|p| **p == Part::Call(line))
            .count();
        assert_eq!(n, 1, "{line:?}");
    }
    assert_eq!(HEADING, "If you need help now");
}

#[test]
fn the_html_links_dial_and_escapes_the_text() {
    assert_eq!(
        html(SENTENCES[0]),
        "If you or someone else has physically harmed themselves, or if a life is at risk, call \
         <a class=\"wb-link\" href=\"tel:999\">999</a> or go to A&amp;E."
    );
    let list = html_list();
    assert!(list.starts_with("<ul class=\"wb-list\"><li>"), "{list}");
    assert_eq!(list.matches("<li>").count(), 3);
    for href in ["tel:999", "tel:111", "tel:116123"] {
        assert!(list.contains(&format!("href=\"{href}\"")), "{href}");
    }
}

fn files(dir: &Path, ext: &str, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files(&path, ext, out);
        } else if path.extension().is_some_and(|e| e == ext) {
            out.push(path);
        }
    }
}

#[test]
fn no_rust_file_writes_crisis_numbers_of_its_own() {
    let mut all = Vec::new();
    files(&root().join("src"), "rs", &mut all);
    let own = root().join("src/domain/crisis.rs");
    let mut offences = Vec::new();
    for file in all.iter().filter(|f| **f != own) {
        let text = fs::read_to_string(file).unwrap();
        for (n, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            if ["tel:", "116 123", "Samaritans", "option 2", "A&E"]
                .iter()
                .any(|s| code.contains(s))
            {
                offences.push(format!("{}:{}: {}", file.display(), n + 1, line.trim()));
            }
        }
    }
    assert!(
        offences.is_empty(),
        "crisis help must come from domain::crisis:\n{}",
        offences.join("\n")
    );
}

/// `wellbeing.js` split at its `CRISIS_HELP` list: the code before, the list's single-quoted
/// string literals, and the code after.
fn js_crisis_help(js: &str) -> (&str, Vec<String>, &str) {
    let start = js
        .find("const CRISIS_HELP = [")
        .expect("wellbeing.js defines CRISIS_HELP");
    let end = start + js[start..].find("];").expect("the list ends");
    let literals = js[start..end]
        .split('\'')
        .skip(1)
        .step_by(2)
        .map(str::to_owned)
        .collect();
    (&js[..start], literals, &js[end..])
}

#[test]
fn the_fallback_of_wellbeing_js_says_the_same_words_and_numbers() {
    let js = fs::read_to_string(root().join("src/embed/wellbeing.js")).unwrap();
    let (before, literals, after) = js_crisis_help(&js);
    let expected: Vec<String> = SENTENCES.iter().map(|s| plain(s)).collect();
    assert_eq!(literals, expected);
    // No other part of the file gives numbers of its own.
    for number in ["999", "111", "116 123", "Samaritans"] {
        assert!(
            !before.contains(number) && !after.contains(number),
            "wellbeing.js names {number} outside CRISIS_HELP"
        );
    }
}
