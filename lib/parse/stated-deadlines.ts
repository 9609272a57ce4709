/**
 * Deadlines stated by their place rather than by their wording: a `完成时限` table cell or a `完成时限：` field.
 * Every date in such a range is a promised completion date (`2023年6月底`, `6月前`), even without the promise
 * verbs findDeadlines needs in running text; `长期坚持` holds no date and gives none.
 */
import type { Deadline } from '@/lib/schema';
import { resolveDates, scanDates } from './dates';
import { deadlineDate } from './deadlines';

export interface StatedDeadlineOptions {
  fallbackYear: number | null;
  fallbackLabel: string;
  publishDate: string | null;
}

/** `found` (sorted) plus the dates in `ranges` that no found deadline already covers, sorted by start. */
export function statedDeadlines(text: string, ranges: Array<{ start: number; end: number }>, found: Deadline[], opts: StatedDeadlineOptions): Deadline[] {
  if (!ranges.length) return found;
  const out = [...found];
  const publishYear = opts.publishDate ? Number(opts.publishDate.slice(0, 4)) : null;
  for (const r of ranges) {
    const mentions = resolveDates(scanDates(text, r.start, r.end), {
      fallbackYear: opts.fallbackYear,
      fallbackLabel: opts.fallbackLabel,
      currentYear: publishYear ?? opts.fallbackYear,
    });
    for (const m of mentions) {
      if (found.some((d) => d.start < m.end && d.end > m.start)) continue;
      const before = /^(?:之前|以前|前)/.exec(text.slice(m.end, Math.min(r.end, m.end + 2)));
      const end = before ? m.end + before[0].length : m.end;
      const { date, note } = deadlineDate(m, before !== null);
      const explanation = [m.explanation, note].filter((x): x is string => !!x).join('；');
      out.push({
        text: text.slice(m.start, end),
        date,
        start: m.start,
        end,
        overdueAtPublication: date !== null && opts.publishDate !== null ? date < opts.publishDate : null,
        ...(explanation ? { explanation } : {}),
      });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}
