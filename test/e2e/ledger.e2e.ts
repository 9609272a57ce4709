/**
 * Issue 15: the 整改台账 (.xlsx) from the side panel, end to end in real Chromium: the export bar (one notice
 * with its comparison) and the library button (the whole library), each download read back with exceljs.
 * The extension's clock is the harness's FIXED_TODAY, so overdue days are fixed.
 */
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXED_TODAY, launch, openFixture, openSidePanel, overlayOf, tabIdOf, type Session } from './harness';
import { selectInStoredCopy } from './stored';

/** The extension API as seen inside the service worker (evaluated there, not here). */
declare const chrome: { action: { getBadgeText(d: { tabId: number }): Promise<string>; getTitle(d: { tabId: number }): Promise<string> } };

const ORG = '中共广州市花都区花山镇委员会';
const CONTRACTS = '问题合同未整改、阴阳合同赫然存在';

let s: Session;
let laterTabId: number;

beforeAll(async () => {
  process.env.LC_ALL = 'C.UTF-8';
  s = await launch();
  for (const file of ['guzhen-town.html', 'huashan-town.html', 'huashan-town-2026.html']) {
    const page = await openFixture(s, file);
    await (await overlayOf(s, page)).waitFor('.rl-title', 20_000);
    if (file === 'huashan-town-2026.html') laterTabId = await tabIdOf(s, page);
  }
});
afterAll(async () => {
  await s?.close();
});

async function workbookOf(panel: Page, click: () => Promise<void>): Promise<{ name: string; wb: ExcelJS.Workbook }> {
  const [dl] = await Promise.all([panel.waitForEvent('download', { timeout: 30_000 }), click()]);
  expect(await dl.failure()).toBeNull();
  const bytes = readFileSync((await dl.path())!);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  return { name: dl.suggestedFilename(), wb };
}

function column(ws: ExcelJS.Worksheet, header: string): unknown[] {
  const c = (ws.getRow(1).values as string[]).indexOf(header);
  expect(c).toBeGreaterThan(0);
  return Array.from({ length: ws.rowCount - 1 }, (_, i) => ws.getRow(i + 2).getCell(c).value);
}

describe('the toolbar badge', () => {
  const badgeOf = (tabId: number) =>
    s.worker.evaluate(async (id) => ({ text: await chrome.action.getBadgeText({ tabId: id }), title: await chrome.action.getTitle({ tabId: id }) }), tabId);

  it('counts the overdue items of the tab\'s notice and names them in the tooltip', async () => {
    // FIXED_TODAY 2026-11-23: 二（一）9. promised 2026-04-30, 二（一）5. 2026-05-31, both still in progress
    await expect.poll(async () => (await badgeOf(laterTabId)).text, { timeout: 10_000 }).toBe('2');
    const { title } = await badgeOf(laterTabId);
    expect(title).toBe('本通报有2项整改承诺已逾期：“问题合同台账更新不及时”（逾期207天）、“问题合同未整改、阴阳合同赫然存在”（逾期176天）');
  });

  it('shows no badge on a page that is not a notice', async () => {
    const page = await openFixture(s, 'news-gov.html');
    await page.waitForTimeout(1500);
    expect((await badgeOf(await tabIdOf(s, page))).text).toBe('');
    await page.close();
  });
});

describe('整改台账 from the side panel', () => {
  it('exports one notice with its comparison from the export bar', async () => {
    const panel = await openSidePanel(s, laterTabId);
    await panel.locator('[data-view="compare"]').click();
    // the earlier 花山镇 notice (the library also holds 古镇镇's)
    await panel.locator('.sp-compare li', { hasText: '2025年6月19日' }).locator('input[name="earlier"]').check();
    await panel.locator('[data-action="compare"]').click();
    await panel.locator('tr[data-change="vanished"]').waitFor({ timeout: 10_000 });
    const { name, wb } = await workbookOf(panel, () => panel.locator('.sp-export [data-format="xlsx"]').last().click());
    expect(name).toBe(`${ORG}-2026-03-20-整改台账.xlsx`);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['台账', '汇总', '说明']);
    const ws = wb.getWorksheet('台账')!;
    expect(ws.rowCount).toBe(23);
    const labels = column(ws, '问题');
    const row = labels.indexOf(CONTRACTS);
    expect(column(ws, '与上次通报相比')[row]).toMatch(/^仍未完成；时限推迟/);
    // 预计2026年6月前 → 2026-05-31; FIXED_TODAY 2026-11-23 is 176 days later
    expect(FIXED_TODAY).toBe('2026-11-23');
    expect(column(ws, '至今逾期天数')[row]).toBe(176);
    expect(column(ws, '状态')[row]).toBe('整改中');
    const explain = wb.getWorksheet('说明')!;
    expect(explain.getRow(3).getCell(2).value).toBe('2026年11月23日');
    await panel.close();
  });

  it('exports the whole library from the library view', async () => {
    const panel = await openSidePanel(s, laterTabId);
    await panel.locator('[data-view="library"]').click();
    const button = panel.locator('[data-action="export-library-ledger"]');
    const { name, wb } = await workbookOf(panel, () => button.click());
    expect(name).toBe('整改台账-通报库-2026-11-23.xlsx');
    await expect.poll(() => panel.locator('.sp-ledger [role="status"]').textContent()).toMatch(/^已导出整改台账：2 份通报，\d+ 项。$/);
    const summary = wb.getWorksheet('汇总')!;
    // 古镇镇 and 花山镇 (its two notices are versions of one library notice: the newest is listed)
    expect(column(summary, '单位').slice(0, 2).sort()).toEqual([ORG, '中共中山市古镇镇委员会'].sort());
    expect(column(summary, '单位')[2]).toBe('合计');
    const ws = wb.getWorksheet('台账')!;
    expect(ws.rowCount - 1).toBe(Number(summary.getRow(4).getCell(4).value));
    const compared = column(ws, '与上次通报相比').filter(Boolean);
    expect(compared.length).toBe(22); // the 花山镇 notice against its earlier version
    expect(s.consoleErrors.filter((e) => e.includes('sidepanel'))).toEqual([]);
    await panel.close();
  });
});

