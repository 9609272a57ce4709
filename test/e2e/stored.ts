/**
 * Issue 15, "notices kept after removal", written once for both browsers (stored.e2e.ts, stored.firefox.ts):
 * a saved version opens from the library as a stored copy with the fixture sites offline, with its
 * highlights, and an annotation made on the copy is the same annotation the side panel lists.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Driver, Tab } from '../../scripts/lib/driver';
import { waitForOverlay } from './journeys';

const QUOTE = '以诉讼方式解除合同';
const NOTE = '诉讼进展需跟踪（副本上批注）';

/** Selects `needle` in the stored copy like a user, across highlight marks (each segment's data-start is its text offset). */
export function selectInStoredCopy(needle: string): boolean {
  const segs = [...document.querySelectorAll('.st-text [data-start]')].map((el) => ({ node: el.firstChild as Text, start: Number(el.getAttribute('data-start')) }));
  const para = [...document.querySelectorAll('.st-text p')].find((p) => p.textContent?.includes(needle));
  if (!para) return false;
  const from = Number(para.querySelector('[data-start]')!.getAttribute('data-start')) + para.textContent!.indexOf(needle);
  const to = from + needle.length;
  const at = (offset: number) => segs.find((x) => x.start <= offset && offset <= x.start + x.node.data.length)!;
  const range = document.createRange();
  range.setStart(at(from).node, from - at(from).start);
  range.setEnd(at(to).node, to - at(to).start);
  document.getSelection()!.removeAllRanges();
  document.getSelection()!.addRange(range);
  para.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
  return true;
}

export function defineStoredCopyJourney(label: string, makeDriver: () => Promise<Driver>): void {
  let d: Driver;
  beforeAll(async () => {
    d = await makeDriver();
  });
  afterAll(async () => {
    await d?.close();
  });

  it(`${label}: a saved notice opens as a stored copy with the sites offline, highlighted, and annotates like the live page`, async () => {
    const page = await d.openFixture('huashan-town.html');
    await waitForOverlay(d, page);
    const panel = await d.openPanel(page);
    await panel.click('[data-view="library"]');
    await expect.poll(() => panel.count('.sp-versions li[data-hash]'), { timeout: 15_000 }).toBeGreaterThan(0);
    const [hash] = await panel.evaluate(() => [...document.querySelectorAll('.sp-versions li[data-hash]')].map((li) => li.getAttribute('data-hash') ?? ''), null);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);

    await d.sitesOffline();
    const stored: Tab = await d.openStoredCopy(hash);
    expect((await stored.texts('.st-banner'))[0]).toContain('这是通报库中保存的副本');
    expect((await stored.texts('.st-text'))[0]).toContain('目前，花山镇共梳理出问题合同23宗');
    await expect.poll(() => stored.count('mark.rl-k-overdue')).toBeGreaterThan(0);

    expect(await stored.evaluate(selectInStoredCopy, QUOTE)).toBe(true);
    await stored.fill('.st-form textarea[name="note"]', NOTE);
    await stored.click('.st-form button[type="submit"]');
    await expect.poll(() => stored.texts('.st-annotations li')).toContainEqual(`“${QUOTE}” — ${NOTE}`);
    await expect.poll(() => stored.count('mark.rl-annot')).toBeGreaterThan(0);
    // the same annotations: the side panel lists the note made on the copy
    await panel.click('[data-view="annotations"]');
    await expect.poll(() => panel.texts('.sp-annotation')).toContainEqual(expect.stringContaining(NOTE));
    await stored.close();
    await panel.close();
    await page.close();
  });
}
