import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import Dexie from 'dexie';
import { describe, expect, it, vi } from 'vitest';
import { contentHash } from '@/lib/hash';
import { SCHEMA_V1, SCHEMA_V3, RectifyDB, purgeDeleted, upgradeAnnotationV1, getSnapshot, listAnnotations, listNotices, listSnapshots, saveNoticeVisit } from '@/lib/db';
import { ingestStored, ingestText } from '@/lib/ingest';
import { PARSER_VERSION } from '@/lib/parse';
import { annotation as annotationSchema, type Notice, type NoticeSnapshot } from '@/lib/schema';
import { deleteAfterTest, dump, mazhang, huadu, MZ_URL, freshDb } from './db-fixtures';

function withoutMeta(model: Notice): Notice {
  return { ...model, meta: { ...model.meta, title: null, organization: null } };
}

describe('contentHash', () => {
  it('is the SHA-256 hex of the UTF-8 text', async () => {
    expect(await contentHash('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(await contentHash(mazhang.text)).toBe(mazhang.hash);
    expect(await contentHash('整改')).not.toBe(await contentHash('整改 '));
  });
});

describe('schema upgrades v1 → v2 → v3 → v4', () => {
  async function createV1Database(name: string) {
    const v1 = new Dexie(name);
    v1.version(1).stores(SCHEMA_V1);
    await v1.open();
    for (const [table, rows] of Object.entries(dump.tables)) await v1.table(table).bulkAdd(rows as object[]);
    v1.close();
  }

  it('keeps every v1 record and upgrades annotations', async () => {
    const name = `test-v1-${crypto.randomUUID()}`;
    await createV1Database(name);
    const db = new RectifyDB(name);
    deleteAfterTest(db);
    await db.open();
    expect(db.verno).toBe(5);

    expect(await db.notices.toArray()).toEqual(dump.tables.notices);
    const byHash = (a: NoticeSnapshot, b: NoticeSnapshot) => a.hash.localeCompare(b.hash);
    // v3: parsed by a parser from before versions were recorded; the page context stays unknown
    const v3 = dump.tables.snapshots.map((s: NoticeSnapshot) => ({ ...s, parserVersion: 0 }));
    expect(await db.snapshots.toArray()).toEqual(v3.sort(byHash));
    expect(await db.overrides.toArray()).toEqual(dump.tables.overrides);
    expect(await db.settings.toArray()).toEqual(dump.tables.settings);

    const upgraded = await db.annotations.toArray();
    expect(upgraded).toHaveLength(5);
    const expectedTags = [['需核实', '存疑'], ['逾期'], ['数据矛盾', '需核实'], [], ['存疑']];
    upgraded.forEach((a, i) => {
      const { tags: _oldTags, ...unchanged } = dump.tables.annotations[i];
      expect(a).toEqual({ ...unchanged, tags: expectedTags[i], severity: 'medium', anchorState: 'anchored', deletedAt: null });
      expect(annotationSchema.safeParse(a).success).toBe(true);
    });
  });

  it('reads stored models from before status certainties upgraded: certainty and two evidence lists', async () => {
    const name = `test-v1-${crypto.randomUUID()}`;
    await createV1Database(name);
    const db = new RectifyDB(name);
    deleteAfterTest(db);
    // marked as parsed by the current parser, so the stored model is read (through the schema), not parsed again
    await db.snapshots.toCollection().modify((s) => {
      s.parserVersion = PARSER_VERSION;
    });
    const [snap] = await listSnapshots(db, mazhang.noticeKey);
    const stored = (mazhang.model.items[0] as unknown as { statusEvidence: { text: string } }).statusEvidence;
    const item = snap.model.items[0];
    expect(item.certainty).toBe('inferred');
    expect(item.statusEvidence.basis).toEqual(stored);
    expect((await getSnapshot(db, mazhang.hash))!.model.items.every((i) => i.certainty !== undefined && Array.isArray(i.statusEvidence.open))).toBe(true);
  });

  it('filters migrated annotations by the fields v2 added', async () => {
    const name = `test-v1-${crypto.randomUUID()}`;
    await createV1Database(name);
    const db = new RectifyDB(name);
    deleteAfterTest(db);
    const needVerify = await listAnnotations(db, { tag: '需核实' });
    expect(needVerify.map((a) => a.note)).toEqual(
      expect.arrayContaining([expect.stringContaining('甘林村卫生站'), expect.stringContaining('口径不一致')]),
    );
    expect(needVerify).toHaveLength(2);
    expect(await listAnnotations(db, { severity: 'medium' })).toHaveLength(5);
    expect(await listAnnotations(db, { orphan: true })).toHaveLength(0);
  });
});

describe('schema upgrade v3 → v4 (unqueried annotation indexes dropped)', () => {
  /** A database as v3 left it: the v1 dump upgraded, plus annotations that differ in the fields v4 stops indexing. */
  async function createV3Database(name: string) {
    const v3 = new Dexie(name);
    v3.version(3).stores(SCHEMA_V3);
    await v3.open();
    const base = dump.tables.annotations.map(upgradeAnnotationV1);
    const annotations = [
      ...base,
      { ...base[0], id: 'v3-orphan', anchorState: 'orphan', severity: 'high', tags: ['逾期', '存疑'], updatedAt: '2025-01-02T00:00:00.000Z' },
      { ...base[1], id: 'v3-deleted', severity: 'low', tags: [], deletedAt: '2025-01-03T00:00:00.000Z', updatedAt: '2025-01-03T00:00:00.000Z' },
    ];
    const tables = { ...dump.tables, annotations, snapshots: dump.tables.snapshots.map((s: NoticeSnapshot) => ({ ...s, parserVersion: 0 })) };
    for (const [table, rows] of Object.entries(tables)) await v3.table(table).bulkAdd(rows as object[]);
    v3.close();
    return tables;
  }

  it('keeps every record, drops the url, anchorState, tags, severity and snapshotHash indexes, and answers the same queries', async () => {
    const name = `test-v3-${crypto.randomUUID()}`;
    const tables = await createV3Database(name);
    const db = new RectifyDB(name);
    deleteAfterTest(db);
    await db.open();
    expect(db.verno).toBe(5);
    for (const [table, rows] of Object.entries(tables)) {
      const key = db.table(table).schema.primKey.keyPath as string | string[];
      const id = (r: Record<string, string>) => (Array.isArray(key) ? key.map((k) => r[k]).join('\n') : r[key]);
      const sorted = [...(rows as Array<Record<string, string>>)].sort((a, b) => (id(a) < id(b) ? -1 : id(a) > id(b) ? 1 : 0));
      expect(await db.table(table).toArray(), table).toEqual(sorted);
    }
    const stored = db.backendDB().transaction('annotations').objectStore('annotations');
    expect([...stored.indexNames].sort()).toEqual(['deletedAt', 'noticeKey', 'updatedAt']);

    const all = tables.annotations as Array<Record<string, unknown> & { id: string; tags: string[] }>;
    const ids = (list: Array<{ id: string }>) => list.map((a) => a.id).sort();
    expect(ids(await listAnnotations(db, { tag: '逾期' }))).toEqual(ids(all.filter((a) => a.tags.includes('逾期') && a.deletedAt === null)));
    expect(ids(await listAnnotations(db, { orphan: true }))).toEqual(['v3-orphan']);
    expect(ids(await listAnnotations(db, { severity: 'low', includeDeleted: true }))).toEqual(['v3-deleted']);
    expect(ids(await listAnnotations(db, { noticeKey: all[0].noticeKey as string, includeDeleted: true }))).toEqual(ids(all.filter((a) => a.noticeKey === all[0].noticeKey)));
    expect(await purgeDeleted(db, '2026-01-01T00:00:00.000Z')).toBe(1);
    expect(await db.annotations.count()).toBe(all.length - 1);
  });
});

describe('snapshots keep their source and are parsed again by a newer parser', () => {
  const page = ingestText(readFileSync(new URL('../fixtures/seeds/huashan-town-2025-06-19.txt', import.meta.url), 'utf8'));
  // a stale model: what an older parser might have read (wrong title, one item lost)
  const staleModel: Notice = { ...page.notice, meta: { ...page.notice.meta, title: '旧解析器的标题' }, items: page.notice.items.slice(1) };

  async function stored(db: RectifyDB, fields: Partial<NoticeSnapshot>): Promise<NoticeSnapshot> {
    const snapshot = {
      hash: await contentHash(page.text),
      noticeKey: 'k',
      url: 'https://example.gov.cn/hs.html',
      title: staleModel.meta.title,
      organization: staleModel.meta.organization,
      publishDate: staleModel.meta.publishDate,
      text: page.text,
      model: staleModel,
      firstSeen: '2025-07-01T00:00:00.000Z',
      lastSeen: '2025-07-01T00:00:00.000Z',
      ...fields,
    } as NoticeSnapshot;
    await db.snapshots.put(snapshot);
    return snapshot;
  }

  it('parses a snapshot of an older parser again on read and stores the refreshed model', async () => {
    const db = freshDb();
    const old = await stored(db, { parserVersion: 0, chromeText: '', pageTitle: null });
    const [read] = await listSnapshots(db, 'k');
    expect(read.model).toEqual(page.notice);
    expect(read.model.items).toHaveLength(page.notice.items.length);
    expect([read.title, read.parserVersion, read.hash, read.text]).toEqual([page.notice.meta.title, PARSER_VERSION, old.hash, old.text]);
    expect((await getSnapshot(db, old.hash))!.model).toEqual(page.notice);
    await vi.waitFor(async () => expect((await db.snapshots.get(old.hash))!.parserVersion).toBe(PARSER_VERSION));
    const after = (await db.snapshots.get(old.hash))!;
    expect(after.model).toEqual(page.notice);
    expect(after.title).toBe(page.notice.meta.title);
  });

  it('reads a snapshot of the current parser as stored, without parsing it again', async () => {
    const db = freshDb();
    const kept = await stored(db, { parserVersion: PARSER_VERSION, chromeText: '', pageTitle: null });
    const [read] = await listSnapshots(db, 'k');
    expect(read.model.meta.title).toBe('旧解析器的标题');
    expect(read.model.items).toHaveLength(staleModel.items.length);
    await new Promise((r) => setTimeout(r, 20));
    expect(await db.snapshots.get(kept.hash)).toEqual(kept);
  });

  it('parses again with the page context stored with the text (the hash stays that of the text)', async () => {
    const db = freshDb();
    const bare = ingestText('关于巡察整改进展情况的通报\n一、问题\n1.台账不全。已完成整改。\n');
    const context = { chromeText: '来源：某镇人民政府\n发布日期：2025-06-19', pageTitle: '某镇关于巡察整改进展情况的通报_某镇人民政府' };
    const withContext = ingestStored(bare.text, context);
    expect(withContext.meta.publishDate).toBe('2025-06-19');
    const saved = await saveNoticeVisit(db, { url: 'https://x.example/1', text: bare.text, model: withContext, context });
    expect(saved.snapshot.hash).toBe(await contentHash(bare.text));
    expect(saved.snapshot).toMatchObject({ ...context, parserVersion: PARSER_VERSION });
    await db.snapshots.put({ ...saved.snapshot, parserVersion: 0, model: bare.notice });
    const [read] = await listSnapshots(db, saved.notice.key);
    expect(read.model).toEqual(withContext);
    expect(read.publishDate).toBe('2025-06-19');
  });

  it('a snapshot saved before the context was kept keeps the title and publish date its old model had', async () => {
    const db = freshDb();
    const bare = ingestText('一、问题\n1.台账不全。已完成整改。\n');
    const old = { ...bare.notice, meta: { ...bare.notice.meta, title: '某镇关于巡察整改进展情况的通报', publishDate: '2025-06-19' } };
    await db.snapshots.put({ ...(await stored(db, {})), hash: await contentHash(bare.text), text: bare.text, model: old, parserVersion: 0 });
    const read = (await getSnapshot(db, await contentHash(bare.text)))!;
    expect(read.parserVersion).toBe(PARSER_VERSION);
    expect([read.model.meta.title, read.model.meta.publishDate]).toEqual(['某镇关于巡察整改进展情况的通报', '2025-06-19']);
  });

  it('a visit of a known text replaces a model of an older parser', async () => {
    const db = freshDb();
    const first = await saveNoticeVisit(db, { url: 'https://x.example/hs', text: page.text, model: staleModel });
    await db.snapshots.put({ ...first.snapshot, parserVersion: 0 });
    const saved = await saveNoticeVisit(db, { url: 'https://x.example/hs', text: page.text, model: page.notice, context: { chromeText: '', pageTitle: null } });
    expect(saved.snapshot.model).toEqual(page.notice);
    expect((await db.snapshots.get(first.snapshot.hash))!).toMatchObject({ parserVersion: PARSER_VERSION, title: page.notice.meta.title });
  });
});

describe('saveNoticeVisit', () => {
  const changedText = mazhang.text.replace('【正在整改，并取得阶段性成效】', '【已完成整改，并长期坚持】');

  it('creates a notice keyed by URL on the first visit', async () => {
    const db = freshDb();
    const saved = await saveNoticeVisit(db, { url: MZ_URL, text: mazhang.text, model: mazhang.model, seenAt: '2024-10-01T00:00:00.000Z' });
    expect(saved.isNewNotice).toBe(true);
    expect(saved.isNewVersion).toBe(false);
    expect(saved.notice).toMatchObject({
      key: MZ_URL,
      urls: [MZ_URL],
      latestHash: mazhang.hash,
      title: '中共麻章镇委员会关于巡察整改情况的通报',
      organization: '中共麻章镇委员会',
      publishDate: '2024-09-25',
    });
    expect(saved.snapshot.hash).toBe(mazhang.hash);
    expect(await getSnapshot(db, mazhang.hash)).toEqual(saved.snapshot);
  });

  it('dedupes an unchanged text and only moves lastSeen', async () => {
    const db = freshDb();
    await saveNoticeVisit(db, { url: MZ_URL, text: mazhang.text, model: mazhang.model, seenAt: '2024-10-01T00:00:00.000Z' });
    const again = await saveNoticeVisit(db, { url: `${MZ_URL}#p5`, text: mazhang.text, model: mazhang.model, seenAt: '2024-11-01T00:00:00.000Z' });
    expect(again.isNewVersion).toBe(false);
    expect(again.isNewNotice).toBe(false);
    expect(await db.snapshots.count()).toBe(1);
    expect(again.snapshot).toMatchObject({ firstSeen: '2024-10-01T00:00:00.000Z', lastSeen: '2024-11-01T00:00:00.000Z' });
    expect(again.notice).toMatchObject({ urls: [MZ_URL], firstSeen: '2024-10-01T00:00:00.000Z', lastSeen: '2024-11-01T00:00:00.000Z' });
  });

  it('keeps both texts when the same URL changes, newest first', async () => {
    const db = freshDb();
    await saveNoticeVisit(db, { url: MZ_URL, text: mazhang.text, model: mazhang.model, seenAt: '2024-10-01T00:00:00.000Z' });
    const changed = await saveNoticeVisit(db, { url: MZ_URL, text: changedText, model: mazhang.model, seenAt: '2024-12-01T00:00:00.000Z' });
    expect(changed.isNewVersion).toBe(true);
    expect(changed.notice.key).toBe(MZ_URL);
    expect(changed.notice.latestHash).toBe(await contentHash(changedText));
    const versions = await listSnapshots(db, MZ_URL);
    expect(versions.map((s) => s.text)).toEqual([changedText, mazhang.text]);
  });

  it('orders versions by publish date, so revisiting an older notice does not make it the latest', async () => {
    const db = freshDb();
    const older = { ...mazhang.model, meta: { ...mazhang.model.meta, publishDate: '2024-06-01' } };
    await saveNoticeVisit(db, { url: MZ_URL, text: changedText, model: mazhang.model, seenAt: '2024-10-01T00:00:00.000Z' });
    const saved = await saveNoticeVisit(db, { url: MZ_URL, text: mazhang.text, model: older, seenAt: '2024-12-01T00:00:00.000Z' });
    expect(saved.isNewVersion).toBe(true);
    expect(saved.notice.latestHash).toBe(await contentHash(changedText));
    expect(saved.notice.publishDate).toBe('2024-09-25');
  });

  it('keeps the key of a notice that moved URL (same text, or same organization + title)', async () => {
    const db = freshDb();
    await saveNoticeVisit(db, { url: MZ_URL, text: mazhang.text, model: mazhang.model });
    const moved = await saveNoticeVisit(db, { url: 'https://example.gov.cn/mirror.html', text: mazhang.text, model: mazhang.model });
    expect(moved.notice.key).toBe(MZ_URL);
    expect(moved.notice.urls).toEqual([MZ_URL, 'https://example.gov.cn/mirror.html']);
    const republished = await saveNoticeVisit(db, { url: 'https://example.gov.cn/new.html', text: changedText, model: mazhang.model });
    expect(republished.notice.key).toBe(MZ_URL);
    expect(republished.isNewVersion).toBe(true);
    expect(republished.notice.urls).toHaveLength(3);
    expect(await db.notices.count()).toBe(1);
  });

  it('does not merge notices whose title or organization is unknown', async () => {
    const db = freshDb();
    const a = await saveNoticeVisit(db, { url: 'https://a.example/1', text: mazhang.text, model: withoutMeta(mazhang.model) });
    const b = await saveNoticeVisit(db, { url: 'https://a.example/2', text: huadu.text, model: withoutMeta(huadu.model) });
    expect(a.notice.key).toBe('https://a.example/1');
    expect(b.notice.key).toBe('https://a.example/2');
    expect(b.isNewNotice).toBe(true);
    expect((await listNotices(db)).map((n) => n.key).sort()).toEqual(['https://a.example/1', 'https://a.example/2']);
  });

  it('lists notices most recently seen first', async () => {
    const db = freshDb();
    await saveNoticeVisit(db, { url: MZ_URL, text: mazhang.text, model: mazhang.model, seenAt: '2024-10-01T00:00:00.000Z' });
    await saveNoticeVisit(db, { url: 'https://hd.example/', text: huadu.text, model: huadu.model, seenAt: '2024-11-01T00:00:00.000Z' });
    expect((await listNotices(db)).map((n) => n.organization)).toEqual(['中共广州市花都区委', '中共麻章镇委员会']);
    await saveNoticeVisit(db, { url: MZ_URL, text: mazhang.text, model: mazhang.model, seenAt: '2024-12-01T00:00:00.000Z' });
    expect((await listNotices(db)).map((n) => n.organization)).toEqual(['中共麻章镇委员会', '中共广州市花都区委']);
  });

  it('rejects an invalid model and writes nothing', async () => {
    const db = freshDb();
    const broken = { ...mazhang.model, textLength: -1 } as Notice;
    await expect(saveNoticeVisit(db, { url: MZ_URL, text: mazhang.text, model: broken })).rejects.toThrow();
    expect(await db.notices.count()).toBe(0);
    expect(await db.snapshots.count()).toBe(0);
  });
});
