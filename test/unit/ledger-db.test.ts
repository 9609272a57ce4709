import 'fake-indexeddb/auto';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readLibraryReview, saveNoticeVisit, setOverride, softDeleteAnnotation, addAnnotation } from '@/lib/db';
import { ledgerWorkbook, librarySources } from '@/lib/export';
import { huashanEarlier, huashanEarlierText, huashanLater, huashanLaterText } from '@/test/fixtures/notices/huashan';
import { freshDb } from './db-fixtures';

describe('the library as a ledger', () => {
  it('reads every notice with its versions, live annotations and overrides, reporting progress', async () => {
    const db = freshDb();
    const earlier = await saveNoticeVisit(db, { url: 'https://a.gov.cn/2025.html', text: huashanEarlierText, model: huashanEarlier(), seenAt: '2025-06-20T00:00:00.000Z' });
    const later = huashanLater();
    const saved = await saveNoticeVisit(db, { url: 'https://a.gov.cn/2026.html', text: huashanLaterText, model: later, seenAt: '2026-03-21T00:00:00.000Z' });
    // the later notice has the same organization and title: it is a new version of the same library notice
    expect(saved.notice.key).toBe(earlier.notice.key);
    const item = later.items[5];
    await setOverride(db, { noticeKey: saved.notice.key, itemId: item.id, itemLabel: item.label, status: 'done', reason: '现场核查', createdAt: '2026-03-22T00:00:00.000Z' });
    const start = huashanLaterText.indexOf('正在以诉讼方式解除合同');
    const quote = { type: 'TextQuoteSelector' as const, exact: '正在以诉讼方式解除合同', prefix: '', suffix: '' };
    const position = { type: 'TextPositionSelector' as const, start, end: start + quote.exact.length };
    const base = { noticeKey: saved.notice.key, snapshotHash: saved.snapshot.hash, url: saved.snapshot.url, quote, position, tags: [], severity: 'medium' as const };
    await addAnnotation(db, { ...base, note: '诉讼进展需跟踪' });
    const gone = await addAnnotation(db, { ...base, note: '删掉的' });
    await softDeleteAnnotation(db, gone.id);

    const progress: string[] = [];
    const entries = await readLibraryReview(db, (done, total) => progress.push(`${done}/${total}`));
    expect(progress).toEqual(['1/1']);
    expect(entries).toHaveLength(1);
    expect(entries[0].versions.map((v) => v.notice.meta.publishDate)).toEqual(['2026-03-20', '2025-06-19']);
    expect(entries[0].annotations.map((a) => a.note)).toEqual(['诉讼进展需跟踪']);
    expect(entries[0].overrides).toHaveLength(1);

    const sources = librarySources(entries);
    expect(sources).toHaveLength(1);
    expect(sources[0].comparison?.earlier.map((e) => e.publishDate)).toEqual(['2025-06-19']);
    const bytes = await ledgerWorkbook({ sources, today: '2026-11-30', generatedAt: '2026-11-30T00:00:00.000Z', scope: '整个通报库' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    const ws = wb.getWorksheet('台账')!;
    const header = ws.getRow(1).values as string[];
    const row = (label: string) => {
      for (let r = 2; r <= ws.rowCount; r++) if (ws.getRow(r).getCell(header.indexOf('问题')).value === label) return ws.getRow(r);
      throw new Error(label);
    };
    expect(row(item.label).getCell(header.indexOf('复核状态')).value).toBe('已完成');
    expect(row('问题合同未整改、阴阳合同赫然存在').getCell(header.indexOf('批注')).value).toMatch(/^【一般】诉讼进展需跟踪——\d{4}年\d{1,2}月\d{1,2}日$/);
    expect(row('历史约定不合理').getCell(header.indexOf('与上次通报相比')).value).toBe('本期完成');
  });

  it('reads an empty library as nothing to export', async () => {
    const progress: number[] = [];
    expect(await readLibraryReview(freshDb(), (d) => progress.push(d))).toEqual([]);
    expect(progress).toEqual([]);
    expect(librarySources([])).toEqual([]);
  });
});
