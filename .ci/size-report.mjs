#!/usr/bin/env node
// Size report of the release build: every .wasm, .js and .css in dist/, raw, gzip (level 9) and
// brotli (quality 11); then, per module, what a person using it downloads (wellbeing.js loads
// only the module each element needs): the patient self-referral, the same with a definitions file
// (licensed), the FHIR variant, and the
// link-worker app (the follow-up module and the app's own files, everything its service worker
// keeps on the tablet).
// Usage: node .ci/size-report.mjs [dist] [--budget-brotli KB [--enforce]]
// The budget is for the patient total. With --enforce, a patient total over the budget exits 1;
// without it, the verdict is only printed.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

const args = process.argv.slice(2);
const dir = args.find((a) => !a.startsWith('--')) ?? 'dist';
const budgetAt = args.indexOf('--budget-brotli');
const budgetKb = budgetAt >= 0 ? Number(args[budgetAt + 1]) : null;

function* walk(d) {
  for (const name of readdirSync(d)) {
    const p = join(d, name);
    if (statSync(p).isDirectory()) yield* walk(p);
    else yield p;
  }
}

const files = [...walk(dir)].filter((p) => /\.(wasm|js|css)$/.test(p)).sort();
if (files.length === 0) {
  console.error(`size-report: no .wasm/.js/.css files in ${dir}; run trunk build --release first`);
  process.exit(1);
}

// What each module's user downloads, by file (relative to dist/).
const LOADER = ['wellbeing.js', 'main.css'];
const MODULES = [
  { name: 'patient', files: [...LOADER, 'wellbeing-widget.js', 'wellbeing-widget_bg.wasm'] },
  { name: 'licensed', files: [...LOADER, 'wellbeing-licensed.js', 'wellbeing-licensed_bg.wasm'] },
  { name: 'fhir', files: [...LOADER, 'wellbeing-fhir.js', 'wellbeing-fhir_bg.wasm'] },
  {
    name: 'link-worker app',
    files: [
      ...LOADER,
      'wellbeing-follow-up.js',
      'wellbeing-follow-up_bg.wasm',
      ...['index.html', 'app.js', 'sw.js', 'link-worker.css', 'manifest.webmanifest', 'icon.svg', 'icon-192.png', 'icon-512.png'].map((f) => `link-worker/${f}`),
    ],
  },
];

const kb = (n) => (n / 1024).toFixed(1).padStart(8);
function measure(file) {
  const data = readFileSync(join(dir, file));
  return {
    file,
    raw: data.length,
    gzip: gzipSync(data, { level: 9 }).length,
    brotli: brotliCompressSync(data, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: data.length },
    }).length,
  };
}
const sum = (rows) => rows.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }), { raw: 0, gzip: 0, brotli: 0 });

const rows = files.map((p) => measure(relative(dir, p)));
const moduleRows = MODULES.map((m) => {
  const missing = m.files.filter((f) => !existsSync(join(dir, f)));
  if (missing.length) {
    console.error(`size-report: ${dir} has no ${missing.join(', ')} (the ${m.name} module); run trunk build --release first`);
    process.exit(1);
  }
  return { name: m.name, ...sum(m.files.map(measure)) };
});

const width = Math.max(24, ...rows.map((r) => r.file.length));
console.log(`${'file'.padEnd(width)}   raw KB  gzip KB  brotli KB`);
for (const r of rows) console.log(`${r.file.padEnd(width)} ${kb(r.raw)} ${kb(r.gzip)} ${kb(r.brotli)}`);
console.log(`\n${'per module (downloaded)'.padEnd(width)}   raw KB  gzip KB  brotli KB`);
for (const m of moduleRows) console.log(`${m.name.padEnd(width)} ${kb(m.raw)} ${kb(m.gzip)} ${kb(m.brotli)}`);
console.log('(each: wellbeing.js, main.css and its module; the link-worker app also its page, script, service worker, manifest and icons)');
if (budgetKb !== null) {
  const patient = moduleRows[0];
  const ok = patient.brotli <= budgetKb * 1024;
  console.log(`budget (patient): ${(patient.brotli / 1024).toFixed(1)} KB brotli of ${budgetKb} KB — ${ok ? 'within budget' : 'OVER BUDGET'}`);
  if (!ok && args.includes('--enforce')) process.exit(1);
}
