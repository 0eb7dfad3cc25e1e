//! The journey across several measures (with the urgent-help page) and the draft kept on the
//! device.

use serde_json::{Value, json};
use wellbeing_widget::domain::draft::{DEFAULT_MAX_AGE_MS, Draft, DraftError};
use wellbeing_widget::domain::instrument::{Answers, Instrument, ons4, phq9, ucla3};
use wellbeing_widget::domain::journey::{Journey, Step};

/// Three measures of 4, 3 and 1 questions (e.g. ONS4, UCLA-3, the direct loneliness question).
fn j() -> Journey {
    Journey {
        referral: false,
        questions: vec![4, 3, 1],
    }
}

fn q(measure: usize, index: usize) -> Step {
    Step::Question { measure, index }
}

fn urgent(measure: usize, index: usize) -> Step {
    Step::UrgentHelp { measure, index }
}

/// Every page from the start page to check-your-answers, in order.
fn all_pages() -> Vec<Step> {
    vec![
        Step::Start,
        q(0, 0),
        q(0, 1),
        q(0, 2),
        q(0, 3),
        q(1, 0),
        q(1, 1),
        q(1, 2),
        q(2, 0),
        Step::Check,
    ]
}

// ---------------------------------------------------------------------------------------------
// The journey
// ---------------------------------------------------------------------------------------------

#[test]
fn continue_walks_every_measure_in_order_then_check_answers() {
    let j = j();
    let mut step = Step::Start;
    let mut seen = vec![step];
    while step != Step::Check {
        step = j.next(step, false);
        seen.push(step);
        assert!(
            seen.len() <= 20,
            "the walk never reaches check-your-answers"
        );
    }
    assert_eq!(seen, all_pages());
    assert_eq!(j.first(), q(0, 0));
    assert_eq!(j.next(Step::Check, false), Step::Sent);
    assert_eq!(j.next(Step::Sent, false), Step::Sent);
}

#[test]
fn back_retraces_the_walk_across_measure_boundaries() {
    let j = j();
    let pages = all_pages();
    for pair in pages.windows(2) {
        assert_eq!(
            j.back(pair[1], false),
            Some(pair[0]),
            "back from {:?}",
            pair[1]
        );
        assert_eq!(j.next(pair[0], false), pair[1], "next from {:?}", pair[0]);
    }
    // The boundaries, spelled out.
    assert_eq!(j.next(q(0, 3), false), q(1, 0));
    assert_eq!(j.back(q(1, 0), false), Some(q(0, 3)));
    assert_eq!(j.next(q(1, 2), false), q(2, 0));
    assert_eq!(j.back(q(2, 0), false), Some(q(1, 2)));
    assert_eq!(j.back(Step::Check, false), Some(q(2, 0)));
    assert_eq!(j.back(q(0, 0), false), Some(Step::Start));
    assert_eq!(j.back(Step::Start, false), None);
    assert_eq!(j.back(Step::Sent, false), None);
}

#[test]
fn a_measure_without_questions_is_skipped_and_no_measures_go_straight_to_check() {
    let j = Journey {
        referral: false,
        questions: vec![2, 0, 1],
    };
    assert_eq!(j.next(q(0, 1), false), q(2, 0));
    assert_eq!(j.back(q(2, 0), false), Some(q(0, 1)));
    assert!(!j.contains(q(1, 0)));

    let empty = Journey {
        referral: false,
        questions: vec![],
    };
    assert_eq!(empty.first(), Step::Check);
    assert_eq!(empty.back(Step::Check, false), Some(Step::Start));
}

#[test]
fn a_change_from_check_answers_returns_there() {
    let j = j();
    for step in [q(0, 0), q(1, 1), q(2, 0)] {
        assert_eq!(j.next(step, true), Step::Check, "{step:?}");
        assert_eq!(j.back(step, true), Some(Step::Check), "{step:?}");
    }
    assert_eq!(j.next(Step::Check, true), Step::Sent);
}

