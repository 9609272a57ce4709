/** W3C selectors for a passage, for tests, benchmarks and sample reviews that annotate known text. */

/**
 * The TextQuote and TextPosition selectors of the first occurrence of `exact` in `text`, with `before` and
 * `after` characters of context; throws when `exact` is absent (a typo in a fixture cannot pass silently).
 */
export function selectorsOf(text: string, exact: string, context: { before?: number; after?: number } = {}) {
  const start = text.indexOf(exact);
  if (start < 0) throw new Error(`quote not in text: ${exact}`);
  const end = start + exact.length;
  const { before = 0, after = 0 } = context;
  return {
    quote: { type: 'TextQuoteSelector' as const, exact, prefix: text.slice(Math.max(0, start - before), start), suffix: text.slice(end, end + after) },
    position: { type: 'TextPositionSelector' as const, start, end },
  };
}
