/**
 * Issue 15 in Chromium: review packages between two browser profiles (team.ts, shared with Firefox), and the
 * 整改台账 of a 500-notice library: built off the panel's thread with a progress bar, the panel responsive.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { chromiumDriver } from '../../scripts/lib/chromium-driver';
import { ingestText } from '@/lib/ingest';
import { PARSER_VERSION } from '@/lib/parse/version';
import type { NoticeRecord, NoticeSnapshot } from '@/lib/schema';
import { defineTeamJourney, TEAM_SHOTS } from './team';

defineTeamJourney('Chromium', () => chromiumDriver(), TEAM_SHOTS);

const LIBRARY_SIZE = 500;
const SEEDS = resolve(import.meta.dirname, '../fixtures/seeds');

/** Five parsed seed notices; the page makes 500 library notices of them (each text made distinct, so its own version). */
function seedNotices() {
  return readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).slice(0, 5).map((f) => {
    const got = ingestText(readFileSync(resolve(SEEDS, f), 'utf8'));
    return { text: got.text, model: got.notice };
  });
}

/** Runs in the side panel page: writes `count` notices into the extension's IndexedDB (the stores lib/db declares). */
async function fillLibrary(arg: { seeds: Array<{ text: string; model: NoticeSnapshot['model'] }>; count: number; parserVersion: number }): Promise<number> {
  const hex = (buf: ArrayBuffer) => [...new Uint8Array(buf)].map((b) => b.toString(16).padStart(2, '0')).join('');
  const records: Array<{ notice: NoticeRecord; snapshot: NoticeSnapshot }> = [];
  for (let i = 0; i < arg.count; i++) {
    const seed = arg.seeds[i % arg.seeds.length];
    const text = `${seed.text}\n（第${i + 1}份）`;
    const hash = hex(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
    const organization = `${seed.model.meta.organization ?? '某单位'}（${Math.floor(i / 5) + 1}）`;
    const model = { ...seed.model, meta: { ...seed.model.meta, organization } };
    const key = `bulk-${i}`;
    const at = new Date(Date.UTC(2025, 0, 1) + i * 60_000).toISOString();
    records.push({
      notice: { key, title: model.meta.title, organization, urls: [`paste:bulk-${i}`], latestHash: hash, publishDate: model.meta.publishDate, firstSeen: at, lastSeen: at },
      snapshot: { hash, noticeKey: key, url: `paste:bulk-${i}`, title: model.meta.title, organization, publishDate: model.meta.publishDate, text, model, parserVersion: arg.parserVersion, firstSeen: at, lastSeen: at },
    });
  }
  const db = await new Promise<IDBDatabase>((ok, fail) => {
    const req = indexedDB.open('rectify-lens');
    req.onsuccess = () => ok(req.result);
    req.onerror = () => fail(req.error);
  });
  await new Promise<void>((ok, fail) => {
    const tx = db.transaction(['notices', 'snapshots'], 'readwrite');
    for (const r of records) {
      tx.objectStore('notices').put(r.notice);
      tx.objectStore('snapshots').put(r.snapshot);
    }
    tx.oncomplete = () => ok();
    tx.onerror = () => fail(tx.error);
  });
  db.close();
  return records.length;
}

describe('Chromium: 整改台账 of a 500-notice library', () => {
  let d: Awaited<ReturnType<typeof chromiumDriver>>;
  beforeAll(async () => {
    d = await chromiumDriver();
  });
  afterAll(async () => {
    await d?.close();
  });

  it('an empty library: a clear message, no file', async () => {
    const panel = await d.openPanel(null);
    await panel.click('[data-view="library"]');
    await panel.click('[data-action="export-library-ledger"]');
    await expect.poll(() => panel.texts('.sp-ledger .sp-error')).toEqual(['通报库中还没有通报，没有可导出的台账。请先打开整改通报页面或添加通报。']);
    await panel.close();
  });

  it('is built with a progress bar while the panel stays responsive, and reads back with every notice', async () => {
    const panel = await d.openPanel(null);
    await panel.setSize(420, 900);
    const written = await panel.evaluate(fillLibrary, { seeds: seedNotices(), count: LIBRARY_SIZE, parserVersion: PARSER_VERSION });
    expect(written).toBe(LIBRARY_SIZE);
    await panel.click('[data-view="library"]');
    await panel.waitFor('[data-action="export-library-ledger"]');
    // the longest stretch the panel's thread was busy, measured by a timer in the page while the export runs
    await panel.evaluate(() => {
      const w = window as unknown as { longestGap: number; gapTimer: number };
      let last = performance.now();
      w.longestGap = 0;
      w.gapTimer = window.setInterval(() => {
        const now = performance.now();
        w.longestGap = Math.max(w.longestGap, now - last);
        last = now;
      }, 20);
    }, null);
    const page = (panel as unknown as { page: import('playwright-core').Page }).page;
    const download = page.waitForEvent('download', { timeout: 120_000 });
    await panel.click('[data-action="export-library-ledger"]');
    await panel.waitFor('[role="progressbar"][aria-valuenow]');
    const label = await page.locator('[role="progressbar"]').getAttribute('aria-label');
    expect(label).toBe('整改台账导出进度');
    await expect.poll(async () => Number(await page.locator('[role="progressbar"]').getAttribute('aria-valuenow').catch(() => '100')), { timeout: 60_000 }).toBeGreaterThan(45);
    await page.screenshot({ path: resolve(TEAM_SHOTS, 'chromium-ledger-progress.png') });
    // the panel answers while the workbook is being built: switching tabs works
    await panel.click('[data-view="settings"]');
    await panel.waitFor('input[name="reviewerName"]', 5_000);
    const dl = await download;
    const gap = await panel.evaluate(() => {
      const w = window as unknown as { longestGap: number; gapTimer: number };
      clearInterval(w.gapTimer);
      return w.longestGap;
    }, null);
    console.log(`500-notice ledger: longest busy stretch of the panel's thread ${Math.round(gap)} ms`);
    expect(gap).toBeLessThan(1500);
    const bytes = readFileSync((await dl.path())!);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    const summary = wb.getWorksheet('汇总')!;
    expect(summary.rowCount).toBe(1 + LIBRARY_SIZE + 1);
    expect(String(summary.getRow(summary.rowCount).getCell(2).value)).toBe(`${LIBRARY_SIZE}份通报`);
    expect(wb.getWorksheet('台账')!.rowCount).toBeGreaterThan(LIBRARY_SIZE * 5);
    await panel.close();
  }, 240_000);
});
