/**
 * Issue 15, working as a team without a server — written once against the Driver interface and run by
 * team.e2e.ts (Chromium) and team.firefox.ts (Firefox ESR). Two browser profiles (two launches, each with its
 * own user-data dir) play two reviewers: 张三 annotates and exports a review package, 李四 imports it, sees the
 * colleague's annotation signed, re-imports (nothing changes), and after both edit the same annotation sees it
 * kept twice with a 冲突 mark. The library's 整改台账 is read back with its reviewer column.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseFileInPage, selectInPage, type Download, type Driver, type Tab } from '../../scripts/lib/driver';
import { exportLibraryLedger, waitForOverlay } from './journeys';

const ANNOTATED = '已根据上级文件要求执行了相应留用地返租补贴';
const NOTE = '主体责任落实情况需核实会议纪要';
const EDIT_A = '张三：已调阅会议纪要，属实';
const EDIT_B = '李四：纪要缺少签字，仍需核实';

async function setReviewerName(panel: Tab, name: string): Promise<void> {
  await panel.click('[data-view="settings"]');
  await panel.waitFor('input[name="reviewerName"]:not([disabled])');
  await panel.fill('input[name="reviewerName"]', name);
  await panel.clickText('.sp-team button', '保存姓名');
  await expect.poll(() => panel.texts('.sp-team .sp-ok')).toEqual([`已保存审阅人姓名：${name}`]);
}

async function exportPackage(d: Driver, panel: Tab): Promise<Download> {
  await panel.click('[data-view="settings"]');
  return d.download(panel, '[data-action="export-review-package"]');
}

async function importPackage(panel: Tab, pkg: Download): Promise<string> {
  await panel.click('[data-view="settings"]');
  await panel.waitFor('input[name="reviewPackageFile"]');
  const before = (await panel.texts('.sp-import-summary')).join('\n');
  const chosen = await panel.evaluate(chooseFileInPage, { selector: 'input[name="reviewPackageFile"]', name: pkg.name, type: 'application/json', base64: pkg.bytes.toString('base64') });
  expect(chosen).toBe(true);
  await expect.poll(async () => (await panel.texts('.sp-import-summary')).join('\n'), { timeout: 15_000 }).not.toBe(before);
  return (await panel.texts('.sp-import-summary')).join('\n');
}

/** The annotation cards, once the list has loaded (every step here expects at least one). */
const annotationCards = async (panel: Tab) => {
  await panel.click('[data-view="annotations"]');
  await panel.waitFor('.sp-annotation-list .sp-annotation');
  return panel.texts('.sp-annotation');
};

async function editAnnotation(panel: Tab, note: string): Promise<void> {
  await panel.click('[data-view="annotations"]');
  await panel.waitFor('.sp-annotation');
  await panel.clickText('.sp-annotation button', '编辑');
  await panel.fill('form.sp-edit textarea[name="note"]', note);
  await panel.clickText('form.sp-edit button', '保存');
  await expect.poll(() => panel.texts('.sp-annotation .sp-note')).toEqual(expect.arrayContaining([note]));
}

