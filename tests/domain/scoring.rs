//! Scoring against shared/reference/instruments.md: every SWEMWBS table value, every band edge,
//! ranges, the missing-answer rule, reverse scoring, risk, meaningful change and the payload.
//! Expected values are typed here from the reference, never read from the code.

use crate::common;

use proptest::prelude::*;
use serde_json::json;
use wellbeing_widget::domain::instrument::*;
use wellbeing_widget::domain::payload::{
    Measure, Mode, SchemaVersion, Submission, SubmissionError, SubmissionId, Timestamp,
};
use wellbeing_widget::domain::scoring::*;

/// SWEMWBS raw → metric, reference §1.3, every row.
const SWEMWBS_TABLE: [(i64, f64); 29] = [
    (7, 7.00),
    (8, 9.51),
    (9, 11.25),
    (10, 12.40),
    (11, 13.33),
    (12, 14.08),
    (13, 14.75),
    (14, 15.32),
    (15, 15.84),
    (16, 16.36),
    (17, 16.88),
    (18, 17.43),
    (19, 17.98),
    (20, 18.59),
    (21, 19.25),
    (22, 19.98),
    (23, 20.73),
    (24, 21.54),
    (25, 22.35),
    (26, 23.21),
    (27, 24.11),
    (28, 25.03),
    (29, 26.02),
    (30, 27.03),
    (31, 28.13),
    (32, 29.31),
    (33, 30.70),
    (34, 32.55),
    (35, 35.00),
];

/// PHQ-9 bands, reference §1.6: 0–4 none/minimal, 5–9 mild, 10–14 moderate, 15–19 moderately
/// severe, 20–27 severe.
fn phq9_band(t: i64) -> &'static str {
    match t {
        0..=4 => "none-minimal",
        5..=9 => "mild",
        10..=14 => "moderate",
        15..=19 => "moderately-severe",
        20..=27 => "severe",
        _ => unreachable!(),
    }
}

/// GAD-7 bands, reference §1.7: 0–4 minimal, 5–9 mild, 10–14 moderate, 15–21 severe.
fn gad7_band(t: i64) -> &'static str {
    match t {
        0..=4 => "minimal",
        5..=9 => "mild",
        10..=14 => "moderate",
        15..=21 => "severe",
        _ => unreachable!(),
    }
}

/// PHQ-4 total bands, reference §1.8: 0–2 none, 3–5 mild, 6–8 moderate, 9–12 severe.
fn phq4_band(t: i64) -> &'static str {
    match t {
        0..=2 => "none",
        3..=5 => "mild",
        6..=8 => "moderate",
        9..=12 => "severe",
        _ => unreachable!(),
    }
}

/// Answers to the given items (all others unanswered) adding up to `total`, filling items in order.
fn answers_to(i: &Instrument, items: &[&str], total: i64) -> Answers {
    let mut a = Answers::default();
    let mut left = total
        - items
            .iter()
            .map(|id| i.item(id).unwrap().value_range().unwrap().0)
            .sum::<i64>();
    for id in items {
        let (lo, hi) = i.item(id).unwrap().value_range().unwrap();
        let v = lo + left.min(hi - lo);
        left -= v - lo;
        a.set(i, id, v).unwrap();
    }
    assert_eq!(left, 0, "{total} is out of range for {}", i.id);
    a
}

fn complete(i: &Instrument, total: i64) -> Answers {
    let ids: Vec<&str> = i.items.iter().map(|x| x.id.as_str()).collect();
    answers_to(i, &ids, total)
}

// -------------------------------------------------------------------------------------------
// Published tables and band edges
// -------------------------------------------------------------------------------------------

#[test]
fn swemwbs_every_raw_total_converts_to_its_published_metric_score() {
    let i = swemwbs();
    assert_eq!(SWEMWBS_TABLE.len(), 29);
    for (raw, metric) in SWEMWBS_TABLE {
        let s = score(&i, &complete(&i, raw)).unwrap();
        assert_eq!(s.total, Some(raw));
        assert_eq!(s.metric, Some(metric), "raw {raw}");
        assert_eq!(s.band, None, "SWEMWBS has no confirmed bands");
        assert!(s.subscales.is_empty() && s.items.is_empty());
    }
    // The published metric values serialise with their two decimals' worth of precision.
    let s = score(&i, &complete(&i, 10)).unwrap();
    assert_eq!(
        serde_json::to_value(&s).unwrap(),
        json!({"total": 10, "metric": 12.4})
    );
}

