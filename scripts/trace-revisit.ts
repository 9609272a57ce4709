/**
 * Where the time goes between a notice page's `load` and the overlay on a revisit, or a first visit (--first) (issue #14): loads the page
 * once (so it is remembered and its analyzer registered), then N traced revisits; prints, per revisit, the
 * main-thread tasks from the analyzer's first evaluation until the overlay, on the clock of the `load` event, with
 * the events inside them (≥ 0.3 ms) and User Timing marks named `rl:…`. The analyzer sets none: add
 * `performance.mark('rl:<step>')` calls where you want them, temporarily (the content script's `performance` is
 * the page's, so they land in the page's timeline and in the trace).
 *
 *   WXT_OUT_DIR=/tmp/out-x node --import tsx scripts/trace-revisit.ts [file.html] [--runs=N] [--cpu] [--first]
 *
 * --first traces first visits instead (the library forgotten before each load: detector, then analyzer).
 *
 * --cpu adds the CPU profiler (slows the page) and prints, between consecutive marks, the functions by sampled time
 * (readable with an unminified build: `build: { minify: false }` in wxt.config.ts' vite block, temporarily).
 */
import { forgetVisits, launchExtension } from './bench-page/contexts';
import { loadWith, PROBE_SCRIPT } from './bench-page/measure';
import { forgetRecord, installWorkerListener, waitForAnalysis } from './bench-page/timings';
import { startTrace } from './bench-page/trace';
import { frameLabel, nodesById, samplesWithin, topLines, type CpuProfile } from './lib/cpu-profile';

interface Ev { name: string; cat?: string; ph: string; ts: number; dur?: number; pid: number; tid: number; args?: any } // eslint-disable-line @typescript-eslint/no-explicit-any

const args = process.argv.slice(2);
const runs = Number(args.find((a) => a.startsWith('--runs='))?.slice(7) ?? 3);
const cpu = args.includes('--cpu');
const firstVisit = args.includes('--first');
const file = args.find((a) => !a.startsWith('--')) ?? 'guzhen-town.html';

const s = await launchExtension();
try {
  await s.context.addInitScript({ content: PROBE_SCRIPT });
  await forgetVisits(s);
  await loadWith(s, file);
  if (!firstVisit) await loadWith(s, file);
  for (let r = 0; r < runs; r++) {
    if (firstVisit) await forgetVisits(s);
    await traceOnce();
  }
} finally {
  await s.close();
}

async function traceOnce(): Promise<void> {
  const url = s.server.urlFor(file);
  await installWorkerListener(s);
  await forgetRecord(s, url);
  const page = await s.context.newPage();
  const cdp = cpu ? await s.context.newCDPSession(page) : null;
  if (cdp) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
  }
  const tracer = await startTrace(s.context, page, ['blink.user_timing', 'v8', 'devtools.timeline.async']);
  await page.goto(url, { waitUntil: 'load' });
  const rec = await waitForAnalysis(s, url);
  await page.waitForTimeout(400);
  const probe = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    const b = (window as unknown as { __rlBench: { overlayAt: number | null } }).__rlBench;
    return { loadEventEnd: nav.loadEventEnd, loadEventStart: nav.loadEventStart, dcl: nav.domContentLoadedEventEnd, overlayAt: b.overlayAt };
  });
  const events = (await tracer.stop()) as unknown as Ev[];
  const profile = cdp ? ((await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile }).profile : null;
  await page.close();
  const pids = new Set(events.filter((e) => e.name === 'ParseHTML' && e.args?.beginData?.url === url).map((e) => e.pid));
  const main = events.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && pids.has(e.pid));
  if (!main) return void console.log('no main thread');
  const onThread = events.filter((e) => e.pid === main.pid && e.tid === main.tid).sort((a, b) => a.ts - b.ts);
  const load = onThread.find((e) => e.name === 'MarkLoad' && e.args?.data?.isMainFrame)?.ts ?? 0;
  const at = (ts: number) => ((ts - load) / 1000).toFixed(1).padStart(7);
  const marks = events.filter((e) => e.pid === main.pid && (e.cat ?? '').includes('user_timing') && String(e.name).startsWith('rl:'));
  const t = rec.timings;
  console.log(`\n=== ${file} ${firstVisit ? 'first visit' : 'revisit'}: load ${probe.loadEventEnd.toFixed(1)} (dcl ${probe.dcl.toFixed(1)}), overlay +${probe.overlayAt === null ? '—' : (probe.overlayAt - probe.loadEventEnd).toFixed(1)} ms after load; timings ${JSON.stringify(Object.fromEntries(Object.entries(t).map(([k, v]) => [k, Math.round(v * 10) / 10])))}`);
  const firstExt = onThread.find((e) => JSON.stringify(e.args ?? {}).includes('chrome-extension://'))?.ts ?? load;
  const until = load + ((probe.overlayAt ?? probe.loadEventEnd + 200) - probe.loadEventEnd) * 1000 + 30_000;
  const tasks = onThread.filter((e) => e.name === 'RunTask' && e.ph === 'X' && e.ts + (e.dur ?? 0) >= firstExt - 1000 && e.ts <= until && (e.dur ?? 0) >= 300);
  const items: Array<[number, string]> = [];
  for (const m of marks) items.push([m.ts, `${at(m.ts)}   MARK ${m.name}`]);
  items.push([load, `${at(load)}   == load (MarkLoad)`]);
  for (const task of tasks) {
    const end = task.ts + (task.dur ?? 0);
    const inner = onThread.filter((e) => e !== task && e.ph === 'X' && e.ts >= task.ts && e.ts <= end && (e.dur ?? 0) >= 300 && e.name !== 'RunTask');
    const desc = inner.slice(0, 14).map((e) => {
      const u = String(e.args?.data?.url ?? e.args?.data?.functionName ?? e.args?.fileName ?? '').split('/').pop();
      return `${e.name}${u ? `(${u.slice(0, 30)})` : ''} ${((e.dur ?? 0) / 1000).toFixed(1)}`;
    });
    items.push([task.ts, `${at(task.ts)} task ${((task.dur ?? 0) / 1000).toFixed(1).padStart(5)} ms: ${desc.join(', ')}`]);
  }
  for (const [, line] of items.sort((a, b) => a[0] - b[0])) console.log(line);
  if (!profile) return;
  const sorted = [...marks].sort((a, b) => a.ts - b.ts);
  for (let i = 0; i + 1 < sorted.length; i++) {
    const [from, to] = [sorted[i], sorted[i + 1]];
    if (to.ts - from.ts < 2000) continue;
    console.log(`  -- ${from.name} → ${to.name} (${((to.ts - from.ts) / 1000).toFixed(1)} ms), inclusive:`);
    console.log(inclusive(profile, from.ts, to.ts, to.name === 'rl:mounted' ? 70 : 18));
  }
}

/** The profile's functions by inclusive sampled time within [from, to] (trace clock, µs), most first. */
function inclusive(profile: CpuProfile, from: number, to: number, k: number): string {
  const incl = new Map<string, number>();
  for (const { stack, ms } of samplesWithin(profile, nodesById(profile), from, to)) {
    for (const l of new Set(stack.map(frameLabel))) incl.set(l, (incl.get(l) ?? 0) + ms);
  }
  return topLines(incl, k);
}
