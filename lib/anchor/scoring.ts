/** Scoring a candidate: quote, prefix and suffix similarity (evidence) and closeness to the position hint. */
import type { Selectors } from './types';

const W_QUOTE = 50;
const W_PREFIX = 20;
const W_SUFFIX = 20;
const W_EVIDENCE = W_QUOTE + W_PREFIX + W_SUFFIX;
/** Share of the total score given to closeness to the position hint. */
const POSITION_SHARE = 0.1;
/** Distance (chars) from the hint at which position closeness drops to 1/2. */
const POSITION_SCALE = 64;
export const MAX_FUZZY_ERRORS = 32;

export interface Candidate {
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
export function contextSimilarity(stored: string, text: string, at: number, dir: -1 | 1): number {
  const m = stored.length;
  if (m === 0) return (dir < 0 ? at : text.length - at) === 0 ? 1 : 0.5;
  return 1 - contextDistance(stored, text, at, dir) / m;
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
