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
 * - text copied from a PDF (lib/parse/rejoin): page numbers and running headers dropped, hard-wrapped
 *   lines rejoined, `2024 年 3 月` → `2024年3月`.
 *
 * Page chrome lines (breadcrumbs, `来源：… 日期：…`, ICP footers) are deliberately KEPT: the meta
 * layer reads the publish date from them and the outline/items layers skip them. Keeping them means
 * every offset still maps 1:1 to the page text.
 */

import { CODE_CLASS, isDigitIdeographPair, K_BRACKET, K_CJK, K_FOLD, K_LINE_BREAK, K_PUNCT, K_SPACE, K_SURROGATE } from './code-class';
import { alreadyNormal, type NormalizedText } from './normal-form';
import { rejoinMayChange, rejoinPdfText, type SqueezeNotes } from './rejoin';

/** Characters the squeeze loop must look at (everything else is copied as is). */
const K_SQUEEZE = K_SPACE | K_FOLD | K_SURROGATE | K_LINE_BREAK | K_PUNCT | K_BRACKET;

const BOOKMARK = '[bookmark:';

export type { NormalizedText };


/** `— 1 —`, `- 2 -`, `－3－`, `—12—` page footers left over from Word/PDF conversions. */
const PAGE_FOOTER = /^[—–\-－]{1,2}\s*\d{1,4}\s*[—–\-－]{1,2}$/;

/** Full-width digits/letters/％ → half-width, `．` → `.`; other code units unchanged. */
function foldWidth(c: number): number {
  if ((c >= 0xff10 && c <= 0xff19) || (c >= 0xff21 && c <= 0xff3a) || (c >= 0xff41 && c <= 0xff5a) || c === 0xff05) return c - 0xfee0;
  if (c === 0xff0e) return 0x2e;
  return c;
}

const LPAREN = 0x28;
const RPAREN = 0x29;
const FW_LPAREN = 0xff08;
const FW_RPAREN = 0xff09;
const PUNCT_FOLD: Record<number, number> = { 0x3a: 0xff1a, 0x2c: 0xff0c, 0x3b: 0xff1b };

/** Scratch buffers for foldLinePunctuation, grown on demand (partner of each bracket, work stack). */
let partnerBuf = new Int32Array(256);
let stackBuf = new Int32Array(256);

/**
 * Folds one line in place: `codes[0..n)` are the squeezed line's code units. ASCII brackets become
 * full-width when the pair touches CJK or opens the line (an unpaired bracket: when it touches CJK or
 * opens the line); `:` `,` `;` when a neighbour is CJK. A folded character is CJK itself, so folds
 * propagate (`来源:(` → `来源：（`): the rules are applied until nothing changes — with a work list,
 * so each character is folded at most once and re-examined O(1) times — which makes normalization
 * idempotent.
 */
function foldLinePunctuation(codes: Uint16Array, n: number): void {
  // the stack holds the candidates (≤ n) plus two neighbours per fold (≤ 2n); it also pairs brackets
  if (partnerBuf.length < n) partnerBuf = new Int32Array(n * 2);
  if (stackBuf.length < 3 * n + 4) stackBuf = new Int32Array(6 * n + 8);
  const partner = partnerBuf;
  const stack = stackBuf;
  // pair brackets (open positions kept at the far end of `stack`) and push every candidate
  let opens = stack.length;
  let top = 0;
  for (let i = 0; i < n; i++) {
    const c = codes[i];
    if (c > 0x3b || !isFoldCandidate(c)) continue;
    if (c === LPAREN) {
      partner[i] = -1;
      stack[--opens] = i;
    } else if (c === RPAREN) {
      const o = opens < stack.length ? stack[opens++] : -1;
      partner[i] = o;
      if (o >= 0) partner[o] = i;
    }
    stack[top++] = i;
  }
  while (top > 0) {
    const i = stack[--top];
    const c = codes[i];
    if (!isFoldCandidate(c) || !shouldFold(codes, n, partner, i, c)) continue;
    codes[i] = foldedPunct(c);
    top = pushCandidateNeighbours(codes, n, stack, top, i);
    if ((c === LPAREN || c === RPAREN) && partner[i] >= 0) {
      const p = partner[i];
      codes[p] = foldedPunct(codes[p]);
      top = pushCandidateNeighbours(codes, n, stack, top, p);
    }
  }
}

