/** Display names for domain enums in the UI language: the one table of lib/labels (never literals in components). */
import { t } from '@/lib/i18n';
import * as labels from '@/lib/labels';
import type { ShownCertainty } from '@/lib/overrides';
import type { DeadlineChange, Finding, FindingKind, HighlightCategory, ItemChange, ItemStatus, PageState, StatusCertainty } from '@/lib/schema';

export type { ShownCertainty } from '@/lib/overrides';

// one argument each, so they can be passed to map()
export const statusLabel = (s: ItemStatus): string => labels.statusLabel(s);
export const certaintyLabel = (c: StatusCertainty): string => labels.certaintyLabel(c);
export const categoryLabel = (c: HighlightCategory): string => labels.categoryLabel(c);
export const findingLabel = (k: FindingKind): string => labels.findingLabel(k);
export const severityLabel = (s: labels.AnySeverity): string => labels.severityLabel(s);
export const changeLabel = (c: ItemChange): string => labels.changeLabel(c);
export const deadlineChangeLabel = (k: DeadlineChange['kind']): string => labels.deadlineChangeLabel(k);

/** The chip text: `已完成`, `已完成（推断）`, `已完成（已确认）` — the certainty is written, not only drawn. */
export function statusText(s: ItemStatus, c: ShownCertainty): string {
  if (c === 'reviewed') return t('statusReviewed', statusLabel(s));
  return c === 'inferred' ? labels.statusWithCertainty(s, c) : statusLabel(s);
}

/** A finding's kind label and its message, without repeating the label when the message starts with it. */
export const findingParts = (f: { kind: FindingKind; message: string }): { label: string; text: string } => labels.findingParts(f);
export const findingSeverityLabel = (s: Finding['severity']): string => labels.findingSeverityLabel(s);
export const isConfirmationFinding = (f: { kind: FindingKind }): boolean => labels.isConfirmationFinding(f);

/** The page is past the content script's hard limit (status too_large): the overlay and side panel say the same. */
export function tooLargeMessage(page: Pick<PageState, 'timings'>): string {
  const chars = page.timings.textChars ?? 0;
  return t('pageTooLarge', Math.max(1, Math.round(chars / 10_000)));
}
