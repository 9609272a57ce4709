// Status cues: the rules' matches in an item's text (found by the one-pass scan, status-scan.ts), quotes skipped,
// overlaps resolved.

import { Offsets, scanCues, type Found, type Marks } from './status-scan';
import { RULES, type Cue } from './status-rules';

export type { Cue } from './status-rules';
export type { Found } from './status-scan';

const STRENGTH: Record<Cue, number> = { open: 4, strong: 3, weak: 2, action: 1.5, progress: 1 };

/** The index of the first offset ≥ `pos` in an ascending list, reading forward from index `k` (a cursor that only grows). */
function seek(list: Offsets, k: number, pos: number): number {
  while (k < list.size && list.data[k] < pos) k++;
  return k;
}

/** The offset at index `k` of a list, or -1 past its end. */
function at(list: Offsets, k: number): number {
  return k < list.size ? list.data[k] : -1;
}

/** quotedRanges's answer, reused from call to call. */
const QUOTES = new Offsets();

/**
 * Quoted words and titles (“…”, 《…》) between the marks the scan noted (absolute offsets): a 正在 or 已完成
 * inside them is a name, not a report. A quote open longer than 40 characters (a title: 200) or across a
 * newline is unbalanced: treat it as plain text, resuming after the character where it was given up.
 * The ranges come as start, end, start, end… in one reused list (valid until the next call).
 */
export function quotedRanges(marks: Marks): Offsets {
  const out = QUOTES;
  out.size = 0;
  if (marks.quoteOpens.size === 0 && marks.titleOpens.size === 0) return out;
  // cursors into the five lists (plain indexes: no object per item)
  let quote = 0;
  let title = 0;
  let quoteEnd = 0;
  let titleEnd = 0;
  let newline = 0;
  let i = -1; // (offsets are absolute: the first search starts at the slice's first character)
  for (;;) {
    quote = seek(marks.quoteOpens, quote, i);
    title = seek(marks.titleOpens, title, i);
    const q = at(marks.quoteOpens, quote);
    const t = at(marks.titleOpens, title);
    if (q < 0 && t < 0) break;
    const isTitle = q < 0 || (t >= 0 && t < q);
    const open = isTitle ? t : q;
    let close: number;
    if (isTitle) close = at(marks.titleCloses, (titleEnd = seek(marks.titleCloses, titleEnd, open + 1)));
    else close = at(marks.quoteCloses, (quoteEnd = seek(marks.quoteCloses, quoteEnd, open + 1)));
    const nl = at(marks.newlines, (newline = seek(marks.newlines, newline, open + 1)));
    const giveUp = open + (isTitle ? 200 : 40) + 1; // a closer here still counts, anything else ends the quote
    if (close >= 0 && close <= giveUp && (nl < 0 || close < nl)) {
      out.push(open);
      out.push(close + 1);
      i = close + 1;
    } else i = (nl >= 0 && nl < giveUp ? nl : giveUp) + 1;
  }
  return out;
}

/**
 * Every rule's matches in [from, to), found in one pass over the slice: at each character that can
 * start a match, the rules starting with it are tried there. A rule resumes after its previous match
 * (as a global search would), so its matches never overlap one another. When `breaks` is given, the
 * offset just after each clause break (。；！？ newline ：，) in the range is appended to it, in order.
 */
export function findCues(text: string, from: number, to: number, slice = text.slice(from, to)): Found[] {
  return readCues(text, from, slice).cues.map((f) => ({ ...f })); // (copies: the scan's own objects are reused)
}

/** findCues's cues with the marks its scan noted, both valid until the next scan (the cue objects are reused). */
export function readCues(text: string, from: number, slice: string): { cues: Found[]; marks: Marks } {
  const { found, marks } = scanCues(text, from, slice);
  // overlapping matches: keep the earlier one, at equal start the more telling cue, then the longer, then the earlier rule
  sortNearlySorted(found, byPrecedence);
  const quotes = quotedRanges(marks);
  // the kept cues are compacted to the front of `found` (no second array): out = found[0, kept)
  const out = found;
  let kept = 0;
  let q = 0; // quote k is [quotes.data[2k], quotes.data[2k + 1])
  for (let k = 0; k < found.length; k++) {
    const f = found[k];
    while (q < quotes.size && quotes.data[q + 1] <= f.start) q += 2;
    if (q < quotes.size && quotes.data[q] < f.start && f.end <= quotes.data[q + 1]) continue;
    const last = kept > 0 ? out[kept - 1] : undefined;
    if (last && f.start < last.end) {
      // an open cue inside a done phrase (`已进入协商整改的最后阶段`) decides the phrase
      if (f.cue === 'open' && last.cue !== 'open') out[kept - 1] = f;
      // a completion claim inside a dated step (`截至3月，所有债权已完成挂账处理`) is the better reading
      else if (last.cue === 'action' && (f.cue === 'strong' || f.cue === 'weak')) out[kept - 1] = f;
      continue;
    }
    out[kept++] = f;
  }
  out.length = kept;
  return { cues: out, marks };
}

/** Start, then the more telling cue, then the longer, then the earlier rule: a total order (a rule never matches twice at one start). */
function byPrecedence(a: Found, b: Found): number {
  return a.start - b.start || STRENGTH[b.cue] - STRENGTH[a.cue] || b.end - a.end || a.rule - b.rule;
}

/**
 * Insertion sort, in place: the scan finds matches in nearly ascending start order (only a rule that starts
 * before its pattern, `推进中`, steps back), so this is about one comparison per element, with no copy of the
 * array as Array.prototype.sort makes.
 */
export function sortNearlySorted<T>(list: T[], compare: (a: T, b: T) => number): void {
  for (let i = 1; i < list.length; i++) {
    const x = list[i];
    let j = i - 1;
    while (j >= 0 && compare(list[j], x) > 0) {
      list[j + 1] = list[j];
      j--;
    }
    list[j + 1] = x;
  }
}

/** The rules' patterns, in rule order (for tests that check the literal heads findCues relies on). */
export function cuePatterns(): RegExp[] {
  return RULES.map((r) => r.re);
}
