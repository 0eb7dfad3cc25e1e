// Every built-in instrument, end to end: a host page asks it (data-measures), a person answers it
// by visible labels at phone size, and the real intake receiver must get exactly those answers
// with the score computed here from the published rules (lib/instruments.mjs). Also: a skipped
// item, the PHQ-9 item 9 risk response, licensed wording from a definitions file, and the notice
// for the website team when the configuration is wrong. axe-core runs on every kind of page.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import {
  PHONE,
  checkA11y,
  eventually,
  isFocused,
  withPage,
} from './lib/harness.mjs';
import { rig } from './lib/rig.mjs';
import {
  GAD7,
  ONS4,
  DEFINITIONS_FIXTURE,
  ONS_LONELINESS,
  PHQ4,
  PHQ9,
  UCLA3,
  WEMWBS_COPYRIGHT,
  definitionsFixture,
  expectedMeasure,
  lonelinessIntroduction,
  swemwbsFromFixture,
  valuesOf,
} from './lib/instruments.mjs';
import {
  HEADING_URGENT,
  HOST_ID,
  answerInstrument,
  answerQuestion,
  assertCheckPage,
  assertCrisisLinks,
  checkedValue,
  chooseOption,
  clickButton,
  consoleErrors,
  h1,
  hostRoute,
  integratorNotice,
  onQuestion,
  onSent,
  onlyStored,
  openWidget,
  questionsText,
  startJourney,
  assertNoPersonalDataInConsole,
  assertSelfReferralRecord,
} from './lib/journey.mjs';

// ---------------------------------------------------------------------------------------------
// Fixtures: one static server whose routes are host pages configured per test

const SWEMWBS = swemwbsFromFixture();
const JSON_TYPE = 'application/json; charset=utf-8';

/** Definitions files that must be refused as a whole. */
function invalidDefinitions() {
  // SWEMWBS with its last item (WEMWBS item 11) missing: it no longer matches the built-in.
  const missingItem = definitionsFixture();
  const swemwbs = missingItem.instruments.find((i) => i.id === 'swemwbs');
  swemwbs.items = swemwbs.items.slice(0, -1);

  // A valid SWEMWBS plus a local instrument with a band outside its possible totals (7–35):
  // the file is used whole or not at all, so SWEMWBS must not be asked either.
  const bandOutOfRange = definitionsFixture();
  const local = structuredClone(bandOutOfRange.instruments.find((i) => i.id === 'swemwbs'));
  Object.assign(local, {
    id: 'local-wellbeing',
    version: 'local-1',
    title: 'Local wellbeing check',
    instructions: 'How have you been over the last 2 weeks?',
    licence: 'Written by the practice',
    licence_kind: 'open',
    scoring: {
      rule: 'sum',
      bands: [
        { min: 7, max: 20, code: 'low', label: 'Low' },
        { min: 21, max: 40, code: 'high', label: 'High' },
      ],
    },
  });
  local.items = local.items.map((it, n) => ({ ...it, id: `local-${n + 1}`, text: `Local question ${n + 1}`, short_label: `Local ${n + 1}` }));
  delete local.attribution;
  bandOutOfRange.instruments.push(local);

  return [
    { name: 'an item missing', url: '/defs-missing-item.json', body: JSON.stringify(missingItem), reason: /refused/ },
    { name: 'a band out of range', url: '/defs-band.json', body: JSON.stringify(bandOutOfRange), reason: /not inside the possible range/ },
    { name: 'not found (404)', url: '/defs-absent.json', body: null, reason: /could not be loaded/ },
  ];
}

const INVALID = invalidDefinitions();

