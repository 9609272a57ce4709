/** Reviewer annotations (W3C Web Annotation selectors) and status overrides. */
import { z } from './zod';
import { itemStatus, offset, statusCertainty } from './notice';

// Annotations (W3C Web Annotation selectors)
export const textQuoteSelector = z.lazy(() => z.object({
  type: z.literal('TextQuoteSelector'),
  exact: z.string().min(1),
  prefix: z.string(),
  suffix: z.string(),
}));
export const textPositionSelector = z.lazy(() => z.object({
  type: z.literal('TextPositionSelector'),
  start: offset,
  end: offset,
}));
export const severity = z.lazy(() => z.enum(['high', 'medium', 'low']));
export const PRESET_TAGS = ['存疑', '需核实', '逾期', '数据矛盾', '已核实'] as const;

/** Limits on what a reviewer types (lib/annotation-input.ts explains a breach in zh-CN). */
export const ANNOTATION_LIMITS = { noteChars: 20_000, tags: 30, tagChars: 40 } as const;

/** Limits on the reviewer name (settings) recorded as the creator of annotations and status decisions. */
export const REVIEWER_NAME_MAX_CHARS = 40;

/** W3C Web Annotation `creator`: the reviewer, by the name set in the settings. */
export const creator = z.lazy(() => z.object({
  type: z.literal('Person'),
  name: z.string().trim().min(1).max(REVIEWER_NAME_MAX_CHARS),
}));

/**
 * An edit's mark, `${version}@${updatedAt}`: what a later edit remembers in `history`, so an import can tell
 * a colleague's newer edit of the same annotation (fast-forward) from an edit made on both sides (conflict).
 */
export const editMark = z.lazy(() => z.string().min(1));

export const annotation = z.lazy(() => z.object({
  id: z.string().min(1),
  noticeKey: z.string().min(1),
  snapshotHash: z.string(),
  url: z.string(),
  quote: textQuoteSelector,
  position: textPositionSelector,
  note: z.string().max(ANNOTATION_LIMITS.noteChars),
  tags: z.array(z.string().min(1).max(ANNOTATION_LIMITS.tagChars)).max(ANNOTATION_LIMITS.tags),
  severity,
  /**
   * Edit counter, 1 when created, +1 on every user edit (note, tags, severity, delete, restore): a save
   * made from a stale copy is refused. Records stored before it existed lack it and count as 1.
   */
  version: z.number().int().positive().optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Where it was last found: 'anchored' or 'orphan' (never deleted when the quote is gone). */
  anchorState: z.enum(['anchored', 'orphan']),
  deletedAt: z.string().nullable(),
  /** Who made it (W3C `creator`); absent on annotations made before reviewer names, or with no name set. */
  creator: creator.optional(),
  /** Who made the latest edit, when that was not the creator (same shape as `creator`; not part of W3C). */
  modifiedBy: creator.optional(),
  /** Marks of the earlier edits of this annotation, oldest first (absent before it was kept). */
  history: z.array(editMark).optional(),
  /**
   * Set on a colleague's version imported from a review package when the same annotation was edited on both
   * sides: the id of the local annotation it conflicts with. Both are kept; the reviewer deletes the one not wanted.
   */
  conflictOf: z.string().min(1).optional(),
}));

/** A colleague's different decision on the same item, kept beside the local one (imported review package). */
export const overrideConflict = z.lazy(() => z.object({
  status: itemStatus,
  reason: z.string().min(1),
  createdAt: z.string(),
  creator: creator.optional(),
}));

export const statusOverride = z.lazy(() => z.object({
  noticeKey: z.string().min(1),
  itemId: z.string().min(1),
  itemLabel: z.string(),
  status: itemStatus,
  reason: z.string().min(1),
  createdAt: z.string(),
  /**
   * The parsed reading this decision replaced (a confirmation keeps the status and replaces only the
   * certainty). Overrides stored before this field existed lack it.
   */
  replaced: z.object({ status: itemStatus, certainty: statusCertainty }).optional(),
  /** Who decided (W3C `creator`); absent on decisions made before reviewer names, or with no name set. */
  creator: creator.optional(),
  /** Marks of the decisions this one replaced (lib/review-package decisionMarkOf), oldest first (absent before it was kept). */
  history: z.array(z.string()).optional(),
  /** Colleagues' different decisions on this item, imported from review packages: kept, never overwritten. */
  conflicts: z.array(overrideConflict).optional(),
}));



export type TextQuoteSelector = z.infer<typeof textQuoteSelector>;
export type TextPositionSelector = z.infer<typeof textPositionSelector>;
export type Annotation = z.infer<typeof annotation>;
export type Severity = z.infer<typeof severity>;
export type StatusOverride = z.infer<typeof statusOverride>;
export type OverrideConflict = z.infer<typeof overrideConflict>;
export type Creator = z.infer<typeof creator>;
