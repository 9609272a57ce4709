/**
 * Side panel with a big library, in real Chromium (the built extension, scripts/lib/browser.ts): import a
 * 10 000-annotation backup through the settings view (RUNS times, each into a fresh library — the database
 * deleted, as on a new install — in a freshly loaded panel), then time the annotations view from click to
 * first rendered rows (target ≤ 100 ms) and a search typed into it (until the filtered list is painted).
 *
 * Each import is also timed into a library whose tables were just cleared of the previous import's records
 * (`importAfterClearMs`): Chromium's IndexedDB (LevelDB) then still carries the deletions of those 10 000
 * records, and adding as many again costs it markedly more (measured: ~50% more browser CPU for the plain adds
 * below) — that is the storage's housekeeping, not the import's work, and it is why the target figure, like
 * the floor below, is taken on a fresh database.
 *
 * Baselines measured in the same run: the same click on an empty annotations list, and the floor of the
 * import — the same annotation records added with plain IndexedDB in one transaction to a scratch
 * database with the library's annotation indexes (no validation, no merging), interleaved with the imports.
 * A busy machine slows IndexedDB most: `importVsRawIdb` says how much the import adds to what the storage
 * itself costs, and the CPU time Chromium spends (all its processes, from /proc on Linux) moves far less
 * with the load than the wall times do.
 *
 *   WXT_OUT_DIR=… node --import tsx scripts/bench-sidepanel.ts [--json] [--import-only]   (after `wxt build`;
 *                                                      --import-only: only the imports and the plain adds)
 *   npm run bench -- --browser                                            (as the `sidePanel` section)
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { IMPORT_MEASURE_PREFIX, backupToJson } from '../lib/db/backup';
import { SCHEMA_LATEST, SCHEMA_V3 } from '../lib/db/database';
import { PRESET_TAGS } from '../lib/schema';
import { EXTENSION_DIR, launch, openSidePanel, type Session } from './lib/browser';
import { withChromiumCpu } from './lib/chromium-cpu';
import { makeLargeBackup } from './bench-db';

export interface SidePanelBench {
  annotations: number;
  /** In the page: from the file input's change event to the painted success message (median of RUNS imports into a fresh library). */
  importMs: number;
  /** The same into a library just cleared of the previous import's records (median of RUNS; see the header). */
  importAfterClearMs: number;
  /** Chromium CPU during those imports into a cleared library (median; null where /proc is missing). */
  importAfterClearCpuMs: number | null;
  /** The same seen from the test driver (file handed over, message found): adds the driver's round trips. */
  importWallMs: number;
  /**
   * The import's phases in the page (User Timing measures of lib/db/backup, medians): parse (JSON and every
   * table but the annotations), verify (snapshot hashes), write (annotations validated while stored).
   */
  importPhasesMs: Record<string, number>;
  /** CPU time of the whole Chromium during an import (median; null where /proc is missing). */
  importCpuMs: number | null;
  /** Plain IndexedDB adds of the same records (median of RUNS) with the library's annotation indexes, the floor under importMs. */
  rawIdbMs: number;
  /** CPU time of the whole Chromium during those plain adds (median; null where /proc is missing). */
  rawIdbCpuMs: number | null;
  /** The same with the annotation indexes of schema v3 (before the unqueried ones were dropped), for comparison. */
  rawIdbV3Ms: number;
  importVsRawIdb: number;
  /** Median of RUNS clicks on 批注 until the first rows are painted (after the first, the lists are cached). */
  firstRenderMs: number;
  /** The same click, each in a freshly loaded panel (as when the user opens the side panel): median of RUNS. */
  firstRenderColdMs: number;
  baselineMs: number;
  ratio: number;
  /** Median of RUNS searches typed into the full list until the filtered list is painted. */
  searchMs: number;
}

const RUNS = 5;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const medianOrNull = (xs: Array<number | null>) => (xs.some((x) => x === null) ? null : median(xs as number[]));

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

/** timeAnnotationsView in a freshly loaded panel, once it has settled. */
async function timeColdAnnotationsView(panel: Page): Promise<number> {
  await panel.reload();
  await panel.locator('[data-view="settings"]').click();
  await panel.locator('input[name="backupFile"]').waitFor({ state: 'attached' });
  await panel.waitForTimeout(300);
  return timeAnnotationsView(panel, true);
}

