//! The follow-up fields of the payload and each measure's change.

use super::*;
use crate::domain::instrument::Instrument;
use crate::domain::referral::SimpleDate;
use crate::domain::scoring::{BaselineSource, ItemScore, Measure, MeasureChange, Score};

/// The follow-up fields of a submission (`mode: "follow-up"`), sent at the top level next to
/// `mode`:
///
/// ```json
/// {
///   "mode": "follow-up",
///   "client_reference": "ABC-12345",
///   "timepoint": {"code": "other", "date": "2026-05-01"},
///   "visit_date": "2026-05-01",
///   "client_agreed": true,
///   "notes": "…",
///   "measures": [ … each as in the self-referral payload, plus "change" where a baseline exists … ]
/// }
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct FollowUpContext {
    pub client_reference: ClientReference,
    pub timepoint: Timepoint,
    pub visit_date: SimpleDate,
    pub notes: Option<Notes>,
}

impl MeasureChange {
    /// The change of one measure, from its summaries (`None` when there are none).
    pub fn new(source: BaselineSource, summaries: &[ChangeSummary]) -> Option<Self> {
        (!summaries.is_empty()).then(|| MeasureChange {
            baseline_source: source,
            scores: summaries.iter().map(|s| s.score.clone()).collect(),
        })
    }

    /// Whether this change is exactly what the instrument's rules give for `now` (the measure's
    /// score) against the baselines it states: the intake's re-check. Every compared part must
    /// be one the instrument compares, at most once, with `now` equal to the measure's score.
    pub fn is_consistent(&self, instrument: &Instrument, now: Option<&Score>) -> bool {
        let Some(now) = now else { return false };
        let parts = compared_parts(instrument);
        let mut seen: Vec<&str> = Vec::new();
        for s in &self.scores {
            if !parts.contains(&s.of) || seen.contains(&s.of.as_str()) {
                return false;
            }
            seen.push(&s.of);
        }
        if self.scores.is_empty() {
            return false;
        }
        let mut baseline = Score::default();
        for s in &self.scores {
            match s.of.as_str() {
                "total" if s.baseline.fract() == 0.0 => baseline.total = Some(s.baseline as i64),
                "total" => return false,
                "metric" => baseline.metric = Some(s.baseline),
                item if s.baseline.fract() == 0.0 => baseline.items.push(ItemScore {
                    item: item.to_owned(),
                    value: s.baseline as i64,
                    band: None,
                }),
                _ => return false,
            }
        }
        let expected = summarise(instrument, &baseline, now);
        expected.len() == self.scores.len()
            && expected.iter().all(|e| {
                let e = &e.score;
                self.scores.iter().any(|s| {
                    let same = |a: f64, b: f64| (a * 100.0).round() == (b * 100.0).round();
                    s.of == e.of
                        && same(s.baseline, e.baseline)
                        && same(s.now, e.now)
                        && same(s.change, e.change)
                        && s.trend == e.trend
                        && s.threshold == e.threshold
                        && s.meaningful == e.meaningful
                })
            })
    }
}

/// The changes of a visit's measures against the client's baselines in `history` (captured
/// earlier on this device, or typed in from records), for each measure whose instrument is in
/// `instruments`: `(instrument id, baseline, summaries)`. A visit that is itself the client's
/// baseline (on the device, or by its timepoint) compares with nothing.
pub fn changes_for_visit(
    history: &History,
    visit: &Visit,
    instruments: &[Instrument],
) -> Vec<(String, Baseline, Vec<ChangeSummary>)> {
    if visit.timepoint == Timepoint::Baseline {
        return Vec::new();
    }
    visit
        .measures
        .iter()
        .filter_map(|m| {
            let inst = instruments.iter().find(|i| i.id == m.instrument)?;
            let base = history.baseline_for(&visit.client, &m.instrument)?;
            let now = m.score.as_ref()?;
            let summaries = summarise(inst, &base.score, now);
            (!summaries.is_empty()).then(|| (m.instrument.clone(), base, summaries))
        })
        .collect()
}

/// The visit's measures as sent: each with its `change` where a baseline exists.
pub fn measures_with_changes(
    history: &History,
    visit: &Visit,
    instruments: &[Instrument],
) -> Vec<Measure> {
    let changes = changes_for_visit(history, visit, instruments);
    visit
        .measures
        .iter()
        .map(|m| {
            let change = changes
                .iter()
                .find(|(id, _, _)| *id == m.instrument)
                .and_then(|(_, b, s)| MeasureChange::new(b.source, s));
            Measure {
                change,
                ..m.clone()
            }
        })
        .collect()
}

impl FollowUpContext {
    /// The context of a visit.
    pub fn of_visit(visit: &Visit) -> Self {
        FollowUpContext {
            client_reference: visit.client.clone(),
            timepoint: visit.timepoint,
            visit_date: visit.date,
            notes: visit.notes.clone(),
        }
    }
}
