import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { normalizeText } from '@/lib/parse/normalize';
import { clauseStartOf } from '@/lib/parse/status';
import { findCues } from '@/lib/parse/status-cues';

const texts = ['test/fixtures/seeds', 'test/fixtures/real'].flatMap((d) =>
  readdirSync(d)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => normalizeText(readFileSync(`${d}/${f}`, 'utf8')).text),
);

const MEASURE_PREFIX = /^[\s\u3000]*(?:[（(][1-9]\d?[）)]|[①-⑳]|[一二三四五六七八九十]{1,2}是)[\s\u3000]*/;
const isEnd = (c: string | undefined) => c !== undefined && '，。；！？\n：,'.includes(c);

/** The clause start as it was read before: back to a near comma/stop, then the marker in a slice up to the cue. */
function clauseStartBySlice(text: string, at: number): number {
  let s = at;
  while (s > 0 && at - s < 14 && !isEnd(text[s - 1])) s--;
  if (s > 0 && !isEnd(text[s - 1])) s = at;
  const lead = MEASURE_PREFIX.exec(text.slice(s, at));
  return lead ? s + lead[0].length : s;
}

describe('clauseStartOf', () => {
  it('starts each cue\'s clause where the slice reading did, on every seed and real notice', () => {
    let afterMarker = 0;
    for (const text of texts) {
      for (const f of findCues(text, 0, text.length)) {
        const expected = clauseStartBySlice(text, f.start);
        expect(clauseStartOf(text, f)).toBe(expected);
        if (expected > 0 && !isEnd(text[expected - 1])) afterMarker++;
      }
    }
    expect(afterMarker).toBeGreaterThan(50);
  });

  it('ends the marker at the cue when the spaces after it run on past the cue', () => {
    const text = '甲。一是\u3000\u3000已完成整改';
    // a cue placed inside the spaces: the marker read up to the cue only
    expect(clauseStartOf(text, { start: 5 })).toBe(clauseStartBySlice(text, 5));
    expect(clauseStartOf(text, { start: 5 })).toBe(5);
    expect(clauseStartOf(text, { start: 4 })).toBe(4);
    expect(clauseStartOf(text, { start: 6 })).toBe(6);
    expect(clauseStartOf('甲。①已完成整改', { start: 3 })).toBe(3); // a one-character marker right before the cue
  });
});
