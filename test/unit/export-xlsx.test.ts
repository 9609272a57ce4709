import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { compareNotices } from '@/lib/compare';
import { exportReview, ledgerFileName, reviewLedger } from '@/lib/export/index';
import { LEDGER_COLUMNS, librarySources, localIsoDate, SUMMARY_COLUMNS, type LedgerInput } from '@/lib/export/ledger';
import { overdueDays } from '@/lib/overdue';
import { displayWidth, OVERDUE_AT_PUBLICATION_FILL, OVERDUE_NOW_FILL, REVIEW_STATUS_CHOICES, toXlsx } from '@/lib/export/xlsx';
import { annotation as annotationSchema, type Annotation, type Notice, type StatusOverride } from '@/lib/schema';
import { huashanEarlier, huashanEarlierText, huashanLater, huashanLaterText } from '@/test/fixtures/notices/huashan';
import { selectorsOf } from '@/scripts/lib/quote-selectors';

const URL = 'https://www.huadu.gov.cn/xxgk/xcgz/content/post_2026.html';
const TODAY = '2026-11-30';

function note(id: string, exact: string, text: string, opts: Partial<Annotation> = {}): Annotation {
  return annotationSchema.parse({
    id,
    noticeKey: 'k',
    snapshotHash: 'h',
    url: URL,
    ...selectorsOf(huashanLaterText, exact),
    note: text,
    tags: ['逾期'],
    severity: 'high',
    createdAt: '2026-03-25T08:00:00.000Z',
    updatedAt: '2026-03-26T09:30:00.000Z',
    anchorState: 'anchored',
    deletedAt: null,
    ...opts,
  });
}

function laterNotice(): Notice {
  const later = huashanLater();
  // item 2 (二（一）2.) inferred rather than stated, to see the certainty in 状态
  later.items[1] = { ...later.items[1], certainty: 'inferred' };
  // item 9 promised 2026-04-30; mark it overdue at publication too, as the parser would for a past date
  later.items[8] = { ...later.items[8], deadlines: later.items[8].deadlines.map((d) => ({ ...d, overdueAtPublication: true })) };
  return later;
}

function input(overrides: StatusOverride[] = [], annotations: Annotation[] = []): LedgerInput {
  const later = laterNotice();
  const comparison = compareNotices(later, [huashanEarlier()], { texts: { current: huashanLaterText, earlier: [huashanEarlierText] } });
  return {
    sources: [{ notice: later, text: huashanLaterText, url: URL, annotations, overrides, comparison }],
    today: TODAY,
    generatedAt: '2026-11-30T02:00:00.000Z',
    scope: '一份通报',
  };
}

async function readBack(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  return wb;
}

/** The 台账 row (1-based sheet row) whose 问题 cell is `label`. */
function rowOf(ws: ExcelJS.Worksheet, label: string): ExcelJS.Row {
  const col = LEDGER_COLUMNS.indexOf('问题') + 1;
  for (let r = 2; r <= ws.rowCount; r++) if (ws.getRow(r).getCell(col).value === label) return ws.getRow(r);
  throw new Error(`no row for ${label}`);
}
const cell = (row: ExcelJS.Row, column: (typeof LEDGER_COLUMNS)[number]) => row.getCell(LEDGER_COLUMNS.indexOf(column) + 1);

