//! The stored-bytes tables shared by `domain_stored_bytes.rs` and `follow_up_stored_bytes.rs`:
//! each pins what the widget wrote and read before, as (input, result) rows.

/// Prints the table in Rust, to paste when the stored form changes on purpose.
pub fn print(name: &str, rows: &[(String, String)]) {
    println!("const {name}: &[(&str, &str)] = &[");
    // Raw strings where that is readable; escaped where the text has control characters.
    let lit = |s: &str| {
        let plain = s
            .chars()
            .all(|c| !c.is_control() && !matches!(c, '\u{2028}' | '\u{2029}'));
        if plain && !s.contains("\"##") {
            format!("r##\"{s}\"##")
        } else {
            format!("{s:?}")
        }
    };
    for (a, b) in rows {
        println!("    ({}, {}),", lit(a), lit(b));
    }
    println!("];");
}

/// Compares the (input, result) rows with the table `expected`; `PRINT_STORED=1` prints the
/// rows as a table to paste.
pub fn check(name: &str, expected: &[(&str, &str)], actual: Vec<(String, String)>) {
    if std::env::var_os("PRINT_STORED").is_some() {
        print(name, &actual);
    }
    assert_eq!(expected.len(), actual.len(), "{name}: number of cases");
    for ((ea, eb), (a, b)) in expected.iter().zip(&actual) {
        assert_eq!(*ea, a, "{name}");
        assert_eq!(*eb, b, "{name}: {a}");
    }
}
