/**
 * What runs in the extension's longest main-thread tasks on a notice page (issue #14): the trace events inside
 * each and, with the CPU profiler on, its samples grouped by what the analyzer's module body was calling
 * (zod schema construction, other top-level calls) or what ran after it (overlay mount, analysis).
 *
 *   WXT_OUT_DIR=.output-x node --import tsx scripts/profile-analyzer-task.ts [file.html ...] [--runs=N] [--no-cpu]
 *
 * A task is the extension's when an event inside it names a chrome-extension:// script (a simpler rule than
 * bench-page/trace.ts, which also follows timers; enough to find the longest one). Readable names need an
 * unminified build; ZOD_LINES=<from>-<to> gives zod's line range in that build. Findings: /work/notes/analyzer/breakdown.md.
 */
import { launchExtension } from './bench-page/contexts';
import { forgetRecord, installWorkerListener, waitForAnalysis } from './bench-page/timings';
import { startTrace } from './bench-page/trace';
import { frameLabel, nodesById, samplesWithin, topLines, type CpuProfile, type ProfileNode } from './lib/cpu-profile';

interface Ev { name: string; ph: string; ts: number; dur?: number; pid: number; tid: number; args?: any } // eslint-disable-line @typescript-eslint/no-explicit-any

/** Line range of the zod library in the unminified bundle (printed, checked by hand against the build). */
const ZOD_LINES = (process.env.ZOD_LINES ?? '2300-8145').split('-').map(Number);

const args = process.argv.slice(2);
/** --no-cpu: trace only (no sampling profiler, which slows the page down); for the minified build. */
const cpu = !args.includes('--no-cpu');
const runs = Number(args.find((a) => a.startsWith('--runs='))?.slice(7) ?? 2);
const files = args.filter((a) => !a.startsWith('--'));
if (files.length === 0) files.push('mazhang-town.html', 'huashan-town.html');

const s = await launchExtension();
try {
  for (const file of files) {
    for (let r = 0; r < runs; r++) await profileOnce(file);
  }
} finally {
  await s.close();
}

async function profileOnce(file: string): Promise<void> {
  const url = s.server.urlFor(file);
  await installWorkerListener(s);
  await forgetRecord(s, url);
  const page = await s.context.newPage();
  const cdp = await s.context.newCDPSession(page);
  if (cpu) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
  }
  const tracer = await startTrace(s.context, page);
  await page.goto(url, { waitUntil: 'load' });
  await waitForAnalysis(s, url);
  await page.waitForTimeout(1200);
  const events = (await tracer.stop()) as unknown as Ev[];
  const empty = { nodes: [], startTime: 0, samples: [], timeDeltas: [] };
  const { profile } = cpu ? ((await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile }) : { profile: empty as CpuProfile };
  await page.close();

  const pids = new Set(events.filter((e) => e.name === 'ParseHTML' && e.args?.beginData?.url === url).map((e) => e.pid));
  const main = events.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && pids.has(e.pid));
  if (!main) return void console.log(file, 'no main thread');
  const onThread = events.filter((e) => e.pid === main.pid && e.tid === main.tid).sort((a, b) => a.ts - b.ts);
  const ours = (e: Ev) => [e.args?.data?.url ?? '', ...((e.args?.data?.stackTrace ?? []) as Array<{ url?: string }>).map((f) => f.url ?? '')].some((u) => u.startsWith('chrome-extension://'));
  const tasks = onThread.filter((e) => e.name === 'RunTask' && e.ph === 'X' && (e.dur ?? 0) > 0);
  const extTasks = tasks.filter((t) => onThread.some((e) => e.name !== 'RunTask' && e.ts >= t.ts && e.ts <= t.ts + (t.dur ?? 0) && ours(e)));
  extTasks.sort((a, b) => (b.dur ?? 0) - (a.dur ?? 0));
  console.log(`\n=== ${file} at ${clock()}: extension tasks (ms): ${extTasks.slice(0, 6).map((t) => ((t.dur ?? 0) / 1000).toFixed(1)).join(', ')}`);
  for (const t of extTasks.slice(0, 2)) describeTask(t, onThread, profile);
}
function clock(): string {
  return new Date().toISOString().slice(11, 19);
}

function describeTask(t: Ev, onThread: Ev[], profile: CpuProfile): void {
  const end = t.ts + (t.dur ?? 0);
  console.log(`-- task ${((t.dur ?? 0) / 1000).toFixed(1)} ms; trace events inside (≥0.5 ms):`);
  for (const e of onThread) {
    if (e === t || e.ph !== 'X' || e.ts < t.ts || e.ts > end || (e.dur ?? 0) < 500) continue;
    const u = e.args?.data?.url ?? e.args?.data?.functionName ?? '';
    console.log(`   +${((e.ts - t.ts) / 1000).toFixed(1)} ${e.name} ${((e.dur ?? 0) / 1000).toFixed(1)} ms ${String(u).slice(-50)}`);
  }
  if (!cpu) return;
  const byId = nodesById(profile);
  const self = new Map<string, number>();
  const incl = new Map<string, number>();
  let total = 0;
  for (const { stack, ms } of samplesWithin(profile, byId, t.ts, end)) {
    total += ms;
    const leaf = stack.length ? frameLabel(stack[0]) : '?';
    self.set(leaf, (self.get(leaf) ?? 0) + ms);
    for (const l of new Set(stack.map(frameLabel))) incl.set(l, (incl.get(l) ?? 0) + ms);
  }
  console.log(`  top-level calls (direct children of the module body; zod = lines ${ZOD_LINES.join('-')}):\n${topLines(buckets(profile, byId, t.ts, end), 25)}`);
  console.log(`   sampled ${total.toFixed(1)} ms\n  inclusive:\n${topLines(incl, 45)}\n  self:\n${topLines(self, 20)}`);
}
/** Samples by what the module body was doing: the frame right under the analyzer's top-level function. */
function buckets(profile: CpuProfile, byId: Map<number, ProfileNode>, from: number, to: number): Map<string, number> {
  const out = new Map<string, number>();
  for (const { stack, ms: dt } of samplesWithin(profile, byId, from, to)) {
    const chain = [...stack].reverse();
    const topIdx = chain.findLastIndex((n) => n.callFrame.url.endsWith('analyzer.js') && n.callFrame.lineNumber === 0);
    let key: string;
    if (topIdx < 0) key = chain.length > 1 ? `outside module body: ${frameLabel(chain[1])}` : '?';
    else if (topIdx === chain.length - 1) key = 'module body self';
    else {
      const c = chain[topIdx + 1];
      const line = c.callFrame.lineNumber + 1;
      key = c.callFrame.url.endsWith('analyzer.js') && line >= ZOD_LINES[0] && line <= ZOD_LINES[1] ? 'zod schema construction' : `module body → ${frameLabel(c)}`;
    }
    out.set(key, (out.get(key) ?? 0) + dt);
  }
  return out;
}

