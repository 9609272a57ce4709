/**
 * Waiting for the end of the page's `load` without delaying it: shared by the detector loader (the one script
 * every gov page gets, lib/page/detector-loader) and the detector itself (entrypoints/detector.ts, also
 * registered directly on remembered sites). No imports: the loader must stay a few hundred bytes.
 */

/** A page still loading after this long (a slow image, a hanging script) is checked anyway. */
const LOAD_WAIT_CAP_MS = 3000;
/** Pause between two looks at document.readyState while the page loads (the fallback to the navigation entry). */
const LOAD_POLL_MS = 100;

/**
 * Resolves in a task after the page's load event (at once when it is over; after LOAD_WAIT_CAP_MS at the latest):
 * the detector's work never delays `load`. Chromium injects document_idle scripts in the task right before `load`,
 * so nothing may be scheduled that could run between the two: every task boundary there is a chance for a
 * rendering frame — the page's first layout, 20–60 ms — to come before `load`. Hence no `load` listener (it runs
 * inside the page's load task, where trace attribution then counts that task as the extension's) and no timer at
 * 0 ms, but the navigation timing entry, which Chromium reports to observers once the load event is over, with
 * looks at document.readyState every LOAD_POLL_MS as the fallback. No idle wait either: on a notice that put the
 * page's first layout (50–100 ms on a long notice) before the request for the analyzer.
 * Plain timers only: no extension API, no ContentScriptContext.
 */
export function afterPageLoad(): Promise<void> {
  return new Promise((resolve) => {
    let observer: PerformanceObserver | null = null;
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      observer?.disconnect();
      resolve();
    };
    if (document.readyState === 'complete') {
      setTimeout(finish, 0);
      return;
    }
    try {
      observer = new PerformanceObserver((list) => {
        if (list.getEntries().some((e) => (e as PerformanceNavigationTiming).loadEventEnd > 0)) finish();
      });
      observer.observe({ type: 'navigation' });
    } catch {
      observer = null; // no navigation entries here: the looks below decide
    }
    const started = Date.now();
    const look = () => {
      if (done) return;
      if (document.readyState === 'complete' || Date.now() - started >= LOAD_WAIT_CAP_MS) finish();
      else setTimeout(look, LOAD_POLL_MS);
    };
    setTimeout(look, LOAD_POLL_MS);
  });
}
