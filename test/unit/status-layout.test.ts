import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { normalizeText } from '@/lib/parse/normalize';
import { readCues } from '@/lib/parse/status-cues';
import { classify, layoutOf } from '@/lib/parse/status-layout';

const texts = ['test/fixtures/seeds', 'test/fixtures/real'].flatMap((d) =>
  readdirSync(d)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => normalizeText(readFileSync(`${d}/${f}`, 'utf8')).text),
);

/** Whole-problem sentences as a global search of the slice finds them (the reading before the scan's hints). */
function wholeByGlobalSearch(slice: string, from: number, sentences: number[]): { whole: number[]; verdict: number[] } {
  const re = /(该|此|本|上述)问题|巡[察视](?:组|办)?(?:反馈|发现|指出)(?!问题后|后|意见后)/g;
  const whole = new Set<number>();
  const verdict = new Set<number>();
  for (let m = re.exec(slice); m; m = re.exec(slice)) {
    const at = sentences.filter((s) => s <= from + m!.index).length - 1;
    whole.add(at);
    if (m[1]) verdict.add(at);
  }
  return { whole: [...whole], verdict: [...verdict] };
}

/** The offsets in a reused list, as an array. */
const list = (o: { data: Int32Array; size: number }) => [...o.data.subarray(0, o.size)];

function layoutAt(text: string, from: number, to: number) {
  const slice = text.slice(from, to);
  const { marks } = readCues(text, from, slice);
  return { slice, layout: layoutOf(slice, from, marks) };
}

describe('layoutOf: whole-problem sentences', () => {
  it('tries the pattern only next to the 问 and 巡 the scan noted, and finds what a global search finds', () => {
    let found = 0;
    for (const text of texts) {
      // each paragraph, and each run of four (sentences across newlines)
      const starts = [0, ...[...text.matchAll(/\n/g)].map((m) => m.index! + 1)];
      for (let k = 0; k < starts.length; k++) {
        const from = starts[k];
        const to = k + 4 < starts.length ? starts[k + 4] - 1 : text.length;
        const { slice, layout } = layoutAt(text, from, to);
        const expected = wholeByGlobalSearch(slice, from, list(layout.sentences));
        expect([...layout.wholeSentences]).toEqual(expected.whole);
        expect([...layout.verdictSentences]).toEqual(expected.verdict);
        found += expected.whole.length;
      }
    }
    expect(found).toBeGreaterThan(100);
  });

  it('reads 该/此/本/上述问题 as verdicts and 巡察组反馈 as the finding, not 巡察后', () => {
    const text = '一是已完成整改。上述问题已整改到位；巡察组反馈的情况已核实，巡察后开展复查。';
    const { layout } = layoutAt(text, 0, text.length);
    expect([...layout.verdictSentences]).toEqual([1]);
    expect([...layout.wholeSentences]).toEqual([1, 2]);
  });
});

describe('classify', () => {
  it('places each cue in the last sentence and sub-measure starting at or before it, on every seed and real notice', () => {
    const lastAtOrBefore = (list: number[], pos: number) => list.filter((x) => x <= pos).length - 1;
    let measured = 0;
    for (const text of texts) {
      const starts = [0, ...[...text.matchAll(/\n/g)].map((m) => m.index! + 1)];
      for (let k = 0; k < starts.length; k += 2) {
        const from = starts[k];
        const to = k + 6 < starts.length ? starts[k + 6] - 1 : text.length;
        const slice = text.slice(from, to);
        const { cues, marks } = readCues(text, from, slice);
        const layout = layoutOf(slice, from, marks);
        const clauses = classify(text, cues, layout);
        expect(clauses.map((c) => c.sentence)).toEqual(cues.map((f) => lastAtOrBefore(list(layout.sentences), f.start)));
        expect(clauses.map((c) => c.measure)).toEqual(cues.map((f) => lastAtOrBefore(list(layout.measures), f.start)));
        measured += clauses.filter((c) => c.measure > 0).length;
      }
    }
    expect(measured).toBeGreaterThan(100);
  });
});
