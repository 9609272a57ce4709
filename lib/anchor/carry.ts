/** Carrying annotations from one version of a notice over to another, in one call. */
import type { AnchorCandidate, AnchorResult, Selectors } from './types';
import { describeRange } from './describe';
import { locateAll } from './reanchor';

/**
 * same: the quote is at its stored offsets; moved: the same words elsewhere (text added or removed
 * before it, or its context edited); changed: the words themselves were edited (`quote` is the new
 * wording); orphaned: not found, or found in several equally good places (`candidates`).
 */
export type CarryChange = 'same' | 'moved' | 'changed' | 'orphaned';

export type CarriedAnnotation =
  | {
      change: Exclude<CarryChange, 'orphaned'>;
      result: AnchorResult;
      /** The quote as it reads in the new version. */
      quote: string;
      /** Selectors describing the place in the new version, to be stored with the annotation. */
      selectors: Selectors;
    }
  | { change: 'orphaned'; reason: 'not-found' | 'ambiguous'; candidates: AnchorCandidate[] };

/** Re-anchor every annotation of one snapshot (its stored selectors) onto another version's text. */
export function carryOver(newText: string, sels: Selectors[]): CarriedAnnotation[] {
  return locateAll(newText, sels).map((outcome, i) => {
    if (outcome.status === 'orphaned') return { change: 'orphaned', reason: outcome.reason, candidates: outcome.candidates };
    const { result } = outcome;
    const old = sels[i];
    const quote = newText.slice(result.start, result.end);
    const change: CarryChange =
      quote !== old.quote.exact ? 'changed' : result.start === old.position?.start ? 'same' : 'moved';
    return { change, result, quote, selectors: describeRange(newText, result.start, result.end) };
  });
}
