/** Comparing a notice with earlier ones (lib/compare). */
import { z } from './zod';
import { isoDate, itemStatus, statusCertainty } from './notice';

// Comparison (lib/compare) — owned by lib/compare.ts
/** Every kind of change between two versions of a notice. */
export const ITEM_CHANGES = [
  'resolved',
  'regressed',
  'still_unfinished',
  /** Present before, absent now, last reported unfinished — a red flag. */
  'vanished',
  'new',
  'unchanged_done',
  /** Reported done before and simply no longer listed — normal, shown for completeness. */
  'done_omitted',
] as const;
export const itemChange = z.lazy(() => z.enum(ITEM_CHANGES));
/** The parsed certainty of a status, or `reviewed` when a reviewer confirmed or overrode it. Absent in comparisons made before certainties. */
export const shownCertainty = z.lazy(() => z.union([statusCertainty, z.literal('reviewed')]));
export const comparedItem = z.lazy(() => z.object({
  id: z.string(),
  label: z.string(),
  path: z.array(z.string()),
  status: itemStatus,
  certainty: shownCertainty.optional(),
}));
export const numberChange = z.lazy(() => z.object({
  unit: z.string(),
  before: z.number(),
  after: z.number(),
  delta: z.number(),
  beforeText: z.string(),
  afterText: z.string(),
  /** The words before the number that identified it on both sides (e.g. 已完成整改). */
  context: z.string(),
}));
export const deadlineChange = z.lazy(() => z.object({
  kind: z.enum(['slipped', 'advanced', 'dropped', 'added']),
  before: isoDate.nullable(),
  after: isoDate.nullable(),
  /** after − before in days (positive = slipped); null for dropped/added. */
  days: z.number().int().nullable(),
  beforeText: z.string().nullable(),
  afterText: z.string().nullable(),
}));
export const statusHistoryEntry = z.lazy(() => z.object({
  noticeDate: isoDate.nullable(),
  noticeTitle: z.string().nullable(),
  /** 'absent' = the item is not listed in that notice. */
  status: z.union([itemStatus, z.literal('absent')]),
  certainty: shownCertainty.optional(),
  evidence: z.string().nullable(),
  source: z.enum(['parsed', 'override']),
}));
export const comparisonRow = z.lazy(() => z.object({
  earlierItem: comparedItem.nullable(),
  currentItem: comparedItem.nullable(),
  score: z.number().nullable(),
  change: itemChange,
  numberChanges: z.array(numberChange),
  deadlineChanges: z.array(deadlineChange),
  history: z.array(statusHistoryEntry),
}));
export const overdueCommitment = z.lazy(() => z.object({
  itemLabel: z.string(),
  itemId: z.string(),
  deadline: isoDate,
  deadlineText: z.string(),
  earlierNoticeDate: isoDate.nullable(),
  currentNoticeDate: isoDate,
  reportedDone: z.literal(false),
}));
export const comparedNotice = z.lazy(() => z.object({ title: z.string().nullable(), publishDate: isoDate.nullable() }));
export const COMPARISON_VERSION = 1;
export const comparison = z.lazy(() => z.object({
  version: z.literal(COMPARISON_VERSION),
  current: comparedNotice,
  /** Oldest first; the last one is the notice the change types refer to. */
  earlier: z.array(comparedNotice),
  summary: z.record(itemChange, z.number().int().nonnegative()),
  rows: z.array(comparisonRow),
  overdueCommitments: z.array(overdueCommitment),
}));
export type ItemChange = z.infer<typeof itemChange>;
export type ComparedItem = z.infer<typeof comparedItem>;
export type NumberChange = z.infer<typeof numberChange>;
export type DeadlineChange = z.infer<typeof deadlineChange>;
export type StatusHistoryEntry = z.infer<typeof statusHistoryEntry>;
export type ComparisonRow = z.infer<typeof comparisonRow>;
export type OverdueCommitment = z.infer<typeof overdueCommitment>;
export type Comparison = z.infer<typeof comparison>;
