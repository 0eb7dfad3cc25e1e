//! The journey and the draft kept on the device.
#![cfg(not(target_arch = "wasm32"))]

use wellbeing_widget::domain::draft::{DEFAULT_MAX_AGE_MS, Draft, DraftError};
use wellbeing_widget::domain::instrument::{Answers, ons4};
use wellbeing_widget::domain::journey::{Journey, Step};

const J: Journey = Journey { questions: 4 };

#[test]
fn continue_walks_the_questions_then_check_answers() {
    let mut step = Step::Start;
    let mut seen = vec![step];
    while step != Step::Check {
        step = J.next(step, false);
        seen.push(step);
    }
    assert_eq!(
        seen,
        [
            Step::Start,
            Step::Question { index: 0 },
            Step::Question { index: 1 },
            Step::Question { index: 2 },
            Step::Question { index: 3 },
            Step::Check
        ]
    );
    assert_eq!(J.next(Step::Check, false), Step::Sent);
}

#[test]
fn a_change_from_check_answers_returns_there() {
    assert_eq!(J.next(Step::Question { index: 1 }, true), Step::Check);
    assert_eq!(J.back(Step::Question { index: 1 }, true), Some(Step::Check));
}

#[test]
fn back_goes_one_page_back_and_nowhere_from_start_or_sent() {
    assert_eq!(
        J.back(Step::Question { index: 0 }, false),
        Some(Step::Start)
    );
    assert_eq!(
        J.back(Step::Question { index: 2 }, false),
        Some(Step::Question { index: 1 })
    );
    assert_eq!(
        J.back(Step::Check, false),
        Some(Step::Question { index: 3 })
    );
    assert_eq!(J.back(Step::Start, false), None);
    assert_eq!(J.back(Step::Sent, false), None);
}

const NOW: u64 = 1_800_000_000_000;

fn draft() -> Draft {
    let mut d = Draft::new(NOW - 1000);
    d.step = Step::Question { index: 2 };
    d.answers = Answers::from_pairs(&ons4(), [("satisfaction", 3), ("worthwhile", 10)]).unwrap();
    d
}

#[test]
fn a_draft_round_trips() {
    let d = draft();
    let back = Draft::from_json(&d.to_json(), &ons4(), &J, NOW, DEFAULT_MAX_AGE_MS).unwrap();
    assert_eq!(back, d);
}

#[test]
fn corrupt_tampered_old_or_expired_drafts_are_discarded_with_a_reason() {
    let good = draft().to_json();
    let i = ons4();
    let load = |json: &str| Draft::from_json(json, &i, &J, NOW, DEFAULT_MAX_AGE_MS);
    assert_eq!(load("{not json"), Err(DraftError::Corrupt));
    assert_eq!(load("[]"), Err(DraftError::Corrupt));
    assert_eq!(
        load(&good.replace("\"version\":1", "\"version\":0")),
        Err(DraftError::OtherVersion)
    );
    assert_eq!(
        load(&good.replace("\"worthwhile\":10", "\"worthwhile\":11")),
        Err(DraftError::Corrupt)
    );
    assert_eq!(
        load(&good.replace("\"worthwhile\"", "\"mood\"")),
        Err(DraftError::Corrupt)
    );
    assert_eq!(
        load(&good.replace("\"index\":2", "\"index\":9")),
        Err(DraftError::Corrupt)
    );
    let old = Draft::new(NOW - DEFAULT_MAX_AGE_MS - 1).to_json();
    assert_eq!(load(&old), Err(DraftError::Expired));
    let just_in_time = Draft::new(NOW - DEFAULT_MAX_AGE_MS).to_json();
    assert!(load(&just_in_time).is_ok());
    let future = Draft::new(NOW + 3_600_000).to_json();
    assert_eq!(load(&future), Err(DraftError::Corrupt));
}
