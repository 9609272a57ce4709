/** One entry point for every export format; pure (side panel and CLI). */
import type { NoticeMeta, ReviewExport } from '@/lib/schema';
import type { LedgerInput } from './ledger';
import type { LedgerProgress } from './xlsx';
import { toCsv } from './csv';
import { toDocx } from './docx';
import { exportFileName } from './format';
import { toHtml } from './html';
import { toJson } from './json';
import { toMarkdown } from './markdown';
import { overridesFor } from '@/lib/overrides';
import { localIsoDate } from './ledger';

export type ExportFormat = 'md' | 'csv' | 'json' | 'html' | 'docx' | 'xlsx';

export const EXPORT_MIME: Record<ExportFormat, string> = {
  md: 'text/markdown;charset=utf-8',
  csv: 'text/csv;charset=utf-8',
  json: 'application/json',
  html: 'text/html;charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export async function exportReview(
  format: ExportFormat,
  review: ReviewExport,
  /** `today`: the date the ledger counts overdue days to (the extension's date setting); default the export's local date. */
  options: { today?: string } = {},
): Promise<{ fileName: string; mime: string; data: string | Uint8Array }> {
  const fileName = format === 'xlsx' ? ledgerFileName(review.notice.meta) : exportFileName(review.notice.meta, format);
  const mime = EXPORT_MIME[format];
  // every format, the JSON file included, carries only the decisions that apply to this version
  review = { ...review, overrides: overridesFor(review.notice, review.overrides) };
  switch (format) {
    case 'md':
      return { fileName, mime, data: toMarkdown(review) };
    case 'csv':
      return { fileName, mime, data: toCsv(review) };
    case 'json':
      return { fileName, mime, data: toJson(review) };
    case 'html':
      return { fileName, mime, data: toHtml(review) };
    case 'docx':
      return { fileName, mime, data: await toDocx(review) };
    case 'xlsx':
      return { fileName, mime, data: await ledgerWorkbook(reviewLedger(review, options.today)) };
  }
}

/** The 整改台账 workbook. exceljs is large: it is loaded on first use, so the side panel opens without it. */
export async function ledgerWorkbook(input: LedgerInput, onProgress?: (p: LedgerProgress) => void): Promise<Uint8Array> {
  const { toXlsx } = await import('./xlsx');
  return toXlsx(input, onProgress);
}

/** One notice (with its comparison, when there is one) as a ledger; "today" is the export's local date. */
export function reviewLedger(review: ReviewExport, today?: string): LedgerInput {
  const { notice, text, url, annotations, overrides, comparison, generatedAt } = review;
  return {
    sources: [{ notice, text, url, annotations, overrides, comparison }],
    today: today ?? localIsoDate(new Date(generatedAt)),
    generatedAt,
    scope: comparison ? '一份通报（含与较早通报的对比）' : '一份通报',
  };
}

/** `{organization}-{publishDate}-整改台账.xlsx`; without a notice (a library) `整改台账-通报库-{today}.xlsx`. */
export function ledgerFileName(meta: Pick<NoticeMeta, 'organization' | 'publishDate'> | null, today?: string): string {
  if (!meta) return `整改台账-通报库-${today ?? '未知日期'}.xlsx`;
  return exportFileName(meta, 'xlsx').replace(/-审阅意见\.xlsx$/, '-整改台账.xlsx');
}

export { toCsv, toDocx, toHtml, toJson, toMarkdown, exportFileName };
export { formatGongwenDate, formatPeriod, STATUS_LABELS, SEVERITY_LABELS } from './format';
export { buildReport } from './report';
export type { LedgerProgress } from './xlsx';
export { ledgerRows, summaryRows, librarySources, localIsoDate, type LedgerInput, type LedgerSource, type LibraryEntry } from './ledger';
