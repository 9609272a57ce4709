import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { launch, openFixture, openSidePanel, OVERLAY_HOST, overlayOf, type Session } from './harness';

let s: Session;
beforeAll(async () => {
  s = await launch();
});
afterAll(async () => {
  await s?.close();
});

describe('extension skeleton in real Chromium', () => {
  it('loads the built extension with a service worker', () => {
    expect(s.extensionId).toMatch(/^[a-p]{32}$/);
  });

  it('mounts its closed shadow-root overlay on a notice page', async () => {
    const page = await openFixture(s, 'mazhang-town.html');
    const host = page.locator(OVERLAY_HOST);
    await host.waitFor({ state: 'attached', timeout: 15_000 });
    // closed: the page sees the host but not its shadow root; the extension sees the panel inside
    expect(await host.evaluate((el) => el.shadowRoot)).toBeNull();
    const overlay = await overlayOf(s, page);
    await overlay.waitFor('.rl-panel .rl-title');
    expect((await overlay.texts('.rl-title'))[0]).toContain('麻章镇');
    await page.close();
  });

  it('injects nothing on a non-gov page', async () => {
    const page = await openFixture(s, 'non-gov.html');
    await page.waitForTimeout(1500);
    expect(await page.locator(OVERLAY_HOST).count()).toBe(0);
    expect(await page.locator('mark').count()).toBe(0);
    await page.close();
  });

  it('side panel writes and reads a record through Dexie (paste a notice into the library)', async () => {
    const panel = await openSidePanel(s, null);
    await panel.locator('[data-view="library"]').click();
    await panel.locator('summary', { hasText: '添加通报' }).click();
    const text = readFileSync(new URL('../fixtures/seeds/mazhang-town-2024-09-25.txt', import.meta.url), 'utf8');
    await panel.locator('textarea[name="pasteNotice"]').fill(text);
    await panel.getByRole('button', { name: '添加粘贴的文本' }).click();
    await expect.poll(() => panel.locator('.sp-org h3').allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('麻章镇')]));
    // read back after a reload: it really is in IndexedDB
    await panel.reload();
    await panel.locator('[data-view="library"]').click();
    await expect.poll(() => panel.locator('.sp-lib-entry').count()).toBeGreaterThanOrEqual(1);
    await panel.close();
  });

  it('sends no request to any address but 127.0.0.1', () => {
    expect(s.externalRequests).toEqual([]);
  });
});
