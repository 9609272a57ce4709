/**
 * Re-anchoring of saved annotations (W3C TextQuoteSelector + TextPositionSelector) on a notice text
 * that may have changed since the annotation was made (CMS edits, republished versions).
 *
 * Order, as in the Hypothesis client: position hint → exact quote → fuzzy quote → orphan.
 * Candidates are scored on quote similarity, prefix similarity, suffix similarity (evidence) and
 * closeness to the position hint (total). One is taken only if
 *  - its evidence reaches ANCHOR_THRESHOLD;
 *  - an exact quote has its context agreeing on both sides, or on one side within its own paragraph
 *    while the other side differs only beyond a paragraph break (neighbouring paragraph deleted);
 *  - an altered quote has prefix + quote + suffix ≥ 90 % the same and leads on evidence alone;
 *  - it is not the paragraph the stored context says precedes / follows the quote (lists of
 *    near-identical lines);
 *  - it is clearly (ANCHOR_MARGIN) better than the best rival elsewhere, where rivals are searched a
 *    few errors beyond what may be accepted (template sentences: 一是加强…, 已全部整改完毕).
 * Otherwise the annotation is an orphan: a wrong silent re-anchor is worse than an orphan.
 *
 * Known limit: a passage that the notice repeats almost verbatim (the 古镇 notice copies sentences of
 * its body into the 台账 section, ≤ 10 % different over quote + 64 chars of context) cannot be told
 * from an edited copy; if the annotated copy is deleted, the other one is taken.
 *
 * Offsets are UTF-16 offsets into the normalized notice text. Pure, DOM-free.
 */
import search from 'approx-string-match';
import type { TextPositionSelector, TextQuoteSelector } from '@/lib/schema';

export interface Selectors {
  quote: TextQuoteSelector;
  position: TextPositionSelector;
}
export type AnchorMethod = 'exact' | 'position' | 'fuzzy';
export interface AnchorResult {
  start: number;
  end: number;
  method: AnchorMethod;
  /** 0..1; 1 for an unchanged position. */
  score: number;
}

export const DEFAULT_CONTEXT_CHARS = 32;
/** Minimum evidence (quote + prefix + suffix, without position) for a candidate to be taken. */
export const ANCHOR_THRESHOLD = 0.75;
/** Minimum lead of the taken candidate over the best non-overlapping rival (total score). */
export const ANCHOR_MARGIN = 0.05;

const W_QUOTE = 50;
const W_PREFIX = 20;
const W_SUFFIX = 20;
const W_EVIDENCE = W_QUOTE + W_PREFIX + W_SUFFIX;
/** Share of the total score given to closeness to the position hint. */
const POSITION_SHARE = 0.1;
/** Distance (chars) from the hint at which position closeness drops to 1/2. */
const POSITION_SCALE = 64;
/** A side's context agrees at this similarity; an exact match agreeing on both sides skips the fuzzy search. */
const STRONG_CONTEXT = 0.8;
/** Non-blank context chars within the quote's own paragraph needed for one-sided support. */
const MIN_BLOCK_CONTEXT = 4;
/** Boundaries of a fuzzy match are refined when it has at most this many errors (and a short quote). */
const REFINE_MAX_ERRORS = 8;
const REFINE_MAX_QUOTE = 256;
/** Position hint is trusted when at least one side of its context is this similar. */
const HINT_CONTEXT = 0.5;
/** An altered quote is trusted only if prefix + quote + suffix together are at least this similar. */
const FUZZY_PASSAGE_SIMILARITY = 0.9;
/** Lead on evidence alone (no position) a fuzzy match needs over its best rival. */
const FUZZY_EVIDENCE_MARGIN = 0.03;
const MAX_FUZZY_ERRORS = 32;
const MAX_FUZZY_ROUNDS = 8;
const MAX_CANDIDATES = 512;

// ---------------------------------------------------------------------------------------------
// Describe

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

// ---------------------------------------------------------------------------------------------
// Anchor

/** Re-anchor one annotation; null ⇒ orphan (keep it, show it, never delete it). */
export function anchor(text: string, sel: Selectors): AnchorResult | null {
  return anchorIn(new NoticeTextIndex(text), sel);
}

