/**
 * Checks over a parsed notice: overdue promises (at publication and now), arithmetic consistency,
 * numbering gaps/duplicates at every outline level (gaps may hide undisclosed problems), and
 * headings without any body. Pure; works from Notice-level data so it can be re-run with another
 * `today` without re-parsing. Messages are zh-CN.
 */
import type { Deadline, Finding, ItemStatus, NoticeMeta, OutlineNode, ProblemItem } from '@/lib/schema';
import type { ArithmeticRelation } from '@/lib/parse/arithmetic';
import { formatChineseNumber } from '@/lib/parse/numerals';
import { lineIsParagraph, parseMarker, type Marker, type MarkerKind } from '@/lib/parse/outline';
import { daysBetween, formatGongwenDate } from '@/lib/gongwen';

export { daysBetween };

export interface CheckParts {
  meta: NoticeMeta;
  outline: OutlineNode[];
  items: ProblemItem[];
  /** Arithmetic relations found by the parser (omit to skip arithmetic checks). */
  relations?: ArithmeticRelation[];
  /** Ids of top-level outline nodes that report on problems (their gaps weigh more). */
  problemSectionIds?: string[];
  /** Every deadline in the text; those outside any item are checked too (omit to check the items' only). */
  deadlines?: Deadline[];
}

export interface CheckOptions {
  today?: string;
}

export function runChecks(text: string, parts: CheckParts, opts: CheckOptions = {}): Finding[] {
  const findings: Finding[] = [
    ...overdueFindings(parts.items, parts.deadlines ?? [], parts.meta.publishDate, opts.today ?? null),
    ...arithmeticFindings(parts.relations ?? []),
    ...numberingFindings(parts.outline, new Set(parts.problemSectionIds ?? [])),
    ...emptySectionFindings(text, parts.outline, new Set(parts.problemSectionIds ?? [])),
  ];
  return findings.sort((a, b) => a.start - b.start || a.end - b.end);
}

// ---------------------------------------------------------------------------------------------
// Overdue: one rule (overdueOf) decides; findings, the deadlines' overdueAtPublication and the
// highlighted spans (lib/parse) are all derived from it, so another `today` changes them together.

/** Days a dated promise is past due: when the notice was published and today (null: not past due then). */
export interface Overdue {
  atPublication: number | null;
  now: number | null;
}

/**
 * The overdue rule. A promise with a date, on an item not reported done (or on no item: `status` null),
 * is overdue at publication when its date is before the publish date, and overdue now when it is before
 * today. Null when it is neither.
 */
export function overdueOf(
  deadline: Pick<Deadline, 'date'>,
  status: ItemStatus | null,
  publishDate: string | null,
  today: string | null,
): Overdue | null {
  const { date } = deadline;
  if (!date || status === 'done') return null;
  const atPublication = publishDate && date < publishDate ? daysBetween(date, publishDate) : null;
  const now = today && date < today ? daysBetween(date, today) : null;
  return atPublication === null && now === null ? null : { atPublication, now };
}

/** A deadline's `overdueAtPublication`: unknown (null) without its date or the publish date. */
export function overdueAtPublication(deadline: Pick<Deadline, 'date'>, status: ItemStatus | null, publishDate: string | null): boolean | null {
  if (!deadline.date || !publishDate) return null;
  return overdueOf(deadline, status, publishDate, null) !== null;
}

/** The overdue part of a highlighted deadline's note: `发布时已逾期 80 天`, `已逾期 609 天`. */
export function overdueNotes(o: Overdue): string[] {
  const notes: string[] = [];
  if (o.atPublication !== null) notes.push(`发布时已逾期 ${o.atPublication} 天`);
  if (o.now !== null) notes.push(`已逾期 ${o.now} 天`);
  return notes;
}

export const isOverdueFinding = (f: Pick<Finding, 'kind'>): boolean => f.kind === 'overdue_at_publication' || f.kind === 'overdue_now';

function overdueFindings(items: ProblemItem[], deadlines: Deadline[], publishDate: string | null, today: string | null): Finding[] {
  if (deadlines.length === 0 && items.every((item) => item.deadlines.length === 0)) return []; // (no promise: nothing to build)
  const inItems = new Set(items.flatMap((item) => item.deadlines.map((d) => `${d.start}:${d.end}`)));
  const loose = deadlines.filter((d) => !inItems.has(`${d.start}:${d.end}`)).map((d) => ({ d, item: null }));
  const out: Finding[] = [];
  for (const { d, item } of [...items.flatMap((item) => item.deadlines.map((d) => ({ d, item }))), ...loose]) {
    const o = overdueOf(d, item?.status ?? null, publishDate, today);
    if (o) out.push(overdueFinding(d, item, o, publishDate));
  }
  return out;
}