describe('整改台账 workbook', () => {
  const later = laterNotice();
  const override: StatusOverride = {
    noticeKey: 'k',
    itemId: later.items[5].id,
    itemLabel: later.items[5].label,
    status: 'done',
    reason: '现场核查已复绿',
    createdAt: '2026-03-25T09:00:00Z',
  };
  const annotations = [
    note('a1', '预计2026年6月前整改完成', '时限较上期推迟近一年，需说明原因'),
    note('a2', '预计2026年4月底前完成', '请核实'),
    note('a3', '正在逐村核对', '已删除的批注', { deletedAt: '2026-03-27T00:00:00Z' }),
  ];

  it('has the three sheets with the columns the issue lists, header frozen and filtered', async () => {
    const wb = await readBack(await toXlsx(input([override], annotations)));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['台账', '汇总', '说明']);
    const ws = wb.getWorksheet('台账')!;
    expect(ws.getRow(1).values).toEqual([undefined, ...LEDGER_COLUMNS]);
    expect(ws.rowCount).toBe(1 + later.items.length);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.autoFilter).toBe(`A1:P${1 + later.items.length}`);
    expect(ws.getRow(1).font?.bold).toBe(true);
    const summary = wb.getWorksheet('汇总')!;
    expect(summary.getRow(1).values).toEqual([undefined, ...SUMMARY_COLUMNS]);
    expect(summary.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  });

  it('writes each item: 公文 dates, certainty in 状态, review, evidence, deadlines, comparison, notes, position', async () => {
    const wb = await readBack(await toXlsx(input([override], annotations)));
    const ws = wb.getWorksheet('台账')!;
    const first = ws.getRow(2);
    expect(cell(first, '序号').value).toBe(1);
    expect(cell(first, '单位').value).toBe('中共广州市花都区花山镇委员会');
    expect(cell(first, '发布日期').value).toBe('2026年3月20日');
    expect(cell(first, '整改措施摘要').value).toMatch(/^巡察反馈的留用地未兑现问题已解决/);

    const inferred = rowOf(ws, '选址难度大');
    expect(cell(inferred, '状态').value).toBe('整改中（推断）');
    expect(cell(inferred, '承诺时限').value).toBe('计划于2026年底前完成（2026年12月31日）');
    expect(cell(inferred, '至今逾期天数').value).toBeNull();

    const contracts = rowOf(ws, '问题合同未整改、阴阳合同赫然存在');
    expect(cell(contracts, '状态').value).toBe('整改中');
    expect(cell(contracts, '证据').value).toBe('依据：“正在以诉讼方式解除合同”\n未完成部分：正在以诉讼方式解除合同');
    expect(cell(contracts, '发布时是否逾期').value).toBe('否');
    expect(cell(contracts, '至今逾期天数').value).toBe(183); // 2026-05-31 → 2026-11-30
    expect(cell(contracts, '与上次通报相比').value).toMatch(/^仍未完成；时限推迟335天（2025年6月30日→2026年5月31日）/);
    expect(cell(contracts, '批注').value).toBe('【严重】时限较上期推迟近一年，需说明原因〔逾期〕——2026年3月26日');
    expect(cell(contracts, '整改措施摘要').value).toMatch(/^目前，花山镇共梳理出问题合同23宗/);
    expect(String(cell(contracts, '整改措施摘要').value).endsWith('…')).toBe(true);
    expect(cell(contracts, '原文位置').value).toBe(`二（一）5. 第${later.items[4].start + 1}–${later.items[4].end}字\n${URL}`);

    const reviewed = rowOf(ws, '落实违建巡查责任不到位');
    expect(cell(reviewed, '状态').value).toBe('整改中');
    expect(cell(reviewed, '复核状态').value).toBe('已完成');
    expect(cell(reviewed, '复核理由').value).toBe('现场核查已复绿');
  });

  it('counts overdue days from the reviewed status and fills overdue rows', async () => {
    const wb = await readBack(await toXlsx(input([override], annotations)));
    const ws = wb.getWorksheet('台账')!;
    const nowOverdue = rowOf(ws, '问题合同未整改、阴阳合同赫然存在');
    const atPublication = rowOf(ws, '问题合同台账更新不及时');
    const plain = rowOf(ws, '历史约定不合理');
    expect(cell(atPublication, '发布时是否逾期').value).toBe('是');
    expect(cell(atPublication, '至今逾期天数').value).toBe(214);
    for (const c of LEDGER_COLUMNS) expect((cell(nowOverdue, c).fill as ExcelJS.FillPattern).fgColor?.argb).toBe(OVERDUE_NOW_FILL);
    expect((cell(atPublication, '问题').fill as ExcelJS.FillPattern).fgColor?.argb).toBe(OVERDUE_NOW_FILL);
    expect((cell(plain, '问题').fill as ExcelJS.FillPattern | undefined)?.pattern ?? 'none').toBe('none');
    // reviewed as done: no longer overdue, whatever the deadline
    const item = later.items[4];
    expect(overdueDays(item, 'done', TODAY)).toBeNull();
    expect(overdueDays(item, 'in_progress', '2026-05-31')).toBeNull(); // the deadline day itself is not overdue
    expect(overdueDays(item, 'in_progress', '2026-06-01')).toBe(1);
  });

  it('fills a row overdue only at publication in its own colour', async () => {
    const bytes = await toXlsx({ ...input(), today: '2026-04-01' });
    const ws = (await readBack(bytes)).getWorksheet('台账')!;
    const row = rowOf(ws, '问题合同台账更新不及时');
    expect(cell(row, '至今逾期天数').value).toBeNull();
    expect((cell(row, '问题').fill as ExcelJS.FillPattern).fgColor?.argb).toBe(OVERDUE_AT_PUBLICATION_FILL);
  });

  it('offers the statuses as a list in 复核状态, wraps text and sizes columns for Chinese', async () => {
    const ws = (await readBack(await toXlsx(input([override], annotations)))).getWorksheet('台账')!;
    const row = rowOf(ws, '选址难度大');
    expect(cell(row, '复核状态').dataValidation).toMatchObject({ type: 'list', formulae: [`"${REVIEW_STATUS_CHOICES.join(',')}"`] });
    expect(REVIEW_STATUS_CHOICES).toEqual(['已完成', '整改中', '长期坚持', '待核实']);
    expect(cell(row, '问题').alignment).toMatchObject({ wrapText: true, vertical: 'top' });
    const width = (c: (typeof LEDGER_COLUMNS)[number]) => ws.getColumn(LEDGER_COLUMNS.indexOf(c) + 1).width!;
    expect(width('发布日期')).toBeGreaterThanOrEqual(displayWidth('2026年3月20日'));
    expect(width('单位')).toBeGreaterThanOrEqual(24);
    expect(width('整改措施摘要')).toBe(50);
    expect(width('序号')).toBeLessThan(10);
    expect(displayWidth('已完成ab')).toBe(8);
  });

  it('contains values only: no formulas, a page text starting with = stays text', async () => {
    const wb = await readBack(await toXlsx(input([override], annotations)));
    let cells = 0;
    for (const ws of wb.worksheets)
      ws.eachRow((row) =>
        row.eachCell((c) => {
          cells++;
          expect(c.type).not.toBe(ExcelJS.ValueType.Formula);
          expect(c.formula).toBeUndefined();
        }),
      );
    expect(cells).toBeGreaterThan(300);
    const notes = cell(rowOf(wb.getWorksheet('台账')!, '问题合同台账更新不及时'), '批注').value;
    expect(notes).toBe('【严重】请核实〔逾期〕——2026年3月26日'); // the deleted note is left out
  });

  it('keeps a label that looks like a formula as text', async () => {
    const src = input();
    const n = src.sources[0].notice;
    n.items[0] = { ...n.items[0], label: '=HYPERLINK("http://evil","x")' };
    const ws = (await readBack(await toXlsx(src))).getWorksheet('台账')!;
    const c = cell(ws.getRow(2), '问题');
    expect(c.type).toBe(ExcelJS.ValueType.String);
    expect(c.value).toBe('=HYPERLINK("http://evil","x")');
  });

  it('summarises per notice with reviewed statuses, overdue now and contradictions, and explains the columns', async () => {
    const src = input([override]);
    src.sources[0].notice.findings.push({ kind: 'arithmetic', severity: 'high', message: '23≠19+5', start: 0, end: 1 });
    const wb = await readBack(await toXlsx(src));
    const summary = wb.getWorksheet('汇总')!;
    const values = summary.getRow(2).values as unknown[];
    expect(values.slice(1)).toEqual(['中共广州市花都区花山镇委员会', '关于巡察整改进展情况的通报', '2026年3月20日', 22, 14, 7, 0, 1, 2, 1]); // 13 parsed done + 1 reviewed done; 8 in progress − 1
    expect(summary.rowCount).toBe(2); // one notice: no total row
    const explain = wb.getWorksheet('说明')!;
    const rows = new Map<string, string>();
    explain.eachRow((r, i) => i > 1 && rows.set(String(r.getCell(1).value), String(r.getCell(2).value)));
    expect(rows.get('“今天”（计算至今逾期的日期）')).toBe('2026年11月30日');
    expect(rows.get('导出范围')).toBe('一份通报，共1份通报');
    for (const c of LEDGER_COLUMNS.filter((c) => !['单位', '通报名称', '发布日期', '复核状态', '复核理由'].includes(c))) expect(rows.has(c)).toBe(true);
  });

  it('writes an empty ledger with headers when there is nothing to list', async () => {
    const wb = await readBack(await toXlsx({ sources: [], today: TODAY, generatedAt: '2026-11-30T00:00:00Z', scope: '整个通报库' }));
    expect(wb.getWorksheet('台账')!.rowCount).toBe(1);
    expect(wb.getWorksheet('汇总')!.rowCount).toBe(1);
  });
});

