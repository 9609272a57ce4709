import { describe, expect, it } from 'vitest';
import { findingLabel, findingParts, findingSeverityLabel, isConfirmationFinding, severityLabel } from '@/lib/labels';
import { buildReport, SEVERITY_LABELS } from '@/lib/export';
import { findingKind } from '@/lib/schema';
import { huashanLater, huashanLaterText } from '@/test/fixtures/notices/huashan';

describe('one name per finding kind and severity', () => {
  it('severity reads as severity: 严重 / 一般 / 提示, never a bare 中', () => {
    expect([severityLabel('high'), severityLabel('medium'), severityLabel('low')]).toEqual(['严重', '一般', '提示']);
    expect(findingSeverityLabel('info')).toBe('提示');
    expect(Object.values(SEVERITY_LABELS)).toEqual(['严重', '一般', '提示']);
  });

  it('exports name findings with the overlay\'s words and list only problems', () => {
    const notice = huashanLater();
    notice.findings = [
      { kind: 'arithmetic_ok', severity: 'info', message: '数据相符：23宗 = 11宗 + 12宗', start: 0, end: 4, itemId: null },
      { kind: 'numbering_gap', severity: 'medium', message: '编号缺失：二、（三）下第4项（可能存在未公开的问题）', start: 5, end: 9, itemId: null },
    ];
    const report = buildReport({ notice, text: huashanLaterText, url: null, annotations: [], overrides: [], comparison: null, generatedAt: '2026-11-23T00:00:00Z' });
    expect(report.findings).toEqual([{ kind: findingLabel('numbering_gap'), severity: '一般', message: '二、（三）下第4项（可能存在未公开的问题）' }]);
    expect(isConfirmationFinding(notice.findings[0])).toBe(true);
    for (const k of findingKind.options) expect(findingLabel(k)).toMatch(/^[\u4e00-\u9fff]/);
    expect(findingParts(notice.findings[1]).text).toBe('二、（三）下第4项（可能存在未公开的问题）');
  });
});

describe('compare pairing in plain words', () => {
  it('reads a score as 确定 / 较可能 / 存疑', async () => {
    const { matchConfidenceLabel } = await import('@/lib/labels');
    expect([0.97, 0.85, 0.8, 0.7, 0.62].map(matchConfidenceLabel)).toEqual(['对应：确定', '对应：确定', '对应：较可能', '对应：较可能', '对应：存疑']);
  });
});
