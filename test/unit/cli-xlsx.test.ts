import { copyFileSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { main } from '@/scripts/analyze';

const seed = (name: string) => fileURLToPath(new URL(`../fixtures/seeds/${name}`, import.meta.url));
const later = fileURLToPath(new URL('../fixtures/notices/huashan-town-2026-03-20.txt', import.meta.url));

async function run(argv: string[]) {
  let err = '';
  const code = await main(argv, { out: () => undefined, err: (s) => (err += s) });
  return { code, err };
}

async function workbook(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  const bytes = readFileSync(path);
  await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  return wb;
}

describe('analyze --format xlsx', () => {
  it('writes one 整改台账 for a folder, comparing files of the same organization', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rl-ledger-'));
    mkdirSync(join(dir, 'notices'));
    copyFileSync(seed('huashan-town-2025-06-19.txt'), join(dir, 'notices', 'a.txt'));
    copyFileSync(later, join(dir, 'notices', 'b.txt'));
    copyFileSync(seed('mazhang-town-2024-09-25.txt'), join(dir, 'notices', 'c.txt'));
    const out = join(dir, 'ledger.xlsx');
    const r = await run([join(dir, 'notices'), '--format', 'xlsx', '--today', '2026-11-30', '--out', out]);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/^已导出整改台账：.*ledger\.xlsx（3份通报，\d+项）\n$/);
    const wb = await workbook(out);
    const summary = wb.getWorksheet('汇总')!;
    expect(summary.rowCount).toBe(5); // 3 notices + total
    const ledger = wb.getWorksheet('台账')!;
    const items = Number(summary.getRow(5).getCell(4).value);
    expect(ledger.rowCount).toBe(1 + items);
    const header = (ledger.getRow(1).values as string[]).indexOf('与上次通报相比');
    const compared = [];
    for (let i = 2; i <= ledger.rowCount; i++) if (ledger.getRow(i).getCell(header).value) compared.push(ledger.getRow(i).getCell(2).value);
    // only the later 花山镇 notice has an earlier one among the files
    expect(new Set(compared)).toEqual(new Set(['中共广州市花都区花山镇委员会']));
    expect(compared.length).toBe(22);
    const explain = wb.getWorksheet('说明')!;
    expect(explain.getRow(3).values).toEqual([undefined, '“今天”（计算至今逾期的日期）', '2026年11月30日']);
  });

  it('names the file after the notice when one file is exported', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rl-ledger-'));
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      const r = await run([seed('mazhang-town-2024-09-25.txt'), '--format', 'xlsx', '--today', '2026-11-30']);
      expect(r.code).toBe(0);
      const name = /已导出整改台账：(.*?)（/.exec(r.err)![1];
      expect(name).toMatch(/-2024-09-25-整改台账\.xlsx$/);
      expect((await workbook(join(dir, name))).worksheets.map((w) => w.name)).toEqual(['台账', '汇总', '说明']);
    } finally {
      process.chdir(cwd);
    }
  });
});
