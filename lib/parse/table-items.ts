/**
 * Table rows as problem items: one row, one item. The row's problem cell is the label (its first sentence),
 * its status cell states the status (`已完成`, `【正在整改】`, `长期坚持` — a stated status, like a tag), its
 * time-limit cell holds the deadlines. Outline items that overlap a table are replaced by its rows: numbered
 * measures inside cells (`1.制定…`) are not items.
 */
import type { ItemStatus } from '@/lib/schema';
import type { ItemCandidate } from './items';
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
  const overlapsTable = (c: ItemCandidate) => tables.some((t) => c.start < t.end && c.end > t.start);
  const out = fromOutline.filter((c) => !overlapsTable(c));
  tables.forEach((table, ti) => {
    const parent = deepestContaining(outline, table.start);
    const inherited = statusAbove(text, parent, helpers.sectionStatusOf);
    const ids = new Map<string, number>();
    table.rows.forEach((row, ri) => out.push(rowCandidate(text, row, ri, ti, parent, inherited, ids, helpers.itemLabel)));
  });
  return out.sort((a, b) => a.start - b.start);
}

function deepestContaining(outline: Outline, pos: number): OutlineEntry | null {
  let best: OutlineEntry | null = null;
  for (const e of outline.all) if (e.node.start <= pos && pos < e.node.end) best = e; // document order: deeper comes later
  return best;
}

function statusAbove(text: string, e: OutlineEntry | null, of: (text: string, e: OutlineEntry) => SectionStatus | null): SectionStatus | null {
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
  const problem = row.cells.problem!;
  const labelEnd = titleEnd(text, problem.start, problem.end).end;
  const label = itemLabel(text.slice(problem.start, labelEnd));
  const seg = row.seq ?? String(ri + 1);
  const seen = (ids.get(seg) ?? 0) + 1;
  ids.set(seg, seen);
  const id = `${parent ? parent.node.id : 'o'}-t${ti + 1}-${seg}${seen > 1 ? `_${seen}` : ''}`;
  const statusCell: CellRange | undefined = row.cells.status;
  const stated = statusCell ? statedStatus(text.slice(statusCell.start, statusCell.end)) : null;
  const sectionStatus: SectionStatus | null =
    stated && statusCell ? { status: stated, text: text.slice(statusCell.start, statusCell.end), start: statusCell.start, end: statusCell.end } : inherited;
  const entry: OutlineEntry = {
    node: { id, level: (parent?.node.level ?? 0) + 1, marker: row.seq ?? '', title: label, start: row.start, end: row.end, children: [] },
    marker: { kind: 'numDot', raw: row.seq ?? '', number: row.seq ? Number(row.seq) : null, problemNo: null },
    label: `序号${seg}`,
    line: -1, // a table row, not an outline line
    titleStart: problem.start,
    titleEnd: labelEnd,
    lineEnd: row.end,
    isParagraph: true,
    parent,
    children: [],
  };
  return {
    entry,
    id,
    label,
    path: [...(parent ? entryPath(parent) : []), entry.label],
    bodyStart: problem.end,
    start: row.start,
    end: row.end,
    sectionStatus,
    statusRange: statusCell ?? { start: problem.end, end: row.end },
    deadlineRange: row.cells.deadline ?? null,
  };
}
