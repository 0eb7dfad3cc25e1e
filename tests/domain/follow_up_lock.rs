//! The staff lock of the follow-up on a shared tablet: the passcode rules, the stored record
//! (hash, salt, iterations, wrong tries), the wait after wrong tries and the idle rule.

use proptest::prelude::*;
use serde_json::json;
use wellbeing_widget::domain::follow_up::*;

use PasscodeError as E;
use PasscodeField::{Again, Passcode};

const SALT: [u8; 16] = [7; 16];
const HASH: [u8; 32] = [0xab; 32];

fn record() -> LockRecord {
    LockRecord::new(&SALT, &HASH, PBKDF2_ITERATIONS)
}

#[test]
fn a_new_passcode_has_six_to_64_characters_typed_twice_and_is_not_trivially_guessed() {
    assert_eq!(check_new_passcode("river42", "river42"), vec![]);
    assert_eq!(check_new_passcode("135790", "135790"), vec![]);
    assert_eq!(
        check_new_passcode("a b c d", "a b c d"),
        vec![],
        "spaces count"
    );
    assert_eq!(
        check_new_passcode("", ""),
        vec![(Passcode, E::Empty), (Again, E::AgainEmpty)]
    );
    assert_eq!(
        check_new_passcode("      ", "      ")[0],
        (Passcode, E::Empty)
    );
    assert_eq!(
        check_new_passcode("12345", "12345"),
        vec![(Passcode, E::TooShort)]
    );
    let long = "ab".repeat(33);
    assert_eq!(
        check_new_passcode(&long, &long),
        vec![(Passcode, E::TooLong)]
    );
    let longest = "ab".repeat(32);
    assert_eq!(check_new_passcode(&longest, &longest), vec![]);
    for simple in [
        "111111",
        "123456",
        "654321",
        "abcdefg",
        "zzzzzzzz",
        "987654321",
    ] {
        assert_eq!(
            check_new_passcode(simple, simple),
            vec![(Passcode, E::TooSimple)],
            "{simple}"
        );
    }
    assert_eq!(
        check_new_passcode("river42", ""),
        vec![(Again, E::AgainEmpty)]
    );
    assert_eq!(
        check_new_passcode("river42", "river43"),
        vec![(Again, E::Mismatch)]
    );
    assert_eq!(
        check_new_passcode("river42", "River42"),
        vec![(Again, E::Mismatch)],
        "case matters"
    );
    // A mismatch is not reported while the first box is itself wrong.
    assert_eq!(
        check_new_passcode("123", "456"),
        vec![(Passcode, E::TooShort)]
    );
}

#[test]
fn passcode_messages_are_plain_words() {
    assert_eq!(E::Empty.to_string(), "Enter a passcode");
    assert_eq!(
        E::TooShort.to_string(),
        "Passcode must be 6 characters or more"
    );
    assert_eq!(
        E::TooLong.to_string(),
        "Passcode must be 64 characters or fewer"
    );
    assert_eq!(E::AgainEmpty.to_string(), "Enter the passcode again");
    assert_eq!(
        E::Mismatch.to_string(),
        "The passcodes do not match. Enter the same passcode in both boxes"
    );
    assert_eq!(E::UnlockEmpty.to_string(), "Enter your passcode");
}

#[test]
fn the_stored_record_holds_a_hash_salt_and_iterations_never_the_passcode() {
    let r = record();
    let stored = serde_json::to_value(&r).unwrap();
    assert_eq!(
        stored,
        json!({
            "version": 1,
            "algorithm": "PBKDF2-SHA-256",
            "iterations": 600000,
            "salt": "07".repeat(16),
            "hash": "ab".repeat(32),
            "failed_tries": 0,
            "wait_until_ms": 0
        })
    );
    let back: LockRecord = serde_json::from_value(stored).unwrap();
    assert_eq!(back, r);
    assert_eq!(back.parts(), Ok((SALT.to_vec(), HASH.to_vec())));
}

#[test]
fn a_record_this_build_cannot_check_is_unusable() {
    let unusable = |f: &dyn Fn(&mut LockRecord)| {
        let mut r = record();
        f(&mut r);
        r.parts()
    };
    assert_eq!(unusable(&|r| r.version = 2), Err(UnusableLock));
    assert_eq!(
        unusable(&|r| r.algorithm = "SHA-1".into()),
        Err(UnusableLock)
    );
    assert_eq!(unusable(&|r| r.iterations = 1), Err(UnusableLock));
    assert_eq!(unusable(&|r| r.iterations = 50_000_000), Err(UnusableLock));
    assert_eq!(unusable(&|r| r.salt = "07".repeat(8)), Err(UnusableLock));
    assert_eq!(unusable(&|r| r.hash = "ab".repeat(31)), Err(UnusableLock));
    assert_eq!(unusable(&|r| r.hash = "zz".repeat(32)), Err(UnusableLock));
    assert_eq!(unusable(&|r| r.hash = "abc".into()), Err(UnusableLock));
    assert!(
        unusable(&|r| r.iterations = 310_000).is_ok(),
        "an older count still checks"
    );
    let mut broken = record();
    broken.hash = "ab".repeat(31);
    assert!(
        !broken.matches(&[0xab; 31]),
        "never matches an unusable record"
    );
}

