// What a shared tablet keeps (the link-worker follow-up): the history keeps scores, timepoints
// and dates only, never item answers or notes; retention applies while the app stays open; a
// visit the service refused stays visible with what to do; copies of unreadable stored values
// kept aside expire like drafts and go with "Remove all". The built widget in headless Chromium
// against the real intake receiver (behind the fault proxy for the refusal).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkA11y, eventually, withPage } from './lib/harness.mjs';
import { rig } from './lib/rig.mjs';
import { PHQ9 } from './lib/instruments.mjs';
import { HOST_ID, clickButton, h1, hostRoute } from './lib/journey.mjs';
import {
  HEADING_CHECK_VISIT,
  HEADING_HOME,
  HEADING_WIPE,
  TABLET_LANDSCAPE,
  answerMeasure,
  fillDetails,
  fillNotes,
  passLock,
  startVisit,
  widgetText,
} from './lib/follow-up.mjs';

const KEY = {
  history: `wellbeing-widget.v1.${HOST_ID}.follow-up-history`,
  outbox: `wellbeing-widget.v1.${HOST_ID}.outbox`,
};
const DAY_MS = 24 * 60 * 60 * 1000;
const PHQ9_VALUES = [2, 2, 2, 2, 2, 2, 1, 1, 0];
const NOTES = 'Client A notes: lives with daughter';

const the = rig({
  routes: {
    '/phq9.html': hostRoute({ 'data-mode': 'follow-up', 'data-measures': 'phq9' }),
    '/phq9-1day.html': hostRoute({ 'data-mode': 'follow-up', 'data-measures': 'phq9', 'data-retention-days': '1' }),
  },
  needs: ['wellbeing-follow-up_bg.wasm'],
  intake: false,
});

async function openTablet(page, file = 'phq9.html') {
  await page.goto(`${the.web.url}${file}`);
  await passLock(page);
  await h1(page, HEADING_HOME).waitFor();
}

/** Records and sends a baseline PHQ-9 visit for `client`, with notes; back on the home page. */
async function recordVisit(page, client, { sent = 'Visit sent' } = {}) {
  await startVisit(page);
  await fillDetails(page, { reference: client, timepoint: 'Baseline' });
  await answerMeasure(page, PHQ9, PHQ9_VALUES);
  await fillNotes(page, NOTES);
  await h1(page, HEADING_CHECK_VISIT).waitFor();
  await clickButton(page, 'Send visit');
  await h1(page, sent).waitFor({ timeout: 15_000 });
  await clickButton(page, 'Finish visit');
  await h1(page, HEADING_HOME).waitFor();
}

function onDevice(page) {
  return page.evaluate(() =>
    Object.fromEntries(
      Object.keys(localStorage)
        .filter((k) => k.startsWith('wellbeing-widget'))
        .map((k) => [k, localStorage.getItem(k)]),
    ),
  );
}

test('the history keeps scores, timepoints and dates only; unreadable copies kept aside go with "Remove all"', { timeout: 90_000 }, async (t) => {
  const { intake, proxy } = await the.freshIntake(t, { proxy: true });
  await withPage(the.browser, t, { viewport: TABLET_LANDSCAPE }, async (page) => {
    // Values this version cannot read are on the device: they are kept aside, with the time.
    await page.goto(`${the.web.url}phq9.html`);
    await page.evaluate((key) => {
      localStorage.setItem(key.history, '{"visits":[{"client":');
      localStorage.setItem(key.outbox, '{"version":2,"entries":[{"id":');
    }, KEY);
    const openedAt = Date.now();
    await openTablet(page);
    let device = await onDevice(page);
    for (const key of [KEY.history, KEY.outbox]) {
      const kept = JSON.parse(device[`${key}-unreadable`]);
      assert.ok(kept.kept_at_ms >= openedAt - 1_000 && kept.kept_at_ms <= Date.now(), `${key} kept aside now`);
      assert.ok(kept.text.startsWith('{"'), 'the exact text is kept');
    }

    const before = intake.stored().length;
    await recordVisit(page, 'LW-0001');
    await eventually(() => intake.stored().length === before + 1, { message: 'the visit delivered' });
    const sent = intake.stored().at(-1).submission;
    assert.equal(sent.notes, NOTES, 'the service got the notes');
    assert.equal(sent.measures[0].answers.length, 9, 'and the answers');

    // On the tablet: the client's score, timepoint and date, nothing more.
    device = await onDevice(page);
    const history = device[KEY.history];
    assert.ok(history, 'the history is on the device');
    assert.ok(!history.includes('lives with daughter'), `no notes in the history: ${history}`);
    const visits = JSON.parse(history).visits;
    assert.equal(visits.length, 1);
    assert.deepEqual(visits[0].measures.map((m) => m.answers), [[]], 'no item answers in the history');
    const total = PHQ9_VALUES.reduce((x, y) => x + y, 0);
    assert.equal(visits[0].measures[0].score.total, total, 'the PHQ-9 total is kept');
    assert.equal(visits[0].client, 'LW-0001');
    assert.deepEqual(visits[0].timepoint, { code: 'baseline' });
    assert.ok(visits[0].date, 'the visit date is kept');

    // "Remove all": nothing of the follow-up is left, the copies kept aside included.
    await clickButton(page, 'Remove all follow-up data from this device');
    await h1(page, HEADING_WIPE).waitFor();
    await clickButton(page, 'Remove all');
    await page.getByText('All follow-up data has been removed from this device.').waitFor();
    assert.deepEqual(Object.keys(await onDevice(page)), [], 'nothing of the follow-up left on the device');
  });
});

