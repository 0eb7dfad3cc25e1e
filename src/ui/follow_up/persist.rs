//! The visit being recorded, kept on the device as it is typed, so that a reload or a tablet
//! that discards the page loses nothing. Only what the practitioner typed is stored; on the way
//! back every answer is checked against its instrument again, and anything that does not parse,
//! is from another version or is older than `data-draft-days` is dropped.

use crate::domain::follow_up::{STORED_VISIT_VERSION as VERSION, StoredVisit};
use crate::domain::instrument::{Answers, Instrument};
use crate::ui::follow_up::state::{Page, VisitDraft};
use std::collections::BTreeMap;

fn page_code(page: Page) -> Option<String> {
    Some(match page {
        Page::Details => "details".into(),
        Page::Records => "records".into(),
        Page::Measure(n) => format!("measure-{n}"),
        Page::Notes => "notes".into(),
        Page::Check => "check".into(),
        Page::Home | Page::Done | Page::Wipe | Page::Cancel => return None,
    })
}

fn page_of(code: &str, measures: usize) -> Option<Page> {
    Some(match code {
        "details" => Page::Details,
        "records" => Page::Records,
        "notes" => Page::Notes,
        "check" => Page::Check,
        m => {
            let n: usize = m.strip_prefix("measure-")?.parse().ok()?;
            (n < measures).then_some(Page::Measure(n))?
        }
    })
}

/// What to keep for a visit on `page`, or `None` when there is nothing to keep (no visit
/// under way, or it has been sent).
pub fn to_stored(draft: &VisitDraft, page: Page, now_ms: u64) -> Option<StoredVisit> {
    if draft.sent.is_some() {
        return None;
    }
    let stored = StoredVisit {
        version: VERSION,
        saved_at_ms: now_ms,
        page: page_code(page)?,
        reference: draft.reference.clone(),
        timepoint_code: draft.timepoint_code.clone(),
        other_day: draft.other_day.clone(),
        other_month: draft.other_month.clone(),
        other_year: draft.other_year.clone(),
        consent: draft.consent,
        records: draft.records.clone(),
        answers: draft
            .answers
            .iter()
            .map(|(k, a)| {
                (
                    k.clone(),
                    a.in_pairs().map(|(i, v)| (i.to_owned(), v)).collect(),
                )
            })
            .collect(),
        notes: draft.notes.clone(),
    };
    Some(stored)
}

/// A stored visit read back: what was typed, and the page it was on; `None` when it cannot be
/// used (another version, too old, saved in the future, an answer that is not one of
/// its instrument's).
pub fn restore(
    s: StoredVisit,
    instruments: &[Instrument],
    now_ms: u64,
    max_age_ms: u64,
) -> Option<(VisitDraft, Page)> {
    if s.version != VERSION || s.saved_at_ms > now_ms || now_ms - s.saved_at_ms > max_age_ms {
        return None;
    }
    let mut answers = BTreeMap::new();
    for (id, pairs) in &s.answers {
        let inst = instruments.iter().find(|i| &i.id == id)?;
        let a = Answers::from_pairs(inst, pairs.iter().map(|(k, v)| (k.as_str(), *v))).ok()?;
        answers.insert(id.clone(), a);
    }
    let page = page_of(&s.page, instruments.len())?;
    let draft = VisitDraft {
        reference: s.reference,
        timepoint_code: s.timepoint_code,
        other_day: s.other_day,
        other_month: s.other_month,
        other_year: s.other_year,
        consent: s.consent,
        records: s.records,
        answers,
        notes: s.notes,
        ..VisitDraft::default()
    };
    Some((draft, page))
}
