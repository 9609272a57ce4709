// The Word and HTML reports as they print: the .docx converted by LibreOffice headless, the HTML printed by
// Chromium, both read back page by page with poppler (pdfinfo, pdftotext). `npm test` installs LibreOffice
// and poppler first (scripts/setup-browsers.mjs); a bare `vitest run` without them skips with the reason.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toDocx, toHtml } from '@/lib/export/index';
import { docxToPdf, hasPoppler, hasSoffice, htmlToPdf, pdfPages, type PdfPage } from '@/scripts/lib/report-render';
import { seedReviews } from '@/scripts/lib/seed-reviews';

const CHROME = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const review = seedReviews().find((s) => s.name === 'huashan-2026-compare')!.review;
const firstItem = review.notice.items[0].label;

const isA4 = (p: PdfPage) => [p.widthMm, p.heightMm].sort((a, b) => a - b).join('×') === '210×297';
const landscape = (p: PdfPage) => p.widthMm > p.heightMm;
/** The pages from the one holding `from` up to (not including) the one holding `to`. */
function pagesBetween(pages: PdfPage[], from: string, to: string | null): PdfPage[] {
  const start = pages.findIndex((p) => p.text.includes(from));
  const end = to === null ? pages.length : pages.findIndex((p, i) => i > start && p.text.includes(to));
  expect(start, `page with ${from}`).toBeGreaterThanOrEqual(0);
  return pages.slice(start, end < 0 ? pages.length : end);
}
/** pdftotext -layout spaces the header cells apart: match the header words in order. */
const header = (words: string[]) => new RegExp(words.map((w) => w.replace(/[/]/g, '\\/').replace(/\s+/g, '\\s*')).join('\\s+'));
const ITEM_HEADER = header(['序号', '问题', '解析状态', '复核状态', '复核理由', '已完成部分 / 未完成部分', '整改时限', '与上期相比']);
const CHANGE_HEADER = header(['问题', '变化', '上期状态', '本期状态', '数字变化', '时限变化']);

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'rl-report-pdf-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.skipIf(!hasSoffice() || !hasPoppler())('Word report converted by LibreOffice (skipped without soffice/poppler: node scripts/setup-browsers.mjs --libreoffice)', () => {
  let pages: PdfPage[] = [];
  beforeAll(async () => {
    const docx = path.join(dir, 'report.docx');
    writeFileSync(docx, await toDocx(review));
    pages = pdfPages(docxToPdf(docx, dir));
  }, 120_000);

  it('is A4 throughout: portrait text pages, landscape table pages', () => {
    expect(pages.length).toBeGreaterThanOrEqual(5);
    for (const p of pages) expect(isA4(p), `${p.widthMm}×${p.heightMm}`).toBe(true);
    expect(landscape(pages[0])).toBe(false);
    expect(pages[0].text).toContain('一、基本信息');
    for (const p of pagesBetween(pages, '三、整改事项', '四、审阅批注')) expect(landscape(p)).toBe(true);
    expect(landscape(pagesBetween(pages, '四、审阅批注', '五、与往期通报对比')[0])).toBe(false);
  });

  it('repeats the item table header on every page the table runs onto', () => {
    const tablePages = pagesBetween(pages, '三、整改事项', '四、审阅批注');
    expect(tablePages.length).toBeGreaterThanOrEqual(3);
    tablePages.forEach((p, i) => expect(p.text, `table page ${i + 1}`).toMatch(ITEM_HEADER));
    const changePages = pagesBetween(pages, '五、与往期通报对比', null);
    expect(changePages.length).toBeGreaterThanOrEqual(2);
    changePages.forEach((p, i) => expect(p.text, `comparison page ${i + 1}`).toMatch(CHANGE_HEADER));
  });

  it('keeps the heading with the header row and the first item', () => {
    const first = pagesBetween(pages, '三、整改事项', '四、审阅批注')[0];
    expect(first.text).toMatch(ITEM_HEADER);
    expect(first.text).toContain(firstItem);
  });

  it('shows a page number on every page', () => {
    pages.forEach((p, i) => expect(p.text).toMatch(new RegExp(`—\\s*${i + 1}\\s*—`)));
  });
});

describe.skipIf(!existsSync(CHROME) || !hasPoppler())('HTML report printed by Chromium (skipped without Chromium/poppler: node scripts/setup-browsers.mjs)', () => {
  let pages: PdfPage[] = [];
  beforeAll(async () => {
    const html = path.join(dir, 'report.html');
    writeFileSync(html, toHtml(review));
    pages = pdfPages(await htmlToPdf(html, path.join(dir, 'report-html.pdf')));
  }, 120_000);

  it('prints the text on portrait A4 and the tables on landscape A4 with the header on every page', () => {
    for (const p of pages) expect(isA4(p)).toBe(true);
    expect(landscape(pages[0])).toBe(false);
    const tablePages = pagesBetween(pages, '三、整改事项', '四、审阅批注');
    expect(tablePages.length).toBeGreaterThanOrEqual(2);
    for (const p of tablePages) {
      expect(landscape(p)).toBe(true);
      expect(p.text).toMatch(header(['序号', '问题', '状态', '确定程度', '复核理由', '状态依据']));
    }
    expect(tablePages[0].text).toContain(firstItem);
    expect(landscape(pagesBetween(pages, '四、审阅批注', '五、与往期通报对比')[0])).toBe(false);
  });

  it('numbers every page', () => {
    pages.forEach((p, i) => expect(p.text).toMatch(new RegExp(`—\\s*${i + 1}\\s*—`)));
  });
});
