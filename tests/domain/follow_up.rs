//! The link-worker follow-up model: client references and their pattern, timepoints,
//! the history on a shared device, change and meaningful-change verdicts, chart geometry and the
//! follow-up payload.

use crate::common;

use proptest::prelude::*;
use serde_json::json;
use wellbeing_widget::domain::follow_up::*;
use wellbeing_widget::domain::instrument::*;
use wellbeing_widget::domain::payload::{AnswerOut, Measure};
use wellbeing_widget::domain::referral::SimpleDate;
use wellbeing_widget::domain::scoring::{
    BaselineSource, ItemScore, MeasureChange, Score, ScoreChange, Trend,
};

fn date(s: &str) -> SimpleDate {
    SimpleDate::parse_iso(s).unwrap()
}

fn client(s: &str) -> ClientReference {
    ClientReference::parse(s, None).unwrap()
}

fn total(n: i64) -> Score {
    Score {
        total: Some(n),
        metric: None,
        band: None,
        subscales: vec![],
        items: vec![],
    }
}

fn measure(instrument: &str, score: Option<Score>) -> Measure {
    Measure {
        instrument: instrument.into(),
        version: "1".into(),
        answers: vec![],
        score,
        change: None,
    }
}

fn visit(c: &str, tp: Timepoint, d: &str, phq9_total: i64) -> Visit {
    Visit {
        client: client(c),
        timepoint: tp,
        date: date(d),
        measures: vec![measure("phq9", Some(total(phq9_total)))],
        consent_confirmed: true,
        notes: None,
    }
}

// ---- reference pattern and client reference -------------------------------------------------

#[test]
fn pattern_language() {
    let p = ReferencePattern::parse(" aaa-99999 ").unwrap();
    assert_eq!(p.as_str(), "AAA-99999");
    assert_eq!(p.example(), "ABC-12345");
    assert!(p.matches("XYZ-00000"));
    assert!(!p.matches("XY1-00000"));
    assert!(!p.matches("XYZ-0000"));
    assert!(!p.matches("XYZ_00000"));
    // Other letters and digits are literal.
    let lw = ReferencePattern::parse("LW99999").unwrap();
    assert_eq!(lw.example(), "LW12345");
    assert!(lw.matches("LW00042"));
    assert!(!lw.matches("LX00042"));
    let ten = ReferencePattern::parse("99999999999").unwrap();
    assert_eq!(ten.example(), "12345678901");
}

#[test]
fn pattern_errors() {
    use ReferencePatternError::*;
    assert_eq!(ReferencePattern::parse("  "), Err(Empty));
    assert_eq!(ReferencePattern::parse(&"9".repeat(33)), Err(TooLong));
    assert!(ReferencePattern::parse(&"9".repeat(32)).is_ok());
    assert_eq!(ReferencePattern::parse("AAA 999"), Err(InvalidCharacter));
    assert_eq!(ReferencePattern::parse("AAA/999"), Err(InvalidCharacter));
    assert_eq!(ReferencePattern::parse("ÄA9"), Err(InvalidCharacter));
    assert_eq!(ReferencePattern::parse("LW-"), Err(NoPlaceholder));
    assert!(
        NoPlaceholder
            .to_string()
            .starts_with("data-client-reference-pattern")
    );
}

#[test]
fn client_reference_with_pattern() {
    let p = ReferencePattern::parse("AAA-99999").unwrap();
    let r = ClientReference::parse(" abc - 123 45 ", Some(&p)).unwrap();
    assert_eq!(r.as_str(), "ABC-12345");
    assert_eq!(
        ClientReference::parse("   ", Some(&p)),
        Err(ClientReferenceError::Missing)
    );
    let err = ClientReference::parse("JOHN-SMITH", Some(&p)).unwrap_err();
    assert_eq!(
        err.to_string(),
        "Client reference must be in the format ABC-12345"
    );
    assert!(!err.to_string().contains("JOHN"));
    assert!(ClientReference::parse("AB-12345", Some(&p)).is_err());
    assert!(ClientReference::parse("ABCD-12345", Some(&p)).is_err());
}

#[test]
fn client_reference_without_pattern() {
    assert_eq!(client("lw-42").as_str(), "LW-42");
    assert_eq!(client("a").as_str(), "A");
    assert_eq!(client(&"9".repeat(32)).as_str().len(), 32);
    assert_eq!(
        ClientReference::parse("", None).unwrap_err().to_string(),
        "Enter the client reference"
    );
    assert_eq!(
        ClientReference::parse(&"9".repeat(33), None),
        Err(ClientReferenceError::TooLong)
    );
    assert_eq!(
        ClientReference::parse("AB/12", None)
            .unwrap_err()
            .to_string(),
        "Client reference must only include letters, numbers and hyphens"
    );
    assert!(ClientReference::parse("ÉMILE", None).is_err());
}

#[test]
fn client_reference_serde() {
    assert_eq!(
        serde_json::to_value(client("abc-1")).unwrap(),
        json!("ABC-1")
    );
    assert!(serde_json::from_value::<ClientReference>(json!("ABC-1")).is_ok());
    assert!(serde_json::from_value::<ClientReference>(json!("abc-1")).is_err());
    assert!(serde_json::from_value::<ClientReference>(json!("")).is_err());
}

// ---- timepoints ----------------------------------------------------------------------------

