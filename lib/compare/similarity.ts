// Similarity primitives for aligning problem items: normalized labels, character bigrams, Dice/Jaccard, outline paths.

/** Problem wording without the boilerplate every label shares. */
export function normalizeLabel(label: string): string {
  return label
    .replace(/针对|的问题|问题|方面|关于/g, '')
    .replace(/[\s“”"'‘’「」『』《》〈〉（）()【】[\]、，,。．.：:；;！!？?·\-—_]/g, '');
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

export function jaccard(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  const union = a.size + b.size - shared;
  return union === 0 ? 0 : shared / union;
}

/** 1 for identical paths; otherwise the share of equal levels, compared from the deepest level up. */
export function pathSimilarity(a: string[], b: string[]): number {
  return markerSimilarity(a.map(normalizeMarker), b.map(normalizeMarker));
}

export function markerSimilarity(a: string[], b: string[]): number {
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

export function normalizeMarker(marker: string): string {
  return marker.replace(/[（(]/g, '(').replace(/[）)]/g, ')').replace(/[．.、\s]/g, '');
}

export function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
