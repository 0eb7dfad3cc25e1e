// Shared helpers of the end-to-end tests: the real intake receiver, headless Chromium, axe-core and
// the payload schema.
//
// Environment:
//   INTAKE_BIN  the intake receiver binary (default <repo>/target/debug/intake)
//   DIST_DIR    the built widget (default <repo>/dist)
//   E2E_ARTIFACTS  where failure screenshots go (default tests/e2e/artifacts)
//   CHROMIUM    the browser (default /usr/bin/chromium)

import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from './chromium-args.mjs';
import { REPO_ROOT } from './static-server.mjs';

export { REPO_ROOT };
export { startStatic } from './static-server.mjs';

const require = createRequire(import.meta.url);
const HERE = path.dirname(fileURLToPath(import.meta.url));

export const DIST_DIR = path.resolve(REPO_ROOT, process.env.DIST_DIR || 'dist');
export const INTAKE_BIN = path.resolve(REPO_ROOT, process.env.INTAKE_BIN || 'target/debug/intake');
export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
export const ARTIFACTS = path.resolve(
  REPO_ROOT,
  process.env.E2E_ARTIFACTS || path.join('tests', 'e2e', 'artifacts'),
);
export const SCHEMA_PATH = path.join(REPO_ROOT, 'schema', 'submission.v1.schema.json');

// ---------------------------------------------------------------------------------------------
// Intake receiver

const running = new Set();
process.on('exit', () => {
  for (const child of running) {
    try {
      child.kill('SIGKILL');
    } catch {
      // already gone
    }
  }
});

/**
 * Spawns the intake receiver on 127.0.0.1 (a free port, or `port`) with a fresh data directory.
 * @param {{ allowOrigin: string | string[], port?: number, dataDir?: string, bin?: string }} options
 */
