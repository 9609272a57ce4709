/**
 * The 逾期承诺 list (lib/overdue-library) as Markdown and as an Excel sheet. Pure apart from exceljs, which is
 * loaded on first use.
 */
import type { OverdueCommitmentRow } from '@/lib/overdue-library';
import { formatGongwenDate } from './format';
import { mdEscape } from './markdown';

export const OVERDUE_COLUMNS = ['单位', '通报名称', '通报日期', '问题', '承诺', '承诺时限', '逾期天数', '最新通报中的状态', '最新通报日期', '网址'] as const;

function cells(r: OverdueCommitmentRow): Record<(typeof OVERDUE_COLUMNS)[number], string | number> {
  return {
    单位: r.organization,
    通报名称: r.noticeTitle ?? '未知',
    通报日期: formatGongwenDate(r.noticeDate, '未知'),
    问题: r.itemLabel,
    承诺: r.deadlineText,
    承诺时限: formatGongwenDate(r.deadline),
    逾期天数: r.days,
    最新通报中的状态: r.latestStatus,
    最新通报日期: formatGongwenDate(r.latestDate, '未知'),
    网址: r.url,
  };
}

export function overdueMarkdown(rows: OverdueCommitmentRow[], today: string): string {
  const out = [`# 逾期承诺（截至${formatGongwenDate(today)}，共${rows.length}项）`, ''];
  if (!rows.length) return [...out, '没有逾期的整改承诺。', ''].join('\n');
  out.push(`| ${OVERDUE_COLUMNS.join(' | ')} |`, `|${OVERDUE_COLUMNS.map(() => ' --- ').join('|')}|`);
  for (const r of rows) out.push(`| ${OVERDUE_COLUMNS.map((c) => mdEscape(String(cells(r)[c]))).join(' | ')} |`);
  out.push('', '逾期天数：承诺时限到今天的天数；“最新通报中的状态”以该单位最新保存的通报为准（含人工复核）。', '');
  return out.join('\n');
}

export async function overdueWorkbook(rows: OverdueCommitmentRow[], today: string): Promise<Uint8Array> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('逾期承诺');
  ws.addRow([...OVERDUE_COLUMNS]);
  for (const r of rows) ws.addRow(OVERDUE_COLUMNS.map((c) => cells(r)[c]));
  ws.getRow(1).font = { bold: true };
  ws.views = [{ state: 'frozen', xSplit: 0, ySplit: 1 }];
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, ws.rowCount), column: OVERDUE_COLUMNS.length } };
  const widths = [24, 30, 14, 36, 30, 14, 10, 16, 14, 40];
  widths.forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
    ws.getColumn(i + 1).alignment = { vertical: 'top', wrapText: true };
  });
  const note = wb.addWorksheet('说明');
  note.addRow(['“今天”', formatGongwenDate(today)]);
  note.addRow(['逾期天数', '承诺时限到“今天”的天数。']);
  note.addRow(['最新通报中的状态', '该单位最新保存的通报中对应事项的状态（以人工复核为准）；“最新通报未列出”指最新通报中找不到该事项。']);
  note.getColumn(1).width = 20;
  note.getColumn(2).width = 80;
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
