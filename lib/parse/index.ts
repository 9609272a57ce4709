/**
 * Notice parser entry: raw text → normalized text (+ offset map) → Notice model.
 *
 * Pipeline (each step linear in the text length):
 *   normalize → lines → layout/meta → outline → problem items (+ status) →
 *   dates/deadlines per section (year-less dates take the nearest earlier year of their own
 *   section, else the feedback year; year-less deadlines, being promises made when the notice
 *   was written, else the publish year) → quantities → arithmetic per paragraph → spans → checks.
 * Pure and DOM-free.
 */
import { isOverdueFinding, overdueAtPublication, overdueNotes, overdueOf, runChecks } from '@/lib/checks';
import {
  NOTICE_MODEL_VERSION,
  type Deadline,
  type Finding,
  type Notice,
  type NoticeMeta,
  type ProblemItem,
  type Quantity,
  type Span,
} from '@/lib/schema';
import { findArithmeticRelations, type ArithmeticRelation } from './arithmetic';
import { resolveDates, scanDates, type DateMention, type DateScan } from './dates';
import { findDeadlines, isStatusDate } from './deadlines';
import { selectItems, type ItemCandidate } from './items';
import { statedDeadlines } from './stated-deadlines';
import { findTables } from './table';
import { analyzeLayout, extractMeta, type Layout } from './meta';
import { normalizeText, splitLines } from './normalize';
import { buildOutline, MAX_OUTLINE_NODES, type Outline } from './outline';
import { findQuantities } from './quantities';
import { numeralStarts } from './numeral-starts';
import { decideStatus, type StatusSignal } from './status';
import { formatGongwenDate } from '@/lib/gongwen';

export { PARSER_VERSION } from './version';

export interface ParseOptions {
  /** YYYY-MM-DD, for "overdue now". */
  today?: string;
  /** Breadcrumb/来源/发布日期 line(s) from the web page, if the caller has them separately. */
  chromeText?: string;
  /** The page's title, used when the text itself carries no title line. */
  pageTitle?: string | null;
  /** When given, milliseconds spent in each pipeline stage are added to it (bench --profile). */
  timings?: Record<string, number>;
}

export function parseNotice(rawText: string, opts: ParseOptions = {}): { text: string; toOriginal: Uint32Array; notice: Notice } {
  const t0 = opts.timings ? performance.now() : 0;
  const norm = normalizeText(rawText);
  if (opts.timings) addTiming(opts.timings, 'normalize', t0);
  return { text: norm.text, toOriginal: norm.toOriginal, notice: parseNormalized(norm.text, opts) };
}

export function parseNormalized(text: string, opts: ParseOptions = {}): Notice {
  return analyzeNotice(text, opts).notice;
}

/** The parse ran past its overall wall-time limit (see parseNormalizedAsync). */
export class ParseTimeLimitError extends Error {}

/**
 * The same parse, giving the event loop a turn between stages whenever a stretch of work exceeds
 * `budgetMs`: a huge page is parsed in the content script without one long frozen task. Past `limitMs`
 * of wall time (checked between stages) it gives up with a ParseTimeLimitError.
 */
export async function parseNormalizedAsync(text: string, opts: ParseOptions = {}, budgetMs = 30, limitMs = Infinity): Promise<Notice> {
  const stages = analyzeStages(text, opts);
  const started = performance.now();
  let sliceStart = started;
  for (let step = stages.next(); ; step = stages.next()) {
    if (step.done) return step.value.notice;
    const now = performance.now();
    if (now - started > limitMs) throw new ParseTimeLimitError(`parse stopped after ${Math.round(now - started)} ms (limit ${limitMs} ms)`);
    if (now - sliceStart > budgetMs) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      sliceStart = performance.now();
    }
  }
}

/** Everything the parser found, for callers that need more than the Notice (CLI, debugging). */
export interface NoticeAnalysis {
  notice: Notice;
  layout: Layout;
  outline: Outline;
  candidates: ItemCandidate[];
  relations: ArithmeticRelation[];
  /** The year used for year-less dates and where it came from. */
  fallbackYear: number | null;
}

