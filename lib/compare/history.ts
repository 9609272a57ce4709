// A problem's trail through the notices: effective status, aligned-item chains, status history, overdue commitments.
import type {
  ItemStatus,
  Notice,
  OverdueCommitment,
  ProblemItem,
  StatusHistoryEntry,
  StatusOverride,
} from '@/lib/schema';
import { effectiveReading, type ShownCertainty } from '@/lib/overrides';
import { alignItems } from './align';

export interface Snapshot {
  notice: Notice;
  text: string | undefined;
  /** The reviewer's decisions on this notice; each applies only where its item keeps its label (lib/overrides). */
  overrides: StatusOverride[];
}

export interface Effective {
  status: ItemStatus;
  /** The parsed certainty, or `reviewed` for a reviewer's confirmation or override. */
  certainty: ShownCertainty;
  evidence: string | null;
  source: 'parsed' | 'override';
}

export function effective(item: ProblemItem, snap: Snapshot): Effective {
  const { status, certainty, override } = effectiveReading(item, snap.overrides);
  if (override) return { status, certainty, evidence: override.reason, source: 'override' };
  return { status, certainty, evidence: item.statusEvidence.basis?.text ?? null, source: 'parsed' };
}

/** Only an explicit 'done' counts as reported done; long_term and unclear items are still open. */
export const isDone = (status: ItemStatus): boolean => status === 'done';

/** A chain follows one problem through the notices: items[k] is its item in snapshot k (or null). */
export type Chain = (ProblemItem | null)[];

export function buildChains(snaps: Snapshot[], threshold: number | undefined): { chains: Chain[]; scores: Map<Chain, number> } {
  const n = snaps.length;
  let open: Chain[] = snaps[0].notice.items.map((it) => [it, ...Array<null>(n - 1).fill(null)]);
  const chains: Chain[] = [...open];
  const scores = new Map<Chain, number>();
  for (let k = 1; k < n; k++) {
    const prev = snaps[k - 1];
    const cur = snaps[k];
    const alignment = alignItems(prev.notice, cur.notice, { threshold, earlierText: prev.text, currentText: cur.text });
    const byPrevItem = new Map(open.map((c) => [c[k - 1]!, c]));
    const next: Chain[] = [];
    for (const pair of alignment.pairs) {
      const chain = byPrevItem.get(pair.earlier)!;
      chain[k] = pair.current;
      if (k === n - 1) scores.set(chain, pair.score);
      next.push(chain);
    }
    for (const item of alignment.unmatchedCurrent) {
      const chain: Chain = Array<ProblemItem | null>(n).fill(null);
      chain[k] = item;
      chains.push(chain);
      next.push(chain);
    }
    open = next;
  }
  return { chains, scores };
}

export function history(chain: Chain, snaps: Snapshot[]): StatusHistoryEntry[] {
  const firstSeen = chain.findIndex((it) => it !== null);
  const entries: StatusHistoryEntry[] = [];
  for (let k = firstSeen; k < snaps.length; k++) {
    const meta = snaps[k].notice.meta;
    const item = chain[k];
    if (!item) {
      entries.push({ noticeDate: meta.publishDate, noticeTitle: meta.title, status: 'absent', evidence: null, source: 'parsed' });
      continue;
    }
    const eff = effective(item, snaps[k]);
    entries.push({ noticeDate: meta.publishDate, noticeTitle: meta.title, ...eff });
  }
  return entries;
}

/**
 * Overdue commitments: a dated deadline promised in notice k that passed before notice k+1 (or a later
 * one) was published, while the item was not reported done there. Each promise is reported once, against
 * the first newer notice that should have shown it kept.
 */
export function overdueCommitments(chain: Chain, snaps: Snapshot[]): OverdueCommitment[] {
  const out: OverdueCommitment[] = [];
  const seen = new Set<string>();
  for (let k = 0; k < snaps.length - 1; k++) {
    const item = chain[k];
    if (!item) continue;
    for (const d of item.deadlines) {
      if (d.date === null || seen.has(d.date)) continue;
      for (let j = k + 1; j < snaps.length; j++) {
        const later = chain[j];
        if (later && isDone(effective(later, snaps[j]).status)) break;
        const date = snaps[j].notice.meta.publishDate;
        if (date === null || d.date >= date) continue;
        seen.add(d.date);
        out.push({
          itemLabel: (later ?? item).label,
          itemId: (later ?? item).id,
          deadline: d.date,
          deadlineText: d.text,
          earlierNoticeDate: snaps[k].notice.meta.publishDate,
          currentNoticeDate: date,
          reportedDone: false,
        });
        break;
      }
    }
  }
  return out;
}

export function snapshot(notice: Notice, text: string | undefined, overrides: StatusOverride[]): Snapshot {
  return { notice, text, overrides };
}
