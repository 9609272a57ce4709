/**
 * Re-anchoring of saved annotations (W3C TextQuoteSelector + TextPositionSelector) on a notice text
 * that may have changed since the annotation was made (CMS edits, republished versions).
 *
 * Order: quote at its stored offsets with its context → exact quote → fuzzy quote (on a large text
 * first in a window around the position hint) → orphan. A candidate's score is its evidence: quote,
 * prefix and suffix similarity (50 : 20 : 20), a context that cannot be compared (none stored, text
 * ending) counting as unknown (0.5); the position hint is no part of it. One is taken only if
 *  - its evidence reaches ANCHOR_THRESHOLD (with context) or its quote has few enough errors (without);
 *  - an exact quote has its context agreeing on both sides, or on one side within its own paragraph
 *    while the other side differs only beyond a paragraph break; a quote found verbatim only once
 *    also when one side is intact and the other rewritten near its offset, or cut off at the edge;
 *  - an altered quote has prefix + quote + suffix ≥ 90 % the same;
 *  - it is not the paragraph the stored context says precedes / follows the quote (lists of
 *    near-identical lines);
 *  - it leads every rival elsewhere by the margin (ANCHOR_MARGIN in evidence; without context one
 *    quote char, two for quotes of ≤ 8 chars), rivals searched a few errors beyond what may be taken.
 * Equally good places are a tie, settled by the position hint when one is clearly the nearest, else
 * by a single place whose quote and context are identical; otherwise an orphan listing them
 * (`locate`). A wrong silent re-anchor is worse than an orphan.
 *
 * describeRange widens the stored context where the notice repeats itself (a near-copy of quote +
 * context elsewhere), so a copy cannot pass for the annotated passage once that is edited or deleted.
 * Selectors stored before that carry 32 chars only: for them the old limit remains (a passage the
 * notice repeats almost verbatim cannot be told from an edited copy).
 *
 * carryOver re-anchors a snapshot's annotations on another version: same / moved / changed / orphaned.
 * Offsets are UTF-16 offsets into the normalized notice text. Pure, DOM-free.
 *
 * One module, split by responsibility (describe, reanchor, fuzzy, scoring, decide, carry): import from `@/lib/anchor`.
 */
export type { AnchorCandidate, AnchorMethod, AnchorOutcome, AnchorResult, OrphanReason, Selectors } from './types';
export { DEFAULT_CONTEXT_CHARS, MAX_CONTEXT_CHARS, describeRange, trimRange } from './describe';
export { anchor, anchorAll, locate, locateAll } from './reanchor';
export { carryOver, type CarriedAnnotation, type CarryChange } from './carry';
export { ANCHOR_MARGIN, ANCHOR_THRESHOLD } from './decide';
