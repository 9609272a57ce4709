/**
 * Problem items laid out as a table (整改台账): `序号 | 反馈问题 | 整改措施 | 整改情况 | 完成时限 | 责任单位`,
 * columns in any order. One row is one item; its status comes from the status column, its deadline from
 * the time-limit column.
 *
 * Three text forms of the same table are read:
 * - **cells separated by `｜` or `|`**: what lib/extract writes for an HTML table (one line per row, `〃` for a
 *   slot merged from the row above — its value is the cell above);
 * - **cells separated by spaces**: a table copied as tab-separated text (normalization turns tabs into one
 *   space), rows starting with their 序号;
 * - **one cell per line**: a table copied cell by cell; rows start at a line holding only the next 序号.
 * A header row is recognised by its column names (it must name the problem column and one of measures,
 * status or time limit); a repeated header row is skipped; a row whose problem cell is `〃` (the problem cell
 * merged over several rows) continues the item above.
 */
import type { Line } from './normalize';
import { parseMarker } from './outline';

export type ColumnRole = 'seq' | 'problem' | 'measures' | 'status' | 'deadline' | 'owner' | 'other';

export interface CellRange {
  start: number;
  end: number;
}

export interface TableRow {
  start: number;
  end: number;
  /** The 序号 as written, when the table has that column. */
  seq: string | null;
  cells: Partial<Record<ColumnRole, CellRange>>;
  /** Every time-limit cell of the item (one per row when its problem cell is merged over several rows). */
  deadlines: CellRange[];
}

export interface Table {
  start: number;
  end: number;
  roles: ColumnRole[];
  rows: TableRow[];
}

export const DITTO = '〃';
const HEADER_CELL_MAX = 16;
/** A header copied one cell per line has at most this many lines (bounds the look-ahead: linear time). */
const MAX_COLUMNS = 16;

/** What a header cell may hold besides its name (what columnRole strips). */
export const HEADER_NOISE = /[\s【】[\]（）()：:]/;
const HEADER_NOISE_ALL = new RegExp(HEADER_NOISE.source, 'g');

/**
 * At most HEADER_CELL_MAX characters besides spaces, brackets and colons (checked without building the
 * stripped string: columnRole is asked about every line of the body, almost all of them long).
 */
function mayBeHeaderCell(text: string): boolean {
  if (text.length <= HEADER_CELL_MAX) return true;
  let kept = 0;
  for (let i = 0; i < text.length; i++) if (!isHeaderNoise(text.charCodeAt(i)) && ++kept > HEADER_CELL_MAX) return false;
  return true;
}

/**
 * HEADER_NOISE.test on one code unit, by comparisons (no one-character string and regex call per character
 * of every body line): \s is JavaScript's whitespace (test/unit/table-noise.test.ts checks all 65 536 codes).
 */
export function isHeaderNoise(c: number): boolean {
  if (c < 0x3000) {
    return c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
      c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f ||
      c === 0x28 || c === 0x29 || c === 0x3a || c === 0x5b || c === 0x5d; // ( ) : [ ]
  }
  // (no Set lookup for every ideograph of every line tried as a header)
  return c === 0x3000 || c === 0x3010 || c === 0x3011 || c === 0xfeff || c === 0xff08 || c === 0xff09 || c === 0xff1a; // ideographic space 【 】 BOM （ ） ：
}

/** The role of a column from its header text, or null when the text names no known column. */
export function columnRole(header: string): ColumnRole | null {
  if (!mayBeHeaderCell(header)) return null;
  const h = header.replace(HEADER_NOISE_ALL, '');
  if (!h || h.length > HEADER_CELL_MAX) return null;
  if (/^(?:序号|编号|序)$/.test(h)) return 'seq';
  if (/时限|期限|时间|完成日期|截止|节点/.test(h)) return 'deadline';
  if (/措施|举措|做法|方案|整改内容|整改目标/.test(h)) return 'measures';
  if (/责任(?:单位|部门|领导|人|科室|股室)|牵头|配合|主体/.test(h)) return 'owner';
  if (/情况|进展|进度|成效|结果|状态|是否完成|完成/.test(h)) return 'status';
  if (/问题|意见|事项|表现|任务/.test(h)) return 'problem'; // 整改任务: the task a problem set
  if (/备注|类别|分类|领域/.test(h)) return 'other';
  return null;
}

