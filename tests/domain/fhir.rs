//! FHIR R4: Questionnaires from the instrument definitions, submissions as Bundles, and the
//! Bundle parser's checks. (The R4 models themselves are checked by tests/fhir/validate.py.)

use crate::common;

use serde_json::{Value, json};
use wellbeing_widget::domain::fhir::{
    self, DEFAULT_BASE, FhirError, PatientDetails, builtin_questionnaires, bundle,
    bundle_with_patient, canonical_url, entry_full_url, parse_bundle, parse_bundle_with,
    questionnaire,
};
use wellbeing_widget::domain::instrument::{
    self, Answers, BUILTIN_IDS, Instrument, LicenceKind, Scoring, parse_definitions, resolve,
};
use wellbeing_widget::domain::payload::{
    Measure, Mode, SchemaVersion, Submission, SubmissionId, Timestamp,
};
use wellbeing_widget::domain::referral::{
    EmailAddress, NhsNumber, PersonName, PhoneNumber, Postcode, SimpleDate,
};
use wellbeing_widget::domain::scoring::Risk;

const BASE: &str = "https://gp.example/fhir";
const ID: &str = "3f2a9c1b-7d4e-4a5b-9c8d-0123456789ab";
const ORDINAL: &str = "http://hl7.org/fhir/StructureDefinition/ordinalValue";
const LOINC: &str = "http://loinc.org";

fn open_builtins() -> Vec<Instrument> {
    BUILTIN_IDS
        .iter()
        .filter_map(|id| instrument::builtin(id))
        .filter(|i| i.licence_kind == LicenceKind::Open)
        .collect()
}

/// WEMWBS and SWEMWBS with the placeholder wording of the example definitions file.
fn licensed() -> Vec<Instrument> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/wemwbs-definitions.example.json");
    let loaded = parse_definitions(&std::fs::read_to_string(path).unwrap()).unwrap();
    ["wemwbs", "swemwbs"]
        .iter()
        .map(|id| resolve(id, &loaded).unwrap())
        .collect()
}

fn all_instruments() -> Vec<Instrument> {
    let mut all = open_builtins();
    all.extend(licensed());
    all
}

fn to_value(x: &impl serde::Serialize) -> Value {
    serde_json::to_value(x).unwrap()
}

/// A submission over `instruments`, item `i` of each answered with option `pick(i, n)` (or
/// skipped for `None`).
fn submission(
    id: &str,
    instruments: &[Instrument],
    pick: impl Fn(usize, usize) -> Option<usize>,
) -> Submission {
    let answered: Vec<(&Instrument, Answers)> = instruments
        .iter()
        .map(|inst| {
            let mut answers = Answers::default();
            for (i, item) in inst.items.iter().enumerate() {
                if let Some(k) = pick(i, item.options.len()) {
                    answers.set(inst, &item.id, item.options[k].value).unwrap();
                }
            }
            (inst, answers)
        })
        .collect();
    Submission {
        schema_version: SchemaVersion,
        submission_id: SubmissionId::parse(id).unwrap(),
        submitted_at: Timestamp::parse("2026-11-23T10:15:00.000Z").unwrap(),
        mode: Mode::SelfReferral,
        referral: Some(common::referral()),
        measures: answered.iter().map(|(i, a)| Measure::new(i, a)).collect(),
        risk: Risk::assess(answered.iter().map(|(i, a)| (*i, a))),
    }
}

fn answered_all(instruments: &[Instrument]) -> Submission {
    submission(ID, instruments, |i, n| Some(i % n))
}

fn bundle_json(s: &Submission, instruments: &[Instrument]) -> Value {
    to_value(&bundle(s, instruments, BASE).unwrap())
}

fn parse(v: &Value) -> Result<fhir::ParsedBundle, FhirError> {
    parse_bundle_with(&serde_json::to_vec(v).unwrap(), BASE, &licensed())
}

fn items(v: &Value) -> &Vec<Value> {
    v["item"].as_array().unwrap()
}

fn link_ids(v: &Value) -> Vec<&str> {
    items(v)
        .iter()
        .map(|i| i["linkId"].as_str().unwrap())
        .collect()
}

/// The entry holding the QuestionnaireResponse of `instrument`.
fn qr_index(b: &Value, instrument: &str) -> usize {
    b["entry"]
        .as_array()
        .unwrap()
        .iter()
        .position(|e| {
            e["resource"]["questionnaire"]
                .as_str()
                .is_some_and(|q| q.contains(&format!("/Questionnaire/{instrument}|")))
        })
        .unwrap()
}

fn qr_items<'a>(b: &'a mut Value, instrument: &str) -> &'a mut Vec<Value> {
    let i = qr_index(b, instrument);
    b["entry"][i]["resource"]["item"].as_array_mut().unwrap()
}

fn item_mut<'a>(b: &'a mut Value, instrument: &str, link_id: &str) -> &'a mut Value {
    qr_items(b, instrument)
        .iter_mut()
        .find(|i| i["linkId"] == link_id)
        .unwrap()
}

// ---------------------------------------------------------------------------------------------
// Questionnaires
// ---------------------------------------------------------------------------------------------

