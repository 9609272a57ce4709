import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { annotationPredicate, listAnnotations, openDb, recentAnnotations, softDeleteAnnotation, type AnnotationFilter, type RectifyDB } from '@/lib/db';
import { backupToJson, importBackup } from '@/lib/db/backup';
import { formatGongwenLocalDay } from '@/lib/gongwen';
import { makeLargeBackup } from '../../scripts/bench-db';

let db: RectifyDB;
beforeEach(async () => {
  db = openDb(`annotation-list-${globalThis.crypto.randomUUID()}`);
  await importBackup(db, backupToJson(makeLargeBackup(300)));
});
afterEach(async () => {
  await db.delete();
});

describe('the annotations list filtered in memory (side panel) reads as listAnnotations does', () => {
  const filters: AnnotationFilter[] = [
    {},
    { tag: '存疑' },
    { severity: 'high' },
    { query: '整改 镇党委' },
    { query: '第 12' },
    { orphan: true },
    { tag: '需核实', severity: 'medium', query: '核对' },
  ];
  for (const filter of filters) {
    it(JSON.stringify(filter), async () => {
      const inMemory = (await listAnnotations(db, {})).filter(annotationPredicate(filter));
      const queried = await listAnnotations(db, filter);
      expect(inMemory.map((a) => a.id)).toEqual(queried.map((a) => a.id));
      if (Object.keys(filter).length) expect(queried.length).toBeLessThan(300);
    });
  }

  it('within one notice too (text order)', async () => {
    const noticeKey = (await db.notices.toCollection().first())!.key;
    const inMemory = (await listAnnotations(db, { noticeKey })).filter(annotationPredicate({ tag: '逾期' }));
    expect(inMemory.map((a) => a.id)).toEqual((await listAnnotations(db, { noticeKey, tag: '逾期' })).map((a) => a.id));
    expect(inMemory.length).toBeGreaterThan(0);
  });
});

describe('recentAnnotations: the first screen of the list', () => {
  it('is the head of the whole list, newest first, without deleted notes', async () => {
    const whole = await listAnnotations(db, {});
    expect((await recentAnnotations(db, 40)).map((a) => a.id)).toEqual(whole.slice(0, 40).map((a) => a.id));
    await softDeleteAnnotation(db, whole[0].id);
    const after = await recentAnnotations(db, 40);
    expect(after.map((a) => a.id)).not.toContain(whole[0].id);
    expect(after).toHaveLength(40);
  });
});

describe('formatGongwenLocalDay', () => {
  it('writes a moment as its day in 公文 style (noon UTC is the same day from UTC−11 to UTC+11)', () => {
    expect(formatGongwenLocalDay('2025-03-01T12:00:00.000Z')).toBe('2025年3月1日');
  });
  it('leaves dates that are not moments to formatGongwenDate', () => {
    expect(formatGongwenLocalDay('2024-09')).toBe('2024年9月');
    expect(formatGongwenLocalDay(null)).toBe('未知日期');
    expect(formatGongwenLocalDay('not a dateTtime')).toBe('not a dateTtime');
  });
});
