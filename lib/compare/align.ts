// Alignment of the problem items of two notices: per-item features, the weighted pair score, greedy pairing.
/**
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
import type { Notice, ProblemItem } from '@/lib/schema';
import { bigrams, jaccard, markerSimilarity, normalizeLabel, normalizeMarker, round } from './similarity';

const BODY_CHARS = 240;

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
