/**
 * How a comparison reads to a reviewer: how sure the pairing of an item with the earlier notice's item is
 * (one rule, shown in words in the side panel and exports), and which rows changed nothing. Pure.
 */
import type { ComparisonRow } from '@/lib/schema';

export type MatchConfidence = 'sure' | 'likely' | 'doubtful';

/**
 * Pairing scores (lib/compare/align: 0.5–1, label and path similarity) read as confidence: 确定 from 0.85
 * (labels nearly the same), 较可能 from 0.7, below that 存疑 (paired, but a reviewer should look).
 */
export const MATCH_CONFIDENCE_THRESHOLDS: ReadonlyArray<readonly [number, MatchConfidence]> = [
  [0.85, 'sure'],
  [0.7, 'likely'],
];

export function matchConfidence(score: number): MatchConfidence {
  return MATCH_CONFIDENCE_THRESHOLDS.find(([min]) => score >= min)?.[1] ?? 'doubtful';
}

/**
 * A row that changed nothing between the two notices: the item is in both with the same status (done and
 * still done, or unfinished and still unfinished the same way), and none of its numbers or deadlines moved.
 */
export function isUnchangedRow(row: ComparisonRow): boolean {
  return (
    row.earlierItem !== null &&
    row.currentItem !== null &&
    row.earlierItem.status === row.currentItem.status &&
    row.numberChanges.length === 0 &&
    row.deadlineChanges.length === 0
  );
}

/** The rows to show and how many unchanged ones are hidden (all shown when `showUnchanged`). */
export function visibleRows(rows: ComparisonRow[], showUnchanged: boolean): { shown: ComparisonRow[]; unchanged: number } {
  const unchanged = rows.filter(isUnchangedRow).length;
  return { shown: showUnchanged ? rows : rows.filter((r) => !isUnchangedRow(r)), unchanged };
}
