// Lighthouse on the demo host page (its performance budget), then on the link-worker
// app (dist/link-worker/): accessibility and best practices, and whether Chromium can install it.
//
//   npm ci --prefix tests/bench                  # once: lighthouse (pinned), no browser download
//   trunk build --release && cargo build --bin intake
//   node tests/bench/lighthouse.mjs [--runs N] [--json FILE] [--identity]
//
// Builds nothing. Serves DIST_DIR (default dist/) on 127.0.0.1 with the strict
// Content-Security-Policy of INTEGRATING.md, starts the real intake receiver (INTAKE_BIN, default
// target/debug/intake) and points the demo page (index.html) at it, then runs Lighthouse's default
// configuration (mobile emulation, simulated throttling) in Debian's Chromium (CHROME_PATH,
// default /usr/bin/chromium) N times (default 3) and reports the median run (Lighthouse's own
// choice of median). Text and .wasm are served brotli-compressed (quality 11), as a production
// web server or CDN would; --identity serves them uncompressed instead.
//
// Prints the performance, accessibility and best-practices scores, the failing audits of each,
// and the page's total transfer: as transferred, uncompressed, and the sum of each transferred
// asset compressed with brotli quality 11. Exits 1 if performance < 98, accessibility < 100,
// best practices < 100 or more than 150 KB brotli; 2 if it cannot run.
//
// The link-worker app: Lighthouse (same settings, one run per --runs) on /link-worker/ under the
// same CSP, then its installability as Chromium itself judges it (CDP
// Page.getInstallabilityErrors, once its service worker controls the page; Lighthouse 12 has no
// PWA category). Exits 1 if accessibility < 100, best practices < 100 or it is not installable.
// --skip-demo runs only the link-worker app.

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import puppeteer from 'puppeteer-core';
import { computeMedianRun } from 'lighthouse/core/lib/median-run.js';
import { CHROMIUM_ARGS } from '../e2e/lib/chromium-args.mjs';
import { brotli, startEmbedServer, strictCsp } from '../e2e/lib/embed-server.mjs';
import { rewriteEndpoint } from '../e2e/lib/static-server.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..', '..');
const DIST_DIR = path.resolve(ROOT, process.env.DIST_DIR || 'dist');
const INTAKE_BIN = path.resolve(ROOT, process.env.INTAKE_BIN || path.join('target', 'debug', 'intake'));
const CHROME_PATH = process.env.CHROME_PATH || '/usr/bin/chromium';
const CHROME_FLAGS = ['--headless', ...CHROMIUM_ARGS];

export const BUDGET = { performance: 98, accessibility: 100, 'best-practices': 100, brotliKb: 150 };
const CATEGORIES = ['performance', 'accessibility', 'best-practices'];

function parseArgs(argv) {
  const opts = { runs: 3, json: null, identity: false, skipDemo: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--runs') opts.runs = Number(argv[++i]);
    else if (a === '--json') opts.json = argv[++i];
    else if (a === '--identity') opts.identity = true;
    else if (a === '--skip-demo') opts.skipDemo = true;
    else if (a === '-h' || a === '--help') opts.help = true;
    else throw new Error(`unknown argument ${a}`);
  }
  if (!Number.isInteger(opts.runs) || opts.runs < 1 || opts.runs > 9) throw new Error('--runs must be 1 to 9');
  return opts;
}

/** The intake receiver on a free port, with a throwaway data directory. */
async function startIntake(allowOrigin) {
  const dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'wb-bench-intake-'));
  const proc = spawn(INTAKE_BIN, ['--addr', '127.0.0.1:0', '--data-dir', dir, '--allow-origin', allowOrigin], {
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const lines = readline.createInterface({ input: proc.stdout });
  const first = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the intake did not start within 10 s')), 10_000);
    lines.once('line', (l) => {
      clearTimeout(timer);
      resolve(l);
    });
    proc.once('exit', (code) => reject(new Error(`the intake exited (${code}) before listening`)));
  });
  lines.on('line', () => {});
  const m = /^intake listening on (http:\/\/\S+)$/.exec(first.trim());
  if (!m) throw new Error(`unexpected first line from the intake: ${first}`);
  return {
    url: m[1],
    async close() {
      proc.kill('SIGTERM');
      await fsp.rm(dir, { recursive: true, force: true });
    },
  };
}

const kb = (bytes) => (bytes / 1024).toFixed(1);

/** The failing audits of a category (score below 1, weighted or not), for the report. */
function failingAudits(lhr, category) {
  return lhr.categories[category].auditRefs
    .map((ref) => ({ ref, audit: lhr.audits[ref.id] }))
    .filter(({ audit }) => audit && audit.score !== null && audit.score < 1 && audit.scoreDisplayMode !== 'informative')
    .map(({ ref, audit }) => {
      const value = audit.displayValue ? ` (${audit.displayValue})` : '';
      return `${audit.id}${value}: score ${audit.score}, weight ${ref.weight} – ${audit.title}`;
    });
}