/** Re-anchor many annotations on the same text, sharing the occurrence lookups (see NoticeTextIndex). */
export function anchorAll(text: string, sels: Selectors[]): Array<AnchorResult | null> {
  const index = new NoticeTextIndex(text);
  return sels.map((sel) => anchorIn(index, sel));
}

function anchorIn(index: NoticeTextIndex, sel: Selectors): AnchorResult | null {
  const { text } = index;
  const exact = sel?.quote?.exact;
  if (typeof exact !== 'string' || exact.length === 0 || text.length === 0 || exact.length > text.length + MAX_FUZZY_ERRORS) {
    return null;
  }
  const q = new QuoteScorer(text, sel);

  const atHint = positionHint(q, sel.position);
  if (atHint) return atHint;

  const exactMatches = index.occurrences(exact).map((start) => q.candidate(start, start + exact.length, 0));
  const fast = decideExact(exactMatches, q);
  if (fast !== undefined) return fast;

  return decide(fuzzyCandidates(q, exactMatches), q);
}

function positionHint(q: QuoteScorer, position: TextPositionSelector | undefined): AnchorResult | null {
  if (!position || !Number.isInteger(position.start) || position.end - position.start !== q.exact.length) return null;
  if (q.text.slice(position.start, position.end) !== q.exact) return null;
  const c = q.candidate(position.start, position.end, 0);
  const noContext = q.prefix.length === 0 && q.suffix.length === 0;
  return noContext || Math.max(c.prefixSim, c.suffixSim) >= HINT_CONTEXT
    ? { start: c.start, end: c.end, method: 'position', score: 1 }
    : null;
}

/**
 * Exact occurrences alone settle the question when the best one has strong context on both sides
 * (result, or null when it is tied with another); undefined ⇒ look further (fuzzy).
 */
function decideExact(cands: Candidate[], q: QuoteScorer): AnchorResult | null | undefined {
  if (cands.length === 0) return undefined;
  const best = cands.reduce((a, b) => (b.total > a.total ? b : a));
  if (Math.min(best.prefixSim, best.suffixSim) < STRONG_CONTEXT) return undefined;
  return decide(cands, q);
}

/** Take the best candidate only if its evidence is sufficient and it clearly beats every rival. */
function decide(cands: Candidate[], q: QuoteScorer): AnchorResult | null {
  if (cands.length === 0) return null;
  const sorted = [...cands].sort((a, b) => b.total - a.total || a.start - b.start);
  const best = sorted[0];
  if (!acceptable(best, q)) return null;
  const rival = sorted.find((c) => !overlaps(c, best));
  if (!rival || clearlyBetter(best, rival)) return toResult(refineBounds(best, q));
  // Tie: prefer the single candidate whose quote, prefix AND suffix all match exactly.
  const contenders = sorted.filter((c) => c.total > best.total - ANCHOR_MARGIN);
  const perfect = contenders.filter((c) => c.errors === 0 && c.contextExact);
  if (perfect.length === 1 && acceptable(perfect[0], q)) return toResult(perfect[0]);
  return null;
}

/**
 * Lead on the total score (evidence and position). An altered quote must also lead on evidence alone:
 * among near-equal fuzzy matches (a list of `N.中共…村委员会…台账`), closeness to the old offset is no proof.
 */
function clearlyBetter(best: Candidate, rival: Candidate): boolean {
  if (best.total - rival.total < ANCHOR_MARGIN) return false;
  return best.errors === 0 || best.evidence - rival.evidence >= FUZZY_EVIDENCE_MARGIN;
}

/**
 * Enough evidence on its own: quote and context together reach the threshold, and an altered quote
 * (errors > 0) additionally has its surroundings nearly intact, since a template sentence elsewhere
 * with a few words changed looks exactly like an edited quote.
 */
function acceptable(c: Candidate, q: QuoteScorer): boolean {
  if (c.evidence < ANCHOR_THRESHOLD || c.errors > q.acceptErrors) return false;
  if (takesNeighboursPlace(c, q)) return false;
  return c.errors === 0 ? contextSupports(c, q) : c.passageSim >= FUZZY_PASSAGE_SIMILARITY;
}

