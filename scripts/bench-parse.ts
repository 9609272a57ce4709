/**
 * Parser benchmark: parseNotice on each seed and on a ~1 MB synthetic notice built by repeating and
 * varying the seeds. Each time is the median of RUNS runs, compared with one `/\d+/g` pass and with
 * one `charCodeAt` loop over the same text, both measured in the same run (so the ratios are comparable
 * across machines), plus the scaling
 * ratio parse(1 MB) / parse(100 KB) — 10 means linear. Targets: 1 MB parse ≤ 50 ms and ≤ 40× the
 * loop, scaling ≤ 12.
 *
 * Steady state: before anything is timed, every text is parsed WARMUP_RUNS times, so no row pays for
 * JIT compilation that the rows before it happened not to trigger (without it the first seed's
 * median was 2–4× its warm time). What a page pays on its first parse is reported separately as
 * `coldMs`: the very first parse of each seed in a fresh process, before any warm-up.
 *
 *   node --import tsx scripts/bench-parse.ts [--json] [--profile]
 *
 * --profile adds a per-stage breakdown (median ms per stage over RUNS parses) for every text.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { parseNotice } from '../lib/parse/index';
import { normalizeText, splitLines } from '../lib/parse/normalize';
import { formatChineseNumber } from '../lib/parse/numerals';
import { parseMarker } from '../lib/parse/outline';

export interface ParseBenchEntry {
  name: string;
  chars: number;
  parseMs: number;
  regexMs: number;
  ratio: number;
  /**
   * One loop over the same text reading every character once (`charCodeAt`), measured in the same
   * run: a baseline that does the least any parser must do, whatever the script (`/\d+/g` finds
   * almost nothing in Chinese text, so its ratio is noisy). Target for the ~1 MB notice: loopRatio ≤ 40.
   */
  loopMs: number;
  /** parseMs / loopMs */
  loopRatio: number;
  /** First parse of this text in the process (cold JIT; seeds only, when measured first). */
  coldMs?: number;
}

export interface ParseBench {
  seeds: ParseBenchEntry[];
  synthetic: Omit<ParseBenchEntry, 'name'>;
  scaling: number;
}

const SEEDS_DIR = new URL('../test/fixtures/seeds/', import.meta.url);
const RUNS = 20;
const WARMUP_RUNS = 10;
const SYNTHETIC_CHARS = 1_000_000;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function time(fn: () => unknown, runs: number): number {
  fn(); // warm-up
  const t: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    t.push(performance.now() - t0);
  }
  return median(t);
}

let sink = 0;
function regexPass(text: string): number {
  let n = 0;
  const re = /\d+/g;
  while (re.exec(text)) n++;
  sink += n;
  return n;
}

/** Reads every character once; the sum is kept so the loop cannot be optimized away. */
function charLoop(text: string): number {
  let h = 0;
  for (let i = 0; i < text.length; i++) h = (h + text.charCodeAt(i)) | 0;
  sink += h;
  return h;
}

function measure(name: string, text: string, runs: number): ParseBenchEntry {
  const parseMs = time(() => parseNotice(text), runs);
  const regexMs = time(() => regexPass(text), runs);
  const loopMs = time(() => charLoop(text), runs);
  return {
    name,
    chars: text.length,
    parseMs: round(parseMs),
    regexMs: round(regexMs, 4),
    ratio: round(parseMs / Math.max(regexMs, 1e-6), 1),
    loopMs: round(loopMs, 4),
    loopRatio: round(parseMs / Math.max(loopMs, 1e-6), 1),
  };
}

function round(x: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

export function loadSeeds(): Array<{ name: string; text: string }> {
  return readdirSync(SEEDS_DIR)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => ({ name: f, text: readFileSync(new URL(f, SEEDS_DIR), 'utf8') }));
}

/**
 * A large but realistic notice: the 麻章镇 header, then a problems section whose items reuse the
 * seeds' body paragraphs round-robin, with numbers shifted per copy so no two items are identical,
 * grouped ten to a `（N）关于…方面` category, closed by the seeds' contact block and signature.
 */
export function syntheticNotice(targetChars: number, seeds = loadSeeds()): string {
  const bodies: string[] = [];
  for (const s of seeds) {
    for (const line of splitLines(normalizeText(s.text).text)) {
      if (line.text.length >= 40 && !parseMarker(line.text) && !/^(根据|欢迎)/.test(line.text)) bodies.push(line.text);
    }
  }
  const out: string[] = [
    '中共某某镇委员会关于巡察整改进展情况的通报',
    '根据区委统一部署，2023年9月至12月，区委第三巡察组对某某镇党委进行了巡察。2024年3月14日，区委第三巡察组向某某镇党委反馈了巡察意见。现将巡察整改进展情况予以公布。',
    '一、巡察反馈问题整改落实情况',
  ];
  let size = out.join('\n').length;
  let k = 0;
  while (size < targetChars) {
    if (k % 10 === 0) out.push(`（${formatChineseNumber(Math.floor(k / 10) % 99 + 1)}）关于第${Math.floor(k / 10) + 1}类问题整改不到位方面`);
    k++;
    const body = bodies[k % bodies.length].replace(/\d+/g, (d) => String((Number(d) + k) % 100000));
    const line = `${k}.针对“问题${k}”的问题。${body}`;
    out.push(line);
    size += line.length + 1;
  }
  out.push('欢迎广大干部群众对巡察整改落实情况进行监督。联系电话：0760-22343030；电子邮箱：test@example.com。', '中共某某镇委员会', '2024年9月25日');
  return out.join('\n');
}

