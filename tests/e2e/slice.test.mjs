// The whole slice, end to end: the built widget (DIST_DIR) on its demo host page, served on
// 127.0.0.1, driven in headless Chromium by visible labels and roles, sending to the real intake
// receiver (INTAKE_BIN). axe-core runs on every page of the main journey.
//
// The demo page (index.html) has no data-measures, so it asks the default measures: ONS4 (4
// questions), the ONS three-item UCLA loneliness scale (3) and the ONS direct loneliness question
// (1). Tests about the journey mechanics (double click, reload, receiver down, clear) use a copy
// of the demo page with data-measures="ons4" to stay short; the main journey, the console, 320 px
// and going back and forward use the real demo page. instruments.test.mjs covers each instrument.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  DIST_DIR,
  PHONE,
  assertValidSubmission,
  checkA11y,
  eventually,
  hasFocusWithin,
  isFocused,
  isInsideFocused,
  runAxe,
  startStatic,
  withPage,
} from './lib/harness.mjs';
import { rig } from './lib/rig.mjs';
import { DEFAULT_MEASURES, ONS4, ONS_LONELINESS, UCLA3 } from './lib/instruments.mjs';
import {
  HEADING_CHECK,
  answerQuestion,
  assertCheckPage,
  assertCrisisLinks,
  checkedValue,
  clickButton,
  consoleErrors,
  cssString,
  h1,
  hostRoute,
  integratorNotice,
  onQuestion as onInstrumentQuestion,
  onSent,
  onlyStored,
  questionsText,
  startJourney,
  assertNoPersonalDataInConsole,
  assertSelfReferralRecord,
} from './lib/journey.mjs';

// ---------------------------------------------------------------------------------------------
// The pages of the default journey, in order: [instrument, question number].

const PAGES = DEFAULT_MEASURES.flatMap((inst) => inst.items.map((_, i) => [inst, i + 1]));
const QUESTIONS = PAGES.length; // 8

// ---------------------------------------------------------------------------------------------
// Fixtures

const the = rig({ routes: { '/ons4.html': hostRoute({ 'data-measures': 'ons4' }) }, intake: false });

// ---------------------------------------------------------------------------------------------
// Steps, as a person does them

