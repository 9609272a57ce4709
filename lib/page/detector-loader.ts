/**
 * The one script every *.gov.cn page gets in Chromium (declared in the manifest by wxt.config.ts at document_start;
 * Firefox declares the detector itself, see there): a few hundred bytes that do nothing until the page's `load` is
 * over, then load the detector (entrypoints/detector.ts) as a module.
 *
 * Why (issue #14): what a declared script costs to compile and evaluate before `load` delays `load`. The detector
 * bundle (~13 KB with WXT's browser and ContentScriptContext, which read `chrome.runtime.id` as they are evaluated)
 * cost ~2.3 ms of thread time there, an empty script ~0.2 ms, this loader ~0.3–0.5 ms more. And where it runs
 * matters as much: at document_idle Chromium gives a script a task of its own right before `load`, which lets the
 * page's first layout in before `load` more often; at document_start it runs inside the page's first parsing task.
 * The detector is compiled and evaluated after `load`.
 *
 * How: `import()` of the detector's extension URL, which a content script may do for a web-accessible resource; the
 * module runs in the same isolated world as this script, and the page's Content-Security-Policy does not apply to
 * it. No background round trip, so ordinary pages never wake the service worker. The detector is web-accessible to
 * gov pages only, and in Chromium only through its per-session URL (use_dynamic_url): a page cannot probe for the
 * extension at its fixed id.
 *
 * Built on its own (scripts/lib/detector-loader-build.ts, from detector-loader-entry.ts), without WXT's
 * unlisted-script wrapper, which cost another ~0.3 ms in that task. No imports but the two below (no wxt/browser:
 * its evaluation reads `chrome.runtime.id`).
 */
import { whenPageLoaded } from './after-load';
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

function importDetector(): void {
  if (pageIsTaken()) return;
  import(/* @vite-ignore */ extensionRuntime().runtime.getURL(DETECTOR_FILE)).catch((err: unknown) =>
    console.warn('[Rectify Lens] detector not loaded', err),
  );
}

/** The loader's whole work: after the page's `load`, the detector, unless something of ours runs here already. */
export function startDetectorLoader(): void {
  whenPageLoaded(importDetector);
}