#[test]
fn phq9_every_total_gets_its_published_band() {
    let i = phq9();
    for t in 0..=27 {
        let s = score(&i, &complete(&i, t)).unwrap();
        assert_eq!(s.total, Some(t));
        assert_eq!(s.band.as_deref(), Some(phq9_band(t)), "total {t}");
        assert_eq!(s.metric, None);
    }
    for (t, band) in [
        (0, "none-minimal"),
        (4, "none-minimal"),
        (5, "mild"),
        (9, "mild"),
        (10, "moderate"),
        (14, "moderate"),
        (15, "moderately-severe"),
        (19, "moderately-severe"),
        (20, "severe"),
        (27, "severe"),
    ] {
        assert_eq!(
            score(&i, &complete(&i, t)).unwrap().band.as_deref(),
            Some(band)
        );
    }
}

#[test]
fn gad7_every_total_gets_its_published_band() {
    let i = gad7();
    for t in 0..=21 {
        let s = score(&i, &complete(&i, t)).unwrap();
        assert_eq!(s.total, Some(t));
        assert_eq!(s.band.as_deref(), Some(gad7_band(t)), "total {t}");
    }
    for (t, band) in [
        (0, "minimal"),
        (4, "minimal"),
        (5, "mild"),
        (9, "mild"),
        (10, "moderate"),
        (14, "moderate"),
        (15, "severe"),
        (21, "severe"),
    ] {
        assert_eq!(
            score(&i, &complete(&i, t)).unwrap().band.as_deref(),
            Some(band)
        );
    }
}

#[test]
fn phq4_every_pair_of_subscale_totals_gets_its_bands_and_screens() {
    let i = phq4();
    for anxiety in 0..=6 {
        for depression in 0..=6 {
            let mut a = answers_to(&i, &["phq4-1", "phq4-2"], anxiety);
            for (id, v) in answers_to(&i, &["phq4-3", "phq4-4"], depression).in_pairs() {
                a.set(&i, id, v).unwrap();
            }
            let s = score(&i, &a).unwrap();
            let t = anxiety + depression;
            assert_eq!(s.total, Some(t));
            assert_eq!(s.band.as_deref(), Some(phq4_band(t)), "total {t}");
            assert_eq!(
                s.subscales,
                [
                    SubscaleScore {
                        id: "anxiety".into(),
                        total: anxiety,
                        positive: Some(anxiety >= 3)
                    },
                    SubscaleScore {
                        id: "depression".into(),
                        total: depression,
                        positive: Some(depression >= 3)
                    },
                ]
            );
        }
    }
    // The edges, written out.
    for (t, band) in [
        (0, "none"),
        (2, "none"),
        (3, "mild"),
        (5, "mild"),
        (6, "moderate"),
        (8, "moderate"),
        (9, "severe"),
        (12, "severe"),
    ] {
        assert_eq!(
            score(&i, &complete(&i, t)).unwrap().band.as_deref(),
            Some(band)
        );
    }
    let a = Answers::from_pairs(
        &i,
        [("phq4-1", 1), ("phq4-2", 1), ("phq4-3", 2), ("phq4-4", 1)],
    )
    .unwrap();
    let s = score(&i, &a).unwrap();
    assert_eq!(s.subscales[0].positive, Some(false), "anxiety 2 is below 3");
    assert_eq!(
        s.subscales[1].positive,
        Some(true),
        "depression 3 is positive"
    );
}

#[test]
fn ucla3_totals_run_from_3_to_9_without_bands() {
    let i = ucla3();
    for t in 3..=9 {
        let s = score(&i, &complete(&i, t)).unwrap();
        assert_eq!((s.total, s.band), (Some(t), None));
    }
    let lowest = Answers::from_pairs(&i, [("ucla3-1", 1), ("ucla3-2", 1), ("ucla3-3", 1)]).unwrap();
    let highest =
        Answers::from_pairs(&i, [("ucla3-1", 3), ("ucla3-2", 3), ("ucla3-3", 3)]).unwrap();
    assert_eq!(score(&i, &lowest).unwrap().total, Some(3));
    assert_eq!(score(&i, &highest).unwrap().total, Some(9));
}

