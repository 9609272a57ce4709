/**
 * Bench: re-anchor 500 annotations on the longest seed (古镇, ~26 000 chars) after a small edit
 * (target < 50 ms), and one annotation whose quote was edited on a ~1 MB synthetic notice (target
 * < 20 ms: the fuzzy search runs on a window around the position hint before any full scan).
 * Baselines, measured in the same run: one `text.indexOf(quote)` per annotation; on the 1 MB page
 * also the same annotation without its position hint (full-text fuzzy search).
 *
 *   node --import tsx scripts/bench-anchor.ts
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { anchor, anchorAll, describeRange, type Selectors } from '../lib/anchor';
import { syntheticNotice } from './bench-parse';

const SEED = fileURLToPath(new URL('../test/fixtures/seeds/guzhen-town-2025-09-12.txt', import.meta.url));
const ANNOTATIONS = 500;
const RUNS = 7;

export interface AnchorBench {
  annotations: number;
  chars: number;
  anchorMs: number;
  baselineMs: number;
  ratio: number;
  /** Annotations anchored / orphaned after the edit. */
  anchored: number;
  orphaned: number;
  bigPage: BigPageBench;
}

export interface BigPageBench {
  chars: number;
  /** One annotation with two chars of its quote replaced, text inserted before it. */
  anchorMs: number;
  method: string | null;
  /** Same annotation without its position hint: the full-text fuzzy search the window avoids. */
  fullScanMs: number;
  /** One indexOf of the quote over the whole text. */
  baselineMs: number;
}

const BIG_PAGE_CHARS = 1_000_000;

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
  const anchored = anchorAll(edited, sels).filter((r) => r !== null).length;
  return {
    annotations: sels.length,
    chars: edited.length,
    anchorMs: round2(anchorMs),
    baselineMs: round2(baselineMs),
    ratio: round2(anchorMs / Math.max(baselineMs, 1e-3)),
    anchored,
    orphaned: sels.length - anchored,
    bigPage: benchBigPage(),
  };
}

/** One annotation on a ~1 MB synthetic notice: its quote edited (so no exact match) and text inserted before it. */
export function benchBigPage(): BigPageBench {
  const text = syntheticNotice(BIG_PAGE_CHARS);
  const line = text.indexOf('\n', Math.floor(text.length * 0.6)) + 1;
  const sel = describeRange(text, line, line + 40);
  const typoAt = line + 30;
  const edited = text.slice(0, 1000) + '（更新说明：补充材料。）' + text.slice(1000, typoAt) + '某某' + text.slice(typoAt + 2);
  const noHint = { ...sel, position: undefined as unknown as Selectors['position'] };
  const times = { anchor: [] as number[], full: [] as number[], base: [] as number[] };
  let method: string | null = null;
  let sink = 0;
  for (let run = 0; run <= RUNS; run++) {
    let t0 = performance.now();
    const r = anchor(edited, sel);
    const a = performance.now() - t0;
    t0 = performance.now();
    sink += anchor(edited, noHint)?.start ?? 0;
    const f = performance.now() - t0;
    t0 = performance.now();
    sink += edited.indexOf(sel.quote.exact);
    const b = performance.now() - t0;
    method = r?.method ?? null;
    if (run === 0) continue; // warm-up
    times.anchor.push(a);
    times.full.push(f);
    times.base.push(b);
  }
  if (sink === 0) throw new Error('unreachable');
  return {
    chars: edited.length,
    anchorMs: round2(median(times.anchor)),
    method,
    fullScanMs: round2(median(times.full)),
    baselineMs: round2(median(times.base)),
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
  const b = r.bigPage;
  console.log(
    `anchor: ${r.annotations} annotations on ${r.chars} chars after a small edit — ` +
      `${r.anchorMs} ms (median of ${RUNS}; target < 50); baseline indexOf ${r.baselineMs} ms; ratio ${r.ratio}×; ` +
      `${r.anchored} anchored, ${r.orphaned} orphaned\n` +
      `anchor: 1 annotation (quote edited) on a ${b.chars}-char page — ${b.anchorMs} ms (${b.method ?? 'orphan'}; target < 20); ` +
      `without position hint (full scan) ${b.fullScanMs} ms; baseline indexOf ${b.baselineMs} ms`,
  );
}
