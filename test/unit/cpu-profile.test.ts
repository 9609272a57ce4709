import { describe, expect, it } from 'vitest';
import { frameLabel, nodesById, samplesWithin, topLines, type CpuProfile } from '../../scripts/lib/cpu-profile';

const frame = (id: number, functionName: string, children: number[] = []) => ({ id, callFrame: { functionName, url: 'chrome-extension://x/analyzer.js', lineNumber: id }, children });

// root → a → b; samples at 10, 30, 60 µs after the start (deltas 10, 20, 30)
const profile: CpuProfile = { nodes: [frame(1, '', [2]), frame(2, 'a', [3]), frame(3, 'b')], startTime: 1000, samples: [3, 2, 3], timeDeltas: [10, 20, 30] };

describe('cpu-profile (the tracing scripts\' reading of a V8 CPU profile)', () => {
  it('gives the samples within the window, innermost frame first, weighted by the time to the next sample', () => {
    const got = [...samplesWithin(profile, nodesById(profile), 1020, 1060)].map(({ stack, ms }) => ({ stack: stack.map((n) => n.id), ms }));
    expect(got).toEqual([{ stack: [2, 1], ms: 0.03 }, { stack: [3, 2, 1], ms: 0.1 }]);
  });

  it('labels frames and lists the largest entries first', () => {
    expect(frameLabel(profile.nodes[0])).toBe('(anon) analyzer.js:2');
    expect(topLines(new Map([['x', 1], ['y', 2.25]]), 1)).toBe('      2.3 y');
  });
});