/** Adds the time since `t0` to `timings[stage]`; returns now (the next stage's t0). */
function addTiming(timings: Record<string, number>, stage: string, t0: number): number {
  const now = performance.now();
  timings[stage] = (timings[stage] ?? 0) + (now - t0);
  return now;
}

export function analyzeNotice(text: string, opts: ParseOptions = {}): NoticeAnalysis {
  const stages = analyzeStages(text, opts);
  for (let step = stages.next(); ; step = stages.next()) if (step.done) return step.value;
}

/** The parse as a sequence of stages; it yields each stage's name when that stage is done. */
function* analyzeStages(text: string, opts: ParseOptions): Generator<string, NoticeAnalysis> {
  const tm = opts.timings;
  let t0 = tm ? performance.now() : 0;
  const lap = (stage: string) => {
    if (tm) t0 = addTiming(tm, stage, t0);
  };
  /** After a pause at a yield, the next stage's time starts now (pauses are not parse time). */
  const resume = () => {
    if (tm) t0 = performance.now();
  };
  const lines = splitLines(text);
  lap('lines');
  yield 'lines';
  resume();
  const layout = analyzeLayout(lines);
  const { feedbackYear, ...meta } = extractMeta(text, layout, { chromeText: opts.chromeText, pageTitle: opts.pageTitle });
  lap('layout+meta');
  yield 'layout+meta';
  resume();
  const outline = buildOutline(text, lines, layout.bodyLine, layout.closingLine);
  lap('outline');
  yield 'outline';
  resume();
  const bodyStart = lines[layout.bodyLine]?.start ?? 0;
  const contentEnd = layout.closingLine > 0 ? lines[layout.closingLine - 1].end : 0;
  const tables = findTables(text, lines, layout.bodyLine, layout.closingLine);
  const candidates = selectItems(text, outline, tables, { from: bodyStart, to: contentEnd });
  lap('items');
  yield 'items';
  resume();

  const fallback = fallbackYearOf(meta, feedbackYear);
  // A year-less promise (`计划6月再组织`) is made when the notice is written: its year is the
  // publish year (花山镇, published 2025-06-19, feedback 2024-09 → 2025-06-30, not 2024-06-30).
  const promiseYear = meta.publishDate ? { year: Number(meta.publishDate.slice(0, 4)), label: '发布日期' } : fallback;

  // dates and deadlines, one call per section so year-less dates resolve within their section
  const cuts = [bodyStart, ...outline.all.map((e) => e.node.start), contentEnd].filter((x) => x >= bodyStart && x <= contentEnd);
  const bounds = [...new Set(cuts)].sort((a, b) => a - b);
  // one date scan per section serves both the dates and the deadlines (resolved with different years)
  let dates: DateMention[] = [];
  let deadlines: Deadline[] = [];
  const scans: DateScan[] = [];
  // where a date or a number may start in the body: one pass for the dates of every section and the quantities
  const starts = numeralStarts(text, bodyStart, contentEnd);
  for (let i = 0; i + 1 < bounds.length; i++) {
    const scan = scanDates(text, bounds[i], bounds[i + 1], starts);
    scans.push(scan);
    for (const d of resolveDates(scan, { fallbackYear: fallback.year, fallbackLabel: fallback.label })) dates.push(d);
  }
  lap('dates');
  yield 'dates';
  resume();
  for (const scan of scans) {
    const found = findDeadlines(text, { from: scan.from, to: scan.to, scan, fallbackYear: promiseYear.year, fallbackLabel: promiseYear.label, publishDate: meta.publishDate });
    for (const d of found) deadlines.push(d);
  }
  // a time-limit column or field states its dates as deadlines, with or without a promise verb
  const stated = candidates.flatMap((c) => c.deadlineRanges ?? []);
  deadlines = statedDeadlines(text, stated, deadlines, { fallbackYear: promiseYear.year, fallbackLabel: promiseYear.label, publishDate: meta.publishDate });
  lap('deadlines');
  yield 'deadlines';
  resume();

  dates = dates.sort((a, b) => a.start - b.start);
  deadlines = deadlines.sort((a, b) => a.start - b.start);
  const quantities = contentEnd > bodyStart ? findQuantities(text, bodyStart, contentEnd, starts) : [];
  lap('quantities');
  yield 'quantities';
  resume();
  const relations: ArithmeticRelation[] = [];
  let qi = 0; // lines and quantities are both in text order: one merge pass instead of a search per line
  for (let li = layout.bodyLine; li < layout.closingLine; li++) {
    const line = lines[li];
    while (qi < quantities.length && quantities[qi].start < line.start) qi++;
    let count = 0;
    let percents = 0;
    for (let j = qi; j < quantities.length && quantities[j].start < line.end && count < 3; j++) {
      if (quantities[j].end > line.end) continue;
      count++;
      if (quantities[j].unit === '%') percents++;
    }
    if (count < 3 && percents < 2) continue; // two percentages suffice for a partition ("99.59%（剩余0.41%）")
    const inLine = within(quantities, line.start, line.end);
    for (const r of findArithmeticRelations(text, inLine, { start: line.start, end: line.end })) relations.push(r);
  }
  lap('arithmetic');
  yield 'arithmetic';
  resume();

  const signals: StatusSignal[] = [];
  const items: ProblemItem[] = candidates.map((c) => {
    const decision = decideStatus(text, c.statusRange?.start ?? c.bodyStart, c.statusRange?.end ?? c.end, c.sectionStatus);
    for (const s of decision.signals) signals.push(s); // no spread: an item may carry more signals than the stack allows
    return {
      id: c.id,
      label: c.label,
      path: c.path,
      status: decision.status,
      certainty: decision.certainty,
      statusEvidence: { basis: decision.evidence, progress: decision.progress, open: decision.open },
      deadlines: within(deadlines, c.start, c.end).map((d) => ({
        ...d,
        overdueAtPublication: overdueAtPublication(d, decision.status, meta.publishDate),
      })),
      quantities: within(quantities, c.start, c.end),
      start: c.start,
      end: c.end,
    };
  });

  lap('status');
  yield 'status';
  resume();
  const problemSectionIds = [...new Set(candidates.map((c) => topOf(c).node.id))];
  const findings = runChecks(text, { meta, outline: outline.roots.map((e) => e.node), items, relations, problemSectionIds, deadlines }, { today: opts.today });
  if (outline.truncatedAt !== null) findings.push(outlineTruncatedFinding(text, outline.truncatedAt));
  lap('checks');
  yield 'checks';
  resume();
  const spans = buildSpans({ text, items, deadlines, dates, quantities, signals, relations, findings, publishDate: meta.publishDate, today: opts.today ?? null });
  lap('spans');
  yield 'spans';
  resume();

  const notice: Notice = {
    version: NOTICE_MODEL_VERSION,
    meta,
    outline: outline.roots.map((e) => e.node),
    items,
    spans,
    findings,
    textLength: text.length,
  };
  return { notice, layout, outline, candidates, relations, fallbackYear: fallback.year };
}

