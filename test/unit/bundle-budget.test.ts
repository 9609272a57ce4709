/**
 * The detector's bundle budget (issue #14): the check itself on made-up builds, and the real build's
 * detector when a build exists in WXT_OUT_DIR (npm test also runs scripts/check-bundles.ts after each build).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ANALYZER_MARKS_PATH, ANALYZER_PATH, BUNDLE_BUDGETS, bundleSizes, DETECTOR_LOADER_PATH, DETECTOR_PATH, overBudget } from '@/scripts/lib/bundle-sizes';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function fakeBuild(detectorBytes: number, loaderBytes = 1000): string {
  const dir = mkdtempSync(join(tmpdir(), 'rl-bundles-'));
  dirs.push(dir);
  mkdirSync(join(dir, 'chunks'));
  writeFileSync(join(dir, DETECTOR_LOADER_PATH), 'l'.repeat(loaderBytes));
  writeFileSync(join(dir, DETECTOR_PATH), 'x'.repeat(detectorBytes));
  writeFileSync(join(dir, ANALYZER_PATH), 'y'.repeat(300_000));
  writeFileSync(join(dir, 'chunks/panel.js'), 'z'.repeat(1000));
  writeFileSync(join(dir, 'sidepanel.html'), '<script type="module" src="/chunks/panel.js"></script>');
  return dir;
}

describe('bundle budgets', () => {
  it('a detector over 20 KB is reported, one under is not', () => {
    expect(BUNDLE_BUDGETS.detector).toBe(20 * 1024);
    expect(overBudget(bundleSizes(fakeBuild(21 * 1024)))).toEqual([expect.stringContaining('detector bundle is 21.0 KB')]);
    expect(overBudget(bundleSizes(fakeBuild(19 * 1024)))).toEqual([]);
  });

  it('a detector loader over 2 KB is reported, one under is not', () => {
    expect(overBudget(bundleSizes(fakeBuild(100, 2100)))).toEqual([expect.stringContaining('detectorLoader bundle is 2.1 KB')]);
    expect(overBudget(bundleSizes(fakeBuild(100, 2000)))).toEqual([]);
  });

  it('the side panel counts its page and every script it loads', () => {
    const dir = fakeBuild(100);
    const html = readFileSync(join(dir, 'sidepanel.html')).length;
    expect(bundleSizes(dir)).toEqual({ detectorLoader: 1000, detector: 100, analyzer: 300_000, analyzerMarks: 0, sidepanel: html + 1000 });
    writeFileSync(join(dir, ANALYZER_MARKS_PATH), 'm'.repeat(20_000));
    expect(bundleSizes(dir)).toMatchObject({ analyzerMarks: 20_000 });
  });

  const built = ['chrome-mv3', 'firefox-mv2']
    .map((b) => resolve(import.meta.dirname, '../..', process.env.WXT_OUT_DIR ?? '.output', b))
    .filter((d) => existsSync(join(d, DETECTOR_PATH)) && existsSync(join(d, ANALYZER_PATH)));
  for (const dir of built) {
    it(`the built detector and its loader in ${dir} fit their budgets and hold no parser, zod, Preact or mark.js`, () => {
      expect(overBudget(bundleSizes(dir))).toEqual([]);
      // Chromium's loader (Firefox declares the detector itself) reads the extension API only once the page has
      // loaded: none of wxt/browser's eager pick, nor WXT's unlisted-script wrapper
      if (dir.endsWith('chrome-mv3')) {
        const loader = readFileSync(join(dir, DETECTOR_LOADER_PATH), 'utf8');
        expect(loader).not.toMatch(/=\s*globalThis\.browser\?\.runtime\?\.id/);
        expect(loader).not.toContain('crashed on startup');
      }
      const detector = readFileSync(join(dir, DETECTOR_PATH), 'utf8');
      const analyzer = readFileSync(join(dir, ANALYZER_PATH), 'utf8');
      // what only the analyzer may hold: zod, Preact's renderer, the highlighter and the overlay
      for (const marker of ['ZodError', 'dangerouslySetInnerHTML', 'rl-mark', 'rectify-lens-overlay']) {
        expect(analyzer).toContain(marker);
        expect(detector).not.toContain(marker);
      }
    });

    // (builds from before the mark drawer was split off have none)
    it.runIf(existsSync(join(dir, ANALYZER_MARKS_PATH)))(`the built analyzer in ${dir} leaves mark.js to its mark drawer, which holds no zod or Preact`, () => {
      const analyzer = readFileSync(join(dir, ANALYZER_PATH), 'utf8');
      const marks = readFileSync(join(dir, ANALYZER_MARKS_PATH), 'utf8');
      expect(marks).toContain('data-markjs');
      expect(analyzer).not.toContain('data-markjs');
      for (const marker of ['ZodError', 'dangerouslySetInnerHTML', 'rectify-lens-overlay']) expect(marks).not.toContain(marker);
    });
  }
});
