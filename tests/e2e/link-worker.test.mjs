// The link-worker app (dist/link-worker/) on a tablet, end to end: opened once with a signal, it
// opens, reloads and records whole visits with no network at all (the browser offline, the page's
// server stopped, the intake stopped), and the visits arrive exactly once when the network comes
// back. A new release's service worker installs in the background and takes over only on the next
// start, replacing the old cache, and a visit waiting to be sent survives it. The app is
// installable (Chromium's own installability check) and passes axe. The page is served with the
// strict Content-Security-Policy of INTEGRATING.md.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import {
  CHROMIUM,
  CHROMIUM_ARGS,
  DIST_DIR,
  assertValidSubmission,
  eventually,
  newPage,
  sleep,
} from './lib/harness.mjs';
import { rig } from './lib/rig.mjs';
import { strictCsp } from './lib/embed-server.mjs';
import { assertNoCspViolations, checkA11yUnderCsp, recordCspViolations } from './lib/embed-pages.mjs';
import { DEFINITIONS_FIXTURE, GAD7, ONS4, PHQ9, expectedMeasure, swemwbsFromFixture } from './lib/instruments.mjs';
import { clickButton, h1, integratorNotice } from './lib/journey.mjs';
import {
  HEADING_CHECK_VISIT,
  HEADING_HOME,
  HEADING_VISIT_SAVED,
  TABLET_LANDSCAPE,
  answerMeasure,
  chartOf,
  expectedScoreChange,
  fillDetails,
  fillNotes,
  glanceRows,
  labelsOf,
  passLock,
  startVisit,
} from './lib/follow-up.mjs';

const APP = 'link-worker/';
const READY = 'This app is saved on this tablet: it opens and records visits with no signal.';
const UPDATE_WAITING = 'A new version of this app is ready. It will be used the next time you open the app.';
const ALL_SENT = 'None. Every visit recorded on this device has been sent.';
// Exactly what the service worker keeps: the page, its script, style, manifest and icons, the
// loader, the follow-up module and the widget's stylesheet (paths from the site's root).
const PRECACHED = [
  '/link-worker/',
  '/link-worker/app.js',
  '/link-worker/icon-192.png',
  '/link-worker/icon-512.png',
  '/link-worker/icon.svg',
  '/link-worker/link-worker.css',
  '/link-worker/manifest.webmanifest',
  '/main.css',
  '/wellbeing-follow-up.js',
  '/wellbeing-follow-up_bg.wasm',
  '/wellbeing.js',
];
// What the browser says about requests that cannot reach anything while the network is down.
const NETWORK_DOWN = /net::ERR_(INTERNET_DISCONNECTED|CONNECTION_REFUSED|CONNECTION_RESET|FAILED)|Failed to load resource/;

const SWEMWBS = swemwbsFromFixture();

// The app's server is stopped and started again on the same port (the browser keeps the app's
// service worker and storage), under the strict CSP.
const the = rig({
  needs: ['link-worker/sw.js'],
  headers: () => ({
    'Content-Security-Policy': strictCsp({ connect: ["'self'", the.intake.url], img: ["'self'", 'data:'] }),
  }),
});

/**
 * Collects, on `page`, the console, CSP violations and every response (whether it came from the
 * service worker). Call before the page's first navigation.
 */
async function watch(page) {
  await recordCspViolations(page);
  if (!Array.isArray(page.consoleMessages)) {
    page.consoleMessages = [];
    page.pageErrors = [];
    page.on('console', (m) => page.consoleMessages.push({ type: m.type(), text: m.text() }));
    page.on('pageerror', (e) => page.pageErrors.push(e));
  }
  page.responses = [];
  page.on('response', (r) => page.responses.push({ url: r.url(), fromServiceWorker: r.fromServiceWorker(), status: r.status() }));
  page.setDefaultTimeout(10_000);
  return page;
}

