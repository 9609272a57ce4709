/**
 * Firefox ESR, headless, with the built firefox-mv2 extension: the shared user journeys (journeys.ts) and
 * the paths only Firefox has — the toolbar button toggling the sidebar, "在侧边栏中打开", and the optional
 * host permission asked for from the 分析此页 click (granted and denied).
 */
import { describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { EXTENSION_UUID, firefoxDriver, type FirefoxTab } from '../../scripts/lib/firefox-driver';
import { definePrivacyCheck, defineJourneys, waitForOverlay } from './journeys';
import { CANARY_ORIGIN } from '../../scripts/lib/fixture-server';

const driver = defineJourneys('Firefox', () => firefoxDriver());
const SCREENSHOTS = resolve(import.meta.dirname, '../../test-results');

describe('Firefox: toolbar badge', () => {
  it('shows the number of overdue items on a notice tab (MV2 browserAction), none on other pages', async () => {
    const d = driver();
    const notice = await d.openFixture('huashan-town-2026.html');
    await waitForOverlay(d, notice);
    const noticeTab = await d.tabIdOf(notice);
    const other = await d.openFixture('news-gov.html');
    const otherTab = await d.tabIdOf(other);
    const ext = await d.openExtensionPage('/sidepanel.html', '#app > *');
    const badge = (tabId: number) =>
      ext.evaluate((id) => (globalThis as any).browser.browserAction.getBadgeText({ tabId: id }) as Promise<string>, tabId); // eslint-disable-line @typescript-eslint/no-explicit-any -- the extension's untyped globals, evaluated in the browser
    const title = (tabId: number) =>
      ext.evaluate((id) => (globalThis as any).browser.browserAction.getTitle({ tabId: id }) as Promise<string>, tabId); // eslint-disable-line @typescript-eslint/no-explicit-any -- the extension's untyped globals, evaluated in the browser
    // FIXED_TODAY 2026-11-23: two promises of the 2026-03-20 notice have passed, both still in progress
    await expect.poll(() => badge(noticeTab), { timeout: 10_000 }).toBe('2');
    expect(await title(noticeTab)).toMatch(/^本通报有2项整改承诺已逾期：“问题合同台账更新不及时”（逾期207天）/);
    expect(await badge(otherTab)).toBe('');
    await ext.close();
    await other.close();
    await notice.close();
  });
});

describe('Firefox: toolbar button and sidebar', () => {
  it('the toolbar button toggles the extension sidebar', async () => {
    const d = driver();
    const page = await d.openFixture('mazhang-town.html');
    expect(await d.sidebar()).toMatchObject({ open: false });
    await d.pressToolbarButton();
    await expect.poll(() => d.sidebar()).toEqual({ open: true, extension: true });
    await d.pressToolbarButton();
    await expect.poll(() => d.sidebar()).toMatchObject({ open: false });
    await page.close();
  });

  it('"在侧边栏中打开" in the overlay opens the panel bound to the page, showing its items', async () => {
    const d = driver();
    const page = await d.openFixture('mazhang-town.html');
    await waitForOverlay(d, page);
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot(resolve(SCREENSHOTS, 'firefox-overlay.png'));
    const tabId = await d.tabIdOf(page);
    const before = new Set(await d.browser.pages());
    await page.clickText(d.overlay('.rl-link'), '在侧边栏中打开');
    // Firefox refuses sidebarAction.open() for a click relayed from the page: the panel opens in a window of its own.
    await expect.poll(() => d.chromeEval(`[...Services.wm.getEnumerator('navigator:browser')].map((w) => w.gBrowser.currentURI.spec)`))
      .toContain(`moz-extension://${EXTENSION_UUID}/sidepanel.html?tabId=${tabId}`);
    const panel = (await d.browser.pages()).find((p) => !before.has(p))!;
    await panel.waitForSelector('.sp-meta h2', { timeout: 20_000 });
    expect(await panel.$eval('.sp-meta h2', (e) => e.textContent)).toContain('麻章镇');
    expect((await panel.$$('.sp-item')).length).toBeGreaterThan(5);
    await panel.setViewport({ width: 440, height: 820 });
    await panel.screenshot({ path: resolve(SCREENSHOTS, 'firefox-panel.png') });
    await panel.close();
    await page.close();
  });

  it('"在侧边栏中打开" with the sidebar already open opens no extra window', async () => {
    const d = driver();
    const page = await d.openFixture('mazhang-town.html');
    await waitForOverlay(d, page);
    await d.pressToolbarButton();
    await expect.poll(() => d.sidebar()).toEqual({ open: true, extension: true });
    const windows = `[...Services.wm.getEnumerator('navigator:browser')].length`;
    const before = await d.chromeEval<number>(windows);
    await page.clickText(d.overlay('.rl-link'), '在侧边栏中打开');
    await new Promise((r) => setTimeout(r, 1000));
    expect(await d.chromeEval<number>(windows)).toBe(before);
    expect(await d.sidebar()).toEqual({ open: true, extension: true });
    await d.pressToolbarButton();
    await page.close();
  });
});

describe('Firefox: the page context menu', () => {
  it('right-click → 分析此页（整改通报） analyzes a page outside *.gov.cn (no permission prompt needed)', async () => {
    const d = driver();
    const page = await d.openFixture('non-gov.html');
    expect(await d.openPageContextMenu(page)).toEqual(['分析此页（整改通报）']);
    await d.chooseContextMenuItem('分析此页（整改通报）');
    await page.waitFor(d.overlay('.rl-title'), 15_000);
    await page.close();
  });
});

describe('Firefox: 分析此页 asks for the site from the click', () => {
  it('denied: the prompt is answered "don\'t allow" → a clear message, nothing injected', async () => {
    const d = driver();
    const page = await d.openFixture('non-gov.html');
    // The user opens the sidebar from the toolbar on this tab: that click lets the extension see the tab's address.
    await (page as FirefoxTab).page.bringToFront();
    await d.pressToolbarButton();
    const panel = await d.openPanel(page);
    await panel.waitFor('.sp-empty button');
    await d.denyNextPermissionPrompt();
    await new Promise((r) => setTimeout(r, 300)); // the tab's address is read when the panel opens
    await panel.clickText('button', '分析此页');
    await expect.poll(() => panel.texts('.sp-error')).toEqual([expect.stringMatching(/权限/)]);
    expect(await d.deniedPrompts()).toBe(1);
    expect(await page.count('rectify-lens-overlay')).toBe(0);
    await d.pressToolbarButton(); // close the sidebar again
    await panel.close();
    await page.close();
  });

  it('granted: the page is analyzed and its overlay shown', async () => {
    const d = driver();
    await d.grantSite('*://www.example.com/*');
    const page = await d.openFixture('non-gov.html');
    const panel = await d.openPanel(page);
    await panel.waitFor('.sp-empty button');
    await new Promise((r) => setTimeout(r, 300));
    await panel.clickText('button', '分析此页');
    await page.waitFor(d.overlay('.rl-title'), 15_000);
    await expect.poll(() => panel.count('.sp-meta h2')).toBe(1);
    expect(await panel.count('.sp-error')).toBe(0);
    await panel.close();
    await page.close();
  });
});

describe('Firefox: keyboard in the overlay (real key presses over BiDi)', () => {
  it('docked at 1600 px, a labelled tab at 1000 px; Alt+Shift+R opens it and focuses the findings, arrows move, Esc collapses and gives focus back', async () => {
    const d = driver();
    const page = await d.openFixture('hongmei-town.html');
    const keys = (page as FirefoxTab).page.keyboard;
    // wide: docked beside the text; narrow: the tab (the Chromium suite measures both against the text itself)
    await page.setSize(1600, 900);
    await expect.poll(() => page.count(d.overlay('aside.rl-docked'))).toBe(1);
    await page.setSize(1000, 900);
    await page.waitFor(d.overlay('aside.rl-tab .rl-tab-toggle'));
    expect((await page.texts(d.overlay('.rl-tab-toggle')))[0]).toMatch(/整改通报.*展开/);
    await (page as FirefoxTab).page.focus('.nav a');
    const pageFocus = () => page.evaluate(() => `${document.activeElement?.localName}:${document.activeElement?.textContent?.trim() ?? ''}`, null);
    const before = await pageFocus();
    expect(before).toMatch(/^a:/);
    await keys.down('Alt');
    await keys.down('Shift');
    await keys.press('KeyR');
    await keys.up('Shift');
    await keys.up('Alt');
    await expect.poll(() => pageFocus()).toMatch(/^rectify-lens-overlay:/);
    await page.waitFor(d.overlay('aside.rl-floating'));
    const options = await page.texts(d.overlay('ul.rl-findings[role="listbox"] > [role="option"]'));
    expect(options.length).toBeGreaterThan(1);
    const selected = async () => (await page.texts(d.overlay('ul.rl-findings[role="listbox"] > [aria-selected="true"]')))[0];
    expect(await selected()).toBe(options[0]);
    await keys.press('ArrowDown');
    await expect.poll(() => selected()).toBe(options[1]);
    await keys.press('End');
    await expect.poll(() => selected()).toBe(options[options.length - 1]);
    await keys.press('Escape');
    await page.waitFor(d.overlay('aside.rl-tab'));
    await expect.poll(() => pageFocus()).toBe(before);
    await page.close();
  });
});

describe('Firefox: network check canary', () => {
  it('an attachment link that redirects off the machine is refused without following it', async () => {
    const d = driver();
    const before = d.externalRequests.length;
    const page = await d.openUrl(`${d.server.origin('www.zjmazhang.gov.cn')}/canary-attachment.html`);
    await expect.poll(() => page.count(d.overlay('.rl-attachments li')), { timeout: 15_000 }).toBe(2);
    await page.clickText(d.overlay('.rl-attachments li:nth-child(1) button'), '分析附件');
    await expect.poll(() => page.count(d.overlay('.rl-attachments li:nth-child(1) .rl-error')), { timeout: 20_000 }).toBe(1);
    expect(d.externalRequests.slice(before).filter((u) => u.startsWith(CANARY_ORIGIN))).toEqual([]);
    await page.close();
  });

  it('catches a request an extension page sends off the machine', async () => {
    const d = driver();
    const before = d.externalRequests.length;
    const canary = `${CANARY_ORIGIN}/rectify-lens-canary-page`;
    const panel = await d.openPanel(null);
    await panel.evaluate(async (url) => {
      await fetch(url).catch(() => undefined);
    }, canary);
    await expect.poll(() => d.externalRequests.slice(before), { timeout: 20_000 }).toContain(canary);
    // the canary's own request is taken out again: the privacy check below is about everything else
    d.externalRequests.splice(before);
    await panel.close();
  });
});

definePrivacyCheck('Firefox', driver);