/** The real demo page (default measures), or the ONS4-only copy. */
async function openWidget(page, { server = the.web, only4 = false } = {}) {
  await page.goto(`${server.url}${only4 ? 'ons4.html' : 'index.html'}`);
  await page.getByRole('heading', { level: 1 }).first().waitFor();
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

/** Asserts ONS4 question n's page (1-based) and returns its fieldset. */
function onQuestion(page, n, options) {
  return onInstrumentQuestion(page, ONS4, n, options);
}

/** ONS4 question n: choose `value`, Continue. */
async function choose(page, n, value) {
  await answerQuestion(page, ONS4, n, value, { full: false });
}

async function start(page, questions = 4) {
  await page.getByText(questionsText(questions), { exact: false }).waitFor();
  await startJourney(page);
  await onQuestion(page, 1, { full: false });
}

/** After a reload with answers on the device: "You have answers saved on this device"; carry on. */
async function resumeAfterReload(page) {
  await h1(page, 'You have answers saved on this device').waitFor();
  await checkA11y(page, 'resume after a reload');
  await clickButton(page, 'Continue where you left off');
}

/** ONS4 only: start → four answers → check page. */
async function answerAll(page, values) {
  await start(page);
  for (let n = 1; n <= 4; n++) await choose(page, n, values[n - 1]);
  await h1(page, HEADING_CHECK).waitFor();
}

/** The default journey: start → all eight answers (answers: one list per measure) → check page. */
async function answerDefault(page, answers, { width, started = false } = {}) {
  if (!started) await start(page, QUESTIONS);
  for (const [inst, n] of PAGES) {
    await onInstrumentQuestion(page, inst, n, { full: false });
    if (width) await assertChrome(page, { width });
    await answerQuestion(page, inst, n, answers[DEFAULT_MEASURES.indexOf(inst)][n - 1], { full: false });
  }
  await h1(page, HEADING_CHECK).waitFor();
}

const ons4Only = (values) => [[ONS4, values]];
const defaults = (answers) => DEFAULT_MEASURES.map((inst, i) => [inst, answers[i]]);

// ---------------------------------------------------------------------------------------------
// Tests

test('(a) the demo page: all eight questions, the error state, a change, sending; axe on every page', { timeout: 120_000 }, async (t) => {
  const intake = await the.freshIntake(t);
  await withPage(the.browser, t, { viewport: PHONE }, async (page) => {
    await openWidget(page);

    // Start page.
    assert.equal(await page.getByRole('heading', { level: 1 }).count(), 1, 'one h1 on the start page');
    assert.ok(await page.getByRole('button', { name: 'Start now', exact: true }).isVisible());
    await page.getByText(questionsText(QUESTIONS), { exact: false }).waitFor();
    assert.equal(await integratorNotice(page), null, 'the demo page is set up correctly: no notice');
    await assertChrome(page);
    await assertTitleHasNoError(page);
    await checkA11y(page, 'start page');

    // "Get help now" jumps to crisis help at the bottom of the widget.
    await page.getByRole('link', { name: 'Get help now', exact: true }).click();
    const crisis = page.getByRole('heading', { name: 'If you need help now', exact: true });
    await eventually(() => hasFocusWithin(crisis), { message: 'focus on "If you need help now"' });
    // The links are in the section that heading heads (its parent element).
    const crisisSection = page.locator(`div:has(> h2:text-is(${cssString('If you need help now')}))`);
    assert.equal(await crisisSection.count(), 1, 'one crisis help section');
    assert.ok(
      await crisis.evaluate((h, section) => h.parentElement === section, await crisisSection.elementHandle()),
      'the section is the heading\'s parent',
    );
    await assertCrisisLinks(crisisSection, 'crisis help');

    // Question 1: the structure, then Continue with nothing chosen.
    await start(page, QUESTIONS);
    let group = await onQuestion(page, 1);
    assert.equal(await checkedValue(group), null, 'nothing preselected');
    await assertChrome(page);
    await checkA11y(page, 'ONS4 question 1');

    await clickButton(page, 'Continue');
    const alert = page.getByRole('alert').filter({ hasText: 'There is a problem' });
    await alert.waitFor();
    await alert.getByRole('heading', { name: 'There is a problem', exact: true }).waitFor();
    const summaryLink = alert.getByRole('link', { name: ONS4.items[0].missing, exact: true });
    assert.equal(await summaryLink.count(), 1, 'the summary links to the question');
    // aria-describedby ids are looked up in the fieldset's own tree (the widget's shadow root).
    const described = await group.evaluate((fieldset) =>
      (fieldset.getAttribute('aria-describedby') ?? '')
        .split(/\s+/)
        .filter(Boolean)
        .map((id) => fieldset.getRootNode().getElementById(id)?.textContent ?? ''),
    );
    assert.ok(
      described.some((d) => d.replace(/\s+/g, ' ').trim() === `Error: ${ONS4.items[0].missing}`),
      `the fieldset is described by "Error: ${ONS4.items[0].missing}", got ${JSON.stringify(described)}`,
    );
    assert.ok(
      described.some((d) => d.trim() === ONS4.instructions),
      'the fieldset is described by the instructions (hint)',
    );
    await eventually(async () => (await page.title()).startsWith('Error: '), { message: 'title "Error: …"' });
    await eventually(() => isInsideFocused(alert), { message: 'focus on the error summary' });
    await checkA11y(page, 'ONS4 question 1 with an error');
    await summaryLink.click();
    const firstRadio = group.getByRole('radio', { name: '0 – not at all satisfied', exact: true });
    await eventually(() => isFocused(firstRadio), {
      message: 'focus on the first radio after following the summary link',
    });

    // Answer 1, then Back from 2 keeps answer 1.
    const answers = [
      [3, 6, 9, 2],
      ['Often', 'Some of the time', 'Often'],
      ['Some of the time'],
    ];
    await choose(page, 1, answers[0][0]);
    group = await onQuestion(page, 2);
    await assertTitleHasNoError(page);
    assert.equal(await page.getByRole('alert').filter({ hasText: 'There is a problem' }).count(), 0);
    await clickButton(page, 'Back');
    group = await onQuestion(page, 1);
    assert.equal(await checkedValue(group), answers[0][0], 'Back keeps the answer');
    await clickButton(page, 'Continue');

    // The rest of the questions, every page checked in full and by axe.
    for (const [inst, n] of PAGES.slice(1)) {
      group = await onInstrumentQuestion(page, inst, n);
      assert.equal(await checkedValue(group), null, `nothing preselected on ${inst.id} question ${n}`);
      await assertChrome(page);
      await checkA11y(page, `${inst.id} question ${n}`);
      if (inst === UCLA3 && n === 1) {
        // Back from the first loneliness question goes to the last ONS4 question, answer kept.
        await clickButton(page, 'Back');
        const last = await onQuestion(page, 4, { full: false });
        assert.equal(await checkedValue(last), answers[0][3], 'Back across instruments keeps the answer');
        await clickButton(page, 'Continue');
        await onInstrumentQuestion(page, UCLA3, 1, { full: false });
      }
      await answerQuestion(page, inst, n, answers[DEFAULT_MEASURES.indexOf(inst)][n - 1], { full: false });
    }

    // Check your answers: one section per measure.
    await assertCheckPage(page, defaults(answers));
    await assertChrome(page);
    await checkA11y(page, 'check your answers');

    // Change "Happiness yesterday" from 9 to 7: back to the question with 9 checked, then here.
    await page.getByRole('link', { name: 'Change Happiness yesterday', exact: true }).click();
    group = await onQuestion(page, 3);
    assert.equal(await checkedValue(group), 9, 'the previous answer is checked');
    await checkA11y(page, 'question 3 from a Change link');
    answers[0][2] = 7;
    await choose(page, 3, answers[0][2]);
    await assertCheckPage(page, defaults(answers));

    // And a loneliness answer: "Feel left out" from "Some of the time" to "Hardly ever or never".
    await page.getByRole('link', { name: 'Change Feel left out', exact: true }).click();
    group = await onInstrumentQuestion(page, UCLA3, 2);
    assert.equal(await checkedValue(group), 2, 'the previous answer is checked');
    answers[1][1] = 'Hardly ever or never';
    await answerQuestion(page, UCLA3, 2, answers[1][1], { full: false });
    await assertCheckPage(page, defaults(answers));

    // Send.
    await clickButton(page, 'Confirm and send');
    const reference = await onSent(page);
    await assertChrome(page);
    await checkA11y(page, 'confirmation');

    const record = await onlyStored(intake, { settle: 500 });
    assertSelfReferralRecord(record, defaults(answers), reference);
    // Written out once more, plainly: the three measures in order, UCLA-3 total 3 + 1 + 3 = 7.
    const [ons4, ucla3, lonely] = record.submission.measures;
    assert.deepEqual(
      [ons4.instrument, ucla3.instrument, lonely.instrument],
      ['ons4', 'ucla3', 'ons-loneliness'],
      'the default measures, in order',
    );
    assert.deepEqual(ons4.answers.map((a) => a.value), [3, 6, 7, 2]);
    assert.deepEqual(ucla3.answers, [
      { item: 'ucla3-1', value: 3 },
      { item: 'ucla3-2', value: 1 },
      { item: 'ucla3-3', value: 3 },
    ]);
    assert.deepEqual(ucla3.score, { total: 7 }, 'UCLA-3 total: Often 3 + Hardly ever or never 1 + Often 3');
    assert.deepEqual(lonely, {
      instrument: 'ons-loneliness',
      version: ONS_LONELINESS.version,
      answers: [{ item: 'lonely', value: 2 }],
      score: null,
    });
    assertNoPersonalDataInConsole(page, record.submission);
    assert.deepEqual(consoleErrors(page), [], 'no console errors on the happy path');
  });
});

test('(b) a double click on "Confirm and send" sends once', { timeout: 60_000 }, async (t) => {
  const intake = await the.freshIntake(t);
  await withPage(the.browser, t, { viewport: PHONE }, async (page) => {
    const posts = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url() === intake.submissionsUrl) posts.push(r);
    });
    await openWidget(page, { only4: true });
    const values = [10, 0, 5, 4];
    await answerAll(page, values);
    await page.getByRole('button', { name: 'Confirm and send', exact: true }).dblclick();
    const reference = await onSent(page);
    const record = await onlyStored(intake, { settle: 500 });
    assertSelfReferralRecord(record, ons4Only(values), reference);
    assert.equal(posts.length, 1, `the widget POSTed ${posts.length} times`);
    assertNoPersonalDataInConsole(page, record.submission);
  });
});

