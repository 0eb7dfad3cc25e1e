//! The pages of the journey and how a person moves between them.

use crate::domain::json::Json;
use crate::domain::referral::ReferralPage;
use serde::{Deserialize, Serialize};

/// A page of the journey. Stored as `{"page": "question", "measure": 1, "index": 2}`,
/// `{"page": "referral", "part": "contact"}`, `{"page": "start"}`, … (through a flat struct rather
/// than serde's internally tagged enums, which cost the widget several kilobytes).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "StepRepr", into = "StepRepr")]
pub enum Step {
    Start,
    /// One page of the self-referral ("About you", "Contact", …).
    Referral {
        part: ReferralPage,
    },
    /// Younger than the service's minimum age: who to contact instead (from "About you").
    TooYoung,
    /// Question `index` (0-based) of measure `measure` (0-based, in the deployment's order).
    Question {
        measure: usize,
        index: usize,
    },
    /// Urgent help, shown straight after a question whose answer raised a risk flag.
    UrgentHelp {
        measure: usize,
        index: usize,
    },
    Check,
    Sent,
}

/// The stored form of a [`Step`].
#[derive(Clone, Copy, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct StepRepr {
    page: PageName,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    part: Option<ReferralPage>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    measure: Option<usize>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    index: Option<usize>,
}

#[derive(Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
enum PageName {
    Start,
    Referral,
    TooYoung,
    Question,
    UrgentHelp,
    Check,
    Sent,
}

impl From<Step> for StepRepr {
    fn from(step: Step) -> Self {
        let (page, part, at) = match step {
            Step::Start => (PageName::Start, None, None),
            Step::Referral { part } => (PageName::Referral, Some(part), None),
            Step::TooYoung => (PageName::TooYoung, None, None),
            Step::Question { measure, index } => (PageName::Question, None, Some((measure, index))),
            Step::UrgentHelp { measure, index } => {
                (PageName::UrgentHelp, None, Some((measure, index)))
            }
            Step::Check => (PageName::Check, None, None),
            Step::Sent => (PageName::Sent, None, None),
        };
        StepRepr {
            page,
            part,
            measure: at.map(|a| a.0),
            index: at.map(|a| a.1),
        }
    }
}

impl TryFrom<StepRepr> for Step {
    type Error = &'static str;

    fn try_from(r: StepRepr) -> Result<Self, Self::Error> {
        let at = r.measure.zip(r.index);
        let plain = r.part.is_none() && r.measure.is_none() && r.index.is_none();
        Ok(match (r.page, r.part, at) {
            (PageName::Referral, Some(part), None) if r.measure.is_none() => {
                Step::Referral { part }
            }
            (PageName::Question, None, Some((measure, index))) => Step::Question { measure, index },
            (PageName::UrgentHelp, None, Some((measure, index))) => {
                Step::UrgentHelp { measure, index }
            }
            (PageName::Start, ..) if plain => Step::Start,
            (PageName::TooYoung, ..) if plain => Step::TooYoung,
            (PageName::Check, ..) if plain => Step::Check,
            (PageName::Sent, ..) if plain => Step::Sent,
            _ => return Err("not a page of the journey"),
        })
    }
}

