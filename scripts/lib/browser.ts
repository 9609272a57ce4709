/**
 * Shared by the e2e tests (test/e2e/harness.ts re-exports it), the demo and the benchmarks. Launches Debian Chromium with the BUILT extension (.output/chrome-mv3) through
 * playwright-core, serves the fixture gov sites on 127.0.0.1 and records every request that tries to
 * leave the machine (Playwright's request events, and a recording proxy that every context's traffic goes
 * through). It builds nothing itself: run `npm run build` first (npm run test:e2e does).
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { fixtureUrl, startFixtureServer, type FixtureOptions } from './fixture-server';
import { OverlayProbe, overlayProbe } from './overlay-probe';
import { startRecordingProxy } from './recording-proxy';

// `chrome` exists inside the extension's service worker, where the evaluate() callbacks run.
declare const chrome: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- the service worker's `chrome`, untyped in this Node file

export const EXTENSION_DIR = resolve(import.meta.dirname, '../..', process.env.WXT_OUT_DIR ?? '.output', 'chrome-mv3');
export const CHROME_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium';
/** Injected into the extension (via chrome.storage.local) so overdue checks are deterministic. */
export const FIXED_TODAY = '2026-11-23';

export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--lang=zh-CN',
  '--host-resolver-rules=MAP *.gov.cn 127.0.0.1, MAP *.example.com 127.0.0.1',
];

export interface Session {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  server: Awaited<ReturnType<typeof startFixtureServer>>;
  /** Requests to anything other than 127.0.0.1 / the extension itself / data: URLs. */
  externalRequests: string[];
  /** Chromium's own update/account traffic the proxy refused (not the extension's). */
  browserRequests: string[];
  consoleErrors: string[];
  close(): Promise<void>;
}

export function assertBuilt(): void {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`Built extension not found in ${EXTENSION_DIR}: run \`npm run build\` first.`);
  }
  if (!existsSync(CHROME_PATH)) {
    throw new Error(`Chromium not found at ${CHROME_PATH}: run \`npm run setup:browsers\` (or set CHROME_PATH).`);
  }
}

function isLocal(url: string): boolean {
  if (/^(chrome-extension|data|blob|about|chrome):/.test(url)) return true;
  try {
    const { hostname, port } = new URL(url);
    // *.gov.cn and *.example.com resolve to 127.0.0.1 through --host-resolver-rules; only the fixture port is served.
    return hostname === '127.0.0.1' || ((hostname.endsWith('.gov.cn') || hostname.endsWith('.example.com')) && port !== '');
  } catch {
    return false;
  }
}

/**
 * Chromium itself (component/extension updater, account check) calls Google despite
 * --disable-background-networking; the proxy refuses those too but files them apart. The extension never
 * talks to these hosts; a page or worker request to them would still show in Playwright's request events.
 */
function isBrowserOwn(url: string): boolean {
  try {
    return /(^|\.)(google\.com|googleapis\.com|gvt1\.com)$/.test(new URL(url).hostname);
  } catch {
    return false;
  }
}

