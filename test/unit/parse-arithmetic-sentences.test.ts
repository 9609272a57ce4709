/**
 * sentenceIds reads each gap between quantities only up to its first sentence break. Its ids must make the
 * same quantities equal as counting every break before each quantity (the reading before it) did: on every
 * paragraph and run of three of the seeds and real notices, and on random text.
 */
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sentenceIds } from '@/lib/parse/arithmetic';
import { normalizeText } from '@/lib/parse/normalize';
import { findQuantities } from '@/lib/parse/quantities';
import type { Quantity } from '@/lib/schema';

const texts = ['test/fixtures/seeds', 'test/fixtures/real'].flatMap((d) =>
  readdirSync(d)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => normalizeText(readFileSync(`${d}/${f}`, 'utf8')).text),
);

/** The sentence breaks counted from `from` up to each quantity's start. */
function breakCounts(text: string, quantities: Quantity[], from: number): number[] {
  return quantities.map((q) => [...text.slice(from, Math.max(from, q.start))].filter((ch) => '。！？!?\n'.includes(ch)).length);
}

/** Which pairs of quantities share a sentence. */
function samePairs(ids: ArrayLike<number>): boolean[] {
  const out: boolean[] = [];
  for (let i = 0; i < ids.length; i++) for (let j = i + 1; j < ids.length; j++) out.push(ids[i] === ids[j]);
  return out;
}

function expectSameSentences(text: string, from: number, to: number): void {
  const quantities = findQuantities(text, from, to);
  expect(samePairs(sentenceIds(text, quantities, from))).toEqual(samePairs(breakCounts(text, quantities, from)));
}

describe('sentenceIds', () => {
  it('groups quantities as counting every break did, on every paragraph and run of three of the corpus', () => {
    let pairs = 0;
    for (const text of texts) {
      const starts = [0, ...[...text.matchAll(/\n/g)].map((m) => m.index! + 1)];
      for (let k = 0; k < starts.length; k++) {
        const to = k + 3 < starts.length ? starts[k + 3] - 1 : text.length;
        expectSameSentences(text, starts[k], to);
        pairs += findQuantities(text, starts[k], to).length;
      }
    }
    expect(pairs).toBeGreaterThan(1000);
  });

  it('on random text of counts and breaks', () => {
    const piece = fc.constantFrom('3宗', '12个', '5%', '。', '！', '？', '!', '?', '\n', '，', '；', '甲', '其中', '共');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), fc.nat(), (pieces, cut) => {
        const text = pieces.join('');
        expectSameSentences(text, text.length ? cut % text.length : 0, text.length);
      }),
      { numRuns: 2000 },
    );
  });

  it('gives one id to counts with no break between them and a new one after any number of breaks', () => {
    const text = '共3宗，其中2宗。。！另有5宗，1宗';
    expect([...sentenceIds(text, findQuantities(text), 0)]).toEqual([0, 0, 1, 1]);
  });
});
