/**
 * The analyzer's wiring (entrypoints/analyzer.ts): one controller per page, the overlay mounted only once a
 * notice is found, messages from the background/side panel, and state broadcasts to the side panel. Injected
 * after the detector found a likely notice, it analyzes by itself once the page has loaded; injected for
 * "分析此页", the background asks it to (`analyze-now`, forced).
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { NoticePageController } from '@/lib/page/controller';
import type { EarlyStart } from '@/lib/page/early-start';
import { broadcastState, CONTENT_TYPES, listen, prepareReplyCheck, sendToBackground } from '@/lib/messaging';
import { prepareMessages } from '@/lib/i18n';
import { contentRequest, type PageState } from '@/lib/schema';
import { authorizeContentRequest } from '@/lib/sender';
import { browser } from 'wxt/browser';
import { ANALYZER_GLOBAL, DETECTOR_GLOBAL, KNOWN_NOTICE_GLOBAL } from '@/lib/page/globals';
import { yieldToPage } from '@/lib/page/page-dom';
import { loadPrefs } from '@/lib/prefs';
import { focusOverlay, prepareOverlay, type PreparedOverlay } from './mount';

/**
 * Starts the analyzer once per page: injected again (detector + "分析此页"), the first instance keeps the page.
 * The context is made only after the guard (a new WXT context invalidates older ones of the same name).
 */
export function startAnalyzer(makeContext: () => ContentScriptContext): void {
  const g = globalThis as Record<string, unknown>;
  if (g[ANALYZER_GLOBAL]) return;
  g[ANALYZER_GLOBAL] = true;
  // loaded because this page's detector found a likely notice, or registered on a page of a library notice:
  // read the article and have it parsed (in the background) at once, show the overlay and the marks once the
  // page has loaded (the page's own load is not held up by them); the analysis decides again on the extracted
  // article. Else ("分析此页") the background asks with analyze-now. The analysis starts in a task of its own:
  // the script's evaluation is one page task already (issue #14: no extension task over 50 ms), the first steps
  // (and the first message's schemas) go after it; the reader's settings are asked for at once, meanwhile.
  const detectorAsked = (g[DETECTOR_GLOBAL] as { asked?: boolean } | undefined)?.asked === true;
  const analyzeNow = detectorAsked || g[KNOWN_NOTICE_GLOBAL] === true;
  const early = analyzeNow ? askEarly(g[KNOWN_NOTICE_GLOBAL] === true) : null;
  const context = once(makeContext);
  const controller = startContentScript(context);
  if (early) void yieldToPage().then(() => controller.analyze(false, { ...early, loaded: pageLoaded() }));
  // WXT's context (it stops an older copy of this script, e.g. after an update) in a task of its own, not in the
  // evaluation: building it posts the page a window message, and in the page benchmark a frame's first
  // postMessage took 13–58 ms (issue #14)
  setTimeout(() => context().onInvalidated(() => controller.dispose()), 0);
}

/**
 * What the analysis needs from the extension, asked for while the script is evaluated: the reader's settings and,
 * on a library notice's page, the analysis remembered for the text last seen there (the lookup runs in the
 * background while the page reads its text: an unchanged page then needs no parse-page round trip).
 */
function askEarly(knownNotice: boolean): Omit<EarlyStart, 'loaded'> {
  const remembered = knownNotice ? sendToBackground({ type: 'remembered-parse' }).catch(() => null) : undefined;
  return { prefs: loadPrefs(), remembered };
}

/** `make`'s result, made on the first call. */
function once<T>(make: () => T): () => T {
  let made: { value: T } | null = null;
  return () => (made ??= { value: make() }).value;
}

function startContentScript(context: () => ContentScriptContext): NoticePageController {
  let prepared: Promise<PreparedOverlay> | null = null;
  let shown = false;
  const openSidePanel = () => void sendToBackground({ type: 'open-side-panel' }).catch(() => undefined);
  const prepare = (): Promise<PreparedOverlay> => (prepared ??= prepareOverlay(context(), controller, openSidePanel));
  const controller = new NoticePageController(document, {
    onNotice: (): Promise<void> =>
      prepare().then((overlay) => {
        overlay.show();
        shown = true;
      }),
    onState: (state) => broadcast(state),
    // the page is idle while the background parses (30–40 ms): what the reply's arrival needs first is done
    // then, not after it (the overlay's shadow root and first render, cold code; the reply's zod check, built on
    // first use; the browser's message table, which a first getMessage fetches: issue #14)
    whileParsing: () => {
      prepareReplyCheck('parse-page');
      prepareMessages();
      void prepare();
    },
  });
  (globalThis as Record<string, unknown>).__rectifyLensTimings = () => controller.state.timings;

  const extension = { id: browser.runtime.id, origin: browser.runtime.getURL('/') };
  listen(contentRequest, CONTENT_TYPES, async (req, sender) => {
    authorizeContentRequest(sender, extension);
    switch (req.type) {
      case 'get-state':
        return controller.state;
      case 'scroll-to':
        return controller.scrollTo(req.start, req.end) !== null;
      case 'reload-annotations':
        await controller.reloadAnnotations();
        return controller.state;
      case 'begin-annotation':
        return controller.beginAnnotation();
      case 'focus-overlay':
        return shown && focusOverlay();
      case 'analyze-now':
        return controller.analyze(true);
      case 'set-categories':
        await controller.setCategories(req.categories);
        return true;
    }
  }, 'content');
  return controller;
}

/** Resolves in a task after the page's `load` event, so that nothing of the analyzer runs inside that event. */
function pageLoaded(): Promise<unknown> {
  if (document.readyState === 'complete') return Promise.resolve();
  return new Promise((resolve) => window.addEventListener('load', () => setTimeout(resolve, 0), { once: true }));
}

let lastSent = '';
let pending: PageState | null = null;

/**
 * Tells open side panels that this tab's state changed, once per visible change, when the page is next idle
 * (the message's schema check is not part of the step that changed it, and does not go before the overlay's
 * first render: issue #14); changes in the meantime go out as one, the latest. The text and the
 * notice model stay here (they can be large and serializing them blocks the page).
 */
function broadcast(state: PageState): void {
  if (pending === null) whenIdle(sendPending);
  pending = state;
}

/** `run` when the page is next idle (within BROADCAST_WITHIN_MS): a timer queued before `load` would run before the overlay. */
function whenIdle(run: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: BROADCAST_WITHIN_MS });
  else setTimeout(run, 0);
}
const BROADCAST_WITHIN_MS = 100;

function sendPending(): void {
  const state = pending;
  pending = null;
  if (!state) return;
  const key = `${state.status}|${state.snapshotHash}|${state.anchors.map((a) => `${a.id}:${a.state}:${a.start}`).join(',')}|${state.error}`;
  if (key === lastSent) return;
  lastSent = key;
  broadcastState(state);
}
