/** Deciding among candidates: acceptance (evidence, context support, neighbours), margin over rivals, ties, boundary refinement. */
import type { AnchorCandidate, AnchorOutcome, AnchorResult, OrphanReason } from './types';
import { contextDistance, contextSimilarity, type Candidate, type QuoteScorer } from './scoring';
import { isBlank, nonBlank, snapToCodePoints } from './chars';

/** Minimum evidence (quote + prefix + suffix, without position) for a candidate to be taken. */
export const ANCHOR_THRESHOLD = 0.75;
/** Minimum lead in evidence of the taken candidate over the best non-overlapping rival, when context is stored. */
export const ANCHOR_MARGIN = 0.05;
/** Without any stored context the lead is counted in quote chars: one fewer error, two for short quotes. */
const SHORT_QUOTE = 8;
/** A side's context agrees at this similarity; an exact match agreeing on both sides skips the fuzzy search. */
const STRONG_CONTEXT = 0.8;
/** A side of the context is intact but for a few chars (≤ 3 of 32). */
const INTACT_CONTEXT = 0.9;
/** Chars from its stored offset within which a unique quote may have one side of its context rewritten. */
const NEAR_HINT = 48;
/** Non-blank context chars within the quote's own paragraph needed for one-sided support. */
const MIN_BLOCK_CONTEXT = 4;
/** Boundaries of a fuzzy match are refined when it has at most this many errors (and a short quote). */
const REFINE_MAX_ERRORS = 8;
const REFINE_MAX_QUOTE = 256;
/** An altered quote is trusted only if prefix + quote + suffix together are at least this similar. */
const FUZZY_PASSAGE_SIMILARITY = 0.9;
/** The position hint breaks a tie when the nearest contender is this many times nearer than the next. */
const HINT_TIE_RATIO = 4;

/** Lead over every rival that makes a candidate clearly better (see ANCHOR_MARGIN, SHORT_QUOTE). */
export function margin(q: QuoteScorer): number {
  if (q.hasContext) return ANCHOR_MARGIN;
  const chars = q.exact.length <= SHORT_QUOTE ? 2 : 1;
  return chars * q.quoteCharWeight() * (1 - 1e-9);
}

/**
 * Exact occurrences alone settle the question when the best one has strong context on both sides
 * (anchored, or orphaned when tied with another); undefined ⇒ look further (fuzzy).
 */
export function decideExact(cands: Candidate[], q: QuoteScorer): AnchorOutcome | undefined {
  if (cands.length === 0) return undefined;
  const best = cands.reduce((a, b) => (b.evidence > a.evidence ? b : a));
  if (Math.min(best.prefixSim, best.suffixSim) < STRONG_CONTEXT) return undefined;
  return decide(cands, q);
}

/**
 * Take the best candidate if its evidence is sufficient and it clearly beats every rival elsewhere.
 * Equally good places (within the margin) are a tie: the position hint settles it when one is clearly
 * the nearest, else a single place whose quote and context are all identical; otherwise orphan, with
 * the tied places listed.
 */
export function decide(cands: Candidate[], q: QuoteScorer): AnchorOutcome {
  const sorted = [...cands].sort((a, b) => b.evidence - a.evidence || a.distance - b.distance || a.start - b.start);
  const best = sorted[0];
  if (!best || !acceptable(best, q)) return orphaned('not-found', []);
  const contenders = tiedWith(best, sorted, margin(q));
  if (contenders.length === 1) return anchored(refineBounds(best, q));
  const nearest = clearlyNearest(contenders);
  if (nearest && acceptable(nearest, q)) return anchored(refineBounds(nearest, q));
  const perfect = contenders.filter((c) => c.errors === 0 && c.contextExact && acceptable(c, q));
  if (perfect.length === 1) return anchored(perfect[0]);
  return orphaned('ambiguous', contenders);
}

