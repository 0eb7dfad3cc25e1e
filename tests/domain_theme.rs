//! Theme colours: parsing and the WCAG contrast rule.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use wellbeing_widget::domain::theme::*;

#[test]
fn colours_parse_in_the_usual_css_forms() {
    assert_eq!(Rgb::parse("#005eb8"), Some(Rgb(0, 94, 184)));
    assert_eq!(Rgb::parse(" #005EB8 "), Some(Rgb(0, 94, 184)));
    assert_eq!(Rgb::parse("#fff"), Some(WHITE));
    assert_eq!(Rgb::parse("rgb(0, 94, 184)"), Some(Rgb(0, 94, 184)));
    assert_eq!(Rgb::parse("rgb(0 94 184)"), Some(Rgb(0, 94, 184)));
    for bad in [
        "",
        "blue",
        "#12345",
        "#ggg",
        "rgb(0,0)",
        "rgb(256,0,0)",
        "hsl(0,0%,0%)",
    ] {
        assert_eq!(Rgb::parse(bad), None, "{bad}");
    }
}

#[test]
fn contrast_matches_the_wcag_reference_values() {
    // Black on white is 21:1; a colour with itself is 1:1; #767676 is the classic 4.54:1 grey.
    assert!((contrast(Rgb(0, 0, 0), WHITE) - 21.0).abs() < 1e-9);
    assert!((contrast(WHITE, WHITE) - 1.0).abs() < 1e-9);
    assert!((contrast(Rgb(0x76, 0x76, 0x76), WHITE) - 4.54).abs() < 0.01);
    // NHS blue #005eb8 on white: 6.38:1.
    assert!((contrast(Rgb(0, 0x5e, 0xb8), WHITE) - 6.38).abs() < 0.01);
}

#[test]
fn a_brand_colour_below_aa_is_refused_with_its_ratio() {
    assert_eq!(
        check_on_white("--wellbeing-brand", "#005eb8"),
        Ok(Rgb(0, 94, 184))
    );
    assert!(check_on_white("--wellbeing-brand", "#767676").is_ok());
    match check_on_white("--wellbeing-brand", "#777777") {
        Err(ThemeError::LowContrast { ratio, .. }) => assert!(ratio < 4.5 && ratio > 4.4),
        other => panic!("{other:?}"),
    }
    let msg = check_on_white("--wellbeing-brand", "#ffeb3b")
        .unwrap_err()
        .to_string();
    assert!(
        msg.contains("--wellbeing-brand") && msg.contains("4.5:1"),
        "{msg}"
    );
    assert!(matches!(
        check_on_white("--wellbeing-brand", "teal"),
        Err(ThemeError::Unreadable { .. })
    ));
}

proptest! {
    #[test]
    fn contrast_is_symmetric_and_between_1_and_21(a in any::<(u8, u8, u8)>(), b in any::<(u8, u8, u8)>()) {
        let (a, b) = (Rgb(a.0, a.1, a.2), Rgb(b.0, b.1, b.2));
        let c = contrast(a, b);
        prop_assert!((c - contrast(b, a)).abs() < 1e-12);
        prop_assert!((1.0..=21.0 + 1e-9).contains(&c));
        prop_assert_eq!(Rgb::parse(&a.to_hex()), Some(a));
    }
}
