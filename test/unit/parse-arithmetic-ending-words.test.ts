/**
 * endsWithAny first checks the lead's last character against the words' last characters, and only then calls
 * endsWith. It must answer what `words.some((w) => s.endsWith(w))` answers: on random leads built from the
 * words' own characters (so near misses abound), with the two word lists the arithmetic uses.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { endingWords, endsWithAny } from '@/lib/parse/arithmetic';

const LISTS = [
  ['约', '超', '近', '逾', '超过', '不少于', '不足', '多达', '达到约'],
  ['约', '近', '逾', '超', '约为', '大约', '接近', '将近'],
];

describe('endsWithAny', () => {
  it.each(LISTS)('answers as words.some(endsWith) for %s …', (...words) => {
    const ending = endingWords(words);
    const piece = fc.constantFrom(...new Set([...words.join(''), '共', '计', '，', '2', 'a', ' ']));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), (pieces) => {
        const s = pieces.join('');
        expect(endsWithAny(s, ending)).toBe(words.some((w) => s.endsWith(w)));
      }),
      { numRuns: 5000 },
    );
    expect(endsWithAny('', ending)).toBe(false);
    for (const w of words) expect(endsWithAny(`共计${w}`, ending)).toBe(true);
  });
});
