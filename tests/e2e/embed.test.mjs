// Embedding on a practice's website: the built widget (DIST_DIR) on host pages written
// the way a practice would (one module script, one element per widget, no inline script or
// style), each served with a strict Content-Security-Policy header, driven in headless Chromium
// by visible labels against the real intake receiver.
//
// Every server listens on 127.0.0.1 on its own port, and two ports are two origins: the framed
// page, its parent and the asset host are really cross-origin here.
//
// The strict CSP, with 'self' added to connect-src: the widget fetches its .wasm with
// fetch() (WebAssembly.instantiateStreaming), which connect-src governs, so the folder the assets
// come from must be allowed there too. "connect-src <endpoint>" alone blocks the widget (tested
// below: the widget then says it could not load).
//
//   default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self';
//   connect-src 'self' <intake origin>; img-src 'self' data:
//
// (img-src data: is for the pages' `<link rel="icon" href="data:,">`.)

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  DIST_DIR,
  PHONE,
  assertValidSubmission,
  eventually,
  sleep,
  withPage,
} from './lib/harness.mjs';
import { rig } from './lib/rig.mjs';
import { DEFAULT_MEASURES, ONS4, ONS_LONELINESS, expectedMeasure } from './lib/instruments.mjs';
import {
  CRISIS_SENTENCES,
  HEADING_CHECK,
  NOTICE_INTRO,
  answerInstrument,
  answerQuestion,
  caption,
  checkedValue,
  clickButton,
  consoleErrors,
  h1,
  onQuestion,
  onSent,
  referenceOf,
  REFERRAL_ROWS,
  questionsText,
  startJourney,
} from './lib/journey.mjs';
import { startEmbedServer, strictCsp } from './lib/embed-server.mjs';
import {
  FIXTURES,
  STYLE_PROPERTIES,
  assertNoCspViolations,
  checkA11yUnderCsp,
  computedStyle,
  computedStyles,
  documentStyleSheets,
  framePageHtml,
  hostPage,
  htmlRoute,
  recordCspViolations,
  widgetElement,
} from './lib/embed-pages.mjs';

const HEADING_START = 'Refer yourself for wellbeing support';
const HEADING_UNAVAILABLE = 'This form is not available at the moment';
const HEADING_RESUME = 'You have answers saved on this device';
const COULD_NOT_LOAD = /This form could not be loaded/;
const DESKTOP = { width: 1280, height: 900 };

// The widget's default theme (style/main.css) and the tests' own (fixtures/embed/theme.css).
const DEFAULT_BRAND = 'rgb(0, 94, 184)'; // #005eb8
const DEFAULT_BUTTON = 'rgb(0, 127, 59)'; // #007f3b
const GOOD_BRAND = 'rgb(107, 44, 145)'; // #6b2c91

const ANSWERS = {
  ons4: [7, 8, 4, 6],
  ucla3: ['Hardly ever or never', 'Some of the time', 'Often'],
  'ons-loneliness': ['Occasionally'],
};

// The pages here are served by per-test servers (one origin each): the rig gives the browser.
const the = rig({
  web: false,
  needs: ['index.html', 'frame.html', 'wellbeing.js', 'wellbeing-widget.js', 'wellbeing-widget_bg.wasm', 'main.css'],
});

// ---------------------------------------------------------------------------------------------
// Servers

/** A server (one origin) closed after the test. */
async function serve(t, options) {
  const server = await startEmbedServer(options);
  t.after(() => server.close());
  return server;
}

/** The practice's site: the widget's files at its root and the host's own files under /host/. */
function practiceSite(t) {
  return serve(t, { mounts: { '/': DIST_DIR, '/host/': FIXTURES } });
}

/** The header of a page whose widget assets are on its own origin. */
function cspHeader(intake, extra = {}) {
  return {
    'Content-Security-Policy': strictCsp({
      connect: ["'self'", intake.url, ...(extra.connect ?? [])],
      img: ["'self'", 'data:'],
      ...(extra.frame ? { frame: extra.frame } : {}),
    }),
  };
}

// ---------------------------------------------------------------------------------------------
// Pages and steps

/** withPage, with CSP violations recorded from the first navigation on, and every request. */
function onPage(t, options, fn) {
  return withPage(the.browser, t, options, async (page) => {
    page.requestedUrls = [];
    page.on('request', (r) => page.requestedUrls.push(r.url()));
    await recordCspViolations(page);
    await fn(page);
  });
}

/** The widget inside host element `#id` (locators pierce its open shadow root). */
function widget(page, id) {
  return page.locator(`#${id}`);
}

/** Waits for the widget's start page in `scope`. */
async function onStart(scope) {
  await h1(scope, HEADING_START).waitFor();
}

