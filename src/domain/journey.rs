//! The pages of the journey and how a person moves between them.

use crate::domain::instrument::{Instrument, catalogue::loneliness_introduction};
use crate::domain::referral::ReferralPage;
use serde::{Deserialize, Serialize};

/// A page of the journey. Stored as `{"page": "question", "measure": 1, "index": 2}`,
/// `{"page": "referral", "part": "contact"}`, `{"page": "start"}`, …. A page with fields of its
/// own refuses any other field; serde reads a page without fields whatever is beside it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "page", rename_all = "kebab-case", deny_unknown_fields)]
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

/// The ONS loneliness measures, which share one introduction when asked one after the other.
const LONELINESS: [&str; 2] = ["ucla3", "ons-loneliness"];
/// The measure whose instructions are that introduction.
const LONELINESS_INTRODUCED_BY: &str = "ucla3";

/// The instructions shown with question `index` of measure `measure` of the deployment's
/// `instruments` (in their order), if any.
///
/// Most instruments show their instructions (stem) with every question. The ONS loneliness
/// measures asked one after the other share one introduction, shown once, before the first of
/// them, with the number of loneliness questions actually asked together ("The next four
/// questions…" only when the three UCLA items and the direct question are together). The direct
/// question without the UCLA items has no introduction.
pub fn instructions_for(
    instruments: &[Instrument],
    measure: usize,
    index: usize,
) -> Option<String> {
    let instrument = instruments.get(measure)?;
    if index >= instrument.items.len() {
        return None;
    }
    let lonely = |i: &Instrument| LONELINESS.contains(&i.id.as_str());
    if !lonely(instrument) {
        return Some(instrument.instructions.clone()).filter(|t| !t.trim().is_empty());
    }
    // The run of loneliness measures around this one.
    let first = (0..measure)
        .rev()
        .take_while(|&m| lonely(&instruments[m]))
        .last()
        .unwrap_or(measure);
    let run: Vec<&Instrument> = instruments[first..]
        .iter()
        .take_while(|i| lonely(i))
        .collect();
    let introduced = run.iter().any(|i| i.id == LONELINESS_INTRODUCED_BY);
    if !introduced || measure != first || index != 0 {
        return None;
    }
    Some(loneliness_introduction(
        run.iter().map(|i| i.items.len()).sum(),
    ))
}