test('(c) a reload mid-way returns to the same page with the answers kept', { timeout: 60_000 }, async (t) => {
  const intake = await the.freshIntake(t);
  await withPage(the.browser, t, { viewport: PHONE }, async (page) => {
    await openWidget(page, { only4: true });
    // Test (i) covers going Back through pages whose answers differ in every order; these values
    // keep this test about the reload.
    const values = [10, 0, 5, 1];
    await start(page);
    await choose(page, 1, values[0]);
    await choose(page, 2, values[1]);
    await onQuestion(page, 3, { full: false });

    // A reload offers to carry on; carrying on comes back to question 3, nothing chosen there yet.
    await page.reload();
    await resumeAfterReload(page);
    let group = await onQuestion(page, 3);
    assert.equal(await checkedValue(group), null, 'question 3 was not answered');
    await clickButton(page, 'Back');
    group = await onQuestion(page, 2, { full: false });
    assert.equal(await checkedValue(group), values[1], 'answer 2 kept after the reload');
    await clickButton(page, 'Back');
    group = await onQuestion(page, 1, { full: false });
    assert.equal(await checkedValue(group), values[0], 'answer 1 kept after the reload');
    await clickButton(page, 'Continue');
    await onQuestion(page, 2, { full: false });
    await clickButton(page, 'Continue');
    await choose(page, 3, values[2]);
    await choose(page, 4, values[3]);
    await assertCheckPage(page, ons4Only(values));
    await clickButton(page, 'Confirm and send');
    const reference = await onSent(page);
    const record = await onlyStored(intake);
    assertSelfReferralRecord(record, ons4Only(values), reference);
    assertNoPersonalDataInConsole(page, record.submission);
  });
});

