/**
 * The date and quantity readers try only the positions numeralStarts lists. Trying every position must find
 * exactly the same: on every seed and real notice (the whole body, every paragraph and every run of three,
 * with the positions listed once for the whole text as the parser does, and listed for the range alone),
 * on crafted edges and on random text.
 */
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readSpecs } from '@/lib/parse/date-reader';
import { normalizeText } from '@/lib/parse/normalize';
import { DATE_WORDS } from '@/lib/parse/date-vocabulary';
import { numeralStarts } from '@/lib/parse/numeral-starts';
import { firstAtOrAfter } from '@/lib/parse/positions';
import { findQuantities } from '@/lib/parse/quantities';

const texts = ['test/fixtures/seeds', 'test/fixtures/real'].flatMap((d) =>
  readdirSync(d)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => normalizeText(readFileSync(`${d}/${f}`, 'utf8')).text),
);

/** Every position of [from, to): what the readers walked before the list. */
function everyPosition(from: number, to: number): Int32Array {
  return Int32Array.from({ length: Math.max(0, to - from) }, (_, k) => from + k);
}

function expectSameReading(text: string, from: number, to: number, starts: Int32Array): void {
  const all = everyPosition(from, to);
  expect(readSpecs(text, from, to, starts)).toEqual(readSpecs(text, from, to, all));
  expect(findQuantities(text, from, to, starts)).toEqual(findQuantities(text, from, to, all));
}

/** Every paragraph, and every run of three paragraphs. */
function rangesOf(text: string): Array<[number, number]> {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  const ends = [...starts.slice(1).map((s) => s - 1), text.length];
  return starts.flatMap((s, k) => [[s, ends[k]] as [number, number], [s, ends[Math.min(k + 2, ends.length - 1)]] as [number, number]]);
}

describe('numeralStarts: the readers find the same as when trying every position', () => {
  it('on every seed and real notice, its paragraphs and runs of three', () => {
    for (const text of texts) {
      const whole = numeralStarts(text, 0, text.length);
      expectSameReading(text, 0, text.length, whole);
      for (const [from, to] of rangesOf(text)) {
        expectSameReading(text, from, to, whole);
        expectSameReading(text, from, to, numeralStarts(text, from, to));
      }
    }
  });

  it.each([
    '2024年3月14日至4月7日，二〇二五年九月十二日，2021-11-23，2021-2023年',
    '第一季度、一季度、十一季度、前三季度、今年年底、本年度、去年上半年、明年、6月底、近期、月底前',
    '整改23宗，十三项，一百三十八条，两千零五人，三万元，25余次，20多间，92.78%，1739.47万元',
    '五一二三四五六七八九十两〇零一，百千万工程，千方百计，第十二次，每月底，历年，同期',
    '1234567890年12345月，0760-22343030，V2.3版，a1季度，12.5.6',
  ])('on %s, and on each of its sub-ranges', (text) => {
    const whole = numeralStarts(text, 0, text.length);
    for (let from = 0; from < text.length; from += 3) for (let to = from; to <= text.length; to += 5) expectSameReading(text, from, to, whole);
  });

  it('on random text of numerals, date words and units', () => {
    const piece = fc.constantFrom(
      '0', '1', '2', '9', '.', '-', '年', '月', '日', '至', '、', '度', '底', '季度', '第', '今年', '本年', '上半年', '前三', '近期',
      '〇', '零', '一', '二', '两', '三', '十', '百', '千', '万', '亿', '个', '项', '人次', '元', '%', '余', '“', '每', '历', '同', '甲', ' ',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), fc.nat(), fc.nat(), (pieces, a, b) => {
        const text = pieces.join('');
        const from = text.length ? a % text.length : 0;
        const to = from + (text.length - from ? b % (text.length - from + 1) : 0);
        expectSameReading(text, from, to, numeralStarts(text, 0, text.length));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('numeralStarts: texts read in several chunks, the list grown between them', () => {
  /** The positions as the one-slot-per-character loop listed them (a plain reading of the module comment). */
  function listedPlainly(text: string, from: number, to: number): number[] {
    const firsts = new Set(DATE_WORDS.map((w) => w[0]));
    const classOf = (ch: string | undefined) =>
      ch === undefined ? 0 : /[0-9]/.test(ch) ? 1 : '〇零一二两三四五六七八九十'.includes(ch) ? 2 : firsts.has(ch) ? 4 : 0;
    const out: number[] = [];
    for (let i = Math.max(0, from); i < Math.min(to, text.length); i++) {
      const k = classOf(text[i]);
      if (k !== 0 && !(k !== 4 && k === (classOf(text[i - 1]) & k))) out.push(i);
    }
    return out;
  }

  it.each([
    ['digits and numerals, one start in three', Array.from({ length: 50000 }, (_, k) => `${k % 7}个${'二三'[k % 2]}`).join('')],
    ['a start at every position', '1一'.repeat(70000)],
    ['runs of digits and numerals across the chunk boundaries', `${'8'.repeat(65540)}${'三'.repeat(65540)}项`],
    ['a few starts in a long text', `${'甲'.repeat(70000)}3项${'乙'.repeat(70000)}今年`],
  ])('%s: the list is the one the plain loop makes', (_name, text) => {
    for (const [from, to] of [[0, text.length], [1, text.length - 1], [65535, text.length], [0, 65537]]) {
      const whole = numeralStarts(text, from, to);
      expect(Array.from(whole)).toEqual(listedPlainly(text, from, to));
    }
  });
});

describe('firstAtOrAfter', () => {
  it('finds the first listed position at or after x', () => {
    const at = Int32Array.from([2, 5, 5, 9]);
    expect([0, 2, 3, 5, 6, 9, 10].map((x) => firstAtOrAfter(at, x))).toEqual([0, 0, 1, 1, 3, 3, 4]);
    expect(firstAtOrAfter(new Int32Array(0), 4)).toBe(0);
  });
});