export async function startIntake({ allowOrigin, port = 0, dataDir, bin = INTAKE_BIN } = {}) {
  assert.ok(allowOrigin, 'startIntake needs allowOrigin (the static server origin)');
  if (!fs.existsSync(bin)) {
    throw new Error(`intake binary not found at ${bin}: build it (cargo build --bin intake) or set INTAKE_BIN`);
  }
  const origins = Array.isArray(allowOrigin) ? allowOrigin : [allowOrigin];
  const dir = dataDir ?? (await fsp.mkdtemp(path.join(os.tmpdir(), 'wb-intake-')));
  const stderr = [];
  let child = null;
  let url = null;
  let currentPort = port;

  async function spawnOnce(listenPort) {
    const args = ['--addr', `127.0.0.1:${listenPort}`, '--data-dir', dir];
    for (const o of origins) args.push('--allow-origin', o);
    const proc = spawn(bin, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    running.add(proc);
    proc.once('exit', () => running.delete(proc));
    readline.createInterface({ input: proc.stderr }).on('line', (line) => stderr.push(line));
    const lines = readline.createInterface({ input: proc.stdout });
    const first = await new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        proc.kill('SIGKILL');
        reject(new Error(`intake did not print its address within 10 s; stderr:\n${stderr.join('\n')}`));
      }, 10_000);
      lines.once('line', (line) => {
        clearTimeout(timer);
        resolve(line);
      });
      // 'close' comes after the child's stdio has ended, so stderr is complete here.
      proc.once('close', (code, signal) => {
        clearTimeout(timer);
        reject(
          new Error(`intake exited (${signal ?? code}) before listening; stderr:\n${stderr.join('\n')}`),
        );
      });
      proc.once('error', (e) => {
        clearTimeout(timer);
        reject(e);
      });
    });
    const m = /^intake listening on (http:\/\/127\.0\.0\.1:(\d+))\s*$/.exec(first);
    if (!m) {
      proc.kill('SIGKILL');
      throw new Error(`unexpected first line from intake: ${JSON.stringify(first)}`);
    }
    // Keep draining stdout so the child never blocks on a full pipe.
    lines.on('line', () => {});
    return { proc, url: m[1], port: Number(m[2]) };
  }

  async function start(listenPort) {
    // Re-binding the same port right after a stop can race the old socket's teardown: retry.
    let lastError;
    for (let attempt = 0; attempt < 20; attempt++) {
      try {
        const s = await spawnOnce(listenPort);
        child = s.proc;
        url = s.url;
        currentPort = s.port;
        return;
      } catch (e) {
        lastError = e;
        if (listenPort === 0 || !/cannot listen/.test(e.message)) throw e;
        await sleep(100);
      }
    }
    throw lastError;
  }

  async function stop() {
    const proc = child;
    child = null;
    if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
    await new Promise((resolve) => {
      proc.once('exit', resolve);
      proc.kill('SIGTERM');
      setTimeout(() => proc.kill('SIGKILL'), 3_000).unref();
    });
  }

  await start(currentPort);

  return {
    get url() {
      return url;
    },
    get submissionsUrl() {
      return `${url}/submissions`;
    },
    get port() {
      return currentPort;
    },
    get running() {
      return child !== null;
    },
    dataDir: dir,
    /** Every stderr line so far (the receiver logs one line per request outcome, no personal data). */
    stderr,
    /**
     * What the receiver stored, read with `intake export --format jsonl` (safe while it runs), as
     * records of the shape the tests use: `idempotency_key`, `received_at`, `reference`,
     * `submission` (native terms), `fhir_bundle` (the Bundle as received, for FHIR submissions)
     * and `response_body` (the receiver's answer, which it builds from the stored key, reference
     * and time).
     */
    stored() {
      if (!fs.existsSync(path.join(dir, 'intake.sqlite3'))) return [];
      const out = spawnSync(bin, ['export', '--format', 'jsonl', '--data-dir', dir], { encoding: 'utf8' });
      if (out.status !== 0) throw new Error(`intake export failed (${out.status}): ${out.stderr}`);
      return out.stdout
        .split('\n')
        .filter((l) => l.trim() !== '')
        .map((l) => JSON.parse(l))
        .map((r) => ({
          ...r,
          fhir_bundle: r.content_type === 'application/fhir+json' ? r.body : undefined,
          response_body: JSON.stringify({
            status: 'accepted',
            submission_id: r.idempotency_key,
            reference: r.reference,
            received_at: r.received_at,
          }),
        }));
    },
    stop,
    /** Stops (if running) and starts again with the same data directory on the same port. */
    async restart() {
      await stop();
      await start(currentPort);
    },
    /** Stops the receiver and removes its data directory (unless it was given). */
    async close() {
      await stop();
      if (!dataDir) await fsp.rm(dir, { recursive: true, force: true });
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Browser

export { CHROMIUM_ARGS };

/** Launches Debian's Chromium headless. `npx playwright install` can never work here. */
export async function launchBrowser() {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM} (apt-get install -y chromium, or set CHROMIUM)`);
  }
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}

export const PHONE = { width: 390, height: 844 };

/**
 * A page in a fresh browser context (its own storage), collecting console messages and page
 * errors. `page.consoleMessages` holds `{ type, text }`, `page.pageErrors` the uncaught errors.
 * Pass the node:test context `t` to close it after the test and fail the test on any page error
 * (otherwise call `closePage(page)` yourself).
 */
export async function newPage(browser, { viewport = PHONE, t, ...contextOptions } = {}) {
  const context = await browser.newContext({ viewport, ...contextOptions });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  page.setDefaultNavigationTimeout(15_000);
  page.consoleMessages = [];
  page.pageErrors = [];
  page.on('console', (msg) => page.consoleMessages.push({ type: msg.type(), text: msg.text() }));
  page.on('pageerror', (err) => page.pageErrors.push(err));
  if (t) t.after(() => closePage(page));
  return page;
}

/** Closes the page's context and fails if the page threw anything uncaught. */
export async function closePage(page) {
  const errors = page.pageErrors;
  await page.context().close().catch(() => {});
  assertNoPageErrors({ pageErrors: errors });
}

export function assertNoPageErrors(page) {
  assert.deepEqual(
    page.pageErrors.map((e) => String(e?.stack ?? e)),
    [],
    'the page threw uncaught errors',
  );
}

/**
 * Runs `fn(page)` in a new page; on failure saves a screenshot and the console to ARTIFACTS;
 * always closes the page and then fails on any page error.
 */
export async function withPage(browser, t, options, fn) {
  const page = await newPage(browser, options);
  try {
    await fn(page);
    assertNoPageErrors(page);
  } catch (e) {
    await saveArtifacts(page, t?.name ?? 'test').catch(() => {});
    throw e;
  } finally {
    await page.context().close().catch(() => {});
  }
}

async function saveArtifacts(page, name) {
  const slug = name.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 80) || 'test';
  const base = path.join(ARTIFACTS, slug);
  await fsp.mkdir(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: `${base}.png`, fullPage: true }).catch(() => {});
  const consoleText = page.consoleMessages.map((m) => `[${m.type}] ${m.text}`).join('\n');
  const errors = page.pageErrors.map((e) => String(e?.stack ?? e)).join('\n');
  await fsp.writeFile(`${base}.console.txt`, `${consoleText}\n--- page errors ---\n${errors}\n`);
  const html = await page.content().catch(() => '');
  await fsp.writeFile(`${base}.html`, html);
}

// ---------------------------------------------------------------------------------------------
// Accessibility

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
const axeSource = require('axe-core').source;

/** An axe target as text: shadow DOM paths (arrays) are joined with " >>> " (host, then inside). */
function targetText(target) {
  return target.map((t) => (Array.isArray(t) ? t.join(' >>> ') : String(t))).join(' ');
}

/**
 * Runs axe-core on the whole document, open shadow roots included (the widget renders inside
 * one on its host element), and returns `{ violations, shadowPasses, hostsWithShadow }`:
 * `shadowPasses` counts the nodes inside shadow roots that passed a rule, so a caller can tell
 * that axe really looked inside the widget.
 *
 * `underCsp`: for a page or frame whose Content-Security-Policy forbids inline scripts and
 * styles. axe-core is then evaluated through the DevTools protocol (which CSP does not govern)
 * rather than added as a <script> element, and runs with `preload: false`, because its CSSOM
 * preload copies every stylesheet into a <style> element, which the strict CSP refuses (and
 * reports as a violation that would be axe's, not the widget's).
 * @param {import('playwright-core').Page | import('playwright-core').Frame} target
 * @param {{ disableRules?: string[], tags?: string[], underCsp?: boolean }} [options]
 */
export async function runAxe(target, { disableRules = [], tags = AXE_TAGS, underCsp = false } = {}) {
  const hasAxe = await target.evaluate(() => typeof window.axe === 'object');
  if (!hasAxe) {
    if (underCsp) await target.evaluate(axeSource);
    else await target.addScriptTag({ content: axeSource });
  }
  return target.evaluate(
    async ({ tags, disableRules, underCsp }) => {
      const rules = Object.fromEntries(disableRules.map((id) => [id, { enabled: false }]));
      const r = await window.axe.run(document, {
        runOnly: { type: 'tag', values: tags },
        rules,
        resultTypes: ['violations', 'passes'],
        ...(underCsp ? { preload: false } : {}),
      });
      // axe writes the target of a node inside a shadow root as an array: [host, …, node].
      const inShadow = (n) => n.target.some((t) => Array.isArray(t));
      const hosts = [...document.querySelectorAll('[data-wellbeing-widget]')].filter(
        (h) => h.shadowRoot !== null && h.shadowRoot.querySelector('*:not(link):not(style)') !== null,
      );
      return {
        violations: r.violations.map((v) => ({
          id: v.id,
          impact: v.impact,
          help: v.help,
          helpUrl: v.helpUrl,
          nodes: v.nodes.map((n) => ({ target: n.target, html: n.html, inShadow: inShadow(n), failureSummary: n.failureSummary })),
        })),
        shadowPasses: r.passes.reduce((sum, p) => sum + p.nodes.filter(inShadow).length, 0),
        hostsWithShadow: hosts.length,
      };
    },
    { tags, disableRules, underCsp },
  );
}

/** Formats axe violations as a readable list. */
export function formatViolations(violations) {
  return violations
    .map((v) => {
      const nodes = v.nodes
        .map((n) => `      at ${targetText(n.target)}\n         ${(n.failureSummary ?? '').replace(/\n/g, '\n         ')}`)
        .join('\n');
      return `  - ${v.id} (${v.impact}): ${v.help}\n    ${v.helpUrl}\n${nodes}`;
    })
    .join('\n');
}

/**
 * Runs axe-core on the whole document (the widget's open shadow root included) and asserts zero
 * violations. When the page has a widget rendered in a shadow root, also asserts that axe's
 * passes include nodes inside it: a run that silently skipped the widget fails.
 * @param {import('playwright-core').Page | import('playwright-core').Frame} page
 * @param {string} label what state the page is in, for the failure message
 * @param {{ disableRules?: string[], underCsp?: boolean }} [options] see runAxe
 */
export async function checkA11y(page, label, { disableRules = [], underCsp = false } = {}) {
  const result = await runAxe(page, { disableRules, underCsp });
  if (result.violations.length > 0) {
    assert.fail(
      `axe found ${result.violations.length} accessibility violation(s) on "${label}":\n${formatViolations(result.violations)}`,
    );
  }
  if (result.hostsWithShadow > 0) {
    assert.ok(
      result.shadowPasses > 0,
      `axe checked no node inside the widget's shadow root on "${label}" (it would miss the widget's violations)`,
    );
  }
  return result;
}

// ---------------------------------------------------------------------------------------------
// Focus, through shadow roots
//
// The widget lives in an open shadow root: `document.activeElement` is then its host element,
// and the focused element inside is the shadow root's `activeElement`. These follow the chain
// from the document down, so "focused" means focused for real (the host has the document's
// focus and the element has its shadow root's), not merely "active in some root".

/** Whether the element of `locator` has the focus. */
export function isFocused(locator) {
  return locator.evaluate((el) => {
    let f = document.activeElement;
    while (f && f.shadowRoot && f.shadowRoot.activeElement) f = f.shadowRoot.activeElement;
    return f === el;
  });
}

/** Whether the focus is on the element of `locator` or inside it. */
export function hasFocusWithin(locator) {
  return locator.evaluate((el) => {
    let f = document.activeElement;
    while (f && f.shadowRoot && f.shadowRoot.activeElement) f = f.shadowRoot.activeElement;
    return f !== null && f !== document.body && (f === el || el.contains(f));
  });
}

/** Whether the focused element is the element of `locator` or contains it. */
export function isInsideFocused(locator) {
  return locator.evaluate((el) => {
    let f = document.activeElement;
    while (f && f.shadowRoot && f.shadowRoot.activeElement) f = f.shadowRoot.activeElement;
    return f !== null && f !== document.body && (f === el || f.contains(el));
  });
}

// ---------------------------------------------------------------------------------------------
// Payload schema

let validator = null;

/** The compiled schema validator (Ajv, draft 2020-12, with formats). */
export function schemaValidator() {
  if (validator) return validator;
  const Ajv2020 = require('ajv/dist/2020.js');
  const addFormats = require('ajv-formats');
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats(ajv);
  validator = ajv.compile(JSON.parse(fs.readFileSync(SCHEMA_PATH, 'utf8')));
  return validator;
}

/** Validates against schema/submission.v1.schema.json: `{ valid, errors }`. */
export function validateSubmission(json) {
  const validate = schemaValidator();
  const valid = validate(json);
  return { valid, errors: valid ? [] : [...validate.errors] };
}

/** Asserts that `json` is a valid submission, listing the schema errors when not. */
export function assertValidSubmission(json, message = 'the submission does not match the schema') {
  const { valid, errors } = validateSubmission(json);
  if (!valid) {
    assert.fail(
      `${message}:\n${errors.map((e) => `  ${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`).join('\n')}`,
    );
  }
}

// ---------------------------------------------------------------------------------------------
// Small utilities

export function sleep(ms) {
  return new Promise((r) => setTimeout(r, ms));
}

/**
 * Polls `fn` until it returns a truthy value (returned) or `timeout` ms pass (then throws with
 * `message` and the last value or error). playwright-core has no `expect`.
 */
export async function eventually(fn, { timeout = 5_000, interval = 50, message = 'condition' } = {}) {
  const end = Date.now() + timeout;
  let last;
  let lastError;
  for (;;) {
    try {
      last = await fn();
      lastError = undefined;
      if (last) return last;
    } catch (e) {
      lastError = e;
    }
    if (Date.now() > end) {
      const detail = lastError ? `: ${lastError.message}` : ` (last value ${JSON.stringify(last)})`;
      throw new Error(`timed out after ${timeout} ms waiting for ${message}${detail}`);
    }
    await sleep(interval);
  }
}

export { HERE as LIB_DIR };
