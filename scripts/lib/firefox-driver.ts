/**
 * Firefox ESR harness and the journeys' Driver for it: puppeteer-core over WebDriver BiDi launches the Debian
 * binary headless, installs the BUILT extension (.output/firefox-mv2) as a temporary add-on, serves the
 * fixture sites on 127.0.0.1 (host names mapped with network.dns.localDomains) and records every request that
 * tries to leave the machine. MOZ_REMOTE_ALLOW_SYSTEM_ACCESS lets it open moz-extension:// pages and run
 * script in the browser window itself (`chromeEval`), which is how tests press the toolbar button, answer the
 * permission prompt and read the sidebar's state. It builds nothing: `npm run build:firefox` first.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { fixtureUrl, startFixtureServer, type FixtureServer } from './fixture-server';
import { isLocalUrl, overlaySelector, readPresence, routeOverlay, type Download, type Driver, type ExtensionPresence, type Tab } from './driver';
import { OverlayProbe, overlayProbe } from './overlay-probe';
import { startRecordingProxy } from './recording-proxy';

export const FIREFOX_EXTENSION_DIR = resolve(import.meta.dirname, '../..', process.env.WXT_OUT_DIR ?? '.output', 'firefox-mv2');
export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
/** The moz-extension:// host, fixed through the extensions.webextensions.uuids pref. */
export const EXTENSION_UUID = '7d3f4c2a-1b5e-4c8d-9a6f-2e0b1c3d4e5f';
const FIXED_TODAY = '2026-11-23';

