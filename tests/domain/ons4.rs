//! ONS4: wording, ranges and every band edge, against shared/reference/instruments.md §1.1.

use proptest::prelude::*;
use wellbeing_widget::domain::instrument::{AnswerError, Answers, builtin, ons4};
use wellbeing_widget::domain::scoring::score;

/// The published thresholds, written out value by value from the reference (not from the code).
fn expected_band(item: &str, v: i64) -> &'static str {
    if item == "anxious" {
        match v {
            0 | 1 => "very-low",
            2 | 3 => "low",
            4 | 5 => "medium",
            6..=10 => "high",
            _ => unreachable!(),
        }
    } else {
        match v {
            0..=4 => "low",
            5 | 6 => "medium",
            7 | 8 => "high",
            9 | 10 => "very-high",
            _ => unreachable!(),
        }
    }
}

#[test]
fn wording_is_exactly_the_gss_standard() {
    let i = ons4();
    let texts: Vec<&str> = i.items.iter().map(|i| i.text.as_str()).collect();
    assert_eq!(
        texts,
        [
            "Overall, how satisfied are you with your life nowadays?",
            "Overall, to what extent do you feel that the things you do in your life are worthwhile?",
            "Overall, how happy did you feel yesterday?",
            "On a scale where nought is 'not at all anxious' and 10 is 'completely anxious', overall, how anxious did you feel yesterday?",
        ]
    );
    let ids: Vec<&str> = i.items.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(ids, ["satisfaction", "worthwhile", "happy", "anxious"]);
    assert_eq!(builtin("ons4"), Some(i));
    assert_eq!(builtin("nope"), None);
}

#[test]
fn each_item_is_an_eleven_point_scale_from_0_to_10_with_anchored_ends() {
    for item in ons4().items {
        let values: Vec<i64> = item.options.iter().map(|o| o.value).collect();
        assert_eq!(values, (0..=10).collect::<Vec<_>>(), "{}", item.id);
        assert!(
            item.options[0]
                .anchor
                .as_deref()
                .unwrap()
                .starts_with("not at all")
        );
        assert!(
            item.options[10]
                .anchor
                .as_deref()
                .unwrap()
                .starts_with("completely")
        );
        assert!(item.options[1..10].iter().all(|o| o.anchor.is_none()));
    }
}

#[test]
fn every_value_of_every_item_gets_its_published_band() {
    let i = ons4();
    for item in &i.items {
        for v in 0..=10 {
            let mut a = Answers::default();
            a.set(&i, &item.id, v).unwrap();
            let s = score(&i, &a).expect("one answer is reportable");
            assert_eq!(s.total, None, "ONS4 has no composite score");
            assert_eq!(s.items.len(), 1);
            assert_eq!(s.items[0].item, item.id);
            assert_eq!(s.items[0].value, v);
            assert_eq!(
                s.items[0].band.as_deref(),
                Some(expected_band(&item.id, v)),
                "{} = {v}",
                item.id
            );
        }
    }
}

#[test]
fn values_outside_0_to_10_and_unknown_items_are_refused() {
    let i = ons4();
    let mut a = Answers::default();
    assert_eq!(
        a.set(&i, "satisfaction", 11),
        Err(AnswerError::OutOfRange {
            item: "satisfaction".into(),
            value: 11
        })
    );
    assert!(matches!(
        a.set(&i, "satisfaction", -1),
        Err(AnswerError::OutOfRange { .. })
    ));
    assert_eq!(
        a.set(&i, "mood", 5),
        Err(AnswerError::UnknownItem("mood".into()))
    );
    assert!(a.is_empty());
}

#[test]
fn no_answers_means_no_score_and_unanswered_items_are_not_reported() {
    let i = ons4();
    assert_eq!(score(&i, &Answers::default()), None);
    let a = Answers::from_pairs(&i, [("happy", 3), ("satisfaction", 9)]).unwrap();
    let s = score(&i, &a).unwrap();
    let reported: Vec<(&str, i64)> = s.items.iter().map(|x| (x.item.as_str(), x.value)).collect();
    assert_eq!(
        reported,
        [("satisfaction", 9), ("happy", 3)],
        "in item order, only answered items"
    );
}

proptest! {
    #[test]
    fn any_in_range_answers_score_to_their_own_values(values in proptest::collection::vec(proptest::option::of(0i64..=10), 4)) {
        let i = ons4();
        let mut a = Answers::default();
        for (item, v) in i.items.iter().zip(&values) {
            if let Some(v) = v { a.set(&i, &item.id, *v).unwrap(); }
        }
        let answered = values.iter().flatten().count();
        match score(&i, &a) {
            None => prop_assert_eq!(answered, 0),
            Some(s) => {
                prop_assert_eq!(s.items.len(), answered);
                for x in s.items {
                    let want = values[i.items.iter().position(|it| it.id == x.item).unwrap()];
                    prop_assert_eq!(Some(x.value), want);
                    prop_assert_eq!(x.band.as_deref(), Some(expected_band(&x.item, x.value)));
                }
            }
        }
    }

    #[test]
    fn out_of_range_values_never_get_in(v in prop_oneof![i64::MIN..0i64, 11i64..i64::MAX]) {
        let i = ons4();
        let mut a = Answers::default();
        prop_assert!(a.set(&i, "anxious", v).is_err());
        prop_assert!(a.is_empty());
    }
}
