//! The exact text of what the follow-up build keeps on a link worker's tablet (the history of
//! visits, the visit being recorded) and what it reads back from stored texts and queued bodies.
//!
//! Histories and visits already on tablets must keep loading, and what this build writes must be
//! what earlier builds wrote: the expected texts below were captured from the serde
//! implementation before the follow-up moved to `domain::json` (issue 6). The stored visit and
//! the queue's peek at a body were then in the browser-only `ui` layer; `old` below is a verbatim
//! copy of their serde forms, kept as the reference.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::stored::check;
use std::collections::BTreeMap;
use wellbeing_widget::domain::follow_up::stored_visit::StoredVisit;
use wellbeing_widget::domain::follow_up::{
    BaselineSource, ClientReference, History, MeasureChange, Notes, RecordedBaseline, ScoreChange,
    Timepoint, Visit, queued_visit,
};
use wellbeing_widget::domain::payload::{AnswerOut, Measure};
use wellbeing_widget::domain::referral::SimpleDate;
use wellbeing_widget::domain::scoring::{ItemScore, Score, SubscaleScore, Trend};

/// The serde forms the widget used before (copied from `src/ui/follow_up/persist.rs` and
/// `src/ui/follow_up/queue.rs`).
mod old {
    use super::*;
    use serde::{Deserialize, Serialize};

    #[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct StoredVisit {
        pub version: u32,
        pub saved_at_ms: u64,
        pub page: String,
        pub reference: String,
        pub timepoint_code: String,
        pub other_day: String,
        pub other_month: String,
        pub other_year: String,
        pub consent: bool,
        pub records: BTreeMap<String, String>,
        pub answers: BTreeMap<String, BTreeMap<String, i64>>,
        pub notes: String,
    }

    #[derive(Deserialize)]
    pub struct Peek {
        pub client_reference: Option<ClientReference>,
        pub timepoint: Option<Timepoint>,
    }

    pub fn write_visit(v: &StoredVisit) -> String {
        serde_json::to_string(v).unwrap()
    }

    pub fn read_visit(text: &str) -> Option<StoredVisit> {
        serde_json::from_str(text).ok()
    }

    /// What the queue showed for a body.
    pub fn what(body: &str) -> String {
        match serde_json::from_str::<Peek>(body) {
            Ok(Peek {
                client_reference: Some(c),
                timepoint: Some(t),
            }) => format!("{c} – {}", t.label()),
            _ => "A visit".to_owned(),
        }
    }
}

/// Text with every kind of character the writer treats specially.
const AWKWARD: &str =
    "Zoë \"Z\" O'Brien \\ / <b>&</b>\n\tline\r\u{1}\u{8}\u{c}\u{1f}\u{7f} 😀 \u{2028}";

fn date(s: &str) -> SimpleDate {
    SimpleDate::parse_iso(s).unwrap()
}

fn client(s: &str) -> ClientReference {
    ClientReference::parse(s, None).unwrap()
}

fn empty_score() -> Score {
    Score {
        total: None,
        metric: None,
        band: None,
        subscales: vec![],
        items: vec![],
    }
}

fn measures() -> Vec<Measure> {
    let answers = |n: usize| {
        (1..=n)
            .map(|i| AnswerOut {
                item: format!("q{i}"),
                value: (i as i64) % 4,
            })
            .collect()
    };
    vec![
        Measure {
            instrument: "phq9".into(),
            version: "1".into(),
            answers: answers(9),
            score: Some(Score {
                total: Some(14),
                band: Some("moderate".into()),
                ..empty_score()
            }),
            change: None,
        },
        Measure {
            instrument: "swemwbs".into(),
            version: "1".into(),
            answers: answers(7),
            score: Some(Score {
                total: Some(21),
                metric: Some(23.21),
                ..empty_score()
            }),
            change: None,
        },
        Measure {
            instrument: "ons4".into(),
            version: "2".into(),
            answers: answers(3),
            score: Some(Score {
                items: vec![
                    ItemScore {
                        item: "satisfaction".into(),
                        value: 7,
                        band: Some("high".into()),
                    },
                    ItemScore {
                        item: "anxious".into(),
                        value: 0,
                        band: None,
                    },
                ],
                ..empty_score()
            }),
            change: None,
        },
        Measure {
            instrument: "phq4".into(),
            version: "1".into(),
            answers: answers(4),
            score: Some(Score {
                total: Some(5),
                band: Some("mild".into()),
                subscales: vec![
                    SubscaleScore {
                        id: "anxiety".into(),
                        total: 3,
                        positive: Some(true),
                    },
                    SubscaleScore {
                        id: "depression".into(),
                        total: 2,
                        positive: None,
                    },
                ],
                ..empty_score()
            }),
            change: None,
        },
        Measure {
            instrument: "ons-loneliness".into(),
            version: "1".into(),
            answers: answers(1),
            score: None,
            change: None,
        },
        Measure {
            instrument: "ucla3".into(),
            version: "1".into(),
            answers: vec![],
            score: Some(empty_score()),
            change: None,
        },
    ]
}

fn with_change() -> Measure {
    Measure {
        instrument: "swemwbs".into(),
        version: "1".into(),
        answers: vec![],
        score: Some(Score {
            metric: Some(19.25),
            ..empty_score()
        }),
        change: Some(MeasureChange {
            baseline_source: BaselineSource::Records,
            scores: vec![
                ScoreChange {
                    of: "metric".into(),
                    baseline: 23.21,
                    now: 19.25,
                    change: -3.96,
                    trend: Some(Trend::Worse),
                    threshold: Some(3.0),
                    meaningful: Some(true),
                },
                ScoreChange {
                    of: "x".into(),
                    baseline: 7.0,
                    now: 7.0,
                    change: 0.0,
                    trend: None,
                    threshold: None,
                    meaningful: None,
                },
                ScoreChange {
                    of: "y".into(),
                    baseline: -0.5,
                    now: 100.0,
                    change: 100.5,
                    trend: Some(Trend::Same),
                    threshold: Some(0.25),
                    meaningful: Some(false),
                },
            ],
        }),
    }
}

fn visit(c: &str, timepoint: Timepoint, d: &str) -> Visit {
    Visit {
        client: client(c),
        timepoint,
        date: date(d),
        measures: measures(),
        consent_confirmed: true,
        notes: None,
    }
}

fn histories() -> Vec<(String, History)> {
    let mut out = vec![("empty".to_owned(), History::new())];
    let timepoints = [
        Timepoint::Baseline,
        Timepoint::SixWeeks,
        Timepoint::ThreeMonths,
        Timepoint::SixMonths,
        Timepoint::Other(date("2026-05-01")),
    ];
    for t in timepoints {
        let mut h = History::new();
        h.add(visit("ABC-12345", t, "2026-05-01"));
        out.push((t.code().to_owned(), h));
    }
    let mut full = History::new();
    let mut v = visit("ABC-12345", Timepoint::Baseline, "2026-01-31");
    v.notes = Notes::parse(AWKWARD).unwrap();
    full.add(v);
    let mut v = visit("LW-0", Timepoint::Other(date("2024-02-29")), "2024-02-29");
    v.consent_confirmed = false;
    v.measures = vec![];
    v.notes = Notes::parse("é").unwrap();
    full.add(v);
    let mut v = visit("ABC-12345", Timepoint::SixWeeks, "2026-03-14");
    v.measures = vec![with_change()];
    full.add(v);
    full.record_baseline(RecordedBaseline {
        client: client("ABCDEFGHIJKLMNOPQRSTUVWXYZ-12345"),
        instrument: "phq9".into(),
        score: Score {
            total: Some(27),
            band: Some("severe".into()),
            ..empty_score()
        },
        entered: date("9999-12-31"),
    });
    full.record_baseline(RecordedBaseline {
        client: client("LW-0"),
        instrument: "swemwbs".into(),
        score: Score {
            total: None,
            metric: Some(35.0),
            ..empty_score()
        },
        entered: date("0001-01-01"),
    });
    full.record_baseline(RecordedBaseline {
        client: client("LW-0"),
        instrument: AWKWARD.into(),
        score: empty_score(),
        entered: date("2026-05-01"),
    });
    out.push(("full".to_owned(), full));
    let mut only_recorded = History::new();
    only_recorded.record_baseline(RecordedBaseline {
        client: client("Z"),
        instrument: "swemwbs".into(),
        score: Score {
            total: Some(7),
            metric: Some(7.0),
            ..empty_score()
        },
        entered: date("2026-05-01"),
    });
    out.push(("only recorded".to_owned(), only_recorded));
    out
}

fn stored_visit() -> old::StoredVisit {
    old::StoredVisit {
        version: 1,
        saved_at_ms: 1_800_000_000_000,
        page: "details".into(),
        reference: String::new(),
        timepoint_code: String::new(),
        other_day: String::new(),
        other_month: String::new(),
        other_year: String::new(),
        consent: false,
        records: BTreeMap::new(),
        answers: BTreeMap::new(),
        notes: String::new(),
    }
}

fn stored_visits() -> Vec<(String, old::StoredVisit)> {
    let mut full = stored_visit();
    full.saved_at_ms = u64::MAX;
    full.page = "measure-2".into();
    full.reference = format!(" abc-12345 {AWKWARD}");
    full.timepoint_code = "other".into();
    full.other_day = "31".into();
    full.other_month = "ü".into();
    full.other_year = AWKWARD.into();
    full.consent = true;
    full.records = BTreeMap::from([
        ("phq9".into(), "14".into()),
        ("ons4-happy".into(), " 7 ".into()),
        ("swemwbs".into(), "23.21".into()),
        (AWKWARD.into(), AWKWARD.into()),
    ]);
    full.answers = BTreeMap::from([
        (
            "phq9".into(),
            BTreeMap::from([("phq9-1".into(), 0), ("phq9-9".into(), 3)]),
        ),
        ("ucla3".into(), BTreeMap::new()),
        (
            "ons4".into(),
            BTreeMap::from([
                ("worthwhile".into(), 10),
                ("anxious".into(), i64::MIN),
                ("happy".into(), i64::MAX),
            ]),
        ),
    ]);
    full.notes = AWKWARD.into();
    let mut check = stored_visit();
    check.page = "check".into();
    check.saved_at_ms = 0;
    check.reference = "ABC-12345".into();
    check.timepoint_code = "6-weeks".into();
    check.consent = true;
    vec![
        ("empty".to_owned(), stored_visit()),
        ("full".to_owned(), full),
        ("check".to_owned(), check),
    ]
}

fn read_history(text: &str) -> String {
    match History::from_json(text) {
        Ok(h) => format!("Ok {}", h.to_json()),
        Err(_) => "Err".to_owned(),
    }
}

fn read_old_visit(text: &str) -> String {
    match old::read_visit(text) {
        Some(v) => format!("Ok {}", old::write_visit(&v)),
        None => "Err".to_owned(),
    }
}

fn read_visit(text: &str) -> String {
    match StoredVisit::from_json(text) {
        Some(v) => format!("Ok {}", v.to_json()),
        None => "Err".to_owned(),
    }
}

/// The stored visit in this build's form.
fn new_form(v: &old::StoredVisit) -> StoredVisit {
    StoredVisit {
        version: v.version,
        saved_at_ms: v.saved_at_ms,
        page: v.page.clone(),
        reference: v.reference.clone(),
        timepoint_code: v.timepoint_code.clone(),
        other_day: v.other_day.clone(),
        other_month: v.other_month.clone(),
        other_year: v.other_year.clone(),
        consent: v.consent,
        // Not in key order: the writer puts them in order.
        records: v
            .records
            .iter()
            .rev()
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect(),
        answers: v
            .answers
            .iter()
            .rev()
            .map(|(k, a)| {
                (
                    k.clone(),
                    a.iter().rev().map(|(i, n)| (i.clone(), *n)).collect(),
                )
            })
            .collect(),
        notes: v.notes.clone(),
    }
}

/// What the queue shows for a body.
fn what(body: &str) -> String {
    match queued_visit(body) {
        Some((c, t)) => format!("{c} – {}", t.label()),
        None => "A visit".to_owned(),
    }
}

#[test]
fn histories_are_written_exactly_as_before() {
    let written: Vec<(String, String)> = histories()
        .into_iter()
        .map(|(name, h)| (name, h.to_json()))
        .collect();
    check("HISTORIES", HISTORIES, written);
    for (name, h) in histories() {
        assert_eq!(History::from_json(&h.to_json()).unwrap(), h, "{name}");
        // The serde derives stay for the native tests: they must keep writing the same text.
        assert_eq!(serde_json::to_string(&h).unwrap(), h.to_json(), "{name}");
    }
}

#[test]
fn stored_visits_are_written_exactly_as_before() {
    let written: Vec<(String, String)> = stored_visits()
        .into_iter()
        .map(|(name, v)| (name, new_form(&v).to_json()))
        .collect();
    check("STORED_VISITS", STORED_VISITS, written);
    for (name, v) in stored_visits() {
        assert_eq!(old::write_visit(&v), new_form(&v).to_json(), "{name}");
        let back = StoredVisit::from_json(&old::write_visit(&v)).unwrap();
        assert_eq!(back.to_json(), old::write_visit(&v), "{name}");
    }
}

/// A history of one visit, with `measure` (the text of one measure) as its only measure.
fn history_with_measure(measure: &str) -> String {
    format!(
        r#"{{"visits":[{{"client":"ABC-1","timepoint":{{"code":"baseline"}},"date":"2026-05-01","measures":[{measure}],"consent_confirmed":true}}]}}"#
    )
}

/// A history of one visit with a measure whose score is `score`.
fn history_with_score(score: &str) -> String {
    history_with_measure(&format!(
        r#"{{"instrument":"phq9","version":"1","answers":[],"score":{score}}}"#
    ))
}

/// A history of one visit whose fields are those of `VISIT` with `from` replaced by `to`.
fn history_with_visit(from: &str, to: &str) -> String {
    let text = history_with_measure("");
    assert!(text.contains(from), "{from}");
    text.replacen(from, to, 1)
}

