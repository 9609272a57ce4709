import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  BackupError,
  MAX_BACKUP_CHARS,
  backupFileName,
  backupToJson,
  exportBackup,
  importBackup,
} from '@/lib/db/backup';
import { issuePath, jsonErrorOffset } from '@/lib/json-file';
import {
  addAnnotation,
  listAnnotations,
  saveNoticeVisit,
  setAnchorStates,
  setOverride,
  setSetting,
  softDeleteAnnotation,
  updateAnnotation,
  type RectifyDB,
} from '@/lib/db';
import type { BackupFile, NoticeSnapshot } from '@/lib/schema';
import { makeLargeBackup } from '@/scripts/bench-db';
import fc from 'fast-check';
import { freshDb } from './db-fixtures';
import { selectorsOf } from '@/scripts/lib/quote-selectors';

const dump = JSON.parse(readFileSync(new URL('../fixtures/db/v1-dump.json', import.meta.url), 'utf8'));
const [mazhang, huadu] = dump.tables.snapshots as NoticeSnapshot[];
const EXPORTED = new Date('2025-01-02T03:04:05.000Z');


/** A small but complete library: two notices, annotations (one deleted, one orphan), an override, settings. */
async function fillLibrary(db: RectifyDB) {
  const mz = await saveNoticeVisit(db, { url: mazhang.url, text: mazhang.text, model: mazhang.model, seenAt: '2024-10-08T02:15:31.000Z' });
  const hd = await saveNoticeVisit(db, { url: huadu.url, text: huadu.text, model: huadu.model, seenAt: '2021-11-24T01:02:03.000Z' });
  const base = (snap: NoticeSnapshot, key: string, exact: string) => ({
    noticeKey: key, snapshotHash: snap.hash, url: snap.url, ...selectorsOf(snap.text, exact, { before: 8 }), note: '', tags: [] as string[], severity: 'medium' as const,
  });
  const clinic = await addAnnotation(db, { ...base(mz.snapshot, mz.notice.key, '其他卫生站均已开诊'), note: '甘林村例外', tags: ['需核实'] });
  const land = await addAnnotation(db, { ...base(mz.snapshot, mz.notice.key, '东坡岭农场土地租赁合同于2024年4月到期'), severity: 'high', tags: ['逾期'] });
  const cases = await addAnnotation(db, { ...base(hd.snapshot, hd.notice.key, '处理128人'), tags: ['存疑', '数据矛盾'] });
  await softDeleteAnnotation(db, cases.id);
  await setAnchorStates(db, [{ id: land.id, anchorState: 'orphan' }]);
  await setOverride(db, {
    noticeKey: mz.notice.key, itemId: 'i-5', itemLabel: '推动解决民生实事力度欠缺', status: 'in_progress',
    reason: '甘林村卫生站仍未开诊', createdAt: '2024-10-08T02:26:00.000Z',
  });
  await setSetting(db, 'highlight.kinds', ['deadline', 'overdue']);
  await setSetting(db, 'sidepanel.tab', 'items');
  return { mz, hd, clinic, land, cases };
}

async function tables(db: RectifyDB) {
  const { exportedAt: _ignored, ...rest } = await exportBackup(db, EXPORTED);
  return rest;
}

async function rejection(promise: Promise<unknown>): Promise<BackupError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(BackupError);
  return error as BackupError;
}

async function libraryWithBackup() {
  const db = freshDb();
  await fillLibrary(db);
  const file = await exportBackup(db);
  return { db, file, before: await tables(db) };
}

