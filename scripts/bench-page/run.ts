// Running the page benchmark: the pages, warm-up, and interleaved loads in the three contexts plus the traced loads.
import { existsSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { forgetVisits, launchExtension, launchPlain, writeNoopExtension, type Session } from './contexts';
import { loadOrdinary, loadWith, loadWithout, PROBE_SCRIPT, tracedLoadOrdinary, tracedLoadWith, type PageProbe, type WithSample } from './measure';
import { round, summarize, type PageBench, type PageBenchEntry, type PageKind } from './summary';
import type { TracedTasks } from './trace';
import { ANALYZER_PATH, bundleSizes, DETECTOR_PATH, sidepanelBytes } from '../lib/bundle-sizes';

const MANIFEST: Array<{ file: string; isNotice: boolean; generated?: boolean; host: string }> = JSON.parse(
  readFileSync(new URL('../../test/fixtures/sites/index.json', import.meta.url), 'utf8'),
);
export const LONGEST_SEED = 'guzhen-town.html';
export const BIG = 'big-notice.html';
/** An ordinary gov page (not a notice): the detector must be invisible there. */
export const ORDINARY = 'news-gov.html';
/** The notice visited again, unchanged, in the revisit entry. */
export const REVISITED = LONGEST_SEED;
export const DEFAULT_RUNS = 5;
/**
 * Pairs of loads (extension, noop control) of the ordinary page, at least: its load time is a few tens of ms
 * and spreads widely (a busy machine, and Chromium's first layout of the page — 20–60 ms of CJK font fallback
 * in a fresh renderer — falls before or after `load` by a race), so a 5 % difference needs many loads.
 */
export const ORDINARY_MIN_PAIRS = 40;
/** Traced loads of the ordinary page, at least: its extension tasks are a few ms, so a busy core easily doubles one. */
const ORDINARY_MIN_TRACED = 10;

interface PagePlan {
  label: string;
  file: string;
  kind: PageKind;
}

function plan(): PagePlan[] {
  const notices = MANIFEST.filter((m) => m.isNotice && !m.generated).map((m) => m.file);
  return [
    { label: ORDINARY, file: ORDINARY, kind: 'ordinary' },
    ...notices.map((file) => ({ label: file, file, kind: 'notice' as const })),
    { label: BIG, file: BIG, kind: 'big' },
    { label: `revisit:${REVISITED}`, file: REVISITED, kind: 'revisit' },
  ];
}

/** The built bundles' sizes; a build from before the detector/analyzer split has one content script for both. */
function bundlesOf(dir: string): PageBench['bundles'] {
  if (existsSync(`${dir}/${ANALYZER_PATH}`)) return bundleSizes(dir);
  const single = readFileSync(`${dir}/${DETECTOR_PATH}`).length;
  return { detectorLoader: 0, detector: single, analyzer: single, analyzerMarks: 0, sidepanel: sidepanelBytes(dir) };
}

export async function benchPage(opts: { runs?: number; ordinaryPairs?: number; only?: string; log?: (line: string) => void } = {}): Promise<PageBench> {
  const runs = Math.max(1, opts.runs ?? DEFAULT_RUNS);
  const ordinaryPairs = Math.max(runs, opts.ordinaryPairs ?? ORDINARY_MIN_PAIRS);
  const loadAvgStart = loadavg()[0];
  const log = opts.log ?? (() => undefined);
  const s = await launchExtension();
  const plain = await launchPlain();
  const noop = await launchPlain(writeNoopExtension());
  try {
    const chromiumVersion = s.context.browser()?.version() ?? 'unknown';
    await s.context.addInitScript({ content: PROBE_SCRIPT });
    await plain.context.addInitScript({ content: PROBE_SCRIPT });
    await noop.context.addInitScript({ content: PROBE_SCRIPT });
    // Warm-up (discarded): first content-script compile, first Dexie open, first 1 MB generation on the server.
    for (const f of [LONGEST_SEED, BIG]) {
      await loadWith(s, f);
      await loadWithout(plain.context, s.server.urlFor(f));
      await loadWithout(noop.context, s.server.urlFor(f));
    }
    const pages: PageBenchEntry[] = [];
    const wanted = opts.only?.split(',').filter(Boolean) ?? [];
    for (const p of plan().filter((entry) => !wanted.length || wanted.some((text) => entry.label.includes(text)))) {
      const entry = await benchOne(s, plain.context, noop.context, p, runs, ordinaryPairs);
      const range = entry.loadVsNoop.ratioRange90;
      log(`  ${p.label}: overlay ${entry.overlayAfterLoadMs ?? '—'} ms after load, longest extension task ${entry.extensionLongestTaskMs} ms, load ×${entry.loadRatioVsNoop} vs noop (90 % ${range[0]}–${range[1]}, ${entry.loadVsNoop.pairs} pairs)`);
      pages.push(entry);
    }
    return {
      pages,
      longestSeed: pages.find((p) => p.file === LONGEST_SEED) ?? null,
      big: pages.find((p) => p.file === BIG) ?? null,
      bundles: bundlesOf(s.extensionDir),
      chromium: chromiumVersion,
      machine: { cpus: cpus().length, loadAvgStart: round(loadAvgStart), loadAvgEnd: round(loadavg()[0]) },
    };
  } finally {
    await noop.close();
    await plain.close();
    await s.close();
  }
}

/**
 * The ordinary page: first `runs` (at least ORDINARY_MIN_TRACED) loads without any extension and traced loads with it, alternated; then
 * `pairs` loads with the extension and with the noop control alternated ABAB…, each in its own browser, each
 * load the same steps (loadOrdinary). Nothing is forgotten before a load: a page that is not a notice is
 * never remembered.
 */
async function benchOrdinary(s: Session, plain: Session['context'], noop: Session['context'], p: PagePlan, runs: number, pairs: number): Promise<PageBenchEntry> {
  const url = s.server.urlFor(p.file);
  const withouts: PageProbe[] = [];
  const traced: TracedTasks[] = [];
  const tracedNoop: TracedTasks[] = [];
  for (let i = 0; i < Math.max(runs, ORDINARY_MIN_TRACED); i++) {
    withouts.push(await loadWithout(plain, url));
    traced.push(await tracedLoadWith(s, p.file, false));
    tracedNoop.push(await tracedLoadOrdinary(noop, url));
  }
  // one discarded pair: the first load of this page in each browser
  await loadOrdinary(s.context, url);
  await loadOrdinary(noop, url);
  const withs: WithSample[] = [];
  const noops: PageProbe[] = [];
  for (let i = 0; i < pairs; i++) {
    withs.push({ record: null, probe: await loadOrdinary(s.context, url) });
    noops.push(await loadOrdinary(noop, url));
  }
  return summarize(p.label, p.kind, withs, withouts, noops, traced, tracedNoop);
}

async function benchOne(s: Session, plain: Session['context'], noop: Session['context'], p: PagePlan, runs: number, ordinaryPairs: number): Promise<PageBenchEntry> {
  if (p.kind === 'ordinary') return benchOrdinary(s, plain, noop, p, runs, ordinaryPairs);
  const url = s.server.urlFor(p.file);
  // a first visit forgets remembered analyses before each load; a revisit loads the page once first
  const prepare = async () => (p.kind === 'revisit' ? undefined : forgetVisits(s));
  if (p.kind === 'revisit') {
    await forgetVisits(s);
    await loadWith(s, p.file);
  }
  const withs: WithSample[] = [];
  const withouts: PageProbe[] = [];
  const noops: PageProbe[] = [];
  const traced: TracedTasks[] = [];
  const steps = [
    async () => {
      await prepare();
      withs.push(await loadWith(s, p.file));
    },
    async () => void withouts.push(await loadWithout(plain, url)),
    async () => void noops.push(await loadWithout(noop, url)),
    async () => {
      await prepare();
      traced.push(await tracedLoadWith(s, p.file));
    },
  ];
  for (let i = 0; i < runs; i++) {
    // interleaved, rotating which context goes first
    for (let k = 0; k < steps.length; k++) await steps[(i + k) % steps.length]();
  }
  return summarize(p.label, p.kind, withs, withouts, noops, traced);
}
