/**
 * Issue: in-page reading aid, in real Chromium with the built extension, on every fixture page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import type { Page } from 'playwright-core';
import { ingestDocument } from '@/lib/ingest';
import { FIXED_TODAY, launch, openFixture, openSidePanel, OVERLAY_HOST, overlayOf, showAllHighlights, tabIdOf, type Session } from './harness';

interface FixturePage { file: string; isNotice: boolean }
const MANIFEST: FixturePage[] = JSON.parse(readFileSync(new URL('../fixtures/sites/index.json', import.meta.url), 'utf8'));

let s: Session;
beforeAll(async () => {
  s = await launch();
});
afterAll(async () => {
  await s?.close();
});

async function waitForOverlay(page: Page): Promise<void> {
  await (await overlayOf(s, page)).waitFor('.rl-title', 20_000);
  await page.waitForFunction(() => document.querySelectorAll('mark.rl-mark').length > 0, null, { timeout: 10_000 });
}

/** Marks (in document order) whose kinds include `kind`, with their text. */
async function marksOf(page: Page, kind: string): Promise<string[]> {
  return page.$$eval('mark.rl-mark', (els, k) => els.filter((e) => (e.getAttribute('data-rl-kinds') ?? '').split(' ').includes(k)).map((e) => e.textContent ?? ''), kind);
}

describe('detection on every fixture page', () => {
  for (const f of MANIFEST.filter((p) => !p.file.startsWith('late-'))) {
    it(`${f.file}: ${f.isNotice ? 'detected as a notice' : 'left alone'}`, async () => {
      const page = await openFixture(s, f.file);
      if (f.isNotice) {
        const overlay = await overlayOf(s, page);
        await overlay.waitFor('.rl-title', 20_000);
        // by default only what needs attention is highlighted; a page may have none of it (麻章镇附件页)
        const counts = await overlay.texts('.rl-legend input:checked ~ .rl-count');
        if (counts.some((c) => Number(c) > 0)) await waitForOverlay(page);
      } else {
        await page.waitForTimeout(1200);
        expect(await page.locator(OVERLAY_HOST).count()).toBe(0);
        expect(await page.locator('mark').count()).toBe(0);
        expect(await page.locator('#rectify-lens-mark-style').count()).toBe(0);
      }
      await page.close();
    });
  }
});

describe('花山镇 (numbers and dates split across <span>s)', () => {
  let page: Page;
  beforeAll(async () => {
    page = await openFixture(s, 'huashan-town.html');
    await waitForOverlay(page);
  });
  afterAll(() => page.close());

  it(`shows the 2025年7月 deadline as overdue (today ${FIXED_TODAY})`, async () => {
    const overdue = (await marksOf(page, 'overdue')).join('|');
    expect(overdue.replace(/\|/g, '')).toContain('预计2025年7月前整改完成');
    // (the docked panel may cover the mark's centre, so the hover is dispatched on the mark itself)
    await page.locator('mark.rl-k-overdue').first().dispatchEvent('mouseover');
    const overlay = await overlayOf(s, page);
    await expect.poll(() => overlay.texts('.rl-tooltip').then((t) => t.join(''))).toMatch(/逾期\s*\d+\s*天/);
  });

  it('highlights counts even when a <strong> splits the number from its unit', async () => {
    await showAllHighlights(s, page); // numbers are one click away (off by default)
    const numbers = (await marksOf(page, 'number')).join('|');
    expect(numbers).toContain('23');
    expect(numbers).toContain('宗');
  });

  it('lists the same outline as the parser run on the same HTML in Node', async () => {
    const html = readFileSync(new URL('../fixtures/sites/huashan-town.html', import.meta.url), 'utf8');
    const { document } = parseHTML(html);
    const { notice } = ingestDocument(document as unknown as Document, { today: FIXED_TODAY });
    const expected = notice.outline.map((n) => `${n.marker}${n.title}`);
    const overlay = await overlayOf(s, page);
    const shown = await overlay.texts('.rl-tree > .rl-node > .rl-node-row .rl-node-title');
    expect(shown).toEqual(expected);
    expect((await overlay.texts('.rl-section[aria-label="提纲与整改事项"] h3 .rl-count'))[0]).toContain(String(notice.items.length));
  });

  it('scrolls to an outline entry and keeps it clear of the panel', async () => {
    await page.evaluate(() => window.scrollTo(0, 0));
    const overlay = await overlayOf(s, page);
    const last = '.rl-tree > .rl-node:last-child > .rl-node-row .rl-node-title';
    const title = (await overlay.texts(last))[0] ?? '';
    await overlay.click(last);
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(200);
    // the flashed target is inside the viewport
    const visible = await page.evaluate((needle) => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        if ((n.textContent ?? '').includes(needle)) {
          const r = (n.parentElement as Element).getBoundingClientRect();
          return r.top >= 0 && r.bottom <= window.innerHeight;
        }
      }
      return false;
    }, title.slice(2, 8));
    expect(visible).toBe(true);
  });

  it('toggling every category off restores the article DOM exactly; toggles persist across reloads', async () => {
    const original = await page.evaluate(async () => {
      const html = await (await fetch(location.href)).text();
      const doc = new DOMParser().parseFromString(html, 'text/html');
      return doc.querySelector('.TRS_Editor, #zoom, article, .article, .content, td.content')?.innerHTML ?? doc.body.innerHTML;
    });
    const overlay = await overlayOf(s, page);
    const box = (i: number) => `.rl-legend > li:nth-child(${i + 1}) input[type=checkbox]`;
    const n = await overlay.count('.rl-legend input[type=checkbox]');
    for (let i = 0; i < n; i++) await overlay.check(box(i), false);
    await expect.poll(() => page.locator('mark').count()).toBe(0);
    const now = await page.evaluate(() => document.querySelector('.TRS_Editor, #zoom, article, .article, .content, td.content')?.innerHTML ?? document.body.innerHTML);
    expect(now).toBe(original);
    await page.reload();
    await overlay.waitFor('.rl-title');
    await page.waitForTimeout(500);
    expect(await page.locator('mark').count()).toBe(0);
    await overlay.check('input[data-category="overdue"]');
    await expect.poll(() => page.locator('mark.rl-mark').count()).toBeGreaterThan(0);
    for (let i = 0; i < n; i++) await overlay.check(box(i));
  });
});

