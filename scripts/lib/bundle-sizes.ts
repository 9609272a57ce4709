/**
 * Sizes of the built extension's page-facing bundles, read from a build directory (.output/chrome-mv3 or
 * firefox-mv2): the detector loader every gov page gets before its `load` (0 in builds from before it), the
 * detector it imports after `load`, the analyzer injected into notices and its mark drawer (mark.js,
 * injected after it as a file of its own; 0 in builds from before it was split off), and the side panel (its
 * entry plus every chunk and stylesheet sidepanel.html loads). Printed after every build (wxt.config.ts), checked
 * against the budgets by `scripts/check-bundles.ts` (a step of `npm test`) and reported by `npm run bench:page`.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DETECTOR_FILE } from '../../lib/page/detector-loader';

export interface BundleSizes {
  detectorLoader: number;
  detector: number;
  analyzer: number;
  analyzerMarks: number;
  sidepanel: number;
}

/**
 * Bytes. The detector runs on every gov page: it must stay a few KB (issue #14). Its loader is evaluated in the
 * task just before the page's `load`: it must stay about as cheap as an empty script.
 */
export const BUNDLE_BUDGETS: Partial<BundleSizes> = { detectorLoader: 2 * 1024, detector: 20 * 1024 };

export const DETECTOR_LOADER_PATH = 'detector-loader.js';
/** The detector's file as the loader imports it (lib/page/detector-loader), relative to the build directory. */
export const DETECTOR_PATH = DETECTOR_FILE.replace(/^\//, '');
export const ANALYZER_PATH = 'analyzer.js';
export const ANALYZER_MARKS_PATH = 'analyzer-marks.js';

const size = (dir: string, file: string) => statSync(join(dir, file)).size;

/** The files an extension page loads: its scripts, module preloads and stylesheets (local paths only). */
function pageAssets(dir: string, html: string): string[] {
  const text = readFileSync(join(dir, html), 'utf8');
  const refs = [...text.matchAll(/<(?:script|link)\b[^>]*?\b(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
  return [...new Set(refs.filter((r) => r.startsWith('/') || r.startsWith('./') || !r.includes(':')).map((r) => r.replace(/^\.?\//, '')))];
}

/** The side panel page and every script and stylesheet it loads. */
export function sidepanelBytes(dir: string): number {
  return pageAssets(dir, 'sidepanel.html').reduce((sum, f) => sum + size(dir, f), size(dir, 'sidepanel.html'));
}

export function bundleSizes(dir: string): BundleSizes {
  for (const file of [DETECTOR_PATH, ANALYZER_PATH, 'sidepanel.html']) {
    if (!existsSync(join(dir, file))) throw new Error(`${join(dir, file)} not found: build the extension first`);
  }
  const sizeIfBuilt = (file: string) => (existsSync(join(dir, file)) ? size(dir, file) : 0);
  return {
    detectorLoader: sizeIfBuilt(DETECTOR_LOADER_PATH),
    detector: size(dir, DETECTOR_PATH),
    analyzer: size(dir, ANALYZER_PATH),
    analyzerMarks: sizeIfBuilt(ANALYZER_MARKS_PATH),
    sidepanel: sidepanelBytes(dir),
  };
}

/** One line per bundle over its budget (empty when all fit). */
export function overBudget(sizes: BundleSizes, budgets: Partial<BundleSizes> = BUNDLE_BUDGETS): string[] {
  return (Object.keys(budgets) as Array<keyof BundleSizes>)
    .filter((k) => sizes[k] > budgets[k]!)
    .map((k) => `${k} bundle is ${kb(sizes[k])}, over its budget of ${kb(budgets[k]!)}`);
}

export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

export function formatBundleSizes(sizes: BundleSizes, budgets: Partial<BundleSizes> = BUNDLE_BUDGETS): string {
  return (Object.keys(sizes) as Array<keyof BundleSizes>)
    .map((k) => `  ${k.padEnd(13)} ${kb(sizes[k]).padStart(9)}${budgets[k] ? `  (budget ${kb(budgets[k]!)})` : ''}`)
    .join('\n');
}
