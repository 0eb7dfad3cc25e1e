// The link-worker follow-up (data-mode="follow-up"), end to end at tablet viewports:
// a baseline visit then a 6-week visit for the same client, the tablet offline throughout, both
// delivered exactly once when it is back online; the change and the meaningful-change verdict of
// each measure (computed here from the published thresholds); the chart (accessible name, text
// and table alternative); two clients on one device never seeing each other's data; a baseline
// typed in from the service's records; "Remove all"; axe-core on every kind of page.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import {
  assertValidSubmission,
  checkA11y,
  eventually,
  sleep,
  withPage,
} from './lib/harness.mjs';
import { rig } from './lib/rig.mjs';
import { DEFINITIONS_FIXTURE, GAD7, ONS4, PHQ9, expectedMeasure, swemwbsFromFixture } from './lib/instruments.mjs';
import { clickButton, consoleErrors, h1, hostRoute, integratorNotice, openWidget, REFERENCE_RE, referenceOf } from './lib/journey.mjs';
import {
  HEADING_CHECK_VISIT,
  HEADING_DETAILS,
  HEADING_HOME,
  HEADING_NOTES,
  HEADING_RECORDS,
  HEADING_VISIT_SAVED,
  HEADING_VISIT_SENT,
  HEADING_WIPE,
  TABLET_LANDSCAPE,
  TABLET_PORTRAIT,
  answerMeasure,
  chartOf,
  expectedScoreChange,
  fillDetails,
  fillNotes,
  glanceRows,
  labelsOf,
  passLock,
  startVisit,
  widgetText,
} from './lib/follow-up.mjs';

const FOLLOW_UP = {
  'data-mode': 'follow-up',
  'data-measures': 'phq9,gad7,ons4',
  'data-client-reference-pattern': 'AAA-99999',
  'data-organisation': 'Riverside Social Prescribing',
};

const the = rig({
  routes: {
    '/follow-up.html': hostRoute(FOLLOW_UP),
    '/phq9.html': hostRoute({ 'data-mode': 'follow-up', 'data-measures': 'phq9' }),
    '/fhir.html': hostRoute({ 'data-mode': 'follow-up', 'data-measures': 'phq9', 'data-format': 'fhir', 'data-retention-days': 'forever' }),
    '/defs.json': { body: fs.readFileSync(DEFINITIONS_FIXTURE), type: 'application/json; charset=utf-8' },
    '/swemwbs.html': hostRoute({ 'data-mode': 'follow-up', 'data-measures': 'swemwbs', 'data-instruments-url': '/defs.json' }),
  },
  needs: ['wellbeing-follow-up_bg.wasm'],
});

/** Records every URL the page requests (none may carry anything of a client). */
function watchRequests(page) {
  page.requested = [];
  page.on('request', (r) => page.requested.push(r.url()));
}

function assertNothingPersonal(page, secrets) {
  for (const url of page.requested) {
    const u = new URL(url);
    assert.equal(u.search, '', `no query string: ${url}`);
    for (const s of secrets) assert.ok(!url.includes(s), `${s} in a URL requested: ${url}`);
  }
  for (const m of page.consoleMessages) {
    for (const s of secrets) assert.ok(!m.text.includes(s), `${s} in the console: ${m.text}`);
  }
}

const BASELINE = { phq9: [2, 2, 2, 2, 2, 2, 1, 1, 0], gad7: [2, 2, 2, 1, 1, 1, 1], ons4: [4, 5, 3, 7] };
const SIX_WEEKS = { phq9: [1, 1, 1, 1, 1, 1, 1, 1, 0], gad7: [1, 1, 1, 1, 1, 1, 1], ons4: [6, 6, 5, 4] };
const sum = (xs) => xs.reduce((a, b) => a + b, 0);

async function answerAll(page, values) {
  await answerMeasure(page, PHQ9, values.phq9);
  await answerMeasure(page, GAD7, values.gad7);
  await answerMeasure(page, ONS4, values.ons4);
}