const routes = {
  '/defs.json': { body: fs.readFileSync(DEFINITIONS_FIXTURE), type: JSON_TYPE },
  '/swemwbs.html': hostRoute({ 'data-measures': 'swemwbs', 'data-instruments-url': '/defs.json' }),
  '/wemwbs-no-definitions.html': hostRoute({ 'data-measures': 'wemwbs,ons4' }),
  '/unknown.html': hostRoute({ 'data-measures': 'ons4,nope' }),
  '/urgent.html': hostRoute({ 'data-measures': 'phq9,ons-loneliness' }),
  '/skip.html': hostRoute({ 'data-measures': 'gad7,ons4' }),
  '/loneliness.html': hostRoute({ 'data-measures': 'ucla3,ons-loneliness' }),
  '/loneliness-apart.html': hostRoute({ 'data-measures': 'ucla3,phq4,ons-loneliness' }),
};
for (const inst of [ONS4, UCLA3, ONS_LONELINESS, PHQ9, GAD7, PHQ4]) {
  routes[`/${inst.id}.html`] = hostRoute({ 'data-measures': inst.id });
}
for (const [n, bad] of INVALID.entries()) {
  if (bad.body !== null) routes[bad.url] = { body: bad.body, type: JSON_TYPE };
  routes[`/invalid-${n}.html`] = hostRoute({ 'data-measures': 'swemwbs,ons4', 'data-instruments-url': bad.url });
}

const the = rig({ routes, intake: false });

// ---------------------------------------------------------------------------------------------
// Shared steps

/** The start page says how many questions there are; "Start now". */
async function start(page, questions) {
  await page.getByText(questionsText(questions), { exact: false }).waitFor();
  await startJourney(page);
}

/** The inline crisis alert of a question page (role=alert, shown when an answer raises a risk). */
function riskAlert(page) {
  return page.getByRole('alert').filter({ hasText: 'If you need help now' });
}

/** Continue with nothing chosen on question 1: the GOV.UK error state, then axe on it. */
async function assertErrorState(page, inst) {
  const item = inst.items[0];
  await clickButton(page, 'Continue');
  const alert = page.getByRole('alert').filter({ hasText: 'There is a problem' });
  await alert.waitFor();
  const link = alert.getByRole('link', { name: item.missing, exact: true });
  assert.equal(await link.count(), 1, `the error summary links to ${inst.id} question 1`);
  assert.equal(await link.getAttribute('href'), `#wb-${HOST_ID}-${inst.id}-${item.id}`, 'the summary link targets the first radio');
  await page.getByText(`Error: ${item.missing}`, { exact: true }).waitFor();
  await eventually(async () => (await page.title()).startsWith('Error: '), { message: 'title "Error: …"' });
  await checkA11y(page, `${inst.id} question 1 with an error`);
  await link.click();
  await eventually(
    () => isFocused(page.locator(`#wb-${HOST_ID}-${inst.id}-${item.id}`)),
    { message: 'focus on the first radio after following the summary link' },
  );
}

// ---------------------------------------------------------------------------------------------
// Each open instrument on its own

/**
 * Answers chosen so the totals land on band edges (PHQ-9 10 = moderate's lowest, GAD-7 15 =
 * severe's lowest, PHQ-4 5 = mild's highest with a positive anxiety and a negative depression
 * subscale), and ONS4 covers four different bands.
 */
const CASES = [
  { inst: ONS4, answers: [7, 10, 4, 1] },
  { inst: UCLA3, answers: ['Often', 'Some of the time', 'Hardly ever or never'] },
  { inst: ONS_LONELINESS, answers: ['Occasionally'] },
  {
    inst: PHQ9,
    answers: [
      'Nearly every day',
      'More than half the days',
      'Several days',
      'More than half the days',
      'Not at all',
      'Several days',
      'Not at all',
      'Several days',
      'Not at all', // item 9: no risk
    ],
  },
  {
    inst: GAD7,
    answers: [
      'Nearly every day',
      'Nearly every day',
      'More than half the days',
      'More than half the days',
      'More than half the days',
      'More than half the days',
      'Several days',
    ],
  },
  { inst: PHQ4, answers: ['Several days', 'More than half the days', 'Not at all', 'More than half the days'] },
];

