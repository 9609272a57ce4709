/** Public types of anchoring: the stored selectors and the result of re-anchoring them. */
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
