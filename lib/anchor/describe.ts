/** Describing a range of the notice text as W3C TextQuoteSelector + TextPositionSelector. */
import type { Selectors } from './types';
import { isHighSurrogate, isLowSurrogate } from './chars';

export const DEFAULT_CONTEXT_CHARS = 32;

/** Selectors for text[start, end); prefix/suffix never cut a surrogate pair. Throws RangeError on a bad range. */
export function describeRange(
  text: string,
  start: number,
  end: number,
  contextChars: number = DEFAULT_CONTEXT_CHARS,
): Selectors {
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
  let suffixEnd = Math.min(text.length, end + contextChars);
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
