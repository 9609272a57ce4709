/**
 * The user journeys every supported browser must pass, written once against the Driver interface and run by
 * journeys.e2e.ts (Chromium) and journeys.firefox.ts (Firefox ESR). Browser-specific paths (toolbar button,
 * permission prompts, the Firefox sidebar) are tested next to their driver.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import ExcelJS from 'exceljs';
import { selectInPage, type Driver, type Tab } from '../../scripts/lib/driver';

interface FixturePage { file: string; isNotice: boolean }
const MANIFEST: FixturePage[] = JSON.parse(readFileSync(new URL('../fixtures/sites/index.json', import.meta.url), 'utf8'));
const SEED_PASTE = readFileSync(new URL('../fixtures/seeds/mazhang-town-2024-09-25.txt', import.meta.url), 'utf8');
const ANNOTATED = '镇党委坚持落实巡察整改主体责任';
const NOTE = '主体责任落实情况需核实会议纪要';
const VANISHED = '租金上偷梁换柱';

export async function waitForOverlay(d: Driver, page: Tab): Promise<void> {
  await page.waitFor(d.overlay('.rl-title'));
  await expect.poll(() => page.count('mark.rl-mark'), { timeout: 10_000 }).toBeGreaterThan(0);
}

/** Exports the whole library's 整改台账 from the side panel's library view and reads the workbook back. */
export async function exportLibraryLedger(d: Driver, panel: Tab): Promise<ExcelJS.Workbook> {
  await panel.click('[data-view="library"]');
  await panel.waitFor('[data-action="export-library-ledger"]');
  const { name, bytes } = await d.download(panel, '[data-action="export-library-ledger"]');
  expect(name).toMatch(/^整改台账-通报库-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  return wb;
}

const annotatedText = (page: Tab) => page.evaluate(() => [...document.querySelectorAll('mark.rl-annot')].map((e) => e.textContent ?? '').join(''), null);

/**
 * Launches the browser once for the file (beforeAll/afterAll) and defines the shared journeys; returns the
 * driver's getter for the file's own browser-specific tests. Call definePrivacyCheck last.
 */
export function defineJourneys<D extends Driver>(label: string, makeDriver: () => Promise<D>): () => D {
  let d: D;
  beforeAll(async () => {
    d = await makeDriver();
  });
  afterAll(async () => {
    await d?.close();
  });

  // first: every later visit of a notice finds it in the library (the analyzer comes registered, not through the detector)
  describe(`${label}: detector first, the analyzer only where it is needed`, () => {
    it('an ordinary gov page gets the detector only: no analyzer, no overlay, the background never asked', async () => {
      const page = await d.openFixture('news-gov.html');
      await expect.poll(async () => (await page.presence()).detector?.checks ?? 0).toBeGreaterThan(0);
      await new Promise((r) => setTimeout(r, 1200));
      const presence = await page.presence();
      expect(presence.detector).toMatchObject({ result: { isNotice: false }, asked: false });
      // it started on the end of `load` (the navigation entry, lib/page/after-load), not on the 3 s fallback
      const loadEventEnd = await page.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventEnd, null);
      expect(presence.detector?.startedAt).toBeGreaterThanOrEqual(loadEventEnd);
      expect(presence.detector?.startedAt).toBeLessThan(loadEventEnd + 2000);
      expect(presence.analyzer).toBe(false);
      expect(await page.count('rectify-lens-overlay')).toBe(0);
      await page.close();
    });

    it('a notice: the detector asks, the analyzer is loaded once and shows the overlay', async () => {
      const page = await d.openFixture('mazhang-town.html');
      await waitForOverlay(d, page);
      const presence = await page.presence();
      expect(presence.detector).toMatchObject({ result: { isNotice: true }, asked: true, checks: 1 });
      expect(presence.analyzer).toBe(true);
      expect(presence.knownNotice).toBe(false);
      expect(await page.count('rectify-lens-overlay')).toBe(1);
      await page.close();
    });

    it('the same notice, now in the library, gets the analyzer as it loads: the detector never runs', async () => {
      // saved by the visit above; the background registers the library's pages (lib/registered-scripts)
      await expect.poll(async () => (await d.registeredKnownNotices()).some((m) => m.endsWith('/mazhang-town.html')), { timeout: 10_000 }).toBe(true);
      const page = await d.openFixture('mazhang-town.html');
      await waitForOverlay(d, page);
      const presence = await page.presence();
      expect(presence).toMatchObject({ analyzer: true, knownNotice: true, detector: null });
      expect(await page.count('rectify-lens-overlay')).toBe(1);
      await page.close();
    });
  });

  describe(`${label}: detection`, () => {
    for (const f of MANIFEST.filter((p) => !p.file.startsWith('late-') && p.file !== 'big-notice.html')) {
      it(`${f.file}: ${f.isNotice ? 'overlay, and highlights when something needs attention' : 'nothing injected'}`, async () => {
        const page = await d.openFixture(f.file);
        if (f.isNotice) {
          await page.waitFor(d.overlay('.rl-title'));
          // by default only what needs attention is highlighted (overdue, deadlines, unfinished, contradictions)
          const attention = (await page.texts(d.overlay('.rl-legend input:checked ~ .rl-count'))).reduce((n, c) => n + Number(c), 0);
          if (attention > 0) await expect.poll(() => page.count('mark.rl-mark'), { timeout: 10_000 }).toBeGreaterThan(0);
          expect((await page.texts(d.overlay('.rl-title')))[0]).not.toBe('');
        } else {
          await new Promise((r) => setTimeout(r, 1200));
          expect(await page.count('rectify-lens-overlay')).toBe(0);
          expect(await page.count('mark')).toBe(0);
        }
        await page.close();
      });
    }
  });

  describe(`${label}: side panel, annotations, library, compare, export`, () => {
    let page: Tab;
    let panel: Tab;

    it('the side panel bound to a notice tab lists its items and findings', async () => {
      page = await d.openFixture('huashan-town.html');
      await waitForOverlay(d, page);
      panel = await d.openPanel(page);
      await panel.waitFor('.sp-meta h2');
      expect((await panel.texts('.sp-meta h2'))[0]).toContain('巡察整改');
      await expect.poll(() => panel.count('.sp-item')).toBeGreaterThan(10);
    });

    it('annotates selected text; the annotation is listed and restored after a reload', async () => {
      expect(await page.evaluate(selectInPage, ANNOTATED)).toBe(true);
      await page.click(d.overlay('.rl-selection-button'));
      await page.fill(d.overlay('form.rl-form textarea[name="note"]'), NOTE);
      await page.clickText(d.overlay('form.rl-form button'), '保存');
      await expect.poll(() => annotatedText(page)).toContain(ANNOTATED);
      await page.reload();
      await waitForOverlay(d, page);
      await expect.poll(() => annotatedText(page)).toContain(ANNOTATED);
      await panel.click('[data-view="annotations"]');
      await expect.poll(() => panel.texts('.sp-annotation')).toEqual([expect.stringContaining(NOTE)]);
    });

    it('adds a notice to the library by pasting its text', async () => {
      const lib = await d.openPanel(null);
      await lib.click('[data-view="library"]');
      await lib.clickText('summary', '添加通报');
      await lib.fill('textarea[name="pasteNotice"]', SEED_PASTE);
      await lib.clickText('button', '添加粘贴的文本');
      await expect.poll(() => lib.texts('.sp-org h3')).toEqual(expect.arrayContaining([expect.stringContaining('麻章镇')]));
      await lib.close();
    });

    it('compares the later 花山镇 notice with the earlier one and exports the review as CSV', async () => {
      const later = await d.openFixture('huashan-town-2026.html');
      await waitForOverlay(d, later);
      const compare = await d.openPanel(later);
      await compare.click('[data-view="compare"]');
      // the same organization's earlier notice comes first, already ticked
      await compare.waitFor('fieldset.sp-candidates[data-same-organization] input[name="earlier"]:checked');
      expect(await compare.count('input[name="earlier"]:checked')).toBe(1);
      await compare.click('[data-action="compare"]');
      await compare.waitFor('tr[data-change="vanished"]', 15_000);
      expect((await compare.texts('tr[data-change="vanished"]')).join('\n')).toContain(VANISHED);
      const { name, bytes } = await d.download(compare, '[data-format="csv"]');
      expect(name).toMatch(/^中共广州市花都区花山镇委员会-2026-03-20-审阅意见\.csv$/);
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const rows = Papa.parse<Record<string, string>>(bytes.toString('utf8').slice(1), { header: true, skipEmptyLines: true }).data;
      expect(rows.filter((r) => r['类型'] === '上期事项').map((r) => [r['问题'], r['与上期相比']])).toContainEqual([VANISHED, '未报完成即消失']);
      await compare.close();
      await later.close();
    });

    it('exports the 整改台账 of the library as .xlsx and lists the overdue promises (逾期承诺)', async () => {
      const lib = await d.openPanel(null);
      const wb = await exportLibraryLedger(d, lib);
      expect(wb.worksheets.map((w) => w.name)).toEqual(['台账', '汇总', '说明']);
      const units = wb.getWorksheet('汇总')!.getColumn(1).values.map(String);
      expect(units).toEqual(expect.arrayContaining([expect.stringContaining('花山镇'), expect.stringContaining('麻章镇'), '合计']));
      const ledger = wb.getWorksheet('台账')!;
      expect(ledger.getRow(1).getCell(7).value).toBe('状态');
      expect(ledger.rowCount).toBeGreaterThan(30);
      await lib.click('[data-view="overdue"]');
      await expect.poll(() => lib.texts('.sp-overdue tbody tr'), { timeout: 15_000 }).toEqual(
        expect.arrayContaining([expect.stringContaining('问题合同未整改、阴阳合同赫然存在')]),
      );
      await lib.close();
    });

    afterAll(async () => {
      await panel?.close();
      await page?.close();
    });
  });

  describe(`${label}: analysis on request and the context menu`, () => {
    it('creates the context-menu item 分析此页（整改通报）', async () => {
      expect(await d.contextMenuItemExists('analyze-page')).toBe(true);
      expect(await d.contextMenuItemExists('add-annotation')).toBe(true);
      expect(await d.contextMenuItemExists('no-such-item')).toBe(false);
    });

    it('分析此页 on a gov page that was not detected loads the analyzer and analyzes it', async () => {
      const page = await d.openFixture('news-gov.html');
      await new Promise((r) => setTimeout(r, 800));
      expect(await page.count('rectify-lens-overlay')).toBe(0);
      expect((await page.presence()).analyzer).toBe(false);
      const panel = await d.openPanel(page);
      await expect.poll(() => panel.texts('.sp-empty p')).toEqual(expect.arrayContaining([expect.stringContaining('未被识别为整改通报')]));
      await panel.clickText('button', '分析此页');
      await page.waitFor(d.overlay('.rl-title'), 15_000);
      expect((await page.presence()).analyzer).toBe(true);
      await expect.poll(() => panel.count('.sp-meta h2')).toBe(1);
      expect(await panel.count('.sp-error')).toBe(0);
      await panel.close();
      await page.close();
    });

    it('分析此页 on a non-gov page without its permission: a clear message, nothing injected', async () => {
      const page = await d.openFixture('non-gov.html');
      const panel = await d.openPanel(page);
      await panel.waitFor('.sp-empty button');
      await panel.clickText('button', '分析此页');
      await expect.poll(() => panel.texts('.sp-error')).toEqual([expect.stringMatching(/权限/)]);
      expect(await page.count('rectify-lens-overlay')).toBe(0);
      await panel.close();
      await page.close();
    });
  });

  describe(`${label}: a site's own script policy`, () => {
    it('a notice sent under the strictest Content-Security-Policy still gets the detector, then the overlay', async () => {
      // the loader imports the detector from the extension (lib/page/detector-loader): the page's policy must not stop it
      const page = await d.openFixture('huadu-district.html', { strictCsp: true });
      await waitForOverlay(d, page);
      const presence = await page.presence();
      expect(presence.detector).toMatchObject({ result: { isNotice: true }, asked: true });
      expect(presence.analyzer).toBe(true);
      await page.close();
    });
  });

  return () => d;
}

export function definePrivacyCheck(label: string, driver: () => Driver): void {
  describe(`${label}: privacy`, () => {
    it('no request left 127.0.0.1', () => {
      expect(driver().externalRequests).toEqual([]);
    });
  });
}