#[test]
fn wemwbs_totals_run_from_14_to_70_without_bands() {
    let i = wemwbs();
    for t in 14..=70 {
        let s = score(&i, &complete(&i, t)).unwrap();
        assert_eq!((s.total, s.metric, s.band), (Some(t), None, None));
    }
    let all = |v| Answers::from_pairs(&i, i.items.iter().map(|x| (x.id.as_str(), v)));
    assert_eq!(score(&i, &all(1).unwrap()).unwrap().total, Some(14));
    assert_eq!(score(&i, &all(5).unwrap()).unwrap().total, Some(70));
    assert!(
        all(0).is_err() && all(6).is_err(),
        "0 and 6 are not options"
    );
}

#[test]
fn the_direct_loneliness_question_is_never_scored() {
    let i = ons_loneliness();
    for v in 1..=5 {
        let a = Answers::from_pairs(&i, [("lonely", v)]).unwrap();
        assert_eq!(score(&i, &a), None);
        let m = Measure::new(&i, &a);
        assert_eq!(
            serde_json::to_value(&m).unwrap(),
            json!({"instrument": "ons-loneliness", "version": "gss-2020-05",
                   "answers": [{"item": "lonely", "value": v}], "score": null})
        );
    }
    assert!(Answers::from_pairs(&i, [("lonely", 0)]).is_err());
    assert!(Answers::from_pairs(&i, [("lonely", 6)]).is_err());
}

// -------------------------------------------------------------------------------------------
// Missing answers
// -------------------------------------------------------------------------------------------

const ALL_REQUIRED: [&str; 6] = ["ucla3", "phq9", "gad7", "phq4", "wemwbs", "swemwbs"];

#[test]
fn any_unanswered_item_makes_the_score_not_computable() {
    for id in ALL_REQUIRED {
        let i = builtin(id).unwrap();
        assert_eq!(i.missing_answers, MissingAnswers::AllRequired);
        let (lo, hi) = i.total_range().unwrap();
        let full = complete(&i, (lo + hi) / 2);
        assert!(score(&i, &full).is_some(), "{id}");
        for item in &i.items {
            let mut a = full.clone();
            a.clear(&item.id);
            assert_eq!(score(&i, &a), None, "{id} without {}", item.id);
        }
        assert_eq!(score(&i, &Answers::default()), None, "{id}");
    }
}

// -------------------------------------------------------------------------------------------
// Risk
// -------------------------------------------------------------------------------------------

#[test]
fn phq9_item_9_above_0_is_urgent_even_when_other_items_are_unanswered() {
    let i = phq9();
    for v in 0..=3 {
        let a = Answers::from_pairs(&i, [("phq9-9", v)]).unwrap();
        let want: Vec<String> = if v > 0 {
            vec!["phq9-item9".into()]
        } else {
            vec![]
        };
        assert_eq!(risk(&i, &a), want, "item 9 = {v}");
        let r = Risk::assess([(&i, &a)]);
        assert_eq!(r.urgent, v > 0);
    }
    // Other items at their highest raise nothing.
    let others: Vec<String> = (1..=8).map(|n| format!("phq9-{n}")).collect();
    let a = Answers::from_pairs(&i, others.iter().map(|id| (id.as_str(), 3))).unwrap();
    assert!(risk(&i, &a).is_empty());
    // No other built-in has a risk rule.
    for id in builtin_ids().iter().filter(|id| **id != "phq9") {
        assert!(builtin(id).unwrap().risk.is_empty(), "{id}");
    }
}

#[test]
fn the_submission_risk_flag_has_the_documented_shape() {
    let p = phq9();
    let g = gad7();
    let urgent = Answers::from_pairs(&p, [("phq9-9", 2)]).unwrap();
    let none = complete(&g, 21);
    let r = Risk::assess([(&p, &urgent), (&g, &none), (&p, &urgent)]);
    assert_eq!(
        serde_json::to_value(&r).unwrap(),
        json!({"urgent": true, "reasons": ["phq9-item9"]})
    );
    assert_eq!(
        serde_json::to_value(Risk::assess([(&g, &none)])).unwrap(),
        json!({"urgent": false, "reasons": []})
    );
}