#[test]
fn every_open_builtin_has_a_questionnaire_of_its_items_and_options() {
    let all = open_builtins();
    assert_eq!(
        all.iter().map(|i| i.id.as_str()).collect::<Vec<_>>(),
        ["ons4", "ucla3", "ons-loneliness", "phq9", "gad7", "phq4"]
    );
    for inst in &all {
        let q = to_value(&questionnaire(inst, BASE).unwrap());
        assert_eq!(q["resourceType"], "Questionnaire");
        assert_eq!(q["id"], inst.id.as_str());
        assert_eq!(q["url"], format!("{BASE}/Questionnaire/{}", inst.id));
        assert_eq!(q["version"], inst.version.as_str());
        assert_eq!(q["title"], inst.title.as_str());
        assert_eq!(q["status"], "active");
        assert_eq!(q["subjectType"], json!(["Patient"]));
        let name = q["name"].as_str().unwrap();
        assert!(name.starts_with(|c: char| c.is_ascii_uppercase()));
        assert!(name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'));
        assert_eq!(
            q["copyright"].as_str(),
            inst.attribution.as_deref(),
            "{}",
            inst.id
        );

        let list = items(&q);
        let mut rest = list.as_slice();
        if !inst.instructions.is_empty() {
            assert_eq!(rest[0]["type"], "display");
            assert_eq!(rest[0]["linkId"], format!("{}-instructions", inst.id));
            assert_eq!(rest[0]["text"], inst.instructions.as_str());
            rest = &rest[1..];
        }
        for (item, qi) in inst.items.iter().zip(rest) {
            assert_eq!(qi["linkId"], item.id.as_str());
            assert_eq!(qi["text"], item.text.as_str(), "exact wording");
            assert_eq!(qi["type"], "choice");
            assert!(qi.get("readOnly").is_none() && qi.get("required").is_none());
            let options = qi["answerOption"].as_array().unwrap();
            assert_eq!(options.len(), item.options.len());
            for (o, ao) in item.options.iter().zip(options) {
                assert_eq!(ao["extension"][0]["url"], ORDINAL);
                assert_eq!(ao["extension"][0]["valueDecimal"], item.scored(o.value));
                let c = &ao["valueCoding"];
                assert_eq!(c["display"], o.label.as_str());
                if ["phq9", "gad7", "phq4"].contains(&inst.id.as_str()) {
                    assert_eq!(c["system"], LOINC);
                } else {
                    assert_eq!(
                        c["system"],
                        format!("{BASE}/CodeSystem/{}-answers", inst.id)
                    );
                    assert_eq!(c["code"], o.value.to_string());
                }
            }
        }
        // Everything after the questions is a read-only score item.
        for qi in &rest[inst.items.len()..] {
            assert_eq!(qi["readOnly"], true, "{}", qi["linkId"]);
            assert!(qi.get("answerOption").is_none());
        }
        // linkIds are distinct.
        let mut ids = link_ids(&q);
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), items(&q).len());
    }
}

#[test]
fn phq9_and_gad7_carry_their_loinc_panel_item_and_answer_codes() {
    let codes = |q: &Value| -> Vec<String> {
        items(q)
            .iter()
            .filter(|i| i["type"] == "choice")
            .map(|i| {
                assert_eq!(i["code"][0]["system"], LOINC);
                i["code"][0]["code"].as_str().unwrap().to_owned()
            })
            .collect()
    };
    let phq9 = to_value(&questionnaire(&instrument::phq9(), BASE).unwrap());
    assert_eq!(phq9["code"], json!([{"system": LOINC, "code": "44249-1"}]));
    assert_eq!(
        codes(&phq9),
        [
            "44250-9", "44255-8", "44259-0", "44254-1", "44251-7", "44258-2", "44252-5", "44253-3",
            "44260-8"
        ]
    );
    let gad7 = to_value(&questionnaire(&instrument::gad7(), BASE).unwrap());
    assert_eq!(gad7["code"], json!([{"system": LOINC, "code": "69737-5"}]));
    assert_eq!(
        codes(&gad7),
        [
            "69725-0", "68509-9", "69733-4", "69734-2", "69735-9", "69689-8", "69736-7"
        ]
    );
    for q in [&phq9, &gad7] {
        let answers: Vec<(&str, &str, i64)> = items(q)[1]["answerOption"]
            .as_array()
            .unwrap()
            .iter()
            .map(|o| {
                (
                    o["valueCoding"]["code"].as_str().unwrap(),
                    o["valueCoding"]["display"].as_str().unwrap(),
                    o["extension"][0]["valueDecimal"].as_i64().unwrap(),
                )
            })
            .collect();
        assert_eq!(
            answers,
            [
                ("LA6568-5", "Not at all", 0),
                ("LA6569-3", "Several days", 1),
                ("LA6570-1", "More than half the days", 2),
                ("LA6571-9", "Nearly every day", 3)
            ]
        );
    }
    let total = |q: &Value, id: &str| {
        items(q)
            .iter()
            .find(|i| i["linkId"] == format!("{id}-total"))
            .unwrap()["code"][0]["code"]
            .clone()
    };
    assert_eq!(total(&phq9, "phq9"), "44261-6");
    assert_eq!(total(&gad7, "gad7"), "70274-6");
    // No LOINC panel or item codes where the reference gives none.
    for inst in [instrument::ons4(), instrument::ucla3(), instrument::phq4()] {
        let q = to_value(&questionnaire(&inst, BASE).unwrap());
        assert!(q.get("code").is_none(), "{}", inst.id);
        assert!(items(&q).iter().all(|i| i.get("code").is_none()));
    }
}

