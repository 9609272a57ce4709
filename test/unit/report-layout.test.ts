// @vitest-environment happy-dom
// Layout of the Word and HTML reports, read back from what they produce (word/document.xml, the HTML DOM),
// on real parses of the seed notices (scripts/lib/seed-reviews).
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { DOCX_PAGE, keepNumbersWhole, TEXT_WIDTH, toDocx, WORD_JOINER } from '@/lib/export/docx';
import { columnWidthsMm, TABLE_WIDTH_MM, textWidthMm, toHtml } from '@/lib/export/html';
import type { ReviewExport } from '@/lib/schema';
import { seedReviews } from '@/scripts/lib/seed-reviews';

const reviews = Object.fromEntries(seedReviews().map((s) => [s.name, s.review])) as Record<string, ReviewExport>;
const withOverride = reviews['huashan-2026-compare'];
const withoutOverride = reviews['huashan-2025'];

async function documentXml(review: ReviewExport): Promise<Document> {
  const zip = await JSZip.loadAsync(await toDocx(review));
  const xml = await zip.file('word/document.xml')!.async('string');
  return new DOMParser().parseFromString(xml, 'application/xml') as unknown as Document;
}

// document.xml uses the `w:` prefix throughout
const els = (root: Element | Document, name: string) => Array.from(root.getElementsByTagName(`w:${name}`));
const attr = (el: Element, name: string) => el.getAttribute(`w:${name}`);
/** A toggle property (`<w:tblHeader/>`, `<w:keepNext w:val="true"/>`) that is present and not switched off. */
const on = (el: Element, name: string) => els(el, name).some((x) => !['false', '0', 'off'].includes(attr(x, 'val') ?? 'true'));
const textOf = (el: Element) => els(el, 't').map((t) => t.textContent).join('');

function tables(doc: Document) {
  return els(doc, 'tbl').map((tbl) => {
    const rows = els(tbl, 'tr');
    const heads = els(rows[0], 'tc').map(textOf);
    const grid = els(tbl, 'gridCol').map((g) => Number(attr(g, 'w')));
    return { tbl, rows, heads, grid, width: (head: string) => grid[heads.indexOf(head)] };
  });
}

const itemTable = (doc: Document) => tables(doc).find((t) => t.heads.includes('已完成部分 / 未完成部分'))!;

/** What a header needs on one line at 五号: CJK characters 210 twips, others half, plus the cell margins. */
const headerTwips = (head: string) => Array.from(head).reduce((n, ch) => n + (ch.charCodeAt(0) > 0x2e80 ? 210 : 105), 0) + 160;

