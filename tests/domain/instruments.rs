//! The built-in instruments against shared/reference/instruments.md (§1.1–1.8, §5), the
//! definitions a deployment loads (every validation rule), and the definitions JSON Schema.

use serde_json::{Value, json};
use wellbeing_widget::domain::instrument::*;

// -------------------------------------------------------------------------------------------
// Built-ins: ids, wording, options, licence text
// -------------------------------------------------------------------------------------------

fn texts(i: &Instrument) -> Vec<&str> {
    i.items.iter().map(|x| x.text.as_str()).collect()
}

fn ids(i: &Instrument) -> Vec<&str> {
    i.items.iter().map(|x| x.id.as_str()).collect()
}

fn options(item: &Item) -> Vec<(i64, &str)> {
    item.options
        .iter()
        .map(|o| (o.value, o.label.as_str()))
        .collect()
}

const PFIZER: &str = "Copyright © Pfizer Inc. All rights reserved. Developed by Drs. Robert L. Spitzer, Janet B.W. Williams, Kurt Kroenke and colleagues, with an educational grant from Pfizer Inc. No permission required to reproduce, translate, display or distribute.";
const WARWICK: &str = "Warwick-Edinburgh Mental Wellbeing Scale (WEMWBS) © NHS Health Scotland, The University of Warwick and University of Edinburgh, 2006, all rights reserved.";
const PHQ: [(i64, &str); 4] = [
    (0, "Not at all"),
    (1, "Several days"),
    (2, "More than half the days"),
    (3, "Nearly every day"),
];

#[test]
fn there_are_eight_builtins_each_found_by_its_id() {
    assert_eq!(
        builtin_ids(),
        [
            "ons4",
            "ucla3",
            "ons-loneliness",
            "phq9",
            "gad7",
            "phq4",
            "wemwbs",
            "swemwbs"
        ]
    );
    for id in builtin_ids() {
        let i = builtin(id).unwrap_or_else(|| panic!("{id}"));
        assert_eq!(i.id, *id);
    }
    assert_eq!(builtin("phq-9"), None);
    assert_eq!(builtin(""), None);
}

#[test]
fn every_builtin_is_a_valid_definition_and_round_trips_through_json() {
    for id in builtin_ids() {
        let i = builtin(id).unwrap();
        i.validate().unwrap_or_else(|e| panic!("{id}: {e}"));
        let back: Instrument = serde_json::from_value(serde_json::to_value(&i).unwrap()).unwrap();
        assert_eq!(back, i, "{id}");
    }
}

#[test]
fn phq9_wording_is_exactly_the_loinc_display_text_without_item_10() {
    let i = phq9();
    assert_eq!(
        i.instructions,
        "Over the last 2 weeks, how often have you been bothered by any of the following problems?"
    );
    assert_eq!(
        texts(&i),
        [
            "Little interest or pleasure in doing things",
            "Feeling down, depressed, or hopeless",
            "Trouble falling or staying asleep, or sleeping too much",
            "Feeling tired or having little energy",
            "Poor appetite or overeating",
            "Feeling bad about yourself - or that you are a failure or have let yourself or your family down",
            "Trouble concentrating on things, such as reading the newspaper or watching television",
            "Moving or speaking so slowly that other people could have noticed. Or the opposite - being so fidgety or restless that you have been moving around a lot more than usual",
            "Thoughts that you would be better off dead, or of hurting yourself in some way",
        ]
    );
    assert_eq!(
        ids(&i),
        [
            "phq9-1", "phq9-2", "phq9-3", "phq9-4", "phq9-5", "phq9-6", "phq9-7", "phq9-8",
            "phq9-9"
        ]
    );
    for item in &i.items {
        assert_eq!(options(item), PHQ, "{}", item.id);
    }
    assert_eq!(i.recall_period, RecallPeriod::Last2Weeks);
    assert_eq!(i.attribution.as_deref(), Some(PFIZER));
    assert_eq!(i.licence_kind, LicenceKind::Open);
    assert_eq!(
        i.risk,
        [RiskRule {
            item: "phq9-9".into(),
            at_least: 1,
            reason: "phq9-item9".into()
        }]
    );
}

#[test]
fn gad7_wording_is_exactly_the_loinc_panel_text() {
    let i = gad7();
    assert_eq!(
        i.instructions,
        "Over the last 2 weeks, how often have you been bothered by the following problems?"
    );
    assert_eq!(
        texts(&i),
        [
            "Feeling nervous, anxious, or on edge",
            "Not being able to stop or control worrying",
            "Worrying too much about different things",
            "Trouble relaxing",
            "Being so restless that it is hard to sit still",
            "Becoming easily annoyed or irritable",
            "Feeling afraid, as if something awful might happen",
        ]
    );
    assert_eq!(
        ids(&i),
        [
            "gad7-1", "gad7-2", "gad7-3", "gad7-4", "gad7-5", "gad7-6", "gad7-7"
        ]
    );
    for item in &i.items {
        assert_eq!(options(item), PHQ, "{}", item.id);
    }
    assert_eq!(i.attribution.as_deref(), Some(PFIZER));
    assert!(i.risk.is_empty());
}

#[test]
fn phq4_wording_is_the_phq2_plus_gad2_items_with_two_subscales() {
    let i = phq4();
    assert_eq!(
        texts(&i),
        [
            "Feeling nervous, anxious or on edge",
            "Not being able to stop or control worrying",
            "Little interest or pleasure in doing things",
            "Feeling down, depressed or hopeless",
        ]
    );
    for item in &i.items {
        assert_eq!(options(item), PHQ, "{}", item.id);
    }
    let Scoring::SumWithSubscales { subscales, .. } = &i.scoring else {
        panic!("PHQ-4 has subscales")
    };
    let shape: Vec<(&str, Vec<&str>, Option<i64>)> = subscales
        .iter()
        .map(|s| {
            (
                s.id.as_str(),
                s.items.iter().map(String::as_str).collect(),
                s.positive_at,
            )
        })
        .collect();
    assert_eq!(
        shape,
        [
            ("anxiety", vec!["phq4-1", "phq4-2"], Some(3)),
            ("depression", vec!["phq4-3", "phq4-4"], Some(3)),
        ]
    );
    assert_eq!(i.attribution.as_deref(), Some(PFIZER));
}