test('copies kept aside expire like drafts (data-draft-days, default 7)', { timeout: 60_000 }, async (t) => {
  const { intake, proxy } = await the.freshIntake(t, { proxy: true });
  await withPage(the.browser, t, { viewport: TABLET_LANDSCAPE }, async (page) => {
    await page.goto(`${the.web.url}phq9.html`);
    await page.evaluate(
      ({ key, old, young }) => {
        localStorage.setItem(`${key.history}-unreadable`, JSON.stringify({ kept_at_ms: old, text: '{' }));
        localStorage.setItem(`${key.outbox}-unreadable`, JSON.stringify({ kept_at_ms: young, text: '{' }));
      },
      { key: KEY, old: Date.now() - 7 * DAY_MS - 60_000, young: Date.now() - 6 * DAY_MS },
    );
    await openTablet(page);
    const device = await onDevice(page);
    assert.equal(device[`${KEY.history}-unreadable`], undefined, 'the copy older than 7 days is removed');
    assert.ok(device[`${KEY.outbox}-unreadable`], 'the copy younger than 7 days is kept');
  });
});

test('retention applies while the app stays open; a refused visit stays listed with what to do', { timeout: 90_000 }, async (t) => {
  const { intake, proxy } = await the.freshIntake(t, { proxy: true });
  await withPage(the.browser, t, { viewport: TABLET_LANDSCAPE }, async (page) => {
    await page.clock.install({ time: new Date('2026-12-01T09:00:00') });
    await openTablet(page, 'phq9-1day.html');
    await recordVisit(page, 'LW-0001');
    // The service refuses the next visit: it stays on the tablet, listed with what to do.
    proxy.respond(422);
    await recordVisit(page, 'LW-0002', { sent: 'The visit could not be sent' });
    let text = await widgetText(page);
    assert.ok(text.includes('LW-0001') && text.includes('LW-0002'), `both clients listed: ${text}`);
    const queue = page.locator('.wb-queue');
    await queue.getByText(/not accepted by the service/).waitFor();
    const item = await queue.textContent();
    assert.match(item, /tell the service's digital team this reference/);
    assert.match(item, /until it is sent or you remove all follow-up data/);
    await checkA11y(page, 'home page with a refused visit');

    // Two days later, the app still open: the visits are past the 1-day retention and go.
    await page.clock.fastForward('48:00:00');
    await passLock(page);
    await eventually(async () => !(await widgetText(page)).includes('LW-0001'), { timeout: 10_000, message: 'LW-0001 removed' });
    const history = await page.evaluate((key) => localStorage.getItem(key), KEY.history);
    assert.equal(history, null, 'no visit kept past the retention period');
    // The refused visit is not a kept visit: it stays until sent or removed.
    text = await widgetText(page);
    assert.match(text, /not accepted by the service/);
    proxy.pass();
    await clickButton(page, 'Try sending now');
    await eventually(async () => !(await widgetText(page)).includes('not accepted by the service'), { message: 'the refused visit sent' });
  });
});
