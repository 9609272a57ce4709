/**
 * Compare notices of the same organization over time: align problem items, diff statuses, numbers and
 * deadlines, and list commitments that were not kept. Pure and DOM-free.
 *
 * This index re-exports the public API; the parts live in: similarity (primitives), align (item
 * alignment), diffs (numbers and deadlines), history (status history, overdue commitments) and
 * comparison (change types, compareNotices, CHANGE_LABELS).
 */
export { normalizeLabel, bigrams, dice, pathSimilarity } from './similarity';
export { alignItems, type AlignOptions, type AlignedPair, type Alignment } from './align';
export { quantityContext, diffQuantities, diffDeadlines } from './diffs';
export { daysBetween } from '@/lib/gongwen';
export { isDone } from './history';
export { compareNotices, CHANGE_LABELS, type CompareOptions } from './comparison';
export { matchConfidence, MATCH_CONFIDENCE_THRESHOLDS, isUnchangedRow, visibleRows, type MatchConfidence } from './confidence';
export { compareCandidates, byNewest, versionDay, isEarlierThan, type VersionRef, type OpenVersion, type CandidateGroup, type Candidates } from './candidates';
