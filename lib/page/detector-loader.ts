/**
 * The one script every *.gov.cn page gets (declared in the manifest by wxt.config.ts): a few hundred bytes that
 * do nothing until the page's `load` is over, then load the detector (entrypoints/detector.ts) as a module.
 *
 * Why (issue #14): Chromium injects document_idle scripts in the task just before the page's `load` event, so
 * whatever a declared script costs to compile and evaluate there delays `load`. The detector bundle (~13 KB, WXT's
 * browser and ContentScriptContext, which read `chrome.runtime.id` as they are evaluated) cost ~2.3 ms of CPU in
 * that task against ~0.2 ms for an empty script. This loader costs about what the empty script does; the detector
 * is compiled and evaluated after `load`.
 *
 * How: `import()` of the detector's extension URL, which content scripts may do for a web-accessible resource; it
 * is evaluated in the same isolated world as this script. No background round trip, so ordinary pages never wake
 * the service worker. The detector is web-accessible to gov pages only, and in Chromium only through the
 * per-session URL (use_dynamic_url), so a page cannot probe for the extension by its fixed id.
 *
 * No imports but the two below (no wxt/browser: its evaluation reads `chrome.runtime.id`).
 */
import { afterPageLoad } from './after-load';
import { ANALYZER_GLOBAL, DETECTOR_GLOBAL } from './globals';

/** The detector's file in the extension (also registered as is on remembered sites, lib/registered-scripts). */
export const DETECTOR_FILE = '/detector.js';

interface ExtensionRuntime {
  runtime: { id?: string; getURL(path: string): string };
}

/** Firefox's `browser`, else Chromium's `chrome`, read only when needed (as wxt/browser picks, but lazily). */
function extensionRuntime(): ExtensionRuntime {
  const g = globalThis as unknown as { browser?: ExtensionRuntime; chrome: ExtensionRuntime };
  return g.browser?.runtime?.id ? g.browser : g.chrome;
}

/** True when a detector or an analyzer already runs in this isolated world (a remembered site, a library notice). */
function pageIsTaken(): boolean {
  const g = globalThis as Record<string, unknown>;
  return Boolean(g[DETECTOR_GLOBAL] || g[ANALYZER_GLOBAL]);
}

/** After the page's `load`: the detector, unless something of ours runs here already. */
export function loadDetectorAfterLoad(): Promise<void> {
  return afterPageLoad()
    .then(() => (pageIsTaken() ? undefined : import(/* @vite-ignore */ extensionRuntime().runtime.getURL(DETECTOR_FILE))))
    .then(
      () => undefined,
      (err: unknown) => console.warn('[Rectify Lens] detector not loaded', err),
    );
}
