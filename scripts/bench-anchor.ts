/**
 * Bench: re-anchor 500 annotations on the longest seed (古镇, ~26 000 chars) after a small edit.
 * Baseline, measured in the same run: one `text.indexOf(quote)` per annotation.
 *
 *   node --import tsx scripts/bench-anchor.ts
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { anchorAll, describeRange, type Selectors } from '../lib/anchor';

const SEED = fileURLToPath(new URL('../test/fixtures/seeds/guzhen-town-2025-09-12.txt', import.meta.url));
const ANNOTATIONS = 500;
const RUNS = 7;

export interface AnchorBench {
  annotations: number;
  chars: number;
  anchorMs: number;
  baselineMs: number;
  ratio: number;
}

export function benchAnchor(): AnchorBench {
  const text = readFileSync(SEED, 'utf8');
  const sels = annotationsOn(text, ANNOTATIONS);
  const edited = smallEdit(text);

  const anchorTimes: number[] = [];
  const baselineTimes: number[] = [];
  let sink = 0;
  for (let run = 0; run <= RUNS; run++) {
    let t0 = performance.now();
    const results = anchorAll(edited, sels);
    const anchorMs = performance.now() - t0;
    t0 = performance.now();
    for (const sel of sels) sink += edited.indexOf(sel.quote.exact);
    const baselineMs = performance.now() - t0;
    sink += results.length;
    if (run === 0) continue; // warm-up
    anchorTimes.push(anchorMs);
    baselineTimes.push(baselineMs);
  }
  if (sink === 0) throw new Error('unreachable'); // keeps the baseline loop from being optimized away
  const anchorMs = median(anchorTimes);
  const baselineMs = median(baselineTimes);
  return {
    annotations: sels.length,
    chars: edited.length,
    anchorMs: round2(anchorMs),
    baselineMs: round2(baselineMs),
    ratio: round2(anchorMs / Math.max(baselineMs, 1e-3)),
  };
}

/** Deterministic ranges of 10–80 chars spread over the whole text. */
function annotationsOn(text: string, count: number): Selectors[] {
  let state = 0x9e3779b9;
  const next = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296;
  };
  const sels: Selectors[] = [];
  for (let k = 0; k < count; k++) {
    const start = Math.floor(((k + next()) * (text.length - 100)) / count);
    const length = 10 + Math.floor(next() * 71);
    sels.push(describeRange(text, start, start + length));
  }
  return sels;
}

/** A CMS-style small edit: a sentence inserted in the middle, two characters replaced further on. */
function smallEdit(text: string): string {
  const middle = text.indexOf('\n', Math.floor(text.length / 2)) + 1;
  const late = Math.floor((text.length * 3) / 4);
  return (
    text.slice(0, middle) +
    '  （2025年9月15日更新：补充部分整改材料。）\n' +
    text.slice(middle, late) +
    '整改' +
    text.slice(late + 2)
  );
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const r = benchAnchor();
  console.log(
    `anchor: ${r.annotations} annotations on ${r.chars} chars after a small edit — ` +
      `${r.anchorMs} ms (median of ${RUNS}); baseline indexOf ${r.baselineMs} ms; ratio ${r.ratio}×`,
  );
}
