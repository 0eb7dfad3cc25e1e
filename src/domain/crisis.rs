//! Where to get help now: the crisis lines and the sentences that point to them. Every place that
//! shows crisis help (the help section, the urgent-help page, the risk alert on a question, the
//! panic fallback) renders these, so they cannot drift apart. `src/embed/wellbeing.js` cannot
//! import them; `tests/domain/crisis.rs` checks that its copy says the same.
//!
//! The wording follows the NHS: NHS 111 option 2 is the urgent mental health line, and anyone who
//! has physically harmed themselves, or whose life is at risk, should call 999 or go to A&E
//! (reference §2.5). Samaritans: 116 123, free, any time.

/// A telephone line, as shown and as dialled.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Line {
    /// The link text, e.g. "NHS 111".
    pub label: &'static str,
    /// The digits for a `tel:` link, e.g. "111".
    pub digits: &'static str,
}

impl Line {
    /// The `tel:` address that dials this line.
    pub fn href(&self) -> String {
        format!("tel:{}", self.digits)
    }
}

pub const EMERGENCY: Line = Line {
    label: "999",
    digits: "999",
};

pub const NHS_111: Line = Line {
    label: "NHS 111",
    digits: "111",
};

pub const SAMARITANS: Line = Line {
    label: "116 123",
    digits: "116123",
};

/// Childline, for children and young people under 19 (reference §2.5); shown to people younger
/// than the service's minimum age, not in [`SENTENCES`].
pub const CHILDLINE: Line = Line {
    label: "0800 1111",
    digits: "08001111",
};

/// Every line the sentences name.
pub const LINES: [Line; 3] = [EMERGENCY, NHS_111, SAMARITANS];

/// A piece of a sentence: words, or a line to call (shown as a link that dials).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    Text(&'static str),
    Call(Line),
}

/// The heading above crisis help.
pub const HEADING: &str = "If you need help now";

/// The sentences of crisis help, in the order shown.
pub const SENTENCES: [&[Part]; 3] = [
    &[
        Part::Text(
            "If you or someone else has physically harmed themselves, or if a life is at risk, call ",
        ),
        Part::Call(EMERGENCY),
        Part::Text(" or go to A&E."),
    ],
    &[
        Part::Text("For urgent mental health help, call "),
        Part::Call(NHS_111),
        Part::Text(" and choose option 2. It is open day and night."),
    ],
    &[
        Part::Text("To talk to someone any time, call Samaritans free on "),
        Part::Call(SAMARITANS),
        Part::Text("."),
    ],
];

/// A sentence as plain text (the lines by their labels).
pub fn plain(sentence: &[Part]) -> String {
    sentence
        .iter()
        .map(|p| match p {
            Part::Text(t) => *t,
            Part::Call(line) => line.label,
        })
        .collect()
}

/// A sentence as HTML, each line a `tel:` link with the widget's link class. The text is
/// escaped, so it is safe to set as inner HTML.
pub fn html(sentence: &[Part]) -> String {
    sentence
        .iter()
        .map(|p| match p {
            Part::Text(t) => escape(t),
            Part::Call(line) => format!(
                r#"<a class="wb-link" href="{}">{}</a>"#,
                line.href(),
                escape(line.label)
            ),
        })
        .collect()
}

/// Crisis help as an HTML list (`<ul>` of every sentence).
pub fn html_list() -> String {
    let items: String = SENTENCES
        .iter()
        .map(|s| format!("<li>{}</li>", html(s)))
        .collect();
    format!(r#"<ul class="wb-list">{items}</ul>"#)
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}
