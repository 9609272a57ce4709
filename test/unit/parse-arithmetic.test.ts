import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { findArithmeticRelations } from '@/lib/parse/arithmetic';
import { findQuantities } from '@/lib/parse/quantities';
import { passageOf, relationsIn, relationsOf, seed } from './arithmetic-helpers';

/**
 * Linear-time guard. Alone these take 0.1–0.4 s per MB; the budget leaves room for a loaded CI box
 * (tests run in parallel) while a quadratic scan would take minutes.
 */
const TIME_BUDGET_MS = 1500;

describe('findArithmeticRelations: seeds', () => {
  it('花山镇: 23 = 11 + 12 and 12 = 5 + 7', () => {
    const text = seed('huashan-town-2025-06-19');
    const rs = relationsIn(text, passageOf(text, '共梳理出问题合同23宗'));
    expect(rs.map((r) => [r.consistent, r.message])).toEqual([
      [true, '23宗 = 11宗 + 12宗'],
      [true, '12宗 = 5宗 + 7宗'],
    ]);
    expect(rs[0].total.start).toBe(text.indexOf('23宗'));
    expect(rs[0].start).toBe(text.indexOf('23宗'));
    expect(rs[0].end).toBe(text.indexOf('12宗') + 3);
    expect(rs[1].parts.map((q) => q.text)).toEqual(['5宗', '7宗']);
  });

  it('古镇镇: 合同共58889份 = 47505份 + 11384份', () => {
    const text = seed('guzhen-town-2025-09-12');
    const rs = relationsIn(text, passageOf(text, '合同共58889份'));
    expect(rs.map((r) => [r.consistent, r.message])).toEqual([[true, '58889份 = 47505份 + 11384份']]);
  });

  it('古镇镇: 其中-list under the right total (103 = 94 + 9, not 881)', () => {
    const text = seed('guzhen-town-2025-09-12');
    const rs = relationsIn(text, passageOf(text, '共检查881处宣传载体'));
    expect(rs.map((r) => r.message)).toEqual(['103处 = 94处 + 9处']);
    const projects = relationsIn(text, passageOf(text, '收集重点项目清单共68项'));
    expect(projects.map((r) => r.message)).toEqual(['68项 = 59项 + 9项']);
  });

  it('古镇镇: subsets that do not add up are left alone (154名, 其中16名…5名; 903宗, 其中624宗; 44项 / 35项 / 12项)', () => {
    const text = seed('guzhen-town-2025-09-12');
    expect(relationsIn(text, passageOf(text, '储备154名乡村振兴人才'))).toEqual([]);
    expect(relationsIn(text, passageOf(text, '通过“三资”平台交易合计903宗'))).toEqual([]);
    expect(relationsIn(text, passageOf(text, '共计规划落实经济项目44项'))).toEqual([]);
    expect(relationsIn(text, passageOf(text, '共“三清理”3977处'))).toEqual([]);
  });

  it('花都区: 2644人次 (其中提醒谈话2461人次、警诫谈话183人次)', () => {
    const text = seed('huadu-district-2021-11-22');
    const rs = relationsIn(text, passageOf(text, '开展党内谈话2644人次'));
    expect(rs.map((r) => r.message)).toEqual(['2644人次 = 2461人次 + 183人次']);
  });

  it('麻章镇: 共1092项 … 收回835项 … 剩余的257项', () => {
    const text = seed('mazhang-town-2024-09-25');
    const rs = relationsIn(text, passageOf(text, '共1092项综合行政执法事项'));
    expect(rs.map((r) => [r.consistent, r.message])).toEqual([[true, '1092项 = 835项 + 257项']]);
  });

  it('finds no contradictions anywhere in the five seeds (they add up)', () => {
    for (const name of ['guzhen-town-2025-09-12', 'hongmei-town-2023', 'huadu-district-2021-11-22', 'huashan-town-2025-06-19', 'mazhang-town-2024-09-25']) {
      const text = seed(name);
      const qs = findQuantities(text);
      let start = 0;
      for (const line of text.split('\n')) {
        const rs = findArithmeticRelations(text, qs, { start, end: start + line.length });
        expect(rs.filter((r) => !r.consistent)).toEqual([]);
        start += line.length + 1;
      }
    }
  });
});

