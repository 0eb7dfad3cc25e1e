//! The hand-written writers the widget sends with (`to_json`, through `domain::json`) against the
//! derived serde serialisers they stand in for (issue 6): byte for byte the same text, for the
//! submission payload in every mode and the FHIR Bundle.
//!
//! The one difference allowed is in numbers with more than six decimals (or below 0.00001,
//! which `serde_json` writes with an exponent): the widget never writes them. Every number here
//! has at most six decimals.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use proptest::prelude::*;
use serde::Serialize;
use wellbeing_widget::domain::fhir::{self, Bundle, PatientDetails, bundle, bundle_with_patient};
use wellbeing_widget::domain::follow_up::{
    BaselineSource, ClientReference, FollowUpContext, History, MeasureChange, Notes, ScoreChange,
    Timepoint, Visit, measures_with_changes,
};
use wellbeing_widget::domain::instrument::{
    self, Answers, BUILTIN_IDS, Instrument, ons4, parse_definitions, phq9, resolve, swemwbs,
};
use wellbeing_widget::domain::json::Json;
use wellbeing_widget::domain::payload::{
    AnswerOut, Measure, Mode, SchemaVersion, Submission, SubmissionId, Timestamp,
};
use wellbeing_widget::domain::referral::{
    Area, BestTime, Choice, ContactMethod, DateParts, EmailAddress, Helper, NhsNumber, PersonName,
    PhoneNumber, Postcode, Referral, ReferralAnswers, SimpleDate, Source, parse_all,
};
use wellbeing_widget::domain::scoring::{ItemScore, Risk, Score, SubscaleScore, Trend};

const BASE: &str = "https://gp.example/fhir";
const ID: &str = "3f2a9c1b-7d4e-4a5b-9c8d-0123456789ab";

/// Asserts that our text is serde's.
fn same(ours: &Json, value: &impl Serialize) {
    let theirs = serde_json::to_string(value).unwrap();
    assert_eq!(ours.to_text(), theirs);
}

fn check_submission(s: &Submission, instruments: &[Instrument]) {
    same(&s.to_json(), s);
    let b = bundle(s, instruments, BASE).unwrap();
    same(&b.to_json(), &b);
}

/// Every built-in instrument, and WEMWBS and SWEMWBS with the example definitions' wording.
fn all_instruments() -> Vec<Instrument> {
    let mut all: Vec<Instrument> = BUILTIN_IDS
        .iter()
        .filter_map(|id| instrument::builtin(id))
        .collect();
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/wemwbs-definitions.example.json");
    let loaded = parse_definitions(&std::fs::read_to_string(path).unwrap()).unwrap();
    for id in ["wemwbs", "swemwbs"] {
        if !all.iter().any(|i| i.id == id) {
            all.push(resolve(id, &loaded).unwrap());
        }
    }
    all
}

/// Each instrument's item `i` answered with option `pick(i, n)` (or skipped for `None`).
fn answered(
    instruments: &[Instrument],
    pick: impl Fn(usize, usize) -> Option<usize>,
) -> Vec<(Instrument, Answers)> {
    instruments
        .iter()
        .map(|inst| {
            let mut answers = Answers::default();
            for (i, item) in inst.items.iter().enumerate() {
                if let Some(k) = pick(i, item.options.len()) {
                    answers.set(inst, &item.id, item.options[k].value).unwrap();
                }
            }
            (inst.clone(), answers)
        })
        .collect()
}

fn submission(
    answered: &[(Instrument, Answers)],
    mode: Mode,
    referral: Option<Referral>,
) -> Submission {
    Submission {
        schema_version: SchemaVersion,
        submission_id: SubmissionId::parse(ID).unwrap(),
        submitted_at: Timestamp::parse("2026-11-23T10:15:00.000Z").unwrap(),
        mode,
        referral,
        measures: answered.iter().map(|(i, a)| Measure::new(i, a)).collect(),
        risk: Risk::assess(answered.iter().map(|(i, a)| (i, a))),
    }
}

fn date(s: &str) -> SimpleDate {
    SimpleDate::parse_iso(s).unwrap()
}

fn follow_up_mode(timepoint: Timepoint, notes: &str) -> Mode {
    Mode::FollowUp(Box::new(FollowUpContext {
        client_reference: ClientReference::parse("ABC-12345", None).unwrap(),
        timepoint,
        visit_date: date("2026-02-12"),
        notes: Notes::parse(notes).unwrap(),
    }))
}

