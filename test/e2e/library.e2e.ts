/**
 * The library in the side panel, end to end in real Chromium: every saved version by organization, 公文-style
 * dates, a version without a date, "与上一版对比", deleting a version (with undo) and a notice's only version.
 * Starts from the 花山镇 pair and 古镇镇 saved by visiting their pages (test/e2e/notice-pair.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { openSidePanel, type Session } from './harness';
import { openNoticePair, ORG, shoot, TITLE, VANISHED } from './notice-pair';

let s: Session;
let laterTabId: number;

beforeAll(async () => {
  ({ s, laterTabId } = await openNoticePair());
});
afterAll(async () => {
  await s?.close();
});

describe('the library: every saved version by organization', () => {
  let panel: Page;
  const MAZHANG_TXT = fileURLToPath(new URL('../fixtures/seeds/mazhang-town-2024-09-25.txt', import.meta.url));
  const huashan = () => panel.locator('.sp-lib-entry', { hasText: TITLE }).filter({ has: panel.locator('[data-action="compare-previous"]') });
  const versionsOf = (entry: ReturnType<Page['locator']>) => entry.locator('ol.sp-versions > li');

  beforeAll(async () => {
    panel = await openSidePanel(s, laterTabId);
    await panel.locator('[data-view="library"]').click();
    // a notice whose signature date is cut off: no publish date anywhere in the text
    await panel.locator('summary', { hasText: '添加通报' }).click();
    const undated = readFileSync(MAZHANG_TXT, 'utf8').replace(/^\s*2024年9月25日\s*$/m, '');
    await panel.locator('textarea[name="pasteNotice"]').fill(undated);
    await panel.getByRole('button', { name: '添加粘贴的文本' }).click();
  });
  afterAll(() => panel.close());

  it('lists both 花山镇 versions under the organization, newest first, with their dates in 公文 style', async () => {
    await expect.poll(() => panel.locator('.sp-library [role="status"]').first().textContent()).toContain('已加入通报库');
    const orgs = await panel.locator('.sp-org h3').allTextContents();
    expect(orgs).toEqual(expect.arrayContaining([expect.stringContaining(ORG), expect.stringContaining('中共中山市古镇镇委员会'), expect.stringContaining('麻章镇')]));
    const section = panel.locator('.sp-org', { has: panel.locator('h3', { hasText: ORG }) });
    expect(await section.locator('.sp-lib-entry').count()).toBe(1);
    const versions = versionsOf(huashan());
    await expect.poll(() => versions.count()).toBe(2);
    expect(await versions.locator('.sp-version-date').allTextContents()).toEqual(['2026年3月20日', '2025年6月19日']);
    // each opens its own page (two addresses) or its saved copy; only the newer has one before it
    expect(await versions.nth(0).locator('[data-action="open-live"]').count()).toBe(1);
    expect(await versions.nth(1).locator('[data-action="open-live"]').count()).toBe(1);
    expect(await versions.locator('[data-action="open-stored"]').count()).toBe(2);
    expect(await versions.nth(1).locator('[data-action="compare-previous"]').count()).toBe(0);
  });

  it('a version without a date says where the date would have been found', async () => {
    const entry = panel.locator('.sp-lib-entry', { hasText: '麻章镇' });
    expect(await entry.locator('.sp-version-date').textContent()).toBe('发布日期不详');
    expect(await entry.locator('.sp-version-nodate').textContent()).toBe(
      '未找到发布日期：本工具依次查找正文末尾落款处单位名称下一行的日期（如“2025年6月19日”“二〇二五年六月十九日”），页面上的“成文日期”“发布日期”“发布时间”“发表时间”栏，以及标题后或正文之前页面顶部的日期。',
    );
    await shoot(panel, 'library');
    await panel.setViewportSize({ width: 420, height: 900 });
  });

  it('"与上一版对比" opens Compare with the two versions and compares them at once', async () => {
    await versionsOf(huashan()).first().locator('[data-action="compare-previous"]').click();
    await panel.locator('.sp-compare-focus').waitFor();
    expect(await panel.locator('[data-view="compare"]').getAttribute('aria-selected')).toBe('true');
    expect(await panel.locator('.sp-compare-focus').textContent()).toContain('2026年3月20日');
    // the item listed only in the earlier version (done_omitted if a reviewer has marked it done there)
    const gone = panel.locator('tbody tr', { hasText: VANISHED });
    await gone.waitFor({ timeout: 15_000 });
    expect(['vanished', 'done_omitted']).toContain(await gone.getAttribute('data-change'));
    expect(await gone.textContent()).toContain('本通报未列出');
    const picked = await panel.locator('input[name="earlier"]').evaluateAll((els) => els.filter((el) => (el as HTMLInputElement).checked).map((el) => el.closest('li')!.textContent));
    expect(picked).toEqual([expect.stringContaining('2025年6月19日')]);
    // the stored version is not the open page: its items are plain text, not links to scroll the page
    expect(await panel.locator('tbody button.sp-link').count()).toBe(0);
    await shoot(panel, 'compare-versions');
    await panel.setViewportSize({ width: 420, height: 900 });
    await panel.getByRole('button', { name: '改为对比当前页面' }).click();
    await expect.poll(() => panel.locator('.sp-compare-focus').count()).toBe(0);
    await panel.locator('[data-view="library"]').click();
  });

  it('deletes a version after a confirmation, and undoes it', async () => {
    const versions = versionsOf(huashan());
    await versions.nth(1).locator('[data-action="delete-version"]').click();
    expect(await versions.nth(1).locator('.sp-version-confirm').textContent()).toContain('在这一版本上所做的批注也会删除');
    await versions.nth(1).locator('[data-action="confirm-delete-version"]').click();
    const entry = panel.locator('.sp-lib-entry', { hasText: TITLE });
    await expect.poll(() => versionsOf(entry).count()).toBe(1);
    expect(await versionsOf(entry).locator('.sp-version-date').allTextContents()).toEqual(['2026年3月20日']);
    expect(await panel.locator('.sp-undo').textContent()).toContain(`已删除：${TITLE} 2025年6月19日`);
    await shoot(panel, 'library-undo');
    await panel.setViewportSize({ width: 420, height: 900 });
    await panel.locator('[data-action="undo-delete-version"]').click();
    await expect.poll(() => versionsOf(huashan()).count()).toBe(2);
    expect(await panel.locator('.sp-undo').textContent()).toContain('已恢复');
  });

  it('deleting a notice’s only version removes the notice (the confirmation says so)', async () => {
    const entry = panel.locator('.sp-lib-entry', { hasText: '麻章镇' });
    await entry.locator('[data-action="delete-version"]').click();
    expect(await entry.locator('.sp-version-confirm').textContent()).toContain('这是该通报唯一的版本');
    await entry.locator('[data-action="confirm-delete-version"]').click();
    await expect.poll(() => panel.locator('.sp-org h3', { hasText: '麻章镇' }).count()).toBe(0);
    expect(s.consoleErrors.filter((e) => e.includes('sidepanel'))).toEqual([]);
  });
});
