/**
 * CSV for Excel: UTF-8 with BOM, CRLF, RFC 4180 quoting, one row per item / annotation / finding with a
 * 类型 column. Cells that a spreadsheet would read as a formula are prefixed with `'`.
 */
import type { ReviewExport } from '@/lib/schema';
import { buildReport } from './report';

export const CSV_HEADER = [
  '类型',
  '序号',
  '问题',
  '原文摘录',
  '解析状态',
  '复核状态',
  '复核理由',
  '状态依据',
  '整改时限',
  '与上期相比',
  '批注',
  '标签',
  '严重程度',
  '位置',
  '定位状态',
  '确定程度',
  '已完成部分',
  '未完成部分',
  '复核前解析',
  '批注版本',
  '审阅人',
  '审阅日期',
] as const;

/**
 * A cell a spreadsheet would run as a formula: `= + - @` (or their full-width forms `＝ ＋ － ＠`, which
 * Excel folds) first, possibly after spaces, NBSP, U+3000, a BOM or zero-width characters, which spreadsheets
 * skip; a leading tab or CR too.
 */
const FORMULA_START = /^[\s\u00a0\u3000\ufeff\u200b-\u200d\u2060]*[=+\-@＝＋－＠]|^[\t\r]/;

export function csvCell(value: string): string {
  const guarded = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

type Row = Partial<Record<(typeof CSV_HEADER)[number], string>>;

export function toCsv(review: ReviewExport): string {
  const r = buildReport(review);
  const rows: Row[] = [
    ...r.items.map(
      (i): Row => ({
        类型: '整改事项',
        序号: i.path,
        问题: i.label,
        解析状态: i.parsedStatus,
        复核状态: i.overrideStatus ? (i.confirmed ? `${i.overrideStatus}（确认）` : i.overrideStatus) : '',
        复核理由: i.overrideReason ?? '',
        状态依据: i.evidence,
        整改时限: i.deadlines,
        与上期相比: i.change ?? '',
        确定程度: i.certainty,
        已完成部分: i.progress,
        未完成部分: i.open,
        复核前解析: i.replaced ?? '',
        审阅人: i.decidedBy ?? '',
      }),
    ),
    // problems listed only in the earlier notice (a vanished one is a red flag): one row each, too
    ...(r.comparison?.changes ?? []).filter((c) => c.earlierOnly).map(
      (c): Row => ({ 类型: '上期事项', 问题: c.label, 解析状态: c.statusBefore, 与上期相比: c.change, 整改时限: c.deadlines }),
    ),
    ...r.annotations.map(
      (a): Row => ({
        类型: '批注',
        问题: a.itemLabel ?? '',
        原文摘录: a.quote,
        批注: a.note,
        标签: a.tags.join('、'),
        严重程度: a.severity,
        位置: a.position,
        批注版本: a.madeOn ?? '',
        审阅人: a.creator ?? '',
        审阅日期: a.updatedAt,
        定位状态: a.conflict ? `${a.anchorState}；冲突版本` : a.anchorState,
      }),
    ),
    ...r.findings.map((f): Row => ({ 类型: '自动检查', 问题: f.kind, 批注: f.message, 严重程度: f.severity })),
  ];
  const lines = [CSV_HEADER.join(','), ...rows.map((row) => CSV_HEADER.map((h) => csvCell(row[h] ?? '')).join(','))];
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}