// ---- the submission ---------------------------------------------------------------------------

#[test]
fn every_instrument_every_way_answered() {
    let all = all_instruments();
    let picks: [&dyn Fn(usize, usize) -> Option<usize>; 6] = [
        &|i, n| Some(i % n),
        &|_, _| Some(0),
        &|_, n| Some(n - 1),
        &|i, n| (i % 2 == 0).then_some((i + 1) % n),
        &|i, _| (i == 0).then_some(0),
        &|_, _| None,
    ];
    for pick in picks {
        let answered = answered(&all, pick);
        // All together, and each alone (a measure at a time, as the widget sends one journey).
        let modes = || {
            [
                (Mode::SelfReferral, Some(common::referral())),
                (Mode::SelfReferral, None),
                (follow_up_mode(Timepoint::SixWeeks, "Met at home"), None),
                (
                    follow_up_mode(Timepoint::Other(date("2026-05-01")), ""),
                    None,
                ),
            ]
        };
        for (mode, referral) in modes() {
            check_submission(&submission(&answered, mode, referral), &all);
        }
        for one in &answered {
            for (mode, referral) in modes() {
                let s = submission(std::slice::from_ref(one), mode, referral);
                check_submission(&s, &all);
            }
        }
    }
}

#[test]
fn urgent_risk_is_written_the_same() {
    let all = all_instruments();
    // PHQ-9 with every item at its highest option: item 9 raises the risk.
    let answered = answered(&[phq9()], |_, n| Some(n - 1));
    let s = submission(&answered, Mode::SelfReferral, Some(common::referral()));
    assert!(s.risk.urgent);
    check_submission(&s, &all);
    // Reasons from an instrument the widget does not know, and no measures at all.
    let s = Submission {
        measures: Vec::new(),
        risk: Risk {
            urgent: true,
            reasons: vec!["phq9-item9".into(), "other \"reason\"".into()],
        },
        ..s
    };
    check_submission(&s, &all);
}

#[test]
fn follow_ups_with_their_changes_are_written_the_same() {
    let all = all_instruments();
    let client = ClientReference::parse("ABC-12345", None).unwrap();
    let instruments = [phq9(), swemwbs_with_wording(&all), ons4()];
    let visit = |timepoint, d: &str, pick: &dyn Fn(usize, usize) -> Option<usize>| Visit {
        client: client.clone(),
        timepoint,
        date: date(d),
        measures: answered(&instruments, pick)
            .iter()
            .map(|(i, a)| Measure::new(i, a))
            .collect(),
        consent_confirmed: true,
        notes: Notes::parse("Walked to the \"café\"\n\tand back").unwrap(),
    };
    let mut history = History::new();
    history.add(visit(Timepoint::Baseline, "2026-01-01", &|i, n| {
        Some(i % n)
    }));
    for (timepoint, pick) in [
        (
            Timepoint::SixWeeks,
            &(|_, n: usize| Some(n - 1)) as &dyn Fn(usize, usize) -> Option<usize>,
        ),
        (Timepoint::ThreeMonths, &|_, _| Some(0)),
        (Timepoint::SixMonths, &|i, n| Some((i + 2) % n)),
        (Timepoint::Other(date("2026-09-30")), &|i, _| {
            (i == 1).then_some(0)
        }),
    ] {
        let now = visit(timepoint, "2026-02-12", pick);
        let measures = measures_with_changes(&history, &now, &instruments);
        assert!(measures.iter().any(|m| m.change.is_some()));
        let s = Submission {
            schema_version: SchemaVersion,
            submission_id: SubmissionId::parse(ID).unwrap(),
            submitted_at: Timestamp::parse("2026-02-12T10:15:00+01:00").unwrap(),
            mode: Mode::FollowUp(Box::new(FollowUpContext::of_visit(&now))),
            referral: None,
            measures,
            risk: Risk::default(),
        };
        check_submission(&s, &all);
    }
}

fn swemwbs_with_wording(all: &[Instrument]) -> Instrument {
    all.iter()
        .find(|i| i.id == "swemwbs")
        .cloned()
        .unwrap_or_else(swemwbs)
}

// ---- generated values -------------------------------------------------------------------------

