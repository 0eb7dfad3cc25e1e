//! The payload contract, version 1: round trip, field parsing, and receiver-side checks.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use wellbeing_widget::domain::instrument::{Answers, ons4};
use wellbeing_widget::domain::payload::*;

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
        measures: vec![Measure::new(&ons4(), &answers())],
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
        }]
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
fn the_reference_is_the_first_eight_hex_digits() {
    let id = SubmissionId::parse("3f2a9c1b-7d4e-4a5b-9c8d-0123456789ab").unwrap();
    assert_eq!(id.reference().as_str(), "WB-3F2A-9C1B");
}

proptest! {
    #[test]
    fn random_bytes_always_make_a_valid_v4_id(bytes in proptest::array::uniform16(any::<u8>())) {
        let id = SubmissionId::from_random_bytes(bytes);
        prop_assert_eq!(SubmissionId::parse(id.as_str()), Ok(id.clone()));
        let r = id.reference();
        prop_assert!(r.as_str().len() == 12 && r.as_str().starts_with("WB-"));
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