/** The outline stopped at MAX_OUTLINE_NODES: say so where it stopped, so nobody takes the rest for read. */
function outlineTruncatedFinding(text: string, at: number): Finding {
  const lineEnd = text.indexOf('\n', at);
  return {
    kind: 'outline_truncated',
    severity: 'info',
    message: `结构过多：编号标题超过${MAX_OUTLINE_NODES}个，此处之后的标题未再识别为结构和整改事项，请人工核对`,
    start: at,
    end: lineEnd < 0 ? text.length : lineEnd,
  };
}

function topOf(c: ItemCandidate) {
  let e = c.entry;
  while (e.parent) e = e.parent;
  return e;
}

function fallbackYearOf(meta: NoticeMeta, feedbackYear: number | null): { year: number | null; label: string } {
  if (feedbackYear !== null) return { year: feedbackYear, label: '反馈日期' };
  const end = meta.inspectionPeriod?.end;
  if (end) return { year: Number(end.slice(0, 4)), label: '巡察时间' };
  if (meta.publishDate) return { year: Number(meta.publishDate.slice(0, 4)), label: '发布日期' };
  return { year: null, label: '反馈日期' };
}

/** Elements of `list` (sorted by start) lying inside [start, end); binary search, so items × spans stays linear-ish. */
function within<T extends { start: number; end: number }>(list: T[], start: number, end: number): T[] {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].start < start) lo = mid + 1;
    else hi = mid;
  }
  const out: T[] = [];
  for (let i = lo; i < list.length && list[i].start < end; i++) if (list[i].end <= end) out.push(list[i]);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Spans

