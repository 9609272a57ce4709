// Running the page benchmark: the fixture pages, warm-up, and interleaved loads in the three contexts.
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { launchExtension, launchPlain, writeNoopExtension } from './contexts';
import { loadWith, loadWithout, PROBE_SCRIPT, type PageProbe, type WithSample } from './measure';
import { round, summarize, type PageBench, type PageBenchEntry } from './summary';

const MANIFEST: Array<{ file: string; isNotice: boolean; generated?: boolean }> = JSON.parse(
  readFileSync(new URL('../../test/fixtures/sites/index.json', import.meta.url), 'utf8'),
);
export const LONGEST_SEED = 'guzhen-town.html';
export const BIG = 'big-notice.html';
export const DEFAULT_RUNS = 5;

export async function benchPage(opts: { runs?: number; log?: (line: string) => void } = {}): Promise<PageBench> {
  const runs = Math.max(1, opts.runs ?? DEFAULT_RUNS);
  const loadAvgStart = loadavg()[0];
  const log = opts.log ?? (() => undefined);
  const files = [...MANIFEST.filter((m) => m.isNotice && !m.generated).map((m) => m.file), BIG];
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
    for (const file of files) {
      const url = s.server.urlFor(file);
      const withs: WithSample[] = [];
      const withouts: PageProbe[] = [];
      const noops: PageProbe[] = [];
      const steps = [
        async () => void withs.push(await loadWith(s, file)),
        async () => void withouts.push(await loadWithout(plain.context, url)),
        async () => void noops.push(await loadWithout(noop.context, url)),
      ];
      for (let i = 0; i < runs; i++) {
        // interleaved, rotating which context goes first
        for (let k = 0; k < steps.length; k++) await steps[(i + k) % steps.length]();
      }
      const entry = summarize(file, withs, withouts, noops);
      log(`  ${file}: ${entry.mainThreadMs} ms analysis, load ×${entry.loadRatio}`);
      pages.push(entry);
    }
    return {
      pages,
      longestSeed: pages.find((p) => p.file === LONGEST_SEED) ?? null,
      big: pages.find((p) => p.file === BIG) ?? null,
      chromium: chromiumVersion,
      machine: { cpus: cpus().length, loadAvgStart: round(loadAvgStart), loadAvgEnd: round(loadavg()[0]) },
    };
  } finally {
    await noop.close();
    await plain.close();
    await s.close();
  }
}
