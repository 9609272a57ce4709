/**
 * PDF text layer → lines, page by page (pure; pdf.js is only in pdf.ts). Items on the same baseline
 * (within half a glyph height) form one line, read left to right; lines top to bottom. Running headers
 * and footers (the same first or last line on most pages, page numbers aside) are dropped here because
 * only here are page boundaries known; hard wraps and page numbers are handled by lib/parse/normalize.
 */
export interface PdfTextItem {
  str: string;
  /** pdf.js transform: [a, b, c, d, x, y] */
  transform: number[];
  width: number;
  height: number;
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

/** One page's items → its lines of text (no empty lines). */
export function pageLines(items: readonly PdfTextItem[]): string[] {
  const placed: PlacedItem[] = items
    .filter((it) => it.str.length > 0)
    .map((it) => {
      const height = Math.abs(it.height) || Math.hypot(it.transform[2], it.transform[3]) || 10;
      return { str: it.str, x: it.transform[4], y: it.transform[5], right: it.transform[4] + it.width, height };
    });
  placed.sort((a, b) => b.y - a.y || a.x - b.x);
  const rows: PlacedItem[][] = [];
  for (const it of placed) {
    const row = rows[rows.length - 1];
    if (row && Math.abs(row[0].y - it.y) <= Math.max(row[0].height, it.height) * 0.5) row.push(it);
    else rows.push([it]);
  }
  return rows.map(joinRow).filter((line) => line.trim().length > 0);
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
 * the pages and at least two — a running header (footer). Page 1's header is kept when it is not on
 * page 1 elsewhere, i.e. a notice title printed once at the top is never lost.
 */
export function dropRunningFurniture(pages: string[][]): string[][] {
  if (pages.length < 2) return pages;
  const threshold = Math.max(2, Math.ceil(pages.length / 2));
  const repeated = (pick: (p: string[]) => string | undefined) => {
    const counts = new Map<string, number>();
    for (const p of pages) {
      const line = pick(p);
      if (line !== undefined && line.length <= 60) counts.set(furnitureKey(line), (counts.get(furnitureKey(line)) ?? 0) + 1);
    }
    return new Set([...counts].filter(([, n]) => n >= threshold).map(([k]) => k));
  };
  const heads = repeated((p) => p[0]);
  const feet = repeated((p) => p[p.length - 1]);
  return pages.map((p) => {
    let from = 0;
    let to = p.length;
    if (p.length && heads.has(furnitureKey(p[0]))) from = 1;
    if (to > from && feet.has(furnitureKey(p[to - 1]))) to -= 1;
    return p.slice(from, to);
  });
}
