import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { anchor, anchorAll, describeRange, locate, trimRange, type Selectors } from '@/lib/anchor';
import { textPositionSelector, textQuoteSelector } from '@/lib/schema';

const SEED_DIR = join(__dirname, '../fixtures/seeds');
const seeds = readdirSync(SEED_DIR)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => ({ name: f.replace(/\.txt$/, ''), text: readFileSync(join(SEED_DIR, f), 'utf8') }));
const seed = (prefix: string) => seeds.find((s) => s.name.startsWith(prefix))!.text;

/** All start offsets of `needle` in `text`. */
function occurrencesOf(text: string, needle: string): number[] {
  const out: number[] = [];
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) out.push(i);
  return out;
}

/** Range of the line (paragraph) containing offset `at`, including its trailing newline. */
function lineAround(text: string, at: number): { start: number; end: number } {
  const start = text.lastIndexOf('\n', at - 1) + 1;
  const nl = text.indexOf('\n', at);
  return { start, end: nl < 0 ? text.length : nl + 1 };
}

function cut(text: string, r: { start: number; end: number }): string {
  return text.slice(0, r.start) + text.slice(r.end);
}

describe('trimRange', () => {
  it('drops line breaks and spaces a selection picked up at either end, so quote and position agree', () => {
    const text = '一、加强组织领导\n　　镇党委坚持落实巡察整改主体责任。\n二、';
    const from = text.indexOf('\n'); // a drag that starts at the end of the line above
    const to = text.indexOf('二'); // a triple click that takes the paragraph's line break
    const r = trimRange(text, from, to)!;
    expect(text.slice(r.start, r.end)).toBe('镇党委坚持落实巡察整改主体责任。');
    const sel = describeRange(text, r.start, r.end);
    expect(sel.quote.exact).toBe('镇党委坚持落实巡察整改主体责任。');
    expect(sel.position.end - sel.position.start).toBe(sel.quote.exact.length);
  });

  it('keeps a range with nothing to trim and refuses one that is only whitespace', () => {
    expect(trimRange('整改到位', 0, 4)).toEqual({ start: 0, end: 4 });
    expect(trimRange('整改\n　 到位', 2, 5)).toBeNull();
  });
});

describe('describeRange', () => {
  it('builds schema-valid selectors with 32 chars of context', () => {
    const text = seed('guzhen');
    const at = text.indexOf('逐项把关138条具体整改措施');
    const sel = describeRange(text, at, at + 14);
    expect(textQuoteSelector.parse(sel.quote).exact).toBe('逐项把关138条具体整改措施');
    expect(textPositionSelector.parse(sel.position)).toEqual({ type: 'TextPositionSelector', start: at, end: at + 14 });
    expect(sel.quote.prefix).toBe(text.slice(at - 32, at));
    expect(sel.quote.suffix).toBe(text.slice(at + 14, at + 46));
    expect(describeRange(text, at, at + 14, 5).quote.prefix).toHaveLength(5);
  });

  it('widens the context of a passage the notice repeats, one side at a time, up to 256 chars', () => {
    const text = seed('guzhen');
    const entry = '2.中共中山市古镇镇古三村委员会关于十五届市委第六轮巡察整改进展情况的通报台账';
    const at = text.indexOf(entry);
    const sel = describeRange(text, at, at + 4); // `2.中共` + a suffix that every entry of the list shares
    expect(sel.quote.suffix.length).toBeGreaterThan(32);
    expect(sel.quote.suffix.length).toBeLessThanOrEqual(256);
    expect(sel.quote.suffix).toContain('3.中共中山市古镇镇六坊村'); // reaches the next entry
    expect(describeRange(text, at, at + 4, 32, { widen: false }).quote.suffix).toHaveLength(32);
    // A passage found nowhere else keeps 32 chars.
    const unique = text.indexOf('逐项把关138条具体整改措施');
    expect(describeRange(text, unique, unique + 14).quote.prefix).toHaveLength(32);
  });

  it('clips context at the ends of the text', () => {
    const sel = describeRange('针对问题整改', 0, 2);
    expect(sel.quote).toMatchObject({ exact: '针对', prefix: '', suffix: '问题整改' });
  });

  it('rejects empty, reversed and out-of-range ranges', () => {
    expect(() => describeRange('整改', 1, 1)).toThrow(RangeError);
    expect(() => describeRange('整改', 2, 1)).toThrow(RangeError);
    expect(() => describeRange('整改', 0, 3)).toThrow(RangeError);
    expect(() => describeRange('整改', -1, 1)).toThrow(RangeError);
    expect(() => describeRange('', 0, 0)).toThrow(RangeError);
  });

  it('never cuts a surrogate pair in the prefix or suffix', () => {
    const text = '😀'.repeat(40) + '整改完成' + '😀'.repeat(40);
    const sel = describeRange(text, 80, 84, 3);
    expect(sel.quote.prefix).toBe('😀'); // 3 code units would start inside a pair
    expect(sel.quote.suffix).toBe('😀');
    expect(sel.quote.prefix.isWellFormed()).toBe(true);
  });
});