/** Every request of the page load: its transfer size, its size uncompressed and in brotli q11. */
async function transfers(lhr, origins) {
  const items = lhr.audits['network-requests']?.details?.items ?? [];
  const rows = [];
  for (const item of items) {
    let brotliBytes = null;
    if (origins.some((o) => item.url.startsWith(o))) {
      // The body exactly as the page got it (uncompressed), compressed here at quality 11.
      const res = await fetch(item.url, { headers: { 'Accept-Encoding': 'identity' } });
      brotliBytes = brotli(Buffer.from(await res.arrayBuffer())).length;
    }
    rows.push({
      url: item.url,
      type: item.resourceType,
      transfer: item.transferSize ?? 0,
      raw: item.resourceSize ?? 0,
      brotli: brotliBytes ?? item.transferSize ?? 0,
    });
  }
  return rows;
}

/** Lighthouse on the demo host page: every category against the budget; returns the failures. */
async function demoPage(opts, chrome, site, intake) {
  const url = `${site.origin}/`;

  const runs = [];
  for (let i = 0; i < opts.runs; i++) {
    const result = await lighthouse(url, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: CATEGORIES,
    });
    const lhr = result.lhr;
    if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
    runs.push(lhr);
    const s = CATEGORIES.map((c) => `${c} ${Math.round(lhr.categories[c].score * 100)}`).join(', ');
    console.log(`run ${i + 1}/${opts.runs}: ${s}`);
  }
  const lhr = runs.length >= 3 ? computeMedianRun(runs) : runs[0];
  if (opts.json) await fsp.writeFile(opts.json, JSON.stringify(lhr, null, 2));

  const scores = Object.fromEntries(CATEGORIES.map((c) => [c, Math.round(lhr.categories[c].score * 100)]));
  const rows = await transfers(lhr, [site.origin, intake.url]);
  const total = rows.reduce(
    (t, r) => ({ transfer: t.transfer + r.transfer, raw: t.raw + r.raw, brotli: t.brotli + r.brotli }),
    { transfer: 0, raw: 0, brotli: 0 },
  );

  console.log(`\nLighthouse ${lhr.lighthouseVersion}, ${lhr.environment.hostUserAgent.match(/(?:Headless)?Chrome\/[\d.]+/)?.[0]}, ` +
    `${lhr.configSettings.formFactor} emulation, ${lhr.configSettings.throttlingMethod} throttling, ` +
    `${opts.identity ? 'uncompressed' : 'brotli'} responses; ${runs.length > 1 ? `median of ${runs.length} runs` : '1 run'}`);
  console.log(`page: ${url} (demo host page, strict CSP)\n`);
  for (const c of CATEGORIES) {
    const target = BUDGET[c];
    console.log(`${c.padEnd(15)} ${String(scores[c]).padStart(3)}   (budget ≥ ${target})`);
    for (const line of failingAudits(lhr, c)) console.log(`    ${line}`);
  }
  const metrics = ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift', 'speed-index'];
  console.log(`\n${metrics.map((m) => `${m} ${lhr.audits[m]?.displayValue ?? '?'}`).join(' · ')}`);

  const width = Math.max(...rows.map((r) => new URL(r.url).pathname.length), 5);
  console.log(`\n${'request'.padEnd(width)}  transfer KB   raw KB  brotli KB`);
  for (const r of rows) {
    console.log(`${new URL(r.url).pathname.padEnd(width)}  ${kb(r.transfer).padStart(11)} ${kb(r.raw).padStart(8)} ${kb(r.brotli).padStart(10)}`);
  }
  console.log(`${'TOTAL'.padEnd(width)}  ${kb(total.transfer).padStart(11)} ${kb(total.raw).padStart(8)} ${kb(total.brotli).padStart(10)}   (budget ≤ ${BUDGET.brotliKb} KB brotli)`);

  const failures = [];
  for (const c of CATEGORIES) if (scores[c] < BUDGET[c]) failures.push(`${c} ${scores[c]} < ${BUDGET[c]}`);
  if (total.brotli > BUDGET.brotliKb * 1024) failures.push(`transfer ${kb(total.brotli)} KB brotli > ${BUDGET.brotliKb} KB`);
  return failures;
}

/** The categories and budget of the link-worker app (its performance is reported, not budgeted). */
const LINK_WORKER_BUDGET = { accessibility: 100, 'best-practices': 100 };

/**
 * The link-worker app: Lighthouse on /link-worker/ (its data-endpoint pointed at the intake), then
 * Chromium's installability check once the app's service worker controls the page. Returns the
 * failures.
 */
