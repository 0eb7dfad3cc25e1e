#!/usr/bin/env node
// Size report of the release build: every .wasm, .js and .css in dist/, raw, gzip (level 9) and
// brotli (quality 11), and their total.
// Usage: node .ci/size-report.mjs [dist] [--budget-brotli KB [--enforce]]
// With --enforce, a total over the budget exits 1; without it, the verdict is only printed.
import { readdirSync, readFileSync, statSync } from 'node:fs';
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
const kb = (n) => (n / 1024).toFixed(1).padStart(8);
const rows = files.map((p) => {
  const data = readFileSync(p);
  return {
    file: relative(dir, p),
    raw: data.length,
    gzip: gzipSync(data, { level: 9 }).length,
    brotli: brotliCompressSync(data, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: data.length },
    }).length,
  };
});
const total = rows.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }), { raw: 0, gzip: 0, brotli: 0 });
const width = Math.max(5, ...rows.map((r) => r.file.length));
console.log(`${'file'.padEnd(width)}   raw KB  gzip KB  brotli KB`);
for (const r of rows) console.log(`${r.file.padEnd(width)} ${kb(r.raw)} ${kb(r.gzip)} ${kb(r.brotli)}`);
console.log(`${'TOTAL'.padEnd(width)} ${kb(total.raw)} ${kb(total.gzip)} ${kb(total.brotli)}`);
if (budgetKb !== null) {
  const ok = total.brotli <= budgetKb * 1024;
  console.log(`budget: ${(total.brotli / 1024).toFixed(1)} KB brotli of ${budgetKb} KB — ${ok ? 'within budget' : 'OVER BUDGET'}`);
  if (!ok && args.includes('--enforce')) process.exit(1);
}
