import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { findQuantities } from '@/lib/parse/quantities';
import { notice, quantity } from '@/lib/schema';
import { parseNotice } from '@/lib/parse/index';

/**
 * Linear-time guard. Alone these take 0.1–0.4 s per MB; the budget leaves room for a loaded CI box
 * (tests run in parallel) while a quadratic scan would take minutes.
 */
const TIME_BUDGET_MS = 1500;
const seed = (name: string) => readFileSync(`test/fixtures/seeds/${name}.txt`, 'utf8');
const brief = (text: string) => findQuantities(text).map((q) => [q.text, q.value, q.unit]);

describe('findQuantities', () => {
  it('idioms and slogans are not counts; the same words after a real count still are', () => {
    const idioms = ['古镇镇党委坚持把巡察整改作为一项重要的政治任务', '作为一项重要任务', '一项长期任务', '一批干部', '一次性补缴', '落实一把手责任',
      '坚决做到两个维护', '增强四个意识、坚定四个自信', '三重一大事项', '统筹推进五位一体', '一张蓝图绘到底', '两个确立'];
    for (const text of idioms) expect(brief(text), text).toEqual([]);
    expect(brief('完成3项重要任务，共查摆问题4个，涉及两个村')).toEqual([['3项', 3, '项'], ['4个', 4, '个'], ['两个', 2, '个']]);
  });

  it('reads the 花山镇 contract counts with absolute offsets', () => {
    const text = seed('huashan-town-2025-06-19');
    const start = text.indexOf('目前，花山镇共梳理出问题合同23宗');
    const end = text.indexOf('巡察发现的“阴阳合同”', start);
    const qs = findQuantities(text, start, end);
    expect(qs.map((q) => q.text)).toEqual(['23宗', '11宗', '12宗', '5宗', '7宗']);
    for (const q of qs) expect(text.slice(q.start, q.end)).toBe(q.text);
    expect(qs[0].start).toBe(text.indexOf('23宗', start));
  });

  it('reads decimals with 万元/亿元/亩/% units (seed values)', () => {
    const guzhen = seed('guzhen-town-2025-09-12');
    const all = findQuantities(guzhen);
    expect(all.find((q) => q.text === '1739.47万元')).toMatchObject({ value: 1739.47, unit: '万元' });
    expect(all.find((q) => q.text === '13647.82亩')).toMatchObject({ value: 13647.82, unit: '亩' });
    const mazhang = findQuantities(seed('mazhang-town-2024-09-25'));
    expect(mazhang.find((q) => q.value === 92.78)).toMatchObject({ text: '92.78%', unit: '%' });
    expect(mazhang.find((q) => q.value === 84)).toMatchObject({ text: '84％', unit: '%' });
    expect(mazhang.find((q) => q.value === 638.825)).toMatchObject({ unit: '亩' });
  });

  it('prefers the longest unit', () => {
    expect(brief('开展党内谈话2644人次，较上年提高5.35个百分点，拆除554.66万平方米，面积1400㎡')).toEqual([
      ['2644人次', 2644, '人次'],
      ['5.35个百分点', 5.35, '个百分点'],
      ['554.66万平方米', 554.66, '万平方米'],
      ['1400㎡', 1400, '㎡'],
    ]);
  });

  it('reads Chinese numeral counts', () => {
    expect(brief('共组织18人次参加了三场培训，已建立两个台账，十三个村，修订一百三十八条制度')).toEqual([
      ['18人次', 18, '人次'],
      ['三场', 3, '场'],
      ['两个', 2, '个'],
      ['十三个', 13, '个'],
      ['一百三十八条', 138, '条'],
    ]);
    expect(brief('花山镇两次召开村级党组织会议')).toEqual([['两次', 2, '次']]);
  });

  it('keeps approximate markers in the text (25余次, 20多间)', () => {
    expect(brief('共检查25余次，包括20多间窝棚')).toEqual([
      ['25余次', 25, '次'],
      ['20多间', 20, '间'],
    ]);
  });

  it('does not treat dates, ordinals, markers, phones or ranges as quantities', () => {
    expect(brief('2024年3月14日，（一）一是第一议题，第二十三期，第3次会议')).toEqual([]);
    expect(brief('联系电话:0760-22343030(工作时间);电话020-36898776')).toEqual([]);
    expect(brief('1.针对“历史约定不合理”问题；2问题3:；(20)问题27')).toEqual([]);
    expect(brief('2021-11-23 10:00:00；每次3-5人')).toEqual([]);
  });

  it('does not read slogans and set phrases as counts', () => {
    expect(brief('坚决做到“两个维护”，增强“四个意识”，一次性解决，统一部署，中央八项规定，“资产一张图”，一批重点项目，未发生一起涉密事件')).toEqual([]);
    expect(brief('“百千万工程”，千方百计，慈善万人行，一期投入运营，GAMECO三期机库')).toEqual([]);
  });

  it('does not read unit characters that start another word (处分, 条例, 台账)', () => {
    expect(brief('给予一处分，三条例，一台账')).toEqual([]);
  });

  it('finds nothing but well-formed, ordered, in-range quantities in every seed', () => {
    for (const name of ['guzhen-town-2025-09-12', 'hongmei-town-2023', 'huadu-district-2021-11-22', 'huashan-town-2025-06-19', 'mazhang-town-2024-09-25']) {
      const text = seed(name);
      const qs = findQuantities(text);
      expect(qs.length).toBeGreaterThan(10);
      let last = 0;
      for (const q of qs) {
        expect(quantity.safeParse(q).success).toBe(true);
        expect(q.start).toBeGreaterThanOrEqual(last);
        expect(text.slice(q.start, q.end)).toBe(q.text);
        expect(q.text).not.toMatch(/^\d{4}年/);
        last = q.end;
      }
    }
  });

  it('respects [from, to)', () => {
    const text = '共23宗，已完成11宗';
    expect(findQuantities(text, 4).map((q) => q.text)).toEqual(['11宗']);
    expect(findQuantities(text, 0, 4).map((q) => q.text)).toEqual(['23宗']);
    expect(findQuantities(text, 0, 3)).toEqual([]); // unit cut off by `to`
  });

  it('property: never throws; offsets in range, ordered, text matches', () => {
    const alphabet = '0123456789.%％一二两三十百千万年月日宗个份项人次第（）“”，。、-余多元亩'.split('');
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...alphabet), maxLength: 80 }), fc.nat(100), fc.nat(100), (s, a, b) => {
        const [from, to] = a <= b ? [a, b] : [b, a];
        const qs = findQuantities(s, from, to);
        let last = Math.min(from, s.length);
        for (const q of qs) {
          if (q.start < last || q.end > Math.min(to, s.length) || q.end <= q.start) return false;
          if (s.slice(q.start, q.end) !== q.text || !Number.isFinite(q.value)) return false;
          last = q.end;
        }
        return true;
      }),
      { numRuns: 500 },
    );
  });

  it('is linear: 1 MB of notice text in well under a second', () => {
    const base = seed('guzhen-town-2025-09-12');
    const big = base.repeat(Math.ceil(1_000_000 / base.length));
    const t0 = performance.now();
    const qs = findQuantities(big);
    expect(performance.now() - t0).toBeLessThan(TIME_BUDGET_MS);
    expect(qs.length).toBeGreaterThan(1000);
  });
});