#[test]
fn continue_from_urgent_help_goes_on_as_from_its_question() {
    let j = j();
    assert_eq!(j.next(urgent(0, 1), false), q(0, 2));
    // At a measure boundary, and after the last question.
    assert_eq!(j.next(urgent(0, 3), false), q(1, 0));
    assert_eq!(j.next(urgent(2, 0), false), Step::Check);
    // While changing an answer, it goes back to check-your-answers as the question would.
    assert_eq!(j.next(urgent(1, 1), true), Step::Check);
    for step in [q(0, 0), q(0, 3), q(1, 2), q(2, 0)] {
        let Step::Question { measure, index } = step else {
            unreachable!()
        };
        assert_eq!(
            j.next(urgent(measure, index), false),
            j.next(step, false),
            "{step:?}"
        );
    }
}

#[test]
fn back_from_urgent_help_returns_to_its_question() {
    let j = j();
    for changing in [false, true] {
        assert_eq!(j.back(urgent(0, 0), changing), Some(q(0, 0)));
        assert_eq!(j.back(urgent(1, 2), changing), Some(q(1, 2)));
        assert_eq!(j.back(urgent(2, 0), changing), Some(q(2, 0)));
    }
}

#[test]
fn contains_knows_which_pages_exist() {
    let j = j();
    for step in all_pages() {
        assert!(j.contains(step), "{step:?}");
    }
    assert!(j.contains(Step::Sent));
    for (m, i) in [(0, 0), (0, 3), (1, 2), (2, 0)] {
        assert!(j.contains(urgent(m, i)), "{m}/{i}");
    }
    for (m, i) in [(0, 4), (1, 3), (2, 1), (3, 0), (99, 0)] {
        assert!(!j.contains(q(m, i)), "question {m}/{i}");
        assert!(!j.contains(urgent(m, i)), "urgent help {m}/{i}");
    }
}

#[test]
fn steps_have_a_stable_stored_form() {
    assert_eq!(
        serde_json::to_value(Step::Start).unwrap(),
        json!({"page": "start"})
    );
    assert_eq!(
        serde_json::to_value(q(1, 2)).unwrap(),
        json!({"page": "question", "measure": 1, "index": 2})
    );
    assert_eq!(
        serde_json::to_value(urgent(0, 3)).unwrap(),
        json!({"page": "urgent-help", "measure": 0, "index": 3})
    );
    assert_eq!(
        serde_json::to_value(Step::Check).unwrap(),
        json!({"page": "check"})
    );
    assert_eq!(
        serde_json::to_value(Step::Sent).unwrap(),
        json!({"page": "sent"})
    );
}

// ---------------------------------------------------------------------------------------------
// Drafts
// ---------------------------------------------------------------------------------------------

const NOW: u64 = 1_800_000_000_000;

/// The instruments of the draft tests, and their journey: ONS4 (4), UCLA-3 (3), PHQ-9 (9).
fn instruments() -> Vec<Instrument> {
    vec![ons4(), ucla3(), phq9()]
}

fn journey_of(instruments: &[Instrument]) -> Journey {
    Journey {
        referral: false,
        questions: instruments.iter().map(|i| i.items.len()).collect(),
    }
}

/// A draft on the second UCLA question with answers to ONS4 and UCLA-3.
fn draft() -> Draft {
    let mut d = Draft::new(NOW - 1000);
    d.step = q(1, 1);
    d.answers.insert(
        "ons4".into(),
        Answers::from_pairs(&ons4(), [("satisfaction", 3), ("worthwhile", 10)]).unwrap(),
    );
    d.answers.insert(
        "ucla3".into(),
        Answers::from_pairs(&ucla3(), [("ucla3-1", 2)]).unwrap(),
    );
    d
}

fn load(json: &str) -> Result<Draft, DraftError> {
    let i = instruments();
    Draft::from_json(json, &i, &journey_of(&i), NOW, DEFAULT_MAX_AGE_MS)
}

/// The stored form of `draft()` with `f` applied.
fn tampered(f: impl FnOnce(&mut Value)) -> String {
    let mut v: Value = serde_json::from_str(&serde_json::to_string(&draft()).unwrap()).unwrap();
    f(&mut v);
    v.to_string()
}

#[test]
fn a_draft_with_answers_to_two_instruments_round_trips() {
    let d = draft();
    let back = load(&serde_json::to_string(&d).unwrap()).unwrap();
    assert_eq!(back, d);
    assert_eq!(back.answers_to("ons4").get("worthwhile"), Some(10));
    assert_eq!(back.answers_to("ucla3").get("ucla3-1"), Some(2));
    assert!(back.answers_to("phq9").is_empty());
    assert!(back.answers_to("not-asked").is_empty());
}

