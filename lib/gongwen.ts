/** Dates as people read them in official documents (公文): `2025-06-30` → `2025年6月30日`, and day counts between them. Pure. */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})/;
/** A date at month or year precision (`2024-09`, `2024`), as the notice model keeps feedback dates. */
const PARTIAL_DATE = /^(\d{4})(?:-(\d{2}))?$/;

/**
 * `2025-06-30` (or an ISO timestamp, whose date part is used as written) → `2025年6月30日`; a date kept
 * at month or year precision stays at it: `2024-09` → `2024年9月`, `2024` → `2024年`.
 * Null/empty → `fallback`; anything else is returned unchanged (never guessed).
 */
export function formatGongwenDate(iso: string | null | undefined, fallback = '未知日期'): string {
  if (!iso) return fallback;
  const m = ISO_DATE.exec(iso);
  if (m) return `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日`;
  const p = PARTIAL_DATE.exec(iso);
  if (!p) return iso;
  return p[2] ? `${Number(p[1])}年${Number(p[2])}月` : `${Number(p[1])}年`;
}

/**
 * A moment (ISO timestamp, stored in UTC) as the day it was where the reader is: `2025-03-01T17:30:00Z`
 * read in Beijing → `2025年3月2日`. A value that is not a timestamp goes through formatGongwenDate.
 */
export function formatGongwenLocalDay(timestamp: string | null | undefined, fallback = '未知日期'): string {
  const at = timestamp && timestamp.includes('T') ? new Date(timestamp) : null;
  if (!at || Number.isNaN(at.getTime())) return formatGongwenDate(timestamp, fallback);
  return `${at.getFullYear()}年${at.getMonth() + 1}月${at.getDate()}日`;
}

const DAY_MS = 86_400_000;

/** Whole calendar days from one ISO date to another (`2025-06-30` → `2026-11-23`: 511); negative when `to` is earlier. */
export function daysBetween(fromIso: string, toIso: string): number {
  return Math.round((Date.parse(`${toIso}T00:00:00Z`) - Date.parse(`${fromIso}T00:00:00Z`)) / DAY_MS);
}
