// Result shapes of the page benchmark and the aggregation of samples into medians.
import type { PageProbe, WithSample } from './measure';

export interface PageBenchEntry {
  file: string;
  /** Normalized notice text length (what the parser saw). */
  chars: number;
  /** extract + detect + parse + highlight, median over loads. */
  mainThreadMs: number;
  /** Fastest load's extract + detect + parse + highlight (less sensitive to a busy machine). */
  mainThreadMinMs: number;
  extractMs: number;
  detectMs: number;
  parseMs: number;
  highlightMs: number;
  /** Controller's own `total` (t0 → marks applied), median. */
  totalMs: number;
  loadMsWith: number;
  loadMsWithout: number;
  loadRatio: number;
  /** Control: loadEventEnd with an extension whose content script (document_idle) is empty, and its ratio. */
  loadMsNoopExt: number;
  loadRatioNoopExt: number;
  /** Navigation start → overlay host attached to <body> (median). Null if never seen. */
  overlayMs: number | null;
  /** Longest long task overlapping the estimated analysis window: median over loads, and worst load. */
  longestTaskMs: number;
  longestTaskMaxMs: number;
  /** Longest long task anywhere in the same page loaded without the extension (worst load). */
  longestTaskWithoutMs: number;
  /** Every long task of the analysis in the load with the longest one, longest first. */
  worstLoadLongTasksMs: number[];
  runs: number;
}

export interface PageBench {
  pages: PageBenchEntry[];
  longestSeed: PageBenchEntry | null;
  big: PageBenchEntry | null;
  chromium: string;
  /** CPUs and 1-minute load average at the start and the end of the run (a busy machine inflates everything). */
  machine: { cpus: number; loadAvgStart: number; loadAvgEnd: number };
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export const round = (x: number) => Math.round(x * 10) / 10;

/**
 * Long tasks from the estimated start of the analysis (overlay mount − controller total − 20 ms; the
 * overlay is mounted between parse and the end of highlighting) until the page settled, longest first.
 */
function analysisTasks(sample: WithSample): number[] {
  const at = sample.probe.overlayAt;
  const from = at === null ? sample.probe.loadEventEnd : at - (sample.record.timings.total ?? 0) - 20;
  return sample.probe.longTasks.filter(([start, duration]) => start + duration >= from).map(([, d]) => d).sort((a, b) => b - a);
}

const longestOverall = (p: PageProbe) => p.longTasks.reduce((m, [, d]) => Math.max(m, d), 0);

export function summarize(file: string, withs: WithSample[], withouts: PageProbe[], noops: PageProbe[]): PageBenchEntry {
  const t = (k: string) => median(withs.map((w) => w.record.timings[k] ?? 0));
  const mains = withs.map((w) => ['extract', 'detect', 'parse', 'highlight'].reduce((sum, k) => sum + (w.record.timings[k] ?? 0), 0));
  const loadWithMs = median(withs.map((w) => w.probe.loadEventEnd));
  const loadWithoutMs = median(withouts.map((p) => p.loadEventEnd));
  const overlays = withs.map((w) => w.probe.overlayAt).filter((x): x is number => x !== null);
  const loadNoopMs = median(noops.map((p) => p.loadEventEnd));
  const tasks = withs.map((w) => analysisTasks(w)[0] ?? 0);
  const worst = withs.map(analysisTasks).sort((a, b) => (b[0] ?? 0) - (a[0] ?? 0))[0] ?? [];
  return {
    file,
    chars: median(withs.map((w) => w.record.chars)),
    mainThreadMs: round(median(mains)),
    mainThreadMinMs: round(Math.min(...mains)),
    extractMs: round(t('extract')),
    detectMs: round(t('detect')),
    parseMs: round(t('parse')),
    highlightMs: round(t('highlight')),
    totalMs: round(t('total')),
    loadMsWith: round(loadWithMs),
    loadMsWithout: round(loadWithoutMs),
    loadRatio: Math.round((loadWithMs / loadWithoutMs) * 1000) / 1000,
    loadMsNoopExt: round(loadNoopMs),
    loadRatioNoopExt: Math.round((loadNoopMs / loadWithoutMs) * 1000) / 1000,
    overlayMs: overlays.length ? round(median(overlays)) : null,
    longestTaskMs: round(median(tasks)),
    longestTaskMaxMs: round(Math.max(...tasks)),
    longestTaskWithoutMs: round(Math.max(...withouts.map(longestOverall))),
    worstLoadLongTasksMs: worst.map(round),
    runs: withs.length,
  };
}
