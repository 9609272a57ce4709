/**
 * The 花山镇 pair in one Chromium session, shared by compare-export.e2e.ts and library.e2e.ts: visiting
 * guzhen-town.html, huashan-town.html (seed, 2025-06-19) and huashan-town-2026.html (the constructed later
 * notice) saves all three to the library. Plus the panel screenshots both files take.
 */
import type { Page } from 'playwright-core';
import { launch, openFixture, overlayOf, tabIdOf, type Session } from './harness';

export const ORG = '中共广州市花都区花山镇委员会';
export const TITLE = '关于巡察整改进展情况的通报';
export const VANISHED = '租金上偷梁换柱';

/** Where the side panel's screenshots go (360 and 420 px wide), when set. */
const SHOTS = process.env.E2E_SCREENSHOTS;

export interface NoticePair {
  s: Session;
  earlier: Page;
  later: Page;
  laterTabId: number;
}

export async function openNoticePair(): Promise<NoticePair> {
  // The harness sets LANG=zh_CN.UTF-8, which is not an installed locale here: Chromium then runs in the C
  // locale and saves a download whose <a download> name is not ASCII as "download". A UTF-8 character
  // type (as on any desktop) keeps the real file name; the UI language still comes from LANGUAGE/--lang.
  process.env.LC_ALL = 'C.UTF-8';
  const s = await launch();
  // Visiting a notice page saves it to the library: another organization's notice, newer than the earlier
  // 花山镇 one (so "same organization first" is what puts 花山镇 on top), the earlier one, then the later one.
  // (The pages stay open: closing one right after its analysis could cut its save short.)
  const guzhen = await openFixture(s, 'guzhen-town.html');
  await (await overlayOf(s, guzhen)).waitFor('.rl-title', 20_000);
  const earlier = await openFixture(s, 'huashan-town.html');
  await (await overlayOf(s, earlier)).waitFor('.rl-title', 20_000);
  const later = await openFixture(s, 'huashan-town-2026.html');
  await (await overlayOf(s, later)).waitFor('.rl-title', 20_000);
  return { s, earlier, later, laterTabId: await tabIdOf(s, later) };
}

/** Full-page screenshots of the panel at the side panel's narrow and usual widths. */
export async function shoot(panel: Page, name: string): Promise<void> {
  if (!SHOTS) return;
  for (const width of [360, 420]) {
    await panel.setViewportSize({ width, height: 900 });
    await panel.screenshot({ path: `${SHOTS}/${name}-${width}.png`, fullPage: true });
    // and in screen-sized parts, readable one at a time
    const height = await panel.evaluate(() => document.documentElement.scrollHeight);
    for (let y = 0, k = 1; y < height && k <= 4; y += 900, k++) {
      await panel.screenshot({ path: `${SHOTS}/${name}-${width}-part${k}.png`, fullPage: true, clip: { x: 0, y, width, height: Math.min(900, height - y) } });
    }
  }
}
