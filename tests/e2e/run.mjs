// Runs every tests/e2e/*.test.mjs with node's own runner, one file at a time.
//
//   npm test --prefix tests/e2e                       (from the repository root)
//   INTAKE_BIN=target/debug/intake DIST_DIR=dist npm test --prefix tests/e2e
//   node tests/e2e/run.mjs schema                     (only files whose name contains "schema")
//
// DIST_DIR (default <repo>/dist) must hold the built widget and INTAKE_BIN (default
// <repo>/target/debug/intake) the intake receiver; relative paths are taken from the repository
// root. The schema tests need neither.

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..', '..');
const filters = process.argv.slice(2);

const files = fs
  .readdirSync(HERE)
  .filter((f) => f.endsWith('.test.mjs'))
  .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
  .sort()
  .map((f) => path.join(HERE, f));
if (files.length === 0) {
  console.error(`e2e: no test files match ${filters.join(', ')}`);
  process.exit(2);
}

const env = {
  ...process.env,
  DIST_DIR: path.resolve(ROOT, process.env.DIST_DIR || 'dist'),
  INTAKE_BIN: path.resolve(ROOT, process.env.INTAKE_BIN || 'target/debug/intake'),
};
const needsBuild = files.some((f) => !f.endsWith('schema.test.mjs'));
if (needsBuild) {
  const problems = [];
  if (!fs.existsSync(path.join(env.DIST_DIR, 'index.html'))) {
    problems.push(`DIST_DIR ${env.DIST_DIR} has no index.html: run trunk build --release first`);
  }
  if (!fs.existsSync(env.INTAKE_BIN)) {
    problems.push(`INTAKE_BIN ${env.INTAKE_BIN} does not exist: run cargo build --bin intake first`);
  }
  const chromium = process.env.CHROMIUM || '/usr/bin/chromium';
  if (!fs.existsSync(chromium)) problems.push(`${chromium} does not exist: apt-get install -y chromium`);
  if (problems.length) {
    console.error(`e2e: cannot run:\n  ${problems.join('\n  ')}`);
    process.exit(2);
  }
}

// Failure screenshots, console and HTML of this run only (see lib/harness.mjs withPage).
// The default folder (git-ignored) is emptied first; a folder given in E2E_ARTIFACTS is left alone.
if (!process.env.E2E_ARTIFACTS) fs.rmSync(path.join(HERE, 'artifacts'), { recursive: true, force: true });

const args = ['--test', '--test-concurrency=1', '--test-reporter=spec', ...files];
const child = spawn(process.execPath, args, { stdio: 'inherit', env, cwd: HERE });
child.on('exit', (code, signal) => process.exit(signal ? 1 : code));
