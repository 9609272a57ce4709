import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { PageState } from '@/lib/schema';
import { onStateBroadcast, sendToTab } from '@/lib/messaging';
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
      sendToTab(tabId, { type: 'get-state' })
        .then(show)
        .catch(() => show(null));
    void fetchFull();
    // Broadcasts carry no text/model: refetch when the notice itself changed, else merge the small fields.
    const stopListening = onStateBroadcast((next, from) => {
      if (from !== tabId) return;
      if (!current?.notice || next.status !== current.status || next.snapshotHash !== current.snapshotHash) void fetchFull();
      else show({ ...current, anchors: next.anchors, error: next.error, timings: next.timings, noticeKey: next.noticeKey });
    });
    const onUpdated = (id: number, info: { status?: string }) => {
      if (id === tabId && info.status === 'complete') setNonce((n) => n + 1);
    };
    browser.tabs.onUpdated.addListener(onUpdated);
    return () => {
      alive = false;
      stopListening();
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
