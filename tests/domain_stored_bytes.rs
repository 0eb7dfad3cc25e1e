//! The exact text of the device draft and the outbox, and what each stored text reads as.
//!
//! Drafts and outboxes already on people's devices must keep loading, and what this build writes
//! must be what earlier builds wrote: the expected texts below were captured from the serde
//! implementation before the draft and the outbox moved to `domain::json` (issue 6), and any
//! change to them is a change to what is stored on devices.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::stored::check;
use std::collections::BTreeMap;
use wellbeing_widget::domain::draft::{Draft, DraftError};
use wellbeing_widget::domain::instrument::{Answers, Instrument, ons4, phq9, ucla3};
use wellbeing_widget::domain::journey::{Journey, Step, read_step, step_json};
use wellbeing_widget::domain::json;
use wellbeing_widget::domain::outbox::{EntryState, Outbox};
use wellbeing_widget::domain::payload::SubmissionId;
use wellbeing_widget::domain::referral::{
    Area, BestTime, ContactMethod, DateParts, Helper, ReferralAnswers, ReferralPage, Source,
    read_referral, referral_json,
};

const NOW: u64 = 1_800_000_000_000;

fn instruments() -> Vec<Instrument> {
    vec![ons4(), ucla3(), phq9()]
}

fn journey() -> Journey {
    Journey {
        referral: true,
        questions: vec![4, 3, 9],
    }
}

/// Text with every kind of character the writer treats specially.
const AWKWARD: &str =
    "Zoë \"Z\" O'Brien \\ / <b>&</b>\n\tline\r\u{1}\u{8}\u{c}\u{1f}\u{7f} 😀 \u{2028}";

fn every_step() -> Vec<Step> {
    let mut steps = vec![Step::Start];
    steps.extend(ReferralPage::ALL.map(|part| Step::Referral { part }));
    steps.extend([
        Step::TooYoung,
        Step::Question {
            measure: 0,
            index: 0,
        },
        Step::Question {
            measure: 2,
            index: 8,
        },
        Step::UrgentHelp {
            measure: 2,
            index: 8,
        },
        Step::Check,
        Step::Sent,
    ]);
    steps
}

fn full_referral() -> ReferralAnswers {
    ReferralAnswers {
        full_name: AWKWARD.into(),
        date_of_birth: DateParts::new("7", "04", "1990"),
        nhs_number: "943 476 5919".into(),
        postcode: "sw1a 1aa".into(),
        no_fixed_address: true,
        gp_practice: "Riverside Surgery".into(),
        phone: "07700 900982".into(),
        email: "ada@example.com".into(),
        preferred: Some(ContactMethod::Text),
        safe_to_leave_message: Some(false),
        safe_to_text: Some(true),
        best_times: vec![BestTime::Evening, BestTime::Morning, BestTime::Any],
        what_matters: "Getting out more\n\nand \"sleep\"".into(),
        what_different: "Seeing friends".into(),
        areas: vec![
            Area::SomethingElse,
            Area::LowMoodAnxietyStress,
            Area::MoneyBenefitsDebt,
        ],
        heard_from: Some(Source::Other),
        heard_other: "A poster at the café".into(),
        interpreter_needed: Some(true),
        language: "Polski".into(),
        accessibility_needs: "Large print".into(),
        filling_in_for: Some(Helper::OnBehalfWithAgreement),
        helper_name: "Grace Hopper".into(),
        helper_relationship: "Daughter".into(),
        consent_contact: Some(true),
        consent_share_gp: Some(false),
    }
}

fn drafts() -> Vec<(String, Draft)> {
    let mut out = vec![("empty".to_owned(), Draft::new(0))];
    for step in every_step() {
        let mut d = Draft::new(NOW - 1);
        d.step = step;
        out.push((format!("{step:?}"), d));
    }
    let mut full = Draft::new(NOW - 5_000);
    full.step = Step::UrgentHelp {
        measure: 2,
        index: 8,
    };
    full.changing = true;
    full.referral = full_referral();
    full.answers.insert(
        "ons4".into(),
        Answers::from_pairs(&ons4(), [("worthwhile", 10), ("satisfaction", 0)]).unwrap(),
    );
    full.answers.insert(
        "phq9".into(),
        Answers::from_pairs(&phq9(), [("phq9-9", 3), ("phq9-1", 1)]).unwrap(),
    );
    full.answers.insert("ucla3".into(), Answers::default());
    full.risk_shown = vec!["phq9-item9".into(), AWKWARD.into()];
    full.risk_kept = vec!["phq9-item9".into()];
    out.push(("full".to_owned(), full));
    let mut big = Draft::new(u64::MAX);
    big.referral.areas = vec![Area::Housing];
    big.referral.date_of_birth.year = "2000".into();
    out.push(("largest time".to_owned(), big));
    out
}

fn id(n: u8) -> SubmissionId {
    SubmissionId::from_random_bytes([n; 16])
}