test('the expected scores are the published ones (a check of the test tables themselves)', () => {
  assert.deepEqual(expectedMeasure(PHQ9, CASES[3].answers).score, { total: 10, band: 'moderate' });
  assert.deepEqual(expectedMeasure(GAD7, CASES[4].answers).score, { total: 15, band: 'severe' });
  assert.deepEqual(expectedMeasure(PHQ4, CASES[5].answers).score, {
    total: 5,
    band: 'mild',
    subscales: [
      { id: 'anxiety', total: 3, positive: true },
      { id: 'depression', total: 2, positive: false },
    ],
  });
  assert.deepEqual(expectedMeasure(UCLA3, CASES[1].answers).score, { total: 6 });
  assert.equal(expectedMeasure(ONS_LONELINESS, CASES[2].answers).score, null);
  assert.deepEqual(expectedMeasure(SWEMWBS, ['Often', 'Some of the time', 'All of the time', 'Rarely', 'Often', 'Some of the time', 'Often']).score, {
    total: 25,
    metric: 22.35,
  });
});

for (const { inst, answers } of CASES) {
  test(`${inst.id}: every question by its labels, error state, check your answers, sent with the published score; axe`, { timeout: 60_000 }, async (t) => {
    const intake = await the.freshIntake(t);
    await withPage(the.browser, t, { viewport: PHONE }, async (page) => {
      await openWidget(page, `${the.web.url}${inst.id}.html`);
      assert.equal(await integratorNotice(page), null, 'no notice for the website team');
      await start(page, inst.items.length);

      // Asked alone, the UCLA items' introduction counts their three questions.
      const options = { lonelinessQuestions: 3 };
      await onQuestion(page, inst, 1, options);
      await checkA11y(page, `${inst.id} question 1`);
      await assertErrorState(page, inst);

      for (let n = 1; n <= inst.items.length; n++) {
        const item = inst.items[n - 1];
        const group = await onQuestion(page, inst, n, options);
        assert.equal(await checkedValue(group), null, `nothing preselected on ${inst.id} question ${n}`);
        await chooseOption(group, item, answers[n - 1]);
        assert.equal(await riskAlert(page).count(), 0, `no crisis alert after "${answers[n - 1]}" on ${inst.id} question ${n}`);
        await clickButton(page, 'Continue');
      }

      const measures = [[inst, answers]];
      await assertCheckPage(page, measures);
      assert.equal(await h1(page, HEADING_URGENT).count(), 0);
      await checkA11y(page, `${inst.id} check your answers`);

      await clickButton(page, 'Confirm and send');
      const reference = await onSent(page);
      await checkA11y(page, `${inst.id} confirmation`);
      const record = await onlyStored(intake);
      assertSelfReferralRecord(record, measures, reference);
      assert.deepEqual(record.submission.risk, { urgent: false, reasons: [] }, 'not urgent');
      assertNoPersonalDataInConsole(page, record.submission, [inst]);
      assert.deepEqual(consoleErrors(page), [], 'no console errors');
    });
  });
}

// ---------------------------------------------------------------------------------------------
// The loneliness introduction

/** The hint inside the current question's fieldset (`inst` question n), or null. */
async function hintOn(page, inst, n) {
  const group = await onQuestion(page, inst, n, { full: false });
  const hints = await group.locator('.wb-hint').allInnerTexts();
  assert.ok(hints.length <= 1, `at most one hint on ${inst.id} question ${n}`);
  return hints[0] ?? null;
}

