/**
 * normalizeText equals its reference (the code before bookmarks were found at their `[`, rejoin was skipped
 * on pages with nothing to rejoin and an unchanged input was returned as is): same text, same offset map,
 * on every seed and real notice, on their paragraphs with the line breaks varied, on crafted edges and
 * on random text.
 */
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeText } from '@/lib/parse/normalize';
import { referenceNormalizeText } from './normalize-reference';

const corpus = ['test/fixtures/seeds', 'test/fixtures/real'].flatMap((d) =>
  readdirSync(d)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => readFileSync(`${d}/${f}`, 'utf8')),
);

function expectSame(raw: string): void {
  const got = normalizeText(raw);
  const want = referenceNormalizeText(raw);
  expect(got.text).toBe(want.text);
  expect(got.toOriginal.length).toBe(want.toOriginal.length);
  expect(Buffer.from(got.toOriginal.buffer, got.toOriginal.byteOffset, got.toOriginal.byteLength).equals(Buffer.from(want.toOriginal.buffer, want.toOriginal.byteOffset, want.toOriginal.byteLength))).toBe(true);
}

/** The same text with its line breaks as `\r\n`, as blank-line separated paragraphs, and with a trailing break. */
function variants(raw: string): string[] {
  return [raw, raw.replace(/\n/g, '\r\n'), raw.replace(/\n/g, '\n\n'), `${raw}\n`, `\n${raw}`, raw.replace(/\n/g, '\r')];
}

describe('normalizeText equals the reference', () => {
  it('on every seed and real notice, with its line breaks varied', () => {
    for (const raw of corpus) for (const v of variants(raw)) expectSame(v);
  });

  it('on the corpus already normalized (the texts returned as they are), its paragraphs and runs of three', () => {
    for (const raw of corpus) {
      const once = referenceNormalizeText(raw).text;
      expectSame(once);
      const lines = once.split('\n');
      lines.forEach((_, k) => expectSame(lines.slice(k, k + 3).join('\n')));
    }
  });

  it('on normal texts that stop being normal late (the identity is written before the squeeze takes over)', () => {
    for (const raw of corpus) {
      const once = referenceNormalizeText(raw).text;
      for (const late of ['\n\n', '  ', '\r', '１', ' \n']) {
        const at = Math.max(0, once.length - 7);
        expectSame(once.slice(0, at) + late + once.slice(at));
      }
    }
  });

  it('on every paragraph of the corpus and every run of three', () => {
    for (const raw of corpus) {
      const lines = raw.split('\n');
      lines.forEach((_, k) => {
        expectSame(lines[k]);
        expectSame(lines.slice(k, k + 3).join('\n'));
      });
    }
  });

  it.each([
    ['bookmarks', '[bookmark: _Toc1]一、党委\n正文[bookmark: x]结尾[bookmark: _GoBack]'],
    ['a bookmark with no close', '甲[bookmark: 未闭合\n乙]丙'],
    ['a bookmark closed too far', `甲[bookmark: ${'长'.repeat(95)}]乙`],
    ['a bookmark inside a bookmark', '甲[bookmark: [bookmark: x]]乙'],
    ['brackets that are no bookmark', '[1] 甲[注]乙 [bookmark 丙 [bookmark:]'],
    ['a bookmark alone on its line', '甲\n[bookmark: x]\n乙'],
    ['spaces and tabs', '  甲 乙\t丙\u3000\u3000丁  \n\t\n戊'],
    ['surrogates', '𠀀甲\n乙\ud800丙\n丁'],
    ['page footers and numbers', '甲\n— 1 —\n乙\n第 2 页 共 3 页\n丙'],
    ['a `2024 年` space', '甲乙\n2024 年 3 月'],
    ['full-width text and ASCII punctuation', '１２％\n(一)标题,内容:说明;\n甲(乙)'],
    ['empty lines only', '\n\n\r\n  \n'],
    ['normal lines around a page number', '甲乙\n第3页\n丙丁\n—1—\n戊'],
    ['normal lines of one width (hard-wrapped)', Array(10).fill('甲乙丙丁戊己庚辛壬癸'.repeat(3)).join('\n')],
    ['single inner spaces and tabs', '甲 乙\t丙\n丁 戊 己\nab cd'],
    ['a `2024 年` space in normal lines', '甲乙\n2024 年\n年 3'],
    ['a space at the very end', '甲乙\n丙 '],
    ['brackets in normal lines', '甲[注]乙\n丙[1]丁[bookmark:x]戊'],
    ['nothing', ''],
  ])('on %s', (_, raw) => {
    for (const v of variants(raw)) expectSame(v);
  });

  it('on random text that is nearly in normal form', () => {
    const piece = fc.constantFrom('甲', '乙丙丁', '2024', '年', ' ', '\t', '\n', '第', '—', '-', '3', '页', '𠀀', '\u3000');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), (pieces) => expectSame(pieces.join(''))),
      { numRuns: 3000 },
    );
  });

  it('on random text made of lines, breaks, spaces, brackets and CJK', () => {
    const piece = fc.constantFrom('甲', '乙丙', '2024', ' ', '\u3000', '\t', '\n', '\r\n', '\r', '[bookmark: x]', '[', ']', '(', ')', ':', '，', '１', '— 1 —', '第3页', '𠀀', '\ud800');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), (pieces) => expectSame(pieces.join(''))),
      { numRuns: 2000 },
    );
  });
});