/** Opens the app in `page` and waits for its home page. */
async function openApp(page) {
  await page.goto(`${the.web.url}${APP}`);
  await passLock(page);
  await h1(page, HEADING_HOME).waitFor();
}

/** Waits until the app's service worker controls `page` and says the app is ready. */
async function untilReady(page) {
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await eventually(() => page.evaluate(() => navigator.serviceWorker.controller !== null), {
    message: 'the page is controlled by the service worker',
  });
  await page.getByText(READY, { exact: true }).waitFor();
}

/** The cache names and, per cache, the paths it holds. */
function cacheContents(page) {
  return page.evaluate(async () => {
    const out = {};
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      out[name] = (await cache.keys()).map((r) => new URL(r.url).pathname).sort();
    }
    return out;
  });
}

/** Every cached response's text, to show that nothing of a client was stored there. */
function cachedTexts(page) {
  return page.evaluate(async () => {
    const texts = [];
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) texts.push((await (await cache.match(request)).text()));
    }
    return texts;
  });
}

/** Chromium's installability check for the page (the list is empty when it can be installed). */
async function installabilityErrors(page) {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    return installabilityErrors.map((e) => e.errorId);
  } finally {
    await cdp.detach();
  }
}

/** The network goes: the browser offline, the page's server and the intake stopped. */
async function outage(context) {
  await context.setOffline(true);
  await the.web.stop();
  await the.intake.stop();
}

/** The network comes back. */
async function restore(context, { withIntake = true } = {}) {
  await the.web.start();
  if (withIntake) await the.intake.restart();
  await context.setOffline(false);
}

const BASELINE = { phq9: [2, 2, 2, 2, 2, 2, 1, 1, 0], gad7: [2, 2, 2, 1, 1, 1, 1], ons4: [4, 5, 3, 7] };
const SIX_WEEKS = { phq9: [1, 1, 1, 1, 1, 1, 1, 1, 0], gad7: [1, 1, 1, 1, 1, 1, 1], ons4: [6, 6, 5, 4] };
const sum = (xs) => xs.reduce((a, b) => a + b, 0);

/** A whole visit, from the home page back to it: details, the three measures, notes, sent. */
async function recordVisit(page, { reference, client = null, timepoint, values, notes = '' }) {
  await startVisit(page, client);
  await fillDetails(page, { reference: client ? undefined : reference, timepoint });
  await answerMeasure(page, PHQ9, values.phq9);
  await answerMeasure(page, GAD7, values.gad7);
  await answerMeasure(page, ONS4, values.ons4);
  await fillNotes(page, notes);
  await h1(page, HEADING_CHECK_VISIT).waitFor();
}

async function sendAndFinish(page) {
  await clickButton(page, 'Send visit');
  await h1(page, HEADING_VISIT_SAVED).waitFor();
  await clickButton(page, 'Finish visit');
  await h1(page, HEADING_HOME).waitFor();
}

/**
 * A tablet's browser with a profile of its own on disk (Chromium never offers to install an app
 * from an incognito context, which every other test uses), and its first page.
 */