test('the loneliness introduction is shown once, counting the loneliness questions asked together', { timeout: 60_000 }, async (t) => {
  await the.freshIntake(t);
  await withPage(the.browser, t, { viewport: PHONE }, async (page) => {
    // The UCLA items then the direct question: ONS's introduction to four questions, once.
    await openWidget(page, `${the.web.url}loneliness.html`);
    await start(page, 4);
    const hints = [];
    for (let n = 1; n <= 3; n++) {
      hints.push(await hintOn(page, UCLA3, n));
      await answerQuestion(page, UCLA3, n, 'Often', { full: false });
    }
    hints.push(await hintOn(page, ONS_LONELINESS, 1));
    assert.deepEqual(hints, [lonelinessIntroduction(4), null, null, null]);
    await checkA11y(page, 'the direct question after the introduction');
  });
  await withPage(the.browser, t, { viewport: PHONE }, async (page) => {
    // Another measure between them: the introduction counts the three UCLA items only.
    await openWidget(page, `${the.web.url}loneliness-apart.html`);
    await start(page, 8);
    assert.equal(await hintOn(page, UCLA3, 1), lonelinessIntroduction(3));
    for (let n = 1; n <= 3; n++) await answerQuestion(page, UCLA3, n, 'Often', { full: false });
    for (let n = 1; n <= 4; n++) await answerQuestion(page, PHQ4, n, 'Not at all', { full: false });
    assert.equal(await hintOn(page, ONS_LONELINESS, 1), null, 'no introduction on the direct question apart');
  });
});

// ---------------------------------------------------------------------------------------------
// Skipping

test('skipped items: GAD-7 with one item skipped has no score; ONS4 reports the items answered', { timeout: 60_000 }, async (t) => {
  const intake = await the.freshIntake(t);
  const gad7 = ['Several days', 'Several days', 'Not at all', null, 'Nearly every day', 'Not at all', 'Several days'];
  const ons4 = [5, 6, null, 3];
  await withPage(the.browser, t, { viewport: PHONE }, async (page) => {
    await openWidget(page, `${the.web.url}skip.html`);
    await start(page, 11);
    for (let n = 1; n <= 7; n++) {
      if (n === 4) {
        // Choose, then skip after all: the question is left unanswered.
        const group = await onQuestion(page, GAD7, 4);
        await chooseOption(group, GAD7.items[3], 'Several days');
        await clickButton(page, 'Skip this question');
        continue;
      }
      await answerQuestion(page, GAD7, n, gad7[n - 1]);
    }
    await answerInstrument(page, ONS4, ons4);
    const measures = [
      [GAD7, gad7],
      [ONS4, ons4],
    ];
    await assertCheckPage(page, measures);

    // The skipped question, reached by its Change link, has nothing chosen.
    await page.getByRole('link', { name: `Change ${GAD7.items[3].short}`, exact: true }).click();
    const group = await onQuestion(page, GAD7, 4);
    assert.equal(await checkedValue(group), null, 'the skipped question has nothing chosen');
    await clickButton(page, 'Skip this question');
    await assertCheckPage(page, measures);

    await clickButton(page, 'Confirm and send');
    const reference = await onSent(page);
    const record = await onlyStored(intake);
    assertSelfReferralRecord(record, measures, reference);
    assert.equal(record.submission.measures[0].score, null, 'GAD-7 with an item skipped has no score');
    assert.deepEqual(
      record.submission.measures[1].score.items.map((i) => i.item),
      ['satisfaction', 'worthwhile', 'anxious'],
      'ONS4 reports only the items answered',
    );
  });
});

// ---------------------------------------------------------------------------------------------
// PHQ-9 item 9: the risk response