#[test]
fn ucla3_and_the_direct_question_are_the_ons_wording() {
    let u = ucla3();
    assert_eq!(
        u.instructions,
        "The next four questions are about relationships with others. For each one, please say how often (if at all) you feel that way."
    );
    assert_eq!(
        texts(&u),
        [
            "How often do you feel that you lack companionship?",
            "How often do you feel left out?",
            "How often do you feel isolated from others?",
        ]
    );
    for item in &u.items {
        assert_eq!(
            options(item),
            [
                (1, "Hardly ever or never"),
                (2, "Some of the time"),
                (3, "Often")
            ]
        );
        assert!(item.bands.is_empty());
    }
    assert_eq!(u.scoring, Scoring::Sum { bands: vec![] });
    assert_eq!(u.direction, Some(Direction::LowerIsBetter));

    let d = ons_loneliness();
    assert_eq!(texts(&d), ["How often do you feel lonely?"]);
    assert_eq!(
        options(&d.items[0]),
        [
            (1, "Often/always"),
            (2, "Some of the time"),
            (3, "Occasionally"),
            (4, "Hardly ever"),
            (5, "Never")
        ]
    );
    assert_eq!(d.scoring, Scoring::None {});
    assert_eq!(d.direction, None);
}

#[test]
fn ons4_reports_per_item_and_anxiety_runs_the_other_way() {
    let i = ons4();
    assert_eq!(i.scoring, Scoring::PerItem {});
    assert_eq!(i.missing_answers, MissingAnswers::PerItem);
    assert_eq!(i.recall_period, RecallPeriod::PerItem);
    let directions: Vec<Option<Direction>> = i.items.iter().map(|x| i.direction_of(x)).collect();
    use Direction::*;
    assert_eq!(
        directions,
        [
            Some(HigherIsBetter),
            Some(HigherIsBetter),
            Some(HigherIsBetter),
            Some(LowerIsBetter)
        ]
    );
    let recall: Vec<Option<RecallPeriod>> = i.items.iter().map(|x| x.recall_period).collect();
    use RecallPeriod::*;
    assert_eq!(
        recall,
        [
            Some(Current),
            Some(Current),
            Some(Yesterday),
            Some(Yesterday)
        ]
    );
}

#[test]
fn wemwbs_and_swemwbs_are_built_in_without_any_wording() {
    let w = wemwbs();
    let ids_w: Vec<String> = (1..=14).map(|n| format!("wemwbs-{n}")).collect();
    assert_eq!(ids(&w), ids_w);
    let s = swemwbs();
    assert_eq!(
        ids(&s),
        [
            "wemwbs-1",
            "wemwbs-2",
            "wemwbs-3",
            "wemwbs-6",
            "wemwbs-7",
            "wemwbs-9",
            "wemwbs-11"
        ]
    );
    for i in [&w, &s] {
        assert_eq!(i.licence_kind, LicenceKind::Licensed);
        assert!(i.instructions.is_empty(), "{}: no licensed stem", i.id);
        assert!(i.items.iter().all(|x| x.text.is_empty()), "{}", i.id);
        assert!(!i.has_wording() && i.requires_wording());
        assert_eq!(i.attribution.as_deref(), Some(WARWICK), "{}", i.id);
        assert_eq!(i.recall_period, RecallPeriod::Last2Weeks);
        assert_eq!(i.direction, Some(Direction::HigherIsBetter));
        for item in &i.items {
            assert_eq!(
                options(item),
                [
                    (1, "None of the time"),
                    (2, "Rarely"),
                    (3, "Some of the time"),
                    (4, "Often"),
                    (5, "All of the time")
                ]
            );
            assert!(!item.reverse, "WEMWBS items are all positively worded");
        }
    }
    // The open instruments all carry their wording.
    for id in ["ons4", "ucla3", "ons-loneliness", "phq9", "gad7", "phq4"] {
        let i = builtin(id).unwrap();
        assert!(i.has_wording() && !i.requires_wording(), "{id}");
    }
}

#[test]
fn the_repository_holds_no_wemwbs_wording() {
    // The only WEMWBS "wording" anywhere is the fixture's placeholder text.
    let file = std::fs::read_to_string(fixture_path()).unwrap();
    let defs = parse_definitions(&file).unwrap();
    for i in &defs {
        assert_eq!(
            i.instructions,
            "WEMWBS instructions (licensed wording supplied by the deployment)"
        );
        for item in &i.items {
            let n = item.id.strip_prefix("wemwbs-").unwrap();
            assert_eq!(
                item.text,
                format!("WEMWBS item {n} (licensed wording supplied by the deployment)")
            );
        }
    }
    // Every built-in string of the licensed instruments is ours, not Warwick's item wording.
    for i in [wemwbs(), swemwbs()] {
        for item in &i.items {
            assert!(item.short_label.starts_with("Statement "), "{}", item.id);
            assert_eq!(
                item.missing_message,
                "Select how often you have felt this way over the last 2 weeks"
            );
        }
    }
}

/// A short label is read on check-your-answers as "label — answer" ("… — Nearly every day"), so
/// it must name the symptom, not its opposite.
#[test]
fn short_labels_name_the_symptom_asked_about() {
    let label = |i: &Instrument, id: &str| i.item(id).unwrap().short_label.clone();
    assert_eq!(
        label(&phq9(), "phq9-1"),
        "Little interest or pleasure in doing things"
    );
    assert_eq!(
        label(&phq4(), "phq4-3"),
        "Little interest or pleasure in doing things"
    );
    // Wherever the question starts with a qualifier such as "Little", the label keeps it.
    for id in builtin_ids() {
        for item in builtin(id).unwrap().items {
            let first = item.text.split_whitespace().next().unwrap_or("");
            if ["Little", "Not", "No"].contains(&first) {
                assert!(
                    item.short_label.starts_with(first),
                    "{id} {}: {:?}",
                    item.id,
                    item.short_label
                );
            }
        }
    }
}

