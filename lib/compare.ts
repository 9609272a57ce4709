/**
 * Compare notices of the same organization over time: align problem items, diff statuses, numbers and
 * deadlines, and list commitments that were not kept. Pure and DOM-free.
 *
 * Alignment (`alignItems`) scores every (earlier, current) item pair from four signals:
 *  - label: character-bigram Dice of the problem wording, boilerplate (针对/问题/quotes) stripped — the
 *    strongest signal, labels are usually copied verbatim from one notice to the next;
 *  - text: bigram Dice of the first characters of the item body (only when both texts are given);
 *  - path: outline path agreement (weak: items are renumbered when one disappears);
 *  - numbers: Jaccard of the value+unit quantities (only when both items have some).
 * Missing signals are left out and the weights renormalized. Pairs are then chosen **greedily by best
 * score** (ties: same path, then document order): each accepted pair is the best remaining one, which is
 * easy to explain to a reviewer ("matched because it was the closest") and stable under small edits.
 * Hungarian assignment maximizes the *sum* and may trade a clearly-best pair for two mediocre ones; with
 * one-to-one, high-similarity labels the two agree in practice, and greedy is O(nm log nm).
 */
import type {
  Comparison,
  ComparisonRow,
  ComparedItem,
  Deadline,
  DeadlineChange,
  ItemChange,
  ItemStatus,
  Notice,
  NumberChange,
  OverdueCommitment,
  ProblemItem,
  Quantity,
  StatusHistoryEntry,
  StatusOverride,
} from '@/lib/schema';
import { COMPARISON_VERSION, itemChange } from '@/lib/schema';

// ---------------------------------------------------------------------------------------------
// Similarity primitives

/** Problem wording without the boilerplate every label shares. */
export function normalizeLabel(label: string): string {
  return label
    .replace(/针对|的问题|问题|方面|关于/g, '')
    .replace(/[\s“”"'‘’「」『』《》〈〉（）()【】\[\]、，,。．.：:；;！!？?·\-—_]/g, '');
}

/**
 * Set of character bigrams, each packed into one number (two UTF-16 units); a single character counts
 * as its own gram. Numbers hash and compare much faster than 2-character strings.
 */
export function bigrams(s: string): Set<number> {
  const grams = new Set<number>();
  if (s.length === 1) grams.add(s.charCodeAt(0) + 0x10000 * 0x10000);
  for (let i = 0; i + 1 < s.length; i++) grams.add(s.charCodeAt(i) * 0x10000 + s.charCodeAt(i + 1));
  return grams;
}

export function dice<T>(a: Set<T>, b: Set<T>): number {
  if (a.size === 0 && b.size === 0) return 1;
  if (a.size === 0 || b.size === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const g of small) if (large.has(g)) shared++;
  return (2 * shared) / (a.size + b.size);
}

function jaccard(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  const union = a.size + b.size - shared;
  return union === 0 ? 0 : shared / union;
}

/** 1 for identical paths; otherwise the share of equal levels, compared from the deepest level up. */
export function pathSimilarity(a: string[], b: string[]): number {
  return markerSimilarity(a.map(normalizeMarker), b.map(normalizeMarker));
}

function markerSimilarity(a: string[], b: string[]): number {
  const n = Math.max(a.length, b.length);
  if (n === 0) return 1;
  let equal = 0;
  for (let i = 1; i <= Math.min(a.length, b.length); i++) if (a[a.length - i] === b[b.length - i]) equal++;
  // Parents weigh as much as the leaf: items keep their section even when renumbered.
  let parents = 0;
  const depth = Math.min(a.length, b.length) - 1;
  for (let i = 0; i < depth; i++) if (a[i] === b[i]) parents++;
  const leafSame = depth >= 0 && a[a.length - 1] === b[b.length - 1] ? 1 : 0;
  return 0.5 * (equal / n) + 0.25 * (depth > 0 ? parents / depth : 1) + 0.25 * leafSame;
}

function normalizeMarker(marker: string): string {
  return marker.replace(/[（(]/g, '(').replace(/[）)]/g, ')').replace(/[．.、\s]/g, '');
}

const BODY_CHARS = 240;

// ---------------------------------------------------------------------------------------------
// Alignment

export interface AlignOptions {
  /** Minimum score for a pair (0–1). Default 0.5. */
  threshold?: number;
  /** Normalized texts the item offsets refer to; enables the body-text signal and number contexts. */
  earlierText?: string;
  currentText?: string;
}

export interface AlignedPair {
  earlier: ProblemItem;
  current: ProblemItem;
  score: number;
}

export interface Alignment {
  pairs: AlignedPair[];
  /** Earlier items with no counterpart (candidates for vanished / done_omitted). */
  unmatchedEarlier: ProblemItem[];
  /** Current items with no counterpart (new). */
  unmatchedCurrent: ProblemItem[];
}

interface ItemFeatures {
  item: ProblemItem;
  index: number;
  label: Float64Array;
  labelKey: string;
  path: string[];
  /** Sorted distinct body bigrams (merge-intersected: much faster than hashing for ~200 grams). */
  body: Float64Array | null;
  numbers: Set<string>;
}

// A notice is aligned twice in a series (with its predecessor and its successor): compute once.
const featureCache = new WeakMap<ProblemItem, { text: string | undefined; f: ItemFeatures }>();

function features(item: ProblemItem, index: number, text: string | undefined): ItemFeatures {
  const cached = featureCache.get(item);
  if (cached && cached.text === text && cached.f.index === index) return cached.f;
  const f = computeFeatures(item, index, text);
  featureCache.set(item, { text, f });
  return f;
}

function sortedGrams(s: string): Float64Array {
  return Float64Array.from(bigrams(s)).sort();
}

/** Dice coefficient of two sorted, duplicate-free arrays. */
function diceSorted(a: Float64Array, b: Float64Array): number {
  if (a.length === 0 && b.length === 0) return 1;
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      shared++;
      i++;
      j++;
    } else if (a[i] < b[j]) i++;
    else j++;
  }
  return (2 * shared) / (a.length + b.length);
}

