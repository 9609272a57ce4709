import type { ItemStatus } from '@/lib/schema';
import { statusLabel } from './labels';
import { t } from '@/lib/i18n';

/** A status chip; an overridden status is shown with the parsed one struck through beside it. */
export function StatusChip({ status, parsed }: { status: ItemStatus; parsed?: ItemStatus }) {
  const overridden = parsed !== undefined && parsed !== status;
  return (
    <span class={`rl-chip rl-chip-${status}${overridden ? ' rl-chip-override' : ''}`} title={overridden ? t('overriddenFrom', statusLabel(parsed)) : undefined}>
      {statusLabel(status)}
      {overridden && <s class="rl-chip-parsed">{statusLabel(parsed)}</s>}
    </span>
  );
}
