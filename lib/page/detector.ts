/**
 * The content script every gov page gets: a detector only. It reads the URL, the title, the first heading and
 * the start of the body (lib/page/detect-input), applies lib/detect's rule and, on a likely notice, asks the
 * background to inject the analyzer (entrypoints/analyzer.ts). On any other page it does nothing else, except
 * to look again a few times when the page's content changes (articles that arrive after `load`), and to tell
 * the side panel what it decided (`get-state`) until an analyzer takes the page over.
 *
 * Small on purpose (budget: scripts/lib/bundle-sizes.ts): no parser, zod, Preact or mark.js here. Its messages
 * are typed by lib/schema (type-only imports) and validated at the other end (background, side panel).
 *
 * Chromium injects document_idle scripts in the task just before the page's `load` event, so whatever a
 * declared script does there delays `load`. In Chromium this bundle is therefore not declared: a loader of under 1 KB is
 * (lib/page/detector-loader, at document_start), and it imports this bundle after `load`. Evaluated before `load` (Firefox, where it
 * is declared, and remembered sites, where it is registered), it cost ~2.3 ms of thread time in Chromium traces
 * against ~0.2 ms for an empty script: compiling it (~0.6 ms), evaluating its modules, and the first touch of
 * `chrome` (~0.45 ms: wxt/browser and the static fields of WXT's ContentScriptContext read `chrome.runtime.id` when
 * their modules are evaluated). Wherever it comes from, it only marks its presence at once and does its work (its
 * ContentScriptContext, listener, site lists, the check) after `load` (startDetector). It is an unlisted script,
 * not a WXT content script: WXT's content-script wrapper builds the ContentScriptContext (~1 ms) before `main` runs.
 */
import { browser } from 'wxt/browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { BackgroundRequest, DetectResult, PageState } from '@/lib/schema';
import type { Reply } from '@/lib/messaging';
import { authorizeContentRequest } from '@/lib/sender';
import { hostOf, loadSiteLists } from '@/lib/site-prefs';
import { detectPage } from './detect-input';
import { ANALYZER_GLOBAL, DETECTOR_GLOBAL } from './globals';
import { afterPageLoad } from './after-load';

/** What the detector decided on this page; kept in the extension's isolated world for tests and the benchmark. */
export interface DetectorRecord {
  result: DetectResult | null;
  disabled: boolean;
  checks: number;
  /** The background was asked to load the analyzer. */
  asked: boolean;
  /** Main-thread time of all checks. */
  ms: number;
  /** performance.now() when the detector started its work (after the page's load event); null until then. */
  startedAt: number | null;
}

const RECHECK_DEBOUNCE_MS = 400;
/** Content changes looked at after the first check; a page that is still not a notice after these is left alone. */
const MAX_RECHECKS = 8;

/**
 * The detector's entry (entrypoints/detector.ts). Synchronously, in the injection task, it only marks its
 * presence (DETECTOR_GLOBAL) and starts waiting for the end of `load`: no ContentScriptContext, no extension API,
 * no listener (issue #14; what is left there is evaluating this bundle, ~2.3 ms of CPU against an empty script's 0.2).
 * The rest runs after `load` (runDetector).
 */
export function startDetector(): Promise<void> {
  const g = globalThis as Record<string, unknown>;
  // a page of a library notice has the analyzer already (registered at document_end, lib/registered-scripts)
  if (g[DETECTOR_GLOBAL] || g[ANALYZER_GLOBAL]) return Promise.resolve();
  const record: DetectorRecord = { result: null, disabled: false, checks: 0, asked: false, ms: 0, startedAt: null };
  g[DETECTOR_GLOBAL] = record;
  return afterPageLoad().then(() => runDetector(new ContentScriptContext(DETECTOR_CONTEXT_NAME), record));
}

/** Name of the detector's ContentScriptContext (a newer copy of the script, e.g. after an update, stops this one). */
const DETECTOR_CONTEXT_NAME = 'detector';

/** The detector's work, after the page's load event: the state listener, the site lists, the check. */
export async function runDetector(ctx: ContentScriptContext, record: DetectorRecord): Promise<void> {
  // the side panel's 分析此页 may have brought the analyzer meanwhile: the page is its now
  if (ctx.isInvalid || (globalThis as Record<string, unknown>)[ANALYZER_GLOBAL]) return;
  record.startedAt = performance.now();
  answerStateRequests(ctx, record);
  const sites = await loadSiteLists();
  if (sites.disabledSites.includes(hostOf(location.href))) {
    record.disabled = true;
    return;
  }
  const check = (): boolean => {
    const t0 = performance.now();
    record.result = detectPage(document, sites.rememberedSites);
    record.checks++;
    record.ms += performance.now() - t0;
    if (record.result.isNotice && !record.asked) {
      record.asked = true;
      const request: BackgroundRequest = { type: 'load-analyzer' };
      browser.runtime.sendMessage(request).catch((err: unknown) => console.warn('[Rectify Lens] analyzer not loaded', err));
    }
    return record.result.isNotice;
  };
  if (!check()) watchForLateContent(ctx, check);
}

/** Re-checks (debounced) when the body changes, at most MAX_RECHECKS times, until the page is a likely notice. */
function watchForLateContent(ctx: ContentScriptContext, check: () => boolean): void {
  if (!document.body || typeof MutationObserver === 'undefined') return;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let left = MAX_RECHECKS;
  const observer = new MutationObserver(() => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      left--;
      if (check() || left <= 0) observer.disconnect();
    }, RECHECK_DEBOUNCE_MS);
  });
  observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  ctx.onInvalidated(() => {
    observer.disconnect();
    if (timer) clearTimeout(timer);
  });
}

/**
 * The side panel asks a tab for its state (`get-state`, lib/schema contentRequest). Until the analyzer runs
 * here the detector answers: not a notice (with the reasons), switched off, or being analyzed.
 */
function answerStateRequests(ctx: ContentScriptContext, record: DetectorRecord): void {
  const self = { id: browser.runtime.id, origin: browser.runtime.getURL('/') };
  const listener = (message: unknown, sender: Parameters<typeof authorizeContentRequest>[0], sendResponse: (reply: Reply<PageState>) => void) => {
    if ((message as { type?: unknown } | null)?.type !== 'get-state' || (globalThis as Record<string, unknown>)[ANALYZER_GLOBAL]) return false;
    try {
      authorizeContentRequest(sender, self);
    } catch (err) {
      sendResponse({ ok: false, error: err instanceof Error ? err.message : String(err) });
      return false;
    }
    sendResponse({ ok: true, data: detectorState(record) });
    return false;
  };
  browser.runtime.onMessage.addListener(listener as never);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(listener as never));
}

function detectorState(record: DetectorRecord): PageState {
  const status = record.disabled ? 'disabled' : record.asked ? 'analyzing' : record.result ? 'not_notice' : 'idle';
  return {
    url: location.href,
    title: document.title || null,
    status,
    error: null,
    detect: record.result,
    text: null,
    notice: null,
    noticeKey: null,
    snapshotHash: null,
    anchors: [],
    timings: { detect: record.ms },
  };
}
