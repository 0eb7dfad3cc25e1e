//! Recording a follow-up visit: the pages and where "Continue" and "Back" go, what each page
//! checks (with the messages the link worker sees), what is kept on the device while typing,
//! and the visit as sent.

use proptest::prelude::*;
use wellbeing_widget::domain::follow_up::*;
use wellbeing_widget::domain::instrument::*;
use wellbeing_widget::domain::referral::SimpleDate;
use wellbeing_widget::domain::scoring::{BaselineSource, score};

fn date(s: &str) -> SimpleDate {
    SimpleDate::parse_iso(s).unwrap()
}

fn client(s: &str) -> ClientReference {
    ClientReference::parse(s, None).unwrap()
}

const TODAY: &str = "2026-06-15";

/// PHQ-9 with every item answered `value`, except item 9 answered `item9`.
fn phq9_answers(value: i64, item9: i64) -> Answers {
    let p = phq9();
    let mut a = Answers::default();
    for item in &p.items {
        let v = if item.id == "phq9-9" { item9 } else { value };
        a.set(&p, &item.id, v).unwrap();
    }
    a
}

/// A draft whose details have been accepted.
fn draft_for(reference: &str, timepoint: &str) -> VisitDraft {
    let mut d = VisitDraft::start(None);
    d.reference = reference.into();
    d.timepoint_code = timepoint.into();
    d.consent = true;
    let details = d.check_details(None, date(TODAY)).unwrap();
    d.set_details(details);
    d
}

