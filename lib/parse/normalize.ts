/**
 * Text normalization for notices: one canonical form every other parser layer works on, plus a map
 * back to the raw input so highlights can be placed on the page.
 *
 * What it does (line by line, linear time):
 * - `\r\n`/`\r` → `\n`; every line trimmed (spaces, tabs, NBSP, ideographic spaces, zero-width chars);
 *   runs of inner whitespace collapse to one ASCII space; blank lines are dropped, so blocks are
 *   separated by exactly one `\n`.
 * - full-width digits/letters and `％` → half-width; `．` → `.`.
 * - ASCII `(` `)` → `（` `）` for bracket pairs touching CJK text or starting a line; `:` `,` `;` →
 *   `：` `，` `；` when a neighbour is CJK (so `10:00:00`, `1:2`, `1,000` stay).
 * - stray markers `[bookmark: _Toc30261]` are removed; page-footer lines (`— 1 —`, `- 2 -`) dropped.
 *
 * Page chrome lines (breadcrumbs, `来源：… 日期：…`, ICP footers) are deliberately KEPT: the meta
 * layer reads the publish date from them and the outline/items layers skip them. Keeping them means
 * every offset still maps 1:1 to the page text.
 */

export interface NormalizedText {
  text: string;
  /** length text.length + 1; toOriginal[i] = offset in the raw input of normalized char i; last = raw.length */
  toOriginal: Uint32Array;
}

const BOOKMARK = /\[bookmark:[^\]\n]{0,80}\]/g;
/** `— 1 —`, `- 2 -`, `－3－`, `—12—` page footers left over from Word/PDF conversions. */
const PAGE_FOOTER = /^[—–\-－]{1,2}\s*\d{1,4}\s*[—–\-－]{1,2}$/;

function isSpace(c: number): boolean {
  return (
    c === 0x20 || c === 0x09 || c === 0x0b || c === 0x0c || c === 0xa0 || c === 0x3000 ||
    (c >= 0x2000 && c <= 0x200b) || c === 0x202f || c === 0x205f || c === 0xfeff || c === 0x200c || c === 0x200d
  );
}

/** CJK ideographs, CJK punctuation, full-width forms and curly quotes count as "CJK context". */
export function isCjkContext(ch: string | undefined): boolean {
  if (!ch) return false;
  const c = ch.charCodeAt(0);
  return (
    (c >= 0x3000 && c <= 0x303f) || (c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0xff01 && c <= 0xff0f) || (c >= 0xff1a && c <= 0xff20) || (c >= 0xff3b && c <= 0xff40) ||
    (c >= 0xff5b && c <= 0xff65) || (c >= 0x2018 && c <= 0x201f) || c === 0x2014 || c === 0x2026 ||
    (c >= 0xd800 && c <= 0xdbff) || (c >= 0x3040 && c <= 0x30ff)
  );
}

function toHalfWidth(ch: string): string {
  const c = ch.charCodeAt(0);
  if ((c >= 0xff10 && c <= 0xff19) || (c >= 0xff21 && c <= 0xff3a) || (c >= 0xff41 && c <= 0xff5a) || c === 0xff05) {
    return String.fromCharCode(c - 0xfee0);
  }
  if (c === 0xff0e) return '.';
  return ch;
}

interface Piece {
  ch: string;
  at: number;
}

/** Characters of one raw line (already without the line break), bookmarks removed, width-folded. */
function lineChars(raw: string, start: number, end: number): Piece[] {
  const line = raw.slice(start, end);
  const removed: Array<[number, number]> = [];
  BOOKMARK.lastIndex = 0;
  for (let m = BOOKMARK.exec(line); m; m = BOOKMARK.exec(line)) removed.push([m.index, m.index + m[0].length]);
  const out: Piece[] = [];
  let r = 0;
  for (let i = 0; i < line.length; i++) {
    if (r < removed.length && i >= removed[r][0]) {
      i = removed[r][1] - 1;
      r++;
      continue;
    }
    out.push({ ch: toHalfWidth(line[i]), at: start + i });
  }
  return out;
}

