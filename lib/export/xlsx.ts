/**
 * The 整改台账 as an Excel workbook (exceljs): sheets 台账 (one row per problem item), 汇总 (per organization
 * and notice) and 说明 (how each column was derived, the date used as "today"). Values only, never formulas.
 * Pure apart from exceljs: ledger input in, workbook bytes out (side panel and CLI).
 */
import ExcelJS from 'exceljs';
import { formatGongwenDate, STATUS_LABELS } from './format';
import { LEDGER_COLUMNS, ledgerRows, MEASURES_MAX_CHARS, SUMMARY_COLUMNS, summaryRows, type LedgerInput, type LedgerRow } from './ledger';

/** Light red for an item overdue today, light orange for one overdue already when published. */
export const OVERDUE_NOW_FILL = 'FFF8D0D0';
export const OVERDUE_AT_PUBLICATION_FILL = 'FFFCE7C8';
const HEADER_FILL = 'FFDCE6F1';
const FONT = '宋体';

/** Columns holding long text: wrapped, with a width cap; the others are sized to their longest value. */
const MAX_WIDTH: Partial<Record<(typeof LEDGER_COLUMNS)[number], number>> = {
  通报名称: 30, 问题: 36, 整改措施摘要: 50, 证据: 40, 承诺时限: 30, 复核理由: 24, 与上次通报相比: 24, 批注: 36, 原文位置: 24, 单位: 24,
};
const DEFAULT_MAX_WIDTH = 16;

/** Display width in Excel's character units: CJK and full-width characters take two. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\u{20000}-\u{3fffd}]/u.test(ch) ? 2 : 1;
  return w;
}

function fitWidth(header: string, values: string[], max: number): number {
  const longestLine = (v: string) => Math.max(0, ...v.split('\n').map(displayWidth));
  return Math.min(max, Math.max(displayWidth(header) + 4, ...values.map(longestLine).map((w) => w + 2)));
}

function styleHeader(ws: ExcelJS.Worksheet, columns: number): void {
  const header = ws.getRow(1);
  header.font = { name: FONT, bold: true };
  header.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  for (let c = 1; c <= columns; c++) {
    header.getCell(c).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: HEADER_FILL } };
    header.getCell(c).border = { bottom: { style: 'thin' } };
  }
  ws.views = [{ state: 'frozen', xSplit: 0, ySplit: 1 }];
  // Printed (or converted to PDF): A4 landscape, all columns on one page width, the header on every page.
  ws.pageSetup = { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' };
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, ws.rowCount), column: columns } };
}

function sizeColumns(ws: ExcelJS.Worksheet, headers: readonly string[], maxWidth: (h: string) => number): void {
  headers.forEach((h, i) => {
    const col = ws.getColumn(i + 1);
    const values: string[] = [];
    col.eachCell({ includeEmpty: false }, (cell, row) => {
      if (row > 1) values.push(String(cell.value ?? ''));
    });
    col.width = fitWidth(h, values, maxWidth(h));
  });
  fitRowHeights(ws);
}

/** Points per wrapped line of 11-point text, and the tallest row written (Excel's limit is 409). */
const LINE_HEIGHT = 15;
const MAX_ROW_HEIGHT = 300;

/**
 * Row heights for the wrapped text: spreadsheet programs do not all re-measure rows when opening a file
 * (LibreOffice keeps one line), so each row gets the height of its tallest cell, estimated from the
 * column width and the text's display width.
 */
function fitRowHeights(ws: ExcelJS.Worksheet): void {
  ws.eachRow((row) => {
    let lines = 1;
    row.eachCell((cell, col) => {
      const width = Math.max(1, (ws.getColumn(col).width ?? 10) - 1);
      const wrapped = String(cell.value ?? '').split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(displayWidth(line) / width)), 0);
      lines = Math.max(lines, wrapped);
    });
    row.height = Math.min(MAX_ROW_HEIGHT, lines * LINE_HEIGHT + 3);
  });
}

/** Reviewer status choices offered in Excel (the four statuses, as the side panel names them). */
export const REVIEW_STATUS_CHOICES = Object.values(STATUS_LABELS);

/** Where a long export is: rows written to the 台账 sheet so far, then packaging the file. */
export type LedgerProgress = { stage: 'rows'; done: number; total: number } | { stage: 'package' };
const PROGRESS_EVERY_ROWS = 250;

function addLedgerSheet(wb: ExcelJS.Workbook, rows: LedgerRow[], onProgress?: (p: LedgerProgress) => void): void {
  const ws = wb.addWorksheet('台账');
  ws.addRow([...LEDGER_COLUMNS]);
  rows.forEach((r, i) => {
    ws.addRow(LEDGER_COLUMNS.map((c) => r[c]));
    if ((i + 1) % PROGRESS_EVERY_ROWS === 0 || i + 1 === rows.length) onProgress?.({ stage: 'rows', done: i + 1, total: rows.length });
  });
  const reviewCol = LEDGER_COLUMNS.indexOf('复核状态') + 1;
  rows.forEach((r, i) => {
    const row = ws.getRow(i + 2);
    row.font = { name: FONT };
    row.alignment = { vertical: 'top', wrapText: true };
    const fill = r.至今逾期天数 !== null ? OVERDUE_NOW_FILL : r.发布时是否逾期 === '是' ? OVERDUE_AT_PUBLICATION_FILL : null;
    if (fill) for (let c = 1; c <= LEDGER_COLUMNS.length; c++) row.getCell(c).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: fill } };
    row.getCell(reviewCol).dataValidation = {
      type: 'list',
      allowBlank: true,
      formulae: [`"${REVIEW_STATUS_CHOICES.join(',')}"`],
      showErrorMessage: true,
      errorTitle: '复核状态',
      error: `请从列表中选择：${REVIEW_STATUS_CHOICES.join('、')}`,
    };
  });
  styleHeader(ws, LEDGER_COLUMNS.length);
  sizeColumns(ws, LEDGER_COLUMNS, (h) => MAX_WIDTH[h as keyof typeof MAX_WIDTH] ?? DEFAULT_MAX_WIDTH);
}

