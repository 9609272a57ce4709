/**
 * Issue 12, findings people can trust at a glance: 发现的问题 N counts problems only, passed checks are listed
 * apart as confirmations, severity reads 严重/一般/提示, a numbering gap names its section and jumps there,
 * idioms (一项重要任务) are not highlighted as counts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launch, openFixture, openSidePanel, overlayOf, passagePlace, showAllHighlights, tabIdOf, type Session } from './harness';

let s: Session;
beforeAll(async () => {
  s = await launch();
});
afterAll(async () => {
  await s?.close();
});

async function ready(page: Page): Promise<void> {
  await (await overlayOf(s, page)).waitFor('.rl-title', 20_000);
  await page.waitForFunction(() => document.querySelectorAll('mark.rl-mark').length > 0, null, { timeout: 10_000 });
}

/** A selector inside the overlay's 发现的问题 section (reached through the closed-root probe). */
const SECTION = 'section[aria-label="发现的问题"]';

describe('calm highlights', () => {
  it('by default only what needs attention is drawn; numbers are one click away and the choice holds on the next page', async () => {
    const page = await openFixture(s, 'huashan-town.html');
    await ready(page);
    const kinds = new Set(await page.$$eval('mark.rl-mark', (els) => els.flatMap((e) => (e.getAttribute('data-rl-kinds') ?? '').split(' '))));
    expect(kinds.has('overdue') || kinds.has('unfinished')).toBe(true);
    for (const quiet of ['number', 'date', 'done']) expect(kinds.has(quiet), quiet).toBe(false);
    const overlay = await overlayOf(s, page);
    const legend = (c: string) => `input[data-category="${c}"]`;
    expect(await overlay.count(`${legend('number')}:checked`)).toBe(0);
    expect(await overlay.count(`${legend('overdue')}:checked`)).toBe(1);
    await overlay.check(legend('number'));
    await expect.poll(() => page.locator('mark.rl-k-number').count()).toBeGreaterThan(0);
    const other = await openFixture(s, 'guzhen-town.html');
    await ready(other);
    await expect.poll(() => other.locator('mark.rl-k-number').count()).toBeGreaterThan(0);
    expect(await other.locator('mark.rl-k-date').count()).toBe(0);
    await other.close();
    await page.close();
  });
});

describe('findings', () => {
  it('花山镇: the count is the problems; 数据相符 is a confirmation listed apart; severity in words', async () => {
    const page = await openFixture(s, 'huashan-town.html');
    await ready(page);
    const overlay = await overlayOf(s, page);
    const problems = `${SECTION} > ul.rl-findings > li`;
    const [count] = await overlay.texts(`${SECTION} [data-count="problems"]`);
    expect(await overlay.count(problems)).toBe(Number(count));
    expect(await overlay.count(`${SECTION} > ul.rl-findings [data-kind="arithmetic_ok"]`)).toBe(0);
    const confirmations = `${SECTION} details.rl-confirmations`;
    expect((await overlay.texts(`${confirmations} summary`))[0]).toMatch(/^核对无误 \d+ 处（不是问题）$/);
    await overlay.click(`${confirmations} summary`);
    await expect.poll(() => overlay.count(`${confirmations}[open]`)).toBe(1);
    expect((await overlay.texts(`${confirmations} [data-kind="arithmetic_ok"]`))[0]).toContain('23宗');
    for (const text of await overlay.texts(problems)) {
      expect(text).toMatch(/（(严重|一般|提示)）/);
      expect(text).not.toMatch(/（[高中低]）|·[高中低]/);
    }
    await page.close();
  });

  it('洪梅镇: a numbering gap names its section and a click brings that section into view (overlay and side panel)', async () => {
    const page = await openFixture(s, 'hongmei-town.html');
    await ready(page);
    const overlay = await overlayOf(s, page);
    const gaps = await overlay.texts(`${SECTION} [data-kind="numbering_gap"]`);
    expect(gaps.find((g) => g.includes('第14—16项'))).toContain('二、（六）下第14—16项');
    await page.evaluate(() => window.scrollTo(0, 0));
    await overlay.click(`${SECTION} [data-kind="numbering_gap"]`, '第14—16项');
    // the heading of item 17, after the gap, is on screen now
    await expect.poll(() => passagePlace(page, '17.针对')).toBe('visible');
    const panel = await openSidePanel(s, await tabIdOf(s, page));
    const spGap = panel.locator('.sp-finding[data-kind="numbering_gap"]', { hasText: '第14—16项' });
    await spGap.waitFor();
    expect(await spGap.textContent()).toContain('二、（六）下第14—16项');
    expect(await spGap.textContent()).toMatch(/（(严重|一般)）/);
    await page.evaluate(() => window.scrollTo(0, 0));
    await spGap.click();
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
    await panel.close();
    await page.close();
  });

  it('古镇镇: 一项重要的政治任务 is not highlighted as a number', async () => {
    const page = await openFixture(s, 'guzhen-town.html');
    await ready(page);
    await showAllHighlights(s, page);
    const numbers = await page.$$eval('mark.rl-mark[data-rl-kinds~="number"]', (els) => els.map((e) => {
      const after = e.nextSibling?.textContent ?? '';
      return `${e.textContent}|${after.slice(0, 2)}`;
    }));
    expect(numbers.length).toBeGreaterThan(0);
    expect(numbers.filter((n) => n.endsWith('|重要'))).toEqual([]);
    await page.close();
  });
});
