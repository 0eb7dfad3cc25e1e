// The whole slice, end to end: the built widget (DIST_DIR) on its demo host page, served on
// 127.0.0.1, driven in headless Chromium by visible labels and roles, sending to the real intake
// receiver (INTAKE_BIN). axe-core runs on every page of the main journey.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {
  DIST_DIR,
  PHONE,
  assertValidSubmission,
  checkA11y,
  eventually,
  launchBrowser,
  sleep,
  startIntake,
  startStatic,
  withPage,
} from './lib/harness.mjs';

// ---------------------------------------------------------------------------------------------
// What the person sees: ONS4 as published (GSS harmonised standard "Personal well-being", 2019).

const ITEMS = [
  {
    id: 'satisfaction',
    text: 'Overall, how satisfied are you with your life nowadays?',
    short: 'Life satisfaction',
    missing: 'Select how satisfied you are with your life nowadays',
    low: 'not at all satisfied',
    high: 'completely satisfied',
  },
  {
    id: 'worthwhile',
    text: 'Overall, to what extent do you feel that the things you do in your life are worthwhile?',
    short: 'Things you do are worthwhile',
    missing: 'Select how worthwhile you feel the things you do in your life are',
    low: 'not at all worthwhile',
    high: 'completely worthwhile',
  },
  {
    id: 'happy',
    text: 'Overall, how happy did you feel yesterday?',
    short: 'Happiness yesterday',
    missing: 'Select how happy you felt yesterday',
    low: 'not at all happy',
    high: 'completely happy',
  },
  {
    id: 'anxious',
    text: "On a scale where nought is 'not at all anxious' and 10 is 'completely anxious', overall, how anxious did you feel yesterday?",
    short: 'Anxiety yesterday',
    missing: 'Select how anxious you felt yesterday',
    low: 'not at all anxious',
    high: 'completely anxious',
  },
];

/**
 * The ONS published thresholds, written out here independently of the app.
 * Life satisfaction, worthwhile, happiness: 0–4 low, 5–6 medium, 7–8 high, 9–10 very high.
 * Anxiety: 0–1 very low, 2–3 low, 4–5 medium, 6–10 high.
 */
function onsBand(itemId, v) {
  if (itemId === 'anxious') {
    if (v <= 1) return 'very-low';
    if (v <= 3) return 'low';
    if (v <= 5) return 'medium';
    return 'high';
  }
  if (v <= 4) return 'low';
  if (v <= 6) return 'medium';
  if (v <= 8) return 'high';
  return 'very-high';
}

function referenceOf(submissionId) {
  const hex = submissionId.slice(0, 8).toUpperCase();
  return `WB-${hex.slice(0, 4)}-${hex.slice(4)}`;
}

const HEADING_CHECK = 'Check your answers before sending';
const HEADING_SENT = 'Your answers have been sent';
const REFERENCE_RE = /WB-[0-9A-F]{4}-[0-9A-F]{4}/;

// ---------------------------------------------------------------------------------------------
// Fixtures

let browser;
let web;

before(async () => {
  if (!fs.existsSync(path.join(DIST_DIR, 'index.html'))) {
    throw new Error(`${DIST_DIR}/index.html not found: build the widget first (trunk build --release) or set DIST_DIR`);
  }
  web = await startStatic({ dir: DIST_DIR });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await web?.close();
});

/** A fresh intake receiver (its own data directory) that the demo page now sends to. */
async function freshIntake(t) {
  const intake = await startIntake({ allowOrigin: web.origin });
  web.setEndpoint(intake.submissionsUrl);
  t.after(() => intake.close());
  return intake;
}

// ---------------------------------------------------------------------------------------------
// Steps, as a person does them

/** A radio's accessible name starts with its number: "7", "0 – not at all satisfied". */
const radioName = (v) => new RegExp(`^${v}\\b`);

async function openWidget(page, server = web) {
  await page.goto(`${server.url}index.html`);
  await page.getByRole('heading', { level: 1 }).first().waitFor();
}

function h1(page, name) {
  return page.getByRole('heading', { level: 1, name, exact: true });
}

async function clickButton(page, name) {
  await page.getByRole('button', { name, exact: true }).click();
}

