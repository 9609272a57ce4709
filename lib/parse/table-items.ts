/**
 * Table rows as problem items: one row, one item. The row's problem cell is the label (its first sentence),
 * its status cell states the status (`已完成`, `【正在整改】`, `长期坚持` — a stated status, like a tag), its
 * time-limit cell holds the deadlines. Outline items that overlap a table are replaced by its rows: numbered
 * measures inside cells (`1.制定…`) are not items.
 */
import type { ItemStatus } from '@/lib/schema';
import type { ItemCandidate } from './item-candidate';
import type { Outline, OutlineEntry } from './outline';
import { entryPath, titleEnd } from './outline';
import type { SectionStatus } from './status';
import type { CellRange, Table, TableRow } from './table';

/** Merges table rows into the outline's item candidates (text order). */
export function withTableRows(
  text: string,
  outline: Outline,
  tables: Table[],
  fromOutline: ItemCandidate[],
  helpers: { itemLabel: (title: string) => string; sectionStatusOf: (text: string, e: OutlineEntry) => SectionStatus | null },
): ItemCandidate[] {
  if (!tables.length) return fromOutline;
  const out = fromOutline.filter((c) => !overlapsAny(tables, c));
  tables.forEach((table, ti) => {
    const ids = new Map<string, number>();
    table.rows.forEach((row, ri) => {
      // the heading above the row: before the table, or a category row inside it (`（一）已完成整改的问题｜｜｜`)
      const parent = deepestContaining(outline, row.start);
      const inherited = statusAbove(text, parent, helpers.sectionStatusOf);
      out.push(rowCandidate(text, row, ri, ti, parent, inherited, ids, helpers.itemLabel));
    });
  });
  return out.sort((a, b) => a.start - b.start);
}

/** Whether [c.start, c.end) overlaps one of `ranges` (sorted by start, disjoint): a binary search. */
export function overlapsAny(ranges: Array<{ start: number; end: number }>, c: { start: number; end: number }): boolean {
  let lo = 0;
  let hi = ranges.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ranges[mid].end <= c.start) lo = mid + 1;
    else hi = mid;
  }
  return lo < ranges.length && ranges[lo].start < c.end;
}

/** The innermost outline entry whose range holds `pos`: the last entry starting at or before it, or an ancestor. */
export function deepestContaining(outline: Outline, pos: number): OutlineEntry | null {
  const all = outline.all;
  let lo = 0;
  let hi = all.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (all[mid].node.start <= pos) lo = mid + 1;
    else hi = mid;
  }
  let e: OutlineEntry | null = lo > 0 ? all[lo - 1] : null;
  while (e && !(pos < e.node.end)) e = e.parent;
  return e;
}

export function statusAbove(text: string, e: OutlineEntry | null, of: (text: string, e: OutlineEntry) => SectionStatus | null): SectionStatus | null {
  for (let p = e; p; p = p.parent) {
    const s = of(text, p);
    if (s) return s;
  }
  return null;
}

const STATED_MAX = 30;

/** A short status cell read as a stated status (the order of classifyTag: open work first, then done, then long-term). */
export function statedStatus(cell: string): ItemStatus | null {
  const s = cell.replace(/[【】[\]\s]/g, '');
  if (!s || s.length > STATED_MAX) return null;
  if (/正在|推进中|整改中|未完成|尚未|未整改|部分完成|基本完成|阶段性|逐步|持续推进|进行中/.test(s)) return 'in_progress';
  if (/已完成|已整改|完成整改|整改完成|已办结|已解决|整改到位|已销号|已落实|^完成$|^已?办结$/.test(s)) return 'done';
  if (/长期|持续/.test(s)) return 'long_term';
  return null;
}

function rowCandidate(
  text: string,
  row: TableRow,
  ri: number,
  ti: number,
  parent: OutlineEntry | null,
  inherited: SectionStatus | null,
  ids: Map<string, number>,
  itemLabel: (title: string) => string,
): ItemCandidate {
  const seg = row.seq ?? String(ri + 1);
  const seen = (ids.get(seg) ?? 0) + 1;
  ids.set(seg, seen);
  return syntheticItem(text, {
    id: `${parent ? parent.node.id : 'o'}-t${ti + 1}-${seg}${seen > 1 ? `_${seen}` : ''}`,
    pathLabel: `序号${seg}`,
    marker: row.seq ?? '',
    start: row.start,
    end: row.end,
    problem: row.cells.problem!,
    status: row.cells.status ?? null,
    deadlines: row.deadlines,
    parent,
    inherited,
    itemLabel,
  });
}

export interface SyntheticItem {
  id: string;
  /** Its segment of the item path (`序号3`, `问题`). */
  pathLabel: string;
  marker: string;
  start: number;
  end: number;
  /** The problem's text: the label is its first sentence. */
  problem: CellRange;
  /** Where the status is stated or reported (a status cell or field), if anywhere. */
  status: CellRange | null;
  deadlines: CellRange[];
  parent: OutlineEntry | null;
  inherited: SectionStatus | null;
  itemLabel: (title: string) => string;
}

/**
 * An item that is not an outline heading (a table row, a `问题：` record), with an outline entry of its own
 * under the heading it stands in. A short status cell/field states the status; a longer one reports it.
 */
export function syntheticItem(text: string, a: SyntheticItem): ItemCandidate {
  const labelEnd = titleEnd(text, a.problem.start, a.problem.end).end;
  const label = a.itemLabel(text.slice(a.problem.start, labelEnd));
  const stated = a.status ? statedStatus(text.slice(a.status.start, a.status.end)) : null;
  const sectionStatus: SectionStatus | null =
    stated && a.status ? { status: stated, text: text.slice(a.status.start, a.status.end), start: a.status.start, end: a.status.end } : a.inherited;
  const entry: OutlineEntry = {
    node: { id: a.id, level: (a.parent?.node.level ?? 0) + 1, marker: a.marker, title: label, start: a.start, end: a.end, children: [] },
    marker: { kind: 'numDot', raw: a.marker, number: /^\d+$/.test(a.marker) ? Number(a.marker) : null, problemNo: null },
    label: a.pathLabel,
    line: -1, // not an outline line
    titleStart: a.problem.start,
    titleEnd: labelEnd,
    lineEnd: a.problem.end,
    isParagraph: true,
    parent: a.parent,
    children: [],
  };
  return {
    entry,
    id: a.id,
    label,
    path: [...(a.parent ? entryPath(a.parent) : []), a.pathLabel],
    bodyStart: a.problem.end,
    start: a.start,
    end: a.end,
    sectionStatus,
    statusRange: a.status ?? { start: a.problem.end, end: a.end },
    deadlineRanges: a.deadlines,
  };
}
