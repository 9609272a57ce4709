/**
 * Benchmark aggregator: runs every bench section and prints them together.
 *
 *   npm run bench [-- --json] [-- --browser]
 *
 * `--browser` adds the side panel in real Chromium (scripts/bench-sidepanel.ts; build first, with the
 * same WXT_OUT_DIR).
 * Sections are registered in SECTIONS; a section whose script is not present (yet) is skipped.
 * JSON output: `{ "parse": …, "adversarial": …, "anchor": …, "db": …, "compare": … }`, one key per section.
 */
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { benchAdversarial, formatAdversarialBench } from './bench-adversarial';
import { benchParse, formatParseBench } from './bench-parse';

interface BenchSection {
  key: string;
  /** Script file next to this one, or null for sections imported statically. */
  file: string | null;
  run: () => Promise<unknown>;
  format: (result: unknown) => string;
}

const asJson = (title: string) => (r: unknown) => `${title}\n${JSON.stringify(r, null, 2)}`;

/** Dynamically import a sibling bench script and call its exported function, if the file exists. */
function optional(key: string, file: string, exportName: string, title: string): BenchSection {
  return {
    key,
    file,
    run: async () => {
      const mod = (await import(new URL(file, import.meta.url).href)) as Record<string, () => unknown>;
      return await mod[exportName]();
    },
    format: asJson(title),
  };
}

const SECTIONS: BenchSection[] = [
  { key: 'parse', file: null, run: async () => benchParse(), format: (r) => formatParseBench(r as ReturnType<typeof benchParse>) },
  { key: 'adversarial', file: null, run: async () => benchAdversarial(), format: (r) => formatAdversarialBench(r as ReturnType<typeof benchAdversarial>) },
  optional('anchor', './bench-anchor.ts', 'benchAnchor', '批注定位性能'),
  optional('db', './bench-db.ts', 'benchDb', '批注库性能'),
  optional('compare', './bench-compare.ts', 'benchCompare', '通报比对性能'),
];

/** Sections that need the built extension and a browser: only with `--browser`. */
const BROWSER_SECTIONS: BenchSection[] = [optional('sidePanel', './bench-sidepanel.ts', 'benchSidePanel', '侧边栏（真实 Chromium）')];

export async function runBenches(sections: BenchSection[] = SECTIONS): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const s of sections) {
    if (s.file && !existsSync(new URL(s.file, import.meta.url))) continue;
    out[s.key] = await s.run();
  }
  return out;
}

export async function main(argv: string[]): Promise<number> {
  const sections = argv.includes('--browser') ? [...SECTIONS, ...BROWSER_SECTIONS] : SECTIONS;
  const results = await runBenches(sections);
  if (argv.includes('--json')) console.log(JSON.stringify(results, null, 2));
  else for (const s of sections) if (s.key in results) console.log(s.format(results[s.key]) + '\n');
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
