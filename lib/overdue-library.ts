/**
 * 逾期承诺 across the library: every dated commitment that passed before "today" whose item is not reported
 * done in the latest saved notice of that organization (as reviewed). Pure: library entries in, rows out.
 * A promise repeated in several notices is listed once, as made in the newest notice that states it.
 */
import { alignItems, daysBetween } from '@/lib/compare';
import type { Deadline, Notice, ProblemItem, StatusOverride } from '@/lib/schema';
import { overrideFor } from '@/lib/overrides';
import { STATUS_LABELS } from '@/lib/export/format';

/** A library notice with its stored versions (newest first) and its review, as lib/db reads it. */
export interface OverdueLibraryEntry {
  noticeKey: string;
  versions: Array<{ notice: Notice; text: string; url: string }>;
  overrides: StatusOverride[];
}

export interface OverdueCommitmentRow {
  organization: string;
  noticeKey: string;
  noticeTitle: string | null;
  /** Publish date of the notice that made the promise. */
  noticeDate: string | null;
  url: string;
  itemLabel: string;
  deadlineText: string;
  deadline: string;
  /** Where the promise is in that notice's text. */
  start: number;
  end: number;
  days: number;
  /** The item's status in the latest notice of the organization (`未列出` when it is not listed there). */
  latestStatus: string;
  latestDate: string | null;
  /** Whether the promising notice is the organization's latest one. */
  inLatest: boolean;
}

export const NOT_LISTED = '最新通报未列出';
const UNKNOWN_ORG = '未知单位';

interface Doc {
  entry: OverdueLibraryEntry;
  notice: Notice;
  text: string;
  url: string;
}

const statusOf = (item: ProblemItem, overrides: readonly StatusOverride[]) => overrideFor(item, overrides)?.status ?? item.status;
const newestFirst = (a: Doc, b: Doc) => (b.notice.meta.publishDate ?? '').localeCompare(a.notice.meta.publishDate ?? '');

function byOrganization(entries: OverdueLibraryEntry[]): Map<string, Doc[]> {
  const groups = new Map<string, Doc[]>();
  for (const entry of entries) {
    for (const v of entry.versions) {
      const org = v.notice.meta.organization ?? entry.versions[0].notice.meta.organization ?? UNKNOWN_ORG;
      groups.set(org, [...(groups.get(org) ?? []), { entry, ...v }]);
    }
  }
  for (const docs of groups.values()) docs.sort(newestFirst);
  return groups;
}

/** Where each item of `doc` stands in the latest notice: its aligned item there, or null when not listed. */
function counterparts(doc: Doc, latest: Doc): (item: ProblemItem) => ProblemItem | null {
  if (doc === latest) return (item) => item;
  const { pairs } = alignItems(doc.notice, latest.notice, { earlierText: doc.text, currentText: latest.text });
  const map = new Map(pairs.map((p) => [p.earlier.id, p.current]));
  return (item) => map.get(item.id) ?? null;
}

function organizationRows(org: string, docs: Doc[], today: string): OverdueCommitmentRow[] {
  const latest = docs[0];
  const seen = new Set<string>();
  const rows: OverdueCommitmentRow[] = [];
  for (const doc of docs) {
    const inLatest = counterparts(doc, latest);
    for (const item of doc.notice.items) {
      if (statusOf(item, doc.entry.overrides) === 'done') continue;
      const now = inLatest(item);
      const latestStatus = now ? statusOf(now, latest.entry.overrides) : null;
      if (latestStatus === 'done') continue;
      for (const d of item.deadlines.filter((x): x is Deadline & { date: string } => x.date !== null && x.date < today)) {
        const key = `${now?.id ?? `${doc.notice.meta.publishDate}|${item.label}`}|${d.date}`;
        if (seen.has(key)) continue;
        seen.add(key);
        rows.push({
          organization: org,
          noticeKey: doc.entry.noticeKey,
          noticeTitle: doc.notice.meta.title,
          noticeDate: doc.notice.meta.publishDate,
          url: doc.url,
          itemLabel: item.label,
          deadlineText: d.text,
          deadline: d.date,
          start: d.start,
          end: d.end,
          days: daysBetween(d.date, today),
          latestStatus: latestStatus ? STATUS_LABELS[latestStatus] : NOT_LISTED,
          latestDate: latest.notice.meta.publishDate,
          inLatest: doc === latest,
        });
      }
    }
  }
  return rows;
}

/** All overdue commitments of the library, most overdue first. */
export function libraryOverdue(entries: OverdueLibraryEntry[], today: string): OverdueCommitmentRow[] {
  const rows = [...byOrganization(entries.filter((e) => e.versions.length))].flatMap(([org, docs]) => organizationRows(org, docs, today));
  return rows.sort((a, b) => b.days - a.days || a.organization.localeCompare(b.organization, 'zh-CN'));
}

export interface OverdueFilter {
  organization?: string;
  /** Year of the deadline (`2025`), the period the promise fell due in. */
  year?: string;
  latestStatus?: string;
}

export function filterOverdue(rows: OverdueCommitmentRow[], f: OverdueFilter): OverdueCommitmentRow[] {
  return rows.filter(
    (r) =>
      (!f.organization || r.organization === f.organization) &&
      (!f.year || r.deadline.startsWith(f.year)) &&
      (!f.latestStatus || r.latestStatus === f.latestStatus),
  );
}

/**
 * The address that opens the notice at the promise: an online page with a text fragment (`#:~:text=`,
 * Chromium and Firefox scroll to and mark it); null for a notice without a web address (pasted, a file).
 */
export function passageUrl(row: Pick<OverdueCommitmentRow, 'url' | 'deadlineText'>): string | null {
  if (!/^https?:/i.test(row.url)) return null;
  const base = row.url.replace(/#.*$/, '');
  const encode = (s: string) => encodeURIComponent(s).replace(/-/g, '%2D');
  return `${base}#:~:text=${encode(row.deadlineText)}`;
}