function headerRoles(cells: string[]): ColumnRole[] | null {
  if (cells.length < 3) return null;
  const roles = cells.map(columnRole);
  const known = roles.filter((r) => r !== null).length;
  if (known < Math.max(3, Math.ceil(cells.length * 0.6))) return null;
  if (!roles.includes('problem') || !roles.some((r) => r === 'measures' || r === 'status' || r === 'deadline')) return null;
  return roles.map((r) => r ?? 'other');
}

/** Cell ranges of a line split at `sep` (trimmed of spaces). */
function splitCells(text: string, line: Line, sep: RegExp): CellRange[] {
  const out: CellRange[] = [];
  let s = line.start;
  for (let i = line.start; i <= line.end; i++) {
    if (i === line.end || sep.test(text[i])) {
      out.push(trim(text, s, i));
      s = i + 1;
    }
  }
  return out;
}

function trim(text: string, start: number, end: number): CellRange {
  while (start < end && CELL_GAP.test(text[start])) start++;
  while (end > start && CELL_GAP.test(text[end - 1])) end--;
  return { start, end };
}

const cellText = (text: string, c: CellRange) => text.slice(c.start, c.end);
const SEPARATOR = /[｜|]/;
/** Cells of a row copied as plain text are separated by a space, or by the tab normalizeText keeps. */
const CELL_GAP = /[ \t]/;
const SEQ = /^\d{1,3}$/;
/** SEPARATOR.test and CELL_GAP.test by indexOf: every body line up to 160 characters is tried as a header. */
export const hasSeparator = (line: string): boolean => line.includes('|') || line.includes('｜');
export const hasCellGap = (line: string): boolean => line.includes(' ') || line.includes('\t');
/** A section heading ends a table read from plain text. */
const ENDS_TABLE = (line: string) => {
  const m = parseMarker(line);
  return m !== null && (m.kind === 'cnDun' || m.kind === 'cnParen' || m.kind === 'fangmian');
};

/** Tables in lines [from, to), in text order. */
export function findTables(text: string, lines: Line[], from: number, to: number): Table[] {
  const out: Table[] = [];
  for (let li = from; li < to; li++) {
    const found = tableAt(text, lines, li, to);
    if (!found) continue;
    if (found.table?.rows.length) out.push(found.table);
    li = Math.max(li, found.nextLine - 1);
  }
  return out;
}

/** The table whose header is line `li`; a run of column names that is no header is skipped whole (nextLine). */
function tableAt(text: string, lines: Line[], li: number, to: number): { table: Table | null; nextLine: number } | null {
  const line = lines[li];
  if (line.text.length > 160) return null;
  if (hasSeparator(line.text)) {
    const roles = headerRoles(splitCells(text, line, SEPARATOR).map((c) => cellText(text, c)));
    return roles ? readRows(text, lines, li, to, roles, SEPARATOR) : null;
  }
  if (hasCellGap(line.text)) {
    const roles = headerRoles(line.text.split(CELL_GAP));
    if (roles) return readRows(text, lines, li, to, roles, CELL_GAP);
  }
  if (columnRole(line.text) === null) return null;
  let end = li;
  const limit = Math.min(to, li + MAX_COLUMNS);
  while (end < limit && lines[end].text.length <= HEADER_CELL_MAX && columnRole(lines[end].text) !== null) end++;
  const roles = headerRoles(lines.slice(li, end).map((l) => l.text));
  if (roles && roles[0] === 'seq') return readCellLines(text, lines, li, end, to, roles);
  // no header here: go on at the run's next 序号 line (a header may start there), else after the run
  let next = li + 1;
  while (next < end && columnRole(lines[next].text) !== 'seq') next++;
  return { table: null, nextLine: next };
}