export async function launch(opts: { today?: string; headless?: boolean } = {}): Promise<Session> {
  assertBuilt();
  const server = await startFixtureServer();
  const externalRequests: string[] = [];
  const browserRequests: string[] = [];
  const proxy = await startRecordingProxy(server.port, isLocal, (url) => (isBrowserOwn(url) ? browserRequests : externalRequests).push(url));
  const userDataDir = mkdtempSync(join(tmpdir(), 'rectify-lens-e2e-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROME_PATH,
    headless: opts.headless ?? true,
    // every request of every context goes through the recording proxy (loopback too: <-loopback>)
    args: [...CHROMIUM_FLAGS, `--proxy-server=http://127.0.0.1:${proxy.port}`, '--proxy-bypass-list=<-loopback>', `--disable-extensions-except=${EXTENSION_DIR}`, `--load-extension=${EXTENSION_DIR}`],
    viewport: { width: 1280, height: 900 },
    locale: 'zh-CN',
    // The extension's UI language follows the browser's (zh_CN first); on Linux it comes from the environment.
    // LC_ALL=C.UTF-8 keeps non-ASCII download file names (zh_CN.UTF-8 may not be installed as a system locale).
    env: { ...process.env, LANGUAGE: 'zh_CN', LANG: 'zh_CN.UTF-8', LC_ALL: 'C.UTF-8' },
  });
  const consoleErrors: string[] = [];
  context.on('request', (req) => {
    if (!isLocal(req.url())) externalRequests.push(req.url());
  });
  context.on('page', (page) => {
    page.on('console', (msg) => {
      if (msg.type() === 'error') consoleErrors.push(`${page.url()}: ${msg.text()}`);
    });
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  const extensionId = new URL(worker.url()).host;
  await worker.evaluate(async (today) => {
    await chrome.storage.local.set({ 'debug:today': today });
  }, opts.today ?? FIXED_TODAY);
  return {
    context,
    worker,
    extensionId,
    server,
    externalRequests,
    browserRequests,
    consoleErrors,
    async close() {
      await context.close();
      await proxy.close();
      await server.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Opens a fixture page by file name under its realistic host name. */
export async function openFixture(s: Session, file: string, opts: FixtureOptions = {}): Promise<Page> {
  const page = await s.context.newPage();
  await page.goto(fixtureUrl(s.server, file, opts), { waitUntil: 'load' });
  return page;
}

/**
 * The tab id Chromium gave `page` (found through the extension's service worker). Without a host
 * permission the extension cannot see a tab's URL, so such a page is found as the active tab.
 */
export async function tabIdOf(s: Session, page: Page): Promise<number> {
  await page.bringToFront();
  const url = page.url();
  const id = await s.worker.evaluate(async (u) => {
    const tabs: Array<{ id?: number; url?: string; active?: boolean }> = await chrome.tabs.query({});
    const byUrl = tabs.find((t) => t.url === u);
    if (byUrl) return byUrl.id ?? null;
    const [active] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    return active?.id ?? null;
  }, url);
  if (id == null) throw new Error(`no tab for ${url}`);
  return id;
}

/** Opens the side panel page as a normal tab bound to `tabId` (Playwright cannot open the real side panel). */
export async function openSidePanel(s: Session, tabId: number | null): Promise<Page> {
  const page = await s.context.newPage();
  const query = tabId == null ? '' : `?tabId=${tabId}`;
  await page.goto(`chrome-extension://${s.extensionId}/sidepanel.html${query}`);
  return page;
}

/** The element hosting the content script's overlay (its shadow root is closed: reach it with overlayOf). */
export const OVERLAY_HOST = 'rectify-lens-overlay';

/**
 * The overlay of `page`, reached as the extension reaches it: executeScript in the extension's isolated
 * world of the page's tab (see overlay-probe.ts).
 */
export async function overlayOf(s: Session, page: Page): Promise<OverlayProbe> {
  const tabId = await tabIdOf(s, page);
  return new OverlayProbe((selector, op, arg = null, text = null) =>
    s.worker.evaluate(
      `chrome.scripting.executeScript({ target: { tabId: ${tabId} }, world: 'ISOLATED', func: ${overlayProbe.toString()}, args: ${JSON.stringify([selector, op, arg, text])} }).then((r) => r[0]?.result)`,
    ),
  );
}

/** Ticks every highlight category in the overlay legend, as a reader would (numbers and dates are off by default). */
/**
 * Where the first occurrence of `text` in the page is: `visible` when it lies within the viewport,
 * `at <top px>` when it is off screen, `missing` when the page does not contain it.
 */
export function passagePlace(page: Page, text: string): Promise<string> {
  return page.evaluate((wanted) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
      const at = n.data.indexOf(wanted);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(n, at);
      range.setEnd(n, at + wanted.length);
      const r = range.getBoundingClientRect();
      return r.top >= 0 && r.bottom <= window.innerHeight ? 'visible' : `at ${Math.round(r.top)}`;
    }
    return 'missing';
  }, text);
}

export async function showAllHighlights(s: Session, page: Page): Promise<void> {
  const overlay = await overlayOf(s, page);
  await overlay.waitFor('.rl-legend input[type=checkbox]');
  const unticked = '.rl-legend input[type=checkbox]:not(:checked)';
  for (let n = await overlay.count(unticked); n > 0; n = await overlay.count(unticked)) await overlay.check(unticked);
  await page.waitForFunction(() => document.querySelectorAll('mark.rl-k-number').length > 0, null, { timeout: 10_000 });
}