#[test]
fn score_items_are_read_only_and_typed() {
    let score_items = |inst: &Instrument| -> Vec<(String, String)> {
        let q = to_value(&questionnaire(inst, BASE).unwrap());
        items(&q)
            .iter()
            .filter(|i| i["readOnly"] == true)
            .map(|i| {
                (
                    i["linkId"].as_str().unwrap().to_owned(),
                    i["type"].as_str().unwrap().to_owned(),
                )
            })
            .collect()
    };
    let pairs = |v: &[(&str, &str)]| -> Vec<(String, String)> {
        v.iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    };
    assert_eq!(
        score_items(&instrument::phq9()),
        pairs(&[("phq9-total", "integer"), ("phq9-band", "string")])
    );
    assert_eq!(
        score_items(&instrument::ucla3()),
        pairs(&[("ucla3-total", "integer")])
    );
    assert_eq!(score_items(&instrument::ons_loneliness()), pairs(&[]));
    assert_eq!(
        score_items(&instrument::ons4()),
        pairs(&[
            ("ons4-satisfaction-band", "string"),
            ("ons4-worthwhile-band", "string"),
            ("ons4-happy-band", "string"),
            ("ons4-anxious-band", "string"),
        ])
    );
    assert_eq!(
        score_items(&instrument::phq4()),
        pairs(&[
            ("phq4-total", "integer"),
            ("phq4-band", "string"),
            ("phq4-subscale-anxiety", "integer"),
            ("phq4-subscale-anxiety-positive", "boolean"),
            ("phq4-subscale-depression", "integer"),
            ("phq4-subscale-depression-positive", "boolean"),
        ])
    );
    let swemwbs = licensed().pop().unwrap();
    assert!(matches!(swemwbs.scoring, Scoring::SumConverted { .. }));
    assert_eq!(
        score_items(&swemwbs),
        pairs(&[("swemwbs-total", "integer"), ("swemwbs-metric", "decimal")])
    );
}

#[test]
fn licensed_instruments_without_wording_get_no_questionnaire() {
    for inst in [instrument::wemwbs(), instrument::swemwbs()] {
        assert_eq!(
            questionnaire(&inst, BASE),
            Err(FhirError::NeedsWording(inst.id.clone()))
        );
    }
    let published = builtin_questionnaires(BASE);
    let ids: Vec<&str> = published.iter().map(|q| q.id.as_str()).collect();
    assert_eq!(
        ids,
        ["ons4", "ucla3", "ons-loneliness", "phq9", "gad7", "phq4"]
    );
    let text = serde_json::to_string(&published).unwrap().to_lowercase();
    assert!(!text.contains("wemwbs") && !text.contains("warwick"));
    // With wording from a licensed deployment's definitions file they may be generated.
    for inst in licensed() {
        let q = to_value(&questionnaire(&inst, BASE).unwrap());
        assert_eq!(q["copyright"], instrument::catalogue::WEMWBS_COPYRIGHT);
        assert!(items(&q).iter().any(|i| {
            i["text"]
                .as_str()
                .unwrap()
                .contains("licensed wording supplied by the deployment")
        }));
    }
}

#[test]
fn canonical_urls_hang_off_the_configured_base() {
    assert_eq!(
        canonical_url("https://gp.example/fhir/", "phq9"),
        "https://gp.example/fhir/Questionnaire/phq9"
    );
    assert_eq!(
        DEFAULT_BASE, "https://wellbeing-widget.example/fhir",
        "documented default"
    );
    let a = to_value(&questionnaire(&instrument::ucla3(), "https://gp.example/fhir/").unwrap());
    let b = to_value(&questionnaire(&instrument::ucla3(), "https://gp.example/fhir").unwrap());
    assert_eq!(a, b, "a trailing slash makes no difference");
    assert_eq!(
        a["item"][1]["answerOption"][0]["valueCoding"]["system"],
        "https://gp.example/fhir/CodeSystem/ucla3-answers"
    );
}

#[test]
fn an_item_id_that_clashes_with_a_score_item_is_refused() {
    let mut inst = instrument::ucla3();
    inst.items[0].id = "ucla3-total".into();
    assert!(matches!(
        questionnaire(&inst, BASE),
        Err(FhirError::LinkIdClash { link_id, .. }) if link_id == "ucla3-total"
    ));
}

// ---------------------------------------------------------------------------------------------
// Bundles
// ---------------------------------------------------------------------------------------------