#[test]
fn timepoint_codes_labels_and_serde() {
    let d = date("2026-05-01");
    let all = [
        (Timepoint::Baseline, "baseline", "Baseline"),
        (Timepoint::SixWeeks, "6-weeks", "6 weeks"),
        (Timepoint::ThreeMonths, "3-months", "3 months"),
        (Timepoint::SixMonths, "6-months", "6 months"),
    ];
    for (t, code, label) in all {
        assert_eq!(t.code(), code);
        assert_eq!(t.label(), label);
        assert_eq!(Timepoint::from_code(code, None), Ok(t));
        assert_eq!(serde_json::to_value(t).unwrap(), json!({ "code": code }));
    }
    let other = Timepoint::Other { date: d };
    assert_eq!(other.code(), "other");
    assert_eq!(other.label(), "Other (1 May 2026)");
    assert_eq!(
        serde_json::to_value(other).unwrap(),
        json!({"code": "other", "date": "2026-05-01"})
    );
    assert_eq!(
        serde_json::from_value::<Timepoint>(json!({"code": "other", "date": "2026-05-01"}))
            .unwrap(),
        other
    );
    assert_eq!(
        Timepoint::from_code("other", None),
        Err(TimepointError::MissingDate)
    );
    assert_eq!(
        Timepoint::from_code("baseline", Some(d)),
        Err(TimepointError::UnexpectedDate)
    );
    assert_eq!(
        Timepoint::from_code("12-weeks", None),
        Err(TimepointError::UnknownCode)
    );
    assert_eq!(Timepoint::from_code("", None), Err(TimepointError::Missing));
    assert!(serde_json::from_value::<Timepoint>(json!({"code": "other"})).is_err());
    assert!(
        serde_json::from_value::<Timepoint>(json!({"code": "other", "date": "2026-05-01", "x": 1}))
            .is_err()
    );
    // A fixed timepoint has no fields, and serde's internally tagged unit variants ignore any
    // beside the code (the JSON Schema refuses them).
    assert_eq!(
        serde_json::from_value::<Timepoint>(json!({"code": "baseline", "x": 1})).unwrap(),
        Timepoint::Baseline
    );
}

#[test]
fn timepoint_chart_order() {
    let base = date("2026-01-01");
    let mut v = vec![
        Timepoint::SixMonths,
        Timepoint::Other {
            date: date("2026-03-01"),
        }, // 59 days: between 6 weeks and 3 months
        Timepoint::ThreeMonths,
        Timepoint::Baseline,
        Timepoint::SixWeeks,
    ];
    v.sort_by(|a, b| a.chart_cmp(*b, Some(base)));
    assert_eq!(
        v,
        vec![
            Timepoint::Baseline,
            Timepoint::SixWeeks,
            Timepoint::Other {
                date: date("2026-03-01")
            },
            Timepoint::ThreeMonths,
            Timepoint::SixMonths,
        ]
    );
    // Without a baseline date, others come last, by date.
    let mut w = vec![
        Timepoint::Other {
            date: date("2026-03-01"),
        },
        Timepoint::Other {
            date: date("2026-02-01"),
        },
        Timepoint::SixMonths,
        Timepoint::Baseline,
    ];
    w.sort_by(|a, b| a.chart_cmp(*b, None));
    assert_eq!(
        w,
        vec![
            Timepoint::Baseline,
            Timepoint::SixMonths,
            Timepoint::Other {
                date: date("2026-02-01")
            },
            Timepoint::Other {
                date: date("2026-03-01")
            },
        ]
    );
    // An other date before the baseline date still comes after the baseline.
    assert!(
        Timepoint::Baseline
            .chart_cmp(
                Timepoint::Other {
                    date: date("2025-12-01")
                },
                Some(base)
            )
            .is_lt()
    );
}

// ---- visits and history --------------------------------------------------------------------

#[test]
fn notes_rules() {
    assert_eq!(Notes::parse("   "), Ok(None));
    assert_eq!(Notes::parse(" ok ").unwrap().unwrap().as_str(), "ok");
    assert!(Notes::parse(&"é".repeat(500)).unwrap().is_some());
    assert_eq!(
        Notes::parse(&"x".repeat(501)).unwrap_err().to_string(),
        "Notes must be 500 characters or fewer"
    );
}

#[test]
fn visit_serde_round_trip() {
    let mut v = visit(
        "ABC-1",
        Timepoint::Other {
            date: date("2026-04-02"),
        },
        "2026-04-02",
        9,
    );
    v.notes = Notes::parse("Met at home").unwrap();
    let j = serde_json::to_value(&v).unwrap();
    assert_eq!(j["client"], json!("ABC-1"));
    assert_eq!(
        j["timepoint"],
        json!({"code": "other", "date": "2026-04-02"})
    );
    assert_eq!(serde_json::from_value::<Visit>(j).unwrap(), v);
    let mut h = History::new();
    h.add(v);
    let back: History = serde_json::from_str(&serde_json::to_string(&h).unwrap()).unwrap();
    assert_eq!(back, h);
}

#[test]
fn history_for_client_baseline_clients_wipe() {
    let mut h = History::new();
    h.add(visit("B-2", Timepoint::Baseline, "2026-01-05", 20));
    h.add(visit("A-1", Timepoint::SixWeeks, "2026-02-12", 8));
    h.add(visit("A-1", Timepoint::Baseline, "2026-01-01", 14));
    let a = client("A-1");
    let mine = h.for_client(&a);
    assert_eq!(mine.len(), 2);
    assert!(mine.iter().all(|v| v.client == a));
    assert_eq!(mine[0].timepoint, Timepoint::Baseline);
    let (bv, bm) = h.baseline(&a, "phq9").unwrap();
    assert_eq!(bv.date, date("2026-01-01"));
    assert_eq!(bm.score.as_ref().unwrap().total, Some(14));
    assert!(h.baseline(&a, "gad7").is_none());
    assert!(h.baseline(&client("C-3"), "phq9").is_none());
    assert_eq!(h.clients(), vec![a.clone(), client("B-2")]);
    assert_eq!(h.remove_client(&a), 2);
    assert_eq!(h.clients(), vec![client("B-2")]);
    assert_eq!(h.wipe(), 1);
    assert!(h.is_empty() && h.clients().is_empty());
}

#[test]
fn baseline_falls_back_to_the_earliest_scored_visit() {
    let mut h = History::new();
    h.add(visit("A-1", Timepoint::SixMonths, "2026-06-01", 5));
    h.add(visit("A-1", Timepoint::SixWeeks, "2026-02-12", 10));
    let mut unscored = visit(
        "A-1",
        Timepoint::Other {
            date: date("2026-01-01"),
        },
        "2026-01-01",
        0,
    );
    unscored.measures = vec![measure("phq9", None)];
    h.add(unscored);
    let (bv, _) = h.baseline(&client("A-1"), "phq9").unwrap();
    assert_eq!(bv.timepoint, Timepoint::SixWeeks);
}