/** Check your answers in `scope`: a section per instrument, a row per item, a Change link each. */
async function onCheckPage(scope, measures) {
  await h1(scope, HEADING_CHECK).waitFor();
  const titles = (await scope.getByRole('heading', { level: 2 }).allInnerTexts()).map((s) => s.trim());
  assert.deepEqual(
    titles.filter((s) => measures.some(([inst]) => inst.title === s)),
    measures.map(([inst]) => inst.title),
    'a heading per instrument, in order',
  );
  const rows = await scope.locator('dt').evaluateAll((dts) =>
    dts.map((dt) => [dt.textContent.trim(), dt.nextElementSibling?.textContent.replace(/\s+/g, ' ').trim()]),
  );
  const expected = REFERRAL_ROWS.concat(
    measures.flatMap(([inst, answers]) =>
      inst.items.map((item, i) => [item.short, answers[i] === null ? 'Not answered' : item.options.find((o) => o.label === String(answers[i])).shown]),
    ),
  );
  assert.deepEqual(rows, expected, 'check your answers lists every answer as given');
  for (const [inst] of measures) {
    for (const item of inst.items) {
      assert.equal(await scope.getByRole('link', { name: `Change ${item.short}`, exact: true }).count(), 1);
    }
  }
}

/**
 * Asserts two `computedStyles` results are the same, listing only what differs
 * ("widget max-width: 240px, expected 640px").
 */
function assertSameStyles(actual, expected, what) {
  const diffs = [];
  for (const [name, props] of Object.entries(expected)) {
    for (const [prop, value] of Object.entries(props)) {
      const got = actual[name]?.[prop];
      if (got !== value) diffs.push(`${name} ${prop}: ${got}, expected ${value}`);
    }
  }
  assert.deepEqual(diffs, [], `${what}; differences:\n  ${diffs.join('\n  ')}`);
}

/** The records stored by `intake` once `count` have arrived (and no more follow). */
async function storedRecords(intake, count) {
  await eventually(() => intake.stored().length >= count, { timeout: 10_000, message: `${count} stored submission(s)` });
  await sleep(300);
  const all = intake.stored();
  assert.equal(all.length, count, `exactly ${count} stored submission(s)`);
  return all;
}

/** The wellbeing:* events the host page's own script (fixtures/embed/listen.js) received. */
function hostEvents(page) {
  return page.evaluate(() => window.wellbeingEvents);
}

/** The integrator notice's items in `scope` (null when there is none). */
async function noticeItems(scope) {
  const intro = scope.getByText(NOTICE_INTRO, { exact: true });
  if ((await intro.count()) === 0) return null;
  assert.ok(await intro.isVisible(), 'the notice for the website team is visible');
  return (await scope.locator('.wb-integrator-notice li').allInnerTexts()).map((s) => s.replace(/\s+/g, ' ').trim());
}

// ---------------------------------------------------------------------------------------------
// (a) A hostile host page under a strict CSP

/** The host's own content around the widget: elements the widget also uses, styled by the host. */
function hostileBody(widgetHtml = '') {
  return `    <header>
      <h1 id="host-h1">Example Surgery</h1>
      <p id="host-p">Open Monday to Friday. <a id="host-a" href="#contact">Contact us</a></p>
    </header>
    <main>
      <h2 id="host-h2">Wellbeing</h2>
      <button id="host-button" type="button">Search this site</button>
      ${widgetHtml}
      <p id="contact">Call the practice on 01234 567890.</p>
    </main>`;
}

/**
 * What the host's CSS sets on its own elements (their box sizes are left out: the page's height
 * grows with the widget's content, as with any content).
 */
const HOST_PROPERTIES = STYLE_PROPERTIES.filter((p) => p !== 'width' && p !== 'height');

/** The host page's own elements, for comparing their computed styles. */
function hostElements(page) {
  return [
    ['html', page.locator('html')],
    ['body', page.locator('body')],
    ['h1', page.locator('#host-h1')],
    ['h2', page.locator('#host-h2')],
    ['p', page.locator('#host-p')],
    ['a', page.locator('#host-a')],
    ['button', page.locator('#host-button')],
    ['contact', page.locator('#contact')],
  ];
}

/** The widget's elements on its start page. */
function startElements(scope) {
  return [
    ['widget', scope.locator('.wb-widget')],
    ['h1', h1(scope, HEADING_START)],
    ['paragraph', scope.locator('p.wb-body')],
    ['start button', scope.getByRole('button', { name: 'Start now', exact: true })],
    ['get help link', scope.getByRole('link', { name: 'Get help now', exact: true })],
    ['clear button', scope.getByRole('button', { name: 'Clear my answers', exact: true })],
    ['crisis list item', scope.getByRole('listitem').first()],
  ];
}

