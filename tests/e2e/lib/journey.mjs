// Steps of the journey as a person takes them (by visible labels and roles), and what each page
// must show, for any instrument described in lib/instruments.mjs.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { DIST_DIR, assertValidSubmission, eventually, sleep } from './harness.mjs';
import { DEFAULT_MEASURES, expectedMeasure, expectedRisk, optionOf } from './instruments.mjs';

export const HEADING_CHECK = 'Check your answers before sending';
export const HEADING_SENT = 'Your answers have been sent';
export const HEADING_URGENT = 'You can get help now';
export const HEADING_START = 'Refer yourself for wellbeing support';
export const HEADING_RESUME = 'You have answers saved on this device';
export const HEADING_SENDING = 'Sending your answers';
export const HEADING_WAITING = 'Your answers are saved on this device';
export const HEADING_REFUSED = 'Your answers could not be sent';
export const NOTICE_INTRO = 'Part of this form is not set up correctly. For the website team:';
export const REFERENCE_RE = /WB(-[2-9A-HJ-NP-Z]{4}){4}/;

// ---------------------------------------------------------------------------------------------
// Host pages

function escapeAttr(s) {
  return String(s).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * The built demo page (DIST_DIR/index.html) with extra attributes on its host element, e.g.
 * `{ 'data-measures': 'phq9' }`. The static server still rewrites its data-endpoint.
 */
export function hostPageHtml(attributes = {}) {
  const html = fs.readFileSync(path.join(DIST_DIR, 'index.html'), 'utf8');
  const extra = Object.entries(attributes)
    .map(([name, value]) => ` ${name}="${escapeAttr(value)}"`)
    .join('');
  const host = /(\s)data-wellbeing-widget(?=[\s>])/;
  assert.match(html, host, 'the demo page has a data-wellbeing-widget element');
  return html.replace(host, `$1data-wellbeing-widget${extra}`);
}

/** A route for startStatic's `routes`: an HTML host page. */
export function hostRoute(attributes) {
  return { body: hostPageHtml(attributes), type: 'text/html; charset=utf-8' };
}

/** The id of the demo page's host element (field ids are wb-<host id>-<instrument>-<item>). */
export const HOST_ID = 'wellbeing';

// ---------------------------------------------------------------------------------------------
// Small steps

export function h1(page, name) {
  return page.getByRole('heading', { level: 1, name, exact: true });
}

export async function clickButton(page, name) {
  await page.getByRole('button', { name, exact: true }).click();
}

/** Opens a host page and waits for the widget's first heading. */
export async function openWidget(page, url) {
  await page.goto(url);
  await page.getByRole('heading', { level: 1 }).first().waitFor();
}

/** The caption above each question. */
export function caption(inst, n) {
  return `${inst.title} – Question ${n} of ${inst.items.length}`;
}

/**
 * Waits for question n (1-based) of `inst` and asserts what it shows; returns its fieldset.
 * `full` also checks every radio, the hint, the copyright line and the buttons.
 * `lonelinessQuestions`: how many loneliness questions are asked together (the UCLA items and,
 * straight after them, the direct question: 4), which the introduction counts.
 */
export async function onQuestion(page, inst, n, { full = true, hostId = HOST_ID, lonelinessQuestions = 4 } = {}) {
  const item = inst.items[n - 1];
  await h1(page, item.text).waitFor();
  await page.getByText(caption(inst, n), { exact: true }).waitFor();
  const group = page.getByRole('group', { name: item.text });
  assert.equal(await group.count(), 1, `one fieldset named by ${inst.id} question ${n}`);
  if (!full) return group;

  assert.ok(
    await group
      .getByRole('heading', { level: 1, name: item.text, exact: true })
      .evaluate((h) => h.parentElement?.tagName === 'LEGEND' && h.closest('fieldset') !== null),
    'the h1 is the fieldset legend',
  );
  // Native radios, named by the option labels, in the published order, nothing preselected
  // (unless already answered).
  const radios = group.getByRole('radio');
  assert.equal(await radios.count(), item.options.length, `${item.options.length} radios on ${inst.id} question ${n}`);
  for (const option of item.options) {
    const radio = group.getByRole('radio', { name: option.name, exact: true });
    assert.equal(await radio.count(), 1, `a radio named ${JSON.stringify(option.name)} on ${inst.id} question ${n}`);
  }
  const inputs = await radios.evaluateAll((els) => els.map((e) => ({ tag: e.tagName, type: e.type, value: e.value, id: e.id })));
  assert.ok(inputs.every((i) => i.tag === 'INPUT' && i.type === 'radio'), 'native radios');
  assert.deepEqual(
    inputs.map((i) => Number(i.value)),
    item.options.map((o) => o.value),
    `the radios of ${inst.id} question ${n} carry the published values in order`,
  );
  assert.equal(inputs[0].id, `wb-${hostId}-${inst.id}-${item.id}`, 'the field id of the first radio');
  // Instructions as a hint inside the fieldset, or none. An introduction (the loneliness
  // questions') is shown once, on the first question, and on no other.
  const instructions = inst.introduction ? (n === 1 ? inst.introduction(lonelinessQuestions) : null) : inst.instructions;
  if (instructions) {
    const hint = group.getByText(instructions, { exact: true });
    assert.equal(await hint.count(), 1, `the instructions are shown on ${inst.id} question ${n}`);
    assert.ok(await hint.isVisible());
  } else if (inst.introduction) {
    assert.equal(await group.locator('.wb-hint').count(), 0, `no introduction again on ${inst.id} question ${n}`);
  }
  // The copyright line / attribution.
  if (inst.attribution) {
    const line = page.getByText(inst.attribution, typeof inst.attribution === 'string' ? { exact: true } : {});
    assert.ok(await line.first().isVisible(), `the attribution of ${inst.id} is shown`);
  }
  for (const name of ['Continue', 'Skip this question', 'Back']) {
    assert.ok(await page.getByRole('button', { name, exact: true }).isVisible(), `a "${name}" button`);
  }
  return group;
}

/** The value of the checked radio in `group`, or null. */
export async function checkedValue(group) {
  const checked = group.getByRole('radio', { checked: true });
  const n = await checked.count();
  if (n === 0) return null;
  assert.equal(n, 1, 'at most one radio checked');
  return Number(await checked.getAttribute('value'));
}

/** Chooses `answer` (an option label, or an ONS4 number) on the current question; no Continue. */
export async function chooseOption(group, item, answer) {
  await group.getByRole('radio', { name: optionOf(item, answer).name, exact: true }).check();
}

/**
 * Question n of `inst`: asserts the page, then chooses `answer` and presses Continue, or, with
 * `answer === null`, presses "Skip this question".
 */
export async function answerQuestion(page, inst, n, answer, options = {}) {
  const group = await onQuestion(page, inst, n, options);
  if (answer === null) {
    await clickButton(page, 'Skip this question');
    return;
  }
  await chooseOption(group, inst.items[n - 1], answer);
  await clickButton(page, 'Continue');
}

/** Every question of `inst` in turn. `onEach(n)` runs on each page before answering. */
export async function answerInstrument(page, inst, answers, { onEach, ...options } = {}) {
  for (let n = 1; n <= inst.items.length; n++) {
    if (onEach) {
      await onQuestion(page, inst, n, { ...options, full: false });
      await onEach(n);
    }
    await answerQuestion(page, inst, n, answers[n - 1], options);
  }
}

// ---------------------------------------------------------------------------------------------
// The self-referral pages

/** What the start page says about the measures: `N short questions about how you have been feeling`. */
export function questionsText(n) {
  return `${n} short questions about how you have been feeling`;
}

/**
 * A complete, minimal self-referral as a person types it (`REFERRAL`) and as the payload's
 * `referral` object carries it (`REFERRAL_JSON`).
 */
export const REFERRAL = {
  name: 'Ada Lovelace',
  dob: ['7', '4', '1990'],
  postcode: 'sw1a 1aa',
  email: 'ada@example.com',
  whatMatters: 'Getting out more',
};

export const REFERRAL_JSON = {
  full_name: 'Ada Lovelace',
  date_of_birth: '1990-04-07',
  postcode: 'SW1A 1AA',
  no_fixed_address: false,
  contact: { email: 'ada@example.com', preferred: 'email', best_times: [] },
  what_matters: 'Getting out more',
  areas: [],
  heard_from: 'self',
  support: { interpreter_needed: false, filling_in_for: 'myself' },
  consent: { contact: true, share_with_gp: false },
};

/** Check your answers' rows (key, value) for `REFERRAL`, in order. */
export const REFERRAL_ROWS = [
  ['Full name', 'Ada Lovelace'],
  ['Date of birth', '7 April 1990'],
  ['NHS number', 'Not provided'],
  ['Postcode', 'SW1A 1AA'],
  ['GP practice', 'Not provided'],
  ['Phone number', 'Not provided'],
  ['Email address', 'ada@example.com'],
  ['How you would like to be contacted', 'Email'],
  ['Best times to contact you', 'Not provided'],
  ['What matters to you', 'Getting out more'],
  ['What you would like to be different', 'Not provided'],
  ['Areas you would like help with', 'Not provided'],
  ['How you heard about this service', 'I found it myself'],
  ['Interpreter needed', 'No'],
  ['Accessibility needs', 'Not provided'],
  ['Who is filling in this form', 'I am filling this in for myself'],
  ['Agree to be contacted by a link worker', 'Yes'],
  ['Agree to share this referral with your GP practice', 'No'],
];

/** Types into the text box labelled `label` (exactly). */
export async function fillIn(scope, label, text) {
  await scope.getByLabel(label, { exact: true }).fill(text);
}

/** Chooses `option` among the radios of the fieldset whose legend is `legend`. */
export async function chooseRadio(scope, legend, option) {
  await scope.getByRole('group', { name: legend, exact: true }).getByRole('radio', { name: option, exact: true }).check();
}

/** Fills in the date of birth boxes. */
export async function fillDateOfBirth(scope, [day, month, year]) {
  const group = scope.getByRole('group', { name: 'Date of birth' });
  await group.getByLabel('Day', { exact: true }).fill(day);
  await group.getByLabel('Month', { exact: true }).fill(month);
  await group.getByLabel('Year', { exact: true }).fill(year);
}

/** The headings of the self-referral pages, in order. */
export const REFERRAL_HEADINGS = [
  'About you',
  'How we can contact you',
  'What matters to you',
  'How did you hear about this service?',
  'Support you may need',
  'Contacting you and sharing your referral',
];

/**
 * Fills in every self-referral page with `REFERRAL` (by label, as a person does) and presses
 * Continue on each; `onPage(heading)` runs on each page first (e.g. an accessibility check).
 */
export async function completeReferral(scope, { onPage } = {}) {
  const page = async (heading) => {
    await h1(scope, heading).waitFor();
    if (onPage) await onPage(heading);
  };
  await page('About you');
  await fillIn(scope, 'Full name', REFERRAL.name);
  await fillDateOfBirth(scope, REFERRAL.dob);
  await fillIn(scope, 'Postcode', REFERRAL.postcode);
  await clickButton(scope, 'Continue');

  await page('How we can contact you');
  await fillIn(scope, 'Email address (optional if you give a phone number)', REFERRAL.email);
  await chooseRadio(scope, 'How would you like us to contact you?', 'Email');
  await clickButton(scope, 'Continue');

  await page('What matters to you');
  await fillIn(scope, 'What matters to you at the moment?', REFERRAL.whatMatters);
  await clickButton(scope, 'Continue');

  await page('How did you hear about this service?');
  await chooseRadio(scope, 'How did you hear about this service?', 'I found it myself');
  await clickButton(scope, 'Continue');

  await page('Support you may need');
  await chooseRadio(scope, 'Do you need an interpreter?', 'No');
  await chooseRadio(scope, 'Who is filling in this form?', 'I am filling this in for myself');
  await clickButton(scope, 'Continue');

  await page('Contacting you and sharing your referral');
  await chooseRadio(scope, 'Do you agree to be contacted by a link worker?', 'Yes');
  await chooseRadio(scope, 'Do you agree to us sharing this referral with your GP practice?', 'No');
  await clickButton(scope, 'Continue');
}

/** "Start now", then the self-referral pages: the next page is the first question. */
export async function startJourney(scope, options) {
  await clickButton(scope, 'Start now');
  await completeReferral(scope, options);
}

// ---------------------------------------------------------------------------------------------
// Check your answers

/** A CSS string literal (for Playwright's `:text-is("…")`). */
export function cssString(s) {
  return `"${String(s).replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/**
 * The summary list right after the h2 of `inst` (text compared whitespace-normalised). CSS, not
 * XPath: Playwright's CSS engine reaches into the widget's open shadow root, XPath does not.
 */
export function summaryList(page, inst) {
  return page.locator(`h2:text-is(${cssString(inst.title)}) + dl`);
}

/**
 * Asserts check your answers: an h2 per instrument (in order) and a summary row per item with
 * the answer as shown, or "Not answered", and a "Change <short label>" link.
 * @param {Array<[object, Array]>} measures `[instrument, answers]` pairs
 */
export async function assertCheckPage(page, measures) {
  await h1(page, HEADING_CHECK).waitFor();
  const h2s = (await page.getByRole('heading', { level: 2 }).allInnerTexts()).map((t) => t.trim());
  const titles = h2s.filter((t) => measures.some(([inst]) => inst.title === t));
  assert.deepEqual(titles, measures.map(([inst]) => inst.title), 'an h2 per instrument, in order');
  for (const [inst, answers] of measures) {
    const list = summaryList(page, inst);
    assert.equal(await list.count(), 1, `a summary list after the h2 "${inst.title}"`);
    const rows = await list.evaluate((dl) =>
      [...dl.querySelectorAll('dt')].map((dt) => ({
        key: dt.textContent.replace(/\s+/g, ' ').trim(),
        value: (dt.nextElementSibling?.textContent ?? '').replace(/\s+/g, ' ').trim(),
      })),
    );
    assert.deepEqual(
      rows,
      inst.items.map((item, i) => ({
        key: item.short,
        value: answers[i] === null ? 'Not answered' : optionOf(item, answers[i]).shown,
      })),
      `the answers to ${inst.id} as shown on check your answers`,
    );
    for (const item of inst.items) {
      const link = list.getByRole('link', { name: `Change ${item.short}`, exact: true });
      assert.equal(await link.count(), 1, `a link "Change ${item.short}"`);
    }
  }
  assert.ok(await page.getByRole('button', { name: 'Confirm and send', exact: true }).isVisible());
}

// ---------------------------------------------------------------------------------------------
// Sending

/** Waits for the confirmation and returns the reference shown. */
export async function onSent(page) {
  await h1(page, HEADING_SENT).waitFor({ timeout: 15_000 });
  const p = page.getByText(/Your reference is WB(-[2-9A-HJ-NP-Z]{4}){4}/);
  await p.waitFor();
  return REFERENCE_RE.exec(await p.innerText())[0];
}

export function referenceOf(submissionId) {
  // 80 of the id's random bits (version and variant bits left out), five bits a character.
  const bits = BigInt(`0x${submissionId.replaceAll('-', '')}`).toString(2).padStart(128, '0');
  const random = bits.slice(0, 48) + bits.slice(52, 64) + bits.slice(66);
  const alphabet = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
  let out = 'WB';
  for (let i = 0; i < 16; i++) {
    if (i % 4 === 0) out += '-';
    out += alphabet[parseInt(random.slice(5 * i, 5 * i + 5), 2)];
  }
  return out;
}

/** The reference shown on the page ("Your reference is WB-XXXX-XXXX-XXXX-XXXX"). */
export async function shownReference(page) {
  const p = page.getByText(/Your reference is WB(-[2-9A-HJ-NP-Z]{4}){4}/);
  await p.waitFor();
  return REFERENCE_RE.exec(await p.innerText())[0];
}

/**
 * The one stored record; waits up to `timeout` ms for it, then `settle` ms more to be sure no
 * second one follows.
 */
export async function onlyStored(intake, { settle = 300, timeout = 5_000 } = {}) {
  await eventually(() => intake.stored().length >= 1, { timeout, message: 'a stored submission' });
  await sleep(settle);
  const all = intake.stored();
  assert.equal(all.length, 1, `exactly one stored submission, got ${all.length}`);
  return all[0];
}

// ---------------------------------------------------------------------------------------------
// Integrator notice and console

/** The notice's list items, or null when there is no notice. */
export async function integratorNotice(page) {
  const intro = page.getByText(NOTICE_INTRO, { exact: true });
  if ((await intro.count()) === 0) return null;
  assert.equal(await intro.count(), 1, 'one integrator notice');
  assert.ok(await intro.isVisible(), 'the integrator notice is visible');
  const items = page.locator(`p:text-is(${cssString(NOTICE_INTRO)}) + ul > li`);
  return (await items.allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
}

/** console.error messages of the page. */
export function consoleErrors(page) {
  return page.consoleMessages.filter((m) => m.type === 'error').map((m) => m.text);
}

/** Crisis help, as every place in the widget says it (src/domain/crisis.rs). */
export const CRISIS_SENTENCES = [
  'If you or someone else has physically harmed themselves, or if a life is at risk, call 999 or go to A&E.',
  'For urgent mental health help, call NHS 111 and choose option 2. It is open day and night.',
  'To talk to someone any time, call Samaritans free on 116 123.',
];

/** The crisis sentences and their links (999, 111, 116 123) inside `scope`, links checked by href. */
export async function assertCrisisLinks(scope, where) {
  const text = (await scope.innerText()).replace(/\s+/g, ' ');
  for (const sentence of CRISIS_SENTENCES) {
    assert.ok(text.includes(sentence), `${where} says: ${sentence}`);
  }
  for (const [name, href] of [
    [/999/, 'tel:999'],
    [/111/, 'tel:111'],
    [/116 123/, 'tel:116123'],
  ]) {
    const link = scope.getByRole('link', { name });
    assert.equal(await link.count(), 1, `a link ${name} in ${where}`);
    assert.equal(await link.getAttribute('href'), href, `${name} links to ${href} in ${where}`);
  }
}

/**
 * Asserts a stored self-referral record: exactly `measures` ([instrument, answers] pairs, scored
 * by the published rules in lib/instruments.mjs), their risk, the reference the person was shown
 * (when given) and the schema.
 */
export function assertSelfReferralRecord(record, measures, reference) {
  const s = record.submission;
  assert.equal(s.schema_version, 1);
  assert.equal(s.mode, 'self-referral');
  assert.equal(record.idempotency_key, s.submission_id, 'Idempotency-Key is the submission id');
  assert.deepEqual(
    s.measures,
    measures.map(([inst, answers]) => expectedMeasure(inst, answers)),
    'the measures in data-measures order, with the answers as chosen and their published scores',
  );
  assert.deepEqual(s.risk, expectedRisk(measures), 'the risk flag');
  if (reference !== undefined) {
    assert.equal(reference, referenceOf(s.submission_id), 'the reference shown is the one derived from the id');
    assert.equal(JSON.parse(record.response_body).reference, reference, 'the receiver answered the same reference');
  }
  assertValidSubmission(s);
}

/** No console message carries the submission, its answers or the wording of any question asked. */
export function assertNoPersonalDataInConsole(page, submission, instruments = DEFAULT_MEASURES) {
  const needles = ['"answers"', '"measures"', '"value"', '"score"'];
  if (submission) needles.push(JSON.stringify(submission), JSON.stringify(submission.measures));
  for (const text of page.consoleMessages.map((m) => m.text)) {
    for (const needle of needles) {
      assert.ok(!text.includes(needle), `a console message contains ${needle}: ${text.slice(0, 300)}`);
    }
    for (const inst of instruments) {
      for (const item of inst.items) {
        assert.ok(!text.includes(item.text), `a console message contains an item's wording: ${text.slice(0, 300)}`);
      }
    }
  }
}
