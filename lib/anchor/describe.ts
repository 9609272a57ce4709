/** Describing a range of the notice text as W3C TextQuoteSelector + TextPositionSelector. */
import search from 'approx-string-match';
import type { Selectors } from './types';
import { isHighSurrogate, isLowSurrogate } from './chars';

export const DEFAULT_CONTEXT_CHARS = 32;
/** Widest context a repeated passage gets on each side. */
export const MAX_CONTEXT_CHARS = 256;
/** Another place this similar to prefix + quote + suffix (share of differing chars) is a near-copy. */
const NEAR_COPY_DIFFERENCE = 0.2;

/**
 * Selectors for text[start, end); prefix/suffix never cut a surrogate pair. Throws RangeError on a bad range.
 * Notices repeat themselves (template sentences, body sentences copied into the 台账, lists of
 * near-identical lines): when prefix + quote + suffix has a near-copy elsewhere in the text, the
 * context of that side (or of both) is doubled, up to MAX_CONTEXT_CHARS, until it has none, so that
 * deleting or editing the annotated copy later cannot make the other one look like it (a list entry's
 * suffix then reaches the next entry). `widen: false` keeps contextChars on both sides.
 */
export function describeRange(
  text: string,
  start: number,
  end: number,
  contextChars: number = DEFAULT_CONTEXT_CHARS,
  { widen = contextChars > 0 }: { widen?: boolean } = {},
): Selectors {
  let before = contextChars;
  let after = contextChars;
  let sel = describeWith(text, start, end, before, after);
  while (widen) {
    const { prefix, suffix } = sel.quote;
    // A side can grow unless it is at its widest or already reaches the text's edge.
    const canBefore = before < MAX_CONTEXT_CHARS && prefix.length >= before - 1;
    const canAfter = after < MAX_CONTEXT_CHARS && suffix.length >= after - 1;
    // Each side on its own (quote + prefix, quote + suffix), then the whole passage.
    let growBefore = canBefore && hasNearCopy(text, start - prefix.length, end);
    let growAfter = canAfter && hasNearCopy(text, start, end + suffix.length);
    if (!growBefore && !growAfter && (canBefore || canAfter) && hasNearCopy(text, start - prefix.length, end + suffix.length)) {
      growBefore = canBefore;
      growAfter = canAfter;
    }
    if (!growBefore && !growAfter) break;
    if (growBefore) before = Math.min(MAX_CONTEXT_CHARS, before * 2);
    if (growAfter) after = Math.min(MAX_CONTEXT_CHARS, after * 2);
    sel = describeWith(text, start, end, before, after);
  }
  return sel;
}

/**
 * A character no notice contains. Built at run time: a literal U+FFFF would be written raw into the bundle, and
 * Chrome refuses to load a content script holding a Unicode noncharacter ("It isn't UTF-8 encoded").
 */
const BLANK = String.fromCharCode(0xffff);

/** Whether text[from, to) occurs elsewhere with at most NEAR_COPY_DIFFERENCE of its chars different. */
function hasNearCopy(text: string, from: number, to: number): boolean {
  if (from === 0 && to === text.length) return false;
  // The passage itself is blanked out, so what is found is elsewhere (possibly overlapping it in part).
  const blanked = text.slice(0, from) + BLANK.repeat(to - from) + text.slice(to);
  const passage = text.slice(from, to);
  return search(blanked, passage, Math.floor(passage.length * NEAR_COPY_DIFFERENCE)).length > 0;
}

function describeWith(text: string, start: number, end: number, contextChars: number, after = contextChars): Selectors {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length || start >= end) {
    throw new RangeError(`无效的文本范围：${start}–${end}（文本长度 ${text.length}）`);
  }
  if (!Number.isInteger(contextChars) || contextChars < 0) {
    throw new RangeError(`无效的上下文长度：${contextChars}`);
  }
  let prefixStart = Math.max(0, start - contextChars);
  if (prefixStart > 0 && isLowSurrogate(text.charCodeAt(prefixStart)) && isHighSurrogate(text.charCodeAt(prefixStart - 1))) {
    prefixStart += 1;
  }
  let suffixEnd = Math.min(text.length, end + after);
  if (suffixEnd < text.length && isLowSurrogate(text.charCodeAt(suffixEnd)) && isHighSurrogate(text.charCodeAt(suffixEnd - 1))) {
    suffixEnd -= 1;
  }
  return {
    quote: {
      type: 'TextQuoteSelector',
      exact: text.slice(start, end),
      prefix: text.slice(Math.min(prefixStart, start), start),
      suffix: text.slice(end, Math.max(suffixEnd, end)),
    },
    position: { type: 'TextPositionSelector', start, end },
  };
}

/** Whitespace a reader does not see as part of a selection: line breaks, spaces, NBSP, ideographic space. */
const isBlank = (c: string) => /\s/.test(c);

/**
 * text[start, end) without its leading and trailing whitespace (a drag that starts at the end of the line
 * above, a triple click that takes the paragraph's line break). Null when nothing visible is left.
 */
export function trimRange(text: string, start: number, end: number): { start: number; end: number } | null {
  let s = Math.max(0, start);
  let e = Math.min(text.length, end);
  while (s < e && isBlank(text[s])) s++;
  while (e > s && isBlank(text[e - 1])) e--;
  return e > s ? { start: s, end: e } : null;
}
