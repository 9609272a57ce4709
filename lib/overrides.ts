/**
 * Reviewer status overrides are stored per item id, and item ids are positional (o-2-1-6): a later
 * version of a notice may put a different problem at the same position. An override therefore applies
 * only where the item still carries the label it was made for. This module is the only place that
 * matches overrides to items: the side panel, compare, history and every export go through it.
 */
import type { ItemStatus, Notice, ProblemItem, StatusCertainty, StatusOverride } from '@/lib/schema';

export function overrideFor(item: ProblemItem, overrides: readonly StatusOverride[]): StatusOverride | null {
  return overrides.find((o) => o.itemId === item.id && o.itemLabel === item.label) ?? null;
}

/** How sure a shown status is: the parser's certainty, or `reviewed` once a reviewer confirmed or changed it. */
export type ShownCertainty = StatusCertainty | 'reviewed';

/** The reading to show for an item: a reviewer's decision (confirmation or override) wins over the parsed one. */
export interface EffectiveReading {
  status: ItemStatus;
  certainty: ShownCertainty;
  /** The decision that applies to this item, or null when the parsed reading stands. */
  override: StatusOverride | null;
}

export function effectiveReading(item: ProblemItem, overrides: readonly StatusOverride[]): EffectiveReading {
  const override = overrideFor(item, overrides);
  if (override) return { status: override.status, certainty: 'reviewed', override };
  return { status: item.status, certainty: item.certainty, override: null };
}

/** The overrides that still apply to this version of the notice. */
export function overridesFor(notice: Notice, overrides: readonly StatusOverride[]): StatusOverride[] {
  return overrides.filter((o) => notice.items.some((i) => i.id === o.itemId && i.label === o.itemLabel));
}

/**
 * A reviewer's decision on an item: a new status with a reason, recording the parsed reading it replaces
 * (status and certainty), so exports and compare can tell a confirmed inference from an override.
 */
export function reviewDecision(
  noticeKey: string,
  item: ProblemItem,
  status: ItemStatus,
  reason: string,
  createdAt: string,
): StatusOverride {
  return {
    noticeKey,
    itemId: item.id,
    itemLabel: item.label,
    status,
    reason,
    createdAt,
    replaced: { status: item.status, certainty: item.certainty },
  };
}

/** One-click confirmation: the reviewer read the text and agrees with the parsed status. */
export function confirmation(noticeKey: string, item: ProblemItem, reason: string, createdAt: string): StatusOverride {
  return reviewDecision(noticeKey, item, item.status, reason, createdAt);
}

/** Whether a decision kept the parsed status (a confirmation) rather than changing it. */
export function isConfirmation(o: StatusOverride): boolean {
  return o.replaced !== undefined && o.replaced.status === o.status;
}
