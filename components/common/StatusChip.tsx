import type { ItemStatus } from '@/lib/schema';
import { certaintyLabel, statusLabel, statusText, type ShownCertainty } from './labels';
import { t } from '@/lib/i18n';

/**
 * A status chip. The certainty is written in the text (`已完成（推断）`) and drawn in the style (inferred:
 * dashed outline on white; reviewed: double outline), so it never rests on colour alone. An overridden
 * status is shown with the parsed one struck through beside it.
 */
export function StatusChip({ status, certainty, parsed }: { status: ItemStatus; certainty: ShownCertainty; parsed?: ItemStatus }) {
  const overridden = parsed !== undefined && parsed !== status;
  const title = overridden ? t('overriddenFrom', statusLabel(parsed)) : certainty === 'reviewed' ? undefined : certaintyLabel(certainty);
  return (
    <span
      class={`rl-chip rl-chip-${status} rl-chip-${certainty}${overridden ? ' rl-chip-override' : ''}`}
      data-status={status}
      data-certainty={certainty}
      title={title}
    >
      {statusText(status, certainty)}
      {overridden && <s class="rl-chip-parsed">{statusLabel(parsed)}</s>}
    </span>
  );
}
