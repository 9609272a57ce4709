/** Public types of anchoring: the stored selectors and the result of re-anchoring them. */
import type { TextPositionSelector, TextQuoteSelector } from '@/lib/schema';

export interface Selectors {
  quote: TextQuoteSelector;
  position: TextPositionSelector;
}
/** position: the quote is still at its stored offsets; exact: found verbatim elsewhere; fuzzy: found altered. */
export type AnchorMethod = 'exact' | 'position' | 'fuzzy';
export interface AnchorResult {
  start: number;
  end: number;
  method: AnchorMethod;
  /**
   * 0..1, how alike quote, prefix and suffix are to the stored ones (50 : 20 : 20); position plays no
   * part. Less similar inputs give a lower score, equal inputs equal scores; 1 only when all three are
   * identical (an absent context counts as unknown, 0.5).
   */
  score: number;
}
/** A place that could hold the quote, listed when no single one could be chosen. */
export interface AnchorCandidate {
  start: number;
  end: number;
  method: Exclude<AnchorMethod, 'position'>;
  score: number;
}
/**
 * not-found: nothing alike enough; ambiguous: two or more places equally good (template sentences),
 * listed best first, position hint unable to tell them apart.
 */
export type OrphanReason = 'not-found' | 'ambiguous';
export type AnchorOutcome =
  | { status: 'anchored'; result: AnchorResult }
  | { status: 'orphaned'; reason: OrphanReason; candidates: AnchorCandidate[] };