/** Types `query` into the annotations search (the whole list loaded) and waits until the count line changes. */
async function timeSearch(panel: Page, query: string): Promise<number> {
  await panel.locator('[data-view="settings"]').click();
  await panel.locator('[data-view="annotations"]').click();
  await panel.locator('.sp-annotations > .sp-muted', { hasText: /共 \d+ 条批注/ }).waitFor();
  return panel.evaluate(`(async () => {
    const count = () => document.querySelector('.sp-annotations > .sp-muted')?.textContent;
    const before = count();
    const input = document.querySelector('input[name="annotationQuery"]');
    const t0 = performance.now();
    input.value = ${JSON.stringify(query)};
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await new Promise((resolve, reject) => {
      const tick = () => (count() !== before ? resolve() : performance.now() - t0 > 10000 ? reject(new Error('搜索后列表未变化')) : requestAnimationFrame(tick));
      tick();
    });
    await new Promise((r) => requestAnimationFrame(() => r(null)));
    return performance.now() - t0;
  })()`) as Promise<number>;
}

/** Adds the backup's annotations with plain IndexedDB to a scratch database with the annotation indexes of `spec` (a Dexie store spec). */
async function timeRawIdb(panel: Page, spec: string): Promise<number> {
  const indexes = spec.split(',').map((x) => x.trim()).slice(1);
  return panel.evaluate(`(async () => {
    const annotations = window.rlBenchAnnotations;
    const db = await new Promise((resolve, reject) => {
      const open = indexedDB.open('rl-bench-raw-' + Math.random(), 1);
      open.onupgradeneeded = () => {
        const store = open.result.createObjectStore('annotations', { keyPath: 'id' });
        for (const spec of ${JSON.stringify(indexes)}) {
          const multi = spec.startsWith('*');
          const name = multi ? spec.slice(1) : spec;
          store.createIndex(name, name, { multiEntry: multi });
        }
      };
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const t0 = performance.now();
    await new Promise((resolve, reject) => {
      const tx = db.transaction('annotations', 'readwrite');
      const store = tx.objectStore('annotations');
      for (const a of annotations) store.add(a);
      tx.oncomplete = resolve;
      tx.onerror = () => reject(tx.error);
    });
    const ms = performance.now() - t0;
    db.close();
    indexedDB.deleteDatabase(db.name);
    return ms;
  })()`) as Promise<number>;
}

/** In the page: notes the time of the file input's change event and of the first painted success message. */
async function startImportClock(panel: Page): Promise<void> {
  await panel.evaluate(`(() => {
    performance.clearMeasures();
    const clock = (window.rlImportClock = {});
    document.querySelector('input[name="backupFile"]').addEventListener('change', () => (clock.start = performance.now()), { capture: true, once: true });
    const seen = new MutationObserver(() => {
      if (!document.querySelector('.sp-ok')) return;
      seen.disconnect();
      requestAnimationFrame(() => (clock.end = performance.now()));
    });
    seen.observe(document.body, { childList: true, subtree: true });
  })()`);
}

async function readImportClock(panel: Page): Promise<{ importMs: number; importPhasesMs: Record<string, number> }> {
  return panel.evaluate(`(async () => {
    const clock = window.rlImportClock;
    while (clock.end === undefined) await new Promise((r) => requestAnimationFrame(r));
    const phases = performance.getEntriesByType('measure').filter((m) => m.name.startsWith(${JSON.stringify(IMPORT_MEASURE_PREFIX)}));
    return { importMs: clock.end - clock.start, importPhasesMs: Object.fromEntries(phases.map((m) => [m.name.slice(${IMPORT_MEASURE_PREFIX.length}), m.duration])) };
  })()`) as Promise<{ importMs: number; importPhasesMs: Record<string, number> }>;
}

/** What the library is before an import: `fresh` (the database deleted) or `cleared` (its tables emptied). */
type LibraryBefore = 'fresh' | 'cleared';

/**
 * Deletes the library's database, as on a new install: the open connections (this panel's, the background's)
 * close on the version change (Dexie's default) and the reloaded panel creates it again.
 */
