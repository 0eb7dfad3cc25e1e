//! Theming: a practice may set its brand colour; the widget keeps text contrast at WCAG AA
//! (4.5:1) whatever is chosen, by refusing a colour that would fall short.

use thiserror::Error;

/// An sRGB colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

/// WCAG AA for normal text.
pub const AA: f64 = 4.5;

pub const WHITE: Rgb = Rgb(255, 255, 255);

/// Why a theme colour was refused. Shown to the integrator.
#[derive(Clone, Debug, PartialEq, Error)]
pub enum ThemeError {
    #[error(
        "{property} is not a colour this widget can check (use #rrggbb, #rgb or rgb(r, g, b)); the default is used"
    )]
    Unreadable { property: &'static str },
    #[error(
        "{property} gives a contrast of only {ratio:.2}:1 with {against}, below WCAG AA (4.5:1), so text would be hard to read; the default is used"
    )]
    LowContrast {
        property: &'static str,
        ratio: f64,
        against: &'static str,
    },
}

impl Rgb {
    /// Parses `#rgb`, `#rrggbb` or `rgb(r, g, b)` / `rgb(r g b)` (what getComputedStyle gives
    /// back for a custom property is the text as written, trimmed).
    pub fn parse(s: &str) -> Option<Rgb> {
        let s = s.trim().to_ascii_lowercase();
        if let Some(hex) = s.strip_prefix('#') {
            let digits: Vec<u8> = hex
                .chars()
                .map(|c| c.to_digit(16).map(|d| d as u8))
                .collect::<Option<_>>()?;
            return match digits.as_slice() {
                [r, g, b] => Some(Rgb(r * 17, g * 17, b * 17)),
                [r1, r2, g1, g2, b1, b2] => Some(Rgb(r1 * 16 + r2, g1 * 16 + g2, b1 * 16 + b2)),
                _ => None,
            };
        }
        let inner = s.strip_prefix("rgb(")?.strip_suffix(')')?;
        let parts: Vec<u8> = inner
            .split([',', ' '])
            .filter(|p| !p.is_empty())
            .map(|p| p.parse::<u8>().ok())
            .collect::<Option<_>>()?;
        match parts.as_slice() {
            [r, g, b] => Some(Rgb(*r, *g, *b)),
            _ => None,
        }
    }

    /// WCAG 2 relative luminance.
    pub fn luminance(self) -> f64 {
        let channel = |c: u8| {
            let c = f64::from(c) / 255.0;
            if c <= 0.04045 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * channel(self.0) + 0.7152 * channel(self.1) + 0.0722 * channel(self.2)
    }

    /// As CSS `#rrggbb`.
    pub fn to_hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }
}

/// The WCAG 2 contrast ratio of two colours (1 to 21).
pub fn contrast(a: Rgb, b: Rgb) -> f64 {
    let (la, lb) = (a.luminance(), b.luminance());
    let (hi, lo) = if la > lb { (la, lb) } else { (lb, la) };
    (hi + 0.05) / (lo + 0.05)
}

/// Checks a colour used with white: as text on the white page (links) and as the background of
/// white text (buttons). Both need 4.5:1, which is the same test.
pub fn check_on_white(property: &'static str, value: &str) -> Result<Rgb, ThemeError> {
    let colour = Rgb::parse(value).ok_or(ThemeError::Unreadable { property })?;
    check_against(property, colour, WHITE, "white")
}

fn check_against(
    property: &'static str,
    colour: Rgb,
    background: Rgb,
    against: &'static str,
) -> Result<Rgb, ThemeError> {
    let ratio = contrast(colour, background);
    if ratio < AA {
        return Err(ThemeError::LowContrast {
            property,
            ratio,
            against,
        });
    }
    Ok(colour)
}

/// The theme's colour properties as set on the host (`None` or blank when not set).
#[derive(Clone, Debug, Default)]
pub struct ThemeInput<'a> {
    pub brand: Option<&'a str>,
    pub button: Option<&'a str>,
    pub text: Option<&'a str>,
    pub secondary_text: Option<&'a str>,
    pub background: Option<&'a str>,
}

/// The widget's own colours, used where a property is not set or is refused.
pub const DEFAULT_TEXT: Rgb = Rgb(0x21, 0x2b, 0x32);
pub const DEFAULT_SECONDARY_TEXT: Rgb = Rgb(0x4c, 0x62, 0x72);
pub const DEFAULT_BRAND: Rgb = Rgb(0x00, 0x5e, 0xb8);

/// Checks a whole theme so every text stays at WCAG AA: text, secondary text and links (brand)
/// against the background, and white button text against the button colour. Returns the
/// properties refused (each then falls back to the widget's default) with the reasons.
/// A background that the default text colours cannot be read on is refused first, and the other
/// colours are then checked against white.
pub fn check_theme(input: &ThemeInput<'_>) -> Vec<(&'static str, ThemeError)> {
    fn set(v: Option<&str>) -> Option<&str> {
        v.map(str::trim).filter(|v| !v.is_empty())
    }
    let mut refused = Vec::new();
    let mut background = WHITE;
    let mut against = "white";
    if let Some(value) = set(input.background) {
        let property = "--wellbeing-background";
        match Rgb::parse(value) {
            None => refused.push((property, ThemeError::Unreadable { property })),
            Some(bg) => {
                // Every text colour left at its default must still be readable on it.
                let defaults = [
                    (input.text, DEFAULT_TEXT),
                    (input.secondary_text, DEFAULT_SECONDARY_TEXT),
                    (input.brand, DEFAULT_BRAND),
                ];
                let worst = defaults
                    .iter()
                    .filter(|(v, _)| set(*v).is_none())
                    .map(|(_, d)| contrast(*d, bg))
                    .fold(f64::INFINITY, f64::min);
                if worst < AA {
                    refused.push((
                        property,
                        ThemeError::LowContrast {
                            property,
                            ratio: worst,
                            against: "the default text colours",
                        },
                    ));
                } else {
                    background = bg;
                    against = "--wellbeing-background";
                }
            }
        }
    }
    for (property, value) in [
        ("--wellbeing-text", input.text),
        ("--wellbeing-secondary-text", input.secondary_text),
        ("--wellbeing-brand", input.brand),
    ] {
        let Some(value) = set(value) else { continue };
        let result = Rgb::parse(value)
            .ok_or(ThemeError::Unreadable { property })
            .and_then(|c| check_against(property, c, background, against));
        if let Err(e) = result {
            refused.push((property, e));
        }
    }
    if let Some(Err(e)) = set(input.button).map(|v| check_on_white("--wellbeing-button", v)) {
        refused.push(("--wellbeing-button", e));
    }
    refused
}
