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
        "{property} gives a contrast of only {ratio:.2}:1 with white, below WCAG AA (4.5:1), so text on it would be hard to read; the default is used"
    )]
    LowContrast { property: &'static str, ratio: f64 },
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
    let ratio = contrast(colour, WHITE);
    if ratio < AA {
        return Err(ThemeError::LowContrast { property, ratio });
    }
    Ok(colour)
}