#[test]
fn only_the_exact_hash_matches() {
    let r = record();
    assert!(r.matches(&HASH));
    let mut other = HASH;
    other[31] ^= 1;
    assert!(!r.matches(&other));
    other = HASH;
    other[0] ^= 0x80;
    assert!(!r.matches(&other));
    assert!(!r.matches(&HASH[..31]));
    assert!(!r.matches(&[]));
}

#[test]
fn three_wrong_tries_are_free_then_each_makes_the_link_worker_wait_longer() {
    assert_eq!(
        (1..=10).map(wait_after).collect::<Vec<_>>(),
        vec![
            0, 0, 0, 30_000, 60_000, 120_000, 240_000, 480_000, 900_000, 900_000
        ]
    );
    assert_eq!(wait_after(u32::MAX), MAX_WAIT_MS);

    let mut r = record();
    let now = 1_000_000;
    for _ in 0..3 {
        assert_eq!(r.record_failure(now), 0);
        assert_eq!(r.wait_ms(now), 0);
    }
    assert_eq!(r.record_failure(now), 30_000);
    assert_eq!(r.wait_ms(now), 30_000);
    assert_eq!(r.wait_ms(now + 29_001), 999);
    assert_eq!(r.wait_ms(now + 30_000), 0);
    assert_eq!(r.record_failure(now + 30_000), 60_000);
    assert_eq!(r.failed_tries, 5);
    // The wait is stored, so reloading the page does not skip it.
    let reloaded: LockRecord = serde_json::from_str(&serde_json::to_string(&r).unwrap()).unwrap();
    assert_eq!(reloaded.wait_ms(now + 40_000), 50_000);
    r.record_success();
    assert_eq!((r.failed_tries, r.wait_until_ms, r.wait_ms(0)), (0, 0, 0));
}

#[test]
fn a_clock_put_back_never_lengthens_a_wait() {
    let mut r = record();
    for _ in 0..4 {
        r.record_failure(10_000_000);
    }
    assert_eq!(r.wait_ms(0), 30_000);
    r.wait_until_ms = u64::MAX;
    assert_eq!(r.wait_ms(5), 30_000);
}

#[test]
fn wait_messages_round_up() {
    assert_eq!(
        wait_message(30_000),
        "Too many wrong passcodes. Wait 30 seconds, then try again."
    );
    assert_eq!(
        wait_message(29_001),
        "Too many wrong passcodes. Wait 30 seconds, then try again."
    );
    assert_eq!(
        wait_message(1),
        "Too many wrong passcodes. Wait 1 second, then try again."
    );
    assert_eq!(
        wait_message(60_000),
        "Too many wrong passcodes. Wait 1 minute, then try again."
    );
    assert_eq!(
        wait_message(61_000),
        "Too many wrong passcodes. Wait 2 minutes, then try again."
    );
    assert_eq!(
        wait_message(900_000),
        "Too many wrong passcodes. Wait 15 minutes, then try again."
    );
}

#[test]
fn the_screen_locks_after_the_set_minutes_with_no_use() {
    let idle = IdlePolicy::from_minutes(DEFAULT_LOCK_MINUTES);
    assert_eq!(idle.after_ms, 300_000);
    let last = 1_000_000;
    assert!(!idle.is_idle(last, last));
    assert!(!idle.is_idle(last, last + 299_999));
    assert!(idle.is_idle(last, last + 300_000));
    assert_eq!(idle.remaining_ms(last, last + 100_000), 200_000);
    // A clock that went back counts as no time passed, not as a long time.
    assert!(!idle.is_idle(last, last - 1_000_000));
    assert_eq!(IdlePolicy::from_minutes(1).remaining_ms(0, 0), 60_000);
}

proptest! {
    #[test]
    fn any_hash_and_salt_survive_the_stored_form(
        salt in proptest::collection::vec(any::<u8>(), 16..32),
        hash in proptest::collection::vec(any::<u8>(), 32..=32),
    ) {
        let r = LockRecord::new(&salt, &hash, PBKDF2_ITERATIONS);
        let back: LockRecord = serde_json::from_str(&serde_json::to_string(&r).unwrap()).unwrap();
        prop_assert_eq!(back.parts(), Ok((salt, hash.clone())));
        prop_assert!(back.matches(&hash));
    }

    #[test]
    fn waits_never_shrink_as_wrong_tries_grow(n in 0u32..100) {
        prop_assert!(wait_after(n) <= wait_after(n + 1));
        prop_assert!(wait_after(n) <= MAX_WAIT_MS);
    }
}