/** `best` and every candidate elsewhere (not overlapping one already kept) less than `lead` behind it. */
function tiedWith(best: Candidate, sorted: Candidate[], lead: number): Candidate[] {
  const kept = [best];
  for (const c of sorted) {
    if (c.evidence <= best.evidence - lead) break;
    if (!kept.some((k) => overlaps(k, c))) kept.push(c);
  }
  return kept;
}

/** The contender clearly nearest the position hint, if the hint tells them apart. */
function clearlyNearest(contenders: Candidate[]): Candidate | null {
  const byDistance = [...contenders].sort((a, b) => a.distance - b.distance);
  const [first, second] = byDistance;
  // Places not searched (an unexplored remainder, end < 0) could lie anywhere, near the hint too.
  if (!Number.isFinite(second.distance) || contenders.some((c) => c.end < 0)) return null;
  return first.distance * HINT_TIE_RATIO < second.distance ? first : null;
}

/**
 * Enough evidence on its own. Without stored context: a quote with at most acceptErrors errors (the
 * margin decides). With context: quote and context together reach the threshold, and an altered quote
 * (errors > 0) additionally has its surroundings nearly intact, since a template sentence elsewhere
 * with a few words changed looks exactly like an edited quote.
 */
export function acceptable(c: Candidate, q: QuoteScorer): boolean {
  if (c.errors > q.acceptErrors) return false;
  if (!q.hasContext) return true;
  if (takesNeighboursPlace(c, q)) return false;
  // A quote found verbatim only once needs less of its context (below the threshold when one side is unknown).
  if (c.errors === 0 && q.exactCount === 1 && uniqueQuoteContext(c, q)) return true;
  if (c.evidence < ANCHOR_THRESHOLD) return false;
  if (c.errors === 0) return contextSupports(c, q);
  return c.passageSim >= FUZZY_PASSAGE_SIMILARITY;
}

/**
 * A candidate lying in a paragraph that looks more like the one the stored context says comes right
 * before (or after) the quote than like the quote itself is that neighbour, not the quote. In a list of
 * near-identical lines (`2.中共…古三村委员会…台账`, `3.中共…六坊村委员会…台账`), deleting an entry
 * brings its neighbour into its place with the same surroundings and only a few chars changed.
 * Not, though, when the paragraph actually next to it matches the stored neighbour at least as well
 * (an altered quote: both exactly), as when items all end alike (`【已完成整改，并长期坚持】`).
 */
function takesNeighboursPlace(c: Candidate, q: QuoteScorer): boolean {
  const { text } = q;
  // How far the candidate's paragraph is from the quote's: quote errors plus the stored context within it.
  const ownDistance = () =>
    c.errors + contextDistance(q.prefixNear, text, c.start, -1) + contextDistance(q.suffixNear, text, c.end, +1);
  // Closer to the neighbour (fewer differing chars) than to the quote, close in absolute terms, and
  // not explained by the candidate's own neighbour on that side (at `actual`, −1: none).
  const neighbourLike = (stored: string, at: number, actual: number, dir: -1 | 1) => {
    if (nonBlank(stored) < MIN_BLOCK_CONTEXT) return false;
    const dist = contextDistance(stored, text, at, dir);
    if (dist >= ownDistance() || dist > (1 - STRONG_CONTEXT) * stored.length) return false;
    if (actual < 0) return true;
    // The paragraph actually next to it is (at least) as much the stored neighbour: template endings.
    const actualDist = contextDistance(stored, text, actual, dir);
    return c.errors === 0 ? dist < actualDist : dist > 0 || actualDist > 0;
  };
  const lineStart = text.lastIndexOf('\n', c.start - 1) + 1;
  const lineEnd = text.indexOf('\n', c.end);
  const nl = q.suffix.indexOf('\n');
  if (nl >= 0) {
    const next = q.suffix.slice(nl + 1).trimStart();
    const paraStart = skipBlanks(text, lineStart, c.start, +1);
    const nextStart = lineEnd < 0 ? -1 : skipBlanks(text, lineEnd, text.length, +1);
    if (neighbourLike(next, paraStart, nextStart, +1)) return true;
  }
  const pl = q.prefix.lastIndexOf('\n');
  if (pl >= 0) {
    const previous = q.prefix.slice(0, pl).trimEnd();
    const paraEnd = skipBlanks(text, lineEnd < 0 ? text.length : lineEnd, c.end, -1);
    const previousEnd = lineStart === 0 ? -1 : skipBlanks(text, lineStart, 0, -1);
    if (neighbourLike(previous, paraEnd, previousEnd, -1)) return true;
  }
  return false;
}

