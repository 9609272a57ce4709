// @vitest-environment happy-dom
// The reviewer name (W3C creator) in every export: Markdown, CSV, HTML, Word, JSON and the xlsx 批注 column.
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { CSV_HEADER } from '@/lib/export/csv';
import { exportReview, reviewLedger, ledgerRows, toCsv, toDocx, toHtml, toJson, toMarkdown } from '@/lib/export/index';
import { annotation as annotationSchema, type Annotation, type ReviewExport, type StatusOverride } from '@/lib/schema';
import { huashanLater, huashanLaterText } from '@/test/fixtures/notices/huashan';
import { selectorsOf } from '@/scripts/lib/quote-selectors';

const ZHANG = { type: 'Person' as const, name: '张三' };
const LI = { type: 'Person' as const, name: '李四' };

function annotate(id: string, exact: string, note: string, extra: Partial<Annotation>): Annotation {
  return annotationSchema.parse({
    id, noticeKey: 'k', snapshotHash: 'h1', url: 'https://example.gov.cn/n.html', note, tags: [], severity: 'high',
    ...selectorsOf(huashanLaterText, exact),
    createdAt: '2026-03-25T08:00:00.000Z', updatedAt: '2026-03-26T09:30:00.000Z', anchorState: 'anchored', deletedAt: null,
    ...extra,
  });
}

function review(): ReviewExport {
  const notice = huashanLater();
  const item = notice.items[5];
  const overrides: StatusOverride[] = [
    { noticeKey: 'k', itemId: item.id, itemLabel: item.label, status: 'done', reason: '现场核查已复绿', createdAt: '2026-03-25T09:00:00Z', creator: ZHANG },
  ];
  return {
    notice, text: huashanLaterText, url: null, overrides, comparison: null, generatedAt: '2026-03-27T10:00:00.000Z',
    annotations: [
      annotate('a1', '预计2026年6月前整改完成', '时限推迟，需说明原因', { creator: ZHANG }),
      annotate('a1~2@x', '预计2026年6月前整改完成', '已电话核实，理由成立', { creator: LI, conflictOf: 'a1' }),
      annotate('a2', '已完成整改19宗', '旧批注，未署名', {}),
    ],
  };
}

describe('reviewer name in exports', () => {
  it('Markdown, HTML and Word sign each note with its reviewer and date, and mark a conflicting version', async () => {
    const md = toMarkdown(review());
    expect(md).toContain('审阅人：张三，2026年3月26日');
    expect(md).toContain('冲突版本（与本机同一批注的修改不同，两者均保留）；审阅人：李四，2026年3月26日');
    expect(md).toContain('审阅人：未署名，2026年3月26日');
    expect(md).toContain('现场核查已复绿（复核人：张三）');
    const html = toHtml(review());
    expect(html).toContain('审阅人：李四，2026年3月26日');
    const doc = await (await JSZip.loadAsync(await toDocx(review()))).file('word/document.xml')!.async('string');
    expect(doc).toContain('审阅人：张三，2026年3月26日');
  });

  it('CSV has 审阅人 and 审阅日期 columns', () => {
    const rows = Papa.parse<string[]>(toCsv(review()).slice(1)).data.filter((r) => r.length > 1);
    const col = (h: string) => (CSV_HEADER as readonly string[]).indexOf(h);
    const notes = rows.filter((r) => r[col('类型')] === '批注');
    const byNote = new Map(notes.map((r) => [r[col('批注')], r]));
    expect([...byNote.values()].map((r) => [r[col('批注')], r[col('审阅人')], r[col('审阅日期')]])).toEqual(expect.arrayContaining([
      ['时限推迟，需说明原因', '张三', '2026年3月26日'],
      ['已电话核实，理由成立', '李四', '2026年3月26日'],
      ['旧批注，未署名', '', '2026年3月26日'],
    ]));
    expect(notes).toHaveLength(3);
    expect(byNote.get('已电话核实，理由成立')![col('定位状态')]).toContain('冲突版本');
    expect(byNote.get('时限推迟，需说明原因')![col('定位状态')]).not.toContain('冲突版本');
    expect(rows.find((r) => r[col('类型')] === '整改事项' && r[col('复核理由')] === '现场核查已复绿')?.[col('审阅人')]).toBe('张三');
  });

  it('JSON gives each Web Annotation its W3C creator', () => {
    const file = JSON.parse(toJson(review()));
    expect(file.annotations[0].creator).toEqual(ZHANG);
    expect(file.annotations.find((a: { creator?: unknown }) => !a.creator)).toBeDefined();
  });

  it('the xlsx 批注 column reads "note——reviewer, date" and 复核理由 names the reviewer', async () => {
    const rows = ledgerRows(reviewLedger(review(), '2026-03-27'));
    const withNotes = rows.filter((r) => r.批注);
    expect(withNotes.map((r) => r.批注).join('\n')).toMatch(/时限推迟，需说明原因——张三，2026年3月26日/);
    const { data } = await exportReview('xlsx', review(), { today: '2026-03-27' });
    const wb = new ExcelJS.Workbook();
    const bytes = data as Uint8Array;
    await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    const ws = wb.getWorksheet('台账')!;
    const header = (ws.getRow(1).values as string[]).slice(1);
    const cells = (name: string) => ws.getColumn(header.indexOf(name) + 1).values.slice(2).map((v) => String(v ?? ''));
    const notes = cells('批注').filter(Boolean).join('\n');
    expect(notes).toContain('——张三，2026年3月26日');
    expect(notes).toContain('（冲突版本，与本机修改不同，两者均保留）——李四，2026年3月26日');
    expect(notes).toMatch(/旧批注，未署名——2026年3月26日/);
    expect(cells('复核理由')).toContain('现场核查已复绿（复核人：张三）');
  });
});