/** The widget's elements on ONS4 question 1. */
function questionElements(scope) {
  const item = ONS4.items[0];
  const group = scope.getByRole('group', { name: item.text });
  return [
    ['fieldset', group],
    ['legend', group.locator('legend')],
    ['caption', scope.getByText(caption(ONS4, 1), { exact: true })],
    ['h1', h1(scope, item.text)],
    ['hint', scope.getByText(ONS4.instructions, { exact: true })],
    ['radio', group.getByRole('radio', { name: item.options[0].name, exact: true })],
    ['radio label', group.locator('label').first()],
    ['continue', scope.getByRole('button', { name: 'Continue', exact: true })],
    ['skip', scope.getByRole('button', { name: 'Skip this question', exact: true })],
    ['back', scope.getByRole('button', { name: 'Back', exact: true })],
  ];
}

test('a hostile host page under a strict CSP: the widget looks and works the same, the page keeps its own styles, no CSP violation, axe passes', async (t) => {
  const site = await practiceSite(t);
  const intake = await the.freshIntake(t, { origins: site.origin });
  const headers = cspHeader(intake);
  const element = widgetElement({ id: 'wellbeing', endpoint: intake.submissionsUrl });
  site.route('/plain.html', htmlRoute(hostPage({ body: `<main>${element}</main>` }), headers));
  site.route(
    '/hostile.html',
    htmlRoute(hostPage({ stylesheets: ['/host/hostile.css'], scripts: ['/host/listen.js'], body: hostileBody(element) }), headers),
  );
  site.route(
    '/hostile-without-widget.html',
    htmlRoute(hostPage({ stylesheets: ['/host/hostile.css'], widgetSrc: null, body: hostileBody() }), headers),
  );

  // The widget on a page with no styles of its own: what it should look like.
  let plain;
  await onPage(t, { viewport: DESKTOP }, async (page) => {
    await page.goto(`${site.origin}/plain.html`);
    const w = widget(page, 'wellbeing');
    await onStart(w);
    const start = await computedStyles(startElements(w));
    await startJourney(w);
    await onQuestion(w, ONS4, 1, { full: false });
    plain = { start, question: await computedStyles(questionElements(w)) };
    await assertNoCspViolations(page, 'the plain page');
  });

  // The hostile page without the widget: what the host's own elements should look like.
  let hostBefore;
  let sheetsBefore;
  await onPage(t, { viewport: DESKTOP }, async (page) => {
    await page.goto(`${site.origin}/hostile-without-widget.html`);
    await page.locator('#host-h1').waitFor();
    hostBefore = await computedStyles(hostElements(page), HOST_PROPERTIES);
    sheetsBefore = await documentStyleSheets(page);
  });

  await onPage(t, { viewport: DESKTOP }, async (page) => {
    // The practice's own cookie: 127.0.0.1 cookies go to every port, so the intake would get it
    // if the widget sent credentials.
    await page.context().addCookies([{ name: 'practice-session', value: 'secret', domain: '127.0.0.1', path: '/' }]);
    const posts = [];
    page.on('request', (r) => {
      if (r.method() === 'POST') posts.push(r);
    });
    await page.goto(`${site.origin}/hostile.html`);
    const w = widget(page, 'wellbeing');
    await onStart(w);

    // The widget is not touched by the host's CSS...
    assertSameStyles(await computedStyles(startElements(w)), plain.start, 'the start page looks as on a plain page');
    // ...and its CSS does not touch the host's page.
    assertSameStyles(await computedStyles(hostElements(page), HOST_PROPERTIES), hostBefore, "the host's own elements keep the host's styles");
    assert.deepEqual(await documentStyleSheets(page), sheetsBefore, 'the widget adds no stylesheet to the document');

    await startJourney(w);
    await onQuestion(w, ONS4, 1);
    const question = await computedStyles(questionElements(w));
    assertSameStyles(question, plain.question, 'a question page looks as on a plain page');
    assert.equal(question['radio label']['font-size'], plain.question['radio label']['font-size'], 'radio labels keep their size');
    assert.equal(question['radio label']['font-size'], '19px');
    for (const name of ['Continue', 'Skip this question']) {
      const box = await w.getByRole('button', { name, exact: true }).boundingBox();
      assert.ok(box && box.height >= 44, `"${name}" is at least 44 px tall on the hostile page (got ${box?.height})`);
    }
    const radioBox = await w.getByRole('radio').first().boundingBox();
    assert.ok(radioBox && radioBox.width >= 24 && radioBox.height >= 24, `radios are at least 24 px (got ${JSON.stringify(radioBox)})`);
    assertSameStyles(
      await computedStyles(hostElements(page), HOST_PROPERTIES),
      hostBefore,
      "the host's own elements keep the host's styles on a question page",
    );

    // The whole journey, by labels, at phone size; axe on every kind of page.
    await page.setViewportSize(PHONE);
    await checkA11yUnderCsp(page, 'hostile page: ONS4 question 1');
    await clickButton(w, 'Continue');
    await w.getByText(ONS4.items[0].missing).first().waitFor();
    await checkA11yUnderCsp(page, 'hostile page: the error state');
    const measures = DEFAULT_MEASURES.map((inst) => [inst, ANSWERS[inst.id]]);
    for (const [inst, answers] of measures) {
      await answerInstrument(w, inst, answers, { hostId: 'wellbeing' });
    }
    await onCheckPage(w, measures);
    await checkA11yUnderCsp(page, 'hostile page: check your answers');
    await clickButton(w, 'Confirm and send');
    const reference = await onSent(w);
    await checkA11yUnderCsp(page, 'hostile page: sent');

    const [record] = await storedRecords(intake, 1);
    assertValidSubmission(record.submission);
    assert.deepEqual(
      record.submission.measures,
      measures.map(([inst, answers]) => expectedMeasure(inst, answers)),
      'the stored submission has the answers given',
    );
    assert.equal(reference, referenceOf(record.submission.submission_id));

    // One POST, to the endpoint as configured, with no cookie and no referrer.
    assert.deepEqual(posts.map((r) => r.url()), [intake.submissionsUrl], 'one POST, to the endpoint');
    const sent = await posts[0].allHeaders();
    assert.equal(sent.cookie, undefined, 'no cookie is sent to the intake');
    assert.equal(sent.referer, undefined, 'no referrer is sent to the intake');
    assert.equal(sent['idempotency-key'], record.submission.submission_id);

    await assertNoCspViolations(page, 'the hostile page');
    assert.deepEqual(consoleErrors(page), [], 'no console errors on the hostile page');
    const origins = new Set(page.requestedUrls.map((u) => new URL(u).origin));
    assert.deepEqual([...origins].sort(), [intake.url, site.origin].sort(), 'no request leaves the page and the intake');
  });
});

