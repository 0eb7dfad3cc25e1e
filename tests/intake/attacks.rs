//! Requests an attacker (or a broken client) would send, and crashes in the middle of work: the
//! receiver must keep serving everyone else and lose nothing it acknowledged.

use super::*;

/// Sends `raw` and reads the answer, with a deadline; `None` if the connection closed without one.
fn exchange(addr: SocketAddr, raw: &[u8], deadline: Duration) -> Option<Resp> {
    let mut s = TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(deadline)).unwrap();
    s.write_all(raw).ok()?;
    let mut out = Vec::new();
    let _ = s.read_to_end(&mut out);
    out.windows(4)
        .any(|w| w == b"\r\n\r\n")
        .then(|| Resp::parse(&out))
}

/// Asserts the receiver still answers and still stores a valid submission.
fn assert_still_serving(intake: &mut Intake) {
    assert!(
        intake.child.try_wait().unwrap().is_none(),
        "the receiver exited; stderr: {:?}",
        intake.all_stderr()
    );
    assert_eq!(intake.send("GET", "/health", &[], b"").status, 200);
    let id = new_id();
    let r = intake.post(Some(id.as_str()), &body_of(&submission(&id, [5, 5, 5, 5])));
    assert_eq!(r.status, 201, "{}", r.text());
}

#[test]
fn huge_and_overflowing_content_lengths_are_refused_without_harm() {
    let dir = TempDir::new();
    let mut intake = Intake::start(&dir);
    let id = new_id();
    for path in ["/submissions", "/health"] {
        let method = if path == "/health" { "GET" } else { "POST" };
        let raw = format!(
            "{method} {path} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n\
             Idempotency-Key: {id}\r\nContent-Length: 10000000000000\r\n\r\n"
        );
        let r = exchange(intake.addr, raw.as_bytes(), Duration::from_secs(5))
            .expect("an answer to a huge Content-Length");
        assert!(r.assert_error(413).contains("262144"), "{path}");
    }
    // Too large for a number, or not a number: refused by the HTTP parser (431 for a length it
    // cannot represent, 400 for one that is not a number).
    for length in [
        "18446744073709551615",
        "99999999999999999999999",
        "-1",
        "1e9",
    ] {
        let raw = format!(
            "POST /submissions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n\
             Idempotency-Key: {id}\r\nContent-Length: {length}\r\n\r\n"
        );
        let r = exchange(intake.addr, raw.as_bytes(), Duration::from_secs(5));
        let status = r.map(|r| r.status);
        assert!(matches!(status, Some(400 | 431)), "{length}: {status:?}");
    }
    assert_still_serving(&mut intake);
    // One line per refusal: the submission's 413 (not /health's), then the parser's refusals.
    let logs = intake.request_logs(5);
    assert_eq!(logs[0], "rejected status=413 reason=too-large");
    assert!(
        logs[1..5]
            .iter()
            .all(|l| l.starts_with("rejected connection reason=")),
        "{logs:?}"
    );
}

#[test]
fn slow_bodies_do_not_block_others_and_time_out_with_408() {
    let dir = TempDir::new();
    let intake = Intake::start(&dir);
    // Clients that promise 5000 bytes and send one.
    let slow: Vec<TcpStream> = (0..32)
        .map(|_| {
            let id = new_id();
            let mut s = TcpStream::connect(intake.addr).unwrap();
            s.write_all(
                format!(
                    "POST /submissions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n\
                     Idempotency-Key: {id}\r\nContent-Length: 5000\r\n\r\n{{"
                )
                .as_bytes(),
            )
            .unwrap();
            s
        })
        .collect();
    // And clients that never finish their request head.
    let silent: Vec<TcpStream> = (0..32)
        .map(|_| {
            let mut s = TcpStream::connect(intake.addr).unwrap();
            s.write_all(b"POST /submissions HTTP/1.1\r\nHost: x\r\n")
                .unwrap();
            s
        })
        .collect();
    std::thread::sleep(Duration::from_millis(200));

    let id = new_id();
    let started = Instant::now();
    let r = intake.post(Some(id.as_str()), &body_of(&submission(&id, [7, 8, 6, 3])));
    let took = started.elapsed();
    assert_eq!(r.status, 201, "{}", r.text());
    assert!(took < Duration::from_secs(1), "took {took:?}");
    assert_eq!(dir.stored().len(), 1);

    // The slow ones are cut off (after 10 s) with 408; the silent ones are closed.
    let mut s = slow.into_iter().next().unwrap();
    s.set_read_timeout(Some(Duration::from_secs(15))).unwrap();
    let mut out = Vec::new();
    let _ = s.read_to_end(&mut out);
    let r = Resp::parse(&out);
    assert!(r.assert_error(408).contains("not received in time"));
    let mut s = silent.into_iter().next().unwrap();
    s.set_read_timeout(Some(Duration::from_secs(15))).unwrap();
    let mut out = Vec::new();
    let _ = s.read_to_end(&mut out);
    assert!(
        out.is_empty() || out.starts_with(b"HTTP/1.1 408"),
        "{:?}",
        String::from_utf8_lossy(&out)
    );
    assert!(
        intake
            .request_logs(2)
            .contains(&"rejected status=408 reason=body-timeout".to_owned())
    );
}