// -------------------------------------------------------------------------------------------
// Meaningful change
// -------------------------------------------------------------------------------------------

fn scored(i: &Instrument, total: i64) -> Score {
    score(i, &complete(i, total)).unwrap()
}

#[test]
fn phq9_change_of_6_or_more_points_down_is_a_meaningful_improvement() {
    let i = phq9();
    let c = change(&i, &scored(&i, 15), &scored(&i, 9));
    assert_eq!(c.len(), 1);
    assert_eq!(c[0].of, "total");
    assert_eq!(c[0].change, -6.0);
    assert_eq!(c[0].trend, Some(Trend::Better));
    assert!(c[0].is_meaningful_improvement());
    let c = change(&i, &scored(&i, 15), &scored(&i, 10));
    assert_eq!(c[0].trend, Some(Trend::Better));
    assert_eq!(c[0].meaningful, Some(false));
    let c = change(&i, &scored(&i, 9), &scored(&i, 15));
    assert!(c[0].is_meaningful_deterioration());
    let c = change(&i, &scored(&i, 9), &scored(&i, 9));
    assert_eq!(
        (c[0].trend, c[0].meaningful),
        (Some(Trend::Same), Some(false))
    );
}

#[test]
fn wemwbs_and_swemwbs_change_is_measured_in_their_own_points() {
    let w = wemwbs();
    let c = change(&w, &scored(&w, 40), &scored(&w, 43));
    assert!(c[0].is_meaningful_improvement(), "3 points up");
    let c = change(&w, &scored(&w, 40), &scored(&w, 42));
    assert_eq!(
        (c[0].trend, c[0].meaningful),
        (Some(Trend::Better), Some(false))
    );

    let s = swemwbs();
    // raw 21 → 25: metric 19.25 → 22.35, a change of 3.10.
    let c = change(&s, &scored(&s, 21), &scored(&s, 25));
    assert_eq!(c[0].of, "metric");
    assert_eq!((c[0].baseline, c[0].now, c[0].change), (19.25, 22.35, 3.1));
    assert!(c[0].is_meaningful_improvement());
    // raw 22 → 25: 19.98 → 22.35 = 2.37, below 3.
    let c = change(&s, &scored(&s, 22), &scored(&s, 25));
    assert_eq!(c[0].change, 2.37);
    assert_eq!(c[0].meaningful, Some(false));
    // raw 34 → 35: 32.55 → 35.00 = 2.45; raw 33 → 35: 4.30.
    assert_eq!(
        change(&s, &scored(&s, 34), &scored(&s, 35))[0].meaningful,
        Some(false)
    );
    assert!(change(&s, &scored(&s, 35), &scored(&s, 33))[0].is_meaningful_deterioration());
}

#[test]
fn ons4_change_is_per_item_with_anxiety_the_other_way_and_no_threshold() {
    let i = ons4();
    let before = Answers::from_pairs(&i, [("satisfaction", 3), ("anxious", 8)]).unwrap();
    let after =
        Answers::from_pairs(&i, [("satisfaction", 8), ("anxious", 3), ("happy", 5)]).unwrap();
    let c = change(
        &i,
        &score(&i, &before).unwrap(),
        &score(&i, &after).unwrap(),
    );
    let got: Vec<(&str, f64, Option<Trend>, Option<bool>)> = c
        .iter()
        .map(|x| (x.of.as_str(), x.change, x.trend, x.meaningful))
        .collect();
    assert_eq!(
        got,
        [
            ("satisfaction", 5.0, Some(Trend::Better), None),
            ("anxious", -5.0, Some(Trend::Better), None),
        ]
    );
}

#[test]
fn unscored_or_incomplete_scores_have_no_change() {
    let p = phq9();
    let partial = Score {
        total: None,
        metric: None,
        band: None,
        subscales: vec![],
        items: vec![],
    };
    assert!(change(&p, &partial, &scored(&p, 3)).is_empty());
    assert!(change(&ons_loneliness(), &partial, &partial).is_empty());
}

// -------------------------------------------------------------------------------------------
// Payload
// -------------------------------------------------------------------------------------------