test('a baseline then a 6-week visit, offline in between: change at a glance, chart, both delivered exactly once (tablet)', { timeout: 120_000 }, async (t) => {
  const before = the.intake.stored().length;
  await withPage(the.browser, t, { viewport: TABLET_LANDSCAPE }, async (page) => {
    watchRequests(page);
    await openWidget(page, `${the.web.url}follow-up.html`);
    await passLock(page);
    await h1(page, HEADING_HOME).waitFor();
    assert.equal(await integratorNotice(page), null, 'no configuration problem');
    await checkA11y(page, 'follow-up home');
    await page.context().setOffline(true);

    // Baseline visit. First the errors: nothing filled in, then a reference in another format.
    await startVisit(page);
    await clickButton(page, 'Continue');
    const summary = page.getByRole('heading', { name: 'There is a problem' });
    await summary.waitFor();
    const links = (await page.locator('.wb-error-summary__list a').allInnerTexts()).map((s) => s.trim());
    assert.deepEqual(links, [
      'Enter the client reference',
      'Select the timepoint of this visit',
      'Confirm that the client agreed before you continue',
    ]);
    await checkA11y(page, 'visit details with errors');
    await fillDetails(page, { reference: 'abc123', timepoint: 'Baseline' });
    await page.locator('.wb-error-summary__list a', { hasText: 'Client reference must be in the format ABC-12345' }).waitFor();
    // Lower case and spaces are fine: the reference is normalised.
    await page.getByLabel('Client reference', { exact: true }).fill('abc - 12345');
    await clickButton(page, 'Continue');

    // The measures, one page each; a question left out is an error.
    await h1(page, PHQ9.title).waitFor();
    await page.getByText('Client ABC-12345 – Baseline', { exact: true }).waitFor();
    await clickButton(page, 'Continue');
    await page.locator('.wb-error-summary__list a', { hasText: 'Select how often you have been bothered by little interest or pleasure in doing things' }).waitFor();
    await checkA11y(page, 'a measure with errors');
    await answerAll(page, BASELINE);
    await fillNotes(page, 'First meeting at the community centre.');

    await h1(page, HEADING_CHECK_VISIT).waitFor();
    assert.ok((await widgetText(page)).includes("This visit is the client's baseline"), 'a baseline compares with nothing');
    assert.equal(await glanceRows(page, PHQ9), null, 'no change table at the baseline');
    await chartOf(page, PHQ9, 'PHQ-9').waitFor();
    await checkA11y(page, 'check the baseline visit');
    // A Change link goes to that measure's page, and Continue comes straight back here.
    await page.getByRole('link', { name: `Change ${PHQ9.items[0].short}`, exact: true }).click();
    await h1(page, PHQ9.title).waitFor();
    await clickButton(page, 'Continue');
    await h1(page, HEADING_CHECK_VISIT).waitFor();
    await page.getByRole('link', { name: 'Change Notes', exact: true }).click();
    await h1(page, HEADING_NOTES).waitFor();
    await clickButton(page, 'Back');
    await h1(page, HEADING_CHECK_VISIT).waitFor();
    await clickButton(page, 'Send visit');
    await h1(page, HEADING_VISIT_SAVED).waitFor();
    const baselineReference = REFERENCE_RE.exec(await page.getByText(/Reference WB-/).innerText())[0];
    await checkA11y(page, 'visit saved on this device (offline)');
    await clickButton(page, 'Finish visit');
    await h1(page, HEADING_HOME).waitFor();
    await page.getByText('Visit finished. The client\'s details are no longer on the screen.').waitFor();
    let queue = await page.locator('.wb-queue li').allInnerTexts();
    assert.equal(queue.length, 1);
    assert.match(queue[0], /^ABC-12345 – Baseline \(WB(-[2-9A-HJ-NP-Z]{4}){4}\): saved on this device/);
    assert.equal(the.intake.stored().length, before, 'nothing reached the intake while offline');
    await checkA11y(page, 'home with a visit waiting');

    // The 6-week visit for the same client, still offline: the baseline comes from this device.
    await startVisit(page, 'ABC-12345');
    assert.equal(await page.getByLabel('Client reference', { exact: true }).inputValue(), 'ABC-12345');
    await fillDetails(page, { timepoint: '6 weeks' });
    await answerAll(page, SIX_WEEKS);
    await fillNotes(page);
    await h1(page, HEADING_CHECK_VISIT).waitFor();

    const phq = expectedScoreChange('phq9', 'total', sum(BASELINE.phq9), sum(SIX_WEEKS.phq9));
    const gad = expectedScoreChange('gad7', 'total', sum(BASELINE.gad7), sum(SIX_WEEKS.gad7));
    assert.deepEqual(await glanceRows(page, PHQ9), [['PHQ-9 total', ...phq.cells]]);
    assert.deepEqual(phq.cells, ['14', '8', '−6 (better)', 'Yes, a meaningful improvement (threshold 6 points)']);
    assert.deepEqual(await glanceRows(page, GAD7), [['GAD-7 total', ...gad.cells]]);
    assert.deepEqual(gad.cells, ['10', '7', '−3 (better)', 'No, below the threshold of 4 points']);
    const ons = ONS4.items.map((item, i) => expectedScoreChange('ons4', item.id, BASELINE.ons4[i], SIX_WEEKS.ons4[i]));
    assert.deepEqual(
      await glanceRows(page, ONS4),
      ONS4.items.map((item, i) => [item.short, ...ons[i].cells]),
    );

    // The chart: an image with an accessible name, described in words, and a table of its numbers.
    const chart = chartOf(page, PHQ9, 'PHQ-9');
    await chart.waitFor();
    assert.equal(await chart.evaluate((svg) => svg.tagName.toLowerCase()), 'svg');
    const description = await chart.evaluate((svg) => svg.getRootNode().getElementById(svg.getAttribute('aria-describedby')).textContent);
    assert.match(description, /PHQ-9 total went from 14 to 8: 6 points better, a meaningful change \(threshold 6 points\)/);
    assert.equal(await chart.locator('polyline').count(), 1, 'one line for PHQ-9');
    const dataTable = page.getByRole('table', { name: 'PHQ-9 scores at each visit' });
    const rows = await dataTable.evaluate((tb) => [...tb.tBodies[0].rows].map((r) => [r.cells[0].textContent, r.cells[2].textContent]));
    assert.deepEqual(rows, [['Baseline', '14'], ['6 weeks', '8']]);
    const onsChart = chartOf(page, ONS4, 'ONS personal wellbeing');
    assert.equal(await onsChart.locator('polyline').count(), 4, 'a line per ONS4 question');
    await checkA11y(page, 'check the 6-week visit: change at a glance and charts');
    // Greyscale: the series differ by dash pattern and marker shape, not only by colour.
    const dashes = await onsChart.locator('polyline').evaluateAll((ls) => ls.map((l) => getComputedStyle(l).strokeDasharray));
    assert.equal(new Set(dashes).size, 4, `four different dash patterns: ${dashes}`);

    await clickButton(page, 'Send visit');
    await h1(page, HEADING_VISIT_SAVED).waitFor();
    assert.deepEqual(await glanceRows(page, PHQ9), [['PHQ-9 total', ...phq.cells]], 'the glance stays on the sent page');
    await clickButton(page, 'Finish visit');
    await h1(page, HEADING_HOME).waitFor();
    queue = await page.locator('.wb-queue li').allInnerTexts();
    assert.equal(queue.length, 2, 'both visits are listed by client reference');
    assert.match(queue[1], /^ABC-12345 – 6 weeks \(WB-/);

    // Back online: both are sent, once each.
    await page.context().setOffline(false);
    await page.getByText('None. Every visit recorded on this device has been sent.').waitFor({ timeout: 20_000 });
    await eventually(() => the.intake.stored().length >= before + 2, { timeout: 10_000, message: 'two stored visits' });
    await sleep(1_000);
    const stored = the.intake.stored().slice(before);
    assert.equal(stored.length, 2, 'exactly two submissions stored');
    const [base, follow] = stored.map((r) => r.submission);
    assert.notEqual(base.submission_id, follow.submission_id);
    for (const s of [base, follow]) assertValidSubmission(s);
    assert.equal(baselineReference, referenceOf(base.submission_id));

    assert.equal(base.mode, 'follow-up');
    assert.equal(base.client_reference, 'ABC-12345');
    assert.deepEqual(base.timepoint, { code: 'baseline' });
    assert.equal(base.client_agreed, true);
    assert.equal(base.notes, 'First meeting at the community centre.');
    assert.ok(base.measures.every((m) => m.change === undefined), 'no change at the baseline');
    assert.deepEqual(base.measures, [
      expectedMeasure(PHQ9, labelsOf(PHQ9, BASELINE.phq9)),
      expectedMeasure(GAD7, labelsOf(GAD7, BASELINE.gad7)),
      expectedMeasure(ONS4, labelsOf(ONS4, BASELINE.ons4)),
    ]);

    assert.deepEqual(follow.timepoint, { code: '6-weeks' });
    assert.equal(follow.notes, undefined, 'no notes, no field');
    assert.equal(follow.visit_date, base.visit_date);
    const strip = ({ change, ...m }) => m;
    assert.deepEqual(follow.measures.map(strip), [
      expectedMeasure(PHQ9, labelsOf(PHQ9, SIX_WEEKS.phq9)),
      expectedMeasure(GAD7, labelsOf(GAD7, SIX_WEEKS.gad7)),
      expectedMeasure(ONS4, labelsOf(ONS4, SIX_WEEKS.ons4)),
    ]);
    assert.deepEqual(follow.measures[0].change, { baseline_source: 'device', scores: [phq.payload] });
    assert.deepEqual(follow.measures[1].change, { baseline_source: 'device', scores: [gad.payload] });
    assert.deepEqual(follow.measures[2].change, { baseline_source: 'device', scores: ons.map((o) => o.payload) });
    assert.deepEqual(follow.risk, { urgent: false, reasons: [] });

    assertNothingPersonal(page, ['ABC-12345', 'community centre']);
    // The browser's own note of each failed attempt while offline is all the console has.
    assert.deepEqual(consoleErrors(page).filter((m) => !/net::ERR_INTERNET_DISCONNECTED/.test(m)), []);
  });
});

test('two clients on one device never see each other\'s data; "Finish visit" clears the screen; "Remove all" (portrait tablet)', { timeout: 90_000 }, async (t) => {
  await withPage(the.browser, t, { viewport: TABLET_PORTRAIT }, async (page) => {
    watchRequests(page);
    await openWidget(page, `${the.web.url}phq9.html`);
    await passLock(page);
    // Client A: a baseline of 20.
    await startVisit(page);
    await fillDetails(page, { reference: 'LW-0001', timepoint: 'Baseline' });
    await answerMeasure(page, PHQ9, [3, 3, 3, 3, 2, 2, 2, 2, 0]);
    await fillNotes(page, 'Client A notes');
    await h1(page, HEADING_CHECK_VISIT).waitFor();
    await clickButton(page, 'Send visit');
    await h1(page, HEADING_VISIT_SENT).waitFor({ timeout: 15_000 });
    await clickButton(page, 'Finish visit');
    await h1(page, HEADING_HOME).waitFor();

    // Client B, on the same tablet: nothing of A on any of B's pages.
    const assertNothingOfA = async (where) => {
      const text = await widgetText(page);
      for (const s of ['LW-0001', 'Client A notes']) {
        assert.ok(!text.includes(s), `${JSON.stringify(s)} of client A shown on client B's ${where}`);
      }
    };
    await startVisit(page);
    await assertNothingOfA('visit details');
    await fillDetails(page, { reference: 'LW-0002', timepoint: 'Baseline' });
    await h1(page, PHQ9.title).waitFor();
    await assertNothingOfA('measure page');
    // Item 9 above 0: the practitioner is told at once, and the visit is sent as urgent.
    await page.getByRole('group', { name: PHQ9.items[8].text }).getByRole('radio', { name: 'Several days', exact: true }).check();
    await page.getByRole('heading', { name: 'This answer needs a response today' }).waitFor();
    await checkA11y(page, 'a measure with a risk answer');
    await answerMeasure(page, PHQ9, [1, 1, 1, 1, 1, 1, 1, 1, 1]);
    await fillNotes(page);
    await h1(page, HEADING_CHECK_VISIT).waitFor();
    await assertNothingOfA('check page');
    let rows = await page.getByRole('table', { name: 'PHQ-9 scores at each visit' }).evaluate((tb) => tb.tBodies[0].rows.length);
    assert.equal(rows, 1, "B's chart has B's one visit only");
    await clickButton(page, 'Send visit');
    await h1(page, HEADING_VISIT_SENT).waitFor({ timeout: 15_000 });
    await assertNothingOfA('sent page');
    await clickButton(page, 'Finish visit');

    // The home page lists references only: no score, no notes.
    await h1(page, HEADING_HOME).waitFor();
    let text = await widgetText(page);
    assert.ok(text.includes('LW-0001') && text.includes('LW-0002'));
    assert.ok(!/PHQ|notes|\b20\b|\b9\b/.test(text.replace(/Visits are kept on this device for \d+ days/, '')), `no data on the home page: ${text}`);
    assert.equal(await page.locator('.wb-visit-bar').count(), 0, 'no client on the screen after "Finish visit"');

    // B at 6 weeks is compared with B's baseline (9), never A's (20).
    await startVisit(page, 'LW-0002');
    await fillDetails(page, { timepoint: '6 weeks' });
    await answerMeasure(page, PHQ9, [0, 0, 0, 1, 0, 0, 0, 0, 0]);
    await fillNotes(page);
    await h1(page, HEADING_CHECK_VISIT).waitFor();
    await assertNothingOfA('6-week check page');
    const change = expectedScoreChange('phq9', 'total', 9, 1);
    assert.deepEqual(await glanceRows(page, PHQ9), [['PHQ-9 total', ...change.cells]]);
    rows = await page.getByRole('table', { name: 'PHQ-9 scores at each visit' }).evaluate((tb) => [...tb.tBodies[0].rows].map((r) => r.cells[2].textContent));
    assert.deepEqual(rows, ['9', '1']);
    // Cancel asks first; "No" goes back to the visit as it was.
    await clickButton(page, 'Cancel visit');
    await h1(page, 'Cancel this visit?').waitFor();
    await page.getByText('What you have recorded at this visit for client LW-0002 will be removed from this device and not sent.').waitFor();
    await checkA11y(page, 'cancel this visit? (confirmation)');
    await clickButton(page, 'No, go back to the visit');
    await h1(page, HEADING_CHECK_VISIT).waitFor();
    assert.deepEqual(await glanceRows(page, PHQ9), [['PHQ-9 total', ...change.cells]]);
    // Cancelled: the visit is not sent and the client leaves the screen.
    await clickButton(page, 'Cancel visit');
    await clickButton(page, 'Yes, cancel the visit');
    await page.getByText('Visit cancelled. Nothing was sent or kept.').waitFor();

    // Remove all: one action, after a confirmation page.
    await clickButton(page, 'Remove all follow-up data from this device');
    await h1(page, HEADING_WIPE).waitFor();
    await checkA11y(page, 'remove all (confirmation)');
    await clickButton(page, 'Remove all');
    await page.getByText('All follow-up data has been removed from this device.').waitFor();
    text = await widgetText(page);
    assert.ok(!text.includes('LW-0001') && !text.includes('LW-0002'), 'no client listed after "Remove all"');
    const keys = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('wellbeing-widget')));
    assert.deepEqual(keys, [], 'nothing of the follow-up left on the device');
    assertNothingPersonal(page, ['LW-0001', 'LW-0002', 'Client A notes']);
  });
});