/// A history with one typed-in baseline, `recorded` (its text).
fn history_with_recorded(recorded: &str) -> String {
    format!(r#"{{"visits":[],"recorded":[{recorded}]}}"#)
}

fn history_inputs() -> Vec<String> {
    let mut out: Vec<String> = [
        r#"{"visits":[]}"#,
        r#" { "visits" : [ ] , "recorded" : [ ] } "#,
        r#"{"recorded":[],"visits":[]}"#,
        r#"{}"#,
        r#"{"visits":null}"#,
        r#"{"visits":{}}"#,
        r#"{"recorded":[]}"#,
        r#"{"visits":[],"recorded":null}"#,
        r#"{"visits":[],"extra":1}"#,
        r#"{"visits":[],"visits":[]}"#,
        r#"[]"#,
        r#"null"#,
        r#""visits""#,
        "",
        "{",
        r#"{"visits":[]}x"#,
        r#"{"visits":[null]}"#,
        r#"{"visits":[{}]}"#,
    ]
    .map(str::to_owned)
    .to_vec();
    let visit_changes = [
        (r#""client":"ABC-1""#, r#""client":"abc-1""#),
        (r#""client":"ABC-1""#, r#""client":"ZOË-1""#),
        (r#""client":"ABC-1""#, r#""client":"AB\u0043-1""#),
        (r#""client":"ABC-1""#, r#""client":"ABC 1""#),
        (r#""client":"ABC-1""#, r#""client":"""#),
        (
            r#""client":"ABC-1""#,
            r#""client":"ABCDEFGHIJKLMNOPQRSTUVWXYZ-123456""#,
        ),
        (r#""client":"ABC-1""#, r#""client":1"#),
        (r#""client":"ABC-1""#, r#""client":null"#),
        (r#""client":"ABC-1","#, ""),
        (r#""code":"baseline""#, r#""code":"6-weeks""#),
        (r#""code":"baseline""#, r#""code":"3-months""#),
        (r#""code":"baseline""#, r#""code":"6-months""#),
        (r#""code":"baseline""#, r#""code":" 6-months ""#),
        (r#""code":"baseline""#, r#""code":"Baseline""#),
        (r#""code":"baseline""#, r#""code":"""#),
        (r#""code":"baseline""#, r#""code":"other""#),
        (
            r#""code":"baseline""#,
            r#""code":"other","date":"2026-04-30""#,
        ),
        (
            r#""code":"baseline""#,
            r#""date":"2026-04-30","code":"other""#,
        ),
        (
            r#""code":"baseline""#,
            r#""code":"other","date":"2026-02-30""#,
        ),
        (
            r#""code":"baseline""#,
            r#""code":"other","date":"2026-4-30""#,
        ),
        (r#""code":"baseline""#, r#""code":"other","date":null"#),
        (
            r#""code":"baseline""#,
            r#""code":"baseline","date":"2026-04-30""#,
        ),
        (r#""code":"baseline""#, r#""code":"baseline","date":null"#),
        (r#""code":"baseline""#, r#""code":"baseline","note":1"#),
        (r#""code":"baseline""#, r#""code":null"#),
        (r#"{"code":"baseline"}"#, r#""baseline""#),
        (r#"{"code":"baseline"}"#, r#"null"#),
        (r#""date":"2026-05-01""#, r#""date":"2026-05-01T00:00:00Z""#),
        (r#""date":"2026-05-01""#, r#""date":"0000-01-01""#),
        (r#""date":"2026-05-01""#, r#""date":20260501"#),
        (r#""measures":[]"#, r#""measures":null"#),
        (r#""measures":[]"#, r#""measures":{}"#),
        (
            r#""consent_confirmed":true"#,
            r#""consent_confirmed":false"#,
        ),
        (
            r#""consent_confirmed":true"#,
            r#""consent_confirmed":"true""#,
        ),
        (r#""consent_confirmed":true"#, r#""consent_confirmed":null"#),
        (r#","consent_confirmed":true"#, ""),
        (
            r#""consent_confirmed":true"#,
            r#""consent_confirmed":true,"notes":null"#,
        ),
        (
            r#""consent_confirmed":true"#,
            r#""consent_confirmed":true,"notes":"Met at home""#,
        ),
        (
            r#""consent_confirmed":true"#,
            r#""consent_confirmed":true,"notes":" Met\tat \"home\"\u00e9\ud83d\ude00\/ ""#,
        ),
        (
            r#""consent_confirmed":true"#,
            r#""consent_confirmed":true,"notes":"""#,
        ),
        (
            r#""consent_confirmed":true"#,
            r#""consent_confirmed":true,"notes":"  \n ""#,
        ),
        (
            r#""consent_confirmed":true"#,
            r#""consent_confirmed":true,"notes":5"#,
        ),
        (
            r#""consent_confirmed":true"#,
            r#""consent_confirmed":true,"extra":{}"#,
        ),
        (
            r#""consent_confirmed":true"#,
            r#""consent_confirmed":true,"client":"ABC-2""#,
        ),
    ];
    for (from, to) in visit_changes {
        out.push(history_with_visit(from, to));
    }
    let long_notes = format!(r#""consent_confirmed":true,"notes":"{}""#, "é".repeat(500));
    out.push(history_with_visit(
        r#""consent_confirmed":true"#,
        &long_notes,
    ));
    let too_long = format!(r#""consent_confirmed":true,"notes":"{}""#, "é".repeat(501));
    out.push(history_with_visit(r#""consent_confirmed":true"#, &too_long));
    let measures = [
        r#"{"instrument":"phq9","version":"1","answers":[{"item":"phq9-1","value":2}],"score":null}"#,
        r#"{"instrument":"phq9","version":"1","answers":[]}"#,
        r#"{"instrument":"phq9","answers":[],"score":null}"#,
        r#"{"instrument":"phq9","version":1,"answers":[],"score":null}"#,
        r#"{"instrument":"phq9","version":"1","answers":null,"score":null}"#,
        r#"{"instrument":"phq9","version":"1","answers":[{"item":"phq9-1","value":2.0}],"score":null}"#,
        r#"{"instrument":"phq9","version":"1","answers":[{"item":"phq9-1","value":-9223372036854775808}],"score":null}"#,
        r#"{"instrument":"phq9","version":"1","answers":[{"item":"phq9-1","value":9223372036854775808}],"score":null}"#,
        r#"{"instrument":"phq9","version":"1","answers":[{"item":"phq9-1"}],"score":null}"#,
        r#"{"instrument":"phq9","version":"1","answers":[{"item":"phq9-1","value":1,"band":null}],"score":null}"#,
        r#"{"instrument":"phq9","version":"1","answers":[],"score":null,"change":null}"#,
        r#"{"instrument":"phq9","version":"1","answers":[],"score":null,"extra":null}"#,
        r#"{"instrument":"swemwbs","version":"1","answers":[],"score":{"metric":19.25},"change":{"baseline_source":"device","scores":[{"of":"metric","baseline":23.21,"now":19.25,"change":-3.96,"trend":"worse","threshold":3.0,"meaningful":true}]}}"#,
        r#"{"instrument":"swemwbs","version":"1","answers":[],"score":{"metric":19.25},"change":{"baseline_source":"records","scores":[]}}"#,
        r#"{"instrument":"swemwbs","version":"1","answers":[],"score":null,"change":{"baseline_source":"records","scores":[{"of":"metric","baseline":23,"now":1e1,"change":-13}]}}"#,
        r#"{"instrument":"swemwbs","version":"1","answers":[],"score":null,"change":{"baseline_source":"records","scores":[{"of":"metric","baseline":1,"now":1,"change":0,"trend":null,"threshold":null,"meaningful":null}]}}"#,
        r#"{"instrument":"swemwbs","version":"1","answers":[],"score":null,"change":{"baseline_source":"Records","scores":[]}}"#,
        r#"{"instrument":"swemwbs","version":"1","answers":[],"score":null,"change":{"baseline_source":"records"}}"#,
        r#"{"instrument":"swemwbs","version":"1","answers":[],"score":null,"change":{"baseline_source":"records","scores":[],"x":1}}"#,
        r#"{"instrument":"swemwbs","version":"1","answers":[],"score":null,"change":{"baseline_source":"records","scores":[{"of":"metric","baseline":1,"now":1,"change":0,"trend":"better!"}]}}"#,
        r#"{"instrument":"swemwbs","version":"1","answers":[],"score":null,"change":{"baseline_source":"records","scores":[{"of":"metric","baseline":"1","now":1,"change":0}]}}"#,
        r#"{"instrument":"swemwbs","version":"1","answers":[],"score":null,"change":{"baseline_source":"records","scores":[{"of":"metric","baseline":1,"now":1,"change":0,"meaningful":1}]}}"#,
        r#"{"instrument":"swemwbs","version":"1","answers":[],"score":null,"change":{"baseline_source":"records","scores":[{"of":"metric","baseline":1,"now":1,"change":0,"size":1}]}}"#,
        r#"{"instrument":"swemwbs","version":"1","answers":[],"score":null,"change":{"baseline_source":"records","scores":[{"baseline":1,"now":1,"change":0}]}}"#,
        "[]",
        "null",
    ];
    for m in measures {
        out.push(history_with_measure(m));
    }
    let scores = [
        r#"{}"#,
        r#"{"total":14,"band":"moderate"}"#,
        r#"{"band":"moderate","total":14}"#,
        r#"{"total":null,"metric":null,"band":null}"#,
        r#"{"total":-1}"#,
        r#"{"total":14.0}"#,
        r#"{"total":"14"}"#,
        r#"{"total":9223372036854775807}"#,
        r#"{"total":9223372036854775808}"#,
        r#"{"metric":23.21}"#,
        r#"{"metric":23}"#,
        r#"{"metric":-0.5}"#,
        r#"{"metric":2.321e1}"#,
        r#"{"metric":17.98,"total":21}"#,
        r#"{"metric":0.1}"#,
        r#"{"metric":"23.21"}"#,
        r#"{"metric":1e400}"#,
        r#"{"band":5}"#,
        r#"{"subscales":[]}"#,
        r#"{"subscales":null}"#,
        r#"{"subscales":[{"id":"anxiety","total":3}]}"#,
        r#"{"subscales":[{"id":"anxiety","total":3,"positive":false}]}"#,
        r#"{"subscales":[{"id":"anxiety","total":3,"positive":null}]}"#,
        r#"{"subscales":[{"id":"anxiety","total":3,"positive":"no"}]}"#,
        r#"{"subscales":[{"id":"anxiety"}]}"#,
        r#"{"subscales":[{"id":"anxiety","total":3,"x":0}]}"#,
        r#"{"items":[]}"#,
        r#"{"items":null}"#,
        r#"{"items":[{"item":"happy","value":7,"band":"high"}]}"#,
        r#"{"items":[{"item":"happy","value":7}]}"#,
        r#"{"items":[{"item":"happy","value":7,"band":null}]}"#,
        r#"{"items":[{"item":"happy","value":7.5,"band":null}]}"#,
        r#"{"items":[{"value":7,"band":null}]}"#,
        r#"{"items":[{"item":"happy","value":7,"band":null,"x":1}]}"#,
        r#"{"items":{}}"#,
        r#"{"total":1,"extra":true}"#,
        r#"14"#,
    ];
    for s in scores {
        out.push(history_with_score(s));
    }
    let recorded = [
        r#"{"client":"ABC-1","instrument":"phq9","score":{"total":14},"entered":"2026-05-01"}"#,
        r#"{"entered":"2026-05-01","score":{"metric":23.21},"instrument":"swemwbs","client":"ABC-1"}"#,
        r#"{"client":"ABC-1","instrument":"phq9","score":{"total":14}}"#,
        r#"{"client":"ABC-1","instrument":"phq9","entered":"2026-05-01"}"#,
        r#"{"client":"ABC-1","instrument":"phq9","score":null,"entered":"2026-05-01"}"#,
        r#"{"client":"ABC-1","instrument":1,"score":{},"entered":"2026-05-01"}"#,
        r#"{"client":"abc-1","instrument":"phq9","score":{},"entered":"2026-05-01"}"#,
        r#"{"client":"ABC-1","instrument":"phq9","score":{},"entered":"2026-13-01"}"#,
        r#"{"client":"ABC-1","instrument":"phq9","score":{},"entered":"2026-05-01","source":"records"}"#,
        r#"null"#,
    ];
    for r in recorded {
        out.push(history_with_recorded(r));
    }
    out
}

#[test]
fn stored_histories_read_as_before() {
    let read: Vec<(String, String)> = history_inputs()
        .into_iter()
        .map(|text| {
            let r = read_history(&text);
            (text, r)
        })
        .collect();
    check("HISTORY_READS", HISTORY_READS, read);
    for text in history_inputs() {
        let serde_read = serde_json::from_str::<History>(&text)
            .map(|h| format!("Ok {}", serde_json::to_string(&h).unwrap()))
            .unwrap_or_else(|_| "Err".to_owned());
        assert_eq!(serde_read, read_history(&text), "{text}");
    }
}

fn visit_inputs() -> Vec<String> {
    let base = old::write_visit(&stored_visit());
    let mut out = vec![
        base.clone(),
        "".to_owned(),
        "{".to_owned(),
        "null".to_owned(),
        "{}".to_owned(),
        "[]".to_owned(),
        base.replacen('{', " {\n ", 1).replace(',', " ,\r\n\t"),
    ];
    let changes = [
        (r#""version":1"#, r#""version":2"#),
        (r#""version":1"#, r#""version":0"#),
        (r#""version":1"#, r#""version":-1"#),
        (r#""version":1"#, r#""version":1.0"#),
        (r#""version":1"#, r#""version":"1""#),
        (r#""version":1"#, r#""version":4294967295"#),
        (r#""version":1"#, r#""version":4294967296"#),
        (r#""version":1,"#, ""),
        (
            r#""saved_at_ms":1800000000000"#,
            r#""saved_at_ms":18446744073709551615"#,
        ),
        (
            r#""saved_at_ms":1800000000000"#,
            r#""saved_at_ms":18446744073709551616"#,
        ),
        (r#""saved_at_ms":1800000000000"#, r#""saved_at_ms":-1"#),
        (r#""saved_at_ms":1800000000000"#, r#""saved_at_ms":1.8e12"#),
        (r#""saved_at_ms":1800000000000"#, r#""saved_at_ms":null"#),
        (r#""page":"details""#, r#""page":"measure-7""#),
        (r#""page":"details""#, r#""page":"home""#),
        (r#""page":"details""#, r#""page":"""#),
        (r#""page":"details""#, r#""page":null"#),
        (r#""page":"details","#, ""),
        (r#""reference":"""#, r#""reference":"ABC-12345""#),
        (
            r#""reference":"""#,
            r#""reference":" zoë-\"1\"\n\u00e9\ud83d\ude00\u0000""#,
        ),
        (r#""reference":"""#, r#""reference":12345"#),
        (r#""reference":"""#, r#""reference":null"#),
        (r#""timepoint_code":"""#, r#""timepoint_code":"other""#),
        (r#""timepoint_code":"""#, r#""timepoint_code":["other"]"#),
        (
            r#""other_day":"","other_month":"","other_year":"""#,
            r#""other_day":"1","other_month":"5","other_year":"2026""#,
        ),
        (r#""other_day":"""#, r#""other_day":1"#),
        (r#""other_year":"","#, ""),
        (r#""consent":false"#, r#""consent":true"#),
        (r#""consent":false"#, r#""consent":0"#),
        (r#""consent":false"#, r#""consent":null"#),
        (
            r#""records":{}"#,
            r#""records":{"phq9":"14","ons4-happy":"7"}"#,
        ),
        (r#""records":{}"#, r#""records":{"phq9":14}"#),
        (r#""records":{}"#, r#""records":{"phq9":null}"#),
        (r#""records":{}"#, r#""records":[]"#),
        (r#""records":{}"#, r#""records":null"#),
        (
            r#""answers":{}"#,
            r#""answers":{"phq9":{"phq9-9":3,"phq9-1":0},"gad7":{}}"#,
        ),
        (r#""answers":{}"#, r#""answers":{"phq9":{"phq9-1":"0"}}"#),
        (r#""answers":{}"#, r#""answers":{"phq9":{"phq9-1":0.0}}"#),
        (r#""answers":{}"#, r#""answers":{"phq9":{"phq9-1":null}}"#),
        (
            r#""answers":{}"#,
            r#""answers":{"phq9":{"phq9-1":-9223372036854775809}}"#,
        ),
        (r#""answers":{}"#, r#""answers":{"phq9":[]}"#),
        (r#""answers":{}"#, r#""answers":{"phq9":null}"#),
        (r#""answers":{}"#, r#""answers":[]"#),
        (r#""notes":"""#, r#""notes":"Met at home\n\n\"ok\"""#),
        (r#""notes":"""#, r#""notes":null"#),
        (r#""notes":"""#, r#""notes":"","extra":1"#),
        (r#""notes":"""#, r#""notes":"","notes":"x""#),
        (r#","notes":"""#, ""),
    ];
    for (from, to) in changes {
        assert!(base.contains(from), "{from}");
        out.push(base.replacen(from, to, 1));
    }
    out
}

#[test]
fn stored_visits_read_as_before() {
    let read: Vec<(String, String)> = visit_inputs()
        .into_iter()
        .map(|text| {
            let r = read_visit(&text);
            (text, r)
        })
        .collect();
    check("STORED_VISIT_READS", STORED_VISIT_READS, read);
    for text in visit_inputs() {
        assert_eq!(read_old_visit(&text), read_visit(&text), "{text}");
    }
}

fn queued_bodies() -> Vec<String> {
    let start = r#"{"schema_version":"1","submission_id":"0f8fad5b-d9cb-469f-a165-70867728950e","submitted_at":"2026-05-01T10:00:00Z","mode":"follow-up""#;
    let rest = r#""visit_date":"2026-05-01","client_agreed":true,"measures":[{"instrument":"phq9","version":"1","answers":[],"score":null}],"risk":{"urgent":false,"reasons":[]}}"#;
    let body = |middle: &str| format!("{start},{middle},{rest}");
    vec![
        body(r#""client_reference":"ABC-12345","timepoint":{"code":"6-weeks"}"#),
        body(r#""client_reference":"ABC-12345","timepoint":{"code":"baseline"}"#),
        body(r#""client_reference":"ABC-12345","timepoint":{"code":"3-months"}"#),
        body(r#""client_reference":"LW-1","timepoint":{"code":"6-months"}"#),
        body(r#""client_reference":"LW-1","timepoint":{"code":"other","date":"2026-04-30"}"#),
        body(r#""timepoint":{"code":"6-weeks"},"client_reference":"ABC-12345""#),
        body(r#""client_reference":"ABC-12345""#),
        body(r#""timepoint":{"code":"6-weeks"}"#),
        body(r#""client_reference":null,"timepoint":{"code":"6-weeks"}"#),
        body(r#""client_reference":"ABC-12345","timepoint":null"#),
        body(r#""client_reference":"abc-12345","timepoint":{"code":"6-weeks"}"#),
        body(r#""client_reference":"ZOË","timepoint":{"code":"6-weeks"}"#),
        body(r#""client_reference":"ABC-12345","timepoint":{"code":"7-weeks"}"#),
        body(r#""client_reference":"ABC-12345","timepoint":{"code":"other"}"#),
        body(r#""client_reference":"ABC-12345","timepoint":{"code":"6-weeks","x":1}"#),
        body(r#""client_reference":"ABC-12345","timepoint":"6-weeks""#),
        body(r#""client_reference":1,"timepoint":{"code":"6-weeks"}"#),
        body(
            r#""client_reference":"ABC-12345","timepoint":{"code":"6-weeks"},"client_reference":"ABC-2""#,
        ),
        body(r#""client_reference":"ABC-12345","timepoint":{"code":"6-weeks"},"notes":"x\u00e9""#),
        r#"{"client_reference":"ABC-12345","timepoint":{"code":"6-weeks"}}"#.to_owned(),
        r#"{"schema_version":"1","mode":"self-referral","measures":[]}"#.to_owned(),
        r#"{"client_reference":"ABC-12345","timepoint":{"code":"6-weeks"}"#.to_owned(),
        "{}".to_owned(),
        "[]".to_owned(),
        "null".to_owned(),
        "".to_owned(),
        "<Bundle/>".to_owned(),
    ]
}

#[test]
fn queued_bodies_are_named_as_before() {
    let named: Vec<(String, String)> = queued_bodies()
        .into_iter()
        .map(|body| {
            let w = what(&body);
            (body, w)
        })
        .collect();
    check("QUEUED", QUEUED, named);
    for body in queued_bodies() {
        assert_eq!(old::what(&body), what(&body), "{body}");
    }
}

/// Where the reader refuses what the serde form read: texts this widget never wrote (objects with
/// a key twice, a struct given as a list, an enum as an object). Refusing them is safer than
/// guessing.
#[test]
fn where_the_reader_is_stricter_than_serde() {
    let old_history = |text: &str| {
        serde_json::from_str::<History>(text)
            .map(|h| serde_json::to_string(&h).unwrap())
            .ok()
    };
    let score_as_list = history_with_score("[]");
    for (text, serde_read) in [
        // A struct given as a list.
        (r#"[[]]"#.to_owned(), r#"{"visits":[]}"#),
        (
            history_with_visit(r#"{"code":"baseline"}"#, r#"["baseline"]"#),
            r#"{"visits":[{"client":"ABC-1","timepoint":{"code":"baseline"},"date":"2026-05-01","measures":[],"consent_confirmed":true}]}"#,
        ),
        (
            score_as_list,
            r#"{"visits":[{"client":"ABC-1","timepoint":{"code":"baseline"},"date":"2026-05-01","measures":[{"instrument":"phq9","version":"1","answers":[],"score":{}}],"consent_confirmed":true}]}"#,
        ),
        // An enum given as an object.
        (
            history_with_measure(
                r#"{"instrument":"swemwbs","version":"1","answers":[],"score":null,"change":{"baseline_source":{"records":null},"scores":[{"of":"metric","baseline":1.5,"now":1.5,"change":0.0,"trend":{"same":null}}]}}"#,
            ),
            r#"{"visits":[{"client":"ABC-1","timepoint":{"code":"baseline"},"date":"2026-05-01","measures":[{"instrument":"swemwbs","version":"1","answers":[],"score":null,"change":{"baseline_source":"records","scores":[{"of":"metric","baseline":1.5,"now":1.5,"change":0.0,"trend":"same","threshold":null,"meaningful":null}]}}],"consent_confirmed":true}]}"#,
        ),
    ] {
        assert_eq!(old_history(&text).as_deref(), Some(serde_read), "{text}");
        assert_eq!(read_history(&text), "Err", "{text}");
    }

    // serde kept the last of a record or an answer given twice, and read a visit given as a
    // list.
    let base = old::write_visit(&stored_visit());
    for text in [
        base.replacen(r#""records":{}"#, r#""records":{"phq9":"1","phq9":"2"}"#, 1),
        base.replacen(
            r#""answers":{}"#,
            r#""answers":{"phq9":{"phq9-1":1,"phq9-1":2}}"#,
            1,
        ),
        r#"[1,5,"details","","","","","",false,{},{},""]"#.to_owned(),
    ] {
        assert!(old::read_visit(&text).is_some(), "{text}");
        assert_eq!(read_visit(&text), "Err", "{text}");
    }

    // The queue's peek at a body: serde skipped what it did not need without checking it (a key
    // twice, a number beyond f64), and read a body given as a list.
    let named = "ABC-12345 – 6 weeks";
    for body in [
        r#"{"client_reference":"ABC-12345","timepoint":{"code":"6-weeks"},"x":1e400}"#,
        r#"{"client_reference":"ABC-12345","timepoint":{"code":"6-weeks"},"measures":[{"a":1,"a":2}]}"#,
        r#"["ABC-12345",{"code":"6-weeks"}]"#,
    ] {
        assert_eq!(old::what(body), named, "{body}");
        assert_eq!(what(body), "A visit", "{body}");
    }
}

/// Numbers the widget never stores (a metric score has two decimals) but could read: more than
/// six decimals are written rounded to six, where serde wrote the shortest text that reads back
/// the same number.
#[test]
fn where_the_writer_rounds_what_serde_did_not() {
    let text = history_with_score(r#"{"metric":23.2134567}"#);
    let serde_text = serde_json::to_string(&serde_json::from_str::<History>(&text).unwrap());
    assert!(serde_text.unwrap().contains(r#""metric":23.2134567"#));
    assert!(read_history(&text).contains(r#""metric":23.213457"#));
}

const HISTORIES: &[(&str, &str)] = &[
    (r##"empty"##, r##"{"visits":[]}"##),
    (
        r##"baseline"##,
        r##"{"visits":[{"client":"ABC-12345","timepoint":{"code":"baseline"},"date":"2026-05-01","measures":[{"instrument":"phq9","version":"1","answers":[{"item":"q1","value":1},{"item":"q2","value":2},{"item":"q3","value":3},{"item":"q4","value":0},{"item":"q5","value":1},{"item":"q6","value":2},{"item":"q7","value":3},{"item":"q8","value":0},{"item":"q9","value":1}],"score":{"total":14,"band":"moderate"}},{"instrument":"swemwbs","version":"1","answers":[{"item":"q1","value":1},{"item":"q2","value":2},{"item":"q3","value":3},{"item":"q4","value":0},{"item":"q5","value":1},{"item":"q6","value":2},{"item":"q7","value":3}],"score":{"total":21,"metric":23.21}},{"instrument":"ons4","version":"2","answers":[{"item":"q1","value":1},{"item":"q2","value":2},{"item":"q3","value":3}],"score":{"items":[{"item":"satisfaction","value":7,"band":"high"},{"item":"anxious","value":0,"band":null}]}},{"instrument":"phq4","version":"1","answers":[{"item":"q1","value":1},{"item":"q2","value":2},{"item":"q3","value":3},{"item":"q4","value":0}],"score":{"total":5,"band":"mild","subscales":[{"id":"anxiety","total":3,"positive":true},{"id":"depression","total":2}]}},{"instrument":"ons-loneliness","version":"1","answers":[{"item":"q1","value":1}],"score":null},{"instrument":"ucla3","version":"1","answers":[],"score":{}}],"consent_confirmed":true}]}"##,
    ),
    (
        r##"6-weeks"##,
        r##"{"visits":[{"client":"ABC-12345","timepoint":{"code":"6-weeks"},"date":"2026-05-01","measures":[{"instrument":"phq9","version":"1","answers":[{"item":"q1","value":1},{"item":"q2","value":2},{"item":"q3","value":3},{"item":"q4","value":0},{"item":"q5","value":1},{"item":"q6","value":2},{"item":"q7","value":3},{"item":"q8","value":0},{"item":"q9","value":1}],"score":{"total":14,"band":"moderate"}},{"instrument":"swemwbs","version":"1","answers":[{"item":"q1","value":1},{"item":"q2","value":2},{"item":"q3","value":3},{"item":"q4","value":0},{"item":"q5","value":1},{"item":"q6","value":2},{"item":"q7","value":3}],"score":{"total":21,"metric":23.21}},{"instrument":"ons4","version":"2","answers":[{"item":"q1","value":1},{"item":"q2","value":2},{"item":"q3","value":3}],"score":{"items":[{"item":"satisfaction","value":7,"band":"high"},{"item":"anxious","value":0,"band":null}]}},{"instrument":"phq4","version":"1","answers":[{"item":"q1","value":1},{"item":"q2","value":2},{"item":"q3","value":3},{"item":"q4","value":0}],"score":{"total":5,"band":"mild","subscales":[{"id":"anxiety","total":3,"positive":true},{"id":"depression","total":2}]}},{"instrument":"ons-loneliness","version":"1","answers":[{"item":"q1","value":1}],"score":null},{"instrument":"ucla3","version":"1","answers":[],"score":{}}],"consent_confirmed":true}]}"##,
    ),
    (
        r##"3-months"##,
        r##"{"visits":[{"client":"ABC-12345","timepoint":{"code":"3-months"},"date":"2026-05-01","measures":[{"instrument":"phq9","version":"1","answers":[{"item":"q1","value":1},{"item":"q2","value":2},{"item":"q3","value":3},{"item":"q4","value":0},{"item":"q5","value":1},{"item":"q6","value":2},{"item":"q7","value":3},{"item":"q8","value":0},{"item":"q9","value":1}],"score":{"total":14,"band":"moderate"}},{"instrument":"swemwbs","version":"1","answers":[{"item":"q1","value":1},{"item":"q2","value":2},{"item":"q3","value":3},{"item":"q4","value":0},{"item":"q5","value":1},{"item":"q6","value":2},{"item":"q7","value":3}],"score":{"total":21,"metric":23.21}},{"instrument":"ons4","version":"2","answers":[{"item":"q1","value":1},{"item":"q2","value":2},{"item":"q3","value":3}],"score":{"items":[{"item":"satisfaction","value":7,"band":"high"},{"item":"anxious","value":0,"band":null}]}},{"instrument":"phq4","version":"1","answers":[{"item":"q1","value":1},{"item":"q2","value":2},{"item":"q3","value":3},{"item":"q4","value":0}],"score":{"total":5,"band":"mild","subscales":[{"id":"anxiety","total":3,"positive":true},{"id":"depression","total":2}]}},{"instrument":"ons-loneliness","version":"1","answers":[{"item":"q1","value":1}],"score":null},{"instrument":"ucla3","version":"1","answers":[],"score":{}}],"consent_confirmed":true}]}"##,
    ),
    (
        r##"6-months"##,
        r##"{"visits":[{"client":"ABC-12345","timepoint":{"code":"6-months"},"date":"2026-05-01","measures":[{"instrument":"phq9","version":"1","answers":[{"item":"q1","value":1},{"item":"q2","value":2},{"item":"q3","value":3},{"item":"q4","value":0},{"item":"q5","value":1},{"item":"q6","value":2},{"item":"q7","value":3},{"item":"q8","value":0},{"item":"q9","value":1}],"score":{"total":14,"band":"moderate"}},{"instrument":"swemwbs","version":"1","answers":[{"item":"q1","value":1},{"item":"q2","value":2},{"item":"q3","value":3},{"item":"q4","value":0},{"item":"q5","value":1},{"item":"q6","value":2},{"item":"q7","value":3}],"score":{"total":21,"metric":23.21}},{"instrument":"ons4","version":"2","answers":[{"item":"q1","value":1},{"item":"q2","value":2},{"item":"q3","value":3}],"score":{"items":[{"item":"satisfaction","value":7,"band":"high"},{"item":"anxious","value":0,"band":null}]}},{"instrument":"phq4","version":"1","answers":[{"item":"q1","value":1},{"item":"q2","value":2},{"item":"q3","value":3},{"item":"q4","value":0}],"score":{"total":5,"band":"mild","subscales":[{"id":"anxiety","total":3,"positive":true},{"id":"depression","total":2}]}},{"instrument":"ons-loneliness","version":"1","answers":[{"item":"q1","value":1}],"score":null},{"instrument":"ucla3","version":"1","answers":[],"score":{}}],"consent_confirmed":true}]}"##,
    ),
    (
        r##"other"##,
        r##"{"visits":[{"client":"ABC-12345","timepoint":{"code":"other","date":"2026-05-01"},"date":"2026-05-01","measures":[{"instrument":"phq9","version":"1","answers":[{"item":"q1","value":1},{"item":"q2","value":2},{"item":"q3","value":3},{"item":"q4","value":0},{"item":"q5","value":1},{"item":"q6","value":2},{"item":"q7","value":3},{"item":"q8","value":0},{"item":"q9","value":1}],"score":{"total":14,"band":"moderate"}},{"instrument":"swemwbs","version":"1","answers":[{"item":"q1","value":1},{"item":"q2","value":2},{"item":"q3","value":3},{"item":"q4","value":0},{"item":"q5","value":1},{"item":"q6","value":2},{"item":"q7","value":3}],"score":{"total":21,"metric":23.21}},{"instrument":"ons4","version":"2","answers":[{"item":"q1","value":1},{"item":"q2","value":2},{"item":"q3","value":3}],"score":{"items":[{"item":"satisfaction","value":7,"band":"high"},{"item":"anxious","value":0,"band":null}]}},{"instrument":"phq4","version":"1","answers":[{"item":"q1","value":1},{"item":"q2","value":2},{"item":"q3","value":3},{"item":"q4","value":0}],"score":{"total":5,"band":"mild","subscales":[{"id":"anxiety","total":3,"positive":true},{"id":"depression","total":2}]}},{"instrument":"ons-loneliness","version":"1","answers":[{"item":"q1","value":1}],"score":null},{"instrument":"ucla3","version":"1","answers":[],"score":{}}],"consent_confirmed":true}]}"##,
    ),
    (
        r##"full"##,
        "{\"visits\":[{\"client\":\"ABC-12345\",\"timepoint\":{\"code\":\"baseline\"},\"date\":\"2026-01-31\",\"measures\":[{\"instrument\":\"phq9\",\"version\":\"1\",\"answers\":[{\"item\":\"q1\",\"value\":1},{\"item\":\"q2\",\"value\":2},{\"item\":\"q3\",\"value\":3},{\"item\":\"q4\",\"value\":0},{\"item\":\"q5\",\"value\":1},{\"item\":\"q6\",\"value\":2},{\"item\":\"q7\",\"value\":3},{\"item\":\"q8\",\"value\":0},{\"item\":\"q9\",\"value\":1}],\"score\":{\"total\":14,\"band\":\"moderate\"}},{\"instrument\":\"swemwbs\",\"version\":\"1\",\"answers\":[{\"item\":\"q1\",\"value\":1},{\"item\":\"q2\",\"value\":2},{\"item\":\"q3\",\"value\":3},{\"item\":\"q4\",\"value\":0},{\"item\":\"q5\",\"value\":1},{\"item\":\"q6\",\"value\":2},{\"item\":\"q7\",\"value\":3}],\"score\":{\"total\":21,\"metric\":23.21}},{\"instrument\":\"ons4\",\"version\":\"2\",\"answers\":[{\"item\":\"q1\",\"value\":1},{\"item\":\"q2\",\"value\":2},{\"item\":\"q3\",\"value\":3}],\"score\":{\"items\":[{\"item\":\"satisfaction\",\"value\":7,\"band\":\"high\"},{\"item\":\"anxious\",\"value\":0,\"band\":null}]}},{\"instrument\":\"phq4\",\"version\":\"1\",\"answers\":[{\"item\":\"q1\",\"value\":1},{\"item\":\"q2\",\"value\":2},{\"item\":\"q3\",\"value\":3},{\"item\":\"q4\",\"value\":0}],\"score\":{\"total\":5,\"band\":\"mild\",\"subscales\":[{\"id\":\"anxiety\",\"total\":3,\"positive\":true},{\"id\":\"depression\",\"total\":2}]}},{\"instrument\":\"ons-loneliness\",\"version\":\"1\",\"answers\":[{\"item\":\"q1\",\"value\":1}],\"score\":null},{\"instrument\":\"ucla3\",\"version\":\"1\",\"answers\":[],\"score\":{}}],\"consent_confirmed\":true,\"notes\":\"Zoë \\\"Z\\\" O'Brien \\\\ / <b>&</b>\\n\\tline\\r\\u0001\\b\\f\\u001f\u{7f} 😀\"},{\"client\":\"LW-0\",\"timepoint\":{\"code\":\"other\",\"date\":\"2024-02-29\"},\"date\":\"2024-02-29\",\"measures\":[],\"consent_confirmed\":false,\"notes\":\"é\"},{\"client\":\"ABC-12345\",\"timepoint\":{\"code\":\"6-weeks\"},\"date\":\"2026-03-14\",\"measures\":[{\"instrument\":\"swemwbs\",\"version\":\"1\",\"answers\":[],\"score\":{\"metric\":19.25},\"change\":{\"baseline_source\":\"records\",\"scores\":[{\"of\":\"metric\",\"baseline\":23.21,\"now\":19.25,\"change\":-3.96,\"trend\":\"worse\",\"threshold\":3.0,\"meaningful\":true},{\"of\":\"x\",\"baseline\":7.0,\"now\":7.0,\"change\":0.0,\"trend\":null,\"threshold\":null,\"meaningful\":null},{\"of\":\"y\",\"baseline\":-0.5,\"now\":100.0,\"change\":100.5,\"trend\":\"same\",\"threshold\":0.25,\"meaningful\":false}]}}],\"consent_confirmed\":true}],\"recorded\":[{\"client\":\"ABCDEFGHIJKLMNOPQRSTUVWXYZ-12345\",\"instrument\":\"phq9\",\"score\":{\"total\":27,\"band\":\"severe\"},\"entered\":\"9999-12-31\"},{\"client\":\"LW-0\",\"instrument\":\"swemwbs\",\"score\":{\"metric\":35.0},\"entered\":\"0001-01-01\"},{\"client\":\"LW-0\",\"instrument\":\"Zoë \\\"Z\\\" O'Brien \\\\ / <b>&</b>\\n\\tline\\r\\u0001\\b\\f\\u001f\u{7f} 😀 \u{2028}\",\"score\":{},\"entered\":\"2026-05-01\"}]}",
    ),
    (
        r##"only recorded"##,
        r##"{"visits":[],"recorded":[{"client":"Z","instrument":"swemwbs","score":{"total":7,"metric":7.0},"entered":"2026-05-01"}]}"##,
    ),
];
const HISTORY_READS: &[(&str, &str)] = &[
    (r##"{"visits":[]}"##, r##"Ok {"visits":[]}"##),
    (
        r##" { "visits" : [ ] , "recorded" : [ ] } "##,
        r##"Ok {"visits":[]}"##,
    ),
    (r##"{"recorded":[],"visits":[]}"##, r##"Ok {"visits":[]}"##),
    (r##"{}"##, r##"Err"##),
    (r##"{"visits":null}"##, r##"Err"##),
    (r##"{"visits":{}}"##, r##"Err"##),
    (r##"{"recorded":[]}"##, r##"Err"##),
    (r##"{"visits":[],"recorded":null}"##, r##"Err"##),
    (r##"{"visits":[],"extra":1}"##, r##"Err"##),
    (r##"{"visits":[],"visits":[]}"##, r##"Err"##),
    (r##"[]"##, r##"Err"##),
    (r##"null"##, r##"Err"##),
    (r##""visits""##, r##"Err"##),
    (r##""##, r##"Err"##),
    (r##"{"##, r##"Err"##),
    (r##"{"visits":[]}x"##, r##"Err"##),
    (r##"{"visits":[null]}"##, r##"Err"##),
    (r##"{"visits":[{}]}"##, r##"Err"##),
    (
        r##"{"visits":[{"client":"abc-1","timepoint":{"code":"baseline"},"date":"2026-05-01","measures":[],"consent_confirmed":true}]}"##,
        r##"Err"##,
    ),
    (
        r##"{"visits":[{"client":"ZOË-1","timepoint":{"code":"baseline"},"date":"2026-05-01","measures":[],"consent_confirmed":true}]}"##,
        r##"Err"##,
    ),
    (
        r##"{"visits":[{"client":"AB\u0043-1","timepoint":{"code":"baseline"},"date":"2026-05-01","measures":[],"consent_confirmed":true}]}"##,
        r##"Ok {"visits":[{"client":"ABC-1","timepoint":{"code":"baseline"},"date":"2026-05-01","measures":[],"consent_confirmed":true}]}"##,
    ),
    (
        r##"{"visits":[{"client":"ABC 1","timepoint":{"code":"baseline"},"date":"2026-05-01","measures":[],"consent_confirmed":true}]}"##,
        r##"Err"##,
    ),
    (
        r##"{"visits":[{"client":"","timepoint":{"code":"baseline"},"date":"2026-05-01","measures":[],"consent_confirmed":true}]}"##,
        r##"Err"##,
    ),
    (
        r##"{"visits":[{"client":"ABCDEFGHIJKLMNOPQRSTUVWXYZ-123456","timepoint":{"code":"baseline"},"date":"2026-05-01","measures":[],"consent_confirmed":true}]}"##,
        r##"Err"##,
    ),
    (
        r##"{"visits":[{"client":1,"timepoint":{"code":"baseline"},"date":"2026-05-01","measures":[],"consent_confirmed":true}]}"##,
        r##"Err"##,
    ),
    (
        r##"{"visits":[{"client":null,"timepoint":{"code":"baseline"},"date":"2026-05-01","measures":[],"consent_confirmed":true}]}"##,
        r##"Err"##,
    ),
    (
        r##"{"visits":[{"timepoint":{"code":"baseline"},"date":"2026-05-01","measures":[],"consent_confirmed":true}]}"##,
        r##"Err"##,
    ),
    (
        r##"{"visits":[{"client":"ABC-1","timepoint":{"code":"6-weeks"},"date":"2026-05-01","measures":[],"consent_confirmed":true}]}"##,
        r##"Ok {"visits":[{"client":"ABC-1","timepoint":{"code":"6-weeks"},"date":"2026-05-01","measures":[],"consent_confirmed":true}]}"##,
    ),
    (
        r##"{"visits":[{"client":"ABC-1","timepoint":{"code":"3-months"},"date":"2026-05-01","measures":[],"consent_confirmed":true}]}"##,
        r##"Ok {"visits":[{"client":"ABC-1","timepoint":{"code":"3-months"},"date":"2026-05-01","measures":[],"consent_confirmed":true}]}"##,
    ),
    (
        r##"{"visits":[{"client":"ABC-1","timepoint":{"code":"6-months"},"date":"2026-05-01","measures":[],"consent_confirmed":true}]}"##,
        r##"Ok {"visits":[{"client":"ABC-1","timepoint":{"code":"6-months"},"date":"2026-05-01","measures":[],"consent_confirmed":true}]}"##,
    ),
    (
        r##"{"visits":[{"client":"ABC-1","timepoint":{"code":" 6-months "},"date":"2026-05-01","measures":[],"consent_confirmed":true}]}"##,
        r##"Ok {"visits":[{"client":"ABC-1","timepoint":{"code":"6-months"},"date":"2026-05-01","measures":[],"consent_confirmed":true}]}"##,
    ),
    (
        r##"{"visits":[{"client":"ABC-1","timepoint":{"code":"Baseline"},"date":"2026-05-01","measures":[],"consent_confirmed":true}]}"##,
        r##"Err"##,
    ),
    (
        r##"{"visits":[{"client":"ABC-1","timepoint":{"code":""},"date":"2026-05-01","measures":[],"consent_confirmed":true}]}"##,
        r##"Err"##,
    ),
    (
        r##"{"visits":[{"client":"ABC-1","timepoint":{"code":"other"},"date":"2026-05-01","measures":[],"consent_confirmed":true}]}"##,
        r##"Err"##,
    ),
    (
        r##"{"visits":[{"client":"ABC-1","timepoint":{"code":"other","date":"2026-04-30"},"date":"2026-05-01","measures":[],"consent_confirmed":true}]}"##,
        r##"Ok {"visits":[{"client":"ABC-1","timepoint":{"code":"other","date":"2026-04-30"},"date":"2026-05-01","measures":[],"consent_confirmed":true}]}"##,
    ),
    (
        r##"{"visits":[{"client":"ABC-1","timepoint":{"date":"2026-04-30","code":"other"},"date":"2026-05-01","measures":[],"consent_confirmed":true}]}"##,
        r##"Ok {"visits":[{"client":"ABC-1","timepoint":{"code":"other","date":"2026-04-30"},"date":"2026-05-01","measures":[],"consent_confirmed":true}]}"##,
    ),
    (
        r##"{"visits":[{"client":"ABC-1","timepoint":{"code":"other","date":"2026-02-30"},"date":"2026-05-01","measures":[],"consent_confirmed":true}]}"##,
        r##"Err"##,
    ),
    (
        r##"{"visits":[{"client":"ABC-1","timepoint":{"code":"other","date":"2026-4-30"},"date":"2026-05-01","measures":[],"consent_confirmed":true}]}"##,
        r##"Err"##,
    ),
    (
        r##"{"visits":[{"client":"ABC-1","timepoint":{"code":"other","date":null},"date":"2026-05-01","measures":[],"consent_confirmed":true}]}"##,
        r##"Err"##,
    ),
    (
        r##"{"visits":[{"client":"ABC-1","timepoint":{"code":"baseline","date":"2026-04-30"},"date":"2026-05-01","measures":[],"consent_confirmed":true}]}"##,
        r##"Err"##,
    ),
    (
        r##"{"visits":[{"client":"ABC-1","timepoint":{"code":"baseline","date":null},"date":"2026-05-01","measures":[],"consent_confirmed":true}]}"##,
        r##"Ok {"visits":[{"client":"ABC-1","timepoint":{"code":"baseline"},"date":"2026-05-01","measures":[],"consent_confirmed":true}]}"##,
    ),
    (
        r##"{"visits":[{"client":"ABC-1","timepoint":{"code":"baseline","note":1},"date":"2026-05-01","measures":[],"consent_confirmed":true}]}"##,
        r##"Err"##,
    ),
    (
        r##"{"visits":[{"client":"ABC-1","timepoint":{"code":null},"date":"2026-05-01","measures":[],"consent_confirmed":true}]}"##,
        r##"Err"##,
    ),
    (
        r##"{"visits":[{"client":"ABC-1","timepoint":"baseline","date":"2026-05-01","measures":[],"consent_confirmed":true}]}"##,
        r##"Err"##,
    ),
    (
        r##"{"visits":[{"client":"ABC-1","timepoint":null,"date":"2026-05-01","measures":[],"consent_confirmed":true}]}"##,
        r##"Err"##,
    ),
    (
        r##"{"visits":[{"client":"ABC-1","timepoint":{"code":"baseline"},"date":"2026-05-01T00:00:00Z","measures":[],"consent_confirmed":true}]}"##,
        r##"Err"##,
    ),
    (
        r##"{"visits":[{"client":"ABC-1","timepoint":{"code":"baseline"},"date":"0000-01-01","measures":[],"consent_confirmed":true}]}"##,
        r##"Err"##,
    ),
    (
        r##"{"visits":[{"client":"ABC-1","timepoint":{"code":"baseline"},"date":20260501,"measures":[],"consent_confirmed":true}]}"##,
        r##"Err"##,
    ),
    (
        r##"{"visits":[{"client":"ABC-1","timepoint":{"code":"baseline"},"date":"2026-05-01","measures":null,"consent_confirmed":true}]}"##,
        r##"Err"##,
    ),
    (
        r##"{"visits":[{"client":"ABC-1","timepoint":{"code":"baseline"},"date":"2026-05-01","measures":{},"consent_confirmed":true}]}"##,
        r##"Err"##,
    ),
    (
        r##"{"visits":[{"client":"ABC-1","timepoint":{"code":"baseline"},"date":"2026-05-01","measures":[],"consent_confirmed":false}]}"##,
        r##"Ok {"visits":[{"client":"ABC-1","timepoint":{"code":"baseline"},"date":"2026-05-01","measures":[],"consent_confirmed":false}]}"##,
    ),
    (
        r##"{"visits":[{"client":"ABC-1","timepoint":{"code":"baseline"},"date":"2026-05-01","measures":[],"consent_confirmed":"true"}]}"##,
        r##"Err"##,
    ),
    (
        r##"{"visits":[{"client":"ABC-1","timepoint":{"code":"baseline"},"date":"2026-05-01","measures":[],"consent_confirmed":null}]}"##,
        r##"Err"##,
    ),
    (
        r##"{"visits":[{"client":"ABC-1","timepoint":{"code":"baseline"},"date":"2026-05-01","measures":[]}]}"##,
        r##"Err"##,
    ),
    (
        r##"{"visits":[{"client":"ABC-1","timepoint":{"code":"baseline"},"date":"2026-05-01","measures":[],"consent_confirmed":true,"notes":null}]}"##,
        r##"Ok {"visits":[{"client":"ABC-1","timepoint":{"code":"baseline"},"date":"2026-05-01","measures":[],"consent_confirmed":true}]}"##,
    ),
    (
        r##"{"visits":[{"client":"ABC-1","timepoint":{"code":"baseline"},"date":"2026-05-01","measures":[],"consent_confirmed":true,"notes":"Met at home"}]}"##,
        r##"Ok {"visits":[{"client":"ABC-1","timepoint":{"code":"baseline"},"date":"2026-05-01","measures":[],"consent_confirmed":true,"notes":"Met at home"}]}"##,
    ),
    (
        r##"{"visits":[{"client":"ABC-1","timepoint":{"code":"baseline"},"date":"2026-05-01","measures":[],"consent_confirmed":true,"notes":" Met\tat \"home\"\u00e9\ud83d\ude00\/ "}]}"##,
        r##"Ok {"visits":[{"client":"ABC-1","timepoint":{"code":"baseline"},"date":"2026-05-01","measures":[],"consent_confirmed":true,"notes":" Met\tat \"home\"é😀/ "}]}"##,
    ),
    (
        r##"{"visits":[{"client":"ABC-1","timepoint":{"code":"baseline"},"date":"2026-05-01","measures":[],"consent_confirmed":true,"notes":""}]}"##,
        r##"Err"##,
    ),
    (
        r##"{"visits":[{"client":"ABC-1","timepoint":{"code":"baseline"},"date":"2026-05-01","measures":[],"consent_confirmed":true,"notes":"  \n "}]}"##,
        r##"Err"##,
    ),
    (
        r##"{"visits":[{"client":"ABC-1","timepoint":{"code":"baseline"},"date":"2026-05-01","measures":[],"consent_confirmed":true,"notes":5}]}"##,
        r##"Err"##,
    ),
    (
        r##"{"visits":[{"client":"ABC-1","timepoint":{"code":"baseline"},"date":"2026-05-01","measures":[],"consent_confirmed":true,"extra":{}}]}"##,
        r##"Err"##,
    ),
    (
        r##"{"visits":[{"client":"ABC-1","timepoint":{"code":"baseline"},"date":"2026-05-01","measures":[],"consent_confirmed":true,"client":"ABC-2"}]}"##,
        r##"Err"##,
    ),
    (
        r##"{"visits":[{"client":"ABC-1","timepoint":{"code":"baseline"},"date":"2026-05-01","measures":[],"consent_confirmed":true,"notes":"éééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééé"}]}"##,
        r##"Ok {"visits":[{"client":"ABC-1","timepoint":{"code":"baseline"},"date":"2026-05-01","measures":[],"consent_confirmed":true,"notes":"éééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééé"}]}"##,
    ),
    (
        r##"{"visits":[{"client":"ABC-1","timepoint":{"code":"baseline"},"date":"2026-05-01","measures":[],"consent_confirmed":true,"notes":"ééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééé"}]}"##,
        r##"Err"##,
    ),
    (
        r##"{"visits":[{"client":"ABC-1","timepoint":{"code":"baseline"},"date":"2026-05-01","measures":[{"instrument":"phq9","version":"1","answers":[{"item":"phq9-1","value":2}],"score":null}],"consent_confirmed":true}]}"##,
        r##"Ok {"visits":[{"client":"ABC-1","timepoint":{"code":"baseline"},"date":"2026-05-01","measures":[{"instrument":"phq9","version":"1","answers":[{"item":"phq9-1","value":2}],"score":null}],"consent_confirmed":true}]}"##,
    ),
    (
        r##"{"visits":[{"client":"ABC-1","timepoint":{"code":"baseline"},"date":"2026-05-01","measures":[{"instrument":"phq9","version":"1","answers":[]}],"consent_confirmed":true}]}"##,
        r##"Ok {"visits":[{"client":"ABC-1","timepoint":{"code":"baseline"},"date":"2026-05-01","measures":[{"instrument":"phq9","version":"1","answers":[],"score":null}],"consent_confirmed":true}]}"##,
    ),
    (
        r##"{"visits":[{"client":"ABC-1","timepoint":{"code":"baseline"},"date":"2026-05-01","measures":[{"instrument":"phq9","answers":[],"score":null}],"consent_confirmed":true}]}"##,
        r##"Err"##,
    ),
    (
        r##"{"visits":[{"client":"ABC-1","timepoint":{"code":"baseline"},"date":"2026-05-01","measures":[{"instrument":"phq9","version":1,"answers":[],"score":null}],"consent_confirmed":true}]}"##,
        r##"Err"##,
    ),
    (
        r##"{"visits":[{"client":"ABC-1","timepoint":{"code":"baseline"},"date":"2026-05-01","measures":[{"instrument":"phq9","version":"1","answers":null,"score":null}],"consent_confirmed":true}]}"##,
        r##"Err"##,
    ),
    (
        r##"{"visits":[{"client":"ABC-1","timepoint":{"code":"baseline"},"date":"2026-05-01","measures":[{"instrument":"phq9","version":"1","answers":[{"item":"phq9-1","value":2.0}],"score":null}],"consent_confirmed":true}]}"##,
        r##"Err"##,
    ),
    (
        r##"{"visits":[{"client":"ABC-1","timepoint":{"code":"baseline"},"date":"2026-05-01","measures":[{"instrument":"phq9","version":"1","answers":[{"item":"phq9-1","value":-9223372036854775808}],"score":null}],"consent_confirmed":true}]}"##,
        r##"Ok {"visits":[{"client":"ABC-1","timepoint":{"code":"baseline"},"date":"2026-05-01","measures":[{"instrument":"phq9","version":"1","answers":[{"item":"phq9-1","value":-9223372036854775808}],"score":null}],"consent_confirmed":true}]}"##,
    ),
    (
        r##"{"visits":[{"client":"ABC-1","timepoint":{"code":"baseline"},"date":"2026-05-01","measures":[{"instrument":"phq9","version":"1","answers":[{"item":"phq9-1","value":9223372036854775808}],"score":null}],"consent_confirmed":true}]}"##,
        r##"Err"##,
    ),
    (
        r##"{"visits":[{"client":"ABC-1","timepoint":{"code":"baseline"},"date":"2026-05-01","measures":[{"instrument":"phq9","version":"1","answers":[{"item":"phq9-1"}],"score":null}],"consent_confirmed":true}]}"##,
        r##"Err"##,
    ),
    (
        r##"{"visits":[{"client":"ABC-1","timepoint":{"code":"baseline"},"date":"2026-05-01","measures":[{"instrument":"phq9","version":"1","answers":[{"item":"phq9-1","value":1,"band":null}],"score":null}],"consent_confirmed":true}]}"##,
        r##"Err"##,
    ),
    (
        r##"{"visits":[{"client":"ABC-1","timepoint":{"code":"baseline"},"date":"2026-05-01","measures":[{"instrument":"phq9","version":"1","answers":[],"score":null,"change":null}],"consent_confirmed":true}]}"##,
        r##"Ok {"visits":[{"client":"ABC-1","timepoint":{"code":"baseline"},"date":"2026-05-01","measures":[{"instrument":"phq9","version":"1","answers":[],"score":null}],"consent_confirmed":true}]}"##,
    ),
    (
        r##"{"visits":[{"client":"ABC-1","timepoint":{"code":"baseline"},"date":"2026-05-01","measures":[{"instrument":"phq9","version":"1","answers":[],"score":null,"extra":null}],"consent_confirmed":true}]}"##,
        r##"Err"##,
    ),
    (
        r##"{"visits":[{"client":"ABC-1","timepoint":{"code":"baseline"},"date":"2026-05-01","measures":[{"instrument":"swemwbs","version":"1","answers":[],"score":{"metric":19.25},"change":{"baseline_source":"device","scores":[{"of":"metric","baseline":23.21,"now":19.25,"change":-3.96,"trend":"worse","threshold":3.0,"meaningful":true}]}}],"consent_confirmed":true}]}"##,
        r##"Ok {"visits":[{"client":"ABC-1","timepoint":{"code":"baseline"},"date":"2026-05-01","measures":[{"instrument":"swemwbs","version":"1","answers":[],"score":{"metric":19.25},"change":{"baseline_source":"device","scores":[{"of":"metric","baseline":23.21,"now":19.25,"change":-3.96,"trend":"worse","threshold":3.0,"meaningful":true}]}}],"consent_confirmed":true}]}"##,
    ),
    (
        r##"{"visits":[{"client":"ABC-1","timepoint":{"code":"baseline"},"date":"2026-05-01","measures":[{"instrument":"swemwbs","version":"1","answers":[],"score":{"metric":19.25},"change":{"baseline_source":"records","scores":[]}}],"consent_confirmed":true}]}"##,
        r##"Ok {"visits":[{"client":"ABC-1","timepoint":{"code":"baseline"},"date":"2026-05-01","measures":[{"instrument":"swemwbs","version":"1","answers":[],"score":{"metric":19.25},"change":{"baseline_source":"records","scores":[]}}],"consent_confirmed":true}]}"##,
    ),
    (
        r##"{"visits":[{"client":"ABC-1","timepoint":{"code":"baseline"},"date":"2026-05-01","measures":[{"instrument":"swemwbs","version":"1","answers":[],"score":null,"change":{"baseline_source":"records","scores":[{"of":"metric","baseline":23,"now":1e1,"change":-13}]}}],"consent_confirmed":true}]}"##,
        r##"Ok {"visits":[{"client":"ABC-1","timepoint":{"code":"baseline"},"date":"2026-05-01","measures":[{"instrument":"swemwbs","version":"1","answers":[],"score":null,"change":{"baseline_source":"records","scores":[{"of":"metric","baseline":23.0,"now":10.0,"change":-13.0,"trend":null,"threshold":null,"meaningful":null}]}}],"consent_confirmed":true}]}"##,
    ),
    (
        r##"{"visits":[{"client":"ABC-1","timepoint":{"code":"baseline"},"date":"2026-05-01","measures":[{"instrument":"swemwbs","version":"1","answers":[],"score":null,"change":{"baseline_source":"records","scores":[{"of":"metric","baseline":1,"now":1,"change":0,"trend":null,"threshold":null,"meaningful":null}]}}],"consent_confirmed":true}]}"##,
        r##"Ok {"visits":[{"client":"ABC-1","timepoint":{"code":"baseline"},"date":"2026-05-01","measures":[{"instrument":"swemwbs","version":"1","answers":[],"score":null,"change":{"baseline_source":"records","scores":[{"of":"metric","baseline":1.0,"now":1.0,"change":0.0,"trend":null,"threshold":null,"meaningful":null}]}}],"consent_confirmed":true}]}"##,
    ),
    (
        r##"{"visits":[{"client":"ABC-1","timepoint":{"code":"baseline"},"date":"2026-05-01","measures":[{"instrument":"swemwbs","version":"1","answers":[],"score":null,"change":{"baseline_source":"Records","scores":[]}}],"consent_confirmed":true}]}"##,
        r##"Err"##,
    ),
    (
        r##"{"visits":[{"client":"ABC-1","timepoint":{"code":"baseline"},"date":"2026-05-01","measures":[{"instrument":"swemwbs","version":"1","answers":[],"score":null,"change":{"baseline_source":"records"}}],"consent_confirmed":true}]}"##,
        r##"Err"##,
    ),
    (
        r##"{"visits":[{"client":"ABC-1","timepoint":{"code":"baseline"},"date":"2026-05-01","measures":[{"instrument":"swemwbs","version":"1","answers":[],"score":null,"change":{"baseline_source":"records","scores":[],"x":1}}],"consent_confirmed":true}]}"##,
        r##"Err"##,
    ),
    (
        r##"{"visits":[{"client":"ABC-1","timepoint":{"code":"baseline"},"date":"2026-05-01","measures":[{"instrument":"swemwbs","version":"1","answers":[],"score":null,"change":{"baseline_source":"records","scores":[{"of":"metric","baseline":1,"now":1,"change":0,"trend":"better!"}]}}],"consent_confirmed":true}]}"##,
        r##"Err"##,
    ),
    (
        r##"{"visits":[{"client":"ABC-1","timepoint":{"code":"baseline"},"date":"2026-05-01","measures":[{"instrument":"swemwbs","version":"1","answers":[],"score":null,"change":{"baseline_source":"records","scores":[{"of":"metric","baseline":"1","now":1,"change":0}]}}],"consent_confirmed":true}]}"##,
        r##"Err"##,
    ),
    (
        r##"{"visits":[{"client":"ABC-1","timepoint":{"code":"baseline"},"date":"2026-05-01","measures":[{"instrument":"swemwbs","version":"1","answers":[],"score":null,"change":{"baseline_source":"records","scores":[{"of":"metric","baseline":1,"now":1,"change":0,"meaningful":1}]}}],"consent_confirmed":true}]}"##,
        r##"Err"##,
    ),
    (
        r##"{"visits":[{"client":"ABC-1","timepoint":{"code":"baseline"},"date":"2026-05-01","measures":[{"instrument":"swemwbs","version":"1","answers":[],"score":null,"change":{"baseline_source":"records","scores":[{"of":"metric","baseline":1,"now":1,"change":0,"size":1}]}}],"consent_confirmed":true}]}"##,
        r##"Err"##,
    ),
    (
        r##"{"visits":[{"client":"ABC-1","timepoint":{"code":"baseline"},"date":"2026-05-01","measures":[{"instrument":"swemwbs","version":"1","answers":[],"score":null,"change":{"baseline_source":"records","scores":[{"baseline":1,"now":1,"change":0}]}}],"consent_confirmed":true}]}"##,
        r##"Err"##,
    ),
    (
        r##"{"visits":[{"client":"ABC-1","timepoint":{"code":"baseline"},"date":"2026-05-01","measures":[[]],"consent_confirmed":true}]}"##,
        r##"Err"##,
    ),
    (
        r##"{"visits":[{"client":"ABC-1","timepoint":{"code":"baseline"},"date":"2026-05-01","measures":[null],"consent_confirmed":true}]}"##,
        r##"Err"##,
    ),
    (
        r##"{"visits":[{"client":"ABC-1","timepoint":{"code":"baseline"},"date":"2026-05-01","measures":[{"instrument":"phq9","version":"1","answers":[],"score":{}}],"consent_confirmed":true}]}"##,
        r##"Ok {"visits":[{"client":"ABC-1","timepoint":{"code":"baseline"},"date":"2026-05-01","measures":[{"instrument":"phq9","version":"1","answers":[],"score":{}}],"consent_confirmed":true}]}"##,
    ),
    (
        r##"{"visits":[{"client":"ABC-1","timepoint":{"code":"baseline"},"date":"2026-05-01","measures":[{"instrument":"phq9","version":"1","answers":[],"score":{"total":14,"band":"moderate"}}],"consent_confirmed":true}]}"##,
        r##"Ok {"visits":[{"client":"ABC-1","timepoint":{"code":"baseline"},"date":"2026-05-01","measures":[{"instrument":"phq9","version":"1","answers":[],"score":{"total":14,"band":"moderate"}}],"consent_confirmed":true}]}"##,
    ),
    (
        r##"{"visits":[{"client":"ABC-1","timepoint":{"code":"baseline"},"date":"2026-05-01","measures":[{"instrument":"phq9","version":"1","answers":[],"score":{"band":"moderate","total":14}}],"consent_confirmed":true}]}"##,
        r##"Ok {"visits":[{"client":"ABC-1","timepoint":{"code":"baseline"},"date":"2026-05-01","measures":[{"instrument":"phq9","version":"1","answers":[],"score":{"total":14,"band":"moderate"}}],"consent_confirmed":true}]}"##,
    ),
    (
        r##"{"visits":[{"client":"ABC-1","timepoint":{"code":"baseline"},"date":"2026-05-01","measures":[{"instrument":"phq9","version":"1","answers":[],"score":{"total":null,"metric":null,"band":null}}],"consent_confirmed":true}]}"##,
        r##"Ok {"visits":[{"client":"ABC-1","timepoint":{"code":"baseline"},"date":"2026-05-01","measures":[{"instrument":"phq9","version":"1","answers":[],"score":{}}],"consent_confirmed":true}]}"##,
    ),
    (
        r##"{"visits":[{"client":"ABC-1","timepoint":{"code":"baseline"},"date":"2026-05-01","measures":[{"instrument":"phq9","version":"1","answers":[],"score":{"total":-1}}],"consent_confirmed":true}]}"##,
        r##"Ok {"visits":[{"client":"ABC-1","timepoint":{"code":"baseline"},"date":"2026-05-01","measures":[{"instrument":"phq9","version":"1","answers":[],"score":{"total":-1}}],"consent_confirmed":true}]}"##,
    ),
    (
        r##"{"visits":[{"client":"ABC-1","timepoint":{"code":"baseline"},"date":"2026-05-01","measures":[{"instrument":"phq9","version":"1","answers":[],"score":{"total":14.0}}],"consent_confirmed":true}]}"##,
        r##"Err"##,
    ),
    (
        r##"{"visits":[{"client":"ABC-1","timepoint":{"code":"baseline"},"date":"2026-05-01","measures":[{"instrument":"phq9","version":"1","answers":[],"score":{"total":"14"}}],"consent_confirmed":true}]}"##,
        r##"Err"##,
    ),
    (
        r##"{"visits":[{"client":"ABC-1","timepoint":{"code":"baseline"},"date":"2026-05-01","measures":[{"instrument":"phq9","version":"1","answers":[],"score":{"total":9223372036854775807}}],"consent_confirmed":true}]}"##,
        r##"Ok {"visits":[{"client":"ABC-1","timepoint":{"code":"baseline"},"date":"2026-05-01","measures":[{"instrument":"phq9","version":"1","answers":[],"score":{"total":9223372036854775807}}],"consent_confirmed":true}]}"##,
    ),
    (
        r##"{"visits":[{"client":"ABC-1","timepoint":{"code":"baseline"},"date":"2026-05-01","measures":[{"instrument":"phq9","version":"1","answers":[],"score":{"total":9223372036854775808}}],"consent_confirmed":true}]}"##,
        r##"Err"##,
    ),
    (
        r##"{"visits":[{"client":"ABC-1","timepoint":{"code":"baseline"},"date":"2026-05-01","measures":[{"instrument":"phq9","version":"1","answers":[],"score":{"metric":23.21}}],"consent_confirmed":true}]}"##,
        r##"Ok {"visits":[{"client":"ABC-1","timepoint":{"code":"baseline"},"date":"2026-05-01","measures":[{"instrument":"phq9","version":"1","answers":[],"score":{"metric":23.21}}],"consent_confirmed":true}]}"##,
    ),
    (
        r##"{"visits":[{"client":"ABC-1","timepoint":{"code":"baseline"},"date":"2026-05-01","measures":[{"instrument":"phq9","version":"1","answers":[],"score":{"metric":23}}],"consent_confirmed":true}]}"##,
        r##"Ok {"visits":[{"client":"ABC-1","timepoint":{"code":"baseline"},"date":"2026-05-01","measures":[{"instrument":"phq9","version":"1","answers":[],"score":{"metric":23.0}}],"consent_confirmed":true}]}"##,
    ),
    (
        r##"{"visits":[{"client":"ABC-1","timepoint":{"code":"baseline"},"date":"2026-05-01","measures":[{"instrument":"phq9","version":"1","answers":[],"score":{"metric":-0.5}}],"consent_confirmed":true}]}"##,
        r##"Ok {"visits":[{"client":"ABC-1","timepoint":{"code":"baseline"},"date":"2026-05-01","measures":[{"instrument":"phq9","version":"1","answers":[],"score":{"metric":-0.5}}],"consent_confirmed":true}]}"##,
    ),
    (
        r##"{"visits":[{"client":"ABC-1","timepoint":{"code":"baseline"},"date":"2026-05-01","measures":[{"instrument":"phq9","version":"1","answers":[],"score":{"metric":2.321e1}}],"consent_confirmed":true}]}"##,
        r##"Ok {"visits":[{"client":"ABC-1","timepoint":{"code":"baseline"},"date":"2026-05-01","measures":[{"instrument":"phq9","version":"1","answers":[],"score":{"metric":23.21}}],"consent_confirmed":true}]}"##,
    ),
    (
        r##"{"visits":[{"client":"ABC-1","timepoint":{"code":"baseline"},"date":"2026-05-01","measures":[{"instrument":"phq9","version":"1","answers":[],"score":{"metric":17.98,"total":21}}],"consent_confirmed":true}]}"##,
        r##"Ok {"visits":[{"client":"ABC-1","timepoint":{"code":"baseline"},"date":"2026-05-01","measures":[{"instrument":"phq9","version":"1","answers":[],"score":{"total":21,"metric":17.98}}],"consent_confirmed":true}]}"##,
    ),
    (
        r##"{"visits":[{"client":"ABC-1","timepoint":{"code":"baseline"},"date":"2026-05-01","measures":[{"instrument":"phq9","version":"1","answers":[],"score":{"metric":0.1}}],"consent_confirmed":true}]}"##,
        r##"Ok {"visits":[{"client":"ABC-1","timepoint":{"code":"baseline"},"date":"2026-05-01","measures":[{"instrument":"phq9","version":"1","answers":[],"score":{"metric":0.1}}],"consent_confirmed":true}]}"##,
    ),
    (
        r##"{"visits":[{"client":"ABC-1","timepoint":{"code":"baseline"},"date":"2026-05-01","measures":[{"instrument":"phq9","version":"1","answers":[],"score":{"metric":"23.21"}}],"consent_confirmed":true}]}"##,
        r##"Err"##,
    ),
    (
        r##"{"visits":[{"client":"ABC-1","timepoint":{"code":"baseline"},"date":"2026-05-01","measures":[{"instrument":"phq9","version":"1","answers":[],"score":{"metric":1e400}}],"consent_confirmed":true}]}"##,
        r##"Err"##,
    ),
    (
        r##"{"visits":[{"client":"ABC-1","timepoint":{"code":"baseline"},"date":"2026-05-01","measures":[{"instrument":"phq9","version":"1","answers":[],"score":{"band":5}}],"consent_confirmed":true}]}"##,
        r##"Err"##,
    ),
    (
        r##"{"visits":[{"client":"ABC-1","timepoint":{"code":"baseline"},"date":"2026-05-01","measures":[{"instrument":"phq9","version":"1","answers":[],"score":{"subscales":[]}}],"consent_confirmed":true}]}"##,
        r##"Ok {"visits":[{"client":"ABC-1","timepoint":{"code":"baseline"},"date":"2026-05-01","measures":[{"instrument":"phq9","version":"1","answers":[],"score":{}}],"consent_confirmed":true}]}"##,
    ),
    (
        r##"{"visits":[{"client":"ABC-1","timepoint":{"code":"baseline"},"date":"2026-05-01","measures":[{"instrument":"phq9","version":"1","answers":[],"score":{"subscales":null}}],"consent_confirmed":true}]}"##,
        r##"Err"##,
    ),
    (
        r##"{"visits":[{"client":"ABC-1","timepoint":{"code":"baseline"},"date":"2026-05-01","measures":[{"instrument":"phq9","version":"1","answers":[],"score":{"subscales":[{"id":"anxiety","total":3}]}}],"consent_confirmed":true}]}"##,
        r##"Ok {"visits":[{"client":"ABC-1","timepoint":{"code":"baseline"},"date":"2026-05-01","measures":[{"instrument":"phq9","version":"1","answers":[],"score":{"subscales":[{"id":"anxiety","total":3}]}}],"consent_confirmed":true}]}"##,
    ),
    (
        r##"{"visits":[{"client":"ABC-1","timepoint":{"code":"baseline"},"date":"2026-05-01","measures":[{"instrument":"phq9","version":"1","answers":[],"score":{"subscales":[{"id":"anxiety","total":3,"positive":false}]}}],"consent_confirmed":true}]}"##,
        r##"Ok {"visits":[{"client":"ABC-1","timepoint":{"code":"baseline"},"date":"2026-05-01","measures":[{"instrument":"phq9","version":"1","answers":[],"score":{"subscales":[{"id":"anxiety","total":3,"positive":false}]}}],"consent_confirmed":true}]}"##,
    ),
    (
        r##"{"visits":[{"client":"ABC-1","timepoint":{"code":"baseline"},"date":"2026-05-01","measures":[{"instrument":"phq9","version":"1","answers":[],"score":{"subscales":[{"id":"anxiety","total":3,"positive":null}]}}],"consent_confirmed":true}]}"##,
        r##"Ok {"visits":[{"client":"ABC-1","timepoint":{"code":"baseline"},"date":"2026-05-01","measures":[{"instrument":"phq9","version":"1","answers":[],"score":{"subscales":[{"id":"anxiety","total":3}]}}],"consent_confirmed":true}]}"##,
    ),
    (
        r##"{"visits":[{"client":"ABC-1","timepoint":{"code":"baseline"},"date":"2026-05-01","measures":[{"instrument":"phq9","version":"1","answers":[],"score":{"subscales":[{"id":"anxiety","total":3,"positive":"no"}]}}],"consent_confirmed":true}]}"##,
        r##"Err"##,
    ),
    (
        r##"{"visits":[{"client":"ABC-1","timepoint":{"code":"baseline"},"date":"2026-05-01","measures":[{"instrument":"phq9","version":"1","answers":[],"score":{"subscales":[{"id":"anxiety"}]}}],"consent_confirmed":true}]}"##,
        r##"Err"##,
    ),
    (
        r##"{"visits":[{"client":"ABC-1","timepoint":{"code":"baseline"},"date":"2026-05-01","measures":[{"instrument":"phq9","version":"1","answers":[],"score":{"subscales":[{"id":"anxiety","total":3,"x":0}]}}],"consent_confirmed":true}]}"##,
        r##"Err"##,
    ),
    (
        r##"{"visits":[{"client":"ABC-1","timepoint":{"code":"baseline"},"date":"2026-05-01","measures":[{"instrument":"phq9","version":"1","answers":[],"score":{"items":[]}}],"consent_confirmed":true}]}"##,
        r##"Ok {"visits":[{"client":"ABC-1","timepoint":{"code":"baseline"},"date":"2026-05-01","measures":[{"instrument":"phq9","version":"1","answers":[],"score":{}}],"consent_confirmed":true}]}"##,
    ),
    (
        r##"{"visits":[{"client":"ABC-1","timepoint":{"code":"baseline"},"date":"2026-05-01","measures":[{"instrument":"phq9","version":"1","answers":[],"score":{"items":null}}],"consent_confirmed":true}]}"##,
        r##"Err"##,
    ),
    (
        r##"{"visits":[{"client":"ABC-1","timepoint":{"code":"baseline"},"date":"2026-05-01","measures":[{"instrument":"phq9","version":"1","answers":[],"score":{"items":[{"item":"happy","value":7,"band":"high"}]}}],"consent_confirmed":true}]}"##,
        r##"Ok {"visits":[{"client":"ABC-1","timepoint":{"code":"baseline"},"date":"2026-05-01","measures":[{"instrument":"phq9","version":"1","answers":[],"score":{"items":[{"item":"happy","value":7,"band":"high"}]}}],"consent_confirmed":true}]}"##,
    ),
    (
        r##"{"visits":[{"client":"ABC-1","timepoint":{"code":"baseline"},"date":"2026-05-01","measures":[{"instrument":"phq9","version":"1","answers":[],"score":{"items":[{"item":"happy","value":7}]}}],"consent_confirmed":true}]}"##,
        r##"Ok {"visits":[{"client":"ABC-1","timepoint":{"code":"baseline"},"date":"2026-05-01","measures":[{"instrument":"phq9","version":"1","answers":[],"score":{"items":[{"item":"happy","value":7,"band":null}]}}],"consent_confirmed":true}]}"##,
    ),
    (
        r##"{"visits":[{"client":"ABC-1","timepoint":{"code":"baseline"},"date":"2026-05-01","measures":[{"instrument":"phq9","version":"1","answers":[],"score":{"items":[{"item":"happy","value":7,"band":null}]}}],"consent_confirmed":true}]}"##,
        r##"Ok {"visits":[{"client":"ABC-1","timepoint":{"code":"baseline"},"date":"2026-05-01","measures":[{"instrument":"phq9","version":"1","answers":[],"score":{"items":[{"item":"happy","value":7,"band":null}]}}],"consent_confirmed":true}]}"##,
    ),
    (
        r##"{"visits":[{"client":"ABC-1","timepoint":{"code":"baseline"},"date":"2026-05-01","measures":[{"instrument":"phq9","version":"1","answers":[],"score":{"items":[{"item":"happy","value":7.5,"band":null}]}}],"consent_confirmed":true}]}"##,
        r##"Err"##,
    ),
    (
        r##"{"visits":[{"client":"ABC-1","timepoint":{"code":"baseline"},"date":"2026-05-01","measures":[{"instrument":"phq9","version":"1","answers":[],"score":{"items":[{"value":7,"band":null}]}}],"consent_confirmed":true}]}"##,
        r##"Err"##,
    ),
    (
        r##"{"visits":[{"client":"ABC-1","timepoint":{"code":"baseline"},"date":"2026-05-01","measures":[{"instrument":"phq9","version":"1","answers":[],"score":{"items":[{"item":"happy","value":7,"band":null,"x":1}]}}],"consent_confirmed":true}]}"##,
        r##"Err"##,
    ),
    (
        r##"{"visits":[{"client":"ABC-1","timepoint":{"code":"baseline"},"date":"2026-05-01","measures":[{"instrument":"phq9","version":"1","answers":[],"score":{"items":{}}}],"consent_confirmed":true}]}"##,
        r##"Err"##,
    ),
    (
        r##"{"visits":[{"client":"ABC-1","timepoint":{"code":"baseline"},"date":"2026-05-01","measures":[{"instrument":"phq9","version":"1","answers":[],"score":{"total":1,"extra":true}}],"consent_confirmed":true}]}"##,
        r##"Err"##,
    ),
    (
        r##"{"visits":[{"client":"ABC-1","timepoint":{"code":"baseline"},"date":"2026-05-01","measures":[{"instrument":"phq9","version":"1","answers":[],"score":14}],"consent_confirmed":true}]}"##,
        r##"Err"##,
    ),
    (
        r##"{"visits":[],"recorded":[{"client":"ABC-1","instrument":"phq9","score":{"total":14},"entered":"2026-05-01"}]}"##,
        r##"Ok {"visits":[],"recorded":[{"client":"ABC-1","instrument":"phq9","score":{"total":14},"entered":"2026-05-01"}]}"##,
    ),
    (
        r##"{"visits":[],"recorded":[{"entered":"2026-05-01","score":{"metric":23.21},"instrument":"swemwbs","client":"ABC-1"}]}"##,
        r##"Ok {"visits":[],"recorded":[{"client":"ABC-1","instrument":"swemwbs","score":{"metric":23.21},"entered":"2026-05-01"}]}"##,
    ),
    (
        r##"{"visits":[],"recorded":[{"client":"ABC-1","instrument":"phq9","score":{"total":14}}]}"##,
        r##"Err"##,
    ),
    (
        r##"{"visits":[],"recorded":[{"client":"ABC-1","instrument":"phq9","entered":"2026-05-01"}]}"##,
        r##"Err"##,
    ),
    (
        r##"{"visits":[],"recorded":[{"client":"ABC-1","instrument":"phq9","score":null,"entered":"2026-05-01"}]}"##,
        r##"Err"##,
    ),
    (
        r##"{"visits":[],"recorded":[{"client":"ABC-1","instrument":1,"score":{},"entered":"2026-05-01"}]}"##,
        r##"Err"##,
    ),
    (
        r##"{"visits":[],"recorded":[{"client":"abc-1","instrument":"phq9","score":{},"entered":"2026-05-01"}]}"##,
        r##"Err"##,
    ),
    (
        r##"{"visits":[],"recorded":[{"client":"ABC-1","instrument":"phq9","score":{},"entered":"2026-13-01"}]}"##,
        r##"Err"##,
    ),
    (
        r##"{"visits":[],"recorded":[{"client":"ABC-1","instrument":"phq9","score":{},"entered":"2026-05-01","source":"records"}]}"##,
        r##"Err"##,
    ),
    (r##"{"visits":[],"recorded":[null]}"##, r##"Err"##),
];
const STORED_VISITS: &[(&str, &str)] = &[
    (
        r##"empty"##,
        r##"{"version":1,"saved_at_ms":1800000000000,"page":"details","reference":"","timepoint_code":"","other_day":"","other_month":"","other_year":"","consent":false,"records":{},"answers":{},"notes":""}"##,
    ),
    (
        r##"full"##,
        "{\"version\":1,\"saved_at_ms\":18446744073709551615,\"page\":\"measure-2\",\"reference\":\" abc-12345 Zoë \\\"Z\\\" O'Brien \\\\ / <b>&</b>\\n\\tline\\r\\u0001\\b\\f\\u001f\u{7f} 😀 \u{2028}\",\"timepoint_code\":\"other\",\"other_day\":\"31\",\"other_month\":\"ü\",\"other_year\":\"Zoë \\\"Z\\\" O'Brien \\\\ / <b>&</b>\\n\\tline\\r\\u0001\\b\\f\\u001f\u{7f} 😀 \u{2028}\",\"consent\":true,\"records\":{\"Zoë \\\"Z\\\" O'Brien \\\\ / <b>&</b>\\n\\tline\\r\\u0001\\b\\f\\u001f\u{7f} 😀 \u{2028}\":\"Zoë \\\"Z\\\" O'Brien \\\\ / <b>&</b>\\n\\tline\\r\\u0001\\b\\f\\u001f\u{7f} 😀 \u{2028}\",\"ons4-happy\":\" 7 \",\"phq9\":\"14\",\"swemwbs\":\"23.21\"},\"answers\":{\"ons4\":{\"anxious\":-9223372036854775808,\"happy\":9223372036854775807,\"worthwhile\":10},\"phq9\":{\"phq9-1\":0,\"phq9-9\":3},\"ucla3\":{}},\"notes\":\"Zoë \\\"Z\\\" O'Brien \\\\ / <b>&</b>\\n\\tline\\r\\u0001\\b\\f\\u001f\u{7f} 😀 \u{2028}\"}",
    ),
    (
        r##"check"##,
        r##"{"version":1,"saved_at_ms":0,"page":"check","reference":"ABC-12345","timepoint_code":"6-weeks","other_day":"","other_month":"","other_year":"","consent":true,"records":{},"answers":{},"notes":""}"##,
    ),
];
const STORED_VISIT_READS: &[(&str, &str)] = &[
    (
        r##"{"version":1,"saved_at_ms":1800000000000,"page":"details","reference":"","timepoint_code":"","other_day":"","other_month":"","other_year":"","consent":false,"records":{},"answers":{},"notes":""}"##,
        r##"Ok {"version":1,"saved_at_ms":1800000000000,"page":"details","reference":"","timepoint_code":"","other_day":"","other_month":"","other_year":"","consent":false,"records":{},"answers":{},"notes":""}"##,
    ),
    (r##""##, r##"Err"##),
    (r##"{"##, r##"Err"##),
    (r##"null"##, r##"Err"##),
    (r##"{}"##, r##"Err"##),
    (r##"[]"##, r##"Err"##),
    (
        " {\n \"version\":1 ,\r\n\t\"saved_at_ms\":1800000000000 ,\r\n\t\"page\":\"details\" ,\r\n\t\"reference\":\"\" ,\r\n\t\"timepoint_code\":\"\" ,\r\n\t\"other_day\":\"\" ,\r\n\t\"other_month\":\"\" ,\r\n\t\"other_year\":\"\" ,\r\n\t\"consent\":false ,\r\n\t\"records\":{} ,\r\n\t\"answers\":{} ,\r\n\t\"notes\":\"\"}",
        r##"Ok {"version":1,"saved_at_ms":1800000000000,"page":"details","reference":"","timepoint_code":"","other_day":"","other_month":"","other_year":"","consent":false,"records":{},"answers":{},"notes":""}"##,
    ),
    (
        r##"{"version":2,"saved_at_ms":1800000000000,"page":"details","reference":"","timepoint_code":"","other_day":"","other_month":"","other_year":"","consent":false,"records":{},"answers":{},"notes":""}"##,
        r##"Ok {"version":2,"saved_at_ms":1800000000000,"page":"details","reference":"","timepoint_code":"","other_day":"","other_month":"","other_year":"","consent":false,"records":{},"answers":{},"notes":""}"##,
    ),
    (
        r##"{"version":0,"saved_at_ms":1800000000000,"page":"details","reference":"","timepoint_code":"","other_day":"","other_month":"","other_year":"","consent":false,"records":{},"answers":{},"notes":""}"##,
        r##"Ok {"version":0,"saved_at_ms":1800000000000,"page":"details","reference":"","timepoint_code":"","other_day":"","other_month":"","other_year":"","consent":false,"records":{},"answers":{},"notes":""}"##,
    ),
    (
        r##"{"version":-1,"saved_at_ms":1800000000000,"page":"details","reference":"","timepoint_code":"","other_day":"","other_month":"","other_year":"","consent":false,"records":{},"answers":{},"notes":""}"##,
        r##"Err"##,
    ),
    (
        r##"{"version":1.0,"saved_at_ms":1800000000000,"page":"details","reference":"","timepoint_code":"","other_day":"","other_month":"","other_year":"","consent":false,"records":{},"answers":{},"notes":""}"##,
        r##"Err"##,
    ),
    (
        r##"{"version":"1","saved_at_ms":1800000000000,"page":"details","reference":"","timepoint_code":"","other_day":"","other_month":"","other_year":"","consent":false,"records":{},"answers":{},"notes":""}"##,
        r##"Err"##,
    ),
    (
        r##"{"version":4294967295,"saved_at_ms":1800000000000,"page":"details","reference":"","timepoint_code":"","other_day":"","other_month":"","other_year":"","consent":false,"records":{},"answers":{},"notes":""}"##,
        r##"Ok {"version":4294967295,"saved_at_ms":1800000000000,"page":"details","reference":"","timepoint_code":"","other_day":"","other_month":"","other_year":"","consent":false,"records":{},"answers":{},"notes":""}"##,
    ),
    (
        r##"{"version":4294967296,"saved_at_ms":1800000000000,"page":"details","reference":"","timepoint_code":"","other_day":"","other_month":"","other_year":"","consent":false,"records":{},"answers":{},"notes":""}"##,
        r##"Err"##,
    ),
    (
        r##"{"saved_at_ms":1800000000000,"page":"details","reference":"","timepoint_code":"","other_day":"","other_month":"","other_year":"","consent":false,"records":{},"answers":{},"notes":""}"##,
        r##"Err"##,
    ),
    (
        r##"{"version":1,"saved_at_ms":18446744073709551615,"page":"details","reference":"","timepoint_code":"","other_day":"","other_month":"","other_year":"","consent":false,"records":{},"answers":{},"notes":""}"##,
        r##"Ok {"version":1,"saved_at_ms":18446744073709551615,"page":"details","reference":"","timepoint_code":"","other_day":"","other_month":"","other_year":"","consent":false,"records":{},"answers":{},"notes":""}"##,
    ),
    (
        r##"{"version":1,"saved_at_ms":18446744073709551616,"page":"details","reference":"","timepoint_code":"","other_day":"","other_month":"","other_year":"","consent":false,"records":{},"answers":{},"notes":""}"##,
        r##"Err"##,
    ),
    (
        r##"{"version":1,"saved_at_ms":-1,"page":"details","reference":"","timepoint_code":"","other_day":"","other_month":"","other_year":"","consent":false,"records":{},"answers":{},"notes":""}"##,
        r##"Err"##,
    ),
    (
        r##"{"version":1,"saved_at_ms":1.8e12,"page":"details","reference":"","timepoint_code":"","other_day":"","other_month":"","other_year":"","consent":false,"records":{},"answers":{},"notes":""}"##,
        r##"Err"##,
    ),
    (
        r##"{"version":1,"saved_at_ms":null,"page":"details","reference":"","timepoint_code":"","other_day":"","other_month":"","other_year":"","consent":false,"records":{},"answers":{},"notes":""}"##,
        r##"Err"##,
    ),
    (
        r##"{"version":1,"saved_at_ms":1800000000000,"page":"measure-7","reference":"","timepoint_code":"","other_day":"","other_month":"","other_year":"","consent":false,"records":{},"answers":{},"notes":""}"##,
        r##"Ok {"version":1,"saved_at_ms":1800000000000,"page":"measure-7","reference":"","timepoint_code":"","other_day":"","other_month":"","other_year":"","consent":false,"records":{},"answers":{},"notes":""}"##,
    ),
    (
        r##"{"version":1,"saved_at_ms":1800000000000,"page":"home","reference":"","timepoint_code":"","other_day":"","other_month":"","other_year":"","consent":false,"records":{},"answers":{},"notes":""}"##,
        r##"Ok {"version":1,"saved_at_ms":1800000000000,"page":"home","reference":"","timepoint_code":"","other_day":"","other_month":"","other_year":"","consent":false,"records":{},"answers":{},"notes":""}"##,
    ),
    (
        r##"{"version":1,"saved_at_ms":1800000000000,"page":"","reference":"","timepoint_code":"","other_day":"","other_month":"","other_year":"","consent":false,"records":{},"answers":{},"notes":""}"##,
        r##"Ok {"version":1,"saved_at_ms":1800000000000,"page":"","reference":"","timepoint_code":"","other_day":"","other_month":"","other_year":"","consent":false,"records":{},"answers":{},"notes":""}"##,
    ),
    (
        r##"{"version":1,"saved_at_ms":1800000000000,"page":null,"reference":"","timepoint_code":"","other_day":"","other_month":"","other_year":"","consent":false,"records":{},"answers":{},"notes":""}"##,
        r##"Err"##,
    ),
    (
        r##"{"version":1,"saved_at_ms":1800000000000,"reference":"","timepoint_code":"","other_day":"","other_month":"","other_year":"","consent":false,"records":{},"answers":{},"notes":""}"##,
        r##"Err"##,
    ),
    (
        r##"{"version":1,"saved_at_ms":1800000000000,"page":"details","reference":"ABC-12345","timepoint_code":"","other_day":"","other_month":"","other_year":"","consent":false,"records":{},"answers":{},"notes":""}"##,
        r##"Ok {"version":1,"saved_at_ms":1800000000000,"page":"details","reference":"ABC-12345","timepoint_code":"","other_day":"","other_month":"","other_year":"","consent":false,"records":{},"answers":{},"notes":""}"##,
    ),
    (
        r##"{"version":1,"saved_at_ms":1800000000000,"page":"details","reference":" zoë-\"1\"\n\u00e9\ud83d\ude00\u0000","timepoint_code":"","other_day":"","other_month":"","other_year":"","consent":false,"records":{},"answers":{},"notes":""}"##,
        r##"Ok {"version":1,"saved_at_ms":1800000000000,"page":"details","reference":" zoë-\"1\"\né😀\u0000","timepoint_code":"","other_day":"","other_month":"","other_year":"","consent":false,"records":{},"answers":{},"notes":""}"##,
    ),
    (
        r##"{"version":1,"saved_at_ms":1800000000000,"page":"details","reference":12345,"timepoint_code":"","other_day":"","other_month":"","other_year":"","consent":false,"records":{},"answers":{},"notes":""}"##,
        r##"Err"##,
    ),
    (
        r##"{"version":1,"saved_at_ms":1800000000000,"page":"details","reference":null,"timepoint_code":"","other_day":"","other_month":"","other_year":"","consent":false,"records":{},"answers":{},"notes":""}"##,
        r##"Err"##,
    ),
    (
        r##"{"version":1,"saved_at_ms":1800000000000,"page":"details","reference":"","timepoint_code":"other","other_day":"","other_month":"","other_year":"","consent":false,"records":{},"answers":{},"notes":""}"##,
        r##"Ok {"version":1,"saved_at_ms":1800000000000,"page":"details","reference":"","timepoint_code":"other","other_day":"","other_month":"","other_year":"","consent":false,"records":{},"answers":{},"notes":""}"##,
    ),
    (
        r##"{"version":1,"saved_at_ms":1800000000000,"page":"details","reference":"","timepoint_code":["other"],"other_day":"","other_month":"","other_year":"","consent":false,"records":{},"answers":{},"notes":""}"##,
        r##"Err"##,
    ),
    (
        r##"{"version":1,"saved_at_ms":1800000000000,"page":"details","reference":"","timepoint_code":"","other_day":"1","other_month":"5","other_year":"2026","consent":false,"records":{},"answers":{},"notes":""}"##,
        r##"Ok {"version":1,"saved_at_ms":1800000000000,"page":"details","reference":"","timepoint_code":"","other_day":"1","other_month":"5","other_year":"2026","consent":false,"records":{},"answers":{},"notes":""}"##,
    ),
    (
        r##"{"version":1,"saved_at_ms":1800000000000,"page":"details","reference":"","timepoint_code":"","other_day":1,"other_month":"","other_year":"","consent":false,"records":{},"answers":{},"notes":""}"##,
        r##"Err"##,
    ),
    (
        r##"{"version":1,"saved_at_ms":1800000000000,"page":"details","reference":"","timepoint_code":"","other_day":"","other_month":"","consent":false,"records":{},"answers":{},"notes":""}"##,
        r##"Err"##,
    ),
    (
        r##"{"version":1,"saved_at_ms":1800000000000,"page":"details","reference":"","timepoint_code":"","other_day":"","other_month":"","other_year":"","consent":true,"records":{},"answers":{},"notes":""}"##,
        r##"Ok {"version":1,"saved_at_ms":1800000000000,"page":"details","reference":"","timepoint_code":"","other_day":"","other_month":"","other_year":"","consent":true,"records":{},"answers":{},"notes":""}"##,
    ),
    (
        r##"{"version":1,"saved_at_ms":1800000000000,"page":"details","reference":"","timepoint_code":"","other_day":"","other_month":"","other_year":"","consent":0,"records":{},"answers":{},"notes":""}"##,
        r##"Err"##,
    ),
    (
        r##"{"version":1,"saved_at_ms":1800000000000,"page":"details","reference":"","timepoint_code":"","other_day":"","other_month":"","other_year":"","consent":null,"records":{},"answers":{},"notes":""}"##,
        r##"Err"##,
    ),
    (
        r##"{"version":1,"saved_at_ms":1800000000000,"page":"details","reference":"","timepoint_code":"","other_day":"","other_month":"","other_year":"","consent":false,"records":{"phq9":"14","ons4-happy":"7"},"answers":{},"notes":""}"##,
        r##"Ok {"version":1,"saved_at_ms":1800000000000,"page":"details","reference":"","timepoint_code":"","other_day":"","other_month":"","other_year":"","consent":false,"records":{"ons4-happy":"7","phq9":"14"},"answers":{},"notes":""}"##,
    ),
    (
        r##"{"version":1,"saved_at_ms":1800000000000,"page":"details","reference":"","timepoint_code":"","other_day":"","other_month":"","other_year":"","consent":false,"records":{"phq9":14},"answers":{},"notes":""}"##,
        r##"Err"##,
    ),
    (
        r##"{"version":1,"saved_at_ms":1800000000000,"page":"details","reference":"","timepoint_code":"","other_day":"","other_month":"","other_year":"","consent":false,"records":{"phq9":null},"answers":{},"notes":""}"##,
        r##"Err"##,
    ),
    (
        r##"{"version":1,"saved_at_ms":1800000000000,"page":"details","reference":"","timepoint_code":"","other_day":"","other_month":"","other_year":"","consent":false,"records":[],"answers":{},"notes":""}"##,
        r##"Err"##,
    ),
    (
        r##"{"version":1,"saved_at_ms":1800000000000,"page":"details","reference":"","timepoint_code":"","other_day":"","other_month":"","other_year":"","consent":false,"records":null,"answers":{},"notes":""}"##,
        r##"Err"##,
    ),
    (
        r##"{"version":1,"saved_at_ms":1800000000000,"page":"details","reference":"","timepoint_code":"","other_day":"","other_month":"","other_year":"","consent":false,"records":{},"answers":{"phq9":{"phq9-9":3,"phq9-1":0},"gad7":{}},"notes":""}"##,
        r##"Ok {"version":1,"saved_at_ms":1800000000000,"page":"details","reference":"","timepoint_code":"","other_day":"","other_month":"","other_year":"","consent":false,"records":{},"answers":{"gad7":{},"phq9":{"phq9-1":0,"phq9-9":3}},"notes":""}"##,
    ),
    (
        r##"{"version":1,"saved_at_ms":1800000000000,"page":"details","reference":"","timepoint_code":"","other_day":"","other_month":"","other_year":"","consent":false,"records":{},"answers":{"phq9":{"phq9-1":"0"}},"notes":""}"##,
        r##"Err"##,
    ),
    (
        r##"{"version":1,"saved_at_ms":1800000000000,"page":"details","reference":"","timepoint_code":"","other_day":"","other_month":"","other_year":"","consent":false,"records":{},"answers":{"phq9":{"phq9-1":0.0}},"notes":""}"##,
        r##"Err"##,
    ),
    (
        r##"{"version":1,"saved_at_ms":1800000000000,"page":"details","reference":"","timepoint_code":"","other_day":"","other_month":"","other_year":"","consent":false,"records":{},"answers":{"phq9":{"phq9-1":null}},"notes":""}"##,
        r##"Err"##,
    ),
    (
        r##"{"version":1,"saved_at_ms":1800000000000,"page":"details","reference":"","timepoint_code":"","other_day":"","other_month":"","other_year":"","consent":false,"records":{},"answers":{"phq9":{"phq9-1":-9223372036854775809}},"notes":""}"##,
        r##"Err"##,
    ),
    (
        r##"{"version":1,"saved_at_ms":1800000000000,"page":"details","reference":"","timepoint_code":"","other_day":"","other_month":"","other_year":"","consent":false,"records":{},"answers":{"phq9":[]},"notes":""}"##,
        r##"Err"##,
    ),
    (
        r##"{"version":1,"saved_at_ms":1800000000000,"page":"details","reference":"","timepoint_code":"","other_day":"","other_month":"","other_year":"","consent":false,"records":{},"answers":{"phq9":null},"notes":""}"##,
        r##"Err"##,
    ),
    (
        r##"{"version":1,"saved_at_ms":1800000000000,"page":"details","reference":"","timepoint_code":"","other_day":"","other_month":"","other_year":"","consent":false,"records":{},"answers":[],"notes":""}"##,
        r##"Err"##,
    ),
    (
        r##"{"version":1,"saved_at_ms":1800000000000,"page":"details","reference":"","timepoint_code":"","other_day":"","other_month":"","other_year":"","consent":false,"records":{},"answers":{},"notes":"Met at home\n\n\"ok\""}"##,
        r##"Ok {"version":1,"saved_at_ms":1800000000000,"page":"details","reference":"","timepoint_code":"","other_day":"","other_month":"","other_year":"","consent":false,"records":{},"answers":{},"notes":"Met at home\n\n\"ok\""}"##,
    ),
    (
        r##"{"version":1,"saved_at_ms":1800000000000,"page":"details","reference":"","timepoint_code":"","other_day":"","other_month":"","other_year":"","consent":false,"records":{},"answers":{},"notes":null}"##,
        r##"Err"##,
    ),
    (
        r##"{"version":1,"saved_at_ms":1800000000000,"page":"details","reference":"","timepoint_code":"","other_day":"","other_month":"","other_year":"","consent":false,"records":{},"answers":{},"notes":"","extra":1}"##,
        r##"Err"##,
    ),
    (
        r##"{"version":1,"saved_at_ms":1800000000000,"page":"details","reference":"","timepoint_code":"","other_day":"","other_month":"","other_year":"","consent":false,"records":{},"answers":{},"notes":"","notes":"x"}"##,
        r##"Err"##,
    ),
    (
        r##"{"version":1,"saved_at_ms":1800000000000,"page":"details","reference":"","timepoint_code":"","other_day":"","other_month":"","other_year":"","consent":false,"records":{},"answers":{}}"##,
        r##"Err"##,
    ),
];
const QUEUED: &[(&str, &str)] = &[
    (
        r##"{"schema_version":"1","submission_id":"0f8fad5b-d9cb-469f-a165-70867728950e","submitted_at":"2026-05-01T10:00:00Z","mode":"follow-up","client_reference":"ABC-12345","timepoint":{"code":"6-weeks"},"visit_date":"2026-05-01","client_agreed":true,"measures":[{"instrument":"phq9","version":"1","answers":[],"score":null}],"risk":{"urgent":false,"reasons":[]}}"##,
        r##"ABC-12345 – 6 weeks"##,
    ),
    (
        r##"{"schema_version":"1","submission_id":"0f8fad5b-d9cb-469f-a165-70867728950e","submitted_at":"2026-05-01T10:00:00Z","mode":"follow-up","client_reference":"ABC-12345","timepoint":{"code":"baseline"},"visit_date":"2026-05-01","client_agreed":true,"measures":[{"instrument":"phq9","version":"1","answers":[],"score":null}],"risk":{"urgent":false,"reasons":[]}}"##,
        r##"ABC-12345 – Baseline"##,
    ),
    (
        r##"{"schema_version":"1","submission_id":"0f8fad5b-d9cb-469f-a165-70867728950e","submitted_at":"2026-05-01T10:00:00Z","mode":"follow-up","client_reference":"ABC-12345","timepoint":{"code":"3-months"},"visit_date":"2026-05-01","client_agreed":true,"measures":[{"instrument":"phq9","version":"1","answers":[],"score":null}],"risk":{"urgent":false,"reasons":[]}}"##,
        r##"ABC-12345 – 3 months"##,
    ),
    (
        r##"{"schema_version":"1","submission_id":"0f8fad5b-d9cb-469f-a165-70867728950e","submitted_at":"2026-05-01T10:00:00Z","mode":"follow-up","client_reference":"LW-1","timepoint":{"code":"6-months"},"visit_date":"2026-05-01","client_agreed":true,"measures":[{"instrument":"phq9","version":"1","answers":[],"score":null}],"risk":{"urgent":false,"reasons":[]}}"##,
        r##"LW-1 – 6 months"##,
    ),
    (
        r##"{"schema_version":"1","submission_id":"0f8fad5b-d9cb-469f-a165-70867728950e","submitted_at":"2026-05-01T10:00:00Z","mode":"follow-up","client_reference":"LW-1","timepoint":{"code":"other","date":"2026-04-30"},"visit_date":"2026-05-01","client_agreed":true,"measures":[{"instrument":"phq9","version":"1","answers":[],"score":null}],"risk":{"urgent":false,"reasons":[]}}"##,
        r##"LW-1 – Other (30 April 2026)"##,
    ),
    (
        r##"{"schema_version":"1","submission_id":"0f8fad5b-d9cb-469f-a165-70867728950e","submitted_at":"2026-05-01T10:00:00Z","mode":"follow-up","timepoint":{"code":"6-weeks"},"client_reference":"ABC-12345","visit_date":"2026-05-01","client_agreed":true,"measures":[{"instrument":"phq9","version":"1","answers":[],"score":null}],"risk":{"urgent":false,"reasons":[]}}"##,
        r##"ABC-12345 – 6 weeks"##,
    ),
    (
        r##"{"schema_version":"1","submission_id":"0f8fad5b-d9cb-469f-a165-70867728950e","submitted_at":"2026-05-01T10:00:00Z","mode":"follow-up","client_reference":"ABC-12345","visit_date":"2026-05-01","client_agreed":true,"measures":[{"instrument":"phq9","version":"1","answers":[],"score":null}],"risk":{"urgent":false,"reasons":[]}}"##,
        r##"A visit"##,
    ),
    (
        r##"{"schema_version":"1","submission_id":"0f8fad5b-d9cb-469f-a165-70867728950e","submitted_at":"2026-05-01T10:00:00Z","mode":"follow-up","timepoint":{"code":"6-weeks"},"visit_date":"2026-05-01","client_agreed":true,"measures":[{"instrument":"phq9","version":"1","answers":[],"score":null}],"risk":{"urgent":false,"reasons":[]}}"##,
        r##"A visit"##,
    ),
    (
        r##"{"schema_version":"1","submission_id":"0f8fad5b-d9cb-469f-a165-70867728950e","submitted_at":"2026-05-01T10:00:00Z","mode":"follow-up","client_reference":null,"timepoint":{"code":"6-weeks"},"visit_date":"2026-05-01","client_agreed":true,"measures":[{"instrument":"phq9","version":"1","answers":[],"score":null}],"risk":{"urgent":false,"reasons":[]}}"##,
        r##"A visit"##,
    ),
    (
        r##"{"schema_version":"1","submission_id":"0f8fad5b-d9cb-469f-a165-70867728950e","submitted_at":"2026-05-01T10:00:00Z","mode":"follow-up","client_reference":"ABC-12345","timepoint":null,"visit_date":"2026-05-01","client_agreed":true,"measures":[{"instrument":"phq9","version":"1","answers":[],"score":null}],"risk":{"urgent":false,"reasons":[]}}"##,
        r##"A visit"##,
    ),
    (
        r##"{"schema_version":"1","submission_id":"0f8fad5b-d9cb-469f-a165-70867728950e","submitted_at":"2026-05-01T10:00:00Z","mode":"follow-up","client_reference":"abc-12345","timepoint":{"code":"6-weeks"},"visit_date":"2026-05-01","client_agreed":true,"measures":[{"instrument":"phq9","version":"1","answers":[],"score":null}],"risk":{"urgent":false,"reasons":[]}}"##,
        r##"A visit"##,
    ),
    (
        r##"{"schema_version":"1","submission_id":"0f8fad5b-d9cb-469f-a165-70867728950e","submitted_at":"2026-05-01T10:00:00Z","mode":"follow-up","client_reference":"ZOË","timepoint":{"code":"6-weeks"},"visit_date":"2026-05-01","client_agreed":true,"measures":[{"instrument":"phq9","version":"1","answers":[],"score":null}],"risk":{"urgent":false,"reasons":[]}}"##,
        r##"A visit"##,
    ),
    (
        r##"{"schema_version":"1","submission_id":"0f8fad5b-d9cb-469f-a165-70867728950e","submitted_at":"2026-05-01T10:00:00Z","mode":"follow-up","client_reference":"ABC-12345","timepoint":{"code":"7-weeks"},"visit_date":"2026-05-01","client_agreed":true,"measures":[{"instrument":"phq9","version":"1","answers":[],"score":null}],"risk":{"urgent":false,"reasons":[]}}"##,
        r##"A visit"##,
    ),
    (
        r##"{"schema_version":"1","submission_id":"0f8fad5b-d9cb-469f-a165-70867728950e","submitted_at":"2026-05-01T10:00:00Z","mode":"follow-up","client_reference":"ABC-12345","timepoint":{"code":"other"},"visit_date":"2026-05-01","client_agreed":true,"measures":[{"instrument":"phq9","version":"1","answers":[],"score":null}],"risk":{"urgent":false,"reasons":[]}}"##,
        r##"A visit"##,
    ),
    (
        r##"{"schema_version":"1","submission_id":"0f8fad5b-d9cb-469f-a165-70867728950e","submitted_at":"2026-05-01T10:00:00Z","mode":"follow-up","client_reference":"ABC-12345","timepoint":{"code":"6-weeks","x":1},"visit_date":"2026-05-01","client_agreed":true,"measures":[{"instrument":"phq9","version":"1","answers":[],"score":null}],"risk":{"urgent":false,"reasons":[]}}"##,
        r##"A visit"##,
    ),
    (
        r##"{"schema_version":"1","submission_id":"0f8fad5b-d9cb-469f-a165-70867728950e","submitted_at":"2026-05-01T10:00:00Z","mode":"follow-up","client_reference":"ABC-12345","timepoint":"6-weeks","visit_date":"2026-05-01","client_agreed":true,"measures":[{"instrument":"phq9","version":"1","answers":[],"score":null}],"risk":{"urgent":false,"reasons":[]}}"##,
        r##"A visit"##,
    ),
    (
        r##"{"schema_version":"1","submission_id":"0f8fad5b-d9cb-469f-a165-70867728950e","submitted_at":"2026-05-01T10:00:00Z","mode":"follow-up","client_reference":1,"timepoint":{"code":"6-weeks"},"visit_date":"2026-05-01","client_agreed":true,"measures":[{"instrument":"phq9","version":"1","answers":[],"score":null}],"risk":{"urgent":false,"reasons":[]}}"##,
        r##"A visit"##,
    ),
    (
        r##"{"schema_version":"1","submission_id":"0f8fad5b-d9cb-469f-a165-70867728950e","submitted_at":"2026-05-01T10:00:00Z","mode":"follow-up","client_reference":"ABC-12345","timepoint":{"code":"6-weeks"},"client_reference":"ABC-2","visit_date":"2026-05-01","client_agreed":true,"measures":[{"instrument":"phq9","version":"1","answers":[],"score":null}],"risk":{"urgent":false,"reasons":[]}}"##,
        r##"A visit"##,
    ),
    (
        r##"{"schema_version":"1","submission_id":"0f8fad5b-d9cb-469f-a165-70867728950e","submitted_at":"2026-05-01T10:00:00Z","mode":"follow-up","client_reference":"ABC-12345","timepoint":{"code":"6-weeks"},"notes":"x\u00e9","visit_date":"2026-05-01","client_agreed":true,"measures":[{"instrument":"phq9","version":"1","answers":[],"score":null}],"risk":{"urgent":false,"reasons":[]}}"##,
        r##"ABC-12345 – 6 weeks"##,
    ),
    (
        r##"{"client_reference":"ABC-12345","timepoint":{"code":"6-weeks"}}"##,
        r##"ABC-12345 – 6 weeks"##,
    ),
    (
        r##"{"schema_version":"1","mode":"self-referral","measures":[]}"##,
        r##"A visit"##,
    ),
    (
        r##"{"client_reference":"ABC-12345","timepoint":{"code":"6-weeks"}"##,
        r##"A visit"##,
    ),
    (r##"{}"##, r##"A visit"##),
    (r##"[]"##, r##"A visit"##),
    (r##"null"##, r##"A visit"##),
    (r##""##, r##"A visit"##),
    (r##"<Bundle/>"##, r##"A visit"##),
];
