/**
 * Issue 12, bug 2: an annotation belongs to the version of the notice it was made on. Annotated on the 2025
 * 花山镇 notice, it appears on the 2026 notice only re-anchored there, as 沿用自2025年6月19日版; a note whose
 * passage the 2026 notice no longer has is listed as such (not as an orphan of its own version), and the
 * export of each version says which version each note was made on.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launch, openFixture, openSidePanel, overlayOf, tabIdOf, type Session } from './harness';

let s: Session;
beforeAll(async () => {
  s = await launch();
});
afterAll(async () => {
  await s?.close();
});

/** In both notices with the same words around it. */
const KEPT = '村民进行相关政策法规的解释说明和宣传教育';
/** Only in the 2025 notice. */
const GONE = '另外，花山镇以点带面、举一反三，对全镇各村合同进行清理整顿';

async function ready(page: Page): Promise<void> {
  await (await overlayOf(s, page)).waitFor('.rl-title', 20_000);
  await page.waitForFunction(() => document.querySelectorAll('mark.rl-mark').length > 0, null, { timeout: 10_000 });
}

/** Drags the mouse over `needle` (first occurrence, one line) like a person, then saves a note on it. */
async function annotateByDrag(page: Page, needle: string, note: string): Promise<void> {
  const box = await page.evaluate((n) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const nodes: Text[] = [];
    let all = '';
    for (let t = walker.nextNode() as Text | null; t; t = walker.nextNode() as Text | null) {
      if (t.parentElement?.closest('script,style')) continue;
      nodes.push(t);
      all += t.data;
    }
    const at = all.indexOf(n);
    if (at < 0) return null;
    const charRect = (k: number) => {
      let pos = 0;
      for (const t of nodes) {
        if (k < pos + t.data.length) {
          const r = document.createRange();
          r.setStart(t, k - pos);
          r.setEnd(t, k - pos + 1);
          return r;
        }
        pos += t.data.length;
      }
      throw new Error('beyond the text');
    };
    charRect(at).startContainer.parentElement!.scrollIntoView({ block: 'center' });
    const a = charRect(at).getBoundingClientRect();
    const b = charRect(at + n.length - 1).getBoundingClientRect();
    return { from: { x: a.left + a.width / 4, y: a.top + a.height / 2 }, to: { x: b.right - b.width / 4, y: b.top + b.height / 2 } };
  }, needle);
  expect(box, `"${needle}" on the page`).not.toBeNull();
  await page.mouse.move(box!.from.x, box!.from.y);
  await page.mouse.down();
  await page.mouse.move(box!.to.x, box!.to.y, { steps: 6 });
  await page.mouse.up();
  // the overlay's shadow root is closed: reached through the probe, as the extension reaches it
  const overlay = await overlayOf(s, page);
  await overlay.click('.rl-selection-button');
  await overlay.waitFor('form.rl-form .rl-quote');
  expect((await overlay.texts('form.rl-form .rl-quote'))[0]?.normalize('NFKC')).toBe(needle.normalize('NFKC'));
  await overlay.fill('form.rl-form textarea[name="note"]', note);
  await overlay.click('form.rl-form button', '保存');
  await expect.poll(() => overlay.count('form.rl-form')).toBe(0);
}

const annotatedText = (page: Page) => page.$$eval('mark.rl-annot', (els) => els.map((e) => e.textContent ?? '').join('').normalize('NFKC'));
const annotationCount = async (page: Page) => (await (await overlayOf(s, page)).texts('.rl-sw-annotation .rl-count'))[0] ?? null;

async function exportMarkdown(panel: Page): Promise<string> {
  const [dl] = await Promise.all([panel.waitForEvent('download', { timeout: 15_000 }), panel.locator('[data-format="md"]').first().click()]);
  return readFileSync((await dl.path())!, 'utf8');
}

