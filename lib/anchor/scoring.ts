/** Scoring a candidate: quote, prefix and suffix similarity (evidence) and its distance from the position hint. */
import type { Selectors } from './types';

const W_QUOTE = 50;
const W_PREFIX = 20;
const W_SUFFIX = 20;
const W_EVIDENCE = W_QUOTE + W_PREFIX + W_SUFFIX;
/** Similarity of a context that cannot be compared (none stored, or the text ends there): neither for nor against. */
export const UNKNOWN_CONTEXT = 0.5;
export const MAX_FUZZY_ERRORS = 32;

export interface Candidate {
  start: number;
  end: number;
  errors: number;
  prefixSim: number;
  suffixSim: number;
  /** Similarity of prefix + quote + suffix taken together (1 − all differences / all chars). */
  passageSim: number;
  /** Quote + context evidence, 0..1: the score. Position plays no part in it (it only breaks ties). */
  evidence: number;
  /** Chars between the candidate and the position hint (Infinity without a hint). */
  distance: number;
  /** Prefix and suffix identical to the stored ones. */
  contextExact: boolean;
}

export class QuoteScorer {
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
  /** Whether any context was stored (foreign selectors may carry none). */
  readonly hasContext: boolean;
  /** Exact occurrences of the quote in the text, once known (unique exact quotes may lose their context). */
  exactCount = 0;
  private readonly hint: number;

  /** The stored start offset clamped to the text, or −1 without one. */
  get hintStart(): number {
    return this.hint;
  }

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
    this.hasContext = this.prefix.length > 0 || this.suffix.length > 0;
  }

  candidate(start: number, end: number, errors: number): Candidate {
    const prefixSim = contextSimilarity(this.prefix, this.text, start, -1);
    const suffixSim = contextSimilarity(this.suffix, this.text, end, +1);
    const quoteSim = 1 - errors / this.exact.length;
    const evidence = (W_QUOTE * quoteSim + W_PREFIX * prefixSim + W_SUFFIX * suffixSim) / W_EVIDENCE;
    const p = this.prefix.length;
    const s = this.suffix.length;
    const passageSim = 1 - (errors + (1 - prefixSim) * p + (1 - suffixSim) * s) / (this.exact.length + p + s);
    const distance = this.hint < 0 ? Number.POSITIVE_INFINITY : Math.abs(start - this.hint);
    const contextExact =
      this.text.startsWith(this.prefix, start - this.prefix.length) && this.text.startsWith(this.suffix, end);
    return { start, end, errors, prefixSim, suffixSim, passageSim, evidence, distance, contextExact };
  }

  /** Highest evidence a candidate with `errors` quote errors can have (an absent context stays unknown). */
  evidenceBound(errors: number): number {
    const prefixMax = this.prefix.length > 0 ? 1 : UNKNOWN_CONTEXT;
    const suffixMax = this.suffix.length > 0 ? 1 : UNKNOWN_CONTEXT;
    return (W_QUOTE * (1 - errors / this.exact.length) + W_PREFIX * prefixMax + W_SUFFIX * suffixMax) / W_EVIDENCE;
  }

  /** Evidence worth one quote char: the margin rule for quotes without context is counted in these. */
  quoteCharWeight(): number {
    return W_QUOTE / W_EVIDENCE / this.exact.length;
  }
}

let rowA = new Int32Array(128);
let rowB = new Int32Array(128);

/**
 * Similarity (1 − edit distance / length) of a stored context with the text next to a candidate:
 * the stored context is aligned from the candidate's edge outwards, its far end left free
 * (so a few chars inserted or deleted inside the context cost only those chars).
 * dir −1: stored prefix vs text before `at`; +1: stored suffix vs text from `at`.
 * What cannot be compared is unknown (UNKNOWN_CONTEXT), not a match: no stored context, or the text
 * ending before the stored context does (only the part that has room is compared).
 */
export function contextSimilarity(stored: string, text: string, at: number, dir: -1 | 1): number {
  const m = stored.length;
  const room = dir < 0 ? at : text.length - at;
  if (m === 0 || room === 0) return UNKNOWN_CONTEXT;
  if (room >= m) return 1 - contextDistance(stored, text, at, dir) / m;
  const near = dir < 0 ? stored.slice(m - room) : stored.slice(0, room);
  const nearSim = 1 - contextDistance(near, text, at, dir) / room;
  return (room * nearSim + (m - room) * UNKNOWN_CONTEXT) / m;
}

/** Edit distance behind contextSimilarity (0 for an empty stored context). */
export function contextDistance(stored: string, text: string, at: number, dir: -1 | 1): number {
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