describe('exportBackup / importBackup round trip', () => {
  it('restores identical data after a wipe', async () => {
    const source = freshDb();
    await fillLibrary(source);
    const file = await exportBackup(source, EXPORTED);
    expect(file).toMatchObject({ format: 'rectify-lens-backup', schemaVersion: 1, exportedAt: '2025-01-02T03:04:05.000Z' });
    expect(backupFileName(file)).toBe('rectify-lens-backup-2025-01-02.json');
    expect([file.notices.length, file.snapshots.length, file.annotations.length, file.overrides.length, file.settings.length]).toEqual([2, 2, 3, 1, 2]);

    const before = await tables(source);
    await source.delete();
    const restored = freshDb();
    const result = await importBackup(restored, backupToJson(file));
    expect(result.added).toEqual({ notices: 2, snapshots: 2, annotations: 3, overrides: 1, settings: 2 });
    expect(await tables(restored)).toEqual(before);
  });

  it('is idempotent: a second import adds and changes nothing', async () => {
    const source = freshDb();
    await fillLibrary(source);
    const json = backupToJson(await exportBackup(source));
    const target = freshDb();
    await importBackup(target, json);
    const afterFirst = await tables(target);
    const second = await importBackup(target, json);
    expect(second.added).toEqual({ notices: 0, snapshots: 0, annotations: 0, overrides: 0, settings: 0 });
    expect(second.updated).toEqual({ notices: 0, snapshots: 0, annotations: 0, overrides: 0, settings: 0 });
    expect(second.skipped).toEqual({ notices: 2, snapshots: 2, annotations: 3, overrides: 1, settings: 2 });
    expect(await tables(target)).toEqual(afterFirst);
  });

  it('keeps the newer version of an annotation edited on both sides', async () => {
    const db = freshDb();
    const { clinic, land } = await fillLibrary(db);
    const old = await exportBackup(db);
    const edited = await updateAnnotation(db, clinic.id, { note: '已电话核实：新乡医10月进驻' });
    const older = await importBackup(db, backupToJson(old));
    expect(older.skipped.annotations).toBe(3);
    expect((await db.annotations.get(clinic.id))?.note).toBe(edited.note);

    const newer: BackupFile = {
      ...old,
      annotations: old.annotations.map((a) => (a.id === land.id ? { ...a, note: '墓园已动工', updatedAt: '2099-01-01T00:00:00.000Z' } : a)),
    };
    const result = await importBackup(db, backupToJson(newer));
    expect(result.updated.annotations).toBe(1);
    expect((await db.annotations.get(land.id))?.note).toBe('墓园已动工');
    expect((await db.annotations.get(clinic.id))?.note).toBe(edited.note);
  });

  it('merges the URLs of a notice already in the library', async () => {
    const db = freshDb();
    const { mz } = await fillLibrary(db);
    const file = await exportBackup(db);
    const moved = { ...file, notices: file.notices.map((n) => (n.key === mz.notice.key ? { ...n, urls: ['https://mirror.example/mz.html'] } : n)) };
    const result = await importBackup(db, backupToJson(moved));
    expect(result.updated.notices).toBe(1);
    expect((await db.notices.get(mz.notice.key))?.urls).toEqual([mazhang.url, 'https://mirror.example/mz.html']);
  });

  it('imports a 10 000-annotation file', async () => {
    const db = freshDb();
    const file = makeLargeBackup(10_000);
    const result = await importBackup(db, backupToJson(file));
    expect(result.added.annotations).toBe(10_000);
    expect(await db.annotations.count()).toBe(10_000);
    expect(await listAnnotations(db, { tag: '存疑' })).toHaveLength(2_000);
    expect(await db.annotations.get('bench-009999')).toEqual(file.annotations[9_999]);
  });

  it('merges a file of many chunks with the annotations already stored', async () => {
    const db = freshDb();
    await importBackup(db, backupToJson(makeLargeBackup(1_200)));
    const larger = makeLargeBackup(2_000);
    // every 100th stored annotation was edited later in the file, the other stored ones come back unchanged
    const edited = larger.annotations.map((a, i) => (i < 1_200 && i % 100 === 0 ? { ...a, note: `改过的第 ${i} 条`, updatedAt: '2099-01-01T00:00:00.000Z' } : a));
    const result = await importBackup(db, backupToJson({ ...larger, annotations: edited }));
    expect(result.added.annotations).toBe(800);
    expect(result.updated.annotations).toBe(12);
    expect(result.skipped.annotations).toBe(1_188);
    expect(await db.annotations.count()).toBe(2_000);
    expect(await db.annotations.get('bench-000300')).toEqual(edited[300]);
    expect(await db.annotations.get('bench-001999')).toEqual(edited[1_999]);
  });

  it('looks up each incoming annotation when the library is much larger than the file', async () => {
    const db = freshDb();
    await importBackup(db, backupToJson(makeLargeBackup(2_000)));
    const big = makeLargeBackup(2_100).annotations;
    const file = { ...makeLargeBackup(0), annotations: [...big.slice(0, 50), ...big.slice(2_000)].map((a) => ({ ...a, note: `${a.note}（新）`, updatedAt: '2099-01-01T00:00:00.000Z' })) };
    const result = await importBackup(db, backupToJson(file));
    expect([result.added.annotations, result.updated.annotations, result.skipped.annotations]).toEqual([100, 50, 0]);
    expect(await db.annotations.count()).toBe(2_100);
    expect((await db.annotations.get('bench-000049'))?.note).toMatch(/（新）$/);
  });

  it('counts an annotation repeated inside the file once, keeping its newer edit', async () => {
    const db = freshDb();
    const [first, second] = makeLargeBackup(2).annotations;
    const later = { ...first, note: '后来改过', updatedAt: '2099-01-01T00:00:00.000Z' };
    const result = await importBackup(db, backupToJson({ ...makeLargeBackup(0), annotations: [later, second, first] }));
    expect(result.added.annotations).toBe(2);
    expect(await db.annotations.get(first.id)).toEqual(later);
  });
});