#[test]
fn the_stored_form_keeps_answers_per_instrument() {
    let v: Value = serde_json::from_str(&serde_json::to_string(&draft()).unwrap()).unwrap();
    assert_eq!(v["version"], 2);
    assert_eq!(
        v["answers"],
        json!({"ons4": {"satisfaction": 3, "worthwhile": 10}, "ucla3": {"ucla3-1": 2}})
    );
    assert_eq!(
        v["step"],
        json!({"page": "question", "measure": 1, "index": 1})
    );
    assert_eq!(v["risk_shown"], json!([]));
}

#[test]
fn answers_to_instruments_no_longer_asked_are_dropped() {
    // Saved while PHQ-9 was asked; the deployment now asks only ONS4 and UCLA-3.
    let mut d = draft();
    d.answers.insert(
        "phq9".into(),
        Answers::from_pairs(&phq9(), [("phq9-1", 2)]).unwrap(),
    );
    let fewer = vec![ons4(), ucla3()];
    let back = Draft::from_json(
        &serde_json::to_string(&d).unwrap(),
        &fewer,
        &journey_of(&fewer),
        NOW,
        DEFAULT_MAX_AGE_MS,
    )
    .unwrap();
    assert_eq!(back.answers, draft().answers);

    // An instrument nobody knows, even with answers that would not fit any instrument.
    let json = tampered(|v| v["answers"]["retired-survey"] = json!({"q1": 99, "q2": -4}));
    assert_eq!(load(&json).unwrap(), draft());
}

#[test]
fn an_answer_that_is_not_an_option_or_an_unknown_item_makes_the_draft_corrupt() {
    let cases = [
        (
            "ucla3 answer 4",
            tampered(|v| v["answers"]["ucla3"]["ucla3-1"] = json!(4)),
        ),
        (
            "ucla3 answer 0",
            tampered(|v| v["answers"]["ucla3"]["ucla3-1"] = json!(0)),
        ),
        (
            "ons4 answer 11",
            tampered(|v| v["answers"]["ons4"]["worthwhile"] = json!(11)),
        ),
        (
            "ons4 answer -1",
            tampered(|v| v["answers"]["ons4"]["worthwhile"] = json!(-1)),
        ),
        (
            "phq9 answer 4",
            tampered(|v| v["answers"]["phq9"] = json!({"phq9-9": 4})),
        ),
        (
            "answer as text",
            tampered(|v| v["answers"]["ons4"]["worthwhile"] = json!("10")),
        ),
        (
            "fractional answer",
            tampered(|v| v["answers"]["ons4"]["worthwhile"] = json!(9.5)),
        ),
        (
            "unknown item",
            tampered(|v| v["answers"]["ons4"]["mood"] = json!(5)),
        ),
        (
            "another instrument's item",
            tampered(|v| v["answers"]["ons4"]["ucla3-2"] = json!(2)),
        ),
        (
            "answers not per instrument",
            tampered(|v| v["answers"] = json!({"satisfaction": 3})),
        ),
    ];
    for (what, json) in cases {
        assert_eq!(load(&json), Err(DraftError::Corrupt), "{what}");
    }
}

#[test]
fn a_page_that_is_not_in_the_journey_makes_the_draft_corrupt() {
    for step in [
        json!({"page": "question", "measure": 1, "index": 3}),
        json!({"page": "question", "measure": 3, "index": 0}),
        json!({"page": "urgent-help", "measure": 2, "index": 9}),
        json!({"page": "question", "index": 1}),
        json!({"page": "nowhere"}),
    ] {
        let json = tampered(|v| v["step"] = step.clone());
        assert_eq!(load(&json), Err(DraftError::Corrupt), "{step}");
    }
    // The same page exists when the journey is longer.
    let json = tampered(|v| v["step"] = json!({"page": "urgent-help", "measure": 2, "index": 8}));
    assert_eq!(load(&json).unwrap().step, urgent(2, 8));
}