impl PageName {
    const ALL: [(PageName, &'static str); 7] = [
        (PageName::Start, "start"),
        (PageName::Referral, "referral"),
        (PageName::TooYoung, "too-young"),
        (PageName::Question, "question"),
        (PageName::UrgentHelp, "urgent-help"),
        (PageName::Check, "check"),
        (PageName::Sent, "sent"),
    ];
}

/// The stored form of a page, as the draft keeps it (the same text as the serde form above, which
/// the native tests use; the widget writes and reads through [`Json`], issue 6).
pub fn step_json(step: Step) -> Json {
    let StepRepr {
        page,
        part,
        measure,
        index,
    } = step.into();
    let name = PageName::ALL
        .iter()
        .find(|(p, _)| *p == page)
        .map_or("", |(_, name)| name);
    let mut fields = vec![("page".to_owned(), Json::str(name))];
    if let Some(part) = part {
        fields.push(("part".to_owned(), Json::str(part.slug())));
    }
    // A page number always fits in `u64`.
    if let Some(m) = measure {
        fields.push(("measure".to_owned(), Json::from(m as u64)));
    }
    if let Some(i) = index {
        fields.push(("index".to_owned(), Json::from(i as u64)));
    }
    Json::Obj(fields)
}

/// Reads a stored page; `None` unless it is exactly one of the forms [`step_json`] writes (a
/// field given as `null` counts as absent, as it did for serde).
pub fn read_step(v: &Json) -> Option<Step> {
    // An index must fit this platform's `usize` (32 bits in the widget).
    fn number(v: &Json) -> Option<Option<usize>> {
        if v.is_null() {
            return Some(None);
        }
        usize::try_from(v.as_u64()?).ok().map(Some)
    }
    let mut page = None;
    let mut repr = StepRepr {
        page: PageName::Start,
        part: None,
        measure: None,
        index: None,
    };
    for (key, v) in v.as_object()? {
        match key.as_str() {
            "page" => {
                let name = v.as_str()?;
                page = Some(PageName::ALL.iter().find(|(_, n)| *n == name)?.0);
            }
            "part" if v.is_null() => repr.part = None,
            "part" => repr.part = Some(ReferralPage::from_slug(v.as_str()?)?),
            "measure" => repr.measure = number(v)?,
            "index" => repr.index = number(v)?,
            _ => return None,
        }
    }
    repr.page = page?;
    Step::try_from(repr).ok()
}

/// The shape of the journey: whether the self-referral pages come first, and how many
/// questions each measure asks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Journey {
    /// The self-referral pages ("About you" to "Consent") before the measures.
    pub referral: bool,
    pub questions: Vec<usize>,
}

impl Journey {
    /// The pages in order, from the start page to check-your-answers.
    fn pages(&self) -> Vec<Step> {
        let mut pages = vec![Step::Start];
        if self.referral {
            pages.extend(ReferralPage::ALL.map(|part| Step::Referral { part }));
        }
        for (measure, &n) in self.questions.iter().enumerate() {
            pages.extend((0..n).map(|index| Step::Question { measure, index }));
        }
        pages.push(Step::Check);
        pages
    }

    /// The first page after the start page.
    pub fn first(&self) -> Step {
        self.next(Step::Start, false)
    }

    /// Where "Continue" goes from `step`. `changing` means the person came from check-your-answers
    /// through a Change link, so they go straight back there.
    pub fn next(&self, step: Step, changing: bool) -> Step {
        let step = match step {
            Step::UrgentHelp { measure, index } => Step::Question { measure, index },
            Step::Check | Step::Sent => return Step::Sent,
            Step::TooYoung => return Step::TooYoung,
            s => s,
        };
        if changing && matches!(step, Step::Question { .. } | Step::Referral { .. }) {
            return Step::Check;
        }
        let pages = self.pages();
        let at = pages.iter().position(|p| *p == step).unwrap_or(0);
        pages.get(at + 1).copied().unwrap_or(Step::Check)
    }

    /// Where the back link goes from `step` (`None` where there is no back link).
    pub fn back(&self, step: Step, changing: bool) -> Option<Step> {
        match step {
            Step::Start | Step::Sent => None,
            Step::UrgentHelp { measure, index } => Some(Step::Question { measure, index }),
            Step::TooYoung => Some(Step::Referral {
                part: ReferralPage::AboutYou,
            }),
            Step::Question { .. } | Step::Referral { .. } if changing => Some(Step::Check),
            _ => {
                let pages = self.pages();
                let at = pages.iter().position(|p| *p == step)?;
                at.checked_sub(1).map(|i| pages[i])
            }
        }
    }

    /// Whether `step` exists in this journey (a stored draft may name a page that no longer does).
    pub fn contains(&self, step: Step) -> bool {
        match step {
            Step::Question { measure, index } | Step::UrgentHelp { measure, index } => {
                self.questions.get(measure).is_some_and(|&n| index < n)
            }
            Step::Referral { .. } | Step::TooYoung => self.referral,
            _ => true,
        }
    }
}
