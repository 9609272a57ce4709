/**
 * Side panel with a big library, in real Chromium: import a 10 000-annotation backup through the
 * settings view, then time the annotations view from click to first rendered rows (target < 300 ms).
 * Baseline in the same run: the same click on an empty annotations list.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { backupToJson } from '../lib/db/backup';
import { launch, openSidePanel, type Session } from './lib/browser';
import { makeLargeBackup } from './bench-db';

export interface SidePanelBench {
  annotations: number;
  importMs: number;
  firstRenderMs: number;
  baselineMs: number;
  ratio: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Click "批注" (all notices) and wait until rows (or the empty message) are painted. */
async function timeAnnotationsView(panel: Page, expectRows: boolean): Promise<number> {
  await panel.locator('[data-view="settings"]').click();
  // A string, not a function: tsx's name helpers do not exist inside the page.
  const ready = expectRows ? "document.querySelector('.sp-annotation')" : "document.querySelector('.sp-annotations .sp-muted')";
  return panel.evaluate(`(async () => {
    const t0 = performance.now();
    document.querySelector('[data-view="annotations"]').click();
    await new Promise((resolve) => { const tick = () => (${ready} ? resolve() : requestAnimationFrame(tick)); tick(); });
    await new Promise((r) => requestAnimationFrame(() => r(null)));
    return performance.now() - t0;
  })()`) as Promise<number>;
}

export async function benchSidePanel(count = 10_000, session?: Session): Promise<SidePanelBench> {
  const s = session ?? (await launch());
  try {
    const panel = await openSidePanel(s, null);
    const baselines: number[] = [];
    for (let i = 0; i < 5; i++) baselines.push(await timeAnnotationsView(panel, false));
    const file = join(mkdtempSync(join(tmpdir(), 'rl-bench-')), 'backup.json');
    writeFileSync(file, backupToJson(makeLargeBackup(count)));
    await panel.locator('[data-view="settings"]').click();
    const t0 = Date.now();
    await panel.locator('input[name="backupFile"]').setInputFiles(file);
    await panel.locator('.sp-ok').waitFor({ timeout: 120_000 });
    const importMs = Date.now() - t0;
    const runs: number[] = [];
    for (let i = 0; i < 5; i++) runs.push(await timeAnnotationsView(panel, true));
    const firstRenderMs = median(runs);
    const baselineMs = median(baselines);
    return { annotations: count, importMs, firstRenderMs, baselineMs, ratio: firstRenderMs / Math.max(baselineMs, 0.1) };
  } finally {
    if (!session) await s.close();
  }
}

export function formatSidePanelBench(r: SidePanelBench): string {
  return [
    `side panel, ${r.annotations} annotations: import ${r.importMs} ms; annotations view first render ${r.firstRenderMs.toFixed(1)} ms (empty list ${r.baselineMs.toFixed(1)} ms, ×${r.ratio.toFixed(1)})`,
    `${r.firstRenderMs < 300 ? 'met' : 'MISSED'}: side panel first render < 300 ms`,
  ].join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const r = await benchSidePanel();
  console.log(process.argv.includes('--json') ? JSON.stringify({ sidePanel: r }) : formatSidePanelBench(r));
}