#[test]
fn retention_boundary() {
    let today = date("2026-07-01");
    let day = |n: i64| SimpleDate::from_unix_days(today.to_unix_days() - n).unwrap();
    let mut h = History::new();
    for n in [0, 1, 179, 180, 181, 400] {
        let mut v = visit("A-1", Timepoint::SixWeeks, "2026-01-01", 1);
        v.date = day(n);
        h.add(v);
    }
    assert_eq!(h.retain_recent(today, DEFAULT_RETENTION_DAYS), 2);
    let kept: Vec<i64> = h
        .for_client(&client("A-1"))
        .iter()
        .map(|v| today.to_unix_days() - v.date.to_unix_days())
        .collect();
    assert_eq!(kept, vec![180, 179, 1, 0]);
    assert_eq!(h.retain_recent(today, 1), 2);
    assert_eq!(h.retain_recent(today, 0), 1);
    assert_eq!(DEFAULT_RETENTION_DAYS, 180);
}

fn arb_history() -> impl Strategy<Value = Vec<(u8, u8, u32)>> {
    // (client index, timepoint index, day offset)
    prop::collection::vec((0u8..5, 0u8..5, 0u32..400), 0..40)
}

proptest! {
    #[test]
    fn for_client_never_returns_another_clients_visits(entries in arb_history(), who in 0u8..6) {
        let refs = ["A-1", "A-10", "B-1", "A1", "LW-00001", "ZZ-9"];
        let mut h = History::new();
        for (c, t, d) in &entries {
            let tp = match t {
                0 => Timepoint::Baseline,
                1 => Timepoint::SixWeeks,
                2 => Timepoint::ThreeMonths,
                3 => Timepoint::SixMonths,
                _ => Timepoint::Other { date: SimpleDate::from_unix_days(20_000 + i64::from(*d)).unwrap() },
            };
            let mut v = visit(refs[*c as usize], tp, "2026-01-01", i64::from(*d % 28));
            v.date = SimpleDate::from_unix_days(20_000 + i64::from(*d)).unwrap();
            h.add(v);
        }
        let me = client(refs[who as usize]);
        let mine = h.for_client(&me);
        prop_assert!(mine.iter().all(|v| v.client == me));
        let expected = entries.iter().filter(|(c, _, _)| *c == who).count();
        prop_assert_eq!(mine.len(), expected);
        if let Some((bv, _)) = h.baseline(&me, "phq9") {
            prop_assert_eq!(&bv.client, &me);
        }
        let total: usize = h.clients().iter().map(|c| h.for_client(c).len()).sum();
        prop_assert_eq!(total, h.len());
    }

    #[test]
    fn retention_keeps_exactly_the_recent(offsets in prop::collection::vec(0i64..400, 0..30), days in 0u32..300) {
        let today = date("2026-07-01");
        let mut h = History::new();
        for n in &offsets {
            let mut v = visit("A-1", Timepoint::SixWeeks, "2026-01-01", 1);
            v.date = SimpleDate::from_unix_days(today.to_unix_days() - n).unwrap();
            h.add(v);
        }
        let dropped = h.retain_recent(today, days);
        prop_assert_eq!(dropped, offsets.iter().filter(|n| **n > i64::from(days)).count());
    }
}

// ---- change and meaningful change ----------------------------------------------------------

fn one(instrument: &Instrument, b: &str, n: &str) -> ChangeSummary {
    let metric = Some(RecordedScore::Metric);
    let b = baseline_from_records(instrument, metric, b).unwrap();
    let n = baseline_from_records(instrument, metric, n).unwrap();
    let mut s = summarise(instrument, &b, &n);
    assert_eq!(s.len(), 1);
    s.remove(0)
}

#[test]
fn phq9_verdicts() {
    let p = phq9();
    let c = one(&p, "14", "8");
    assert_eq!(c.score.change, -6.0);
    assert_eq!(c.score.trend, Some(Trend::Better));
    assert_eq!(c.verdict(), Verdict::MeaningfulImprovement);
    assert_eq!(c.meets_threshold_better(), Some(true));
    assert_eq!(
        c.sentence(),
        "PHQ-9 total went from 14 to 8: 6 points better, a meaningful change (threshold 6 points)"
    );
    let c = one(&p, "14", "9");
    assert_eq!(c.verdict(), Verdict::NotMeaningful);
    assert_eq!(c.meets_threshold_better(), Some(false));
    assert_eq!(
        c.sentence(),
        "PHQ-9 total went from 14 to 9: 5 points better, not a meaningful change (threshold 6 points)"
    );
    let c = one(&p, "8", "14");
    assert_eq!(c.score.trend, Some(Trend::Worse));
    assert_eq!(c.verdict(), Verdict::MeaningfulDeterioration);
    assert_eq!(c.meets_threshold_better(), Some(false));
    assert_eq!(c.score.meaningful, Some(true));
    assert!(c.sentence().contains("6 points worse"));
    let c = one(&p, "10", "10");
    assert_eq!(c.score.trend, Some(Trend::Same));
    assert_eq!(c.verdict(), Verdict::NotMeaningful);
    assert_eq!(
        c.sentence(),
        "PHQ-9 total stayed at 10: no change (threshold 6 points)"
    );
    assert!(one(&p, "10", "9").sentence().contains("1 point better"));
}

