//! Delivery policy: what is retried, when, and that nothing is lost or sent twice.

use crate::common;

use proptest::prelude::*;
use wellbeing_widget::domain::instrument::{Answers, ons4};
use wellbeing_widget::domain::outbox::*;
use wellbeing_widget::domain::payload::*;
use wellbeing_widget::domain::scoring::Risk;

fn submission(n: u8) -> Submission {
    Submission {
        schema_version: SchemaVersion,
        submission_id: SubmissionId::from_random_bytes([n; 16]),
        submitted_at: Timestamp::parse("2026-11-23T10:15:00.000Z").unwrap(),
        mode: Mode::SelfReferral,
        referral: Some(common::referral()),
        measures: vec![Measure::new(&ons4(), &Answers::default())],
        risk: Risk::default(),
    }
}

#[test]
fn network_errors_408_429_and_5xx_are_retried_other_4xx_are_not() {
    for code in [408, 429, 500, 502, 503, 504, 599] {
        assert!(is_retryable(code), "{code}");
        assert!(matches!(
            after(
                Attempt::Status {
                    code,
                    retry_after_ms: None
                },
                1,
                0,
                0.5
            ),
            Next::RetryAt(_)
        ));
    }
    for code in [400, 401, 403, 404, 409, 413, 415, 422] {
        assert!(!is_retryable(code), "{code}");
        assert_eq!(
            after(
                Attempt::Status {
                    code,
                    retry_after_ms: None
                },
                1,
                0,
                0.5
            ),
            Next::GiveUp { status: code }
        );
    }
    assert!(matches!(
        after(Attempt::NetworkError, 1, 0, 0.5),
        Next::RetryAt(_)
    ));
    assert_eq!(after(Attempt::Delivered, 1, 0, 0.5), Next::Done);
    assert_eq!(
        after(
            Attempt::Status {
                code: 201,
                retry_after_ms: None
            },
            1,
            0,
            0.5
        ),
        Next::Done
    );
}

#[test]
fn backoff_doubles_from_two_seconds_with_jitter_and_a_cap() {
    // jitter 0 → half the window; jitter → 1 → the whole window.
    assert_eq!(backoff_ms(1, 0.0), 1_000);
    assert_eq!(backoff_ms(2, 0.0), 2_000);
    assert_eq!(backoff_ms(3, 0.0), 4_000);
    assert_eq!(backoff_ms(1, 0.999_999), 1_999);
    assert_eq!(backoff_ms(30, 0.0), MAX_DELAY_MS / 2);
    assert!(backoff_ms(30, 0.999) <= MAX_DELAY_MS);
}

proptest! {
    #[test]
    fn backoff_is_within_its_window(attempts in 1u32..100, jitter in 0.0f64..1.0) {
        let window = (BASE_DELAY_MS.saturating_mul(1 << (attempts - 1).min(20))).min(MAX_DELAY_MS);
        let d = backoff_ms(attempts, jitter);
        prop_assert!(d >= window / 2 && d <= window);
    }
}

#[test]
fn retry_after_is_honoured() {
    assert_eq!(parse_retry_after("120", 0, None), Some(120_000));
    assert_eq!(parse_retry_after(" 5 ", 0, None), Some(5_000));
    assert_eq!(
        parse_retry_after("Wed, 21 Oct 2026 07:28:00 GMT", 1_000, Some(31_000)),
        Some(30_000)
    );
    assert_eq!(parse_retry_after("soon", 0, None), None);
    assert_eq!(
        after(
            Attempt::Status {
                code: 429,
                retry_after_ms: Some(60_000)
            },
            1,
            1_000,
            0.0
        ),
        Next::RetryAt(61_000)
    );
    assert_eq!(
        after(
            Attempt::Status {
                code: 503,
                retry_after_ms: Some(86_400_000)
            },
            1,
            0,
            0.0
        ),
        Next::RetryAt(3_600_000),
        "an absurd Retry-After is capped at an hour"
    );
}