/** Trim, collapse inner whitespace runs to one space. */
function squeeze(pieces: Piece[]): Piece[] {
  const out: Piece[] = [];
  let pendingSpace: Piece | null = null;
  for (const p of pieces) {
    if (isSpace(p.ch.charCodeAt(0))) {
      if (out.length && !pendingSpace) pendingSpace = { ch: ' ', at: p.at };
      continue;
    }
    if (pendingSpace) out.push(pendingSpace);
    pendingSpace = null;
    out.push(p);
  }
  return out;
}

/** ASCII punctuation → full-width where it sits in Chinese text. */
function foldPunctuation(p: Piece[]): void {
  const opens: number[] = [];
  const pairs: Array<[number, number]> = [];
  const lone: number[] = [];
  for (let i = 0; i < p.length; i++) {
    if (p[i].ch === '(') opens.push(i);
    else if (p[i].ch === ')') {
      if (opens.length) pairs.push([opens.pop()!, i]);
      else lone.push(i);
    }
  }
  lone.push(...opens);
  const cjk = (i: number) => i >= 0 && i < p.length && isCjkContext(p[i].ch);
  for (const [o, c] of pairs) {
    if (o === 0 || cjk(o - 1) || cjk(o + 1) || cjk(c - 1) || cjk(c + 1)) {
      p[o].ch = '（';
      p[c].ch = '）';
    }
  }
  for (const i of lone) {
    if (cjk(i - 1) || cjk(i + 1) || i === 0) p[i].ch = p[i].ch === '(' ? '（' : '）';
  }
  for (let i = 0; i < p.length; i++) {
    const ch = p[i].ch;
    if (ch !== ':' && ch !== ',' && ch !== ';') continue;
    if (cjk(i - 1) || cjk(i + 1) || (p[i + 1]?.ch === ' ' && cjk(i - 1))) {
      p[i].ch = ch === ':' ? '：' : ch === ',' ? '，' : '；';
    }
  }
}

export function normalizeText(raw: string): NormalizedText {
  const chars: string[] = [];
  const map: number[] = [];
  let lineStart = 0;
  let pendingBreak = -1;
  const n = raw.length;
  while (lineStart <= n) {
    let lineEnd = lineStart;
    while (lineEnd < n && raw[lineEnd] !== '\n' && raw[lineEnd] !== '\r') lineEnd++;
    const pieces = squeeze(lineChars(raw, lineStart, lineEnd));
    if (pieces.length && !PAGE_FOOTER.test(pieces.map((x) => x.ch).join(''))) {
      foldPunctuation(pieces);
      if (pendingBreak >= 0 && chars.length) {
        chars.push('\n');
        map.push(pendingBreak);
      }
      for (const pc of pieces) {
        chars.push(pc.ch);
        map.push(pc.at);
      }
      pendingBreak = -1;
    }
    if (lineEnd >= n) break;
    if (pendingBreak < 0) pendingBreak = lineEnd;
    lineStart = raw[lineEnd] === '\r' && raw[lineEnd + 1] === '\n' ? lineEnd + 2 : lineEnd + 1;
  }
  const toOriginal = new Uint32Array(map.length + 1);
  for (let i = 0; i < map.length; i++) toOriginal[i] = map[i];
  toOriginal[map.length] = n;
  return { text: chars.join(''), toOriginal };
}

/** Raw-input range of a normalized range [start, end). */
export function toOriginalRange(norm: NormalizedText, start: number, end: number): { start: number; end: number } {
  if (end <= start) return { start: norm.toOriginal[start], end: norm.toOriginal[start] };
  return { start: norm.toOriginal[start], end: norm.toOriginal[end - 1] + 1 };
}

/** One line (block) of normalized text: [start, end) excludes the `\n`. */
export interface Line {
  index: number;
  start: number;
  end: number;
  text: string;
}

export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text[i] === '\n') {
      lines.push({ index: lines.length, start, end: i, text: text.slice(start, i) });
      start = i + 1;
    }
  }
  return lines;
}