/** From `at` towards `limit`, past blank chars (dir +1: the first non-blank; −1: just after the last one). */
function skipBlanks(text: string, at: number, limit: number, dir: -1 | 1): number {
  if (dir > 0) {
    while (at < limit && isBlank(text.charCodeAt(at))) at++;
  } else {
    while (at > limit && isBlank(text.charCodeAt(at - 1))) at--;
  }
  return at;
}

/**
 * An exact quote needs its context: both sides agreeing; or one side agreeing on text of the quote's
 * own paragraph while the other side disagrees only beyond a paragraph break (the neighbouring
 * paragraph was deleted or rewritten). Notices repeat sentences, so agreement on one side is not
 * enough when the other side disagrees inside the paragraph (a copy in another paragraph), nor when
 * the agreeing side is only the neighbouring paragraph (a template sentence ending the previous item).
 * A side with no stored context (start/end of text, foreign selectors) neither supports nor objects.
 */
function contextSupports(c: Candidate, q: QuoteScorer): boolean {
  const prefixOk = q.prefix.length === 0 || c.prefixSim >= STRONG_CONTEXT;
  const suffixOk = q.suffix.length === 0 || c.suffixSim >= STRONG_CONTEXT;
  if (prefixOk && suffixOk) return true;
  const prefixNearOk = prefixOk || contextSimilarity(q.prefixNear, q.text, c.start, -1) >= STRONG_CONTEXT;
  const suffixNearOk = suffixOk || contextSimilarity(q.suffixNear, q.text, c.end, +1) >= STRONG_CONTEXT;
  if (!prefixNearOk || !suffixNearOk) return false;
  return (prefixOk && nonBlank(q.prefixNear) >= MIN_BLOCK_CONTEXT) || (suffixOk && nonBlank(q.suffixNear) >= MIN_BLOCK_CONTEXT);
}

/**
 * approx-string-match reports the leftmost start among equally cheap alignments; when an edit touches a
 * quote's edge, a neighbouring char may be swallowed. Move each boundary by up to `errors` chars to
 * where quote and context together differ least.
 */
function refineBounds(c: Candidate, q: QuoteScorer): Candidate {
  const k = c.errors;
  if (k === 0 || k > REFINE_MAX_ERRORS || q.exact.length > REFINE_MAX_QUOTE) return c;
  const { text, exact } = q;
  // Context costs depend on one boundary each: computed once per boundary, not per pair.
  const prefixCost = memo((start: number) => contextDistance(q.prefix, text, start, -1));
  const suffixCost = memo((end: number) => contextDistance(q.suffix, text, end, +1));
  // Equal costs (no context to tell): the length nearer the quote's, so a changed last char stays inside.
  const cost = (start: number, end: number, errors: number) =>
    errors + prefixCost(start) + suffixCost(end) + Math.abs(end - start - exact.length) / (exact.length + 1) / 2;
  let best = { start: c.start, end: c.end, errors: k, cost: cost(c.start, c.end, k) };
  const lastEnd = Math.min(text.length, c.end + k);
  for (let start = Math.max(0, c.start - k); start <= c.start + k; start++) {
    const row = editDistancesFrom(exact, text, start, lastEnd);
    for (let end = Math.max(start + 1, c.end - k); end <= lastEnd; end++) {
      const errors = row[end - start];
      if (errors > q.acceptErrors) continue;
      const total = cost(start, end, errors);
      if (total < best.cost) best = { start, end, errors, cost: total };
    }
  }
  const snapped = snapToCodePoints(text, best);
  if (snapped.start === c.start && snapped.end === c.end) return c;
  const refined = q.candidate(snapped.start, snapped.end, snapped.errors);
  return acceptable(refined, q) ? refined : c;
}