// ---------------------------------------------------------------------------------------------
// (b) Two widgets on one page

test('two widgets on one page work independently: their own measures, answers, drafts, submissions and events', async (t) => {
  const site = await practiceSite(t);
  const intake = await the.freshIntake(t, { origins: site.origin });
  const body = `<main>
      ${widgetElement({ id: 'wb-a', endpoint: intake.submissionsUrl, 'data-measures': 'ons4' })}
      ${widgetElement({ id: 'wb-b', endpoint: intake.submissionsUrl, 'data-measures': 'ons-loneliness,ons4' })}
    </main>`;
  site.route('/two.html', htmlRoute(hostPage({ scripts: ['/host/listen.js'], body }), cspHeader(intake)));

  await onPage(t, {}, async (page) => {
    await page.goto(`${site.origin}/two.html`);
    const a = widget(page, 'wb-a');
    const b = widget(page, 'wb-b');
    await onStart(a);
    await onStart(b);
    assert.ok(await a.getByText(questionsText(4), { exact: false }).isVisible(), 'widget A asks ONS4 (4 questions)');
    assert.ok(await b.getByText(questionsText(5), { exact: false }).isVisible(), 'widget B asks the direct question and ONS4 (5)');

    // A starts; B stays on its start page.
    await startJourney(a);
    await answerQuestion(a, ONS4, 1, 7, { hostId: 'wb-a' });
    await onQuestion(a, ONS4, 2, { hostId: 'wb-a' });
    assert.ok(await h1(b, HEADING_START).isVisible(), 'B is still on its start page');

    // B: its own first measure, and ONS4 with nothing chosen (A's answer is A's).
    await startJourney(b);
    const lonely = await onQuestion(b, ONS_LONELINESS, 1, { hostId: 'wb-b' });
    assert.equal(await checkedValue(lonely), null);
    await answerQuestion(b, ONS_LONELINESS, 1, 'Occasionally', { hostId: 'wb-b' });
    const bQ1 = await onQuestion(b, ONS4, 1, { hostId: 'wb-b' });
    assert.equal(await checkedValue(bQ1), null, "A's answer does not appear in B");
    await answerQuestion(b, ONS4, 1, 2, { hostId: 'wb-b' });
    await onQuestion(b, ONS4, 2, { hostId: 'wb-b' });
    await onQuestion(a, ONS4, 2, { hostId: 'wb-a', full: false });

    // Each keeps its own draft on the device, and comes back to it.
    const keys = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('wellbeing-widget.')).sort());
    assert.ok(keys.includes('wellbeing-widget.v1.wb-a.draft') && keys.includes('wellbeing-widget.v1.wb-b.draft'), `a draft per widget: ${keys}`);
    await page.reload();
    for (const w of [a, b]) {
      await h1(w, HEADING_RESUME).waitFor();
      await clickButton(w, 'Continue where you left off');
    }
    await onQuestion(a, ONS4, 2, { hostId: 'wb-a', full: false });
    await clickButton(a, 'Back');
    assert.equal(await checkedValue(await onQuestion(a, ONS4, 1, { hostId: 'wb-a', full: false })), 7, 'A kept 7');
    await onQuestion(b, ONS4, 2, { hostId: 'wb-b', full: false });
    await clickButton(b, 'Back');
    assert.equal(await checkedValue(await onQuestion(b, ONS4, 1, { hostId: 'wb-b', full: false })), 2, 'B kept 2');

    // Both finish and send at the same time.
    const answersA = [7, 8, 4, 6];
    const answersB = [2, 3, 5, 1];
    await answerInstrument(a, ONS4, answersA, { hostId: 'wb-a' });
    await answerInstrument(b, ONS4, answersB, { hostId: 'wb-b' });
    await onCheckPage(a, [[ONS4, answersA]]);
    await onCheckPage(b, [[ONS_LONELINESS, ['Occasionally']], [ONS4, answersB]]);
    await Promise.all([clickButton(a, 'Confirm and send'), clickButton(b, 'Confirm and send')]);
    const refA = await onSent(a);
    const refB = await onSent(b);
    assert.notEqual(refA, refB);

    const records = await storedRecords(intake, 2);
    const byRef = Object.fromEntries(records.map((r) => [referenceOf(r.submission.submission_id), r.submission]));
    assert.deepEqual(Object.keys(byRef).sort(), [refA, refB].sort(), 'each widget stored once, under the reference it showed');
    assert.deepEqual(byRef[refA].measures, [expectedMeasure(ONS4, answersA)], "A's submission holds A's answers only");
    assert.deepEqual(
      byRef[refB].measures,
      [expectedMeasure(ONS_LONELINESS, ['Occasionally']), expectedMeasure(ONS4, answersB)],
      "B's submission holds B's answers only",
    );
    for (const s of Object.values(byRef)) assertValidSubmission(s);

    // The host page heard each widget's submission on that widget's element, with only the reference.
    const events = await eventually(async () => {
      const e = await hostEvents(page);
      return e.length >= 2 && e;
    }, { message: 'two wellbeing:submitted events' });
    assert.deepEqual(
      [...events].sort((x, y) => x.host.localeCompare(y.host)),
      [
        { type: 'wellbeing:submitted', host: 'wb-a', detail: { reference: refA } },
        { type: 'wellbeing:submitted', host: 'wb-b', detail: { reference: refB } },
      ],
    );
    await assertNoCspViolations(page, 'the page with two widgets');
    assert.deepEqual(consoleErrors(page), []);
  });
});

