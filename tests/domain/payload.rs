//! The payload contract, version 1: round trip, field parsing, and receiver-side checks.

use crate::common;

use proptest::prelude::*;
use wellbeing_widget::domain::instrument::{Answers, ons4, phq9};
use wellbeing_widget::domain::payload::*;
use wellbeing_widget::domain::scoring::Risk;

fn answers() -> Answers {
    Answers::from_pairs(
        &ons4(),
        [
            ("satisfaction", 7),
            ("worthwhile", 8),
            ("happy", 4),
            ("anxious", 6),
        ],
    )
    .unwrap()
}

fn submission() -> Submission {
    Submission {
        schema_version: SchemaVersion,
        submission_id: SubmissionId::parse("3f2a9c1b-7d4e-4a5b-9c8d-0123456789ab").unwrap(),
        submitted_at: Timestamp::parse("2026-11-23T10:15:00.000Z").unwrap(),
        mode: Mode::SelfReferral,
        referral: Some(common::referral()),
        measures: vec![Measure::new(&ons4(), &answers())],
        risk: Risk::default(),
    }
}

#[test]
fn serialises_to_the_documented_contract() {
    let json: serde_json::Value = serde_json::to_value(submission()).unwrap();
    let expected = serde_json::json!({
        "schema_version": 1,
        "submission_id": "3f2a9c1b-7d4e-4a5b-9c8d-0123456789ab",
        "submitted_at": "2026-11-23T10:15:00.000Z",
        "mode": "self-referral",
        "referral": common::referral_json(),
        "measures": [{
            "instrument": "ons4",
            "version": "gss-2019-04",
            "answers": [
                {"item": "satisfaction", "value": 7},
                {"item": "worthwhile", "value": 8},
                {"item": "happy", "value": 4},
                {"item": "anxious", "value": 6}
            ],
            "score": {"items": [
                {"item": "satisfaction", "value": 7, "band": "high"},
                {"item": "worthwhile", "value": 8, "band": "high"},
                {"item": "happy", "value": 4, "band": "low"},
                {"item": "anxious", "value": 6, "band": "high"}
            ]}
        }],
        "risk": {"urgent": false, "reasons": []}
    });
    assert_eq!(json, expected);
}

#[test]
fn round_trips_through_json_and_the_receivers_parser() {
    let s = submission();
    let body = serde_json::to_vec(&s).unwrap();
    assert_eq!(Submission::parse_json(&body).unwrap(), s);
}

#[test]
fn submission_ids_must_be_uuid_v4() {
    assert!(SubmissionId::parse("3f2a9c1b-7d4e-4a5b-9c8d-0123456789ab").is_ok());
    assert_eq!(
        SubmissionId::parse("3F2A9C1B-7D4E-4A5B-9C8D-0123456789AB")
            .unwrap()
            .as_str(),
        "3f2a9c1b-7d4e-4a5b-9c8d-0123456789ab"
    );
    for bad in [
        "",
        "3f2a9c1b7d4e4a5b9c8d0123456789ab",
        "3f2a9c1b-7d4e-1a5b-9c8d-0123456789ab", // version 1
        "3f2a9c1b-7d4e-4a5b-7c8d-0123456789ab", // wrong variant
        "3f2a9c1b-7d4e-4a5b-9c8d-0123456789ag",
        "3f2a9c1b-7d4e-4a5b-9c8d-0123456789abc",
    ] {
        assert!(SubmissionId::parse(bad).is_err(), "{bad:?}");
    }
}

#[test]
fn the_reference_is_80_random_bits_of_the_id_in_an_alphabet_without_0_o_1_i() {
    // Worked out by hand (Python): the id's bits without the version (4) and variant (2) bits,
    // the first 80 of them in groups of five.
    let id = SubmissionId::parse("3f2a9c1b-7d4e-4a5b-9c8d-0123456789ab").unwrap();
    assert_eq!(id.reference().as_str(), "WB-9WPB-S8VX-BULV-GAU2");
    // The 80th random bit (the second bit of the 22nd hex digit) counts; the 81st does not.
    let last = SubmissionId::parse("3f2a9c1b-7d4e-4a5b-9c8d-0523456789ab").unwrap();
    assert_ne!(
        last.reference(),
        id.reference(),
        "the 80th random bit differs"
    );
    let after = SubmissionId::parse("3f2a9c1b-7d4e-4a5b-9c8d-0323456789ab").unwrap();
    assert_eq!(
        after.reference(),
        id.reference(),
        "bits past the 80th play no part"
    );
}

