import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { findDeadlines, isStatusDate } from '@/lib/parse/deadlines';
import { findDates } from '@/lib/parse/dates';
import { deadline } from '@/lib/schema';

/**
 * Linear-time guard. Alone these take 0.1–0.4 s per MB; the budget leaves room for a loaded CI box
 * (tests run in parallel) while a quadratic scan would take minutes.
 */
const TIME_BUDGET_MS = 1500;
const seed = (name: string) => readFileSync(`test/fixtures/seeds/${name}.txt`, 'utf8');
const dl = (text: string, publishDate: string | null = null, fallbackYear: number | null = null) =>
  findDeadlines(text, { fallbackYear, publishDate }).map((d) => [d.text, d.date, d.overdueAtPublication]);

describe('findDeadlines: seed promises', () => {
  it('花山镇: 预计2025年7月前整改完成 → 2025-06-30 (X月前 = before month X begins)', () => {
    const text = seed('huashan-town-2025-06-19');
    const ds = findDeadlines(text, { fallbackYear: 2024, publishDate: '2025-06-19' });
    const d = ds.find((x) => x.text === '预计2025年7月前整改完成')!;
    expect(d.date).toBe('2025-06-30');
    expect(d.start).toBe(text.indexOf('预计2025年7月前整改完成'));
    expect(d.overdueAtPublication).toBe(false);
    expect(d.explanation).toContain('7月1日之前');
  });

  it('花山镇: 计划6月再组织 (year-less) → last day of June, year from the paragraph or the feedback year', () => {
    const text = seed('huashan-town-2025-06-19');
    const para = text.indexOf('花山镇计划6月再组织');
    const from = text.lastIndexOf('\n', para) + 1;
    const to = text.indexOf('\n', para);
    const ds = findDeadlines(text, { from, to, fallbackYear: 2024, publishDate: '2025-06-19' });
    expect(ds.map((d) => [d.text, d.date])).toEqual([['计划6月再组织', '2024-06-30']]);
    expect(ds[0].overdueAtPublication).toBe(true);
    expect(ds[0].explanation).toBe('年份取自反馈日期 2024年');
  });

  it('花都区: 将于2021年底前完工 and 计划于2023年完成', () => {
    const ds = findDeadlines(seed('huadu-district-2021-11-22'), { fallbackYear: 2021, publishDate: '2021-11-22' });
    expect(ds.map((d) => [d.text, d.date, d.overdueAtPublication])).toEqual([
      ['计划于2023年完成', '2023-12-31', false],
      ['将于2021年底前完工', '2021-12-31', false],
    ]);
  });

  it('洪梅镇: an undated 限期 is a deadline without a date', () => {
    const ds = findDeadlines(seed('hongmei-town-2023'), { fallbackYear: 2023, publishDate: null });
    expect(ds.map((d) => [d.text, d.date, d.overdueAtPublication])).toEqual([['限期完成', null, null]]);
  });

  it('an undated 限期 is found in every section, whatever was searched before (sections in any order, texts alike in length)', () => {
    const text = '一、甲问题已于限期内整改。\n二、乙问题责令限期改正。\n三、丙问题要求限期整改。';
    const sections = [[0, 13], [14, 26], [27, text.length]] as const;
    const fresh = sections.map(([from, to]) => findDeadlines(text, { from, to, fallbackYear: 2024, publishDate: null }).map((d) => d.text));
    expect(fresh).toEqual([[], ['限期改正'], ['限期整改']]);
    const reversed = [...sections].reverse().map(([from, to]) => findDeadlines(text, { from, to, fallbackYear: 2024, publishDate: null }).map((d) => d.text));
    expect(reversed).toEqual([...fresh].reverse());
    const other = text.replace('责令限期改正', '责令立即改正');
    expect(findDeadlines(other, { from: 14, to: 26, fallbackYear: 2024, publishDate: null })).toEqual([]);
    expect(findDeadlines(text, { from: 14, to: 26, fallbackYear: 2024, publishDate: null }).map((d) => d.text)).toEqual(['限期改正']);
  });

  it('麻章镇: 责成其限期改正 is a deadline; 《2024年限期整改通知书》 is not', () => {
    const ds = findDeadlines(seed('mazhang-town-2024-09-25'), { fallbackYear: 2024, publishDate: '2024-09-25' });
    expect(ds.map((d) => [d.text, d.date])).toEqual([['限期改正', null]]);
  });

  it('古镇镇 reports only past work: no deadlines (forecasts, 截至 dates, 于3月底前列席 are not promises)', () => {
    expect(findDeadlines(seed('guzhen-town-2025-09-12'), { fallbackYear: 2025, publishDate: '2025-09-12' })).toEqual([]);
  });

  it('all seed deadlines satisfy the schema', () => {
    for (const name of ['guzhen-town-2025-09-12', 'hongmei-town-2023', 'huadu-district-2021-11-22', 'huashan-town-2025-06-19', 'mazhang-town-2024-09-25']) {
      for (const d of findDeadlines(seed(name), { fallbackYear: 2024, publishDate: '2024-09-25' })) {
        expect(deadline.safeParse(d).success).toBe(true);
      }
    }
  });
});