export function defineTeamJourney(label: string, makeDriver: () => Promise<Driver>, shotsDir: string): void {
  let a: Driver;
  let b: Driver;
  beforeAll(async () => {
    mkdirSync(shotsDir, { recursive: true });
    [a, b] = await Promise.all([makeDriver(), makeDriver()]);
  });
  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
  });
  const shot = (tab: Tab, name: string) => tab.screenshot(resolve(shotsDir, `${label.toLowerCase()}-${name}.png`));

  describe(`${label}: review packages between two profiles`, () => {
    let panelA: Tab;
    let panelB: Tab;
    let firstPackage: Download;

    it('profile A: the reviewer name is set in the settings and signs a new annotation', async () => {
      panelA = await a.openPanel(null);
      await panelA.setSize(420, 900);
      await setReviewerName(panelA, '张三');
      await shot(panelA, 'settings');
      const page = await a.openFixture('huashan-town.html');
      await waitForOverlay(a, page);
      expect(await page.evaluate(selectInPage, ANNOTATED)).toBe(true);
      await page.click(a.overlay('.rl-selection-button'));
      await page.fill(a.overlay('form.rl-form textarea[name="note"]'), NOTE);
      await page.clickText(a.overlay('form.rl-form button'), '保存');
      await expect.poll(() => annotationCards(panelA), { timeout: 10_000 }).toEqual([expect.stringContaining('审阅人：张三')]);
      await page.close();
    });

    it('profile A exports a review package; profile B imports it and sees the colleague’s annotation signed', async () => {
      firstPackage = await exportPackage(a, panelA);
      expect(firstPackage.name).toMatch(/^审阅包-张三-\d{4}-\d{2}-\d{2}\.json$/);
      const pkg = JSON.parse(firstPackage.bytes.toString('utf8'));
      expect(pkg).toMatchObject({ format: 'rectify-lens-review-package', version: 1, exportedBy: { name: '张三' } });
      expect(pkg.snapshots[0].hash).toMatch(/^[0-9a-f]{64}$/);

      panelB = await b.openPanel(null);
      await panelB.setSize(420, 900);
      await setReviewerName(panelB, '李四');
      const summary = await importPackage(panelB, firstPackage);
      expect(summary).toContain('批注：新增 1 条，更新 0 条，冲突 0 条，未变 0 条。');
      expect(summary).toContain('来自审阅人：张三。');
      await shot(panelB, 'import-summary');
      await expect.poll(() => annotationCards(panelB)).toEqual([expect.stringMatching(new RegExp(`${NOTE}[\\s\\S]*审阅人：张三`))]);
      await panelB.click('[data-view="library"]');
      await expect.poll(() => panelB.texts('.sp-org h3')).toEqual([expect.stringContaining('花山镇')]);
    });

    it('importing the same package again changes nothing', async () => {
      const summary = await importPackage(panelB, firstPackage);
      expect(summary).toContain('审阅包中的内容本机都已有，没有任何改动（批注 1 条、复核决定 0 条未变）。');
      expect(await annotationCards(panelB)).toHaveLength(1);
    });

    it('the same annotation edited in both profiles is kept twice with a 冲突 mark', async () => {
      await editAnnotation(panelB, EDIT_B);
      await editAnnotation(panelA, EDIT_A);
      const summary = await importPackage(panelB, await exportPackage(a, panelA));
      expect(summary).toContain('批注：新增 0 条，更新 0 条，冲突 1 条，未变 0 条。');
      await expect.poll(() => annotationCards(panelB)).toEqual(expect.arrayContaining([
        expect.stringMatching(new RegExp(`${EDIT_B}[\\s\\S]*冲突[\\s\\S]*另一版本（张三，[^）]*）：${EDIT_A}`)),
        expect.stringMatching(new RegExp(`${EDIT_A}[\\s\\S]*冲突[\\s\\S]*另一版本（张三（李四修改），[^）]*）：${EDIT_B}`)),
      ]));
      expect(await annotationCards(panelB)).toHaveLength(2);
      expect(await panelB.count('.sp-annotation .sp-badge-conflict')).toBe(2);
      await shot(panelB, 'conflict-card');
      // and once more: still two versions, nothing changes
      expect(await importPackage(panelB, await exportPackage(a, panelA))).toContain('没有任何改动');
      expect(await annotationCards(panelB)).toHaveLength(2);
    });

    it('the library’s 整改台账 names the reviewer and date of each note (read back with exceljs)', async () => {
      const wb = await exportLibraryLedger(b, panelB);
      const ledger = wb.getWorksheet('台账')!;
      const header = (ledger.getRow(1).values as unknown[]).slice(1).map(String);
      const notes = ledger.getColumn(header.indexOf('批注') + 1).values.slice(2).map((v) => String(v ?? '')).filter(Boolean).join('\n');
      expect(notes).toMatch(new RegExp(`${EDIT_B}——张三（李四修改），\\d{4}年\\d{1,2}月\\d{1,2}日`));
      expect(notes).toMatch(new RegExp(`${EDIT_A}（冲突版本，与本机修改不同，两者均保留）——张三，\\d{4}年\\d{1,2}月\\d{1,2}日`));
      expect(await panelB.texts('.sp-ledger .sp-ok')).toEqual([expect.stringMatching(/^已导出整改台账：1 份通报，\d+ 项。$/)]);
    });

    afterAll(async () => {
      await panelA?.close();
      await panelB?.close();
    });
  });
}

/** The 500-notice library export is checked in team.e2e.ts (Chromium): progress bar, panel responsive. */
export const TEAM_SHOTS = resolve(import.meta.dirname, '../../../notes/shots/team');
