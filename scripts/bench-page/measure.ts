// One page load in a context: the main-world probe (loadEventEnd, overlay mount, long tasks), settling, and the with/without samples.
import type { BrowserContext, Page } from 'playwright-core';
import type { Session } from './contexts';
import { forgetRecord, installWorkerListener, waitForAnalysis, type AnalysisRecord } from './timings';
import { startTrace, tasksOf, type TracedTasks } from './trace';

const SETTLE_QUIET_MS = 300;
const SETTLE_MAX_MS = 8_000;

/** Recorded in the page's main world by the init script. */
export interface PageProbe {
  loadEventEnd: number;
  overlayAt: number | null;
  longTasks: Array<[start: number, duration: number]>;
}

/**
 * Main-world recorder, installed with addInitScript in BOTH contexts so they pay the same overhead:
 * long tasks (buffered) and the moment the overlay host becomes a child of <body> (WXT mounts it with
 * anchor 'body', append 'last'). Only <document>, <html> and <body> child lists are observed, never the
 * whole subtree, so parsing a 1 MB page is not slowed down.
 */
// A string, not a function: tsx (esbuild keepNames) would put `__name(...)` helpers into a serialized function.
export const PROBE_SCRIPT = `(() => {
  if (window !== window.top) return;
  const rec = { longTasks: [], overlayAt: null };
  Object.defineProperty(window, '__rlBench', { value: rec });
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) rec.longTasks.push([e.startTime, e.duration]);
    }).observe({ type: 'longtask', buffered: true });
  } catch (e) { /* longtask unsupported: left empty */ }
  const watched = new WeakSet();
  const mo = new MutationObserver((records) => {
    for (const r of records) {
      for (const n of r.addedNodes) {
        const name = n.localName;
        if (name === 'html' || name === 'body') watch(n);
        else if (name === 'rectify-lens-overlay' && rec.overlayAt === null) {
          rec.overlayAt = performance.now();
          mo.disconnect();
          return;
        }
      }
    }
  });
  function watch(n) {
    if (!n || watched.has(n)) return;
    watched.add(n);
    mo.observe(n, { childList: true });
  }
  watch(document);
  watch(document.documentElement);
  watch(document.body);
})();`;

/**
 * Waits until the page is quiet: mark count and long-task count unchanged for SETTLE_QUIET_MS. After the
 * recorded timings the content script still saves the notice and re-draws the marks (reloadAnnotations);
 * its long tasks belong to the analysis too.
 */
async function settle(page: Page): Promise<void> {
  const deadline = Date.now() + SETTLE_MAX_MS;
  let last = '';
  let quietSince = Date.now();
  while (Date.now() < deadline) {
    const snap = await page.evaluate(() => `${document.querySelectorAll('mark.rl-mark').length}|${(window as unknown as { __rlBench?: { longTasks: unknown[] } }).__rlBench?.longTasks.length ?? 0}`);
    if (snap !== last) {
      last = snap;
      quietSince = Date.now();
    } else if (Date.now() - quietSince >= SETTLE_QUIET_MS) return;
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function readProbe(page: Page): Promise<PageProbe> {
  await page.waitForFunction(() => ((performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined)?.loadEventEnd ?? 0) > 0, null, { timeout: 10_000 });
  return page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    const rec = (window as unknown as { __rlBench?: { longTasks: Array<[number, number]>; overlayAt: number | null } }).__rlBench;
    return { loadEventEnd: nav.loadEventEnd, overlayAt: rec?.overlayAt ?? null, longTasks: rec?.longTasks ?? [] };
  });
}

export interface WithSample {
  /** The analysis' timings; null on a page that is not a notice (nothing is analyzed there). */
  record: AnalysisRecord | null;
  probe: PageProbe;
}

/** Quiet time on a page that is not a notice: the detector (or, before #14, the whole content script) has run by then. */
const ORDINARY_WAIT_MS = 1500;