/** `(` `)` `:` `,` `;` — the ASCII characters that may fold to full width. */
function isFoldCandidate(c: number): boolean {
  return c === LPAREN || c === RPAREN || c === 0x3a || c === 0x2c || c === 0x3b;
}

function foldedPunct(c: number): number {
  return c === LPAREN ? FW_LPAREN : c === RPAREN ? FW_RPAREN : PUNCT_FOLD[c];
}

function cjkAt(codes: Uint16Array, n: number, i: number): boolean {
  return i >= 0 && i < n && (CODE_CLASS[codes[i]] & K_CJK) !== 0;
}

function shouldFold(codes: Uint16Array, n: number, partner: Int32Array, i: number, c: number): boolean {
  if (c === LPAREN || c === RPAREN) {
    const p = partner[i];
    if (p < 0) return i === 0 || cjkAt(codes, n, i - 1) || cjkAt(codes, n, i + 1);
    const o = c === LPAREN ? i : p;
    const e = c === LPAREN ? p : i;
    return o === 0 || cjkAt(codes, n, o - 1) || cjkAt(codes, n, o + 1) || cjkAt(codes, n, e - 1) || cjkAt(codes, n, e + 1);
  }
  return cjkAt(codes, n, i - 1) || cjkAt(codes, n, i + 1);
}

/** A fold at i makes it CJK context: its candidate neighbours must be judged again. */
function pushCandidateNeighbours(codes: Uint16Array, n: number, stack: Int32Array, top: number, i: number): number {
  if (i > 0 && isFoldCandidate(codes[i - 1])) stack[top++] = i - 1;
  if (i + 1 < n && isFoldCandidate(codes[i + 1])) stack[top++] = i + 1;
  return top;
}

/**
 * The squeezed code units, reused from call to call (every slot is written before it is read): a fresh
 * buffer per call cost a zero-fill and page faults. Kept between calls only up to SCRATCH_KEEP characters;
 * a larger input gets a buffer of its own. The raw offsets are written straight into the Uint32Array that
 * becomes `toOriginal` (it has to be a fresh one anyway), so they are not copied at the end.
 */
let scratchOut = new Uint16Array(0);
const SCRATCH_KEEP = 1 << 21;
function squeezeBuffer(size: number): Uint16Array {
  if (size > SCRATCH_KEEP) return new Uint16Array(size);
  if (scratchOut.length < size) scratchOut = new Uint16Array(size);
  return scratchOut;
}