#[test]
fn gad7_and_wemwbs_verdicts() {
    let g = gad7();
    assert_eq!(one(&g, "12", "8").verdict(), Verdict::MeaningfulImprovement);
    assert_eq!(one(&g, "12", "9").verdict(), Verdict::NotMeaningful);
    assert_eq!(
        one(&g, "8", "12").verdict(),
        Verdict::MeaningfulDeterioration
    );
    assert!(one(&g, "12", "8").sentence().starts_with("GAD-7 total"));
    let w = wemwbs();
    let c = one(&w, "40", "43");
    assert_eq!(c.score.trend, Some(Trend::Better));
    assert_eq!(c.verdict(), Verdict::MeaningfulImprovement);
    assert_eq!(
        c.sentence(),
        "WEMWBS total went from 40 to 43: 3 points better, a meaningful change (threshold 3 points)"
    );
    assert_eq!(one(&w, "40", "42").verdict(), Verdict::NotMeaningful);
    assert_eq!(
        one(&w, "43", "40").verdict(),
        Verdict::MeaningfulDeterioration
    );
}

#[test]
fn swemwbs_uses_the_metric_score() {
    let s = swemwbs();
    let b = baseline_from_records(&s, Some(RecordedScore::Metric), "19.25").unwrap();
    assert_eq!((b.total, b.metric), (Some(21), Some(19.25)));
    let c = one(&s, "19.25", "22.35");
    assert_eq!(c.score.of, "metric");
    assert_eq!(c.score.change, 3.1);
    assert_eq!(c.verdict(), Verdict::MeaningfulImprovement);
    assert_eq!(
        c.sentence(),
        "SWEMWBS metric score went from 19.25 to 22.35: 3.1 points better, a meaningful change (threshold 3 points)"
    );
    assert_eq!(one(&s, "19.25", "21.54").verdict(), Verdict::NotMeaningful);
    assert_eq!(score_range(&s, "metric"), Some((7.0, 35.0)));
}

/// A SWEMWBS baseline from the records may be a raw total (7–35) or a metric score: the raw
/// total is converted with the table, a metric score must be one of the table's, and nothing is
/// taken without knowing which it is.
#[test]
fn a_swemwbs_baseline_from_the_records_says_whether_it_is_a_raw_total_or_a_metric_score() {
    let s = swemwbs();
    let raw = Some(RecordedScore::RawTotal);
    let metric = Some(RecordedScore::Metric);
    let both = |kind, input| {
        let b = baseline_from_records(&s, kind, input).unwrap();
        (b.total, b.metric)
    };
    // A raw total is converted with the table, never read as a metric score.
    assert_eq!(both(raw, "21"), (Some(21), Some(19.25)));
    assert_eq!(both(raw, " 7 "), (Some(7), Some(7.0)));
    assert_eq!(both(raw, "35"), (Some(35), Some(35.0)));
    assert_eq!(both(raw, "8"), (Some(8), Some(9.51)));
    // A metric score must be in the table; its raw total is filled in.
    assert_eq!(both(metric, "19.25"), (Some(21), Some(19.25)));
    assert_eq!(both(metric, "9.51"), (Some(8), Some(9.51)));
    assert_eq!(both(metric, "35"), (Some(35), Some(35.0)));

    let msg = |kind, input: &str| {
        baseline_from_records(&s, kind, input)
            .unwrap_err()
            .to_string()
    };
    // Which it is must be said.
    assert_eq!(
        baseline_from_records(&s, None, "21"),
        Err(BaselineError::KindMissing {
            label: "SWEMWBS score".into()
        })
    );
    assert_eq!(
        msg(None, "21"),
        "Select whether the baseline SWEMWBS score is a raw total or a metric score"
    );
    assert_eq!(msg(None, ""), "Enter the baseline SWEMWBS score");
    // A metric score the table never gives is refused (19.3; 21 is a raw total).
    for off_table in ["19.3", "21", "17"] {
        assert_eq!(
            msg(metric, off_table),
            "Baseline SWEMWBS metric score must be one of the scores in the conversion table, \
             like 19.25 (if the records give the raw total, select raw total)",
            "{off_table}"
        );
    }
    // A raw total is a whole number from 7 to 35.
    assert_eq!(msg(raw, ""), "Enter the baseline SWEMWBS raw total");
    assert_eq!(
        msg(raw, "19.25"),
        "Baseline SWEMWBS raw total must be a whole number"
    );
    for out in ["6", "36", "0"] {
        assert_eq!(
            msg(raw, out),
            "Baseline SWEMWBS raw total must be between 7 and 35"
        );
    }
    // The kind is stored as a code.
    for k in RecordedScore::ALL {
        assert_eq!(RecordedScore::from_code(k.code()), Some(k));
    }
    assert_eq!(RecordedScore::from_code("raw"), None);
    assert_eq!(
        RecordedScore::ALL.map(RecordedScore::label),
        ["Raw total", "Metric score"]
    );
    // Other instruments have one score: the kind is not asked.
    assert_eq!(
        baseline_from_records(&phq9(), None, "12").unwrap().total,
        Some(12)
    );
}

#[test]
fn ons4_per_item_has_no_published_threshold() {
    let o = ons4();
    let sat = baseline_item_from_records(&o, "satisfaction", "5").unwrap();
    let anx = baseline_item_from_records(&o, "anxious", "8").unwrap();
    let base = Score {
        items: vec![sat, anx],
        ..total(0)
    };
    let base = Score {
        total: None,
        ..base
    };
    let now = Score {
        total: None,
        items: vec![
            ItemScore {
                item: "satisfaction".into(),
                value: 7,
                band: None,
            },
            ItemScore {
                item: "anxious".into(),
                value: 3,
                band: None,
            },
        ],
        ..total(0)
    };
    let s = summarise(&o, &base, &now);
    assert_eq!(s.len(), 2);
    assert!(
        s.iter()
            .all(|c| c.verdict() == Verdict::NoPublishedThreshold)
    );
    assert!(s.iter().all(|c| c.score.meaningful.is_none()));
    assert!(s.iter().all(|c| c.meets_threshold_better().is_none()));
    assert_eq!(s[0].score.trend, Some(Trend::Better));
    assert_eq!(s[1].score.trend, Some(Trend::Better)); // anxiety: lower is better
    assert_eq!(
        s[0].sentence(),
        "Life satisfaction went from 5 to 7: 2 points better, no published threshold"
    );
    assert_eq!(score_range(&o, "anxious"), Some((0.0, 10.0)));
    assert_eq!(score_range(&o, "total"), None);
    assert!(matches!(
        baseline_from_records(&o, None, "5"),
        Err(BaselineError::PerItem { .. })
    ));
    assert!(baseline_item_from_records(&o, "satisfaction", "11").is_err());
    assert!(baseline_item_from_records(&o, "nope", "1").is_err());
}