describe('anchor on the seeds', () => {
  it('unchanged text: every annotation is found at its position', () => {
    for (const { text } of seeds) {
      const at = text.indexOf('巡察');
      const sel = describeRange(text, at, at + 20);
      expect(anchor(text, sel)).toEqual({ start: at, end: at + 20, method: 'position', score: 1 });
    }
  });

  it('text inserted before: the quote is found at its shifted offset', () => {
    const text = seed('guzhen');
    const at = text.indexOf('逐项把关138条具体整改措施');
    const sel = describeRange(text, at, at + 14);
    const inserted = '（本文于2025年9月15日更新）\n';
    const r = anchor(inserted + text, sel);
    expect(r).toMatchObject({ start: at + inserted.length, end: at + inserted.length + 14, method: 'exact' });
    expect(r!.score).toBeGreaterThan(0.9);
  });

  it('a quote repeated 11 times (【已完成整改，并长期坚持】) is resolved by its context', () => {
    const text = seed('mazhang');
    const tag = '【已完成整改，并长期坚持】';
    const occ = occurrencesOf(text, tag);
    expect(occ).toHaveLength(11);
    const sel = describeRange(text, occ[4], occ[4] + tag.length);
    // A paragraph before it is removed: all offsets move, the 5th tag must still be the one found.
    const firstItem = lineAround(text, text.indexOf('1.针对“理论学习不够深入”'));
    const edited = cut(text, firstItem);
    const shift = firstItem.end - firstItem.start;
    expect(anchor(edited, sel)).toMatchObject({ start: occ[4] - shift, end: occ[4] - shift + tag.length, method: 'exact' });
  });

  it('a near-duplicate sentence (two villages, same wording) is resolved by its prefix', () => {
    const text = seed('huashan');
    const quote = '已通过交易平台完成交易，并签订合同';
    const occ = occurrencesOf(text, quote);
    expect(occ).toHaveLength(2);
    const sel = describeRange(text, occ[1], occ[1] + quote.length);
    const edited = '花山镇' + text.slice(0, occ[0] - 40) + text.slice(occ[0] - 20);
    expect(anchor(edited, sel)).toMatchObject({ start: occ[1] - 20 + 3, method: 'exact' });
  });

  it('without context, duplicates are resolved by the position hint only when one is clearly closest', () => {
    const text = seed('mazhang');
    const tag = '【已完成整改，并长期坚持】';
    const occ = occurrencesOf(text, tag);
    const bare = (start: number): Selectors => ({
      quote: { type: 'TextQuoteSelector', exact: tag, prefix: '', suffix: '' },
      position: { type: 'TextPositionSelector', start, end: start + tag.length },
    });
    expect(anchor('插入' + text, bare(occ[6]))).toMatchObject({ start: occ[6] + 2, method: 'exact' });
    const midway = Math.round((occ[6] + occ[7]) / 2);
    expect(anchor(text, bare(midway))).toBeNull();
  });

  it('a template phrase whose annotated copy was deleted is an orphan, not moved to another copy', () => {
    const text = seed('mazhang');
    const tag = '【已完成整改，并长期坚持】';
    const occ = occurrencesOf(text, tag);
    const sel = describeRange(text, occ[4], occ[4] + tag.length);
    const edited = cut(text, lineAround(text, occ[4]));
    expect(occurrencesOf(edited, tag)).toHaveLength(10);
    expect(anchor(edited, sel)).toBeNull();
  });

  it('“一是开展全面排查” (4 times in 古镇) follows its own paragraph', () => {
    const text = seed('guzhen');
    const phrase = '一是开展全面排查';
    const occ = occurrencesOf(text, phrase);
    expect(occ.length).toBe(4);
    const sel = describeRange(text, occ[2], occ[2] + phrase.length);
    const edited = cut(text, lineAround(text, occ[0]));
    const removed = lineAround(text, occ[0]);
    expect(anchor(edited, sel)).toMatchObject({ start: occ[2] - (removed.end - removed.start), method: 'exact' });
    expect(anchor(cut(text, lineAround(text, occ[2])), sel)).toBeNull();
  });

  it('the paragraph before the quote deleted: still found through its own paragraph', () => {
    const text = seed('mazhang');
    const at = text.indexOf('3.针对“落实乡村振兴工作还有差距”的问题');
    const sel = describeRange(text, at, at + 21);
    expect(sel.quote.prefix).toContain('\n'); // the prefix is mostly the previous paragraph
    const previous = lineAround(text, text.lastIndexOf('\n', at - 3) - 1);
    const edited = cut(text, previous);
    const shift = previous.end - previous.start;
    expect(anchor(edited, sel)).toMatchObject({ start: at - shift, end: at - shift + 21, method: 'exact' });
  });

  it('list of near-identical lines (古镇 附件): an edited entry is found, a deleted entry is an orphan', () => {
    const text = seed('guzhen');
    const entry = '2.中共中山市古镇镇古三村委员会关于十五届市委第六轮巡察整改进展情况的通报台账';
    const at = text.indexOf(entry);
    expect(text.indexOf('3.中共中山市古镇镇六坊村委员会关于十五届市委第六轮巡察整改进展情况的通报台账')).toBeGreaterThan(at);
    const sel = describeRange(text, at, at + entry.length);
    expect(text.slice(at + 11, at + 12)).toBe('三');
    const edited = text.slice(0, at + 11) + '五' + text.slice(at + 12); // 古三村 → 古五村
    expect(anchor(edited, sel)).toMatchObject({ start: at, end: at + entry.length, method: 'fuzzy' });
    // Deleted: entry 3 now sits in its place, same surroundings, 3 chars different — not taken.
    expect(anchor(cut(text, lineAround(text, at)), sel)).toBeNull();
  });

  it('orphan when the quoted sentence is gone', () => {
    const text = seed('huadu');
    const at = text.indexOf('巡察', 2000);
    const para = lineAround(text, at);
    const sel = describeRange(text, para.start + 2, Math.min(para.end - 1, para.start + 40));
    expect(anchor(cut(text, para), sel)).toBeNull();
  });

  it('a quote with two characters changed is re-anchored fuzzily', () => {
    const text = seed('hongmei');
    const at = text.indexOf('，', 3000) + 1;
    const sel = describeRange(text, at, at + 24);
    const edited = text.slice(0, at + 5) + '某某' + text.slice(at + 7);
    const r = anchor('前言\n' + edited, sel);
    expect(r).toMatchObject({ start: at + 3, end: at + 27, method: 'fuzzy' });
    expect(r!.score).toBeLessThan(1);
  });

  it('anchorAll gives the same answers as anchor, one by one', () => {
    const text = seed('huadu');
    const sels = Array.from({ length: 30 }, (_, k) => describeRange(text, 300 + k * 400, 320 + k * 400));
    const edited = text.slice(0, 5000) + '新增一段文字。' + text.slice(5000, 9000) + text.slice(9010);
    expect(anchorAll(edited, sels)).toEqual(sels.map((s) => anchor(edited, s)));
  });
});

