import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { findDates, type DateMention } from '@/lib/parse/dates';

/**
 * Linear-time guard. Alone these take 0.1–0.4 s per MB; the budget leaves room for a loaded CI box
 * (tests run in parallel) while a quadratic scan would take minutes.
 */
const TIME_BUDGET_MS = 1500;
const seed = (name: string) => readFileSync(`test/fixtures/seeds/${name}.txt`, 'utf8');
const one = (text: string, fallbackYear: number | null = null): DateMention => {
  const ms = findDates(text, { fallbackYear });
  expect(ms).toHaveLength(1);
  return ms[0];
};
const span = (m: DateMention) => [m.text, m.kind, m.first, m.last];

describe('findDates: absolute', () => {
  it.each([
    ['2024年3月14日，市委巡察组反馈', ['2024年3月14日', 'point', '2024-03-14', '2024-03-14']],
    ['来源:南粤清风网 日期:2021-11-23 10:00:00', ['2021-11-23', 'point', '2021-11-23', '2021-11-23']],
    ['2021年1月26日，省委巡视组', ['2021年1月26日', 'point', '2021-01-26', '2021-01-26']],
    ['2025年4月已按要求拆除', ['2025年4月', 'month', '2025-04-01', '2025-04-30']],
    ['计划于2023年完成工程建设', ['2023年', 'range', '2023-01-01', '2023-12-31']],
    ['2024年度组织生活会', ['2024年度', 'range', '2024-01-01', '2024-12-31']],
    ['二〇二五年九月十二日', ['二〇二五年九月十二日', 'point', '2025-09-12', '2025-09-12']],
    ['2024年2月29日', ['2024年2月29日', 'point', '2024-02-29', '2024-02-29']],
  ])('%s', (text, expected) => {
    const m = one(text);
    expect(span(m)).toEqual(expected);
    expect(m.yearInferred).toBe(false);
  });

  it('rejects impossible dates (an impossible day leaves only the month)', () => {
    expect(findDates('2023年2月29日', { fallbackYear: null }).map(span)).toEqual([['2023年2月', 'month', '2023-02-01', '2023-02-28']]);
    expect(findDates('13月5日', { fallbackYear: 2024 })).toEqual([]);
    expect(findDates('0760-22343030', { fallbackYear: 2024 })).toEqual([]);
  });
});

describe('findDates: ranges', () => {
  it.each([
    ['2024年10月至2025年4月', '2024-10-01', '2025-04-30'],
    ['2025年4-5月，花山镇两次召开', '2025-04-01', '2025-05-31'],
    ['2020年10月13日至12月13日，省委第一巡视组', '2020-10-13', '2020-12-13'],
    ['2023年9月至12月，区委第三巡察组', '2023-09-01', '2023-12-31'],
    ['2024年3月29日至6月21日', '2024-03-29', '2024-06-21'],
    ['公开期限:2025年9月12日至9月26日', '2025-09-12', '2025-09-26'],
    ['2021年1—9月全区共有938名', '2021-01-01', '2021-09-30'],
    ['2021年1至10月，各派驻组', '2021-01-01', '2021-10-31'],
    ['2025年1、2月全镇', '2025-01-01', '2025-02-28'],
    ['一是2021-2023年已拆除违建', '2021-01-01', '2023-12-31'],
    ['2020年10月13日至20日', '2020-10-13', '2020-10-20'],
  ])('%s', (text, first, last) => {
    const m = one(text);
    expect([m.kind, m.first, m.last]).toEqual(['range', first, last]);
  });

  it('year-less two-month list 1、2月 takes the context year', () => {
    const text = '就餐点就餐餐次较2024年12月显著增加,1月餐次8442次、2月8009次,1、2月全镇每个就餐点';
    const ms = findDates(text, { fallbackYear: 2025 });
    const m = ms.find((x) => x.text === '1、2月')!;
    expect([m.kind, m.first, m.last, m.yearInferred]).toEqual(['range', '2024-01-01', '2024-02-29', true]);
  });

  it('an open range 至今 has no last day', () => {
    const m = one('从2024年10月至今,共对村(社区)发出');
    expect([m.text, m.kind, m.first, m.last]).toEqual(['2024年10月至今', 'range', '2024-10-01', null]);
    expect(m.explanation).toContain('至今');
  });

  it('separate mentions for 2025年2月、6月 and 2019年、2020年', () => {
    const ms = findDates('2025年2月、6月,镇分管领导；2019年、2020年全区', { fallbackYear: null });
    expect(ms.map((m) => [m.text, m.first, m.yearInferred])).toEqual([
      ['2025年2月', '2025-02-01', false],
      ['6月', '2025-06-01', true],
      ['2019年', '2019-01-01', false],
      ['2020年', '2020-01-01', false],
    ]);
  });
});

