/**
 * The analyzer's wiring (entrypoints/analyzer.ts): one controller per page, the overlay mounted only once a
 * notice is found, messages from the background/side panel, and state broadcasts to the side panel. Injected
 * after the detector found a likely notice, it analyzes by itself once the page has loaded; injected for
 * "分析此页", the background asks it to (`analyze-now`, forced).
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { NoticePageController } from '@/lib/page/controller';
import { broadcastState, CONTENT_TYPES, listen, sendToBackground } from '@/lib/messaging';
import { contentRequest, type PageState } from '@/lib/schema';
import { authorizeContentRequest } from '@/lib/sender';
import { browser } from 'wxt/browser';
import { ANALYZER_GLOBAL, DETECTOR_GLOBAL, KNOWN_NOTICE_GLOBAL } from '@/lib/page/globals';
import { yieldToPage } from '@/lib/page/page-dom';
import { focusOverlay, mountOverlay } from './mount';

/**
 * Starts the analyzer once per page: injected again (detector + "分析此页"), the first instance keeps the page.
 * The context is made only after the guard (a new WXT context invalidates older ones of the same name).
 */
export function startAnalyzer(makeContext: () => ContentScriptContext): void {
  const g = globalThis as Record<string, unknown>;
  if (g[ANALYZER_GLOBAL]) return;
  g[ANALYZER_GLOBAL] = true;
  const controller = startContentScript(makeContext());
  // loaded because this page's detector found a likely notice, or registered on a page of a library notice:
  // read the article and have it parsed (in the background) at once, show the overlay and the marks once the
  // page has loaded (the page's own load is not held up by them); the analysis decides again on the extracted
  // article. Else ("分析此页") the background asks with analyze-now. The analysis starts in a task of its own:
  // the script's evaluation is one page task already (issue #14: no extension task over 50 ms), the first steps
  // (and the first message's schemas) go after it.
  const detectorAsked = (g[DETECTOR_GLOBAL] as { asked?: boolean } | undefined)?.asked === true;
  if (detectorAsked || g[KNOWN_NOTICE_GLOBAL] === true) {
    void yieldToPage().then(() => controller.analyze(false, pageLoaded()));
  }
}

function startContentScript(ctx: ContentScriptContext): NoticePageController {
  let mounted: Promise<unknown> | null = null;
  const openSidePanel = () => void sendToBackground({ type: 'open-side-panel' }).catch(() => undefined);
  const controller = new NoticePageController(document, {
    onNotice: (): Promise<unknown> => (mounted ??= mountOverlay(ctx, controller, openSidePanel)),
    onState: (state) => broadcast(state),
  });
  ctx.onInvalidated(() => controller.dispose());
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
        return mounted !== null && focusOverlay();
      case 'analyze-now':
        return controller.analyze(true);
      case 'set-categories':
        await controller.setCategories(req.categories);
        return true;
    }
  }, 'content');
  return controller;
}

function pageLoaded(): Promise<unknown> {
  if (document.readyState === 'complete') return Promise.resolve();
  return new Promise((resolve) => window.addEventListener('load', resolve, { once: true }));
}

let lastSent = '';
/**
 * Tells open side panels that this tab's state changed, once per visible change. The text and the notice
 * model stay here (they can be large and serializing them blocks the page).
 */
function broadcast(state: PageState): void {
  const key = `${state.status}|${state.snapshotHash}|${state.anchors.map((a) => `${a.id}:${a.state}:${a.start}`).join(',')}|${state.error}`;
  if (key === lastSent) return;
  lastSent = key;
  broadcastState(state);
}