/** Things every page of the journey has. */
async function assertChrome(page, { width } = {}) {
  const help = page.getByRole('link', { name: 'Get help now', exact: true });
  await help.waitFor();
  assert.ok(await help.isVisible(), '"Get help now" is visible');
  const clear = page.getByRole('button', { name: 'Clear my answers', exact: true });
  assert.ok(await clear.isVisible(), '"Clear my answers" is visible');
  // "Get help now" comes before the page heading.
  const heading = await page.getByRole('heading', { level: 1 }).elementHandle();
  const first = await help.evaluate(
    (a, h) => Boolean(a.compareDocumentPosition(h) & Node.DOCUMENT_POSITION_FOLLOWING),
    heading,
  );
  assert.ok(first, '"Get help now" comes before the h1');
  if (width) await assertNoHorizontalScroll(page, width);
}

async function assertNoHorizontalScroll(page, width) {
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(scrollWidth <= width, `page scrolls sideways at ${width} px: scrollWidth ${scrollWidth}`);
}

async function assertTitleHasNoError(page) {
  const title = await page.title();
  assert.ok(!title.startsWith('Error'), `the title still says Error: ${JSON.stringify(title)}`);
}

/** Asserts question n's page (1-based) and returns its fieldset. */
async function onQuestion(page, n) {
  const item = ITEMS[n - 1];
  await h1(page, item.text).waitFor();
  await page.getByText(`Question ${n} of 4`, { exact: true }).waitFor();
  const group = page.getByRole('group', { name: item.text });
  assert.equal(await group.count(), 1, `one fieldset named by question ${n}`);
  assert.ok(
    await group
      .getByRole('heading', { level: 1, name: item.text, exact: true })
      .evaluate((h) => h.parentElement?.tagName === 'LEGEND' && h.closest('fieldset') !== null),
    'the h1 is the fieldset legend',
  );
  return group;
}

/** The eleven native radios with their accessible names. */
async function assertRadios(group, item) {
  assert.equal(await group.getByRole('radio').count(), 11, 'eleven radios');
  for (let v = 0; v <= 10; v++) {
    const name = v === 0 ? `0 – ${item.low}` : v === 10 ? `10 – ${item.high}` : String(v);
    const radio = group.getByRole('radio', { name, exact: true });
    assert.equal(await radio.count(), 1, `a radio named ${JSON.stringify(name)}`);
    assert.equal(await radio.evaluate((el) => el.tagName === 'INPUT' && el.type === 'radio'), true);
  }
}

/** The value of the checked radio in `group`, or null. */
async function checkedValue(group) {
  const checked = group.getByRole('radio', { checked: true });
  const n = await checked.count();
  if (n === 0) return null;
  assert.equal(n, 1, 'at most one radio checked');
  return Number(await checked.getAttribute('value'));
}

async function choose(page, n, value) {
  const group = await onQuestion(page, n);
  await group.getByRole('radio', { name: radioName(value) }).check();
  await clickButton(page, 'Continue');
}

async function start(page) {
  await clickButton(page, 'Start now');
  await onQuestion(page, 1);
}

/** Start → four answers → check page. */
async function answerAll(page, values) {
  await start(page);
  for (let n = 1; n <= 4; n++) await choose(page, n, values[n - 1]);
  await h1(page, HEADING_CHECK).waitFor();
}

/** The value cell of a summary-list row, found by its key (a <dt>). */
function summaryValue(page, shortLabel) {
  return page.locator(`xpath=//dt[normalize-space(.)="${shortLabel}"]/following-sibling::dd[1]`);
}

async function assertCheckPage(page, values) {
  await h1(page, HEADING_CHECK).waitFor();
  for (const [i, item] of ITEMS.entries()) {
    const value = summaryValue(page, item.short);
    assert.equal(await value.count(), 1, `a summary row "${item.short}"`);
    const text = (await value.innerText()).trim();
    assert.match(text, new RegExp(`^${values[i]}\\b`), `${item.short} shows ${values[i]}`);
    assert.equal(
      await page.getByRole('link', { name: `Change ${item.short}`, exact: true }).count(),
      1,
      `a link "Change ${item.short}"`,
    );
  }
  assert.ok(await page.getByRole('button', { name: 'Confirm and send', exact: true }).isVisible());
}

