// Browser contexts of the page benchmark: the built extension (from a snapshot), no extension, and a no-op control extension.
import { cpSync, existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';
import { DETECTOR_PATH } from '../lib/bundle-sizes';
import { assertBuilt, CHROME_PATH, CHROMIUM_FLAGS, EXTENSION_DIR, FIXED_TODAY } from '../lib/browser';
import { startFixtureServer, type FixtureServer } from '../lib/fixture-server';

// `chrome` exists inside the extension's service worker, where the evaluate() callbacks run.
declare const chrome: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- the service worker's `chrome`, untyped in this Node file

export interface Session {
  context: BrowserContext;
  worker: Worker;
  server: FixtureServer;
  /** The snapshot of the build the benchmark loaded. */
  extensionDir: string;
  close(): Promise<void>;
}

/**
 * Copies the built extension to a private directory first: the checkout is shared and another
 * `wxt build` may empty .output/chrome-mv3 while the benchmark runs.
 */
async function snapshotExtension(built: string): Promise<string> {
  for (let attempt = 0; attempt < 30; attempt++) {
    if (existsSync(join(built, 'manifest.json'))) {
      const dir = mkdtempSync(join(tmpdir(), 'rectify-lens-bench-ext-'));
      try {
        const before = statSync(join(built, 'manifest.json')).mtimeMs;
        cpSync(built, dir, { recursive: true });
        const after = statSync(join(built, 'manifest.json')).mtimeMs;
        if (before === after && existsSync(join(dir, 'manifest.json')) && existsSync(join(dir, DETECTOR_PATH))) return dir;
      } catch {
        /* a build was rewriting the directory: try again */
      }
      rmSync(dir, { recursive: true, force: true });
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  if (built === EXTENSION_DIR) assertBuilt();
  throw new Error(`could not copy a complete build from ${built}`);
}

/**
 * The same launch for every context (the harness's CHROMIUM_FLAGS, viewport, zh-CN locale), with the
 * given unpacked extension loaded, or none.
 */
function launchContext(userDataDir: string, extensionDir?: string): Promise<BrowserContext> {
  const extArgs = extensionDir ? [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`] : [];
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROME_PATH,
    headless: true,
    args: [...CHROMIUM_FLAGS, ...extArgs],
    viewport: { width: 1280, height: 900 },
    locale: 'zh-CN',
    env: { ...process.env, LANGUAGE: 'zh_CN', LANG: 'zh_CN.UTF-8' },
  });
}

/** Like launch() in scripts/lib/browser.ts, but from a snapshot of the build (the checkout's, or the Chromium build in `built`). */
export async function launchExtension(built = EXTENSION_DIR): Promise<Session> {
  const extensionDir = await snapshotExtension(built);
  const server = await startFixtureServer();
  const userDataDir = mkdtempSync(join(tmpdir(), 'rectify-lens-bench-'));
  const context = await launchContext(userDataDir, extensionDir);
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  await worker.evaluate(async (today) => {
    await chrome.storage.local.set({ 'debug:today': today });
  }, FIXED_TODAY);
  return {
    context,
    worker,
    server,
    extensionDir,
    async close() {
      await context.close();
      await server.close();
      rmSync(userDataDir, { recursive: true, force: true });
      rmSync(extensionDir, { recursive: true, force: true });
    },
  };
}

/**
 * Control extension: one empty content script at document_idle on *.gov.cn. It shows what Chromium itself
 * charges for injecting any content script (isolated world, extension bindings) before `load`.
 */
export function writeNoopExtension(): string {
  const dir = mkdtempSync(join(tmpdir(), 'rectify-lens-bench-noop-'));
  const manifest = {
    manifest_version: 3,
    name: 'noop content script (bench control)',
    version: '1.0',
    host_permissions: ['*://*.gov.cn/*'],
    content_scripts: [{ matches: ['*://*.gov.cn/*'], run_at: 'document_idle', js: ['noop.js'] }],
  };
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  writeFileSync(join(dir, 'noop.js'), 'void 0;\n');
  return dir;
}

export async function launchPlain(extensionDir?: string): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'rectify-lens-bench-plain-'));
  const context = await launchContext(userDataDir, extensionDir);
  return {
    context,
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
      if (extensionDir) rmSync(extensionDir, { recursive: true, force: true });
    },
  };
}

/**
 * Makes the next load of a notice a first visit (issue #14): forgets the analyses the extension remembered (an
 * unchanged page reuses its stored analysis), the library's notices and snapshots, and the analyzer registered
 * on the library's pages (lib/registered-scripts). Builds without a store or the registration are left alone.
 */
// A string, not a function: tsx (esbuild keepNames) would put `__name(...)` helpers into a serialized function.
const FORGET_VISITS_SCRIPT = `(async () => {
  const clear = (name, stores) => new Promise((resolve) => {
    const open = indexedDB.open(name);
    open.onerror = () => resolve();
    open.onsuccess = () => {
      const db = open.result;
      const present = stores.filter((st) => db.objectStoreNames.contains(st));
      if (!present.length) { db.close(); return resolve(); }
      const tx = db.transaction(present, 'readwrite');
      for (const st of present) tx.objectStore(st).clear();
      tx.oncomplete = tx.onerror = () => { db.close(); resolve(); };
    };
  });
  await clear('rectify-lens-analyses', ['analyses']); // ANALYSES_DB_NAME (lib/db/analyses)
  await clear('rectify-lens', ['notices', 'snapshots']); // DEFAULT_DB_NAME (lib/db/database)
  const known = (await chrome.scripting.getRegisteredContentScripts()).filter((r) => r.id.startsWith('rectify-lens-known-notices'));
  if (known.length) await chrome.scripting.unregisterContentScripts({ ids: known.map((r) => r.id) });
})()`;

export async function forgetVisits(s: Session): Promise<void> {
  await s.worker.evaluate(FORGET_VISITS_SCRIPT);
}