async function tabletBrowser(t) {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'wb-tablet-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: TABLET_LANDSCAPE,
  });
  t.after(async () => {
    await context.close().catch(() => {});
    fs.rmSync(profile, { recursive: true, force: true });
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return await watch(page);
}

test('after one visit online the app opens, reloads and records two visits with no network; each arrives exactly once when it is back; installable', { timeout: 180_000 }, async (t) => {
  const page = await tabletBrowser(t);
  const context = page.context();
  const storedBefore = the.intake.stored().length;

  // Online, once: the service worker keeps exactly the app's files, named after this release.
  await openApp(page);
  await untilReady(page);
  const caches1 = await cacheContents(page);
  const names = Object.keys(caches1);
  assert.equal(names.length, 1, `one cache: ${names}`);
  assert.match(names[0], /^wellbeing-link-worker-[0-9a-f]{16}$/, 'the cache is named after the release');
  assert.deepEqual(caches1[names[0]], PRECACHED, 'exactly the files the follow-up needs');
  assert.deepEqual(await installabilityErrors(page), [], 'Chromium can install the app');
  const manifest = await page.evaluate(() => fetch('manifest.webmanifest').then((r) => r.json()));
  assert.equal(manifest.display, 'standalone');
  assert.deepEqual(manifest.icons.map((i) => i.sizes).sort(), ['192x192', '512x512', 'any']);
  await checkA11yUnderCsp(page, 'the link-worker app, ready to work offline');
  await assertNoCspViolations(page, 'the link-worker app');

  // No network at all from here: a reload, then the page closed and opened again.
  await outage(context);
  await page.reload();
  await passLock(page);
  await h1(page, HEADING_HOME).waitFor();
  await page.close();
  const tablet = await watch(await context.newPage());
  await openApp(tablet);
  await tablet.getByText(READY, { exact: true }).waitFor();
  const sameOrigin = tablet.responses.filter((r) => r.url.startsWith(the.web.origin));
  const served = new Set(sameOrigin.map((r) => new URL(r.url).pathname));
  for (const p of ['/link-worker/', '/link-worker/app.js', '/link-worker/link-worker.css', '/wellbeing.js', '/wellbeing-follow-up.js', '/wellbeing-follow-up_bg.wasm', '/main.css']) {
    assert.ok(served.has(p), `${p} was loaded with no network: ${[...served]}`);
  }
  assert.deepEqual(sameOrigin.filter((r) => !r.fromServiceWorker || r.status !== 200).map((r) => r.url), [], 'every file came from the service worker');

  // A baseline visit and a 6-week visit for the same client, all with no network.
  await recordVisit(tablet, { reference: 'ABC-12345', timepoint: 'Baseline', values: BASELINE, notes: 'Met at the Quayside hub.' });
  await sendAndFinish(tablet);
  await recordVisit(tablet, { client: 'ABC-12345', timepoint: '6 weeks', values: SIX_WEEKS });
  const phq = expectedScoreChange('phq9', 'total', sum(BASELINE.phq9), sum(SIX_WEEKS.phq9));
  assert.deepEqual(await glanceRows(tablet, PHQ9), [['PHQ-9 total', ...phq.cells]], 'the change at a glance');
  await chartOf(tablet, PHQ9, 'PHQ-9').waitFor();
  assert.equal(await chartOf(tablet, PHQ9, 'PHQ-9').locator('polyline').count(), 1, 'the chart has its line');
  await sendAndFinish(tablet);
  let queue = await tablet.locator('.wb-queue li').allInnerTexts();
  assert.equal(queue.length, 2, `both visits wait on the tablet: ${queue}`);

  // Still no network: a reload keeps both visits waiting.
  await tablet.reload();
  await passLock(tablet);
  await h1(tablet, HEADING_HOME).waitFor();
  queue = await tablet.locator('.wb-queue li').allInnerTexts();
  assert.equal(queue.length, 2, 'both visits still wait after a reload');
  assert.equal(the.intake.stored().length, storedBefore, 'nothing reached the intake');

  // The network is back: each visit is sent, once.
  await restore(context);
  await tablet.getByText(ALL_SENT).waitFor({ timeout: 30_000 });
  await eventually(() => the.intake.stored().length >= storedBefore + 2, { timeout: 10_000, message: 'two stored visits' });
  await sleep(1_500);
  const stored = the.intake.stored().slice(storedBefore).map((r) => r.submission);
  assert.equal(stored.length, 2, 'exactly one payload per visit');
  assert.notEqual(stored[0].submission_id, stored[1].submission_id);
  for (const s of stored) assertValidSubmission(s);
  assert.deepEqual(stored.map((s) => [s.mode, s.client_reference, s.timepoint.code]), [
    ['follow-up', 'ABC-12345', 'baseline'],
    ['follow-up', 'ABC-12345', '6-weeks'],
  ]);
  assert.deepEqual(stored[1].measures[0].change, { baseline_source: 'device', scores: [phq.payload] });

  // Nothing of the client was ever cached, and the caches hold only the app's files.
  assert.deepEqual(Object.values(await cacheContents(tablet)), [PRECACHED]);
  for (const text of await cachedTexts(tablet)) {
    assert.ok(!text.includes('ABC-12345') && !text.includes('Quayside'), 'no client data in the cache');
  }
  const messages = [...page.consoleMessages, ...tablet.consoleMessages];
  assert.deepEqual(
    messages.filter((m) => m.type === 'error').map((m) => m.text).filter((m) => !NETWORK_DOWN.test(m)),
    [],
    'no console error other than the network being down',
  );
  assert.ok(!messages.some((m) => m.text.includes('ABC-12345')), 'no client reference in the console');
  assert.deepEqual([...page.pageErrors, ...tablet.pageErrors].map(String), []);
});

test('a new release installs in the background, takes over only on the next start, replaces the old cache, and a waiting visit is still sent exactly once', { timeout: 150_000 }, async (t) => {
  const page = await watch(await newPage(the.browser, { viewport: TABLET_LANDSCAPE }));
  const context = page.context();
  t.after(async () => {
    delete the.web.routes[`/${APP}sw.js`];
    await context.close().catch(() => {});
  });
  const storedBefore = the.intake.stored().length;
  await openApp(page);
  await untilReady(page);
  const [oldCache] = Object.keys(await cacheContents(page));

  // A visit recorded with no network waits on the tablet.
  await outage(context);
  await recordVisit(page, { reference: 'LW-2001', timepoint: 'Baseline', values: BASELINE });
  await sendAndFinish(page);
  assert.equal((await page.locator('.wb-queue li').allInnerTexts()).length, 1);

  // Meanwhile a new release is published: a new sw.js (another cache name).
  const sw = fs.readFileSync(path.join(DIST_DIR, APP, 'sw.js'), 'utf8');
  const newVersion = createHash('sha256').update(`${sw}next`).digest('hex').slice(0, 16);
  const nextSw = sw.replace(/^const VERSION = '[0-9a-f]{16}';$/m, `const VERSION = '${newVersion}';`);
  assert.notEqual(nextSw, sw, 'the built sw.js carries its release version');
  the.web.routes[`/${APP}sw.js`] = { body: nextSw, type: 'text/javascript; charset=utf-8' };
  const newCache = `wellbeing-link-worker-${newVersion}`;

  // Back online but the intake still down; a visit is under way when the update is found.
  await restore(context, { withIntake: false });
  await startVisit(page);
  await fillDetails(page, { reference: 'LW-2002', timepoint: 'Baseline' });
  await h1(page, PHQ9.title).waitFor();
  await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update()));
  await eventually(() => page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.waiting !== null)), {
    timeout: 20_000,
    message: 'the new release installed and waiting',
  });
  await page.getByText(UPDATE_WAITING, { exact: true }).waitFor();
  assert.deepEqual(Object.keys(await cacheContents(page)).sort(), [oldCache, newCache].sort(), 'both releases cached while the old one serves');
  await h1(page, PHQ9.title).waitFor();
  await checkA11yUnderCsp(page, 'the app with an update waiting');

  // The next start: the new release serves the app, the old cache is gone, the visit still waits.
  await page.close();
  const next = await watch(await context.newPage());
  await next.goto(`${the.web.url}${APP}`);
  await passLock(next);
  // The visit under way when the update was found comes back as it was.
  await h1(next, PHQ9.title).waitFor();
  await next.getByText('The visit you had not finished has been restored from this device.').waitFor();
  await next.getByText('Client LW-2002 – Baseline', { exact: true }).waitFor();
  await eventually(async () => JSON.stringify(Object.keys(await cacheContents(next))) === JSON.stringify([newCache]), {
    timeout: 10_000,
    message: `only the new cache left: ${JSON.stringify(Object.keys(await cacheContents(next)))}`,
  });
  assert.deepEqual((await cacheContents(next))[newCache], PRECACHED);
  assert.equal(await next.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.waiting)), null);
  await next.getByText(READY, { exact: true }).waitFor();
  await clickButton(next, 'Cancel visit');
  await clickButton(next, 'Yes, cancel the visit');
  await h1(next, HEADING_HOME).waitFor();
  const queue = await next.locator('.wb-queue li').allInnerTexts();
  assert.equal(queue.length, 1, 'the waiting visit survived the update');
  assert.match(queue[0], /^LW-2001 – Baseline/);

  // The intake is back: sent once.
  await the.intake.restart();
  await next.reload();
  await passLock(next);
  await next.getByText(ALL_SENT).waitFor({ timeout: 30_000 });
  await sleep(1_500);
  const stored = the.intake.stored().slice(storedBefore).map((r) => r.submission);
  assert.equal(stored.length, 1, 'exactly one payload');
  assert.equal(stored[0].client_reference, 'LW-2001');
  assert.deepEqual([...page.pageErrors, ...next.pageErrors].map(String), []);
});

