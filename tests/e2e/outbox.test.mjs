// Never lose a form end to end: the built widget in headless Chromium, sending through
// a fault-injecting proxy (lib/fault-proxy.mjs) to the real intake receiver. Every delivery test
// ends by asserting that the receiver stored exactly one submission, with the answers given.
//
// Faults: the browser offline while sending (then the `online` event), 500 three times, 503/429
// with Retry-After (seconds and an HTTP date), a receiver that never answers (past the widget's
// timeout, data-timeout-seconds="2" on the host page), a connection dropped, an answer lost after
// the receiver stored the submission, a 400 (not retried; "Try again"), a reload and a closed tab
// while a submission waits. Drafts: a reload mid-journey and "Continue where you left off", "Start
// again", a corrupt or tampered draft, storage that throws, draft expiry (data-draft-days), two
// tabs. A double click sends once. In every test: nothing personal in any URL requested or in the
// console. axe-core on the resume page, the waiting page, the refused page and the status box.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import {
  DIST_DIR,
  PHONE,
  assertNoPageErrors,
  assertValidSubmission,
  checkA11y,
  eventually,
  sleep,
  withPage,
} from './lib/harness.mjs';
import { rig } from './lib/rig.mjs';
import { DEFAULT_MEASURES, ONS4, ONS_LONELINESS, UCLA3, expectedMeasure } from './lib/instruments.mjs';
import {
  HEADING_CHECK,
  HEADING_REFUSED,
  HEADING_RESUME,
  HEADING_SENDING,
  HEADING_SENT,
  HEADING_START,
  HEADING_WAITING,
  HOST_ID,
  answerInstrument,
  answerQuestion,
  assertCheckPage,
  checkedValue,
  chooseOption,
  clickButton,
  consoleErrors,
  h1,
  hostRoute,
  onQuestion,
  onlyStored,
  referenceOf,
  shownReference,
  questionsText,
  startJourney,
} from './lib/journey.mjs';

// ---------------------------------------------------------------------------------------------
// What the widget says (its documented messages)

const NOTICE_CORRUPT = 'We could not read the answers saved on this device, so we have started again.';
const NOTICE_OLD_VERSION = 'The answers saved on this device were from an older version of this form, so we have started again.';
const NOTICE_EXPIRED = 'The answers saved on this device were too old to keep, so we have removed them.';
const NOTICE_NO_STORAGE =
  'This browser is not letting us save your answers on this device, so they will be lost if you leave this page.';
const NOTICE_OTHER_TAB = 'This form is also open in another tab or window. We have kept the answers from both.';
const NOTICE_CLEARED = 'Your answers have been cleared from this device.';
const WAITING_BOX = 'Answers waiting to be sent';
const WATCHED = [NOTICE_CORRUPT, NOTICE_OLD_VERSION, NOTICE_EXPIRED, NOTICE_NO_STORAGE, NOTICE_OTHER_TAB, WAITING_BOX];

/** The widget's keys on the device (host id "wellbeing"). */
const KEY = {
  draft: `wellbeing-widget.v1.${HOST_ID}.draft`,
  outbox: `wellbeing-widget.v1.${HOST_ID}.outbox`,
};

const DAY_MS = 24 * 60 * 60 * 1000;

// ---------------------------------------------------------------------------------------------
// Fixtures

const TIMEOUT_SECONDS = 2;
const routes = {
  // ONS4 only, to keep the journeys short; a 2 s request timeout keeps the hang test short.
  '/ons4.html': hostRoute({ 'data-measures': 'ons4', 'data-timeout-seconds': String(TIMEOUT_SECONDS) }),
  '/ons4-1day.html': hostRoute({
    'data-measures': 'ons4',
    'data-draft-days': '1',
    'data-timeout-seconds': String(TIMEOUT_SECONDS),
  }),
  // The default measures (as on the demo page).
  '/demo.html': hostRoute({ 'data-timeout-seconds': String(TIMEOUT_SECONDS) }),
};

const the = rig({ routes, intake: false });

// ---------------------------------------------------------------------------------------------
// Watching a page: the URLs it requests, the widget's events, its headings and notices over time

/**
 * Runs in every document of the page before its scripts: forwards the widget's events
 * (`wellbeing:submitted`, `wellbeing:error`) and, from the moment the widget's shadow root exists,
 * every change of its h1 and of which watched messages it shows, to the test.
 */
function watcher(watched) {
  const send = (entry) => {
    try {
      window.__e2eRecord(entry);
    } catch {
      // the binding is not there (never in these tests)
    }
  };
  for (const type of ['wellbeing:submitted', 'wellbeing:error']) {
    document.addEventListener(type, (e) => send({ kind: 'event', type, detail: JSON.parse(JSON.stringify(e.detail ?? null)), at: Date.now() }));
  }
  send({ kind: 'load', at: Date.now() });
  let last = '';
  const snapshot = (root) => {
    const h = root.querySelector('h1');
    const text = root.textContent.replace(/\s+/g, ' ');
    const state = {
      h1: h ? h.textContent.replace(/\s+/g, ' ').trim() : null,
      shown: watched.filter((w) => text.includes(w)),
    };
    const key = JSON.stringify(state);
    if (key !== last) {
      last = key;
      send({ kind: 'state', ...state, at: Date.now() });
    }
  };
  const timer = setInterval(() => {
    const root = document.querySelector('[data-wellbeing-widget]')?.shadowRoot;
    if (!root) return;
    clearInterval(timer);
    snapshot(root);
    new MutationObserver(() => snapshot(root)).observe(root, { subtree: true, childList: true, characterData: true });
  }, 10);
}

/**
 * Sets up the watching of `page` (call before its first navigation): `page.seenUrls` (every URL
 * requested or navigated to), `page.timeline` (loads, widget states and events, across reloads).
 */
async function watch(page) {
  page.seenUrls = [];
  page.timeline = [];
  if (!Array.isArray(page.consoleMessages)) {
    // A page not made by harness.newPage (another tab): collect its console and errors too.
    page.consoleMessages = [];
    page.pageErrors = [];
    page.on('console', (msg) => page.consoleMessages.push({ type: msg.type(), text: msg.text() }));
    page.on('pageerror', (err) => page.pageErrors.push(err));
  }
  page.on('request', (r) => page.seenUrls.push(r.url()));
  page.on('framenavigated', (f) => page.seenUrls.push(f.url()));
  await page.exposeFunction('__e2eRecord', (entry) => page.timeline.push(entry));
  await page.addInitScript(watcher, WATCHED);
}

