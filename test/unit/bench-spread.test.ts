import { describe, expect, it } from 'vitest';
import { compareLoads, quantile } from '../../scripts/bench-page/spread';

describe('bench:page load comparison (scripts/bench-page/spread)', () => {
  it('quantiles interpolate between order statistics, whatever the input order', () => {
    expect(quantile([4, 1, 3, 2], 0.5)).toBe(2.5);
    expect(quantile([10, 20, 30, 40, 50], 0.25)).toBe(20);
    expect(quantile([1, 2], 0.75)).toBe(1.75);
    expect(quantile([], 0.5)).toBeNaN();
  });

  it('reports medians, quartiles, the ratio of medians and the median pair ratio', () => {
    const c = compareLoads([20, 40, 60, 80, 100], [10, 20, 30, 40, 50]);
    expect(c).toMatchObject({ pairs: 5, withMedianMs: 60, noopMedianMs: 30, withIqrMs: [40, 80], noopIqrMs: [20, 40], ratioOfMedians: 2, pairRatioMedian: 2 });
    expect(c.ratioRange90).toEqual([2, 2]); // every pair has the same ratio: so has every resample
  });

  it('the bootstrap range widens with the spread, contains the ratio, and is the same on every call', () => {
    const withMs = [30, 80, 35, 75, 40, 70, 32, 85, 45, 60, 33, 78];
    const noopMs = [28, 70, 40, 30, 75, 35, 66, 31, 50, 29, 72, 34];
    const c = compareLoads(withMs, noopMs);
    expect(c.ratioRange90[0]).toBeLessThan(c.ratioOfMedians);
    expect(c.ratioRange90[1]).toBeGreaterThan(c.ratioOfMedians);
    expect(compareLoads(withMs, noopMs)).toEqual(c);
  });

  it('pairs as many loads as the shorter list has', () => {
    expect(compareLoads([1, 2, 3], [1, 2]).pairs).toBe(2);
  });
});