/** Waits for the confirmation and returns the reference shown. */
async function onSent(page) {
  await h1(page, HEADING_SENT).waitFor({ timeout: 15_000 });
  const p = page.getByText(/Your reference is WB-[0-9A-F]{4}-[0-9A-F]{4}/);
  await p.waitFor();
  return REFERENCE_RE.exec(await p.innerText())[0];
}

/** The one stored record; waits a little to be sure no second one follows. */
async function onlyStored(intake) {
  await eventually(() => intake.stored().length >= 1, { message: 'a stored submission' });
  await sleep(500);
  const all = intake.stored();
  assert.equal(all.length, 1, `exactly one stored submission, got ${all.length}`);
  return all[0];
}

/** Asserts the stored record holds `values` for ONS4 and matches `reference`. */
function assertRecord(record, values, reference) {
  const s = record.submission;
  assert.equal(s.schema_version, 1);
  assert.equal(s.mode, 'self-referral');
  assert.equal(record.idempotency_key, s.submission_id, 'Idempotency-Key is the submission id');
  assert.equal(s.measures.length, 1);
  const m = s.measures[0];
  assert.equal(m.instrument, 'ons4');
  assert.equal(m.version, 'gss-2019-04');
  assert.deepEqual(
    m.answers,
    ITEMS.map((item, i) => ({ item: item.id, value: values[i] })),
    'the answers as chosen',
  );
  assert.deepEqual(
    m.score,
    { items: ITEMS.map((item, i) => ({ item: item.id, value: values[i], band: onsBand(item.id, values[i]) })) },
    'each item with its ONS band',
  );
  if (reference !== undefined) {
    assert.equal(reference, referenceOf(s.submission_id), 'the reference shown is WB- + the first 8 hex of the id');
    const response = JSON.parse(record.response_body);
    assert.equal(response.reference, reference, 'the receiver answered the same reference');
  }
  assertValidSubmission(s);
}

/** No console message carries the submission or the answers. */
function assertNoPersonalDataInConsole(page, submission) {
  const texts = page.consoleMessages.map((m) => m.text);
  const needles = ['"answers"', '"measures"', '"value"', '"score"'];
  if (submission) {
    needles.push(JSON.stringify(submission), JSON.stringify(submission.measures));
  }
  for (const text of texts) {
    for (const needle of needles) {
      assert.ok(!text.includes(needle), `a console message contains ${needle}: ${text.slice(0, 300)}`);
    }
    for (const item of ITEMS) {
      assert.ok(!text.includes(item.text), `a console message contains an item's wording: ${text.slice(0, 300)}`);
    }
  }
}

function consoleErrors(page) {
  return page.consoleMessages.filter((m) => m.type === 'error').map((m) => m.text);
}

// ---------------------------------------------------------------------------------------------
// Tests