describe('findDates: year-less resolution', () => {
  it('takes the nearest earlier explicit year in [from, to) and says so', () => {
    const text = seed('huashan-town-2025-06-19');
    const para = text.indexOf('花山镇计划6月再组织');
    const from = text.lastIndexOf('\n', para) + 1;
    const to = text.indexOf('\n', para);
    const june = findDates(text, { from, to, fallbackYear: 2024 }).find((m) => m.text === '6月')!;
    // the paragraph has no explicit year before 6月 → fallback (feedback year 2024)
    expect(june.first).toBe('2024-06-01');
    expect(june.yearInferred).toBe(true);
    expect(june.explanation).toBe('年份取自反馈日期 2024年');
  });

  it('uses the context year when one precedes, even across a later fallback', () => {
    const ms = findDates('2025年1月14日收到巡察组反馈。1月20日召开会议；2月6日开展培训。', { fallbackYear: 2024 });
    expect(ms.map((m) => [m.text, m.first, m.yearInferred])).toEqual([
      ['2025年1月14日', '2025-01-14', false],
      ['1月20日', '2025-01-20', true],
      ['2月6日', '2025-02-06', true],
    ]);
    expect(ms[1].explanation).toBe('年份取自上文“2025年”');
  });

  it('does not look before `from` for the context year', () => {
    const text = '2021年工作。4月7日召开会议';
    const m = findDates(text, { from: 6, fallbackYear: 2023 })[0];
    expect([m.text, m.first]).toEqual(['4月7日', '2023-04-07']);
  });

  it('leaves year-less dates unresolved without context or fallback', () => {
    const m = one('4月7日，镇党委召开会议');
    expect([m.first, m.last, m.yearInferred]).toEqual([null, null, false]);
    expect(m.explanation).toContain('未写年份');
  });

  it('resolves 今年 against currentYear (notice year)', () => {
    const ms = findDates('今年4月9日在麻章区委开展的', { fallbackYear: 2023, currentYear: 2024 });
    expect(ms.map(span)).toEqual([['今年4月9日', 'point', '2024-04-09', '2024-04-09']]);
    expect(ms[0].explanation).toContain('今年');
  });
});

describe('findDates: fuzzy', () => {
  it.each([
    ['将于2021年底前完工', '2021年底', '2021-12-31', '2021-12-31'],
    ['截至2025年3月底,古二村', '2025年3月底', '2025-03-31', '2025-03-31'],
    ['截止2024年12月底，洛场村', '2024年12月底', '2024-12-31', '2024-12-31'],
    ['制定《古镇镇2025年度上半年村(居)务工作清单》', '2025年度上半年', '2025-01-01', '2025-06-30'],
    ['开展2024年下半年专项检查', '2024年下半年', '2024-07-01', '2024-12-31'],
    ['2025年第一季度,镇分管领导', '2025年第一季度', '2025-01-01', '2025-03-31'],
    ['2021年前三季度,实现地区生产总值', '2021年前三季度', '2021-01-01', '2021-09-30'],
    ['迁改问题已于2021年9月初解决', '2021年9月初', '2021-09-01', '2021-09-10'],
    ['2024年6月下旬开始', '2024年6月下旬', '2024-06-21', '2024-06-30'],
  ])('%s', (text, mentionText, first, last) => {
    const m = one(text);
    expect([m.text, m.kind, m.first, m.last]).toEqual([mentionText, 'fuzzy', first, last]);
    expect(m.explanation).toBeTruthy();
  });

  it('standalone 年底 / 上半年 / 第一季度 take the year from context', () => {
    const ms = findDates('2025年3月，结合第一季度学习；力争年底前完成；上半年完成', { fallbackYear: 2024 });
    expect(ms.map((m) => [m.text, m.kind, m.first, m.last])).toEqual([
      ['2025年3月', 'month', '2025-03-01', '2025-03-31'],
      ['第一季度', 'fuzzy', '2025-01-01', '2025-03-31'],
      ['年底', 'fuzzy', '2025-12-31', '2025-12-31'],
      ['上半年', 'fuzzy', '2025-01-01', '2025-06-30'],
    ]);
  });

  it('近期 and a bare 月底 are fuzzy with no date', () => {
    expect(one('1月20日').first).toBeNull(); // at offset 0, with nothing before it
    const ms = findDates('在近期召开的党组织会议中；本月底前完成', { fallbackYear: 2025 });
    expect(ms.map((m) => [m.text, m.kind, m.first, m.last])).toEqual([
      ['近期', 'fuzzy', null, null],
      ['月底', 'fuzzy', null, null],
    ]);
  });

  it('does not read 每月底, 3个月, 5年内 or 历年底数 as dates', () => {
    expect(findDates('每月底报送；通过三个月的集中整改；3个月内；5年内；历年底数', { fallbackYear: 2025 })).toEqual([]);
  });
});