/** Rows written one per line (separator or space form), from the header at `li`. */
function readRows(text: string, lines: Line[], li: number, to: number, roles: ColumnRole[], sep: RegExp): { table: Table; nextLine: number } {
  const table: Table = { start: lines[li].start, end: lines[li].end, roles, rows: [] };
  const bySeparator = sep === SEPARATOR;
  let k = li + 1;
  for (; k < to; k++) {
    const line = lines[k];
    const cells = splitCells(text, line, sep);
    if (headerRoles(cells.map((c) => cellText(text, c)))) continue; // repeated header row
    const last = table.rows[table.rows.length - 1];
    if (bySeparator ? !SEPARATOR.test(line.text) : !startsRow(line.text, roles, cells.length)) {
      if (bySeparator || !last || ENDS_TABLE(line.text)) break;
      last.end = line.end; // a cell's paragraph continued on the next line
      continue;
    }
    const row = bySeparator
      ? gridRow(text, cells, roles, last)
      : cells.length === roles.length
        ? alignedRow(text, cells, roles)
        : fitRow(text, cells.map((c) => [c]), roles, line);
    if (row === 'continues') continueRow(last, gridRow(text, cells, roles, undefined, true));
    else if (row) table.rows.push(withDeadlines(row));
  }
  const lastRow = table.rows[table.rows.length - 1];
  table.end = lastRow ? lastRow.end : table.end;
  return { table, nextLine: k };
}

function startsRow(line: string, roles: ColumnRole[], cellCount: number): boolean {
  return roles[0] === 'seq' ? /^\d{1,3}[ \t]/.test(line) : cellCount === roles.length;
}

/** A row of a separator table: slot i has role roles[i]; `〃` takes the cell of the row above. */
function gridRow(text: string, cells: CellRange[], roles: ColumnRole[], above: TableRow | undefined): TableRow | 'continues' | null;
function gridRow(text: string, cells: CellRange[], roles: ColumnRole[], above: undefined, continuation: true): TableRow;
function gridRow(text: string, cells: CellRange[], roles: ColumnRole[], above: TableRow | undefined, continuation = false): TableRow | 'continues' | null {
  const row: TableRow = { start: cells[0].start, end: cells[cells.length - 1].end, seq: null, cells: {}, deadlines: [] };
  for (let i = 0; i < cells.length && i < roles.length; i++) {
    const role = roles[i];
    const t = cellText(text, cells[i]);
    if (t === DITTO) {
      if (continuation) continue;
      if (role === 'problem') return above ? 'continues' : null;
      const up = above?.cells[role];
      if (up) row.cells[role] = up;
      if (role === 'seq') row.seq = above?.seq ?? null;
    } else if (t) {
      row.cells[role] ??= cells[i];
      if (role === 'seq') row.seq = t;
    }
  }
  return row.cells.problem || continuation ? row : null;
}

function withDeadlines(row: TableRow): TableRow {
  if (row.cells.deadline) row.deadlines = [row.cells.deadline];
  return row;
}

/** A row continuing the item above (its problem cell merged): the item takes its text, progress and time limit. */
function continueRow(item: TableRow, more: TableRow): void {
  item.end = more.end;
  const s = item.cells.status;
  const ms = more.cells.status;
  if (ms) item.cells.status = s ? { start: s.start, end: ms.end } : ms;
  if (more.cells.deadline) item.deadlines.push(more.cells.deadline);
}

/**
 * A row whose cells are not aligned with the header (spaces inside cells, a cell over several lines): `parts`
 * are its pieces in order. 序号 first, then the cells after the problem and measures are fitted from the right
 * (a date for the time limit, a status phrase for the status, a short piece for the others); the problem is the
 * first piece left, the measures the rest.
 */