async function deleteLibrary(panel: Page): Promise<void> {
  await panel.evaluate(`new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase('rectify-lens');
    const stuck = setTimeout(() => reject(new Error('删除数据库被其他连接阻塞')), 10000);
    request.onsuccess = () => (clearTimeout(stuck), resolve(null));
    request.onerror = () => (clearTimeout(stuck), reject(request.error));
  })`);
}

/** Empties every table of the library (another connection beside the panel's: the panel sees no change events). */
async function emptyLibrary(panel: Page): Promise<void> {
  await panel.evaluate(`(async () => {
    const db = await new Promise((resolve, reject) => {
      const open = indexedDB.open('rectify-lens');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    await new Promise((resolve, reject) => {
      const tx = db.transaction([...db.objectStoreNames], 'readwrite');
      for (const name of db.objectStoreNames) tx.objectStore(name).clear();
      tx.oncomplete = resolve;
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  })()`);
}

interface ImportRun {
  importMs: number;
  importWallMs: number;
  importPhasesMs: Record<string, number>;
  cpuMs: number | null;
}

/** Imports `file` through the settings view of a freshly loaded panel, into an empty library (`before` says how it was emptied). */
async function timeImport(panel: Page, file: string, before: LibraryBefore): Promise<ImportRun> {
  await (before === 'fresh' ? deleteLibrary(panel) : emptyLibrary(panel));
  await panel.reload();
  await panel.locator('[data-view="settings"]').click();
  await panel.locator('input[name="backupFile"]').waitFor({ state: 'attached' });
  await startImportClock(panel);
  const { result: importWallMs, cpuMs } = await withChromiumCpu(EXTENSION_DIR, async () => {
    const t0 = Date.now();
    await panel.locator('input[name="backupFile"]').setInputFiles(file);
    await panel.locator('.sp-ok').waitFor({ timeout: 120_000 });
    return Date.now() - t0;
  });
  return { ...(await readImportClock(panel)), importWallMs, cpuMs };
}

/** The import half of SidePanelBench: RUNS imports, each beside the plain IndexedDB adds of the same records. */
export type ImportBench = Pick<
  SidePanelBench,
  'annotations' | 'importMs' | 'importAfterClearMs' | 'importAfterClearCpuMs' | 'importWallMs' | 'importPhasesMs' | 'importCpuMs' | 'rawIdbMs' | 'rawIdbCpuMs' | 'rawIdbV3Ms' | 'importVsRawIdb'
>;

const round = (x: number) => Math.round(x * 10) / 10;
const roundOrNull = (x: number | null) => (x === null ? null : round(x));

/** Imports a `count`-annotation backup RUNS times into an emptied library, each after the plain adds of the same records. */
async function benchImport(panel: Page, count: number): Promise<ImportBench> {
  const json = backupToJson(makeLargeBackup(count));
  const file = join(mkdtempSync(join(tmpdir(), 'rl-bench-')), 'backup.json');
  writeFileSync(file, json);
  const raw: Array<{ result: number; cpuMs: number | null }> = [];
  const rawV3: number[] = [];
  const imports: ImportRun[] = [];
  const afterClear: ImportRun[] = [];
  const keepAnnotations = (p: Page) => p.evaluate((text) => void ((window as unknown as { rlBenchAnnotations: unknown }).rlBenchAnnotations = JSON.parse(text).annotations), json);
  for (let i = 0; i < RUNS; i++) {
    // the plain adds run in the same page between the imports (the reload before an import drops the records)
    await keepAnnotations(panel);
    raw.push(await withChromiumCpu(EXTENSION_DIR, () => timeRawIdb(panel, SCHEMA_LATEST.annotations)));
    rawV3.push(await timeRawIdb(panel, SCHEMA_V3.annotations));
    imports.push(await timeImport(panel, file, 'fresh'));
    afterClear.push(await timeImport(panel, file, 'cleared'));
  }
  const rawIdbMs = median(raw.map((r) => r.result));
  const importMs = median(imports.map((r) => r.importMs));
  const phases = Object.keys(imports[0].importPhasesMs);
  return {
    annotations: count,
    importMs: round(importMs),
    importAfterClearMs: round(median(afterClear.map((r) => r.importMs))),
    importAfterClearCpuMs: roundOrNull(medianOrNull(afterClear.map((r) => r.cpuMs))),
    importWallMs: median(imports.map((r) => r.importWallMs)),
    importPhasesMs: Object.fromEntries(phases.map((k) => [k, round(median(imports.map((r) => r.importPhasesMs[k])))])),
    importCpuMs: roundOrNull(medianOrNull(imports.map((r) => r.cpuMs))),
    rawIdbMs: round(rawIdbMs),
    rawIdbCpuMs: roundOrNull(medianOrNull(raw.map((r) => r.cpuMs))),
    rawIdbV3Ms: round(median(rawV3)),
    importVsRawIdb: round(importMs / rawIdbMs),
  };
}