#[test]
fn the_outbox_keeps_a_submission_until_delivered_and_never_queues_it_twice() {
    let mut o = Outbox::new();
    let s = submission(1);
    let id = s.submission_id.clone();
    let body = serde_json::to_string(&s).unwrap();
    o.enqueue(id.clone(), JSON, body.clone(), 100);
    o.enqueue(id.clone(), JSON, "{}".into(), 100);
    assert_eq!(o.entries.len(), 1);
    assert_eq!(o.entries[0].body, body, "the first body is kept");
    assert_eq!(o.due(100, false), vec![id.clone()]);

    let Next::RetryAt(t) = o.record(&id, Attempt::NetworkError, 100, 0.0) else {
        panic!()
    };
    assert_eq!(t, 1_100);
    assert!(o.due(1_099, false).is_empty());
    assert_eq!(
        o.due(1_099, true),
        vec![id.clone()],
        "the online event sends at once"
    );
    assert_eq!(o.next_due_at(), Some(1_100));

    // Survives a reload, with the very same bytes to send.
    let mut o = Outbox::from_json(&serde_json::to_string(&o).unwrap()).unwrap();
    assert_eq!(o.entries[0].attempts, 1);
    assert_eq!(o.entries[0].body, body);
    assert_eq!(o.entries[0].content_type, "application/json");

    assert_eq!(
        o.record(
            &id,
            Attempt::Status {
                code: 400,
                retry_after_ms: None
            },
            2_000,
            0.0
        ),
        Next::GiveUp { status: 400 }
    );
    assert!(
        o.due(10_000, true).is_empty(),
        "a refused submission is not retried by itself"
    );
    assert_eq!(o.entries.len(), 1, "but it is kept");
    o.retry_now(&id, 3_000);
    assert_eq!(o.due(3_000, false), vec![id.clone()]);
    assert_eq!(o.record(&id, Attempt::Delivered, 3_000, 0.0), Next::Done);
    assert!(o.is_empty());
}

#[test]
fn an_unreadable_outbox_is_an_error_not_a_crash() {
    assert!(Outbox::from_json("{").is_err());
    assert!(Outbox::from_json("{\"version\":3,\"entries\":[]}").is_err());
    assert!(Outbox::from_json("{\"version\":1,\"entries\":[{\"submission\":1}]}").is_err());
    assert!(Outbox::from_json("{\"version\":2,\"entries\":[{\"id\":\"x\"}]}").is_err());
}

#[test]
fn a_version_1_outbox_is_read_with_each_submission_as_its_native_body() {
    let s = submission(7);
    let old = serde_json::json!({
        "version": 1,
        "entries": [{
            "submission": s,
            "attempts": 3,
            "state": {"state": "refused", "status": 400}
        }]
    });
    let o = Outbox::from_json(&old.to_string()).unwrap();
    assert_eq!(o.entries.len(), 1);
    let e = &o.entries[0];
    assert_eq!(e.id, s.submission_id);
    assert_eq!(e.content_type, "application/json");
    assert_eq!(Submission::parse_json(e.body.as_bytes()).unwrap(), s);
    assert_eq!(
        (e.attempts, &e.state),
        (3, &EntryState::Refused { status: 400 })
    );
    // It is written back as version 2.
    assert!(serde_json::to_string(&o).unwrap().contains("\"version\":2"));
    // A version 1 entry without a usable id is unreadable (and the caller keeps the text aside).
    let bad = serde_json::json!({"version": 1, "entries": [{"submission": {"x": 1}, "attempts": 0,
        "state": {"state": "queued", "next_attempt_at_ms": 0}}]});
    assert!(Outbox::from_json(&bad.to_string()).is_err());
}

#[test]
fn an_entry_state_is_stored_flat_and_read_back_exactly() {
    let queued = EntryState::Queued {
        next_attempt_at_ms: 5,
    };
    let refused = EntryState::Refused { status: 400 };
    assert_eq!(
        serde_json::to_value(&queued).unwrap(),
        serde_json::json!({"state": "queued", "next_attempt_at_ms": 5})
    );
    assert_eq!(
        serde_json::to_value(&refused).unwrap(),
        serde_json::json!({"state": "refused", "status": 400})
    );
    for s in [queued, refused] {
        let back: EntryState = serde_json::from_value(serde_json::to_value(&s).unwrap()).unwrap();
        assert_eq!(back, s);
    }
    for bad in [
        serde_json::json!({"state": "queued"}),
        serde_json::json!({"state": "queued", "status": 400}),
        serde_json::json!({"state": "refused", "status": 400, "next_attempt_at_ms": 1}),
        serde_json::json!({"state": "lost"}),
    ] {
        assert!(
            serde_json::from_value::<EntryState>(bad.clone()).is_err(),
            "{bad}"
        );
    }
}