/// A submission of `measures`, with the risk flag their answers raise.
fn submission(measures: Vec<Measure>) -> Submission {
    let answered: Vec<(Instrument, Answers)> = measures
        .iter()
        .filter_map(|m| {
            let i = builtin(&m.instrument)?;
            let pairs = m.answers.iter().map(|a| (a.item.as_str(), a.value));
            let a = Answers::from_pairs(&i, pairs).ok()?;
            Some((i, a))
        })
        .collect();
    Submission {
        schema_version: SchemaVersion,
        submission_id: SubmissionId::parse("3f2a9c1b-7d4e-4a5b-9c8d-0123456789ab").unwrap(),
        submitted_at: Timestamp::parse("2026-11-23T10:15:00.000Z").unwrap(),
        mode: Mode::SelfReferral,
        referral: Some(common::referral()),
        measures,
        risk: Risk::assess(answered.iter().map(|(i, a)| (i, a))),
    }
}

#[test]
fn measures_carry_total_metric_band_and_subscales_as_documented() {
    let p4 = phq4();
    let a = Answers::from_pairs(
        &p4,
        [("phq4-1", 2), ("phq4-2", 2), ("phq4-3", 1), ("phq4-4", 2)],
    )
    .unwrap();
    assert_eq!(
        serde_json::to_value(Measure::new(&p4, &a)).unwrap(),
        json!({
            "instrument": "phq4", "version": "kroenke-2009",
            "answers": [
                {"item": "phq4-1", "value": 2}, {"item": "phq4-2", "value": 2},
                {"item": "phq4-3", "value": 1}, {"item": "phq4-4", "value": 2}
            ],
            "score": {"total": 7, "band": "moderate", "subscales": [
                {"id": "anxiety", "total": 4, "positive": true},
                {"id": "depression", "total": 3, "positive": true}
            ]}
        })
    );
    let s = swemwbs();
    let m = Measure::new(&s, &complete(&s, 21));
    assert_eq!(
        serde_json::to_value(&m).unwrap()["score"],
        json!({"total": 21, "metric": 19.25})
    );
    let p9 = phq9();
    let partial = Answers::from_pairs(&p9, [("phq9-1", 1)]).unwrap();
    assert_eq!(
        serde_json::to_value(Measure::new(&p9, &partial)).unwrap()["score"],
        json!(null)
    );
    let m = Measure::new(&p9, &complete(&p9, 12));
    assert_eq!(
        serde_json::to_value(&m).unwrap()["score"],
        json!({"total": 12, "band": "moderate"})
    );
}

#[test]
fn every_builtin_measure_round_trips_through_the_receivers_parser() {
    let mut measures = vec![];
    for id in builtin_ids() {
        let i = builtin(id).unwrap();
        let a = match i.total_range() {
            Some((lo, hi)) if i.scoring != Scoring::None {} => complete(&i, (lo + hi) / 2),
            _ => Answers::from_pairs(&i, [(i.items[0].id.as_str(), i.items[0].options[0].value)])
                .unwrap(),
        };
        measures.push(Measure::new(&i, &a));
    }
    let sub = submission(measures);
    let body = serde_json::to_vec(&sub).unwrap();
    assert_eq!(Submission::parse_json(&body).unwrap(), sub);
}

#[test]
fn a_tampered_metric_or_subscale_is_a_score_mismatch() {
    let s = swemwbs();
    let mut m = Measure::new(&s, &complete(&s, 21));
    m.score.as_mut().unwrap().metric = Some(19.26);
    let body = serde_json::to_vec(&submission(vec![m])).unwrap();
    assert_eq!(
        Submission::parse_json(&body),
        Err(SubmissionError::ScoreMismatch { index: 0 })
    );

    let p = phq4();
    let mut m = Measure::new(&p, &complete(&p, 6));
    m.score.as_mut().unwrap().subscales[0].positive = Some(false);
    let body = serde_json::to_vec(&submission(vec![m])).unwrap();
    assert_eq!(
        Submission::parse_json(&body),
        Err(SubmissionError::ScoreMismatch { index: 0 })
    );

    // A score for an incomplete PHQ-9 is refused: it is never imputed.
    let p9 = phq9();
    let mut m = Measure::new(&p9, &Answers::from_pairs(&p9, [("phq9-1", 3)]).unwrap());
    m.score = Some(scored(&p9, 3));
    let body = serde_json::to_vec(&submission(vec![m])).unwrap();
    assert_eq!(
        Submission::parse_json(&body),
        Err(SubmissionError::ScoreMismatch { index: 0 })
    );
}

