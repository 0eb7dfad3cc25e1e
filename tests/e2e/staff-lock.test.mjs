// The staff lock of the link-worker follow-up on a shared tablet, at a tablet viewport, with the
// browser's clock faked (page.clock) so that minutes of no use pass at once: a passcode set on
// first use and kept only as a PBKDF2 hash (checked here with Node's own PBKDF2); after
// data-lock-minutes with no use every page is replaced by the lock screen, with nothing of a
// client left in the document or the accessibility tree; use keeps it open; wrong passcodes
// make the next try wait; the right one returns to the page the link worker was on; a reload
// and a page seen again after being hidden start locked; "Forgot your passcode?" delivers the
// visits not yet sent first (or says plainly how many would be lost), then removes everything,
// the passcode too. axe-core on every lock page.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { checkA11y, eventually, withPage } from './lib/harness.mjs';
import { rig } from './lib/rig.mjs';
import { PHQ9 } from './lib/instruments.mjs';
import { clickButton, h1, hostRoute, HOST_ID, openWidget } from './lib/journey.mjs';
import {
  HEADING_CHECK_VISIT,
  HEADING_HOME,
  HEADING_LOCKED,
  HEADING_SET_PASSCODE,
  HEADING_VISIT_SAVED,
  HEADING_VISIT_SENT,
  TABLET_LANDSCAPE,
  TEST_PASSCODE,
  answerMeasure,
  fillDetails,
  fillNotes,
  passLock,
  startVisit,
  widgetText,
} from './lib/follow-up.mjs';

const KEY_PREFIX = `wellbeing-widget.v1.${HOST_ID}.`;
const LOCK_KEY = `${KEY_PREFIX}follow-up-lock`;
const VALUES = [2, 2, 2, 2, 2, 2, 1, 1, 0];

const the = rig({
  routes: {
    '/lock.html': hostRoute({ 'data-mode': 'follow-up', 'data-measures': 'phq9', 'data-lock-minutes': '2' }),
  },
  needs: ['wellbeing-follow-up_bg.wasm'],
});

/** The lock record kept on the device, parsed, or null. */
async function lockRecord(page) {
  const text = await page.evaluate((k) => localStorage.getItem(k), LOCK_KEY);
  return text === null ? null : JSON.parse(text);
}

/** The messages of the error summary. */
function summaryMessages(page) {
  return page.locator('.wb-error-summary__list a').allInnerTexts();
}

/** Asserts nothing of the client is in the widget's text or its accessibility tree. */
async function assertNothingOfTheClient(page, secrets, where) {
  const text = await widgetText(page);
  const tree = await page.locator('[data-wellbeing-widget]').ariaSnapshot();
  for (const s of secrets) {
    assert.ok(!text.includes(s), `${s} in the widget's text ${where}: ${text}`);
    assert.ok(!tree.includes(s), `${s} in the accessibility tree ${where}: ${tree}`);
  }
}

/** Types `passcode` on the lock screen and presses "Unlock". */
async function tryPasscode(page, passcode) {
  await page.getByLabel('Passcode', { exact: true }).fill(passcode);
  await clickButton(page, 'Unlock');
}

/** Waits until the error summary's messages match `expected` (strings or patterns). */
async function expectSummary(page, expected) {
  let got = [];
  await eventually(
    async () => {
      got = await summaryMessages(page);
      return got.length === expected.length && expected.every((e, i) => (e instanceof RegExp ? e.test(got[i]) : e === got[i]));
    },
    { message: `error summary ${JSON.stringify(expected.map(String))}, got ${JSON.stringify(got)}` },
  );
}

