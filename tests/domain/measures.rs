//! Resolving `data-measures` against the built-in instruments and the definitions a deployment
//! loaded from `data-instruments-url`.

use wellbeing_widget::domain::config::{DEFAULT_MEASURES, DEFAULT_MINIMUM_AGE};
use wellbeing_widget::domain::instrument::{
    BUILTIN_IDS, Instrument, builtin, parse_definitions, ucla3,
};
use wellbeing_widget::domain::measures::{MeasureProblem, resolve_measures};

fn ids(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

fn ids_of(instruments: &[Instrument]) -> Vec<&str> {
    instruments.iter().map(|i| i.id.as_str()).collect()
}

/// The example licensed deployment file (placeholder wording for WEMWBS and SWEMWBS).
fn licensed_file() -> Vec<Instrument> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/wemwbs-definitions.example.json");
    let json = std::fs::read_to_string(path).expect("the fixture exists");
    parse_definitions(&json).expect("the fixture is a valid definitions file")
}

#[test]
fn measures_resolve_in_the_order_given() {
    let (got, problems) = resolve_measures(&ids(DEFAULT_MEASURES), &[], DEFAULT_MINIMUM_AGE);
    assert_eq!(ids_of(&got), DEFAULT_MEASURES);
    assert!(problems.is_empty(), "{problems:?}");

    let order = ["phq9", "ons4", "gad7", "ons-loneliness", "phq4", "ucla3"];
    let (got, problems) = resolve_measures(&ids(&order), &[], DEFAULT_MINIMUM_AGE);
    assert_eq!(ids_of(&got), order);
    assert!(problems.is_empty(), "{problems:?}");
    for i in &got {
        assert_eq!(Some(i), builtin(&i.id).as_ref(), "{} is the built-in", i.id);
        assert!(i.has_wording(), "{}", i.id);
    }
    assert_eq!(
        resolve_measures(&[], &[], DEFAULT_MINIMUM_AGE),
        (vec![], vec![])
    );
}

#[test]
fn an_unknown_id_is_left_out_and_the_message_lists_the_built_ins() {
    let (got, problems) = resolve_measures(
        &ids(&["ons4", "k10", "phq9", "not-a-measure"]),
        &[],
        DEFAULT_MINIMUM_AGE,
    );
    assert_eq!(ids_of(&got), ["ons4", "phq9"]);
    let known = BUILTIN_IDS.join(", ");
    assert_eq!(
        problems,
        [
            MeasureProblem::Unknown {
                id: "k10".into(),
                known: known.clone()
            },
            MeasureProblem::Unknown {
                id: "not-a-measure".into(),
                known: known.clone()
            },
        ]
    );
    let msg = problems[0].to_string();
    assert!(
        msg.contains("data-measures") && msg.contains("\"k10\""),
        "{msg}"
    );
    assert!(msg.contains("left out"), "{msg}");
    assert!(msg.contains("data-instruments-url"), "{msg}");
    for id in BUILTIN_IDS {
        assert!(msg.contains(id), "{id} is listed in: {msg}");
    }

    // A very long id is cut short.
    let long = "x".repeat(200);
    let (_, problems) = resolve_measures(&[long], &[], DEFAULT_MINIMUM_AGE);
    match &problems[..] {
        [MeasureProblem::Unknown { id, .. }] => assert_eq!(id.len(), 40),
        other => panic!("{other:?}"),
    }
}

#[test]
fn licensed_measures_without_a_definitions_file_need_their_wording() {
    let (got, problems) = resolve_measures(
        &ids(&["ons4", "wemwbs", "swemwbs"]),
        &[],
        DEFAULT_MINIMUM_AGE,
    );
    assert_eq!(ids_of(&got), ["ons4"]);
    assert_eq!(
        problems,
        [
            MeasureProblem::NeedsWording("wemwbs".into()),
            MeasureProblem::NeedsWording("swemwbs".into()),
        ]
    );
    let msg = problems[0].to_string();
    assert!(
        msg.contains("\"wemwbs\"")
            && msg.contains("licensed")
            && msg.contains("data-instruments-url"),
        "{msg}"
    );
    assert!(msg.contains("left out"), "{msg}");
}