#[test]
fn the_urgent_help_already_shown_round_trips() {
    let mut d = draft();
    d.step = urgent(2, 8);
    d.answers.insert(
        "phq9".into(),
        Answers::from_pairs(&phq9(), [("phq9-9", 1)]).unwrap(),
    );
    d.risk_shown = vec!["phq9-item9".into()];
    let back = load(&serde_json::to_string(&d).unwrap()).unwrap();
    assert_eq!(back, d);
    assert_eq!(back.risk_shown, ["phq9-item9"]);
    // Drafts written without the field read as nothing shown yet.
    let json = tampered(|v| {
        v.as_object_mut().unwrap().remove("risk_shown");
    });
    assert!(load(&json).unwrap().risk_shown.is_empty());
}

#[test]
fn risk_flags_phq9_item_9_from_the_answers_so_far() {
    let all = instruments();
    let mut d = draft();
    assert!(!d.risk(&all).urgent);
    assert!(d.risk(&all).reasons.is_empty());

    d.answers.insert(
        "phq9".into(),
        Answers::from_pairs(&phq9(), [("phq9-1", 3), ("phq9-9", 0)]).unwrap(),
    );
    assert!(!d.risk(&all).urgent, "item 9 answered 0");

    for v in 1..=3 {
        d.answers.insert(
            "phq9".into(),
            Answers::from_pairs(&phq9(), [("phq9-9", v)]).unwrap(),
        );
        let r = d.risk(&all);
        assert!(r.urgent, "item 9 answered {v}");
        assert_eq!(r.reasons, ["phq9-item9"]);
    }
    // Only the instruments asked count.
    assert!(!d.risk(&[ons4(), ucla3()]).urgent);
}

#[test]
fn corrupt_tampered_old_or_expired_drafts_are_discarded_with_a_reason() {
    let good = serde_json::to_string(&draft()).unwrap();
    assert_eq!(load("{not json"), Err(DraftError::Corrupt));
    assert_eq!(load("[]"), Err(DraftError::Corrupt));
    assert_eq!(load("{}"), Err(DraftError::Corrupt));
    assert_eq!(
        load(&good.replace("\"version\":2", "\"version\":1")),
        Err(DraftError::OtherVersion)
    );
    assert_eq!(
        load(&tampered(|v| v["unexpected"] = json!(true))),
        Err(DraftError::Corrupt)
    );
    assert_eq!(
        load(&tampered(|v| v["risk_shown"] = json!("phq9-item9"))),
        Err(DraftError::Corrupt)
    );
    // The single-instrument layout of the first slice is not read as this one.
    let first_slice = json!({
        "version": 1, "saved_at_ms": NOW - 1000,
        "step": {"page": "question", "index": 2},
        "answers": {"satisfaction": 3, "worthwhile": 10}
    });
    assert!(load(&first_slice.to_string()).is_err());

    let old = serde_json::to_string(&Draft::new(NOW - DEFAULT_MAX_AGE_MS - 1)).unwrap();
    assert_eq!(load(&old), Err(DraftError::Expired));
    let just_in_time = serde_json::to_string(&Draft::new(NOW - DEFAULT_MAX_AGE_MS)).unwrap();
    assert!(load(&just_in_time).is_ok());
    let future = serde_json::to_string(&Draft::new(NOW + 3_600_000)).unwrap();
    assert_eq!(load(&future), Err(DraftError::Corrupt));
}

#[test]
fn a_draft_from_another_tab_is_merged_not_overwritten() {
    let all = [ons4(), ucla3()];
    let mut ours = Draft::new(1);
    ours.answers.insert(
        "ons4".into(),
        Answers::from_pairs(&all[0], [("satisfaction", 3)]).unwrap(),
    );
    let mut theirs = Draft::new(2);
    theirs.answers.insert(
        "ons4".into(),
        Answers::from_pairs(&all[0], [("happy", 8)]).unwrap(),
    );
    theirs.answers.insert(
        "ucla3".into(),
        Answers::from_pairs(&all[1], [("ucla3-1", 2)]).unwrap(),
    );
    theirs.risk_shown.push("phq9-item9".into());
    assert!(ours.merge_from(&theirs, &all));
    assert_eq!(
        ours.answers_to("ons4").get("satisfaction"),
        Some(3),
        "ours kept"
    );
    assert_eq!(
        ours.answers_to("ons4").get("happy"),
        Some(8),
        "theirs added"
    );
    assert_eq!(ours.risk_shown, ["phq9-item9"]);
    // Merging the same again changes nothing (so two tabs do not echo writes forever).
    assert!(!ours.merge_from(&theirs, &all));
}

