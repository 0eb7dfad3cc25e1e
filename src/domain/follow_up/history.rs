//! Visits and the history kept on the tablet.

use super::*;
use crate::domain::referral::SimpleDate;
use crate::domain::scoring::Score;
use crate::domain::scoring::{BaselineSource, Measure};
use serde::{Deserialize, Serialize};
use thiserror::Error;

/// A visit's optional notes: trimmed, 1–500 characters (empty notes are no notes).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Notes(String);

#[derive(Clone, Copy, Debug, PartialEq, Eq, Error)]
#[error("Notes must be 500 characters or fewer")]
pub struct NotesError;

impl Notes {
    /// `Ok(None)` for empty (or all-space) notes.
    ///
    /// # Errors
    /// [`NotesError`] over 500 characters (after trimming).
    pub fn parse(s: &str) -> Result<Option<Self>, NotesError> {
        let t = s.trim();
        if t.is_empty() {
            Ok(None)
        } else if t.chars().count() > NOTES_MAX_CHARS {
            Err(NotesError)
        } else {
            Ok(Some(Self(t.to_owned())))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for Notes {
    type Error = NotesError;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        if s.trim().is_empty() || s.chars().count() > NOTES_MAX_CHARS {
            Err(NotesError)
        } else {
            Ok(Self(s))
        }
    }
}

impl From<Notes> for String {
    fn from(n: Notes) -> String {
        n.0
    }
}

/// One visit to one client: the measures administered with them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Visit {
    pub client: ClientReference,
    pub timepoint: Timepoint,
    pub date: SimpleDate,
    pub measures: Vec<Measure>,
    /// The practitioner confirmed the client agreed.
    pub consent_confirmed: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<Notes>,
}

impl Visit {
    /// What the history keeps of a visit: the client, timepoint, date and each measure's score;
    /// never the item answers or the notes (they go to the service in the payload, which the
    /// outbox keeps until the service has it).
    pub fn summary(mut self) -> Self {
        self.notes = None;
        for m in &mut self.measures {
            m.answers.clear();
            m.change = None;
        }
        self
    }

    /// This visit's measure of an instrument.
    pub fn measure(&self, instrument_id: &str) -> Option<&Measure> {
        self.measures.iter().find(|m| m.instrument == instrument_id)
    }
}

/// A client's baseline score for one instrument, typed in from the service's records (no
/// answers, only the score). Kept with the visits, under the same retention.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RecordedBaseline {
    pub client: ClientReference,
    pub instrument: String,
    pub score: Score,
    /// When it was typed in (retention counts from here).
    pub entered: SimpleDate,
}

/// A client's baseline for one instrument, wherever it came from.
#[derive(Clone, Debug, PartialEq)]
pub struct Baseline {
    pub source: BaselineSource,
    /// The visit's timepoint (for a typed-in baseline: [`Timepoint::Baseline`]).
    pub timepoint: Timepoint,
    /// The visit's date, or when a typed-in baseline was entered.
    pub date: SimpleDate,
    pub score: Score,
}

/// Every visit kept on the device, of every client, and baselines typed in from records.
/// Nothing is handed out except through [`History::for_client`], [`History::baseline_for`] and
/// [`History::points_for`] (one client's data) and [`History::clients`] (references only), so
/// one client's data is never on another client's screens.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct History {
    visits: Vec<Visit>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    recorded: Vec<RecordedBaseline>,
}

impl History {
    pub fn new() -> Self {
        Self::default()
    }

    /// Keeps a visit's [`Visit::summary`].
    pub fn add(&mut self, visit: Visit) {
        self.visits.push(visit.summary());
    }

    /// Drops the item answers and notes of visits kept with them (by earlier versions), keeping
    /// only summaries. Returns whether anything was dropped.
    pub fn keep_summaries_only(&mut self) -> bool {
        let before = self.visits.clone();
        self.visits = std::mem::take(&mut self.visits)
            .into_iter()
            .map(Visit::summary)
            .collect();
        self.visits != before
    }

    /// Keeps a baseline typed in from records, replacing an earlier one of the same client and
    /// instrument.
    pub fn record_baseline(&mut self, baseline: RecordedBaseline) {
        self.recorded
            .retain(|r| !(r.client == baseline.client && r.instrument == baseline.instrument));
        self.recorded.push(baseline);
    }

    /// How many visits are kept (of all clients).
    pub fn len(&self) -> usize {
        self.visits.len()
    }

    /// Whether nothing at all is kept (no visit, no typed-in baseline).
    pub fn is_empty(&self) -> bool {
        self.visits.is_empty() && self.recorded.is_empty()
    }