fn outboxes() -> Vec<(String, Outbox)> {
    let mut full = Outbox::new();
    full.enqueue(id(1), "application/json", r#"{"a":1}"#.into(), 0);
    full.enqueue(
        id(2),
        "application/fhir+json",
        format!("{{\"text\":{AWKWARD:?}}} {AWKWARD}"),
        u64::MAX,
    );
    full.enqueue(id(3), "application/json", String::new(), NOW);
    full.entries[1].attempts = u32::MAX;
    full.entries[2].attempts = 7;
    full.entries[2].state = EntryState::Refused { status: 400 };
    let mut refused = Outbox::new();
    refused.enqueue(id(4), "application/json", "{}".into(), NOW);
    refused.entries[0].state = EntryState::Refused { status: u16::MAX };
    vec![
        ("empty".to_owned(), Outbox::new()),
        ("full".to_owned(), full),
        ("refused".to_owned(), refused),
    ]
}

fn read_draft(text: &str) -> String {
    match Draft::from_json(text, &instruments(), &journey(), NOW, 7 * 86_400_000) {
        Ok(d) => format!("Ok {}", d.to_json()),
        Err(e) => format!("Err {e:?}"),
    }
}

fn read_outbox(text: &str) -> String {
    match Outbox::from_json(text) {
        Ok(o) => format!("Ok {}", o.to_json()),
        Err(_) => "Err".to_owned(),
    }
}

#[test]
fn drafts_are_written_exactly_as_before() {
    let written: Vec<(String, String)> = drafts()
        .into_iter()
        .map(|(name, d)| (name, d.to_json()))
        .collect();
    check("DRAFTS", DRAFTS, written);
}

#[test]
fn drafts_written_before_read_back_as_what_was_written() {
    for (name, d) in drafts() {
        if d.saved_at_ms == 0 || d.saved_at_ms == u64::MAX {
            continue;
        }
        let back = Draft::from_json(&d.to_json(), &instruments(), &journey(), NOW, u64::MAX);
        let mut expected = d.clone();
        // An instrument with no answers is not kept.
        expected.answers.retain(|_, a| !a.is_empty());
        let back = back.map(|mut b| {
            b.answers.retain(|_, a| !a.is_empty());
            b
        });
        assert_eq!(back, Ok(expected), "{name}");
    }
}

#[test]
fn outboxes_are_written_exactly_as_before() {
    let written: Vec<(String, String)> = outboxes()
        .into_iter()
        .map(|(name, o)| (name, o.to_json()))
        .collect();
    check("OUTBOXES", OUTBOXES, written);
    for (name, o) in outboxes() {
        assert_eq!(Outbox::from_json(&o.to_json()).unwrap(), o, "{name}");
    }
}

/// A valid draft with `field` (a `"name":value` pair, or several) added.
fn draft_with(fields: &str) -> String {
    let base = format!(
        r#"{{"version":2,"saved_at_ms":{},"step":{{"page":"start"}},"answers":{{}}"#,
        NOW - 1000
    );
    if fields.is_empty() {
        base + "}"
    } else {
        format!("{base},{fields}}}")
    }
}

fn draft_inputs() -> Vec<String> {
    let fields = [
        "",
        r#""changing":true"#,
        r#""changing":null"#,
        r#""changing":1"#,
        r#""unexpected":true"#,
        r#""risk_shown":null"#,
        r#""risk_shown":[1]"#,
        r#""risk_shown":"phq9-item9""#,
        r#""risk_kept":["a","b"]"#,
        r#""referral":null"#,
        r#""referral":{}"#,
        r#""referral":{"full_name":null}"#,
        r#""referral":{"full_name":3}"#,
        r#""referral":{"preferred":5}"#,
        r#""referral":{"preferred":"carrier-pigeon","heard_from":null,"filling_in_for":"myself"}"#,
        r#""referral":{"areas":["housing",3]}"#,
        r#""referral":{"areas":["housing","knitting","bereavement","housing"]}"#,
        r#""referral":{"areas":"housing"}"#,
        r#""referral":{"best_times":null,"areas":null}"#,
        r#""referral":{"safe_to_text":null,"interpreter_needed":false}"#,
        r#""referral":{"safe_to_text":"yes"}"#,
        r#""referral":{"no_fixed_address":null}"#,
        r#""referral":{"date_of_birth":{"day":"1"}}"#,
        r#""referral":{"date_of_birth":{"day":"1","month":"2","year":"3","era":"CE"}}"#,
        r#""referral":{"date_of_birth":null}"#,
        r#""referral":{"date_of_birth":{"day":1,"month":"2","year":"3"}}"#,
        r#""referral":{"a_later_question":{"deep":[1,2,{"x":null}]},"email":"a@b.c"}"#,
        r#""referral":{"email":"a@b.c","email":"d@e.f"}"#,
    ];
    let mut out: Vec<String> = fields.iter().map(|f| draft_with(f)).collect();
    let steps = [
        r#"{"page":"referral","part":"contact"}"#,
        r#"{"page":"referral","part":"contact","index":3}"#,
        r#"{"page":"referral","part":"contact","measure":3}"#,
        r#"{"page":"referral","part":"nowhere"}"#,
        r#"{"page":"question","measure":1,"index":2,"part":null}"#,
        r#"{"page":"question","measure":1,"index":2,"part":"contact"}"#,
        r#"{"page":"question","measure":1.0,"index":2}"#,
        r#"{"page":"question","measure":-1,"index":2}"#,
        r#"{"page":"question","measure":1}"#,
        r#"{"page":"question","measure":5,"index":0}"#,
        r#"{"page":"urgent-help","measure":2,"index":8}"#,
        r#"{"page":"start","measure":null,"index":null,"part":null}"#,
        r#"{"page":"start","index":0}"#,
        r#"{"page":"too-young"}"#,
        r#"{"page":"check"}"#,
        r#"{"page":"sent","extra":1}"#,
        r#"{"page":"Sent"}"#,
        r#"{"page":null}"#,
        r#"{}"#,
        r#""start""#,
        r#"null"#,
    ];
    for s in steps {
        out.push(draft_with("").replace(r#"{"page":"start"}"#, s));
    }
    let answers = [
        r#"{"ons4":{"satisfaction":3,"worthwhile":10}}"#,
        r#"{"ons4":{"satisfaction":11}}"#,
        r#"{"ons4":{"satisfaction":"3"}}"#,
        r#"{"ons4":{"satisfaction":3.0}}"#,
        r#"{"ons4":{"satisfaction":9223372036854775808}}"#,
        r#"{"ons4":{"mood":3}}"#,
        r#"{"ons4":null}"#,
        r#"{"ons4":{}}"#,
        r#"{"retired":{"q1":99,"q2":-4}}"#,
        r#"{"retired":{"q1":"text"}}"#,
        r#"{"retired":{"q1":1.5}}"#,
        r#"{"retired":[]}"#,
        r#"[]"#,
        r#"null"#,
    ];
    for a in answers {
        out.push(draft_with("").replace(r#""answers":{}"#, &format!(r#""answers":{a}"#)));
    }
    let whole = [
        "{not json".to_owned(),
        "".to_owned(),
        "[]".to_owned(),
        "{}".to_owned(),
        "null".to_owned(),
        r#"{"version":3}"#.to_owned(),
        r#"{"version":1,"anything":[1,2]}"#.to_owned(),
        r#"{"version":"2"}"#.to_owned(),
        r#"{"version":2.0,"saved_at_ms":0,"step":{"page":"start"},"answers":{}}"#.to_owned(),
        r#"{"version":-2}"#.to_owned(),
        r#"{"version":18446744073709551616}"#.to_owned(),
        r#"{"version":2}"#.to_owned(),
        r#"{"version":2,"version":2}"#.to_owned(),
        r#"{"version":3,"step":5}"#.to_owned(),
        r#"{"version":3} x"#.to_owned(),
        format!("{} x", draft_with("")),
        format!(" \n\t{} \r\n", draft_with("").replace(',', " ,\n ")),
        draft_with("").replace(r#""saved_at_ms":1799999999000,"#, ""),
        draft_with("").replace(r#""step":{"page":"start"},"#, ""),
        draft_with("").replace(r#","answers":{}"#, ""),
        draft_with("").replace("1799999999000", "1799999999000.0"),
        draft_with("").replace("1799999999000", "-1"),
        draft_with("").replace("1799999999000", "18446744073709551615"),
        draft_with("").replace("1799999999000", "1800000060000"),
        draft_with("").replace("1799999999000", "1800000060001"),
        draft_with("").replace("1799999999000", "1799395200000"),
        draft_with("").replace("1799999999000", "1799395199999"),
        // Expired, with an answer no instrument allows and a page not in the journey.
        draft_with("")
            .replace("1799999999000", "1799395199999")
            .replace(
                r#""answers":{}"#,
                r#""answers":{"ons4":{"satisfaction":99}}"#,
            )
            .replace(
                r#""page":"start""#,
                r#""page":"question","measure":9,"index":9"#,
            ),
        // Expired, with an unknown field.
        draft_with(r#""x":1"#).replace("1799999999000", "1799395199999"),
        // In the future, with a page not in the journey.
        draft_with("")
            .replace("1799999999000", "1800000060001")
            .replace(
                r#""page":"start""#,
                r#""page":"question","measure":9,"index":9"#,
            ),
    ];
    out.extend(whole);
    out
}

#[test]
fn stored_drafts_read_as_before() {
    let read: Vec<(String, String)> = draft_inputs()
        .into_iter()
        .map(|text| {
            let r = read_draft(&text);
            (text, r)
        })
        .collect();
    check("DRAFT_READS", DRAFT_READS, read);
    // The errors are the ones the person is told about.
    assert_eq!(read_draft("{"), format!("Err {:?}", DraftError::Corrupt));
}

fn outbox_inputs() -> Vec<String> {
    let id = "0f8fad5b-d9cb-469f-a165-70867728950e";
    let entry = format!(
        r#"{{"id":"{id}","content_type":"application/json","body":"{{}}","attempts":0,"state":{{"state":"queued","next_attempt_at_ms":5}}}}"#
    );
    let v2 = |e: &str| format!(r#"{{"version":2,"entries":[{e}]}}"#);
    let mut out = vec![
        "{".to_owned(),
        "".to_owned(),
        "[]".to_owned(),
        "{}".to_owned(),
        r#"{"version":2,"entries":[]}"#.to_owned(),
        r#"{"version":2}"#.to_owned(),
        r#"{"entries":[]}"#.to_owned(),
        r#"{"version":2,"entries":[],"x":1}"#.to_owned(),
        r#"{"version":2,"entries":null}"#.to_owned(),
        r#"{"version":3,"entries":[]}"#.to_owned(),
        r#"{"version":0,"entries":[]}"#.to_owned(),
        r#"{"version":"2","entries":[]}"#.to_owned(),
        r#"{"version":2.0,"entries":[]}"#.to_owned(),
        r#"{"version":4294967298,"entries":[]}"#.to_owned(),
        r#"{"version":1,"entries":[]}"#.to_owned(),
        r#"{"version":1}"#.to_owned(),
        r#"{"version":1,"entries":[],"x":1}"#.to_owned(),
        r#"{"version":2,"entries":[]} x"#.to_owned(),
        format!(" {} \n", v2(&entry).replace(',', " , ")),
        v2(&entry),
        v2(&format!("{entry},{entry}")),
        v2(&entry.replace(id, &id.to_uppercase())),
        v2(&entry.replace(id, "0f8fad5b-d9cb-369f-a165-70867728950e")),
        v2(&entry.replace(&format!(r#""{id}""#), "5")),
        v2(&entry.replace(r#""application/json""#, "null")),
        v2(&entry.replace(r#""body":"{}""#, r#""body":{}"#)),
        v2(&entry.replace(r#""attempts":0"#, r#""attempts":4294967295"#)),
        v2(&entry.replace(r#""attempts":0"#, r#""attempts":4294967296"#)),
        v2(&entry.replace(r#""attempts":0"#, r#""attempts":-1"#)),
        v2(&entry.replace(r#""attempts":0,"#, "")),
        v2(&entry.replace(r#","body":"{}""#, "")),
        v2(&entry.replace(r#""attempts":0"#, r#""attempts":0,"x":0"#)),
        v2(&entry.replace(r#""attempts":0"#, r#""attempts":0,"attempts":0"#)),
        v2(&entry.replace("}}", r#","status":null}}"#)),
        v2(&entry.replace("}}", r#","status":400}}"#)),
        v2(&entry.replace("}}", r#","x":null}}"#)),
        v2(&entry.replace(r#","next_attempt_at_ms":5"#, "")),
        v2(&entry.replace(
            r#","next_attempt_at_ms":5"#,
            r#","next_attempt_at_ms":null"#,
        )),
        v2(&entry.replace(r#""next_attempt_at_ms":5"#, r#""next_attempt_at_ms":5.5"#)),
        v2(&entry.replace(
            r#""queued","next_attempt_at_ms":5"#,
            r#""refused","status":400"#,
        )),
        v2(&entry.replace(
            r#""queued","next_attempt_at_ms":5"#,
            r#""refused","status":65536"#,
        )),
        v2(&entry.replace(r#""queued","next_attempt_at_ms":5"#, r#""refused""#)),
        v2(&entry.replace(r#""queued""#, r#""Queued""#)),
        v2(&entry.replace(r#""queued""#, "null")),
        v2(&entry.replace(r#"{"state":"queued","next_attempt_at_ms":5}"#, "null")),
        v2(&entry.replace(
            r#"{"state":"queued","next_attempt_at_ms":5}"#,
            r#""queued""#,
        )),
    ];
    // Version 1: each entry kept the submission itself.
    let awkward = serde_json::to_string(AWKWARD).unwrap();
    let submission = format!(
        r#"{{"submission_id":"{id}","schema_version":1,"mode":"self-referral","measures":[{{"instrument":"swemwbs","score":{{"total":21,"metric":23.21}},"answers":[]}},{{"instrument":"x","score":{{"metric":7.0,"band":null}}}}],"referral":{{"what_matters":"{}","z":true,"a":false,"n":-3}},"risk":{{"urgent":false,"reasons":[]}},"empty":{{}}}}"#,
        &awkward[1..awkward.len() - 1]
    );
    let v1 = |e: &str| format!(r#"{{"version":1,"entries":[{e}]}}"#);
    let old = format!(
        r#"{{"submission":{submission},"attempts":3,"state":{{"state":"refused","status":400}}}}"#
    );
    out.extend([
        v1(&old),
        v1(&format!("{old},{old}")),
        format!(" {} ", v1(&old).replace(',', " ,\n")),
        v1(&old.replace(id, &id.to_uppercase())),
        v1(&old.replace(&format!(r#""submission_id":"{id}","#), "")),
        v1(&old.replace(&format!(r#""{id}""#), "5")),
        v1(&old.replace(&submission, "1")),
        v1(&old.replace(&submission, "null")),
        v1(&old.replace(&submission, &format!(r#"{{"submission_id":"{id}"}}"#))),
        v1(&old.replace(r#""attempts":3"#, r#""attempts":3,"x":1"#)),
        v1(&old.replace(r#""attempts":3,"#, "")),
        v1(&old.replace(r#""status":400"#, r#""status":400,"next_attempt_at_ms":1"#)),
        v1(&entry),
        r#"{"version":1,"entries":[{"submission":1}]}"#.to_owned(),
    ]);
    out
}

#[test]
fn stored_outboxes_read_as_before() {
    let read: Vec<(String, String)> = outbox_inputs()
        .into_iter()
        .map(|text| {
            let r = read_outbox(&text);
            (text, r)
        })
        .collect();
    check("OUTBOX_READS", OUTBOX_READS, read);
}

#[test]
fn the_answers_of_a_draft_are_kept_per_instrument_in_order() {
    let d = &drafts()[drafts().len() - 2].1;
    let by_id: BTreeMap<&str, usize> = d
        .answers
        .iter()
        .map(|(k, a)| (k, a.in_pairs().count()))
        .collect();
    assert_eq!(
        by_id,
        BTreeMap::from([("ons4", 2), ("phq9", 2), ("ucla3", 0)])
    );
}

/// The serde forms of the page, the state of an entry and the referral answers are kept for the
/// native tests; they must stay the same text as what the widget writes and reads.
#[test]
fn the_serde_forms_agree_with_what_the_widget_stores() {
    for step in every_step() {
        let text = step_json(step).to_text();
        assert_eq!(serde_json::to_string(&step).unwrap(), text);
        assert_eq!(read_step(&json::parse(&text).unwrap()), Some(step));
    }
    for a in [ReferralAnswers::default(), full_referral()] {
        let text = referral_json(&a).to_text();
        assert_eq!(serde_json::to_string(&a).unwrap(), text);
        assert_eq!(read_referral(&json::parse(&text).unwrap()), Some(a));
    }
    for text in draft_inputs() {
        let Some(v) = json::parse(&text).ok() else {
            continue;
        };
        let Some(step) = v.get("step") else { continue };
        let step_text = step.to_text();
        assert_eq!(
            read_step(step),
            serde_json::from_str::<Step>(&step_text).ok(),
            "{step_text}"
        );
        if let Some(r) = v.get("referral") {
            let r_text = r.to_text();
            assert_eq!(
                read_referral(r),
                serde_json::from_str::<ReferralAnswers>(&r_text).ok(),
                "{r_text}"
            );
        }
    }
    let full = &outboxes()[1].1;
    for e in &full.entries {
        let text = serde_json::to_string(&e.state).unwrap();
        assert!(full.to_json().contains(&format!(r#""state":{text}}}"#)));
    }
}

/// Where the reader refuses what the serde form read: texts this widget never wrote (objects with
/// a key twice, a struct given as a list). Refusing them is safer than guessing.
#[test]
fn where_the_reader_is_stricter_than_serde() {
    // serde read an empty list as the default answers, and kept the last of a key given twice
    // in a map or an ignored field.
    assert_eq!(
        serde_json::from_str::<ReferralAnswers>("[]").unwrap(),
        ReferralAnswers::default()
    );
    assert_eq!(
        serde_json::from_str::<BTreeMap<String, i64>>(r#"{"a":1,"a":2}"#).unwrap()["a"],
        2
    );
    let corrupt = format!("Err {:?}", DraftError::Corrupt);
    for text in [
        draft_with(r#""referral":[]"#),
        draft_with(r#""referral":{"later":{"a":1,"a":2}}"#),
        draft_with("").replace(
            r#""answers":{}"#,
            r#""answers":{"ons4":{"satisfaction":3,"satisfaction":4}}"#,
        ),
        format!(
            r#"[2,{},{{"page":"start"}},false,{{}},{{}},[],[]]"#,
            NOW - 1000
        ),
    ] {
        assert_eq!(read_draft(&text), corrupt, "{text}");
    }
    let id = "0f8fad5b-d9cb-469f-a165-70867728950e";
    let twice = format!(
        r#"{{"version":1,"entries":[{{"submission":{{"submission_id":"{id}","x":1,"x":2}},"attempts":0,"state":{{"state":"queued","next_attempt_at_ms":5}}}}]}}"#
    );
    assert_eq!(read_outbox(&twice), "Err");
}

const DRAFTS: &[(&str, &str)] = &[
    (
        r##"empty"##,
        r##"{"version":2,"saved_at_ms":0,"step":{"page":"start"},"changing":false,"referral":{"full_name":"","date_of_birth":{"day":"","month":"","year":""},"nhs_number":"","postcode":"","no_fixed_address":false,"gp_practice":"","phone":"","email":"","preferred":null,"safe_to_leave_message":null,"safe_to_text":null,"best_times":[],"what_matters":"","what_different":"","areas":[],"heard_from":null,"heard_other":"","interpreter_needed":null,"language":"","accessibility_needs":"","filling_in_for":null,"helper_name":"","helper_relationship":"","consent_contact":null,"consent_share_gp":null},"answers":{},"risk_shown":[],"risk_kept":[]}"##,
    ),
    (
        r##"Start"##,
        r##"{"version":2,"saved_at_ms":1799999999999,"step":{"page":"start"},"changing":false,"referral":{"full_name":"","date_of_birth":{"day":"","month":"","year":""},"nhs_number":"","postcode":"","no_fixed_address":false,"gp_practice":"","phone":"","email":"","preferred":null,"safe_to_leave_message":null,"safe_to_text":null,"best_times":[],"what_matters":"","what_different":"","areas":[],"heard_from":null,"heard_other":"","interpreter_needed":null,"language":"","accessibility_needs":"","filling_in_for":null,"helper_name":"","helper_relationship":"","consent_contact":null,"consent_share_gp":null},"answers":{},"risk_shown":[],"risk_kept":[]}"##,
    ),
    (
        r##"Referral { part: AboutYou }"##,
        r##"{"version":2,"saved_at_ms":1799999999999,"step":{"page":"referral","part":"about-you"},"changing":false,"referral":{"full_name":"","date_of_birth":{"day":"","month":"","year":""},"nhs_number":"","postcode":"","no_fixed_address":false,"gp_practice":"","phone":"","email":"","preferred":null,"safe_to_leave_message":null,"safe_to_text":null,"best_times":[],"what_matters":"","what_different":"","areas":[],"heard_from":null,"heard_other":"","interpreter_needed":null,"language":"","accessibility_needs":"","filling_in_for":null,"helper_name":"","helper_relationship":"","consent_contact":null,"consent_share_gp":null},"answers":{},"risk_shown":[],"risk_kept":[]}"##,
    ),
    (
        r##"Referral { part: Contact }"##,
        r##"{"version":2,"saved_at_ms":1799999999999,"step":{"page":"referral","part":"contact"},"changing":false,"referral":{"full_name":"","date_of_birth":{"day":"","month":"","year":""},"nhs_number":"","postcode":"","no_fixed_address":false,"gp_practice":"","phone":"","email":"","preferred":null,"safe_to_leave_message":null,"safe_to_text":null,"best_times":[],"what_matters":"","what_different":"","areas":[],"heard_from":null,"heard_other":"","interpreter_needed":null,"language":"","accessibility_needs":"","filling_in_for":null,"helper_name":"","helper_relationship":"","consent_contact":null,"consent_share_gp":null},"answers":{},"risk_shown":[],"risk_kept":[]}"##,
    ),
    (
        r##"Referral { part: WhatMatters }"##,
        r##"{"version":2,"saved_at_ms":1799999999999,"step":{"page":"referral","part":"what-matters"},"changing":false,"referral":{"full_name":"","date_of_birth":{"day":"","month":"","year":""},"nhs_number":"","postcode":"","no_fixed_address":false,"gp_practice":"","phone":"","email":"","preferred":null,"safe_to_leave_message":null,"safe_to_text":null,"best_times":[],"what_matters":"","what_different":"","areas":[],"heard_from":null,"heard_other":"","interpreter_needed":null,"language":"","accessibility_needs":"","filling_in_for":null,"helper_name":"","helper_relationship":"","consent_contact":null,"consent_share_gp":null},"answers":{},"risk_shown":[],"risk_kept":[]}"##,
    ),
    (
        r##"Referral { part: HowHeard }"##,
        r##"{"version":2,"saved_at_ms":1799999999999,"step":{"page":"referral","part":"how-heard"},"changing":false,"referral":{"full_name":"","date_of_birth":{"day":"","month":"","year":""},"nhs_number":"","postcode":"","no_fixed_address":false,"gp_practice":"","phone":"","email":"","preferred":null,"safe_to_leave_message":null,"safe_to_text":null,"best_times":[],"what_matters":"","what_different":"","areas":[],"heard_from":null,"heard_other":"","interpreter_needed":null,"language":"","accessibility_needs":"","filling_in_for":null,"helper_name":"","helper_relationship":"","consent_contact":null,"consent_share_gp":null},"answers":{},"risk_shown":[],"risk_kept":[]}"##,
    ),
    (
        r##"Referral { part: Support }"##,
        r##"{"version":2,"saved_at_ms":1799999999999,"step":{"page":"referral","part":"support"},"changing":false,"referral":{"full_name":"","date_of_birth":{"day":"","month":"","year":""},"nhs_number":"","postcode":"","no_fixed_address":false,"gp_practice":"","phone":"","email":"","preferred":null,"safe_to_leave_message":null,"safe_to_text":null,"best_times":[],"what_matters":"","what_different":"","areas":[],"heard_from":null,"heard_other":"","interpreter_needed":null,"language":"","accessibility_needs":"","filling_in_for":null,"helper_name":"","helper_relationship":"","consent_contact":null,"consent_share_gp":null},"answers":{},"risk_shown":[],"risk_kept":[]}"##,
    ),
    (
        r##"Referral { part: Consent }"##,
        r##"{"version":2,"saved_at_ms":1799999999999,"step":{"page":"referral","part":"consent"},"changing":false,"referral":{"full_name":"","date_of_birth":{"day":"","month":"","year":""},"nhs_number":"","postcode":"","no_fixed_address":false,"gp_practice":"","phone":"","email":"","preferred":null,"safe_to_leave_message":null,"safe_to_text":null,"best_times":[],"what_matters":"","what_different":"","areas":[],"heard_from":null,"heard_other":"","interpreter_needed":null,"language":"","accessibility_needs":"","filling_in_for":null,"helper_name":"","helper_relationship":"","consent_contact":null,"consent_share_gp":null},"answers":{},"risk_shown":[],"risk_kept":[]}"##,
    ),
    (
        r##"TooYoung"##,
        r##"{"version":2,"saved_at_ms":1799999999999,"step":{"page":"too-young"},"changing":false,"referral":{"full_name":"","date_of_birth":{"day":"","month":"","year":""},"nhs_number":"","postcode":"","no_fixed_address":false,"gp_practice":"","phone":"","email":"","preferred":null,"safe_to_leave_message":null,"safe_to_text":null,"best_times":[],"what_matters":"","what_different":"","areas":[],"heard_from":null,"heard_other":"","interpreter_needed":null,"language":"","accessibility_needs":"","filling_in_for":null,"helper_name":"","helper_relationship":"","consent_contact":null,"consent_share_gp":null},"answers":{},"risk_shown":[],"risk_kept":[]}"##,
    ),
    (
        r##"Question { measure: 0, index: 0 }"##,
        r##"{"version":2,"saved_at_ms":1799999999999,"step":{"page":"question","measure":0,"index":0},"changing":false,"referral":{"full_name":"","date_of_birth":{"day":"","month":"","year":""},"nhs_number":"","postcode":"","no_fixed_address":false,"gp_practice":"","phone":"","email":"","preferred":null,"safe_to_leave_message":null,"safe_to_text":null,"best_times":[],"what_matters":"","what_different":"","areas":[],"heard_from":null,"heard_other":"","interpreter_needed":null,"language":"","accessibility_needs":"","filling_in_for":null,"helper_name":"","helper_relationship":"","consent_contact":null,"consent_share_gp":null},"answers":{},"risk_shown":[],"risk_kept":[]}"##,
    ),
    (
        r##"Question { measure: 2, index: 8 }"##,
        r##"{"version":2,"saved_at_ms":1799999999999,"step":{"page":"question","measure":2,"index":8},"changing":false,"referral":{"full_name":"","date_of_birth":{"day":"","month":"","year":""},"nhs_number":"","postcode":"","no_fixed_address":false,"gp_practice":"","phone":"","email":"","preferred":null,"safe_to_leave_message":null,"safe_to_text":null,"best_times":[],"what_matters":"","what_different":"","areas":[],"heard_from":null,"heard_other":"","interpreter_needed":null,"language":"","accessibility_needs":"","filling_in_for":null,"helper_name":"","helper_relationship":"","consent_contact":null,"consent_share_gp":null},"answers":{},"risk_shown":[],"risk_kept":[]}"##,
    ),
    (
        r##"UrgentHelp { measure: 2, index: 8 }"##,
        r##"{"version":2,"saved_at_ms":1799999999999,"step":{"page":"urgent-help","measure":2,"index":8},"changing":false,"referral":{"full_name":"","date_of_birth":{"day":"","month":"","year":""},"nhs_number":"","postcode":"","no_fixed_address":false,"gp_practice":"","phone":"","email":"","preferred":null,"safe_to_leave_message":null,"safe_to_text":null,"best_times":[],"what_matters":"","what_different":"","areas":[],"heard_from":null,"heard_other":"","interpreter_needed":null,"language":"","accessibility_needs":"","filling_in_for":null,"helper_name":"","helper_relationship":"","consent_contact":null,"consent_share_gp":null},"answers":{},"risk_shown":[],"risk_kept":[]}"##,
    ),
    (
        r##"Check"##,
        r##"{"version":2,"saved_at_ms":1799999999999,"step":{"page":"check"},"changing":false,"referral":{"full_name":"","date_of_birth":{"day":"","month":"","year":""},"nhs_number":"","postcode":"","no_fixed_address":false,"gp_practice":"","phone":"","email":"","preferred":null,"safe_to_leave_message":null,"safe_to_text":null,"best_times":[],"what_matters":"","what_different":"","areas":[],"heard_from":null,"heard_other":"","interpreter_needed":null,"language":"","accessibility_needs":"","filling_in_for":null,"helper_name":"","helper_relationship":"","consent_contact":null,"consent_share_gp":null},"answers":{},"risk_shown":[],"risk_kept":[]}"##,
    ),
    (
        r##"Sent"##,
        r##"{"version":2,"saved_at_ms":1799999999999,"step":{"page":"sent"},"changing":false,"referral":{"full_name":"","date_of_birth":{"day":"","month":"","year":""},"nhs_number":"","postcode":"","no_fixed_address":false,"gp_practice":"","phone":"","email":"","preferred":null,"safe_to_leave_message":null,"safe_to_text":null,"best_times":[],"what_matters":"","what_different":"","areas":[],"heard_from":null,"heard_other":"","interpreter_needed":null,"language":"","accessibility_needs":"","filling_in_for":null,"helper_name":"","helper_relationship":"","consent_contact":null,"consent_share_gp":null},"answers":{},"risk_shown":[],"risk_kept":[]}"##,
    ),
    (
        r##"full"##,
        "{\"version\":2,\"saved_at_ms\":1799999995000,\"step\":{\"page\":\"urgent-help\",\"measure\":2,\"index\":8},\"changing\":true,\"referral\":{\"full_name\":\"Zoë \\\"Z\\\" O'Brien \\\\ / <b>&</b>\\n\\tline\\r\\u0001\\b\\f\\u001f\u{7f} 😀 \u{2028}\",\"date_of_birth\":{\"day\":\"7\",\"month\":\"04\",\"year\":\"1990\"},\"nhs_number\":\"943 476 5919\",\"postcode\":\"sw1a 1aa\",\"no_fixed_address\":true,\"gp_practice\":\"Riverside Surgery\",\"phone\":\"07700 900982\",\"email\":\"ada@example.com\",\"preferred\":\"text\",\"safe_to_leave_message\":false,\"safe_to_text\":true,\"best_times\":[\"evening\",\"morning\",\"any\"],\"what_matters\":\"Getting out more\\n\\nand \\\"sleep\\\"\",\"what_different\":\"Seeing friends\",\"areas\":[\"something-else\",\"low-mood-anxiety-stress\",\"money-benefits-debt\"],\"heard_from\":\"other\",\"heard_other\":\"A poster at the café\",\"interpreter_needed\":true,\"language\":\"Polski\",\"accessibility_needs\":\"Large print\",\"filling_in_for\":\"on-behalf-with-agreement\",\"helper_name\":\"Grace Hopper\",\"helper_relationship\":\"Daughter\",\"consent_contact\":true,\"consent_share_gp\":false},\"answers\":{\"ons4\":{\"satisfaction\":0,\"worthwhile\":10},\"phq9\":{\"phq9-1\":1,\"phq9-9\":3},\"ucla3\":{}},\"risk_shown\":[\"phq9-item9\",\"Zoë \\\"Z\\\" O'Brien \\\\ / <b>&</b>\\n\\tline\\r\\u0001\\b\\f\\u001f\u{7f} 😀 \u{2028}\"],\"risk_kept\":[\"phq9-item9\"]}",
    ),
    (
        r##"largest time"##,
        r##"{"version":2,"saved_at_ms":18446744073709551615,"step":{"page":"start"},"changing":false,"referral":{"full_name":"","date_of_birth":{"day":"","month":"","year":"2000"},"nhs_number":"","postcode":"","no_fixed_address":false,"gp_practice":"","phone":"","email":"","preferred":null,"safe_to_leave_message":null,"safe_to_text":null,"best_times":[],"what_matters":"","what_different":"","areas":["housing"],"heard_from":null,"heard_other":"","interpreter_needed":null,"language":"","accessibility_needs":"","filling_in_for":null,"helper_name":"","helper_relationship":"","consent_contact":null,"consent_share_gp":null},"answers":{},"risk_shown":[],"risk_kept":[]}"##,
    ),
];
const OUTBOXES: &[(&str, &str)] = &[
    (r##"empty"##, r##"{"version":2,"entries":[]}"##),
    (
        r##"full"##,
        "{\"version\":2,\"entries\":[{\"id\":\"01010101-0101-4101-8101-010101010101\",\"content_type\":\"application/json\",\"body\":\"{\\\"a\\\":1}\",\"attempts\":0,\"state\":{\"state\":\"queued\",\"next_attempt_at_ms\":0}},{\"id\":\"02020202-0202-4202-8202-020202020202\",\"content_type\":\"application/fhir+json\",\"body\":\"{\\\"text\\\":\\\"Zoë \\\\\\\"Z\\\\\\\" O'Brien \\\\\\\\ / <b>&</b>\\\\n\\\\tline\\\\r\\\\u{1}\\\\u{8}\\\\u{c}\\\\u{1f}\\\\u{7f} 😀 \\\\u{2028}\\\"} Zoë \\\"Z\\\" O'Brien \\\\ / <b>&</b>\\n\\tline\\r\\u0001\\b\\f\\u001f\u{7f} 😀 \u{2028}\",\"attempts\":4294967295,\"state\":{\"state\":\"queued\",\"next_attempt_at_ms\":18446744073709551615}},{\"id\":\"03030303-0303-4303-8303-030303030303\",\"content_type\":\"application/json\",\"body\":\"\",\"attempts\":7,\"state\":{\"state\":\"refused\",\"status\":400}}]}",
    ),
    (
        r##"refused"##,
        r##"{"version":2,"entries":[{"id":"04040404-0404-4404-8404-040404040404","content_type":"application/json","body":"{}","attempts":0,"state":{"state":"refused","status":65535}}]}"##,
    ),
];
const DRAFT_READS: &[(&str, &str)] = &[
    (
        r##"{"version":2,"saved_at_ms":1799999999000,"step":{"page":"start"},"answers":{}}"##,
        r##"Ok {"version":2,"saved_at_ms":1799999999000,"step":{"page":"start"},"changing":false,"referral":{"full_name":"","date_of_birth":{"day":"","month":"","year":""},"nhs_number":"","postcode":"","no_fixed_address":false,"gp_practice":"","phone":"","email":"","preferred":null,"safe_to_leave_message":null,"safe_to_text":null,"best_times":[],"what_matters":"","what_different":"","areas":[],"heard_from":null,"heard_other":"","interpreter_needed":null,"language":"","accessibility_needs":"","filling_in_for":null,"helper_name":"","helper_relationship":"","consent_contact":null,"consent_share_gp":null},"answers":{},"risk_shown":[],"risk_kept":[]}"##,
    ),
    (
        r##"{"version":2,"saved_at_ms":1799999999000,"step":{"page":"start"},"answers":{},"changing":true}"##,
        r##"Ok {"version":2,"saved_at_ms":1799999999000,"step":{"page":"start"},"changing":true,"referral":{"full_name":"","date_of_birth":{"day":"","month":"","year":""},"nhs_number":"","postcode":"","no_fixed_address":false,"gp_practice":"","phone":"","email":"","preferred":null,"safe_to_leave_message":null,"safe_to_text":null,"best_times":[],"what_matters":"","what_different":"","areas":[],"heard_from":null,"heard_other":"","interpreter_needed":null,"language":"","accessibility_needs":"","filling_in_for":null,"helper_name":"","helper_relationship":"","consent_contact":null,"consent_share_gp":null},"answers":{},"risk_shown":[],"risk_kept":[]}"##,
    ),
    (
        r##"{"version":2,"saved_at_ms":1799999999000,"step":{"page":"start"},"answers":{},"changing":null}"##,
        r##"Err Corrupt"##,
    ),
    (
        r##"{"version":2,"saved_at_ms":1799999999000,"step":{"page":"start"},"answers":{},"changing":1}"##,
        r##"Err Corrupt"##,
    ),
    (
        r##"{"version":2,"saved_at_ms":1799999999000,"step":{"page":"start"},"answers":{},"unexpected":true}"##,
        r##"Err Corrupt"##,
    ),
    (
        r##"{"version":2,"saved_at_ms":1799999999000,"step":{"page":"start"},"answers":{},"risk_shown":null}"##,
        r##"Err Corrupt"##,
    ),
    (
        r##"{"version":2,"saved_at_ms":1799999999000,"step":{"page":"start"},"answers":{},"risk_shown":[1]}"##,
        r##"Err Corrupt"##,
    ),
    (
        r##"{"version":2,"saved_at_ms":1799999999000,"step":{"page":"start"},"answers":{},"risk_shown":"phq9-item9"}"##,
        r##"Err Corrupt"##,
    ),
    (
        r##"{"version":2,"saved_at_ms":1799999999000,"step":{"page":"start"},"answers":{},"risk_kept":["a","b"]}"##,
        r##"Ok {"version":2,"saved_at_ms":1799999999000,"step":{"page":"start"},"changing":false,"referral":{"full_name":"","date_of_birth":{"day":"","month":"","year":""},"nhs_number":"","postcode":"","no_fixed_address":false,"gp_practice":"","phone":"","email":"","preferred":null,"safe_to_leave_message":null,"safe_to_text":null,"best_times":[],"what_matters":"","what_different":"","areas":[],"heard_from":null,"heard_other":"","interpreter_needed":null,"language":"","accessibility_needs":"","filling_in_for":null,"helper_name":"","helper_relationship":"","consent_contact":null,"consent_share_gp":null},"answers":{},"risk_shown":[],"risk_kept":["a","b"]}"##,
    ),
    (
        r##"{"version":2,"saved_at_ms":1799999999000,"step":{"page":"start"},"answers":{},"referral":null}"##,
        r##"Err Corrupt"##,
    ),
    (
        r##"{"version":2,"saved_at_ms":1799999999000,"step":{"page":"start"},"answers":{},"referral":{}}"##,
        r##"Ok {"version":2,"saved_at_ms":1799999999000,"step":{"page":"start"},"changing":false,"referral":{"full_name":"","date_of_birth":{"day":"","month":"","year":""},"nhs_number":"","postcode":"","no_fixed_address":false,"gp_practice":"","phone":"","email":"","preferred":null,"safe_to_leave_message":null,"safe_to_text":null,"best_times":[],"what_matters":"","what_different":"","areas":[],"heard_from":null,"heard_other":"","interpreter_needed":null,"language":"","accessibility_needs":"","filling_in_for":null,"helper_name":"","helper_relationship":"","consent_contact":null,"consent_share_gp":null},"answers":{},"risk_shown":[],"risk_kept":[]}"##,
    ),
    (
        r##"{"version":2,"saved_at_ms":1799999999000,"step":{"page":"start"},"answers":{},"referral":{"full_name":null}}"##,
        r##"Err Corrupt"##,
    ),
    (
        r##"{"version":2,"saved_at_ms":1799999999000,"step":{"page":"start"},"answers":{},"referral":{"full_name":3}}"##,
        r##"Err Corrupt"##,
    ),
    (
        r##"{"version":2,"saved_at_ms":1799999999000,"step":{"page":"start"},"answers":{},"referral":{"preferred":5}}"##,
        r##"Err Corrupt"##,
    ),
    (
        r##"{"version":2,"saved_at_ms":1799999999000,"step":{"page":"start"},"answers":{},"referral":{"preferred":"carrier-pigeon","heard_from":null,"filling_in_for":"myself"}}"##,
        r##"Ok {"version":2,"saved_at_ms":1799999999000,"step":{"page":"start"},"changing":false,"referral":{"full_name":"","date_of_birth":{"day":"","month":"","year":""},"nhs_number":"","postcode":"","no_fixed_address":false,"gp_practice":"","phone":"","email":"","preferred":null,"safe_to_leave_message":null,"safe_to_text":null,"best_times":[],"what_matters":"","what_different":"","areas":[],"heard_from":null,"heard_other":"","interpreter_needed":null,"language":"","accessibility_needs":"","filling_in_for":"myself","helper_name":"","helper_relationship":"","consent_contact":null,"consent_share_gp":null},"answers":{},"risk_shown":[],"risk_kept":[]}"##,
    ),
    (
        r##"{"version":2,"saved_at_ms":1799999999000,"step":{"page":"start"},"answers":{},"referral":{"areas":["housing",3]}}"##,
        r##"Err Corrupt"##,
    ),
    (
        r##"{"version":2,"saved_at_ms":1799999999000,"step":{"page":"start"},"answers":{},"referral":{"areas":["housing","knitting","bereavement","housing"]}}"##,
        r##"Ok {"version":2,"saved_at_ms":1799999999000,"step":{"page":"start"},"changing":false,"referral":{"full_name":"","date_of_birth":{"day":"","month":"","year":""},"nhs_number":"","postcode":"","no_fixed_address":false,"gp_practice":"","phone":"","email":"","preferred":null,"safe_to_leave_message":null,"safe_to_text":null,"best_times":[],"what_matters":"","what_different":"","areas":["housing","bereavement","housing"],"heard_from":null,"heard_other":"","interpreter_needed":null,"language":"","accessibility_needs":"","filling_in_for":null,"helper_name":"","helper_relationship":"","consent_contact":null,"consent_share_gp":null},"answers":{},"risk_shown":[],"risk_kept":[]}"##,
    ),
    (
        r##"{"version":2,"saved_at_ms":1799999999000,"step":{"page":"start"},"answers":{},"referral":{"areas":"housing"}}"##,
        r##"Err Corrupt"##,
    ),
    (
        r##"{"version":2,"saved_at_ms":1799999999000,"step":{"page":"start"},"answers":{},"referral":{"best_times":null,"areas":null}}"##,
        r##"Ok {"version":2,"saved_at_ms":1799999999000,"step":{"page":"start"},"changing":false,"referral":{"full_name":"","date_of_birth":{"day":"","month":"","year":""},"nhs_number":"","postcode":"","no_fixed_address":false,"gp_practice":"","phone":"","email":"","preferred":null,"safe_to_leave_message":null,"safe_to_text":null,"best_times":[],"what_matters":"","what_different":"","areas":[],"heard_from":null,"heard_other":"","interpreter_needed":null,"language":"","accessibility_needs":"","filling_in_for":null,"helper_name":"","helper_relationship":"","consent_contact":null,"consent_share_gp":null},"answers":{},"risk_shown":[],"risk_kept":[]}"##,
    ),
    (
        r##"{"version":2,"saved_at_ms":1799999999000,"step":{"page":"start"},"answers":{},"referral":{"safe_to_text":null,"interpreter_needed":false}}"##,
        r##"Ok {"version":2,"saved_at_ms":1799999999000,"step":{"page":"start"},"changing":false,"referral":{"full_name":"","date_of_birth":{"day":"","month":"","year":""},"nhs_number":"","postcode":"","no_fixed_address":false,"gp_practice":"","phone":"","email":"","preferred":null,"safe_to_leave_message":null,"safe_to_text":null,"best_times":[],"what_matters":"","what_different":"","areas":[],"heard_from":null,"heard_other":"","interpreter_needed":false,"language":"","accessibility_needs":"","filling_in_for":null,"helper_name":"","helper_relationship":"","consent_contact":null,"consent_share_gp":null},"answers":{},"risk_shown":[],"risk_kept":[]}"##,
    ),
    (
        r##"{"version":2,"saved_at_ms":1799999999000,"step":{"page":"start"},"answers":{},"referral":{"safe_to_text":"yes"}}"##,
        r##"Err Corrupt"##,
    ),
    (
        r##"{"version":2,"saved_at_ms":1799999999000,"step":{"page":"start"},"answers":{},"referral":{"no_fixed_address":null}}"##,
        r##"Err Corrupt"##,
    ),
    (
        r##"{"version":2,"saved_at_ms":1799999999000,"step":{"page":"start"},"answers":{},"referral":{"date_of_birth":{"day":"1"}}}"##,
        r##"Err Corrupt"##,
    ),
    (
        r##"{"version":2,"saved_at_ms":1799999999000,"step":{"page":"start"},"answers":{},"referral":{"date_of_birth":{"day":"1","month":"2","year":"3","era":"CE"}}}"##,
        r##"Ok {"version":2,"saved_at_ms":1799999999000,"step":{"page":"start"},"changing":false,"referral":{"full_name":"","date_of_birth":{"day":"1","month":"2","year":"3"},"nhs_number":"","postcode":"","no_fixed_address":false,"gp_practice":"","phone":"","email":"","preferred":null,"safe_to_leave_message":null,"safe_to_text":null,"best_times":[],"what_matters":"","what_different":"","areas":[],"heard_from":null,"heard_other":"","interpreter_needed":null,"language":"","accessibility_needs":"","filling_in_for":null,"helper_name":"","helper_relationship":"","consent_contact":null,"consent_share_gp":null},"answers":{},"risk_shown":[],"risk_kept":[]}"##,
    ),
    (
        r##"{"version":2,"saved_at_ms":1799999999000,"step":{"page":"start"},"answers":{},"referral":{"date_of_birth":null}}"##,
        r##"Err Corrupt"##,
    ),
    (
        r##"{"version":2,"saved_at_ms":1799999999000,"step":{"page":"start"},"answers":{},"referral":{"date_of_birth":{"day":1,"month":"2","year":"3"}}}"##,
        r##"Err Corrupt"##,
    ),
    (
        r##"{"version":2,"saved_at_ms":1799999999000,"step":{"page":"start"},"answers":{},"referral":{"a_later_question":{"deep":[1,2,{"x":null}]},"email":"a@b.c"}}"##,
        r##"Ok {"version":2,"saved_at_ms":1799999999000,"step":{"page":"start"},"changing":false,"referral":{"full_name":"","date_of_birth":{"day":"","month":"","year":""},"nhs_number":"","postcode":"","no_fixed_address":false,"gp_practice":"","phone":"","email":"a@b.c","preferred":null,"safe_to_leave_message":null,"safe_to_text":null,"best_times":[],"what_matters":"","what_different":"","areas":[],"heard_from":null,"heard_other":"","interpreter_needed":null,"language":"","accessibility_needs":"","filling_in_for":null,"helper_name":"","helper_relationship":"","consent_contact":null,"consent_share_gp":null},"answers":{},"risk_shown":[],"risk_kept":[]}"##,
    ),
    (
        r##"{"version":2,"saved_at_ms":1799999999000,"step":{"page":"start"},"answers":{},"referral":{"email":"a@b.c","email":"d@e.f"}}"##,
        r##"Err Corrupt"##,
    ),
    (
        r##"{"version":2,"saved_at_ms":1799999999000,"step":{"page":"referral","part":"contact"},"answers":{}}"##,
        r##"Ok {"version":2,"saved_at_ms":1799999999000,"step":{"page":"referral","part":"contact"},"changing":false,"referral":{"full_name":"","date_of_birth":{"day":"","month":"","year":""},"nhs_number":"","postcode":"","no_fixed_address":false,"gp_practice":"","phone":"","email":"","preferred":null,"safe_to_leave_message":null,"safe_to_text":null,"best_times":[],"what_matters":"","what_different":"","areas":[],"heard_from":null,"heard_other":"","interpreter_needed":null,"language":"","accessibility_needs":"","filling_in_for":null,"helper_name":"","helper_relationship":"","consent_contact":null,"consent_share_gp":null},"answers":{},"risk_shown":[],"risk_kept":[]}"##,
    ),
    (
        r##"{"version":2,"saved_at_ms":1799999999000,"step":{"page":"referral","part":"contact","index":3},"answers":{}}"##,
        r##"Ok {"version":2,"saved_at_ms":1799999999000,"step":{"page":"referral","part":"contact"},"changing":false,"referral":{"full_name":"","date_of_birth":{"day":"","month":"","year":""},"nhs_number":"","postcode":"","no_fixed_address":false,"gp_practice":"","phone":"","email":"","preferred":null,"safe_to_leave_message":null,"safe_to_text":null,"best_times":[],"what_matters":"","what_different":"","areas":[],"heard_from":null,"heard_other":"","interpreter_needed":null,"language":"","accessibility_needs":"","filling_in_for":null,"helper_name":"","helper_relationship":"","consent_contact":null,"consent_share_gp":null},"answers":{},"risk_shown":[],"risk_kept":[]}"##,
    ),
    (
        r##"{"version":2,"saved_at_ms":1799999999000,"step":{"page":"referral","part":"contact","measure":3},"answers":{}}"##,
        r##"Err Corrupt"##,
    ),
    (
        r##"{"version":2,"saved_at_ms":1799999999000,"step":{"page":"referral","part":"nowhere"},"answers":{}}"##,
        r##"Err Corrupt"##,
    ),
    (
        r##"{"version":2,"saved_at_ms":1799999999000,"step":{"page":"question","measure":1,"index":2,"part":null},"answers":{}}"##,
        r##"Ok {"version":2,"saved_at_ms":1799999999000,"step":{"page":"question","measure":1,"index":2},"changing":false,"referral":{"full_name":"","date_of_birth":{"day":"","month":"","year":""},"nhs_number":"","postcode":"","no_fixed_address":false,"gp_practice":"","phone":"","email":"","preferred":null,"safe_to_leave_message":null,"safe_to_text":null,"best_times":[],"what_matters":"","what_different":"","areas":[],"heard_from":null,"heard_other":"","interpreter_needed":null,"language":"","accessibility_needs":"","filling_in_for":null,"helper_name":"","helper_relationship":"","consent_contact":null,"consent_share_gp":null},"answers":{},"risk_shown":[],"risk_kept":[]}"##,
    ),
    (
        r##"{"version":2,"saved_at_ms":1799999999000,"step":{"page":"question","measure":1,"index":2,"part":"contact"},"answers":{}}"##,
        r##"Err Corrupt"##,
    ),
    (
        r##"{"version":2,"saved_at_ms":1799999999000,"step":{"page":"question","measure":1.0,"index":2},"answers":{}}"##,
        r##"Err Corrupt"##,
    ),
    (
        r##"{"version":2,"saved_at_ms":1799999999000,"step":{"page":"question","measure":-1,"index":2},"answers":{}}"##,
        r##"Err Corrupt"##,
    ),
    (
        r##"{"version":2,"saved_at_ms":1799999999000,"step":{"page":"question","measure":1},"answers":{}}"##,
        r##"Err Corrupt"##,
    ),
    (
        r##"{"version":2,"saved_at_ms":1799999999000,"step":{"page":"question","measure":5,"index":0},"answers":{}}"##,
        r##"Err Corrupt"##,
    ),
    (
        r##"{"version":2,"saved_at_ms":1799999999000,"step":{"page":"urgent-help","measure":2,"index":8},"answers":{}}"##,
        r##"Ok {"version":2,"saved_at_ms":1799999999000,"step":{"page":"urgent-help","measure":2,"index":8},"changing":false,"referral":{"full_name":"","date_of_birth":{"day":"","month":"","year":""},"nhs_number":"","postcode":"","no_fixed_address":false,"gp_practice":"","phone":"","email":"","preferred":null,"safe_to_leave_message":null,"safe_to_text":null,"best_times":[],"what_matters":"","what_different":"","areas":[],"heard_from":null,"heard_other":"","interpreter_needed":null,"language":"","accessibility_needs":"","filling_in_for":null,"helper_name":"","helper_relationship":"","consent_contact":null,"consent_share_gp":null},"answers":{},"risk_shown":[],"risk_kept":[]}"##,
    ),
    (
        r##"{"version":2,"saved_at_ms":1799999999000,"step":{"page":"start","measure":null,"index":null,"part":null},"answers":{}}"##,
        r##"Ok {"version":2,"saved_at_ms":1799999999000,"step":{"page":"start"},"changing":false,"referral":{"full_name":"","date_of_birth":{"day":"","month":"","year":""},"nhs_number":"","postcode":"","no_fixed_address":false,"gp_practice":"","phone":"","email":"","preferred":null,"safe_to_leave_message":null,"safe_to_text":null,"best_times":[],"what_matters":"","what_different":"","areas":[],"heard_from":null,"heard_other":"","interpreter_needed":null,"language":"","accessibility_needs":"","filling_in_for":null,"helper_name":"","helper_relationship":"","consent_contact":null,"consent_share_gp":null},"answers":{},"risk_shown":[],"risk_kept":[]}"##,
    ),
    (
        r##"{"version":2,"saved_at_ms":1799999999000,"step":{"page":"start","index":0},"answers":{}}"##,
        r##"Err Corrupt"##,
    ),
    (
        r##"{"version":2,"saved_at_ms":1799999999000,"step":{"page":"too-young"},"answers":{}}"##,
        r##"Ok {"version":2,"saved_at_ms":1799999999000,"step":{"page":"too-young"},"changing":false,"referral":{"full_name":"","date_of_birth":{"day":"","month":"","year":""},"nhs_number":"","postcode":"","no_fixed_address":false,"gp_practice":"","phone":"","email":"","preferred":null,"safe_to_leave_message":null,"safe_to_text":null,"best_times":[],"what_matters":"","what_different":"","areas":[],"heard_from":null,"heard_other":"","interpreter_needed":null,"language":"","accessibility_needs":"","filling_in_for":null,"helper_name":"","helper_relationship":"","consent_contact":null,"consent_share_gp":null},"answers":{},"risk_shown":[],"risk_kept":[]}"##,
    ),
    (
        r##"{"version":2,"saved_at_ms":1799999999000,"step":{"page":"check"},"answers":{}}"##,
        r##"Ok {"version":2,"saved_at_ms":1799999999000,"step":{"page":"check"},"changing":false,"referral":{"full_name":"","date_of_birth":{"day":"","month":"","year":""},"nhs_number":"","postcode":"","no_fixed_address":false,"gp_practice":"","phone":"","email":"","preferred":null,"safe_to_leave_message":null,"safe_to_text":null,"best_times":[],"what_matters":"","what_different":"","areas":[],"heard_from":null,"heard_other":"","interpreter_needed":null,"language":"","accessibility_needs":"","filling_in_for":null,"helper_name":"","helper_relationship":"","consent_contact":null,"consent_share_gp":null},"answers":{},"risk_shown":[],"risk_kept":[]}"##,
    ),
    (
        r##"{"version":2,"saved_at_ms":1799999999000,"step":{"page":"sent","extra":1},"answers":{}}"##,
        r##"Err Corrupt"##,
    ),
    (
        r##"{"version":2,"saved_at_ms":1799999999000,"step":{"page":"Sent"},"answers":{}}"##,
        r##"Err Corrupt"##,
    ),
    (
        r##"{"version":2,"saved_at_ms":1799999999000,"step":{"page":null},"answers":{}}"##,
        r##"Err Corrupt"##,
    ),
    (
        r##"{"version":2,"saved_at_ms":1799999999000,"step":{},"answers":{}}"##,
        r##"Err Corrupt"##,
    ),
    (
        r##"{"version":2,"saved_at_ms":1799999999000,"step":"start","answers":{}}"##,
        r##"Err Corrupt"##,
    ),
    (
        r##"{"version":2,"saved_at_ms":1799999999000,"step":null,"answers":{}}"##,
        r##"Err Corrupt"##,
    ),
    (
        r##"{"version":2,"saved_at_ms":1799999999000,"step":{"page":"start"},"answers":{"ons4":{"satisfaction":3,"worthwhile":10}}}"##,
        r##"Ok {"version":2,"saved_at_ms":1799999999000,"step":{"page":"start"},"changing":false,"referral":{"full_name":"","date_of_birth":{"day":"","month":"","year":""},"nhs_number":"","postcode":"","no_fixed_address":false,"gp_practice":"","phone":"","email":"","preferred":null,"safe_to_leave_message":null,"safe_to_text":null,"best_times":[],"what_matters":"","what_different":"","areas":[],"heard_from":null,"heard_other":"","interpreter_needed":null,"language":"","accessibility_needs":"","filling_in_for":null,"helper_name":"","helper_relationship":"","consent_contact":null,"consent_share_gp":null},"answers":{"ons4":{"satisfaction":3,"worthwhile":10}},"risk_shown":[],"risk_kept":[]}"##,
    ),
    (
        r##"{"version":2,"saved_at_ms":1799999999000,"step":{"page":"start"},"answers":{"ons4":{"satisfaction":11}}}"##,
        r##"Err Corrupt"##,
    ),
    (
        r##"{"version":2,"saved_at_ms":1799999999000,"step":{"page":"start"},"answers":{"ons4":{"satisfaction":"3"}}}"##,
        r##"Err Corrupt"##,
    ),
    (
        r##"{"version":2,"saved_at_ms":1799999999000,"step":{"page":"start"},"answers":{"ons4":{"satisfaction":3.0}}}"##,
        r##"Err Corrupt"##,
    ),
    (
        r##"{"version":2,"saved_at_ms":1799999999000,"step":{"page":"start"},"answers":{"ons4":{"satisfaction":9223372036854775808}}}"##,
        r##"Err Corrupt"##,
    ),
    (
        r##"{"version":2,"saved_at_ms":1799999999000,"step":{"page":"start"},"answers":{"ons4":{"mood":3}}}"##,
        r##"Err Corrupt"##,
    ),
    (
        r##"{"version":2,"saved_at_ms":1799999999000,"step":{"page":"start"},"answers":{"ons4":null}}"##,
        r##"Err Corrupt"##,
    ),
    (
        r##"{"version":2,"saved_at_ms":1799999999000,"step":{"page":"start"},"answers":{"ons4":{}}}"##,
        r##"Ok {"version":2,"saved_at_ms":1799999999000,"step":{"page":"start"},"changing":false,"referral":{"full_name":"","date_of_birth":{"day":"","month":"","year":""},"nhs_number":"","postcode":"","no_fixed_address":false,"gp_practice":"","phone":"","email":"","preferred":null,"safe_to_leave_message":null,"safe_to_text":null,"best_times":[],"what_matters":"","what_different":"","areas":[],"heard_from":null,"heard_other":"","interpreter_needed":null,"language":"","accessibility_needs":"","filling_in_for":null,"helper_name":"","helper_relationship":"","consent_contact":null,"consent_share_gp":null},"answers":{"ons4":{}},"risk_shown":[],"risk_kept":[]}"##,
    ),
    (
        r##"{"version":2,"saved_at_ms":1799999999000,"step":{"page":"start"},"answers":{"retired":{"q1":99,"q2":-4}}}"##,
        r##"Ok {"version":2,"saved_at_ms":1799999999000,"step":{"page":"start"},"changing":false,"referral":{"full_name":"","date_of_birth":{"day":"","month":"","year":""},"nhs_number":"","postcode":"","no_fixed_address":false,"gp_practice":"","phone":"","email":"","preferred":null,"safe_to_leave_message":null,"safe_to_text":null,"best_times":[],"what_matters":"","what_different":"","areas":[],"heard_from":null,"heard_other":"","interpreter_needed":null,"language":"","accessibility_needs":"","filling_in_for":null,"helper_name":"","helper_relationship":"","consent_contact":null,"consent_share_gp":null},"answers":{},"risk_shown":[],"risk_kept":[]}"##,
    ),
    (
        r##"{"version":2,"saved_at_ms":1799999999000,"step":{"page":"start"},"answers":{"retired":{"q1":"text"}}}"##,
        r##"Err Corrupt"##,
    ),
    (
        r##"{"version":2,"saved_at_ms":1799999999000,"step":{"page":"start"},"answers":{"retired":{"q1":1.5}}}"##,
        r##"Err Corrupt"##,
    ),
    (
        r##"{"version":2,"saved_at_ms":1799999999000,"step":{"page":"start"},"answers":{"retired":[]}}"##,
        r##"Err Corrupt"##,
    ),
    (
        r##"{"version":2,"saved_at_ms":1799999999000,"step":{"page":"start"},"answers":[]}"##,
        r##"Err Corrupt"##,
    ),
    (
        r##"{"version":2,"saved_at_ms":1799999999000,"step":{"page":"start"},"answers":null}"##,
        r##"Err Corrupt"##,
    ),
    (r##"{not json"##, r##"Err Corrupt"##),
    (r##""##, r##"Err Corrupt"##),
    (r##"[]"##, r##"Err Corrupt"##),
    (r##"{}"##, r##"Err Corrupt"##),
    (r##"null"##, r##"Err Corrupt"##),
    (r##"{"version":3}"##, r##"Err OtherVersion"##),
    (
        r##"{"version":1,"anything":[1,2]}"##,
        r##"Err OtherVersion"##,
    ),
    (r##"{"version":"2"}"##, r##"Err Corrupt"##),
    (
        r##"{"version":2.0,"saved_at_ms":0,"step":{"page":"start"},"answers":{}}"##,
        r##"Err Corrupt"##,
    ),
    (r##"{"version":-2}"##, r##"Err Corrupt"##),
    (r##"{"version":18446744073709551616}"##, r##"Err Corrupt"##),
    (r##"{"version":2}"##, r##"Err Corrupt"##),
    (r##"{"version":2,"version":2}"##, r##"Err Corrupt"##),
    (r##"{"version":3,"step":5}"##, r##"Err OtherVersion"##),
    (r##"{"version":3} x"##, r##"Err Corrupt"##),
    (
        r##"{"version":2,"saved_at_ms":1799999999000,"step":{"page":"start"},"answers":{}} x"##,
        r##"Err Corrupt"##,
    ),
    (
        " \n\t{\"version\":2 ,\n \"saved_at_ms\":1799999999000 ,\n \"step\":{\"page\":\"start\"} ,\n \"answers\":{}} \r\n",
        r##"Ok {"version":2,"saved_at_ms":1799999999000,"step":{"page":"start"},"changing":false,"referral":{"full_name":"","date_of_birth":{"day":"","month":"","year":""},"nhs_number":"","postcode":"","no_fixed_address":false,"gp_practice":"","phone":"","email":"","preferred":null,"safe_to_leave_message":null,"safe_to_text":null,"best_times":[],"what_matters":"","what_different":"","areas":[],"heard_from":null,"heard_other":"","interpreter_needed":null,"language":"","accessibility_needs":"","filling_in_for":null,"helper_name":"","helper_relationship":"","consent_contact":null,"consent_share_gp":null},"answers":{},"risk_shown":[],"risk_kept":[]}"##,
    ),
    (
        r##"{"version":2,"step":{"page":"start"},"answers":{}}"##,
        r##"Err Corrupt"##,
    ),
    (
        r##"{"version":2,"saved_at_ms":1799999999000,"answers":{}}"##,
        r##"Err Corrupt"##,
    ),
    (
        r##"{"version":2,"saved_at_ms":1799999999000,"step":{"page":"start"}}"##,
        r##"Err Corrupt"##,
    ),
    (
        r##"{"version":2,"saved_at_ms":1799999999000.0,"step":{"page":"start"},"answers":{}}"##,
        r##"Err Corrupt"##,
    ),
    (
        r##"{"version":2,"saved_at_ms":-1,"step":{"page":"start"},"answers":{}}"##,
        r##"Err Corrupt"##,
    ),
    (
        r##"{"version":2,"saved_at_ms":18446744073709551615,"step":{"page":"start"},"answers":{}}"##,
        r##"Err Corrupt"##,
    ),
    (
        r##"{"version":2,"saved_at_ms":1800000060000,"step":{"page":"start"},"answers":{}}"##,
        r##"Ok {"version":2,"saved_at_ms":1800000060000,"step":{"page":"start"},"changing":false,"referral":{"full_name":"","date_of_birth":{"day":"","month":"","year":""},"nhs_number":"","postcode":"","no_fixed_address":false,"gp_practice":"","phone":"","email":"","preferred":null,"safe_to_leave_message":null,"safe_to_text":null,"best_times":[],"what_matters":"","what_different":"","areas":[],"heard_from":null,"heard_other":"","interpreter_needed":null,"language":"","accessibility_needs":"","filling_in_for":null,"helper_name":"","helper_relationship":"","consent_contact":null,"consent_share_gp":null},"answers":{},"risk_shown":[],"risk_kept":[]}"##,
    ),
    (
        r##"{"version":2,"saved_at_ms":1800000060001,"step":{"page":"start"},"answers":{}}"##,
        r##"Err Corrupt"##,
    ),
    (
        r##"{"version":2,"saved_at_ms":1799395200000,"step":{"page":"start"},"answers":{}}"##,
        r##"Ok {"version":2,"saved_at_ms":1799395200000,"step":{"page":"start"},"changing":false,"referral":{"full_name":"","date_of_birth":{"day":"","month":"","year":""},"nhs_number":"","postcode":"","no_fixed_address":false,"gp_practice":"","phone":"","email":"","preferred":null,"safe_to_leave_message":null,"safe_to_text":null,"best_times":[],"what_matters":"","what_different":"","areas":[],"heard_from":null,"heard_other":"","interpreter_needed":null,"language":"","accessibility_needs":"","filling_in_for":null,"helper_name":"","helper_relationship":"","consent_contact":null,"consent_share_gp":null},"answers":{},"risk_shown":[],"risk_kept":[]}"##,
    ),
    (
        r##"{"version":2,"saved_at_ms":1799395199999,"step":{"page":"start"},"answers":{}}"##,
        r##"Err Expired"##,
    ),
    (
        r##"{"version":2,"saved_at_ms":1799395199999,"step":{"page":"question","measure":9,"index":9},"answers":{"ons4":{"satisfaction":99}}}"##,
        r##"Err Expired"##,
    ),
    (
        r##"{"version":2,"saved_at_ms":1799395199999,"step":{"page":"start"},"answers":{},"x":1}"##,
        r##"Err Corrupt"##,
    ),
    (
        r##"{"version":2,"saved_at_ms":1800000060001,"step":{"page":"question","measure":9,"index":9},"answers":{}}"##,
        r##"Err Corrupt"##,
    ),
];
const OUTBOX_READS: &[(&str, &str)] = &[
    (r##"{"##, r##"Err"##),
    (r##""##, r##"Err"##),
    (r##"[]"##, r##"Err"##),
    (r##"{}"##, r##"Err"##),
    (
        r##"{"version":2,"entries":[]}"##,
        r##"Ok {"version":2,"entries":[]}"##,
    ),
    (r##"{"version":2}"##, r##"Err"##),
    (r##"{"entries":[]}"##, r##"Err"##),
    (r##"{"version":2,"entries":[],"x":1}"##, r##"Err"##),
    (r##"{"version":2,"entries":null}"##, r##"Err"##),
    (r##"{"version":3,"entries":[]}"##, r##"Err"##),
    (r##"{"version":0,"entries":[]}"##, r##"Err"##),
    (r##"{"version":"2","entries":[]}"##, r##"Err"##),
    (r##"{"version":2.0,"entries":[]}"##, r##"Err"##),
    (r##"{"version":4294967298,"entries":[]}"##, r##"Err"##),
    (
        r##"{"version":1,"entries":[]}"##,
        r##"Ok {"version":2,"entries":[]}"##,
    ),
    (r##"{"version":1}"##, r##"Err"##),
    (r##"{"version":1,"entries":[],"x":1}"##, r##"Err"##),
    (r##"{"version":2,"entries":[]} x"##, r##"Err"##),
    (
        " {\"version\":2 , \"entries\":[{\"id\":\"0f8fad5b-d9cb-469f-a165-70867728950e\" , \"content_type\":\"application/json\" , \"body\":\"{}\" , \"attempts\":0 , \"state\":{\"state\":\"queued\" , \"next_attempt_at_ms\":5}}]} \n",
        r##"Ok {"version":2,"entries":[{"id":"0f8fad5b-d9cb-469f-a165-70867728950e","content_type":"application/json","body":"{}","attempts":0,"state":{"state":"queued","next_attempt_at_ms":5}}]}"##,
    ),
    (
        r##"{"version":2,"entries":[{"id":"0f8fad5b-d9cb-469f-a165-70867728950e","content_type":"application/json","body":"{}","attempts":0,"state":{"state":"queued","next_attempt_at_ms":5}}]}"##,
        r##"Ok {"version":2,"entries":[{"id":"0f8fad5b-d9cb-469f-a165-70867728950e","content_type":"application/json","body":"{}","attempts":0,"state":{"state":"queued","next_attempt_at_ms":5}}]}"##,
    ),
    (
        r##"{"version":2,"entries":[{"id":"0f8fad5b-d9cb-469f-a165-70867728950e","content_type":"application/json","body":"{}","attempts":0,"state":{"state":"queued","next_attempt_at_ms":5}},{"id":"0f8fad5b-d9cb-469f-a165-70867728950e","content_type":"application/json","body":"{}","attempts":0,"state":{"state":"queued","next_attempt_at_ms":5}}]}"##,
        r##"Ok {"version":2,"entries":[{"id":"0f8fad5b-d9cb-469f-a165-70867728950e","content_type":"application/json","body":"{}","attempts":0,"state":{"state":"queued","next_attempt_at_ms":5}},{"id":"0f8fad5b-d9cb-469f-a165-70867728950e","content_type":"application/json","body":"{}","attempts":0,"state":{"state":"queued","next_attempt_at_ms":5}}]}"##,
    ),
    (
        r##"{"version":2,"entries":[{"id":"0F8FAD5B-D9CB-469F-A165-70867728950E","content_type":"application/json","body":"{}","attempts":0,"state":{"state":"queued","next_attempt_at_ms":5}}]}"##,
        r##"Ok {"version":2,"entries":[{"id":"0f8fad5b-d9cb-469f-a165-70867728950e","content_type":"application/json","body":"{}","attempts":0,"state":{"state":"queued","next_attempt_at_ms":5}}]}"##,
    ),
    (
        r##"{"version":2,"entries":[{"id":"0f8fad5b-d9cb-369f-a165-70867728950e","content_type":"application/json","body":"{}","attempts":0,"state":{"state":"queued","next_attempt_at_ms":5}}]}"##,
        r##"Err"##,
    ),
    (
        r##"{"version":2,"entries":[{"id":5,"content_type":"application/json","body":"{}","attempts":0,"state":{"state":"queued","next_attempt_at_ms":5}}]}"##,
        r##"Err"##,
    ),
    (
        r##"{"version":2,"entries":[{"id":"0f8fad5b-d9cb-469f-a165-70867728950e","content_type":null,"body":"{}","attempts":0,"state":{"state":"queued","next_attempt_at_ms":5}}]}"##,
        r##"Err"##,
    ),
    (
        r##"{"version":2,"entries":[{"id":"0f8fad5b-d9cb-469f-a165-70867728950e","content_type":"application/json","body":{},"attempts":0,"state":{"state":"queued","next_attempt_at_ms":5}}]}"##,
        r##"Err"##,
    ),
    (
        r##"{"version":2,"entries":[{"id":"0f8fad5b-d9cb-469f-a165-70867728950e","content_type":"application/json","body":"{}","attempts":4294967295,"state":{"state":"queued","next_attempt_at_ms":5}}]}"##,
        r##"Ok {"version":2,"entries":[{"id":"0f8fad5b-d9cb-469f-a165-70867728950e","content_type":"application/json","body":"{}","attempts":4294967295,"state":{"state":"queued","next_attempt_at_ms":5}}]}"##,
    ),
    (
        r##"{"version":2,"entries":[{"id":"0f8fad5b-d9cb-469f-a165-70867728950e","content_type":"application/json","body":"{}","attempts":4294967296,"state":{"state":"queued","next_attempt_at_ms":5}}]}"##,
        r##"Err"##,
    ),
    (
        r##"{"version":2,"entries":[{"id":"0f8fad5b-d9cb-469f-a165-70867728950e","content_type":"application/json","body":"{}","attempts":-1,"state":{"state":"queued","next_attempt_at_ms":5}}]}"##,
        r##"Err"##,
    ),
    (
        r##"{"version":2,"entries":[{"id":"0f8fad5b-d9cb-469f-a165-70867728950e","content_type":"application/json","body":"{}","state":{"state":"queued","next_attempt_at_ms":5}}]}"##,
        r##"Err"##,
    ),
    (
        r##"{"version":2,"entries":[{"id":"0f8fad5b-d9cb-469f-a165-70867728950e","content_type":"application/json","attempts":0,"state":{"state":"queued","next_attempt_at_ms":5}}]}"##,
        r##"Err"##,
    ),
    (
        r##"{"version":2,"entries":[{"id":"0f8fad5b-d9cb-469f-a165-70867728950e","content_type":"application/json","body":"{}","attempts":0,"x":0,"state":{"state":"queued","next_attempt_at_ms":5}}]}"##,
        r##"Err"##,
    ),
    (
        r##"{"version":2,"entries":[{"id":"0f8fad5b-d9cb-469f-a165-70867728950e","content_type":"application/json","body":"{}","attempts":0,"attempts":0,"state":{"state":"queued","next_attempt_at_ms":5}}]}"##,
        r##"Err"##,
    ),
    (
        r##"{"version":2,"entries":[{"id":"0f8fad5b-d9cb-469f-a165-70867728950e","content_type":"application/json","body":"{}","attempts":0,"state":{"state":"queued","next_attempt_at_ms":5,"status":null}}]}"##,
        r##"Ok {"version":2,"entries":[{"id":"0f8fad5b-d9cb-469f-a165-70867728950e","content_type":"application/json","body":"{}","attempts":0,"state":{"state":"queued","next_attempt_at_ms":5}}]}"##,
    ),
    (
        r##"{"version":2,"entries":[{"id":"0f8fad5b-d9cb-469f-a165-70867728950e","content_type":"application/json","body":"{}","attempts":0,"state":{"state":"queued","next_attempt_at_ms":5,"status":400}}]}"##,
        r##"Err"##,
    ),
    (
        r##"{"version":2,"entries":[{"id":"0f8fad5b-d9cb-469f-a165-70867728950e","content_type":"application/json","body":"{}","attempts":0,"state":{"state":"queued","next_attempt_at_ms":5,"x":null}}]}"##,
        r##"Err"##,
    ),
    (
        r##"{"version":2,"entries":[{"id":"0f8fad5b-d9cb-469f-a165-70867728950e","content_type":"application/json","body":"{}","attempts":0,"state":{"state":"queued"}}]}"##,
        r##"Err"##,
    ),
    (
        r##"{"version":2,"entries":[{"id":"0f8fad5b-d9cb-469f-a165-70867728950e","content_type":"application/json","body":"{}","attempts":0,"state":{"state":"queued","next_attempt_at_ms":null}}]}"##,
        r##"Err"##,
    ),
    (
        r##"{"version":2,"entries":[{"id":"0f8fad5b-d9cb-469f-a165-70867728950e","content_type":"application/json","body":"{}","attempts":0,"state":{"state":"queued","next_attempt_at_ms":5.5}}]}"##,
        r##"Err"##,
    ),
    (
        r##"{"version":2,"entries":[{"id":"0f8fad5b-d9cb-469f-a165-70867728950e","content_type":"application/json","body":"{}","attempts":0,"state":{"state":"refused","status":400}}]}"##,
        r##"Ok {"version":2,"entries":[{"id":"0f8fad5b-d9cb-469f-a165-70867728950e","content_type":"application/json","body":"{}","attempts":0,"state":{"state":"refused","status":400}}]}"##,
    ),
    (
        r##"{"version":2,"entries":[{"id":"0f8fad5b-d9cb-469f-a165-70867728950e","content_type":"application/json","body":"{}","attempts":0,"state":{"state":"refused","status":65536}}]}"##,
        r##"Err"##,
    ),
    (
        r##"{"version":2,"entries":[{"id":"0f8fad5b-d9cb-469f-a165-70867728950e","content_type":"application/json","body":"{}","attempts":0,"state":{"state":"refused"}}]}"##,
        r##"Err"##,
    ),
    (
        r##"{"version":2,"entries":[{"id":"0f8fad5b-d9cb-469f-a165-70867728950e","content_type":"application/json","body":"{}","attempts":0,"state":{"state":"Queued","next_attempt_at_ms":5}}]}"##,
        r##"Err"##,
    ),
    (
        r##"{"version":2,"entries":[{"id":"0f8fad5b-d9cb-469f-a165-70867728950e","content_type":"application/json","body":"{}","attempts":0,"state":{"state":null,"next_attempt_at_ms":5}}]}"##,
        r##"Err"##,
    ),
    (
        r##"{"version":2,"entries":[{"id":"0f8fad5b-d9cb-469f-a165-70867728950e","content_type":"application/json","body":"{}","attempts":0,"state":null}]}"##,
        r##"Err"##,
    ),
    (
        r##"{"version":2,"entries":[{"id":"0f8fad5b-d9cb-469f-a165-70867728950e","content_type":"application/json","body":"{}","attempts":0,"state":"queued"}]}"##,
        r##"Err"##,
    ),
    (
        "{\"version\":1,\"entries\":[{\"submission\":{\"submission_id\":\"0f8fad5b-d9cb-469f-a165-70867728950e\",\"schema_version\":1,\"mode\":\"self-referral\",\"measures\":[{\"instrument\":\"swemwbs\",\"score\":{\"total\":21,\"metric\":23.21},\"answers\":[]},{\"instrument\":\"x\",\"score\":{\"metric\":7.0,\"band\":null}}],\"referral\":{\"what_matters\":\"Zoë \\\"Z\\\" O'Brien \\\\ / <b>&</b>\\n\\tline\\r\\u0001\\b\\f\\u001f\u{7f} 😀 \u{2028}\",\"z\":true,\"a\":false,\"n\":-3},\"risk\":{\"urgent\":false,\"reasons\":[]},\"empty\":{}},\"attempts\":3,\"state\":{\"state\":\"refused\",\"status\":400}}]}",
        "Ok {\"version\":2,\"entries\":[{\"id\":\"0f8fad5b-d9cb-469f-a165-70867728950e\",\"content_type\":\"application/json\",\"body\":\"{\\\"empty\\\":{},\\\"measures\\\":[{\\\"answers\\\":[],\\\"instrument\\\":\\\"swemwbs\\\",\\\"score\\\":{\\\"metric\\\":23.21,\\\"total\\\":21}},{\\\"instrument\\\":\\\"x\\\",\\\"score\\\":{\\\"band\\\":null,\\\"metric\\\":7.0}}],\\\"mode\\\":\\\"self-referral\\\",\\\"referral\\\":{\\\"a\\\":false,\\\"n\\\":-3,\\\"what_matters\\\":\\\"Zoë \\\\\\\"Z\\\\\\\" O'Brien \\\\\\\\ / <b>&</b>\\\\n\\\\tline\\\\r\\\\u0001\\\\b\\\\f\\\\u001f\u{7f} 😀 \u{2028}\\\",\\\"z\\\":true},\\\"risk\\\":{\\\"reasons\\\":[],\\\"urgent\\\":false},\\\"schema_version\\\":1,\\\"submission_id\\\":\\\"0f8fad5b-d9cb-469f-a165-70867728950e\\\"}\",\"attempts\":3,\"state\":{\"state\":\"refused\",\"status\":400}}]}",
    ),
    (
        "{\"version\":1,\"entries\":[{\"submission\":{\"submission_id\":\"0f8fad5b-d9cb-469f-a165-70867728950e\",\"schema_version\":1,\"mode\":\"self-referral\",\"measures\":[{\"instrument\":\"swemwbs\",\"score\":{\"total\":21,\"metric\":23.21},\"answers\":[]},{\"instrument\":\"x\",\"score\":{\"metric\":7.0,\"band\":null}}],\"referral\":{\"what_matters\":\"Zoë \\\"Z\\\" O'Brien \\\\ / <b>&</b>\\n\\tline\\r\\u0001\\b\\f\\u001f\u{7f} 😀 \u{2028}\",\"z\":true,\"a\":false,\"n\":-3},\"risk\":{\"urgent\":false,\"reasons\":[]},\"empty\":{}},\"attempts\":3,\"state\":{\"state\":\"refused\",\"status\":400}},{\"submission\":{\"submission_id\":\"0f8fad5b-d9cb-469f-a165-70867728950e\",\"schema_version\":1,\"mode\":\"self-referral\",\"measures\":[{\"instrument\":\"swemwbs\",\"score\":{\"total\":21,\"metric\":23.21},\"answers\":[]},{\"instrument\":\"x\",\"score\":{\"metric\":7.0,\"band\":null}}],\"referral\":{\"what_matters\":\"Zoë \\\"Z\\\" O'Brien \\\\ / <b>&</b>\\n\\tline\\r\\u0001\\b\\f\\u001f\u{7f} 😀 \u{2028}\",\"z\":true,\"a\":false,\"n\":-3},\"risk\":{\"urgent\":false,\"reasons\":[]},\"empty\":{}},\"attempts\":3,\"state\":{\"state\":\"refused\",\"status\":400}}]}",
        "Ok {\"version\":2,\"entries\":[{\"id\":\"0f8fad5b-d9cb-469f-a165-70867728950e\",\"content_type\":\"application/json\",\"body\":\"{\\\"empty\\\":{},\\\"measures\\\":[{\\\"answers\\\":[],\\\"instrument\\\":\\\"swemwbs\\\",\\\"score\\\":{\\\"metric\\\":23.21,\\\"total\\\":21}},{\\\"instrument\\\":\\\"x\\\",\\\"score\\\":{\\\"band\\\":null,\\\"metric\\\":7.0}}],\\\"mode\\\":\\\"self-referral\\\",\\\"referral\\\":{\\\"a\\\":false,\\\"n\\\":-3,\\\"what_matters\\\":\\\"Zoë \\\\\\\"Z\\\\\\\" O'Brien \\\\\\\\ / <b>&</b>\\\\n\\\\tline\\\\r\\\\u0001\\\\b\\\\f\\\\u001f\u{7f} 😀 \u{2028}\\\",\\\"z\\\":true},\\\"risk\\\":{\\\"reasons\\\":[],\\\"urgent\\\":false},\\\"schema_version\\\":1,\\\"submission_id\\\":\\\"0f8fad5b-d9cb-469f-a165-70867728950e\\\"}\",\"attempts\":3,\"state\":{\"state\":\"refused\",\"status\":400}},{\"id\":\"0f8fad5b-d9cb-469f-a165-70867728950e\",\"content_type\":\"application/json\",\"body\":\"{\\\"empty\\\":{},\\\"measures\\\":[{\\\"answers\\\":[],\\\"instrument\\\":\\\"swemwbs\\\",\\\"score\\\":{\\\"metric\\\":23.21,\\\"total\\\":21}},{\\\"instrument\\\":\\\"x\\\",\\\"score\\\":{\\\"band\\\":null,\\\"metric\\\":7.0}}],\\\"mode\\\":\\\"self-referral\\\",\\\"referral\\\":{\\\"a\\\":false,\\\"n\\\":-3,\\\"what_matters\\\":\\\"Zoë \\\\\\\"Z\\\\\\\" O'Brien \\\\\\\\ / <b>&</b>\\\\n\\\\tline\\\\r\\\\u0001\\\\b\\\\f\\\\u001f\u{7f} 😀 \u{2028}\\\",\\\"z\\\":true},\\\"risk\\\":{\\\"reasons\\\":[],\\\"urgent\\\":false},\\\"schema_version\\\":1,\\\"submission_id\\\":\\\"0f8fad5b-d9cb-469f-a165-70867728950e\\\"}\",\"attempts\":3,\"state\":{\"state\":\"refused\",\"status\":400}}]}",
    ),
    (
        " {\"version\":1 ,\n\"entries\":[{\"submission\":{\"submission_id\":\"0f8fad5b-d9cb-469f-a165-70867728950e\" ,\n\"schema_version\":1 ,\n\"mode\":\"self-referral\" ,\n\"measures\":[{\"instrument\":\"swemwbs\" ,\n\"score\":{\"total\":21 ,\n\"metric\":23.21} ,\n\"answers\":[]} ,\n{\"instrument\":\"x\" ,\n\"score\":{\"metric\":7.0 ,\n\"band\":null}}] ,\n\"referral\":{\"what_matters\":\"Zoë \\\"Z\\\" O'Brien \\\\ / <b>&</b>\\n\\tline\\r\\u0001\\b\\f\\u001f\u{7f} 😀 \u{2028}\" ,\n\"z\":true ,\n\"a\":false ,\n\"n\":-3} ,\n\"risk\":{\"urgent\":false ,\n\"reasons\":[]} ,\n\"empty\":{}} ,\n\"attempts\":3 ,\n\"state\":{\"state\":\"refused\" ,\n\"status\":400}}]} ",
        "Ok {\"version\":2,\"entries\":[{\"id\":\"0f8fad5b-d9cb-469f-a165-70867728950e\",\"content_type\":\"application/json\",\"body\":\"{\\\"empty\\\":{},\\\"measures\\\":[{\\\"answers\\\":[],\\\"instrument\\\":\\\"swemwbs\\\",\\\"score\\\":{\\\"metric\\\":23.21,\\\"total\\\":21}},{\\\"instrument\\\":\\\"x\\\",\\\"score\\\":{\\\"band\\\":null,\\\"metric\\\":7.0}}],\\\"mode\\\":\\\"self-referral\\\",\\\"referral\\\":{\\\"a\\\":false,\\\"n\\\":-3,\\\"what_matters\\\":\\\"Zoë \\\\\\\"Z\\\\\\\" O'Brien \\\\\\\\ / <b>&</b>\\\\n\\\\tline\\\\r\\\\u0001\\\\b\\\\f\\\\u001f\u{7f} 😀 \u{2028}\\\",\\\"z\\\":true},\\\"risk\\\":{\\\"reasons\\\":[],\\\"urgent\\\":false},\\\"schema_version\\\":1,\\\"submission_id\\\":\\\"0f8fad5b-d9cb-469f-a165-70867728950e\\\"}\",\"attempts\":3,\"state\":{\"state\":\"refused\",\"status\":400}}]}",
    ),
    (
        "{\"version\":1,\"entries\":[{\"submission\":{\"submission_id\":\"0F8FAD5B-D9CB-469F-A165-70867728950E\",\"schema_version\":1,\"mode\":\"self-referral\",\"measures\":[{\"instrument\":\"swemwbs\",\"score\":{\"total\":21,\"metric\":23.21},\"answers\":[]},{\"instrument\":\"x\",\"score\":{\"metric\":7.0,\"band\":null}}],\"referral\":{\"what_matters\":\"Zoë \\\"Z\\\" O'Brien \\\\ / <b>&</b>\\n\\tline\\r\\u0001\\b\\f\\u001f\u{7f} 😀 \u{2028}\",\"z\":true,\"a\":false,\"n\":-3},\"risk\":{\"urgent\":false,\"reasons\":[]},\"empty\":{}},\"attempts\":3,\"state\":{\"state\":\"refused\",\"status\":400}}]}",
        "Ok {\"version\":2,\"entries\":[{\"id\":\"0f8fad5b-d9cb-469f-a165-70867728950e\",\"content_type\":\"application/json\",\"body\":\"{\\\"empty\\\":{},\\\"measures\\\":[{\\\"answers\\\":[],\\\"instrument\\\":\\\"swemwbs\\\",\\\"score\\\":{\\\"metric\\\":23.21,\\\"total\\\":21}},{\\\"instrument\\\":\\\"x\\\",\\\"score\\\":{\\\"band\\\":null,\\\"metric\\\":7.0}}],\\\"mode\\\":\\\"self-referral\\\",\\\"referral\\\":{\\\"a\\\":false,\\\"n\\\":-3,\\\"what_matters\\\":\\\"Zoë \\\\\\\"Z\\\\\\\" O'Brien \\\\\\\\ / <b>&</b>\\\\n\\\\tline\\\\r\\\\u0001\\\\b\\\\f\\\\u001f\u{7f} 😀 \u{2028}\\\",\\\"z\\\":true},\\\"risk\\\":{\\\"reasons\\\":[],\\\"urgent\\\":false},\\\"schema_version\\\":1,\\\"submission_id\\\":\\\"0F8FAD5B-D9CB-469F-A165-70867728950E\\\"}\",\"attempts\":3,\"state\":{\"state\":\"refused\",\"status\":400}}]}",
    ),
    (
        "{\"version\":1,\"entries\":[{\"submission\":{\"schema_version\":1,\"mode\":\"self-referral\",\"measures\":[{\"instrument\":\"swemwbs\",\"score\":{\"total\":21,\"metric\":23.21},\"answers\":[]},{\"instrument\":\"x\",\"score\":{\"metric\":7.0,\"band\":null}}],\"referral\":{\"what_matters\":\"Zoë \\\"Z\\\" O'Brien \\\\ / <b>&</b>\\n\\tline\\r\\u0001\\b\\f\\u001f\u{7f} 😀 \u{2028}\",\"z\":true,\"a\":false,\"n\":-3},\"risk\":{\"urgent\":false,\"reasons\":[]},\"empty\":{}},\"attempts\":3,\"state\":{\"state\":\"refused\",\"status\":400}}]}",
        r##"Err"##,
    ),
    (
        "{\"version\":1,\"entries\":[{\"submission\":{\"submission_id\":5,\"schema_version\":1,\"mode\":\"self-referral\",\"measures\":[{\"instrument\":\"swemwbs\",\"score\":{\"total\":21,\"metric\":23.21},\"answers\":[]},{\"instrument\":\"x\",\"score\":{\"metric\":7.0,\"band\":null}}],\"referral\":{\"what_matters\":\"Zoë \\\"Z\\\" O'Brien \\\\ / <b>&</b>\\n\\tline\\r\\u0001\\b\\f\\u001f\u{7f} 😀 \u{2028}\",\"z\":true,\"a\":false,\"n\":-3},\"risk\":{\"urgent\":false,\"reasons\":[]},\"empty\":{}},\"attempts\":3,\"state\":{\"state\":\"refused\",\"status\":400}}]}",
        r##"Err"##,
    ),
    (
        r##"{"version":1,"entries":[{"submission":1,"attempts":3,"state":{"state":"refused","status":400}}]}"##,
        r##"Err"##,
    ),
    (
        r##"{"version":1,"entries":[{"submission":null,"attempts":3,"state":{"state":"refused","status":400}}]}"##,
        r##"Err"##,
    ),
    (
        r##"{"version":1,"entries":[{"submission":{"submission_id":"0f8fad5b-d9cb-469f-a165-70867728950e"},"attempts":3,"state":{"state":"refused","status":400}}]}"##,
        r##"Ok {"version":2,"entries":[{"id":"0f8fad5b-d9cb-469f-a165-70867728950e","content_type":"application/json","body":"{\"submission_id\":\"0f8fad5b-d9cb-469f-a165-70867728950e\"}","attempts":3,"state":{"state":"refused","status":400}}]}"##,
    ),
    (
        "{\"version\":1,\"entries\":[{\"submission\":{\"submission_id\":\"0f8fad5b-d9cb-469f-a165-70867728950e\",\"schema_version\":1,\"mode\":\"self-referral\",\"measures\":[{\"instrument\":\"swemwbs\",\"score\":{\"total\":21,\"metric\":23.21},\"answers\":[]},{\"instrument\":\"x\",\"score\":{\"metric\":7.0,\"band\":null}}],\"referral\":{\"what_matters\":\"Zoë \\\"Z\\\" O'Brien \\\\ / <b>&</b>\\n\\tline\\r\\u0001\\b\\f\\u001f\u{7f} 😀 \u{2028}\",\"z\":true,\"a\":false,\"n\":-3},\"risk\":{\"urgent\":false,\"reasons\":[]},\"empty\":{}},\"attempts\":3,\"x\":1,\"state\":{\"state\":\"refused\",\"status\":400}}]}",
        r##"Err"##,
    ),
    (
        "{\"version\":1,\"entries\":[{\"submission\":{\"submission_id\":\"0f8fad5b-d9cb-469f-a165-70867728950e\",\"schema_version\":1,\"mode\":\"self-referral\",\"measures\":[{\"instrument\":\"swemwbs\",\"score\":{\"total\":21,\"metric\":23.21},\"answers\":[]},{\"instrument\":\"x\",\"score\":{\"metric\":7.0,\"band\":null}}],\"referral\":{\"what_matters\":\"Zoë \\\"Z\\\" O'Brien \\\\ / <b>&</b>\\n\\tline\\r\\u0001\\b\\f\\u001f\u{7f} 😀 \u{2028}\",\"z\":true,\"a\":false,\"n\":-3},\"risk\":{\"urgent\":false,\"reasons\":[]},\"empty\":{}},\"state\":{\"state\":\"refused\",\"status\":400}}]}",
        r##"Err"##,
    ),
    (
        "{\"version\":1,\"entries\":[{\"submission\":{\"submission_id\":\"0f8fad5b-d9cb-469f-a165-70867728950e\",\"schema_version\":1,\"mode\":\"self-referral\",\"measures\":[{\"instrument\":\"swemwbs\",\"score\":{\"total\":21,\"metric\":23.21},\"answers\":[]},{\"instrument\":\"x\",\"score\":{\"metric\":7.0,\"band\":null}}],\"referral\":{\"what_matters\":\"Zoë \\\"Z\\\" O'Brien \\\\ / <b>&</b>\\n\\tline\\r\\u0001\\b\\f\\u001f\u{7f} 😀 \u{2028}\",\"z\":true,\"a\":false,\"n\":-3},\"risk\":{\"urgent\":false,\"reasons\":[]},\"empty\":{}},\"attempts\":3,\"state\":{\"state\":\"refused\",\"status\":400,\"next_attempt_at_ms\":1}}]}",
        r##"Err"##,
    ),
    (
        r##"{"version":1,"entries":[{"id":"0f8fad5b-d9cb-469f-a165-70867728950e","content_type":"application/json","body":"{}","attempts":0,"state":{"state":"queued","next_attempt_at_ms":5}}]}"##,
        r##"Err"##,
    ),
    (
        r##"{"version":1,"entries":[{"submission":1}]}"##,
        r##"Err"##,
    ),
];
