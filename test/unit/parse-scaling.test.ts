/**
 * The parser stays linear and its output valid on hostile input (issue 10). Each adversarial pattern of
 * `npm run bench` is parsed at two small sizes; a quadratic stage makes the 4× larger text take ~16× as long,
 * a linear one ~4×. The bound is generous (the machine is noisy) and the fastest of several runs are compared.
 */
import { describe, expect, it } from 'vitest';
import { parseNotice } from '@/lib/parse/index';
import { notice as noticeSchema } from '@/lib/schema';
import { ADVERSARIAL_PATTERNS } from '../../scripts/bench-adversarial';

const SMALL = 50_000;
const LARGE = 200_000;
const RUNS = 5;
const MAX_GROWTH = 10;

/** The fastest of RUNS parses: the least disturbed by GC and other processes on a noisy machine. */
function fastestMs(text: string): number {
  const t: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    parseNotice(text);
    t.push(performance.now() - t0);
  }
  return Math.min(...t);
}

describe.each(Object.entries(ADVERSARIAL_PATTERNS))('adversarial input: %s', (_name, make) => {
  it('gives a Notice that passes its schema (no non-finite numbers, offsets inside the text)', () => {
    const { text, notice } = parseNotice(make(SMALL));
    const parsed = noticeSchema.safeParse(notice);
    expect(parsed.success ? [] : parsed.error.issues.slice(0, 3)).toEqual([]);
    expect(notice.textLength).toBe(text.length);
  });
  it(`grows at most ${MAX_GROWTH}× when the input grows 4×`, () => {
    const small = make(SMALL);
    const large = make(LARGE);
    fastestMs(small); // warm-up
    // A quadratic stage exceeds the bound every time; noise from other processes does not, so the best of
    // three attempts is compared.
    let growth = Infinity;
    for (let attempt = 0; attempt < 3 && growth >= MAX_GROWTH; attempt++) {
      growth = Math.min(growth, fastestMs(large) / Math.max(fastestMs(small), 0.5));
    }
    expect(growth).toBeLessThan(MAX_GROWTH);
  }, 120_000);
});
