//! The pages of the journey and how a person moves between them.

use serde::{Deserialize, Serialize};

/// A page of the journey.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "page", rename_all = "kebab-case")]
pub enum Step {
    Start,
    /// The question at `index` (0-based) of the instrument.
    Question {
        index: usize,
    },
    Check,
    Sent,
}

/// The shape of the journey: how many questions it asks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Journey {
    pub questions: usize,
}

impl Journey {
    /// The first page after the start page.
    pub fn first(&self) -> Step {
        if self.questions == 0 {
            Step::Check
        } else {
            Step::Question { index: 0 }
        }
    }

    /// Where "Continue" goes from `step`. `changing` means the person came from check-your-answers
    /// through a Change link, so they go straight back there.
    pub fn next(&self, step: Step, changing: bool) -> Step {
        match step {
            Step::Start => self.first(),
            Step::Question { .. } if changing => Step::Check,
            Step::Question { index } if index + 1 < self.questions => {
                Step::Question { index: index + 1 }
            }
            Step::Question { .. } => Step::Check,
            Step::Check | Step::Sent => Step::Sent,
        }
    }

    /// Where the back link goes from `step` (`None` where there is no back link).
    pub fn back(&self, step: Step, changing: bool) -> Option<Step> {
        match step {
            Step::Start | Step::Sent => None,
            Step::Question { .. } if changing => Some(Step::Check),
            Step::Question { index: 0 } => Some(Step::Start),
            Step::Question { index } => Some(Step::Question { index: index - 1 }),
            Step::Check if self.questions == 0 => Some(Step::Start),
            Step::Check => Some(Step::Question {
                index: self.questions - 1,
            }),
        }
    }

    /// Whether `step` exists in this journey (a stored draft may name a page that no longer does).
    pub fn contains(&self, step: Step) -> bool {
        match step {
            Step::Question { index } => index < self.questions,
            _ => true,
        }
    }
}