test('PHQ-9 item 9 "Several days": crisis help at once, the urgent page, then the form goes on; sent as urgent; axe', { timeout: 60_000 }, async (t) => {
  const intake = await the.freshIntake(t);
  const phq9 = [
    'Several days',
    'Several days',
    'Not at all',
    'Several days',
    'Not at all',
    'Not at all',
    'Not at all',
    'Not at all',
    'Several days', // item 9
  ];
  const lonely = ['Some of the time'];
  await withPage(the.browser, t, { viewport: PHONE }, async (page) => {
    await openWidget(page, `${the.web.url}urgent.html`);
    await start(page, 10);
    for (let n = 1; n <= 8; n++) await answerQuestion(page, PHQ9, n, phq9[n - 1]);

    // Item 9: nothing shown until an answer above 0 is chosen, then crisis help at once.
    const group = await onQuestion(page, PHQ9, 9);
    assert.equal(await riskAlert(page).count(), 0, 'no crisis alert before answering item 9');
    await chooseOption(group, PHQ9.items[8], 'Several days');
    const alert = riskAlert(page);
    await alert.waitFor();
    assert.ok(await alert.isVisible(), 'the crisis alert is visible');
    assert.match(await alert.innerText(), /116 123/);
    await assertCrisisLinks(alert, 'the inline crisis alert');
    await checkA11y(page, 'PHQ-9 item 9 with the crisis alert');

    // Continue: the urgent page.
    await clickButton(page, 'Continue');
    await h1(page, HEADING_URGENT).waitFor();
    const urgent = page.getByRole('region', { name: HEADING_URGENT });
    assert.equal(await urgent.count(), 1, 'the urgent help is a region named by its heading');
    await assertCrisisLinks(urgent, 'the urgent page');
    assert.ok(await page.getByRole('button', { name: 'Continue with the form', exact: true }).isVisible());
    await checkA11y(page, 'urgent help page');

    // A reload, then "Continue where you left off", comes back to the same page.
    await page.reload();
    await h1(page, 'You have answers saved on this device').waitFor();
    await clickButton(page, 'Continue where you left off');
    await h1(page, HEADING_URGENT).waitFor();

    // The form goes on with the next question.
    await clickButton(page, 'Continue with the form');
    await answerQuestion(page, ONS_LONELINESS, 1, lonely[0]);
    const measures = [
      [PHQ9, phq9],
      [ONS_LONELINESS, lonely],
    ];
    await assertCheckPage(page, measures);
    await clickButton(page, 'Confirm and send');
    const reference = await onSent(page);
    const record = await onlyStored(intake);
    assertSelfReferralRecord(record, measures, reference);
    assert.deepEqual(record.submission.risk, { urgent: true, reasons: ['phq9-item9'] }, 'sent as urgent, with the reason');
    assert.deepEqual(record.submission.measures[0].score, { total: 4, band: 'none-minimal' }, 'scored as usual');
  });
});

test('PHQ-9 item 9 "Not at all", after a higher answer was changed: no urgent page, not urgent', { timeout: 60_000 }, async (t) => {
  const intake = await the.freshIntake(t);
  const phq9 = Array(9).fill('More than half the days');
  phq9[8] = 'Not at all';
  await withPage(the.browser, t, { viewport: PHONE }, async (page) => {
    await openWidget(page, `${the.web.url}phq9.html`);
    await start(page, 9);
    for (let n = 1; n <= 8; n++) await answerQuestion(page, PHQ9, n, phq9[n - 1]);
    const group = await onQuestion(page, PHQ9, 9);
    await chooseOption(group, PHQ9.items[8], 'Nearly every day');
    await riskAlert(page).waitFor();
    // A change of mind before Continue: the alert goes, and so does the urgent page.
    await chooseOption(group, PHQ9.items[8], 'Not at all');
    await eventually(async () => (await riskAlert(page).count()) === 0, { message: 'the crisis alert to go' });
    await clickButton(page, 'Continue');
    await assertCheckPage(page, [[PHQ9, phq9]]);
    await clickButton(page, 'Confirm and send');
    await onSent(page);
    const record = await onlyStored(intake);
    assertSelfReferralRecord(record, [[PHQ9, phq9]]);
    assert.deepEqual(record.submission.risk, { urgent: false, reasons: [] });
    assert.deepEqual(record.submission.measures[0].score, { total: 16, band: 'moderately-severe' });
  });
});