describe('findArithmeticRelations: contradictions (seed passages with one number changed)', () => {
  it('花山镇 with 已完成整改10宗 → 23 ≠ 10 + 12', () => {
    const text = seed('huashan-town-2025-06-19').replace('目前已完成整改11宗', '目前已完成整改10宗');
    const rs = relationsIn(text, passageOf(text, '共梳理出问题合同23宗'));
    expect(rs.map((r) => [r.consistent, r.message])).toEqual([
      [false, '数据矛盾：合计23宗，但分项之和为22宗（10宗 + 12宗）'],
      [true, '12宗 = 5宗 + 7宗'],
    ]);
  });

  it('花山镇 with 剩余6宗 → 12 ≠ 5 + 6 (剩余 makes the 其中-list a partition)', () => {
    const text = seed('huashan-town-2025-06-19').replace('剩余7宗', '剩余6宗');
    const rs = relationsIn(text, passageOf(text, '共梳理出问题合同23宗'));
    expect(rs.map((r) => [r.consistent, r.message])).toEqual([
      [true, '23宗 = 11宗 + 12宗'],
      [false, '数据矛盾：合计12宗，但分项之和为11宗（5宗 + 6宗）'],
    ]);
  });

  it('a 其中-list larger than its total is a contradiction', () => {
    expect(relationsOf('发现问题103处，其中修复宣传载体94处，清理非法广告19处')).toEqual([
      [false, '数据矛盾：合计103处，但其中所列分项之和为113处（94处 + 19处），超过合计'],
    ]);
  });

  it('a 共-total whose following counts do not add up is NOT called a contradiction', () => {
    expect(relationsOf('合同共58889份，合同到期或终止47505份，现正生效合同11385份')).toEqual([]);
  });
});

describe('findArithmeticRelations: conservative rules', () => {
  it('only relates the same unit', () => {
    expect(relationsOf('共排查23宗，已完成整改11个，未完成12宗')).toEqual([]);
  });

  it('ignores approximate counts; percentages never enter count sums', () => {
    expect(relationsOf('共清拆306间，其中包括巡察反馈的20多间窝棚，剩余286间')).toEqual([]);
    expect(relationsOf('共计增长10%，其中A增长4%，B增长6%')).toEqual([]);
  });

  it('a trailing total: A、B，共计T', () => {
    expect(relationsOf('清理3977处、拆除465处，共计4442处')).toEqual([[true, '4442处 = 3977处 + 465处']]);
  });

  it('decimals add up without float noise', () => {
    expect(relationsOf('农文旅合计每年增收101.5万元，其中古三村27.63万元，海洲村73.87万元')).toEqual([
      [true, '101.5万元 = 27.63万元 + 73.87万元'],
    ]);
  });

  it('公共/共产党 are not total cues', () => {
    expect(relationsOf('公共服务站23个，已建成11个，未建成12个')).toEqual([]);
  });

  it('respects the passage bounds', () => {
    const text = '共梳理出问题合同23宗。\n目前已完成整改11宗，未整改完成的12宗';
    expect(relationsIn(text, { start: 0, end: 12 })).toEqual([]);
    expect(relationsIn(text, { start: 0, end: text.length }).map((r) => r.message)).toEqual(['23宗 = 11宗 + 12宗']);
  });
});