export function assertFirefoxBuilt(): void {
  if (!existsSync(join(FIREFOX_EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`Built extension not found in ${FIREFOX_EXTENSION_DIR}: run \`npm run build:firefox\` first.`);
  }
  if (!existsSync(FIREFOX_PATH)) {
    throw new Error(`Firefox not found at ${FIREFOX_PATH}: run \`npm run setup:browsers\` (or set FIREFOX_PATH).`);
  }
}

/** Firefox's own services (updates, remote settings, telemetry): refused by the proxy too, filed apart. */
function isMozillaOwn(url: string): boolean {
  try {
    return /(^|\.)(mozilla\.(com|org|net)|firefox\.com|mozaws\.net)$/.test(new URL(url).hostname);
  } catch {
    return false;
  }
}

export const geckoId = (): string =>
  JSON.parse(readFileSync(join(FIREFOX_EXTENSION_DIR, 'manifest.json'), 'utf8')).browser_specific_settings.gecko.id;

export class FirefoxTab implements Tab {
  private overlay: Promise<OverlayProbe> | null = null;
  /**
   * `probeFor` reaches into the overlay's closed shadow root (pages of the extension itself have none);
   * `inWorld` runs a self-contained function in the tab's isolated world.
   */
  constructor(
    readonly page: Page,
    private readonly probeFor: ((tab: FirefoxTab) => Promise<OverlayProbe>) | null = null,
    private readonly inWorld: ((tab: FirefoxTab, fn: string) => Promise<unknown>) | null = null,
  ) {}
  private probe = () => {
    if (!this.probeFor) throw new Error('this tab has no overlay');
    return (this.overlay ??= this.probeFor(this));
  };
  async waitFor(selector: string, timeoutMs = 20_000) {
    await routeOverlay(selector, this.probe, (o, css) => o.waitFor(css, timeoutMs), async () => void (await this.page.waitForSelector(selector, { timeout: timeoutMs })));
  }
  async count(selector: string) {
    return routeOverlay(selector, this.probe, (o, css) => o.count(css), async () => (await this.page.$$(selector)).length);
  }
  texts(selector: string) {
    return routeOverlay(selector, this.probe, (o, css) => o.texts(css), () => this.page.$$eval(selector, (els) => els.map((e) => e.textContent ?? '')));
  }
  // A user acts in the visible tab; puppeteer's locators also wait for animation frames, which a background
  // tab does not get. So every action first brings the tab to the front.
  async click(selector: string) {
    await this.page.bringToFront();
    await routeOverlay(selector, this.probe, (o, css) => o.click(css), () => this.page.locator(selector).click());
  }
  async clickText(selector: string, text: string) {
    await this.page.bringToFront();
    await routeOverlay(selector, this.probe, (o, css) => o.click(css, text), () => this.page.locator(`${selector}::-p-text(${text})`).click());
  }
  async fill(selector: string, value: string) {
    await this.page.bringToFront();
    await routeOverlay(selector, this.probe, (o, css) => o.fill(css, value), () => this.page.locator(selector).fill(value));
  }
  evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R> {
    return this.page.evaluate(fn as never, arg) as Promise<R>;
  }
  async presence(): Promise<ExtensionPresence> {
    if (!this.inWorld) throw new Error('not a web page');
    return (await this.inWorld(this, readPresence.toString())) as ExtensionPresence;
  }
  async reload() {
    await this.page.reload({ waitUntil: 'load' });
  }
  setSize(width: number, height: number) {
    return this.page.setViewport({ width, height });
  }
  async screenshot(path: string) {
    await this.page.screenshot({ path });
  }
  close() {
    return this.page.close();
  }
}

export interface FirefoxDriver extends Driver {
  browser: Browser;
  server: FixtureServer;
  /** Runs `expression` (awaited) in the browser window's chrome scope; returns its JSON-serializable value. */
  chromeEval<T = unknown>(expression: string): Promise<T>;
  /** Opens an extension page (moz-extension:// pages fire no load event over BiDi: wait for `readySelector`). */
  openExtensionPage(path: string, readySelector: string): Promise<FirefoxTab>;
  tabIdOf(tab: Tab): Promise<number>;
  /** Opens any URL (e.g. a generated fixture page not in the manifest) as a tab whose overlay can be probed. */
  openUrl(url: string): Promise<FirefoxTab>;
  /** Firefox's own service traffic the recording proxy refused (not the extension's). */
  browserRequests: string[];
  /** The sidebar's state in the browser window. */
  sidebar(): Promise<{ open: boolean; extension: boolean }>;
  /** What a click on the toolbar button does (the same path as the button and its shortcut). */
  pressToolbarButton(): Promise<void>;
  /** Right-clicks the page and returns the labels of the extension's items in the context menu Firefox shows. */
  openPageContextMenu(tab: Tab): Promise<string[]>;
  /** Chooses the item labelled `label` in the open page context menu. */
  chooseContextMenuItem(label: string): Promise<void>;
  /** Grants the optional host permission for `origin` as if the user had accepted it earlier. */
  grantSite(origin: string): Promise<void>;
  /** Answers the next optional-permission prompt "don't allow" (as the user clicking it would). */
  denyNextPermissionPrompt(): Promise<void>;
  /** How many prompts were answered that way. */
  deniedPrompts(): Promise<number>;
}

function launchFirefox(id: string, server: FixtureServer, downloads: string, headless: boolean, proxyPort: number): Promise<Browser> {
  return puppeteer.launch({
    browser: 'firefox',
    protocol: 'webDriverBiDi',
    executablePath: FIREFOX_PATH,
    headless,
    defaultViewport: { width: 1280, height: 900 },
    env: { ...process.env, MOZ_REMOTE_ALLOW_SYSTEM_ACCESS: '1', LANGUAGE: 'zh_CN', LANG: 'zh_CN.UTF-8', LC_ALL: 'C.UTF-8' },
    extraPrefsFirefox: {
      'network.dns.localDomains': [...new Set(server.manifest.map((m) => m.host))].join(','),
      'extensions.webextensions.uuids': JSON.stringify({ [id]: EXTENSION_UUID }),
      'intl.locale.requested': 'zh-CN',
      'browser.download.folderList': 2,
      'browser.download.dir': downloads,
      'browser.download.useDownloadDir': true,
      'browser.download.always_ask_before_handling_new_types': false,
      'browser.download.start_downloads_in_tmp_dir': false,
      // every request of every context (the background page too) goes through the recording proxy
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': proxyPort,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': proxyPort,
      'network.proxy.no_proxies_on': '',
      'network.proxy.allow_hijacking_localhost': true,
    },
  });
}

export async function firefoxDriver(opts: { today?: string; headless?: boolean } = {}): Promise<FirefoxDriver> {
  assertFirefoxBuilt();
  const id = geckoId();
  const widgetId = id.toLowerCase().replace(/[^a-z0-9_-]/g, '_'); // Firefox's makeWidgetId
  const server = await startFixtureServer();
  const downloads = mkdtempSync(join(tmpdir(), 'rectify-lens-ff-downloads-'));
  const externalRequests: string[] = [];
  const browserRequests: string[] = [];
  const proxy = await startRecordingProxy(server.port, isLocalUrl, (url) => (isMozillaOwn(url) ? browserRequests : externalRequests).push(url));
  const browser = await launchFirefox(id, server, downloads, opts.headless ?? true, proxy.port).catch(async (err: unknown) => {
    await proxy.close();
    await server.close();
    rmSync(downloads, { recursive: true, force: true });
    throw err;
  });
  const watch = (page: Page) => page.on('request', (req) => {
    if (!isLocalUrl(req.url())) externalRequests.push(req.url());
  });
  for (const page of await browser.pages()) watch(page);
  browser.on('targetcreated', (target) => void target.page().then((p) => p && watch(p), () => undefined));
  await browser.installExtension(FIREFOX_EXTENSION_DIR);

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- runs inside Firefox's privileged window scope, which has no types here
  const connection = (browser as any).connection as { send(method: string, params: object): Promise<{ result: any }> };
  const { result: tree } = await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome' });
  const chromeContext: string = tree.contexts.find((c: { url: string }) => c.url === 'chrome://browser/content/browser.xhtml').context;
  async function chromeEval<T>(expression: string): Promise<T> {
    const { result } = await connection.send('script.evaluate', {
      expression: `(async () => JSON.stringify(await (${expression})))()`,
      target: { context: chromeContext },
      awaitPromise: true,
    });
    if (result.type === 'exception') throw new Error(`chrome scope: ${result.exceptionDetails.text}`);
    const json = result.result.value as string | undefined;
    return (json === undefined ? undefined : JSON.parse(json)) as T;
  }
  const extensionApis = `(() => {
    const { ExtensionParent } = ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs');
    return { global: ExtensionParent.apiManager.global, extension: WebExtensionPolicy.getByID(${JSON.stringify(id)}).extension };
  })()`;

  async function openExtensionPage(path: string, readySelector: string): Promise<FirefoxTab> {
    const page = await browser.newPage();
    page.goto(`moz-extension://${EXTENSION_UUID}${path}`).catch(() => undefined); // no load event: see above
    // Polled rather than waitForSelector: a query racing the navigation can fail with a protocol error.
    const deadline = Date.now() + 20_000;
    while (!(await page.$(readySelector).catch(() => null))) {
      if (Date.now() > deadline) throw new Error(`${path}: ${readySelector} did not appear`);
      await new Promise((r) => setTimeout(r, 100));
    }
    return new FirefoxTab(page);
  }
  async function tabIdOf(tab: Tab): Promise<number> {
    const url = (tab as FirefoxTab).page.url();
    const tabId = await chromeEval<number | null>(`(() => {
      const { global } = ${extensionApis};
      const tabs = [...Services.wm.getEnumerator('navigator:browser')].flatMap((w) => [...w.gBrowser.tabs]);
      const tab = tabs.reverse().find((t) => t.linkedBrowser.currentURI.spec === ${JSON.stringify(url)});
      return tab ? global.tabTracker.getId(tab) : null;
    })()`);
    if (tabId == null) throw new Error(`no tab for ${url}`);
    return tabId;
  }
  const inExtension = async <R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R> => {
    const page = await openExtensionPage('/sidepanel.html', '#app > *');
    try {
      return await page.evaluate(fn, arg);
    } finally {
      await page.close();
    }
  };

  await inExtension((today) => (globalThis as any).browser.storage.local.set({ 'debug:today': today }), opts.today ?? FIXED_TODAY); // eslint-disable-line @typescript-eslint/no-explicit-any -- the extension's untyped globals, evaluated in the browser

  // The overlay's shadow root is closed: tests reach in from an extension page with scripting.executeScript,
  // whose content-script world has the host's openOrClosedShadowRoot property. One such page serves every tab.
  let prober: Promise<FirefoxTab> | null = null;
  const probeFor = async (tab: FirefoxTab): Promise<OverlayProbe> => {
    const tabId = await tabIdOf(tab);
    prober ??= openExtensionPage('/options.html', 'body > *');
    const page = (await prober).page;
    return new OverlayProbe((selector, op, arg = null, text = null) =>
      page.evaluate(
        `browser.scripting.executeScript({ target: { tabId: ${tabId} }, func: ${overlayProbe.toString()}, args: ${JSON.stringify([selector, op, arg, text])} }).then((r) => r[0]?.result)`,
      ),
    );
  };

  const inWorld = async (tab: FirefoxTab, fn: string): Promise<unknown> => {
    const tabId = await tabIdOf(tab);
    prober ??= openExtensionPage('/options.html', 'body > *');
    return (await prober).page.evaluate(`browser.scripting.executeScript({ target: { tabId: ${tabId} }, func: ${fn} }).then((r) => r[0]?.result)`);
  };

  async function openUrl(url: string): Promise<FirefoxTab> {
    const page = await browser.newPage();
    await page.goto(url, { waitUntil: 'load' });
    return new FirefoxTab(page, probeFor, inWorld);
  }

  return {
    name: 'firefox',
    browser,
    server,
    externalRequests,
    browserRequests,
    chromeEval,
    openExtensionPage,
    tabIdOf,
    overlay: overlaySelector, // the shadow root is closed: FirefoxTab reaches in through probeFor
    openFixture: (file, opts) => openUrl(fixtureUrl(server, file, opts)),
    openStoredCopy: (hash) => openExtensionPage(`/stored.html?hash=${hash}`, '.st-text'),
    sitesOffline: () => server.close(),
    openUrl,
    async openPanel(page) {
      const query = page ? `?tabId=${await tabIdOf(page)}` : '';
      return openExtensionPage(`/sidepanel.html${query}`, '[data-view="library"]');
    },
    async download(panel, selector): Promise<Download> {
      const before = new Set(readdirSync(downloads));
      await panel.click(selector);
      const deadline = Date.now() + 15_000;
      // Firefox may write under a temporary name and rename it: a download counts once one new, non-empty file
      // and no .part file have been there for two looks in a row (a file gone between two calls is skipped)
      let candidate: string | undefined;
      while (Date.now() < deadline) {
        const files = readdirSync(downloads);
        const fresh = files.filter((f) => !before.has(f) && !f.endsWith('.part') && (statSync(join(downloads, f), { throwIfNoEntry: false })?.size ?? 0) > 0);
        const done = fresh.length === 1 && !files.some((f) => f.endsWith('.part')) ? fresh[0] : undefined;
        if (done && done === candidate && existsSync(join(downloads, done))) return { name: done, bytes: readFileSync(join(downloads, done)) };
        candidate = done;
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error(`no download after clicking ${selector}`);
    },
    contextMenuItemExists: (menuId) =>
      inExtension((m) => (globalThis as any).browser.contextMenus.update(m, {}).then(() => true, () => false), menuId), // eslint-disable-line @typescript-eslint/no-explicit-any -- the extension's untyped globals, evaluated in the browser
    registeredKnownNotices: () =>
      inExtension(
        async () =>
          ((await (globalThis as any).browser.scripting.getRegisteredContentScripts()) as Array<{ id: string; matches?: string[] }>) // eslint-disable-line @typescript-eslint/no-explicit-any -- the extension's untyped globals, evaluated in the browser
            .filter((r) => r.id === 'rectify-lens-known-notices')
            .flatMap((r) => r.matches ?? []),
        null,
      ),
    sidebar: () => chromeEval(`({ open: SidebarController.isOpen, extension: SidebarController.currentID.endsWith('-sidebar-action') })`),
    pressToolbarButton: () => chromeEval(`(() => {
      const { global, extension } = ${extensionApis};
      global.browserActionFor(extension).triggerAction(window);
      return true;
    })()`),
    async openPageContextMenu(tab) {
      const page = (tab as FirefoxTab).page;
      await page.bringToFront();
      await page.mouse.click(400, 500, { button: 'right' });
      const menu = `document.getElementById('contentAreaContextMenu')`;
      const items = `[...${menu}.querySelectorAll('menuitem')].filter((i) => !i.hidden && i.id.startsWith(${JSON.stringify(`${widgetId}-menuitem-`)}))`;
      for (let i = 0; (await chromeEval(`${menu}.state`)) !== 'open'; i++) {
        if (i > 50) throw new Error('the page context menu did not open');
        await new Promise((r) => setTimeout(r, 100));
      }
      return chromeEval(`${items}.map((i) => i.label)`);
    },
    chooseContextMenuItem: (label) => chromeEval(`(() => {
      const menu = document.getElementById('contentAreaContextMenu');
      menu.activateItem([...menu.querySelectorAll('menuitem')].find((i) => i.label === ${JSON.stringify(label)}));
      return true;
    })()`),
    grantSite: (origin) => chromeEval(`(() => {
      const { extension } = ${extensionApis};
      const { ExtensionPermissions } = ChromeUtils.importESModule('resource://gre/modules/ExtensionPermissions.sys.mjs');
      return ExtensionPermissions.add(${JSON.stringify(id)}, { permissions: [], origins: [${JSON.stringify(origin)}] }, extension).then(() => true);
    })()`),
    denyNextPermissionPrompt: () => chromeEval(`(() => {
      const topic = 'webextension-optional-permission-prompt';
      const observer = (subject) => {
        Services.obs.removeObserver(observer, topic);
        subject.wrappedJSObject.resolve(false);
        window.rectifyLensDeniedPrompts = (window.rectifyLensDeniedPrompts ?? 0) + 1;
      };
      Services.obs.addObserver(observer, topic);
      return true;
    })()`),
    deniedPrompts: () => chromeEval(`window.rectifyLensDeniedPrompts ?? 0`),
    async close() {
      await browser.close();
      await proxy.close();
      await server.close();
      rmSync(downloads, { recursive: true, force: true });
    },
  };
}