function computeFeatures(item: ProblemItem, index: number, text: string | undefined): ItemFeatures {
  const labelKey = normalizeLabel(item.label);
  let body: Float64Array | null = null;
  if (text !== undefined) {
    const raw = text.slice(item.start, Math.min(item.end, item.start + BODY_CHARS));
    body = sortedGrams(raw.replace(/\s/g, ''));
  }
  const numbers = new Set(item.quantities.map((q) => `${q.value}${q.unit}`));
  return { item, index, label: sortedGrams(labelKey), labelKey, path: item.path.map(normalizeMarker), body, numbers };
}

const WEIGHTS = { label: 0.6, body: 0.2, path: 0.12, numbers: 0.08 };

/**
 * Weighted score, or -1 as soon as the pair cannot reach `threshold` even if every signal not yet
 * computed were perfect (most pairs of a notice are pruned on the label alone, cheaply).
 */
function pairScore(a: ItemFeatures, b: ItemFeatures, threshold: number): number {
  const hasBody = a.body !== null && b.body !== null;
  const hasNumbers = a.numbers.size > 0 && b.numbers.size > 0;
  const weight = WEIGHTS.label + WEIGHTS.path + (hasBody ? WEIGHTS.body : 0) + (hasNumbers ? WEIGHTS.numbers : 0);
  const need = threshold * weight;
  const label = a.labelKey === b.labelKey && a.labelKey !== '' ? 1 : diceSorted(a.label, b.label);
  let sum = WEIGHTS.label * label;
  let open = weight - WEIGHTS.label;
  if (sum + open < need) return -1;
  sum += WEIGHTS.path * markerSimilarity(a.path, b.path);
  open -= WEIGHTS.path;
  if (hasNumbers) {
    sum += WEIGHTS.numbers * jaccard(a.numbers, b.numbers);
    open -= WEIGHTS.numbers;
  }
  if (sum + open < need) return -1;
  if (hasBody) sum += WEIGHTS.body * diceSorted(a.body!, b.body!);
  return sum / weight;
}

