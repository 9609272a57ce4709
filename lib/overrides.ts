/**
 * Reviewer status overrides are stored per item id, and item ids are positional (o-2-1-6): a later
 * version of a notice may put a different problem at the same position. An override therefore applies
 * only where the item still carries the label it was made for.
 */
import type { Notice, ProblemItem, StatusOverride } from '@/lib/schema';

export function overrideFor(item: ProblemItem, overrides: readonly StatusOverride[]): StatusOverride | null {
  return overrides.find((o) => o.itemId === item.id && o.itemLabel === item.label) ?? null;
}

/** The overrides that still apply to this version of the notice. */
export function overridesFor(notice: Notice, overrides: readonly StatusOverride[]): StatusOverride[] {
  return overrides.filter((o) => notice.items.some((i) => i.id === o.itemId && i.label === o.itemLabel));
}
