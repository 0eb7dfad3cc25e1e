// Steps of the link-worker follow-up (data-mode="follow-up") as a practitioner takes
// them, by visible labels and roles, and what the change at a glance must say. Expected changes
// are computed here from the published meaningful-change thresholds (shared/reference/
// instruments.md §5: PHQ-9 6 points, NHS Talking Therapies reliable improvement; GAD-7 4 points;
// none published for ONS4), never copied from the widget.

import assert from 'node:assert/strict';
import { clickButton, h1 } from './journey.mjs';

export const HEADING_HOME = 'Follow-up visits';
export const HEADING_DETAILS = 'About this visit';
export const HEADING_RECORDS = 'Baseline scores from your records';
export const HEADING_NOTES = 'Notes on this visit (optional)';
export const HEADING_CHECK_VISIT = 'Check the visit before sending';
export const HEADING_VISIT_SENT = 'Visit sent';
export const HEADING_VISIT_SAVED = 'Visit saved on this device';
export const HEADING_WIPE = 'Remove all follow-up data from this device?';
export const HEADING_SET_PASSCODE = 'Set a passcode for this tablet';
export const HEADING_LOCKED = 'The follow-up is locked';
/** The staff passcode the tests set on first use. */
export const TEST_PASSCODE = 'quayside-7';
export const TABLET_LANDSCAPE = { width: 1024, height: 768 };
export const TABLET_PORTRAIT = { width: 768, height: 1024 };

/** The published thresholds (points), or null where none is published. */
export const THRESHOLD = { phq9: 6, gad7: 4, ons4: null };
/** Which way is better, per compared score. */
const LOWER_IS_BETTER = new Set(['phq9:total', 'gad7:total', 'ons4:anxious']);

/** The option of `item` with `value`. */
function optionByValue(item, value) {
  const o = item.options.find((x) => x.value === value);
  if (!o) throw new Error(`item ${item.id} has no option with value ${value}`);
  return o;
}

/** The answers (option labels) for `values`, as lib/instruments.mjs's expectedMeasure takes them. */
export function labelsOf(inst, values) {
  return inst.items.map((item, i) => optionByValue(item, values[i]).label);
}

/**
 * Gets past the staff lock: on first use sets `passcode` (typed twice), otherwise unlocks with it.
 * Returns once the lock screen has gone.
 */
export async function passLock(page, passcode = TEST_PASSCODE) {
  const setup = h1(page, HEADING_SET_PASSCODE);
  const locked = h1(page, HEADING_LOCKED);
  await setup.or(locked).waitFor();
  await page.getByLabel('Passcode', { exact: true }).fill(passcode);
  if (await setup.isVisible()) {
    await page.getByLabel('Enter the passcode again', { exact: true }).fill(passcode);
    await clickButton(page, 'Set passcode');
  } else {
    await clickButton(page, 'Unlock');
  }
  await setup.or(locked).waitFor({ state: 'detached', timeout: 15_000 });
}

/** "Start a visit" (or "Start a visit for client X") from the home page. */
export async function startVisit(page, client = null) {
  await h1(page, HEADING_HOME).waitFor();
  if (client) {
    await page.getByRole('button', { name: `Start a visit for client ${client}`, exact: true }).click();
  } else {
    await clickButton(page, 'Start a visit');
  }
  await h1(page, HEADING_DETAILS).waitFor();
}

/** Fills the visit details and continues. `timepoint` is a radio label ("Baseline", "6 weeks"). */
export async function fillDetails(page, { reference, timepoint, agreed = true }) {
  await h1(page, HEADING_DETAILS).waitFor();
  if (reference !== undefined) await page.getByLabel('Client reference', { exact: true }).fill(reference);
  if (timepoint) await page.getByRole('radio', { name: timepoint, exact: true }).check();
  if (agreed) await page.getByRole('checkbox', { name: /The client agreed/ }).check();
  await clickButton(page, 'Continue');
}

/** Answers every question of `inst` on its page with `values` (scored values), then Continue. */
export async function answerMeasure(page, inst, values) {
  await h1(page, inst.title).waitFor();
  for (const [i, item] of inst.items.entries()) {
    const group = page.getByRole('group', { name: item.text });
    assert.equal(await group.count(), 1, `one fieldset for ${inst.id} ${item.id}`);
    await group.getByRole('radio', { name: optionByValue(item, values[i]).name, exact: true }).check();
  }
  await clickButton(page, 'Continue');
}

/** The notes page: optional notes, then Continue. */
export async function fillNotes(page, notes = '') {
  await h1(page, HEADING_NOTES).waitFor();
  if (notes) await page.getByLabel(HEADING_NOTES, { exact: true }).fill(notes);
  await clickButton(page, 'Continue');
}

/** The rows of the change-at-a-glance table of `inst` (caption "<title>: change since the baseline"). */
export async function glanceRows(page, inst) {
  const table = page.getByRole('table', { name: `${inst.title}: change since the baseline` });
  if ((await table.count()) === 0) return null;
  return table.evaluate((t) =>
    [...t.tBodies[0].rows].map((r) => [...r.cells].map((c) => c.textContent.replace(/\s+/g, ' ').trim())),
  );
}

/** Formats a change as the widget must: "−6 (better)", "+2 (worse)", "0 (no change)". */
function changeText(change, trend) {
  const sign = change > 0 ? '+' : change < 0 ? '−' : '';
  const way = { better: 'better', worse: 'worse', same: 'no change' }[trend];
  return `${sign}${Math.abs(change)} (${way})`;
}

/**
 * The expected change of one compared score, computed from the published rule: the payload's
 * `scores` entry and the glance row's verdict.
 */
export function expectedScoreChange(instId, of, baseline, now) {
  const change = Math.round((now - baseline) * 100) / 100;
  const lowerBetter = LOWER_IS_BETTER.has(`${instId}:${of}`);
  const trend = change === 0 ? 'same' : (change < 0) === lowerBetter ? 'better' : 'worse';
  const threshold = THRESHOLD[instId];
  const meaningful = threshold === null ? null : Math.abs(change) >= threshold;
  let verdict;
  if (threshold === null) verdict = 'No published threshold';
  else if (!meaningful) verdict = `No, below the threshold of ${threshold} points`;
  else verdict = `Yes, a meaningful ${trend === 'better' ? 'improvement' : 'worsening'} (threshold ${threshold} points)`;
  return {
    payload: { of, baseline, now, change, trend, threshold, meaningful },
    cells: [String(baseline), String(now), changeText(change, trend), verdict],
  };
}

/** The chart of `inst`: an SVG with role img and its accessible name. */
export function chartOf(page, inst, shortName) {
  return page.getByRole('img', { name: `Chart of ${shortName} scores over time`, exact: true });
}

/** The text of the whole widget (its shadow root), whitespace-normalised. */
export async function widgetText(page) {
  return page
    .locator('[data-wellbeing-widget]')
    .first()
    .evaluate((host) => (host.shadowRoot ?? host).textContent.replace(/\s+/g, ' '));
}
