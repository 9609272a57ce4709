/**
 * readSpecs tries only the positions numeralStarts lists and skips, with a cheap pre-test (mayStartAt), those
 * where no mention can start. It must equal the same DateReader tried at every position: on every seed and real
 * notice (the whole text, every paragraph and run of three, with the list made once for the whole text as the
 * parser does, and with the range's own), on crafted strings and all their sub-ranges, and on random text.
 * (Dropping `/` from mayStartAt's year test, or any date word's second character, fails it.)
 */
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DateReader, readSpecs } from '@/lib/parse/date-reader';
import type { Spec } from '@/lib/parse/date-spec';
import { normalizeText } from '@/lib/parse/normalize';
import { numeralStarts } from '@/lib/parse/numeral-starts';

const texts = ['test/fixtures/seeds', 'test/fixtures/real'].flatMap((d) =>
  readdirSync(d)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => normalizeText(readFileSync(`${d}/${f}`, 'utf8')).text),
);

/** The reader tried at every position of [from, to), each read where the previous one ended (no list, no pre-test). */
function readEverywhere(text: string, from: number, to: number): Spec[] {
  const reader = new DateReader(text, to);
  const specs: Spec[] = [];
  for (let i = from; i < to; i++) {
    const spec = reader.readAt(i);
    if (!spec) continue;
    specs.push(spec);
    i = spec.end - 1;
  }
  return specs;
}

function expectSame(text: string, from: number, to: number, starts?: Int32Array): void {
  expect(readSpecs(text, from, to, starts)).toEqual(readEverywhere(text, from, to));
}

describe('readSpecs equals the reader that tried every position', () => {
  it('on every seed and real notice, its paragraphs and runs of three', () => {
    let found = 0;
    for (const text of texts) {
      const whole = numeralStarts(text, 0, text.length);
      expectSame(text, 0, text.length, whole);
      found += readSpecs(text, 0, text.length).length;
      const starts = [0, ...[...text.matchAll(/\n/g)].map((m) => m.index! + 1)];
      for (let k = 0; k < starts.length; k++) {
        const to = k + 3 < starts.length ? starts[k + 3] - 1 : text.length;
        expectSame(text, starts[k], to, whole);
        expectSame(text, starts[k], to);
      }
    }
    expect(found).toBeGreaterThan(500);
  });

  it.each([
    '2024年3月14日至4月7日，二〇二五年九月十二日，2021-11-23，2025/9/12，2025.9.12，2021-2023年，2021至2023年',
    '2024年至2025年，2024年10月至今，2025年4-5月，1—9月，1至10月，1、2月，3月份，6月底，9月初，6月下旬，12月至3月',
    '第一季度、一季度、第1季度、3季度、十一季度、前三季度、今年年底、本年度、去年上半年、明年、年内、近期、月底前、个月底',
    '二〇二五年度上半年，二〇二五年，〇二〇二五年，一二〇二五年，五一二三四五六七八九十两，每月底，历年，同期',
    '12345年，123年，1234年，20245月，a2024年，2024.5，3.14月，12月，13月，0月，2月30日，2024年2月29日，2023年2月29日',
  ])('on %s, and on each of its sub-ranges', (text) => {
    const whole = numeralStarts(text, 0, text.length);
    for (let from = 0; from < text.length; from += 2) for (let to = from; to <= text.length; to += 3) expectSame(text, from, to, whole);
  });

  it('on random text of numerals, date words and separators', () => {
    const piece = fc.constantFrom(
      '0', '1', '2', '9', '2024', '12', '.', '-', '/', '—', '至', '到', '~', '、', '年', '月', '日', '号', '份', '度', '底', '末', '初', '内',
      '上旬', '下旬', '季度', '第', '今年', '本年', '去年', '上半年', '前三', '近期', '〇', '零', '一', '二', '两', '三', '十', '每', '历', '甲', 'a',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), fc.nat(), fc.nat(), (pieces, a, b) => {
        const text = pieces.join('');
        const from = text.length ? a % text.length : 0;
        const to = from + (text.length - from ? b % (text.length - from + 1) : 0);
        expectSame(text, from, to, numeralStarts(text, 0, text.length));
      }),
      { numRuns: 4000 },
    );
  });
});
