// One folder, several modules: wellbeing.js loads, for each host element, only the module its
// attributes ask for (data-mode="follow-up": the follow-up; data-format="fhir": the FHIR module;
// data-instruments-url: the module that reads a definitions file; otherwise the patient module),
// and each module mounts only its own elements. Checked by which
// files the browser fetched. The patient pages register no service worker: they live on practice
// sites we do not own.

import { test } from 'node:test';
import { readFileSync } from 'node:fs';
import assert from 'node:assert/strict';
import {
  checkA11y,
  sleep,
  withPage,
} from './lib/harness.mjs';
import { rig } from './lib/rig.mjs';
import { HEADING_START, consoleErrors, h1, integratorNotice } from './lib/journey.mjs';
import { HEADING_SET_PASSCODE } from './lib/follow-up.mjs';

const MODULE_FILES = /\/(wellbeing-widget|wellbeing-licensed|wellbeing-fhir|wellbeing-follow-up)(\.js|_bg\.wasm)$/;

/** A host page with one element per entry of `elements` (its id and extra attributes), and nothing else. */
function hostPage(title, elements) {
  const hosts = elements
    .map(({ id, attrs = {} }) => {
      const extra = Object.entries(attrs).map(([k, v]) => ` ${k}="${v}"`).join('');
      return `<div id="${id}" data-wellbeing-widget data-endpoint="http://127.0.0.1:9/submissions"${extra}><p>Loading…</p></div>`;
    })
    .join('\n');
  return {
    type: 'text/html; charset=utf-8',
    body: `<!doctype html>
<html lang="en-GB">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title><link rel="icon" href="data:,"><script type="module" src="wellbeing.js"></script></head>
<body><main>
${hosts}
</main></body>
</html>`,
  };
}

const PATIENT = { id: 'referral' };
const FHIR = { id: 'fhir-referral', attrs: { 'data-format': 'fhir', 'data-measures': 'ons4' } };
const FOLLOW_UP = { id: 'visits', attrs: { 'data-mode': 'follow-up', 'data-measures': 'phq9' } };
const LICENSED = {
  id: 'licensed-referral',
  attrs: { 'data-measures': 'swemwbs,ons4', 'data-instruments-url': '/defs.json' },
};
// A definitions file with the licensed wording replaced by placeholders (the shape a licensed
// deployment supplies).
const DEFINITIONS = readFileSync(new URL('../fixtures/wemwbs-definitions.example.json', import.meta.url), 'utf8');

const the = rig({
  routes: {
    '/two-kinds.html': hostPage('A patient form and a follow-up', [PATIENT, FOLLOW_UP]),
    '/three-kinds.html': hostPage('Every kind', [FOLLOW_UP, PATIENT, FHIR]),
    '/fhir-only.html': hostPage('FHIR', [FHIR]),
    '/licensed.html': hostPage('A form with licensed instruments', [PATIENT, LICENSED]),
    '/defs.json': { type: 'application/json', body: DEFINITIONS },
    // A page that skips wellbeing.js and starts the follow-up module itself.
    '/module-directly.html': {
      type: 'text/html; charset=utf-8',
      body: hostPage('A module started directly', [PATIENT]).body.replace(
        '<script type="module" src="wellbeing.js"></script>',
        `<script type="module">import init from './wellbeing-follow-up.js'; init({ module_or_path: 'wellbeing-follow-up_bg.wasm' });</script>`,
      ),
    },
  },
});

/** Records the path of every file the page fetches from the widget's folder. */
function watchFetches(page) {
  page.fetched = [];
  page.on('request', (r) => {
    const u = new URL(r.url());
    if (u.origin === the.web.origin) page.fetched.push(u.pathname);
  });
}

const modulesFetched = (page) => [...new Set(page.fetched.filter((p) => MODULE_FILES.test(p)))].sort();

/** The h1 inside the widget on element `id`. */
function widgetH1(page, id, name) {
  return page.locator(`#${id}`).getByRole('heading', { level: 1, name, exact: true });
}

/** How many widgets were mounted into element `id` (its shadow root's containers). */
function mounted(page, id) {
  return page.locator(`#${id}`).evaluate((host) => host.shadowRoot?.querySelectorAll('.wb-root').length ?? 0);
}

async function registrations(page) {
  return page.evaluate(() => navigator.serviceWorker.getRegistrations().then((r) => r.length));
}

test('the demo patient page fetches only the patient module and registers no service worker', async (t) => {
  await withPage(the.browser, t, {}, async (page) => {
    watchFetches(page);
    await page.goto(the.web.url);
    await h1(page, HEADING_START).waitFor();
    await sleep(1_000);
    assert.deepEqual(modulesFetched(page), ['/wellbeing-widget.js', '/wellbeing-widget_bg.wasm']);
    assert.deepEqual(
      [...new Set(page.fetched)].filter((p) => p !== '/').sort(),
      ['/demo-host.css', '/main.css', '/wellbeing-widget.js', '/wellbeing-widget_bg.wasm', '/wellbeing.js'],
      'a patient downloads the loader, the patient module and its styles, nothing else',
    );
    assert.equal(await registrations(page), 0, 'no service worker registered');
    assert.equal(page.context().serviceWorkers().length, 0, 'no service worker running');
    assert.deepEqual(consoleErrors(page), []);
  });
});