describe('hostile input', () => {
  const sel = describeRange('关于整改进展情况的通报', 2, 6);
  it('empty text ⇒ orphan', () => {
    expect(anchor('', sel)).toBeNull();
    expect(anchorAll('', [sel, sel])).toEqual([null, null]);
  });

  it('quote longer than the text ⇒ orphan', () => {
    const long = describeRange(seed('mazhang'), 100, 400);
    expect(anchor('整改', long)).toBeNull();
    expect(anchor(seed('mazhang').slice(100, 300), long)).toBeNull();
  });

  it('empty quote or position outside the text ⇒ no crash', () => {
    const empty = { ...sel, quote: { ...sel.quote, exact: '' } };
    expect(anchor('关于整改', empty)).toBeNull();
    const far = { ...sel, position: { type: 'TextPositionSelector' as const, start: 10_000, end: 10_004 } };
    expect(anchor('关于整改进展情况的通报', far)).toMatchObject({ start: 2, end: 6, method: 'exact' });
  });

  it('emoji (surrogate pairs) in quote and text; results never split a pair', () => {
    const text = '整改😀进展🎉情况' + seed('hongmei').slice(0, 500);
    const s = describeRange(text, 2, 9); // '😀进展🎉' + '情'
    expect(s.quote.exact).toBe('😀进展🎉情');
    expect(anchor('👍' + text, s)).toMatchObject({ start: 4, end: 11, method: 'exact' });
    const edited = '整改😀进展🎈情况' + seed('hongmei').slice(0, 500); // one emoji replaced
    const r = anchor(edited, describeRange(text, 0, 11));
    expect(r).not.toBeNull();
    const piece = edited.slice(r!.start, r!.end);
    expect(piece.isWellFormed()).toBe(true);
  });

  it('U+202E (right-to-left override) is ordinary text', () => {
    const text = '问题\u202E一是加强管理\u202C二是完善制度' + seed('huashan').slice(0, 300);
    const s = describeRange(text, 2, 9);
    expect(anchor('插入' + text, s)).toMatchObject({ start: 4, end: 11, method: 'exact' });
    expect(anchor(text.replace('\u202E', ''), s)).toMatchObject({ start: 2, end: 8, method: 'fuzzy' });
  });
});