test('a passcode set on first use; idle minutes hide everything; wrong passcodes wait; the right one returns to the page; a reload starts locked', { timeout: 120_000 }, async (t) => {
  await withPage(the.browser, t, { viewport: TABLET_LANDSCAPE }, async (page) => {
    await page.clock.install();
    await openWidget(page, `${the.web.url}lock.html`);

    // First use: nothing of the follow-up until a passcode is set.
    await h1(page, HEADING_SET_PASSCODE).waitFor();
    assert.ok(!(await widgetText(page)).includes('Start a visit'), 'no follow-up page before a passcode is set');
    await page.getByText('the follow-up locks after 2 minutes without use').waitFor();
    await checkA11y(page, 'set a passcode');
    await clickButton(page, 'Set passcode');
    assert.deepEqual(await summaryMessages(page), ['Enter a passcode', 'Enter the passcode again']);
    await checkA11y(page, 'set a passcode, with errors');
    await page.getByLabel('Passcode', { exact: true }).fill('12345');
    await page.getByLabel('Enter the passcode again', { exact: true }).fill('12345');
    await clickButton(page, 'Set passcode');
    assert.deepEqual(await summaryMessages(page), ['Passcode must be 6 characters or more']);
    await page.getByLabel('Passcode', { exact: true }).fill(TEST_PASSCODE);
    await page.getByLabel('Enter the passcode again', { exact: true }).fill(`${TEST_PASSCODE}x`);
    await clickButton(page, 'Set passcode');
    assert.deepEqual(await summaryMessages(page), ['The passcodes do not match. Enter the same passcode in both boxes']);
    assert.equal(await lockRecord(page), null, 'nothing kept until both boxes agree');
    await page.getByLabel('Passcode', { exact: true }).fill(TEST_PASSCODE);
    await page.getByLabel('Enter the passcode again', { exact: true }).fill(TEST_PASSCODE);
    await clickButton(page, 'Set passcode');
    await h1(page, HEADING_HOME).waitFor({ timeout: 15_000 });
    await page.getByText('Passcode set. The follow-up locks after 2 minutes without use.').waitFor();

    // Only a PBKDF2-SHA-256 hash is kept, and it is the passcode's.
    const record = await lockRecord(page);
    assert.deepEqual(Object.keys(record).sort(), ['algorithm', 'failed_tries', 'hash', 'iterations', 'salt', 'version', 'wait_until_ms']);
    assert.equal(record.algorithm, 'PBKDF2-SHA-256');
    assert.ok(record.iterations >= 600_000, `iterations: ${record.iterations}`);
    assert.match(record.salt, /^[0-9a-f]{32}$/);
    const expected = crypto.pbkdf2Sync(TEST_PASSCODE, Buffer.from(record.salt, 'hex'), record.iterations, 32, 'sha256');
    assert.equal(record.hash, expected.toString('hex'), 'the hash is PBKDF2-SHA-256 of the passcode');
    const everything = await page.evaluate(() => JSON.stringify({ ...localStorage }));
    assert.ok(!everything.includes(TEST_PASSCODE), 'the passcode itself is nowhere on the device');

    // A visit sent, then the next visit for the same client under way.
    await startVisit(page);
    await fillDetails(page, { reference: 'ABC-12345', timepoint: 'Baseline' });
    await answerMeasure(page, PHQ9, VALUES);
    await fillNotes(page, 'Lives with her sister.');
    await h1(page, HEADING_CHECK_VISIT).waitFor();
    await clickButton(page, 'Send visit');
    await h1(page, HEADING_VISIT_SENT).waitFor({ timeout: 15_000 });
    await clickButton(page, 'Finish visit');
    await startVisit(page, 'ABC-12345');
    await fillDetails(page, { timepoint: '6 weeks' });
    await h1(page, PHQ9.title).waitFor();
    const first = page.getByRole('group', { name: PHQ9.items[0].text }).getByRole('radio', { name: 'Several days', exact: true });
    await first.check();

    // Use keeps it open: 1.5 minutes, a touch, 1 more minute.
    await page.clock.fastForward('01:30');
    await page.getByText('Client ABC-12345 – 6 weeks', { exact: true }).click();
    await page.clock.fastForward('01:00');
    await h1(page, PHQ9.title).waitFor();
    assert.equal(await h1(page, HEADING_LOCKED).count(), 0, 'not locked while in use');

    // Two minutes with no use: the lock screen, and nothing of the client anywhere.
    await page.clock.fastForward('01:31');
    await h1(page, HEADING_LOCKED).waitFor();
    await assertNothingOfTheClient(page, ['ABC-12345', 'PHQ-9', 'Several days', 'Lives with', 'Baseline'], 'on the lock screen');
    await page.getByRole('link', { name: '116 123', exact: true }).waitFor();
    await checkA11y(page, 'lock screen');

    // Wrong passcodes: three are free, the fourth makes the next try wait, even the right one.
    await clickButton(page, 'Unlock');
    await expectSummary(page, ['Enter your passcode']);
    for (let i = 1; i <= 3; i++) {
      await tryPasscode(page, `wrong-${i}`);
      await eventually(async () => (await lockRecord(page)).failed_tries === i, { message: `try ${i} counted` });
      await expectSummary(page, ['The passcode is not right']);
    }
    await tryPasscode(page, 'wrong-4');
    await eventually(async () => (await lockRecord(page)).failed_tries === 4, { message: 'try 4 counted' });
    await expectSummary(page, ['The passcode is not right. Too many wrong passcodes. Wait 30 seconds, then try again.']);
    await checkA11y(page, 'lock screen, wrong passcode');
    await tryPasscode(page, TEST_PASSCODE);
    await expectSummary(page, [/^Too many wrong passcodes\. Wait ([1-9]|[12][0-9]|30) seconds?, then try again\.$/]);
    await h1(page, HEADING_LOCKED).waitFor();
    assert.equal((await lockRecord(page)).failed_tries, 4, 'a try during the wait is not checked');

    // After the wait, the right passcode: back where the link worker was, nothing lost.
    await page.clock.fastForward('00:31');
    await passLock(page);
    await h1(page, PHQ9.title).waitFor();
    assert.ok(await first.isChecked(), 'the answer given before the lock is still there');
    await page.getByText('Client ABC-12345 – 6 weeks', { exact: true }).waitFor();
    assert.equal((await lockRecord(page)).failed_tries, 0, 'the right passcode clears the count');

    // A reload starts locked, and the visit under way comes back after the passcode.
    await page.reload();
    await h1(page, HEADING_LOCKED).waitFor();
    await assertNothingOfTheClient(page, ['ABC-12345', 'PHQ-9'], 'after a reload');
    await passLock(page);
    await h1(page, PHQ9.title).waitFor();
    await page.getByText('The visit you had not finished has been restored from this device.').waitFor();
  });
});