describe('Word report layout', () => {
  it('repeats the header row of every table on each page and keeps it with the first row', async () => {
    const doc = await documentXml(withOverride);
    const all = tables(doc);
    expect(all.length).toBe(3); // 基本信息, 整改事项, 对比
    for (const t of all) {
      const [head, first] = t.rows;
      expect(on(head, 'tblHeader')).toBe(true);
      expect(on(head, 'cantSplit')).toBe(true);
      for (const p of els(head, 'p')) expect(on(p, 'keepNext')).toBe(true);
      expect(on(first, 'cantSplit')).toBe(true);
      // only the header row repeats
      for (const r of t.rows.slice(1)) expect(on(r, 'tblHeader')).toBe(false);
    }
  });

  it('keeps each table heading on the page of the table', async () => {
    const doc = await documentXml(withOverride);
    const headings = els(doc, 'p').filter((p) => ['三、整改事项', '各事项对比'].includes(textOf(p)));
    expect(headings).toHaveLength(2);
    for (const h of headings) expect(on(h, 'keepNext')).toBe(true);
  });

  it('sizes columns to their content: problem and measures wide, status narrow, none narrower than its header', async () => {
    const doc = await documentXml(withOverride);
    const items = itemTable(doc);
    expect(items.heads).toEqual(['序号', '问题', '解析状态', '复核状态', '复核理由', '已完成部分 / 未完成部分', '整改时限', '与上期相比']);
    expect(items.width('问题')).toBeGreaterThan(items.width('解析状态'));
    expect(items.width('已完成部分 / 未完成部分')).toBe(Math.max(...items.grid));
    expect(items.width('已完成部分 / 未完成部分')).toBeGreaterThan(2 * items.width('解析状态'));
    expect(attr(els(items.tbl, 'tblLayout')[0], 'type')).toBe('fixed');
    for (const t of tables(doc)) {
      const total = t.grid.reduce((a, b) => a + b, 0);
      expect(total).toBeLessThanOrEqual(Math.max(TEXT_WIDTH.portrait, TEXT_WIDTH.landscape));
      t.heads.forEach((h, i) => expect(t.grid[i], h).toBeGreaterThanOrEqual(headerTwips(h)));
      // each cell says its width too (Word reads the cells, LibreOffice the grid)
      const firstRowCells = els(t.rows[1], 'tc').map((tc) => Number(attr(els(tc, 'tcW')[0], 'w')));
      expect(firstRowCells).toEqual(t.grid);
    }
    const changes = tables(doc).find((t) => t.heads.includes('数字变化'))!;
    expect(changes.width('数字变化')).toBeGreaterThan(changes.width('本期状态'));
  });

  it('leaves the reviewer columns out when nobody overrode a status', async () => {
    const doc = await documentXml(withoutOverride);
    const items = itemTable(doc);
    expect(items.heads).not.toContain('复核状态');
    expect(items.heads).not.toContain('复核理由');
    expect(items.heads).not.toContain('与上期相比'); // no comparison either
    const total = items.grid.reduce((a, b) => a + b, 0);
    expect(TEXT_WIDTH.landscape - total).toBeLessThan(items.grid.length); // still the full width
  });

  it('prints on A4: portrait text pages with the 公文 margins, landscape sections for the tables', async () => {
    const doc = await documentXml(withOverride);
    const sections = els(doc, 'sectPr').map((s) => {
      const size = els(s, 'pgSz')[0];
      const margin = els(s, 'pgMar')[0];
      return {
        w: Number(attr(size, 'w')),
        h: Number(attr(size, 'h')),
        orient: attr(size, 'orient'),
        margin: Object.fromEntries(['top', 'bottom', 'left', 'right'].map((k) => [k, Number(attr(margin, k))])),
      };
    });
    expect(sections.map((s) => s.orient)).toEqual(['portrait', 'landscape', 'portrait', 'landscape']);
    for (const s of sections) {
      expect([s.w, s.h].sort()).toEqual([11906, 16838]); // A4 in twips, either way round
      expect(s.orient === 'landscape' ? s.w > s.h : s.w < s.h).toBe(true);
    }
    // GB/T 9704: top 37 mm, bottom 35 mm, left 28 mm, right 26 mm (1 mm = 56.69 twips)
    expect(sections[0].margin).toEqual({ top: 2098, bottom: 1984, left: 1587, right: 1474 });
    expect(sections[0].margin).toEqual(DOCX_PAGE.portrait);
    expect(sections[1].margin).toEqual(DOCX_PAGE.landscape);
    expect(sections[1].margin.top).toBe(1587); // the binding edge is the top of a turned page
  });

  it('keeps numbers and their units whole with word joiners, and only there', () => {
    expect(keepNumbersWhole('2026年12月31日')).toBe(`2026${WORD_JOINER}年12${WORD_JOINER}月31${WORD_JOINER}日`);
    expect(keepNumbersWhole('11宗→19宗（+8）')).toBe(`11${WORD_JOINER}宗→19${WORD_JOINER}宗（+8）`);
    expect(keepNumbersWhole('79.64%，VR 3D')).toBe('79.64%，VR 3D');
    expect(keepNumbersWhole('整改中（推断）')).toBe('整改中（推断）');
  });
});

