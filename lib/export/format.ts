/**
 * Shared wording for everything shown to people in exports (and reusable by the side panel):
 * 公文-style dates, Chinese status names, safe file names.
 */
import type { ItemStatus, NoticeMeta, Severity, StatusCertainty } from '@/lib/schema';

import { formatGongwenDate } from '@/lib/gongwen';
import { severityLabel } from '@/lib/labels';

export { formatGongwenDate };

/** `{start, end}` → `2024年3月29日至2024年6月21日` (either side may be unknown). */
export function formatPeriod(period: { start: string | null; end: string | null } | null): string {
  if (!period || (!period.start && !period.end)) return '未知';
  return `${formatGongwenDate(period.start, '?')}至${formatGongwenDate(period.end, '?')}`;
}

export const STATUS_LABELS: Record<ItemStatus, string> = {
  done: '已完成',
  in_progress: '整改中',
  long_term: '长期坚持',
  unclear: '待核实',
};

/** How sure the parsed status is, in words (exports carry it in the text, never in colour only). */
export const CERTAINTY_LABELS: Record<StatusCertainty, string> = {
  stated: '原文明确表述',
  inferred: '根据措施推断',
  unclear: '原文无法判断',
};

/** `已完成`, or `已完成（推断）` for a status read from the measures rather than stated. */
export function statusWithCertainty(status: ItemStatus, certainty: StatusCertainty): string {
  return certainty === 'inferred' ? `${STATUS_LABELS[status]}（推断）` : STATUS_LABELS[status];
}

/** 严重 / 一般 / 提示, from the one i18n table (lib/labels). */
export const SEVERITY_LABELS: Record<Severity, string> = { high: severityLabel('high'), medium: severityLabel('medium'), low: severityLabel('low') };

export const DEADLINE_CHANGE_LABELS = {
  slipped: '时限推迟',
  advanced: '时限提前',
  dropped: '时限不再提及',
  added: '新增时限',
} as const;

// Characters forbidden in Windows/macOS/Linux file names, plus control characters.
// eslint-disable-next-line no-control-regex
const UNSAFE_FILE_CHARS = /[\\/:*?"<>|\u0000-\u001f\u007f]/g;

function sanitizeFilePart(part: string, max: number): string {
  const cleaned = part
    .replace(UNSAFE_FILE_CHARS, '_')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s]+|[.\s]+$/g, '');
  return Array.from(cleaned).slice(0, max).join('');
}

/** `{organization}-{publishDate}-审阅意见.{ext}`, safe on common file systems. */
export function exportFileName(meta: Pick<NoticeMeta, 'organization' | 'publishDate'>, ext: string): string {
  const org = sanitizeFilePart(meta.organization ?? '', 60) || '未知单位';
  const date = sanitizeFilePart(meta.publishDate ?? '', 20) || '未知日期';
  const safeExt = ext.replace(/[^a-z0-9]/gi, '').toLowerCase() || 'txt';
  return `${org}-${date}-审阅意见.${safeExt}`;
}