export function normalizeText(raw: string): NormalizedText {
  const n = raw.length;
  const map = new Uint32Array(n + 1);
  const normal = alreadyNormal(raw, map);
  if (normal) return normal;
  const out = squeezeBuffer(n + 1);
  let len = 0;
  let pendingBreak = -1;
  let lineStart = 0;
  let hasSurrogate = false;
  /** where dropped page-footer lines were (positions in `out`), for running-header detection */
  const pageBreaks: number[] = [];
  /** where each kept line starts in `out` */
  const lineStarts: number[] = [];
  /** whether each kept line was indented (two or more leading spaces: a paragraph's first line) */
  const indents: boolean[] = [];
  /** where the first kept space between a digit and an ideograph (`2024 年`) is in `out`, -1 if none */
  let digitSpaceFrom = -1;
  while (lineStart <= n) {
    // squeeze into out[base…): drop bookmarks, trim, collapse inner whitespace, fold widths; a line
    // after a kept one is preceded by one `\n`, written at out[len] once the line proves non-empty.
    // The line ends at the first \n or \r (found by the same loop).
    const base = len > 0 ? len + 1 : 0;
    let m = base;
    let spaceAt = -1;
    /** the squeezed run's code: a tab when the run holds one (a copied table row's cell gap, kept so that
     *  normalizing again reads the same cells), else a space */
    let spaceCode = 0x20;
    let leading = 0;
    /** whether the line holds ( ) , : ; (only such a line can need foldLinePunctuation) */
    let punct = false;
    let lineEnd = n;
    for (let i = lineStart; i < lineEnd; i++) {
      let c = raw.charCodeAt(i);
      const k = CODE_CLASS[c];
      if (k & K_SQUEEZE) {
        // the rare case: a break, a space, a bookmark, or a character that is folded or marks the line
        if (k & K_LINE_BREAK) {
          lineEnd = i;
          break;
        }
        if (k & K_SPACE) {
          if (m > base) {
            if (spaceAt < 0) {
              spaceAt = i;
              spaceCode = 0x20;
            }
            if (c === 0x09) spaceCode = 0x09;
          } else leading++;
          continue;
        }
        if (k & K_BRACKET && raw.startsWith(BOOKMARK, i)) {
          const close = raw.indexOf(']', i);
          if (close >= 0 && close - i <= 90 && !hasLineBreak(raw, i, close)) {
            i = close;
            continue;
          }
        }
        if (k & K_SURROGATE) hasSurrogate = true;
        if (k & K_PUNCT) punct = true;
        if (k & K_FOLD) c = foldWidth(c);
      }
      if (spaceAt >= 0) {
        if (digitSpaceFrom < 0 && isDigitIdeographPair(out[m - 1], c)) digitSpaceFrom = m;
        out[m] = spaceCode;
        map[m++] = spaceAt;
        spaceAt = -1;
      }
      out[m] = c;
      map[m++] = i;
    }
    const lineLen = m - base;
    const isFooter = lineLen > 0 && lineLen <= 12 && PAGE_FOOTER.test(String.fromCharCode(...out.subarray(base, m)));
    if (isFooter) pageBreaks.push(len);
    if (lineLen > 0 && !isFooter) {
      if (punct) foldLinePunctuation(out.subarray(base, m), lineLen);
      if (base > 0) {
        out[len] = 0x0a;
        map[len] = pendingBreak;
      }
      lineStarts.push(base);
      indents.push(leading >= 2);
      len = m;
      pendingBreak = -1;
    }
    if (lineEnd >= n) break;
    if (pendingBreak < 0) pendingBreak = lineEnd;
    lineStart = raw.charCodeAt(lineEnd) === 0x0d && raw.charCodeAt(lineEnd + 1) === 0x0a ? lineEnd + 2 : lineEnd + 1;
  }
  const notes: SqueezeNotes = { pageBreaks, lineStarts, indents, digitSpaceFrom, raw };
  const rejoin = rejoinMayChange(out, len, notes);
  if (rejoin) len = rejoinPdfText(out, map, len, notes);
  map[len] = n;
  // a view when characters were dropped: its buffer is at most raw.length + 1 offsets long
  const toOriginal = len === n ? map : map.subarray(0, len + 1);
  return { text: decodeUtf16(out.subarray(0, len), hasSurrogate), toOriginal };
}

function hasLineBreak(raw: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (CODE_CLASS[raw.charCodeAt(i)] & K_LINE_BREAK) return true;
  return false;
}

const UTF16_DECODER = typeof TextDecoder === 'function' ? tryDecoder() : null;
function tryDecoder(): TextDecoder | null {
  try {
    return new TextDecoder('utf-16le');
  } catch {
    return null;
  }
}
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * Code units → string. TextDecoder is an order of magnitude faster than String.fromCharCode, but it
 * replaces lone surrogates with U+FFFD, so text containing surrogates takes the exact slow path.
 */
function decodeUtf16(codes: Uint16Array, hasSurrogate: boolean): string {
  if (UTF16_DECODER && LITTLE_ENDIAN && !hasSurrogate) return UTF16_DECODER.decode(codes);
  const CHUNK = 8192;
  let s = '';
  for (let i = 0; i < codes.length; i += CHUNK) s += String.fromCharCode(...codes.subarray(i, i + CHUNK));
  return s;
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
  for (;;) {
    const nl = text.indexOf('\n', start);
    const end = nl < 0 ? text.length : nl;
    lines.push({ index: lines.length, start, end, text: text.slice(start, end) });
    if (nl < 0) return lines;
    start = nl + 1;
  }
}