async function linkWorkerApp(opts, chrome, site, intake) {
  const page = rewriteEndpoint(fs.readFileSync(path.join(DIST_DIR, 'link-worker', 'index.html'), 'utf8'), `${intake.url}/submissions`);
  site.route('/link-worker/', { body: page, type: 'text/html; charset=utf-8' });
  site.route('/link-worker/index.html', { body: page, type: 'text/html; charset=utf-8' });
  const url = `${site.origin}/link-worker/`;
  const runs = [];
  for (let i = 0; i < opts.runs; i++) {
    const { lhr } = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: CATEGORIES });
    if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
    runs.push(lhr);
    console.log(`link-worker run ${i + 1}/${opts.runs}: ${CATEGORIES.map((c) => `${c} ${Math.round(lhr.categories[c].score * 100)}`).join(', ')}`);
  }
  const lhr = runs.length >= 3 ? computeMedianRun(runs) : runs[0];
  console.log(`\npage: ${url} (the link-worker app, strict CSP)\n`);
  const failures = [];
  for (const c of CATEGORIES) {
    const score = Math.round(lhr.categories[c].score * 100);
    const target = LINK_WORKER_BUDGET[c];
    console.log(`${c.padEnd(15)} ${String(score).padStart(3)}   ${target ? `(budget ≥ ${target})` : '(reported)'}`);
    for (const line of failingAudits(lhr, c)) console.log(`    ${line}`);
    if (target && score < target) failures.push(`link-worker ${c} ${score} < ${target}`);
  }

  // Installability, as Chromium judges it (in the launched profile: an incognito context is never
  // installable): open the app, wait for its service worker to control the page, then ask.
  const browser = await puppeteer.connect({ browserURL: `http://127.0.0.1:${chrome.port}` });
  try {
    const tab = await browser.newPage();
    await tab.goto(url, { waitUntil: 'load' });
    await tab.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await tab.reload({ waitUntil: 'load' });
    await tab.waitForFunction(() => navigator.serviceWorker.controller !== null, { timeout: 10_000 });
    const cdp = await tab.createCDPSession();
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    const { url: manifestUrl, errors: manifestErrors } = await cdp.send('Page.getAppManifest');
    const errors = installabilityErrors.map((e) => e.errorId);
    console.log(`installable      ${errors.length === 0 ? 'yes' : `no: ${errors.join(', ')}`} (Page.getInstallabilityErrors; manifest ${new URL(manifestUrl).pathname}, ${manifestErrors.length} manifest errors)`);
    if (errors.length) failures.push(`link-worker not installable: ${errors.join(', ')}`);
    if (manifestErrors.length) failures.push(`link-worker manifest errors: ${manifestErrors.map((e) => e.message).join('; ')}`);
    await tab.close();
  } finally {
    await browser.disconnect();
  }
  return failures;
}

async function main() {
  let opts;
  try {
    opts = parseArgs(process.argv.slice(2));
  } catch (e) {
    console.error(`lighthouse.mjs: ${e.message}`);
    return 2;
  }
  if (opts.help) {
    console.log('Usage: node tests/bench/lighthouse.mjs [--runs N] [--json FILE] [--identity] [--skip-demo]');
    return 0;
  }
  const missing = [
    [path.join(DIST_DIR, 'index.html'), 'run trunk build --release (or set DIST_DIR)'],
    [INTAKE_BIN, 'run cargo build --bin intake (or set INTAKE_BIN)'],
    [CHROME_PATH, 'apt-get install -y chromium (or set CHROME_PATH)'],
  ].filter(([f]) => !fs.existsSync(f));
  if (missing.length) {
    for (const [f, fix] of missing) console.error(`lighthouse.mjs: ${f} not found: ${fix}`);
    return 2;
  }

  let csp = null;
  const site = await startEmbedServer({
    mounts: { '/': DIST_DIR },
    compress: !opts.identity,
    headers: (_, type) => (type.startsWith('text/html') ? { 'Content-Security-Policy': csp } : {}),
  });
  const intake = await startIntake(site.origin);
  let chrome;
  try {
    csp = strictCsp({ connect: ["'self'", intake.url], img: ["'self'", 'data:'] });
    const demo = rewriteEndpoint(fs.readFileSync(path.join(DIST_DIR, 'index.html'), 'utf8'), `${intake.url}/submissions`);
    site.route('/', { body: demo, type: 'text/html; charset=utf-8' });
    site.route('/index.html', { body: demo, type: 'text/html; charset=utf-8' });
    chrome = await chromeLauncher.launch({ chromePath: CHROME_PATH, chromeFlags: CHROME_FLAGS, logLevel: 'silent' });
    const failures = [];
    if (!opts.skipDemo) failures.push(...(await demoPage(opts, chrome, site, intake)));
    failures.push(...(await linkWorkerApp(opts, chrome, site, intake)));
    if (failures.length) {
      console.log(`\nOVER BUDGET: ${failures.join('; ')}`);
      return 1;
    }
    console.log('\nwithin budget');
    return 0;
  } finally {
    await chrome?.kill();
    await intake.close();
    await site.close();
  }
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(`lighthouse.mjs: ${e.stack ?? e}`);
    process.exit(2);
  },
);