/** Only the import half (`--import-only`): a quicker run while working on the import. */
export async function benchSidePanelImport(count = 10_000): Promise<ImportBench> {
  const s = await launch();
  try {
    return await benchImport(await openSidePanel(s, null), count);
  } finally {
    await s.close();
  }
}

export async function benchSidePanel(count = 10_000, session?: Session): Promise<SidePanelBench> {
  const s = session ?? (await launch());
  try {
    const panel = await openSidePanel(s, null);
    const baselines: number[] = [];
    for (let i = 0; i < RUNS; i++) baselines.push(await timeAnnotationsView(panel, false));
    const imported = await benchImport(panel, count);
    const cold: number[] = [];
    for (let i = 0; i < RUNS; i++) cold.push(await timeColdAnnotationsView(panel));
    const runs: number[] = [];
    for (let i = 0; i < RUNS; i++) runs.push(await timeAnnotationsView(panel, true));
    const searches: number[] = [];
    // each query narrows the list (the preset tags are spread over the annotations), so the count line changes
    for (let i = 0; i < RUNS; i++) searches.push(await timeSearch(panel, PRESET_TAGS[i % PRESET_TAGS.length]));
    const firstRenderMs = median(runs);
    const baselineMs = median(baselines);
    return {
      ...imported,
      firstRenderMs: round(firstRenderMs),
      firstRenderColdMs: round(median(cold)),
      baselineMs: round(baselineMs),
      ratio: round(firstRenderMs / Math.max(baselineMs, 0.1)),
      searchMs: round(median(searches)),
    };
  } finally {
    if (!session) await s.close();
  }
}

function formatImportBench(r: ImportBench): string {
  return `side panel, ${r.annotations} annotations: import ${r.importMs} ms in the page (${Object.entries(r.importPhasesMs).map(([k, v]) => `${k} ${v}`).join(', ')}; ${r.importWallMs} ms seen by the driver; Chromium CPU ${r.importCpuMs ?? '?'} ms) (plain IndexedDB adds of the same records ${r.rawIdbMs} ms, CPU ${r.rawIdbCpuMs ?? '?'} ms, ×${r.importVsRawIdb}; with the v3 indexes ${r.rawIdbV3Ms} ms); into a library just cleared of the last import ${r.importAfterClearMs} ms, CPU ${r.importAfterClearCpuMs ?? '?'} ms`;
}

export function formatSidePanelBench(r: SidePanelBench): string {
  return [
    formatImportBench(r),
    `annotations view first render ${r.firstRenderMs} ms, in a freshly loaded panel ${r.firstRenderColdMs} ms (empty list ${r.baselineMs} ms, ×${r.ratio}); search typed into the full list ${r.searchMs} ms`,
    `${Math.max(r.firstRenderMs, r.firstRenderColdMs) <= 100 ? 'met' : 'MISSED'}: first render ≤ 100 ms; ${r.importMs <= 1000 ? 'met' : 'MISSED'}: import ≤ 1 s`,
  ].join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const json = process.argv.includes('--json');
  if (process.argv.includes('--import-only')) {
    const r = await benchSidePanelImport();
    console.log(json ? JSON.stringify({ sidePanel: r }) : `${formatImportBench(r)}\n${r.importMs <= 1000 ? 'met' : 'MISSED'}: import ≤ 1 s`);
  } else {
    const r = await benchSidePanel();
    console.log(json ? JSON.stringify({ sidePanel: r }) : formatSidePanelBench(r));
  }
}