test('a baseline typed in from the service\'s records; FHIR and a bad retention refused with a notice; native JSON sent', { timeout: 60_000 }, async (t) => {
  const before = the.intake.stored().length;
  const change = expectedScoreChange('phq9', 'total', 15, 8);
  await withPage(the.browser, t, { viewport: TABLET_LANDSCAPE }, async (page) => {
    await openWidget(page, `${the.web.url}fhir.html`);
    await passLock(page);
    const notice = ((await integratorNotice(page)) ?? []).join('\n');
    assert.match(notice, /data-format="fhir" is not available in the follow-up form/);
    assert.match(notice, /data-retention-days must be a whole number/);
    await startVisit(page);
    await fillDetails(page, { reference: 'LW-0300', timepoint: 'Other time', agreed: true });
    // "Other" needs its date.
    await page.locator('.wb-error-summary__list a', { hasText: 'Enter the date of the visit' }).waitFor();
    await page.getByLabel('Day', { exact: true }).fill('1');
    await page.getByLabel('Month', { exact: true }).fill('2');
    await page.getByLabel('Year', { exact: true }).fill('2026');
    await clickButton(page, 'Continue');
    await h1(page, HEADING_RECORDS).waitFor();
    const field = page.getByLabel('Baseline PHQ-9 total', { exact: true });
    await field.fill('twelve');
    await clickButton(page, 'Continue');
    await page.locator('.wb-error-summary__list a', { hasText: 'Baseline PHQ-9 total must be a whole number' }).waitFor();
    await checkA11y(page, 'baseline from records, with an error');
    await field.fill('15');
    await clickButton(page, 'Continue');
    await answerMeasure(page, PHQ9, [1, 1, 1, 1, 1, 1, 1, 1, 0]);
    await fillNotes(page);
    await h1(page, HEADING_CHECK_VISIT).waitFor();
    assert.deepEqual(await glanceRows(page, PHQ9), [['PHQ-9 total', ...change.cells]]);
    await page.getByText("Baseline: from the service's records").waitFor();
    await clickButton(page, 'Send visit');
    await h1(page, HEADING_VISIT_SENT).waitFor({ timeout: 15_000 });
    await checkA11y(page, 'visit sent');
  });
  await eventually(() => the.intake.stored().length >= before + 1, { message: 'the stored visit' });
  const record = the.intake.stored()[before];
  assert.equal(record.fhir_bundle ?? null, null, 'native JSON, not a FHIR Bundle');
  const s = record.submission;
  assertValidSubmission(s);
  assert.deepEqual(s.timepoint, { code: 'other', date: '2026-02-01' });
  assert.equal(s.visit_date, '2026-02-01');
  assert.deepEqual(s.measures[0].change, { baseline_source: 'records', scores: [change.payload] });
});