proptest! {
    #[test]
    fn random_bytes_always_make_a_valid_v4_id(bytes in proptest::array::uniform16(any::<u8>())) {
        let id = SubmissionId::from_random_bytes(bytes);
        prop_assert_eq!(SubmissionId::parse(id.as_str()), Ok(id.clone()));
        let r = id.reference();
        let groups: Vec<&str> = r.as_str().split('-').collect();
        prop_assert_eq!(groups.len(), 5);
        prop_assert_eq!(groups[0], "WB");
        for g in &groups[1..] {
            prop_assert_eq!(g.len(), 4);
            prop_assert!(g.bytes().all(|c| REFERENCE_ALPHABET.contains(&c) && !b"01IO".contains(&c)));
        }
    }
}

#[test]
fn timestamps_are_rfc3339() {
    for ok in [
        "2026-11-23T10:15:00Z",
        "2026-11-23T10:15:00.123Z",
        "2024-02-29T23:59:59+01:00",
        "2026-01-01t00:00:00-05:30",
    ] {
        assert!(Timestamp::parse(ok).is_ok(), "{ok}");
    }
    for bad in [
        "",
        "2026-11-23",
        "2026-11-23 10:15:00Z",
        "2026-13-01T00:00:00Z",
        "2025-02-29T00:00:00Z",
        "2026-11-23T24:00:00Z",
        "2026-11-23T10:15:00",
        "2026-11-23T10:15:00.Z",
        "2026-11-23T10:15:00+0100",
    ] {
        assert!(Timestamp::parse(bad).is_err(), "{bad}");
    }
}

fn body_with(f: impl FnOnce(&mut serde_json::Value)) -> Vec<u8> {
    let mut v = serde_json::to_value(submission()).unwrap();
    f(&mut v);
    serde_json::to_vec(&v).unwrap()
}

#[test]
fn the_receiver_refuses_malformed_or_inconsistent_bodies() {
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("not json", b"{\"schema_version\": 1,".to_vec()),
        (
            "schema version 2",
            body_with(|v| v["schema_version"] = 2.into()),
        ),
        ("unknown field", body_with(|v| v["extra"] = true.into())),
        (
            "missing measures",
            body_with(|v| {
                v.as_object_mut().unwrap().remove("measures");
            }),
        ),
        ("bad id", body_with(|v| v["submission_id"] = "abc".into())),
        (
            "bad time",
            body_with(|v| v["submitted_at"] = "yesterday".into()),
        ),
        ("unknown mode", body_with(|v| v["mode"] = "other".into())),
        (
            "self-referral without its referral",
            body_with(|v| {
                v.as_object_mut().unwrap().remove("referral");
            }),
        ),
        (
            "referral without consent to be contacted",
            body_with(|v| v["referral"]["consent"]["contact"] = false.into()),
        ),
        (
            "referral with a wrong NHS number",
            body_with(|v| v["referral"]["nhs_number"] = "9434765918".into()),
        ),
        (
            "out of range",
            body_with(|v| {
                v["measures"][0]["answers"][0]["value"] = 11.into();
            }),
        ),
        (
            "unknown item",
            body_with(|v| {
                v["measures"][0]["answers"][0]["item"] = "mood".into();
            }),
        ),
        (
            "duplicate item",
            body_with(|v| {
                v["measures"][0]["answers"][1]["item"] = "satisfaction".into();
            }),
        ),
        (
            "wrong score",
            body_with(|v| {
                v["measures"][0]["score"]["items"][0]["band"] = "low".into();
            }),
        ),
        (
            "score missing",
            body_with(|v| {
                v["measures"][0]["score"] = serde_json::Value::Null;
            }),
        ),
        (
            "old version",
            body_with(|v| {
                v["measures"][0]["version"] = "0".into();
            }),
        ),
        (
            "value as text",
            body_with(|v| {
                v["measures"][0]["answers"][0]["value"] = "7".into();
            }),
        ),
        (
            "missing risk",
            body_with(|v| {
                v.as_object_mut().unwrap().remove("risk");
            }),
        ),
        (
            "risk without reasons",
            body_with(|v| {
                v["risk"] = serde_json::json!({"urgent": false});
            }),
        ),
        ("risk as a flag", body_with(|v| v["risk"] = true.into())),
        (
            "extra risk field",
            body_with(|v| v["risk"]["score"] = 1.into()),
        ),
        (
            "measure twice",
            body_with(|v| {
                let m = v["measures"][0].clone();
                v["measures"].as_array_mut().unwrap().push(m);
            }),
        ),
    ];
    for (what, body) in cases {
        assert!(
            Submission::parse_json(&body).is_err(),
            "{what} was accepted"
        );
    }
}