test('(a) the whole journey: every page, the error state, a change, sending; axe on every page', { timeout: 120_000 }, async (t) => {
  const intake = await freshIntake(t);
  await withPage(browser, t, { viewport: PHONE }, async (page) => {
    await openWidget(page);

    // Start page.
    assert.equal(await page.getByRole('heading', { level: 1 }).count(), 1, 'one h1 on the start page');
    assert.ok(await page.getByRole('button', { name: 'Start now', exact: true }).isVisible());
    await assertChrome(page);
    await assertTitleHasNoError(page);
    await checkA11y(page, 'start page');

    // "Get help now" jumps to crisis help at the bottom of the widget.
    await page.getByRole('link', { name: 'Get help now', exact: true }).click();
    const crisis = page.getByRole('heading', { name: 'If you need help now', exact: true });
    await eventually(() => crisis.evaluate((h) => h.contains(document.activeElement)), {
      message: 'focus on "If you need help now"',
    });
    const crisisSection = crisis.locator('xpath=..');
    for (const [name, href] of [
      [/999/, 'tel:999'],
      [/111/, 'tel:111'],
      [/116 123/, 'tel:116123'],
    ]) {
      const link = crisisSection.getByRole('link', { name });
      assert.equal(await link.count(), 1, `a crisis link ${name}`);
      assert.equal(await link.getAttribute('href'), href);
    }

    // Question 1: the structure, then Continue with nothing chosen.
    await start(page);
    let group = await onQuestion(page, 1);
    await assertRadios(group, ITEMS[0]);
    assert.equal(await checkedValue(group), null, 'nothing preselected');
    await assertChrome(page);
    assert.ok(await page.getByRole('button', { name: 'Back', exact: true }).isVisible(), 'a Back button');
    await checkA11y(page, 'question 1');

    await clickButton(page, 'Continue');
    const alert = page.getByRole('alert').filter({ hasText: 'There is a problem' });
    await alert.waitFor();
    await alert.getByRole('heading', { name: 'There is a problem', exact: true }).waitFor();
    const summaryLink = alert.getByRole('link', { name: ITEMS[0].missing, exact: true });
    assert.equal(await summaryLink.count(), 1, 'the summary links to the question');
    const described = await group.evaluate((fieldset) =>
      (fieldset.getAttribute('aria-describedby') ?? '')
        .split(/\s+/)
        .filter(Boolean)
        .map((id) => document.getElementById(id)?.textContent ?? ''),
    );
    assert.ok(
      described.some((d) => d.replace(/\s+/g, ' ').trim() === `Error: ${ITEMS[0].missing}`),
      `the fieldset is described by "Error: ${ITEMS[0].missing}", got ${JSON.stringify(described)}`,
    );
    await eventually(async () => (await page.title()).startsWith('Error: '), { message: 'title "Error: …"' });
    await eventually(
      () =>
        alert.evaluate((a) => {
          const f = document.activeElement;
          return f !== null && f !== document.body && (f === a || f.contains(a));
        }),
      { message: 'focus on the error summary' },
    );
    await checkA11y(page, 'question 1 with an error');
    await summaryLink.click();
    const firstRadio = group.getByRole('radio', { name: radioName(0) });
    await eventually(() => firstRadio.evaluate((r) => r === document.activeElement), {
      message: 'focus on the first radio after following the summary link',
    });

    // Answer 1, then Back from 2 keeps answer 1.
    const values = [3, 6, 9, 2];
    await choose(page, 1, values[0]);
    group = await onQuestion(page, 2);
    await assertTitleHasNoError(page);
    assert.equal(await page.getByRole('alert').filter({ hasText: 'There is a problem' }).count(), 0);
    await clickButton(page, 'Back');
    group = await onQuestion(page, 1);
    assert.equal(await checkedValue(group), values[0], 'Back keeps the answer');
    await clickButton(page, 'Continue');

    for (let n = 2; n <= 4; n++) {
      group = await onQuestion(page, n);
      await assertRadios(group, ITEMS[n - 1]);
      assert.equal(await checkedValue(group), null, `nothing preselected on question ${n}`);
      await assertChrome(page);
      await checkA11y(page, `question ${n}`);
      await choose(page, n, values[n - 1]);
    }

    // Check your answers.
    await assertCheckPage(page, values);
    await assertChrome(page);
    await checkA11y(page, 'check your answers');

    // Change "Happiness yesterday" from 9 to 7: back to the question with 9 checked, then here.
    await page.getByRole('link', { name: 'Change Happiness yesterday', exact: true }).click();
    group = await onQuestion(page, 3);
    assert.equal(await checkedValue(group), 9, 'the previous answer is checked');
    await checkA11y(page, 'question 3 from a Change link');
    values[2] = 7;
    await choose(page, 3, values[2]);
    await assertCheckPage(page, values);

    // Send.
    await clickButton(page, 'Confirm and send');
    const reference = await onSent(page);
    await assertChrome(page);
    await checkA11y(page, 'confirmation');

    const record = await onlyStored(intake);
    assertRecord(record, values, reference);
    assertNoPersonalDataInConsole(page, record.submission);
    assert.deepEqual(consoleErrors(page), [], 'no console errors on the happy path');
  });
});

test('(b) a double click on "Confirm and send" sends once', { timeout: 60_000 }, async (t) => {
  const intake = await freshIntake(t);
  await withPage(browser, t, { viewport: PHONE }, async (page) => {
    const posts = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url() === intake.submissionsUrl) posts.push(r);
    });
    await openWidget(page);
    const values = [10, 0, 5, 4];
    await answerAll(page, values);
    await page.getByRole('button', { name: 'Confirm and send', exact: true }).dblclick();
    const reference = await onSent(page);
    const record = await onlyStored(intake);
    assertRecord(record, values, reference);
    assert.equal(posts.length, 1, `the widget POSTed ${posts.length} times`);
    assertNoPersonalDataInConsole(page, record.submission);
  });
});

