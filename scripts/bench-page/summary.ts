// Result shapes of the page benchmark and the aggregation of samples into medians.
import type { PageProbe, WithSample } from './measure';
import type { BundleSizes } from '../lib/bundle-sizes';
import { compareLoads, type LoadComparison } from './spread';
import type { TracedTasks } from './trace';

/** ordinary: a gov page that is not a notice; notice: a seed page, first visit; big: the ~1 MB notice; revisit: an unchanged notice again. */
export type PageKind = 'ordinary' | 'notice' | 'big' | 'revisit';

export interface PageBenchEntry {
  /** The fixture file; `revisit:<file>` for the revisit of an unchanged notice. */
  file: string;
  kind: PageKind;
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
  /** The page's `load` event end → overlay host attached (median); null when no overlay was shown. */
  overlayAfterLoadMs: number | null;
  /** `load` → the last highlight drawn (median; the analyzer's `highlightsAt` on the page's clock); null when none. */
  highlightsAfterLoadMs: number | null;
  /**
   * Longest main-thread task that ran the extension's code, from a Chromium trace of separate loads (median over
   * loads; 0 when none ran): a task counts when it evaluates, calls or fires a callback of the extension's scripts;
   * of the page's own parsing task (where a document_start script is evaluated) only the extension's events count.
   */
  extensionLongestTaskMs: number;
  /** The worst traced load's longest extension task. */
  extensionLongestTaskMaxMs: number;
  /** The longest extension task's thread (CPU) time, median over traced loads: the same task without the waits for a core on a busy machine. */
  extensionLongestTaskCpuMs: number;
  /** Main-thread time of the extension's tasks before the page's load event, median over traced loads. */
  extensionBeforeLoadMs: number;
  /** Their thread (CPU) time, median. */
  extensionBeforeLoadCpuMs: number;
  /** Of that time, the extension's own events only (its scripts' evaluation, compile and calls), median: see TracedTasks. */
  extensionBeforeLoadOwnMs: number;
  /**
   * The same two for the noop control (its empty content script's injection task), from traced loads alternated
   * with the extension's; null on notice pages (not traced there).
   */
  noopBeforeLoadMs: number | null;
  noopBeforeLoadCpuMs: number | null;
  noopBeforeLoadOwnMs: number | null;
  /** loadEventEnd with the extension / with the empty (noop) content-script extension (ratio of the medians). */
  loadRatioVsNoop: number;
  /** The same comparison with its spread: quartiles of both, a bootstrap range of the ratio, the median pair ratio. */
  loadVsNoop: LoadComparison;
  /**
   * Every load's loadEventEnd (ms), in the order they ran: with the extension and with the noop control.
   * On the ordinary page they alternate ABAB…, `with[i]` right before `noop[i]`.
   */
  loadSamplesMs: { with: number[]; noop: number[] };
  /** Loads with the extension (on the ordinary page: pairs of loads with the extension and the noop control). */
  runs: number;
}

export interface PageBench {
  pages: PageBenchEntry[];
  longestSeed: PageBenchEntry | null;
  big: PageBenchEntry | null;
  /** Built bundle sizes (bytes): the detector every gov page gets, the analyzer and its mark drawer, the side panel (scripts/lib/bundle-sizes). */
  bundles: BundleSizes;
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
  const from = at === null ? sample.probe.loadEventEnd : at - (sample.record?.timings.total ?? 0) - 20;
  return sample.probe.longTasks.filter(([start, duration]) => start + duration >= from).map(([, d]) => d).sort((a, b) => b - a);
}

const longestOverall = (p: PageProbe) => p.longTasks.reduce((m, [, d]) => Math.max(m, d), 0);

const medianOrNull = (xs: Array<number | null>): number | null => {
  const known = xs.filter((x): x is number => x !== null);
  return known.length ? round(median(known)) : null;
};

/**
 * `load` → all highlights drawn: the analyzer's own `highlightsAt` (performance.now(), same clock as the page);
 * builds from before #14 do not record it, for them the overlay mount + the highlighting's wall time.
 */
function highlightsAfterLoad(w: WithSample): number | null {
  const t = w.record?.timings;
  if (!t || !(t.highlight > 0)) return null;
  const at = t.highlightsAt ?? (w.probe.overlayAt === null ? null : w.probe.overlayAt + (t.highlightWall ?? 0));
  return at === null ? null : at - w.probe.loadEventEnd;
}

export function summarize(
  file: string,
  kind: PageKind,
  withs: WithSample[],
  withouts: PageProbe[],
  noops: PageProbe[],
  traced: TracedTasks[],
  tracedNoop: TracedTasks[] = [],
): PageBenchEntry {
  const t = (k: string) => median(withs.map((w) => w.record?.timings[k] ?? 0));
  const mains = withs.map((w) => ['extract', 'detect', 'parse', 'highlight'].reduce((sum, k) => sum + (w.record?.timings[k] ?? 0), 0));
  const loadWithMs = median(withs.map((w) => w.probe.loadEventEnd));
  const loadWithoutMs = median(withouts.map((p) => p.loadEventEnd));
  const overlays = withs.map((w) => w.probe.overlayAt).filter((x): x is number => x !== null);
  const loadNoopMs = median(noops.map((p) => p.loadEventEnd));
  const tasks = withs.map((w) => analysisTasks(w)[0] ?? 0);
  const worst = withs.map(analysisTasks).sort((a, b) => (b[0] ?? 0) - (a[0] ?? 0))[0] ?? [];
  const longestExtension = traced.map((t) => t.extension[0] ?? 0);
  return {
    file,
    kind,
    chars: median(withs.map((w) => w.record?.chars ?? 0)),
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
    overlayAfterLoadMs: medianOrNull(withs.map((w) => (w.probe.overlayAt === null ? null : w.probe.overlayAt - w.probe.loadEventEnd))),
    highlightsAfterLoadMs: medianOrNull(withs.map(highlightsAfterLoad)),
    extensionLongestTaskMs: round(median(longestExtension)),
    extensionLongestTaskMaxMs: round(Math.max(0, ...longestExtension)),
    extensionLongestTaskCpuMs: round(median(traced.map((t) => t.extensionCpu[0] ?? 0))),
    extensionBeforeLoadMs: round(median(traced.map((t) => t.extensionBeforeLoad))),
    extensionBeforeLoadCpuMs: round(median(traced.map((t) => t.extensionBeforeLoadCpu))),
    noopBeforeLoadMs: tracedNoop.length ? round(median(tracedNoop.map((t) => t.extensionBeforeLoad))) : null,
    noopBeforeLoadCpuMs: tracedNoop.length ? round(median(tracedNoop.map((t) => t.extensionBeforeLoadCpu))) : null,
    extensionBeforeLoadOwnMs: round(median(traced.map((t) => t.extensionBeforeLoadOwn))),
    noopBeforeLoadOwnMs: tracedNoop.length ? round(median(tracedNoop.map((t) => t.extensionBeforeLoadOwn))) : null,
    loadRatioVsNoop: Math.round((loadWithMs / loadNoopMs) * 1000) / 1000,
    loadVsNoop: compareLoads(withs.map((w) => w.probe.loadEventEnd), noops.map((p) => p.loadEventEnd)),
    loadSamplesMs: { with: withs.map((w) => round(w.probe.loadEventEnd)), noop: noops.map((p) => round(p.loadEventEnd)) },
    runs: withs.length,
  };
}
