import { describe, expect, it } from 'vitest';
import { outermostDuration } from '../../scripts/bench-page/trace';

// Trace events are in µs; outermostDuration answers in ms.
const ev = (ts: number, dur: number) => ({ ts, dur });

describe('outermostDuration (the extension\'s own time in a trace)', () => {
  it('adds separate events', () => {
    expect(outermostDuration([ev(0, 1000), ev(5000, 500)])).toBe(1.5);
  });

  it('does not count an event nested in one already counted (a compile inside an evaluation)', () => {
    expect(outermostDuration([ev(0, 2000), ev(100, 300), ev(1500, 500)])).toBe(2);
  });

  it('counts only the part of an overlapping event past the one before', () => {
    expect(outermostDuration([ev(0, 1000), ev(800, 700)])).toBe(1.5);
  });

  it('is 0 for no events', () => {
    expect(outermostDuration([])).toBe(0);
  });
});
