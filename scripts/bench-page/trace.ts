// Main-thread tasks of one page load from a Chromium trace (CDP Tracing), and which of them ran the extension's code.
import type { BrowserContext, CDPSession, Page } from 'playwright-core';

interface TraceEvent {
  name: string;
  cat?: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread (CPU) time of a complete event, µs: without the time the thread waited for a core. */
  tdur?: number;
  pid: number;
  tid: number;
  args?: {
    name?: string;
    data?: { url?: string; stackTrace?: Array<{ url?: string }>; frame?: string; timerId?: number; id?: number; isMainFrame?: boolean };
    beginData?: { url?: string };
  };
}

const CATEGORIES = ['-*', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'toplevel', 'v8.execute', 'disabled-by-default-devtools.timeline.stack'];

export interface Tracer {
  stop(): Promise<TraceEvent[]>;
}

/** Starts a browser trace from `page`'s session (it follows the page across processes); `extra`: more trace categories. */
export async function startTrace(context: BrowserContext, page: Page, extra: string[] = []): Promise<Tracer> {
  const cdp: CDPSession = await context.newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => void events.push(...(e.value as unknown as TraceEvent[])));
  await cdp.send('Tracing.start', { transferMode: 'ReportEvents', traceConfig: { includedCategories: [...CATEGORIES, ...extra] } });
  return {
    async stop() {
      const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
      await cdp.send('Tracing.end');
      await complete;
      await cdp.detach().catch(() => undefined);
      return events;
    },
  };
}

const urlsOf = (e: TraceEvent): string[] => {
  const data = e.args?.data;
  return [data?.url ?? '', ...(data?.stackTrace ?? []).map((f) => f.url ?? '')];
};

/** Callbacks scheduled by a script (the install event carries the installing stack; the fire event only the id). */
const SCHEDULED: Record<string, string> = { TimerFire: 'TimerInstall', FireIdleCallback: 'RequestIdleCallback', FireAnimationFrame: 'RequestAnimationFrame' };
const callbackKey = (e: TraceEvent) => `${e.args?.data?.frame}:${e.args?.data?.timerId ?? e.args?.data?.id}`;

/**
 * Durations (ms) of the page's main-thread tasks (RunTask on the CrRendererMain thread of the process that
 * parsed `pageUrl`), split by whether the extension's code ran in them: a task counts as the extension's when
 * some event inside it (a script evaluation, compile, function call, timer or callback) names a script of
 * `extensionOrigin` — in its own URL or its stack — or fires a timer/idle/frame callback the extension installed.
 * Tasks started by the page's own scripts, rendering and parsing are the page's. (Content scripts run in an
 * isolated world, so their callbacks show no URL of their own; the installing stack gives them away.)
 * One exception: a script injected at document_start is evaluated inside the page's own parsing task (ParseHTML);
 * of such a task only the extension's own events count as its task (the rest is the page parsing its HTML).
 */
export interface TracedTasks {
  /** Wall durations (ms) of the tasks that ran the extension's code, longest first. */
  extension: number[];
  /** Their thread (CPU) times (ms), longest first: what is left of them when other processes take the cores. */
  extensionCpu: number[];
  /** Wall time (ms) of the extension's tasks that started before the page's load event (MarkLoad of the main frame). */
  extensionBeforeLoad: number;
  /** Their thread (CPU) time (ms). */
  extensionBeforeLoadCpu: number;
  /**
   * Wall time (ms) before load of the extension's own events in those tasks: the outermost events that name its
   * scripts (evaluation, compile, calls). A script injected at document_start is evaluated inside the page's own
   * parsing task, which the two figures above then count whole; this one counts only the script.
   */
  extensionBeforeLoadOwn: number;
  all: number[];
}

export function tasksOf(events: TraceEvent[], pageUrl: string, extensionOrigin: string): TracedTasks {
  const pids = new Set(events.filter((e) => e.name === 'ParseHTML' && e.args?.beginData?.url === pageUrl).map((e) => e.pid));
  const mains = new Set(
    events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && pids.has(e.pid)).map((e) => `${e.pid}:${e.tid}`),
  );
  const extension: number[] = [];
  const extensionCpu: number[] = [];
  let extensionBeforeLoad = 0;
  let extensionBeforeLoadCpu = 0;
  let extensionBeforeLoadOwn = 0;
  const all: number[] = [];
  for (const thread of mains) {
    const onThread = events.filter((e) => `${e.pid}:${e.tid}` === thread).sort((a, b) => a.ts - b.ts);
    const loadAt = onThread.find((e) => e.name === 'MarkLoad' && e.args?.data?.isMainFrame)?.ts ?? Infinity;
    const tasks = onThread.filter((e) => e.name === 'RunTask' && e.ph === 'X' && (e.dur ?? 0) > 0);
    const ours = (e: TraceEvent) => urlsOf(e).some((u) => u.startsWith(extensionOrigin));
    const installed = new Set(onThread.filter((e) => Object.values(SCHEDULED).includes(e.name) && ours(e)).map(callbackKey));
    extensionBeforeLoadOwn += outermostDuration(onThread.filter((e) => e.ph === 'X' && e.name !== 'RunTask' && e.ts < loadAt && ours(e)));
    const marked = onThread
      .filter((e) => e.name !== 'RunTask' && (ours(e) || (e.name in SCHEDULED && installed.has(callbackKey(e)))))
      .map((e) => e.ts);
    let i = 0;
    for (const task of tasks) {
      const ms = (task.dur ?? 0) / 1000;
      all.push(ms);
      while (i < marked.length && marked[i] < task.ts) i++;
      if (i < marked.length && marked[i] <= task.ts + (task.dur ?? 0)) {
        const share = extensionShare(onThread, task, ours);
        const taskMs = ms * share;
        const cpu = (share * (task.tdur ?? task.dur ?? 0)) / 1000;
        extension.push(taskMs);
        extensionCpu.push(cpu);
        if (task.ts < loadAt) {
          extensionBeforeLoad += taskMs;
          extensionBeforeLoadCpu += cpu;
        }
      }
    }
  }
  const longestFirst = (xs: number[]) => xs.sort((a, b) => b - a);
  return { extension: longestFirst(extension), extensionCpu: longestFirst(extensionCpu), extensionBeforeLoad, extensionBeforeLoadCpu, extensionBeforeLoadOwn, all: longestFirst(all) };
}

/**
 * The part of an extension task that is the extension's: all of it, except in the page's own parsing task (a
 * document_start content script is evaluated inside it), where only the extension's own events are.
 */
function extensionShare(onThread: TraceEvent[], task: TraceEvent, ours: (e: TraceEvent) => boolean): number {
  const end = task.ts + (task.dur ?? 0);
  const inside = onThread.filter((e) => e !== task && e.ph === 'X' && e.ts >= task.ts && e.ts <= end);
  if (!inside.some((e) => e.name === 'ParseHTML')) return 1;
  return Math.min(1, outermostDuration(inside.filter(ours)) / ((task.dur ?? 0) / 1000));
}

/** Total duration (ms) of complete events sorted by start, not counting an event nested in one already counted. */
export function outermostDuration(sorted: Array<Pick<TraceEvent, 'ts' | 'dur'>>): number {
  let total = 0;
  let coveredUntil = -Infinity;
  for (const e of sorted) {
    const end = e.ts + (e.dur ?? 0);
    if (e.ts >= coveredUntil) total += e.dur ?? 0;
    else if (end > coveredUntil) total += end - coveredUntil;
    coveredUntil = Math.max(coveredUntil, end);
  }
  return total / 1000;
}
