/**
 * Issue 12, side panel — annotation cards: each card shows the day it was made (公文 style), the item it
 * belongs to (a link that brings that item into view on the page), a jump to the passage, and its
 * severity in words on its colour; the filters and search fit a 360 px panel with nothing clipped.
 * Screenshots at 360 and 420 px go to E2E_SCREENSHOTS (when set).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { selectInPage } from '../../scripts/lib/driver';
import { launch, openFixture, openSidePanel, overlayOf, tabIdOf, type Session } from './harness';

const SHOTS = process.env.E2E_SCREENSHOTS;

let s: Session;
beforeAll(async () => {
  s = await launch();
});
afterAll(async () => {
  await s?.close();
});

const SERIOUS = '已协助和指导各村社做好自留地返租费台账';
const MINOR = '花山镇综合行政执法队以“零容忍”态度，进一步加强违建行为巡查';

async function ready(page: Page): Promise<void> {
  await (await overlayOf(s, page)).waitFor('.rl-title', 20_000);
  await page.waitForFunction(() => document.querySelectorAll('mark.rl-mark').length > 0, null, { timeout: 10_000 });
}

async function annotate(page: Page, needle: string, note: string, severity: 'high' | 'low'): Promise<void> {
  expect(await page.evaluate(selectInPage, needle), `text "${needle}" on the page`).toBe(true);
  const overlay = await overlayOf(s, page);
  await overlay.click('.rl-selection-button');
  await overlay.fill('form.rl-form textarea[name="note"]', note);
  await overlay.fill('form.rl-form select[name="severity"]', severity);
  await overlay.click('form.rl-form button', '保存');
  await expect.poll(() => overlay.count('form.rl-form')).toBe(0);
}

/** Is the first element matching `selector` (or holding `text`) inside the window? */
const inView = (page: Page, selector: string, text: string | null = null) =>
  page.evaluate(
    ([sel, txt]) => {
      const el = [...document.querySelectorAll(sel)].find((e) => txt === null || (e.textContent ?? '').includes(txt));
      if (!el) return false;
      const r = el.getBoundingClientRect();
      return r.bottom > 0 && r.top < window.innerHeight;
    },
    [selector, text] as const,
  );

/** The passage the page flashed after a jump (the content script's `rl-flash` highlight), and whether it is in view. */
const flashed = (page: Page) =>
  page.evaluate(() => {
    const registry = (CSS as unknown as { highlights?: Map<string, Iterable<Range>> }).highlights;
    const range = registry?.get('rl-flash') ? [...registry.get('rl-flash')!][0] : undefined;
    if (!range) return null;
    const r = range.getBoundingClientRect();
    return { text: range.toString(), inView: r.bottom > 0 && r.top < window.innerHeight };
  });

/** Elements of the annotations view whose content is wider than their box (clipped or scrolled sideways). */
const clipped = (panel: Page) =>
  panel.evaluate(() => {
    const out: string[] = [];
    const root = document.documentElement;
    if (root.scrollWidth > root.clientWidth) out.push(`page ${root.scrollWidth} > ${root.clientWidth}`);
    for (const el of document.querySelectorAll<HTMLElement>('.sp-annotations, .sp-annotations *')) {
      if (el.clientWidth > 0 && el.scrollWidth > el.clientWidth) out.push(`${el.tagName.toLowerCase()}.${el.className} ${el.scrollWidth} > ${el.clientWidth}`);
      const r = el.getBoundingClientRect();
      if (r.width > 0 && (r.left < 0 || r.right > root.clientWidth)) out.push(`${el.tagName.toLowerCase()}.${el.className} outside the panel (${Math.round(r.left)}–${Math.round(r.right)})`);
    }
    return out;
  });

describe('annotation cards in the side panel', () => {
  let page: Page;
  let panel: Page;

  it('two annotations made on the page, one serious and one minor', async () => {
    page = await openFixture(s, 'huashan-town.html');
    await ready(page);
    await annotate(page, SERIOUS, '主体责任落实情况需核实会议纪要，并请镇党委提供2024年以来的全部会议记录和整改台账以便逐项核对', 'high');
    await annotate(page, MINOR, '巡查频次未说明', 'low');
    panel = await openSidePanel(s, await tabIdOf(s, page));
  });


  for (const width of [360, 420]) {
    it(`at ${width} px: date, item, severity in words and colour; filters and cards not clipped`, async () => {
      await panel.setViewportSize({ width, height: 800 });
      await panel.locator('[data-view="annotations"]').click();
      await expect.poll(() => panel.locator('.sp-annotation').count()).toBe(2);
      const serious = panel.locator('.sp-annotation', { hasText: '主体责任落实情况需核实会议纪要' });
      const today = await panel.evaluate(() => {
        const d = new Date();
        return `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日`;
      });
      expect(await serious.locator('.sp-annotation-meta time').textContent()).toBe(today);
      expect(await serious.locator('.sp-annotation-item').textContent()).toMatch(/^所属事项：.{2,}/);
      expect(await serious.locator('.sp-sev-badge-high').textContent()).toBe('严重');
      const minor = panel.locator('.sp-annotation', { hasText: '巡查频次未说明' });
      expect(await minor.locator('.sp-sev-badge-low').textContent()).toBe('提示');
      // the colour differs by severity, on the badge and on the card's edge
      const colours = async (card: typeof serious) =>
        card.evaluate((li) => [getComputedStyle(li.querySelector('.sp-badge[class*="sp-sev-badge-"]')!).backgroundColor, getComputedStyle(li).borderLeftColor]);
      const [highBadge, highEdge] = await colours(serious);
      const [lowBadge, lowEdge] = await colours(minor);
      expect(highBadge).not.toBe(lowBadge);
      expect(highEdge).not.toBe(lowEdge);
      expect(await clipped(panel)).toEqual([]);
      // the filters still work at this width: search narrows the list as one types
      await panel.locator('input[name="annotationQuery"]').fill('巡查频次');
      await expect.poll(() => panel.locator('.sp-annotation').count()).toBe(1);
      await panel.locator('input[name="annotationQuery"]').fill('');
      await expect.poll(() => panel.locator('.sp-annotation').count()).toBe(2);
      if (SHOTS) await panel.screenshot({ path: `${SHOTS}/annotation-cards-${width}.png`, fullPage: true });
    });
  }

  it('the item link brings the item into view on the page; the jump brings the passage', async () => {
    const card = panel.locator('.sp-annotation', { hasText: '巡查频次未说明' });
    const label = (await card.locator('.sp-annotation-item').textContent())!.replace(/^所属事项：/, '');
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await card.locator('.sp-annotation-item').click();
    await expect.poll(() => flashed(page)).toMatchObject({ inView: true });
    expect((await flashed(page))!.text.normalize('NFKC')).toContain(label.slice(0, 8).normalize('NFKC'));
    await expect.poll(() => flashed(page), { timeout: 5_000 }).toBeNull(); // the flash fades

    await page.evaluate(() => window.scrollTo(0, 0));
    expect(await inView(page, 'mark.rl-annot', '零容忍')).toBe(false);
    await card.locator('button.sp-go').click();
    await expect.poll(() => flashed(page)).toMatchObject({ inView: true });
    expect((await flashed(page))!.text.normalize('NFKC')).toBe(MINOR.normalize('NFKC'));
    expect(await inView(page, 'mark.rl-annot', '零容忍')).toBe(true);
  });
});