// ---------------------------------------------------------------------------------------------
// (c, d, e) Events, the endpoint rule and the theme

test('configuration: theme colours used or refused with a notice, a plain-http or missing endpoint refused, each reported to the host page as wellbeing:error', async (t) => {
  const site = await practiceSite(t);
  const intake = await the.freshIntake(t, { origins: site.origin });
  const endpoint = intake.submissionsUrl;
  const body = `<main>
      ${widgetElement({ id: 'good-theme', endpoint, 'data-measures': 'ons4' })}
      ${widgetElement({ id: 'bad-brand', endpoint, 'data-measures': 'ons4' })}
      ${widgetElement({ id: 'bad-button', endpoint, 'data-measures': 'ons4' })}
      ${widgetElement({ id: 'http-endpoint', endpoint: 'http://intake.example.org/submissions' })}
      <div id="no-endpoint" data-wellbeing-widget><p>Loading the wellbeing form…</p></div>
    </main>`;
  site.route(
    '/config.html',
    htmlRoute(hostPage({ stylesheets: ['/host/theme.css'], scripts: ['/host/listen.js'], body }), cspHeader(intake)),
  );

  await onPage(t, { viewport: DESKTOP }, async (page) => {
    await page.goto(`${site.origin}/config.html`);
    for (const id of ['good-theme', 'bad-brand', 'bad-button']) await onStart(widget(page, id));
    for (const id of ['http-endpoint', 'no-endpoint']) await h1(widget(page, id), HEADING_UNAVAILABLE).waitFor();

    const linkColour = (id) => computedStyle(widget(page, id).getByRole('link', { name: 'Get help now', exact: true }), ['color']);
    const buttonColour = (id) =>
      computedStyle(widget(page, id).getByRole('button', { name: 'Start now', exact: true }), ['background-color']);

    // (e) A colour that passes AA with white is used for links and buttons.
    assert.deepEqual(await linkColour('good-theme'), { color: GOOD_BRAND }, 'links take --wellbeing-brand');
    assert.deepEqual(await buttonColour('good-theme'), { 'background-color': GOOD_BRAND }, 'buttons take --wellbeing-button');
    assert.equal(await noticeItems(widget(page, 'good-theme')), null, 'no notice for a good theme');

    // A failing one is refused: the default is used and the website team is told.
    assert.deepEqual(await linkColour('bad-brand'), { color: DEFAULT_BRAND }, 'a refused brand colour falls back to the default');
    assert.deepEqual(await buttonColour('bad-brand'), { 'background-color': DEFAULT_BUTTON });
    const brandNotice = await noticeItems(widget(page, 'bad-brand'));
    assert.equal(brandNotice?.length, 1, `one item in the notice: ${JSON.stringify(brandNotice)}`);
    assert.match(brandNotice[0], /--wellbeing-brand .*contrast .*4\.5:1.*default is used/);
    assert.deepEqual(await buttonColour('bad-button'), { 'background-color': DEFAULT_BUTTON }, 'a refused button colour falls back');
    assert.deepEqual(await linkColour('bad-button'), { color: DEFAULT_BRAND });
    const buttonNotice = await noticeItems(widget(page, 'bad-button'));
    assert.equal(buttonNotice?.length, 1);
    assert.match(buttonNotice[0], /--wellbeing-button .*contrast .*4\.5:1/);

    // (d) A plain-http endpoint that is not this machine, or none, stops the form.
    for (const id of ['http-endpoint', 'no-endpoint']) {
      const w = widget(page, id);
      assert.equal(await w.getByRole('radio').count(), 0, `${id}: no question`);
      assert.equal(await w.getByRole('button', { name: 'Start now' }).count(), 0, `${id}: no start button`);
      assert.ok(await w.getByRole('link', { name: /116 123/ }).isVisible(), `${id}: crisis help is still shown`);
    }
    assert.ok(await widget(page, 'http-endpoint').getByText(/data-endpoint must use https:\/\//).isVisible());

    // (c) The host page heard each problem from the widget it concerns.
    const events = await hostEvents(page);
    const byHost = (id) => events.filter((e) => e.host === id);
    assert.deepEqual(byHost('good-theme'), [], 'no event for a good configuration');
    for (const [id, pattern] of [
      ['bad-brand', /^--wellbeing-brand gives a contrast of only 1\.\d\d:1 with white/],
      ['bad-button', /^--wellbeing-button gives a contrast of only 1\.\d\d:1 with white/],
      ['http-endpoint', /^data-endpoint must use https:\/\//],
      ['no-endpoint', /^data-endpoint is missing/],
    ]) {
      const list = byHost(id);
      assert.equal(list.length, 1, `one event from #${id}: ${JSON.stringify(list)}`);
      assert.equal(list[0].type, 'wellbeing:error');
      assert.deepEqual(Object.keys(list[0].detail).sort(), ['code', 'message'], 'the detail is a code and a message');
      assert.equal(list[0].detail.code, 'configuration');
      assert.match(list[0].detail.message, pattern);
    }
    // The console says the same, with the widget's prefix.
    const errors = consoleErrors(page);
    for (const pattern of [/--wellbeing-brand gives/, /--wellbeing-button gives/, /data-endpoint must use https/, /data-endpoint is missing/]) {
      assert.ok(errors.some((e) => e.startsWith('[wellbeing-widget] ') && pattern.test(e)), `console: ${pattern} in ${JSON.stringify(errors)}`);
    }
    assert.ok(!page.requestedUrls.some((u) => u.includes('example.org')), 'nothing is sent to the refused endpoint');

    // The refused colour never stops the form.
    await startJourney(widget(page, 'bad-brand'));
    await onQuestion(widget(page, 'bad-brand'), ONS4, 1, { hostId: 'bad-brand' });
    await page.setViewportSize(PHONE);
    await checkA11yUnderCsp(page, 'notices and refused endpoints');
    await assertNoCspViolations(page, 'the configuration page');
  });
});

// ---------------------------------------------------------------------------------------------
// (f) The iframe option

test('the iframe option: the framed page reports its height to data-parent-origin only, and passes axe', async (t) => {
  const frameSite = await serve(t, { mounts: { '/': DIST_DIR } });
  const parentA = await serve(t, { mounts: { '/host/': FIXTURES } });
  const parentC = await serve(t, { mounts: { '/host/': FIXTURES } });
  const intake = await the.freshIntake(t, { origins: frameSite.origin });
  frameSite.route(
    '/frame.html',
    htmlRoute(framePageHtml({ endpoint: intake.submissionsUrl, parentOrigin: parentA.origin }), cspHeader(intake)),
  );
  const parentHtml = hostPage({
    title: 'Contact us – Example Surgery',
    stylesheets: ['/host/frame-parent.css'],
    scripts: ['/host/record-messages.js', '/host/parent.js'],
    widgetSrc: null,
    body: `<main>
      <h1>Contact us</h1>
      <iframe data-wellbeing-frame title="Wellbeing self-referral form" src="${frameSite.origin}/frame.html"></iframe>
    </main>`,
  });
  const parentCsp = {
    'Content-Security-Policy': strictCsp({ connect: ["'self'"], img: ["'self'", 'data:'], frame: [frameSite.origin] }),
  };
  parentA.route('/parent.html', htmlRoute(parentHtml, parentCsp));
  parentC.route('/parent.html', htmlRoute(parentHtml, parentCsp));

  let fromA = [];
  await onPage(t, {}, async (page) => {
    await page.goto(`${parentA.origin}/parent.html`);
    const framed = page.frameLocator('iframe[data-wellbeing-frame]');
    await onStart(framed);
    let messages = await eventually(async () => {
      const m = await page.evaluate(() => window.receivedMessages);
      return m.some((x) => x.data?.height > 100) && m;
    }, { message: 'a height message on the parent' });
    for (const m of messages) {
      assert.equal(m.origin, frameSite.origin, 'messages come from the frame only');
      assert.deepEqual(Object.keys(m.data).sort(), ['height', 'type']);
      assert.equal(m.data.type, 'wellbeing:height');
    }
    const frameBox = async () => (await page.locator('iframe[data-wellbeing-frame]').boundingBox()).height;
    const startHeight = messages.at(-1).data.height;
    await eventually(async () => (await frameBox()) === Math.ceil(startHeight), { message: 'the parent sized the frame' });

    // The content changes: a new height follows, and the frame fits it.
    const seen = messages.length;
    await startJourney(framed);
    await h1(framed, ONS4.items[0].text).waitFor();
    messages = await eventually(async () => {
      const m = await page.evaluate(() => window.receivedMessages);
      return m.length > seen && m.slice(seen).some((x) => x.data.height !== startHeight) && m;
    }, { message: 'a new height after Start now' });
    const questionHeight = messages.at(-1).data.height;
    assert.ok(questionHeight > startHeight, `the question page is taller (${startHeight} → ${questionHeight})`);
    assert.ok(messages.every((m) => m.origin === frameSite.origin && m.data.type === 'wellbeing:height'));
    await eventually(async () => (await frameBox()) === Math.ceil(questionHeight), { message: 'the frame resized' });
    const scrolls = await page.frames().find((f) => f.url().startsWith(frameSite.origin)).evaluate(
      () => document.documentElement.scrollHeight - document.documentElement.clientHeight,
    );
    assert.ok(scrolls <= 1, `the framed page does not scroll inside the frame (overflow ${scrolls}px)`);

    // The framed page passes axe and has no CSP violation (nor the parent).
    const frame = page.frames().find((f) => f.url().startsWith(frameSite.origin));
    await checkA11yUnderCsp(frame, 'the framed page: a question');
    await assertNoCspViolations(page, 'the parent and the framed page');
    fromA = messages;
  });

  // Another site framing the same page gets nothing: the messages are addressed to A only.
  await onPage(t, {}, async (page) => {
    await page.goto(`${parentC.origin}/parent.html`);
    const framed = page.frameLocator('iframe[data-wellbeing-frame]');
    await onStart(framed);
    await startJourney(framed);
    await h1(framed, ONS4.items[0].text).waitFor();
    await sleep(3_000);
    assert.deepEqual(await page.evaluate(() => window.receivedMessages), [], 'a parent on another origin receives no message');
    assert.equal(
      (await page.locator('iframe[data-wellbeing-frame]').boundingBox()).height,
      200,
      'so its frame keeps the height its own stylesheet gave',
    );
    // The widget did try, addressed to A: the browser refused to deliver it to C.
    assert.ok(
      page.consoleMessages.some((m) => m.text.includes('postMessage') && m.text.includes(parentA.origin)),
      `the browser reports the mismatched target origin: ${JSON.stringify(page.consoleMessages.map((m) => m.text))}`,
    );
  });

  // Every height A received was the widget's: never 0 (a frame sized to 0 px, even for a
  // moment, makes the parent page jump).
  assert.deepEqual(
    fromA.filter((m) => !(Number.isFinite(m.data.height) && m.data.height > 100)).map((m) => m.data),
    [],
    `every height is the widget's, over 100 px (in order: ${fromA.map((m) => m.data.height).join(', ')})`,
  );
});

// ---------------------------------------------------------------------------------------------
// (g) The assets on another origin, under a sub-path

test('the assets load from the script’s own folder on another origin (with CORS), and the CSP must allow that origin', async (t) => {
  const FOLDER = '/cdn/wellbeing/';
  const cdn = await serve(t, {
    mounts: { [FOLDER]: DIST_DIR },
    headers: { 'Access-Control-Allow-Origin': '*' },
  });
  const noCors = await serve(t, { mounts: { [FOLDER]: DIST_DIR } });
  const site = await practiceSite(t);
  const intake = await the.freshIntake(t, { origins: site.origin });
  const page = (assets, csp) =>
    htmlRoute(
      hostPage({
        scripts: ['/host/listen.js'],
        widgetSrc: `${assets.origin}${FOLDER}wellbeing.js`,
        body: `<main>${widgetElement({ id: 'wellbeing', endpoint: intake.submissionsUrl, 'data-measures': 'ons4' })}</main>`,
      }),
      { 'Content-Security-Policy': csp },
    );
  const cspFor = (assets, { connectAssets = true } = {}) =>
    strictCsp({
      script: [assets.origin],
      style: [assets.origin],
      connect: [intake.url, ...(connectAssets ? [assets.origin] : [])],
      img: ["'self'", 'data:'],
    });
  site.route('/cdn.html', page(cdn, cspFor(cdn)));
  site.route('/no-cors.html', page(noCors, cspFor(noCors)));
  site.route('/no-connect.html', page(cdn, cspFor(cdn, { connectAssets: false })));

  await onPage(t, {}, async (p) => {
    await p.goto(`${site.origin}/cdn.html`);
    const w = widget(p, 'wellbeing');
    await onStart(w);
    await startJourney(w);
    await answerInstrument(w, ONS4, ANSWERS.ons4, { hostId: 'wellbeing' });
    await onCheckPage(w, [[ONS4, ANSWERS.ons4]]);
    await clickButton(w, 'Confirm and send');
    const reference = await onSent(w);
    const [record] = await storedRecords(intake, 1);
    assert.equal(reference, referenceOf(record.submission.submission_id));
    assert.deepEqual(
      [...new Set(cdn.requests)].sort(),
      ['main.css', 'wellbeing-widget.js', 'wellbeing-widget_bg.wasm', 'wellbeing.js'].map((f) => FOLDER + f),
      "every asset came from the script's own folder",
    );
    assert.ok(!site.requests.some((r) => /wellbeing|main\.css/.test(r) && !r.startsWith('/host/')), 'nothing of the widget from the host');
    await assertNoCspViolations(p, 'the page with assets on another origin');
    assert.deepEqual(consoleErrors(p), []);
  });

  // Without Access-Control-Allow-Origin the browser will not run a module from another origin:
  // the element keeps whatever the host put in it.
  await onPage(t, {}, async (p) => {
    await p.goto(`${site.origin}/no-cors.html`);
    await eventually(() => p.consoleMessages.some((m) => /CORS|Access-Control-Allow-Origin/.test(m.text)), {
      message: 'a CORS error in the console',
    });
    await sleep(500);
    assert.equal((await widget(p, 'wellbeing').innerText()).trim(), 'Loading the wellbeing form…', 'the placeholder stays');
  });

  // Without the asset origin in connect-src the .wasm cannot be fetched: the widget says so.
  await onPage(t, {}, async (p) => {
    await p.goto(`${site.origin}/no-connect.html`);
    await widget(p, 'wellbeing').getByText(COULD_NOT_LOAD).waitFor();
    assert.ok(await widget(p, 'wellbeing').getByRole('heading').count() === 0, 'no form');
    const fallback = (await widget(p, 'wellbeing').innerText()).replace(/\s+/g, ' ');
    for (const sentence of CRISIS_SENTENCES) assert.ok(fallback.includes(sentence), `the fallback says: ${sentence}`);
    assert.ok(consoleErrors(p).some((e) => e.startsWith('[wellbeing-widget] the widget could not start')));
    const violations = await p.evaluate(() => window.__cspViolations);
    assert.ok(violations.some((v) => v.startsWith('connect-src') && v.includes('wellbeing-widget_bg.wasm')), JSON.stringify(violations));
  });
});