test('(c) a reload mid-way returns to the same page with the answers kept', { timeout: 60_000 }, async (t) => {
  const intake = await freshIntake(t);
  await withPage(browser, t, { viewport: PHONE }, async (page) => {
    await openWidget(page);
    // Test (i) covers going Back through pages whose answers differ in every order; these values
    // keep this test about the reload.
    const values = [10, 0, 5, 1];
    await start(page);
    await choose(page, 1, values[0]);
    await choose(page, 2, values[1]);
    await onQuestion(page, 3);

    // A reload on question 3 comes back to question 3, nothing chosen there yet.
    await page.reload();
    let group = await onQuestion(page, 3);
    assert.equal(await checkedValue(group), null, 'question 3 was not answered');
    await clickButton(page, 'Back');
    group = await onQuestion(page, 2);
    assert.equal(await checkedValue(group), values[1], 'answer 2 kept after the reload');
    await clickButton(page, 'Back');
    group = await onQuestion(page, 1);
    assert.equal(await checkedValue(group), values[0], 'answer 1 kept after the reload');
    await clickButton(page, 'Continue');
    await onQuestion(page, 2);
    await clickButton(page, 'Continue');
    await choose(page, 3, values[2]);
    await choose(page, 4, values[3]);
    await assertCheckPage(page, values);
    await clickButton(page, 'Confirm and send');
    const reference = await onSent(page);
    const record = await onlyStored(intake);
    assertRecord(record, values, reference);
    assertNoPersonalDataInConsole(page, record.submission);
  });
});

test('(d) the receiver is down: the answers stay on the device, "Try again" sends them once', { timeout: 60_000 }, async (t) => {
  const intake = await freshIntake(t);
  await withPage(browser, t, { viewport: PHONE }, async (page) => {
    await openWidget(page);
    const values = [8, 7, 6, 3];
    await answerAll(page, values);

    const port = intake.port;
    await intake.stop();
    await clickButton(page, 'Confirm and send');
    const saved = page.getByText(/saved on this device/i);
    await saved.waitFor({ timeout: 15_000 });
    assert.ok(await saved.isVisible(), 'the message says the answers are saved on this device');
    assert.ok(
      await page.getByText(/(have not been sent|could not be sent|could not reach)/i).first().isVisible(),
      'the message says the answers could not be sent',
    );
    const tryAgain = page.getByRole('button', { name: 'Try again', exact: true });
    assert.ok(await tryAgain.isVisible(), 'a "Try again" button');
    await assertChrome(page);
    await checkA11y(page, 'sending failed');
    assert.equal(intake.stored().length, 0, 'nothing stored while the receiver was down');

    await intake.restart();
    assert.equal(intake.port, port, 'the receiver came back on the same port');
    await tryAgain.click();
    const reference = await onSent(page);
    const record = await onlyStored(intake);
    assertRecord(record, values, reference);
    assertNoPersonalDataInConsole(page, record.submission);
  });
});

test('(e) a plain-http endpoint that is not this machine is refused with a visible message', { timeout: 60_000 }, async (t) => {
  const bad = await startStatic({ dir: DIST_DIR, endpoint: 'http://intake.example.org/submissions' });
  t.after(() => bad.close());
  await withPage(browser, t, { viewport: PHONE }, async (page) => {
    await page.goto(`${bad.url}index.html`);
    const message = page.getByText(/data-endpoint/);
    await message.waitFor();
    assert.ok(await message.isVisible(), 'the message is visible');
    assert.match(await message.innerText(), /https/, 'the message mentions https');
    assert.equal(await page.getByRole('button', { name: 'Start now' }).count(), 0, 'no form');
    assert.equal(await page.getByRole('radio').count(), 0, 'no questions');
    // Crisis help is still there.
    for (const href of ['tel:999', 'tel:111', 'tel:116123']) {
      assert.equal(await page.locator(`a[href="${href}"]`).count(), 1, `a ${href} link`);
    }
    await checkA11y(page, 'configuration error');
  });
});