// -------------------------------------------------------------------------------------------
// Reverse scoring (no built-in reverse-scores; a made-up definition)
// -------------------------------------------------------------------------------------------

fn reversed_demo() -> Instrument {
    let opts = json!([
        {"value": 1, "label": "Never"}, {"value": 2, "label": "Rarely"},
        {"value": 3, "label": "Sometimes"}, {"value": 4, "label": "Often"},
        {"value": 5, "label": "Always"}
    ]);
    let item = |n: u32, reverse: bool| {
        json!({
            "id": format!("r-{n}"), "text": format!("Made-up statement {n}"),
            "short_label": format!("Statement {n}"),
            "missing_message": format!("Select how often statement {n} applied"),
            "options": opts.clone(), "reverse": reverse
        })
    };
    let def = json!({"instruments": [{
        "id": "reverse-demo", "version": "1", "title": "Reverse demo", "instructions": "",
        "recall_period": "not-stated",
        "items": [item(1, false), item(2, true), item(3, false), item(4, true)],
        "scoring": {"rule": "sum", "bands": [
            {"min": 4, "max": 11, "code": "low", "label": "Low"},
            {"min": 12, "max": 20, "code": "high", "label": "High"}
        ]},
        "missing_answers": "all-required", "direction": "higher-is-better",
        "meaningful_change": {"kind": "not-published", "note": "Made up"},
        "licence": "Made up for tests", "licence_kind": "open"
    }]});
    parse_definitions(&def.to_string()).unwrap().remove(0)
}

#[test]
fn reverse_scored_items_count_from_the_other_end() {
    let i = reversed_demo();
    let a = Answers::from_pairs(&i, [("r-1", 1), ("r-2", 1), ("r-3", 1), ("r-4", 1)]).unwrap();
    let s = score(&i, &a).unwrap();
    assert_eq!(s.total, Some(1 + 5 + 1 + 5));
    assert_eq!(s.band.as_deref(), Some("high"));
    let a = Answers::from_pairs(&i, [("r-1", 5), ("r-2", 5), ("r-3", 1), ("r-4", 4)]).unwrap();
    assert_eq!(score(&i, &a).unwrap().total, Some(5 + 1 + 1 + 2));
    assert_eq!(i.total_range(), Some((4, 20)));
    // The payload carries the option chosen, not the reversed value.
    let m = Measure::new(&i, &a);
    assert_eq!(m.answers[1].value, 5);
}

// -------------------------------------------------------------------------------------------
// Properties
// -------------------------------------------------------------------------------------------

const TOTALLED: [&str; 6] = ["ucla3", "phq9", "gad7", "phq4", "wemwbs", "swemwbs"];

/// Answers choosing option `picks[n] % options` for item n.
fn pick(i: &Instrument, picks: &[usize]) -> Answers {
    let mut a = Answers::default();
    for (item, p) in i.items.iter().zip(picks) {
        a.set(i, &item.id, item.options[p % item.options.len()].value)
            .unwrap();
    }
    a
}

