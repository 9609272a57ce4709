// Load with the extension against load with the empty (noop) content script: medians, quartiles and a bootstrap range of their ratio.

import { prng } from '../lib/prng';

/** Quantile `q` (0…1) of `xs`, linear between the two nearest order statistics (NaN when empty). */
export function quantile(xs: number[], q: number): number {
  if (!xs.length) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  const at = (s.length - 1) * q;
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return s[lo] + (s[hi] - s[lo]) * (at - lo);
}

export interface LoadComparison {
  /** Loads compared: the i-th load with the extension and the i-th with the noop ran one after the other. */
  pairs: number;
  withMedianMs: number;
  noopMedianMs: number;
  /** First and third quartile of loadEventEnd. */
  withIqrMs: [number, number];
  noopIqrMs: [number, number];
  /** median(with) / median(noop), the figure the target is checked on (= loadRatioVsNoop). */
  ratioOfMedians: number;
  /** 5th and 95th percentile of the ratio of medians over BOOTSTRAP_RESAMPLES resamples of the pairs. */
  ratioRange90: [number, number];
  /** Median over the pairs of with / noop (each pair ran at about the same machine load). */
  pairRatioMedian: number;
}

export const BOOTSTRAP_RESAMPLES = 2000;
const BOOTSTRAP_SEED = 14;

const r1 = (x: number) => Math.round(x * 10) / 10;
const r3 = (x: number) => Math.round(x * 1000) / 1000;

/**
 * Compares loadEventEnd with the extension (`withMs`) and with the noop control (`noopMs`), pair by pair (the
 * shorter list sets the number of pairs). The bootstrap resamples whole pairs, so a stretch of a busy machine
 * moves both halves of a pair together, as it did when they were measured.
 */
export function compareLoads(withMs: number[], noopMs: number[]): LoadComparison {
  const pairs = Math.min(withMs.length, noopMs.length);
  const w = withMs.slice(0, pairs);
  const n = noopMs.slice(0, pairs);
  const random = prng(BOOTSTRAP_SEED);
  const ratios: number[] = [];
  for (let b = 0; b < BOOTSTRAP_RESAMPLES && pairs > 0; b++) {
    const picks = Array.from({ length: pairs }, () => Math.floor(random() * pairs));
    ratios.push(quantile(picks.map((i) => w[i]), 0.5) / quantile(picks.map((i) => n[i]), 0.5));
  }
  return {
    pairs,
    withMedianMs: r1(quantile(w, 0.5)),
    noopMedianMs: r1(quantile(n, 0.5)),
    withIqrMs: [r1(quantile(w, 0.25)), r1(quantile(w, 0.75))],
    noopIqrMs: [r1(quantile(n, 0.25)), r1(quantile(n, 0.75))],
    ratioOfMedians: r3(quantile(w, 0.5) / quantile(n, 0.5)),
    ratioRange90: [r3(quantile(ratios, 0.05)), r3(quantile(ratios, 0.95))],
    pairRatioMedian: r3(quantile(w.map((x, i) => x / n[i]), 0.5)),
  };
}