test('PHQ-9 item 9 changed to "Several days" from check your answers: the urgent page, then back to check; sent as urgent', { timeout: 60_000 }, async (t) => {
  const intake = await the.freshIntake(t);
  const phq9 = Array(9).fill('Not at all');
  await withPage(the.browser, t, { viewport: PHONE }, async (page) => {
    await openWidget(page, `${the.web.url}phq9.html`);
    await start(page, 9);
    await answerInstrument(page, PHQ9, phq9);
    await assertCheckPage(page, [[PHQ9, phq9]]);
    await page.getByRole('link', { name: `Change ${PHQ9.items[8].short}`, exact: true }).click();
    const group = await onQuestion(page, PHQ9, 9, { full: false });
    await chooseOption(group, PHQ9.items[8], 'Several days');
    await riskAlert(page).waitFor();
    await clickButton(page, 'Continue');
    await h1(page, HEADING_URGENT).waitFor();
    await clickButton(page, 'Continue with the form');
    phq9[8] = 'Several days';
    await assertCheckPage(page, [[PHQ9, phq9]]);
    await clickButton(page, 'Confirm and send');
    await onSent(page);
    const record = await onlyStored(intake);
    assertSelfReferralRecord(record, [[PHQ9, phq9]]);
    assert.deepEqual(record.submission.risk, { urgent: true, reasons: ['phq9-item9'] });
    assert.deepEqual(record.submission.measures[0].score, { total: 1, band: 'none-minimal' });
  });
});

// ---------------------------------------------------------------------------------------------
// Licensed instruments

test('SWEMWBS with a definitions file: the supplied wording and the copyright line; the metric score from the table; axe', { timeout: 60_000 }, async (t) => {
  const intake = await the.freshIntake(t);
  const answers = ['Often', 'Some of the time', 'All of the time', 'Rarely', 'Often', 'Some of the time', 'Often'];
  assert.equal(SWEMWBS.items.length, 7);
  await withPage(the.browser, t, { viewport: PHONE }, async (page) => {
    await openWidget(page, `${the.web.url}swemwbs.html`);
    assert.equal(await integratorNotice(page), null, 'no notice for the website team');
    await start(page, 7);
    await onQuestion(page, SWEMWBS, 1);
    assert.ok(await page.getByText(WEMWBS_COPYRIGHT, { exact: true }).isVisible(), 'the copyright line');
    await checkA11y(page, 'SWEMWBS question 1');
    await answerInstrument(page, SWEMWBS, answers);
    await assertCheckPage(page, [[SWEMWBS, answers]]);
    await checkA11y(page, 'SWEMWBS check your answers');
    await clickButton(page, 'Confirm and send');
    const reference = await onSent(page);
    const record = await onlyStored(intake);
    assertSelfReferralRecord(record, [[SWEMWBS, answers]], reference);
    const raw = valuesOf(SWEMWBS, answers).reduce((a, b) => a + b, 0);
    assert.deepEqual(record.submission.measures[0].score, { total: raw, metric: 22.35 }, `raw ${raw} → metric 22.35 (reference table)`);
    assertNoPersonalDataInConsole(page, record.submission, [SWEMWBS]);
    assert.deepEqual(consoleErrors(page), [], 'no console errors');
  });
});

