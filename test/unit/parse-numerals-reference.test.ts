/**
 * parseChineseNumber reads character codes from tables (DIGIT_OF, UNIT_POWER) instead of one-character
 * strings looked up with `in`. It must give what the reading before gave (frozen below): for every string of
 * up to four numeral characters, for random longer ones, and with spaces, digits and other characters mixed in.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHINESE_NUMERAL_CHARS, parseChineseNumber } from '@/lib/parse/numerals';

// ---- the parsing before code tables (lib/parse/numerals.ts at main f818f64), verbatim but for the names ----
const DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const SMALL_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const BIG_UNITS: Record<string, number> = { 万: 1e4, 亿: 1e8 };
const ARABIC = /^\d+(?:\.\d+)?$/;
const ARABIC_WITH_MAGNITUDE = /^(\d+(?:\.\d+)?)([十百千万亿])$/;

function referenceParse(s: string): number | null {
  const t = s.trim();
  if (t === '') return null;
  if (/^\d/.test(t)) {
    if (ARABIC.test(t)) return Number(t);
    const m = ARABIC_WITH_MAGNITUDE.exec(t);
    if (m) return Math.round(Number(m[1]) * (SMALL_UNITS[m[2]] ?? BIG_UNITS[m[2]]) * 1e6) / 1e6;
    return null;
  }
  let hasUnit = false;
  for (const ch of t) {
    if (!CHINESE_NUMERAL_CHARS.includes(ch)) return null;
    if (ch in SMALL_UNITS || ch in BIG_UNITS) hasUnit = true;
  }
  if (!hasUnit) {
    if (t.length > 1 && t.includes('两')) return null;
    let n = 0;
    for (const ch of t) n = n * 10 + DIGITS[ch];
    return n;
  }
  let total = 0;
  let wan = 0;
  let section = 0;
  let digit: number | null = null;
  let lastSmallUnit = Infinity;
  let lastBigUnit = Infinity;
  for (const ch of t) {
    if (ch in DIGITS) {
      if (digit !== null && digit !== 0) return null;
      digit = DIGITS[ch];
    } else if (ch in SMALL_UNITS) {
      const unit = SMALL_UNITS[ch];
      if (unit >= lastSmallUnit) return null;
      if (digit === null && !(unit === 10 && section === 0)) return null;
      section += (digit ?? 1) * unit;
      digit = null;
      lastSmallUnit = unit;
    } else {
      const unit = BIG_UNITS[ch];
      if (unit >= lastBigUnit) return null;
      const value = section + (digit ?? 0);
      if (value === 0 && !(unit === 1e8 && wan > 0)) return null;
      if (unit === 1e8) {
        total = (wan + value) * 1e8;
        wan = 0;
      } else {
        wan = value * 1e4;
      }
      section = 0;
      digit = null;
      lastSmallUnit = Infinity;
      lastBigUnit = unit;
    }
  }
  return total + wan + section + (digit ?? 0);
}
// ---- end of the frozen reading ----

const CHARS = [...CHINESE_NUMERAL_CHARS];

describe('parseChineseNumber against the reading before code tables', () => {
  it('every string of up to four numeral characters', () => {
    let strings = [''];
    for (let len = 1; len <= 4; len++) {
      strings = strings.flatMap((s) => CHARS.map((ch) => s + ch));
      for (const s of strings) expect(parseChineseNumber(s), s).toBe(referenceParse(s));
    }
  });

  it('random strings of numeral characters, spaces, digits and others', () => {
    const piece = fc.constantFrom(...CHARS, ' ', '1', '0', '.', '甲', '个', '两');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 14 }), (pieces) => {
        const s = pieces.join('');
        expect(parseChineseNumber(s)).toBe(referenceParse(s));
      }),
      { numRuns: 20000 },
    );
  });

  it('known values', () => {
    expect(['一百三十八', '两千零五', '十三', '三万二千', '二〇二五', '一亿零五万', '一二十'].map(parseChineseNumber)).toEqual([138, 2005, 13, 32000, 2025, 100050000, null]);
  });
});