function overdueFinding(d: Deadline, item: ProblemItem | null, o: Overdue, publishDate: string | null): Finding {
  const promise = `${item ? `「${item.label}」` : ''}承诺 ${formatGongwenDate(d.date)}前完成（“${d.text}”）`;
  const where = item ? '' : '（未关联到整改事项）';
  const at = { start: d.start, end: d.end, ...(item ? { itemId: item.id } : {}) };
  if (o.atPublication !== null) {
    const now = o.now !== null ? `，至今已逾期 ${o.now} 天` : '';
    return {
      kind: 'overdue_at_publication',
      severity: 'high',
      message: `发布时已逾期：${promise}${where}，通报发布日 ${formatGongwenDate(publishDate)} 已过 ${o.atPublication} 天仍未见完成表述${now}`,
      ...at,
    };
  }
  return {
    kind: 'overdue_now',
    severity: 'medium',
    message: `至今已逾期 ${o.now} 天：${promise}${where}，本通报未见完成表述，请核实后续通报`,
    ...at,
  };
}

// ---------------------------------------------------------------------------------------------
// Arithmetic

function arithmeticFindings(relations: ArithmeticRelation[]): Finding[] {
  return relations.map((r) => ({
    kind: r.consistent ? ('arithmetic_ok' as const) : ('arithmetic' as const),
    severity: r.consistent ? ('info' as const) : ('medium' as const),
    message: r.message,
    start: r.start,
    end: r.end,
  }));
}

// ---------------------------------------------------------------------------------------------
// Numbering

interface Numbered {
  node: OutlineNode;
  marker: Marker;
  top: OutlineNode;
  /** Markers of the sections the node sits in (`二、（三）`), empty at the top level. */
  section: string;
}

/**
 * Each marker text's reading, remembered across calls: a notice repeats a few hundred marker texts
 * (`（一）`, `1.`, `问题3`) over its headings, and a Marker is only ever read. Bounded: cleared when full.
 */
const MARKER_OF_TEXT = new Map<string, Marker | null>();
const MARKER_MEMO_MAX = 4096;

function parseNodeMarker(node: OutlineNode): Marker | null {
  if (!node.marker) return null;
  let m = MARKER_OF_TEXT.get(node.marker);
  if (m === undefined) {
    if (MARKER_OF_TEXT.size >= MARKER_MEMO_MAX) MARKER_OF_TEXT.clear();
    MARKER_OF_TEXT.set(node.marker, (m = parseMarker(node.marker + '。')));
  }
  return m;
}

function walk(nodes: OutlineNode[], top: OutlineNode | null, visit: (n: OutlineNode, siblings: OutlineNode[], top: OutlineNode) => void): void {
  for (const n of nodes) {
    const t = top ?? n;
    visit(n, nodes, t);
    walk(n.children, t, visit);
  }
}

/** formatChineseNumber of the small numbers markers carry, each written once (numbering messages name two per finding). */
const NUMERALS: Array<string | undefined> = new Array(1024);
function chineseNumeral(n: number): string {
  if (!(n >= 0 && n < 1024 && Number.isInteger(n))) return formatChineseNumber(n);
  return (NUMERALS[n] ??= formatChineseNumber(n));
}

function displayNumber(kind: MarkerKind, a: number, b: number): string {
  const one = (n: number) => {
    switch (kind) {
      case 'cnDun':
        return `${chineseNumeral(n)}、`;
      case 'fangmian':
        return `第${chineseNumeral(n)}方面`;
      case 'cnParen':
        return `（${chineseNumeral(n)}）`;
      case 'numParen':
        return `（${n}）`;
      default:
        return `第${n}项`;
    }
  };
  if (a === b) return one(a);
  if (kind === 'numDot') return `第${a}—${b}项`;
  return `${one(a)}至${one(b)}`;
}

function numberingFindings(outline: OutlineNode[], problemSections: Set<string>): Finding[] {
  const out: Finding[] = [];
  // group numbered nodes by (top-level section, depth, kind); each group is a list of sibling runs
  const runs = new Map<string, Numbered[][]>();
  const problemNos: Numbered[] = [];
  const seenSiblings = new Set<OutlineNode[]>();
  const sections = sectionPaths(outline);
  walk(outline, null, (n, siblings, top) => {
    const m = parseNodeMarker(n); // (each marker text is read once: parseNodeMarker remembers it)
    if (m?.problemNo !== null && m?.problemNo !== undefined) problemNos.push({ node: n, marker: m, top, section: sections.get(n) ?? '' });
    if (seenSiblings.has(siblings)) return;
    seenSiblings.add(siblings);
    const byKind = new Map<MarkerKind, Numbered[]>();
    for (const s of siblings) {
      const sm = parseNodeMarker(s);
      if (!sm || sm.number === null || sm.problemNo !== null) continue;
      if (!byKind.has(sm.kind)) byKind.set(sm.kind, []);
      byKind.get(sm.kind)!.push({ node: s, marker: sm, top, section: sections.get(s) ?? '' });
    }
    for (const [kind, list] of byKind) {
      const key = `${top.id}|${n.level}|${kind}`;
      if (!runs.has(key)) runs.set(key, []);
      runs.get(key)!.push(list);
    }
  });

  for (const groups of runs.values()) {
    // numbering that continues across parents (麻章镇/洪梅镇: items 1…51 under （一）…（十九）)
    const continuous = groups.length > 1 && groups.slice(1).every((g) => g[0].marker.number! > 1);
    const sequences = continuous ? [groups.flat()] : groups;
    for (const seq of sequences) checkSequence(seq, problemSections, out);
  }
  checkProblemNumbers(problemNos, out);
  return out;
}