function addSummarySheet(wb: ExcelJS.Workbook, input: LedgerInput): void {
  const ws = wb.addWorksheet('汇总');
  const rows = summaryRows(input);
  ws.addRow([...SUMMARY_COLUMNS]);
  for (const r of rows) ws.addRow(SUMMARY_COLUMNS.map((c) => r[c]));
  if (rows.length > 1) {
    const total = (c: (typeof SUMMARY_COLUMNS)[number]) => rows.reduce((s, r) => s + (r[c] as number), 0);
    const last = ws.addRow(['合计', `${rows.length}份通报`, '', ...SUMMARY_COLUMNS.slice(3).map(total)]);
    last.font = { name: FONT, bold: true };
  }
  for (let i = 2; i <= ws.rowCount; i++) {
    const row = ws.getRow(i);
    row.alignment = { vertical: 'top', wrapText: true };
    if (!row.font?.bold) row.font = { name: FONT };
  }
  styleHeader(ws, SUMMARY_COLUMNS.length);
  sizeColumns(ws, SUMMARY_COLUMNS, (h) => (h === '单位' || h === '通报名称' ? 36 : DEFAULT_MAX_WIDTH));
}

/** Sheet 说明: what each column means and how it was derived. */
export function explanationRows(input: LedgerInput): [string, string][] {
  return [
    ['导出范围', `${input.scope}，共${input.sources.length}份通报`],
    ['“今天”（计算至今逾期的日期）', formatGongwenDate(input.today)],
    ['导出时间', formatGongwenDate(input.generatedAt)],
    ['序号', '台账中的行号，按单位、发布日期、原文顺序排列。'],
    ['单位、通报名称、发布日期', '从通报标题、正文和页面信息中解析；无法确定的写“未知”。'],
    ['问题', '通报列出的问题事项（原文标题或“针对……问题”的表述）。'],
    ['整改措施摘要', `该事项原文中问题表述之后的文字，超过${MEASURES_MAX_CHARS}字的截断并以“…”结尾。`],
    ['状态', '自动解析的整改状态：原文明确表述的只写状态；根据整改措施推断的写“（推断）”，请对照原文核对。'],
    ['复核状态、复核理由', `审阅人在侧边栏中确认或修改的状态及理由（理由后注明复核人）；可在 Excel 中从下拉列表选择（${REVIEW_STATUS_CHOICES.join('、')}）。`],
    ['证据', '决定状态的原文短语（依据），以及原文中报告已完成、尚未完成的部分。'],
    ['承诺时限', '原文中的整改期限及解析出的日期（“X月前”指该月开始之前，“年底”指12月31日）。'],
    ['发布时是否逾期', '“是”：有期限早于通报发布日期而该事项未报完成；“否”：期限均未过；空白：没有可判断的期限。'],
    ['至今逾期天数', '该事项（以复核状态为准，无复核时用解析状态）未完成、且已过的最晚期限到“今天”的天数；未逾期为空白。'],
    ['与上次通报相比', '与同一单位较早通报中对应事项的比较（本期完成、仍未完成、新增、时限推迟等）；没有较早通报时为空白。'],
    ['批注', '审阅人在该事项原文上所加的批注：【严重程度】内容〔标签〕——审阅人，最后修改日期（未设置审阅人姓名时只写日期；同事审阅包中与本机修改冲突的版本注明“冲突版本”）。'],
    ['原文位置', '事项的序号路径和在通报正文中的字符位置（从1起），以及通报网址。'],
    ['行底色', '浅红：至今逾期；浅橙：发布时已逾期（文字列同样写明，不只靠颜色）。'],
    ['汇总表', '每份通报一行：事项数及各状态数（以复核状态为准）、至今逾期事项数、数据矛盾（数字前后不符）处数。'],
  ];
}

function addExplanationSheet(wb: ExcelJS.Workbook, input: LedgerInput): void {
  const ws = wb.addWorksheet('说明');
  ws.addRow(['项目', '说明']);
  for (const r of explanationRows(input)) ws.addRow(r);
  for (let i = 2; i <= ws.rowCount; i++) {
    ws.getRow(i).font = { name: FONT };
    ws.getRow(i).alignment = { vertical: 'top', wrapText: true };
  }
  styleHeader(ws, 2);
  ws.getColumn(1).width = 30;
  ws.getColumn(2).width = 80;
}

/** The ledger workbook as .xlsx bytes; `onProgress` follows a long export (the side panel runs it in a worker). */
export async function toXlsx(input: LedgerInput, onProgress?: (p: LedgerProgress) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Rectify Lens 整改通报审阅助手';
  wb.created = new Date(input.generatedAt);
  addLedgerSheet(wb, ledgerRows(input), onProgress);
  addSummarySheet(wb, input);
  addExplanationSheet(wb, input);
  onProgress?.({ stage: 'package' });
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
