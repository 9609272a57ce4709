/**
 * Issue 12, accessibility: axe-core (run in the real page) finds no serious or critical violation in the
 * overlay, the annotation form and every side-panel tab, at 360 and 420 px wide. Only the extension's own UI
 * is checked: the fixture pages' own markup is not ours to fix. The overlay's shadow root is closed, so axe
 * (in the page) cannot enter it: the test copies its tree and styles into an open root next to it, from the
 * extension's isolated world, and axe audits that copy.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launch, openFixture, openSidePanel, overlayOf, showAllHighlights, tabIdOf, type Session } from './harness';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const SHOTS = process.env.E2E_SCREENSHOTS;

let s: Session;
beforeAll(async () => {
  s = await launch();
});
afterAll(async () => {
  await s?.close();
});

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/** Serious and critical axe violations inside `include` (a CSS selector; null = the whole document). */
async function axeViolations(page: Page, include: string | null): Promise<Violation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (sel) => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: unknown; failureSummary?: string }> }> }> } }).axe;
    const result = await axe.run(sel ? { include: [[sel]] } : document, { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => `${JSON.stringify(n.target)} ${n.failureSummary ?? ''}`) }));
  }, include);
}

/** Where copyOverlay puts the open copy of the overlay. */
const OVERLAY_COPY = '#rl-axe-copy';

/**
 * Runs in the tab's isolated world (executeScript): opens the closed root as the extension can and clones
 * it, styles included, into an open shadow root at the same place, replacing an earlier copy.
 */
function copyOverlay(): boolean {
  const host = document.querySelector('rectify-lens-overlay');
  const g = globalThis as unknown as { chrome: { dom: { openOrClosedShadowRoot(e: Element): ShadowRoot | null } } };
  const root = host ? g.chrome.dom.openOrClosedShadowRoot(host) : null;
  if (!host || !root) return false;
  document.getElementById('rl-axe-copy')?.remove();
  const copy = document.createElement('rectify-lens-axe-copy');
  for (const a of Array.from(host.attributes)) copy.setAttribute(a.name, a.value);
  copy.id = 'rl-axe-copy';
  const open = copy.attachShadow({ mode: 'open' });
  open.adoptedStyleSheets = [...root.adoptedStyleSheets];
  for (const n of Array.from(root.childNodes)) open.appendChild(n.cloneNode(true));
  host.after(copy);
  return true;
}

/** Serious and critical axe violations in the overlay as it is now (through its open copy). */
async function overlayViolations(page: Page): Promise<Violation[]> {
  const tabId = await tabIdOf(s, page);
  const copied = await s.worker.evaluate(
    `chrome.scripting.executeScript({ target: { tabId: ${tabId} }, world: 'ISOLATED', func: ${copyOverlay.toString()} }).then((r) => r[0]?.result)`,
  );
  expect(copied).toBe(true);
  return axeViolations(page, OVERLAY_COPY);
}

/**
 * Runs in the side panel: gives the saved notice an annotation by 张三 with 李四's conflicting version, and a
 * status decision with a colleague's different one (what importing a review package can leave), in raw IndexedDB.
 */