export function benchParse(runs = RUNS): ParseBench {
  const texts = loadSeeds();
  // cold: the first parse of each seed, before the JIT has seen the parser (only meaningful once per process)
  const cold = new Map<string, number>();
  for (const s of texts) {
    const t0 = performance.now();
    parseNotice(s.text);
    cold.set(s.name, round(performance.now() - t0));
  }
  const big = syntheticNotice(SYNTHETIC_CHARS);
  const small = syntheticNotice(SYNTHETIC_CHARS / 10);
  for (let i = 0; i < WARMUP_RUNS; i++) for (const t of [...texts.map((s) => s.text), small]) parseNotice(t);
  for (let i = 0; i < 2; i++) parseNotice(big);
  const seeds = texts.map((s) => ({ ...measure(s.name, s.text, runs), coldMs: cold.get(s.name) }));
  const syn = measure('synthetic', big, runs);
  const smallMs = time(() => parseNotice(small), runs);
  const { name: _name, ...synthetic } = syn;
  return { seeds, synthetic, scaling: round(syn.parseMs / smallMs, 1) };
}

export type StageProfile = Record<string, number>;

/** Median milliseconds per pipeline stage of parseNotice(text), from the parser's own timings hook. */
export function profileStages(text: string, runs = RUNS): StageProfile {
  parseNotice(text); // warm-up
  const samples = new Map<string, number[]>();
  for (let i = 0; i < runs; i++) {
    const timings: Record<string, number> = {};
    parseNotice(text, { timings });
    for (const [stage, ms] of Object.entries(timings)) {
      if (!samples.has(stage)) samples.set(stage, []);
      samples.get(stage)!.push(ms);
    }
  }
  const out: StageProfile = {};
  for (const [stage, xs] of samples) out[stage] = round(median(xs), 3);
  return out;
}

export function formatStageProfile(name: string, p: StageProfile): string {
  const total = Object.values(p).reduce((a, b) => a + b, 0);
  const parts = Object.entries(p).map(([k, v]) => `${k} ${v.toFixed(2)}`);
  return `  ${name.padEnd(34)} 合计 ${total.toFixed(2)} ms：${parts.join(' · ')}`;
}

export function formatParseBench(b: ParseBench): string {
  const rows = [...b.seeds, { name: '合成通报 ~1MB', ...b.synthetic }].map(
    (r: ParseBenchEntry | (Omit<ParseBenchEntry, 'name'> & { name: string })) =>
      `  ${r.name.padEnd(34)} ${String(r.chars).padStart(8)} 字  解析 ${r.parseMs.toFixed(2).padStart(8)} ms  /\\d+/g ${r.regexMs.toFixed(3).padStart(7)} ms  比值 ${r.ratio}` +
      `  逐字循环 ${r.loopMs.toFixed(3).padStart(7)} ms  比值 ${r.loopRatio}` +
      (r.coldMs !== undefined ? `  （首次解析 ${r.coldMs.toFixed(2)} ms）` : ''),
  );
  const syn = b.synthetic;
  const met = syn.parseMs <= 50 && syn.loopRatio <= 40;
  return [
    '解析性能（预热后中位数；首次解析 = 进程内第一次、未预热；逐字循环 = 同一次运行中逐字 charCodeAt 一遍的基线）',
    ...rows,
    `  规模比 1MB / 100KB = ${b.scaling}（线性为 10，目标 ≤ 12）`,
    `  合成通报 ~1MB：${syn.parseMs} ms，逐字循环的 ${syn.loopRatio} 倍（目标 ≤ 50 ms 且 ≤ 40 倍）${met ? '达标' : '未达标'}`,
  ].join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const b = benchParse();
  const json = process.argv.includes('--json');
  if (process.argv.includes('--profile')) {
    const texts = [...loadSeeds(), { name: 'synthetic', text: syntheticNotice(SYNTHETIC_CHARS) }];
    const profiles = Object.fromEntries(texts.map((t) => [t.name, profileStages(t.text)]));
    if (json) console.log(JSON.stringify({ ...b, profiles }, null, 2));
    else console.log([formatParseBench(b), '各阶段耗时（中位数，ms）', ...Object.entries(profiles).map(([n, p]) => formatStageProfile(n, p))].join('\n'));
  } else console.log(json ? JSON.stringify(b, null, 2) : formatParseBench(b));
  void sink;
}
