import { describe, expect, it } from 'vitest';
import { parseNotice } from '@/lib/parse/index';
import { noticeLabel } from '../../scripts/eval/labels';
import { scoreFile, scoreMeta, toNormalized } from '../../scripts/eval/score';

const RAW = [
  '中共某某镇委员会关于巡察整改进展情况的通报',
  '根据区委统一部署，2023年9月至12月，区委第三巡察组对某某镇党委进行了巡察。2024年3月14日，巡察组向某某镇党委反馈了巡察意见。现将整改进展情况予以公布。',
  '一、巡察反馈问题整改落实情况',
  '1.针对“理论学习不够深入”问题',
  '【已完成整改】修订学习制度，组织专题学习12次。',
  '2.针对“台账管理混乱”问题',
  '【正在整改】目前正在逐村核对，预计2024年12月底前完成。',
].join('\n');

const label = (items: unknown[], meta: Record<string, unknown> = {}) =>
  noticeLabel.parse({
    url: null,
    source: 'test',
    notice: true,
    meta: {
      title: '中共某某镇委员会关于巡察整改进展情况的通报',
      organization: '中共某某镇委员会',
      inspectionBody: '区委第三巡察组',
      inspectionPeriod: { start: '2023-09', end: '2023-12' },
      feedbackDate: '2024-03-14',
      publishDate: null,
      ...meta,
    },
    items,
  });

function score(l: ReturnType<typeof label>) {
  const { text, toOriginal, notice } = parseNotice(RAW, { today: '2026-11-30' });
  return scoreFile(l, { raw: RAW, text, toOriginal, notice, detected: true });
}

describe('eval scoring', () => {
  it('maps raw offsets to normalized ones', () => {
    const { toOriginal } = parseNotice('  甲 乙\n\n丙');
    expect(toNormalized(toOriginal, 2)).toBe(0);
    expect(toNormalized(toOriginal, 10)).toBe(toOriginal.length - 1);
  });

  it('matches label items by quote and scores status and deadlines', () => {
    const s = score(
      label([
        { quote: '理论学习不够深入', status: 'done', evidence: '已完成整改', deadlines: [] },
        { quote: '台账管理混乱', status: 'in_progress', evidence: '正在整改', deadlines: ['2024-12-31'] },
      ]),
    );
    expect([s.labelItems, s.matchedLabels, s.parserItems, s.matchedParserItems]).toEqual([2, 2, 2, 2]);
    expect([s.statusLabelled, s.statusCorrect, s.wrongDone]).toEqual([2, 2, 0]);
    expect([s.deadlinesLabelled, s.deadlinesFound]).toEqual([1, 1]);
    expect(s.misses).toEqual([]);
  });

  it('counts a wrong done, a missed deadline and an extra parser item', () => {
    const s = score(label([{ quote: '理论学习不够深入', status: 'in_progress', evidence: null, deadlines: ['2025-06-30'] }]));
    expect(s.wrongDone).toBe(1);
    expect(s.deadlinesFound).toBe(0);
    expect(s.matchedParserItems).toBe(1);
    expect(s.parserItems).toBe(2);
    expect(s.misses.some((m) => m.startsWith('extra item'))).toBe(true);
  });

  it('refuses a label whose quote is not in the text', () => {
    expect(() => score(label([{ quote: '不存在的问题', status: null, deadlines: [] }]))).toThrow(/not in the text/);
  });

  it('compares meta exactly, a month-precision period bound against the whole month', () => {
    const { notice } = parseNotice(RAW);
    const m = scoreMeta(label([]).meta!, notice.meta);
    expect(m.title && m.organization && m.inspectionBody && m.inspectionPeriod && m.feedbackDate).toBe(true);
    expect(scoreMeta(label([], { feedbackDate: '2024-03' }).meta!, notice.meta).feedbackDate).toBe(false);
  });
});