async function seedConflicts(): Promise<void> {
  const db = await new Promise<IDBDatabase>((ok, fail) => {
    const req = indexedDB.open('rectify-lens');
    req.onsuccess = () => ok(req.result);
    req.onerror = () => fail(req.error);
  });
  const get = <T,>(store: string) => new Promise<T[]>((ok) => {
    const req = db.transaction(store).objectStore(store).getAll();
    req.onsuccess = () => ok(req.result as T[]);
  });
  const [notice] = await get<{ key: string; latestHash: string }>('notices');
  const [snapshot] = (await get<{ hash: string; text: string; model: { items: Array<{ id: string; label: string; start: number }> } }>('snapshots')).filter((x) => x.hash === notice.latestHash);
  const item = snapshot.model.items[0];
  const exact = snapshot.text.slice(item.start, item.start + 12);
  const base = {
    noticeKey: notice.key, snapshotHash: snapshot.hash, url: '', tags: [], severity: 'medium', version: 2, anchorState: 'anchored', deletedAt: null,
    quote: { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
    position: { type: 'TextPositionSelector', start: item.start, end: item.start + exact.length },
    createdAt: '2026-11-01T00:00:00.000Z',
  };
  const person = (name: string) => ({ type: 'Person', name });
  await new Promise<void>((ok, fail) => {
    const tx = db.transaction(['annotations', 'overrides'], 'readwrite');
    tx.objectStore('annotations').put({ ...base, id: 'a11y-1', note: '本机版本', creator: person('张三'), updatedAt: '2026-11-02T00:00:00.000Z' });
    tx.objectStore('annotations').put({ ...base, id: 'a11y-1~2@x', conflictOf: 'a11y-1', note: '同事版本', creator: person('张三'), modifiedBy: person('李四'), updatedAt: '2026-11-03T00:00:00.000Z' });
    tx.objectStore('overrides').put({
      noticeKey: notice.key, itemId: item.id, itemLabel: item.label, status: 'done', reason: '现场核实', createdAt: '2026-11-02T00:00:00.000Z', creator: person('张三'),
      conflicts: [{ status: 'in_progress', reason: '群众反映仍未完成', createdAt: '2026-11-03T00:00:00.000Z', creator: person('李四') }],
    });
    tx.oncomplete = () => ok();
    tx.onerror = () => fail(tx.error);
  });
  db.close();
}

async function ready(page: Page): Promise<void> {
  await (await overlayOf(s, page)).waitFor('.rl-title', 20_000);
  await page.waitForFunction(() => document.querySelectorAll('mark.rl-mark').length > 0, null, { timeout: 10_000 });
}

describe('accessibility (axe-core: no serious or critical violations)', () => {
  let page: Page;

  it('the overlay', async () => {
    page = await openFixture(s, 'huashan-town.html');
    await ready(page);
    await showAllHighlights(s, page);
    const overlay = await overlayOf(s, page);
    // at 1280 px the seed page leaves no room beside its text: the overlay is the collapsed tab first
    expect(await overlay.count('aside.rl-tab .rl-tab-toggle')).toBe(1);
    expect(await overlayViolations(page)).toEqual([]);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/overlay-tab.png` });
    await overlay.click('.rl-tab-toggle');
    await overlay.waitFor('aside.rl-floating');
    await overlay.click('details.rl-confirmations summary');
    await overlay.waitFor('details.rl-confirmations[open]');
    expect(await overlayViolations(page)).toEqual([]);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/overlay.png` });
  });

  it('the annotation form', async () => {
    await page.locator('mark.rl-k-number').nth(2).dblclick();
    const overlay = await overlayOf(s, page);
    await overlay.click('.rl-selection-button');
    await overlay.waitFor('form.rl-form');
    expect(await overlayViolations(page)).toEqual([]);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/annotation-form.png` });
    await page.keyboard.press('Escape');
  });

  it('team review: an annotation kept twice with a 冲突 mark, a decision with a colleague’s different one, an import refusal', async () => {
    const panel = await openSidePanel(s, await tabIdOf(s, page));
    await panel.setViewportSize({ width: 360, height: 900 });
    await panel.locator('.sp-meta h2').waitFor();
    await panel.evaluate(seedConflicts);
    await panel.reload();
    await panel.locator('.sp-meta h2').waitFor();
    await panel.locator('.sp-override .sp-badge-conflict').waitFor();
    expect(await axeViolations(panel, null), 'decision conflict').toEqual([]);
    await panel.locator('[data-view="annotations"]').click();
    await panel.locator('.sp-annotation .sp-badge-conflict').first().waitFor();
    expect(await axeViolations(panel, null), 'conflict cards').toEqual([]);
    await panel.locator('[data-view="settings"]').click();
    await panel.locator('input[name="reviewPackageFile"]').setInputFiles({ name: 'x.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"rectify-lens-review-package","version":9}') });
    await panel.locator('.sp-import-summary[data-outcome="refused"]').waitFor();
    expect(await axeViolations(panel, null), 'import refused').toEqual([]);
    if (SHOTS) await panel.screenshot({ path: `${SHOTS}/side-panel-team-360.png` });
    await panel.close();
  });

  for (const width of [360, 420]) {
    it(`every side-panel tab at ${width} px`, async () => {
      const panel = await openSidePanel(s, await tabIdOf(s, page));
      await panel.setViewportSize({ width, height: 900 });
      await panel.locator('.sp-meta h2').waitFor();
      for (const view of ['notice', 'annotations', 'compare', 'library', 'settings']) {
        await panel.locator(`[data-view="${view}"]`).click();
        await panel.waitForTimeout(300);
        expect(await axeViolations(panel, null), `${view} at ${width}px`).toEqual([]);
        if (SHOTS) await panel.screenshot({ path: `${SHOTS}/side-panel-${view}-${width}.png` });
      }
      await panel.close();
    });
  }

  it('a comparison (unchanged rows hidden and shown) and the library with two versions of a notice', async () => {
    const later = await openFixture(s, 'huashan-town-2026.html');
    await ready(later);
    const panel = await openSidePanel(s, await tabIdOf(s, later));
    await panel.setViewportSize({ width: 360, height: 900 });
    await panel.locator('[data-view="compare"]').click();
    await panel.locator('input[name="earlier"]:checked').waitFor({ timeout: 15_000 });
    await panel.locator('[data-action="compare"]').click();
    await panel.locator('tr[data-change="vanished"]').waitFor({ timeout: 15_000 });
    expect(await axeViolations(panel, null), 'compare result').toEqual([]);
    await panel.locator('[data-action="toggle-unchanged"]').click();
    expect(await axeViolations(panel, null), 'compare result, all rows').toEqual([]);
    await panel.locator('[data-view="library"]').click();
    await panel.locator('[data-action="compare-previous"]').waitFor();
    expect(await axeViolations(panel, null), 'library versions').toEqual([]);
    await panel.locator('[data-action="delete-version"]').first().click();
    expect(await axeViolations(panel, null), 'library, confirming a deletion').toEqual([]);
    await panel.close();
    await later.close();
  });
});
