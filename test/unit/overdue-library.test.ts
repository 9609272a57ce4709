import { describe, expect, it } from 'vitest';
import { filterOverdue, libraryOverdue, NOT_LISTED, passageUrl, type OverdueLibraryEntry } from '@/lib/overdue-library';
import { overdueMarkdown, overdueWorkbook } from '@/lib/export/overdue';
import ExcelJS from 'exceljs';
import type { StatusOverride } from '@/lib/schema';
import { huashanEarlier, huashanEarlierText, huashanLater, huashanLaterText } from '@/test/fixtures/notices/huashan';

const TODAY = '2026-11-23';
const EARLIER_URL = 'https://www.huadu.gov.cn/2025.html';
const LATER_URL = 'https://www.huadu.gov.cn/2026.html';

function library(overrides: StatusOverride[] = []): OverdueLibraryEntry[] {
  return [
    {
      noticeKey: 'huashan',
      versions: [
        { notice: huashanLater(), text: huashanLaterText, url: LATER_URL },
        { notice: huashanEarlier(), text: huashanEarlierText, url: EARLIER_URL },
      ],
      overrides,
    },
  ];
}

describe('逾期承诺 across the library', () => {
  it('lists passed promises not done in the latest notice, most overdue first, each promise once', () => {
    const rows = libraryOverdue(library(), TODAY);
    const brief = rows.map((r) => [r.itemLabel, r.deadline, r.days, r.noticeDate, r.latestStatus]);
    // the 2025 notice promised 预计2025年7月前 for the contracts; the 2026 notice moved it to 2026年6月前
    expect(brief).toEqual([
      ['问题合同未整改、阴阳合同赫然存在', '2025-06-30', 511, '2025-06-19', '整改中'],
      ['问题合同台账更新不及时', '2026-04-30', 207, '2026-03-20', '整改中'],
      ['问题合同未整改、阴阳合同赫然存在', '2026-05-31', 176, '2026-03-20', '整改中'],
    ]);
    const later = rows.find((r) => r.deadline === '2026-05-31')!;
    expect(huashanLaterText.slice(later.start, later.end)).toBe(later.deadlineText);
    expect(later.inLatest).toBe(true);
  });

  it('drops an item the reviewer marked done in the latest notice, with its earlier promises', () => {
    const contracts = huashanLater().items[4];
    const done: StatusOverride = { noticeKey: 'huashan', itemId: contracts.id, itemLabel: contracts.label, status: 'done', reason: '已解除', createdAt: '2026-11-01T00:00:00Z' };
    const rows = libraryOverdue(library([done]), TODAY);
    expect(rows.map((r) => r.itemLabel)).not.toContain(contracts.label);
    expect(rows.map((r) => r.itemLabel)).toContain('问题合同台账更新不及时');
  });

  it('filters by organization, deadline year and status in the latest notice', () => {
    const rows = libraryOverdue(library(), TODAY);
    expect(filterOverdue(rows, { year: '2025' }).every((r) => r.deadline.startsWith('2025'))).toBe(true);
    expect(filterOverdue(rows, { year: '2025' }).length).toBeGreaterThan(0);
    expect(filterOverdue(rows, { organization: '别的单位' })).toEqual([]);
    expect(filterOverdue(rows, { latestStatus: '整改中' }).length + filterOverdue(rows, { latestStatus: NOT_LISTED }).length).toBeLessThanOrEqual(rows.length);
  });

  it('is empty for an empty library and before any deadline passed', () => {
    expect(libraryOverdue([], TODAY)).toEqual([]);
    expect(libraryOverdue(library(), '2025-01-01')).toEqual([]);
  });

  it('opens an online notice at the promise with a text fragment; no address for a pasted one', () => {
    expect(passageUrl({ url: `${LATER_URL}#old`, deadlineText: '预计2026年6月前整改完成' })).toBe(`${LATER_URL}#:~:text=${encodeURIComponent('预计2026年6月前整改完成')}`);
    expect(passageUrl({ url: 'https://a.gov.cn/x', deadlineText: '2026-06前' })).toBe('https://a.gov.cn/x#:~:text=2026%2D06%E5%89%8D');
    expect(passageUrl({ url: 'paste:2026-01-01T00:00:00Z', deadlineText: 'x' })).toBeNull();
  });

  it('exports the list as Markdown and as a workbook', async () => {
    const rows = libraryOverdue(library(), TODAY);
    const md = overdueMarkdown(rows, TODAY);
    expect(md.split('\n')[0]).toBe(`# 逾期承诺（截至2026年11月23日，共${rows.length}项）`);
    expect(md).toContain('| 中共广州市花都区花山镇委员会 | 关于巡察整改进展情况的通报 | 2025年6月19日 | 问题合同未整改、阴阳合同赫然存在 |');
    expect(overdueMarkdown([], TODAY)).toContain('没有逾期的整改承诺。');
    const bytes = await overdueWorkbook(rows, TODAY);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    const ws = wb.getWorksheet('逾期承诺')!;
    expect(ws.rowCount).toBe(rows.length + 1);
    expect(ws.getRow(2).getCell(7).value).toBe(rows[0].days);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  });
});
