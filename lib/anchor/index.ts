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
 *
 * One module, split by responsibility (describe, reanchor, fuzzy, scoring, decide): import from `@/lib/anchor`.
 */
export type { AnchorCandidate, AnchorMethod, AnchorOutcome, AnchorResult, OrphanReason, Selectors } from './types';
export { DEFAULT_CONTEXT_CHARS, describeRange } from './describe';
export { anchor, anchorAll, locate, locateAll } from './reanchor';
export { carryOver, type CarriedAnnotation, type CarryChange } from './carry';
export { ANCHOR_MARGIN, ANCHOR_THRESHOLD } from './decide';