#[test]
fn licensed_measures_resolve_with_the_wording_from_the_definitions_file() {
    let loaded = licensed_file();
    let (got, problems) = resolve_measures(
        &ids(&["wemwbs", "ons4", "swemwbs"]),
        &loaded,
        DEFAULT_MINIMUM_AGE,
    );
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(ids_of(&got), ["wemwbs", "ons4", "swemwbs"]);
    let wemwbs = &got[0];
    assert!(wemwbs.has_wording() && !wemwbs.requires_wording());
    assert_eq!(wemwbs.items.len(), 14);
    assert!(
        wemwbs.items[0]
            .text
            .contains("licensed wording supplied by the deployment"),
        "the wording is the file's"
    );
    // Everything but the wording is the built-in definition.
    let builtin_wemwbs = builtin("wemwbs").unwrap();
    assert_eq!(wemwbs.version, builtin_wemwbs.version);
    assert_eq!(wemwbs.scoring, builtin_wemwbs.scoring);
    assert_eq!(got[2].items.len(), 7);
    assert!(got[2].has_wording());
}

#[test]
fn a_loaded_file_cannot_replace_an_open_built_in_and_may_add_new_instruments() {
    // An open built-in always resolves to the built-in, whatever was loaded.
    let mut fake = ucla3();
    fake.title = "Something else".into();
    let (got, _) = resolve_measures(&ids(&["ucla3"]), &[fake], DEFAULT_MINIMUM_AGE);
    assert_eq!(got, [ucla3()]);

    // A new instrument from the file resolves by its id.
    let mut new = ucla3();
    new.id = "local-loneliness".into();
    let (got, problems) = resolve_measures(
        &ids(&["local-loneliness", "ons4"]),
        std::slice::from_ref(&new),
        DEFAULT_MINIMUM_AGE,
    );
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(ids_of(&got), ["local-loneliness", "ons4"]);
    assert_eq!(got[0], new);
}

#[test]
fn a_measure_validated_only_for_older_people_than_the_minimum_age_is_left_out() {
    let asked = ids(&["ons4", "phq9", "ucla3", "ons-loneliness", "gad7"]);
    let (got, problems) = resolve_measures(&asked, &[], 12);
    assert_eq!(ids_of(&got), ["phq9", "gad7"]);
    let below = |id: &str| MeasureProblem::BelowValidatedAge {
        id: id.into(),
        validated: 16,
        minimum: 12,
    };
    assert_eq!(
        problems,
        [below("ons4"), below("ucla3"), below("ons-loneliness")]
    );
    assert_eq!(
        problems[0].to_string(),
        "data-measures names \"ons4\", which is validated for people aged 16 and over, but \
         data-minimum-age lets people aged 12 use the form; it has been left out"
    );

    // At or above the validated age, everything is asked.
    for minimum in [16, 18, 99] {
        let (got, problems) = resolve_measures(&asked, &[], minimum);
        assert_eq!(got.len(), 5, "{minimum}");
        assert!(problems.is_empty(), "{minimum}: {problems:?}");
    }
    // 15 is still too young for the 16+ measures.
    let (got, _) = resolve_measures(&asked, &[], 15);
    assert_eq!(ids_of(&got), ["phq9", "gad7"]);

    // Licensed instruments from a file keep the built-in's validated age.
    let (got, problems) =
        resolve_measures(&ids(&["wemwbs", "swemwbs", "phq4"]), &licensed_file(), 14);
    assert_eq!(ids_of(&got), ["phq4"]);
    assert_eq!(problems.len(), 2, "{problems:?}");

    // The default self-referral set with the youngest minimum age asks no measure at all.
    let (got, problems) = resolve_measures(&ids(DEFAULT_MEASURES), &[], 10);
    assert!(got.is_empty());
    assert_eq!(problems.len(), 3);
}
