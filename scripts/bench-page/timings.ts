// Content-script timings of one load, read from the extension's state-changed broadcast via a service-worker listener.
import type { Session } from './contexts';

// `chrome` exists inside the extension's service worker, where the evaluate() callbacks run.
declare const chrome: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- the service worker's `chrome`, untyped in this Node file

const READY_TIMEOUT_MS = 30_000;

export interface AnalysisRecord {
  chars: number;
  timings: Record<string, number>;
}

/** Listener in the service worker: keeps the last `state-changed` that carries the highlight timing, per URL. */
export async function installWorkerListener(s: Session): Promise<void> {
  await s.worker.evaluate(() => {
    const g = globalThis as unknown as { __rlBench?: Map<string, unknown> };
    if (g.__rlBench) return;
    const seen = new Map<string, unknown>();
    g.__rlBench = seen;
    chrome.runtime.onMessage.addListener((msg: { type?: string; state?: { url: string; status: string; text: string | null; timings: Record<string, number> } }) => {
      const st = msg?.type === 'state-changed' ? msg.state : undefined;
      if (st && st.status === 'ready' && typeof st.timings?.highlight === 'number') {
        seen.set(st.url, { chars: st.timings.textChars ?? st.text?.length ?? 0, timings: st.timings });
      }
      return false; // never answers: the background's own listener owns the message
    });
  });
}

export async function forgetRecord(s: Session, url: string): Promise<void> {
  await s.worker.evaluate((u) => {
    (globalThis as unknown as { __rlBench: Map<string, unknown> }).__rlBench.delete(u);
  }, url);
}

/** Fallback when the broadcast was missed (e.g. a restarted service worker): ask the content script. */
async function askContentScript(s: Session, url: string): Promise<AnalysisRecord | null> {
  return s.worker.evaluate(async (u) => {
    const tabs: Array<{ id?: number; url?: string }> = await chrome.tabs.query({});
    const tab = tabs.filter((t) => t.url === u).sort((a, b) => (b.id ?? 0) - (a.id ?? 0))[0];
    if (tab?.id == null) return null;
    try {
      const reply = await chrome.tabs.sendMessage(tab.id, { type: 'get-state' });
      const st = reply?.ok ? reply.data : null;
      if (!st || st.status !== 'ready' || typeof st.timings?.highlight !== 'number') return null;
      return { chars: st.text?.length ?? 0, timings: st.timings };
    } catch {
      return null; // content script not injected yet
    }
  }, url);
}

async function readRecord(s: Session, url: string): Promise<AnalysisRecord | null> {
  await installWorkerListener(s); // no-op unless the service worker was restarted
  return (await s.worker.evaluate((u) => (globalThis as unknown as { __rlBench: Map<string, unknown> }).__rlBench.get(u) ?? null, url)) as AnalysisRecord | null;
}

/** Waits for a finished analysis (one with more than `moreThanChars` characters, for late-loaded pages). */
export async function waitForAnalysis(s: Session, url: string, moreThanChars = -1): Promise<AnalysisRecord> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  let polls = 0;
  while (Date.now() < deadline) {
    const rec = await readRecord(s, url);
    if (rec && rec.chars > moreThanChars) return rec;
    // after a while, ask the page directly (costs a full PageState serialization in the tab)
    if (++polls > 40 && polls % 10 === 0) {
      const asked = await askContentScript(s, url);
      if (asked && asked.chars > moreThanChars) return asked;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`no finished analysis for ${url} within ${READY_TIMEOUT_MS} ms`);
}
