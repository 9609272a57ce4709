/**
 * Overdue commitments, counted to a given "today": an item is overdue when a deadline it promised has
 * passed and the item, as reviewed (a reviewer's status wins over the parsed one), is not done. Pure.
 * Used by the 台账 (days overdue), the 逾期承诺 view and the toolbar badge.
 */
import type { ItemStatus, Notice, ProblemItem, StatusOverride } from '@/lib/schema';
import { overrideFor } from '@/lib/overrides';

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Days since the latest deadline already passed, when the item (as reviewed) is not done; else null. */
export function overdueDays(item: ProblemItem, status: ItemStatus, today: string): number | null {
  if (status === 'done') return null;
  const passed = item.deadlines.filter((d): d is typeof d & { date: string } => d.date !== null && d.date < today);
  if (!passed.length) return null;
  const latest = passed.reduce((a, b) => (a.date >= b.date ? a : b));
  return daysBetween(latest.date, today);
}

export interface OverdueItem {
  item: ProblemItem;
  days: number;
}

/** The notice's overdue items, most overdue first. */
export function overdueItems(notice: Notice, overrides: readonly StatusOverride[], today: string): OverdueItem[] {
  return notice.items
    .map((item) => ({ item, days: overdueDays(item, overrideFor(item, overrides)?.status ?? item.status, today) }))
    .filter((x): x is OverdueItem => x.days !== null)
    .sort((a, b) => b.days - a.days);
}

/** How many problems the tooltip names before "等". */
export const BADGE_NAMED = 3;

/** The toolbar badge for a notice: the count and a tooltip naming the first few; null when nothing is overdue. */
export function overdueBadge(notice: Notice, overrides: readonly StatusOverride[], today: string): { text: string; title: string } | null {
  const list = overdueItems(notice, overrides, today);
  if (!list.length) return null;
  const named = list.slice(0, BADGE_NAMED).map((x) => `“${x.item.label}”（逾期${x.days}天）`).join('、');
  const more = list.length > BADGE_NAMED ? `等${list.length}项` : '';
  return { text: String(list.length), title: `本通报有${list.length}项整改承诺已逾期：${named}${more}` };
}