#[test]
fn error_messages_never_repeat_what_the_person_typed() {
    let body = body_with(|v| v["submitted_at"] = "Jane Smith 943 476 5919".into());
    let msg = Submission::parse_json(&body).unwrap_err().to_string();
    assert!(!msg.contains("Jane") && !msg.contains("943"), "{msg}");
    let body = body_with(|v| {
        v["measures"][0]["answers"][0]["value"] = 99.into();
    });
    let msg = Submission::parse_json(&body).unwrap_err().to_string();
    assert!(!msg.contains("99"), "{msg}");
}

// -------------------------------------------------------------------------------------------
// The risk flag
// -------------------------------------------------------------------------------------------

const PHQ9_ITEM9: &str = "phq9-item9";

/// A submission with a complete PHQ-9 whose item 9 is `item9` (items 1–8 answered 1), and the
/// given risk flag.
fn phq9_submission(item9: i64, urgent: bool, reasons: &[&str]) -> Vec<u8> {
    let p = phq9();
    let pairs: Vec<(String, i64)> = (1..=9)
        .map(|n| (format!("phq9-{n}"), if n == 9 { item9 } else { 1 }))
        .collect();
    let a = Answers::from_pairs(&p, pairs.iter().map(|(k, v)| (k.as_str(), *v))).unwrap();
    let mut s = submission();
    s.measures.push(Measure::new(&p, &a));
    s.risk = Risk {
        urgent,
        reasons: reasons.iter().map(|r| r.to_string()).collect(),
    };
    serde_json::to_vec(&s).unwrap()
}

#[test]
fn phq9_item_9_above_0_must_be_flagged_urgent_with_its_reason() {
    for item9 in 1..=3 {
        let ok = phq9_submission(item9, true, &[PHQ9_ITEM9]);
        let parsed = Submission::parse_json(&ok).unwrap();
        assert_eq!(
            serde_json::to_value(&parsed.risk).unwrap(),
            serde_json::json!({"urgent": true, "reasons": ["phq9-item9"]})
        );
        for (urgent, reasons) in [
            (false, &[][..]),
            (true, &["other-reason"][..]),
            (false, &[PHQ9_ITEM9][..]),
        ] {
            assert_eq!(
                Submission::parse_json(&phq9_submission(item9, urgent, reasons)),
                Err(SubmissionError::RiskMismatch),
                "item 9 = {item9}, urgent {urgent}, reasons {reasons:?}"
            );
        }
    }
    // Item 9 = 0 raises nothing.
    assert!(Submission::parse_json(&phq9_submission(0, false, &[])).is_ok());
}

