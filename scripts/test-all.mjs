#!/usr/bin/env node
// `npm test`: browser set-up + typecheck + ESLint + unit tests + builds + Firefox lint + real-browser e2e in Firefox ESR
// and Chromium, ending with one plain line "N passed, N failed" (both browsers counted) that CI reads. Each
// stage still prints its own report above it.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { setUpBrowsers } from './setup-browsers.mjs';

mkdirSync('test-results', { recursive: true });
for (const f of ['unit', 'e2e', 'e2e-firefox']) rmSync(`test-results/${f}.json`, { force: true }); // no stale reports

// Installs missing browsers / fonts / language packs / LibreOffice (apt-get as root on Debian/Ubuntu), else says how.
if (!setUpBrowsers(['chromium', 'firefox', 'libreoffice'])) {
  console.log('\n0 passed, 1 failed');
  process.exit(1);
}
const outDir = process.env.WXT_OUT_DIR ?? '.output';
let passed = 0;
let failed = 0;

function run(label, cmd, args) {
  console.log(`\n▶ ${label}: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, FORCE_COLOR: '0' } });
  return r.status === 0;
}

function countVitest(file, label) {
  if (!existsSync(file)) {
    console.log(`${label}: no report (${file}) — counted as 1 failure`);
    failed += 1;
    return;
  }
  const report = JSON.parse(readFileSync(file, 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  if (report.numTotalTests === 0) failed += 1; // a suite that ran nothing is a failure
  // a file that failed without a failed test (its beforeAll threw, e.g. the browser never started) is a failure too
  const broken = (report.testResults ?? []).filter((f) => f.status === 'failed' && !(f.assertionResults ?? []).some((a) => a.status === 'failed'));
  failed += broken.length;
  for (const f of broken) console.log(`${label}: ${f.name} failed outside its tests — counted as 1 failure`);
  console.log(`${label}: ${report.numPassedTests} passed, ${report.numFailedTests + broken.length} failed`);
}

function vitest(label, config, out) {
  const ok = run(label, 'npx', ['vitest', 'run', '--config', config, '--reporter=default', '--reporter=json', `--outputFile.json=${out}`]);
  countVitest(out, label);
  if (!ok && !existsSync(out)) failed += 1;
}

if (run('typecheck', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json'])) passed += 1;
else failed += 1;

if (run('lint', 'npx', ['eslint', '.'])) passed += 1;
else failed += 1;

vitest('unit', 'vitest.config.ts', 'test-results/unit.json');

if (run('build (firefox-mv2)', 'npx', ['wxt', 'build', '-b', 'firefox'])) {
  passed += 1;
  if (run('web-ext lint (firefox-mv2)', 'node', ['scripts/lint-firefox.mjs'])) passed += 1;
  else failed += 1;
  if (run('bundle budgets (firefox-mv2)', 'node', ['--import', 'tsx', 'scripts/check-bundles.ts', `${outDir}/firefox-mv2`])) passed += 1;
  else failed += 1;
  vitest('e2e (Firefox ESR)', 'vitest.firefox.config.ts', 'test-results/e2e-firefox.json');
} else {
  failed += 1;
  console.log('build failed: Firefox lint and e2e not run');
}

if (run('build (chrome-mv3)', 'npx', ['wxt', 'build'])) {
  passed += 1;
  if (run('bundle budgets (chrome-mv3)', 'node', ['--import', 'tsx', 'scripts/check-bundles.ts', `${outDir}/chrome-mv3`])) passed += 1;
  else failed += 1;
  vitest('e2e (Chromium)', 'vitest.e2e.config.ts', 'test-results/e2e.json');
} else {
  failed += 1;
  console.log('build failed: Chromium e2e not run');
}

console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
