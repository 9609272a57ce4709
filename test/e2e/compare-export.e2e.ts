/**
 * Issue: compare a notice with earlier ones and export the review, end to end in real Chromium.
 * The 花山镇 pair: huashan-town.html (seed, 2025-06-19) and huashan-town-2026.html (the constructed later
 * notice test/fixtures/notices/huashan-town-2026-03-20.txt). Expectations come from the oracle
 * test/fixtures/notices/README.md, limited (like the parser integration test in test/unit/compare.test.ts)
 * to what the oracle guarantees and the parser gets right.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseHTML } from 'linkedom';
import JSZip from 'jszip';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { reviewExportFile } from '@/lib/schema';
import { launch, openFixture, openSidePanel, overlayOf, tabIdOf, type Session } from './harness';

const SEED_TXT = fileURLToPath(new URL('../fixtures/seeds/huashan-town-2025-06-19.txt', import.meta.url));
const ORG = '中共广州市花都区花山镇委员会';
const TITLE = '关于巡察整改进展情况的通报';
const VANISHED = '租金上偷梁换柱';
const CONTRACTS = '问题合同未整改、阴阳合同赫然存在';
const REGRESSED = '落实违建巡查责任不到位';
const RESOLVED = ['历史约定不合理', '公共服务供给存在短板'];
const NEW_ITEM = '问题合同台账更新不及时';

let s: Session;
let earlier: Page;
let later: Page;
let laterTabId: number;

beforeAll(async () => {
  // The harness sets LANG=zh_CN.UTF-8, which is not an installed locale here: Chromium then runs in the C
  // locale and saves a download whose <a download> name is not ASCII as "download". A UTF-8 character
  // type (as on any desktop) keeps the real file name; the UI language still comes from LANGUAGE/--lang.
  process.env.LC_ALL = 'C.UTF-8';
  s = await launch();
  // Visiting a notice page saves it to the library: another organization's notice, newer than the earlier
  // 花山镇 one (so "same organization first" is what puts 花山镇 on top), the earlier one, then the later one.
  // (The pages stay open: closing one right after its analysis could cut its save short.)
  const guzhen = await openFixture(s, 'guzhen-town.html');
  await (await overlayOf(s, guzhen)).waitFor('.rl-title', 20_000);
  earlier = await openFixture(s, 'huashan-town.html');
  await (await overlayOf(s, earlier)).waitFor('.rl-title', 20_000);
  later = await openFixture(s, 'huashan-town-2026.html');
  await (await overlayOf(s, later)).waitFor('.rl-title', 20_000);
  laterTabId = await tabIdOf(s, later);
});
afterAll(async () => {
  await s?.close();
});

async function openCompare(): Promise<Page> {
  const panel = await openSidePanel(s, laterTabId);
  await panel.locator('[data-view="compare"]').click();
  await panel.locator('.sp-compare').waitFor({ timeout: 15_000 });
  return panel;
}

/** Text of the comparison table's rows with the given change type. */
const rowTexts = (panel: Page, change: string) => panel.locator(`tr[data-change="${change}"]`).allTextContents();

async function expectHuashanComparison(panel: Page): Promise<void> {
  for (const change of ['resolved', 'regressed', 'vanished', 'new', 'still_unfinished']) {
    await expect.poll(() => panel.locator(`.sp-summary [data-change="${change}"]`).count(), { timeout: 10_000 }).toBe(1);
  }
  expect(await panel.locator('.sp-summary [data-change="vanished"]').textContent()).toMatch(/\s1$/);
  expect(await panel.locator('.sp-summary [data-change="new"]').textContent()).toMatch(/\s1$/);
  // 21 surviving items + the vanished one + the new one.
  expect(await panel.locator('tbody tr').count()).toBe(23);

  const vanished = await rowTexts(panel, 'vanished');
  expect(vanished).toHaveLength(1);
  expect(vanished[0]).toContain(VANISHED);
  expect((await rowTexts(panel, 'new')).join('\n')).toContain(NEW_ITEM);
  expect((await rowTexts(panel, 'regressed')).join('\n')).toContain(REGRESSED);
  const resolved = (await rowTexts(panel, 'resolved')).join('\n');
  for (const label of RESOLVED) expect(resolved).toContain(label);

  // The problem contracts: 已完成整改11宗 → 19宗 (+8), deadline 2025-06-30 → 2026-05-31 (slipped 335 days).
  const contracts = panel.locator('tbody tr', { hasText: CONTRACTS });
  await expect.poll(() => contracts.getAttribute('data-change')).toBe('still_unfinished');
  const details = (await contracts.textContent()) ?? '';
  expect(details).toMatch(/11宗\s*→\s*19宗（\+8宗）/);
  expect(details).toContain('时限推迟：2025年6月30日 → 2026年5月31日（335天）');

  // The overdue commitment: 预计2025年7月前整改完成, not reported done by 2026-03-20.
  const overdue = (await panel.locator('section', { hasText: '逾期承诺' }).locator('li').allTextContents()).join('\n');
  expect(overdue).toContain(`${CONTRACTS}：预计2025年7月前整改完成（2025年6月30日）`);

  // Filtering by a summary button leaves only that change type.
  await panel.locator('.sp-summary [data-change="vanished"]').click();
  await expect.poll(() => panel.locator('tbody tr').count()).toBe(1);
  await panel.locator('.sp-summary button', { hasText: '全部' }).click();
  await expect.poll(() => panel.locator('tbody tr').count()).toBe(23);
}