/** A second page (tab) in the same browser context as `page` (same storage). */
async function anotherTab(page) {
  const tab = await page.context().newPage();
  tab.setDefaultTimeout(10_000);
  await watch(tab);
  return tab;
}

/** The widget's events so far, of one type. */
function events(page, type) {
  return page.timeline.filter((e) => e.kind === 'event' && e.type === type).map((e) => e.detail);
}

/** The h1s shown, in order, without repeats. */
function headings(page) {
  const out = [];
  for (const e of page.timeline) {
    if (e.kind === 'state' && e.h1 !== null && e.h1 !== out.at(-1)) out.push(e.h1);
  }
  return out;
}

/** How many times `message` appeared (absent, then shown: one showing; a reload starts absent). */
function showings(page, message) {
  let n = 0;
  let shown = false;
  for (const e of page.timeline) {
    if (e.kind === 'load') shown = false;
    if (e.kind !== 'state') continue;
    const now = e.shown.includes(message);
    if (now && !shown) n += 1;
    shown = now;
  }
  return n;
}

/** Asserts that `expected` appear in `actual` in this order (other items may come between). */
function assertInOrder(actual, expected, message) {
  let i = 0;
  for (const a of actual) if (a === expected[i]) i += 1;
  assert.ok(i === expected.length, `${message}: expected ${JSON.stringify(expected)} in order within ${JSON.stringify(actual)}`);
}

// ---------------------------------------------------------------------------------------------
// Nothing personal in URLs or the console

/** The paths a page may request: the built files, the test's host pages, the endpoint. */
function allowedPaths() {
  return new Set(['/', ...fs.readdirSync(DIST_DIR).map((f) => `/${f}`), ...Object.keys(routes), '/submissions']);
}

/**
 * Asserts that no URL the pages requested or showed, nor any request the proxy got, carries
 * anything (no query string, no fragment, only known paths, only the two origins), and that no
 * console message carries the submission, an answer or any question's wording.
 */
function assertNothingPersonal(pages, { proxy, submission, also = [] } = {}) {
  const allowed = allowedPaths();
  const origins = new Set([the.web.origin, proxy?.origin].filter(Boolean));
  for (const page of pages) {
    for (const raw of page.seenUrls) {
      if (raw.startsWith('data:') || raw === 'about:blank') continue;
      const u = new URL(raw);
      assert.ok(origins.has(u.origin), `a request to an unexpected origin: ${raw}`);
      assert.equal(u.search, '', `a URL with a query string: ${raw}`);
      assert.equal(u.hash, '', `a URL with a fragment: ${raw}`);
      assert.ok(allowed.has(u.pathname), `a request for an unexpected path: ${raw}`);
    }
    const needles = ['"answers"', '"measures"', '"value"', '"score"', '"saved_at_ms"', ...also];
    if (submission) needles.push(JSON.stringify(submission), JSON.stringify(submission.measures));
    for (const { text } of page.consoleMessages) {
      for (const needle of needles) {
        assert.ok(!text.includes(needle), `a console message contains ${needle.slice(0, 80)}: ${text.slice(0, 300)}`);
      }
      for (const inst of DEFAULT_MEASURES) {
        for (const item of inst.items) {
          assert.ok(!text.includes(item.text), `a console message contains an item's wording: ${text.slice(0, 300)}`);
        }
      }
    }
  }
  for (const r of proxy?.received ?? []) {
    assert.equal(r.url, '/submissions', `the endpoint was requested as ${r.url}`);
  }
}

// ---------------------------------------------------------------------------------------------
// Steps

async function open(page, file = 'ons4.html') {
  await page.goto(`${the.web.url}${file}`);
  await page.getByRole('heading', { level: 1 }).first().waitFor();
}

async function start(page, questions = 4) {
  await page.getByText(questionsText(questions), { exact: false }).waitFor();
  await startJourney(page);
}

/** ONS4 only: start → four answers → check your answers. */
async function answerOns4(page, values) {
  await start(page);
  await answerInstrument(page, ONS4, values, { full: false });
  await assertCheckPage(page, [[ONS4, values]]);
}

/** What this widget keeps on the device. */
function onDevice(page) {
  return page.evaluate((key) => ({ draft: localStorage.getItem(key.draft), outbox: localStorage.getItem(key.outbox) }), KEY);
}

/** The one entry of the outbox on the device. */
async function outboxEntry(page) {
  const { outbox } = await onDevice(page);
  assert.ok(outbox, 'an outbox on the device');
  const parsed = JSON.parse(outbox);
  assert.equal(parsed.entries.length, 1, 'one submission in the outbox');
  return parsed.entries[0];
}

/** Asserts the stored record: these measures (scored here), not urgent, the reference, the schema. */
function assertRecord(record, measures, reference) {
  const s = record.submission;
  assert.equal(s.schema_version, 1);
  assert.equal(record.idempotency_key, s.submission_id, 'Idempotency-Key is the submission id');
  assert.deepEqual(
    s.measures,
    measures.map(([inst, answers]) => expectedMeasure(inst, answers)),
    'the answers as given, with their published scores',
  );
  assert.deepEqual(s.risk, { urgent: false, reasons: [] }, 'not urgent');
  if (reference !== undefined) {
    assert.equal(reference, referenceOf(s.submission_id), 'the reference shown is that of the stored submission');
    assert.equal(JSON.parse(record.response_body).reference, reference, 'the receiver answered the same reference');
  }
  assertValidSubmission(s);
}

/** Asserts that every POST the proxy got carried the same submission and Idempotency-Key. */
function assertSameSubmission(posts, submission) {
  for (const p of posts) {
    assert.equal(p.headers['idempotency-key'], submission.submission_id, `POST #${p.n} has the submission's Idempotency-Key`);
    assert.deepEqual(JSON.parse(p.body), submission, `POST #${p.n} carries the same submission`);
  }
}

/** Gaps between consecutive POSTs, in ms. */
function gaps(posts) {
  return posts.slice(1).map((p, i) => p.at - posts[i].at);
}

function within(value, [low, high], what) {
  assert.ok(value >= low && value <= high, `${what}: ${value} ms, expected ${low}–${high} ms`);
}

/** On the sent page: the submitted event once, with the reference; the outbox is empty. */
async function assertDelivered(page, reference) {
  await eventually(() => events(page, 'wellbeing:submitted').length >= 1, { message: 'the wellbeing:submitted event' });
  assert.deepEqual(events(page, 'wellbeing:submitted'), [{ reference }], 'one wellbeing:submitted event with the reference');
  assert.deepEqual(await onDevice(page), { draft: null, outbox: null }, 'nothing left on the device');
}

