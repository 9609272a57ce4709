// One label table: the side panel and every export name statuses, certainties, findings, severities and changes alike.
import { describe, expect, it } from 'vitest';
import { categoryLabel, certaintyLabel, changeLabel, findingLabel, severityLabel, statusLabel } from '@/components/common/labels';
import { CHANGE_LABELS as COMPARE_CHANGE_LABELS } from '@/lib/compare';
import { buildReport } from '@/lib/export';
import { CERTAINTY_LABELS, SEVERITY_LABELS as EXPORT_SEVERITY_LABELS, STATUS_LABELS } from '@/lib/export/format';
import { CHANGE_LABELS, FINDING_LABELS, findingParts, findingSeverityLabel, isConfirmationFinding, matchConfidenceLabel, SEVERITY_LABELS } from '@/lib/labels';
import { parseNotice } from '@/lib/parse';
import { FINDING_KINDS, ITEM_CHANGES, type ItemStatus, type StatusCertainty } from '@/lib/schema';
import zhMessages from '@/public/_locales/zh_CN/messages.json';
import { huashanLater, huashanLaterText } from '@/test/fixtures/notices/huashan';

const STATUSES: ItemStatus[] = ['done', 'in_progress', 'long_term', 'unclear'];
const CERTAINTIES: StatusCertainty[] = ['stated', 'inferred', 'unclear'];

describe('one label table for the UI and the exports', () => {
  it('statuses, certainties, findings and changes read the same in the side panel (zh-CN) and in exports', () => {
    for (const s of STATUSES) expect(STATUS_LABELS[s]).toBe(statusLabel(s));
    for (const c of CERTAINTIES) expect(CERTAINTY_LABELS[c]).toBe(certaintyLabel(c));
    for (const k of FINDING_KINDS) expect(FINDING_LABELS[k]).toBe(findingLabel(k));
    for (const c of ITEM_CHANGES) expect(COMPARE_CHANGE_LABELS[c]).toBe(changeLabel(c));
    expect(COMPARE_CHANGE_LABELS).toBe(CHANGE_LABELS);
  });

  it('severities read 严重 / 一般 / 提示 everywhere, never a bare 高/中/低', () => {
    expect(EXPORT_SEVERITY_LABELS).toBe(SEVERITY_LABELS);
    expect(SEVERITY_LABELS).toEqual({ high: '严重', medium: '一般', low: '提示', info: '提示' });
    for (const s of ['high', 'medium', 'low'] as const) expect(severityLabel(s)).toBe(SEVERITY_LABELS[s]);
  });

  it('the report names findings and their severities with the side panel words', () => {
    const text = ['关于巡察整改进展情况的通报', '', '一、具体问题整改情况', '1.台账不全。目前正在整改，预计2025年3月底前完成。', '3.制度缺失。已完成整改。', '', '中共某镇委员会', '2025年6月19日'].join('\n');
    const { notice } = parseNotice(text, { today: '2026-11-30' });
    const report = buildReport({ notice, text, url: null, annotations: [], overrides: [], comparison: null, generatedAt: '2026-11-30T00:00:00Z' });
    const shown = notice.findings.filter((f) => f.kind !== 'arithmetic_ok');
    expect(shown.length).toBeGreaterThan(1);
    expect(report.findings.map((f) => [f.kind, f.severity])).toEqual(shown.map((f) => [findingLabel(f.kind), SEVERITY_LABELS[f.severity]]));
  });

  it('every label comes from the zh_CN messages', () => {
    const words = new Set(Object.values(zhMessages).map((m) => m.message));
    for (const table of [STATUS_LABELS, CERTAINTY_LABELS, FINDING_LABELS, SEVERITY_LABELS, CHANGE_LABELS]) {
      for (const word of Object.values(table)) expect(words.has(word), word).toBe(true);
    }
    expect(categoryLabel('overdue')).toBe(zhMessages.catOverdue.message);
  });
});

describe('one name per finding kind and severity', () => {
  it('severity reads as severity: 严重 / 一般 / 提示, never a bare 中', () => {
    expect([severityLabel('high'), severityLabel('medium'), severityLabel('low')]).toEqual(['严重', '一般', '提示']);
    expect(findingSeverityLabel('info')).toBe('提示');
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
    for (const k of FINDING_KINDS) expect(findingLabel(k)).toMatch(/^[\u4e00-\u9fff]/);
    expect(findingParts(notice.findings[1]).text).toBe('二、（三）下第4项（可能存在未公开的问题）');
  });
});

describe('compare pairing in plain words', () => {
  it('reads a score as 确定 / 较可能 / 存疑', () => {
    expect([0.97, 0.85, 0.8, 0.7, 0.62].map((s) => matchConfidenceLabel(s))).toEqual(['对应：确定', '对应：确定', '对应：较可能', '对应：较可能', '对应：存疑']);
  });
});