describe('洪梅镇 (numbering gaps, empty headings)', () => {
  it('lists numbering gaps and empty headings as findings', async () => {
    const page = await openFixture(s, 'hongmei-town.html');
    await waitForOverlay(page);
    const overlay = await overlayOf(s, page);
    const kinds = await overlay.attrs('.rl-finding', 'data-kind');
    expect(kinds).toContain('numbering_gap');
    expect(kinds).toContain('empty_section');
    const texts = (await overlay.texts('.rl-finding')).join('\n');
    expect(texts).toMatch(/第4项/);
    expect(texts).toMatch(/（十四）|十四/);
    await page.close();
  });
});

describe('hostile text', () => {
  it('renders page text inert in the overlay and tooltips', async () => {
    const page = await openFixture(s, 'hostile-notice.html');
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await waitForOverlay(page);
    // expand every outline node so item labels render
    const overlay = await overlayOf(s, page);
    const twisty = '.rl-twisty[aria-label="展开"]';
    while ((await overlay.count(twisty)) > 0) await overlay.click(twisty);
    const labels = (await overlay.texts('.rl-node-title, .rl-item-label')).join('\n');
    expect(labels).toContain('<img src=x onerror=alert(1)>');
    expect(labels).toContain('</style><script>alert(1)</script>');
    expect(await overlay.count('img, script, iframe')).toBe(0);
    for (const m of (await page.locator('mark.rl-mark').all()).slice(0, 12)) {
      await m.hover({ timeout: 2000 }).catch(() => undefined);
    }
    expect(await overlay.count('.rl-tooltip img')).toBe(0);
    expect(dialogs).toEqual([]);
    await page.close();
  });
});

describe('content arriving after load', () => {
  it('analyzes the article once it is inserted (MutationObserver)', async () => {
    const page = await openFixture(s, 'late-content.html');
    await waitForOverlay(page);
    expect((await (await overlayOf(s, page)).texts('.rl-title'))[0]).toContain('麻章镇');
    await page.close();
  });
});

describe('privacy', () => {
  it('no request left 127.0.0.1 and no page logged an error', () => {
    expect(s.externalRequests).toEqual([]);
    expect(s.consoleErrors.filter((e) => /Rectify|rectify|chrome-extension/.test(e))).toEqual([]);
  });
});

describe('analysis on request', () => {
  it('a gov page that is not detected can still be analyzed from the side panel ("分析此页")', async () => {
    const page = await openFixture(s, 'news-gov.html');
    await page.waitForTimeout(800);
    expect(await page.locator(OVERLAY_HOST).count()).toBe(0);
    const panelPage = await openSidePanel(s, await tabIdOf(s, page));
    await expect.poll(() => panelPage.locator('.sp-empty p').first().textContent()).toContain('未被识别为整改通报');
    await panelPage.locator('.sp-empty summary').click();
    expect(await panelPage.locator('.sp-empty li').count()).toBeGreaterThan(0); // the detection reasons are shown
    await panelPage.getByRole('button', { name: '分析此页' }).click();
    await (await overlayOf(s, page)).waitFor('.rl-title', 15_000);
    await expect.poll(() => panelPage.locator('.sp-meta h2').count()).toBe(1);
    await panelPage.close();
    await page.close();
  });

  it('a non-gov page without a granted permission gets a clear message, nothing injected', async () => {
    const page = await openFixture(s, 'non-gov.html');
    const panelPage = await openSidePanel(s, await tabIdOf(s, page));
    await panelPage.getByRole('button', { name: '分析此页' }).click();
    await expect.poll(() => panelPage.locator('.sp-error').textContent()).toMatch(/权限|右键/);
    expect(await page.locator(OVERLAY_HOST).count()).toBe(0);
    await panelPage.close();
    await page.close();
  });
});
