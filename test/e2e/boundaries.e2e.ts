/**
 * Page and extension boundaries in real Chromium: the content script's hard limit on huge pages, and a
 * canary proving the "no request leaves the machine" check sees requests the extension itself makes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, openFixture, openSidePanel, OVERLAY_HOST, overlayOf, tabIdOf, type Session } from './harness';


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

describe('network check canary', () => {
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
