/**
 * Issue 13 behaviours, each on Chinese notice text and on plain English prose: typos without context
 * (margin rule, short quotes stricter), unique exact quotes whose context changed, empty context at the
 * text's edges, position hints as tie-breakers only, monotonic scores, repeated template sentences,
 * and carrying annotations across versions.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { anchor, carryOver, describeRange, locate, type AnchorResult, type Selectors } from '@/lib/anchor';

const SEEDS = join(__dirname, '../fixtures/seeds');
const mazhang = readFileSync(join(SEEDS, 'mazhang-town-2024-09-25.txt'), 'utf8');
const huashan = readFileSync(join(SEEDS, 'huashan-town-2025-06-19.txt'), 'utf8');

const ENGLISH = [
  'The harbour committee met on Tuesday to review the inspection findings.',
  'It agreed that the lighthouse keeper would file a written report every month,',
  'that the dredging contract would be tendered again before the winter storms,',
  'and that the fishermen’s cooperative would be consulted on the new mooring fees.',
  'Minutes of the meeting were published on the council website the following week.',
].join(' ');

/** Selectors carrying only a quote (foreign annotations), optionally with a position hint. */
function bare(exact: string, start = -1): Selectors {
  return {
    quote: { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
    position: { type: 'TextPositionSelector', start: Math.max(0, start), end: Math.max(0, start) + exact.length },
  };
}

function withoutHint(sel: Selectors): Selectors {
  return { ...sel, position: undefined as unknown as Selectors['position'] };
}

/** text with text[at, at + del) replaced by ins. */
function splice(text: string, at: number, del: number, ins: string): string {
  return text.slice(0, at) + ins + text.slice(at + del);
}

function expectAt(r: AnchorResult | null, start: number, end: number, method?: AnchorResult['method']) {
  expect(r).not.toBeNull();
  expect({ start: r!.start, end: r!.end }).toEqual({ start, end });
  if (method) expect(r!.method).toBe(method);
}

describe('typos in the quote, no context (margin rule)', () => {
  const zh = mazhang.slice(0, 4000);
  const zhQuote = '讨论通过了《麻章区委第三巡察组巡察反馈意见的整改方案》';
  const zhAt = zh.indexOf(zhQuote);

  it.each([
    ['one char changed', splice(zh, zhAt + 6, 1, '好'), 0],
    ['one char inserted', splice(zh, zhAt + 8, 0, '新'), 1],
    ['two chars deleted', splice(zh, zhAt + 10, 2, ''), -2],
    ['three chars changed', splice(zh, zhAt + 3, 3, '甲乙丙'), 0],
  ])('Chinese, %s: anchored fuzzily where the quote is', (_, text, growth) => {
    const r = anchor(text as string, bare(zhQuote));
    expectAt(r, zhAt, zhAt + zhQuote.length + (growth as number), 'fuzzy');
    expect(r!.score).toBeLessThan(1);
  });

  it.each([
    ['a letter changed', ENGLISH.replace('lighthouse keeper', 'lighthouse kepper'), 0],
    ['a letter dropped', ENGLISH.replace('lighthouse keeper', 'lighthouse keper'), -1],
    ['three letters changed', ENGLISH.replace('lighthouse keeper', 'lighthoose keaper'), 0],
  ])('English, %s: anchored fuzzily', (_, text, growth) => {
    const exact = 'the lighthouse keeper would file';
    const at = ENGLISH.indexOf(exact);
    expectAt(anchor(text as string, bare(exact)), at, at + exact.length + (growth as number), 'fuzzy');
  });

  it('short quotes (4–8 chars) with one typo anchor when no other place comes within two chars', () => {
    const exact = '专题民主生活会'; // 7 chars, twice in the first 2000 chars
    const zh = mazhang.slice(0, 2000);
    const [first, second] = [zh.indexOf(exact), zh.lastIndexOf(exact)];
    expect(second).toBeGreaterThan(first);
    // Both copies with the same typo: a tie, never a guess.
    const tied = locate(zh.replaceAll(exact, '专题民主生话会'), withoutHint(bare(exact)));
    expect(tied).toMatchObject({ status: 'orphaned', reason: 'ambiguous' });
    if (tied.status === 'orphaned') expect(tied.candidates.map((c) => c.start)).toEqual(expect.arrayContaining([first, second]));
    // One copy with the typo, the other rewritten: anchored on the first.
    const single = splice(splice(zh, second, exact.length, '班子会议'), first, exact.length, '专题民主生话会');
    expectAt(anchor(single, withoutHint(bare(exact))), first, first + exact.length, 'fuzzy');
    // …but not when another place is only one char worse (专题组织生活会: 2 changes vs 1).
    expect(anchor(single + '。召开专题组织生活会。', withoutHint(bare(exact)))).toBeNull();
    // English: 'harbour' → 'harbor' (one deletion), nothing else alike.
    expectAt(anchor(ENGLISH.replace('harbour', 'harbor'), bare('harbour')), 4, 10, 'fuzzy');
  });

  it('short quotes need a two-char lead; longer quotes one', () => {
    // best: 1 error; rival: 2 errors.
    const short = 'AAAA wxyz BBBB wxqq CCCC'; // quote 'wxyq' (4): wxyz has 1 error, wxqq has 1 too → tie
    expect(anchor(short, bare('wxyq'))).toBeNull();
    const shortLead1 = 'AAAA wxyz BBBB wqqq CCCC'; // wxyz 1 error, wqqq 2 errors: lead 1 < 2 ⇒ orphan
    expect(anchor(shortLead1, bare('wxyq'))).toBeNull();
    const shortLead2 = 'AAAA wxyz BBBB qqqq CCCC'; // lead ≥ 2 ⇒ anchored
    expectAt(anchor(shortLead2, bare('wxyq')), 5, 9, 'fuzzy');
    const long = 'AAAA abcdefghiz BBBB abcdefghzz CCCC'; // quote abcdefghij (10): 1 vs 2 errors ⇒ anchored
    expectAt(anchor(long, bare('abcdefghij')), 5, 15, 'fuzzy');
  });

  it('no typo-tolerance beyond what a quote can bear: a 4-char quote with 2 changes is not found', () => {
    expect(anchor('AAAA wqyq BBBB', bare('wxyz'))).toBeNull();
  });
});

describe('exact, unique quote whose context changed', () => {
  const zhAt = huashan.indexOf('成立以镇党委书记为组长的巡察整改工作领导小组');
  const zhSel = describeRange(huashan, zhAt, zhAt + 22);
  const enAt = ENGLISH.indexOf('the dredging contract');
  const enSel = describeRange(ENGLISH, enAt, enAt + 21);

  it.each([
    ['prefix edited', (t: string, s: number) => splice(t, s - 6, 3, 'XYZ')],
    ['prefix rewritten', (t: string, s: number) => splice(t, s - 32, 32, '—'.repeat(40))],
    ['suffix rewritten', (t: string, s: number, e: number) => splice(t, e, 32, '#'.repeat(20))],
    ['prefix edited, suffix rewritten', (t: string, s: number, e: number) => splice(splice(t, e, 32, '*'.repeat(32)), s - 5, 1, '*')],
    ['cut off at both ends', (t: string, s: number, e: number) => t.slice(s, e)],
    ['cut off at the start', (t: string, s: number) => t.slice(s)],
    ['cut off at the end', (t: string, _s: number, e: number) => t.slice(0, e)],
    ['cut off 5 chars before and after', (t: string, s: number, e: number) => t.slice(s - 5, e + 5)],
  ])('%s: still anchored (Chinese and English)', (_, edit) => {
    for (const [text, sel, at] of [
      [huashan, zhSel, zhAt],
      [ENGLISH, enSel, enAt],
    ] as const) {
      const n = sel.quote.exact.length;
      const cut = edit(text, at, at + n);
      const edited = cut.length < 200 || cut.startsWith(sel.quote.exact) ? cut : '前言 ' + cut;
      const newAt = edited.indexOf(sel.quote.exact);
      const r = anchor(edited, sel);
      expectAt(r, newAt, newAt + n);
      expect(r!.method).not.toBe('fuzzy');
    }
  });

  it('both sides rewritten and the quote copied elsewhere: orphan, not the copy', () => {
    const edited = splice(splice(ENGLISH, enAt + 21, 30, '!'.repeat(30)), enAt - 30, 30, '?'.repeat(30));
    const copy = edited.replace('?'.repeat(30) + 'the dredging contract' + '!'.repeat(30), '(deleted)') + ' Later the dredging contract was signed.';
    expect(anchor(copy, withoutHint(enSel))).toBeNull();
  });
});

describe('context at the text edges is unknown, not a perfect match', () => {
  it('a quote stored at offset 0 is found where its suffix agrees, not at the start of the new text', () => {
    const quote = '已完成整改';
    const original = quote + '，建立长效机制，每季度开展一次专项检查，确保问题不反弹。其他内容若干。';
    const sel = withoutHint(describeRange(original, 0, quote.length));
    expect(sel.quote.prefix).toBe('');
    const edited = quote + '的事项共十二项，详见附件。\n' + original;
    const at = edited.lastIndexOf(original);
    expectAt(anchor(edited, sel), at, at + quote.length, 'exact');
  });

  it('English: a quote stored at the end is found where its prefix agrees', () => {
    const original = ENGLISH + ' Approved.';
    const sel = withoutHint(describeRange(original, original.length - 9, original.length));
    expect(sel.quote.suffix).toBe('');
    const edited = original + '\nStatus of item 2: Approved.';
    expectAt(anchor(edited, sel), original.length - 9, original.length, 'exact');
  });

  it('no context anywhere and a repeated quote: the copy at the start does not win for being at the start', () => {
    const text = '已完成整改。其他事项推进中。已完成整改。';
    const r = locate(text, withoutHint(bare('已完成整改')));
    expect(r).toMatchObject({ status: 'orphaned', reason: 'ambiguous' });
    if (r.status === 'orphaned') expect(r.candidates.map((c) => c.start).sort()).toEqual([0, 14]);
    const en = locate('Approved. Item two pending. Approved.', withoutHint(bare('Approved.')));
    expect(en.status).toBe('orphaned');
  });
});

describe('position hints break ties only', () => {
  const tag = '【已完成整改，并长期坚持】';
  const occ: number[] = [];
  for (let i = mazhang.indexOf(tag); i >= 0; i = mazhang.indexOf(tag, i + 1)) occ.push(i);

  it('equally good copies: the one nearest the hint wins (Chinese and English)', () => {
    expectAt(anchor('前言' + mazhang, bare(tag, occ[3])), occ[3] + 2, occ[3] + 2 + tag.length, 'exact');
    const en = 'Status: done. Budget: approved. Status: done. Staff: approved.';
    expectAt(anchor(en, bare('approved', 50)), 53, 61);
    expectAt(anchor(en, bare('approved', 20)), 22, 30);
    expect(anchor(en, bare('approved', 37))).toBeNull(); // midway: no clear winner
  });

  it('a far hint never outweighs a clearly better match', () => {
    // No context: an exact copy far away beats a 2-error copy at the hint.
    const text = 'lighthouse keeper ' + 'x'.repeat(400) + ' lighthoose kaeper';
    expectAt(anchor(text, bare('lighthouse keeper', 419)), 0, 17, 'exact');
    // With context: the place whose context agrees beats a copy at the hint whose context does not.
    const at = mazhang.indexOf('6月3日，召开麻章镇十届区委第四轮巡察反馈问题整改推进会');
    const sel = describeRange(mazhang, at, at + 28);
    const copy = '通知：' + sel.quote.exact + '。\n';
    const edited = mazhang.slice(0, at - 200) + copy + mazhang.slice(at - 200);
    const hinted = { ...sel, position: { ...sel.position, start: at - 200 + 3, end: at - 200 + 3 + 28 } };
    expectAt(anchor(edited, hinted), at + copy.length, at + copy.length + 28, 'exact');
  });
});

describe('scores are monotonic and come with the method', () => {
  const at = huashan.indexOf('逐条对照细化整改措施');
  const sel = describeRange(huashan, at, at + 10);

  it('less similar prefix, suffix or quote ⇒ lower score', () => {
    const scores = (edits: Array<(t: string) => string>) => edits.map((e) => anchor(e(huashan), withoutHint(sel))?.score ?? 0);
    const prefix = scores([0, 1, 2, 4, 6].map((k) => (t: string) => splice(t, at - 12, k, '某'.repeat(k))));
    const suffix = scores([0, 1, 2, 4, 6].map((k) => (t: string) => splice(t, at + 14, k, '某'.repeat(k))));
    const quote = scores([0, 1, 2].map((k) => (t: string) => splice(t, at + 3, k, '某'.repeat(k))));
    for (const seq of [prefix, suffix, quote]) {
      for (let i = 1; i < seq.length; i++) expect(seq[i]).toBeLessThan(seq[i - 1]);
      expect(seq.at(-1)).toBeGreaterThan(0);
    }
    expect(prefix[0]).toBe(1);
  });

  it('equal inputs give equal scores, wherever the text puts them', () => {
    const a = anchor('甲'.repeat(50) + huashan, sel)!;
    const b = anchor('乙'.repeat(500) + huashan, sel)!;
    expect(a.score).toBe(b.score);
    expect(a.method).toBe('exact');
    expect(anchor(huashan, sel)).toMatchObject({ method: 'position', score: 1 });
    const k = ENGLISH.indexOf('lighthouse keeper');
    const en = anchor(ENGLISH.replace('keeper', 'kepper'), describeRange(ENGLISH, k, k + 20))!;
    expect(en.method).toBe('fuzzy');
    expect(anchor('  ' + ENGLISH.replace('keeper', 'kepper'), describeRange(ENGLISH, k, k + 20))!.score).toBe(en.score);
  });
});

describe('repeated template sentences', () => {
  it('quote and context equally good in two places: orphaned with both listed', () => {
    // The quote with 32 chars of context on each side lies inside the repeated item.
    const block = '\n4.针对“村级财务管理不规范”的问题。整改情况：镇党委已督促各村完成自查，已完成整改，已建立村级财务月报制度，每月公开收支明细，并长期坚持，确保问题不反弹。\n';
    const original = mazhang.slice(0, 3000) + block + mazhang.slice(3000, 6000);
    const at = original.indexOf('已完成整改，已建立');
    const sel = withoutHint(describeRange(original, at, at + 9));
    const twice = mazhang.slice(0, 1000) + block + mazhang.slice(1000, 5000) + block + mazhang.slice(5000, 6000);
    const r = locate(twice, sel);
    expect(r).toMatchObject({ status: 'orphaned', reason: 'ambiguous' });
    if (r.status === 'orphaned') {
      expect(r.candidates).toHaveLength(2);
      expect(r.candidates.map((c) => twice.slice(c.start, c.end))).toEqual(['已完成整改，已建立', '已完成整改，已建立']);
      expect(r.candidates[0].score).toBe(r.candidates[1].score);
    }
  });

  it('English: a sentence repeated with its surroundings is not guessed', () => {
    const para = ' Action taken: the keeper now files a monthly report. ';
    const sel = withoutHint(describeRange('Intro.' + para + 'End.', 20, 40));
    const r = locate('Intro.' + para + 'Middle part.' + para + 'End.' + para, sel);
    expect(r.status).toBe('orphaned');
  });

  it('a quote that is gone is not-found with no candidates', () => {
    expect(locate(ENGLISH, bare('submarine cable'))).toEqual({ status: 'orphaned', reason: 'not-found', candidates: [] });
  });
});

describe('carrying annotations to another version of the notice', () => {
  it('same place, moved, changed (with the new quote) and orphaned, in one call', () => {
    const v1 = mazhang;
    const spots = ['2024年3月14日', '讨论通过了《麻章区委第三巡察组巡察反馈意见的整改方案》', '努力交出一份经得起考验的整改答卷', '每位班子成员对照反馈问题'];
    const sels = spots.map((s) => {
      const at = v1.indexOf(s);
      return describeRange(v1, at, at + s.length);
    });
    const changedAt = v1.indexOf('经得起考验');
    const deletedAt = v1.indexOf('在专题民主生活会上，每位班子成员');
    const insertAt = v1.indexOf('4月7日');
    let v2 = splice(v1, deletedAt, 60, '');
    v2 = splice(v2, changedAt, 5, '经得起检验');
    v2 = splice(v2, insertAt, 0, '（补充：会议由镇党委书记主持。）');
    const carried = carryOver(v2, sels);
    expect(carried.map((c) => c.change)).toEqual(['same', 'moved', 'changed', 'orphaned']);
    const [same, moved, changed, orphan] = carried;
    if (same.change === 'orphaned' || moved.change === 'orphaned' || changed.change === 'orphaned') throw new Error('anchored expected');
    expect(same.result.method).toBe('position');
    expect(v2.slice(moved.result.start, moved.result.end)).toBe(spots[1]);
    expect(changed.quote).toBe('努力交出一份经得起检验的整改答卷');
    expect(changed.selectors.quote.exact).toBe(changed.quote);
    expect(changed.selectors.position.start).toBe(changed.result.start);
    expect(orphan).toMatchObject({ change: 'orphaned', reason: 'not-found' });
    // Carrying the new selectors forward once more: nothing moves.
    const again = carryOver(v2, carried.flatMap((c) => (c.change === 'orphaned' ? [] : [c.selectors])));
    expect(again.map((c) => c.change)).toEqual(['same', 'same', 'same']);
  });
});