#[test]
fn item_9_counts_even_when_the_phq9_is_incomplete() {
    let p = phq9();
    let a = Answers::from_pairs(&p, [("phq9-9", 1)]).unwrap();
    let mut s = submission();
    s.measures.push(Measure::new(&p, &a));
    assert_eq!(s.measures[1].score, None);
    let body = serde_json::to_vec(&s).unwrap();
    assert_eq!(
        Submission::parse_json(&body),
        Err(SubmissionError::RiskMismatch)
    );
    s.risk = Risk::assess([(&p, &a)]);
    assert!(s.risk.urgent);
    let body = serde_json::to_vec(&s).unwrap();
    assert_eq!(Submission::parse_json(&body).unwrap(), s);
}

#[test]
fn urgent_without_a_reason_or_a_reason_without_urgent_is_refused() {
    let urgent_alone =
        body_with(|v| v["risk"] = serde_json::json!({"urgent": true, "reasons": []}));
    assert_eq!(
        Submission::parse_json(&urgent_alone),
        Err(SubmissionError::RiskMismatch)
    );
    let reason_alone =
        body_with(|v| v["risk"] = serde_json::json!({"urgent": false, "reasons": ["x-risk"]}));
    assert_eq!(
        Submission::parse_json(&reason_alone),
        Err(SubmissionError::RiskMismatch)
    );
    assert!(
        SubmissionError::RiskMismatch.to_string().contains("risk"),
        "the message names the field"
    );
}

#[test]
fn extra_reasons_from_instruments_the_receiver_does_not_know_are_accepted() {
    // An instrument this receiver does not know may raise a reason it cannot re-derive.
    let body = body_with(|v| {
        v["measures"]
            .as_array_mut()
            .unwrap()
            .push(serde_json::json!({
                "instrument": "future-screen", "version": "1",
                "answers": [{"item": "q1", "value": 2}], "score": null
            }));
        v["risk"] = serde_json::json!({"urgent": true, "reasons": ["future-screen-q1"]});
    });
    let parsed = Submission::parse_json(&body).unwrap();
    assert_eq!(parsed.risk.reasons, ["future-screen-q1"]);
    // Alongside a derivable one, in any order.
    let both = phq9_submission(2, true, &["future-screen-q1", PHQ9_ITEM9]);
    assert!(Submission::parse_json(&both).is_ok());
}

// -------------------------------------------------------------------------------------------
// The JSON Schema (schema/submission.v1.schema.json) agrees with the built-in instruments
// -------------------------------------------------------------------------------------------