#[test]
fn baseline_entry_errors() {
    let p = phq9();
    assert_eq!(
        baseline_from_records(&p, None, " 27 ").unwrap().total,
        Some(27)
    );
    assert_eq!(baseline_from_records(&p, None, "0").unwrap().total, Some(0));
    let msg = |i: &Instrument, s: &str| {
        baseline_from_records(i, Some(RecordedScore::Metric), s)
            .unwrap_err()
            .to_string()
    };
    assert_eq!(msg(&p, ""), "Enter the baseline PHQ-9 total");
    assert_eq!(
        msg(&p, "28"),
        "Baseline PHQ-9 total must be between 0 and 27"
    );
    assert_eq!(
        msg(&p, "-1"),
        "Baseline PHQ-9 total must be between 0 and 27"
    );
    assert_eq!(
        msg(&p, "99999999999999999999999"),
        "Baseline PHQ-9 total must be between 0 and 27"
    );
    assert_eq!(
        msg(&p, "12.5"),
        "Baseline PHQ-9 total must be a whole number"
    );
    assert_eq!(
        msg(&p, "ten"),
        "Baseline PHQ-9 total must be a whole number"
    );
    let s = swemwbs();
    assert_eq!(msg(&s, ""), "Enter the baseline SWEMWBS metric score");
    assert_eq!(
        msg(&s, "6.99"),
        "Baseline SWEMWBS metric score must be between 7 and 35"
    );
    assert_eq!(
        msg(&s, "19.255"),
        "Baseline SWEMWBS metric score must have no more than 2 decimal places"
    );
    assert!(msg(&s, "nan").starts_with("Baseline SWEMWBS metric score must be a number, like"));
    assert!(msg(&s, "1e1").contains("must be a number"));
    assert!(msg(&s, "19.").contains("must be a number"));
    assert!(matches!(
        baseline_from_records(&ons_loneliness(), None, "1"),
        Err(BaselineError::NotScored { .. })
    ));
}

#[test]
fn changes_for_a_visit_and_the_payload() {
    let mut h = History::new();
    let base = visit("A-1", Timepoint::Baseline, "2026-01-01", 14);
    h.add(base.clone());
    h.add(visit("B-2", Timepoint::Baseline, "2026-01-01", 3));
    let now = visit("A-1", Timepoint::SixWeeks, "2026-02-12", 8);
    let instruments = [phq9()];
    assert!(changes_for_visit(&h, &base, &instruments).is_empty());
    let changes = changes_for_visit(&h, &now, &instruments);
    assert_eq!(changes.len(), 1);
    let (id, b, summaries) = &changes[0];
    assert_eq!(
        (id.as_str(), b.source, b.date),
        ("phq9", BaselineSource::Device, date("2026-01-01"))
    );
    assert_eq!(summaries[0].score.baseline, 14.0);
    let measures = measures_with_changes(&h, &now, &instruments);
    let j = serde_json::to_value(&measures[0]).unwrap();
    assert_eq!(
        j["change"],
        json!({"baseline_source": "device",
               "scores": [{"of": "total", "baseline": 14.0, "now": 8.0, "change": -6.0,
                           "trend": "better", "threshold": 6.0, "meaningful": true}]})
    );
    let change = measures[0].change.clone().unwrap();
    assert!(change.is_consistent(&phq9(), measures[0].score.as_ref()));
    // Any number that does not follow from the score and the rule is refused.
    for tamper in [
        |c: &mut MeasureChange| c.scores[0].now = 9.0,
        |c: &mut MeasureChange| c.scores[0].change = -5.0,
        |c: &mut MeasureChange| c.scores[0].meaningful = Some(false),
        |c: &mut MeasureChange| c.scores[0].trend = Some(Trend::Worse),
        |c: &mut MeasureChange| c.scores[0].threshold = None,
        |c: &mut MeasureChange| c.scores[0].of = "metric".into(),
        |c: &mut MeasureChange| c.scores.clear(),
        |c: &mut MeasureChange| {
            let again = c.scores[0].clone();
            c.scores.push(again)
        },
    ] {
        let mut c = change.clone();
        tamper(&mut c);
        assert!(
            !c.is_consistent(&phq9(), measures[0].score.as_ref()),
            "{c:?}"
        );
    }
    assert!(!change.is_consistent(&phq9(), None));
    // No published threshold: `meaningful` and `threshold` are null.
    let ons = ScoreChange {
        threshold: None,
        meaningful: None,
        ..summaries[0].score.clone()
    };
    let j = serde_json::to_value(&ons).unwrap();
    assert_eq!(
        (&j["meaningful"], &j["threshold"]),
        (&json!(null), &json!(null))
    );
    // Another client's baseline is never used.
    let other = visit("C-3", Timepoint::SixWeeks, "2026-02-12", 8);
    assert!(changes_for_visit(&h, &other, &instruments).is_empty());
    assert!(
        measures_with_changes(&h, &other, &instruments)[0]
            .change
            .is_none()
    );
}