describe('compare with an earlier notice from the library', () => {
  let panel: Page;
  beforeAll(async () => {
    panel = await openCompare();
  });
  afterAll(() => panel.close());

  it('suggests the earlier 花山镇 notice (same organization first) and compares with it', async () => {
    const candidates = panel.locator('input[name="earlier"]');
    await expect.poll(() => candidates.count(), { timeout: 15_000 }).toBe(2);
    const listed = await panel.locator('.sp-compare li', { has: candidates }).allTextContents();
    expect(listed[0]).toContain(TITLE);
    expect(listed[0]).toContain('2025年6月19日');
    expect(listed[1]).toContain('古镇镇');
    await candidates.first().check();
    await panel.locator('[data-action="compare"]').click();
    await expectHuashanComparison(panel);
    // how sure each pairing is, in plain words; the score only in the tooltip
    const sure = panel.locator('tbody [data-score]');
    expect(await sure.count()).toBeGreaterThan(10);
    for (const el of await sure.all()) {
      const score = Number(await el.getAttribute('data-score'));
      expect(await el.textContent()).toBe(score >= 0.85 ? '对应：确定' : score >= 0.7 ? '对应：较可能' : '对应：存疑');
      expect(await el.getAttribute('title')).toContain(score.toFixed(2));
    }
    expect(await panel.locator('.sp-compare').textContent()).not.toContain('匹配度');
  });

  it('asks for an earlier notice when none is ticked', async () => {
    const other = await openCompare();
    await other.locator('[data-action="compare"]').click();
    await expect.poll(() => other.locator('.sp-compare [role="alert"]').textContent()).toContain('请至少选择一份较早的通报');
    expect(await other.locator('tbody tr').count()).toBe(0);
    await other.close();
  });
});

describe('compare with an earlier notice from a file or pasted text', () => {
  it('a chosen .txt file', async () => {
    const panel = await openCompare();
    await panel.locator('summary', { hasText: '从文件或粘贴文本添加' }).click();
    await panel.locator('input[name="earlierFile"]').setInputFiles(SEED_TXT);
    await expect.poll(() => panel.locator('.sp-compare li', { hasText: 'huashan-town-2025-06-19.txt' }).count()).toBe(1);
    // Nothing from the library is ticked: the file alone is the earlier notice.
    expect(await panel.locator('input[name="earlier"]:checked').count()).toBe(0);
    await panel.locator('[data-action="compare"]').click();
    await expectHuashanComparison(panel);
    await panel.close();
  });

  it('pasted text', async () => {
    const panel = await openCompare();
    await panel.locator('summary', { hasText: '从文件或粘贴文本添加' }).click();
    await panel.locator('textarea[name="earlierPaste"]').fill(readFileSync(SEED_TXT, 'utf8'));
    await panel.locator('.sp-compare').getByRole('button', { name: '添加粘贴的文本' }).click();
    await expect.poll(() => panel.locator('.sp-compare li', { hasText: '粘贴的通报' }).textContent()).toContain('2025年6月19日');
    await panel.locator('[data-action="compare"]').click();
    await expectHuashanComparison(panel);
    await panel.close();
  });
});