    /// That client's visits only, by date (then chart order of the timepoint).
    pub fn for_client(&self, client: &ClientReference) -> Vec<&Visit> {
        let mut v: Vec<&Visit> = self.visits.iter().filter(|v| &v.client == client).collect();
        v.sort_by(|a, b| {
            a.date
                .cmp(&b.date)
                .then_with(|| a.timepoint.chart_cmp(b.timepoint, None))
        });
        v
    }

    /// The client's baseline for an instrument: the measure (with a score) from the visit marked
    /// baseline (the earliest, if several), else from the client's earliest visit that has one.
    pub fn baseline(
        &self,
        client: &ClientReference,
        instrument_id: &str,
    ) -> Option<(&Visit, &Measure)> {
        let with: Vec<(&Visit, &Measure)> = self
            .for_client(client)
            .into_iter()
            .filter_map(|v| {
                let m = v.measure(instrument_id)?;
                m.score.as_ref().map(|_| (v, m))
            })
            .collect();
        with.iter()
            .find(|(v, _)| v.timepoint == Timepoint::Baseline)
            .or_else(|| with.first())
            .copied()
    }

    /// The client's baseline for an instrument from any source: a visit on this device marked
    /// baseline first, then a baseline typed in from the records, then the earliest visit on
    /// this device with a score.
    pub fn baseline_for(&self, client: &ClientReference, instrument_id: &str) -> Option<Baseline> {
        let device = self.baseline(client, instrument_id);
        let from_visit = |(v, m): (&Visit, &Measure)| {
            Some(Baseline {
                source: BaselineSource::Device,
                timepoint: v.timepoint,
                date: v.date,
                score: m.score.clone()?,
            })
        };
        let recorded = self
            .recorded
            .iter()
            .find(|r| &r.client == client && r.instrument == instrument_id)
            .map(|r| Baseline {
                source: BaselineSource::Records,
                timepoint: Timepoint::Baseline,
                date: r.entered,
                score: r.score.clone(),
            });
        match device {
            Some(d) if d.0.timepoint == Timepoint::Baseline => from_visit(d),
            _ => recorded.or_else(|| device.and_then(from_visit)),
        }
    }

    /// The client's scores of one instrument over time, for a chart: the typed-in baseline (if
    /// no visit on this device is the baseline), then every visit with a score, in visit order.
    pub fn points_for(
        &self,
        client: &ClientReference,
        instrument_id: &str,
    ) -> Vec<(Timepoint, SimpleDate, Score)> {
        let visits: Vec<(Timepoint, SimpleDate, Score)> = self
            .for_client(client)
            .into_iter()
            .filter_map(|v| {
                Some((
                    v.timepoint,
                    v.date,
                    v.measure(instrument_id)?.score.clone()?,
                ))
            })
            .collect();
        let mut out = Vec::new();
        if !visits.iter().any(|(t, _, _)| *t == Timepoint::Baseline)
            && let Some(r) = self
                .recorded
                .iter()
                .find(|r| &r.client == client && r.instrument == instrument_id)
        {
            out.push((Timepoint::Baseline, r.entered, r.score.clone()));
        }
        out.extend(visits);
        out
    }

    /// Drops visits (and typed-in baselines) older than `retention_days` on `today` (one exactly
    /// `retention_days` old is kept; one day more is dropped). Returns how many were dropped.
    pub fn retain_recent(&mut self, today: SimpleDate, retention_days: u32) -> usize {
        let before = self.visits.len() + self.recorded.len();
        let today = today.to_unix_days();
        let keep = |d: SimpleDate| today - d.to_unix_days() <= i64::from(retention_days);
        self.visits.retain(|v| keep(v.date));
        self.recorded.retain(|r| keep(r.entered));
        before - self.visits.len() - self.recorded.len()
    }

    /// Drops everything of one client. Returns how many visits and baselines were dropped.
    pub fn remove_client(&mut self, client: &ClientReference) -> usize {
        let before = self.visits.len() + self.recorded.len();
        self.visits.retain(|v| &v.client != client);
        self.recorded.retain(|r| &r.client != client);
        before - self.visits.len() - self.recorded.len()
    }

    /// Drops everything. Returns how many visits and baselines were dropped.
    pub fn wipe(&mut self) -> usize {
        let n = self.visits.len() + self.recorded.len();
        self.visits.clear();
        self.recorded.clear();
        n
    }

    /// The client references with anything kept, sorted, each once.
    pub fn clients(&self) -> Vec<ClientReference> {
        let mut c: Vec<ClientReference> = self
            .visits
            .iter()
            .map(|v| v.client.clone())
            .chain(self.recorded.iter().map(|r| r.client.clone()))
            .collect();
        c.sort();
        c.dedup();
        c
    }
}