describe('ledger sources', () => {
  it('exports one notice through exportReview with the local date as today', async () => {
    const generatedAt = new Date(2026, 10, 30, 23, 30).toISOString();
    const review = { ...input(), notice: laterNotice(), text: huashanLaterText, url: URL, annotations: [], overrides: [], comparison: null, generatedAt };
    expect(reviewLedger(review).today).toBe('2026-11-30');
    const file = await exportReview('xlsx', review);
    expect(file.fileName).toBe('中共广州市花都区花山镇委员会-2026-03-20-整改台账.xlsx');
    expect(file.mime).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const wb = await readBack(file.data as Uint8Array);
    expect(wb.getWorksheet('台账')!.rowCount).toBe(23);
    expect(ledgerFileName(null, '2026-11-30')).toBe('整改台账-通报库-2026-11-30.xlsx');
    expect(localIsoDate(new Date(2026, 0, 5, 0, 10))).toBe('2026-01-05');
  });

  it('takes the newest version of each library notice and compares it with the earlier ones of its organization', async () => {
    const earlier = huashanEarlier();
    const laterN = laterNotice();
    const other: Notice = { ...laterNotice(), meta: { ...laterNotice().meta, organization: '中共某某镇委员会', publishDate: '2025-01-01' } };
    const sources = librarySources([
      { noticeKey: 'later', versions: [{ notice: laterN, text: huashanLaterText, url: URL }], annotations: [], overrides: [] },
      { noticeKey: 'earlier', versions: [{ notice: earlier, text: huashanEarlierText, url: 'https://e' }], annotations: [], overrides: [] },
      { noticeKey: 'other', versions: [{ notice: other, text: huashanLaterText, url: 'https://o' }], annotations: [], overrides: [] },
      { noticeKey: 'empty', versions: [], annotations: [], overrides: [] },
    ]);
    expect(sources.map((s) => s.url)).toEqual(['https://e', URL, 'https://o']); // 广州 (guang) before 某某 (mou) in zh-CN
    expect(sources.map((s) => s.comparison?.earlier.length ?? 0)).toEqual([0, 1, 0]);
    const wb = await readBack(await toXlsx({ sources, today: TODAY, generatedAt: '2026-11-30T00:00:00Z', scope: '整个通报库' }));
    const summary = wb.getWorksheet('汇总')!;
    expect(summary.rowCount).toBe(5); // header, three notices, total
    expect(summary.getRow(5).getCell(1).value).toBe('合计');
    expect(summary.getRow(5).getCell(4).value).toBe(22 + earlier.items.length + 22);
    const ws = wb.getWorksheet('台账')!;
    expect(ws.rowCount).toBe(1 + 22 + earlier.items.length + 22);
    expect(cell(ws.getRow(ws.rowCount), '序号').value).toBe(ws.rowCount - 1);
  });
});

describe('layout for print and for readers', () => {
  it('gives wrapped rows the height of their text and prints landscape, one page wide, header repeated', async () => {
    const ws = (await readBack(await toXlsx(input()))).getWorksheet('台账')!;
    const long = rowOf(ws, '问题合同未整改、阴阳合同赫然存在'); // 161-character measures summary in a 50-wide column
    const short = rowOf(ws, '留用地底数不清，台账混乱');
    expect(long.height).toBeGreaterThanOrEqual(7 * 15);
    expect(short.height!).toBeLessThan(long.height!);
    expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' });
  });
});
