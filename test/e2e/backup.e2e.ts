/**
 * Backup import through the side panel's settings, in real Chromium (IndexedDB as shipped, not the in-memory
 * model of the unit tests): a file with a bad annotation far into it is refused with the Chinese message and
 * leaves the library empty; the good file is then imported whole and the annotations view lists it.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { backupToJson } from '@/lib/db/backup';
import { makeLargeBackup } from '../../scripts/bench-db';
import { launch, openSidePanel, type Session } from './harness';

let s: Session;
let dir: string;
beforeAll(async () => {
  s = await launch();
  dir = mkdtempSync(join(tmpdir(), 'rl-backup-e2e-'));
});
afterAll(async () => {
  await s?.close();
});

const COUNT = 3_000;

function writeBackupFile(name: string, json: string): string {
  const path = join(dir, name);
  writeFileSync(path, json);
  return path;
}

async function importFile(panel: Page, path: string): Promise<string> {
  await panel.locator('[data-view="settings"]').click();
  await panel.locator('input[name="backupFile"]').setInputFiles(path);
  const status = panel.locator('.sp-settings [role="status"]');
  await status.waitFor({ timeout: 60_000 });
  return (await status.textContent()) ?? '';
}

async function annotationCountLine(panel: Page): Promise<string> {
  await panel.locator('[data-view="annotations"]').click();
  const line = panel.locator('.sp-annotations > .sp-muted', { hasText: /共 \d+ 条批注|暂无批注/ });
  await line.waitFor({ timeout: 30_000 });
  return (await line.textContent()) ?? '';
}

describe('backup import in the side panel', () => {
  it('refuses a file with a bad annotation after thousands of good ones, keeping nothing, then imports the good file', async () => {
    const file = makeLargeBackup(COUNT);
    const bad = structuredClone(file) as unknown as { annotations: Array<Record<string, unknown>> };
    bad.annotations[COUNT - 100].severity = 'urgent';
    const panel = await openSidePanel(s, null);

    const refused = await importFile(panel, writeBackupFile('bad.json', JSON.stringify(bad)));
    expect(refused).toContain('备份文件内容不符合格式，未导入任何数据');
    expect(refused).toContain(`annotations[${COUNT - 100}].severity`);
    expect(await panel.locator('.sp-settings .sp-error').count()).toBe(1);
    expect(await annotationCountLine(panel)).toContain('暂无批注');

    const imported = await importFile(panel, writeBackupFile('good.json', backupToJson(file)));
    expect(imported).toContain(`导入完成，新增 ${COUNT + file.notices.length + file.snapshots.length} 条记录`);
    expect(await annotationCountLine(panel)).toContain(`共 ${COUNT} 条批注`);
    // newest first: the last annotation of the file was updated last
    expect(await panel.locator('.sp-annotation').first().textContent()).toContain(`第 ${COUNT} 条批注`);
  });
});
