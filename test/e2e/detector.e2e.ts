/**
 * Issue #14, the detector path in Chromium, seen from the background: only a likely notice makes the detector
 * ask for the analyzer (`load-analyzer`), and the analyzer is injected into that tab only. The same journeys
 * (presence in the tab's isolated world) run in both browsers from journeys.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { launch, openFixture, openSidePanel, overlayOf, tabIdOf, type Session } from './harness';
import { readPresence } from '../../scripts/lib/driver';

// `chrome` exists inside the extension's service worker, where the evaluate() callbacks run.
declare const chrome: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- the service worker's `chrome`, untyped in this Node file

let s: Session;
beforeAll(async () => {
  s = await launch();
  // every message the service worker receives, by type and sending tab (a listener that never answers)
  await s.worker.evaluate(() => {
    const g = globalThis as unknown as { __rlAsked: Array<{ type: string; tabId: number | null }> };
    g.__rlAsked = [];
    chrome.runtime.onMessage.addListener((msg: { type?: string }, sender: { tab?: { id?: number } }) => {
      if (typeof msg?.type === 'string') g.__rlAsked.push({ type: msg.type, tabId: sender.tab?.id ?? null });
      return false;
    });
  });
});
afterAll(async () => {
  await s?.close();
});

const askedBy = (tabId: number) =>
  s.worker.evaluate((id) => (globalThis as unknown as { __rlAsked: Array<{ type: string; tabId: number | null }> }).__rlAsked.filter((m) => m.tabId === id).map((m) => m.type), tabId);
const registeredKnownNotices = (): Promise<string[]> =>
  s.worker.evaluate(async () =>
    (await chrome.scripting.getRegisteredContentScripts()).filter((r: { id: string }) => r.id === 'rectify-lens-known-notices').flatMap((r: { matches?: string[] }) => r.matches ?? []),
  );
/** The analyzer's state in the tab (get-state), or null before it answers. */
const stateOf = (tabId: number): Promise<{ status: string; text: string | null; timings: Record<string, number> } | null> =>
  s.worker.evaluate(async (id) => {
    const reply = await chrome.tabs.sendMessage(id, { type: 'get-state' }).catch(() => null);
    return reply?.ok ? reply.data : null;
  }, tabId);
const presence = (tabId: number) =>
  s.worker.evaluate(`chrome.scripting.executeScript({ target: { tabId: ${tabId} }, func: ${readPresence.toString()} }).then((r) => r[0]?.result)`) as Promise<ReturnType<typeof readPresence>>;