test('a page that names a definitions file (data-instruments-url): the service worker keeps it too, so a licensed measure works with no network', { timeout: 120_000 }, async (t) => {
  // The host's configuration: SWEMWBS, with its wording from a definitions file beside the page.
  const page = fs
    .readFileSync(path.join(DIST_DIR, APP, 'index.html'), 'utf8')
    .replace(/data-measures="[^"]*"/, 'data-measures="swemwbs" data-instruments-url="instruments.json"');
  const configured = { body: page, type: 'text/html; charset=utf-8' };
  the.web.routes[`/${APP}`] = configured;
  the.web.routes[`/${APP}index.html`] = configured;
  the.web.routes[`/${APP}instruments.json`] = { body: fs.readFileSync(DEFINITIONS_FIXTURE), type: 'application/json; charset=utf-8' };
  const tab = await watch(await newPage(the.browser, { viewport: TABLET_LANDSCAPE }));
  const context = tab.context();
  t.after(async () => {
    for (const p of [`/${APP}`, `/${APP}index.html`, `/${APP}instruments.json`]) delete the.web.routes[p];
    await context.close().catch(() => {});
  });
  const storedBefore = the.intake.stored().length;

  await openApp(tab);
  await untilReady(tab);
  assert.deepEqual(Object.values(await cacheContents(tab)), [[...PRECACHED, '/link-worker/instruments.json'].sort()]);

  await outage(context);
  await tab.close();
  const next = await watch(await context.newPage());
  await openApp(next);
  assert.equal(await integratorNotice(next), null, 'the definitions file loaded with no network');
  await startVisit(next);
  await fillDetails(next, { reference: 'LW-3003', timepoint: 'Baseline' });
  await answerMeasure(next, SWEMWBS, [3, 3, 4, 2, 3, 3, 4]);
  await fillNotes(next);
  await h1(next, HEADING_CHECK_VISIT).waitFor();
  await sendAndFinish(next);

  await restore(context);
  await next.getByText(ALL_SENT).waitFor({ timeout: 30_000 });
  await sleep(1_500);
  const stored = the.intake.stored().slice(storedBefore).map((r) => r.submission);
  assert.equal(stored.length, 1, 'exactly one payload');
  assertValidSubmission(stored[0]);
  assert.deepEqual(stored[0].measures, [expectedMeasure(SWEMWBS, labelsOf(SWEMWBS, [3, 3, 4, 2, 3, 3, 4]))]);
  assert.deepEqual([...tab.pageErrors, ...next.pageErrors].map(String), []);
});