/** Every relation of a text, line by line (as the parser calls it). */
describe('findArithmeticRelations: properties', () => {
  it('never throws; relations lie inside the passage with parts after or around the total', () => {
    const alphabet = '0123456789宗个共其中已未剩余合计，。；、完成'.split('');
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...alphabet), maxLength: 80 }), (s) => {
        const passage = { start: 0, end: s.length };
        for (const r of findArithmeticRelations(s, findQuantities(s), passage)) {
          if (r.start < 0 || r.end > s.length || r.start >= r.end || r.parts.length === 0) return false;
          if (r.parts.some((p) => p.unit !== r.total.unit)) return false;
          const sum = r.parts.reduce((a, p) => a + p.value, 0);
          if (r.consistent !== (Math.abs(sum - r.total.value) < 1e-6 * Math.max(1, r.total.value))) return false;
        }
        return true;
      }),
      { numRuns: 800 },
    );
  });

  it('never throws on random text with % signs; percentage relations hold (or fail) within rounding', () => {
    const word = fc.constantFrom('共', '合计', '已完成', '未完成', '其中', '剩余', '其余', '整改完成率', '办结率', '占比', '达到', '约', '以上', '，', '。', '、', '（', '%', '.');
    const count = fc.integer({ min: 0, max: 60 }).map((n) => `${n}宗`);
    const percent = fc.integer({ min: 0, max: 12000 }).map((n) => `${n / 100}%`);
    const texts = fc.array(fc.oneof(word, word, count, percent), { maxLength: 30 }).map((ws) => ws.join(''));
    fc.assert(
      fc.property(texts, (s) => {
        const passage = { start: 0, end: s.length };
        for (const r of findArithmeticRelations(s, findQuantities(s), passage)) {
          if (r.start < 0 || r.end > s.length || r.start >= r.end || r.parts.length === 0) return false;
          if (r.total.unit !== '%') continue;
          if (r.parts.length < 2) return false;
          if (r.parts[0].unit === '%') {
            const off = Math.abs(r.parts.reduce((a, p) => a + p.value, 0) - 100);
            if (r.consistent ? off > 0.5 + 1e-9 : off <= 0.005) return false;
          } else {
            const [part, whole] = r.parts;
            if (part.unit !== whole.unit || whole.value <= 0 || part.end > r.total.start) return false;
            const off = Math.abs((100 * part.value) / whole.value - r.total.value);
            if (r.consistent ? off > 0.5 + 1e-9 : off <= 0.005) return false;
          }
        }
        return true;
      }),
      { numRuns: 1500 },
    );
  });

  it('a stated rate is consistent exactly when it is part / whole rounded to its decimals', () => {
    const cases = fc
      .record({
        whole: fc.integer({ min: 1, max: 5000 }),
        share: fc.double({ min: 0, max: 1, noNaN: true }),
        decimals: fc.integer({ min: 0, max: 2 }),
        nudge: fc.constantFrom(0, 0, 1, -1, 7),
        cue: fc.constantFrom('整改完成率达到', '完成率为', '办结率'),
      })
      .map(({ whole, share, decimals, nudge, cue }) => {
        const part = Math.round(whole * share);
        const written = Math.max(0, (100 * part) / whole + nudge * 10 ** -decimals).toFixed(decimals); // "3.0" keeps its decimal
        return { whole, part, decimals, stated: Number(written), text: `共排查问题${whole}宗，已办结${part}宗，${cue}${written}%` };
      });
    fc.assert(
      fc.property(cases, ({ whole, part, decimals, stated, text }) => {
        const rs = findArithmeticRelations(text, findQuantities(text), { start: 0, end: text.length });
        if (rs.length !== 1) return false;
        const [r] = rs;
        const exact = Math.abs((100 * part) / whole - stated) <= 0.5 * 10 ** -decimals + 1e-9;
        return r.consistent === exact && r.total.value === stated && r.parts[0].value === part && r.parts[1].value === whole;
      }),
      { numRuns: 1000 },
    );
  });

  it('is linear: a 1 MB notice, one passage per line, in well under a second', () => {
    const base = seed('guzhen-town-2025-09-12');
    const text = base.repeat(Math.ceil(1_000_000 / base.length));
    const t0 = performance.now();
    let start = 0;
    let found = 0;
    for (const line of text.split('\n')) {
      const passage = { start, end: start + line.length };
      found += findArithmeticRelations(text, findQuantities(text, passage.start, passage.end), passage).length;
      start += line.length + 1;
    }
    expect(found).toBeGreaterThan(30);
    expect(performance.now() - t0).toBeLessThan(TIME_BUDGET_MS);
  });

  it('does not blow up on 1 MB of counts in one sentence-less passage (60 000 relations)', () => {
    const text = '共10个，已完成3个，未完成7个，'.repeat(60_000);
    const qs = findQuantities(text);
    const t0 = performance.now();
    const rs = findArithmeticRelations(text, qs, { start: 0, end: text.length });
    expect(performance.now() - t0).toBeLessThan(2 * TIME_BUDGET_MS); // ~0.4 s alone; quadratic would take minutes
    expect(rs).toHaveLength(60_000);
  });
});

describe('findArithmeticRelations: the passage\'s quantities in any order', () => {
  it('reads the same relations from the whole text\'s quantities, reversed, as from the passage\'s in order', () => {
    const text = seed('huashan-town-2025-06-19');
    const passage = passageOf(text, '共梳理出问题合同23宗');
    const all = findQuantities(text);
    const inPassage = all.filter((q) => q.start >= passage.start && q.end <= passage.end);
    const expected = findArithmeticRelations(text, inPassage, passage);
    expect(expected.length).toBe(2);
    expect(findArithmeticRelations(text, [...all].reverse(), passage)).toEqual(expected);
    expect(findArithmeticRelations(text, [...inPassage].reverse(), passage)).toEqual(expected);
  });
});
