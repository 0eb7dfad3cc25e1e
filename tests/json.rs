//! The widget's own JSON reader and writer (`domain::json`) against `serde_json`, which the
//! receiver uses: both must accept the same texts, read them to the same values, and write the
//! same bytes.

use proptest::prelude::*;
use serde_json::Value;
use wellbeing_widget::domain::json::{self, Json};

/// The same value, as `serde_json` holds it (numbers compared by what they are). With `near`,
/// numbers with a fraction may differ in the last places: neither reader rounds numbers of more
/// than 15 significant digits exactly.
fn same(ours: &Json, theirs: &Value, near: bool) -> bool {
    let same = |a, b| same(a, b, near);
    match (ours, theirs) {
        (Json::Null, Value::Null) => true,
        (Json::Bool(a), Value::Bool(b)) => a == b,
        (Json::Int(a), Value::Number(b)) => b.as_i64() == Some(*a),
        (Json::BigUint(a), Value::Number(b)) => b.as_u64() == Some(*a) && b.as_i64().is_none(),
        (Json::Float(a), Value::Number(b)) => {
            b.is_f64()
                && b.as_f64().is_some_and(|b| {
                    *a == b || (near && (a - b).abs() <= a.abs().max(b.abs()) * 1e-15)
                })
        }
        (Json::Str(a), Value::String(b)) => a == b,
        (Json::Arr(a), Value::Array(b)) => {
            a.len() == b.len() && a.iter().zip(b).all(|(x, y)| same(x, y))
        }
        (Json::Obj(a), Value::Object(b)) => {
            a.len() == b.len() && a.iter().all(|(k, v)| b.get(k).is_some_and(|w| same(v, w)))
        }
        _ => false,
    }
}

/// Texts that are JSON, nearly JSON, or far from it.
fn texts() -> impl Strategy<Value = String> {
    prop_oneof![
        "[\\[\\]{}\",:0-9eE.+\\- atrufnlsx\\\\/u\n]{0,24}",
        "-?[0-9]{1,20}(\\.[0-9]{1,20})?([eE][+-]?[0-9]{1,3})?",
        values().prop_map(|v| v.to_string()),
        values().prop_map(|v| {
            // Damage a valid text by cutting it short.
            let t = v.to_string();
            let cut = t.len() / 2;
            t.get(..cut).unwrap_or_default().to_owned()
        }),
    ]
}

fn scalars() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        // Decimals as the widget writes them: at most six places.
        (-10_000_000_000_000i64..10_000_000_000_000).prop_map(|n| Value::from(n as f64 / 1e6)),
        (-100_000i64..100_000).prop_map(|n| Value::from(n as f64 / 100.0)),
        ".{0,12}".prop_map(Value::String),
        "[\\x00-\\x1f\"\\\\/\\x7f é😀]{0,8}".prop_map(Value::String),
    ]
}

fn values() -> impl Strategy<Value = Value> {
    scalars().prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::btree_map("[a-z_$ é]{0,6}", inner, 0..6)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4000))]

    #[test]
    fn reads_what_serde_json_reads(text in texts()) {
        let ours = json::parse(&text);
        let theirs = serde_json::from_str::<Value>(&text);
        match (&ours, &theirs) {
            (Ok(a), Ok(b)) => prop_assert!(same(a, b, true), "{text:?}: {a:?} vs {b:?}"),
            // `serde_json::Value` keeps the last of a key written twice; the widget refuses it.
            (Err(e), Ok(_)) => prop_assert!(e.duplicate.is_some(), "{text:?}: {e}"),
            (Ok(_), Err(e)) => prop_assert!(false, "{text:?} accepted; serde_json: {e}"),
            (Err(_), Err(_)) => {}
        }
    }

    #[test]
    fn reads_decimals_of_up_to_15_digits_exactly(m in 0u64..1_000_000_000_000_000, e in -22i32..=22, point in 0usize..16, negative: bool) {
        let digits = m.to_string();
        let point = point.min(digits.len() - 1);
        let (int, frac) = digits.split_at(digits.len() - point);
        let sign = if negative { "-" } else { "" };
        // The value is m × 10^(e − point) and m × 10^e: exact while the power is within ±22.
        prop_assume!((e - point as i32).abs() <= 22);
        for text in [format!("{sign}{int}.{frac}e{e}"), format!("{sign}{m}E{e}")] {
            let text = text.replace(".e", "e");
            let expected: f64 = text.parse().unwrap();
            prop_assert_eq!(json::parse(&text).unwrap().as_f64(), Some(expected), "{}", text);
        }
    }

    #[test]
    fn writes_what_serde_json_writes(v in values()) {
        let text = serde_json::to_string(&v).unwrap();
        let ours = json::parse(&text).unwrap();
        prop_assert!(same(&ours, &v, false));
        prop_assert_eq!(ours.to_text(), text);
    }
}

#[test]
fn a_key_twice_is_refused_and_named_only_in_the_error_value() {
    let e = json::parse(r#"{"a":{"b":1,"b":2}}"#).unwrap_err();
    assert_eq!(e.duplicate.as_deref(), Some("b"));
    assert!(!e.to_string().contains('b'), "{e}");
}