/**
 * Exactly one submission arrived and the person was told: the receiver stored it once (no other
 * after `settle` ms) with `measures` and the reference `page` showed, every POST carried it under
 * its Idempotency-Key, the page says it was sent, and nothing personal reached `pages`' consoles
 * or any URL. Returns the stored record.
 */
async function assertArrivedOnce(page, { intake, proxy, reference, measures = ONLY_ONS4, settle = 1_000, pages = [page] }) {
  const record = await onlyStored(intake, { settle });
  assertRecord(record, measures, reference);
  assertSameSubmission(proxy.posts(), record.submission);
  await assertDelivered(page, reference);
  assertNothingPersonal(pages, { proxy, submission: record.submission });
  return record;
}

const VALUES = [7, 3, 9, 1];
const ONLY_ONS4 = [[ONS4, VALUES]];

/** The page watched, the ONS4 form open and answered with VALUES: on check your answers. */
async function onCheckPage(page) {
  await watch(page);
  await open(page);
  await answerOns4(page, VALUES);
}

/** On check your answers, "Confirm and send" while offline: the answers wait on the device.
 *  Returns the reference shown. */
async function sendWhileOffline(page) {
  await onCheckPage(page);
  await page.context().setOffline(true);
  await clickButton(page, 'Confirm and send');
  await h1(page, HEADING_WAITING).waitFor();
  return shownReference(page);
}

// ---------------------------------------------------------------------------------------------
// Delivery

test('offline while sending: saved on the device (axe), retried, then sent on the `online` event; exactly one', { timeout: 90_000 }, async (t) => {
  const { intake, proxy } = await the.freshIntake(t, { proxy: true });
  await withPage(the.browser, t, { viewport: PHONE }, async (page) => {
    const reference = await sendWhileOffline(page);
    await page.getByText(/will be sent automatically when you are back online/).waitFor();
    assert.ok(await page.getByRole('button', { name: 'Try again', exact: true }).isVisible(), '"Try again"');
    await checkA11y(page, 'answers saved on this device (offline)');

    // On the device: the submission in the outbox, the draft gone.
    assert.equal((await onDevice(page)).draft, null, 'the draft is removed once the submission is in the outbox');
    let entry = await outboxEntry(page);
    assert.equal(referenceOf(entry.id), reference);
    assert.equal(entry.state.state, 'queued');
    const body = entry.body;
    assert.equal(JSON.parse(body).submission_id, entry.id, 'the body to send is kept as written');

    // Still offline: the widget keeps retrying by itself (the attempts grow), nothing arrives.
    await eventually(async () => (await outboxEntry(page)).attempts >= 2, { timeout: 8_000, message: 'a second attempt while offline' });
    assert.equal(proxy.posts().length, 0, 'nothing reached the network while offline');

    // Back online at a moment when the next automatic retry is at least 1.5 s away: the `online`
    // event must send it before that.
    let nextAt;
    await eventually(
      async () => {
        entry = await outboxEntry(page);
        nextAt = entry.state.next_attempt_at_ms;
        return entry.state.state === 'queued' && nextAt - Date.now() >= 1_500;
      },
      { timeout: 15_000, interval: 100, message: 'a quiet moment between retries' },
    );
    await page.context().setOffline(false);
    await h1(page, HEADING_SENT).waitFor();
    const posts = proxy.posts();
    assert.equal(posts.length, 1, `one POST: ${proxy.summary()}`);
    assert.equal(posts[0].body, body, 'the very bytes kept on the device are sent');
    assert.ok(posts[0].at < nextAt - 200, `sent on the online event (${nextAt - posts[0].at} ms before the timer)`);
    assert.equal(await shownReference(page), reference, 'the same reference');

    await assertArrivedOnce(page, { intake, proxy, reference });
    assertInOrder(headings(page), [HEADING_CHECK, HEADING_SENDING, HEADING_WAITING, HEADING_SENT], 'the headings');
  });
});

// Faults the widget retries through, one row each: what the proxy does to the first POSTs, what
// it saw, and the checks special to the fault. Every row ends the same way: one stored
// submission with the answers given, every POST the same bytes, "Your answers have been sent".
const RETRIED = [
  {
    name: 'the receiver answers 500 three times, then accepts: retried with a doubling backoff; exactly one',
    timeout: 90_000,
    faults: (proxy) => proxy.respond(500, { times: 3 }),
    async sending(page) {
      await h1(page, HEADING_WAITING).waitFor();
      assert.ok(await page.getByRole('button', { name: 'Try again', exact: true }).isVisible(), '"Try again" while waiting');
    },
    outcomes: ['status 500', 'status 500', 'status 500', 'passed'],
    // Backoff from 2 s, doubling, "full jitter" in the upper half: 1–2 s, 2–4 s, 4–8 s.
    gaps: [
      [[900, 3_500], 'first retry after'],
      [[1_900, 5_500], 'second retry after'],
      [[3_900, 9_500], 'third retry after'],
    ],
    headings: [HEADING_SENDING, HEADING_WAITING, HEADING_SENDING, HEADING_WAITING, HEADING_SENT],
  },
  {
    name: '503 and 429 with Retry-After (seconds, and an HTTP date): the widget waits as told; exactly one',
    timeout: 90_000,
    // 1: "1" second. 2: "5" seconds, longer than any backoff after two failures (at most 4 s).
    // 3: an HTTP date about 3 s ahead, shorter than any backoff after three failures (at least 4 s).
    faults(proxy) {
      proxy.respond(503, { times: 1, retryAfter: '1' });
      proxy.respond(429, { times: 1, retryAfter: '5' });
      proxy.respond(503, { times: 1, retryAfter: () => new Date(Date.now() + 3_000).toUTCString() });
    },
    sending: (page) => h1(page, HEADING_WAITING).waitFor(),
    outcomes: ['status 503', 'status 429', 'status 503', 'passed'],
    gaps: [
      [[900, 2_500], 'retry after "Retry-After: 1"'],
      [[4_900, 6_500], 'retry after "Retry-After: 5" (beyond the 2–4 s backoff)'],
      // The date has whole seconds: 2–3 s ahead when sent.
      [[1_500, 3_800], 'retry after a Retry-After date ~3 s ahead (before the 4–8 s backoff)'],
    ],
  },
  {
    name: 'the receiver hangs past data-timeout-seconds="2": the widget gives up at 2 s, retries; exactly one',
    faults: (proxy) => proxy.hang({ times: 1 }),
    async sending(page, proxy) {
      await h1(page, HEADING_SENDING).waitFor();
      await page.getByText('Please wait while we send your answers.', { exact: true }).waitFor();
      const hung = await proxy.waitFor((r) => r.find((x) => x.method === 'POST' && x.closedAt), {
        timeout: 8_000,
        message: 'the widget to give up on the hanging request',
      });
      within(hung.closedAt - hung.at, [TIMEOUT_SECONDS * 1000 - 200, TIMEOUT_SECONDS * 1000 + 1_500], 'the widget gave up after');
    },
    outcomes: ['hung', 'passed'],
    check(posts) {
      within(posts[1].at - posts[0].closedAt, [900, 3_500], 'retried after the timeout by');
    },
    headings: [HEADING_SENDING, HEADING_WAITING, HEADING_SENT],
  },
  {
    name: 'a dropped connection, then an answer lost after the receiver stored it: retried with the same Idempotency-Key; exactly one',
    faults(proxy) {
      proxy.drop({ times: 1 });
      proxy.loseResponse({ times: 1 });
    },
    outcomes: ['dropped', 'forwarded, answer lost', 'passed'],
    check(posts, { intake, record }) {
      assert.equal(posts[1].status, 201, 'the receiver accepted the second attempt (its answer was lost)');
      assert.equal(posts[2].responseHeaders['idempotent-replayed'], 'true', 'the third attempt got the stored answer replayed');
      assert.equal(
        intake.stderr.filter((l) => l.includes(record.submission.submission_id)).map((l) => l.split(' ')[0]).join(','),
        'accepted,duplicate',
        `the receiver logged one acceptance and one duplicate: ${intake.stderr.join(' | ')}`,
      );
    },
  },
];

