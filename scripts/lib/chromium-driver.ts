/** The journeys' Driver for Chromium: playwright-core on top of harness.ts (which launches the browser). */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import type { Download, Driver, Tab } from './driver';
import { launch, openFixture, openSidePanel, tabIdOf, type Session } from './browser';

// `chrome` exists inside the extension's service worker, where the evaluate() callbacks run.
declare const chrome: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- the service worker's `chrome`, untyped in this Node file

class ChromiumTab implements Tab {
  constructor(readonly page: Page) {}
  waitFor(selector: string, timeoutMs = 20_000) {
    return this.page.locator(selector).first().waitFor({ state: 'attached', timeout: timeoutMs });
  }
  count(selector: string) {
    return this.page.locator(selector).count();
  }
  texts(selector: string) {
    return this.page.locator(selector).allTextContents();
  }
  click(selector: string) {
    return this.page.locator(selector).first().click();
  }
  clickText(selector: string, text: string) {
    return this.page.locator(selector, { hasText: text }).first().click();
  }
  fill(selector: string, value: string) {
    return this.page.locator(selector).first().fill(value);
  }
  evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R> {
    return this.page.evaluate(fn as never, arg) as Promise<R>;
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
    overlay: (selector) => `rectify-lens-overlay ${selector}`, // Playwright's CSS pierces open shadow roots
    openFixture: async (file) => new ChromiumTab(await openFixture(s, file)),
    async openPanel(page) {
      const tabId = page ? await tabIdOf(s, (page as ChromiumTab).page) : null;
      return new ChromiumTab(await openSidePanel(s, tabId));
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
    close: () => s.close(),
  };
}