#[test]
fn every_item_has_a_short_label_and_a_govuk_style_missing_message() {
    for id in builtin_ids() {
        for item in builtin(id).unwrap().items {
            assert!(!item.short_label.trim().is_empty(), "{id} {}", item.id);
            assert!(
                item.missing_message.starts_with("Select how "),
                "{id} {}",
                item.id
            );
            assert!(!item.missing_message.ends_with('.'));
        }
    }
}

#[test]
fn bands_are_exactly_as_published_and_none_where_none_are_confirmed() {
    let bands = |i: Instrument| -> Vec<(i64, i64, String)> {
        match i.scoring {
            Scoring::Sum { bands } | Scoring::SumWithSubscales { bands, .. } => {
                bands.into_iter().map(|b| (b.min, b.max, b.code)).collect()
            }
            _ => vec![],
        }
    };
    let b = |v: &[(i64, i64, &str)]| -> Vec<(i64, i64, String)> {
        v.iter().map(|(a, b, c)| (*a, *b, c.to_string())).collect()
    };
    assert_eq!(
        bands(phq9()),
        b(&[
            (0, 4, "none-minimal"),
            (5, 9, "mild"),
            (10, 14, "moderate"),
            (15, 19, "moderately-severe"),
            (20, 27, "severe")
        ])
    );
    assert_eq!(
        bands(gad7()),
        b(&[
            (0, 4, "minimal"),
            (5, 9, "mild"),
            (10, 14, "moderate"),
            (15, 21, "severe")
        ])
    );
    assert_eq!(
        bands(phq4()),
        b(&[
            (0, 2, "none"),
            (3, 5, "mild"),
            (6, 8, "moderate"),
            (9, 12, "severe")
        ])
    );
    assert!(bands(ucla3()).is_empty());
    assert!(bands(wemwbs()).is_empty());
    assert!(matches!(swemwbs().scoring, Scoring::SumConverted { .. }));
}

#[test]
fn meaningful_change_is_given_where_published_and_explained_where_not() {
    let points = |i: Instrument| match i.meaningful_change {
        MeaningfulChange::Published { points, source } => {
            assert!(!source.is_empty());
            Some(points)
        }
        MeaningfulChange::NotPublished { note } => {
            assert!(!note.is_empty());
            None
        }
    };
    assert_eq!(points(wemwbs()), Some(3.0));
    assert_eq!(points(swemwbs()), Some(3.0));
    assert_eq!(points(phq9()), Some(6.0));
    assert_eq!(points(gad7()), Some(4.0));
    assert_eq!(points(phq4()), None);
    assert_eq!(points(ons4()), None);
    assert_eq!(points(ucla3()), None);
    assert_eq!(points(ons_loneliness()), None);
}

#[test]
fn ranges_of_the_totals() {
    assert_eq!(phq9().total_range(), Some((0, 27)));
    assert_eq!(gad7().total_range(), Some((0, 21)));
    assert_eq!(phq4().total_range(), Some((0, 12)));
    assert_eq!(ucla3().total_range(), Some((3, 9)));
    assert_eq!(wemwbs().total_range(), Some((14, 70)));
    assert_eq!(swemwbs().total_range(), Some((7, 35)));
}

// -------------------------------------------------------------------------------------------
// Definitions files
// -------------------------------------------------------------------------------------------

/// Reference §1.1, §1.2, §1.4, §3.4: ONS4, the adult loneliness measures and WEMWBS (and
/// SWEMWBS, its items) are for people aged 16 and over; no validated age is given for the PHQ
/// family.
#[test]
fn each_builtin_carries_its_validated_minimum_age() {
    let ages: Vec<(&str, Option<u32>)> = builtin_ids()
        .iter()
        .map(|id| (*id, builtin(id).unwrap().minimum_age))
        .collect();
    assert_eq!(
        ages,
        [
            ("ons4", Some(16)),
            ("ucla3", Some(16)),
            ("ons-loneliness", Some(16)),
            ("phq9", None),
            ("gad7", None),
            ("phq4", None),
            ("wemwbs", Some(16)),
            ("swemwbs", Some(16)),
        ]
    );
    let json = serde_json::to_value(ons4()).unwrap();
    assert_eq!(json["minimum_age"], json!(16));
    assert!(
        serde_json::to_value(phq9())
            .unwrap()
            .get("minimum_age")
            .is_none()
    );
}

#[test]
fn a_definitions_file_keeps_the_validated_age_of_a_licensed_builtin() {
    let swemwbs_at = |f: &Value| f["instruments"][1].clone();
    // Left out: the built-in's applies.
    let d = swemwbs_at(&fixture());
    assert!(d.get("minimum_age").is_none());
    assert_eq!(parse(vec![d]).unwrap()[0].minimum_age, Some(16));
    // Given: it must be the built-in's.
    let mut d = swemwbs_at(&fixture());
    d["minimum_age"] = json!(16);
    assert_eq!(parse(vec![d]).unwrap()[0].minimum_age, Some(16));
    let mut d = swemwbs_at(&fixture());
    d["minimum_age"] = json!(10);
    assert_eq!(
        problem_of(d),
        Problem::LicensedMismatch("minimum_age".into())
    );
    // A new instrument may give its own, within 1 to 120 years.
    let mut d = demo();
    d["minimum_age"] = json!(18);
    assert_eq!(parse(vec![d]).unwrap()[0].minimum_age, Some(18));
    assert_eq!(parse(vec![demo()]).unwrap()[0].minimum_age, None);
    for bad in [0, 121] {
        let mut d = demo();
        d["minimum_age"] = json!(bad);
        assert_eq!(problem_of(d), Problem::MinimumAge, "{bad}");
    }
    assert_eq!(
        Problem::MinimumAge.to_string(),
        "minimum_age must be a whole number of years from 1 to 120"
    );
}

