import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { quotedRanges, sortNearlySorted } from '@/lib/parse/status-cues';
import { RULES } from '@/lib/parse/status-rules';
import { newFound, scanCues, type Found } from '@/lib/parse/status-scan';
import { normalizeText } from '@/lib/parse/normalize';
import { decideStatus } from '@/lib/parse/status';
import { findCues } from '@/lib/parse/status-cues';

const texts = ['test/fixtures/seeds', 'test/fixtures/real'].flatMap((d) =>
  readdirSync(d)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => normalizeText(readFileSync(`${d}/${f}`, 'utf8')).text),
);

/** Items to scan: every paragraph, and every run of three paragraphs (so ranges hold newlines). */
function rangesOf(text: string): Array<[number, number]> {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  const ends = [...starts.slice(1).map((s) => s - 1), text.length];
  return starts.flatMap((s, k) => [[s, ends[k]] as [number, number], [s, ends[Math.min(k + 2, ends.length - 1)]] as [number, number]]);
}

/** Every rule tried at every character it may start with, no literal-head pruning and no `may` (what the scan must equal). */
function naiveScan(text: string, from: number, slice: string): Found[] {
  const found: Found[] = [];
  const resume = RULES.map(() => 0);
  for (let i = 0; i < slice.length; i++) {
    const ch = text[from + i];
    if ('。；！？\n：，'.includes(ch)) continue;
    RULES.forEach((rule, r) => {
      if (!rule.first.includes(ch) || i < resume[r]) return; // (no `may`: the scan must find the same without it)
      rule.re.lastIndex = i;
      const m = rule.re.exec(slice);
      if (!m) return;
      resume[r] = rule.re.lastIndex;
      if (i < rule.back) return;
      const s = from + i - rule.back;
      const e = from + rule.re.lastIndex;
      if (rule.reject(text, s, e)) return;
      if (rule.note === '完成比例不足100%' && Number(m[1]) >= 100) return;
      found.push(newFound(rule.cue, s, e, rule.note, rule.rank, r));
    });
  }
  return found;
}

/** Quotes and titles found with indexOf on the slice (the reading before the scan noted the marks). */
function quotedRangesByIndexOf(slice: string, from: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let i = 0;
  for (;;) {
    const quote = slice.indexOf('“', i);
    const title = slice.indexOf('《', i);
    if (quote < 0 && title < 0) break;
    const isTitle = quote < 0 || (title >= 0 && title < quote);
    const open = isTitle ? title : quote;
    const close = slice.indexOf(isTitle ? '》' : '”', open + 1);
    const newline = slice.indexOf('\n', open + 1);
    const giveUp = open + (isTitle ? 200 : 40) + 1;
    if (close >= 0 && close <= giveUp && (newline < 0 || close < newline)) {
      out.push([from + open, from + close + 1]);
      i = close + 1;
    } else i = (newline >= 0 && newline < giveUp ? newline : giveUp) + 1;
  }
  return out;
}

