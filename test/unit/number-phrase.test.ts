import { describe, expect, it } from 'vitest';
import { compareNotices } from '@/lib/compare';
import { clauseAround, MAX_PHRASE_CHARS, numberChangePhrase } from '@/lib/compare/number-phrase';
import { parseNotice } from '@/lib/parse/index';
import { huashanEarlierText, huashanLaterText } from '@/test/fixtures/notices/huashan';

describe('clauseAround', () => {
  it('takes the clause between clause punctuation', () => {
    const text = '经充分协商，目前已完成整改19宗。未整改完成的4宗，其中3宗已进入最后阶段';
    const at = text.indexOf('19宗');
    const [s, e] = clauseAround(text, at, at + 3);
    expect(text.slice(s, e)).toBe('目前已完成整改19宗');
  });
  it('narrows a long clause to its enumeration part, then to a window around the number', () => {
    const long = `甲${'很'.repeat(30)}、共有乙丙丁7宗问题、${'长'.repeat(40)}`;
    const at = long.indexOf('7宗');
    const [s, e] = clauseAround(long, at, at + 2);
    expect(long.slice(s, e)).toBe('共有乙丙丁7宗问题');
    const noBreak = `${'前'.repeat(60)}8宗${'后'.repeat(60)}`;
    const [s2, e2] = clauseAround(noBreak, 60, 62);
    expect(e2 - s2).toBe(MAX_PHRASE_CHARS);
    expect(noBreak.slice(s2, e2)).toContain('8宗');
  });
});

describe('number changes in the report read as whole phrases (花山镇 2025 → 2026, real parses)', () => {
  const earlier = parseNotice(huashanEarlierText);
  const later = parseNotice(huashanLaterText);
  const comparison = compareNotices(later.notice, [earlier.notice], { texts: { current: later.text, earlier: [earlier.text] } });
  const phrases = comparison.rows.flatMap((row) => {
    const item = later.notice.items.find((i) => i.id === row.currentItem?.id) ?? null;
    return row.numberChanges.map((n) => ({ n, phrase: numberChangePhrase(n, item, later.text) }));
  });

  it('finds number changes to show', () => {
    expect(phrases.length).toBeGreaterThanOrEqual(3);
  });
  it('writes the change inside its clause, not after a cut fragment', () => {
    const all = phrases.map((p) => p.phrase);
    expect(all).toContain('目前已完成整改11宗→19宗（+8）');
    // the old 12-character context cut this one to `…专题会研究讨`
    expect(all).toContain('镇党委共通过21次党委会、4次→6次（+2）专题会研究讨论留用地相关问题');
    for (const { n, phrase } of phrases) {
      expect(phrase).toContain(`${n.before}${n.unit}→${n.after}${n.unit}`);
      expect(phrase).not.toMatch(/^…|…$/); // these clauses are all short enough to show whole
    }
  });
  it('falls back to the identifying words without the current item', () => {
    const { n } = phrases[0];
    expect(numberChangePhrase(n, null, later.text)).toBe(`${n.context}${n.before}${n.unit}→${n.after}${n.unit}（${n.delta > 0 ? '+' : ''}${n.delta}）`);
  });
});
