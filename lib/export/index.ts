/** One entry point for every export format; pure (side panel and CLI). */
import type { ReviewExport } from '@/lib/schema';
import { toCsv } from './csv';
import { toDocx } from './docx';
import { exportFileName } from './format';
import { toHtml } from './html';
import { toJson } from './json';
import { toMarkdown } from './markdown';
import { overridesFor } from '@/lib/overrides';

export type ExportFormat = 'md' | 'csv' | 'json' | 'html' | 'docx';

export const EXPORT_MIME: Record<ExportFormat, string> = {
  md: 'text/markdown;charset=utf-8',
  csv: 'text/csv;charset=utf-8',
  json: 'application/json',
  html: 'text/html;charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

export async function exportReview(
  format: ExportFormat,
  review: ReviewExport,
): Promise<{ fileName: string; mime: string; data: string | Uint8Array }> {
  const fileName = exportFileName(review.notice.meta, format);
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
  }
}

export { toCsv, toDocx, toHtml, toJson, toMarkdown, exportFileName };
export { formatGongwenDate, formatPeriod, STATUS_LABELS, SEVERITY_LABELS } from './format';
export { buildReport } from './report';