/** Overlap test against ranges sorted by start, for queries given in ascending start order. */
function overlapTester(ranges: Array<{ start: number; end: number }>): (s: number, e: number) => boolean {
  let i = 0;
  let maxEnd = -1;
  return (s, e) => {
    while (i < ranges.length && ranges[i].start < e) maxEnd = Math.max(maxEnd, ranges[i++].end);
    return maxEnd > s;
  };
}

interface SpanInput {
  text: string;
  items: ProblemItem[];
  deadlines: Deadline[];
  dates: DateMention[];
  quantities: Quantity[];
  signals: StatusSignal[];
  relations: ArithmeticRelation[];
  /** The checks' findings: a deadline is highlighted as overdue exactly where an overdue finding is. */
  findings: Finding[];
  publishDate: string | null;
  today: string | null;
}

function buildSpans(inp: SpanInput): Span[] {
  const spans: Span[] = [];
  // the item a deadline belongs to, as the checks see it (its deadlines lie wholly inside it)
  const itemOf = new Map<string, ProblemItem>(); // (a loop: flatMap over every item cost more than the rest of the deadlines' work)
  for (const it of inp.items) for (const d of it.deadlines) itemOf.set(`${d.start}:${d.end}`, it);

  const overdueAt = new Set(inp.findings.filter(isOverdueFinding).map((f) => `${f.start}:${f.end}`));
  for (const d of inp.deadlines) {
    const item = itemOf.get(`${d.start}:${d.end}`) ?? null;
    const notes: string[] = [d.date ? `截止日期 ${formatGongwenDate(d.date)}` : '截止日期不明确'];
    if (d.explanation) notes.push(d.explanation);
    const overdue = overdueAt.has(`${d.start}:${d.end}`);
    if (overdue) {
      const late = overdueOf(d, item?.status ?? null, inp.publishDate, inp.today);
      notes.push(...(late ? overdueNotes(late) : []), item ? '未见完成表述' : '未关联到整改事项');
    } else if (item?.status === 'done') notes.push('事项已报告完成');
    spans.push({ kind: overdue ? 'overdue' : 'deadline', start: d.start, end: d.end, text: d.text, date: d.date, note: notes.join(' · ') });
  }

  const takenByDeadline = overlapTester(inp.deadlines);
  for (const m of inp.dates) {
    if (takenByDeadline(m.start, m.end)) continue;
    const notes: string[] = [];
    if (m.kind === 'range' && m.first) notes.push(`${formatGongwenDate(m.first)}至${m.last ? formatGongwenDate(m.last) : '今'}`);
    else if (m.first && m.kind !== 'point' && m.last) notes.push(`${formatGongwenDate(m.first)}至${formatGongwenDate(m.last)}`);
    else if (m.first) notes.push(formatGongwenDate(m.first));
    if (isStatusDate(inp.text, m)) notes.push('状态截至日期，不是整改期限');
    if (m.explanation) notes.push(m.explanation);
    spans.push({ kind: 'date', start: m.start, end: m.end, text: m.text, date: m.first ?? null, note: notes.join(' · ') || undefined });
  }

  const takenByDate = overlapTester([...inp.deadlines, ...inp.dates].sort((a, b) => a.start - b.start));
  for (const q of inp.quantities) {
    if (takenByDate(q.start, q.end)) continue;
    spans.push({ kind: 'number', start: q.start, end: q.end, text: q.text, note: `数值 ${q.value}${q.unit}` });
  }

  for (const s of inp.signals) {
    spans.push({ kind: s.kind, start: s.start, end: s.end, text: s.text, note: s.kind === 'done' ? `完成表述：${s.note}` : `未完成信号：${s.note}` });
  }

  for (const r of inp.relations) {
    if (r.consistent) continue;
    spans.push({ kind: 'contradiction', start: r.start, end: r.end, text: inp.text.slice(r.start, r.end), note: r.message });
  }
  return spans.sort((a, b) => a.start - b.start || b.end - a.end);
}
