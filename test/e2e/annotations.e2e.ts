/**
 * Issue: side panel + annotations — annotate on a page, reload, re-anchor on a changed version,
 * delete with undo, override a status; all in real Chromium with the built extension.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { selectInPage } from '../../scripts/lib/driver';
import { launch, openFixture, openSidePanel, overlayOf, tabIdOf, type Session } from './harness';

let s: Session;
beforeAll(async () => {
  s = await launch();
});
afterAll(async () => {
  await s?.close();
});

const SURVIVES = '镇党委坚持落实巡察整改主体责任';
const REMOVED = '花山镇综合行政执法队以“零容忍”态度，进一步加强违建行为巡查';

async function ready(page: Page): Promise<void> {
  await (await overlayOf(s, page)).waitFor('.rl-title', 20_000);
  await page.waitForFunction(() => document.querySelectorAll('mark.rl-mark').length > 0, null, { timeout: 10_000 });
}

/** Selects the first occurrence of `needle` in the page body (across text nodes and marks) like a user would. */
async function selectText(page: Page, needle: string): Promise<void> {
  const found = await page.evaluate(selectInPage, needle);
  expect(found, `text "${needle}" on the page`).toBe(true);
}

async function annotate(page: Page, needle: string, note: string, tag: string): Promise<void> {
  await selectText(page, needle);
  const overlay = await overlayOf(s, page);
  await overlay.click('.rl-selection-button');
  await overlay.fill('form.rl-form textarea[name="note"]', note);
  await overlay.click('form.rl-form label.rl-tag-toggle', tag);
  await overlay.fill('form.rl-form select[name="severity"]', 'high');
  await overlay.click('form.rl-form button', '保存');
  await expect.poll(() => overlay.count('form.rl-form')).toBe(0);
}

const annotatedText = (page: Page) => page.$$eval('mark.rl-annot', (els) => els.map((e) => e.textContent ?? '').join(''));

