import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { bundleSizes, DETECTOR_LOADER_PATH, DETECTOR_PATH, formatBundleSizes, overBudget } from './scripts/lib/bundle-sizes';
import { buildDetectorLoader } from './scripts/lib/detector-loader-build';

/** pdf.js's Chinese (Adobe-GB1) CMaps, shipped in the extension so PDFs set in non-embedded fonts can be read. */
function pdfjsChineseCMaps(): Array<{ absoluteSrc: string; relativeDest: string }> {
  const dir = join(dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'cmaps');
  return readdirSync(dir).filter((f) => /GB/.test(f)).map((f) => ({ absoluteSrc: join(dir, f), relativeDest: `pdfjs/cmaps/${f}` }));
}

// Hosts the fixture sites are served under in tests; real installs only auto-run on *.gov.cn.
export const NOTICE_HOST_MATCHES = ['*://*.gov.cn/*'];
/**
 * Chromium: the detector loader (lib/page/detector-loader, bundled on its own by the build:publicAssets hook below)
 * is the declared content script of every gov page, at document_start. It sets up its wait for the page's `load`
 * there, before the page is parsed, then imports the detector (entrypoints/detector.ts, an unlisted script) after
 * `load`. The detector is therefore web-accessible to gov pages, but only through its per-session URL
 * (use_dynamic_url), so that pages cannot probe for the extension (issue #14).
 * Why document_start: Chromium injects document_idle scripts in a task of their own right before `load`, and that
 * task boundary lets a rendering frame (the page's first layout) in before `load` more often; at document_start
 * the loader runs inside the page's first parsing task and adds no task at all (bench:page's ordinary page: 35–39
 * of 40 loads in the fast mode, against 13–31 of 40 for the loader at document_idle and 17–28 for an empty script).
 * Firefox: the detector itself is declared, at document_idle as before the loader (the detector waits for `load`
 * on its own), since AMO's linter refuses an import() of a computed URL, and no file is web-accessible.
 * Neither is a WXT content script: WXT's wrapper builds a ContentScriptContext in the injection task.
 */
const usesDetectorLoader = (browser: string) => browser !== 'firefox';
const detectorContentScript = (browser: string) => ({
  matches: NOTICE_HOST_MATCHES,
  js: [usesDetectorLoader(browser) ? DETECTOR_LOADER_PATH : DETECTOR_PATH],
  run_at: usesDetectorLoader(browser) ? ('document_start' as const) : ('document_idle' as const),
});
const detectorWebAccess = (browser: string) =>
  usesDetectorLoader(browser) ? { web_accessible_resources: [{ resources: [DETECTOR_PATH], matches: NOTICE_HOST_MATCHES, use_dynamic_url: true }] } : {};
const ICON_SIZES = [128, 96, 48, 32, 16];
const iconFiles = (sizes: number[]) => Object.fromEntries(sizes.map((size) => [size, `icons/${size}.png`]));
/** Any other site is analyzed only when the user asks ("分析此页"), which requests that site's permission. */
const ON_REQUEST_HOSTS = ['*://*/*'];
/** Fixed Firefox add-on id: storage survives reinstalls and the extension's test URLs stay stable. */
export const GECKO_ID = 'rectify-lens@rectify-lens.invalid';

export default defineConfig({
  srcDir: '.',
  // WXT_OUT_DIR lets parallel builds (benchmarks, e2e) use separate output folders.
  outDir: process.env.WXT_OUT_DIR ?? '.output',
  entrypointsDir: 'entrypoints',
  publicDir: 'public',
  // Toolbar and store icons in every size, generated at build time from one designed source image.
  modules: ['@wxt-dev/auto-icons'],
  autoIcons: { baseIconPath: 'assets/icon.svg', sizes: ICON_SIZES, developmentIndicator: 'overlay' },
  hooks: {
    'build:publicAssets': async (wxt, files) => {
      files.push(...pdfjsChineseCMaps());
      if (usesDetectorLoader(wxt.config.browser)) files.push({ relativeDest: DETECTOR_LOADER_PATH, contents: await buildDetectorLoader(wxt.config.root) });
    },
    // The page-facing bundles' sizes after every build (`npm test` fails on one over its budget: scripts/check-bundles.ts).
    'build:done': (wxt) => {
      if (wxt.config.command !== 'build') return;
      const sizes = bundleSizes(wxt.config.outDir);
      wxt.logger.info(`Page bundles:\n${formatBundleSizes(sizes)}`);
      for (const line of overBudget(sizes)) wxt.logger.warn(`OVER BUDGET: ${line}`);
    },
  },
  vite: () => ({
    plugins: [preact()],
    build: { target: 'es2022' },
    // Non-ASCII characters escaped in the bundles: esbuild folds String.fromCharCode(0xffff) into a raw U+FFFF, and
    // Chrome refuses a content script holding a Unicode noncharacter ("It isn't UTF-8 encoded").
    esbuild: { charset: 'ascii' },
    // JSON imports (the zh-CN message table lib/i18n reads) as one JSON.parse of a string, not a ~400-property
    // object literal: a string is cheap to compile, and the analyzer's evaluation is one task of the page (issue #14).
    json: { namedExports: false, stringify: true },
  }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'zh_CN',
    permissions: ['storage', 'unlimitedStorage', 'activeTab', 'contextMenus', 'scripting',
      ...(browser === 'firefox' ? [] : ['sidePanel', 'offscreen'])],
    host_permissions: NOTICE_HOST_MATCHES,
    content_scripts: [detectorContentScript(browser)],
    ...detectorWebAccess(browser),
    // WXT drops optional_host_permissions from an MV2 (Firefox) manifest: MV2 declares them as optional_permissions.
    ...(browser === 'firefox' ? { optional_permissions: ON_REQUEST_HOSTS } : { optional_host_permissions: ON_REQUEST_HOSTS }),
    action: { default_title: '__MSG_actionTitle__', default_icon: iconFiles([16, 32, 48]) },
    commands: {
      'add-annotation': {
        suggested_key: { default: 'Alt+Shift+A' },
        description: '__MSG_commandAddAnnotation__',
      },
      // Not one of Chromium's own Alt+Shift keys (A: inactive dialogs, I: feedback, T: toolbar) nor Firefox's (Reader
      // view is Ctrl+Alt+R). The page hears the key too (components/overlay/mount.tsx) when no command takes it.
      'focus-overlay': {
        suggested_key: { default: 'Alt+Shift+R' },
        description: '__MSG_commandFocusOverlay__',
      },
    },
    content_security_policy: {
      extension_pages: "script-src 'self'; object-src 'self'",
    },
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: {
          id: GECKO_ID,
          // ESR 140: the oldest Firefox that reads data_collection_permissions.
          strict_min_version: '140.0',
          // Nothing leaves the machine: no data is collected or transmitted.
          data_collection_permissions: { required: ['none'] },
        },
        // Firefox for Android reads data_collection_permissions from 142 on.
        gecko_android: { strict_min_version: '142.0' },
      },
    }),
  }),
});