describe('export the review with its comparison', () => {
  let panel: Page;
  beforeAll(async () => {
    panel = await openCompare();
    await panel.locator('input[name="earlier"]').first().check();
    await panel.locator('[data-action="compare"]').click();
    await panel.locator('tr[data-change="vanished"]').waitFor({ timeout: 10_000 });
  });
  afterAll(() => panel.close());

  async function download(format: string): Promise<{ name: string; bytes: Buffer }> {
    const [dl] = await Promise.all([panel.waitForEvent('download', { timeout: 15_000 }), panel.locator(`[data-format="${format}"]`).click()]);
    const path = await dl.path();
    expect(await dl.failure()).toBeNull();
    return { name: dl.suggestedFilename(), bytes: readFileSync(path!) };
  }
  const fileName = (ext: string) => `${ORG}-2026-03-20-审阅意见.${ext}`;

  it('Markdown: title, comparison and the vanished item', async () => {
    const { name, bytes } = await download('md');
    expect(name).toBe(fileName('md'));
    const md = bytes.toString('utf8');
    expect(md).toContain(TITLE);
    expect(md).toContain('与往期通报对比（2025年6月19日）');
    expect(md).toMatch(new RegExp(`\\|\\s*${VANISHED}\\s*\\|\\s*未报完成即消失`));
    expect(md).toContain(`${CONTRACTS}：2025年6月19日通报承诺“预计2025年7月前整改完成”`);
  });

  it('CSV: UTF-8 BOM, parses, one row per item with the change against the earlier notice', async () => {
    const { name, bytes } = await download('csv');
    expect(name).toBe(fileName('csv'));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const parsed = Papa.parse<Record<string, string>>(bytes.toString('utf8').slice(1), { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    const items = parsed.data.filter((r) => r['类型'] === '整改事项');
    expect(items).toHaveLength(22);
    const byLabel = (l: string) => items.find((r) => r['问题'].includes(l));
    expect(byLabel(CONTRACTS)?.['与上期相比']).toBe('仍未完成');
    expect(byLabel(REGRESSED)?.['与上期相比']).toBe('由完成退回未完成');
    expect(byLabel(NEW_ITEM)?.['与上期相比']).toBe('新增');
    for (const l of RESOLVED) expect(byLabel(l)?.['与上期相比']).toBe('本期完成');
    const earlierOnly = parsed.data.filter((r) => r['类型'] === '上期事项');
    expect(earlierOnly.map((r) => [r['问题'], r['与上期相比']])).toContainEqual([VANISHED, '未报完成即消失']);
  });

  it('JSON: valid review export file with the comparison', async () => {
    const { name, bytes } = await download('json');
    expect(name).toBe(fileName('json'));
    const parsed = reviewExportFile.safeParse(JSON.parse(bytes.toString('utf8')));
    expect(parsed.success).toBe(true);
    const file = parsed.data!;
    expect(file.notice.meta.publishDate).toBe('2026-03-20');
    expect(file.comparison).not.toBeNull();
    expect(file.comparison!.earlier.map((e) => e.publishDate)).toEqual(['2025-06-19']);
    expect(file.comparison!.rows.filter((r) => r.change === 'vanished').map((r) => r.earlierItem!.label)).toEqual([VANISHED]);
    expect(file.comparison!.overdueCommitments.map((o) => o.itemLabel)).toContain(CONTRACTS);
    expect(file.text.length).toBe(file.notice.textLength);
  });

  it('HTML: parses, no <script>, lists the items and the vanished one', async () => {
    const { name, bytes } = await download('html');
    expect(name).toBe(fileName('html'));
    const { document } = parseHTML(bytes.toString('utf8'));
    expect(document.querySelectorAll('script')).toHaveLength(0);
    const text = document.body.textContent ?? '';
    for (const l of [CONTRACTS, REGRESSED, NEW_ITEM, ...RESOLVED, VANISHED]) expect(text).toContain(l);
    expect(text).toContain('未报完成即消失');
  });

  it('Word: unzips, word/document.xml names the items', async () => {
    const { name, bytes } = await download('docx');
    expect(name).toBe(fileName('docx'));
    const zip = await JSZip.loadAsync(bytes);
    const xml = await zip.file('word/document.xml')!.async('string');
    const text = [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
    for (const l of [CONTRACTS, REGRESSED, NEW_ITEM, ...RESOLVED, VANISHED]) expect(text).toContain(l);
  });

});

describe('a reviewer override made on the earlier notice', () => {
  // Both 花山镇 notices are filed under one library entry (same organization and title) and item ids are
  // positional: the earlier 6. (租金上偷梁换柱) and the later 6. (落实违建巡查责任不到位) share an id.
  it('applies to the earlier item it was made for, not to the later item at the same position', async () => {
    const earlierPanel = await openSidePanel(s, await tabIdOf(s, earlier));
    const card = earlierPanel.locator('li.sp-item', { hasText: VANISHED });
    await card.getByRole('button', { name: '修改状态' }).click();
    await card.locator('select[name="status"]').selectOption('done');
    await card.locator('input[name="reason"]').fill('欠租合同均已解除');
    await card.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => card.locator('.sp-override').textContent()).toContain('欠租合同均已解除');
    await earlierPanel.close();

    const panel = await openCompare();
    await panel.locator('input[name="earlier"]').first().check();
    await panel.locator('[data-action="compare"]').click();
    await expect.poll(() => rowTexts(panel, 'done_omitted')).toEqual([expect.stringContaining(VANISHED)]);
    expect(await panel.locator('tr[data-change="vanished"]').count()).toBe(0);
    expect((await rowTexts(panel, 'regressed')).join('\n')).toContain(REGRESSED);

    const [dl] = await Promise.all([panel.waitForEvent('download'), panel.locator('[data-format="json"]').click()]);
    const file = reviewExportFile.parse(JSON.parse(readFileSync((await dl.path())!, 'utf8')));
    expect(file.overrides).toEqual([]);
    expect(file.comparison!.summary).toMatchObject({ vanished: 0, done_omitted: 1, regressed: 1 });
    await panel.close();
  });

  it('sends no request to any address but 127.0.0.1', () => {
    expect(s.externalRequests).toEqual([]);
  });
});