#[test]
fn progress_is_any_page_past_the_start_or_any_answer() {
    let mut d = Draft::new(1);
    assert!(!d.has_progress());
    d.step = Step::Check;
    assert!(d.has_progress());
    let mut d = Draft::new(1);
    d.answers.insert(
        "ons4".into(),
        Answers::from_pairs(&ons4(), [("happy", 1)]).unwrap(),
    );
    assert!(d.has_progress());
}

#[test]
fn skipping_past_a_disclosed_risk_keeps_it_but_a_new_answer_takes_it_back() {
    let all = [phq9()];
    let mut d = Draft::new(1);
    d.answer(&all[0], "phq9-9", 1).unwrap();
    assert_eq!(d.risk(&all).reasons, ["phq9-item9"]);
    d.skip(&all[0], "phq9-9");
    assert_eq!(
        d.answers_to("phq9").get("phq9-9"),
        None,
        "the answer is cleared"
    );
    let risk = d.risk(&all);
    assert!(risk.urgent, "a disclosure is not taken back by skipping");
    assert_eq!(risk.reasons, ["phq9-item9"]);
    // It survives a reload.
    let j = Journey {
        referral: false,
        questions: vec![9],
    };
    let back = Draft::from_json(
        &serde_json::to_string(&d).unwrap(),
        &all,
        &j,
        2,
        DEFAULT_MAX_AGE_MS,
    )
    .unwrap();
    assert!(back.risk(&all).urgent);
    // Choosing "Not at all" is a deliberate answer: no longer urgent.
    d.answer(&all[0], "phq9-9", 0).unwrap();
    assert!(!d.risk(&all).urgent);
}

#[test]
fn urgent_help_shows_once_per_risk_and_the_item_that_raised_it_is_known() {
    use wellbeing_widget::domain::scoring::item_raises_risk;
    let all = [phq9()];
    let mut d = Draft::new(1);
    d.answer(&all[0], "phq9-1", 3).unwrap();
    assert!(d.unseen_risk(&all).is_empty());
    assert!(!item_raises_risk(&all[0], &d.answers_to("phq9"), "phq9-1"));
    d.answer(&all[0], "phq9-9", 2).unwrap();
    assert!(item_raises_risk(&all[0], &d.answers_to("phq9"), "phq9-9"));
    assert!(!item_raises_risk(&all[0], &d.answers_to("phq9"), "phq9-1"));
    assert_eq!(d.unseen_risk(&all), ["phq9-item9"]);
    d.risk_shown.push("phq9-item9".into());
    assert!(d.unseen_risk(&all).is_empty(), "shown once");
    // Answering "Not at all" and then above 0 again shows it again.
    d.answer(&all[0], "phq9-9", 0).unwrap();
    d.answer(&all[0], "phq9-9", 1).unwrap();
    assert_eq!(d.unseen_risk(&all), ["phq9-item9"]);
}

// ---------------------------------------------------------------------------------------------
// The self-referral pages in the journey, and in the draft
// ---------------------------------------------------------------------------------------------

use wellbeing_widget::domain::referral::{Area, ReferralAnswers, ReferralPage, Source};

fn referral_journey() -> Journey {
    Journey {
        referral: true,
        questions: vec![4, 1],
    }
}

fn part(part: ReferralPage) -> Step {
    Step::Referral { part }
}

#[test]
fn the_referral_pages_come_after_the_start_page_and_before_the_measures() {
    let j = referral_journey();
    let mut step = Step::Start;
    let mut seen = vec![step];
    while step != Step::Check {
        step = j.next(step, false);
        seen.push(step);
        assert!(seen.len() <= 20);
    }
    let mut expected = vec![Step::Start];
    expected.extend(ReferralPage::ALL.map(part));
    expected.extend([q(0, 0), q(0, 1), q(0, 2), q(0, 3), q(1, 0), Step::Check]);
    assert_eq!(seen, expected);
    assert_eq!(j.first(), part(ReferralPage::AboutYou));
    // Back retraces it, from the first question to the consent page and so on to the start.
    let mut back = Step::Check;
    let mut walked = vec![back];
    while let Some(b) = j.back(back, false) {
        walked.push(b);
        back = b;
    }
    walked.reverse();
    assert_eq!(walked, expected);
}

