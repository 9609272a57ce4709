/**
 * Repairs text copied out of a PDF (or read from a PDF's text layer) inside normalizeText, editing the
 * squeezed code units and their offset map in place, so offsets still map exactly to the raw input:
 * - page furniture: page-number lines (`— 3 —`, `-3-`, `第3页`, `第 3 页 共 10 页`, `共10页 第3页`) and
 *   running headers (a short line seen next to two or more page breaks) are dropped;
 * - hard wraps: when the text looks hard-wrapped (many lines of about the same width — a right margin),
 *   a line that reaches the margin, does not end a sentence and is not followed by an outline marker is
 *   joined with the next line (CJK: no space; Latin/digits on both sides: one space);
 * - `2024 年 3 月 14 日`: a space between an ASCII digit and a CJK ideograph is removed.
 * Only removes characters (or turns a `\n` into a space), so the map stays monotone.
 */

/** A page-number line: only these forms, always a whole line. */
export const PAGE_NUMBER_LINE =
  /^(?:[—–\-－]{1,2}\s*\d{1,4}\s*[—–\-－]{1,2}|第\s*\d{1,4}\s*页(?:\s*[，,/／]?\s*共\s*\d{1,4}\s*页)?|共\s*\d{1,4}\s*页\s*[，,/／]?\s*第\s*\d{1,4}\s*页)$/;

/** First characters a page-number line can have (checked before building the line's string). */
const PAGE_NUMBER_START = new Set([...'—–-－第共'].map((c) => c.charCodeAt(0)));

/** Outline markers and other line starts that always begin a new block. */
export const BLOCK_START =
  /^(?:[一二三四五六七八九十百]+[、.]|[（(][一二三四五六七八九十百\d]+[)）]|\d{1,3}(?:[、]|\.(?!\d))|[①-⑳]|第[一二三四五六七八九十百\d]+[章节条部分项]|问题\d|附件|附：)/;

/** Line ends that close a paragraph when the text has no indents to tell (`；` does not: enumerations go on). */
const SENTENCE_END = '。！？：!?…';
const CLOSERS = '”’）)」』】》';

interface Line {
  start: number;
  end: number;
  indent?: boolean;
}

function isIdeograph(c: number): boolean {
  return (c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff);
}
function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}
function isAsciiWord(c: number): boolean {
  return isDigit(c) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}
/** A space at i between a digit and an ideograph (either order). */
function isDigitSpace(codes: Uint16Array, i: number): boolean {
  const a = codes[i - 1];
  const b = codes[i + 1];
  return codes[i] === 0x20 && ((isDigit(a) && isIdeograph(b)) || (isIdeograph(a) && isDigit(b)));
}

function lineText(codes: Uint16Array, l: Line): string {
  return String.fromCharCode(...codes.subarray(l.start, Math.min(l.end, l.start + 200)));
}

/** Estimated printed width: CJK and full-width forms count 2, others 1. */
function visualWidth(codes: Uint16Array, l: Line): number {
  let width = 0;
  for (let i = l.start; i < l.end; i++) width += codes[i] >= 0x2e80 ? 2 : 1;
  return width;
}

function endsSentence(codes: Uint16Array, l: Line): boolean {
  let i = l.end - 1;
  while (i > l.start && CLOSERS.includes(String.fromCharCode(codes[i]))) i--;
  return SENTENCE_END.includes(String.fromCharCode(codes[i]));
}

/** Short lines touching two or more page breaks (where page-number lines were): running headers/footers. */
function runningHeaders(codes: Uint16Array, lines: Line[], breaks: ReadonlySet<number>): number[] {
  const byText = new Map<string, number[]>();
  lines.forEach((l, i) => {
    if (l.end - l.start > 40 || !(breaks.has(l.end) || breaks.has(l.start - 1))) return;
    const key = lineText(codes, l);
    byText.set(key, [...(byText.get(key) ?? []), i]);
  });
  return [...byText.values()].filter((idx) => idx.length >= 2).flat();
}

/** Which lines reach the right margin of a hard-wrapped text; null when the text is not hard-wrapped. */
function marginLines(codes: Uint16Array, lines: Line[]): boolean[] | null {
  if (!mayBeHardWrapped(Int32Array.from(lines, (l) => l.end - l.start))) return null;
  const widths = lines.map((l) => visualWidth(codes, l));
  const measured = widths.filter((w) => w >= 16).sort((a, b) => a - b);
  if (measured.length < 4) return null;
  const margin = measured[Math.floor(measured.length * 0.8)];
  if (margin > 180) return null;
  const full = widths.map((w) => w >= margin * 0.88 && w <= margin * 1.08);
  const count = full.filter(Boolean).length;
  return count >= 3 && count >= measured.length * 0.4 ? full : null;
}

/**
 * The cheap first look at line lengths in characters (a printed width is 1–2× the count): could these lines
 * be hard-wrapped at a margin? Most pages stop here. `lengths` is reordered.
 */
export function mayBeHardWrapped(lengths: Int32Array): boolean {
  let count = 0;
  for (let i = 0; i < lengths.length; i++) if (lengths[i] >= 8) lengths[count++] = lengths[i];
  const long = lengths.subarray(0, count).sort(); // a typed array sorts numerically
  if (long.length < 4) return false;
  const typical = long[Math.floor(long.length * 0.8)];
  if (typical > 180) return false;
  let near = 0;
  for (let i = 0; i < long.length; i++) if (long[i] >= typical * 0.6 && long[i] <= typical * 1.6) near++;
  return near >= long.length * 0.4;
}