#[test]
fn a_bundle_is_a_collection_identified_by_the_submission_id() {
    let s = answered_all(&open_builtins());
    let b = bundle_json(&s, &open_builtins());
    assert_eq!(b["resourceType"], "Bundle");
    assert_eq!(b["type"], "collection");
    assert_eq!(
        b["identifier"],
        json!({"system": "urn:ietf:rfc:3986", "value": format!("urn:uuid:{ID}")})
    );
    assert_eq!(b["timestamp"], "2026-11-23T10:15:00.000Z");
    let entries = b["entry"].as_array().unwrap();
    assert_eq!(entries.len(), 2 + s.measures.len());
    assert_eq!(entries[0]["resource"]["resourceType"], "Patient");
    // The Patient holds the person's details from the referral, as they gave them.
    let p = &entries[0]["resource"];
    assert_eq!(p["name"][0]["text"], "Ada Lovelace");
    assert_eq!(p["birthDate"], "1990-04-07");
    assert_eq!(
        p["identifier"][0]["system"],
        "https://fhir.nhs.uk/Id/nhs-number"
    );
    assert_eq!(p["identifier"][0]["value"], "9434765919");
    assert_eq!(p["address"][0]["postalCode"], "SW1A 1AA");
    assert_eq!(p["telecom"][0]["system"], "phone");
    assert_eq!(p["telecom"][0]["value"], "07700900982");
    // Without a referral the Patient is empty.
    let without = Submission {
        referral: None,
        ..s.clone()
    };
    let b2 = bundle_json(&without, &open_builtins());
    assert_eq!(
        b2["entry"][0]["resource"],
        json!({"resourceType": "Patient"})
    );
    let patient = entries[0]["fullUrl"].clone();
    let request = entries[1]["fullUrl"].clone();

    let sr = &entries[1]["resource"];
    assert_eq!(sr["resourceType"], "ServiceRequest");
    assert_eq!(sr["status"], "active");
    assert_eq!(sr["intent"], "order");
    assert_eq!(sr["priority"], "routine");
    assert_eq!(
        sr["code"]["coding"][0],
        json!({"system": "http://snomed.info/sct", "code": "871731000000106",
               "display": "Referral to social prescribing service"})
    );
    assert_eq!(sr["subject"]["reference"], patient);
    assert_eq!(sr["requester"]["reference"], patient);
    assert_eq!(sr["authoredOn"], "2026-11-23T10:15:00.000Z");
    assert!(sr.get("note").is_none());

    for (entry, (measure, inst)) in entries[2..]
        .iter()
        .zip(s.measures.iter().zip(open_builtins()))
    {
        let qr = &entry["resource"];
        assert_eq!(qr["resourceType"], "QuestionnaireResponse");
        assert_eq!(
            qr["questionnaire"],
            format!("{BASE}/Questionnaire/{}|{}", inst.id, inst.version)
        );
        assert_eq!(qr["status"], "completed");
        assert_eq!(qr["subject"]["reference"], patient);
        assert_eq!(qr["basedOn"][0]["reference"], request);
        assert_eq!(qr["authored"], "2026-11-23T10:15:00.000Z");
        // Each answer's coding is the Questionnaire's answerOption coding for that value.
        let q = to_value(&questionnaire(&inst, BASE).unwrap());
        for a in &measure.answers {
            let qi = items(&q).iter().find(|i| i["linkId"] == a.item).unwrap();
            let option = &qi["answerOption"].as_array().unwrap()[inst
                .item(&a.item)
                .unwrap()
                .options
                .iter()
                .position(|o| o.value == a.value)
                .unwrap()];
            let ri = items(qr).iter().find(|i| i["linkId"] == a.item).unwrap();
            assert_eq!(
                ri["answer"],
                json!([{"valueCoding": option["valueCoding"]}])
            );
        }
        // Response items are in Questionnaire order, and every one is in the Questionnaire.
        let q_order = link_ids(&q);
        let positions: Vec<usize> = link_ids(qr)
            .iter()
            .map(|l| q_order.iter().position(|x| x == l).unwrap())
            .collect();
        assert!(positions.windows(2).all(|w| w[0] < w[1]), "{}", inst.id);
    }
}

#[test]
fn scores_are_reported_as_items() {
    let all = all_instruments();
    let s = submission(ID, &all, |_, n| Some(n - 1));
    let b = bundle_json(&s, &all);
    let value = |b: &Value, inst: &str, link: &str| {
        let i = qr_index(b, inst);
        items(&b["entry"][i]["resource"])
            .iter()
            .find(|x| x["linkId"] == link)
            .map(|x| x["answer"][0].clone())
    };
    assert_eq!(
        value(&b, "phq9", "phq9-total"),
        Some(json!({"valueInteger": 27}))
    );
    assert_eq!(
        value(&b, "phq9", "phq9-band"),
        Some(json!({"valueString": "severe"}))
    );
    assert_eq!(
        value(&b, "phq4", "phq4-subscale-anxiety-positive"),
        Some(json!({"valueBoolean": true}))
    );
    assert_eq!(
        value(&b, "swemwbs", "swemwbs-metric"),
        Some(json!({"valueDecimal": 35.0}))
    );
    assert_eq!(
        value(&b, "ons4", "ons4-anxious-band"),
        Some(json!({"valueString": "high"}))
    );
    // Urgent: PHQ-9 item 9 at its highest.
    assert_eq!(b["entry"][1]["resource"]["priority"], "urgent");
    assert_eq!(
        b["entry"][1]["resource"]["note"],
        json!([{"text": "Risk reasons: phq9-item9"}])
    );

    // Skipped questions are left out, and a score that needs every answer is not reported.
    let partial = submission(ID, &all, |i, _| (i % 2 == 0).then_some(0));
    let b = bundle_json(&partial, &all);
    assert_eq!(value(&b, "phq9", "phq9-2"), None);
    assert_eq!(value(&b, "phq9", "phq9-total"), None);
    assert_eq!(value(&b, "swemwbs", "swemwbs-metric"), None);
    assert_eq!(
        value(&b, "ons4", "ons4-happy-band"),
        Some(json!({"valueString": "low"}))
    );
    assert_eq!(value(&b, "ons4", "ons4-worthwhile-band"), None);
}