/** Each node's enclosing section markers, outermost first: `二、（三）` for an item under 二、（三）. */
function sectionPaths(outline: OutlineNode[]): Map<OutlineNode, string> {
  const paths = new Map<OutlineNode, string>();
  const visit = (nodes: OutlineNode[], path: string) => {
    for (const n of nodes) {
      paths.set(n, path);
      visit(n.children, path + n.marker);
    }
  };
  visit(outline, '');
  return paths;
}

/** `二、（三）下`: names the section of a gap or duplicate; nothing at the top level. */
function inSection(section: string): string {
  return section ? `${section}下` : '';
}

function checkSequence(seq: Numbered[], problemSections: Set<string>, out: Finding[]): void {
  let prev = 0;
  for (const cur of seq) {
    const n = cur.marker.number!;
    const weight = problemSections.has(cur.top.id) && cur.node.level > 1 ? 'high' : 'medium';
    const at = { start: cur.node.start, end: headingEnd(cur.node), itemId: cur.node.id };
    if (n > prev + 1) {
      out.push({
        kind: 'numbering_gap',
        severity: weight,
        message: `编号缺失：${inSection(cur.section)}${displayNumber(cur.marker.kind, prev + 1, n - 1)}（可能存在未公开的问题）`,
        ...at,
      });
    } else if (n <= prev) {
      out.push({
        kind: 'numbering_duplicate',
        severity: 'medium',
        message: `编号重复或倒序：${inSection(cur.section)}${displayNumber(cur.marker.kind, n, n)}出现在${displayNumber(cur.marker.kind, prev, prev)}之后`,
        ...at,
      });
    }
    prev = Math.max(prev, n);
  }
}

function checkProblemNumbers(list: Numbered[], out: Finding[]): void {
  if (!list.length) return;
  const seen = new Map<number, Numbered>();
  for (const p of list) {
    const no = p.marker.problemNo!;
    if (seen.has(no)) {
      out.push({
        kind: 'numbering_duplicate',
        severity: 'medium',
        message: `问题编号重复：问题${no}出现多次`,
        start: p.node.start,
        end: headingEnd(p.node),
        itemId: p.node.id,
      });
    } else seen.set(no, p);
  }
  const max = Math.max(...seen.keys());
  const missing: number[] = [];
  for (let i = 1; i <= max; i++) if (!seen.has(i)) missing.push(i);
  if (!missing.length) return;
  // report each run of missing numbers at the first problem after it (in problem-number order)
  let i = 0;
  while (i < missing.length) {
    let j = i;
    while (j + 1 < missing.length && missing[j + 1] === missing[j] + 1) j++;
    const after = seen.get(missing[j] + 1) ?? seen.get(max)!;
    const names = missing.slice(i, j + 1).map((n) => `问题${n}`).join('、');
    out.push({
      kind: 'numbering_gap',
      severity: 'high',
      message: `问题编号缺失：${names}（可能存在未公开的问题）`,
      start: after.node.start,
      end: headingEnd(after.node),
      itemId: after.node.id,
    });
    i = j + 1;
  }
}

// ---------------------------------------------------------------------------------------------
// Empty sections

function headingEnd(node: OutlineNode): number {
  // the heading line ends at the first child or at the node end; titles never contain a newline
  return node.children.length ? Math.min(node.children[0].start, node.end) : node.end;
}

function emptySectionFindings(text: string, outline: OutlineNode[], problemSections: Set<string>): Finding[] {
  const out: Finding[] = [];
  walk(outline, null, (n, _s, top) => {
    if (n.children.length) return;
    const nl = text.indexOf('\n', n.start);
    const lineEnd = nl < 0 || nl > n.end ? n.end : nl;
    if (lineEnd < n.end && /\S/.test(text.slice(lineEnd, n.end))) return;
    if (lineIsParagraph(text, n.start, lineEnd)) return;
    const weight = problemSections.has(top.id) ? 'high' : 'medium';
    out.push({
      kind: 'empty_section',
      severity: weight,
      message: `标题下无内容：${n.marker}${n.title}（未报告任何整改情况，可能存在未公开的问题）`,
      start: n.start,
      end: lineEnd,
      itemId: n.id,
    });
  });
  return out;
}