#[test]
fn typed_in_baselines_and_their_precedence() {
    let mut h = History::new();
    let a = client("A-1");
    h.add(visit("A-1", Timepoint::SixWeeks, "2026-02-12", 10));
    // Only a later visit on the device: it is the baseline until records say otherwise.
    assert_eq!(h.baseline_for(&a, "phq9").unwrap().score.total, Some(10));
    h.record_baseline(RecordedBaseline {
        client: a.clone(),
        instrument: "phq9".into(),
        score: baseline_from_records(&phq9(), None, "15").unwrap(),
        entered: date("2026-02-12"),
    });
    let b = h.baseline_for(&a, "phq9").unwrap();
    assert_eq!(
        (b.source, b.score.total),
        (BaselineSource::Records, Some(15))
    );
    // Typed in again: replaced, not duplicated.
    h.record_baseline(RecordedBaseline {
        client: a.clone(),
        instrument: "phq9".into(),
        score: baseline_from_records(&phq9(), None, "16").unwrap(),
        entered: date("2026-02-12"),
    });
    assert_eq!(h.baseline_for(&a, "phq9").unwrap().score.total, Some(16));
    let points = h.points_for(&a, "phq9");
    assert_eq!(
        points
            .iter()
            .map(|(t, _, s)| (*t, s.total))
            .collect::<Vec<_>>(),
        vec![
            (Timepoint::Baseline, Some(16)),
            (Timepoint::SixWeeks, Some(10))
        ]
    );
    // A baseline visit on the device wins over the records.
    h.add(visit("A-1", Timepoint::Baseline, "2026-01-01", 14));
    let b = h.baseline_for(&a, "phq9").unwrap();
    assert_eq!(
        (b.source, b.score.total),
        (BaselineSource::Device, Some(14))
    );
    assert_eq!(
        h.points_for(&a, "phq9").len(),
        2,
        "the typed-in baseline is not charted twice"
    );
    // Nothing of A for B; the typed-in baseline lists A, and goes with A.
    assert!(h.baseline_for(&client("B-2"), "phq9").is_none());
    assert!(h.points_for(&client("B-2"), "phq9").is_empty());
    assert_eq!(h.clients(), vec![a.clone()]);
    assert_eq!(h.remove_client(&a), 3);
    assert!(h.is_empty());
    // Retention covers typed-in baselines too, and the history round-trips.
    h.record_baseline(RecordedBaseline {
        client: a.clone(),
        instrument: "phq9".into(),
        score: total(12),
        entered: date("2026-01-01"),
    });
    let again = serde_json::from_str::<History>(&serde_json::to_string(&h).unwrap()).unwrap();
    assert_eq!(again, h);
    assert_eq!(h.retain_recent(date("2026-06-30"), 180), 0);
    assert_eq!(h.retain_recent(date("2026-07-01"), 180), 1);
    assert!(serde_json::from_str::<History>("{\"visits\": [], \"extra\": 1}").is_err());
}

#[test]
fn visit_date_for_another_timepoint() {
    let today = date("2026-05-10");
    assert_eq!(
        parse_visit_date("1", "5", "2026", today),
        Ok(date("2026-05-01"))
    );
    assert_eq!(parse_visit_date(" 10 ", "05", "2026", today), Ok(today));
    assert_eq!(
        parse_visit_date("", " ", "", today),
        Err(VisitDateError::Missing)
    );
    assert_eq!(
        parse_visit_date("1", "", "2026", today),
        Err(VisitDateError::Incomplete)
    );
    for (d, m, y) in [
        ("31", "4", "2026"),
        ("1", "13", "2026"),
        ("1", "1", "26"),
        ("x", "1", "2026"),
        ("29", "2", "2025"),
    ] {
        assert_eq!(
            parse_visit_date(d, m, y, today),
            Err(VisitDateError::NotReal),
            "{d}/{m}/{y}"
        );
    }
    assert_eq!(
        parse_visit_date("11", "5", "2026", today),
        Err(VisitDateError::InFuture)
    );
}

#[test]
fn series_for_each_compared_part() {
    let s = series_for(
        &phq9(),
        &[
            (Timepoint::Baseline, total(14)),
            (Timepoint::SixWeeks, total(8)),
        ],
    );
    assert_eq!(s.len(), 1);
    assert_eq!(s[0].label, "PHQ-9 total");
    assert_eq!(
        s[0].points,
        vec![(Timepoint::Baseline, 14.0), (Timepoint::SixWeeks, 8.0)]
    );
    assert_eq!(chart_range(&phq9()), Some((0.0, 27.0)));
    let ons4 = builtin("ons4").unwrap();
    let items = |v: i64| Score {
        items: vec![ItemScore {
            item: "happy".into(),
            value: v,
            band: None,
        }],
        ..total(0)
    };
    let s = series_for(
        &ons4,
        &[
            (Timepoint::Baseline, items(3)),
            (Timepoint::SixWeeks, items(7)),
        ],
    );
    assert_eq!(s.len(), 1, "items never answered are not charted");
    assert_eq!(chart_range(&ons4), Some((0.0, 10.0)));
    assert!(compared_parts(&builtin("ons-loneliness").unwrap()).is_empty());
}

// ---- chart -----------------------------------------------------------------------------------

fn inside(g: &ChartGeometry, x: f64, y: f64) -> bool {
    (0.0..=g.width).contains(&x) && (0.0..=g.height).contains(&y)
}

#[test]
fn chart_geometry_phq9() {
    let s = Series {
        label: "PHQ-9 total".into(),
        points: vec![
            (Timepoint::ThreeMonths, 5.0),
            (Timepoint::Baseline, 14.0),
            (Timepoint::SixWeeks, 8.0),
        ],
    };
    let range = score_range(&phq9(), "total").unwrap();
    assert_eq!(range, (0.0, 27.0));
    let g = chart(&[s], range, None, Some(6.0));
    assert_eq!(g.view_box, "0 0 640 320");
    let pts = &g.series[0].points;
    assert_eq!(
        pts.iter().map(|p| p.timepoint).collect::<Vec<_>>(),
        vec![
            Timepoint::Baseline,
            Timepoint::SixWeeks,
            Timepoint::ThreeMonths
        ]
    );
    assert!(pts.iter().all(|p| inside(&g, p.x, p.y)));
    assert!(pts.windows(2).all(|w| w[0].x < w[1].x));
    // Even spacing.
    assert!(((pts[1].x - pts[0].x) - (pts[2].x - pts[1].x)).abs() < 1e-9);
    // Higher scores are higher on screen (smaller y).
    assert!(pts[0].y < pts[1].y && pts[1].y < pts[2].y);
    assert_eq!(g.series[0].polyline.split(' ').count(), 3);
    assert_eq!(g.series[0].marker, MarkerKind::Circle);
    // Ticks cover the range, in order, inside the plot.
    let t: Vec<f64> = g.y_ticks.iter().map(|t| t.value).collect();
    assert_eq!(t.first(), Some(&0.0));
    assert_eq!(t.last(), Some(&27.0));
    assert!(t.windows(2).all(|w| w[0] < w[1]));
    assert!(g.y_ticks.windows(2).all(|w| w[0].y > w[1].y));
    assert!(g.y_ticks.iter().all(|t| inside(&g, PLOT_LEFT, t.y)));
    assert_eq!(g.y_ticks[0].y, PLOT_BOTTOM);
    assert_eq!(g.y_ticks.last().unwrap().y, PLOT_TOP);
    assert!(t.contains(&10.0));
    // Band: baseline 14 ± 6.
    let b = g.threshold_band.unwrap();
    assert_eq!((b.low, b.high), (8.0, 20.0));
    assert!(b.y_top < b.y_bottom);
    assert_eq!(g.x_labels[0].label, "Baseline");
}