fn submission_schema() -> serde_json::Value {
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("schema/submission.v1.schema.json");
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// `node`, or the definition it refers to with `$ref`.
fn deref<'a>(root: &'a serde_json::Value, node: &'a serde_json::Value) -> &'a serde_json::Value {
    match node["$ref"].as_str() {
        Some(r) => &root["$defs"][r.strip_prefix("#/$defs/").unwrap()],
        None => node,
    }
}

#[test]
fn the_schema_examples_are_accepted_by_the_receiver_as_written() {
    let schema = submission_schema();
    let examples = schema["examples"].as_array().unwrap();
    assert!(examples.len() >= 2);
    for ex in examples {
        let parsed = Submission::parse_json(&serde_json::to_vec(ex).unwrap())
            .unwrap_or_else(|e| panic!("{e}: {ex}"));
        assert_eq!(&serde_json::to_value(parsed).unwrap(), ex);
    }
    assert!(
        examples.iter().any(|ex| ex["risk"]["urgent"] == true),
        "one example shows an urgent submission"
    );
    assert_eq!(
        schema["required"].as_array().unwrap().last().unwrap(),
        "risk"
    );
}

#[test]
fn the_schema_constrains_every_built_in_instrument_as_defined() {
    use wellbeing_widget::domain::instrument::{Scoring, builtin, builtin_ids};
    let schema = submission_schema();
    let conditions = schema["$defs"]["measure"]["allOf"].as_array().unwrap();
    assert_eq!(conditions.len(), builtin_ids().len());
    for id in builtin_ids() {
        let i = builtin(id).unwrap();
        let condition = conditions
            .iter()
            .find(|c| c["if"]["properties"]["instrument"]["const"] == *id)
            .unwrap_or_else(|| panic!("the schema has no rule for {id}"));
        let def = deref(&schema, &condition["then"]);
        assert_eq!(def["properties"]["version"]["const"], i.version, "{id}");
        let answers = &def["properties"]["answers"];
        assert_eq!(answers["maxItems"], i.items.len(), "{id}");
        let answer = &answers["items"]["properties"];
        let item_ids: Vec<&str> = i.items.iter().map(|x| x.id.as_str()).collect();
        assert_eq!(
            deref(&schema, &answer["item"])["enum"],
            serde_json::json!(item_ids),
            "{id}"
        );
        let (lo, hi) = i.items.iter().fold((i64::MAX, i64::MIN), |(lo, hi), x| {
            let (a, b) = x.value_range().unwrap();
            (lo.min(a), hi.max(b))
        });
        assert_eq!(answer["value"]["minimum"], lo, "{id}");
        assert_eq!(answer["value"]["maximum"], hi, "{id}");

        let score = &def["properties"]["score"];
        let total_range = i.total_range().unwrap();
        let score_def = || deref(&schema, &score["oneOf"][1]);
        let check_total = |s: &serde_json::Value| {
            let total = &s["properties"]["total"];
            assert_eq!(
                (total["minimum"].as_i64(), total["maximum"].as_i64()),
                (Some(total_range.0), Some(total_range.1)),
                "{id} total"
            );
        };
        let check_bands =
            |s: &serde_json::Value, bands: &[wellbeing_widget::domain::instrument::Band]| {
                if bands.is_empty() {
                    assert!(s["properties"]["band"].is_null(), "{id} has no bands");
                    return;
                }
                let codes: Vec<&str> = bands.iter().map(|b| b.code.as_str()).collect();
                assert_eq!(
                    s["properties"]["band"]["enum"],
                    serde_json::json!(codes),
                    "{id}"
                );
                let branches: Vec<(i64, i64, &str)> = s["anyOf"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|b| {
                        let p = &b["properties"];
                        (
                            p["total"]["minimum"].as_i64().unwrap(),
                            p["total"]["maximum"].as_i64().unwrap(),
                            p["band"]["const"].as_str().unwrap(),
                        )
                    })
                    .collect();
                let want: Vec<(i64, i64, &str)> = bands
                    .iter()
                    .map(|b| (b.min, b.max, b.code.as_str()))
                    .collect();
                assert_eq!(branches, want, "{id} bands");
            };
        match &i.scoring {
            Scoring::PerItem {} => assert_eq!(*id, "ons4"),
            Scoring::None {} => assert_eq!(score["type"], "null", "{id} is never scored"),
            Scoring::Sum { bands } => {
                let s = score_def();
                check_total(s);
                check_bands(s, bands);
                assert!(
                    s["properties"]["metric"].is_null() && s["properties"]["subscales"].is_null()
                );
            }
            Scoring::SumWithSubscales { bands, subscales } => {
                let s = score_def();
                check_total(s);
                check_bands(s, bands);
                let prefix = s["properties"]["subscales"]["prefixItems"]
                    .as_array()
                    .unwrap();
                let ids: Vec<&str> = prefix
                    .iter()
                    .map(|p| {
                        deref(&schema, p)["properties"]["id"]["const"]
                            .as_str()
                            .unwrap()
                    })
                    .collect();
                let want: Vec<&str> = subscales.iter().map(|x| x.id.as_str()).collect();
                assert_eq!(ids, want, "{id} subscales");
            }
            Scoring::SumConverted { table } => {
                let s = score_def();
                check_total(s);
                let metric = &s["properties"]["metric"];
                assert_eq!(metric["minimum"].as_f64(), Some(table[0].metric), "{id}");
                assert_eq!(
                    metric["maximum"].as_f64(),
                    Some(table[table.len() - 1].metric),
                    "{id}"
                );
            }
        }
        // Every risk reason an instrument can raise is documented.
        for rule in &i.risk {
            let documented = schema["$defs"]["riskReason"]["examples"]
                .as_array()
                .unwrap()
                .iter()
                .any(|e| e == rule.reason.as_str());
            assert!(documented, "{id}: {} is not documented", rule.reason);
        }
    }
}
