/**
 * Issue: compare a notice with earlier ones and export the review, end to end in real Chromium.
 * The 花山镇 pair (test/e2e/notice-pair.ts): huashan-town.html (seed, 2025-06-19) and huashan-town-2026.html (the constructed later
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
import { openSidePanel, tabIdOf, type Session } from './harness';
import { openNoticePair, ORG, shoot, TITLE, VANISHED } from './notice-pair';

const SEED_TXT = fileURLToPath(new URL('../fixtures/seeds/huashan-town-2025-06-19.txt', import.meta.url));
const CONTRACTS = '问题合同未整改、阴阳合同赫然存在';
const REGRESSED = '落实违建巡查责任不到位';
const RESOLVED = ['历史约定不合理', '公共服务供给存在短板'];
const NEW_ITEM = '问题合同台账更新不及时';

let s: Session;
let earlier: Page;
let laterTabId: number;

beforeAll(async () => {
  ({ s, earlier, laterTabId } = await openNoticePair());
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

/** The number in the toggle "显示未变化的 N 项" (unchanged rows are hidden until it is clicked). */
async function hiddenUnchanged(panel: Page): Promise<number> {
  const text = (await panel.locator('[data-action="toggle-unchanged"]').textContent()) ?? '';
  const m = /^显示未变化的 (\d+) 项$/.exec(text.trim());
  if (!m) throw new Error(`no unchanged-rows toggle: ${text}`);
  return Number(m[1]);
}

/**
 * For each table row: does it read as unchanged — the item in both notices with the same status, and no
 * number or deadline line among its changes (.sp-cmp-moves)?
 */
function samenessOfRows(panel: Page): Promise<boolean[]> {
  return panel.locator('tbody tr').evaluateAll((trs) =>
    trs.map((tr) => {
      const before = tr.getAttribute('data-status-before');
      return before !== null && before === tr.getAttribute('data-status-after') && tr.querySelectorAll('.sp-cmp-moves li').length === 0;
    }),
  );
}

async function expectHuashanComparison(panel: Page): Promise<void> {
  for (const change of ['resolved', 'regressed', 'vanished', 'new', 'still_unfinished']) {
    await expect.poll(() => panel.locator(`.sp-summary [data-change="${change}"]`).count(), { timeout: 10_000 }).toBe(1);
  }
  expect(await panel.locator('.sp-summary [data-change="vanished"]').textContent()).toMatch(/\s1$/);
  expect(await panel.locator('.sp-summary [data-change="new"]').textContent()).toMatch(/\s1$/);
  // Unchanged rows (same status, no number or deadline moved) are hidden: 23 rows = 21 surviving items +
  // the vanished one + the new one, less those; the toggle says how many and shows them.
  const hidden = await hiddenUnchanged(panel);
  expect(hidden).toBeGreaterThan(0);
  expect(await panel.locator('tbody tr').count()).toBe(23 - hidden);
  const changed = await samenessOfRows(panel);
  expect(changed.every((same) => !same)).toBe(true);
  await panel.locator('[data-action="toggle-unchanged"]').click();
  await expect.poll(() => panel.locator('tbody tr').count()).toBe(23);
  expect((await samenessOfRows(panel)).filter(Boolean)).toHaveLength(hidden);
  expect((await panel.locator('[data-action="toggle-unchanged"]').textContent())?.trim()).toBe(`隐藏未变化的 ${hidden} 项`);
  expect(await panel.locator('[data-action="toggle-unchanged"]').getAttribute('aria-pressed')).toBe('true');

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

  it('offers the same organization’s earlier notice first, pre-selected, then the others by organization', async () => {
    const candidates = panel.locator('input[name="earlier"]');
    await expect.poll(() => candidates.count(), { timeout: 15_000 }).toBe(2);
    const groups = panel.locator('fieldset.sp-candidates');
    expect(await groups.locator('legend').allTextContents()).toEqual(['本单位较早的通报', '中共中山市古镇镇委员会']);
    const first = groups.first().locator('li');
    expect(await first.count()).toBe(1);
    expect(await first.textContent()).toContain(TITLE);
    expect(await first.textContent()).toContain('2025年6月19日');
    // the 古镇镇 notice is newer (2025年9月12日) but another organization's: it comes second, unticked
    expect(await groups.nth(1).textContent()).toContain('2025年9月12日');
    expect(await candidates.evaluateAll((els) => els.map((el) => (el as HTMLInputElement).checked))).toEqual([true, false]);
    expect(await panel.locator('.sp-compare').textContent()).toContain('已预选本单位最近的一份较早通报');
  });

  it('compares with it: export buttons above the table, unchanged rows behind a toggle, pairings in words', async () => {
    await panel.locator('[data-action="compare"]').click();
    await expectHuashanComparison(panel);
    const exportTop = (await panel.locator('.sp-export [data-format="md"]').boundingBox())!.y;
    const tableTop = (await panel.locator('table.sp-compare-table').boundingBox())!.y;
    const summaryTop = (await panel.locator('.sp-summary').boundingBox())!.y;
    expect(exportTop).toBeLessThan(summaryTop);
    expect(summaryTop).toBeLessThan(tableTop);
    // the choice folds away once compared, and says how many notices were chosen
    expect(await panel.locator('details.sp-compare-chooser').getAttribute('open')).toBeNull();
    expect(await panel.locator('details.sp-compare-chooser > summary').textContent()).toMatch(/与较早的通报对比\s*1$/);
    // how sure each pairing is, in plain words; the score only in the tooltip
    const sure = panel.locator('tbody [data-score]');
    expect(await sure.count()).toBeGreaterThan(10);
    const words = new Set<string>();
    for (const el of await sure.all()) {
      const score = Number(await el.getAttribute('data-score'));
      const text = (await el.textContent()) ?? '';
      words.add(text);
      expect(text).toBe(score >= 0.85 ? '对应：确定' : score >= 0.7 ? '对应：较可能' : '对应：存疑');
      expect(await el.getAttribute('title')).toBe(`匹配分数 ${score.toFixed(2)}（0.5–1，越高越确定）`);
    }
    expect(words).toContain('对应：确定');
    expect(await panel.locator('.sp-compare').textContent()).not.toContain('匹配度');
    expect((await panel.locator('tbody td:first-child').allTextContents()).join('\n')).not.toMatch(/\d/);
    await panel.locator('[data-action="toggle-unchanged"]').click(); // back to the default: unchanged rows hidden
    await shoot(panel, 'compare');
  });

  it('asks for an earlier notice when none is ticked', async () => {
    const other = await openCompare();
    await other.locator('input[name="earlier"]:checked').uncheck();
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
    // The pre-selected library notice is unticked: the file alone is the earlier notice.
    await panel.locator('input[name="earlier"]:checked').uncheck();
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
    await panel.locator('input[name="earlier"]:checked').uncheck();
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