test('(d) the receiver is down: the answers stay on the device, "Try again" sends them once', { timeout: 60_000 }, async (t) => {
  const intake = await the.freshIntake(t);
  await withPage(the.browser, t, { viewport: PHONE }, async (page) => {
    await openWidget(page, { only4: true });
    const values = [8, 7, 6, 3];
    await answerAll(page, values);

    const port = intake.port;
    await intake.stop();
    await clickButton(page, 'Confirm and send');
    const saved = page.getByText(/saved on this device/i).first();
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
    // The widget also retries by itself (with backoff), so it may already be sending.
    await tryAgain.click({ timeout: 2_000 }).catch(() => {});
    const reference = await onSent(page);
    const record = await onlyStored(intake, { settle: 500 });
    assertSelfReferralRecord(record, ons4Only(values), reference);
    assertNoPersonalDataInConsole(page, record.submission);
  });
});

test('(e) a plain-http endpoint that is not this machine is refused with a visible message', { timeout: 60_000 }, async (t) => {
  const bad = await startStatic({ dir: DIST_DIR, endpoint: 'http://intake.example.org/submissions' });
  t.after(() => bad.close());
  await withPage(the.browser, t, { viewport: PHONE }, async (page) => {
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
  the.web.setEndpoint(`${the.web.origin}/submissions`);
  await withPage(the.browser, t, { viewport: PHONE }, async (page) => {
    const bodies = [];
    page.on('request', (r) => {
      if (r.method() === 'POST') bodies.push(r.postData());
    });
    await openWidget(page);
    await answerDefault(page, [[2, 9, 10, 7], ['Hardly ever or never', 'Often', 'Some of the time'], ['Often/always']]);
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

test('(g) at 320 px wide no page of the demo journey scrolls sideways', { timeout: 90_000 }, async (t) => {
  const intake = await the.freshIntake(t);
  const width = 320;
  await withPage(the.browser, t, { viewport: { width, height: 640 } }, async (page) => {
    await openWidget(page);
    await assertChrome(page, { width });
    await start(page, QUESTIONS);
    await clickButton(page, 'Continue');
    await page.getByRole('alert').filter({ hasText: 'There is a problem' }).waitFor();
    await assertNoHorizontalScroll(page, width);
    // Back from the first question is the last self-referral page, with its answers kept.
    await clickButton(page, 'Back');
    await h1(page, 'Contacting you and sharing your referral').waitFor();
    await assertNoHorizontalScroll(page, width);
    await clickButton(page, 'Continue');
    const answers = [[4, 5, 8, 6], ['Some of the time', 'Hardly ever or never', 'Often'], ['Hardly ever']];
    await answerDefault(page, answers, { width, started: true });
    await assertCheckPage(page, defaults(answers));
    await assertChrome(page, { width });
    await clickButton(page, 'Confirm and send');
    const reference = await onSent(page);
    await assertChrome(page, { width });
    assertSelfReferralRecord(await onlyStored(intake), defaults(answers), reference);
  });
});

test('(h) "Clear my answers" removes the draft and starts again', { timeout: 60_000 }, async (t) => {
  const intake = await the.freshIntake(t);
  await withPage(the.browser, t, { viewport: PHONE }, async (page) => {
    await openWidget(page, { only4: true });
    await start(page);
    await choose(page, 1, 6);
    await onQuestion(page, 2, { full: false });
    await clickButton(page, 'Clear my answers');
    await page.getByRole('button', { name: 'Start now', exact: true }).waitFor();
    await page.reload();
    await page.getByRole('button', { name: 'Start now', exact: true }).waitFor();
    await start(page);
    const group = await onQuestion(page, 1, { full: false });
    assert.equal(await checkedValue(group), null, 'the cleared answer is gone');
    assert.equal(intake.stored().length, 0, 'nothing sent');
  });
});

test('(i) going Back and forward through every question of the demo shows each answer checked', { timeout: 60_000 }, async (t) => {
  await the.freshIntake(t);
  await withPage(the.browser, t, { viewport: PHONE }, async (page) => {
    await openWidget(page);
    // Neighbouring answers go both up and down (as values), so every direction of change is
    // covered, also across the instrument boundaries.
    const answers = [[3, 10, 6, 2], ['Some of the time', 'Often', 'Hardly ever or never'], ['Never']];
    await answerDefault(page, answers);
    const valueAt = ([inst, n]) => {
      const option = inst.items[n - 1].options.find((o) => o.label === String(answers[DEFAULT_MEASURES.indexOf(inst)][n - 1]));
      return option.value;
    };
    const name = ([inst, n]) => `${inst.id} ${n}`;
    const seen = [];
    await clickButton(page, 'Back');
    for (let p = PAGES.length - 1; p >= 0; p--) {
      const group = await onInstrumentQuestion(page, ...PAGES[p], { full: false });
      seen.push(`back to ${name(PAGES[p])}: ${await checkedValue(group)}`);
      if (p > 0) await clickButton(page, 'Back');
    }
    for (let p = 0; p < PAGES.length; p++) {
      const group = await onInstrumentQuestion(page, ...PAGES[p], { full: false });
      if (p > 0) seen.push(`forward to ${name(PAGES[p])}: ${await checkedValue(group)}`);
      await clickButton(page, 'Continue');
    }
    await assertCheckPage(page, defaults(answers));
    const expected = [
      ...[...PAGES].reverse().map((pg) => `back to ${name(pg)}: ${valueAt(pg)}`),
      ...PAGES.slice(1).map((pg) => `forward to ${name(pg)}: ${valueAt(pg)}`),
    ];
    assert.deepEqual(seen, expected, 'the radio of each earlier answer is checked');
  });
});

test('(j) axe looks inside the widget\'s shadow root: its nodes pass rules, and a violation planted there is reported', { timeout: 60_000 }, async (t) => {
  await the.freshIntake(t);
  await withPage(the.browser, t, { viewport: PHONE }, async (page) => {
    await openWidget(page);
    // The premise: the widget renders in an open shadow root of its host, out of reach of
    // document-level queries.
    const premise = await page.evaluate(() => {
      const host = document.querySelector('[data-wellbeing-widget]');
      return {
        shadow: host.shadowRoot !== null,
        h1InShadow: host.shadowRoot?.querySelector('h1') !== null,
        h1InDocument: document.querySelector('h1') !== null,
      };
    });
    assert.deepEqual(premise, { shadow: true, h1InShadow: true, h1InDocument: false }, 'the widget is in an open shadow root');

    const clean = await checkA11y(page, 'start page');
    assert.ok(clean.shadowPasses >= 5, `axe passed nodes inside the shadow root (${clean.shadowPasses})`);

    // An image without a text alternative, inside the widget's shadow root only.
    await page.evaluate(() => {
      const img = document.createElement('img');
      img.src = 'data:,';
      img.className = 'planted-by-test';
      document.querySelector('[data-wellbeing-widget]').shadowRoot.querySelector('h1').after(img);
    });
    const planted = await runAxe(page);
    const imageAlt = planted.violations.find((v) => v.id === 'image-alt');
    assert.ok(imageAlt, `axe reports the planted image: ${JSON.stringify(planted.violations.map((v) => v.id))}`);
    assert.equal(imageAlt.nodes.length, 1, 'one image without alt');
    const [node] = imageAlt.nodes;
    assert.match(node.html, /planted-by-test/, 'the node reported is the planted image');
    assert.equal(node.inShadow, true, 'axe located it inside a shadow root');
    assert.equal(node.target[0][0], '#wellbeing', `inside the host #wellbeing: ${JSON.stringify(node.target)}`);
    await assert.rejects(checkA11y(page, 'start page with a planted image'), /image-alt[\s\S]*at #wellbeing >>> /);
  });
});