describe('importBackup refuses bad files and writes nothing', () => {
  it('reports a truncated file with line and column', async () => {
    const { db, file, before } = await libraryWithBackup();
    const pretty = JSON.stringify(file, null, 2);
    const truncated = pretty.slice(0, Math.floor(pretty.length / 2));
    const lines = truncated.split('\n');
    const error = await rejection(importBackup(db, truncated));
    expect(error.message).toContain('被截断');
    expect(error.message).toContain(`第 ${lines.length} 行`);
    expect(await tables(db)).toEqual(before);
  });

  it('reports a syntax error in the middle with its position', async () => {
    const { db, file, before } = await libraryWithBackup();
    const json = backupToJson(file);
    const broken = json.replace('"settings":[', '"settings":[;');
    const position = broken.indexOf('"settings":[;') + '"settings":['.length;
    const error = await rejection(importBackup(db, broken));
    expect(error.message).toContain('语法错误');
    expect(error.message).toContain(`字符位置 ${position}`);
    expect(await tables(db)).toEqual(before);
  });

  it('names every field of the wrong type with its path', async () => {
    const { db, file, before } = await libraryWithBackup();
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the test damages the file on purpose, at arbitrary paths
    const bad = structuredClone(file) as unknown as Record<string, any>;
    bad.annotations[2].severity = 'urgent';
    bad.notices[1].urls = 'https://example.gov.cn/';
    const withItems = bad.snapshots.findIndex((s: NoticeSnapshot) => s.model.items.length > 0);
    bad.snapshots[withItems].model.items[1].start = -5;
    const error = await rejection(importBackup(db, JSON.stringify(bad)));
    expect(error.message).toContain('未导入任何数据');
    expect(error.message).toContain('annotations[2].severity');
    expect(error.message).toContain('notices[1].urls');
    expect(error.message).toContain(`snapshots[${withItems}].model.items[1].start`);
    expect(await tables(db)).toEqual(before);
  });

  it('refuses a file whose bad annotation comes after many good ones, and writes none of them', async () => {
    const { db, file, before } = await libraryWithBackup();
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the test damages the file on purpose
    const annotations: any[] = [...file.annotations, ...makeLargeBackup(3_000).annotations];
    annotations[2_500] = { ...annotations[2_500], severity: 'urgent' };
    annotations[2_900] = { ...annotations[2_900], quote: { ...annotations[2_900].quote, exact: '' } };
    const error = await rejection(importBackup(db, JSON.stringify({ ...file, annotations })));
    expect(error.message).toContain('未导入任何数据');
    // every problem of the file is named, not only those of the chunk where the first was found
    expect(error.message).toContain('annotations[2500].severity');
    expect(error.message).toContain('annotations[2900].quote.exact');
    expect(await tables(db)).toEqual(before);
  });

  it('refuses a newer schema version and foreign files', async () => {
    const { db, file, before } = await libraryWithBackup();
    const newer = await rejection(importBackup(db, JSON.stringify({ ...file, schemaVersion: 2 })));
    expect(newer.message).toContain('备份文件版本 2 高于本程序支持的版本 1，请先升级');
    const older = await rejection(importBackup(db, JSON.stringify({ ...file, schemaVersion: 0 })));
    expect(older.message).toContain('schemaVersion');
    const foreign = await rejection(importBackup(db, JSON.stringify({ ...file, format: 'hypothesis-export' })));
    expect(foreign.message).toContain('这不是 Rectify Lens 备份文件');
    const list = await rejection(importBackup(db, '[1, 2, 3]'));
    expect(list.message).toContain('这不是 Rectify Lens 备份文件');
    const empty = await rejection(importBackup(db, '  \n'));
    expect(empty.message).toContain('备份文件是空的');
    expect(await tables(db)).toEqual(before);
  });

  it('refuses files above the size limit', async () => {
    expect(MAX_BACKUP_CHARS).toBe(200 * 1024 * 1024);
    const { db, file, before } = await libraryWithBackup();
    const json = backupToJson(file);
    const error = await rejection(importBackup(db, json, { maxChars: json.length - 1 }));
    expect(error.message).toContain('备份文件过大');
    expect(await tables(db)).toEqual(before);
    await expect(importBackup(db, json, { maxChars: json.length })).resolves.toBeDefined();
  });

  it('rolls back everything when a write fails mid-import', async () => {
    const { db, file, before } = await libraryWithBackup();
    const incoming: BackupFile = {
      ...file,
      notices: file.notices.map((n) => ({ ...n, title: `${n.title}（更新）`, lastSeen: '2099-01-01T00:00:00.000Z' })),
      annotations: [
        ...file.annotations,
        ...makeLargeBackup(5).annotations.map((a) => ({ ...a, noticeKey: file.notices[0].key })),
      ],
      settings: [...file.settings, { key: 'export.format', value: 'docx' }],
    };
    // The failure comes from the storage layer after notices, snapshots and some annotations were written.
    let created = 0;
    const failOnThird = () => {
      if (++created === 3) throw new Error('磁盘已满');
    };
    db.annotations.hook('creating', failOnThird);
    await expect(importBackup(db, backupToJson(incoming))).rejects.toThrow('磁盘已满');
    db.annotations.hook('creating').unsubscribe(failOnThird);
    expect(created).toBe(3);
    expect(await tables(db)).toEqual(before);

    const failLast = () => {
      throw new Error('配额不足');
    };
    db.settings.hook('creating', failLast);
    await expect(importBackup(db, backupToJson(incoming))).rejects.toThrow('配额不足');
    db.settings.hook('creating').unsubscribe(failLast);
    expect(await tables(db)).toEqual(before);

    const result = await importBackup(db, backupToJson(incoming));
    expect(result.added).toMatchObject({ annotations: 5, settings: 1 });
    expect(result.updated.notices).toBe(2);
  });
});