for (const row of RETRIED) {
  test(row.name, { timeout: row.timeout ?? 60_000 }, async (t) => {
    const { intake, proxy } = await the.freshIntake(t, { proxy: true });
    row.faults(proxy);
    await withPage(the.browser, t, { viewport: PHONE }, async (page) => {
      await watch(page);
      await open(page);
      await answerOns4(page, VALUES);
      await clickButton(page, 'Confirm and send');
      await row.sending?.(page, proxy);
      const reference = await shownReference(page);
      await h1(page, HEADING_SENT).waitFor({ timeout: 25_000 });

      const posts = proxy.posts();
      assert.deepEqual(posts.map((p) => p.outcome), row.outcomes, proxy.summary());
      for (const [i, [range, what]] of (row.gaps ?? []).entries()) within(gaps(posts)[i], range, what);
      const record = await assertArrivedOnce(page, { intake, proxy, reference });
      row.check?.(posts, { intake, record });
      if (row.headings) assertInOrder(headings(page), row.headings, 'the headings');
    });
  });
}

test('400: "could not be sent" (axe), kept and not retried, the console has the status but no answers; "Try again" sends it; exactly one', { timeout: 60_000 }, async (t) => {
  const { intake, proxy } = await the.freshIntake(t, { proxy: true });
  proxy.respond(400);
  await withPage(the.browser, t, { viewport: PHONE }, async (page) => {
    await onCheckPage(page);
    await clickButton(page, 'Confirm and send');
    await h1(page, HEADING_REFUSED).waitFor();
    const reference = await shownReference(page);
    await page.getByText(/The service could not accept your answers\. They are saved on this device\./).waitFor();
    const tryAgain = page.getByRole('button', { name: 'Try again', exact: true });
    assert.ok(await tryAgain.isVisible(), '"Try again"');
    await checkA11y(page, 'answers could not be sent (400)');

    // The integrator is told in the console: the status and the submission id, nothing else.
    const entry = await outboxEntry(page);
    const id = entry.id;
    assert.deepEqual(entry.state, { state: 'refused', status: 400 }, 'kept on the device as refused');
    await eventually(() => consoleErrors(page).some((e) => e.startsWith('[wellbeing-widget]') && e.includes('400')), {
      message: 'a console.error naming the status',
    });
    const told = consoleErrors(page).filter((e) => e.startsWith('[wellbeing-widget]'));
    assert.equal(told.length, 1, `one message for the integrator: ${JSON.stringify(told)}`);
    assert.ok(told[0].includes(id), `it names the submission id: ${told[0]}`);
    assert.ok(/\b400\b/.test(told[0]), `it names the status: ${told[0]}`);
    assert.deepEqual(events(page, 'wellbeing:error'), [{ code: 'delivery-refused', reference, status: '400' }], 'one wellbeing:error event');

    // Not retried automatically: one POST over the next 5 s (the backoff would have tried twice).
    await sleep(5_000);
    assert.equal(proxy.posts().length, 1, `one POST only: ${proxy.summary()}`);
    assert.equal(intake.stored().length, 0, 'nothing stored');
    assert.ok(await h1(page, HEADING_REFUSED).isVisible(), 'still "could not be sent"');

    // The receiver is fixed; the person presses "Try again".
    proxy.pass();
    await tryAgain.click();
    await h1(page, HEADING_SENT).waitFor();
    assert.equal(await shownReference(page), reference);
    const posts = proxy.posts();
    assert.deepEqual(posts.map((p) => p.outcome), ['status 400', 'passed'], proxy.summary());
    await assertArrivedOnce(page, { intake, proxy, reference });
  });
});

test('a reload while a submission waits (offline): the status box lists it (axe), it is sent after the reload; exactly one', { timeout: 60_000 }, async (t) => {
  const { intake, proxy } = await the.freshIntake(t, { proxy: true });
  await withPage(the.browser, t, { viewport: PHONE }, async (page) => {
    const reference = await sendWhileOffline(page);

    // Back online, but the receiver does not answer yet: whatever the widget sends now hangs.
    proxy.hang();
    await page.context().setOffline(false);
    const reloadedAt = Date.now();
    await page.reload();
    await h1(page, HEADING_START).waitFor();
    const box = page.getByRole('status').filter({ hasText: WAITING_BOX });
    await box.waitFor();
    assert.ok(await box.getByText(reference).isVisible(), `the status box lists ${reference}`);
    assert.equal(
      await box.getByRole('heading', { level: 2, name: WAITING_BOX, exact: true }).count(),
      1,
      `the status box has the heading "${WAITING_BOX}"`,
    );
    await checkA11y(page, 'start page with answers waiting to be sent');
    // The reloaded page tries at once (on load).
    await proxy.waitFor((r) => r.some((x) => x.method === 'POST' && x.at >= reloadedAt), { message: 'a POST after the reload' });

    // The receiver answers again: the waiting submission goes, and the box with it.
    proxy.pass();
    await eventually(async () => (await box.count()) === 0, { timeout: 15_000, message: 'the status box to go' });
    await assertArrivedOnce(page, { intake, proxy, reference });
    const posts = proxy.posts();
    assert.equal(posts.at(-1).outcome, 'passed', proxy.summary());
    assert.ok(posts.at(-1).at >= reloadedAt, 'sent by the reloaded page');
  });
});