describe('findDeadlines: phrase classes', () => {
  it('forecasts of amounts are not deadlines (documented decision)', () => {
    expect(dl('古二村计划落实集体经济项目7项，预计2025年集体收入增加160万元')).toEqual([]);
    expect(dl('其中古二村、古三村经济项目共增加12项，预计2025年增收460万元')).toEqual([]);
  });

  it('status dates and past events are not deadlines', () => {
    expect(dl('截至2025年3月，已完成改造共791户')).toEqual([]);
    expect(dl('截止2024年12月底，洛场村共组织党支部集体学习18次')).toEqual([]);
    expect(dl('古二村社区卫生服务站于2024年12月完成改造并正式投入使用')).toEqual([]);
    expect(dl('迁改问题已于2021年9月初解决；已于4月27日动工建设', null, 2021)).toEqual([]);
    expect(dl('于2024年6月底前完成了整改')).toEqual([]);
    expect(dl('2021年以来累计拆除违法建设；从2024年10月至今')).toEqual([]);
    expect(dl('镇纪委于3月底前列席并指导13个村(社区)开展会议', null, 2025)).toEqual([]);
  });

  it('X月前, X月底前, X日前, 年底前, 上半年', () => {
    expect(dl('力争2025年3月前全部整改到位', '2025-06-19')).toEqual([['力争2025年3月前全部整改到位', '2025-02-28', true]]);
    expect(dl('确保2025年3月底前完成清理', '2025-06-19')).toEqual([['确保2025年3月底前完成', '2025-03-31', true]]);
    expect(dl('要求各村于2025年6月30日前完成整改', '2025-06-19')).toEqual([['要求各村于2025年6月30日前完成整改', '2025-06-30', false]]);
    expect(dl('力争年底前完成', '2025-06-19', 2025)).toEqual([['力争年底前完成', '2025-12-31', false]]);
    expect(dl('计划于2025年上半年完成验收', '2025-09-12')).toEqual([['计划于2025年上半年完成', '2025-06-30', true]]);
    expect(dl('于2025年6月30日前完成', '2025-07-01')).toEqual([['2025年6月30日前完成', '2025-06-30', true]]);
  });

  it('近期 with a future cue is a deadline without a date', () => {
    expect(dl('力争近期完成整改', '2025-06-19')).toEqual([['力争近期完成整改', null, null]]);
  });

  it('overdueAtPublication is null when the publish date is unknown', () => {
    expect(dl('预计2025年7月前整改完成')).toEqual([['预计2025年7月前整改完成', '2025-06-30', null]]);
  });
});

describe('isStatusDate', () => {
  const status = (text: string) => {
    const [m] = findDates(text, { fallbackYear: 2025 });
    return isStatusDate(text, m);
  };
  it.each([
    ['截至2025年3月,全镇村集体资产交易类经济合同共58889份', true],
    ['截止2024年12月底，洛场村', true],
    ['截至 3月，已完成', true],
    ['2021年以来共安排53次', true],
    ['从2024年10月至今', true],
    ['预计2025年7月前整改完成', false],
    ['2024年12月完成改造', false],
  ])('%s → %s', (text, expected) => {
    expect(status(text)).toBe(expected);
  });
});

describe('findDeadlines: properties', () => {
  const alphabet = '0123456789年月日前底计划预将于完成整改已截至限期近，。、'.split('');
  it('never throws; offsets ordered and in range; dates valid', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...alphabet), maxLength: 60 }), fc.option(fc.integer({ min: 2000, max: 2030 })), (s, year) => {
        const ds = findDeadlines(s, { fallbackYear: year, publishDate: '2025-06-19' });
        let last = 0;
        for (const d of ds) {
          if (d.start < last || d.end > s.length || d.end <= d.start || s.slice(d.start, d.end) !== d.text) return false;
          if (!deadline.safeParse(d).success) return false;
          if (d.date !== null && new Date(`${d.date}T00:00:00Z`).toISOString().slice(0, 10) !== d.date) return false;
          last = d.start;
        }
        return true;
      }),
      { numRuns: 800 },
    );
  });

  it('is linear: 1 MB in well under a second', () => {
    const base = seed('huashan-town-2025-06-19');
    const big = base.repeat(Math.ceil(1_000_000 / base.length));
    const t0 = performance.now();
    expect(findDeadlines(big, { fallbackYear: 2024, publishDate: '2025-06-19' }).length).toBeGreaterThan(40);
    expect(performance.now() - t0).toBeLessThan(TIME_BUDGET_MS);
  });
});
