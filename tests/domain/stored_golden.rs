//! What is already on people's devices keeps loading: `tests/fixtures/stored/` holds the exact
//! texts the released widget wrote (drafts, outboxes of version 1 and 2, follow-up histories and
//! visits being recorded). Each must load through the path the widget uses, to the values it
//! holds, and what this build writes for them must be the same text, so that a device can go back
//! and forth between builds.

use std::fs;
use std::path::PathBuf;
use wellbeing_widget::domain::draft::{Draft, DraftError, DraftOnDevice};
use wellbeing_widget::domain::follow_up::{ClientReference, History, StoredVisit, Timepoint};
use wellbeing_widget::domain::instrument::{Instrument, ons4, phq9, ucla3};
use wellbeing_widget::domain::journey::{Journey, Step};
use wellbeing_widget::domain::outbox::{EntryState, Outbox, OutboxOnDevice};
use wellbeing_widget::domain::referral::{Area, ContactMethod, SimpleDate};

/// The time the fixtures were written against (ms since 1970).
const NOW: u64 = 1_800_000_000_000;
const WEEK_MS: u64 = 7 * 86_400_000;

fn fixture(name: &str) -> String {
    let path: PathBuf = [env!("CARGO_MANIFEST_DIR"), "tests/fixtures/stored", name]
        .iter()
        .collect();
    fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Every fixture whose name starts with `prefix` (and is not a migration's expected result).
fn fixtures(prefix: &str) -> Vec<(String, String)> {
    let dir: PathBuf = [env!("CARGO_MANIFEST_DIR"), "tests/fixtures/stored"]
        .iter()
        .collect();
    let mut out: Vec<(String, String)> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.starts_with(prefix) && !n.ends_with(".migrated.json"))
        .map(|n| {
            let text = fixture(&n);
            (n, text)
        })
        .collect();
    out.sort();
    assert!(!out.is_empty(), "no fixtures named {prefix}*");
    out
}

fn instruments() -> Vec<Instrument> {
    vec![ons4(), ucla3(), phq9()]
}

fn journey() -> Journey {
    Journey {
        referral: true,
        questions: vec![4, 3, 9],
    }
}

/// A draft text read as the widget reads it from storage.
fn load_draft(text: &str, now_ms: u64, max_age_ms: u64) -> Result<Draft, DraftError> {
    let stored: DraftOnDevice = serde_json::from_str(text).map_err(|_| DraftError::Corrupt)?;
    Draft::restore(stored, &instruments(), &journey(), now_ms, max_age_ms)
}

fn load_outbox(text: &str) -> Outbox {
    let stored: OutboxOnDevice = serde_json::from_str(text).unwrap();
    Outbox::from_stored(stored).unwrap()
}

#[test]
fn every_stored_draft_loads_and_is_written_back_as_the_same_text() {
    for (name, text) in fixtures("draft-") {
        if name == "draft-largest-time.json" {
            // Saved "in the future": the widget discards it as corrupt, as before.
            assert_eq!(load_draft(&text, NOW, u64::MAX), Err(DraftError::Corrupt));
            continue;
        }
        let draft = load_draft(&text, NOW, u64::MAX).unwrap_or_else(|e| panic!("{name}: {e:?}"));
        assert_eq!(serde_json::to_string(&draft).unwrap(), text, "{name}");
    }
}

#[test]
fn a_stored_draft_loads_to_what_the_person_had_given() {
    let d = load_draft(&fixture("draft-full.json"), NOW, WEEK_MS).unwrap();
    assert_eq!(
        d.step,
        Step::UrgentHelp {
            measure: 2,
            index: 8
        }
    );
    assert!(d.changing);
    assert_eq!(d.saved_at_ms, NOW - 5_000);
    assert_eq!(
        d.referral.full_name,
        "Zoë \"Z\" O'Brien \\ / <b>&</b>\n\tline\r\u{1}\u{8}\u{c}\u{1f}\u{7f} 😀 \u{2028}"
    );
    assert_eq!(d.referral.preferred, Some(ContactMethod::Text));
    assert_eq!(
        d.referral.areas,
        vec![
            Area::SomethingElse,
            Area::LowMoodAnxietyStress,
            Area::MoneyBenefitsDebt
        ]
    );
    assert_eq!(d.referral.date_of_birth.year, "1990");
    assert_eq!(d.answers_to("ons4").get("worthwhile"), Some(10));
    assert_eq!(d.answers_to("ons4").get("satisfaction"), Some(0));
    assert_eq!(d.answers_to("phq9").get("phq9-9"), Some(3));
    assert_eq!(d.risk_kept, vec!["phq9-item9".to_owned()]);
    assert_eq!(d.risk_shown.len(), 2);

    let q = load_draft(
        &fixture("draft-question-measure-2-index-8.json"),
        NOW,
        WEEK_MS,
    )
    .unwrap();
    assert_eq!(
        q.step,
        Step::Question {
            measure: 2,
            index: 8
        }
    );
}

#[test]
fn expired_other_version_and_corrupt_drafts_are_told_apart() {
    let text = fixture("draft-start.json");
    assert!(load_draft(&text, NOW, WEEK_MS).is_ok());
    assert_eq!(
        load_draft(&text, NOW + WEEK_MS + 1_000, WEEK_MS),
        Err(DraftError::Expired)
    );
    assert_eq!(
        load_draft(
            &text.replace("\"version\":2", "\"version\":3"),
            NOW,
            WEEK_MS
        ),
        Err(DraftError::OtherVersion)
    );
    assert_eq!(
        load_draft(r#"{"version":1,"anything":[1,2]}"#, NOW, WEEK_MS),
        Err(DraftError::OtherVersion)
    );
    for corrupt in [
        &text[..text.len() - 1],
        "",
        "null",
        "[]",
        r#"{"version":2}"#,
        &text.replace("\"page\":\"start\"", "\"page\":\"nowhere\""),
        &text.replace("\"answers\":{}", "\"answers\":{\"ons4\":{\"happy\":11}}"),
    ] {
        assert_eq!(
            load_draft(corrupt, NOW, WEEK_MS),
            Err(DraftError::Corrupt),
            "{corrupt}"
        );
    }
    // A page beyond this deployment's journey.
    let far = text.replace(
        "{\"page\":\"start\"}",
        "{\"page\":\"question\",\"measure\":5,\"index\":0}",
    );
    assert_eq!(load_draft(&far, NOW, WEEK_MS), Err(DraftError::Corrupt));
}

#[test]
fn every_stored_outbox_loads_and_is_written_back_as_the_same_text() {
    for (name, text) in fixtures("outbox-") {
        let outbox = load_outbox(&text);
        let written = serde_json::to_string(&outbox).unwrap();
        if name.starts_with("outbox-v1") {
            // A version 1 outbox becomes this version's, each submission the body to send.
            let migrated = fixture(&name.replace(".json", ".migrated.json"));
            assert_eq!(written, migrated, "{name}");
            assert_eq!(load_outbox(&migrated), outbox, "{name}");
        } else {
            assert_eq!(written, text, "{name}");
        }
    }
}

#[test]
fn a_stored_outbox_loads_to_the_submissions_waiting() {
    let full = load_outbox(&fixture("outbox-full.json"));
    assert_eq!(full.entries.len(), 3);
    assert_eq!(full.entries[0].body, r#"{"a":1}"#);
    assert_eq!(full.entries[1].content_type, "application/fhir+json");
    assert_eq!(full.entries[1].attempts, u32::MAX);
    assert_eq!(
        full.entries[0].state,
        EntryState::Queued {
            next_attempt_at_ms: 0
        }
    );
    assert_eq!(full.entries[2].state, EntryState::Refused { status: 400 });

    let old = load_outbox(&fixture("outbox-v1-refused.json"));
    assert_eq!(
        old.entries[0].id.as_str(),
        "0f8fad5b-d9cb-469f-a165-70867728950e"
    );
    assert_eq!(old.entries[0].attempts, 3);
    assert_eq!(old.entries[0].state, EntryState::Refused { status: 400 });
}

#[test]
fn an_unreadable_outbox_is_an_error_for_the_caller_to_keep_aside() {
    for text in [
        "{",
        r#"{"version":3,"entries":[]}"#,
        r#"{"version":1,"entries":[{"submission":1}]}"#,
        r#"{"version":2,"entries":[{"id":"x"}]}"#,
    ] {
        assert!(Outbox::from_json(text).is_err(), "{text}");
    }
}

#[test]
fn every_stored_history_loads_and_is_written_back_as_the_same_text() {
    for (name, text) in fixtures("history-") {
        let history: History =
            serde_json::from_str(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(serde_json::to_string(&history).unwrap(), text, "{name}");
    }
}

#[test]
fn a_stored_history_loads_to_its_visits() {
    let h: History = serde_json::from_str(&fixture("history-full.json")).unwrap();
    let client = |s: &str| ClientReference::parse(s, None).unwrap();
    let abc = h.for_client(&client("ABC-12345"));
    assert_eq!(abc.len(), 2);
    let baseline = abc
        .iter()
        .find(|v| v.timepoint == Timepoint::Baseline)
        .unwrap();
    assert_eq!(baseline.date.to_string(), "2026-01-31");
    let six_weeks = abc
        .iter()
        .find(|v| v.timepoint == Timepoint::SixWeeks)
        .unwrap();
    let change = six_weeks.measures[0].change.as_ref().unwrap();
    assert_eq!(change.scores[0].change, -3.96);
    let lw = h.for_client(&client("LW-0"));
    assert_eq!(lw.len(), 1);
    assert_eq!(
        lw[0].timepoint,
        Timepoint::Other {
            date: SimpleDate::parse_iso("2024-02-29").unwrap()
        }
    );
    assert!(!lw[0].consent_confirmed);
    assert_eq!(lw[0].notes.as_ref().map(|n| n.as_str()), Some("é"));
    assert_eq!(h.clients().len(), 3);
    let other: History = serde_json::from_str(&fixture("history-other.json")).unwrap();
    assert_eq!(other.clients(), vec![client("ABC-12345")]);
}

#[test]
fn every_stored_visit_loads_and_is_written_back_as_the_same_text() {
    for (name, text) in fixtures("visit-") {
        let visit: StoredVisit =
            serde_json::from_str(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(serde_json::to_string(&visit).unwrap(), text, "{name}");
    }
    let full: StoredVisit = serde_json::from_str(&fixture("visit-full.json")).unwrap();
    assert_eq!(full.page, "measure-2");
    assert_eq!(full.answers["ons4"]["anxious"], i64::MIN);
    assert_eq!(full.records["phq9"], "14");
    assert_eq!(full.saved_at_ms, u64::MAX);
    let typed_for: StoredVisit = serde_json::from_str(&fixture("visit-client.json")).unwrap();
    assert_eq!(
        typed_for.client.map(String::from).as_deref(),
        Some("ABC-12345")
    );
    assert_eq!(typed_for.reference, "XYZ-1");
}