#[test]
fn oversized_request_heads_are_refused_with_431() {
    let dir = TempDir::new();
    let mut intake = Intake::start(&dir);
    let big = "a".repeat(64 * 1024);
    let r = exchange(
        intake.addr,
        format!("GET /health HTTP/1.1\r\nHost: x\r\nX-Big: {big}\r\n\r\n").as_bytes(),
        Duration::from_secs(5),
    )
    .expect("an answer");
    assert_eq!(r.status, 431);
    let many: String = (0..200).map(|i| format!("X-H{i}: v\r\n")).collect();
    let r = exchange(
        intake.addr,
        format!("GET /health HTTP/1.1\r\nHost: x\r\n{many}\r\n").as_bytes(),
        Duration::from_secs(5),
    )
    .expect("an answer");
    assert_eq!(r.status, 431);

    // A 64 MB header line: the receiver stops reading long before the end.
    let mut s = TcpStream::connect(intake.addr).unwrap();
    s.set_write_timeout(Some(Duration::from_secs(5))).unwrap();
    s.write_all(b"GET /health HTTP/1.1\r\nHost: x\r\nX-Huge: ")
        .unwrap();
    let chunk = vec![b'a'; 1024 * 1024];
    let sent = (0..64).take_while(|_| s.write_all(&chunk).is_ok()).count();
    assert!(sent < 64, "the receiver read a 64 MB header line");
    drop(s);
    assert_still_serving(&mut intake);
}

