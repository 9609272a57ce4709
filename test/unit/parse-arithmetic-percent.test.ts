// Percentages checked against the counts they are rates of (lib/parse/arithmetic-percent.ts).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findArithmeticRelations } from '@/lib/parse/arithmetic';
import { findQuantities } from '@/lib/parse/quantities';
import { passageOf, relationsIn, relationsOf, seed } from './arithmetic-helpers';

function relationsByLine(text: string) {
  const qs = findQuantities(text);
  const out: ReturnType<typeof findArithmeticRelations> = [];
  let start = 0;
  for (const line of text.split('\n')) {
    out.push(...findArithmeticRelations(text, qs, { start, end: start + line.length }));
    start += line.length + 1;
  }
  return out;
}
const percentRelations = (text: string) => relationsByLine(text).filter((r) => r.total.unit === '%');

describe('findArithmeticRelations: percentages in the seeds', () => {
  it('花都区: 竞投率99.59%（剩余0.41%…）is a partition of 100%', () => {
    const text = seed('huadu-district-2021-11-22');
    const rs = relationsIn(text, passageOf(text, '平台网上竞投率高达99.59%'));
    expect(rs.map((r) => [r.consistent, r.message])).toEqual([[true, '99.59% + 0.41% = 100%']]);
    expect(rs[0].total.text).toBe('99.59%');
    expect(rs[0].parts.map((q) => q.text)).toEqual(['99.59%', '0.41%']);
    expect(text.slice(rs[0].start, rs[0].end)).toBe('99.59%(剩余0.41%');
  });

  it('麻章镇: 拆除…占84％，拆除建筑面积67381平方米，占比16% add up to 100% (亩 and 平方米 are not related)', () => {
    const text = seed('mazhang-town-2024-09-25');
    const rs = relationsIn(text, passageOf(text, '已拆除违建合计257宗'));
    expect(rs.map((r) => [r.consistent, r.message])).toEqual([[true, '84% + 16% = 100%']]);
  });

  it('percentages without a stated whole are left alone', () => {
    const mazhang = seed('mazhang-town-2024-09-25');
    expect(relationsIn(mazhang, passageOf(mazhang, '资金支出占比92.78%'))).toEqual([]); // 167户 done, share of funds
    const huadu = seed('huadu-district-2021-11-22');
    expect(relationsIn(huadu, passageOf(huadu, '三年目标任务完成率提升到91%'))).toEqual([]); // 505公顷 of an unstated target
    expect(relationsIn(huadu, passageOf(huadu, '大专及以上学历占比92.5%'))).toEqual([]);
    expect(relationsIn(huadu, passageOf(huadu, '同比分别增长6.5%、19.5%、11.3%'))).toEqual([]);
    const huashan = seed('huashan-town-2025-06-19');
    expect(relationsIn(huashan, passageOf(huashan, '整改率达100%'))).toEqual([]); // 共检查25余次, 交办函19份
    const hongmei = seed('hongmei-town-2023');
    expect(relationsIn(hongmei, passageOf(hongmei, '空气质量达标率为92.23%'))).toEqual([]);
    const guzhen = seed('guzhen-town-2025-09-12');
    expect(relationsIn(guzhen, passageOf(guzhen, '等问题整改103处,整改完成率达到100%'))).toEqual([]); // no total
  });

  it('古镇镇: 整改完成率100% after a 其中-list without done cue is not tied to 共检查881处', () => {
    const text = seed('guzhen-town-2025-09-12');
    const rs = relationsIn(text, passageOf(text, '共检查881处宣传载体'));
    expect(rs.every((r) => r.total.unit !== '%')).toBe(true);
  });

  it('over all seeds and notices: exactly the two partitions above, no contradiction', () => {
    const files = [
      ...['guzhen-town-2025-09-12', 'hongmei-town-2023', 'huadu-district-2021-11-22', 'huashan-town-2025-06-19', 'mazhang-town-2024-09-25'].map(
        (n) => `test/fixtures/seeds/${n}.txt`,
      ),
      'test/fixtures/notices/huashan-town-2026-03-20.txt',
    ];
    const found = files.flatMap((f) => percentRelations(readFileSync(f, 'utf8')).map((r) => [r.consistent, r.message]));
    expect(found.sort()).toEqual([
      [true, '84% + 16% = 100%'],
      [true, '99.59% + 0.41% = 100%'],
    ]);
  });
});

