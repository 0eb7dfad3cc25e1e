//! The SQLite store: importing an earlier `submissions.jsonl`, exporting, and a full disk.

use super::*;
use wellbeing_widget::intake::cors::CorsPolicy;
use wellbeing_widget::intake::handler::{self, RequestHead};
use wellbeing_widget::intake::store::Store;

/// A line as the earlier receiver wrote it.
fn legacy_line(sub: &Submission, received_at: &str) -> String {
    let id = &sub.submission_id;
    let answer = format!(
        "{{\"status\":\"accepted\",\"submission_id\":\"{id}\",\"reference\":\"{}\",\
         \"received_at\":\"{received_at}\"}}",
        id.reference()
    );
    serde_json::to_string(&json!({
        "received_at": received_at,
        "idempotency_key": id.as_str(),
        "response_status": 201,
        "response_body": answer,
        "submission": sub,
    }))
    .unwrap()
}

#[test]
fn an_earlier_jsonl_file_is_imported_once_with_its_keys() {
    let dir = TempDir::new();
    let (a, b) = (new_id(), new_id());
    let (sub_a, sub_b) = (submission(&a, [7, 7, 7, 7]), submission(&b, [2, 3, 4, 5]));
    let file = dir.0.join("submissions.jsonl");
    let text = format!(
        "{}\n{}\n{{\"received_at\":\"2026-11-23T10:1",
        legacy_line(&sub_a, "2026-11-23T10:15:00.123Z"),
        legacy_line(&sub_b, "2026-11-24T09:00:00.000Z"),
    );
    std::fs::write(&file, &text).unwrap();

    let intake = Intake::start(&dir);
    let warnings = intake.stderr_lines(1, |l| l.contains("warning"));
    assert!(
        warnings.iter().any(|w| w.contains("line 3")),
        "{warnings:?}"
    );
    let imported = intake.stderr_lines(1, |l| l.contains("imported"));
    assert!(
        imported[0].contains("imported 2 submission(s)"),
        "{imported:?}"
    );
    let stored = dir.stored();
    assert_eq!(stored.len(), 2);
    assert_eq!(stored[0]["idempotency_key"], a.as_str());
    assert_eq!(stored[0]["received_at"], "2026-11-23T10:15:00.123Z");
    assert_eq!(stored[0]["reference"], a.reference().as_str());
    assert_eq!(stored[0]["body_sha256"], Value::Null);
    assert_eq!(
        stored[0]["submission"],
        serde_json::to_value(&sub_a).unwrap()
    );

    // A retry of an imported submission is a replay with the first answer; other answers are 422.
    let r = intake.post(Some(a.as_str()), &body_of(&sub_a));
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(r.json()["received_at"], "2026-11-23T10:15:00.123Z");
    intake
        .post(Some(a.as_str()), &body_of(&submission(&a, [1, 1, 1, 1])))
        .assert_error(422);
    drop(intake);

    // The file is left as it was (but private), and not imported again.
    assert_eq!(std::fs::read_to_string(&file).unwrap(), text);
    use std::os::unix::fs::PermissionsExt;
    assert_eq!(
        std::fs::metadata(&file).unwrap().permissions().mode() & 0o777,
        0o600
    );
    std::fs::write(
        &file,
        format!(
            "{text}\n{}\n",
            legacy_line(&submission(&new_id(), [1, 1, 1, 1]), "x")
        ),
    )
    .unwrap();
    let intake = Intake::start(&dir);
    let started = intake.stderr_lines(1, |l| l.contains("stored submission"));
    assert!(started[0].contains(" 2 stored submission"), "{started:?}");
    assert!(!intake.all_stderr().iter().any(|l| l.contains("imported")));
    assert_eq!(dir.stored().len(), 2);
}

#[test]
fn export_writes_csv_and_refuses_a_missing_store() {
    let dir = TempDir::new();
    let intake = Intake::start(&dir);
    let id = new_id();
    let body = body_of(&submission(&id, [7, 8, 6, 3]));
    assert_eq!(intake.post(Some(id.as_str()), &body).status, 201);

    let out = run_cli(&["export", "--format", "csv", "--data-dir", path_str(&dir.0)]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let mut lines = text.split("\r\n");
    assert_eq!(
        lines.next(),
        Some("idempotency_key,body_sha256,body,content_type,submission,received_at,reference")
    );
    let row = lines.next().unwrap();
    assert!(row.starts_with(&format!("{id},")), "{row}");
    assert!(row.ends_with(&format!(",{}", id.reference())), "{row}");
    let quoted = format!(
        "\"{}\"",
        String::from_utf8(body).unwrap().replace('"', "\"\"")
    );
    assert!(row.contains(&quoted), "the body as received, quoted");

    let empty = TempDir::new();
    let out = run_cli(&["export", "--data-dir", path_str(&empty.0)]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no intake.sqlite3"));
    assert!(
        std::fs::read_dir(&empty.0).unwrap().next().is_none(),
        "export creates nothing"
    );
}

#[test]
fn a_full_disk_answers_503_and_stores_nothing() {
    let dir = TempDir::new();
    let (store, _) = Store::open(&dir.0).unwrap();
    let intake = handler::Intake::new(
        CorsPolicy::new([]),
        store,
        wellbeing_widget::domain::fhir::DEFAULT_BASE.to_owned(),
    );
    let page_count = |i: &handler::Intake| i.store().count().unwrap();
    // Fill the database up to a page limit (as a full disk would), one submission at a time.
    intake.store().limit_pages_for_tests(8).unwrap();
    let mut refused = None;
    for n in 0..200 {
        let id = new_id();
        let body = body_of(&submission(&id, [7, 8, 6, 3]));
        let head = RequestHead {
            content_type: Some("application/json".into()),
            idempotency_key: Some(id.to_string()),
            ..RequestHead::default()
        };
        let admitted = intake.admit(&head).unwrap();
        let reply = intake.submit(&admitted, &body);
        if reply.status != 201 {
            refused = Some((n, id, reply));
            break;
        }
    }
    let (n, id, reply) = refused.expect("the database filled up");
    assert_eq!(reply.status, 503, "{}", reply.body);
    assert!(reply.headers.contains(&("Retry-After", "30".to_owned())));
    assert!(reply.body.contains("nothing was kept"), "{}", reply.body);
    assert_eq!(
        reply.log.as_deref(),
        Some("rejected status=503 reason=storage kind=disk-full")
    );
    assert_eq!(page_count(&intake), n as u64, "nothing half-stored");
    assert!(intake.store().get(&id).unwrap().is_none());
}