#[test]
fn chart_swemwbs_and_ons4() {
    let s = Series {
        label: "SWEMWBS".into(),
        points: vec![(Timepoint::Baseline, 7.0), (Timepoint::SixMonths, 35.0)],
    };
    let g = chart(
        &[s],
        score_range(&swemwbs(), "metric").unwrap(),
        None,
        Some(3.0),
    );
    let p = &g.series[0].points;
    assert_eq!((p[0].y, p[1].y), (PLOT_BOTTOM, PLOT_TOP));
    let band = g.threshold_band.unwrap();
    assert_eq!((band.low, band.high), (7.0, 10.0)); // clamped to the range
    let t: Vec<f64> = g.y_ticks.iter().map(|t| t.value).collect();
    assert_eq!((t[0], *t.last().unwrap()), (7.0, 35.0));

    let base = date("2026-01-01");
    let series: Vec<Series> = ["Life satisfaction", "Anxiety yesterday"]
        .iter()
        .map(|l| Series {
            label: (*l).into(),
            points: vec![
                (Timepoint::Baseline, 3.0),
                (
                    Timepoint::Other {
                        date: date("2026-01-20"),
                    },
                    11.0,
                ), // beyond the range: drawn at the edge
                (Timepoint::SixWeeks, 0.0),
            ],
        })
        .collect();
    let g = chart(
        &series,
        score_range(&ons4(), "satisfaction").unwrap(),
        Some(base),
        None,
    );
    assert!(g.threshold_band.is_none());
    assert_ne!(g.series[0].marker, g.series[1].marker);
    for s in &g.series {
        assert!(s.points.iter().all(|p| inside(&g, p.x, p.y)));
        assert!(s.points.windows(2).all(|w| w[0].x < w[1].x));
        assert_eq!(
            s.points[1].timepoint,
            Timepoint::Other {
                date: date("2026-01-20")
            }
        );
        assert_eq!(s.points[1].y, PLOT_TOP);
    }
    assert_eq!(
        g.y_ticks.iter().map(|t| t.value).collect::<Vec<_>>(),
        vec![0.0, 2.0, 4.0, 6.0, 8.0, 10.0]
    );
    // Markers differ by shape for up to five series.
    let kinds: Vec<MarkerKind> = (0..5).map(MarkerKind::for_series).collect();
    for (i, a) in kinds.iter().enumerate() {
        assert!(kinds[i + 1..].iter().all(|b| b != a));
    }
}

proptest! {
    #[test]
    fn chart_points_stay_inside(values in prop::collection::vec(-5.0f64..40.0, 1..5), lo in 0i32..10, span in 1i32..60) {
        let tps = [Timepoint::Baseline, Timepoint::SixWeeks, Timepoint::ThreeMonths, Timepoint::SixMonths, Timepoint::Other { date: date("2027-01-01") }];
        let s = Series { label: "x".into(), points: values.iter().zip(tps).map(|(v, t)| (t, *v)).collect() };
        let range = (f64::from(lo), f64::from(lo + span));
        let g = chart(&[s], range, Some(date("2026-01-01")), Some(3.0));
        let p = &g.series[0].points;
        prop_assert!(p.iter().all(|p| inside(&g, p.x, p.y)));
        prop_assert!(p.windows(2).all(|w| w[0].x < w[1].x));
        let t: Vec<f64> = g.y_ticks.iter().map(|t| t.value).collect();
        prop_assert_eq!(t[0], range.0);
        prop_assert_eq!(*t.last().unwrap(), range.1);
        prop_assert!(t.windows(2).all(|w| w[0] < w[1]));
        prop_assert!(t.len() <= 12);
    }
}

#[test]
fn sentences_never_contain_names() {
    // Only instrument labels and numbers: no client reference or typed text.
    let c = one(&phq9(), "14", "8");
    assert!(!c.sentence().contains("A-1"));
    assert_eq!(short_name(&phq9()), "PHQ-9");
    assert_eq!(short_name(&ons4()), "ONS personal wellbeing");
    assert_eq!(score_label(&swemwbs(), "metric"), "SWEMWBS metric score");
}

// ---- the submission ---------------------------------------------------------------------------

mod submission {
    use super::*;
    use wellbeing_widget::domain::payload::*;
    use wellbeing_widget::domain::scoring::Risk;

    fn phq9_measure(values: [i64; 9]) -> Measure {
        let def = phq9();
        let pairs: Vec<(String, i64)> = def
            .items
            .iter()
            .zip(values)
            .map(|(i, v)| (i.id.clone(), v))
            .collect();
        let mut answers = Answers::default();
        for (id, v) in &pairs {
            answers.set(&def, id, *v).unwrap();
        }
        Measure::new(&def, &answers)
    }

