/**
 * Date mentions in notice text: absolute (2024年3月14日, 2021-11-23), year-less (4月7日, 6月底,
 * 1、2月), ranges (2024年10月至2025年4月, 2025年4-5月, 2021-2023年, 2020年10月13日至12月13日),
 * fuzzy (年底, 2021年底, 上半年, 第一季度, 6月下旬, 近期) and relative years (今年, 去年).
 *
 * A hand-written, single-pass grammar (chrono-node mis-reads these modifiers): at each position
 * a small recursive-descent reader tries to read one mention with bounded look-ahead, so the scan
 * is linear in the text length.
 *
 * Kinds: `point` = one day; `month` = one calendar month; `range` = anything spanning several
 * days/months/years, including a bare year ("2023年" → 2023-01-01..2023-12-31) and an open range
 * ("2024年10月至今": last = null); `fuzzy` = a vague period resolved by convention (年底 → 12-31,
 * 上半年 → 01-01..06-30, 第一季度 → 01-01..03-31, 月初 → 1..10日, 下旬 → 21日..月末) or not at all
 * (近期, 月底 without a month → first/last null).
 *
 * Year-less mentions take the year of the nearest earlier explicit year within [from, to),
 * else `fallbackYear`, else stay unresolved (first/last null). 今年/去年/明年 are relative to
 * `currentYear` (the notice's own year; defaults to `fallbackYear`).
 * `X月前` is NOT interpreted here — the mention covers month X; see deadlines.ts.
 */
import { daysInMonth } from './date-vocabulary';
import { readSpecs } from './date-reader';
import type { Endpoint, Spec } from './date-spec';
import type { DateMention } from './date-mention';

export { daysInMonth } from './date-vocabulary';

export type { DateMention } from './date-mention';

export interface FindDatesOptions {
  from?: number;
  to?: number;
  /** Year for year-less mentions that have no earlier explicit year in [from, to). */
  fallbackYear: number | null;
  /** What fallbackYear is, for explanations ("反馈日期" by default). */
  fallbackLabel?: string;
  /** Year the notice was written in, for 今年/去年/明年; defaults to fallbackYear. */
  currentYear?: number | null;
}

export function findDates(text: string, opts: FindDatesOptions): DateMention[] {
  return resolveDates(scanDates(text, opts.from, opts.to), opts);
}

/**
 * What was read in [from, to) before any year is resolved. Reading does not depend on the fallback
 * or current year, so one scan serves several resolutions (dates and deadlines of one section).
 */
export interface DateScan {
  readonly text: string;
  readonly from: number;
  readonly to: number;
  readonly specs: readonly Spec[];
}

/** `starts`: numeralStarts over a range holding [from, to), when the caller scans several ranges of it. */
export function scanDates(text: string, fromOpt?: number, toOpt?: number, starts?: Int32Array): DateScan {
  const from = Math.max(0, fromOpt ?? 0);
  const to = Math.min(text.length, toOpt ?? text.length);
  const specs = readSpecs(text, from, to, starts);
  return { text, from, to, specs };
}

/** Resolves a scan's mentions with `opts`' years (its from/to are those of the scan). */
export function resolveDates(scan: DateScan, opts: FindDatesOptions): DateMention[] {
  const currentYear = opts.currentYear ?? opts.fallbackYear;
  const out: DateMention[] = [];
  let context: { year: number; text: string } | null = null;
  for (const spec of scan.specs) {
    const resolved = resolve(scan.text, spec, context, opts, currentYear);
    out.push(resolved.mention);
    if (resolved.contextYear !== null) context = resolved.contextYear;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Resolution: endpoints → ISO dates, with the zh-CN explanation.

function resolve(
  text: string,
  spec: Spec,
  context: { year: number; text: string } | null,
  opts: FindDatesOptions,
  currentYear: number | null,
): { mention: DateMention; contextYear: { year: number; text: string } | null } {
  const notes: string[] = [];
  let base: number | null = null;
  let yearInferred = false;
  let contextYear: { year: number; text: string } | null = null;
  const needsBase = (spec.first !== null && spec.first.y === null) || (spec.last !== null && spec.last.y === null);
  if (spec.relative) {
    base = currentYear === null ? null : currentYear + spec.relative.delta;
    yearInferred = base !== null;
    notes.push(
      base === null ? `“${spec.relative.word}”无法确定年份` : `“${spec.relative.word}”按${base}年理解`,
    );
    if (base !== null) contextYear = { year: base, text: spec.relative.word };
  } else if (needsBase) {
    if (context) {
      base = context.year;
      notes.push(`年份取自上文“${context.text}”`);
    } else if (opts.fallbackYear !== null) {
      base = opts.fallbackYear;
      notes.push(`年份取自${opts.fallbackLabel ?? '反馈日期'} ${opts.fallbackYear}年`);
    } else {
      notes.push('原文未写年份，上文也没有可参照的年份');
    }
    yearInferred = base !== null;
  }
  if (spec.yearText !== null && spec.yearValue !== null) contextYear = { year: spec.yearValue, text: spec.yearText };
  if (spec.note) notes.push(spec.note);
  const first = spec.first ? toIso(spec.first, base) : null;
  let last = spec.last ? toIso(spec.last, base) : null;
  if (first !== null && last !== null && last < first) last = null; // e.g. an impossible "12月至3月" wrap
  return {
    mention: {
      text: text.slice(spec.start, spec.end),
      start: spec.start,
      end: spec.end,
      kind: spec.kind,
      first,
      last,
      yearInferred,
      explanation: notes.length ? notes.join('；') : null,
    },
    contextYear,
  };
}

function toIso(e: Endpoint, base: number | null): string | null {
  const y = e.y ?? (base === null ? null : base + e.dy);
  if (y === null) return null;
  const d = e.d === 'end' ? daysInMonth(y, e.m) : e.d;
  if (d > daysInMonth(y, e.m)) return null;
  return `${String(y).padStart(4, '0')}-${pad2(e.m)}-${pad2(d)}`;
}

function pad2(n: number): string {
  return n >= 0 && n < 10 ? '0' + n : String(n);
}
