/**
 * Data tables (`序号 | 反馈问题 | 整改措施 | 整改情况 | 完成时限`) as text: one line per row, one slot per grid
 * column, so every row of a table has the same number of cells whatever its merged cells.
 *
 * - Cells are separated by `｜` (CELL_SEPARATOR, synthetic: it maps to no text node). Whitespace would not do:
 *   the parser's normalization collapses tabs and runs of spaces into one space, which cells contain too.
 * - A slot covered by a cell merged from the row above (`rowspan`) reads `〃` (DITTO, the ditto mark forms use):
 *   the parser takes that column's value from the row above. A slot covered by a cell merged from the left
 *   (`colspan`) is empty.
 * - Paragraphs and line breaks inside a cell become a space, so a row stays one line.
 * Layout tables (page frames, a nested table, fewer than three columns in most rows) and CMS metadata tables
 * (`索引号 | … | 主题分类 | …`, page chrome the meta reader expects one cell per line) keep the plain text
 * model: every cell is a line of its own.
 */
import { tagOf } from './dom';

export const CELL_SEPARATOR = '｜';
export const DITTO = '〃';

/** One grid column of a row: a cell element, or a slot covered by a merged cell from above or from the left. */
export type Slot = { kind: 'cell'; el: Element } | { kind: 'above' } | { kind: 'left' };

const MAX_SPAN = 64;

function span(el: Element, attr: string): number {
  const n = Number.parseInt(el.getAttribute(attr) ?? '1', 10);
  return Number.isFinite(n) && n > 1 ? Math.min(n, MAX_SPAN) : 1;
}

function cellsOf(row: Element): Element[] {
  const out: Element[] = [];
  for (let c = row.firstElementChild; c; c = c.nextElementSibling) {
    const t = tagOf(c);
    if (t === 'td' || t === 'th') out.push(c);
  }
  return out;
}

/** Slots of every row of a table (no nested tables), merged cells resolved into the grid. */
export function tableGrid(rows: Element[]): Slot[][] {
  const covered: Array<Map<number, 'above'>> = rows.map(() => new Map());
  return rows.map((row, r) => {
    const slots: Slot[] = [];
    let col = 0;
    const skipCovered = () => {
      while (covered[r].has(col)) {
        slots.push({ kind: 'above' });
        col++;
      }
    };
    for (const cell of cellsOf(row)) {
      skipCovered();
      const cs = span(cell, 'colspan');
      const rs = Math.min(span(cell, 'rowspan'), rows.length - r);
      slots.push({ kind: 'cell', el: cell });
      for (let k = 1; k < cs; k++) slots.push({ kind: 'left' });
      for (let rr = r + 1; rr < r + rs; rr++) for (let k = 0; k < cs; k++) covered[rr].set(col + k, 'above');
      col += cs;
    }
    const last = Math.max(-1, ...covered[r].keys());
    for (; col <= last; col++) slots.push(covered[r].has(col) ? { kind: 'above' } : { kind: 'left' });
    return slots;
  });
}

/** A cell that is a CMS metadata label (`索引号`, `发布机构：`). */
const CMS_LABEL = /^(?:信息)?(?:索引号|主题分类|体裁分类|组配分类|发布机构|发文机关|发文字号|文号|成文日期|发布日期|公开方式|公开时限|文件名称|文件编号|有效性|信息来源)\s*[：:]?$/;

function isCmsMetadata(rows: Element[]): boolean {
  for (const row of rows.slice(0, 3)) for (const cell of cellsOf(row)) if (CMS_LABEL.test((cell.textContent ?? '').trim())) return true;
  return false;
}

/** The row layout of a data table, or null for a layout table (nested table, one row, mostly narrow rows) or CMS metadata. */
export function dataTableLayout(table: Element): Map<Element, Slot[]> | null {
  if (table.querySelector('table')) return null;
  const rows = Array.from(table.querySelectorAll('tr'));
  if (rows.length < 2 || isCmsMetadata(rows)) return null;
  const grid = tableGrid(rows);
  const wide = grid.filter((slots) => slots.length >= 3).length;
  if (wide * 3 < rows.length * 2) return null;
  return new Map(rows.map((row, r) => [row, grid[r]]));
}