/// Text with what JSON escapes (quotes, backslashes, control characters) and what it does not
/// (`/`, non-ASCII, DEL).
fn text() -> impl Strategy<Value = String> {
    "[a-zA-Z0-9 \"\\\\/\n\r\t\u{0}\u{1}\u{8}\u{c}\u{1f}\u{7f}éß€😀<>&']{0,30}"
}

fn non_blank_text() -> impl Strategy<Value = String> {
    text().prop_filter("not blank", |s| !s.trim().is_empty())
}

fn optional_text() -> impl Strategy<Value = String> {
    prop_oneof![Just(String::new()), non_blank_text()]
}

fn choices<T: Choice>() -> impl Strategy<Value = Vec<T>> {
    proptest::collection::vec(proptest::sample::select(T::ALL), 1..4)
}

/// A referral, mostly valid (what is not is filtered out by `parse_all`).
fn referral() -> impl Strategy<Value = Referral> {
    let about = (
        proptest::sample::select(
            &["Ada Lovelace", "Zoë \"Z\" O'Brien", "  Bo   Li ", "李小龍"][..],
        ),
        proptest::sample::select(
            &[
                ("7", "4", "1990"),
                ("29", "2", "2000"),
                ("1", "Jan", "1950"),
            ][..],
        ),
        proptest::sample::select(&["", "943 476 5919"][..]),
        any::<bool>(),
        optional_text(),
    );
    let contact = (
        proptest::sample::select(&["", "07700 900 982", "01632 960 001"][..]),
        proptest::sample::select(&["", "ada@example.com", "o'neil+x@example.co.uk"][..]),
        proptest::sample::select(ContactMethod::ALL),
        any::<bool>(),
        any::<bool>(),
        choices::<BestTime>(),
    );
    let rest = (
        non_blank_text(),
        optional_text(),
        choices::<Area>(),
        proptest::sample::select(Source::ALL),
        non_blank_text(),
        proptest::option::of(non_blank_text()),
        optional_text(),
        proptest::sample::select(Helper::ALL),
        optional_text(),
        any::<bool>(),
    );
    (about, contact, rest).prop_filter_map("a valid referral", |(about, contact, rest)| {
        let (full_name, (d, m, y), nhs_number, no_fixed_address, gp_practice) = about;
        let (phone, email, preferred, leave_message, text_ok, best_times) = contact;
        let (
            what_matters,
            what_different,
            areas,
            heard_from,
            heard_other,
            language,
            accessibility_needs,
            filling_in_for,
            helper_relationship,
            share_with_gp,
        ) = rest;
        let someone_else = filling_in_for.is_someone_else();
        let answers = ReferralAnswers {
            full_name: full_name.into(),
            date_of_birth: DateParts::new(d, m, y),
            nhs_number: nhs_number.into(),
            postcode: if no_fixed_address { "" } else { "sw1a1aa" }.into(),
            no_fixed_address,
            gp_practice,
            phone: phone.into(),
            email: email.into(),
            preferred: Some(preferred),
            safe_to_leave_message: (!phone.is_empty()).then_some(leave_message),
            safe_to_text: phone.starts_with("07").then_some(text_ok),
            best_times,
            what_matters,
            what_different,
            areas,
            heard_from: Some(heard_from),
            heard_other: if heard_from == Source::Other {
                heard_other
            } else {
                String::new()
            },
            interpreter_needed: Some(language.is_some()),
            language: language.unwrap_or_default(),
            accessibility_needs,
            filling_in_for: Some(filling_in_for),
            helper_name: if someone_else { "Bo" } else { "" }.into(),
            helper_relationship: if someone_else {
                helper_relationship
            } else {
                String::new()
            },
            consent_contact: Some(true),
            consent_share_gp: Some(share_with_gp),
        };
        parse_all(&answers, date("2026-06-01"), 16).ok()
    })
}

/// A number with at most two decimals, as every score and change the widget writes.
fn two_decimals() -> impl Strategy<Value = f64> {
    (-100_000_000i64..100_000_000).prop_map(|n| n as f64 / 100.0)
}