#[test]
fn a_change_to_a_referral_answer_returns_to_check_answers() {
    let j = referral_journey();
    for p in ReferralPage::ALL {
        assert_eq!(j.next(part(p), true), Step::Check, "{p:?}");
        assert_eq!(j.back(part(p), true), Some(Step::Check), "{p:?}");
    }
}

#[test]
fn the_under_age_page_leads_nowhere_but_back_to_about_you() {
    let j = referral_journey();
    assert_eq!(j.next(Step::TooYoung, false), Step::TooYoung);
    assert_eq!(
        j.back(Step::TooYoung, false),
        Some(part(ReferralPage::AboutYou))
    );
    assert!(j.contains(Step::TooYoung));
    // A journey without the referral pages has neither.
    assert!(!j_contains_without_referral(Step::TooYoung));
    assert!(!j_contains_without_referral(part(ReferralPage::Consent)));
}

fn j_contains_without_referral(step: Step) -> bool {
    Journey {
        referral: false,
        questions: vec![4, 1],
    }
    .contains(step)
}

#[test]
fn referral_steps_have_a_stable_stored_form() {
    assert_eq!(
        serde_json::to_value(part(ReferralPage::WhatMatters)).unwrap(),
        json!({"page": "referral", "part": "what-matters"})
    );
    assert_eq!(
        serde_json::to_value(Step::TooYoung).unwrap(),
        json!({"page": "too-young"})
    );
}

fn typed() -> ReferralAnswers {
    ReferralAnswers {
        full_name: "Ada <b>Lovelace</b>".into(),
        what_matters: "Line one\nLine two".into(),
        areas: vec![Area::Housing],
        heard_from: Some(Source::Other),
        heard_other: "A poster".into(),
        ..ReferralAnswers::default()
    }
}

#[test]
fn the_referral_answers_are_kept_in_the_draft_exactly_as_typed() {
    let i = instruments();
    let j = Journey {
        referral: true,
        questions: i.iter().map(|i| i.items.len()).collect(),
    };
    let mut d = Draft::new(NOW - 1000);
    d.step = part(ReferralPage::HowHeard);
    d.referral = typed();
    let back = Draft::from_json(
        &serde_json::to_string(&d).unwrap(),
        &i,
        &j,
        NOW,
        DEFAULT_MAX_AGE_MS,
    )
    .unwrap();
    assert_eq!(back, d);
    assert_eq!(back.referral.full_name, "Ada <b>Lovelace</b>");
    // A draft written before the referral pages existed still loads, with no referral answers.
    let mut v: Value = serde_json::from_str(&serde_json::to_string(&draft()).unwrap()).unwrap();
    v.as_object_mut().unwrap().remove("referral");
    let old = load(&v.to_string()).unwrap();
    assert_eq!(old.referral, ReferralAnswers::default());
    // A referral page in a journey without the referral pages makes the draft unusable.
    assert_eq!(
        load(&serde_json::to_string(&d).unwrap()),
        Err(DraftError::Corrupt)
    );
}

#[test]
fn a_referral_answer_alone_is_progress() {
    let mut d = Draft::new(NOW);
    assert!(!d.has_progress());
    d.referral.full_name = "A".into();
    assert!(d.has_progress());
}

#[test]
fn referral_answers_from_another_tab_are_merged_theirs_first() {
    let i = instruments();
    let mut ours = Draft::new(NOW);
    ours.referral.full_name = "Ada".into();
    ours.referral.postcode = "SW1A 1AA".into();
    let mut theirs = Draft::new(NOW);
    theirs.referral.full_name = "Ada Lovelace".into();
    theirs.referral.areas = vec![Area::Housing];
    assert!(ours.merge_from(&theirs, &i));
    assert_eq!(
        ours.referral.full_name, "Ada Lovelace",
        "their newer answer wins"
    );
    assert_eq!(
        ours.referral.postcode, "SW1A 1AA",
        "our answer they have not given is kept"
    );
    assert_eq!(ours.referral.areas, vec![Area::Housing]);
    // Merging the same again changes nothing.
    assert!(!ours.merge_from(&theirs, &i));
}

