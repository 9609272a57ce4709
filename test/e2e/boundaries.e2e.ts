/**
 * Page and extension boundaries in real Chromium: the content script's hard limit on huge pages, and a
 * canary proving the "no request leaves the machine" check sees requests the extension itself makes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, openFixture, openSidePanel, OVERLAY_HOST, overlayOf, tabIdOf, type Session } from './harness';
import { selectInPage } from '../../scripts/lib/driver';
import { CANARY_ORIGIN } from '../../scripts/lib/fixture-server';


let s: Session;
beforeAll(async () => {
  s = await launch();
});
afterAll(async () => {
  await s?.close();
});

describe('content script hard limit', () => {
  it('a page past the limit is not parsed: the overlay says it is too large and offers the side panel, which says the same', async () => {
    const page = await s.context.newPage();
    await page.goto(`${s.server.origin('www.fixture.gov.cn')}/huge-notice.html`, { waitUntil: 'load', timeout: 60_000 });
    const overlay = await overlayOf(s, page);
    await overlay.waitFor('.rl-too-large', 40_000);
    expect(await overlay.texts('.rl-too-large')).toEqual([expect.stringMatching(/^此页文字过多（约 \d+ 万字），为免页面卡顿，助手未在页面中分析。$/)]);
    expect(await overlay.texts('.rl-link')).toEqual(['在侧边栏中打开']);
    // nothing parsed, nothing highlighted
    expect(await overlay.count('.rl-title')).toBe(0);
    expect(await page.locator('mark').count()).toBe(0);
    // the page stays responsive: a timer set now fires promptly
    const lag = await page.evaluate(() => new Promise<number>((resolve) => {
      const t0 = performance.now();
      setTimeout(() => resolve(performance.now() - t0), 0);
    }));
    expect(lag).toBeLessThan(500);

    const panel = await openSidePanel(s, await tabIdOf(s, page));
    await expect.poll(() => panel.locator('.sp-empty [role=status]').textContent(), { timeout: 15_000 }).toMatch(/^此页文字过多（约 \d+ 万字）/);
    expect(await panel.getByRole('button', { name: '分析此页' }).count()).toBe(0);
    await panel.close();
    await page.close();
  });
});

describe('closed overlay', () => {
  it('the page’s own scripts cannot reach into the overlay (notes, tooltips, findings)', async () => {
    const page = await openFixture(s, 'mazhang-town.html');
    const overlay = await overlayOf(s, page);
    await overlay.waitFor('.rl-title');
    expect((await overlay.texts('.rl-title'))[0]).toContain('麻章镇');
    const seenByPage = await page.evaluate((name) => {
      const host = document.querySelector(name)!;
      return { shadowRoot: host.shadowRoot, text: host.textContent };
    }, OVERLAY_HOST);
    expect(seenByPage.shadowRoot).toBeNull();
    expect(seenByPage.text).toBe('');
    // Playwright's selectors (like any page script) pierce open shadow roots only
    expect(await page.locator(`${OVERLAY_HOST} .rl-title`).count()).toBe(0);
    await page.close();
  });
});

describe('annotation limits and two panels editing one annotation', () => {
  it('the overlay form refuses an over-long note with a clear message, then saves a normal one', async () => {
    const page = await openFixture(s, 'huashan-town.html');
    const overlay = await overlayOf(s, page);
    await overlay.waitFor('.rl-title');
    await expect.poll(() => page.locator('mark.rl-mark').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    expect(await page.evaluate(selectInPage, '镇党委坚持落实巡察整改主体责任')).toBe(true);
    await overlay.click('.rl-selection-button');
    await overlay.fill('form.rl-form textarea[name="note"]', '长'.repeat(20_001));
    await overlay.click('form.rl-form button', '保存');
    await expect.poll(() => overlay.texts('form.rl-form .rl-error')).toEqual(['批注内容过长：20001 字，最多 20000 字。请删减后再保存。']);
    await overlay.fill('form.rl-form textarea[name="note"]', '原始批注');
    await overlay.click('form.rl-form button', '保存');
    await expect.poll(() => overlay.count('form.rl-form')).toBe(0);
    await expect.poll(() => page.locator('mark.rl-annot').count()).toBeGreaterThan(0);
    await page.close();
  });

  it('the second panel saving from a stale copy is refused and offered a reload; nothing is lost silently', async () => {
    const page = await openFixture(s, 'huashan-town.html');
    const tabId = await tabIdOf(s, page);
    const [a, b] = [await openSidePanel(s, tabId), await openSidePanel(s, tabId)];
    for (const panel of [a, b]) {
      await panel.locator('[data-view="annotations"]').click();
      await expect.poll(() => panel.locator('.sp-annotation', { hasText: '原始批注' }).count()).toBe(1);
      await panel.locator('.sp-annotation', { hasText: '原始批注' }).getByRole('button', { name: '编辑' }).click();
    }
    await a.locator('.sp-edit textarea[name="note"]').fill('甲面板的修改');
    await b.locator('.sp-edit textarea[name="note"]').fill('乙面板的修改');
    await a.locator('.sp-edit').getByRole('button', { name: '保存' }).click();
    await expect.poll(() => a.locator('.sp-note').allTextContents()).toContain('甲面板的修改');

    await b.locator('.sp-edit').getByRole('button', { name: '保存' }).click();
    const alert = b.locator('.sp-edit [role=alert]');
    await expect.poll(() => alert.textContent()).toContain('此批注已在别处（另一个侧边栏或窗口）修改，你的修改未保存');
    // the refused edit is still in the form, and the stored note is the first panel's
    expect(await b.locator('.sp-edit textarea[name="note"]').inputValue()).toBe('乙面板的修改');
    expect(await a.locator('.sp-note').allTextContents()).toContain('甲面板的修改');

    await alert.getByRole('button', { name: '重新加载' }).click();
    expect(await b.locator('.sp-edit textarea[name="note"]').inputValue()).toBe('甲面板的修改');
    await b.locator('.sp-edit textarea[name="note"]').fill('乙面板看过甲的修改后再改');
    await b.locator('.sp-edit').getByRole('button', { name: '保存' }).click();
    await expect.poll(() => a.locator('.sp-note').allTextContents()).toContain('乙面板看过甲的修改后再改');

    // the side-panel edit has the same limits
    await a.locator('.sp-annotation').getByRole('button', { name: '编辑' }).click();
    await a.locator('.sp-edit textarea[name="note"]').fill('长'.repeat(20_001));
    await a.locator('.sp-edit').getByRole('button', { name: '保存' }).click();
    await expect.poll(() => a.locator('.sp-edit [role=alert]').textContent()).toContain('批注内容过长：20001 字，最多 20000 字');
    await a.close();
    await b.close();
    await page.close();
  });
});

describe('network check canary', () => {
  it('an attachment link that redirects off the machine is refused without following it', async () => {
    const before = s.externalRequests.length;
    const page = await s.context.newPage();
    await page.goto(`${s.server.origin('www.zjmazhang.gov.cn')}/canary-attachment.html`, { waitUntil: 'load' });
    const overlay = await overlayOf(s, page);
    await expect.poll(() => overlay.count('.rl-attachments li'), { timeout: 15_000 }).toBe(2);
    await overlay.click('.rl-attachments li:nth-child(1) button', '分析附件');
    // the analysis fails with a message, and the redirect's target is never asked (before the fix it was:
    // this test then saw ${CANARY_ORIGIN}/documents/mazhang.pdf leave through the offscreen document)
    await expect.poll(() => overlay.count('.rl-attachments li:nth-child(1) .rl-error'), { timeout: 20_000 }).toBe(1);
    expect(s.externalRequests.slice(before).filter((u) => u.startsWith(CANARY_ORIGIN))).toEqual([]);
    await page.close();
  });

  it('catches a request the extension itself sends off the machine', async () => {
    const before = s.externalRequests.length;
    const canary = 'http://canary.invalid/rectify-lens-canary';
    await s.worker.evaluate(async (url) => {
      await fetch(url).catch(() => undefined);
    }, canary);
    await expect.poll(() => s.externalRequests.slice(before)).toContain(canary);
  });

  it('catches one from an extension page too', async () => {
    const before = s.externalRequests.length;
    const canary = 'http://canary.invalid/rectify-lens-canary-page';
    const panel = await openSidePanel(s, null);
    await panel.evaluate(async (url) => {
      await fetch(url).catch(() => undefined);
    }, canary);
    await expect.poll(() => s.externalRequests.slice(before)).toContain(canary);
    await panel.close();
  });
});
