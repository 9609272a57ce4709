import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { annotationHaystack, createMatcher, matchesQuery } from '@/lib/search';
import type { Annotation } from '@/lib/schema';

const mazhang = readFileSync(new URL('../fixtures/seeds/mazhang-town-2024-09-25.txt', import.meta.url), 'utf8');
const paragraph = (marker: string) => mazhang.split('\n').find((line) => line.includes(marker)) ?? '';
/** Item 5 of 麻章镇: the 甘林村 clinic. */
const clinic = paragraph('5.针对“推动解决民生实事力度欠缺”');
/** Item 10 of 麻章镇: “三重一大” rules. */
const rules = paragraph('10.针对“制度建设');
const closing = paragraph('欢迎广大干部群众');

describe('matchesQuery', () => {
  it('finds plain substrings', () => {
    expect(matchesQuery(clinic, '其他卫生站均已开诊')).toBe(true);
    expect(matchesQuery(clinic, '【正在整改，并取得阶段性成效】')).toBe(true);
    expect(matchesQuery(clinic, '已完成整改')).toBe(false);
  });

  it('ignores case and full-width forms', () => {
    expect(matchesQuery(closing, 'MAZHANG2009@163.COM')).toBe(true);
    expect(matchesQuery('（一）关于“贯彻落实党的路线方针政策', '(一)')).toBe(true);
    expect(matchesQuery('拆除泥土填埋、停车场、堆填土方、硬底化建设占84％', '84%')).toBe(true);
  });

  it('ignores quotation marks and spaces inside Chinese terms', () => {
    expect(rules).toContain('“三重一大”制度');
    expect(matchesQuery(rules, '三重一大制度')).toBe(true);
    expect(matchesQuery(closing, '联系电话0759-2711238')).toBe(true);
  });

  it('matches a CJK term when all its bigrams occur, even apart', () => {
    // 卫生 / 生站 / 站进 (…卫生站进行开诊) / 进驻 (…进驻卫生站…) — the phrase itself never occurs.
    expect(clinic.includes('卫生站进驻')).toBe(false);
    expect(matchesQuery(clinic, '卫生站进驻')).toBe(true);
    // 院开 occurs nowhere.
    expect(matchesQuery(clinic, '卫生院开诊')).toBe(false);
  });

  it('does not apply the bigram rule to single characters or Latin words', () => {
    expect(matchesQuery(clinic, '诊')).toBe(true);
    expect(matchesQuery(clinic, '湛')).toBe(false);
    expect(matchesQuery('contract expired', 'expected')).toBe(false);
  });

  it('ANDs whitespace-separated terms (ASCII or ideographic space)', () => {
    expect(matchesQuery(clinic, '甘林村 乡医')).toBe(true);
    expect(matchesQuery(clinic, '甘林村\u3000乡医')).toBe(true);
    expect(matchesQuery(clinic, '甘林村 东坡岭')).toBe(false);
  });

  it('matches everything with an empty query', () => {
    expect(matchesQuery(clinic, '')).toBe(true);
    expect(matchesQuery(clinic, '   ')).toBe(true);
  });

  it('compiles once and agrees with matchesQuery', () => {
    const matcher = createMatcher('卫生站 开诊');
    expect(matcher(clinic)).toBe(true);
    expect(matcher(rules)).toBe(matchesQuery(rules, '卫生站 开诊'));
    expect(matcher(rules)).toBe(false);
  });
});

describe('annotationHaystack', () => {
  const annotation: Annotation = {
    id: 'a1',
    noticeKey: 'n1',
    snapshotHash: 'h1',
    url: 'https://example.gov.cn/',
    quote: { type: 'TextQuoteSelector', exact: '除甘林村卫生站外，其他卫生站均已开诊', prefix: '一是', suffix: '。目前' },
    position: { type: 'TextPositionSelector', start: 10, end: 28 },
    note: '乡医已到退休年龄',
    tags: ['需核实', '存疑'],
    severity: 'high',
    createdAt: '2024-10-08T02:20:00.000Z',
    updatedAt: '2024-10-08T02:20:00.000Z',
    anchorState: 'anchored',
    deletedAt: null,
  };

  it('covers note, quote and tags but not the surrounding context', () => {
    const haystack = annotationHaystack(annotation);
    expect(matchesQuery(haystack, '退休')).toBe(true);
    expect(matchesQuery(haystack, '甘林村')).toBe(true);
    expect(matchesQuery(haystack, '需核实')).toBe(true);
    expect(matchesQuery(haystack, '退休 存疑 甘林村')).toBe(true);
    expect(matchesQuery(haystack, '目前')).toBe(false);
  });
});