describe('large pages: fuzzy search around the position hint first', () => {
  // ~128 000 chars: every seed twice, the second copy with its numbers changed.
  const big = [...seeds.map((s) => s.text), ...seeds.map((s) => s.text.replace(/\d+/g, (d) => String(Number(d) + 7)))].join('\n');
  const noHint = (sel: Selectors): Selectors => ({ ...sel, position: undefined as unknown as Selectors['position'] });
  const typo = (at: number) => big.slice(0, 500) + '（更新）' + big.slice(500, at + 20) + '某某' + big.slice(at + 22);

  it('an edited quote whose passage has numbers (no copy): same answer with and without the hint', () => {
    const from = big.indexOf('\n', 100_000) + 1;
    const line = from + big.slice(from).search(/\d/);
    const sel = describeRange(big, line - 10, line + 30);
    const withHint = anchor(typo(line - 10), sel);
    expect(withHint).toMatchObject({ start: line - 6, end: line + 34, method: 'fuzzy' });
    expect(anchor(typo(line - 10), noHint(sel))).toEqual(withHint);
  });

  it('a passage copied earlier in the page: the hint settles the tie, without it the two are listed', () => {
    const at = big.indexOf('（9）对下级党组织的规范化建设指导不力\n一是加强思想教育', 100_000);
    expect(at).toBeGreaterThan(100_000);
    const sel = describeRange(big, at, at + 40);
    expect(anchor(typo(at), sel)).toMatchObject({ start: at + 4, end: at + 44, method: 'fuzzy' });
    const tied = locate(typo(at), noHint(sel));
    expect(tied).toMatchObject({ status: 'orphaned', reason: 'ambiguous' });
    if (tied.status === 'orphaned') expect(tied.candidates.map((c) => c.start)).toContain(at + 4);
  });

  it('a hint far from the passage: the full scan still finds it', () => {
    const from = big.indexOf('\n', 100_000) + 1;
    const line = from + big.slice(from).search(/\d/);
    const sel = describeRange(big, line - 10, line + 20);
    const edited = big.slice(0, line) + '某' + big.slice(line + 1);
    const farHint = { ...sel, position: { ...sel.position, start: 20_000, end: 20_030 } };
    expect(anchor(edited, farHint)).toMatchObject({ start: line - 10, end: line + 20, method: 'fuzzy' });
  });
});