describe('annotations and the versions of a notice', () => {
  it('made on the 2025 notice: both shown there, as its own', async () => {
    const page = await openFixture(s, 'huashan-town.html');
    await ready(page);
    await annotateByDrag(page, KEPT, '宣传教育是否覆盖全部村民');
    await annotateByDrag(page, GONE, '清理整顿的合同数量未说明');
    await expect.poll(() => annotatedText(page)).toContain(KEPT.normalize('NFKC'));
    expect(await annotatedText(page)).toContain(GONE.normalize('NFKC'));
    expect(await annotationCount(page)).toBe('2');
    const panel = await openSidePanel(s, await tabIdOf(s, page));
    await panel.locator('[data-view="annotations"]').click();
    await expect.poll(() => panel.locator('.sp-annotation').count()).toBe(2);
    expect(await panel.locator('.sp-annotation .sp-badge-carried, .sp-annotation .sp-badge-orphan').count()).toBe(0);
    // each card: the day it was made, the item it belongs to (a link to it), severity in words on its colour
    const card = panel.locator('.sp-annotation', { hasText: '宣传教育是否覆盖全部村民' });
    expect(await card.locator('.sp-annotation-meta time').textContent()).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日$/);
    const itemLink = card.locator('.sp-annotation-meta button[data-item-id]');
    expect((await itemLink.textContent())?.length).toBeGreaterThan(2);
    expect(await card.locator('.sp-sev-badge-medium').textContent()).toBe('一般');
    await page.evaluate(() => window.scrollTo(0, 0));
    await itemLink.click();
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
    await panel.locator('[data-view="notice"]').click();
    const md = await exportMarkdown(panel);
    expect(md.match(/批注于本版/g)?.length).toBe(2);
    expect(md).not.toContain('未能定位');
    await panel.close();
    await page.close();
  });

  it('on the 2026 notice: only the re-anchored one is drawn, as carried over from 2025; the other is listed as not in this version', async () => {
    const page = await openFixture(s, 'huashan-town-2026.html');
    await ready(page);
    await expect.poll(() => annotatedText(page)).toContain(KEPT.normalize('NFKC'));
    expect(await annotatedText(page)).not.toContain('清理整顿');
    expect(await annotationCount(page)).toBe('1');
    await page.locator('mark.rl-annot').first().dispatchEvent('mouseover');
    const overlay = await overlayOf(s, page);
    await expect.poll(() => overlay.texts('.rl-tooltip').then((t) => t.join(''))).toContain('批注（沿用自2025年6月19日版）：宣传教育是否覆盖全部村民');

    const panel = await openSidePanel(s, await tabIdOf(s, page));
    await panel.locator('[data-view="annotations"]').click();
    await expect.poll(() => panel.locator('.sp-annotation').count()).toBe(2);
    const kept = panel.locator('.sp-annotation', { hasText: '宣传教育是否覆盖全部村民' });
    await expect.poll(() => kept.locator('.sp-badge-carried').textContent()).toBe('沿用自2025年6月19日版，已在本版定位');
    const gone = panel.locator('.sp-annotation', { hasText: '清理整顿的合同数量未说明' });
    expect(await gone.locator('.sp-badge-orphan').textContent()).toBe('2025年6月19日版的批注，本版未找到原文');
    // 仅显示未定位: what is not found on this version, whichever version it was made on
    const onlyOrphans = panel.locator('label', { hasText: '仅显示未定位' }).locator('input');
    await onlyOrphans.check();
    await expect.poll(() => panel.locator('.sp-annotation').count()).toBe(1);
    expect(await panel.locator('.sp-annotation').textContent()).toContain('清理整顿的合同数量未说明');
    await onlyOrphans.uncheck();
    await expect.poll(() => panel.locator('.sp-annotation').count()).toBe(2);
    if (process.env.E2E_SCREENSHOTS) {
      await panel.setViewportSize({ width: 360, height: 700 });
      await panel.screenshot({ path: `${process.env.E2E_SCREENSHOTS}/side-panel-annotations-carried-360.png` });
    }

    await panel.locator('[data-view="notice"]').click();
    const md = await exportMarkdown(panel);
    expect(md).toContain('沿用自2025年6月19日版，已在本版定位；批注于2025年6月19日版');
    expect(md).toContain('2025年6月19日版的批注，本版未找到原文；批注于2025年6月19日版');
    expect(md).not.toContain('原文已变动，未能定位');
    await panel.close();
    await page.close();
  });

  it('back on the 2025 notice: nothing about the notes changed (the 2026 visit rewrote nothing)', async () => {
    const page = await openFixture(s, 'huashan-town.html');
    await ready(page);
    await expect.poll(() => annotatedText(page)).toContain(GONE.normalize('NFKC'));
    expect(await annotatedText(page)).toContain(KEPT.normalize('NFKC'));
    expect(await annotationCount(page)).toBe('2');
    const panel = await openSidePanel(s, await tabIdOf(s, page));
    await panel.locator('[data-view="annotations"]').click();
    await expect.poll(() => panel.locator('.sp-annotation').count()).toBe(2);
    expect(await panel.locator('.sp-orphan').count()).toBe(0);
    await panel.close();
    await page.close();
  });
});