#[test]
fn full_urls_are_deterministic_name_based_uuids() {
    let all = open_builtins();
    let s = answered_all(&all);
    let a = serde_json::to_string(&bundle(&s, &all, BASE).unwrap()).unwrap();
    let b = serde_json::to_string(&bundle(&s, &all, BASE).unwrap()).unwrap();
    assert_eq!(a, b, "the same submission gives the same bytes");

    let v: Value = serde_json::from_str(&a).unwrap();
    let urls: Vec<&str> = v["entry"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["fullUrl"].as_str().unwrap())
        .collect();
    let mut names = vec!["Patient".to_owned(), "ServiceRequest".to_owned()];
    names.extend(
        all.iter()
            .map(|i| format!("QuestionnaireResponse/{}", i.id)),
    );
    for (url, name) in urls.iter().zip(&names) {
        assert_eq!(*url, entry_full_url(&s, name));
        let ns = uuid::Uuid::parse_str(ID).unwrap();
        assert_eq!(
            *url,
            format!("urn:uuid:{}", uuid::Uuid::new_v5(&ns, name.as_bytes()))
        );
    }
    // Python: uuid.uuid5(uuid.UUID(ID), "Patient")
    assert_eq!(urls[0], "urn:uuid:8043e435-8463-5b47-8140-6eb033190c25");
    let mut distinct = urls.clone();
    distinct.sort();
    distinct.dedup();
    assert_eq!(distinct.len(), urls.len());

    let other = submission("00000000-0000-4000-8000-000000000000", &all, |i, n| {
        Some(i % n)
    });
    let o = to_value(&bundle(&other, &all, BASE).unwrap());
    assert_ne!(o["entry"][0]["fullUrl"], v["entry"][0]["fullUrl"]);
}

#[test]
fn bundles_round_trip_through_the_parser() {
    let all = all_instruments();
    let plans: [fn(usize, usize) -> Option<usize>; 4] = [
        |i, n| Some(i % n),
        |_, n| Some(n - 1),
        |_, _| Some(0),
        |i, _| (i % 3 != 1).then_some(1),
    ];
    for pick in plans {
        let s = submission(ID, &all, pick);
        let b = bundle_json(&s, &all);
        let parsed = parse(&b).unwrap();
        assert_eq!(parsed.submission_id.as_str(), ID);
        assert_eq!(parsed.submitted_at.as_str(), "2026-11-23T10:15:00.000Z");
        assert_eq!(
            parsed.patient,
            PatientDetails::from_referral(&common::referral())
        );
        assert_eq!(parsed.risk, s.risk);
        // The Bundle carries the Patient's part of the referral, not the whole of it.
        assert_eq!(
            parsed.clone().into_submission(),
            Submission {
                referral: None,
                ..s.clone()
            }
        );
    }
    // The built-ins alone need no loaded definitions.
    let s = answered_all(&open_builtins());
    let body = serde_json::to_vec(&bundle(&s, &open_builtins(), BASE).unwrap()).unwrap();
    assert_eq!(parse_bundle(&body, BASE).unwrap().measures, s.measures);
    // An empty submission is a Patient and a referral.
    let s = submission(ID, &[], |_, _| None);
    assert!(parse(&bundle_json(&s, &[])).unwrap().measures.is_empty());
}

#[test]
fn patient_details_go_in_the_patient_and_come_back() {
    let details = PatientDetails {
        nhs_number: Some(NhsNumber::parse("943 476 5919").unwrap()),
        name: Some(PersonName::parse("Sam Sample").unwrap()),
        birth_date: Some(SimpleDate::new(1980, 1, 31).unwrap()),
        postcode: Some(Postcode::parse("SW1A 1AA").unwrap()),
        phone: Some(PhoneNumber::parse("07700 900982").unwrap()),
        email: Some(EmailAddress::parse("sam@example.com").unwrap()),
    };
    let all = open_builtins();
    let s = answered_all(&all);
    let b = to_value(&bundle_with_patient(&s, &all, BASE, Some(&details)).unwrap());
    let p = &b["entry"][0]["resource"];
    assert_eq!(
        p["identifier"],
        json!([{"system": "https://fhir.nhs.uk/Id/nhs-number", "value": "9434765919"}])
    );
    assert_eq!(p["name"], json!([{"text": "Sam Sample"}]));
    assert_eq!(p["birthDate"], "1980-01-31");
    assert_eq!(p["address"], json!([{"postalCode": "SW1A 1AA"}]));
    assert_eq!(
        p["telecom"],
        json!([{"system": "phone", "value": "07700900982"},
               {"system": "email", "value": "sam@example.com"}])
    );
    assert_eq!(parse(&b).unwrap().patient, details);

    let mut bad = b.clone();
    bad["entry"][0]["resource"]["identifier"][0]["value"] = json!("9434765918");
    let err = parse(&bad).unwrap_err();
    assert!(matches!(err, FhirError::Patient(_)));
    assert!(!err.to_string().contains("9434765918"));
}