test('WEMWBS without a definitions file: a notice names it; the rest of the form works; axe on the notice', { timeout: 60_000 }, async (t) => {
  const intake = await the.freshIntake(t);
  const answers = [6, 7, 8, 2];
  await withPage(the.browser, t, { viewport: PHONE }, async (page) => {
    await openWidget(page, `${the.web.url}wemwbs-no-definitions.html`);
    const notice = await integratorNotice(page);
    assert.ok(notice, 'a notice for the website team');
    assert.ok(
      notice.some((li) => li.includes('data-measures') && li.includes('wemwbs') && li.includes('data-instruments-url')),
      `the notice names data-measures, wemwbs and data-instruments-url: ${JSON.stringify(notice)}`,
    );
    await eventually(
      () => consoleErrors(page).some((e) => e.startsWith('[wellbeing-widget]') && e.includes('wemwbs')),
      { message: 'a console.error "[wellbeing-widget] … wemwbs …"' },
    );
    await checkA11y(page, 'start page with the integrator notice');
    await start(page, 4);
    await onQuestion(page, ONS4, 1);
    assert.equal(await page.getByText(WEMWBS_COPYRIGHT).count(), 0, 'nothing of WEMWBS is shown');
    await answerInstrument(page, ONS4, answers);
    await assertCheckPage(page, [[ONS4, answers]]);
    assert.deepEqual(
      (await page.getByRole('heading', { level: 2 }).allInnerTexts()).filter((h) => /Warwick/.test(h)),
      [],
      'no WEMWBS section on check your answers',
    );
    await clickButton(page, 'Confirm and send');
    const reference = await onSent(page);
    assertSelfReferralRecord(await onlyStored(intake), [[ONS4, answers]], reference);
  });
});

test('an invalid or missing definitions file: a notice names data-instruments-url, no licensed question is asked', { timeout: 60_000 }, async (t) => {
  await the.freshIntake(t);
  for (const [n, bad] of INVALID.entries()) {
    await withPage(the.browser, t, { viewport: PHONE }, async (page) => {
      await openWidget(page, `${the.web.url}invalid-${n}.html`);
      const notice = await integratorNotice(page);
      assert.ok(notice, `a notice for the website team (${bad.name})`);
      const aboutFile = notice.filter((li) => li.includes('data-instruments-url') && bad.reason.test(li));
      assert.equal(aboutFile.length, 1, `one notice item about data-instruments-url (${bad.name}) matching ${bad.reason}: ${JSON.stringify(notice)}`);
      assert.ok(notice.some((li) => li.includes('swemwbs')), `the notice names swemwbs as left out: ${JSON.stringify(notice)}`);
      await eventually(
        () => consoleErrors(page).some((e) => e.startsWith('[wellbeing-widget]') && e.includes('data-instruments-url')),
        { message: 'a console.error "[wellbeing-widget] … data-instruments-url …"' },
      );
      if (n === 0) await checkA11y(page, 'start page with a refused definitions file');
      await start(page, 4);
      await onQuestion(page, ONS4, 1, { full: false });
      assert.equal(await page.getByText(/WEMWBS|Local question/).count(), 0, `no licensed or local wording (${bad.name})`);
    });
  }
});

test('an unknown id in data-measures: a notice names it; ONS4 is still asked and sent; axe', { timeout: 60_000 }, async (t) => {
  const intake = await the.freshIntake(t);
  const answers = [9, 5, 3, 8];
  await withPage(the.browser, t, { viewport: PHONE }, async (page) => {
    await openWidget(page, `${the.web.url}unknown.html`);
    const notice = await integratorNotice(page);
    assert.ok(notice, 'a notice for the website team');
    assert.ok(
      notice.some((li) => li.includes('data-measures') && li.includes('"nope"')),
      `the notice names data-measures and "nope": ${JSON.stringify(notice)}`,
    );
    await eventually(() => consoleErrors(page).some((e) => e.startsWith('[wellbeing-widget]') && e.includes('nope')), {
      message: 'a console.error "[wellbeing-widget] … nope …"',
    });
    await start(page, 4);
    await onQuestion(page, ONS4, 1);
    assert.ok(await page.getByText(/Part of this form is not set up correctly/).isVisible(), 'the notice stays on the question pages');
    await checkA11y(page, 'question page with the integrator notice');
    await answerInstrument(page, ONS4, answers);
    await assertCheckPage(page, [[ONS4, answers]]);
    await clickButton(page, 'Confirm and send');
    const reference = await onSent(page);
    assertSelfReferralRecord(await onlyStored(intake), [[ONS4, answers]], reference);
  });
});