/**
 * A candidate lying in a paragraph that looks more like the one the stored context says comes right
 * before (or after) the quote than like the quote itself is that neighbour, not the quote. In a list of
 * near-identical lines (`2.中共…古三村委员会…台账`, `3.中共…六坊村委员会…台账`), deleting an entry
 * brings its neighbour into its place with the same surroundings and only a few chars changed.
 */
function takesNeighboursPlace(c: Candidate, q: QuoteScorer): boolean {
  const { text } = q;
  // Closer to the neighbour (fewer differing chars) than to the quote, and close in absolute terms.
  const neighbourLike = (stored: string, at: number, dir: -1 | 1) => {
    if (nonBlank(stored) < MIN_BLOCK_CONTEXT) return false;
    const dist = contextDistance(stored, text, at, dir);
    return dist < c.errors && dist <= (1 - STRONG_CONTEXT) * stored.length;
  };
  const nl = q.suffix.indexOf('\n');
  if (nl >= 0) {
    const next = q.suffix.slice(nl + 1).trimStart();
    let paraStart = text.lastIndexOf('\n', c.start - 1) + 1;
    while (paraStart < c.start && isBlank(text.charCodeAt(paraStart))) paraStart++;
    if (neighbourLike(next, paraStart, +1)) return true;
  }
  const pl = q.prefix.lastIndexOf('\n');
  if (pl >= 0) {
    const previous = q.prefix.slice(0, pl).trimEnd();
    const lineEnd = text.indexOf('\n', c.end);
    let paraEnd = lineEnd < 0 ? text.length : lineEnd;
    while (paraEnd > c.end && isBlank(text.charCodeAt(paraEnd - 1))) paraEnd--;
    if (neighbourLike(previous, paraEnd, -1)) return true;
  }
  return false;
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
  const cost = (start: number, end: number, errors: number) =>
    errors + contextDistance(q.prefix, text, start, -1) + contextDistance(q.suffix, text, end, +1);
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

function toResult(c: Candidate): AnchorResult {
  return { start: c.start, end: c.end, method: c.errors === 0 ? 'exact' : 'fuzzy', score: round3(c.total) };
}

/**
 * Fuzzy candidates by rounds: approx-string-match returns only the lowest-cost matches, so each round
 * masks what it found and searches again, until no unseen candidate could still compete with the best.
 * The search goes a few errors beyond what may be accepted: such near-copies cannot be taken, but they
 * reveal template sentences (a rival almost as good as the best ⇒ orphan).
 */
function fuzzyCandidates(q: QuoteScorer, exactMatches: Candidate[]): Candidate[] {
  const { exact, text } = q;
  const seen = new Map<string, Candidate>();
  for (const c of exactMatches) seen.set(`${c.start}:${c.end}`, c);
  if (q.acceptErrors < 1) return [...seen.values()];

  const mask = String.fromCharCode(pickMaskChar(exact));
  let haystack = exactMatches.length > 0 ? masked(text, exactMatches, mask) : text;
  let level = exactMatches.length > 0 ? 1 : 0;
  for (let round = 0; level <= q.searchErrors; round++) {
    let bestTotal = -Infinity;
    let anyAcceptable = false;
    for (const c of seen.values()) {
      bestTotal = Math.max(bestTotal, c.total);
      anyAcceptable ||= acceptable(c, q);
    }
    // Unseen candidates (≥ `level` errors) can neither be taken nor spoil the margin of the best.
    const bound = q.totalBound(level);
    if (bound <= bestTotal - ANCHOR_MARGIN) break;
    if (!anyAcceptable && level > q.acceptErrors) break;
    if (round >= MAX_FUZZY_ROUNDS || seen.size >= MAX_CANDIDATES) {
      // Unseen candidates could still rival the best: count them as a rival that overlaps nothing.
      seen.set('unseen', { ...UNSEEN, total: bound });
      break;
    }
    // Only matches that could still matter are searched for: cheaper, and fewer junk matches.
    let maxErrors = level;
    while (maxErrors < q.searchErrors && q.totalBound(maxErrors + 1) > bestTotal - ANCHOR_MARGIN) maxErrors++;
    if (!anyAcceptable) maxErrors = Math.max(maxErrors, Math.min(q.acceptErrors, q.searchErrors));
    const found = search(haystack, exact, maxErrors).map((m) => snapToCodePoints(text, m));
    if (found.length === 0) break;
    for (const m of found) {
      const key = `${m.start}:${m.end}`;
      if (!seen.has(key)) seen.set(key, q.candidate(m.start, m.end, m.errors));
    }
    haystack = masked(haystack, found, mask);
    level = found[0].errors + 1;
  }
  return [...seen.values()];
}

const UNSEEN: Candidate = {
  start: -2,
  end: -1,
  errors: Number.POSITIVE_INFINITY,
  prefixSim: 0,
  suffixSim: 0,
  passageSim: 0,
  evidence: 0,
  total: 0,
  contextExact: false,
};

function masked(s: string, ranges: Array<{ start: number; end: number }>, mask: string): string {
  const sorted = [...ranges].sort((a, b) => a.start - b.start);
  const parts: string[] = [];
  let at = 0;
  for (const r of sorted) {
    const from = Math.max(at, r.start);
    if (r.end <= from) continue;
    parts.push(s.slice(at, from), mask.repeat(r.end - from));
    at = r.end;
  }
  parts.push(s.slice(at));
  return parts.join('');
}

function pickMaskChar(exact: string): number {
  for (const code of [0xffff, 0xfffe, 0x0000, 0x0001]) if (exact.indexOf(String.fromCharCode(code)) < 0) return code;
  return 0x0002;
}

// ---------------------------------------------------------------------------------------------
// Scoring

interface Candidate {
  start: number;
  end: number;
  errors: number;
  prefixSim: number;
  suffixSim: number;
  /** Similarity of prefix + quote + suffix taken together (1 − all differences / all chars). */
  passageSim: number;
  /** Quote + context evidence, 0..1 (no position). */
  evidence: number;
  /** Evidence and closeness to the position hint, 0..1. */
  total: number;
  /** Prefix and suffix identical to the stored ones. */
  contextExact: boolean;
}

class QuoteScorer {
  readonly exact: string;
  readonly prefix: string;
  readonly suffix: string;
  /** Most quote errors a candidate may have and still be taken. */
  readonly acceptErrors: number;
  /** Most quote errors searched for (rivals only beyond acceptErrors). */
  readonly searchErrors: number;
  /** Stored prefix / suffix within the quote's own paragraph, with the paragraph break if any. */
  readonly prefixNear: string;
  readonly suffixNear: string;
  private readonly hint: number;

  constructor(
    readonly text: string,
    sel: Selectors,
  ) {
    this.exact = sel.quote.exact;
    this.prefix = typeof sel.quote.prefix === 'string' ? sel.quote.prefix : '';
    this.suffix = typeof sel.quote.suffix === 'string' ? sel.quote.suffix : '';
    const h = sel.position?.start;
    this.hint = Number.isFinite(h) ? Math.min(Math.max(h, 0), text.length) : -1;
    const n = this.exact.length;
    // Beyond 45 % errors a candidate cannot reach the threshold even with perfect context.
    this.acceptErrors = Math.min(MAX_FUZZY_ERRORS, Math.ceil(n / 4), Math.floor(n * 0.45));
    this.prefixNear = this.prefix.slice(Math.max(0, this.prefix.lastIndexOf('\n')));
    const nl = this.suffix.indexOf('\n');
    this.suffixNear = nl < 0 ? this.suffix : this.suffix.slice(0, nl + 1);
    this.searchErrors = Math.min(MAX_FUZZY_ERRORS, this.acceptErrors + Math.max(1, Math.ceil(n / 10)), Math.floor(n / 2));
  }

  candidate(start: number, end: number, errors: number): Candidate {
    const prefixSim = contextSimilarity(this.prefix, this.text, start, -1);
    const suffixSim = contextSimilarity(this.suffix, this.text, end, +1);
    const quoteSim = 1 - errors / this.exact.length;
    const evidence = (W_QUOTE * quoteSim + W_PREFIX * prefixSim + W_SUFFIX * suffixSim) / W_EVIDENCE;
    const p = this.prefix.length;
    const s = this.suffix.length;
    const passageSim = 1 - (errors + (1 - prefixSim) * p + (1 - suffixSim) * s) / (this.exact.length + p + s);
    const total = (1 - POSITION_SHARE) * evidence + POSITION_SHARE * this.closeness(start);
    const contextExact =
      this.text.startsWith(this.prefix, start - this.prefix.length) && this.text.startsWith(this.suffix, end);
    return { start, end, errors, prefixSim, suffixSim, passageSim, evidence, total, contextExact };
  }

  /** Highest evidence a candidate with `errors` quote errors can have. */
  evidenceBound(errors: number): number {
    return (W_QUOTE * (1 - errors / this.exact.length) + W_PREFIX + W_SUFFIX) / W_EVIDENCE;
  }

  totalBound(errors: number): number {
    return (1 - POSITION_SHARE) * this.evidenceBound(errors) + POSITION_SHARE;
  }

  private closeness(start: number): number {
    if (this.hint < 0) return 0.5;
    return 1 / (1 + Math.abs(start - this.hint) / POSITION_SCALE);
  }
}

let rowA = new Int32Array(128);
let rowB = new Int32Array(128);

/**
 * Similarity (1 − edit distance / length) of a stored context with the text next to a candidate:
 * the stored context is aligned from the candidate's edge outwards, its far end left free
 * (so a few chars inserted or deleted inside the context cost only those chars).
 * dir −1: stored prefix vs text before `at`; +1: stored suffix vs text from `at`.
 */
function contextSimilarity(stored: string, text: string, at: number, dir: -1 | 1): number {
  const m = stored.length;
  if (m === 0) return (dir < 0 ? at : text.length - at) === 0 ? 1 : 0.5;
  return 1 - contextDistance(stored, text, at, dir) / m;
}

/** Edit distance behind contextSimilarity (0 for an empty stored context). */
function contextDistance(stored: string, text: string, at: number, dir: -1 | 1): number {
  const m = stored.length;
  const room = dir < 0 ? at : text.length - at;
  if (m === 0 || (m <= room && text.startsWith(stored, dir < 0 ? at - m : at))) return 0;
  const width = Math.min(room, m + Math.max(4, Math.ceil(m / 4)));
  if (rowA.length <= width) {
    rowA = new Int32Array(width * 2 + 1);
    rowB = new Int32Array(width * 2 + 1);
  }
  let prev = rowA;
  let cur = rowB;
  for (let j = 0; j <= width; j++) prev[j] = j;
  for (let i = 1; i <= m; i++) {
    const c = dir < 0 ? stored.charCodeAt(m - i) : stored.charCodeAt(i - 1);
    cur[0] = i;
    for (let j = 1; j <= width; j++) {
      const t = dir < 0 ? text.charCodeAt(at - j) : text.charCodeAt(at + j - 1);
      const sub = prev[j - 1] + (t === c ? 0 : 1);
      const del = prev[j] + 1;
      const ins = cur[j - 1] + 1;
      cur[j] = sub < del ? (sub < ins ? sub : ins) : del < ins ? del : ins;
    }
    const swap = prev;
    prev = cur;
    cur = swap;
  }
  let dist = m;
  for (let j = 0; j <= width; j++) if (prev[j] < dist) dist = prev[j];
  return dist;
}

// ---------------------------------------------------------------------------------------------
// Text index (shared by anchorAll)

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

// ---------------------------------------------------------------------------------------------
// Small helpers

function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** Widen a match so that it never starts or ends inside a surrogate pair. */
function snapToCodePoints<T extends { start: number; end: number }>(text: string, m: T): T {
  let { start, end } = m;
  if (start > 0 && isLowSurrogate(text.charCodeAt(start)) && isHighSurrogate(text.charCodeAt(start - 1))) start -= 1;
  if (end < text.length && isLowSurrogate(text.charCodeAt(end)) && isHighSurrogate(text.charCodeAt(end - 1))) end += 1;
  return { ...m, start, end };
}

function nonBlank(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (!isBlank(s.charCodeAt(i))) n++;
  return n;
}

function isBlank(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d || code === 0x3000 || code === 0xa0;
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}