    fn follow_up(measures: Vec<Measure>) -> Submission {
        Submission {
            schema_version: SchemaVersion,
            submission_id: SubmissionId::parse("3f2a9c1b-7d4e-4a5b-9c8d-0123456789ab").unwrap(),
            submitted_at: Timestamp::parse("2026-02-12T10:15:00.000Z").unwrap(),
            mode: Mode::FollowUp(Box::new(FollowUpContext {
                client_reference: client("ABC-12345"),
                timepoint: Timepoint::SixWeeks,
                visit_date: date("2026-02-12"),
                notes: Notes::parse("Met at home").unwrap(),
            })),
            referral: None,
            measures,
            risk: Risk::default(),
        }
    }

    fn parse(j: &serde_json::Value) -> Result<Submission, SubmissionError> {
        Submission::parse_json(serde_json::to_string(j).unwrap().as_bytes())
    }

    #[test]
    fn a_follow_up_round_trips_and_is_rechecked() {
        let mut h = History::new();
        let base = Visit {
            measures: vec![phq9_measure([2, 2, 2, 2, 2, 2, 1, 1, 0])],
            ..visit("ABC-12345", Timepoint::Baseline, "2026-01-01", 0)
        };
        h.add(base);
        let now = Visit {
            measures: vec![phq9_measure([1, 1, 1, 1, 1, 1, 1, 1, 0])],
            ..visit("ABC-12345", Timepoint::SixWeeks, "2026-02-12", 0)
        };
        let s = follow_up(measures_with_changes(&h, &now, &[phq9()]));
        let j = serde_json::to_value(&s).unwrap();
        let text = serde_json::to_string(&s).unwrap();
        let at = |k: &str| text.find(&format!("\"{k}\":")).unwrap();
        let order = [
            "schema_version",
            "submission_id",
            "submitted_at",
            "mode",
            "client_reference",
            "timepoint",
            "visit_date",
            "client_agreed",
            "notes",
            "measures",
            "risk",
        ];
        assert!(order.windows(2).all(|w| at(w[0]) < at(w[1])), "{text}");
        assert_eq!(j["mode"], json!("follow-up"));
        assert_eq!(j["client_reference"], json!("ABC-12345"));
        assert_eq!(j["timepoint"], json!({"code": "6-weeks"}));
        assert_eq!(j["client_agreed"], json!(true));
        assert_eq!(
            j["measures"][0]["change"]["scores"][0],
            json!({"of": "total", "baseline": 14.0, "now": 8.0, "change": -6.0,
                   "trend": "better", "threshold": 6.0, "meaningful": true})
        );
        assert_eq!(parse(&j), Ok(s.clone()));

        // The follow-up fields go together, and only with mode follow-up.
        for (field, value) in [
            ("client_reference", json!(null)),
            ("timepoint", json!(null)),
            ("visit_date", json!(null)),
            ("client_agreed", json!(false)),
            ("client_agreed", json!(null)),
            ("mode", json!("self-referral")),
            // A follow-up never carries a self-referral's personal details.
            ("referral", super::common::referral_json()),
        ] {
            let mut bad = j.clone();
            if value.is_null() {
                bad.as_object_mut().unwrap().remove(field);
            } else {
                bad[field] = value;
            }
            assert!(
                matches!(parse(&bad), Err(SubmissionError::Malformed(_))),
                "{field}"
            );
        }
        // A change that does not follow from the score is refused.
        let mut bad = j.clone();
        bad["measures"][0]["change"]["scores"][0]["meaningful"] = json!(false);
        assert_eq!(
            parse(&bad),
            Err(SubmissionError::ChangeMismatch { index: 0 })
        );
        // A self-referral never carries a change.
        let mut bad = j.clone();
        for f in [
            "client_reference",
            "timepoint",
            "visit_date",
            "client_agreed",
            "notes",
        ] {
            bad.as_object_mut().unwrap().remove(f);
        }
        bad["mode"] = json!("self-referral");
        bad["referral"] = super::common::referral_json();
        assert_eq!(
            parse(&bad),
            Err(SubmissionError::ChangeOutsideFollowUp { index: 0 })
        );
        bad["measures"][0].as_object_mut().unwrap().remove("change");
        assert!(parse(&bad).is_ok());
    }

    #[test]
    fn a_self_referral_is_written_exactly_as_before() {
        let s = Submission {
            mode: Mode::SelfReferral,
            ..follow_up(vec![phq9_measure([0; 9])])
        };
        let text = serde_json::to_string(&s).unwrap();
        assert!(text.starts_with(
            r#"{"schema_version":1,"submission_id":"3f2a9c1b-7d4e-4a5b-9c8d-0123456789ab","submitted_at":"2026-02-12T10:15:00.000Z","mode":"self-referral","measures":[{"instrument":"phq9","#
        ), "{text}");
        assert!(
            !text.contains("change") && !text.contains("client"),
            "{text}"
        );
    }
}

#[test]
fn the_history_keeps_scores_dates_and_timepoints_never_answers_or_notes() {
    let mut full = visit("LW-0001", Timepoint::Baseline, "2026-10-01", 12);
    full.notes = Notes::parse("Client A notes").unwrap();
    full.measures[0].answers = vec![AnswerOut {
        item: "phq9-1".into(),
        value: 2,
    }];
    let mut h = History::new();
    h.add(full.clone());
    let text = serde_json::to_string(&h).unwrap();
    assert!(
        !text.contains("Client A notes") && !text.contains("phq9-1"),
        "{text}"
    );
    let kept = h.for_client(&client("LW-0001"))[0].clone();
    assert_eq!(kept, full.clone().summary());
    assert_eq!((kept.timepoint, kept.date), (full.timepoint, full.date));
    assert_eq!(kept.measures[0].score, Some(total(12)));
    assert_eq!(
        h.baseline_for(&client("LW-0001"), "phq9").map(|b| b.score),
        Some(total(12))
    );

    // A history an earlier version kept with answers and notes is reduced once.
    let old: History = serde_json::from_str(
        &serde_json::to_string(&serde_json::json!({ "visits": [full] })).unwrap(),
    )
    .unwrap();
    let mut reduced = old.clone();
    assert!(reduced.keep_summaries_only());
    assert_eq!(reduced, h);
    assert!(!reduced.keep_summaries_only(), "nothing more to drop");
}
