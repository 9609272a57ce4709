/**
 * lib/page/after-load: the detector loader's wait for the end of `load` (issue #14), with a scripted
 * PerformanceObserver and fake timers: it runs once, on the navigation entry whose load event is over, on a
 * buffered entry already complete, on readyState where navigation timing cannot be observed, and after the cap
 * (once the page is parsed).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { whenPageLoaded } from '@/lib/page/after-load';

type Deliver = (entries: Array<{ loadEventEnd: number }>) => void;
let observers: Array<{ deliver: Deliver; options: unknown; disconnected: boolean }>;

class ScriptedObserver {
  private readonly record: { deliver: Deliver; options: unknown; disconnected: boolean };
  constructor(callback: (list: { getEntries(): unknown[] }) => void) {
    this.record = { deliver: (entries) => !this.record.disconnected && callback({ getEntries: () => entries }), options: null, disconnected: false };
    observers.push(this.record);
  }
  observe(options: unknown) {
    this.record.options = options;
  }
  disconnect() {
    this.record.disconnected = true;
  }
}

beforeEach(() => {
  observers = [];
  vi.useFakeTimers();
  vi.stubGlobal('PerformanceObserver', ScriptedObserver);
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('whenPageLoaded', () => {
  it('runs once, when the navigation entry reports the load event over, and asks for buffered entries', () => {
    const run = vi.fn();
    whenPageLoaded(run);
    expect(observers[0].options).toEqual({ type: 'navigation', buffered: true });
    observers[0].deliver([{ loadEventEnd: 0 }]);
    expect(run).not.toHaveBeenCalled();
    observers[0].deliver([{ loadEventEnd: 42 }]);
    observers[0].deliver([{ loadEventEnd: 42 }]);
    vi.advanceTimersByTime(5000);
    expect(run).toHaveBeenCalledTimes(1);
    expect(observers[0].disconnected).toBe(true);
  });

  it('does nothing synchronously, even when the page has loaded already', () => {
    const run = vi.fn();
    whenPageLoaded(run);
    expect(run).not.toHaveBeenCalled();
  });

  it('runs after 3 s when the load event never ends (a hanging image or script)', () => {
    vi.stubGlobal('document', { readyState: 'interactive' });
    const run = vi.fn();
    whenPageLoaded(run);
    vi.advanceTimersByTime(2999);
    expect(run).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(run).toHaveBeenCalledTimes(1);
    observers[0].deliver([{ loadEventEnd: 42 }]);
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('after 3 s, a page still being parsed (its HTML still arriving) waits for DOMContentLoaded', () => {
    const listeners: Array<{ type: string; listener: () => void; options: unknown }> = [];
    vi.stubGlobal('document', { readyState: 'loading', addEventListener: (type: string, listener: () => void, options: unknown) => listeners.push({ type, listener, options }) });
    const run = vi.fn();
    whenPageLoaded(run);
    vi.advanceTimersByTime(3000);
    expect(run).not.toHaveBeenCalled();
    expect(listeners).toMatchObject([{ type: 'DOMContentLoaded', options: { once: true } }]);
    listeners[0].listener();
    expect(run).toHaveBeenCalledTimes(1);
    observers[0].deliver([{ loadEventEnd: 42 }]);
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('looks at document.readyState where navigation entries cannot be observed', () => {
    vi.stubGlobal('PerformanceObserver', class {
      constructor() {
        throw new TypeError('not supported');
      }
    });
    const doc = { readyState: 'interactive' };
    vi.stubGlobal('document', doc);
    const run = vi.fn();
    whenPageLoaded(run);
    vi.advanceTimersByTime(250);
    expect(run).not.toHaveBeenCalled();
    doc.readyState = 'complete';
    vi.advanceTimersByTime(100);
    expect(run).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(5000);
    expect(run).toHaveBeenCalledTimes(1);
  });
});