test('a tab closed while a submission waits: it is sent when the form is opened again; exactly one', { timeout: 60_000 }, async (t) => {
  const { intake, proxy } = await the.freshIntake(t, { proxy: true });
  await withPage(the.browser, t, { viewport: PHONE }, async (page) => {
    const reference = await sendWhileOffline(page);
    const tab = await anotherTab(page);
    await page.close();
    await page.context().setOffline(false);
    await sleep(500);
    assert.equal(proxy.posts().length, 0, 'nothing sent while no page was open');

    await open(tab);
    await eventually(() => intake.stored().length === 1, { timeout: 10_000, message: 'the submission sent on opening' });
    await assertArrivedOnce(tab, { intake, proxy, reference, pages: [page, tab] });
    assert.equal(proxy.posts().length, 1, proxy.summary());
    assertNoPageErrors(tab);
  });
});

test('a double click on "Confirm and send" sends once', { timeout: 60_000 }, async (t) => {
  const { intake, proxy } = await the.freshIntake(t, { proxy: true });
  await withPage(the.browser, t, { viewport: PHONE }, async (page) => {
    await onCheckPage(page);
    await page.getByRole('button', { name: 'Confirm and send', exact: true }).dblclick();
    const reference = await shownReference(page);
    await h1(page, HEADING_SENT).waitFor();
    await assertArrivedOnce(page, { intake, proxy, reference, settle: 1_500 });
    assert.equal(proxy.posts().length, 1, proxy.summary());
  });
});

// ---------------------------------------------------------------------------------------------
// Drafts

test('a reload mid-journey: "You have answers saved on this device" (axe), carry on: every answer is back, even one not yet continued from', { timeout: 90_000 }, async (t) => {
  const { intake, proxy } = await the.freshIntake(t, { proxy: true });
  const answers = [[4, 8, 2, 6], ['Often', 'Hardly ever or never', 'Some of the time'], ['Occasionally']];
  await withPage(the.browser, t, { viewport: PHONE }, async (page) => {
    await watch(page);
    await open(page, 'demo.html');
    await start(page, 8);
    await answerInstrument(page, ONS4, answers[0], { full: false });
    await answerQuestion(page, UCLA3, 1, answers[1][0], { full: false });
    await answerQuestion(page, UCLA3, 2, answers[1][1], { full: false });
    // Chosen but not continued from: saved as given.
    const group = await onQuestion(page, UCLA3, 3, { full: false });
    await chooseOption(group, UCLA3.items[2], answers[1][2]);
    await eventually(async () => JSON.parse((await onDevice(page)).draft).answers.ucla3?.['ucla3-3'] === 2, {
      message: 'the chosen answer saved on the device',
    });

    await page.reload();
    await h1(page, HEADING_RESUME).waitFor();
    for (const name of ['Continue where you left off', 'Start again']) {
      assert.ok(await page.getByRole('button', { name, exact: true }).isVisible(), `a "${name}" button`);
    }
    await checkA11y(page, 'you have answers saved on this device');
    await clickButton(page, 'Continue where you left off');
    const again = await onQuestion(page, UCLA3, 3, { full: false });
    assert.equal(await checkedValue(again), 2, 'the answer chosen before the reload is checked');
    await clickButton(page, 'Continue');
    await answerQuestion(page, ONS_LONELINESS, 1, answers[2][0], { full: false });
    const measures = DEFAULT_MEASURES.map((inst, i) => [inst, answers[i]]);
    await assertCheckPage(page, measures);

    // And once more from check your answers.
    await page.reload();
    await h1(page, HEADING_RESUME).waitFor();
    await clickButton(page, 'Continue where you left off');
    await assertCheckPage(page, measures);
    await clickButton(page, 'Confirm and send');
    const reference = await shownReference(page);
    await h1(page, HEADING_SENT).waitFor();
    await assertArrivedOnce(page, { intake, proxy, reference, measures, settle: 300 });
  });
});

test('"Start again" on the resume page removes the answers from the device', { timeout: 60_000 }, async (t) => {
  const { intake, proxy } = await the.freshIntake(t, { proxy: true });
  await withPage(the.browser, t, { viewport: PHONE }, async (page) => {
    await watch(page);
    await open(page);
    await start(page);
    await answerQuestion(page, ONS4, 1, 6, { full: false });
    await answerQuestion(page, ONS4, 2, 8, { full: false });
    await onQuestion(page, ONS4, 3, { full: false });
    await page.reload();
    await h1(page, HEADING_RESUME).waitFor();
    await clickButton(page, 'Start again');
    await h1(page, HEADING_START).waitFor();
    await page.getByText(NOTICE_CLEARED, { exact: true }).waitFor();
    assert.deepEqual(await onDevice(page), { draft: null, outbox: null }, 'nothing on the device');

    await page.reload();
    await h1(page, HEADING_START).waitFor();
    assert.equal(await h1(page, HEADING_RESUME).count(), 0, 'no offer to carry on');
    await start(page);
    for (let n = 1; n <= 2; n++) {
      const group = await onQuestion(page, ONS4, n, { full: false });
      assert.equal(await checkedValue(group), null, `question ${n} has nothing chosen`);
      await clickButton(page, 'Skip this question');
    }
    assert.equal(intake.stored().length, 0, 'nothing sent');
    assertNothingPersonal([page], { proxy });
  });
});

/** A real draft written by the widget: ONS4 questions 1 and 2 answered, on question 3. */
async function realDraft() {
  let draft;
  await withPage(the.browser, null, { viewport: PHONE }, async (page) => {
    await open(page);
    await start(page);
    await answerQuestion(page, ONS4, 1, 7, { full: false });
    await answerQuestion(page, ONS4, 2, 3, { full: false });
    await onQuestion(page, ONS4, 3, { full: false });
    draft = JSON.parse((await onDevice(page)).draft);
  });
  assert.equal(draft.version, 2, 'the draft format this build writes');
  assert.deepEqual(draft.answers, { ons4: { satisfaction: 7, worthwhile: 3 } }, 'the draft holds the two answers');
  return draft;
}