describe('the live page of a saved notice', () => {
  it('shows when it was last seen and, when asked, that it is still online', async () => {
    const panel = await openSidePanel(s, laterTabId);
    await panel.locator('[data-view="library"]').click();
    const entry = panel.locator('.sp-lib-entry', { hasText: '关于巡察整改进展情况的通报' });
    await entry.locator('button.sp-link').click();
    await expect.poll(() => entry.locator('.sp-live p').first().textContent()).toMatch(/^最后一次在原网页上看到：\d{4}年\d{1,2}月\d{1,2}日$/);
    await entry.locator('[data-action="check-live"]').click();
    await expect.poll(() => entry.locator('.sp-live [role="status"]').textContent()).toBe('原网页仍在，且仍是这份通报。');
    await panel.close();
  });
});

describe('逾期承诺 view', () => {
  it('lists passed promises across the library, filters them, exports Markdown and opens the passage', async () => {
    const panel = await openSidePanel(s, laterTabId);
    await panel.locator('[data-view="overdue"]').click();
    const rows = panel.locator('.sp-overdue tbody tr');
    await rows.first().waitFor({ timeout: 15_000 });
    const days = await rows.evaluateAll((trs) => trs.map((tr) => Number(tr.getAttribute('data-overdue-days'))));
    expect(days).toEqual([...days].sort((a, b) => b - a));
    await panel.locator('select[name="organization"]').selectOption(ORG);
    await expect.poll(() => rows.count()).toBe(3);
    expect(await rows.first().textContent()).toContain('511');
    expect(await rows.first().textContent()).toContain(CONTRACTS);
    const [dl] = await Promise.all([panel.waitForEvent('download', { timeout: 15_000 }), panel.locator('[data-action="overdue-md"]').click()]);
    expect(dl.suggestedFilename()).toBe('逾期承诺-2026-11-23.md');
    const md = readFileSync((await dl.path())!, 'utf8');
    expect(md.split('\n')[0]).toBe('# 逾期承诺（截至2026年11月23日，共3项）');
    const [opened] = await Promise.all([s.context.waitForEvent('page'), rows.first().getByRole('button', { name: '打开原文' }).click()]);
    await opened.waitForLoadState();
    expect(decodeURIComponent(opened.url())).toContain('huashan-town.html#:~:text=预计2025年7月前整改完成');
    await opened.close();
    await panel.close();
  });
});

describe('stored copy, with the sites offline', () => {
  it('opens a saved version from the library with its highlights, and annotates it', async () => {
    const panel = await openSidePanel(s, laterTabId);
    // the fixture sites go offline: the stored copy needs nothing from them
    await s.server.close();
    await panel.locator('[data-view="library"]').click();
    const entry = panel.locator('.sp-lib-entry', { hasText: '关于巡察整改进展情况的通报' });
    await entry.locator('button.sp-link').first().click();
    const [stored] = await Promise.all([s.context.waitForEvent('page'), entry.locator('[data-action="open-stored"]').first().click()]);
    await stored.locator('.st-text').waitFor({ timeout: 15_000 });
    expect(stored.url()).toMatch(/\/stored\.html\?hash=[0-9a-f]{64}$/);
    expect(await stored.locator('.st-banner').textContent()).toContain('这是通报库中保存的副本');
    expect(await stored.locator('mark.rl-k-overdue').count()).toBeGreaterThan(0);
    expect(await stored.locator('.st-text').textContent()).toContain('目前，花山镇共梳理出问题合同23宗');
    const quote = '正在以诉讼方式解除合同';
    const selected = await stored.evaluate(selectInStoredCopy, quote);
    expect(selected).toBe(true);
    await stored.locator('.st-form textarea[name="note"]').fill('诉讼进展需跟踪（副本上批注）');
    await stored.locator('.st-form button[type="submit"]').click();
    await expect.poll(() => stored.locator('.st-annotations li').allTextContents()).toContainEqual(`“${quote}” — 诉讼进展需跟踪（副本上批注）`);
    await expect.poll(() => stored.locator('mark.rl-annot').count()).toBeGreaterThan(0);
    // the same annotations: the side panel's list for this notice shows it
    await panel.locator('[data-view="annotations"]').click();
    await expect.poll(() => panel.locator('.sp-annotation').allTextContents()).toContainEqual(expect.stringContaining('诉讼进展需跟踪（副本上批注）'));
    await stored.close();
    await panel.close();
  });
});
