/**
 * Adversarial parser benchmark (issue 10): hostile inputs that once made the parser quadratic or slow,
 * each at 100 KB, 1 MB and 4 MB. Prints ms per MB, the time of one `/\d+/g` pass over the same text
 * (a baseline measured in the same run) and the growth ratio parse(4 MB) / parse(1 MB): 4 is linear.
 * Targets: growth ≤ 4.5 and < 1 s per MB for every pattern.
 *
 *   node --import tsx scripts/bench-adversarial.ts [--json]
 *
 * A pattern whose 100 KB parse already takes longer than SLOW_MS is reported as such and not run larger.
 */
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { parseNotice } from '../lib/parse/index';

const HEADER = '中共某某镇委员会关于巡察整改进展情况的通报\n根据区委统一部署，2023年9月至12月，区委第三巡察组对某某镇党委进行了巡察。2024年3月14日，反馈了巡察意见。\n二、巡察反馈问题整改落实情况\n';

/** Text of about `chars` characters made of `unit` repeated after a notice header. */
function repeat(unit: string, chars: number, closing = ''): string {
  const body = unit.repeat(Math.max(1, Math.ceil((chars - HEADER.length - closing.length) / unit.length)));
  return HEADER + body + closing;
}

const CLOSING = '\n欢迎广大干部群众对巡察整改落实情况进行监督。联系电话：0760-22343030；电子邮箱：';

export const ADVERSARIAL_PATTERNS: Record<string, (chars: number) => string> = {
  /** Letters and digits without end in the closing block, around scattered `@`. */
  emailRun: (n) => HEADER + CLOSING + 'a1'.repeat(n / 4) + '@' + 'b2'.repeat(n / 4) + '@x',
  /** The same sibling marker on every line. */
  repeatedSiblings: (n) => repeat('（一）\n', n),
  /** Numbers with hundreds of digits. */
  hugeNumbers: (n) => repeat(`共${'9'.repeat(400)}宗，`, n),
  /** A date after a date after a date. */
  dateStorm: (n) => repeat('2024年3月14日', n),
  /** One endless arithmetic paragraph. */
  arithmeticParagraph: (n) => repeat('问题合同23宗，已完成整改11宗，剩余12宗，', n),
  /** Ranges chained with 至. */
  zhiChain: (n) => repeat('2023年9月至12月至', n),
  /** Outline markers of every kind, one per line. */
  markerStorm: (n) => repeat('一、\n（一）\n1.\n（1）\n问题2：\n', n),
  /** Quotes and tags that never close. */
  unclosed: (n) => repeat('针对“【正在整改', n),
  /** Item headings with a deadline each. */
  itemsWithDeadlines: (n) => repeat('1.针对“台账不清”问题。正在核对，预计2025年6月底前完成。\n', n),
};

export const SIZES = [100_000, 1_000_000, 4_000_000] as const;
const SLOW_MS = 5_000;

export interface AdversarialRow {
  pattern: string;
  /** Parse ms at each size (null: skipped because the 100 KB parse was already too slow). */
  ms: (number | null)[];
  /** `/\d+/g` pass over the 1 MB text, ms (baseline from the same run). */
  baselineMs: number;
  msPerMb: number | null;
  growth: number | null;
}

function timeOnce(fn: () => unknown): number {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

function medianOf(runs: number, fn: () => unknown): number {
  const t = Array.from({ length: runs }, () => timeOnce(fn)).sort((a, b) => a - b);
  return t[runs >> 1];
}

export function benchAdversarial(patterns = ADVERSARIAL_PATTERNS): AdversarialRow[] {
  const rows: AdversarialRow[] = [];
  for (const [pattern, make] of Object.entries(patterns)) {
    const ms: (number | null)[] = [];
    for (const size of SIZES) {
      if (ms.some((m) => m === null || m > SLOW_MS)) {
        ms.push(null);
        continue;
      }
      const text = make(size);
      ms.push(medianOf(size > 1_000_000 ? 1 : 3, () => parseNotice(text)));
    }
    const mb = make(1_000_000);
    const baselineMs = medianOf(3, () => mb.match(/\d+/g));
    const [, oneMb, fourMb] = ms;
    rows.push({
      pattern,
      ms,
      baselineMs,
      msPerMb: oneMb === null ? null : Math.round(oneMb),
      growth: oneMb === null || fourMb === null ? null : Math.round((fourMb / oneMb) * 100) / 100,
    });
  }
  return rows;
}

export function formatAdversarialBench(rows: AdversarialRow[]): string {
  const cell = (x: number | null) => (x === null ? '跳过' : `${Math.round(x)}`);
  const lines = rows.map((r) => {
    const ok = r.growth !== null && r.growth <= 4.5 && r.msPerMb !== null && r.msPerMb < 1000;
    return `  ${r.pattern.padEnd(20)} ${r.ms.map(cell).map((c) => c.padStart(8)).join('')}   ${String(r.msPerMb ?? '—').padStart(6)} ms/MB  基准 ${r.baselineMs.toFixed(1).padStart(6)} ms  增长 ${String(r.growth ?? '—').padStart(5)}×  ${ok ? '达标' : '未达标'}`;
  });
  return ['对抗性输入（解析 ms：100 KB / 1 MB / 4 MB；目标：增长 ≤ 4.5×，< 1000 ms/MB）', ...lines].join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const rows = benchAdversarial();
  console.log(process.argv.includes('--json') ? JSON.stringify(rows, null, 2) : formatAdversarialBench(rows));
}