describe('findArithmeticRelations: percentages against counts (seed passages with a rate added or changed)', () => {
  const huashan = seed('huashan-town-2025-06-19');
  const withRate = (rate: string) => huashan.replace('目前已完成整改11宗。', `目前已完成整改11宗，${rate}。`);
  const rateRelations = (text: string) =>
    relationsIn(text, passageOf(text, '共梳理出问题合同23宗'))
      .filter((r) => r.total.unit === '%')
      .map((r) => [r.consistent, r.message]);

  it('花山镇 + 整改完成率47.83% (11 / 23 = 47.826…) is consistent; total = the rate, parts = [done, whole]', () => {
    const text = withRate('整改完成率47.83%');
    expect(rateRelations(text)).toEqual([[true, '整改完成率 47.83% = 11宗 / 23宗']]);
    const r = relationsIn(text, passageOf(text, '共梳理出问题合同23宗')).find((x) => x.total.unit === '%')!;
    expect(r.parts.map((q) => q.text)).toEqual(['11宗', '23宗']);
    expect(r.start).toBe(text.indexOf('23宗'));
    expect(r.end).toBe(text.indexOf('47.83%') + '47.83%'.length);
  });

  it('rounding: 48% and 47.8% are consistent, 47.82% and 47.9% are not', () => {
    expect(rateRelations(withRate('完成率为48%'))).toEqual([[true, '完成率 48% = 11宗 / 23宗']]);
    expect(rateRelations(withRate('完成率为47.8%'))).toEqual([[true, '完成率 47.8% = 11宗 / 23宗']]);
    expect(rateRelations(withRate('完成率为47.82%'))).toEqual([[false, '数据矛盾：完成率写作47.82%，但已完成11宗 / 共23宗 = 47.826%']]);
    expect(rateRelations(withRate('完成率为47.9%'))).toEqual([[false, '数据矛盾：完成率写作47.9%，但已完成11宗 / 共23宗 = 47.83%']]);
  });

  it('花山镇 + 整改完成率达到100% is a contradiction (11 of 23 done)', () => {
    expect(rateRelations(withRate('整改完成率达到100%'))).toEqual([
      [false, '数据矛盾：整改完成率写作100%，但已完成11宗 / 共23宗 = 47.8%'],
    ]);
  });

  it('the rate may follow the undone count of a done/undone split', () => {
    expect(relationsOf('共排查问题23宗，已完成整改11宗，未整改完成的12宗，整改完成率达到100%')).toEqual([
      [true, '23宗 = 11宗 + 12宗'],
      [false, '数据矛盾：整改完成率写作100%，但已完成11宗 / 共23宗 = 47.8%'],
    ]);
    expect(relationsOf('共受理信访件1394件，未办结101件，已办结1293件，办结率92.75%')).toEqual([
      [true, '1394件 = 101件 + 1293件'],
      [true, '办结率 92.75% = 1293件 / 1394件'],
    ]);
    expect(relationsOf('共受理信访件1394件，已办结1293件，办结率92.78%')).toEqual([
      [false, '数据矛盾：办结率写作92.78%，但已办结1293件 / 共1394件 = 92.755%'],
    ]);
  });

  it('麻章镇 + “835项（占比76.5%）”: a share of the 共-total right before it', () => {
    const text = seed('mazhang-town-2024-09-25').replace('835项行政执法权限', '835项（占比76.5%）行政执法权限');
    const rs = relationsIn(text, passageOf(text, '共1092项综合行政执法事项'));
    expect(rs.map((r) => [r.consistent, r.message])).toEqual([
      [true, '1092项 = 835项 + 257项'],
      [true, '占比 76.5% = 835项 / 1092项'],
    ]);
    const wrong = text.replace('占比76.5%', '占比80%');
    expect(relationsIn(wrong, passageOf(wrong, '共1092项')).filter((r) => !r.consistent).map((r) => r.message)).toEqual([
      '数据矛盾：占比写作80%，但835项 / 共1092项 = 76.5%',
    ]);
  });

  it('古镇镇 + shares of a 其中-list are taken of its parent (103处), not of 共检查881处', () => {
    const text = seed('guzhen-town-2025-09-12')
      .replace('修复宣传载体94处', '修复宣传载体94处,占比91.3%')
      .replace('清理非法广告9处', '清理非法广告9处,占比8.7%');
    const rs = relationsIn(text, passageOf(text, '共检查881处宣传载体'));
    expect(rs.map((r) => [r.consistent, r.message])).toEqual([
      [true, '103处 = 94处 + 9处'],
      [true, '占比 91.3% = 94处 / 103处'],
      [true, '占比 8.7% = 9处 / 103处'],
    ]);
    const wrong = text.replace('占比8.7%', '占比9.7%');
    expect(relationsIn(wrong, passageOf(wrong, '共检查881处宣传载体')).filter((r) => !r.consistent).map((r) => r.message)).toEqual([
      '数据矛盾：占比写作9.7%，但9处 / 共103处 = 8.74%',
    ]);
  });

  it('花都区 with 剩余0.51% → the parts of 100% do not add up', () => {
    const text = seed('huadu-district-2021-11-22').replace('剩余0.41%', '剩余0.51%');
    const rs = relationsIn(text, passageOf(text, '平台网上竞投率高达99.59%'));
    expect(rs.map((r) => [r.consistent, r.message])).toEqual([[false, '数据矛盾：99.59% + 0.51% = 100.1%，合起来应为100%']]);
  });

  it('麻章镇 with 占比15%: shares that miss 100% are never called a contradiction', () => {
    const text = seed('mazhang-town-2024-09-25').replace('占比16%', '占比15%');
    expect(relationsIn(text, passageOf(text, '已拆除违建合计257宗'))).toEqual([]);
  });
});

