/** Re-anchoring entry points: quote at its stored offsets with its context → exact occurrences → fuzzy near the hint → fuzzy everywhere → orphan. */
import type { TextPositionSelector } from '@/lib/schema';
import type { AnchorOutcome, AnchorResult, Selectors } from './types';
import { MAX_FUZZY_ERRORS, QuoteScorer, type Candidate } from './scoring';
import { decide, decideExact, margin, round3 } from './decide';
import { fuzzyCandidates } from './fuzzy';

/** The quote at its stored offsets is taken at once when both sides of its context are this similar. */
const HINT_CONTEXT = 0.8;
/** …or when one side is intact but for a char or three (the other rewritten). */
const HINT_ONE_SIDE = 0.9;
/** Chars searched on each side of the position hint before the whole text (large pages only). */
const HINT_WINDOW = 4096;
/** Scores are rounded to 3 decimals: the evidence behind one is at least this much lower. */
const SCORE_ROUNDING = 0.0005;

/** Re-anchor one annotation; null ⇒ orphan (keep it, show it, never delete it). */
export function anchor(text: string, sel: Selectors): AnchorResult | null {
  return resultOf(locate(text, sel));
}

/** Re-anchor many annotations on the same text, sharing the occurrence lookups (see NoticeTextIndex). */
export function anchorAll(text: string, sels: Selectors[]): Array<AnchorResult | null> {
  return locateAll(text, sels).map(resultOf);
}

/** Like anchor, but an orphan says why, and lists the equally good places when there are several. */
export function locate(text: string, sel: Selectors): AnchorOutcome {
  return locateIn(new NoticeTextIndex(text), sel);
}

export function locateAll(text: string, sels: Selectors[]): AnchorOutcome[] {
  const index = new NoticeTextIndex(text);
  return sels.map((sel) => locateIn(index, sel));
}

function resultOf(o: AnchorOutcome): AnchorResult | null {
  return o.status === 'anchored' ? o.result : null;
}

const NOT_FOUND: AnchorOutcome = { status: 'orphaned', reason: 'not-found', candidates: [] };

function locateIn(index: NoticeTextIndex, sel: Selectors): AnchorOutcome {
  const { text } = index;
  const exact = sel?.quote?.exact;
  if (typeof exact !== 'string' || exact.length === 0 || text.length === 0 || exact.length > text.length + MAX_FUZZY_ERRORS) {
    return NOT_FOUND;
  }
  const q = new QuoteScorer(text, sel);

  const atHint = positionHint(q, sel.position);
  if (atHint) return { status: 'anchored', result: atHint };

  const exactMatches = index.occurrences(exact).map((start) => q.candidate(start, start + exact.length, 0));
  q.exactCount = exactMatches.length;
  const fast = decideExact(exactMatches, q);
  if (fast !== undefined) return fast;

  return nearHint(q, exactMatches) ?? decide(fuzzyCandidates(q, exactMatches), q);
}

function positionHint(q: QuoteScorer, position: TextPositionSelector | undefined): AnchorResult | null {
  if (!position || !Number.isInteger(position.start) || position.end - position.start !== q.exact.length) return null;
  if (q.text.slice(position.start, position.end) !== q.exact) return null;
  const c = q.candidate(position.start, position.end, 0);
  // A side that cannot be compared (none stored, or the text ends there) does not object.
  const sideOk = (sim: number, stored: string, room: number) => sim >= HINT_CONTEXT || stored.length === 0 || room === 0;
  const bothSides = sideOk(c.prefixSim, q.prefix, c.start) && sideOk(c.suffixSim, q.suffix, q.text.length - c.end);
  const ok = bothSides || Math.max(c.prefixSim, c.suffixSim) >= HINT_ONE_SIDE;
  return ok ? { start: c.start, end: c.end, method: 'position', score: round3(c.evidence) } : null;
}

/**
 * On a large text with no exact occurrence, the fuzzy search first runs on a window around the
 * position hint. Its answer stands only when the full scan could not change it: the match found is
 * so good that nothing elsewhere can lead it by the margin, and so near the hint that anything
 * elsewhere tied with it is clearly farther (the hint breaks that tie). Undefined ⇒ scan everything.
 */
function nearHint(q: QuoteScorer, exactMatches: Candidate[]): AnchorOutcome | undefined {
  const n = q.exact.length;
  const hint = q.hintStart;
  if (exactMatches.length > 0 || hint < 0 || q.text.length < 4 * HINT_WINDOW) return undefined;
  const span = { from: Math.max(0, hint - HINT_WINDOW), to: Math.min(q.text.length, hint + n + HINT_WINDOW) };
  const outcome = decide(fuzzyCandidates(q, [], span), q);
  if (outcome.status !== 'anchored') return undefined;
  const { start, score } = outcome.result;
  const unbeatable = score - SCORE_ROUNDING > q.evidenceBound(0) - margin(q);
  const clearlyNearest = Math.abs(start - hint) * 4 < HINT_WINDOW - 2 * (n + q.acceptErrors);
  return unbeatable && clearlyNearest ? outcome : undefined;
}

/**
 * What anchorAll shares across annotations: exact occurrences per distinct quote (annotations on a
 * template phrase such as 【已完成整改，并长期坚持】 share one scan). A bigram → positions index was
 * measured and dropped: on the longest seed (26 000 chars) building it costs 2–5 ms, more than the
 * 500 native `indexOf` scans it would replace (~1.7 ms).
 */
class NoticeTextIndex {
  private readonly occurrenceCache = new Map<string, number[]>();

  constructor(readonly text: string) {}

  /** Start offsets of every (possibly overlapping) occurrence of `quote`, ascending. */
  occurrences(quote: string): number[] {
    let found = this.occurrenceCache.get(quote);
    if (!found) {
      found = [];
      for (let i = this.text.indexOf(quote); i >= 0; i = this.text.indexOf(quote, i + 1)) found.push(i);
      this.occurrenceCache.set(quote, found);
    }
    return found;
  }
}