/// A change made to a good Bundle.
type Tamper = Box<dyn Fn(&mut Value)>;
/// Whether the parser's error is the one expected.
type Expected = fn(&FhirError) -> bool;

#[test]
fn tampered_bundles_are_refused() {
    let all = all_instruments();
    let good = bundle_json(&answered_all(&all), &all);
    parse(&good).unwrap();
    let phq9 = qr_index(&good, "phq9");

    let cases: Vec<(&str, Tamper, Expected)> = vec![
        (
            "unknown linkId",
            Box::new(|b| item_mut(b, "ucla3", "ucla3-2")["linkId"] = json!("ucla3-9")),
            |e| matches!(e, FhirError::UnknownLinkId { position: 1, .. }),
        ),
        (
            "instructions answered",
            Box::new(|b| item_mut(b, "ucla3", "ucla3-2")["linkId"] = json!("ucla3-instructions")),
            |e| matches!(e, FhirError::UnknownLinkId { .. }),
        ),
        (
            "wrong coding",
            Box::new(|b| {
                item_mut(b, "phq9", "phq9-1")["answer"][0]["valueCoding"]["code"] =
                    json!("LA0000-0")
            }),
            |e| matches!(e, FhirError::Answer { link_id, .. } if link_id == "phq9-1"),
        ),
        (
            "coding from another system",
            Box::new(|b| {
                item_mut(b, "phq9", "phq9-1")["answer"][0]["valueCoding"]["system"] =
                    json!(format!("{BASE}/CodeSystem/phq9-answers"))
            }),
            |e| matches!(e, FhirError::Answer { .. }),
        ),
        (
            "integer instead of coding",
            Box::new(|b| item_mut(b, "ucla3", "ucla3-1")["answer"] = json!([{"valueInteger": 1}])),
            |e| matches!(e, FhirError::Answer { .. }),
        ),
        (
            "two values in one answer",
            Box::new(|b| item_mut(b, "ucla3", "ucla3-1")["answer"][0]["valueInteger"] = json!(1)),
            |e| matches!(e, FhirError::Answer { .. }),
        ),
        (
            "two answers",
            Box::new(|b| {
                let a = item_mut(b, "ucla3", "ucla3-1")["answer"][0].clone();
                item_mut(b, "ucla3", "ucla3-1")["answer"] = json!([a.clone(), a]);
            }),
            |e| matches!(e, FhirError::Answer { .. }),
        ),
        (
            "an unknown value[x]",
            Box::new(|b| {
                item_mut(b, "ucla3", "ucla3-1")["answer"] = json!([{"valueQuantity": {"value": 1}}])
            }),
            |e| matches!(e, FhirError::Malformed(_)),
        ),
        (
            "duplicate linkId",
            Box::new(|b| {
                let first = qr_items(b, "ucla3")[0].clone();
                qr_items(b, "ucla3").insert(1, first);
            }),
            |e| matches!(e, FhirError::DuplicateLinkId { link_id, .. } if link_id == "ucla3-1"),
        ),
        (
            "total changed",
            Box::new(|b| item_mut(b, "phq9", "phq9-total")["answer"][0]["valueInteger"] = json!(0)),
            |e| matches!(e, FhirError::ScoreMismatch { instrument, .. } if instrument == "phq9"),
        ),
        (
            "band changed",
            Box::new(|b| {
                item_mut(b, "gad7", "gad7-band")["answer"][0]["valueString"] = json!("minimal")
            }),
            |e| matches!(e, FhirError::ScoreMismatch { .. }),
        ),
        (
            "metric changed",
            Box::new(|b| {
                item_mut(b, "swemwbs", "swemwbs-metric")["answer"][0]["valueDecimal"] = json!(20.1)
            }),
            |e| matches!(e, FhirError::ScoreMismatch { .. }),
        ),
        (
            "score item removed",
            Box::new(|b| {
                qr_items(b, "phq4").retain(|i| i["linkId"] != "phq4-subscale-anxiety-positive")
            }),
            |e| matches!(e, FhirError::ScoreMismatch { .. }),
        ),
        (
            "answer removed, score kept",
            Box::new(|b| qr_items(b, "ucla3").retain(|i| i["linkId"] != "ucla3-2")),
            |e| matches!(e, FhirError::ScoreMismatch { .. }),
        ),
        (
            "answer changed, score kept",
            Box::new(|b| {
                item_mut(b, "ucla3", "ucla3-1")["answer"][0]["valueCoding"] = json!({
                    "system": format!("{BASE}/CodeSystem/ucla3-answers"), "code": "3"})
            }),
            |e| matches!(e, FhirError::ScoreMismatch { .. }),
        ),
        (
            "missing identifier",
            Box::new(|b| {
                b.as_object_mut().unwrap().remove("identifier");
            }),
            |e| *e == FhirError::Identifier,
        ),
        (
            "identifier not a UUID v4",
            Box::new(|b| {
                b["identifier"]["value"] = json!("urn:uuid:3f2a9c1b-7d4e-1a5b-9c8d-0123456789ab")
            }),
            |e| *e == FhirError::Identifier,
        ),
        (
            "identifier in another system",
            Box::new(|b| b["identifier"]["system"] = json!("https://example.org/ids")),
            |e| *e == FhirError::Identifier,
        ),
        (
            "missing timestamp",
            Box::new(|b| {
                b.as_object_mut().unwrap().remove("timestamp");
            }),
            |e| *e == FhirError::Timestamp,
        ),
        (
            "not a Bundle",
            Box::new(|b| b["resourceType"] = json!("Patient")),
            |e| *e == FhirError::NotABundle,
        ),
        (
            "a transaction",
            Box::new(|b| b["type"] = json!("transaction")),
            |e| *e == FhirError::BundleType,
        ),
        (
            "unknown questionnaire",
            Box::new(move |b| {
                b["entry"][phq9]["resource"]["questionnaire"] =
                    json!("https://other.example/fhir/Questionnaire/phq9|loinc-44249-1")
            }),
            |e| matches!(e, FhirError::UnknownQuestionnaire { .. }),
        ),
        (
            "questionnaire without version",
            Box::new(move |b| {
                b["entry"][phq9]["resource"]["questionnaire"] =
                    json!(format!("{BASE}/Questionnaire/phq9"))
            }),
            |e| matches!(e, FhirError::UnknownQuestionnaire { .. }),
        ),
        (
            "old questionnaire version",
            Box::new(move |b| {
                b["entry"][phq9]["resource"]["questionnaire"] =
                    json!(format!("{BASE}/Questionnaire/phq9|2001"))
            }),
            |e| matches!(e, FhirError::QuestionnaireVersion { .. }),
        ),
        (
            "a measure twice",
            Box::new(move |b| {
                let e = b["entry"][phq9].clone();
                let mut e2 = e.clone();
                e2["fullUrl"] = json!("urn:uuid:00000000-0000-4000-8000-000000000000");
                b["entry"].as_array_mut().unwrap().push(e2);
            }),
            |e| matches!(e, FhirError::DuplicateMeasure { instrument, .. } if instrument == "phq9"),
        ),
        (
            "status in progress",
            Box::new(move |b| b["entry"][phq9]["resource"]["status"] = json!("in-progress")),
            |e| matches!(e, FhirError::Status { .. }),
        ),
        (
            "subject elsewhere",
            Box::new(move |b| {
                b["entry"][phq9]["resource"]["subject"]["reference"] = json!("Patient/123")
            }),
            |e| {
                matches!(
                    e,
                    FhirError::Reference {
                        field: "subject",
                        ..
                    }
                )
            },
        ),
        (
            "not based on the referral",
            Box::new(move |b| b["entry"][phq9]["resource"]["basedOn"] = json!([])),
            |e| {
                matches!(
                    e,
                    FhirError::Reference {
                        field: "basedOn",
                        ..
                    }
                )
            },
        ),
        (
            "duplicate fullUrl",
            Box::new(move |b| b["entry"][phq9]["fullUrl"] = b["entry"][0]["fullUrl"].clone()),
            |e| matches!(e, FhirError::FullUrl { .. }),
        ),
        (
            "fullUrl not a urn:uuid",
            Box::new(|b| b["entry"][0]["fullUrl"] = json!("https://example.org/Patient/1")),
            |e| matches!(e, FhirError::FullUrl { entry: 0 }),
        ),
        (
            "another resource type",
            Box::new(|b| {
                b["entry"].as_array_mut().unwrap().push(json!({
                    "fullUrl": "urn:uuid:00000000-0000-4000-8000-000000000000",
                    "resource": {"resourceType": "Observation", "status": "final"}}))
            }),
            |e| matches!(e, FhirError::UnexpectedResource { .. }),
        ),
        (
            "no referral",
            Box::new(|b| {
                b["entry"].as_array_mut().unwrap().remove(1);
            }),
            |e| {
                matches!(
                    e,
                    FhirError::ResourceCount {
                        resource: "ServiceRequest",
                        found: 0
                    }
                )
            },
        ),
        (
            "a different referral code",
            Box::new(|b| {
                b["entry"][1]["resource"]["code"]["coding"][0]["code"] = json!("306238000")
            }),
            |e| matches!(e, FhirError::ServiceRequest(_)),
        ),
        (
            "urgency downplayed",
            Box::new(|b| b["entry"][1]["resource"]["priority"] = json!("routine")),
            |e| *e == FhirError::RiskMismatch,
        ),
        (
            "nested items",
            Box::new(|b| item_mut(b, "ucla3", "ucla3-1")["item"] = json!([{"linkId": "x"}])),
            |e| matches!(e, FhirError::Answer { .. }),
        ),
    ];
    // The "urgency downplayed" case needs an urgent submission: PHQ-9 item 9 (index 8) above 0.
    let urgent_submission = submission(ID, &all, |i, n| Some(if i == 8 { 1 } else { i % n }));
    assert!(urgent_submission.risk.urgent);
    let urgent = bundle_json(&urgent_submission, &all);
    assert!(parse(&urgent).unwrap().risk.urgent);

    for (name, tamper, expected) in &cases {
        let mut b = if *name == "urgency downplayed" {
            urgent.clone()
        } else {
            good.clone()
        };
        tamper(&mut b);
        match parse(&b) {
            Ok(_) => panic!("{name}: accepted"),
            Err(e) => assert!(expected(&e), "{name}: unexpected error {e:?}"),
        }
    }
    // And a routine submission marked urgent is refused too.
    let mut b = good.clone();
    b["entry"][1]["resource"]["priority"] = json!("urgent");
    assert_eq!(parse(&b).unwrap_err(), FhirError::RiskMismatch);
}