type Joint = 'break' | 'join' | 'space';

/**
 * How each kept line continues into the next one. A line reaching the margin continues into the next
 * unless that one opens a block (outline marker). When the text marks paragraphs by indenting their
 * first line (PDF text layers, Word copies), the indent decides; otherwise sentence punctuation at the
 * end of the line does.
 */
function joints(codes: Uint16Array, kept: Line[]): Joint[] {
  const margin = marginLines(codes, kept);
  const indented = kept.filter((l) => l.indent).length;
  const usesIndent = indented >= 2 && indented < kept.length * 0.9;
  return kept.map((l, k) => {
    const next = kept[k + 1];
    if (!next || margin === null || !margin[k] || l.end === l.start) return 'break';
    if (BLOCK_START.test(lineText(codes, next))) return 'break';
    if (usesIndent ? next.indent : endsSentence(codes, l)) return 'break';
    return isAsciiWord(codes[l.end - 1]) && isAsciiWord(codes[next.start]) ? 'space' : 'join';
  });
}

/** What normalizeText noted while squeezing: where lines start, where page footers were, any `2024 年` space. */
export interface SqueezeNotes {
  pageBreaks: readonly number[];
  lineStarts: readonly number[];
  /** per line: indented by two or more spaces in the raw text */
  indents: readonly boolean[];
  /** position of the first space between a digit and an ideograph, -1 when there is none */
  digitSpaceFrom: number;
  /** The raw input `map` points into: a tab there separates cells (a copied table row) and is kept. */
  raw: string;
}

/** A line this short starting with this character may be a page number (PAGE_NUMBER_LINE decides). */
export function mayBePageNumberLine(first: number, length: number): boolean {
  return length <= 24 && PAGE_NUMBER_START.has(first);
}

/**
 * Whether rejoinPdfText may change anything, read from the notes and the line lengths alone (before any Line
 * is built). False only when no page footer was dropped, no `2024 年` space was seen, no line is short and
 * starts like a page number, and the lengths do not look hard-wrapped: then rejoinPdfText would drop
 * nothing, join nothing and return `len` with the codes untouched.
 */
export function rejoinMayChange(codes: Uint16Array, len: number, notes: SqueezeNotes): boolean {
  if (len === 0) return false;
  if (notes.pageBreaks.length > 0 || notes.digitSpaceFrom >= 0) return true;
  const starts = notes.lineStarts;
  const lengths = new Int32Array(starts.length);
  for (let i = 0; i < starts.length; i++) {
    lengths[i] = (i + 1 < starts.length ? starts[i + 1] - 1 : len) - starts[i];
    if (mayBePageNumberLine(codes[starts[i]], lengths[i])) return true;
  }
  return mayBeHardWrapped(lengths);
}

/** Repairs `codes[0..len)` (lines separated by `\n`, `map` alongside) in place and returns the new length. */
export function rejoinPdfText(codes: Uint16Array, map: Uint32Array, len: number, notes: SqueezeNotes): number {
  if (len === 0) return 0;
  const starts = notes.lineStarts;
  const all: Line[] = starts.map((start, i) => ({ start, end: i + 1 < starts.length ? starts[i + 1] - 1 : len, indent: notes.indents[i] }));
  const breaks = new Set(notes.pageBreaks);
  const drop = new Set<number>();
  all.forEach((l, i) => {
    if (l.end - l.start > 24 || !PAGE_NUMBER_START.has(codes[l.start]) || !PAGE_NUMBER_LINE.test(lineText(codes, l))) return;
    drop.add(i);
    breaks.add(l.start - 1).add(l.end);
  });
  if (breaks.size) for (const i of runningHeaders(codes, all, breaks)) drop.add(i);
  const kept = drop.size ? all.filter((_, i) => !drop.has(i)) : all;
  // decide everything before compacting: compaction overwrites codes it has read
  const how = joints(codes, kept);
  if (!drop.size && notes.digitSpaceFrom < 0 && !how.some((j) => j !== 'break')) return len;
  const breakMaps = kept.map((l) => map[l.end]); // the `\n` after each line
  let w = 0;
  // copy each line's runs between removed spaces with copyWithin (a memmove); a run moves left
  // by at least one when anything was removed before it, so the codes still to be read stay intact
  const copy = (from: number, to: number) => {
    codes.copyWithin(w, from, to);
    map.copyWithin(w, from, to);
    w += to - from;
  };
  kept.forEach((l, k) => {
    let run = l.start;
    if (notes.digitSpaceFrom >= 0 && l.end > notes.digitSpaceFrom) {
      for (let i = Math.max(l.start + 1, notes.digitSpaceFrom); i + 1 < l.end; i++) {
        if (codes[i] !== 0x20 || !isDigitSpace(codes, i) || notes.raw.charCodeAt(map[i]) === 0x09) continue;
        copy(run, i);
        run = i + 1;
      }
    }
    copy(run, l.end);
    if (k + 1 === kept.length || how[k] === 'join') return;
    codes[w] = how[k] === 'space' ? 0x20 : 0x0a;
    map[w++] = breakMaps[k];
  });
  return w;
}