/** One load with the extension. `notice`: wait for its analysis; else give the extension ORDINARY_WAIT_MS. */
export async function loadWith(s: Session, file: string, notice = true): Promise<WithSample> {
  const url = s.server.urlFor(file);
  await installWorkerListener(s);
  await forgetRecord(s, url);
  const page = await s.context.newPage();
  try {
    await page.goto(url, { waitUntil: 'load' });
    let record: AnalysisRecord | null = null;
    if (notice) {
      record = await waitForAnalysis(s, url);
      // late-content pages: the article arrives after load; measure the analysis of the full article
      if (file.startsWith('late-')) record = await waitForAnalysis(s, url, record.chars);
    } else await page.waitForTimeout(ORDINARY_WAIT_MS);
    await settle(page);
    return { record, probe: await readProbe(page) };
  } finally {
    await page.close();
  }
}

/**
 * One load with the extension under a Chromium trace: the durations of the main-thread tasks that ran the
 * extension's code (see trace.ts for how a task is attributed), longest first, and of all tasks. Traced
 * loads are extra loads: tracing slows the page, so load times come from the untraced ones.
 */
export async function tracedLoadWith(s: Session, file: string, notice = true): Promise<TracedTasks> {
  const url = s.server.urlFor(file);
  await installWorkerListener(s);
  await forgetRecord(s, url);
  const page = await s.context.newPage();
  try {
    const tracer = await startTrace(s.context, page);
    await page.goto(url, { waitUntil: 'load' });
    if (notice) {
      const first = await waitForAnalysis(s, url);
      if (file.startsWith('late-')) await waitForAnalysis(s, url, first.chars);
    } else await page.waitForTimeout(ORDINARY_WAIT_MS);
    await settle(page);
    return tasksOf(await tracer.stop(), url, 'chrome-extension://');
  } finally {
    await page.close();
  }
}

/**
 * One load of a page that is not a notice under a Chromium trace, in any context: the extension's tasks (any
 * chrome-extension:// script, so the noop control's too) as tasksOf splits them.
 */
export async function tracedLoadOrdinary(context: BrowserContext, url: string): Promise<TracedTasks> {
  const page = await context.newPage();
  try {
    const tracer = await startTrace(context, page);
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForTimeout(ORDINARY_WAIT_MS);
    await settle(page);
    return tasksOf(await tracer.stop(), url, 'chrome-extension://');
  } finally {
    await page.close();
  }
}

/** Pause after a tab of the ordinary page closed, before the next load (the same after every load, in every context). */
const BETWEEN_LOADS_MS = 250;
/**
 * Quiet time after `load` in the ordinary page's alternated loads, before settle() (300 ms without new long
 * tasks): the detector has finished by then (it starts at most 50 ms after `load`). Short, so that the two
 * loads of a pair run close together, at about the same machine load.
 */
const ORDINARY_PAIR_WAIT_MS = 300;

/**
 * One load of a page that is not a notice, the same steps in any context (the extension's, the noop control's):
 * load, ORDINARY_PAIR_WAIT_MS, settle, read the probe, close, BETWEEN_LOADS_MS. Loads compared with each other thus
 * follow an identical previous load — before, a load without the extension closed its tab 50 ms after `load`
 * (while that tab was still painting) and the next load, with the extension, started next to it.
 */
export async function loadOrdinary(context: BrowserContext, url: string): Promise<PageProbe> {
  const page = await context.newPage();
  try {
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForTimeout(ORDINARY_PAIR_WAIT_MS);
    await settle(page);
    return await readProbe(page);
  } finally {
    await page.close();
    await new Promise((r) => setTimeout(r, BETWEEN_LOADS_MS));
  }
}

export async function loadWithout(context: BrowserContext, url: string): Promise<PageProbe> {
  const page = await context.newPage();
  try {
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForTimeout(50);
    return await readProbe(page);
  } finally {
    await page.close();
  }
}