fn fixture_path() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/wemwbs-definitions.example.json")
}

fn fixture() -> Value {
    serde_json::from_str(&std::fs::read_to_string(fixture_path()).unwrap()).unwrap()
}

/// A made-up, valid instrument that uses most of the model.
fn demo() -> Value {
    let opts = json!([
        {"value": 0, "label": "No"},
        {"value": 1, "label": "Sometimes"},
        {"value": 2, "label": "Yes", "anchor": "most days"}
    ]);
    let item = |n: u32| {
        json!({
            "id": format!("demo-{n}"),
            "text": format!("Demo statement {n}"),
            "short_label": format!("Statement {n}"),
            "missing_message": format!("Select how often statement {n} applied"),
            "options": opts.clone()
        })
    };
    let mut items = vec![item(1), item(2), item(3)];
    items[1]["reverse"] = json!(true);
    json!({
        "id": "demo-scale",
        "version": "1",
        "title": "Demo scale",
        "instructions": "Think about the last week.",
        "recall_period": "last-7-days",
        "items": items,
        "scoring": {
            "rule": "sum-with-subscales",
            "bands": [
                {"min": 0, "max": 2, "code": "low", "label": "Low"},
                {"min": 3, "max": 6, "code": "high", "label": "High"}
            ],
            "subscales": [
                {"id": "first-two", "label": "First two", "items": ["demo-1", "demo-2"], "positive_at": 3}
            ]
        },
        "missing_answers": "all-required",
        "direction": "lower-is-better",
        "meaningful_change": {"kind": "published", "points": 2, "source": "Made up for tests"},
        "risk": [{"item": "demo-3", "at_least": 2, "reason": "demo-risk"}],
        "licence": "Made up for tests",
        "licence_kind": "open",
        "attribution": null
    })
}

/// The demo with a conversion table instead of subscales.
fn demo_converted() -> Value {
    let mut d = demo();
    d["id"] = json!("demo-converted");
    d["scoring"] = json!({
        "rule": "sum-converted",
        "table": (0..=6).map(|r| json!({"raw": r, "metric": r as f64 * 1.5 + 0.25})).collect::<Vec<_>>()
    });
    d
}

fn file(instruments: Vec<Value>) -> String {
    json!({ "instruments": instruments }).to_string()
}

fn parse(instruments: Vec<Value>) -> Result<Vec<Instrument>, DefinitionError> {
    parse_definitions(&file(instruments))
}

fn problem_of(def: Value) -> Problem {
    match parse(vec![def]) {
        Err(DefinitionError::Invalid { problem, .. }) => problem,
        other => panic!("expected a refused definition, got {other:?}"),
    }
}

#[test]
fn the_wemwbs_fixture_is_accepted_and_supplies_the_wording() {
    let text = std::fs::read_to_string(fixture_path()).unwrap();
    let loaded = parse_definitions(&text).unwrap();
    assert_eq!(
        loaded.iter().map(|i| i.id.as_str()).collect::<Vec<_>>(),
        ["wemwbs", "swemwbs"]
    );
    for i in &loaded {
        assert!(i.has_wording());
        let b = builtin(&i.id).unwrap();
        assert_eq!(i.scoring, b.scoring, "scoring stays the built-in one");
        assert_eq!(i.attribution, b.attribution);
        assert_eq!(i.version, b.version);
    }
    // resolve: the loaded wording for licensed ids, the built-in for open ids.
    let w = resolve("wemwbs", &loaded).unwrap();
    assert!(w.has_wording());
    assert!(!resolve("wemwbs", &[]).unwrap().has_wording());
    assert_eq!(resolve("phq9", &loaded), Some(phq9()));
    assert_eq!(resolve("nope", &loaded), None);
}