describe('HTML report layout', () => {
  const parse = (r: ReviewExport) => new DOMParser().parseFromString(toHtml(r), 'text/html') as unknown as Document;
  const doc = parse(withOverride);
  const css = doc.querySelector('style')!.textContent!;
  const tablesOf = (d: Document) =>
    Array.from(d.querySelectorAll('table')).map((t) => ({
      t,
      heads: Array.from(t.querySelectorAll('thead th')).map((th) => th.textContent!),
      shares: Array.from(t.querySelectorAll('colgroup col')).map((c) => Number(/width:([\d.]+)%/.exec(c.getAttribute('style')!)![1])),
    }));

  it('prints the wide tables on A4 landscape pages and keeps headings with them', () => {
    expect(css).toContain('@page landscape { size: A4 landscape;');
    expect(css).toMatch(/section\.landscape \{ page: landscape; \}/);
    const landscapeTables = Array.from(doc.querySelectorAll('section.landscape table'));
    expect(landscapeTables).toHaveLength(2); // 整改事项, 对比
    expect(css).toMatch(/h1, h2, h3 \{[^}]*break-after: avoid/);
    expect(css).toMatch(/thead \{ display: table-header-group; \}/);
  });

  it('gives every table a colgroup whose shares keep each column at least as wide as its header', () => {
    for (const d of [doc, parse(withoutOverride)]) {
      for (const { t, heads, shares } of tablesOf(d)) {
        expect(shares).toHaveLength(heads.length);
        expect(shares.reduce((a, b) => a + b, 0)).toBeCloseTo(100, 0);
        const page = t.closest('section.landscape') ? TABLE_WIDTH_MM.landscape : TABLE_WIDTH_MM.portrait;
        const widths = columnWidthsMm(heads.map((head, i) => ({ head, width: shares[i], wrap: 'text' })), page);
        heads.forEach((h, i) => expect(widths[i], h).toBeGreaterThanOrEqual(textWidthMm(h)));
        // on a narrow screen the table keeps that width (and scrolls) instead of squeezing a header
        expect(t.getAttribute('style')).toMatch(/min-width:\d+mm/);
      }
    }
    expect(css).toContain('table-layout: fixed');
    expect(css).toMatch(/th \{[^}]*white-space: nowrap/);
    expect(css).not.toContain('break-all');
  });

  it('keeps status words, dates and 序号 from wrapping a character per line', () => {
    const items = tablesOf(doc).find((x) => x.heads.includes('已完成部分 / 未完成部分'))!;
    const col = (h: string) => items.heads.indexOf(h);
    const rows = Array.from(items.t.querySelectorAll('tbody tr'));
    for (const r of rows) {
      const cells = r.querySelectorAll('td');
      expect(cells[col('序号')].className).toBe('keep');
      for (const word of cells[col('状态')].querySelectorAll('.status > span')) expect(word.className).toContain('nowrap');
    }
    const dates = Array.from(doc.querySelectorAll('td .nowrap')).map((s) => s.textContent!);
    // `计划于2026年底前完成（2026年12月31日）`: may break between year and month, nowhere else
    expect(dates).toEqual(expect.arrayContaining(['（2026年', '12月31日）']));
    expect(css).toMatch(/\.nowrap \{ white-space: nowrap; \}/);
  });

  it('leaves the reviewer column out when nobody overrode a status', () => {
    const heads = tablesOf(parse(withoutOverride)).flatMap((x) => x.heads);
    expect(heads).not.toContain('复核理由');
    expect(tablesOf(doc).flatMap((x) => x.heads)).toContain('复核理由');
  });

  it('shows number changes as whole phrases, one per line', () => {
    const changes = tablesOf(doc).find((x) => x.heads.includes('数字变化'))!;
    const col = changes.heads.indexOf('数字变化');
    const lines = Array.from(changes.t.querySelectorAll(`tbody tr td:nth-child(${col + 1}) li`)).map((li) => li.textContent);
    expect(lines).toContain('镇党委共通过21次党委会、4次→6次（+2）专题会研究讨论留用地相关问题');
    expect(lines).toContain('目前已完成整改11宗→19宗（+8）');
    expect(lines.some((l) => l!.startsWith('…专题会研究讨'))).toBe(false);
  });
});
