// The comparison of a current notice with earlier ones: change types, summary, row order, and the change labels.
import type {
  Comparison,
  ComparisonRow,
  ComparedItem,
  ItemChange,
  Notice,
  OverdueCommitment,
  ProblemItem,
  StatusOverride,
} from '@/lib/schema';
import { COMPARISON_VERSION, ITEM_CHANGES } from '@/lib/schema';
import { diffDeadlines, diffQuantities } from './diffs';
import { buildChains, effective, history, isDone, overdueCommitments, snapshot, type Effective } from './history';

export interface CompareOptions {
  overrides?: { current?: StatusOverride[]; earlier?: StatusOverride[][] };
  /** Normalized texts (same order as the notices); improve alignment and number contexts. */
  texts?: { current?: string; earlier?: (string | undefined)[] };
  threshold?: number;
}

function ref(item: ProblemItem, eff: Effective): ComparedItem {
  return { id: item.id, label: item.label, path: item.path, status: eff.status, certainty: eff.certainty };
}

function classify(earlier: Effective | null, current: Effective | null, lastSeen: Effective | null): ItemChange {
  if (earlier && current) {
    if (isDone(earlier.status)) return isDone(current.status) ? 'unchanged_done' : 'regressed';
    return isDone(current.status) ? 'resolved' : 'still_unfinished';
  }
  if (current) return 'new';
  // Vanished: the last report about it said it was not done.
  return lastSeen && isDone(lastSeen.status) ? 'done_omitted' : 'vanished';
}

function chronological(earlier: Notice[], texts: (string | undefined)[], overrides: StatusOverride[][]) {
  const entries = earlier.map((notice, i) => ({ notice, text: texts[i], overrides: overrides[i] ?? [], i }));
  // Stable: undated notices keep their given position relative to each other.
  if (entries.every((e) => e.notice.meta.publishDate !== null)) {
    entries.sort((a, b) => a.notice.meta.publishDate!.localeCompare(b.notice.meta.publishDate!) || a.i - b.i);
  }
  return entries;
}

/**
 * Compare the current notice with one or more earlier notices of the same organization (any order; sorted
 * by publish date). Change types refer to the most recent earlier notice; history covers all of them.
 */
export function compareNotices(current: Notice, earlier: Notice[], opts: CompareOptions = {}): Comparison {
  const ordered = chronological(earlier, opts.texts?.earlier ?? [], opts.overrides?.earlier ?? []);
  const snaps = [
    ...ordered.map((e) => snapshot(e.notice, e.text, e.overrides)),
    snapshot(current, opts.texts?.current, opts.overrides?.current ?? []),
  ];
  const n = snaps.length;
  const summary = Object.fromEntries(ITEM_CHANGES.map((c) => [c, 0])) as Record<ItemChange, number>;
  if (n === 1) {
    return { version: COMPARISON_VERSION, current: noticeRef(current), earlier: [], summary, rows: [], overdueCommitments: [] };
  }
  const { chains, scores } = buildChains(snaps, opts.threshold);
  const rows: ComparisonRow[] = [];
  const overdue: OverdueCommitment[] = [];
  for (const chain of chains) {
    overdue.push(...overdueCommitments(chain, snaps));
    const e = chain[n - 2];
    const c = chain[n - 1];
    if (!e && !c) continue;
    const eEff = e ? effective(e, snaps[n - 2]) : null;
    const cEff = c ? effective(c, snaps[n - 1]) : null;
    const change = classify(eEff, cEff, eEff);
    summary[change]++;
    rows.push({
      earlierItem: e && eEff ? ref(e, eEff) : null,
      currentItem: c && cEff ? ref(c, cEff) : null,
      score: e && c ? (scores.get(chain) ?? null) : null,
      change,
      numberChanges: e && c ? diffQuantities(e.quantities, c.quantities, { before: snaps[n - 2].text, after: snaps[n - 1].text }) : [],
      deadlineChanges: e && c ? diffDeadlines(e.deadlines, c.deadlines, isDone(cEff!.status)) : [],
      history: history(chain, snaps),
    });
  }
  return {
    version: COMPARISON_VERSION,
    current: noticeRef(current),
    earlier: ordered.map((e) => noticeRef(e.notice)),
    summary,
    rows: sortRows(rows, current, snaps[n - 2].notice),
    overdueCommitments: overdue.sort((a, b) => a.deadline.localeCompare(b.deadline)),
  };
}

function noticeRef(notice: Notice) {
  return { title: notice.meta.title, publishDate: notice.meta.publishDate };
}

/** Document order of the current notice; vanished rows slot in after their earlier predecessor. */
function sortRows(rows: ComparisonRow[], current: Notice, earlier: Notice): ComparisonRow[] {
  const curIndex = new Map(current.items.map((it, i) => [it.id, i]));
  const earIndex = new Map(earlier.items.map((it, i) => [it.id, i]));
  const key = (r: ComparisonRow): number => {
    if (r.currentItem) return curIndex.get(r.currentItem.id)!;
    // Position of the nearest earlier item that is still present, plus a fraction.
    const ei = earIndex.get(r.earlierItem!.id)!;
    for (let i = ei - 1; i >= 0; i--) {
      const row = rows.find((x) => x.earlierItem?.id === earlier.items[i].id && x.currentItem);
      if (row) return curIndex.get(row.currentItem!.id)! + 0.5;
    }
    return -0.5;
  };
  const keyed = rows.map((r) => ({ r, k: key(r) }));
  return keyed.sort((a, b) => a.k - b.k).map((x) => x.r);
}

/** Chinese names of the change types, for people (lib/labels: the words the side panel shows). */
export { CHANGE_LABELS } from '@/lib/labels';
