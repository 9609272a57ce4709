/** Display names for domain enums, through i18n (never literals in components). */
import { t, type MessageKey } from '@/lib/i18n';
import type { HighlightCategory, ItemStatus, StatusCertainty } from '@/lib/schema';

export { findingLabel, findingParts, findingSeverityLabel, isConfirmationFinding, severityLabel } from '@/lib/labels';

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
