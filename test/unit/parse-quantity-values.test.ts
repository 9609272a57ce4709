/**
 * An Arabic count of up to 15 characters without a decimal point is read digit by digit (no substring for
 * Number()). Its value must be what Number() reads from its digits: for random counts with leading zeros,
 * decimals, up to 20 digits, and counts at the end of the text.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findQuantities } from '@/lib/parse/quantities';

const digits = (min: number, max: number) => fc.array(fc.constantFrom(...'0123456789'), { minLength: min, maxLength: max }).map((d) => d.join(''));

describe('Arabic count values', () => {
  it('are what Number() reads from the numeral', () => {
    fc.assert(
      fc.property(digits(1, 20), fc.option(digits(1, 4)), fc.constantFrom('项', '万元', '%', '人次'), (int, frac, unit) => {
        const numeral = frac === null ? int : `${int}.${frac}`;
        const text = `共完成${numeral}${unit}，`;
        const found = findQuantities(text);
        for (const q of found) expect(q.value).toBe(Number(text.slice(q.start, q.start + numeral.length)));
        if (int.replace(/^0+/, '').length <= 12) expect(found).toHaveLength(1);
      }),
      { numRuns: 20000 },
    );
  });

  it.each([
    ['整改23宗', 23],
    ['处理007人', 7],
    ['投入999999999999999元', 999999999999999],
    ['投入1739.47万元', 1739.47],
    ['共5项', 5],
  ])('%s', (text, value) => {
    expect(findQuantities(text).map((q) => q.value)).toEqual([value]);
  });
});