/** Puts `text` under the draft key before the widget's first load in this page (only once). */
async function plantDraft(page, text) {
  await page.addInitScript(
    ({ key, text }) => {
      if (sessionStorage.getItem('e2e-planted') === null) {
        localStorage.setItem(key, text);
        sessionStorage.setItem('e2e-planted', '1');
      }
    },
    { key: KEY.draft, text },
  );
}

test('a corrupt, tampered or older draft on the device: discarded with a plain notice (axe), the form starts again', { timeout: 90_000 }, async (t) => {
  const { proxy } = await the.freshIntake(t, { proxy: true });
  const good = await realDraft();
  const json = JSON.stringify(good);
  const variants = [
    { name: 'not JSON', text: json.slice(0, -7), notice: NOTICE_CORRUPT },
    { name: 'not an object', text: '[1,2,3]', notice: NOTICE_CORRUPT },
    { name: 'an answer out of range', text: JSON.stringify({ ...good, answers: { ons4: { satisfaction: 42 } } }), notice: NOTICE_CORRUPT },
    { name: 'an unknown item', text: JSON.stringify({ ...good, answers: { ons4: { nope: 1 } } }), notice: NOTICE_CORRUPT },
    { name: 'a page that does not exist', text: JSON.stringify({ ...good, step: { page: 'question', measure: 5, index: 0 } }), notice: NOTICE_CORRUPT },
    { name: 'an unknown field', text: JSON.stringify({ ...good, extra: true }), notice: NOTICE_CORRUPT },
    { name: 'saved in the future', text: JSON.stringify({ ...good, saved_at_ms: Date.now() + DAY_MS }), notice: NOTICE_CORRUPT },
    { name: 'an older format', text: JSON.stringify({ ...good, version: 1 }), notice: NOTICE_OLD_VERSION },
  ];
  for (const [i, v] of variants.entries()) {
    await withPage(the.browser, t, { viewport: PHONE }, async (page) => {
      await watch(page);
      await plantDraft(page, v.text);
      await open(page);
      const notice = page.getByText(v.notice, { exact: true });
      await notice.waitFor();
      assert.ok(await notice.isVisible(), `the notice is visible (${v.name})`);
      assert.ok(await h1(page, HEADING_START).isVisible(), `the start page (${v.name})`);
      assert.equal(await h1(page, HEADING_RESUME).count(), 0, `no offer to carry on (${v.name})`);
      assert.equal((await onDevice(page)).draft, null, `the unreadable draft is removed (${v.name})`);
      if (i === 0) await checkA11y(page, 'start page with the notice about an unreadable draft');
      await start(page);
      const group = await onQuestion(page, ONS4, 1, { full: false });
      assert.equal(await checkedValue(group), null, `nothing restored (${v.name})`);
      assert.equal(showings(page, v.notice), 1, `the notice was shown once (${v.name})`);
      assertNothingPersonal([page], { proxy, also: [v.text] });
    });
  }
});

test('a draft older than data-draft-days="1" is discarded with a notice; younger ones, or under the default 7 days, are offered', { timeout: 60_000 }, async (t) => {
  const { proxy } = await the.freshIntake(t, { proxy: true });
  const good = await realDraft();
  const cases = [
    { name: '2 days old, data-draft-days="1"', file: 'ons4-1day.html', age: 2 * DAY_MS, expired: true },
    { name: '12 hours old, data-draft-days="1"', file: 'ons4-1day.html', age: DAY_MS / 2, expired: false },
    { name: '2 days old, the default 7 days', file: 'ons4.html', age: 2 * DAY_MS, expired: false },
    { name: '8 days old, the default 7 days', file: 'ons4.html', age: 8 * DAY_MS, expired: true },
  ];
  for (const c of cases) {
    await withPage(the.browser, t, { viewport: PHONE }, async (page) => {
      await watch(page);
      await plantDraft(page, JSON.stringify({ ...good, saved_at_ms: Date.now() - c.age }));
      await open(page, c.file);
      if (c.expired) {
        await page.getByText(NOTICE_EXPIRED, { exact: true }).waitFor();
        assert.ok(await h1(page, HEADING_START).isVisible(), `the start page (${c.name})`);
        assert.equal((await onDevice(page)).draft, null, `the old draft is removed (${c.name})`);
        await start(page);
        assert.equal(await checkedValue(await onQuestion(page, ONS4, 1, { full: false })), null, `nothing restored (${c.name})`);
      } else {
        await h1(page, HEADING_RESUME).waitFor();
        assert.equal(await page.getByText(NOTICE_EXPIRED).count(), 0, `no expiry notice (${c.name})`);
        await clickButton(page, 'Continue where you left off');
        await onQuestion(page, ONS4, 3, { full: false });
        await clickButton(page, 'Back');
        assert.equal(await checkedValue(await onQuestion(page, ONS4, 2, { full: false })), 3, `the answers are back (${c.name})`);
      }
      assertNothingPersonal([page], { proxy });
    });
  }
});

const THROW_ALWAYS = () => {
  Storage.prototype.setItem = function setItem() {
    throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  };
};
const THROW_ON_WIDGET_KEYS = () => {
  const original = Storage.prototype.setItem;
  Storage.prototype.setItem = function setItem(key, value) {
    if (String(key).startsWith('wellbeing-widget.v1.')) {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    }
    return original.call(this, key, value);
  };
};

for (const { name, script, noticeOn } of [
  { name: 'every write throws (storage blocked)', script: THROW_ALWAYS, noticeOn: 'the start page' },
  { name: "the widget's writes throw (storage full)", script: THROW_ON_WIDGET_KEYS, noticeOn: 'the first answer' },
]) {
  test(`storage that throws on write, ${name}: the notice once, from ${noticeOn}; the journey completes; exactly one`, { timeout: 60_000 }, async (t) => {
    const { intake, proxy } = await the.freshIntake(t, { proxy: true });
    await withPage(the.browser, t, { viewport: PHONE }, async (page) => {
      await page.addInitScript(script);
      await watch(page);
      await open(page);
      const notice = page.getByText(NOTICE_NO_STORAGE, { exact: true });
      if (script === THROW_ALWAYS) {
        await notice.waitFor();
        await checkA11y(page, 'start page with the notice that answers cannot be saved');
      }
      await start(page);
      for (let n = 1; n <= 4; n++) {
        await answerQuestion(page, ONS4, n, VALUES[n - 1], { full: false });
        if (script === THROW_ON_WIDGET_KEYS && n === 1) await notice.waitFor();
        assert.ok((await notice.count()) <= 1, 'the notice at most once on the page');
      }
      await assertCheckPage(page, ONLY_ONS4);
      await clickButton(page, 'Confirm and send');
      const reference = await shownReference(page);
      await h1(page, HEADING_SENT).waitFor();
      const record = await onlyStored(intake, { settle: 1_000 });
      assertRecord(record, ONLY_ONS4, reference);
      assert.equal(proxy.posts().length, 1, proxy.summary());
      assert.equal(showings(page, NOTICE_NO_STORAGE), 1, 'the notice was shown once');
      assert.deepEqual(await onDevice(page), { draft: null, outbox: null }, 'nothing was written');
      assertNothingPersonal([page], { proxy, submission: record.submission });
    });
  });
}