function memo(f: (at: number) => number): (at: number) => number {
  const seen = new Map<number, number>();
  return (at) => {
    let v = seen.get(at);
    if (v === undefined) seen.set(at, (v = f(at)));
    return v;
  };
}

/** out[j] = edit distance between `pattern` and text[from, from + j), for from + j ≤ to. */
function editDistancesFrom(pattern: string, text: string, from: number, to: number): Int32Array {
  const width = Math.max(0, to - from);
  let prev = new Int32Array(width + 1);
  let cur = new Int32Array(width + 1);
  for (let j = 0; j <= width; j++) prev[j] = j;
  for (let i = 1; i <= pattern.length; i++) {
    const c = pattern.charCodeAt(i - 1);
    cur[0] = i;
    for (let j = 1; j <= width; j++) {
      const sub = prev[j - 1] + (text.charCodeAt(from + j - 1) === c ? 0 : 1);
      cur[j] = Math.min(sub, prev[j] + 1, cur[j - 1] + 1);
    }
    [prev, cur] = [cur, prev];
  }
  return prev;
}

/**
 * A quote found verbatim exactly once keeps its place though its context changed: when no side of
 * the context differs (each intact but for a char or three, or cut off at the text's edge with what
 * is left intact, or never stored); or when one side is intact and the other differs, if it is near
 * its stored offset. Far away, that is what a copy of the sentence looks like once the annotated
 * paragraph is deleted (the 古镇 notice repeats `在整改过程中,坚持标本兼治…` and copies body sentences
 * into its 台账). Both sides merely similar is not enough: a template list repeated with a few words
 * changed (`“三会一课”、第一议题、民主评议党员、…`) looks just like that.
 */
function uniqueQuoteContext(c: Candidate, q: QuoteScorer): boolean {
  const prefix = c.prefixSim >= INTACT_CONTEXT || cutOffAtEdge(q.prefix, q.text, c.start, -1);
  const suffix = c.suffixSim >= INTACT_CONTEXT || cutOffAtEdge(q.suffix, q.text, c.end, +1);
  if (prefix && suffix) return true;
  return (prefix || suffix) && c.distance <= NEAR_HINT;
}

/** No stored context, or the text ends within it and what is left of it is intact. */
function cutOffAtEdge(stored: string, text: string, at: number, dir: -1 | 1): boolean {
  const room = dir < 0 ? at : text.length - at;
  if (stored.length === 0 || room === 0) return true;
  if (room >= stored.length) return false;
  const near = dir < 0 ? stored.slice(stored.length - room) : stored.slice(0, room);
  return contextDistance(near, text, at, dir) <= (1 - INTACT_CONTEXT) * room;
}

/** 'position' when the quote is unchanged at its stored offsets. */
export function toResult(c: Candidate): AnchorResult {
  const method = c.errors > 0 ? 'fuzzy' : c.distance === 0 ? 'position' : 'exact';
  return { start: c.start, end: c.end, method, score: round3(c.evidence) };
}

function toCandidate(c: Candidate): AnchorCandidate {
  return { start: c.start, end: c.end, method: c.errors === 0 ? 'exact' : 'fuzzy', score: round3(c.evidence) };
}

function anchored(c: Candidate): AnchorOutcome {
  return { status: 'anchored', result: toResult(c) };
}

/** Orphan, listing the places that were tied (an unexplored remainder of the text is not a place). */
function orphaned(reason: OrphanReason, tied: Candidate[]): AnchorOutcome {
  return { status: 'orphaned', reason, candidates: tied.filter((c) => c.end >= 0).map(toCandidate) };
}

function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}

export function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}
