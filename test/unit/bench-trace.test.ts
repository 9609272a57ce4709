import { describe, expect, it } from 'vitest';
import { outermostDuration, tasksOf } from '../../scripts/bench-page/trace';

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

describe('tasksOf (which main-thread tasks are the extension\'s)', () => {
  const page = 'http://www.example.gov.cn/a.html';
  const ext = 'chrome-extension://abc/';
  const meta = [
    { name: 'thread_name', ph: 'M', ts: 0, pid: 1, tid: 1, args: { name: 'CrRendererMain' } },
  ];
  const x = (name: string, ts: number, dur: number, url?: string, extra: Record<string, unknown> = {}) =>
    ({ name, ph: 'X', ts, dur, tdur: dur, pid: 1, tid: 1, args: { data: url ? { url } : {}, ...extra } });

  it('counts a task the extension started whole, and only its own events in the page\'s parsing task (a document_start script)', () => {
    const events = [
      ...meta,
      // the page's first parsing task (10 ms), the document_start loader evaluated inside it (1 ms)
      x('RunTask', 0, 10_000),
      x('ParseHTML', 100, 9_800, undefined, { beginData: { url: page } }),
      x('EvaluateScript', 2_000, 1_000, `${ext}detector-loader.js`),
      // a task of the extension's own (its callback after load): 6 ms
      x('RunTask', 50_000, 6_000),
      x('FunctionCall', 50_100, 5_800, `${ext}detector-loader.js`),
      { name: 'MarkLoad', ph: 'I', ts: 40_000, pid: 1, tid: 1, args: { data: { isMainFrame: true } } },
      // a page task without the extension
      x('RunTask', 60_000, 20_000),
    ];
    const t = tasksOf(events as never, page, ext);
    expect(t.extension).toEqual([6, 1]);
    expect(t.extensionBeforeLoad).toBe(1);
    expect(t.extensionBeforeLoadOwn).toBe(1);
    expect(t.all).toEqual([20, 10, 6]);
  });
});