test('a SWEMWBS baseline from the records: raw total or metric score is asked, a raw total is converted, a metric score off the table is refused', { timeout: 60_000 }, async (t) => {
  const SWEMWBS = swemwbsFromFixture();
  await withPage(the.browser, t, { viewport: TABLET_PORTRAIT }, async (page) => {
    const summaryLink = (text) => page.locator('.wb-error-summary__list a', { hasText: text });
    await openWidget(page, `${the.web.url}swemwbs.html`);
    await passLock(page);
    await startVisit(page);
    await fillDetails(page, { reference: 'LW-0500', timepoint: '6 weeks' });
    await h1(page, HEADING_RECORDS).waitFor();
    const field = page.getByLabel('Baseline SWEMWBS score', { exact: true });
    const kind = page.getByRole('group', { name: 'Is the baseline SWEMWBS score a raw total or a metric score?', exact: true });
    assert.equal(await kind.getByRole('radio').count(), 2, 'two choices');
    assert.equal(await kind.getByRole('radio', { checked: true }).count(), 0, 'nothing preselected');

    // A number alone is not enough: which score is it?
    await field.fill('21');
    await clickButton(page, 'Continue');
    const which = summaryLink('Select whether the baseline SWEMWBS score is a raw total or a metric score');
    await which.waitFor();
    await which.click();
    await eventually(() => kind.getByRole('radio', { name: 'Raw total', exact: true }).evaluate((e) => e === e.getRootNode().activeElement), {
      message: 'the summary link focuses the first choice',
    });
    await checkA11y(page, 'baseline from records, which score it is not said');

    // A metric score that the conversion table never gives is refused.
    await kind.getByRole('radio', { name: 'Metric score', exact: true }).check();
    await field.fill('19.3');
    await clickButton(page, 'Continue');
    await summaryLink('Baseline SWEMWBS metric score must be one of the scores in the conversion table, like 19.25 (if the records give the raw total, select raw total)').waitFor();
    await checkA11y(page, 'baseline from records, a metric score off the table');

    // The raw total 21 is converted with the table: 19.25, not 21.
    await kind.getByRole('radio', { name: 'Raw total', exact: true }).check();
    await field.fill('21');
    await clickButton(page, 'Continue');
    await answerMeasure(page, SWEMWBS, [4, 4, 4, 4, 4, 4, 4]); // raw 28: metric 25.03
    await fillNotes(page);
    await h1(page, HEADING_CHECK_VISIT).waitFor();
    const rows = await glanceRows(page, SWEMWBS);
    assert.deepEqual(rows.map((r) => r.slice(0, 3)), [['SWEMWBS metric score', '19.25', '25.03']]);
  });
});