/// Another tab emptying the outbox leaves this tab a default outbox; once a submission is queued
/// in it, it must be stored as this version's and load back (not as an unreadable version 0).
#[test]
fn a_default_outbox_is_stored_as_this_version_and_loads_back() {
    let mut o = Outbox::default();
    o.enqueue(
        SubmissionId::from_random_bytes([9; 16]),
        "application/json",
        "{}".into(),
        1,
    );
    let text = serde_json::to_string(&o).unwrap();
    assert!(text.starts_with("{\"version\":2,"), "{text}");
    assert_eq!(Outbox::from_json(&text).unwrap(), o);
}

// ---------------------------------------------------------------------------------------------
// Two tabs of one widget share the outbox on the device. Each tab applies its change to what is
// stored now, not to its own copy (see `Courier::change`); these are those steps.

/// One tab's change: read what is stored, take in what this tab queued and has not stored yet
/// (as it was queued), apply the change, write; the tab then holds what was written.
fn write_through(
    stored: &mut Outbox,
    tab: &mut Outbox,
    not_stored: &[Entry],
    op: impl Fn(&mut Outbox),
) {
    op(tab);
    let mut fresh = stored.clone();
    fresh.absorb(not_stored);
    op(&mut fresh);
    *stored = fresh.clone();
    *tab = fresh;
}

fn queued(n: u8) -> (SubmissionId, String) {
    let s = submission(n);
    (s.submission_id.clone(), serde_json::to_string(&s).unwrap())
}

/// Submission `n` as just queued at `now`.
fn entry(n: u8, now: u64) -> Entry {
    let (id, body) = queued(n);
    Entry::queued(id, JSON, body, now)
}

#[test]
fn a_tab_delivering_never_drops_a_submission_another_tab_queued() {
    let (x, x_body) = queued(1);
    let (y, y_body) = queued(2);
    let mut stored = Outbox::new();
    let mut b = Outbox::new();
    // Tab B queues X; tab A has seen it.
    write_through(&mut stored, &mut b, &[entry(1, 10)], |o| {
        o.enqueue(x.clone(), JSON, x_body.clone(), 10)
    });
    let mut a = stored.clone();
    // Tab A queues Y offline; tab B has not seen that yet when the intake confirms X.
    write_through(&mut stored, &mut a, &[entry(2, 20)], |o| {
        o.enqueue(y.clone(), JSON, y_body.clone(), 20)
    });
    assert!(b.get(&y).is_none(), "B's copy is stale");
    write_through(&mut stored, &mut b, &[], |o| {
        o.record(&x, Attempt::Delivered, 30, 0.0);
    });
    assert!(stored.get(&x).is_none(), "X is delivered");
    assert!(stored.get(&y).is_some(), "Y is still on the device");
    assert_eq!(stored.due(31, true), vec![y.clone()]);
    assert_eq!(b, stored, "B now holds Y too");
    let text = serde_json::to_string(&stored).unwrap();
    assert_eq!(Outbox::from_json(&text).unwrap(), stored);
}

#[test]
fn a_stale_tab_does_not_bring_back_what_another_tab_delivered_or_removed() {
    let (x, x_body) = queued(1);
    let (y, y_body) = queued(2);
    let mut stored = Outbox::new();
    let mut a = Outbox::new();
    write_through(&mut stored, &mut a, &[entry(1, 10), entry(2, 10)], |o| {
        o.enqueue(x.clone(), JSON, x_body.clone(), 10);
        o.enqueue(y.clone(), JSON, y_body.clone(), 10);
    });
    let mut b = a.clone();
    // B delivers X, then the person removes everything in B.
    write_through(&mut stored, &mut b, &[], |o| {
        o.record(&x, Attempt::Delivered, 20, 0.0);
    });
    write_through(&mut stored, &mut b, &[], |o| {
        assert_eq!(o.remove_all(), vec![y.clone()]);
    });
    assert!(stored.is_empty());
    // A, still holding both, records a failed attempt at Y: neither comes back.
    write_through(&mut stored, &mut a, &[], |o| {
        o.record(&y, Attempt::NetworkError, 30, 0.0);
    });
    assert!(stored.is_empty(), "{stored:?}");
    assert_eq!(a, stored);
}

