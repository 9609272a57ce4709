import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { colonsOf, fieldMatches, findFields, LABELS, MAX_LABEL } from '@/lib/parse/fields';
import { normalizeText } from '@/lib/parse/normalize';
import { literalHeads } from '@/lib/parse/regex-heads';

const texts = ['test/fixtures/seeds', 'test/fixtures/real'].flatMap((d) =>
  readdirSync(d)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => normalizeText(readFileSync(`${d}/${f}`, 'utf8')).text),
);

const FIELD = new RegExp(`(^|\\n|[。；])(${LABELS.map(([, re]) => `(?:${re})`).join('|')})[：:]`, 'g');

/** What a global search of the slice finds: [index, match] per match. */
function byGlobalSearch(slice: string): Array<[number, string]> {
  return [...slice.matchAll(FIELD)].map((m) => [m.index!, m[0]]);
}
const matchesOf = (slice: string): Array<[number, string]> => fieldMatches(slice).map((m) => [m.index, m[0]]);

describe('fieldMatches', () => {
  it('every label is a word of at most MAX_LABEL characters without a colon or a break', () => {
    for (const [, source] of LABELS) {
      const words = literalHeads(source, 50)!;
      const whole = new RegExp(`^(?:${source})$`);
      for (const w of words) {
        expect(whole.test(w), w).toBe(true); // the heads are whole labels, not prefixes cut short
        expect(w.length, w).toBeLessThanOrEqual(MAX_LABEL);
        expect(/[：:\n。；]/.test(w), w).toBe(false);
      }
    }
  });

  it('finds what a global search finds, on every paragraph and run of paragraphs of the seeds and real notices', () => {
    let found = 0;
    for (const text of texts) {
      const starts = [0, ...[...text.matchAll(/\n/g)].map((m) => m.index! + 1)];
      for (let k = 0; k < starts.length; k++) {
        for (const span of [1, 5]) {
          const to = k + span < starts.length ? starts[k + span] - 1 : text.length;
          const slice = text.slice(starts[k], to);
          const expected = byGlobalSearch(slice);
          expect(matchesOf(slice)).toEqual(expected);
          // the same with the colons of the whole text, as the item reader passes them
          expect(fieldMatches(slice, colonsOf(text), starts[k]).map((m) => [m.index, m[0]])).toEqual(expected);
          found += expected.length;
        }
      }
    }
    expect(found).toBeGreaterThan(50);
  });

  it('finds the longest labels at the slice start, after each break and next to other colons', () => {
    const cases = [
      '存在的问题描述：甲',
      '\n存在的问题描述：甲',
      '甲。存在的问题描述：乙；整改进展情况:丙\n责任单位：丁',
      '问题：整改：完成时限：',
      '。。整改情况：甲',
    ];
    for (const c of cases) {
      expect(matchesOf(c), c).toEqual(byGlobalSearch(c));
      expect(matchesOf(c).length, c).toBeGreaterThan(0);
    }
    expect(matchesOf('甲：存在的问题描述：乙')).toEqual([]); // a colon is no break: no field starts after it
  });
});

describe('colonsOf', () => {
  it('lists every `：` and `:` in order', () => {
    for (const text of [...texts, '', '：', 'a:b：c::：', '甲乙']) {
      const expected = [...text.matchAll(/[：:]/g)].map((m) => m.index!);
      expect([...colonsOf(text)]).toEqual(expected);
    }
  });

  it('findFields reads the same with the colons of the whole text as with its own slice', () => {
    for (const text of texts) {
      const colons = colonsOf(text);
      const starts = [0, ...[...text.matchAll(/\n/g)].map((m) => m.index! + 1)];
      for (let k = 0; k < starts.length; k++) {
        const to = k + 3 < starts.length ? starts[k + 3] - 1 : text.length;
        expect(findFields(text, starts[k], to, colons)).toEqual(findFields(text, starts[k], to));
        expect(findFields(text, starts[k] + 1, to - 1, colons)).toEqual(findFields(text, starts[k] + 1, to - 1));
      }
    }
  });
});