test('two tabs answering different questions: both tabs end with every answer; one is sent', { timeout: 90_000 }, async (t) => {
  const { intake, proxy } = await the.freshIntake(t, { proxy: true });
  await withPage(the.browser, t, { viewport: PHONE }, async (a) => {
    await watch(a);
    const b = await anotherTab(a);
    await open(a);
    await open(b);

    // Tab A answers questions 1 and 2. (A person switches tabs: the one in front runs at full
    // speed, a tab behind gets no animation frames.)
    await a.bringToFront();
    await start(a);
    await answerQuestion(a, ONS4, 1, VALUES[0], { full: false });
    await answerQuestion(a, ONS4, 2, VALUES[1], { full: false });
    await onQuestion(a, ONS4, 3, { full: false });
    // Tab B, open all along, is told and has A's answers.
    await b.getByText(NOTICE_OTHER_TAB, { exact: true }).waitFor();

    // Tab B goes on to questions 3 and 4 (1 and 2 show A's answers).
    await b.bringToFront();
    await start(b);
    for (const n of [1, 2]) {
      const group = await onQuestion(b, ONS4, n, { full: false });
      assert.equal(await checkedValue(group), VALUES[n - 1], `tab B shows tab A's answer to question ${n}`);
      await clickButton(b, 'Continue');
    }
    await answerQuestion(b, ONS4, 3, VALUES[2], { full: false });
    await answerQuestion(b, ONS4, 4, VALUES[3], { full: false });
    await assertCheckPage(b, ONLY_ONS4);

    // Tab A, still on question 3, now has B's answers too.
    await a.bringToFront();
    await eventually(async () => (await checkedValue(await onQuestion(a, ONS4, 3, { full: false }))) === VALUES[2], {
      message: "tab B's answer to question 3 in tab A",
    });
    await clickButton(a, 'Continue');
    await clickButton(a, 'Continue');
    await assertCheckPage(a, ONLY_ONS4);
    const stored = JSON.parse((await onDevice(a)).draft);
    assert.deepEqual(
      stored.answers.ons4,
      Object.fromEntries(ONS4.items.map((item, i) => [item.id, VALUES[i]])),
      'the draft on the device has all four answers',
    );

    await clickButton(a, 'Confirm and send');
    const reference = await shownReference(a);
    await h1(a, HEADING_SENT).waitFor();
    const record = await onlyStored(intake, { settle: 1_000 });
    assertRecord(record, ONLY_ONS4, reference);
    assert.equal(proxy.posts().length, 1, proxy.summary());
    assertNoPageErrors(b);
    assertNothingPersonal([a, b], { proxy, submission: record.submission });
  });
});

/** Tabs A and B on check your answers with the same four answers (given in A). */
async function bothOnCheck(a, b) {
  await open(a);
  await open(b);
  await a.bringToFront();
  await answerOns4(a, VALUES);
  await b.bringToFront();
  await start(b);
  for (let n = 1; n <= 4; n++) {
    assert.equal(await checkedValue(await onQuestion(b, ONS4, n, { full: false })), VALUES[n - 1]);
    await clickButton(b, 'Continue');
  }
  await assertCheckPage(b, ONLY_ONS4);
}

test('two tabs: answers sent from one tab are not sent again from the other; exactly one', { timeout: 60_000 }, async (t) => {
  const { intake, proxy } = await the.freshIntake(t, { proxy: true });
  await withPage(the.browser, t, { viewport: PHONE }, async (a) => {
    await watch(a);
    const b = await anotherTab(a);
    await bothOnCheck(a, b);
    await a.bringToFront();
    await clickButton(a, 'Confirm and send');
    const reference = await shownReference(a);
    await h1(a, HEADING_SENT).waitFor();
    assertRecord(await onlyStored(intake, { settle: 500 }), ONLY_ONS4, reference);

    // Tab B still shows the same answers. Give it a moment to learn they have gone; if it still
    // offers to send them, the person (who has forgotten the other tab) presses the button.
    await b.bringToFront();
    const confirm = b.getByRole('button', { name: 'Confirm and send', exact: true });
    await eventually(async () => (await confirm.count()) === 0, { timeout: 3_000, message: 'tab B to stop offering to send' }).catch(() => {});
    if ((await confirm.count()) > 0) {
      await confirm.click();
      await sleep(2_000);
    }
    const stored = intake.stored();
    assert.equal(
      stored.length,
      1,
      `the same answers were sent twice, as ${stored.map((r) => referenceOf(r.submission.submission_id)).join(' and ')}: ` +
        'tab B kept showing "Check your answers" with "Confirm and send" after tab A had sent them',
    );
    assertNoPageErrors(b);
    assertNothingPersonal([a, b], { proxy });
  });
});