#[test]
fn what_a_tab_could_not_store_is_kept_when_another_tab_writes() {
    let (x, x_body) = queued(1);
    let (y, y_body) = queued(2);
    let mut stored = Outbox::new();
    let mut a = Outbox::new();
    // A queued X but its write failed (storage full): X is only in A's memory.
    a.enqueue(x.clone(), JSON, x_body.clone(), 10);
    // B queues Y; A hears of it and keeps X too.
    let mut b = Outbox::new();
    write_through(&mut stored, &mut b, &[entry(2, 20)], |o| {
        o.enqueue(y.clone(), JSON, y_body.clone(), 20)
    });
    let mut heard = stored.clone();
    heard.absorb(&[entry(1, 10)]);
    assert!(heard.get(&x).is_some() && heard.get(&y).is_some());
    // A's next change writes X with it.
    write_through(&mut stored, &mut a, &[entry(1, 10)], |o| {
        o.retry_now(&x, 30)
    });
    assert_eq!(stored.entries.len(), 2);
}

#[test]
fn where_both_tabs_hold_a_submission_the_stored_record_wins() {
    let (x, x_body) = queued(1);
    let mut stored = Outbox::new();
    let mut a = Outbox::new();
    write_through(&mut stored, &mut a, &[entry(1, 10)], |o| {
        o.enqueue(x.clone(), JSON, x_body.clone(), 10)
    });
    let mut b = a.clone();
    let refused = Attempt::Status {
        code: 422,
        retry_after_ms: None,
    };
    write_through(&mut stored, &mut a, &[], |o| {
        o.record(&x, refused, 20, 0.0);
    });
    // B's stale, queued copy of X is not what is stored.
    let mut heard = stored.clone();
    heard.absorb(&[]);
    assert!(matches!(
        heard.entries[0].state,
        EntryState::Refused { status: 422 }
    ));
    b.entries.clear();
    assert!(b.is_empty());
}

#[test]
fn a_change_written_after_the_delivery_it_preceded_does_not_bring_the_submission_back() {
    let (x, x_body) = queued(1);
    let enqueue = |o: &mut Outbox| o.enqueue(x.clone(), JSON, x_body.clone(), 10);
    // The tab queues X and delivers it before its first write reaches the device.
    let mut tab = Outbox::new();
    enqueue(&mut tab);
    tab.record(&x, Attempt::Delivered, 20, 0.0);
    let settled = [x.clone()];
    // The queued write comes now, to what is stored: it would put X back, but X is settled.
    let mut stored = Outbox::new();
    stored.absorb(&[entry(1, 10)]);
    enqueue(&mut stored);
    assert!(stored.get(&x).is_some(), "without forgetting, X is back");
    stored.forget(|id| settled.contains(id));
    assert!(stored.is_empty());
}

#[test]
fn an_attempt_made_before_the_queued_write_lands_is_counted_once() {
    let (x, x_body) = queued(1);
    let queued_x = entry(1, 10);
    let mut tab = Outbox::new();
    let mut stored = Outbox::new();
    // Queued and tried once in this tab before either change reaches the device.
    tab.enqueue(x.clone(), JSON, x_body.clone(), 10);
    tab.record(&x, Attempt::NetworkError, 20, 0.5);
    // The two writes, in turn: the queued submission as it was queued, then the attempt.
    stored.absorb(std::slice::from_ref(&queued_x));
    stored.enqueue(x.clone(), JSON, x_body.clone(), 10);
    stored.absorb(std::slice::from_ref(&queued_x));
    stored.record(&x, Attempt::NetworkError, 20, 0.5);
    assert_eq!(
        stored, tab,
        "one attempt on the device, due when this tab says"
    );
    assert_eq!(stored.entries[0].attempts, 1);
}