proptest! {
    #[test]
    fn any_complete_answers_score_to_their_sum_within_range(
        id in prop::sample::select(TOTALLED.to_vec()),
        picks in prop::collection::vec(0usize..50, 14),
    ) {
        let i = builtin(id).unwrap();
        let a = pick(&i, &picks);
        prop_assert!(a.is_complete(&i));
        let s = score(&i, &a).unwrap();
        let sum: i64 = a.in_pairs().map(|(_, v)| v).sum();
        prop_assert_eq!(s.total, Some(sum));
        let (lo, hi) = match id {
            "ucla3" => (3, 9),
            "phq9" => (0, 27),
            "gad7" => (0, 21),
            "phq4" => (0, 12),
            "wemwbs" => (14, 70),
            "swemwbs" => (7, 35),
            _ => unreachable!(),
        };
        prop_assert!((lo..=hi).contains(&sum));
        match id {
            "swemwbs" => {
                let want = SWEMWBS_TABLE.iter().find(|(r, _)| *r == sum).unwrap().1;
                prop_assert_eq!(s.metric, Some(want));
            }
            "phq9" => prop_assert_eq!(s.band.as_deref(), Some(phq9_band(sum))),
            "gad7" => prop_assert_eq!(s.band.as_deref(), Some(gad7_band(sum))),
            "phq4" => {
                prop_assert_eq!(s.band.as_deref(), Some(phq4_band(sum)));
                let anx = a.get("phq4-1").unwrap() + a.get("phq4-2").unwrap();
                let dep = a.get("phq4-3").unwrap() + a.get("phq4-4").unwrap();
                prop_assert_eq!(s.subscales[0].total, anx);
                prop_assert_eq!(s.subscales[1].total, dep);
                prop_assert_eq!(s.subscales[0].positive, Some(anx >= 3));
                prop_assert_eq!(s.subscales[1].positive, Some(dep >= 3));
            }
            _ => prop_assert_eq!(s.band, None),
        }
    }

    #[test]
    fn any_missing_item_leaves_an_all_required_score_not_computable(
        id in prop::sample::select(ALL_REQUIRED.to_vec()),
        picks in prop::collection::vec(0usize..50, 14),
        missing in prop::collection::vec(any::<bool>(), 14),
        forced in 0usize..14,
    ) {
        let i = builtin(id).unwrap();
        let mut a = pick(&i, &picks);
        let n = i.items.len();
        for (item, gone) in i.items.iter().zip(&missing) {
            if *gone { a.clear(&item.id); }
        }
        a.clear(&i.items[forced % n].id);
        prop_assert!(!a.is_complete(&i));
        prop_assert_eq!(score(&i, &a), None);
        // The measure still carries the answers that were given, with a null score.
        let m = Measure::new(&i, &a);
        prop_assert_eq!(m.answers.len(), a.len());
        prop_assert_eq!(m.score, None);
    }

    #[test]
    fn reverse_scoring_is_lowest_plus_highest_minus_the_answer(
        values in prop::collection::vec(1i64..=5, 4),
    ) {
        let i = reversed_demo();
        let a = Answers::from_pairs(&i, i.items.iter().zip(&values).map(|(x, v)| (x.id.as_str(), *v))).unwrap();
        let want = values[0] + (6 - values[1]) + values[2] + (6 - values[3]);
        let s = score(&i, &a).unwrap();
        prop_assert_eq!(s.total, Some(want));
        prop_assert_eq!(s.band.as_deref(), Some(if want >= 12 { "high" } else { "low" }));
    }

    #[test]
    fn phq9_is_urgent_exactly_when_item_9_is_above_0(picks in prop::collection::vec(0usize..4, 9)) {
        let i = phq9();
        let a = pick(&i, &picks);
        let urgent = a.get("phq9-9").unwrap() > 0;
        prop_assert_eq!(risk(&i, &a).is_empty(), !urgent);
        prop_assert_eq!(Risk::assess([(&i, &a)]).urgent, urgent);
    }

    #[test]
    fn change_is_antisymmetric_and_meaningful_at_the_threshold(
        id in prop::sample::select(vec!["phq9", "gad7", "wemwbs", "swemwbs"]),
        p in prop::collection::vec(0usize..50, 14),
        q in prop::collection::vec(0usize..50, 14),
    ) {
        let i = builtin(id).unwrap();
        let (a, b) = (score(&i, &pick(&i, &p)).unwrap(), score(&i, &pick(&i, &q)).unwrap());
        let ab = change(&i, &a, &b).remove(0);
        let ba = change(&i, &b, &a).remove(0);
        prop_assert_eq!(ab.change, -ba.change);
        prop_assert_eq!(ab.meaningful, ba.meaningful);
        let threshold = match i.meaningful_change {
            MeaningfulChange::Published { points, .. } => points,
            _ => unreachable!(),
        };
        prop_assert_eq!(ab.meaningful, Some(ab.change.abs() >= threshold));
        if ab.change == 0.0 {
            prop_assert_eq!(ab.trend, Some(Trend::Same));
        } else {
            prop_assert_ne!(ab.trend, ba.trend);
        }
    }
}
