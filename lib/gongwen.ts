/** Dates as people read them in official documents (公文): `2025-06-30` → `2025年6月30日`. Pure. */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})/;

/**
 * `2025-06-30` (or an ISO timestamp, whose date part is used as written) → `2025年6月30日`.
 * Null/empty → `fallback`; anything not starting with YYYY-MM-DD is returned unchanged (never guessed).
 */
export function formatGongwenDate(iso: string | null | undefined, fallback = '未知日期'): string {
  if (!iso) return fallback;
  const m = ISO_DATE.exec(iso);
  if (!m) return iso;
  return `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日`;
}
