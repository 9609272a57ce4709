/**
 * Scoring one labelled notice against the parser (test/fixtures/real/README.md says how labels are written).
 * Pure: label + raw text + parse result in, counts out. scripts/eval.ts sums the counts over the corpus.
 */
import type { Notice, ProblemItem } from '../../lib/schema';
import type { NoticeLabel } from './labels';

export const META_FIELDS = ['title', 'organization', 'inspectionBody', 'inspectionPeriod', 'feedbackDate', 'publishDate'] as const;
export type MetaField = (typeof META_FIELDS)[number];

export interface FileScore {
  /** Meta fields compared (notice files only): field → correct? */
  meta: Partial<Record<MetaField, boolean>>;
  labelItems: number;
  matchedLabels: number;
  parserItems: number;
  matchedParserItems: number;
  statusLabelled: number;
  statusCorrect: number;
  /** Parser said done where the label says otherwise: the worst error (hides an open commitment). */
  wrongDone: number;
  /** Parser said unclear (or gave no certainty) on a matched, status-labelled item. */
  unclear: number;
  /** certainty → [correct, total] over matched status-labelled items. */
  byCertainty: Record<string, [number, number]>;
  deadlinesLabelled: number;
  deadlinesFound: number;
  detected: boolean;
  detectionCorrect: boolean;
  /** Items labelled done that the parser flags overdue. */
  falseOverdue: number;
  /** Human-readable misses, for `--verbose`. */
  misses: string[];
}

/** Position in the normalized text of raw offset `raw` (toOriginal maps normalized → raw, non-decreasing). */
export function toNormalized(toOriginal: Uint32Array, raw: number): number {
  let lo = 0;
  let hi = toOriginal.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (toOriginal[mid] < raw) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const squash = (s: string | null | undefined) => (s == null ? null : s.replace(/\s+/g, ''));

function lastDayOfMonth(ym: string): string {
  const [y, m] = ym.split('-').map(Number);
  return `${ym}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
}

/** A period bound written to the month matches the parser's whole-month reading of it (start: 1st, end: last day). */
function boundMatches(label: string | null, got: string | null, edge: 'start' | 'end'): boolean {
  if (label === got) return true;
  if (label === null || got === null || !/^\d{4}-\d{2}$/.test(label)) return false;
  return got === (edge === 'start' ? `${label}-01` : lastDayOfMonth(label));
}

type Period = { start: string | null; end: string | null } | null | undefined;

function periodMatches(label: Period, got: Period): boolean {
  if (!label || !got) return !label && !got;
  return boundMatches(label.start, got.start, 'start') && boundMatches(label.end, got.end, 'end');
}

export function scoreMeta(label: NonNullable<NoticeLabel['meta']>, meta: Notice['meta']): Partial<Record<MetaField, boolean>> {
  const got = meta as unknown as Record<string, unknown>;
  const out: Partial<Record<MetaField, boolean>> = {};
  for (const f of META_FIELDS) {
    if (f === 'inspectionPeriod') out[f] = periodMatches(label.inspectionPeriod, got.inspectionPeriod as Period);
    else out[f] = squash(label[f]) === squash(got[f] as string | null);
  }
  return out;
}

/** The innermost parser item whose range holds normalized offset `at` and is not yet taken. */
function itemAt(items: ProblemItem[], at: number, taken: Set<string>): ProblemItem | null {
  let best: ProblemItem | null = null;
  for (const it of items) {
    if (taken.has(it.id) || at < it.start || at >= it.end) continue;
    if (!best || it.start >= best.start) best = it;
  }
  return best;
}

function overdueItems(notice: Notice): Set<string> {
  const ids = new Set<string>();
  for (const f of notice.findings) if ((f.kind === 'overdue_at_publication' || f.kind === 'overdue_now') && f.itemId) ids.add(f.itemId);
  for (const it of notice.items) if (it.deadlines.some((d) => d.overdueAtPublication)) ids.add(it.id);
  return ids;
}

export interface ParsedFile {
  raw: string;
  text: string;
  toOriginal: Uint32Array;
  notice: Notice;
  detected: boolean;
}

export function scoreFile(label: NoticeLabel, parsed: ParsedFile): FileScore {
  const s: FileScore = {
    meta: {},
    labelItems: 0,
    matchedLabels: 0,
    parserItems: 0,
    matchedParserItems: 0,
    statusLabelled: 0,
    statusCorrect: 0,
    wrongDone: 0,
    unclear: 0,
    byCertainty: {},
    deadlinesLabelled: 0,
    deadlinesFound: 0,
    detected: parsed.detected,
    detectionCorrect: parsed.detected === label.notice,
    falseOverdue: 0,
    misses: [],
  };
  if (!s.detectionCorrect) s.misses.push(`detection: got ${parsed.detected}, label ${label.notice}`);
  if (!label.notice) return s;
  if (label.meta) {
    s.meta = scoreMeta(label.meta, parsed.notice.meta);
    const got = parsed.notice.meta as unknown as Record<string, unknown>;
    for (const [f, ok] of Object.entries(s.meta)) {
      if (!ok) s.misses.push(`meta.${f}: got ${JSON.stringify(got[f])}, label ${JSON.stringify(label.meta[f as MetaField])}`);
    }
  }
  const items = parsed.notice.items;
  const overdue = overdueItems(parsed.notice);
  const taken = new Set<string>();
  s.parserItems = items.length;
  for (const li of label.items) {
    s.labelItems++;
    s.deadlinesLabelled += li.deadlines.length;
    const rawAt = parsed.raw.indexOf(li.quote);
    if (rawAt < 0) throw new Error(`label quote not in the text: ${li.quote}`);
    const item = itemAt(items, toNormalized(parsed.toOriginal, rawAt), taken);
    if (!item) {
      s.misses.push(`item missed: ${li.quote}`);
      continue;
    }
    taken.add(item.id);
    s.matchedLabels++;
    const dates = new Set(item.deadlines.map((d) => d.date));
    for (const d of li.deadlines) {
      if (dates.has(d)) s.deadlinesFound++;
      else s.misses.push(`deadline missed: ${li.quote} ${d} (got ${[...dates].join(',') || 'none'})`);
    }
    if (li.status === 'done' && overdue.has(item.id)) {
      s.falseOverdue++;
      s.misses.push(`done item flagged overdue: ${li.quote}`);
    }
    if (li.status === null) continue;
    s.statusLabelled++;
    const certainty = (item as { certainty?: string }).certainty ?? 'n/a';
    const cell = (s.byCertainty[certainty] ??= [0, 0]);
    cell[1]++;
    if (item.status === 'unclear' || certainty === 'unclear') s.unclear++;
    if (item.status === li.status) {
      s.statusCorrect++;
      cell[0]++;
    } else {
      if (item.status === 'done') s.wrongDone++;
      s.misses.push(`status: ${li.quote} got ${item.status}/${certainty}, label ${li.status} (${li.evidence ?? ''})`);
    }
  }
  s.matchedParserItems = taken.size;
  for (const it of items) if (!taken.has(it.id)) s.misses.push(`extra item: ${it.path.join('')} ${it.label.slice(0, 30)}`);
  return s;
}
