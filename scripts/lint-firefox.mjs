#!/usr/bin/env node
// `web-ext lint` on the Firefox build. Passes with 0 errors and no warning of ours. The only tolerated warning is
// UNSAFE_VAR_ASSIGNMENT on Preact's own renderer (`dom.innerHTML = props.dangerouslySetInnerHTML.__html`,
// bundled into every Preact entry point): our code never uses dangerouslySetInnerHTML, so it never runs
// (README, "Firefox"). Anything else fails.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const dir = resolve(process.env.WXT_OUT_DIR ?? '.output', 'firefox-mv2');
const r = spawnSync('npx', ['web-ext', 'lint', '--source-dir', dir, '--output', 'json', '--no-config-discovery'], { encoding: 'utf8' });
let report;
try {
  report = JSON.parse(r.stdout);
} catch {
  console.error(`web-ext lint produced no report (exit ${r.status}):\n${r.stdout}\n${r.stderr}`);
  process.exit(1);
}

/** Preact's renderer: the flagged assignment reads `.__html` (dangerouslySetInnerHTML). */
function isPreactInnerHtml(m) {
  if (m.code !== 'UNSAFE_VAR_ASSIGNMENT' || !m.file || !m.line) return false;
  const line = readFileSync(join(dir, m.file), 'utf8').split('\n')[m.line - 1] ?? '';
  return /^innerHTML=\w+\.__html/.test(line.slice((m.column ?? 1) - 1).replace(/^\w+\./, ''));
}

const tolerated = report.warnings.filter(isPreactInnerHtml);
const ours = [...report.errors, ...report.warnings.filter((w) => !tolerated.includes(w))];
for (const m of ours) console.log(`✗ ${m._type} ${m.code} ${m.file ?? ''}${m.line ? `:${m.line}` : ''} — ${m.message}`);
for (const m of tolerated) console.log(`· dependency warning ${m.code} ${m.file}:${m.line} (Preact's dangerouslySetInnerHTML path; unused)`);
console.log(`web-ext lint ${dir}: ${report.errors.length} errors, ${report.warnings.length - tolerated.length} warnings of ours, ${tolerated.length} from Preact, ${report.notices.length} notices`);
process.exit(ours.length === 0 ? 0 : 1);