function fitRow(text: string, parts: CellRange[][], roles: ColumnRole[], line: Line | null): TableRow | null {
  const pieces = parts.flat().filter((c) => c.end > c.start);
  const row: TableRow = { start: line ? line.start : pieces[0]?.start ?? 0, end: line ? line.end : pieces[pieces.length - 1]?.end ?? 0, seq: null, cells: {}, deadlines: [] };
  let lo = 0;
  let hi = pieces.length;
  let r0 = 0;
  if (roles[0] === 'seq' && lo < hi && SEQ.test(cellText(text, pieces[lo]))) {
    row.seq = cellText(text, pieces[lo]);
    lo++;
    r0 = 1;
  }
  const pi = roles.indexOf('problem');
  const mi = roles.indexOf('measures');
  const firstTail = Math.max(pi, mi) + 1;
  for (let r = roles.length - 1; r >= firstTail && hi - 1 > lo; r--) {
    const c = pieces[hi - 1];
    if (!fits(roles[r], cellText(text, c))) continue;
    row.cells[roles[r]] = c;
    hi--;
  }
  if (lo < hi && pi >= r0) row.cells.problem = pieces[lo++];
  if (lo < hi && mi >= 0) row.cells.measures = { start: pieces[lo].start, end: pieces[hi - 1].end };
  return row.cells.problem ? withDeadlines(row) : null;
}

const DATE_LIKE = /\d{4}年|\d{1,2}月|年底|年内|月底|上半年|下半年|季度|\d{4}[.\-/]\d{1,2}|长期|持续/;
const STATUS_LIKE = /完成|整改|推进|进展|办结|销号|长期|持续|到位|解决/;

function fits(role: ColumnRole, s: string): boolean {
  switch (role) {
    case 'deadline':
      return s.length <= 30 && DATE_LIKE.test(s);
    case 'status':
      return STATUS_LIKE.test(s);
    case 'owner':
    case 'other':
      return s.length <= 30 && !DATE_LIKE.test(s);
    default:
      return false;
  }
}

/** A table copied one cell per line: the header is lines [li, headerEnd); each row starts at a line with its 序号. */
function readCellLines(text: string, lines: Line[], li: number, headerEnd: number, to: number, roles: ColumnRole[]): { table: Table; nextLine: number } {
  const table: Table = { start: lines[li].start, end: lines[headerEnd - 1].end, roles, rows: [] };
  let k = headerEnd;
  let rowLines: Line[] = [];
  const flush = () => {
    if (rowLines.length < 2) return;
    const parts = rowLines.map((l) => [{ start: l.start, end: l.end }]);
    const row = rowLines.length === roles.length ? alignedRow(text, rowLines, roles) : fitRow(text, parts, roles, null);
    if (row) table.rows.push(row);
  };
  for (; k < to; k++) {
    const t = lines[k].text;
    if (SEQ.test(t)) {
      flush();
      rowLines = [lines[k]];
    } else if (columnRole(t) === 'seq') {
      flush(); // repeated header: skip its cells
      rowLines = [];
      while (k + 1 < to && lines[k + 1].text.length <= HEADER_CELL_MAX && columnRole(lines[k + 1].text) !== null) k++;
    } else if (!rowLines.length || ENDS_TABLE(t)) break;
    else rowLines.push(lines[k]);
  }
  flush();
  const lastRow = table.rows[table.rows.length - 1];
  if (lastRow) table.end = lastRow.end;
  return { table, nextLine: k };
}

/** A row with exactly one cell per column. */
function alignedRow(text: string, cells: CellRange[], roles: ColumnRole[]): TableRow | null {
  const row: TableRow = { start: cells[0].start, end: cells[cells.length - 1].end, seq: null, cells: {}, deadlines: [] };
  cells.forEach((c, i) => {
    if (c.end > c.start) row.cells[roles[i]] ??= { start: c.start, end: c.end };
  });
  if (row.cells.seq) row.seq = cellText(text, row.cells.seq);
  return row.cells.problem ? withDeadlines(row) : null;
}
