/**
 * formatChineseNumber loops over fixed place values instead of making digit arrays and forEach closures. It
 * must write what the writing before wrote (frozen below): for every number up to 120 000, for random
 * numbers up to 10¹² and for the edges (0, 10¹² − 1, fractions, negatives, 10¹²).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatChineseNumber } from '@/lib/parse/numerals';

// ---- the writing before (lib/parse/numerals.ts at main f818f64), verbatim but for the names ----
const FORMAT_DIGITS = '零一二三四五六七八九';
const SECTION_UNITS = ['千', '百', '十', ''];
const BIG_UNIT_NAMES = ['亿', '万', ''];

/** 1…9999 as written inside one 万-section: `一千零五`, `三百二十`. */
function referenceSection(n: number): string {
  const digits = [Math.floor(n / 1000), Math.floor(n / 100) % 10, Math.floor(n / 10) % 10, n % 10];
  let out = '';
  let gap = false;
  digits.forEach((d, i) => {
    if (d === 0) {
      gap = out !== '';
      return;
    }
    out += (gap ? '零' : '') + FORMAT_DIGITS[d] + SECTION_UNITS[i];
    gap = false;
  });
  return out;
}

/**
 * A whole number as a Chinese numeral, the inverse of `parseChineseNumber` for 0 ≤ n < 10¹²:
 * 3 → `三`, 13 → `十三`, 110 → `一百一十`, 1005 → `一千零五`, 20030 → `二万零三十`. Anything else
 * (negative, fractional, larger) is returned in Arabic digits.
 */
function referenceFormat(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n >= 1e12) return String(n);
  if (n === 0) return FORMAT_DIGITS[0];
  const sections = [Math.floor(n / 1e8), Math.floor(n / 1e4) % 1e4, n % 1e4];
  let out = '';
  let gap = false;
  sections.forEach((s, i) => {
    if (s === 0) {
      gap = out !== '';
      return;
    }
    out += (out !== '' && (gap || s < 1000) ? '零' : '') + referenceSection(s) + BIG_UNIT_NAMES[i];
    gap = false;
  });
  // 10…19 are read `十…`, not `一十…` (but 110 is `一百一十`)
  return out.startsWith('一十') ? out.slice(1) : out;
}
// ---- end of the frozen writing ----

describe('formatChineseNumber against the writing before', () => {
  it('every number up to 120 000', () => {
    for (let n = 0; n <= 120000; n++) if (formatChineseNumber(n) !== referenceFormat(n)) expect(formatChineseNumber(n)).toBe(referenceFormat(n));
  });

  it('random numbers up to 10¹², and sections with zeros', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e12 - 1 }), fc.constantFrom(1, 1e4, 1e8, 10001, 100010001), (n, scale) => {
        const m = Math.min(1e12 - 1, Math.floor(n / scale) * scale);
        expect(formatChineseNumber(n)).toBe(referenceFormat(n));
        expect(formatChineseNumber(m)).toBe(referenceFormat(m));
      }),
      { numRuns: 20000 },
    );
  });

  it('the edges', () => {
    for (const n of [0, 10, 19, 110, 1005, 20030, 1e8, 100000001, 1e12 - 1, 1e12, -1, 2.5, NaN]) expect(formatChineseNumber(n)).toBe(referenceFormat(n));
    expect([13, 110, 1005, 20030].map(formatChineseNumber)).toEqual(['十三', '一百一十', '一千零五', '二万零三十']);
  });
});
