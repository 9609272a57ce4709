/**
 * Word/PDF notices in the real extension: "分析附件" on a notice page that links its PDF/Word versions,
 * "分析此文件" on a PDF opened in Chromium's viewer, and "add by file" with a PDF (plus a refused
 * encrypted PDF). Screenshots of the panel go to test-results/ (ignored by git).
 */
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, openFixture, openSidePanel, overlayOf, tabIdOf, type Session } from './harness';

const doc = (name: string) => fileURLToPath(new URL(`../fixtures/documents/${name}`, import.meta.url));
const SHOTS = fileURLToPath(new URL('../../test-results/', import.meta.url));
const TITLE = '中共麻章镇委员会关于巡察整改情况的通报';

let s: Session;
beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  s = await launch();
});
afterAll(async () => {
  await s?.close();
});

describe('Word and PDF notices in the extension', () => {
  it('"分析附件": the overlay lists the page\'s PDF and Word attachments and adds each to the library', async () => {
    const page = await openFixture(s, 'mazhang-attachment.html');
    const overlay = await overlayOf(s, page);
    await expect.poll(() => overlay.count('.rl-attachments li'), { timeout: 15_000 }).toBe(2);
    expect(await overlay.texts('.rl-attachments li .rl-attachment-name')).toEqual(['麻章镇巡察整改情况通报.pdf', '麻章镇巡察整改情况通报（Word版）']);

    for (const i of [1, 2]) {
      const item = `.rl-attachments li:nth-child(${i})`;
      await overlay.click(`${item} button`, '分析附件');
      await overlay.waitFor(`${item} .rl-ok`, 30_000);
      expect(await overlay.texts(`${item} .rl-ok`)).toEqual([`已加入通报库：${TITLE}（16 个问题事项）`]);
      // same organization and title as the page: filed as another version of the page's notice
      expect(await overlay.attrs(`${item} .rl-ok`, 'data-notice-key')).toEqual([page.url()]);
    }
    await page.screenshot({ path: `${SHOTS}documents-overlay-attachments.png` });
    const panel = await openSidePanel(s, null);
    await panel.locator('[data-view="library"]').click();
    const entry = panel.locator(`.sp-lib-entry[data-notice-key="${page.url()}"]`);
    await entry.locator('button.sp-link').click();
    // two versions: the page's own text (its opening only) and the attachments' full text — the PDF,
    // once its hard wraps are rejoined, reads to the very same text as the Word file (one snapshot)
    await expect.poll(() => entry.locator('.sp-versions li').allTextContents()).toEqual(
      expect.arrayContaining([expect.stringContaining('· 16 项'), expect.stringMatching(/· [0-9] 项(?!\d)/)]),
    );
    expect(await entry.locator('.sp-versions li').count()).toBe(2);
    await panel.close();
    await page.close();
  });

  it('"分析此文件": a PDF open in the browser is analyzed from the side panel', async () => {
    const page = await s.context.newPage();
    const pdfUrl = `${s.server.origin('www.zjmazhang.gov.cn')}/documents/mazhang.pdf`;
    await page.goto(pdfUrl).catch(() => undefined); // the viewer navigation may report an aborted load
    const tabId = await tabIdOf(s, page);
    const panel = await openSidePanel(s, tabId);
    const button = panel.getByRole('button', { name: '分析此文件' });
    await button.waitFor({ timeout: 15_000 });
    expect(await panel.getByRole('button', { name: '分析此页' }).count()).toBe(0); // the viewer page is not the notice
    await button.click();
    const ok = panel.locator('.sp-analyze-file .sp-ok');
    await ok.waitFor({ timeout: 30_000 });
    expect(await ok.textContent()).toBe(`已加入通报库：${TITLE}（16 个问题事项）`);
    await panel.screenshot({ path: `${SHOTS}documents-analyze-this-file.png` });
    await panel.close();
    await page.close();
  });

  it('"add by file" accepts Word and PDF, refuses an encrypted PDF and a .doc with clear messages', async () => {
    const panel = await openSidePanel(s, null);
    await panel.locator('[data-view="library"]').click();
    await panel.locator('summary', { hasText: '添加通报' }).click();
    const before = await panel.locator('.sp-lib-entry').count();
    await panel.locator('input[name="noticeFile"]').setInputFiles(doc('encrypted.pdf'));
    await expect.poll(() => panel.locator('.sp-library [role="status"]').textContent(), { timeout: 20_000 }).toContain('加密（需要密码）的 PDF');
    expect(await panel.locator('.sp-lib-entry').count()).toBe(before);

    await panel.locator('input[name="noticeFile"]').setInputFiles(doc('mazhang.pdf'));
    await expect.poll(() => panel.locator('.sp-library [role="status"]').textContent(), { timeout: 30_000 }).toBe(`已加入通报库：${TITLE}`);
    await panel.locator('input[name="noticeFile"]').setInputFiles(doc('legacy.doc'));
    await expect.poll(() => panel.locator('.sp-library [role="status"]').textContent(), { timeout: 20_000 }).toContain('旧版 Word 文档（.doc）');
    expect(await panel.locator('.sp-lib-entry').count()).toBe(before);
    // Word through the side panel's own DOMParser path
    await panel.locator('input[name="noticeFile"]').setInputFiles(doc('mazhang.docx'));
    await expect.poll(() => panel.locator('.sp-library [role="status"]').textContent(), { timeout: 30_000 }).toBe(`已加入通报库：${TITLE}`);
    // set in a non-embedded font: readable only with the CMaps shipped in the extension
    await panel.locator('input[name="noticeFile"]').setInputFiles(doc('unembedded-font.pdf'));
    await expect.poll(() => panel.locator('.sp-library [role="status"]').textContent(), { timeout: 30_000 }).toBe(`已加入通报库：${TITLE}`);
    // the same notice as the page and attachments above: one more source of the same library entry
    const entry = panel.locator('.sp-lib-entry', { hasText: TITLE });
    expect(await entry.count()).toBe(1);
    await entry.locator('button.sp-link').click();
    await expect.poll(() => entry.locator('.sp-versions li').count()).toBeGreaterThanOrEqual(2);
    await panel.screenshot({ path: `${SHOTS}documents-add-pdf.png`, fullPage: true });
    await panel.close();
  });

  it('sends no request to any address but 127.0.0.1', () => {
    expect(s.externalRequests).toEqual([]);
  });
});