test('a page hidden for the idle minutes is locked when it is seen again', { timeout: 60_000 }, async (t) => {
  await withPage(the.browser, t, { viewport: TABLET_LANDSCAPE }, async (page) => {
    await page.clock.install();
    await openWidget(page, `${the.web.url}lock.html`);
    await passLock(page);
    await h1(page, HEADING_HOME).waitFor();
    // No timer runs from here (a hidden page's timers are held back); only the clock moves on.
    const now = await page.evaluate(() => Date.now());
    await page.clock.pauseAt(now + 1_000);
    await page.clock.setSystemTime(now + 1_000 + 2 * 60_000 + 1_000);
    assert.equal(await h1(page, HEADING_HOME).count(), 1, 'still open: no timer has fired');
    await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange', { bubbles: true })));
    await h1(page, HEADING_LOCKED).waitFor();
    await page.clock.resume();
  });
});

test('"Forgot your passcode?" sends the visits not yet sent first, says plainly what would be lost, then removes everything and the passcode', { timeout: 120_000 }, async (t) => {
  const before = the.intake.stored().length;
  await withPage(the.browser, t, { viewport: TABLET_LANDSCAPE }, async (page) => {
    await page.clock.install();
    await openWidget(page, `${the.web.url}lock.html`);
    await passLock(page);

    // A visit the service cannot be reached for: it waits on the tablet.
    const unreachable = (route) => route.abort('internetdisconnected');
    await page.route(the.intake.submissionsUrl, unreachable);
    await startVisit(page);
    await fillDetails(page, { reference: 'LW-0500', timepoint: 'Baseline' });
    await answerMeasure(page, PHQ9, VALUES);
    await fillNotes(page);
    await clickButton(page, 'Send visit');
    await h1(page, HEADING_VISIT_SAVED).waitFor();
    await clickButton(page, 'Finish visit');
    await h1(page, HEADING_HOME).waitFor();

    await page.clock.fastForward('02:01');
    await h1(page, HEADING_LOCKED).waitFor();
    await clickButton(page, 'Forgot your passcode?');
    await h1(page, 'Forgot your passcode?').waitFor();
    const text = await widgetText(page);
    assert.match(text, /This removes the 1 visit kept on this tablet/);
    assert.match(text, /1 visit has not been sent yet\. They are sent first if the tablet can reach the service\. Any that cannot be sent will be lost/);
    assert.ok(!text.includes('LW-0500'), 'no client reference on the page');
    await checkA11y(page, 'forgot your passcode');

    // Still unreachable: nothing is removed without saying what would be lost.
    await clickButton(page, 'Remove all');
    await h1(page, '1 visit could not be sent').waitFor({ timeout: 30_000 });
    await page.getByText('If you remove everything now, the service will never get them.').waitFor();
    await checkA11y(page, 'visits could not be sent');
    await clickButton(page, 'Go back');
    await h1(page, HEADING_LOCKED).waitFor();
    assert.notEqual(await lockRecord(page), null, 'nothing removed on "Go back"');

    // Reachable again: "Remove all" delivers the visit first, then everything goes.
    await page.unroute(the.intake.submissionsUrl, unreachable);
    await clickButton(page, 'Forgot your passcode?');
    assert.equal(the.intake.stored().length, before, 'not delivered before "Remove all"');
    await clickButton(page, 'Remove all');
    await h1(page, HEADING_SET_PASSCODE).waitFor({ timeout: 30_000 });
    await page.getByText('All follow-up data has been removed from this device. The passcode was removed too.').waitFor();
    const stored = the.intake.stored().slice(before).map((r) => r.submission);
    assert.deepEqual(stored.map((s) => s.client_reference), ['LW-0500'], 'the waiting visit was delivered, once');
    const left = await page.evaluate((p) => Object.keys(localStorage).filter((k) => k.startsWith(p)), KEY_PREFIX);
    assert.deepEqual(left, [], 'nothing of the follow-up is left on the device');
    await checkA11y(page, 'set a passcode after removing everything');

    // A new passcode: an empty follow-up.
    await passLock(page, 'new-code-9');
    await h1(page, HEADING_HOME).waitFor();
    assert.ok(!(await widgetText(page)).includes('LW-0500'));
    await page.getByText('None yet.').waitFor();
  });
});
