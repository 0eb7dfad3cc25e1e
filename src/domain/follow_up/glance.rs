//! The visit being recorded compared with the client's earlier scores (the change at a glance),
//! the baselines still missing, and the visit as it is sent. Only the current client's data.

use super::{
    Baseline, ChangeSummary, ClientReference, FollowUpContext, History, RecordedBaseline,
    Timepoint, Visit, VisitDraft, VisitRoute, compared_parts, measures_with_changes, summarise,
};
use crate::domain::instrument::Instrument;
use crate::domain::referral::SimpleDate;
use crate::domain::scoring::{Measure, Risk, Score};

/// One measure's change at a glance, for the current client only.
#[derive(Clone, Debug, PartialEq)]
pub struct MeasureGlance {
    pub instrument: Instrument,
    pub baseline: Option<Baseline>,
    pub summaries: Vec<ChangeSummary>,
    /// The client's scores over timepoints, this visit last.
    pub points: Vec<(Timepoint, SimpleDate, Score)>,
    /// Whether this visit has a score for the measure.
    pub scored_now: bool,
}

/// The deployment's measures that have a score to compare, in order.
pub fn scored_instruments(instruments: &[Instrument]) -> impl Iterator<Item = &Instrument> {
    instruments.iter().filter(|i| !compared_parts(i).is_empty())
}

/// The scored measures with no baseline for `client` on this device (neither a visit nor one
/// typed in before): the records page asks for them.
pub fn missing_baselines(
    instruments: &[Instrument],
    history: &History,
    client: &ClientReference,
) -> Vec<Instrument> {
    scored_instruments(instruments)
        .filter(|i| history.baseline_for(client, &i.id).is_none())
        .cloned()
        .collect()
}

/// A visit as it is sent: what the submission carries (its follow-up fields, each measure with
/// its change from the baseline, the risk its answers raise), the history to keep (with the
/// visit and any baselines typed in) and the change at a glance to show.
#[derive(Clone, Debug, PartialEq)]
pub struct SentVisit {
    pub context: FollowUpContext,
    pub measures: Vec<Measure>,
    pub risk: Risk,
    pub history: History,
    pub glance: Vec<MeasureGlance>,
}

impl VisitDraft {
    /// The measures with no baseline for this visit's client (none before the details are
    /// accepted).
    pub fn missing_baselines(
        &self,
        instruments: &[Instrument],
        history: &History,
    ) -> Vec<Instrument> {
        self.client
            .as_ref()
            .map(|c| missing_baselines(instruments, history, c))
            .unwrap_or_default()
    }

    /// The shape of this visit: its measures, and whether the records page is asked (a
    /// timepoint after the baseline, with a scored measure that has no baseline).
    pub fn route(&self, instruments: &[Instrument], history: &History) -> VisitRoute {
        VisitRoute {
            measures: instruments.len(),
            needs_records: self.timepoint != Some(Timepoint::Baseline)
                && !self.missing_baselines(instruments, history).is_empty(),
        }
    }

    /// The visit as it would be kept (measures scored from the answers); `None` before the
    /// details are accepted.
    pub fn visit(&self, instruments: &[Instrument]) -> Option<Visit> {
        Some(Visit {
            client: self.client.clone()?,
            timepoint: self.timepoint?,
            date: self.visit_date?,
            measures: instruments
                .iter()
                .map(|i| Measure::new(i, &self.answers_to(&i.id)))
                .collect(),
            consent_confirmed: self.consent,
            notes: self.check_notes().ok().flatten(),
        })
    }

    /// `history` with this visit's accepted typed-in baselines added (entered `today`).
    pub fn history_with_records(
        &self,
        instruments: &[Instrument],
        history: &History,
        today: SimpleDate,
    ) -> History {
        let mut h = history.clone();
        let Some(client) = &self.client else {
            return h;
        };
        let missing = self.missing_baselines(instruments, history);
        for (instrument, score) in self.typed_baselines(&missing).unwrap_or_default() {
            h.record_baseline(RecordedBaseline {
                client: client.clone(),
                instrument,
                score,
                entered: today,
            });
        }
        h
    }

    /// The change at a glance: for each scored measure, the client's baseline, the changes
    /// and the scores over time (this visit last).
    pub fn glance(
        &self,
        instruments: &[Instrument],
        history: &History,
        today: SimpleDate,
    ) -> Vec<MeasureGlance> {
        let Some(visit) = self.visit(instruments) else {
            return Vec::new();
        };
        glance_of(
            &visit,
            instruments,
            &self.history_with_records(instruments, history, today),
        )
    }

    /// The visit as sent (see [`SentVisit`]); `None` before the details are accepted, or once
    /// sent.
    pub fn send(
        &self,
        instruments: &[Instrument],
        history: &History,
        today: SimpleDate,
    ) -> Option<SentVisit> {
        if self.sent.is_some() {
            return None;
        }
        let visit = self.visit(instruments)?;
        let mut history = self.history_with_records(instruments, history, today);
        let glance = glance_of(&visit, instruments, &history);
        let risk = Risk::assess(
            instruments
                .iter()
                .filter_map(|i| Some((i, self.answers.get(&i.id)?))),
        );
        let context = FollowUpContext::of_visit(&visit);
        let measures = measures_with_changes(&history, &visit, instruments);
        history.add(visit);
        Some(SentVisit {
            context,
            measures,
            risk,
            history,
            glance,
        })
    }
}

fn glance_of(visit: &Visit, instruments: &[Instrument], history: &History) -> Vec<MeasureGlance> {
    scored_instruments(instruments)
        .map(|inst| {
            let now = visit.measure(&inst.id).and_then(|m| m.score.clone());
            let baseline = (visit.timepoint != Timepoint::Baseline)
                .then(|| history.baseline_for(&visit.client, &inst.id))
                .flatten();
            let summaries = match (&baseline, &now) {
                (Some(b), Some(n)) => summarise(inst, &b.score, n),
                _ => Vec::new(),
            };
            let mut points = history.points_for(&visit.client, &inst.id);
            if let Some(n) = &now {
                points.push((visit.timepoint, visit.date, n.clone()));
            }
            MeasureGlance {
                instrument: inst.clone(),
                baseline,
                summaries,
                points,
                scored_now: now.is_some(),
            }
        })
        .collect()
}
