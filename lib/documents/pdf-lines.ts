/**
 * PDF text layer → lines, page by page (pure; pdf.js is only in pdf.ts). Items on the same baseline
 * (within half a glyph height) form one line, read left to right; lines top to bottom. Then, using the
 * geometry only a PDF has:
 * - running headers and footers (the same first or last line on most pages, page numbers aside) are dropped;
 * - a line that reaches the right margin continues into the next one unless that one is indented (a new
 *   paragraph in 公文 layout) or opens a block (outline marker) — also across a page break;
 * - indented lines (first lines, centred titles, right-aligned signatures) keep a leading `\u3000\u3000`.
 * Page numbers and anything left are handled by lib/parse/normalize like pasted text.
 */
import { BLOCK_START } from '@/lib/parse/rejoin';

export interface PdfTextItem {
  str: string;
  /** pdf.js transform: [a, b, c, d, x, y] */
  transform: number[];
  width: number;
  height: number;
}

/** One line of a page: its text and where it sits. */
export interface PdfLine {
  text: string;
  /** starts well right of the page's left margin */
  indent: boolean;
  /** how far short of the page's right margin the line ends, in glyph heights (0 = at the margin) */
  slack: number;
}

interface PlacedItem {
  str: string;
  x: number;
  y: number;
  right: number;
  height: number;
}

const ASCII_WORD_END = /[A-Za-z0-9,.;:%)]$/;
const ASCII_WORD_START = /^[A-Za-z0-9(]/;
/** Marks a paragraph's first line the way Word and WPS text does. */
const INDENT = '\u3000\u3000';

function place(it: PdfTextItem): PlacedItem {
  const height = Math.abs(it.height) || Math.hypot(it.transform[2], it.transform[3]) || 10;
  return { str: it.str, x: it.transform[4], y: it.transform[5], right: it.transform[4] + it.width, height };
}

/** One page's items → its lines (no empty lines). */
export function pageLines(items: readonly PdfTextItem[]): PdfLine[] {
  const placed = items.filter((it) => it.str.length > 0).map(place);
  placed.sort((a, b) => b.y - a.y || a.x - b.x);
  const rows: PlacedItem[][] = [];
  for (const it of placed) {
    const row = rows[rows.length - 1];
    if (row && Math.abs(row[0].y - it.y) <= Math.max(row[0].height, it.height) * 0.5) row.push(it);
    else rows.push([it]);
  }
  const measured = rows
    .map((row) => ({ text: joinRow(row), left: Math.min(...row.map((i) => i.x)), right: Math.max(...row.map((i) => i.right)), em: row[0].height }))
    .filter((r) => r.text.trim().length > 0);
  const lefts = measured.map((r) => r.left).sort((a, b) => a - b);
  const rights = measured.map((r) => r.right).sort((a, b) => a - b);
  const leftMargin = lefts[Math.floor(lefts.length * 0.1)] ?? 0;
  const rightMargin = rights[Math.floor(rights.length * 0.9)] ?? 0;
  return measured.map((r) => ({ text: r.text.trim(), indent: r.left - leftMargin > r.em * 1.5, slack: Math.max(0, (rightMargin - r.right) / r.em) }));
}

function joinRow(row: PlacedItem[]): string {
  row.sort((a, b) => a.x - b.x);
  let line = '';
  let prev: PlacedItem | null = null;
  for (const it of row) {
    // a visible gap between two items is a space; glyphs set next to each other are not
    const gap = prev ? it.x - prev.right : 0;
    if (prev && gap > it.height * 0.25 && !line.endsWith(' ') && !it.str.startsWith(' ')) line += ' ';
    else if (prev && gap > 0 && ASCII_WORD_END.test(line) && ASCII_WORD_START.test(it.str) && gap > it.height * 0.1) line += ' ';
    line += it.str;
    prev = it;
  }
  return line.replace(/\s+$/, '');
}

/** A line's shape with page numbers blurred, so `第 3 页` on page 3 matches `第 4 页` on page 4. */
function furnitureKey(line: string): string {
  return line.replace(/\s+/g, '').replace(/\d+/g, '#');
}

/**
 * Drops a page's first (or last) line when the same line (digits aside) opens (ends) at least half of
 * the pages and at least two — a running header (footer).
 */
export function dropRunningFurniture(pages: PdfLine[][]): PdfLine[][] {
  if (pages.length < 2) return pages;
  const threshold = Math.max(2, Math.ceil(pages.length / 2));
  const repeated = (pick: (p: PdfLine[]) => PdfLine | undefined) => {
    const counts = new Map<string, number>();
    for (const p of pages) {
      const line = pick(p);
      if (line && line.text.length <= 60) counts.set(furnitureKey(line.text), (counts.get(furnitureKey(line.text)) ?? 0) + 1);
    }
    return new Set([...counts].filter(([, n]) => n >= threshold).map(([k]) => k));
  };
  const heads = repeated((p) => p[0]);
  const feet = repeated((p) => p[p.length - 1]);
  return pages.map((p) => {
    let from = 0;
    let to = p.length;
    if (p.length && heads.has(furnitureKey(p[0].text))) from = 1;
    if (to > from && feet.has(furnitureKey(p[to - 1].text))) to -= 1;
    return p.slice(from, to);
  });
}

/** A page-number line (`— 3 —`, `第3页`…): never joined to, so normalize can drop it whole. */
const PAGE_NUMBER = /^(?:[—–\-－]{1,2}\s*\d{1,4}\s*[—–\-－]{1,2}|第\s*\d{1,4}\s*页.*|共\s*\d{1,4}\s*页.*)$/;

/**
 * Lines of all pages in reading order → text: hard wraps joined, paragraph starts indented. A line
 * "reaches the margin" within one glyph; when the document indents its paragraphs (公文 layout), within
 * three, since the indent of the next line then tells a new paragraph apart (a line may stop short of
 * the margin when the next word or number does not fit).
 */
export function joinWrappedLines(lines: readonly PdfLine[]): string {
  const indented = lines.filter((l) => l.indent).length;
  const maxSlack = indented >= 2 && indented < lines.length * 0.9 ? 3 : 1;
  const out: string[] = [];
  let prev: PdfLine | null = null;
  for (const line of lines) {
    const wraps = prev && prev.slack <= maxSlack && !line.indent && !BLOCK_START.test(line.text) && !PAGE_NUMBER.test(line.text) && !PAGE_NUMBER.test(prev.text);
    if (prev && wraps) {
      const space = /[A-Za-z0-9]$/.test(out[out.length - 1]) && /^[A-Za-z0-9]/.test(line.text) ? ' ' : '';
      out[out.length - 1] += space + line.text;
      prev = { ...line, indent: prev.indent };
      continue;
    }
    out.push((line.indent ? INDENT : '') + line.text);
    prev = line;
  }
  return out.join('\n');
}