describe('annotations', () => {
  let page: Page;
  let panel: Page;

  it('annotates selected text from the in-page button; highlight and side-panel list show it', async () => {
    page = await openFixture(s, 'huashan-town.html');
    await ready(page);
    await annotate(page, SURVIVES, '主体责任落实情况需核实会议纪要', '需核实');
    await annotate(page, REMOVED, '巡查频次未说明', '存疑');
    await expect.poll(() => annotatedText(page)).toContain(SURVIVES);
    expect(await annotatedText(page)).toContain(REMOVED);
    panel = await openSidePanel(s, await tabIdOf(s, page));
    await panel.locator('[data-view="annotations"]').click();
    await expect.poll(() => panel.locator('.sp-annotation').count()).toBe(2);
    const list = await panel.locator('.sp-annotation-list').textContent();
    expect(list).toContain('主体责任落实情况需核实会议纪要');
    expect(list).toContain('需核实');
    expect(list).toContain('严重');
  });

  it('restores highlights after a reload', async () => {
    await page.reload();
    await ready(page);
    await expect.poll(() => annotatedText(page)).toContain(SURVIVES);
    expect(await annotatedText(page)).toContain(REMOVED);
  });

  it('hovering an annotation shows its note', async () => {
    await page.locator('mark.rl-annot').first().dispatchEvent('mouseover');
    const overlay = await overlayOf(s, page);
    await expect.poll(() => overlay.texts('.rl-tooltip').then((t) => t.join(''))).toContain('批注：');
  });

  it('search finds annotations by Chinese words in note or quote', async () => {
    await panel.locator('input[name="annotationQuery"]').fill('会议纪要');
    await expect.poll(() => panel.locator('.sp-annotation').count()).toBe(1);
    await panel.locator('input[name="annotationQuery"]').fill('');
    await expect.poll(() => panel.locator('.sp-annotation').count()).toBe(2);
  });

  it('delete → undo restores the annotation and its highlight', async () => {
    const card = panel.locator('.sp-annotation', { hasText: '巡查频次未说明' });
    await card.getByRole('button', { name: '删除' }).click();
    await expect.poll(() => panel.locator('.sp-annotation').count()).toBe(1);
    await expect.poll(() => annotatedText(page)).not.toContain(REMOVED);
    await panel.locator('.sp-toast').getByRole('button', { name: '撤销' }).click();
    await expect.poll(() => panel.locator('.sp-annotation').count()).toBe(2);
    await expect.poll(() => annotatedText(page)).toContain(REMOVED);
  });

  it('on a changed version of the page: re-anchors the surviving quote, orphans the removed one', async () => {
    const changed = await openFixture(s, 'huashan-changed.html');
    await ready(changed);
    await expect.poll(() => annotatedText(changed)).toContain(SURVIVES);
    expect(await annotatedText(changed)).not.toContain('零容忍');
    const changedPanel = await openSidePanel(s, await tabIdOf(s, changed));
    await changedPanel.locator('[data-view="annotations"]').click();
    const orphan = changedPanel.locator('.sp-annotation.sp-orphan');
    await expect.poll(() => orphan.count()).toBe(1);
    expect(await orphan.textContent()).toContain(REMOVED);
    expect(await orphan.textContent()).toContain('巡查频次未说明'); // kept, with its note
    await changedPanel.close();
    await changed.close();
  });

  it('an inferred status is drawn and written as such, shows 已完成部分 / 未完成部分, and is confirmed in one click', async () => {
    await panel.locator('[data-view="notice"]').click();
    const card = panel.locator('.sp-item[data-certainty="inferred"]', { has: panel.locator('.rl-chip-done') }).first();
    await card.waitFor();
    const chip = card.locator('.rl-chip');
    expect(await chip.getAttribute('class')).toContain('rl-chip-inferred');
    expect(await chip.textContent()).toBe('已完成（推断）');
    expect(await card.locator('.sp-parts').textContent()).toContain('已完成部分');
    expect(await card.locator('.sp-part-progress li').count()).toBeGreaterThan(0);
    expect(await card.locator('.sp-part-open').textContent()).toContain('未完成部分');
    const stated = panel.locator('.sp-item[data-certainty="stated"] .rl-chip').first();
    expect(await stated.getAttribute('class')).not.toContain('rl-chip-inferred');
    expect(await stated.textContent()).not.toContain('（推断）');
    if (process.env.E2E_SCREENSHOTS) await panel.screenshot({ path: `${process.env.E2E_SCREENSHOTS}/side-panel-items.png`, fullPage: true });

    const itemId = await card.getAttribute('data-item-id');
    await card.getByRole('button', { name: '确认「已完成」' }).click();
    const confirmed = panel.locator(`.sp-item[data-item-id="${itemId}"]`);
    await expect.poll(() => confirmed.locator('.rl-chip').textContent()).toBe('已完成（已确认）');
    expect(await confirmed.locator('.sp-override').textContent()).toContain('审阅人已核对原文，确认「已完成」（解析时：根据整改措施推断）');
    await confirmed.getByRole('button', { name: '修改审阅结论' }).click();
    await confirmed.getByRole('button', { name: '恢复识别结果' }).click();
    await expect.poll(() => confirmed.locator('.rl-chip').textContent()).toBe('已完成（推断）');
  });

  it('a status override is stored and shown in the side panel and the overlay', async () => {
    await panel.locator('[data-view="notice"]').click();
    const card = panel.locator('.sp-item').first();
    const itemId = await card.getAttribute('data-item-id');
    await card.getByRole('button', { name: '修改状态' }).click();
    await card.locator('select[name="status"]').selectOption('done');
    await card.locator('input[name="reason"]').fill('已现场核实合同整改到位');
    await card.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => card.locator('.rl-chip-override').count()).toBe(1);
    expect(await card.textContent()).toContain('已现场核实合同整改到位');
    // overlay: expand the outline until the item row is rendered (a background tab gets no animation frames)
    await page.bringToFront();
    const overlay = await overlayOf(s, page);
    const twisty = '.rl-twisty[aria-label="展开"]';
    for (let i = 0; i < 40 && (await overlay.count(twisty)) > 0; i++) await overlay.click(twisty);
    await expect.poll(() => overlay.count(`[data-item-id="${itemId}"] .rl-chip-override`)).toBe(1);
    // survives a reload (stored, not just in memory)
    await page.reload();
    await ready(page);
    for (let i = 0; i < 40 && (await overlay.count(twisty)) > 0; i++) await overlay.click(twisty);
    await expect.poll(() => overlay.count(`[data-item-id="${itemId}"] .rl-chip-override`)).toBe(1);
  });

  it('made no external requests', () => {
    expect(s.externalRequests).toEqual([]);
  });
});