test('a page with a patient form and a follow-up loads those two modules only; each mounts its own element once', async (t) => {
  await withPage(the.browser, t, {}, async (page) => {
    watchFetches(page);
    await page.goto(`${the.web.url}two-kinds.html`);
    await widgetH1(page, PATIENT.id, HEADING_START).waitFor();
    await widgetH1(page, FOLLOW_UP.id, HEADING_SET_PASSCODE).waitFor();
    await sleep(500);
    assert.deepEqual(modulesFetched(page), [
      '/wellbeing-follow-up.js',
      '/wellbeing-follow-up_bg.wasm',
      '/wellbeing-widget.js',
      '/wellbeing-widget_bg.wasm',
    ]);
    assert.equal(await mounted(page, PATIENT.id), 1);
    assert.equal(await mounted(page, FOLLOW_UP.id), 1);
    assert.equal(await integratorNotice(page), null, 'no configuration problem');
    assert.deepEqual(consoleErrors(page), []);
    assert.equal(await registrations(page), 0, 'no service worker registered');
    await checkA11y(page, 'a patient form and a follow-up on one page');
  });
});

test('a page with every kind loads each of the three modules once, in any order of elements', async (t) => {
  await withPage(the.browser, t, {}, async (page) => {
    watchFetches(page);
    await page.goto(`${the.web.url}three-kinds.html`);
    await widgetH1(page, FOLLOW_UP.id, HEADING_SET_PASSCODE).waitFor();
    await widgetH1(page, PATIENT.id, HEADING_START).waitFor();
    await widgetH1(page, FHIR.id, HEADING_START).waitFor();
    await sleep(500);
    const wasm = page.fetched.filter((p) => p.endsWith('.wasm')).sort();
    assert.deepEqual(wasm, ['/wellbeing-fhir_bg.wasm', '/wellbeing-follow-up_bg.wasm', '/wellbeing-widget_bg.wasm'], 'each module fetched once');
    for (const { id } of [PATIENT, FHIR, FOLLOW_UP]) assert.equal(await mounted(page, id), 1, `${id} mounted once`);
    assert.deepEqual(consoleErrors(page), []);
  });
});

test('a page with only a FHIR form fetches only the FHIR module', async (t) => {
  await withPage(the.browser, t, {}, async (page) => {
    watchFetches(page);
    await page.goto(`${the.web.url}fhir-only.html`);
    await widgetH1(page, FHIR.id, HEADING_START).waitFor();
    await sleep(500);
    assert.deepEqual(modulesFetched(page), ['/wellbeing-fhir.js', '/wellbeing-fhir_bg.wasm']);
    assert.equal(await integratorNotice(page), null, 'no configuration problem');
    assert.deepEqual(consoleErrors(page), []);
  });
});

test('an element with a definitions file gets the module that reads one; a plain element beside it the patient module', async (t) => {
  await withPage(the.browser, t, {}, async (page) => {
    watchFetches(page);
    await page.goto(`${the.web.url}licensed.html`);
    await widgetH1(page, PATIENT.id, HEADING_START).waitFor();
    await widgetH1(page, LICENSED.id, HEADING_START).waitFor();
    await sleep(500);
    assert.deepEqual(modulesFetched(page), [
      '/wellbeing-licensed.js',
      '/wellbeing-licensed_bg.wasm',
      '/wellbeing-widget.js',
      '/wellbeing-widget_bg.wasm',
    ]);
    assert.ok(page.fetched.includes('/defs.json'), 'the definitions file was read');
    assert.equal(await mounted(page, PATIENT.id), 1);
    assert.equal(await mounted(page, LICENSED.id), 1);
    assert.equal(await integratorNotice(page), null, 'the definitions file was accepted: no notice');
    assert.deepEqual(consoleErrors(page), []);
  });
});

test('a module started without wellbeing.js shows no form it cannot serve: a self-referral element given to the follow-up module says so', async (t) => {
  await withPage(the.browser, t, {}, async (page) => {
    await page.goto(`${the.web.url}module-directly.html`);
    await widgetH1(page, PATIENT.id, 'This form is not available at the moment').waitFor();
    await page.getByText(/given to the follow-up module, which cannot show the form it asks for: include wellbeing\.js/).waitFor();
    assert.ok(
      consoleErrors(page).some((m) => m.startsWith('[wellbeing-widget] this element was given to the follow-up module')),
      `told on the console: ${consoleErrors(page)}`,
    );
  });
});