fn score() -> impl Strategy<Value = Score> {
    let band = || proptest::option::of(text());
    (
        proptest::option::of(any::<i64>()),
        proptest::option::of(two_decimals()),
        band(),
        proptest::collection::vec(
            (text(), any::<i64>(), proptest::option::of(any::<bool>())).prop_map(
                |(id, total, positive)| SubscaleScore {
                    id,
                    total,
                    positive,
                },
            ),
            0..3,
        ),
        proptest::collection::vec(
            (text(), any::<i64>(), band()).prop_map(|(item, value, band)| ItemScore {
                item,
                value,
                band,
            }),
            0..3,
        ),
    )
        .prop_map(|(total, metric, band, subscales, items)| Score {
            total,
            metric,
            band,
            subscales,
            items,
        })
}

fn change() -> impl Strategy<Value = MeasureChange> {
    let trend = proptest::option::of(proptest::sample::select(
        &[Trend::Better, Trend::Same, Trend::Worse][..],
    ));
    let one = (
        text(),
        two_decimals(),
        two_decimals(),
        two_decimals(),
        trend,
        proptest::option::of(two_decimals()),
        proptest::option::of(any::<bool>()),
    )
        .prop_map(
            |(of, baseline, now, change, trend, threshold, meaningful)| ScoreChange {
                of,
                baseline,
                now,
                change,
                trend,
                threshold,
                meaningful,
            },
        );
    (
        proptest::sample::select(&[BaselineSource::Device, BaselineSource::Records][..]),
        proptest::collection::vec(one, 0..3),
    )
        .prop_map(|(baseline_source, scores)| MeasureChange {
            baseline_source,
            scores,
        })
}

fn measure() -> impl Strategy<Value = Measure> {
    (
        text(),
        text(),
        proptest::collection::vec((text(), any::<i64>()), 0..4),
        proptest::option::of(score()),
        proptest::option::of(change()),
    )
        .prop_map(|(instrument, version, answers, score, change)| Measure {
            instrument,
            version,
            answers: answers
                .into_iter()
                .map(|(item, value)| AnswerOut { item, value })
                .collect(),
            score,
            change,
        })
}

fn timepoint() -> impl Strategy<Value = Timepoint> {
    prop_oneof![
        proptest::sample::select(&Timepoint::FIXED[..]),
        (1u16..=9999, 1u8..=12, 1u8..=28)
            .prop_map(|(y, m, d)| Timepoint::Other(SimpleDate::new(y, m, d).unwrap())),
    ]
}

fn mode() -> impl Strategy<Value = Mode> {
    prop_oneof![
        Just(Mode::SelfReferral),
        (
            proptest::sample::select(&["ABC-12345", "A", "0-0-0"][..]),
            timepoint(),
            proptest::option::of(non_blank_text()),
        )
            .prop_map(|(client, timepoint, notes)| {
                Mode::FollowUp(Box::new(FollowUpContext {
                    client_reference: ClientReference::parse(client, None).unwrap(),
                    timepoint,
                    visit_date: date("2026-02-28"),
                    notes: notes.and_then(|n| Notes::parse(&n).unwrap()),
                }))
            }),
    ]
}