test('(f) nothing personal reaches the console, even when the endpoint refuses the submission', { timeout: 60_000 }, async (t) => {
  // The static server answers POST with 405: an endpoint that refuses. The widget then tells the
  // integrator in the console; that message must not carry the answers.
  web.setEndpoint(`${web.origin}/submissions`);
  await withPage(browser, t, { viewport: PHONE }, async (page) => {
    const bodies = [];
    page.on('request', (r) => {
      if (r.method() === 'POST') bodies.push(r.postData());
    });
    await openWidget(page);
    await answerAll(page, [2, 9, 10, 7]);
    await clickButton(page, 'Confirm and send');
    await page.getByText(/could not be sent|have not been sent/i).first().waitFor({ timeout: 15_000 });
    await page.getByText(/saved on this device/i).waitFor();
    assert.equal(bodies.length, 1, 'one POST');
    const submission = JSON.parse(bodies[0]);
    assertValidSubmission(submission);
    assertNoPersonalDataInConsole(page, submission);
    for (const text of page.consoleMessages.map((m) => m.text)) {
      assert.ok(!text.includes(bodies[0]), 'the body is not logged');
    }
  });
});

test('(g) at 320 px wide no page scrolls sideways', { timeout: 90_000 }, async (t) => {
  const intake = await freshIntake(t);
  const width = 320;
  await withPage(browser, t, { viewport: { width, height: 640 } }, async (page) => {
    await openWidget(page);
    await assertChrome(page, { width });
    await start(page);
    await assertChrome(page, { width });
    await clickButton(page, 'Continue');
    await page.getByRole('alert').filter({ hasText: 'There is a problem' }).waitFor();
    await assertNoHorizontalScroll(page, width);
    const values = [4, 5, 8, 6];
    for (let n = 1; n <= 4; n++) {
      await onQuestion(page, n);
      await assertChrome(page, { width });
      await choose(page, n, values[n - 1]);
    }
    await assertCheckPage(page, values);
    await assertChrome(page, { width });
    await clickButton(page, 'Confirm and send');
    const reference = await onSent(page);
    await assertChrome(page, { width });
    assertRecord(await onlyStored(intake), values, reference);
  });
});

test('(h) "Clear my answers" removes the draft and starts again', { timeout: 60_000 }, async (t) => {
  const intake = await freshIntake(t);
  await withPage(browser, t, { viewport: PHONE }, async (page) => {
    await openWidget(page);
    await start(page);
    await choose(page, 1, 6);
    await onQuestion(page, 2);
    await clickButton(page, 'Clear my answers');
    await page.getByRole('button', { name: 'Start now', exact: true }).waitFor();
    await page.reload();
    await page.getByRole('button', { name: 'Start now', exact: true }).waitFor();
    await start(page);
    const group = await onQuestion(page, 1);
    assert.equal(await checkedValue(group), null, 'the cleared answer is gone');
    assert.equal(intake.stored().length, 0, 'nothing sent');
  });
});

test('(i) going Back and forward through every question shows each answer checked', { timeout: 60_000 }, async (t) => {
  await freshIntake(t);
  await withPage(browser, t, { viewport: PHONE }, async (page) => {
    await openWidget(page);
    // Neighbouring answers go both up and down, so every direction of change is covered.
    const values = [3, 10, 6, 2];
    await answerAll(page, values);
    const seen = [];
    await clickButton(page, 'Back');
    for (let n = 4; n >= 1; n--) {
      const group = await onQuestion(page, n);
      seen.push(`back to ${n}: ${await checkedValue(group)}`);
      if (n > 1) await clickButton(page, 'Back');
    }
    for (let n = 1; n <= 4; n++) {
      const group = await onQuestion(page, n);
      if (n > 1) seen.push(`forward to ${n}: ${await checkedValue(group)}`);
      await clickButton(page, 'Continue');
    }
    await assertCheckPage(page, values);
    const expected = [
      ...[4, 3, 2, 1].map((n) => `back to ${n}: ${values[n - 1]}`),
      ...[2, 3, 4].map((n) => `forward to ${n}: ${values[n - 1]}`),
    ];
    assert.deepEqual(seen, expected, 'the radio of each earlier answer is checked');
  });
});
