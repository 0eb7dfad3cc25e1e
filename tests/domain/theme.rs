//! Theme colours: parsing and the WCAG contrast rule.

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

#[test]
fn a_whole_theme_keeps_every_text_at_aa() {
    let refused = |input: ThemeInput| -> Vec<&'static str> {
        check_theme(&input).into_iter().map(|(p, _)| p).collect()
    };
    // Nothing set, or good colours: nothing refused.
    assert!(refused(ThemeInput::default()).is_empty());
    assert!(
        refused(ThemeInput {
            brand: Some("#6b2c91"),
            button: Some("#00703c"),
            text: Some("#000"),
            secondary_text: Some("#505a5f"),
            background: Some("#f3f2f1"),
        })
        .is_empty()
    );
    // Pale grey text on white, or a link colour that is fine on white but not on a dark page.
    assert_eq!(
        refused(ThemeInput {
            text: Some("#aaaaaa"),
            ..Default::default()
        }),
        ["--wellbeing-text"]
    );
    assert_eq!(
        refused(ThemeInput {
            secondary_text: Some("#999"),
            ..Default::default()
        }),
        ["--wellbeing-secondary-text"]
    );
    // A dark background the default text cannot be read on is refused (and white is used).
    assert_eq!(
        refused(ThemeInput {
            background: Some("#1d1d1b"),
            ..Default::default()
        }),
        ["--wellbeing-background"]
    );
    // With light text set as well, the dark background is fine; a dark brand on it is not.
    assert_eq!(
        refused(ThemeInput {
            background: Some("#1d1d1b"),
            text: Some("#ffffff"),
            secondary_text: Some("#dddddd"),
            brand: Some("#005eb8"),
            ..Default::default()
        }),
        ["--wellbeing-brand"]
    );
    // Unreadable values are refused with their own reason; a light button fails white text.
    let all = check_theme(&ThemeInput {
        background: Some("tartan"),
        button: Some("#ffeb3b"),
        ..Default::default()
    });
    assert!(matches!(
        all[0],
        ("--wellbeing-background", ThemeError::Unreadable { .. })
    ));
    assert!(matches!(
        all[1],
        ("--wellbeing-button", ThemeError::LowContrast { .. })
    ));
    assert!(all[1].1.to_string().contains("with white"));
}
