/**
 * In-page reading aid benchmark, in real Chromium with the BUILT extension (.output/chrome-mv3).
 *
 *   npm run bench:page [-- --json] [-- --runs=N]        (builds first; needs /usr/bin/chromium)
 *   node --import tsx scripts/bench-page.ts [--json] [--runs=N] [--ordinary-pairs=N] [--only=TEXT]   (uses the existing build; TEXT picks pages by label, a,b,c any of several)
 *
 * For an ordinary gov page (news-gov.html), every fixture notice page (index.json, isNotice), the generated
 * ~1 MB /big-notice.html and a revisit of an unchanged notice:
 *  - content-script work extract + detect + parse + highlight, as recorded by the controller's `timings`
 *    (lib/page/controller.ts analyze()), median of N loads, a fresh tab per load. The timings reach us
 *    through the extension's own `state-changed` broadcast, caught by a listener added in the service
 *    worker — nothing polls the page while it is being analyzed. "highlight" is the main-thread time
 *    of highlighting (flattening, offset mapping and mark.js slices; the yields between slices are
 *    excluded — the controller also records `highlightWall`).
 *  - navigation loadEventEnd with and without the extension (a second persistent context, same flags,
 *    no --load-extension), loads interleaved, median of N each. The extension's work on a notice starts
 *    after `load` (lib/page/after-load): time until the overlay host element is
 *    attached (a main-world MutationObserver on <body>'s children) is reported as well.
 *    The ordinary page runs --ordinary-pairs (default 40) loads with the extension and with the noop control,
 *    alternated ABAB… with identical steps (bench-page/run.ts benchOrdinary): its load time is tens of ms and
 *    bimodal — Chromium's first layout of the page in a fresh renderer (20–60 ms, mostly CJK font fallback)
 *    lands before or after `load` depending on whether a frame gets in between DOMContentLoaded and `load`.
 *    The traced loads report the extension's main-thread time before `load` by task and by its own events
 *    (extensionBeforeLoadOwnMs): a script injected at document_start runs inside the page's own parsing task.
 *  - long tasks ('longtask' PerformanceObserver from an init script, in both contexts): the longest task
 *    overlapping the analysis window, estimated as overlay mount ± total analysis time (the content
 *    script's isolated world is unreachable from the page, so its exact start is not observable), next to
 *    the longest task of the same page loaded without the extension.
 *  - issue #14's figures per page: overlayAfterLoadMs and highlightsAfterLoadMs (after the page's load event),
 *    loadRatioVsNoop (load with the extension / with an empty content-script extension; loadVsNoop adds the
 *    quartiles, a bootstrap range of the ratio and the median pair ratio, loadSamplesMs every load), and
 *    extensionLongestTaskMs: the longest main-thread task that ran the extension's code, from a Chromium
 *    trace (CDP Tracing) of extra loads — a task is the extension's when an event inside it names one of the
 *    extension's scripts (evaluation, compile, function call) or fires a timer/idle/frame callback a script
 *    of the extension installed (bench-page/trace.ts). Tasks the extension merely causes (style, layout of
 *    its marks) are not counted. Top level: `bundles` {detector, analyzer, sidepanel} bytes of the build.
 *  - first visits forget remembered analyses before each load; the revisit entry (`revisit:<file>`) does not.
 *
 * Parts: bench-page/contexts.ts (browsers), timings.ts (content-script timings), measure.ts (one load),
 * trace.ts (extension tasks), summary.ts (medians), run.ts (benchPage), report.ts (table and targets).
 *
 * Progress goes to stderr; stdout carries the table (or only JSON with --json). Exit code is 0 even if a
 * target is missed (this is a benchmark): misses are printed as MISSED.
 */
import { pathToFileURL } from 'node:url';
import { benchSidePanel, formatSidePanelBench } from './bench-sidepanel';
import { formatPageBench, TARGETS } from './bench-page/report';
import { benchPage, DEFAULT_RUNS } from './bench-page/run';

export { benchPage, formatPageBench, TARGETS };
export type { PageBench, PageBenchEntry } from './bench-page/summary';

export async function main(argv: string[]): Promise<number> {
  const json = argv.includes('--json');
  const runsArg = argv.find((a) => a.startsWith('--runs='));
  const runs = runsArg ? Number(runsArg.slice('--runs='.length)) : DEFAULT_RUNS;
  if (!Number.isInteger(runs) || runs < 1) {
    console.error(`--runs must be a positive integer, got ${runsArg}`);
    return 2;
  }
  // --ordinary-pairs=N: loads with the extension and with the noop control on the ordinary page (default ORDINARY_MIN_PAIRS = 40, at least --runs)
  const pairsArg = argv.find((a) => a.startsWith('--ordinary-pairs='));
  const ordinaryPairs = pairsArg ? Number(pairsArg.slice('--ordinary-pairs='.length)) : undefined;
  if (ordinaryPairs !== undefined && (!Number.isInteger(ordinaryPairs) || ordinaryPairs < 1)) {
    console.error(`--ordinary-pairs must be a positive integer, got ${pairsArg}`);
    return 2;
  }
  // --only=<text>[,<text>…]: only the pages whose label contains one of them (e.g. --only=revisit), and no side-panel part
  const only = argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
  const started = Date.now();
  const result = await benchPage({ runs, ordinaryPairs, only, log: (l) => console.error(l) });
  if (only) {
    console.log(json ? JSON.stringify({ page: result }, null, 2) : formatPageBench(result));
    return 0;
  }
  console.error('side panel with 10 000 annotations…');
  const sidePanel = await benchSidePanel();
  console.error(`  (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  if (json) console.log(JSON.stringify({ page: result, sidePanel }, null, 2));
  else {
    console.log(formatPageBench(result));
    console.log(formatSidePanelBench(sidePanel));
  }
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      console.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
      process.exitCode = 1;
    },
  );
}
