/**
 * Content-script wiring: one controller per page, the overlay mounted only once a notice is found,
 * messages from the background/side panel, and state broadcasts to the side panel.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { NoticePageController } from '@/lib/page/controller';
import { broadcastState, CONTENT_TYPES, listen, sendToBackground } from '@/lib/messaging';
import { contentRequest, type PageState } from '@/lib/schema';
import { isGovHost } from '@/lib/detect';
import { authorizeContentRequest } from '@/lib/sender';
import { browser } from 'wxt/browser';
import { hostOf, loadPrefs } from '@/lib/prefs';
import { focusOverlay, mountOverlay } from './mount';

const GUARD = '__rectifyLensContentScript';

export async function startContentScript(ctx: ContentScriptContext): Promise<void> {
  const g = globalThis as Record<string, unknown>;
  if (g[GUARD]) return; // injected twice (auto + "分析此页"): the first instance keeps the page
  g[GUARD] = true;

  let mounted: Promise<unknown> | null = null;
  const openSidePanel = () => void sendToBackground({ type: 'open-side-panel' }).catch(() => undefined);
  const controller = new NoticePageController(document, {
    onNotice: () => {
      mounted ??= mountOverlay(ctx, controller, openSidePanel);
    },
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

  const prefs = await loadPrefs();
  const url = location.href;
  if (!isGovHost(url) && !prefs.rememberedSites.includes(hostOf(url))) return;
  // document_idle may come before the load event: never make the page itself load later.
  if (document.readyState !== 'complete') await new Promise((resolve) => window.addEventListener('load', resolve, { once: true }));
  await controller.analyze(false);
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
