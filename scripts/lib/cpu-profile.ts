// Reading a V8 CPU profile (CDP Profiler.stop) for the tracing scripts: the samples in a time window, with their stacks.

export interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  parent?: number;
  children?: number[];
}
export interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** The profile's nodes by id, each given its `parent` (the profile lists only children). */
export function nodesById(profile: CpuProfile): Map<number, ProfileNode> {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  for (const n of profile.nodes) for (const c of n.children ?? []) { const ch = byId.get(c); if (ch) ch.parent = n.id; }
  return byId;
}

/**
 * Every sample taken within [from, to] (trace clock, µs): its stack, innermost frame first, and its weight in ms (the
 * time to the next sample; 0.1 ms for the last).
 */
export function* samplesWithin(profile: CpuProfile, byId: Map<number, ProfileNode>, from: number, to: number): Generator<{ stack: ProfileNode[]; ms: number }> {
  let ts = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    ts += profile.timeDeltas[i];
    if (ts < from || ts > to) continue;
    const stack: ProfileNode[] = [];
    for (let n = byId.get(profile.samples[i]); n; n = n.parent ? byId.get(n.parent) : undefined) stack.push(n);
    yield { stack, ms: (profile.timeDeltas[i + 1] ?? 100) / 1000 };
  }
}

/** A frame as `function file:line`. */
export function frameLabel(n: ProfileNode): string {
  const f = n.callFrame;
  const file = f.url ? f.url.split('/').pop() : '';
  return `${f.functionName || '(anon)'} ${file}:${f.lineNumber + 1}`;
}

/** The `k` largest entries of `ms`, one indented line each. */
export function topLines(ms: Map<string, number>, k: number): string {
  return [...ms].sort((a, b) => b[1] - a[1]).slice(0, k).map(([l, v]) => `   ${v.toFixed(1).padStart(6)} ${l}`).join('\n');
}