describe('findDates: seeds', () => {
  it('finds the header dates of 麻章镇 with their offsets', () => {
    const text = seed('mazhang-town-2024-09-25');
    const ms = findDates(text, { fallbackYear: null });
    const period = ms.find((m) => m.text === '2023年9月至12月')!;
    expect(text.slice(period.start, period.end)).toBe('2023年9月至12月');
    expect(ms.find((m) => m.text === '2024年3月14日')?.first).toBe('2024-03-14');
  });

  it('every mention in every seed is ordered, in range and has valid ISO dates', () => {
    for (const name of ['guzhen-town-2025-09-12', 'hongmei-town-2023', 'huadu-district-2021-11-22', 'huashan-town-2025-06-19', 'mazhang-town-2024-09-25']) {
      const text = seed(name);
      const ms = findDates(text, { fallbackYear: 2024 });
      expect(ms.length).toBeGreaterThan(10);
      checkMentions(text, ms, 0, text.length);
    }
  });
});

function checkMentions(text: string, ms: DateMention[], from: number, to: number): boolean {
  let last = from;
  for (const m of ms) {
    if (m.start < last || m.end > to || m.end <= m.start || text.slice(m.start, m.end) !== m.text) {
      throw new Error(`bad offsets ${JSON.stringify(m)}`);
    }
    for (const d of [m.first, m.last]) if (d !== null && !validIso(d)) throw new Error(`bad date ${d}`);
    if (m.first && m.last && m.first > m.last) throw new Error(`first after last ${JSON.stringify(m)}`);
    last = m.end;
  }
  return true;
}

function validIso(d: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(d)) return false;
  return new Date(`${d}T00:00:00Z`).toISOString().slice(0, 10) === d;
}

describe('findDates: properties', () => {
  const alphabet = '0123456789年月日至今底前初旬上中下半季度第一二三四〇十、-—.，。近期本去明每个'.split('');
  it('never throws; offsets in range and ordered; ISO dates valid', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(...alphabet), maxLength: 60 }),
        fc.nat(70),
        fc.nat(70),
        fc.option(fc.integer({ min: 1990, max: 2030 })),
        (s, a, b, fallbackYear) => {
          const [from, to] = a <= b ? [a, b] : [b, a];
          return checkMentions(s, findDates(s, { from, to, fallbackYear }), Math.min(from, s.length), Math.min(to, s.length));
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('mutated seed text keeps the invariants', () => {
    const text = seed('guzhen-town-2025-09-12').slice(0, 4000);
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(3999), fc.constantFrom(...alphabet)), { maxLength: 40 }), (edits) => {
        const chars = text.split('');
        for (const [i, ch] of edits) chars[i] = ch;
        const s = chars.join('');
        return checkMentions(s, findDates(s, { fallbackYear: 2025 }), 0, s.length);
      }),
      { numRuns: 200 },
    );
  });

  it('is linear: 1 MB in well under a second, including adversarial date chains', () => {
    const base = seed('guzhen-town-2025-09-12');
    const big = base.repeat(Math.ceil(1_000_000 / base.length));
    let t0 = performance.now();
    expect(findDates(big, { fallbackYear: 2025 }).length).toBeGreaterThan(1000);
    expect(performance.now() - t0).toBeLessThan(TIME_BUDGET_MS);
    const chain = '2024年1月至2025年2月至'.repeat(60_000);
    t0 = performance.now();
    findDates(chain, { fallbackYear: 2025 });
    expect(performance.now() - t0).toBeLessThan(TIME_BUDGET_MS);
  });
});