#[test]
fn error_messages_never_echo_answers() {
    let all = open_builtins();
    let good = bundle_json(&answered_all(&all), &all);
    let secret = "SECRET-ANSWER-7";
    let mut tampered: Vec<Value> = Vec::new();
    let mut b = good.clone();
    item_mut(&mut b, "phq9", "phq9-1")["answer"][0]["valueCoding"]["code"] = json!(secret);
    tampered.push(b);
    let mut b = good.clone();
    item_mut(&mut b, "phq9", "phq9-1")["linkId"] = json!(secret);
    tampered.push(b);
    let mut b = good.clone();
    item_mut(&mut b, "phq9", "phq9-total")["answer"][0] = json!({"valueString": secret});
    tampered.push(b);
    let mut b = good.clone();
    item_mut(&mut b, "phq9", "phq9-1")["answer"][0]["valueInteger"] = json!(secret);
    tampered.push(b);
    let mut b = good.clone();
    b["entry"][0]["resource"]["name"] = json!([{"text": secret.repeat(20)}]);
    tampered.push(b);
    for b in &tampered {
        let e = parse(b).unwrap_err().to_string();
        assert!(!e.contains(secret), "{e}");
    }
    let body = format!("{{\"resourceType\": \"Bundle\", \"type\": {secret}}}");
    let e = parse_bundle(body.as_bytes(), BASE).unwrap_err();
    assert!(matches!(e, FhirError::Malformed(_)));
    assert!(!e.to_string().contains(secret));
}