test('two tabs: "Clear my answers" in one tab clears them from the other, and they do not come back to the device', { timeout: 60_000 }, async (t) => {
  const { intake, proxy } = await the.freshIntake(t, { proxy: true });
  await withPage(the.browser, t, { viewport: PHONE }, async (a) => {
    await watch(a);
    const b = await anotherTab(a);
    await bothOnCheck(a, b);
    await a.bringToFront();
    await clickButton(a, 'Clear my answers');
    await a.getByText(NOTICE_CLEARED, { exact: true }).waitFor();
    assert.equal((await onDevice(a)).draft, null, 'the draft is gone from the device');

    // Tab B must not go on showing (and re-saving) the answers that were just cleared.
    await b.bringToFront();
    const shown = () => b.getByText(`${VALUES[0]} out of 10`, { exact: true }).count();
    await eventually(async () => (await shown()) === 0, { timeout: 3_000, message: 'tab B to stop showing the cleared answers' }).catch(() => {});
    const stillShown = await shown();
    // What a person then does in tab B: change one answer.
    if (stillShown > 0) {
      await b.getByRole('link', { name: `Change ${ONS4.items[3].short}`, exact: true }).click();
      await answerQuestion(b, ONS4, 4, 5, { full: false });
    }
    const draft = (await onDevice(b)).draft;
    const back = draft ? JSON.parse(draft).answers?.ons4 ?? {} : {};
    assert.deepEqual(
      { shownInTabB: stillShown > 0, backOnDevice: back },
      { shownInTabB: false, backOnDevice: {} },
      'after "Clear my answers" in tab A, tab B still showed the cleared answers, and changing one answer there wrote them all back to the device',
    );
    assert.equal(intake.stored().length, 0, 'nothing sent');
    assertNoPageErrors(b);
    assertNothingPersonal([a, b], { proxy });
  });
});

// ---------------------------------------------------------------------------------------------
// Two tabs sharing the outbox on the device: a tab's write never drops what another tab queued.

const OTHER_VALUES = [2, 4, 6, 8];

/**
 * Runs in a tab before its scripts: once `window.__deaf` is set, the page's `storage` listeners
 * no longer hear of other tabs' writes, as if the events were still on their way.
 */
function deafToOtherTabs() {
  const add = window.addEventListener;
  window.addEventListener = function (type, listener, options) {
    if (type !== 'storage') return add.call(this, type, listener, options);
    const deafened = (e) => {
      if (!window.__deaf) return typeof listener === 'function' ? listener.call(this, e) : listener.handleEvent(e);
    };
    return add.call(this, type, deafened, options);
  };
}

/** The submissions in this widget's outbox on the device. */
async function outboxOnDevice(page) {
  const { outbox } = await onDevice(page);
  return outbox ? JSON.parse(outbox).entries.map((e) => referenceOf(e.id)) : [];
}

/** Asserts the intake stored each reference exactly once, with the answers given for it. */
async function assertStoredOnce(intake, expected) {
  const want = Object.keys(expected).length;
  await eventually(() => intake.stored().length >= want, { timeout: 20_000, message: `${want} stored submissions` });
  await sleep(1_000);
  const stored = intake.stored();
  assert.deepEqual(
    stored.map((r) => referenceOf(r.submission.submission_id)).sort(),
    Object.keys(expected).sort(),
    'each submission stored exactly once',
  );
  for (const record of stored) {
    assertRecord(record, [[ONS4, expected[referenceOf(record.submission.submission_id)]]]);
  }
}

test('two tabs: a tab that has not yet heard of the other tab\'s waiting answers delivers its own without dropping them; each sent exactly once', { timeout: 90_000 }, async (t) => {
  const { intake, proxy } = await the.freshIntake(t, { proxy: true });
  await withPage(the.browser, t, { viewport: PHONE }, async (a) => {
    await watch(a);
    const b = await anotherTab(a);
    await b.addInitScript(deafToOtherTabs);
    // The intake is down for an hour: what either tab sends waits on the device.
    proxy.respond(503, { retryAfter: '3600' });
    await open(b);
    await answerOns4(b, VALUES);
    await clickButton(b, 'Confirm and send');
    await h1(b, HEADING_WAITING).waitFor();
    const first = await shownReference(b);
    // Tab B stops hearing of other tabs' changes to the device (a background tab lags behind).
    await b.evaluate(() => {
      window.__deaf = true;
    });

    await open(a);
    await a.bringToFront();
    await answerOns4(a, OTHER_VALUES);
    await clickButton(a, 'Confirm and send');
    await h1(a, HEADING_WAITING).waitFor();
    const second = await shownReference(a);
    await eventually(async () => (await outboxOnDevice(a)).length === 2, { message: 'both submissions on the device' });

    // The intake is back. Tab B, which knows only its own answers, sends them.
    proxy.pass();
    await b.bringToFront();
    await clickButton(b, 'Try again');
    await h1(b, HEADING_SENT).waitFor({ timeout: 15_000 });
    // Tab A's answers were not dropped: they reach the intake, and tab A says so.
    await a.bringToFront();
    await h1(a, HEADING_SENT).waitFor({ timeout: 20_000 });
    await assertStoredOnce(intake, { [first]: VALUES, [second]: OTHER_VALUES });
    await eventually(async () => (await outboxOnDevice(a)).length === 0, { message: 'the outbox empty' });
    assertNoPageErrors(a);
    assertNoPageErrors(b);
    assertNothingPersonal([a, b], { proxy });
  });
});

test('two tabs: after another tab emptied the outbox, answers waiting here survive a reload and are sent; each exactly once', { timeout: 90_000 }, async (t) => {
  const { intake, proxy } = await the.freshIntake(t, { proxy: true });
  await withPage(the.browser, t, { viewport: PHONE }, async (a) => {
    await watch(a);
    const b = await anotherTab(a);
    await open(a);
    // Tab B sends its answers: delivered, the outbox on the device is emptied.
    await open(b);
    await answerOns4(b, VALUES);
    await clickButton(b, 'Confirm and send');
    await h1(b, HEADING_SENT).waitFor();
    const first = await shownReference(b);
    await eventually(async () => (await onDevice(a)).outbox === null, { message: 'the outbox emptied' });
    await sleep(300);

    // Tab A, open all along, sends while the intake is down, and is reloaded before delivery.
    proxy.respond(503, { retryAfter: '3600' });
    await a.bringToFront();
    await answerOns4(a, OTHER_VALUES);
    await clickButton(a, 'Confirm and send');
    await h1(a, HEADING_WAITING).waitFor();
    const second = await shownReference(a);
    await b.close();
    await a.reload();
    const box = a.getByRole('status').filter({ hasText: WAITING_BOX });
    await box.waitFor();
    assert.ok(await box.getByText(second).isVisible(), `the status box lists ${second}`);
    assert.equal(
      await a.evaluate((key) => localStorage.getItem(`${key}-unreadable`), KEY.outbox),
      null,
      'the outbox was readable (nothing kept aside)',
    );

    proxy.pass();
    await clickButton(a, 'Try sending now');
    await eventually(async () => (await box.count()) === 0, { timeout: 15_000, message: 'the status box to go' });
    await assertStoredOnce(intake, { [first]: VALUES, [second]: OTHER_VALUES });
    assertNoPageErrors(a);
    assertNothingPersonal([a], { proxy });
  });
});