describe('findQuantities at the edges', () => {
  it('reads a quantity at offset 0 and at the very end', () => {
    expect(brief('一个问题')).toEqual([['一个', 1, '个']]);
    expect(brief('23宗')).toEqual([['23宗', 23, '宗']]);
  });
});

describe('findQuantities never yields a value the schema refuses', () => {
  it('a 400-digit number before a unit is not a quantity (it would read as Infinity)', () => {
    const huge = '9'.repeat(400);
    const qs = findQuantities(`共清理${huge}宗，剩余3宗`);
    expect(qs.map((q) => q.text)).toEqual(['3宗']);
    for (const q of qs) expect(quantity.safeParse(q).success).toBe(true);
  });
  it('more than 15 integer digits is an ID or junk, not a count; 15 digits and decimals still are', () => {
    expect(brief(`${'1'.repeat(16)}元`)).toEqual([]);
    expect(brief(`${'1'.repeat(15)}元`)).toEqual([['111111111111111元', 111111111111111, '元']]);
    expect(brief(`000000000000000000123.5万元`)).toEqual([['000000000000000000123.5万元', 123.5, '万元']]);
  });
  it('a notice full of huge numbers still passes the Notice schema', () => {
    const huge = '8'.repeat(320);
    const text = `关于巡察整改进展情况的通报\n根据区委统一部署，2023年9月至12月，区委第三巡察组对某镇党委进行了巡察。2024年3月14日，区委第三巡察组向某镇党委反馈了巡察意见。\n一、整改情况\n1.针对“合同管理不规范”问题，共清理${huge}宗，已完成${huge}宗，涉及${huge}.5万元，${huge}%。已完成整改。\n`;
    const { notice: model } = parseNotice(text);
    expect(notice.safeParse(model).success).toBe(true);
    for (const s of model.spans) expect(s.note ?? '').not.toContain('Infinity');
  });
});