test('a reload in the middle of a visit loses nothing: the visit comes back on its page; a cancelled one does not', { timeout: 60_000 }, async (t) => {
  await withPage(the.browser, t, { viewport: TABLET_PORTRAIT }, async (page) => {
    await openWidget(page, `${the.web.url}phq9.html`);
    await passLock(page);
    await startVisit(page);
    await fillDetails(page, { reference: 'LW-0400', timepoint: '3 months' });
    await h1(page, HEADING_RECORDS).waitFor();
    await page.getByLabel('Baseline PHQ-9 total', { exact: true }).fill('12');
    await clickButton(page, 'Continue');
    await h1(page, PHQ9.title).waitFor();
    const first = page.getByRole('group', { name: PHQ9.items[0].text });
    await first.getByRole('radio', { name: 'More than half the days', exact: true }).check();

    await page.reload();
    await passLock(page);
    await h1(page, PHQ9.title).waitFor();
    await page.getByText('The visit you had not finished has been restored from this device.').waitFor();
    await page.getByText('Client LW-0400 – 3 months', { exact: true }).waitFor();
    assert.ok(await page.getByRole('group', { name: PHQ9.items[0].text }).getByRole('radio', { name: 'More than half the days', exact: true }).isChecked());
    await checkA11y(page, 'a restored visit');
    await answerMeasure(page, PHQ9, [2, 1, 1, 1, 1, 1, 1, 1, 0]);
    await fillNotes(page);
    await h1(page, HEADING_CHECK_VISIT).waitFor();
    // The typed-in baseline came back too.
    assert.deepEqual(await glanceRows(page, PHQ9), [['PHQ-9 total', ...expectedScoreChange('phq9', 'total', 12, 9).cells]]);

    await clickButton(page, 'Cancel visit');
    await clickButton(page, 'Yes, cancel the visit');
    await h1(page, HEADING_HOME).waitFor();
    await page.reload();
    await passLock(page);
    await h1(page, HEADING_HOME).waitFor();
    assert.ok(!(await widgetText(page)).includes('LW-0400'), 'a cancelled visit leaves nothing');
  });
});