#[test]
fn a_stored_page_must_have_exactly_its_own_fields() {
    for bad in [
        json!({"page": "question", "measure": 1}),
        json!({"page": "question", "index": 1}),
        json!({"page": "question", "measure": 1, "index": 2, "part": "contact"}),
        json!({"page": "referral"}),
        json!({"page": "referral", "part": "nowhere"}),
        json!({"page": "elsewhere"}),
        json!({"measure": 1, "index": 2}),
    ] {
        assert!(
            serde_json::from_value::<Step>(bad.clone()).is_err(),
            "{bad} is not a page"
        );
    }
    // A page without fields of its own is read as that page whatever else is beside it (serde's
    // internally tagged unit variants ignore other fields); the widget never writes any.
    for (text, step) in [
        (
            json!({"page": "start", "measure": 0, "index": 0}),
            Step::Start,
        ),
        (json!({"page": "check", "part": "contact"}), Step::Check),
        (json!({"page": "sent", "extra": 1}), Step::Sent),
    ] {
        assert_eq!(serde_json::from_value::<Step>(text).unwrap(), step);
    }
    for step in [
        Step::Start,
        part(ReferralPage::Support),
        Step::TooYoung,
        q(2, 0),
        urgent(1, 8),
        Step::Check,
        Step::Sent,
    ] {
        let back: Step = serde_json::from_value(serde_json::to_value(step).unwrap()).unwrap();
        assert_eq!(back, step);
    }
}

// ---- instructions shown with each question ---------------------------------------------------

mod instructions {
    use wellbeing_widget::domain::instrument::{builtin, ons4, phq9};
    use wellbeing_widget::domain::journey::instructions_for;

    fn measures(ids: &[&str]) -> Vec<wellbeing_widget::domain::instrument::Instrument> {
        ids.iter().map(|id| builtin(id).unwrap()).collect()
    }

    fn intro(count: &str) -> Option<String> {
        Some(format!(
            "The next {count} questions are about relationships with others. For each one, \
             please say how often (if at all) you feel that way."
        ))
    }

    /// The instructions of every question, in order.
    fn all(ids: &[&str]) -> Vec<Option<String>> {
        let m = measures(ids);
        let mut out = Vec::new();
        for (measure, inst) in m.iter().enumerate() {
            for index in 0..inst.items.len() {
                out.push(instructions_for(&m, measure, index));
            }
        }
        out
    }

    #[test]
    fn the_loneliness_introduction_is_shown_once_before_the_four_questions() {
        // The default order: ONS4 (4), the UCLA items (3), the direct question (1).
        let got = all(&["ons4", "ucla3", "ons-loneliness"]);
        let stem = Some(ons4().instructions);
        assert_eq!(
            got,
            [
                stem.clone(),
                stem.clone(),
                stem.clone(),
                stem,
                intro("four"),
                None,
                None,
                None
            ]
        );
        // ONS's own words when all four are asked together.
        assert_eq!(intro("four"), Some(builtin("ucla3").unwrap().instructions));
    }

    #[test]
    fn the_count_is_the_loneliness_questions_actually_asked_together() {
        // The direct question first: the introduction still opens the four.
        assert_eq!(
            all(&["ons-loneliness", "ucla3"]),
            [intro("four"), None, None, None]
        );
        // The UCLA items alone, or apart from the direct question: three.
        assert_eq!(all(&["ucla3"]), [intro("three"), None, None]);
        let got = all(&["ucla3", "phq9", "ons-loneliness"]);
        assert_eq!(got[..3], [intro("three"), None, None]);
        assert_eq!(
            got[3],
            Some(phq9().instructions),
            "PHQ-9's stem on each page"
        );
        assert_eq!(
            got[12], None,
            "the direct question apart has no introduction"
        );
        // The direct question alone has none (the introduction is the UCLA items').
        assert_eq!(all(&["ons-loneliness"]), [None]);
        assert_eq!(all(&["phq9", "ons-loneliness"])[9], None);
    }

    #[test]
    fn other_instruments_show_their_stem_on_every_question_and_out_of_range_is_none() {
        let m = measures(&["phq9", "ucla3"]);
        for index in 0..9 {
            assert_eq!(instructions_for(&m, 0, index), Some(phq9().instructions));
        }
        assert_eq!(instructions_for(&m, 0, 9), None);
        assert_eq!(instructions_for(&m, 2, 0), None);
        // Licensed built-ins without wording have empty instructions: none shown.
        assert_eq!(instructions_for(&measures(&["wemwbs"]), 0, 0), None);
    }
}
