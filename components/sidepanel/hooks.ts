import { useEffect, useState } from 'preact/hooks';
import { browser, type Browser } from 'wxt/browser';
import { pageState, stateBroadcast, type PageState } from '@/lib/schema';
import { sendToTab } from '@/lib/messaging';
import { openDb, type RectifyDB } from '@/lib/db';

let dbInstance: RectifyDB | null = null;
/** The side panel's database handle (extension origin, shared with the background). */
export const sidePanelDb = (): RectifyDB => (dbInstance ??= openDb());

/** The tab the panel is bound to: `?tabId=N` (tests, pinned) or the active tab, followed as it changes. */
export function useBoundTab(): number | null {
  const fixed = Number(new URLSearchParams(location.search).get('tabId'));
  const [tabId, setTabId] = useState<number | null>(Number.isInteger(fixed) && fixed > 0 ? fixed : null);
  useEffect(() => {
    if (Number.isInteger(fixed) && fixed > 0) return;
    const refresh = () => browser.tabs.query({ active: true, currentWindow: true }).then(([tab]) => setTabId(tab?.id ?? null));
    void refresh();
    const onActivated = () => void refresh();
    browser.tabs.onActivated.addListener(onActivated);
    return () => browser.tabs.onActivated.removeListener(onActivated);
  }, [fixed]);
  return tabId;
}

/** Live state of the bound tab's content script; null while the page has no content script. */
export function usePageState(tabId: number | null): { state: PageState | null; refresh: () => void } {
  const [state, setState] = useState<PageState | null>(null);
  const [nonce, setNonce] = useState(0);
  useEffect(() => {
    if (tabId === null) return;
    let alive = true;
    let current: PageState | null = null;
    const show = (s: PageState | null) => {
      current = s;
      if (alive) setState(s);
    };
    const fetchFull = () =>
      sendToTab<PageState>(tabId, { type: 'get-state' })
        .then((s) => show(pageState.parse(s)))
        .catch(() => show(null));
    void fetchFull();
    // Broadcasts carry no text/model: refetch when the notice itself changed, else merge the small fields.
    const listener = (msg: unknown, sender: Browser.runtime.MessageSender) => {
      if ((msg as { type?: string })?.type !== 'state-changed' || sender.tab?.id !== tabId) return;
      const parsed = stateBroadcast.safeParse({ type: 'page-state', tabId, state: (msg as { state: unknown }).state });
      if (!parsed.success) return console.warn('[Rectify Lens] side panel ignored a malformed state message', parsed.error.issues[0]);
      const next = parsed.data.state;
      if (!current?.notice || next.status !== current.status || next.snapshotHash !== current.snapshotHash) void fetchFull();
      else show({ ...current, anchors: next.anchors, error: next.error, timings: next.timings, noticeKey: next.noticeKey });
    };
    browser.runtime.onMessage.addListener(listener as never);
    const onUpdated = (id: number, info: { status?: string }) => {
      if (id === tabId && info.status === 'complete') setNonce((n) => n + 1);
    };
    browser.tabs.onUpdated.addListener(onUpdated);
    return () => {
      alive = false;
      browser.runtime.onMessage.removeListener(listener as never);
      browser.tabs.onUpdated.removeListener(onUpdated);
    };
  }, [tabId, nonce]);
  return { state, refresh: () => setNonce((n) => n + 1) };
}

/** Scrolls the bound tab to a text range and focuses the tab. */
export async function scrollPage(tabId: number | null, start: number, end: number): Promise<void> {
  if (tabId === null) return;
  await sendToTab(tabId, { type: 'scroll-to', start, end }).catch(() => undefined);
}