export function alignItems(earlier: Notice, current: Notice, opts: AlignOptions = {}): Alignment {
  const threshold = opts.threshold ?? 0.5;
  const ea = earlier.items.map((it, i) => features(it, i, opts.earlierText));
  const cu = current.items.map((it, i) => features(it, i, opts.currentText));
  const candidates: { e: ItemFeatures; c: ItemFeatures; score: number; samePath: boolean }[] = [];
  for (const e of ea) {
    for (const c of cu) {
      const score = pairScore(e, c, threshold);
      if (score >= threshold) candidates.push({ e, c, score, samePath: markerSimilarity(e.path, c.path) === 1 });
    }
  }
  candidates.sort(
    (x, y) =>
      y.score - x.score ||
      Number(y.samePath) - Number(x.samePath) ||
      Math.abs(x.e.index - x.c.index) - Math.abs(y.e.index - y.c.index) ||
      x.e.index - y.e.index,
  );
  const usedE = new Set<number>();
  const usedC = new Set<number>();
  const pairs: AlignedPair[] = [];
  for (const cand of candidates) {
    if (usedE.has(cand.e.index) || usedC.has(cand.c.index)) continue;
    usedE.add(cand.e.index);
    usedC.add(cand.c.index);
    pairs.push({ earlier: cand.e.item, current: cand.c.item, score: round(cand.score) });
  }
  pairs.sort((x, y) => current.items.indexOf(x.current) - current.items.indexOf(y.current));
  return {
    pairs,
    unmatchedEarlier: earlier.items.filter((_, i) => !usedE.has(i)),
    unmatchedCurrent: current.items.filter((_, i) => !usedC.has(i)),
  };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

// ---------------------------------------------------------------------------------------------
// Numbers

const CONTEXT_CHARS = 12;
const CLAUSE_BREAK = /[，,。；;：:！？!?\n（(）)、]/;

/** The words right before a quantity, back to the clause start (e.g. 已完成整改 for 已完成整改11宗). */
export function quantityContext(q: Quantity, text: string | undefined): string {
  if (text === undefined) return q.text.replace(/[\d.,，万亿千百十%％]+/g, '').replace(q.unit, '');
  let from = q.start;
  while (from > 0 && q.start - from < CONTEXT_CHARS && !CLAUSE_BREAK.test(text[from - 1])) from--;
  let context = text.slice(from, q.start).replace(/\s/g, '');
  if (context.length < 2) {
    // 未整改完成的12宗，其中5宗… — nothing before: the words after identify it.
    let to = q.end;
    while (to < text.length && to - q.end < 6 && !CLAUSE_BREAK.test(text[to])) to++;
    context += '…' + text.slice(q.end, to).replace(/\s/g, '');
  }
  return context;
}

export function diffQuantities(
  before: Quantity[],
  after: Quantity[],
  texts: { before?: string; after?: string } = {},
): NumberChange[] {
  const withContext = (q: Quantity, i: number, text: string | undefined) => {
    const ctx = quantityContext(q, text);
    return { q, i, ctx, grams: bigrams(ctx) };
  };
  const b = before.map((q, i) => withContext(q, i, texts.before));
  const a = after.map((q, i) => withContext(q, i, texts.after));
  const candidates: { x: (typeof b)[number]; y: (typeof a)[number]; score: number }[] = [];
  for (const x of b) {
    for (const y of a) {
      if (x.q.unit !== y.q.unit) continue;
      const score = x.ctx === y.ctx ? 1 : dice(x.grams, y.grams);
      if (score >= 0.6) candidates.push({ x, y, score });
    }
  }
  candidates.sort((p, r) => r.score - p.score || Math.abs(p.x.i - p.y.i) - Math.abs(r.x.i - r.y.i));
  const usedB = new Set<number>();
  const usedA = new Set<number>();
  const changes: { order: number; change: NumberChange }[] = [];
  for (const { x, y } of candidates) {
    if (usedB.has(x.i) || usedA.has(y.i)) continue;
    usedB.add(x.i);
    usedA.add(y.i);
    if (x.q.value === y.q.value) continue;
    changes.push({
      order: y.i,
      change: {
        unit: y.q.unit,
        before: x.q.value,
        after: y.q.value,
        delta: round(y.q.value - x.q.value),
        beforeText: x.q.text,
        afterText: y.q.text,
        context: y.ctx,
      },
    });
  }
  return changes.sort((p, r) => p.order - r.order).map((c) => c.change);
}

// ---------------------------------------------------------------------------------------------
// Deadlines

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * Dated deadlines are paired in date order. A deadline that disappears is only `dropped` when the item
 * is still unfinished — a finished item naturally stops promising dates.
 */
export function diffDeadlines(before: Deadline[], after: Deadline[], currentDone: boolean): DeadlineChange[] {
  const b = before.filter((d) => d.date !== null).sort((x, y) => x.date!.localeCompare(y.date!));
  const a = after.filter((d) => d.date !== null).sort((x, y) => x.date!.localeCompare(y.date!));
  const changes: DeadlineChange[] = [];
  for (let i = 0; i < Math.min(b.length, a.length); i++) {
    const days = daysBetween(b[i].date!, a[i].date!);
    if (days === 0) continue;
    changes.push({
      kind: days > 0 ? 'slipped' : 'advanced',
      before: b[i].date,
      after: a[i].date,
      days,
      beforeText: b[i].text,
      afterText: a[i].text,
    });
  }
  if (!currentDone) {
    for (const d of b.slice(a.length)) {
      changes.push({ kind: 'dropped', before: d.date, after: null, days: null, beforeText: d.text, afterText: null });
    }
  }
  for (const d of a.slice(b.length)) {
    changes.push({ kind: 'added', before: null, after: d.date, days: null, beforeText: null, afterText: d.text });
  }
  return changes;
}

// ---------------------------------------------------------------------------------------------
// Comparison

export interface CompareOptions {
  overrides?: { current?: StatusOverride[]; earlier?: StatusOverride[][] };
  /** Normalized texts (same order as the notices); improve alignment and number contexts. */
  texts?: { current?: string; earlier?: (string | undefined)[] };
  threshold?: number;
}

interface Snapshot {
  notice: Notice;
  text: string | undefined;
  overrides: Map<string, StatusOverride>;
}

interface Effective {
  status: ItemStatus;
  evidence: string | null;
  source: 'parsed' | 'override';
}

function effective(item: ProblemItem, snap: Snapshot): Effective {
  const o = snap.overrides.get(item.id);
  if (o) return { status: o.status, evidence: o.reason, source: 'override' };
  return { status: item.status, evidence: item.statusEvidence?.text ?? null, source: 'parsed' };
}

/** Only an explicit 'done' counts as reported done; long_term and unclear items are still open. */
export const isDone = (status: ItemStatus): boolean => status === 'done';

/** A chain follows one problem through the notices: items[k] is its item in snapshot k (or null). */
type Chain = (ProblemItem | null)[];

function buildChains(snaps: Snapshot[], threshold: number | undefined): { chains: Chain[]; scores: Map<Chain, number> } {
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

function ref(item: ProblemItem, eff: Effective): ComparedItem {
  return { id: item.id, label: item.label, path: item.path, status: eff.status };
}

function history(chain: Chain, snaps: Snapshot[]): StatusHistoryEntry[] {
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

function classify(earlier: Effective | null, current: Effective | null, lastSeen: Effective | null): ItemChange {
  if (earlier && current) {
    if (isDone(earlier.status)) return isDone(current.status) ? 'unchanged_done' : 'regressed';
    return isDone(current.status) ? 'resolved' : 'still_unfinished';
  }
  if (current) return 'new';
  // Vanished: the last report about it said it was not done.
  return lastSeen && isDone(lastSeen.status) ? 'done_omitted' : 'vanished';
}

/**
 * Overdue commitments: a dated deadline promised in notice k that passed before notice k+1 (or a later
 * one) was published, while the item was not reported done there. Each promise is reported once, against
 * the first newer notice that should have shown it kept.
 */
function overdueCommitments(chain: Chain, snaps: Snapshot[]): OverdueCommitment[] {
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

function chronological(earlier: Notice[], texts: (string | undefined)[], overrides: StatusOverride[][]) {
  const entries = earlier.map((notice, i) => ({ notice, text: texts[i], overrides: overrides[i] ?? [], i }));
  // Stable: undated notices keep their given position relative to each other.
  if (entries.every((e) => e.notice.meta.publishDate !== null)) {
    entries.sort((a, b) => a.notice.meta.publishDate!.localeCompare(b.notice.meta.publishDate!) || a.i - b.i);
  }
  return entries;
}

function snapshot(notice: Notice, text: string | undefined, overrides: StatusOverride[]): Snapshot {
  return { notice, text, overrides: new Map(overrides.map((o) => [o.itemId, o])) };
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
  const summary = Object.fromEntries(itemChange.options.map((c) => [c, 0])) as Record<ItemChange, number>;
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

/** Chinese names of the change types, for people. */
export const CHANGE_LABELS: Record<ItemChange, string> = {
  resolved: '本期完成',
  regressed: '由完成退回未完成',
  still_unfinished: '仍未完成',
  vanished: '未报完成即消失',
  new: '新增',
  unchanged_done: '保持完成',
  done_omitted: '已完成不再列出',
};