#[test]
fn two_hundred_concurrent_submissions_are_all_stored() {
    let dir = TempDir::new();
    let intake = Intake::start(&dir);
    let ids: Vec<SubmissionId> = (0..200).map(|_| new_id()).collect();
    let answers: Vec<Resp> = std::thread::scope(|s| {
        let handles: Vec<_> = ids
            .iter()
            .map(|id| {
                let intake = &intake;
                s.spawn(move || {
                    intake.post(Some(id.as_str()), &body_of(&submission(id, [6, 6, 6, 6])))
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    for r in &answers {
        assert_eq!(r.status, 201, "{}", r.text());
    }
    let stored = dir.stored();
    assert_eq!(stored.len(), 200);
    let mut keys: Vec<&str> = stored
        .iter()
        .map(|r| r["idempotency_key"].as_str().unwrap())
        .collect();
    keys.sort_unstable();
    let mut expected: Vec<&str> = ids.iter().map(SubmissionId::as_str).collect();
    expected.sort_unstable();
    assert_eq!(keys, expected);
}

#[test]
fn two_hundred_concurrent_retries_of_one_key_store_it_once() {
    let dir = TempDir::new();
    let intake = Intake::start(&dir);
    let id = new_id();
    let body = body_of(&submission(&id, [5, 6, 7, 8]));
    let answers: Vec<Resp> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..200)
            .map(|_| s.spawn(|| intake.post(Some(id.as_str()), &body)))
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    let created = answers.iter().filter(|r| r.status == 201).count();
    let replayed = answers
        .iter()
        .filter(|r| r.status == 200 && r.header("Idempotent-Replayed") == Some("true"))
        .count();
    assert_eq!((created, replayed), (1, 199));
    for r in &answers {
        assert_eq!(r.json()["reference"], id.reference().as_str());
        assert_eq!(r.body, answers[0].body);
    }
    assert_eq!(dir.stored().len(), 1);
}

#[test]
fn every_acknowledged_submission_survives_kill_9_during_a_burst() {
    let dir = TempDir::new();
    let mut intake = Intake::start(&dir);
    let acknowledged = Mutex::new(Vec::new());
    let stop = std::sync::atomic::AtomicBool::new(false);
    std::thread::scope(|s| {
        for _ in 0..8 {
            s.spawn(|| {
                while !stop.load(Ordering::SeqCst) {
                    let id = new_id();
                    match intake.try_post(id.as_str(), &body_of(&submission(&id, [3, 4, 5, 6]))) {
                        Some(r) if r.status == 201 => acknowledged.lock().unwrap().push(id),
                        Some(r) => panic!("{} {}", r.status, r.text()),
                        None => break,
                    }
                }
            });
        }
        std::thread::sleep(Duration::from_millis(400));
        let killed = Command::new("kill")
            .args(["-KILL", &intake.pid().to_string()])
            .status()
            .unwrap();
        assert!(killed.success());
        stop.store(true, Ordering::SeqCst);
    });
    intake.child.wait().unwrap();
    let acknowledged = acknowledged.into_inner().unwrap();
    assert!(acknowledged.len() >= 10, "only {}", acknowledged.len());

    let restarted = Intake::start(&dir);
    let stored: std::collections::HashSet<String> = dir
        .stored()
        .iter()
        .map(|r| r["idempotency_key"].as_str().unwrap().to_owned())
        .collect();
    for id in &acknowledged {
        assert!(
            stored.contains(id.as_str()),
            "{id} was acknowledged but lost"
        );
    }
    // Every one is answered as a replay, not stored again.
    let id = &acknowledged[0];
    let r = restarted.post(Some(id.as_str()), &body_of(&submission(id, [3, 4, 5, 6])));
    assert_eq!(r.status, 200);
}

#[test]
fn sigterm_lets_a_request_in_flight_finish() {
    let dir = TempDir::new();
    let mut intake = Intake::start(&dir);
    let id = new_id();
    let body = body_of(&submission(&id, [2, 2, 2, 2]));
    let mut s = TcpStream::connect(intake.addr).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    let head = format!(
        "POST /submissions HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\
         Content-Type: application/json\r\nIdempotency-Key: {id}\r\nContent-Length: {}\r\n\r\n",
        body.len()
    );
    s.write_all(head.as_bytes()).unwrap();
    s.write_all(&body[..10]).unwrap();
    std::thread::sleep(Duration::from_millis(200));
    let killed = Command::new("kill")
        .args(["-TERM", &intake.pid().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    std::thread::sleep(Duration::from_millis(200));
    // New connections are no longer accepted…
    assert!(
        TcpStream::connect(intake.addr)
            .and_then(|mut c| {
                c.set_read_timeout(Some(Duration::from_secs(2)))?;
                c.write_all(b"GET /health HTTP/1.1\r\nHost: x\r\n\r\n")?;
                let mut out = Vec::new();
                c.read_to_end(&mut out)?;
                Ok(out)
            })
            .map_or(true, |out| out.is_empty()),
        "a new connection was served after SIGTERM"
    );
    // …but the one in flight finishes, and is stored.
    s.write_all(&body[10..]).unwrap();
    let mut out = Vec::new();
    s.read_to_end(&mut out).unwrap();
    let r = Resp::parse(&out);
    assert_eq!(r.status, 201, "{}", r.text());
    let status = intake.child.wait().unwrap();
    assert!(status.success(), "{status:?}");
    assert_eq!(dir.stored().len(), 1);
    assert!(intake.all_stderr().iter().any(|l| l == "intake: stopped"));
}

#[test]
fn two_processes_on_one_data_dir_store_each_key_once() {
    let dir = TempDir::new();
    let a = Intake::start(&dir);
    let b = Intake::start(&dir);
    let id = new_id();
    let body = body_of(&submission(&id, [1, 2, 3, 4]));
    let others: Vec<SubmissionId> = (0..20).map(|_| new_id()).collect();
    let answers: Vec<Resp> = std::thread::scope(|s| {
        let mut handles = Vec::new();
        for i in 0..20 {
            let (intake, body) = (if i % 2 == 0 { &a } else { &b }, &body);
            let id = &id;
            handles.push(s.spawn(move || intake.post(Some(id.as_str()), body)));
        }
        for (i, other) in others.iter().enumerate() {
            let intake = if i % 2 == 0 { &a } else { &b };
            handles.push(s.spawn(move || {
                intake.post(
                    Some(other.as_str()),
                    &body_of(&submission(other, [4, 3, 2, 1])),
                )
            }));
        }
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    let same: Vec<&Resp> = answers[..20].iter().collect();
    assert_eq!(same.iter().filter(|r| r.status == 201).count(), 1);
    assert!(same.iter().all(|r| r.body == same[0].body));
    assert!(answers[20..].iter().all(|r| r.status == 201));
    assert_eq!(dir.stored().len(), 21);
}

#[test]
fn a_new_data_dir_and_its_files_are_private() {
    use std::os::unix::fs::PermissionsExt;
    let dir = TempDir::new();
    let data = dir.0.join("new").join("data");
    let intake = Intake::start_in(&data, &[]);
    let id = new_id();
    assert_eq!(
        intake
            .post(Some(id.as_str()), &body_of(&submission(&id, [7, 7, 7, 7])))
            .status,
        201
    );
    let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&data), 0o700);
    let files: Vec<PathBuf> = std::fs::read_dir(&data)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert!(
        files.iter().any(|f| f.ends_with("intake.sqlite3-wal")),
        "{files:?}"
    );
    for f in &files {
        assert_eq!(mode(f), 0o600, "{}", f.display());
    }
}
