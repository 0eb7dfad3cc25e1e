//! The pages of the follow-up and how the link worker moves between them: where "Continue" and
//! "Back" go, and what a Change link on the check page does.

/// A page of the follow-up.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum VisitPage {
    /// Visits and submissions on this device, "Start a visit", "Remove all".
    Home,
    /// Client reference, timepoint, the client's agreement.
    Details,
    /// Baseline scores typed in from the service's records (only when some are missing).
    Records,
    /// One measure's questions (0-based, in the deployment's order).
    Measure(usize),
    Notes,
    Check,
    /// After "Send": where the visit stands, and the change at a glance.
    Done,
    /// "Remove all follow-up data from this device?"
    Wipe,
    /// "Cancel this visit?"
    Cancel,
}

impl VisitPage {
    /// The stored code of a page of a visit under way: `details`, `records`, `measure-<n>`,
    /// `notes` or `check`; `None` for the pages outside a visit (nothing is kept there).
    pub fn code(self) -> Option<String> {
        Some(match self {
            Self::Details => "details".into(),
            Self::Records => "records".into(),
            Self::Measure(n) => format!("measure-{n}"),
            Self::Notes => "notes".into(),
            Self::Check => "check".into(),
            Self::Home | Self::Done | Self::Wipe | Self::Cancel => return None,
        })
    }

    /// The page a stored code names, if a deployment of `measures` measures has it.
    pub fn from_code(code: &str, measures: usize) -> Option<Self> {
        Some(match code {
            "details" => Self::Details,
            "records" => Self::Records,
            "notes" => Self::Notes,
            "check" => Self::Check,
            m => {
                let n: usize = m.strip_prefix("measure-")?.parse().ok()?;
                (n < measures).then_some(Self::Measure(n))?
            }
        })
    }

    /// A page a Change link on the check page can lead to: from there, "Continue" and "Back"
    /// return to the check page.
    pub fn changeable(self) -> bool {
        matches!(
            self,
            Self::Details | Self::Records | Self::Measure(_) | Self::Notes
        )
    }

    /// Arriving here ends a change begun from the check page.
    pub fn ends_change(self) -> bool {
        matches!(self, Self::Check | Self::Home | Self::Done)
    }
}

/// The shape of the visit being recorded: how many measures it asks, and whether baselines must
/// be typed in from the service's records first (a follow-up timepoint with a scored measure
/// that has no baseline on this device).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct VisitRoute {
    pub measures: usize,
    pub needs_records: bool,
}

impl VisitRoute {
    fn first_measure(self) -> VisitPage {
        if self.measures == 0 {
            VisitPage::Notes
        } else {
            VisitPage::Measure(0)
        }
    }

    /// Where "Continue" goes from `page` once what it asks is accepted. `changing` means a
    /// Change link on the check page led here, so it goes straight back there; but details that
    /// now need baselines from the records (another timepoint or client) ask for them first.
    pub fn next(self, page: VisitPage, changing: bool) -> VisitPage {
        use VisitPage::*;
        match page {
            Details if self.needs_records => Records,
            p if changing && p.changeable() => Check,
            Home => Details,
            Details | Records => self.first_measure(),
            Measure(m) if m + 1 < self.measures => Measure(m + 1),
            Measure(_) => Notes,
            Notes => Check,
            Check => Done,
            Done | Wipe | Cancel => Home,
        }
    }

    /// Where "Back" goes from `page`. `return_to` is the page "Cancel this visit?" was asked
    /// from.
    pub fn back(self, page: VisitPage, changing: bool, return_to: VisitPage) -> VisitPage {
        use VisitPage::*;
        if changing && page.changeable() {
            return Check;
        }
        match page {
            Details | Wipe | Home | Done => Home,
            Cancel => return_to,
            Records => Details,
            Measure(0) if self.needs_records => Records,
            Measure(0) => Details,
            Measure(m) => Measure(m - 1),
            Notes if self.measures == 0 && self.needs_records => Records,
            Notes if self.measures == 0 => Details,
            Notes => Measure(self.measures - 1),
            Check => Notes,
        }
    }
}
