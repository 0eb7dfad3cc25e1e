// Lighthouse on the demo host page: the performance budget of issue 6.
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

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { computeMedianRun } from 'lighthouse/core/lib/median-run.js';
import { brotli, startEmbedServer, strictCsp } from '../e2e/lib/embed-server.mjs';
import { rewriteEndpoint } from '../e2e/lib/static-server.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..', '..');
const DIST_DIR = path.resolve(ROOT, process.env.DIST_DIR || 'dist');
const INTAKE_BIN = path.resolve(ROOT, process.env.INTAKE_BIN || path.join('target', 'debug', 'intake'));
const CHROME_PATH = process.env.CHROME_PATH || '/usr/bin/chromium';
const CHROME_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const BUDGET = { performance: 98, accessibility: 100, 'best-practices': 100, brotliKb: 150 };
const CATEGORIES = ['performance', 'accessibility', 'best-practices'];

function parseArgs(argv) {
  const opts = { runs: 3, json: null, identity: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--runs') opts.runs = Number(argv[++i]);
    else if (a === '--json') opts.json = argv[++i];
    else if (a === '--identity') opts.identity = true;
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

async function main() {
  let opts;
  try {
    opts = parseArgs(process.argv.slice(2));
  } catch (e) {
    console.error(`lighthouse.mjs: ${e.message}`);
    return 2;
  }
  if (opts.help) {
    console.log('Usage: node tests/bench/lighthouse.mjs [--runs N] [--json FILE] [--identity]');
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
    const url = `${site.origin}/`;

    chrome = await chromeLauncher.launch({ chromePath: CHROME_PATH, chromeFlags: CHROME_FLAGS, logLevel: 'silent' });
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