#[test]
fn a_new_instrument_is_accepted_and_resolved() {
    let loaded = parse(vec![demo(), demo_converted()]).unwrap();
    assert_eq!(loaded.len(), 2);
    assert_eq!(loaded[0].id, "demo-scale");
    assert!(loaded[0].items[1].reverse);
    assert_eq!(
        resolve("demo-scale", &loaded).as_ref(),
        Some(&loaded[0]),
        "a new id resolves to its loaded definition"
    );
    // An empty list is a valid (if useless) file, and $schema is allowed.
    assert_eq!(
        parse_definitions(r#"{"$schema": "x", "instruments": []}"#),
        Ok(vec![])
    );
}

#[test]
fn an_open_builtin_cannot_be_supplied_by_a_file() {
    for id in ["ons4", "ucla3", "ons-loneliness", "phq9", "gad7", "phq4"] {
        let def = serde_json::to_value(builtin(id).unwrap()).unwrap();
        let err = parse(vec![def]).unwrap_err();
        assert_eq!(err.problem(), Some(&Problem::OpenBuiltin), "{id}");
        assert!(err.to_string().contains(&format!("{id:?}")), "{err}");
    }
}

#[test]
fn a_licensed_definition_may_only_add_wording() {
    let swemwbs_at = |f: &Value| f["instruments"][1].clone();
    let wemwbs_at = |f: &Value| f["instruments"][0].clone();
    type Edit = fn(&mut Value);
    let cases: Vec<(Edit, &str)> = vec![
        (|d| d["version"] = json!("warwick-2010"), "version"),
        (|d| d["title"] = json!("Something else"), "title"),
        (
            |d| d["scoring"]["table"][8]["metric"] = json!(16.0),
            "scoring",
        ),
        (|d| d["attribution"] = json!("© Someone"), "attribution"),
        (|d| d["licence_kind"] = json!("open"), "licence_kind"),
        (
            |d| d["missing_answers"] = json!("per-item"),
            "missing_answers",
        ),
        (
            |d| d["meaningful_change"]["points"] = json!(1),
            "meaningful_change",
        ),
        (|d| d["direction"] = json!("lower-is-better"), "direction"),
        (
            |d| {
                d["items"].as_array_mut().unwrap().pop();
            },
            "its item ids or their order",
        ),
        (
            |d| d["items"][2]["options"][0]["label"] = json!("Never"),
            "the options of item \"wemwbs-3\"",
        ),
        (
            |d| d["items"][2]["reverse"] = json!(true),
            "the reverse of item \"wemwbs-3\"",
        ),
    ];
    for (edit, field) in cases {
        let mut d = swemwbs_at(&fixture());
        edit(&mut d);
        assert_eq!(
            problem_of(d),
            Problem::LicensedMismatch(field.to_owned()),
            "{field}"
        );
    }
    // Wording must be present: a file's licensed definition without item text is refused.
    let mut d = wemwbs_at(&fixture());
    d["items"][4]["text"] = json!("");
    assert_eq!(
        problem_of(d),
        Problem::MissingWording {
            item: "wemwbs-5".into(),
            field: "text"
        }
    );
    // The built-in (without wording) itself is refused from a file for the same reason.
    let d = serde_json::to_value(wemwbs()).unwrap();
    assert!(matches!(problem_of(d), Problem::MissingWording { .. }));
    // Instructions, short labels and missing messages are the deployment's to supply.
    let mut d = wemwbs_at(&fixture());
    d["instructions"] = json!("Placeholder instructions");
    d["items"][0]["short_label"] = json!("Placeholder label");
    d["items"][0]["missing_message"] = json!("Select placeholder");
    assert!(parse(vec![d]).is_ok());
}

#[test]
fn each_broken_rule_is_refused_with_its_own_message() {
    type Edit = Box<dyn Fn(&mut Value)>;
    fn e(f: impl Fn(&mut Value) + 'static) -> Edit {
        Box::new(f)
    }
    let s = |x: &str| x.to_owned();
    let total = || s("the total");
    let cases: Vec<(Edit, Problem)> = vec![
        (e(|d| d["version"] = json!("")), Problem::Empty("version")),
        (e(|d| d["title"] = json!("  ")), Problem::Empty("title")),
        (e(|d| d["licence"] = json!("")), Problem::Empty("licence")),
        (
            e(|d| d["attribution"] = json!("")),
            Problem::Empty("attribution"),
        ),
        (
            e(|d| d["licence_kind"] = json!("licensed")),
            Problem::LicensedNeedsAttribution,
        ),
        (e(|d| d["items"] = json!([])), Problem::NoItems),
        (
            e(|d| d["items"] = json!(vec![d["items"][0].clone(); 101])),
            Problem::TooManyItems,
        ),
        (
            e(|d| d["items"][1]["id"] = json!("Demo 2")),
            Problem::BadItemId { position: 2 },
        ),
        (
            e(|d| d["items"][2]["id"] = json!("demo-1")),
            Problem::DuplicateItem(s("demo-1")),
        ),
        (
            e(|d| d["items"][0]["text"] = json!(" ")),
            Problem::MissingWording {
                item: s("demo-1"),
                field: "text",
            },
        ),
        (
            e(|d| d["items"][0]["short_label"] = json!("")),
            Problem::MissingWording {
                item: s("demo-1"),
                field: "short_label",
            },
        ),
        (
            e(|d| d["items"][0]["missing_message"] = json!("")),
            Problem::MissingWording {
                item: s("demo-1"),
                field: "missing_message",
            },
        ),
        (
            e(|d| d["items"][0]["options"] = json!([{"value": 0, "label": "No"}])),
            Problem::OptionCount(s("demo-1")),
        ),
        (
            e(|d| d["items"][0]["options"][2]["value"] = json!(101)),
            Problem::OptionValueLimit {
                item: s("demo-1"),
                value: 101,
            },
        ),
        (
            e(|d| d["items"][0]["options"][2]["value"] = json!(1)),
            Problem::DuplicateOptionValue {
                item: s("demo-1"),
                value: 1,
            },
        ),
        (
            e(|d| d["items"][0]["options"][1]["label"] = json!("")),
            Problem::EmptyOptionLabel {
                item: s("demo-1"),
                value: 1,
            },
        ),
        (
            e(|d| d["items"][0]["options"][2]["anchor"] = json!("")),
            Problem::EmptyAnchor {
                item: s("demo-1"),
                value: 2,
            },
        ),
        (
            e(|d| d["items"][0]["recall_period"] = json!("today")),
            Problem::ItemRecallNotPerItem(s("demo-1")),
        ),
        (
            e(|d| d["recall_period"] = json!("per-item")),
            Problem::ItemRecallMissing(s("demo-1")),
        ),
        (
            e(|d| {
                d["items"][0]["bands"] =
                    json!([{"min": 0, "max": 2, "code": "all", "label": "All"}])
            }),
            Problem::ItemBandsNeedPerItemScoring(s("demo-1")),
        ),
        (
            e(|d| d["items"][0]["direction"] = json!("higher-is-better")),
            Problem::ItemDirectionNeedsPerItemScoring(s("demo-1")),
        ),
        (
            e(|d| d["scoring"]["bands"][0]["code"] = json!("Low!")),
            Problem::BadBandCode {
                scope: total(),
                position: 1,
            },
        ),
        (
            e(|d| d["scoring"]["bands"][1]["label"] = json!("")),
            Problem::EmptyBandLabel {
                scope: total(),
                code: s("high"),
            },
        ),
        (
            e(|d| d["scoring"]["bands"][1]["code"] = json!("low")),
            Problem::DuplicateBandCode {
                scope: total(),
                code: s("low"),
            },
        ),
        (
            e(|d| {
                d["scoring"]["bands"][1] =
                    json!({"min": 6, "max": 3, "code": "high", "label": "High"})
            }),
            Problem::BandInverted {
                scope: total(),
                code: s("high"),
            },
        ),
        (
            e(|d| d["scoring"]["bands"][1]["max"] = json!(7)),
            Problem::BandOutsideRange {
                scope: total(),
                code: s("high"),
                min: 0,
                max: 6,
            },
        ),
        (
            e(|d| d["scoring"]["bands"][0]["max"] = json!(3)),
            Problem::BandsOverlap {
                scope: total(),
                first: s("low"),
                second: s("high"),
            },
        ),
        (
            e(|d| d["scoring"]["bands"][0]["max"] = json!(1)),
            Problem::BandGap {
                scope: total(),
                value: 2,
            },
        ),
        (
            e(|d| d["missing_answers"] = json!("per-item")),
            Problem::PartialTotal,
        ),
        (
            e(|d| d["direction"] = json!(null)),
            Problem::DirectionMissing,
        ),
        (
            e(|d| {
                d["scoring"] = json!({"rule": "none"});
                d["meaningful_change"] = json!({"kind": "not-published", "note": "n/a"});
            }),
            Problem::DirectionNotApplicable,
        ),
        (
            e(|d| {
                d["scoring"] = json!({"rule": "none"});
                d.as_object_mut().unwrap().remove("direction");
            }),
            Problem::MeaningfulChangeUnscored,
        ),
        (
            e(|d| d["meaningful_change"]["points"] = json!(0)),
            Problem::MeaningfulChangePoints,
        ),
        (
            e(|d| d["meaningful_change"]["source"] = json!("")),
            Problem::Empty("meaningful_change source"),
        ),
        (
            e(|d| d["meaningful_change"] = json!({"kind": "not-published", "note": ""})),
            Problem::Empty("meaningful_change note"),
        ),
        (
            e(|d| d["risk"][0]["item"] = json!("demo-9")),
            Problem::RiskUnknownItem {
                position: 1,
                item: s("demo-9"),
            },
        ),
        (
            e(|d| d["risk"][0]["at_least"] = json!(0)),
            Problem::RiskThreshold {
                position: 1,
                item: s("demo-3"),
            },
        ),
        (
            e(|d| d["risk"][0]["at_least"] = json!(3)),
            Problem::RiskThreshold {
                position: 1,
                item: s("demo-3"),
            },
        ),
        (
            e(|d| d["risk"][0]["reason"] = json!("")),
            Problem::BadReasonCode { position: 1 },
        ),
        (
            e(|d| d["scoring"]["subscales"] = json!([])),
            Problem::NoSubscales,
        ),
        (
            e(|d| d["scoring"]["subscales"][0]["id"] = json!("")),
            Problem::BadSubscaleId { position: 1 },
        ),
        (
            e(|d| {
                let first = d["scoring"]["subscales"][0].clone();
                d["scoring"]["subscales"]
                    .as_array_mut()
                    .unwrap()
                    .push(first);
            }),
            Problem::DuplicateSubscale(s("first-two")),
        ),
        (
            e(|d| d["scoring"]["subscales"][0]["label"] = json!("")),
            Problem::EmptySubscaleLabel(s("first-two")),
        ),
        (
            e(|d| d["scoring"]["subscales"][0]["items"] = json!([])),
            Problem::EmptySubscale(s("first-two")),
        ),
        (
            e(|d| d["scoring"]["subscales"][0]["items"][1] = json!("demo-9")),
            Problem::SubscaleUnknownItem {
                subscale: s("first-two"),
                item: s("demo-9"),
            },
        ),
        (
            e(|d| d["scoring"]["subscales"][0]["items"][1] = json!("demo-1")),
            Problem::SubscaleRepeatsItem {
                subscale: s("first-two"),
                item: s("demo-1"),
            },
        ),
        (
            e(|d| d["scoring"]["subscales"][0]["positive_at"] = json!(0)),
            Problem::SubscalePositiveAt {
                subscale: s("first-two"),
                min: 0,
                max: 4,
            },
        ),
        (
            e(|d| d["scoring"]["subscales"][0]["positive_at"] = json!(5)),
            Problem::SubscalePositiveAt {
                subscale: s("first-two"),
                min: 0,
                max: 4,
            },
        ),
    ];
    let n = cases.len();
    for (edit, want) in cases {
        let mut d = demo();
        edit(&mut d);
        let err = parse(vec![d]).unwrap_err();
        assert_eq!(err.problem(), Some(&want), "{err}");
        let msg = err.to_string();
        assert!(
            msg.starts_with("instrument definition \"demo-scale\" was refused: "),
            "{msg}"
        );
        assert!(!msg.contains("Demo statement"), "no wording in {msg}");
        assert_eq!(
            msg,
            format!("instrument definition \"demo-scale\" was refused: {want}")
        );
    }
    assert!(n >= 45);
}

#[test]
fn conversion_tables_must_cover_every_possible_raw_total_exactly() {
    type Edit = fn(&mut Value);
    let table = |d: &mut Value| -> Vec<Value> { d["scoring"]["table"].as_array().unwrap().clone() };
    let _ = table;
    let cases: Vec<(Edit, Problem)> = vec![
        (
            |d| {
                d["scoring"]["table"].as_array_mut().unwrap().remove(3);
            },
            Problem::TableMissingRaw(3),
        ),
        (
            |d| {
                d["scoring"]["table"]
                    .as_array_mut()
                    .unwrap()
                    .push(json!({"raw": 7, "metric": 20.0}));
            },
            Problem::TableImpossibleRaw(7),
        ),
        (
            |d| {
                d["scoring"]["table"].as_array_mut().unwrap().swap(1, 2);
            },
            Problem::TableNotAscending(1),
        ),
        (
            |d| d["scoring"]["table"][2]["metric"] = json!(3.255),
            Problem::TableMetric(2),
        ),
        (
            |d| d["scoring"]["table"][2]["metric"] = json!(1.75),
            Problem::TableNotIncreasing(2),
        ),
    ];
    for (edit, want) in cases {
        let mut d = demo_converted();
        edit(&mut d);
        assert_eq!(problem_of(d), want);
    }
    // The SWEMWBS built-in's own table passes the same rule: every raw 7–35, once.
    swemwbs().validate().unwrap();
}

#[test]
fn bad_ids_and_duplicates_across_the_file_are_refused() {
    let mut d = demo();
    d["id"] = json!("Demo Scale");
    let err = parse(vec![demo_converted(), d]).unwrap_err();
    assert_eq!(
        err,
        DefinitionError::Invalid {
            instrument: "number 2 in the file".into(),
            problem: Problem::BadInstrumentId
        }
    );
    let err = parse(vec![demo(), demo()]).unwrap_err();
    assert_eq!(err.problem(), Some(&Problem::DuplicateInstrument));
}

#[test]
fn one_bad_definition_refuses_the_whole_file() {
    let mut bad = demo_converted();
    bad["version"] = json!("");
    assert!(parse(vec![demo(), bad]).is_err());
    let mut f = fixture();
    f["instruments"].as_array_mut().unwrap().push(demo());
    f["instruments"][2]["items"][0]["options"] = json!([]);
    assert!(parse_definitions(&f.to_string()).is_err());
}

#[test]
fn malformed_files_are_refused_without_quoting_their_content() {
    let cases = [
        ("[]".to_owned(), "a bare list is not the file format"),
        ("[null, []]".to_owned(), "the file as a positional list"),
        (
            {
                let mut d = demo();
                d["items"][0]["options"][0] = json!([0, "No", null]);
                file(vec![d])
            },
            "an option as a positional list",
        ),
        (
            {
                let mut d = demo();
                d["scoring"]["bands"][0] = json!([0, 2, "low", "Low"]);
                file(vec![d])
            },
            "a band as a positional list",
        ),
        (
            {
                let mut d = demo();
                d["meaningful_change"] = json!(["not-published", "n/a"]);
                file(vec![d])
            },
            "an enum as a positional list",
        ),
        (
            file(vec![json!(["x"])]),
            "an instrument as a positional list",
        ),
        ("{".to_owned(), "not JSON"),
        (
            r#"{"instruments": [], "extra": 1}"#.to_owned(),
            "unknown top-level field",
        ),
        (
            {
                let mut d = demo();
                d["colour"] = json!("blue");
                file(vec![d])
            },
            "unknown instrument field",
        ),
        (
            {
                let mut d = demo();
                d["items"][0]["options"][0]["value"] = json!("Secret licensed wording");
                file(vec![d])
            },
            "wrong type",
        ),
        (
            {
                let mut d = demo();
                d["scoring"]["rule"] = json!("Secret licensed wording");
                file(vec![d])
            },
            "unknown rule",
        ),
        (
            {
                let mut d = demo();
                d["Secret licensed wording"] = json!(1);
                file(vec![d])
            },
            "unknown field that is not a name",
        ),
        (
            {
                let mut d = demo();
                d["recall_period"] = json!("last-fortnight");
                file(vec![d])
            },
            "unknown recall period",
        ),
        (
            {
                let mut d = demo();
                d.as_object_mut().unwrap().remove("licence_kind");
                file(vec![d])
            },
            "missing field",
        ),
        (
            {
                let mut d = demo();
                d["scoring"]["extra"] = json!(1);
                file(vec![d])
            },
            "unknown scoring field",
        ),
        (
            {
                let mut d = demo();
                d["meaningful_change"]["extra"] = json!(1);
                file(vec![d])
            },
            "unknown meaningful_change field",
        ),
        (
            {
                let mut d = demo();
                d["scoring"] = json!({"rule": "none", "bands": []});
                file(vec![d])
            },
            "unknown field next to a rule without fields",
        ),
        (
            {
                let mut d = demo();
                d["scoring"] = json!({"rule": "per-item", "x": 1});
                file(vec![d])
            },
            "unknown field next to per-item",
        ),
    ];
    for (text, why) in cases {
        let err = parse_definitions(&text).unwrap_err();
        let DefinitionError::Malformed(msg) = &err else {
            panic!("{why}: {err:?}")
        };
        assert!(!msg.contains("Secret"), "{why}: {msg}");
        if why == "unknown instrument field" {
            assert!(msg.contains("unknown field `colour`"), "{msg}");
        }
        assert!(
            err.to_string()
                .contains("instrument-definitions.v1.schema.json")
        );
    }
}

// -------------------------------------------------------------------------------------------
// The JSON Schema documents exactly what the parser accepts
// -------------------------------------------------------------------------------------------

fn schema() -> Value {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("schema/instrument-definitions.v1.schema.json");
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// A small JSON Schema checker for the keywords the definitions schema uses. It panics on any
/// other keyword, so it cannot silently ignore part of the schema.
fn check(root: &Value, s: &Value, v: &Value, at: &str, errors: &mut Vec<String>) {
    let Some(obj) = s.as_object() else {
        panic!("schema at {at} is not an object")
    };
    macro_rules! err {
        ($m:expr) => {
            errors.push(format!("{at}: {}", $m))
        };
    }
    for (k, kw) in obj {
        match k.as_str() {
            "$schema" | "$id" | "$defs" | "title" | "description" => {}
            "$ref" => {
                let name = kw.as_str().unwrap().strip_prefix("#/$defs/").unwrap();
                let target = &root["$defs"][name];
                assert!(!target.is_null(), "unknown $ref {name}");
                check(root, target, v, at, errors);
            }
            "type" => {
                let types: Vec<&str> = match kw {
                    Value::String(t) => vec![t.as_str()],
                    Value::Array(ts) => ts.iter().map(|t| t.as_str().unwrap()).collect(),
                    _ => panic!("bad type"),
                };
                let ok = types.iter().any(|t| match *t {
                    "object" => v.is_object(),
                    "array" => v.is_array(),
                    "string" => v.is_string(),
                    "integer" => v.is_i64() || v.is_u64(),
                    "number" => v.is_number(),
                    "boolean" => v.is_boolean(),
                    "null" => v.is_null(),
                    other => panic!("unknown type {other}"),
                });
                if !ok {
                    err!(format!("not of type {types:?}"));
                }
            }
            "enum" => {
                if !kw.as_array().unwrap().contains(v) {
                    err!(format!("{v} is not one of {kw}"));
                }
            }
            "const" => {
                if kw != v {
                    err!(format!("{v} is not {kw}"));
                }
            }
            "properties" => {
                if let Some(o) = v.as_object() {
                    for (name, sub) in kw.as_object().unwrap() {
                        if let Some(x) = o.get(name) {
                            check(root, sub, x, &format!("{at}/{name}"), errors);
                        }
                    }
                }
            }
            "required" => {
                if let Some(o) = v.as_object() {
                    for name in kw.as_array().unwrap() {
                        if !o.contains_key(name.as_str().unwrap()) {
                            err!(format!("missing {name}"));
                        }
                    }
                }
            }
            "additionalProperties" => {
                assert_eq!(kw, &json!(false));
                if let Some(o) = v.as_object() {
                    let known = obj["properties"].as_object().unwrap();
                    for name in o.keys() {
                        if !known.contains_key(name) {
                            err!(format!("unknown property {name}"));
                        }
                    }
                }
            }
            "items" => {
                if let Some(a) = v.as_array() {
                    for (i, x) in a.iter().enumerate() {
                        check(root, kw, x, &format!("{at}/{i}"), errors);
                    }
                }
            }
            "minItems" | "maxItems" => {
                if let Some(a) = v.as_array() {
                    let n = kw.as_u64().unwrap() as usize;
                    if (k == "minItems" && a.len() < n) || (k == "maxItems" && a.len() > n) {
                        err!(format!("{k} {n}"));
                    }
                }
            }
            "minLength" | "maxLength" => {
                if let Some(t) = v.as_str() {
                    let n = kw.as_u64().unwrap() as usize;
                    let len = t.chars().count();
                    if (k == "minLength" && len < n) || (k == "maxLength" && len > n) {
                        err!(format!("{k} {n}"));
                    }
                }
            }
            "pattern" => {
                if let Some(t) = v.as_str() {
                    let ok = match kw.as_str().unwrap() {
                        "^[a-z0-9]+(-[a-z0-9]+)*$" => t.split('-').all(|w| {
                            !w.is_empty()
                                && w.bytes()
                                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
                        }),
                        "\\S" => t.chars().any(|c| !c.is_whitespace()),
                        other => panic!("unsupported pattern {other}"),
                    };
                    if !ok {
                        err!(format!("does not match {kw}"));
                    }
                }
            }
            "minimum" | "maximum" | "exclusiveMinimum" => {
                if let Some(x) = v.as_f64() {
                    let n = kw.as_f64().unwrap();
                    let ok = match k.as_str() {
                        "minimum" => x >= n,
                        "maximum" => x <= n,
                        _ => x > n,
                    };
                    if !ok {
                        err!(format!("{k} {n}"));
                    }
                }
            }
            "oneOf" => {
                let passing = kw
                    .as_array()
                    .unwrap()
                    .iter()
                    .filter(|sub| {
                        let mut e = Vec::new();
                        check(root, sub, v, at, &mut e);
                        e.is_empty()
                    })
                    .count();
                if passing != 1 {
                    err!(format!("matches {passing} of oneOf"));
                }
            }
            other => panic!("the test's schema checker does not know {other:?}"),
        }
    }
}

fn schema_errors(doc: &Value) -> Vec<String> {
    let root = schema();
    let mut errors = Vec::new();
    check(&root, &root, doc, "", &mut errors);
    errors
}

#[test]
fn the_schema_is_draft_2020_12_and_accepts_what_the_parser_accepts() {
    let s = schema();
    assert_eq!(
        s["$schema"],
        json!("https://json-schema.org/draft/2020-12/schema")
    );
    // The fixture and the made-up definitions.
    assert_eq!(schema_errors(&fixture()), Vec::<String>::new());
    let demos = json!({"instruments": [demo(), demo_converted()]});
    assert_eq!(schema_errors(&demos), Vec::<String>::new());
    // Every open built-in in its serde form (as a new instrument would be written).
    for id in ["ons4", "ucla3", "ons-loneliness", "phq9", "gad7", "phq4"] {
        let doc = json!({"instruments": [serde_json::to_value(builtin(id).unwrap()).unwrap()]});
        assert_eq!(schema_errors(&doc), Vec::<String>::new(), "{id}");
    }
}

#[test]
fn the_schema_refuses_what_the_parser_refuses_as_malformed() {
    let edits: Vec<fn(&mut Value)> = vec![
        |d| d["colour"] = json!("blue"),
        |d| d["items"][0]["colour"] = json!("blue"),
        |d| d["items"][0]["options"][0]["value"] = json!("one"),
        |d| d["scoring"]["rule"] = json!("mean"),
        |d| d["scoring"]["extra"] = json!(1),
        |d| d["recall_period"] = json!("last-fortnight"),
        |d| d["meaningful_change"]["kind"] = json!("maybe"),
        |d| {
            d.as_object_mut().unwrap().remove("licence_kind");
        },
        |d| {
            d["items"][0].as_object_mut().unwrap().remove("short_label");
        },
        |d| d["items"][0]["reverse"] = json!("yes"),
        |d| d["risk"][0]["at_least"] = json!(1.5),
        |d| d["scoring"]["subscales"][0]["items"] = json!("demo-1"),
        |d| d["scoring"] = json!({"rule": "none", "bands": []}),
    ];
    for (n, edit) in edits.into_iter().enumerate() {
        let mut d = demo();
        edit(&mut d);
        let text = file(vec![d.clone()]);
        assert!(
            matches!(parse_definitions(&text), Err(DefinitionError::Malformed(_))),
            "edit {n}: parser"
        );
        assert!(
            !schema_errors(&json!({"instruments": [d]})).is_empty(),
            "edit {n}: schema"
        );
    }
    // And the file shape.
    assert!(!schema_errors(&json!([])).is_empty());
    assert!(!schema_errors(&json!({"instruments": [], "extra": 1})).is_empty());
}
