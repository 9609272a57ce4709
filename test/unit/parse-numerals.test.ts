import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatChineseNumber, parseChineseNumber } from '@/lib/parse/numerals';

describe('parseChineseNumber', () => {
  it.each([
    ['两', 2],
    ['三', 3],
    ['十', 10],
    ['十三', 13],
    ['二十', 20],
    ['一百三十八', 138],
    ['一百零八', 108],
    ['两千零五', 2005],
    ['三万二千', 32000],
    ['一亿二千万', 120_000_000],
    ['二〇二五', 2025],
    ['二〇二一', 2021],
    ['3', 3],
    ['1739.47', 1739.47],
    ['1.5万', 15000],
    ['12亿', 1_200_000_000],
  ])('%s → %d', (s, n) => {
    expect(parseChineseNumber(s)).toBe(n);
  });

  it.each(['', '一二十', '十十', '百', '万', '两两', '三个', 'abc', '1.2.3', '千三百'])('rejects %j', (s) => {
    expect(parseChineseNumber(s)).toBeNull();
  });

  it('agrees with Arabic numerals for every positional numeral it produces (0..99999)', () => {
    const cn = (n: number): string => {
      const d = '零一二三四五六七八九';
      if (n < 10) return d[n];
      if (n < 20) return '十' + (n % 10 ? d[n % 10] : '');
      const units = ['', '十', '百', '千', '万'];
      const digits = String(n).split('').map(Number);
      let s = '';
      let zero = false;
      digits.forEach((x, i) => {
        const u = units[digits.length - 1 - i];
        if (x === 0) zero = true;
        else {
          if (zero && s) s += '零';
          zero = false;
          s += d[x] + u;
        }
      });
      return s;
    };
    fc.assert(fc.property(fc.integer({ min: 0, max: 99999 }), (n) => parseChineseNumber(cn(n)) === n));
  });

  it('never throws on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'零〇一二两三四五六七八九十百千万亿0123456789.个年'.split('')) }), (s) => {
        const n = parseChineseNumber(s);
        return n === null || Number.isFinite(n);
      }),
    );
  });
});

describe('formatChineseNumber', () => {
  it.each([
    [0, '零'],
    [3, '三'],
    [10, '十'],
    [13, '十三'],
    [20, '二十'],
    [100, '一百'],
    [101, '一百零一'],
    [110, '一百一十'],
    [1005, '一千零五'],
    [20030, '二万零三十'],
    [100000001, '一亿零一'],
  ])('%d → %s', (n, cn) => {
    expect(formatChineseNumber(n)).toBe(cn);
  });

  it('is the inverse of parseChineseNumber for whole numbers', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 999_999_999_999 }), (n) => parseChineseNumber(formatChineseNumber(n)) === n));
  });

  it('keeps what it cannot write as a numeral in Arabic digits', () => {
    expect([formatChineseNumber(-1), formatChineseNumber(1.5), formatChineseNumber(1e12)]).toEqual(['-1', '1.5', '1000000000000']);
  });
});