describe('scanCues', () => {
  it('finds what trying every rule at every position finds, on every seed and real notice', () => {
    let matches = 0;
    for (const text of texts) {
      for (const [from, to] of rangesOf(text)) {
        const slice = text.slice(from, to);
        const expected = naiveScan(text, from, slice);
        expect(scanCues(text, from, slice).found).toEqual(expected);
        matches += expected.length;
      }
    }
    expect(matches).toBeGreaterThan(5000);
  });

  it('tries the dated step at each 月 as trying it at every digit and 于 would find', () => {
    const edges = [
      '于2025年12月召开会议，',
      '2025年12月31日前完成，2025年3月召开会议',
      '于3月，开展整改；于12月5日下发通知',
      '12月5月召开，3至4月开展',
      '于2024年于3月召开，2024年底前完成',
      '20255年3月召开，99月，123月组织',
      '截至2025年6月，已完成；9月起',
      '于于5月组织',
    ];
    for (const text of edges) {
      for (let from = 0; from < text.length; from += 3) {
        const slice = text.slice(from);
        expect(scanCues(text, from, slice).found).toEqual(naiveScan(text, from, slice));
      }
    }
  });

  it('scans a range longer than its kept stop buffer (1 << 16) as the reference does', () => {
    let text = '';
    for (let k = 0; text.length <= 1 << 16; k++) text += texts[k % texts.length];
    const from = 5;
    const slice = text.slice(from);
    expect(scanCues(text, from, slice).found).toEqual(naiveScan(text, from, slice));
    const short = texts[0].slice(0, 400); // and a short one after it, back on the kept buffer
    expect(scanCues(short, 0, short).found).toEqual(naiveScan(short, 0, short));
  });

  it('gives fresh-looking matches after an item was decided (its match objects are reused)', () => {
    const first = '该问题已完成整改，截至2025年3月已全部清退；一是正在推进中，二是计划于6月底前完成。';
    const second = '2025年4月召开专题会议，已完成整改，仍需持续推进。';
    const kept = findCues(first, 0, first.length);
    decideStatus(first, 0, first.length); // places (and so writes into) the pooled matches
    expect(scanCues(second, 0, second).found).toEqual(naiveScan(second, 0, second));
    expect(findCues(first, 0, first.length)).toEqual(kept); // findCues's copies are not written into
  });

  it('notes clause breaks, newlines and quote marks where they stand', () => {
    const text = '前文。甲“乙”，丙《丁》；\n戊！己？庚：辛';
    const { marks } = scanCues(text, 3, text.slice(3));
    const list = (o: { data: Int32Array; size: number }) => [...o.data.subarray(0, o.size)];
    expect(list(marks.breaks)).toEqual([8, 13, 14, 16, 18, 20]);
    expect(list(marks.newlines)).toEqual([13]);
    expect(list(marks.quoteOpens)).toEqual([4]);
    expect(list(marks.quoteCloses)).toEqual([6]);
    expect(list(marks.titleOpens)).toEqual([9]);
    expect(list(marks.titleCloses)).toEqual([11]);
  });
});

/** quotedRanges's flat start, end, start, end… list as pairs. */
function pairs(list: { data: Int32Array; size: number }): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (let k = 0; k < list.size; k += 2) out.push([list.data[k], list.data[k + 1]]);
  return out;
}

describe('quotedRanges', () => {
  it('reads the noted marks as indexOf on the slice did, on every seed and real notice', () => {
    let quoted = 0;
    for (const text of texts) {
      for (const [from, to] of rangesOf(text)) {
        const slice = text.slice(from, to);
        const expected = quotedRangesByIndexOf(slice, from);
        expect(pairs(quotedRanges(scanCues(text, from, slice).marks))).toEqual(expected);
        quoted += expected.length;
      }
    }
    expect(quoted).toBeGreaterThan(100);
  });

  it('gives up an unbalanced quote at a newline or after 40 characters (a title: 200)', () => {
    const text = `甲“未闭合\n乙“${'字'.repeat(45)}”丙《${'字'.repeat(45)}》`;
    const { marks } = scanCues(text, 0, text);
    const titleOpen = text.indexOf('《');
    expect(pairs(quotedRanges(marks))).toEqual([[titleOpen, text.length]]);
  });
});

describe('sortNearlySorted', () => {
  it('orders as Array.prototype.sort does under a total order', () => {
    let seed = 7;
    const rand = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    for (let round = 0; round < 50; round++) {
      const list = Array.from({ length: Math.floor(rand() * 40) }, (_, i) => ({ start: i + Math.floor(rand() * 4) - 2, id: i }));
      const byStart = (a: { start: number; id: number }, b: { start: number; id: number }) => a.start - b.start || a.id - b.id;
      const expected = [...list].sort(byStart);
      sortNearlySorted(list, byStart);
      expect(list).toEqual(expected);
    }
  });
});