describe('jsonErrorOffset', () => {
  it('accepts everything JSON.stringify writes', () => {
    fc.assert(fc.property(fc.jsonValue(), fc.boolean(), (value, pretty) => {
      expect(jsonErrorOffset(JSON.stringify(value, null, pretty ? 2 : 0))).toBeNull();
    }));
  });

  it('flags exactly the inputs JSON.parse rejects', () => {
    fc.assert(fc.property(fc.jsonValue(), fc.nat(), fc.string({ maxLength: 2 }), (value, at, junk) => {
      const json = JSON.stringify(value);
      const cut = at % (json.length + 1);
      const mangled = json.slice(0, cut) + junk + json.slice(cut + 1);
      let valid = true;
      try {
        JSON.parse(mangled);
      } catch {
        valid = false;
      }
      const offset = jsonErrorOffset(mangled);
      expect(offset === null).toBe(valid);
      if (offset !== null) expect(offset).toBeLessThanOrEqual(mangled.length);
    }), { numRuns: 2000 });
  });

  it('points at the offending character', () => {
    expect(jsonErrorOffset('{"a": [1, 2,, 3]}')).toBe(12);
    expect(jsonErrorOffset('{"a": 1 "b": 2}')).toBe(8);
    expect(jsonErrorOffset('{"a": "x')).toBe(8);
    expect(jsonErrorOffset('{"a": tru}')).toBe(6);
    expect(jsonErrorOffset('[1] 2')).toBe(4);
  });
});

describe('issuePath', () => {
  it('writes zod paths the way a reader looks them up', () => {
    expect(issuePath(['annotations', 3, 'severity'])).toBe('annotations[3].severity');
    expect(issuePath(['snapshots', 0, 'model', 'items', 12, 'deadlines', 0, 'date'])).toBe('snapshots[0].model.items[12].deadlines[0].date');
    expect(issuePath([])).toBe('（文件顶层）');
  });
});

describe('import never trusts or replaces stored text', () => {
  it('refuses a file whose snapshot text does not match its content hash, and writes nothing', async () => {
    const { db, file, before } = await libraryWithBackup();
    const tampered: BackupFile = {
      ...file,
      snapshots: file.snapshots.map((s, i) => (i === 1 ? { ...s, text: s.text.replace('整改', '整顿') } : s)),
    };
    const error = await rejection(importBackup(db, backupToJson(tampered)));
    expect(error.message).toContain('正文与其校验值不符');
    expect(error.message).toContain('snapshots[1]');
    expect(await tables(db)).toEqual(before);
  });

  it('keeps the stored snapshot (text and model) when a file brings the same version again', async () => {
    const { db, file } = await libraryWithBackup();
    const stored = file.snapshots[0];
    const incoming: BackupFile = {
      ...file,
      snapshots: [{ ...stored, model: { ...stored.model, items: [] }, lastSeen: '2099-01-01T00:00:00.000Z' }],
    };
    await importBackup(db, backupToJson(incoming));
    const after = await db.snapshots.get(stored.hash);
    expect(after?.model.items.length).toBe(stored.model.items.length);
    expect(after?.text).toBe(stored.text);
    expect(after?.lastSeen).toBe('2099-01-01T00:00:00.000Z');
  });

  it('says the disk is full and nothing changed when storage runs out of quota', async () => {
    const { db, file, before } = await libraryWithBackup();
    const quota = () => {
      throw new DOMException('quota', 'QuotaExceededError');
    };
    db.settings.hook('creating', quota);
    const incoming: BackupFile = { ...file, settings: [...file.settings, { key: 'export.format', value: 'docx' }] };
    const error = await rejection(importBackup(db, backupToJson(incoming)));
    db.settings.hook('creating').unsubscribe(quota);
    expect(error.message).toContain('磁盘空间不足');
    expect(error.message).toContain('未作任何改动');
    expect(await tables(db)).toEqual(before);
  });
});
