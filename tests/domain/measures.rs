//! Resolving `data-measures` against the built-in instruments and the definitions a deployment
//! loaded from `data-instruments-url`.

use wellbeing_widget::domain::config::DEFAULT_MEASURES;
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
    let (got, problems) = resolve_measures(&ids(DEFAULT_MEASURES), &[]);
    assert_eq!(ids_of(&got), DEFAULT_MEASURES);
    assert!(problems.is_empty(), "{problems:?}");

    let order = ["phq9", "ons4", "gad7", "ons-loneliness", "phq4", "ucla3"];
    let (got, problems) = resolve_measures(&ids(&order), &[]);
    assert_eq!(ids_of(&got), order);
    assert!(problems.is_empty(), "{problems:?}");
    for i in &got {
        assert_eq!(Some(i), builtin(&i.id).as_ref(), "{} is the built-in", i.id);
        assert!(i.has_wording(), "{}", i.id);
    }
    assert_eq!(resolve_measures(&[], &[]), (vec![], vec![]));
}

#[test]
fn an_unknown_id_is_left_out_and_the_message_lists_the_built_ins() {
    let (got, problems) = resolve_measures(&ids(&["ons4", "k10", "phq9", "not-a-measure"]), &[]);
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
    let (_, problems) = resolve_measures(&[long], &[]);
    match &problems[..] {
        [MeasureProblem::Unknown { id, .. }] => assert_eq!(id.len(), 40),
        other => panic!("{other:?}"),
    }
}

#[test]
fn licensed_measures_without_a_definitions_file_need_their_wording() {
    let (got, problems) = resolve_measures(&ids(&["ons4", "wemwbs", "swemwbs"]), &[]);
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
    let (got, problems) = resolve_measures(&ids(&["wemwbs", "ons4", "swemwbs"]), &loaded);
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
    let (got, _) = resolve_measures(&ids(&["ucla3"]), &[fake]);
    assert_eq!(got, [ucla3()]);

    // A new instrument from the file resolves by its id.
    let mut new = ucla3();
    new.id = "local-loneliness".into();
    let (got, problems) = resolve_measures(
        &ids(&["local-loneliness", "ons4"]),
        std::slice::from_ref(&new),
    );
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(ids_of(&got), ["local-loneliness", "ons4"]);
    assert_eq!(got[0], new);
}