describe('findArithmeticRelations: percentages, conservative rules', () => {
  it('no relation without an explicit whole next to the part', () => {
    expect(relationsOf('共检查881处，发现问题103处，已整改103处，整改完成率100%')).toEqual([]); // 881 is not the whole
    expect(relationsOf('已完成整改11宗，整改完成率100%')).toEqual([]);
    expect(relationsOf('共计划改造180户，已改造167户，资金支出占比90%')).toEqual([]); // a share of funds
    expect(relationsOf('共23宗，已完成11宗，投入资金50万元，完成率100%')).toEqual([]); // something in between
  });

  it('units must match; approximate, target and bounded rates are left alone', () => {
    expect(relationsOf('共23宗，已完成11个，完成率100%')).toEqual([]);
    expect(relationsOf('共23宗，已完成11宗，完成率约100%')).toEqual([]);
    expect(relationsOf('共23宗，已完成11宗，完成率达到95%以上')).toEqual([]);
    expect(relationsOf('共23宗，已完成11宗，目标完成率100%')).toEqual([]);
  });

  it('growth rates and unrelated shares are not parts of 100%', () => {
    expect(relationsOf('工业总产值同比增长60%，其余行业增长40%')).toEqual([]);
    expect(relationsOf('大专及以上学历占比92.5%，女性占比30%')).toEqual([]);
    expect(relationsOf('中央资金占60%，其余40%由省级承担')).toEqual([[true, '60% + 40% = 100%']]);
    expect(relationsOf('完成率90%，其余11%正在推进')).toEqual([[false, '数据矛盾：90% + 11% = 101%，合起来应为100%']]);
  });
});