#[test]
fn writing_a_bundle_refuses_measures_that_do_not_fit() {
    let all = open_builtins();
    let mut s = answered_all(&all);
    s.measures[0].version = "1999".into();
    assert_eq!(
        bundle(&s, &all, BASE).unwrap_err(),
        FhirError::Version { index: 0 }
    );
    let mut s = answered_all(&all);
    s.measures[1].instrument = "nope".into();
    assert_eq!(
        bundle(&s, &all, BASE).unwrap_err(),
        FhirError::UnknownInstrument { index: 1 }
    );
    let mut s = answered_all(&all);
    s.measures[1].answers[0].value = 99;
    assert!(matches!(
        bundle(&s, &all, BASE),
        Err(FhirError::AnswerNotAnOption {
            index: 1,
            ordinal: 0
        })
    ));
}

// ---------------------------------------------------------------------------------------------
// The fhir-questionnaires binary
// ---------------------------------------------------------------------------------------------

fn run_bin(args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_fhir-questionnaires"))
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn the_binary_writes_the_open_questionnaires_and_samples() {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("fhir-bin-test");
    let _ = std::fs::remove_dir_all(&dir);
    let (q, s) = (dir.join("q"), dir.join("s"));
    let out = run_bin(&[
        q.to_str().unwrap(),
        "--base",
        BASE,
        "--samples",
        s.to_str().unwrap(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut names: Vec<String> = std::fs::read_dir(&q)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "Questionnaire-gad7.json",
            "Questionnaire-ons-loneliness.json",
            "Questionnaire-ons4.json",
            "Questionnaire-phq4.json",
            "Questionnaire-phq9.json",
            "Questionnaire-ucla3.json"
        ]
    );
    for q_ in builtin_questionnaires(BASE) {
        let text =
            std::fs::read_to_string(q.join(format!("Questionnaire-{}.json", q_.id))).unwrap();
        assert_eq!(serde_json::from_str::<Value>(&text).unwrap(), to_value(&q_));
    }
    let samples: Vec<_> = std::fs::read_dir(&s).unwrap().collect();
    assert_eq!(samples.len(), 3);
    for e in samples {
        let body = std::fs::read(e.unwrap().path()).unwrap();
        parse_bundle(&body, BASE).unwrap();
    }

    // Licensed instruments only with wording from a definitions file.
    let fixture = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/wemwbs-definitions.example.json"
    );
    let q2 = dir.join("q2");
    let out = run_bin(&[q2.to_str().unwrap(), "--definitions", fixture]);
    assert!(out.status.success());
    assert!(q2.join("Questionnaire-swemwbs.json").exists());
    let q = std::fs::read_to_string(q2.join("Questionnaire-ons4.json")).unwrap();
    assert!(q.contains(&format!("{DEFAULT_BASE}/Questionnaire/ons4")));

    // Usage errors.
    assert_eq!(run_bin(&[]).status.code(), Some(2));
    assert_eq!(run_bin(&["x", "--base", "ftp://x"]).status.code(), Some(2));
    assert_eq!(run_bin(&["x", "--bogus"]).status.code(), Some(2));
    assert_eq!(run_bin(&["--help"]).status.code(), Some(0));
}
