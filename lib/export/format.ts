/**
 * Shared wording for everything shown to people in exports: 公文-style dates, the zh-CN labels of
 * lib/labels, safe file names.
 */
import type { ItemStatus, NoticeMeta, StatusCertainty } from '@/lib/schema';
import { zh } from '@/lib/i18n';
import { statusWithCertainty as labelStatusWithCertainty } from '@/lib/labels';

import { formatGongwenDate } from '@/lib/gongwen';

export { formatGongwenDate };

/** `{start, end}` → `2024年3月29日至2024年6月21日` (either side may be unknown). */
export function formatPeriod(period: { start: string | null; end: string | null } | null): string {
  if (!period || (!period.start && !period.end)) return '未知';
  return `${formatGongwenDate(period.start, '?')}至${formatGongwenDate(period.end, '?')}`;
}

// The labels are lib/labels' zh-CN tables: the same words the side panel shows.
export { CERTAINTY_LABELS, DEADLINE_CHANGE_LABELS, SEVERITY_LABELS, STATUS_LABELS } from '@/lib/labels';

/** `已完成`, or `已完成（推断）` for a status read from the measures rather than stated. */
export function statusWithCertainty(status: ItemStatus, certainty: StatusCertainty): string {
  return labelStatusWithCertainty(status, certainty, zh);
}

// Characters forbidden in Windows/macOS/Linux file names, plus control characters.
// eslint-disable-next-line no-control-regex -- control characters are what this pattern removes
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