describe('detector → background → analyzer', () => {
  it('an ordinary gov page sends the background nothing at all', async () => {
    const page = await openFixture(s, 'news-gov.html');
    const tabId = await tabIdOf(s, page);
    await expect.poll(async () => (await presence(tabId)).detector?.checks ?? 0).toBeGreaterThan(0);
    await page.waitForTimeout(1500);
    expect(await askedBy(tabId)).toEqual([]);
    expect(await presence(tabId)).toMatchObject({ analyzer: false, detector: { asked: false, result: { isNotice: false } } });
    await page.close();
  });

  it('the detector works only after the page has loaded: nothing of it delays the load event', async () => {
    for (const file of ['news-gov.html', 'mazhang-town.html']) {
      const page = await openFixture(s, file);
      const tabId = await tabIdOf(s, page);
      await expect.poll(async () => (await presence(tabId)).detector?.checks ?? 0).toBeGreaterThan(0);
      const loadEventEnd = await page.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventEnd);
      expect(loadEventEnd).toBeGreaterThan(0);
      // performance.now() of the isolated world runs on the page's clock
      expect((await presence(tabId)).detector?.startedAt).toBeGreaterThanOrEqual(loadEventEnd);
      await page.close();
    }
  });

  it('a notice asks once for the analyzer, which then saves the notice', async () => {
    const page = await openFixture(s, 'huashan-town.html');
    const tabId = await tabIdOf(s, page);
    await (await overlayOf(s, page)).waitFor('.rl-title', 20_000);
    await expect.poll(() => askedBy(tabId)).toEqual(expect.arrayContaining(['load-analyzer', 'parse-page', 'save-parsed']));
    expect((await askedBy(tabId)).filter((t) => t === 'load-analyzer')).toHaveLength(1);
    // the background kept the text and the model it parsed: the page does not send them back
    expect(await askedBy(tabId)).not.toContain('save-notice');
    expect(await presence(tabId)).toMatchObject({ analyzer: true, detector: { asked: true } });
    await page.close();
  });

  it('a notice in the library gets the analyzer as it loads, without asking the background for it', async () => {
    // huashan-town.html was saved by the visit above
    await expect.poll(async () => (await registeredKnownNotices()).some((m) => m.endsWith('/huashan-town.html')), { timeout: 10_000 }).toBe(true);
    const page = await openFixture(s, 'huashan-town.html');
    const tabId = await tabIdOf(s, page);
    await (await overlayOf(s, page)).waitFor('.rl-title', 20_000);
    // the analysis remembered for the text last seen there, looked up as the page loads: no parse-page round trip
    await expect.poll(() => askedBy(tabId)).toEqual(expect.arrayContaining(['remembered-parse', 'save-parsed']));
    expect(await askedBy(tabId)).not.toContain('load-analyzer');
    expect(await askedBy(tabId)).not.toContain('parse-page');
    expect(await presence(tabId)).toMatchObject({ analyzer: true, knownNotice: true, detector: null });
    expect(await stateOf(tabId)).toMatchObject({ status: 'ready', timings: { remembered: 1 } });
    await page.close();
  });

  it('a library notice\'s page whose text changed is parsed afresh', async () => {
    const page = await s.context.newPage();
    const url = s.server.urlFor('huashan-town.html');
    const changed = readFileSync(new URL('../fixtures/sites/huashan-changed.html', import.meta.url), 'utf8');
    await page.route(url, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: changed }));
    await page.goto(url, { waitUntil: 'load' });
    const tabId = await tabIdOf(s, page);
    await (await overlayOf(s, page)).waitFor('.rl-title', 20_000);
    await expect.poll(() => askedBy(tabId)).toEqual(expect.arrayContaining(['remembered-parse', 'parse-page', 'save-parsed']));
    await expect.poll(() => stateOf(tabId), { timeout: 20_000 }).toMatchObject({ status: 'ready', timings: { remembered: 0 } });
    expect((await stateOf(tabId))?.text).toContain('经镇党委会议研究，相关整改措施已于2025年5月审议通过');
    await page.close();
  });

  it('deleting the notice from the library takes its page off the registration', async () => {
    const panel = await openSidePanel(s, null);
    await panel.locator('[data-view="library"]').click();
    const entry = panel.locator('.sp-org', { has: panel.locator('h3', { hasText: '花山镇' }) });
    // every version: the first visit's and the changed page's (above); wait for the list to show them, or the
    // loop below reads a count of 0 and deletes nothing
    const versions = entry.locator('[data-action="delete-version"]');
    await expect.poll(() => versions.count()).toBe(2);
    for (let left = await versions.count(); left > 0; left--) {
      await versions.first().click();
      await entry.locator('[data-action="confirm-delete-version"]').first().click();
      await expect.poll(() => versions.count()).toBe(left - 1);
    }
    await expect.poll(async () => (await registeredKnownNotices()).some((m) => m.includes('/huashan-town.html')), { timeout: 10_000 }).toBe(false);
    await panel.close();
  });

  it('an unchanged notice visited again is shown from its remembered analysis, without parsing', async () => {
    const page = await openFixture(s, 'hongmei-town.html');
    const tabId = await tabIdOf(s, page);
    const timings = () =>
      s.worker.evaluate(async (id) => {
        const reply = await chrome.tabs.sendMessage(id, { type: 'get-state' });
        return reply?.ok && reply.data.status === 'ready' && reply.data.noticeKey ? (reply.data.timings as Record<string, number>) : null;
      }, tabId);
    await expect.poll(timings, { timeout: 20_000 }).toMatchObject({ remembered: 0 });
    const marks = await page.locator('mark.rl-mark').count();
    await page.reload();
    await expect.poll(timings, { timeout: 20_000 }).toMatchObject({ remembered: 1 });
    await (await overlayOf(s, page)).waitFor('.rl-title', 20_000);
    await expect.poll(() => page.locator('mark.rl-mark').count()).toBe(marks);
    await page.close();
  });

  it('the detector stays small: under 20 KB and far below the analyzer; its loader under 2 KB', async () => {
    const sizes = await s.worker.evaluate(async () => {
      const size = async (p: string) => (await (await fetch(chrome.runtime.getURL(p))).arrayBuffer()).byteLength;
      return { loader: await size('/detector-loader.js'), detector: await size('/detector.js'), analyzer: await size('/analyzer.js') };
    });
    expect(sizes.loader).toBeLessThan(2 * 1024);
    expect(sizes.detector).toBeLessThan(20 * 1024);
    expect(sizes.analyzer).toBeGreaterThan(sizes.detector * 10);
  });

  it('gov pages get one declared script, the loader, at document_start: no task of its own before the page\'s load', async () => {
    const declared = await s.worker.evaluate(() => chrome.runtime.getManifest().content_scripts);
    expect(declared).toEqual([{ matches: ['*://*.gov.cn/*'], js: ['detector-loader.js'], run_at: 'document_start' }]);
  });

  it('a gov page cannot probe for the extension: the detector is web-accessible only at its per-session address', async () => {
    const page = await openFixture(s, 'news-gov.html');
    const tabId = await tabIdOf(s, page);
    await expect.poll(async () => (await presence(tabId)).detector?.checks ?? 0).toBeGreaterThan(0);
    // the address the loader imported the detector from, as its isolated world sees it
    const dynamicUrl = (await s.worker.evaluate(`chrome.scripting.executeScript({ target: { tabId: ${tabId} }, func: () => chrome.runtime.getURL('/detector.js') }).then((r) => r[0]?.result)`)) as string;
    const fixedUrl = `chrome-extension://${s.extensionId}/detector.js`;
    expect(dynamicUrl).not.toBe(fixedUrl);
    const load = (url: string) => page.evaluate((u) => fetch(u).then((r) => (r.ok ? 'loaded' : `status ${r.status}`), () => 'refused'), url);
    expect(await load(fixedUrl)).toBe('refused');
    expect(await load(dynamicUrl)).toBe('loaded');
    await page.close();
  });
});
