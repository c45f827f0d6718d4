#!/usr/bin/env node
// `npm test`: the whole suite. Checks formatting, lint, import cycles and types, builds the app, makes sure Debian's
// Chromium is there for the browser suite (installing it with apt-get when running as root), then runs
// every vitest project and ends with one summary line: "Tests: N passed, N failed, N skipped".
//
//   node scripts/test.mjs              everything
//   node scripts/test.mjs --db-only    only the database suites (CI runs this again with TEST_DATABASE_URL)
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';

const CHROMIUM = '/usr/bin/chromium';
const RESULTS = '.test-results.json';
const dbOnly = process.argv.includes('--db-only');

function run(title, command, args, options = {}) {
  process.stdout.write(`\n▶ ${title}\n`);
  const result = spawnSync(command, args, { stdio: 'inherit', ...options });
  if (result.status !== 0) {
    process.stdout.write(`\n✖ ${title} failed (exit ${result.status ?? result.signal}).\n`);
    process.exit(result.status ?? 1);
  }
}

function ensureChromium() {
  if (existsSync(CHROMIUM)) {
    return;
  }
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || !existsSync('/usr/bin/apt-get')) {
    process.stderr.write(
      `The browser tests need Debian's Chromium at ${CHROMIUM}. Install it with:\n  sudo apt-get install -y chromium\n`,
    );
    process.exit(1);
  }
  run('Installing Chromium for the browser tests (apt-get)', 'sh', [
    '-c',
    'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium > /dev/null',
  ]);
}

const bin = (name) => `node_modules/.bin/${name}`;

if (!dbOnly) {
  run('Formatting (prettier)', bin('prettier'), ['--check', '--log-level', 'warn', '.']);
  run('Lint (eslint)', bin('eslint'), ['--max-warnings', '0', '.']);
  run('Import cycles (dependency-cruiser)', 'npm', ['run', '--silent', 'lint:imports']);
  run('Types (tsc)', 'npm', ['run', '--silent', 'typecheck']);
  run('Build (server and web app)', 'npm', ['run', '--silent', 'build']);
  ensureChromium();
} else if (!existsSync('dist/server/cli/bin.js')) {
  run('Build (server and web app)', 'npm', ['run', '--silent', 'build']);
}

rmSync(RESULTS, { force: true });
const projects = dbOnly ? ['--project', 'db'] : [];
const suite = spawnSync(
  bin('vitest'),
  ['run', ...projects, '--reporter=default', '--reporter=json', `--outputFile.json=${RESULTS}`],
  { stdio: 'inherit', env: { ...process.env, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' } },
);

let summary = 'Tests: 0 passed, 1 failed';
if (existsSync(RESULTS)) {
  const results = JSON.parse(readFileSync(RESULTS, 'utf8'));
  const skipped = results.numPendingTests + results.numTodoTests;
  summary = `Tests: ${results.numPassedTests} passed, ${results.numFailedTests} failed, ${skipped} skipped`;
}
process.stdout.write(`\n${summary}\n`);
process.exit(suite.status ?? 1);
