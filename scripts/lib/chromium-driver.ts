/** The journeys' Driver for Chromium: playwright-core on top of harness.ts (which launches the browser). */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { overlaySelector, readPresence, routeOverlay, type Download, type Driver, type ExtensionPresence, type Tab } from './driver';
import { launch, openFixture, openSidePanel, overlayOf, tabIdOf, type Session } from './browser';
import type { OverlayProbe } from './overlay-probe';

// `chrome` exists inside the extension's service worker, where the evaluate() callbacks run.
declare const chrome: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- the extension's untyped globals, evaluated in the browser

class ChromiumTab implements Tab {
  private overlay: Promise<OverlayProbe> | null = null;
  constructor(readonly page: Page, private readonly session: Session) {}
  private probe = () => (this.overlay ??= overlayOf(this.session, this.page));
  async waitFor(selector: string, timeoutMs = 20_000) {
    await routeOverlay(selector, this.probe, (o, css) => o.waitFor(css, timeoutMs), () => this.page.locator(selector).first().waitFor({ state: 'attached', timeout: timeoutMs }));
  }
  count(selector: string) {
    return routeOverlay(selector, this.probe, (o, css) => o.count(css), () => this.page.locator(selector).count());
  }
  texts(selector: string) {
    return routeOverlay(selector, this.probe, (o, css) => o.texts(css), () => this.page.locator(selector).allTextContents());
  }
  click(selector: string) {
    return routeOverlay(selector, this.probe, (o, css) => o.click(css), () => this.page.locator(selector).first().click());
  }
  clickText(selector: string, text: string) {
    return routeOverlay(selector, this.probe, (o, css) => o.click(css, text), () => this.page.locator(selector, { hasText: text }).first().click());
  }
  fill(selector: string, value: string) {
    return routeOverlay(selector, this.probe, (o, css) => o.fill(css, value), () => this.page.locator(selector).first().fill(value));
  }
  evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R> {
    return this.page.evaluate(fn as never, arg) as Promise<R>;
  }
  async presence(): Promise<ExtensionPresence> {
    const tabId = await tabIdOf(this.session, this.page);
    return this.session.worker.evaluate(
      `chrome.scripting.executeScript({ target: { tabId: ${tabId} }, world: 'ISOLATED', func: ${readPresence.toString()} }).then((r) => r[0]?.result)`,
    ) as Promise<ExtensionPresence>;
  }
  async reload() {
    await this.page.reload();
  }
  setSize(width: number, height: number) {
    return this.page.setViewportSize({ width, height });
  }
  async screenshot(path: string) {
    await this.page.screenshot({ path });
  }
  close() {
    return this.page.close();
  }
}

export async function chromiumDriver(opts: { today?: string; headless?: boolean } = {}): Promise<Driver & { session: Session }> {
  const s = await launch(opts);
  return {
    name: 'chromium',
    session: s,
    externalRequests: s.externalRequests,
    overlay: overlaySelector, // the shadow root is closed: ChromiumTab reaches in through overlayOf
    openFixture: async (file, opts) => new ChromiumTab(await openFixture(s, file, opts), s),
    async openPanel(page) {
      const tabId = page ? await tabIdOf(s, (page as ChromiumTab).page) : null;
      return new ChromiumTab(await openSidePanel(s, tabId), s);
    },
    async download(panel, selector): Promise<Download> {
      const page = (panel as ChromiumTab).page;
      const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 15_000 }), page.locator(selector).first().click()]);
      return { name: dl.suggestedFilename(), bytes: readFileSync((await dl.path())!) };
    },
    contextMenuItemExists: (id) =>
      s.worker.evaluate((menuId) => new Promise<boolean>((resolve) => {
        chrome.contextMenus.update(menuId, {}, () => resolve(!chrome.runtime.lastError));
      }), id),
    registeredKnownNotices: () =>
      s.worker.evaluate(async () =>
        (await chrome.scripting.getRegisteredContentScripts()).filter((r: { id: string }) => r.id === 'rectify-lens-known-notices').flatMap((r: { matches?: string[] }) => r.matches ?? []),
      ),
    async openStoredCopy(hash) {
      const page = await s.context.newPage();
      await page.goto(`chrome-extension://${s.extensionId}/stored.html?hash=${hash}`);
      await page.locator('.st-text').waitFor({ timeout: 15_000 });
      return new ChromiumTab(page, s);
    },
    sitesOffline: () => s.server.close(),
    close: () => s.close(),
  };
}
