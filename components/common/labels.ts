/** Display names for domain enums, through i18n (never literals in components). */
import { t, type MessageKey } from '@/lib/i18n';
import type { FindingKind, HighlightCategory, ItemStatus, PageState, Severity, StatusCertainty } from '@/lib/schema';

const STATUS_KEYS: Record<ItemStatus, MessageKey> = {
  done: 'statusDone',
  in_progress: 'statusInProgress',
  long_term: 'statusLongTerm',
  unclear: 'statusUnclear',
};
const CATEGORY_KEYS: Record<HighlightCategory, MessageKey> = {
  overdue: 'catOverdue',
  contradiction: 'catContradiction',
  deadline: 'catDeadline',
  unfinished: 'catUnfinished',
  done: 'catDone',
  date: 'catDate',
  number: 'catNumber',
  annotation: 'catAnnotation',
};
const FINDING_KEYS: Record<FindingKind, MessageKey> = {
  overdue_at_publication: 'findingOverdueAtPublication',
  overdue_now: 'findingOverdueNow',
  arithmetic: 'findingArithmetic',
  arithmetic_ok: 'findingArithmeticOk',
  numbering_gap: 'findingNumberingGap',
  numbering_duplicate: 'findingNumberingDuplicate',
  empty_section: 'findingEmptySection',
  outline_truncated: 'findingOutlineTruncated',
};
const SEVERITY_KEYS: Record<Severity, MessageKey> = { high: 'severityHigh', medium: 'severityMedium', low: 'severityLow' };

export const statusLabel = (s: ItemStatus): string => t(STATUS_KEYS[s]);

/** How sure a shown status is: the parser's certainty, or `reviewed` once a reviewer confirmed or changed it. */
export type ShownCertainty = StatusCertainty | 'reviewed';
const CERTAINTY_KEYS: Record<StatusCertainty, MessageKey> = {
  stated: 'certaintyStated',
  inferred: 'certaintyInferred',
  unclear: 'certaintyUnclear',
};
export const certaintyLabel = (c: StatusCertainty): string => t(CERTAINTY_KEYS[c]);
/** The chip text: `已完成`, `已完成（推断）`, `已完成（已确认）` — the certainty is written, not only drawn. */
export function statusText(s: ItemStatus, c: ShownCertainty): string {
  if (c === 'inferred') return t('statusInferred', statusLabel(s));
  if (c === 'reviewed') return t('statusReviewed', statusLabel(s));
  return statusLabel(s);
}
export const categoryLabel = (c: HighlightCategory): string => t(CATEGORY_KEYS[c]);
export const findingLabel = (k: FindingKind): string => t(FINDING_KEYS[k]);
/** A finding's kind label and its message, without repeating the label when the message starts with it. */
export function findingParts(f: { kind: FindingKind; message: string }): { label: string; text: string } {
  const label = findingLabel(f.kind);
  const text = f.message.startsWith(label) ? f.message.slice(label.length).replace(/^[：:\s]+/, '') : f.message;
  return { label, text };
}

export const severityLabel = (s: Severity): string => t(SEVERITY_KEYS[s]);

/** The page is past the content script's hard limit (status too_large): the overlay and side panel say the same. */
export function tooLargeMessage(page: Pick<PageState, 'timings'>): string {
  const chars = page.timings.textChars ?? 0;
  return t('pageTooLarge', Math.max(1, Math.round(chars / 10_000)));
}