fn fields(problems: &[VisitProblem]) -> Vec<(String, &str)> {
    problems
        .iter()
        .map(|p| (p.field.id(), p.message.as_str()))
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Pages and moves

#[test]
fn continue_goes_through_details_measures_notes_check_and_done() {
    use VisitPage::*;
    let route = VisitRoute {
        measures: 2,
        needs_records: false,
    };
    let mut page = Home;
    let mut seen = vec![page];
    while page != Done {
        page = route.next(page, false);
        seen.push(page);
    }
    assert_eq!(
        seen,
        [Home, Details, Measure(0), Measure(1), Notes, Check, Done]
    );
    let with_records = VisitRoute {
        needs_records: true,
        ..route
    };
    assert_eq!(with_records.next(Details, false), Records);
    assert_eq!(with_records.next(Records, false), Measure(0));
    for page in [Done, Wipe, Cancel] {
        assert_eq!(route.next(page, false), Home, "{page:?}");
    }
}

#[test]
fn back_retraces_the_pages_and_cancel_returns_where_it_was_asked() {
    use VisitPage::*;
    let route = VisitRoute {
        measures: 2,
        needs_records: false,
    };
    let with_records = VisitRoute {
        needs_records: true,
        ..route
    };
    for (page, back) in [
        (Check, Notes),
        (Notes, Measure(1)),
        (Measure(1), Measure(0)),
        (Measure(0), Details),
        (Details, Home),
        (Wipe, Home),
        (Done, Home),
        (Home, Home),
    ] {
        assert_eq!(route.back(page, false, Home), back, "{page:?}");
    }
    assert_eq!(with_records.back(Measure(0), false, Home), Records);
    assert_eq!(with_records.back(Records, false, Home), Details);
    for asked_from in [Details, Records, Measure(1), Notes, Check] {
        assert_eq!(route.back(Cancel, false, asked_from), asked_from);
    }
    // A deployment with no measures goes from the details (or records) to the notes and back.
    let none = VisitRoute {
        measures: 0,
        needs_records: false,
    };
    assert_eq!(none.next(Details, false), Notes);
    assert_eq!(none.back(Notes, false, Home), Details);
}

#[test]
fn a_change_link_returns_to_the_check_page_unless_baselines_are_now_needed() {
    use VisitPage::*;
    let route = VisitRoute {
        measures: 3,
        needs_records: false,
    };
    for page in [Details, Records, Measure(0), Measure(2), Notes] {
        assert!(page.changeable());
        assert_eq!(route.next(page, true), Check, "next {page:?}");
        assert_eq!(route.back(page, true, Home), Check, "back {page:?}");
    }
    // Another timepoint chosen while changing the details: the records are asked first.
    let with_records = VisitRoute {
        needs_records: true,
        ..route
    };
    assert_eq!(with_records.next(Details, true), Records);
    assert_eq!(with_records.next(Records, true), Check);
    for page in [Check, Home, Done] {
        assert!(page.ends_change(), "{page:?}");
    }
    for page in [Details, Measure(0), Notes, Cancel, Wipe] {
        assert!(!page.ends_change(), "{page:?}");
    }
}

#[test]
fn only_pages_of_a_visit_under_way_are_stored_and_read_back() {
    use VisitPage::*;
    for page in [Details, Records, Measure(0), Measure(4), Notes, Check] {
        let code = page.code().unwrap();
        assert_eq!(VisitPage::from_code(&code, 5), Some(page), "{code}");
    }
    for page in [Home, Done, Wipe, Cancel] {
        assert_eq!(page.code(), None, "{page:?}");
    }
    for code in [
        "measure-5",
        "measure-",
        "measure-x",
        "measure--1",
        "home",
        "",
        "Check",
    ] {
        assert_eq!(VisitPage::from_code(code, 5), None, "{code}");
    }
}

// ---------------------------------------------------------------------------------------------
// What each page checks

#[test]
fn details_left_empty_say_what_to_do_for_each_field_in_page_order() {
    let problems = VisitDraft::start(None)
        .check_details(None, date(TODAY))
        .unwrap_err();
    assert_eq!(
        fields(&problems),
        [
            ("client-reference".into(), "Enter the client reference"),
            ("timepoint".into(), "Select the timepoint of this visit"),
            (
                "consent".into(),
                "Confirm that the client agreed before you continue"
            ),
        ]
    );
}

#[test]
fn details_accepted_give_the_client_the_timepoint_and_the_visit_date() {
    let pattern = ReferencePattern::parse("AAA-99999").unwrap();
    let mut d = VisitDraft::start(None);
    d.reference = " abc-12345 ".into();
    d.timepoint_code = "6-weeks".into();
    d.consent = true;
    let ok = d.check_details(Some(&pattern), date(TODAY)).unwrap();
    assert_eq!(
        ok,
        VisitDetails {
            client: client("ABC-12345"),
            timepoint: Timepoint::SixWeeks,
            date: date(TODAY),
        }
    );
    // The deployment's pattern is applied.
    d.reference = "AB-1".into();
    let problems = d.check_details(Some(&pattern), date(TODAY)).unwrap_err();
    assert_eq!(
        fields(&problems),
        [(
            "client-reference".into(),
            "Client reference must be in the format ABC-12345"
        )]
    );
    // Another time: its own date, which must not be in the future; the error is on its day box.
    d.reference = "ABC-12345".into();
    d.timepoint_code = "other".into();
    (d.other_day, d.other_month, d.other_year) = ("1".into(), "5".into(), "2026".into());
    let ok = d.check_details(Some(&pattern), date(TODAY)).unwrap();
    assert_eq!(
        (ok.timepoint, ok.date),
        (
            Timepoint::Other {
                date: date("2026-05-01")
            },
            date("2026-05-01")
        )
    );
    d.other_month = "7".into();
    let problems = d.check_details(Some(&pattern), date(TODAY)).unwrap_err();
    assert_eq!(
        fields(&problems),
        [(
            "timepoint-other-day".into(),
            "Date of the visit must be today or in the past"
        )]
    );
    d.timepoint_code = "next-week".into();
    assert_eq!(
        fields(&d.check_details(None, date(TODAY)).unwrap_err())[0].0,
        "timepoint"
    );
}

#[test]
fn details_for_another_client_forget_what_was_typed_for_the_previous_one() {
    let mut d = draft_for("A-1", "6-weeks");
    d.answers.insert("phq9".into(), phq9_answers(1, 0));
    d.records.insert("phq9".into(), "14".into());
    d.notes = "Seen at home".into();
    // The same client at another timepoint keeps everything.
    d.timepoint_code = "3-months".into();
    let same = d.check_details(None, date(TODAY)).unwrap();
    assert!(!d.set_details(same));
    assert_eq!(d.timepoint, Some(Timepoint::ThreeMonths));
    assert_eq!(d.notes, "Seen at home");
    assert!(d.answers.contains_key("phq9") && d.records.contains_key("phq9"));
    // Another client: the answers, typed-in baselines and notes go.
    d.reference = "B-2".into();
    let another = d.check_details(None, date(TODAY)).unwrap();
    assert!(d.set_details(another));
    assert_eq!(d.client, Some(client("B-2")));
    assert!(d.answers.is_empty() && d.records.is_empty() && d.notes.is_empty());
}

#[test]
fn typed_in_baselines_may_be_left_empty_and_are_checked_field_by_field() {
    let missing = [phq9(), ons4(), swemwbs()];
    let mut d = draft_for("A-1", "6-weeks");
    assert_eq!(d.typed_baselines(&missing).unwrap(), vec![]);
    d.records.insert(record_key("phq9", "total"), " 14 ".into());
    d.records.insert(record_key("ons4", "anxious"), "3".into());
    let kept = d.typed_baselines(&missing).unwrap();
    assert_eq!(kept.len(), 2);
    assert_eq!((kept[0].0.as_str(), kept[0].1.total), ("phq9", Some(14)));
    assert_eq!(kept[1].0, "ons4");
    assert_eq!(kept[1].1.items[0].item, "anxious");
    assert_eq!(kept[1].1.items[0].value, 3);
    // Each refusal is on its own field, with the rule's message.
    d.records.insert(record_key("phq9", "total"), "28".into());
    d.records.insert(record_key("ons4", "happy"), "ten".into());
    d.records
        .insert(record_key("swemwbs", "metric"), "23.21".into());
    let problems = d.typed_baselines(&missing).unwrap_err();
    let expected = [
        (
            "records-phq9",
            baseline_from_records(&phq9(), None, "28").unwrap_err(),
        ),
        (
            "records-ons4-happy",
            baseline_item_from_records(&ons4(), "happy", "ten").unwrap_err(),
        ),
        (
            // Which score the records give is asked by its own radios.
            "records-swemwbs-kind",
            baseline_from_records(&swemwbs(), None, "23.21").unwrap_err(),
        ),
    ];
    assert_eq!(
        fields(&problems),
        expected
            .iter()
            .map(|(id, e)| (id.to_string(), e.to_string()))
            .collect::<Vec<_>>()
            .iter()
            .map(|(id, m)| (id.clone(), m.as_str()))
            .collect::<Vec<_>>()
    );
    assert!(matches!(expected[2].1, BaselineError::KindMissing { .. }));
    // Only the measures still missing a baseline are read.
    assert!(d.typed_baselines(&[]).unwrap().is_empty());
}

#[test]
fn a_measure_continues_only_with_every_question_answered() {
    let p = phq9();
    let problems = check_measure(&p, &Answers::default());
    assert_eq!(problems.len(), p.items.len());
    for (problem, item) in problems.iter().zip(&p.items) {
        assert_eq!(problem.field.id(), format!("phq9-{}", item.id));
        assert_eq!(problem.message, item.missing_message);
    }
    let mut a = phq9_answers(2, 0);
    assert!(check_measure(&p, &a).is_empty());
    a = Answers::from_pairs(&p, a.in_pairs().filter(|(i, _)| *i != "phq9-4")).unwrap();
    assert_eq!(
        fields(&check_measure(&p, &a)),
        [("phq9-phq9-4".into(), p.items[3].missing_message.as_str())]
    );
}

#[test]
fn notes_longer_than_500_characters_are_refused_on_the_notes_field() {
    let mut d = draft_for("A-1", "baseline");
    d.notes = "é".repeat(NOTES_MAX_CHARS);
    assert!(d.check_notes().unwrap().is_some());
    d.notes.push('x');
    let problem = d.check_notes().unwrap_err();
    assert_eq!(
        (problem.field, problem.message.as_str()),
        (VisitField::Notes, "Notes must be 500 characters or fewer")
    );
    d.notes = "   ".into();
    assert_eq!(d.check_notes().unwrap(), None);
}

// ---------------------------------------------------------------------------------------------
// What is kept on the device while typing

fn typed_draft() -> VisitDraft {
    let mut d = VisitDraft::start(Some(client("A-1")));
    d.timepoint_code = "other".into();
    (d.other_day, d.other_month, d.other_year) = ("1".into(), "5".into(), "2026".into());
    d.consent = true;
    let details = d.check_details(None, date(TODAY)).unwrap();
    d.set_details(details);
    d.records.insert("phq9".into(), "14".into());
    d.answers.insert("phq9".into(), phq9_answers(1, 2));
    d.notes = "Seen at home".into();
    d
}

#[test]
fn a_visit_under_way_is_kept_and_restored_as_typed_on_its_page() {
    let instruments = [phq9(), ons4()];
    let d = typed_draft();
    let stored = d.to_stored(VisitPage::Measure(1), 1_000).unwrap();
    assert_eq!(
        (stored.page.as_str(), stored.saved_at_ms),
        ("measure-1", 1_000)
    );
    let text = serde_json::to_string(&stored).unwrap();
    let back: StoredVisit = serde_json::from_str(&text).unwrap();
    let (restored, page) = VisitDraft::restore(back, &instruments, 2_000, 10_000).unwrap();
    assert_eq!(page, VisitPage::Measure(1));
    // What was typed comes back, with the client it was typed for; the rest of what was
    // checked is checked again by the caller.
    assert_eq!(restored.reference, "A-1");
    assert_eq!(restored.client, Some(client("A-1")));
    assert_eq!(
        VisitDraft {
            timepoint: None,
            visit_date: None,
            ..d.clone()
        },
        restored
    );
    // Checked again as "Continue" would, the restored details keep every answer.
    let mut again = restored.clone();
    let details = again.check_details(None, date(TODAY)).unwrap();
    assert!(!again.set_details(details));
    assert_eq!(again.answers, d.answers);
    // A reference changed on the details page but not continued from: once restored and
    // checked, nothing typed for the other client is left.
    let mut edited = d.clone();
    edited.reference = "B-2".into();
    let stored = edited.to_stored(VisitPage::Details, 1_000).unwrap();
    let (mut restored, page) = VisitDraft::restore(stored, &instruments, 2_000, 10_000).unwrap();
    assert_eq!(
        (page, restored.client.clone()),
        (VisitPage::Details, Some(client("A-1")))
    );
    let details = restored.check_details(None, date(TODAY)).unwrap();
    assert!(restored.set_details(details));
    assert!(
        restored.answers.is_empty() && restored.records.is_empty() && restored.notes.is_empty()
    );
    // A visit stored without its client was typed for the reference it holds.
    let mut no_client = d.to_stored(VisitPage::Measure(1), 1_000).unwrap();
    no_client.client = None;
    let (restored, _) = VisitDraft::restore(no_client, &instruments, 2_000, 10_000).unwrap();
    assert_eq!(restored.client, Some(client("A-1")));
    // Nothing is kept outside a visit, or once it is sent.
    assert_eq!(d.to_stored(VisitPage::Home, 1_000), None);
    let mut sent = d.clone();
    sent.sent = Some(
        wellbeing_widget::domain::submission_id::SubmissionId::parse(
            "3f2b8c1e-9a4d-4e6f-8b2a-1c3d5e7f9a0b",
        )
        .unwrap(),
    );
    assert_eq!(sent.to_stored(VisitPage::Check, 1_000), None);
}

#[test]
fn a_stored_visit_that_cannot_be_used_is_not_restored() {
    let instruments = [phq9(), ons4()];
    let stored = || {
        typed_draft()
            .to_stored(VisitPage::Measure(1), 1_000)
            .unwrap()
    };
    let restore = |s: StoredVisit, now: u64| VisitDraft::restore(s, &instruments, now, 10_000);
    assert!(restore(stored(), 11_000).is_some(), "exactly the draft age");
    assert!(
        restore(stored(), 11_001).is_none(),
        "older than the draft age"
    );
    assert!(restore(stored(), 999).is_none(), "saved in the future");
    let mut other_version = stored();
    other_version.version = STORED_VISIT_VERSION + 1;
    assert!(restore(other_version, 2_000).is_none());
    let mut not_an_option = stored();
    not_an_option
        .answers
        .get_mut("phq9")
        .unwrap()
        .insert("phq9-1".into(), 4);
    assert!(restore(not_an_option, 2_000).is_none());
    let mut unknown_measure = stored();
    unknown_measure
        .answers
        .insert("gad7".into(), Default::default());
    assert!(restore(unknown_measure, 2_000).is_none());
    // A page this deployment no longer has (fewer measures).
    assert!(VisitDraft::restore(stored(), &instruments[..1], 2_000, 10_000).is_none());
}

// ---------------------------------------------------------------------------------------------
// Baselines needed, the change at a glance, and sending

fn history_with_phq9_baseline(reference: &str, answers: &Answers) -> History {
    let mut h = History::new();
    h.add(Visit {
        client: client(reference),
        timepoint: Timepoint::Baseline,
        date: date("2026-05-01"),
        measures: vec![wellbeing_widget::domain::scoring::Measure::new(
            &phq9(),
            answers,
        )],
        consent_confirmed: true,
        notes: None,
    });
    h
}

#[test]
fn the_records_page_is_asked_only_after_the_baseline_and_for_measures_without_one() {
    let instruments = [phq9(), ons4(), ucla3()];
    let empty = History::new();
    let at_baseline = draft_for("A-1", "baseline");
    assert!(!at_baseline.route(&instruments, &empty).needs_records);
    let later = draft_for("A-1", "6-weeks");
    let route = later.route(&instruments, &empty);
    assert_eq!(
        route,
        VisitRoute {
            measures: 3,
            needs_records: true
        }
    );
    // UCLA-3 has a total too; with PHQ-9 on the device only the others are asked.
    let h = history_with_phq9_baseline("A-1", &phq9_answers(1, 0));
    let missing: Vec<String> = later
        .missing_baselines(&instruments, &h)
        .into_iter()
        .map(|i| i.id)
        .collect();
    assert_eq!(missing, ["ons4", "ucla3"]);
    // Another client's baseline is not this client's.
    let other = history_with_phq9_baseline("B-2", &phq9_answers(1, 0));
    assert_eq!(later.missing_baselines(&instruments, &other).len(), 3);
    // Before the details are accepted nothing is known to be missing.
    assert!(
        VisitDraft::start(None)
            .missing_baselines(&instruments, &h)
            .is_empty()
    );
    let all_there = [phq9()];
    assert!(!later.route(&all_there, &h).needs_records);
}

#[test]
fn the_glance_compares_with_this_clients_baseline_only() {
    let instruments = [phq9()];
    let (before, now) = (phq9_answers(2, 0), phq9_answers(1, 0));
    let mut h = history_with_phq9_baseline("A-1", &before);
    h.add(Visit {
        client: client("B-2"),
        ..h.for_client(&client("A-1"))[0].clone()
    });
    let mut d = draft_for("A-1", "6-weeks");
    d.answers.insert("phq9".into(), now.clone());
    let glance = d.glance(&instruments, &h, date(TODAY));
    assert_eq!(glance.len(), 1);
    let g = &glance[0];
    let (b, n) = (
        score(&phq9(), &before).unwrap(),
        score(&phq9(), &now).unwrap(),
    );
    assert_eq!(g.baseline.as_ref().unwrap().source, BaselineSource::Device);
    assert_eq!(g.summaries, summarise(&phq9(), &b, &n));
    assert_eq!(
        g.points,
        vec![
            (Timepoint::Baseline, date("2026-05-01"), b.clone()),
            (Timepoint::SixWeeks, date(TODAY), n.clone()),
        ]
    );
    assert!(g.scored_now);
    // At the baseline visit there is nothing to compare with.
    let mut first = draft_for("C-3", "baseline");
    first.answers.insert("phq9".into(), now);
    let g = &first.glance(&instruments, &h, date(TODAY))[0];
    assert!(g.baseline.is_none() && g.summaries.is_empty());
    assert_eq!(g.points.len(), 1);
    // Unanswered: no score now, only the earlier points.
    let unanswered = draft_for("A-1", "6-weeks");
    let g = &unanswered.glance(&instruments, &h, date(TODAY))[0];
    assert!(!g.scored_now && g.summaries.is_empty());
    assert_eq!(g.points.len(), 1);
}

#[test]
fn sending_keeps_the_visit_and_its_typed_in_baselines_and_flags_the_risk() {
    let instruments = [phq9(), ons4()];
    let mut d = draft_for("A-1", "6-weeks");
    d.answers.insert("phq9".into(), phq9_answers(1, 1));
    d.records.insert(record_key("phq9", "total"), "20".into());
    d.notes = "Seen at home".into();
    let before = History::new();
    let sent = d.send(&instruments, &before, date(TODAY)).unwrap();
    assert_eq!(sent.context.client_reference, client("A-1"));
    assert_eq!(sent.context.timepoint, Timepoint::SixWeeks);
    assert_eq!(sent.context.visit_date, date(TODAY));
    assert_eq!(
        sent.context.notes.as_ref().map(|n| n.as_str()),
        Some("Seen at home")
    );
    // PHQ-9 item 9 answered above 0.
    assert!(sent.risk.urgent);
    // The typed-in baseline is compared with, and kept as the client's baseline.
    let phq = &sent.measures[0];
    let change = phq.change.as_ref().unwrap();
    assert_eq!(change.baseline_source, BaselineSource::Records);
    assert_eq!(change.scores[0].baseline, 20.0);
    assert_eq!(change.scores[0].now, 9.0);
    assert!(change.is_consistent(&phq9(), phq.score.as_ref()));
    let a = client("A-1");
    assert_eq!(
        sent.history.baseline_for(&a, "phq9").unwrap().score.total,
        Some(20)
    );
    assert_eq!(sent.history.for_client(&a).len(), 1);
    assert_eq!(sent.glance[0].summaries[0].score, change.scores[0]);
    // ONS4 was not answered and had no typed-in baseline: no change.
    assert!(sent.measures[1].change.is_none());
    // Not before the details are accepted, and only once.
    assert!(
        VisitDraft::start(None)
            .send(&instruments, &before, date(TODAY))
            .is_none()
    );
    let mut again = d.clone();
    again.sent = Some(
        wellbeing_widget::domain::submission_id::SubmissionId::parse(
            "3f2b8c1e-9a4d-4e6f-8b2a-1c3d5e7f9a0b",
        )
        .unwrap(),
    );
    assert!(again.send(&instruments, &before, date(TODAY)).is_none());
    // A refused typed-in baseline is not kept (the records page would not have let it through).
    d.records.insert(record_key("phq9", "total"), "99".into());
    let sent = d.send(&instruments, &before, date(TODAY)).unwrap();
    assert!(
        sent.history
            .baseline_for(&a, "phq9")
            .is_some_and(|b| b.source == BaselineSource::Device)
    );
    assert!(sent.measures[0].change.is_none());
}

proptest! {
    /// Whatever is typed, a visit under way comes back from the device as it was typed.
    #[test]
    fn whatever_is_typed_comes_back(
        reference in ".{0,40}",
        day in ".{0,4}",
        notes in ".{0,80}",
        consent in any::<bool>(),
        values in proptest::collection::vec(0i64..=3, 9),
        page in 0usize..5,
    ) {
        let instruments = [phq9()];
        let p = phq9();
        let mut d = VisitDraft::start(None);
        d.reference = reference;
        d.other_day = day;
        d.notes = notes;
        d.consent = consent;
        let mut a = Answers::default();
        for (item, v) in p.items.iter().zip(&values) {
            a.set(&p, &item.id, *v).unwrap();
        }
        d.answers.insert("phq9".into(), a);
        let page = [VisitPage::Details, VisitPage::Records, VisitPage::Measure(0), VisitPage::Notes, VisitPage::Check][page];
        let text = serde_json::to_string(&d.to_stored(page, 5).unwrap()).unwrap();
        let (back, at) = VisitDraft::restore(serde_json::from_str(&text).unwrap(), &instruments, 5, 0).unwrap();
        // Stored before its details were continued from, it was typed for the reference it holds.
        let client = ClientReference::parse(&d.reference, None).ok();
        prop_assert_eq!(back, VisitDraft { client, ..d });
        prop_assert_eq!(at, page);
    }
}
