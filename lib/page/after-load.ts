/**
 * Waiting for the end of the page's `load` without delaying it: used by the detector loader (the one script every
 * gov page gets before its `load`, lib/page/detector-loader) and the detector itself (entrypoints/detector.ts,
 * also registered directly on remembered sites). No imports: the loader must stay a few hundred bytes.
 */

/** A page still loading after this long (a slow image, a hanging script) is checked anyway, once it is parsed. */
const LOAD_WAIT_CAP_MS = 3000;
/** Where there is no navigation timing to observe: a look at document.readyState this often. */
const LOAD_POLL_MS = 100;

const loadIsOver = (entry: PerformanceEntry) => (entry as PerformanceNavigationTiming).loadEventEnd > 0;

/**
 * Calls `run` once, in a task after the page's load event (after LOAD_WAIT_CAP_MS at the latest), and never delays
 * `load`. It may be called at document_start (the detector loader in Chromium) or at document_idle (the detector in
 * Firefox and on remembered sites), which Chromium runs in a task right before `load`: what this does in the calling
 * task counts, and nothing may be scheduled that could run between it and `load`: every task boundary there is a
 * chance for a rendering frame — the page's first layout, 20–60 ms — to come before `load`. Hence:
 * - no `load` listener (it runs inside the page's load task, which trace attribution then counts as ours), no
 *   timer at 0 ms, no idle wait (on a notice it put the page's first layout before the analyzer);
 * - the navigation timing entry, which Chromium and Firefox report to observers once the load event is over,
 *   observed `buffered`, so an entry already complete (a script that came after `load`) is seen too;
 * - in the calling task only that observer and the cap's timer: no Promise, no document access, no extension API
 *   (each of these cost ~0.1–0.2 ms of thread time in the injection task of a fresh isolated world; measured).
 */
export function whenPageLoaded(run: () => void): void {
  let done = false;
  let observer: PerformanceObserver | null = null;
  const finish = () => {
    if (done) return;
    done = true;
    observer?.disconnect();
    clearTimeout(cap);
    run();
  };
  const cap = setTimeout(() => afterParsing(finish), LOAD_WAIT_CAP_MS);
  try {
    observer = new PerformanceObserver((list) => {
      if (list.getEntries().some(loadIsOver)) finish();
    });
    observer.observe({ type: 'navigation', buffered: true });
  } catch {
    observer = null; // no navigation timing here: look at readyState instead
    lookAtReadyState(finish);
  }
}

/**
 * Runs `then` now, or once the page is parsed if it is not yet. The cap counts from the caller's start, which in
 * Chromium is document_start: a page whose HTML is still arriving after LOAD_WAIT_CAP_MS waits for its
 * DOMContentLoaded, so that the detector never reads half a page (or a page without a body yet).
 */
function afterParsing(then: () => void): void {
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', then, { once: true });
  else then();
}

function lookAtReadyState(finish: () => void): void {
  const look = () => (document.readyState === 'complete' ? finish() : setTimeout(look, LOAD_POLL_MS));
  setTimeout(look, LOAD_POLL_MS);
}

/** whenPageLoaded as a promise. */
export const afterPageLoad = (): Promise<void> => new Promise(whenPageLoaded);