fn patient_details() -> impl Strategy<Value = PatientDetails> {
    (
        proptest::option::of(Just(NhsNumber::parse("9434765919").unwrap())),
        proptest::option::of(
            proptest::sample::select(&["Ada Lovelace", "Zoë \"Z\" O'Brien"][..])
                .prop_map(|n| PersonName::parse(n).unwrap()),
        ),
        proptest::option::of(Just(date("1990-04-07"))),
        proptest::option::of(Just(Postcode::parse("sw1a1aa").unwrap())),
        proptest::option::of(Just(PhoneNumber::parse("07700 900 982").unwrap())),
        proptest::option::of(Just(EmailAddress::parse("ada@example.com").unwrap())),
    )
        .prop_map(
            |(nhs_number, name, birth_date, postcode, phone, email)| PatientDetails {
                nhs_number,
                name,
                birth_date,
                postcode,
                phone,
                email,
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn strings_are_escaped_as_serde_escapes_them(s in any::<String>(), t in text()) {
        same(&Json::str(&s), &s);
        same(&Json::str(&t), &t);
    }

    #[test]
    fn numbers_with_up_to_six_decimals_are_written_as_serde_writes_them(
        whole in -999_999_999i64..=999_999_999,
        fraction in 0i64..1_000_000,
        decimals in 0u32..=6,
    ) {
        // Below a billion, as `domain::json` writes a fraction exactly only while the number
        // times a million is a whole number an `f64` holds exactly (below 2^53); every number
        // the widget writes is a score, far below.
        let scale = 10i64.pow(decimals);
        let x = (whole * scale + fraction % scale) as f64 / scale as f64;
        // Below 0.00001 serde_json writes an exponent (`1e-6`); the widget never writes such a
        // number.
        prop_assume!(x == 0.0 || x.abs() >= 0.00001);
        same(&Json::Float(x), &x);
        same(&Json::Float(-x), &-x);
    }

    #[test]
    fn referrals_are_written_the_same(r in referral()) {
        same(&r.to_json(), &r);
        let s = submission(&[], Mode::SelfReferral, Some(r));
        check_submission(&s, &[]);
    }

    #[test]
    fn scores_and_changes_are_written_the_same(s in score(), c in change()) {
        same(&s.to_json(), &s);
        same(&c.to_json(), &c);
    }

    #[test]
    fn any_submission_is_written_the_same(
        mode in mode(),
        referral in proptest::option::of(referral()),
        measures in proptest::collection::vec(measure(), 0..3),
        reasons in proptest::collection::vec(text(), 0..3),
    ) {
        let s = Submission {
            schema_version: SchemaVersion,
            submission_id: SubmissionId::parse(ID).unwrap(),
            submitted_at: Timestamp::parse("2026-11-23t10:15:00.5z").unwrap(),
            mode,
            referral,
            measures,
            risk: Risk { urgent: !reasons.is_empty(), reasons },
        };
        same(&s.to_json(), &s);
    }

    #[test]
    fn generated_answers_make_the_same_payload_and_bundle(
        picks in proptest::collection::vec(proptest::option::of(0usize..20), 40),
        referral in proptest::option::of(referral()),
        follow_up in any::<bool>(),
        details in proptest::option::of(patient_details()),
    ) {
        let all = all_instruments();
        let answered = answered(&all, |i, n| picks[i % picks.len()].map(|k| k % n));
        let (mode, referral) = if follow_up {
            (follow_up_mode(Timepoint::ThreeMonths, "x"), None)
        } else {
            (Mode::SelfReferral, referral)
        };
        let s = submission(&answered, mode, referral);
        check_submission(&s, &all);
        let b = bundle_with_patient(&s, &all, BASE, details.as_ref()).unwrap();
        same(&b.to_json(), &b);
    }
}

// ---- Bundles read from elsewhere, with elements left out ---------------------------------------

#[test]
fn bundles_with_missing_elements_are_written_the_same() {
    for text in [
        r#"{"resourceType":"Bundle"}"#,
        r#"{"resourceType":"Bundle","entry":[{"resource":{"resourceType":"Patient"}}]}"#,
        r#"{"resourceType":"Bundle","identifier":{},"type":"collection","entry":[
            {"fullUrl":"urn:uuid:x","resource":{"resourceType":"Patient","name":[{}],
             "telecom":[{"system":"phone"}],"address":[{}],"identifier":[{"value":"1"}]}},
            {"resource":{"resourceType":"ServiceRequest","code":{"text":"t"},"note":[{"text":"n"}]}},
            {"resource":{"resourceType":"ServiceRequest","code":{"coding":[{"code":"c"}]},
             "subject":{},"requester":{"reference":"r"},"priority":"urgent","authoredOn":"a"}},
            {"resource":{"resourceType":"QuestionnaireResponse"}},
            {"resource":{"resourceType":"QuestionnaireResponse","basedOn":[{}],"subject":{},
             "authored":"a","item":[{},{"linkId":"a","answer":[{},
             {"valueCoding":{"system":"s","code":"c","display":"d"}},{"valueInteger":-3},
             {"valueDecimal":23.21},{"valueDecimal":7},{"valueString":"\u0001"},
             {"valueBoolean":false}]}]}}]}"#,
    ] {
        let b: Bundle = serde_json::from_str(text).unwrap();
        same(&b.to_json(), &b);
    }
    // What the widget itself builds, with and without the referral's details.
    let all = all_instruments();
    let answered = answered(&all, |i, n| Some(i % n));
    let s = submission(&answered, Mode::SelfReferral, Some(common::referral()));
    for details in [None, Some(PatientDetails::default())] {
        let b = fhir::bundle_with_patient(&s, &all, BASE, details.as_ref()).unwrap();
        same(&b.to_json(), &b);
    }
}
