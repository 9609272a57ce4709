import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import Dexie from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { contentHash } from '@/lib/hash';
import {
  SCHEMA_V1,
  RectifyDB,
  addAnnotation,
  clearOverride,
  deleteNotice,
  findNoticeForPage,
  getNotice,
  getSetting,
  getSnapshot,
  listAnnotations,
  listNotices,
  listOverrides,
  listSnapshots,
  liveQuery,
  openDb,
  purgeDeleted,
  requestPersistence,
  restoreAnnotation,
  saveNoticeVisit,
  setAnchorStates,
  setOverride,
  setSetting,
  softDeleteAnnotation,
  updateAnnotation,
  versionOf,
  StaleAnnotationError,
  type NewAnnotation,
} from '@/lib/db';
import { ingestStored, ingestText } from '@/lib/ingest';
import { PARSER_VERSION } from '@/lib/parse';
import { annotation as annotationSchema, type Notice, type NoticeSnapshot } from '@/lib/schema';

const dump = JSON.parse(readFileSync(new URL('../fixtures/db/v1-dump.json', import.meta.url), 'utf8'));
const [mazhang, huadu] = dump.tables.snapshots as NoticeSnapshot[];
const MZ_URL = 'http://www.zjmazhang.gov.cn/mzzzf/gkmlpt/content/2/2024/post_2024925.html';

const opened: Dexie[] = [];
function freshDb(): RectifyDB {
  const db = openDb(`test-${crypto.randomUUID()}`);
  opened.push(db);
  return db;
}
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
  vi.unstubAllGlobals();
});

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

describe('schema upgrades v1 → v2 → v3', () => {
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
    opened.push(db);
    await db.open();
    expect(db.verno).toBe(3);

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
    opened.push(db);
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

  it('serves the new v2 indexes on migrated data', async () => {
    const name = `test-v1-${crypto.randomUUID()}`;
    await createV1Database(name);
    const db = new RectifyDB(name);
    opened.push(db);
    const needVerify = await listAnnotations(db, { tag: '需核实' });
    expect(needVerify.map((a) => a.note)).toEqual(
      expect.arrayContaining([expect.stringContaining('甘林村卫生站'), expect.stringContaining('口径不一致')]),
    );
    expect(needVerify).toHaveLength(2);
    expect(await db.annotations.where('severity').equals('medium').count()).toBe(5);
    expect(await db.annotations.where('anchorState').equals('orphan').count()).toBe(0);
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

function draft(noticeKey: string, snapshot: NoticeSnapshot, exact: string, extra: Partial<NewAnnotation> = {}): NewAnnotation {
  const start = snapshot.text.indexOf(exact);
  if (start < 0) throw new Error(`quote not in text: ${exact}`);
  return {
    noticeKey,
    snapshotHash: snapshot.hash,
    url: snapshot.url,
    quote: { type: 'TextQuoteSelector', exact, prefix: snapshot.text.slice(start - 10, start), suffix: '' },
    position: { type: 'TextPositionSelector', start, end: start + exact.length },
    note: '',
    tags: [],
    severity: 'medium',
    ...extra,
  };
}

describe('notice lookup and deletion', () => {
  it('finds the notice for a page by text hash, else by URL', async () => {
    const db = freshDb();
    await saveNoticeVisit(db, { url: MZ_URL, text: mazhang.text, model: mazhang.model });
    const byHash = await findNoticeForPage(db, 'https://other.example/', mazhang.hash);
    expect(byHash?.notice.key).toBe(MZ_URL);
    expect(byHash?.snapshot?.hash).toBe(mazhang.hash);
    const byUrl = await findNoticeForPage(db, MZ_URL, await contentHash('改过的文字'));
    expect(byUrl?.notice.key).toBe(MZ_URL);
    expect(byUrl?.snapshot).toBeUndefined();
    expect(await findNoticeForPage(db, 'https://other.example/', 'f'.repeat(64))).toBeUndefined();
  });

  it('deletes a notice with its snapshots, annotations and overrides only', async () => {
    const db = freshDb();
    const mz = await saveNoticeVisit(db, { url: MZ_URL, text: mazhang.text, model: mazhang.model });
    const hd = await saveNoticeVisit(db, { url: 'https://hd.example/', text: huadu.text, model: huadu.model });
    await addAnnotation(db, draft(mz.notice.key, mz.snapshot, '其他卫生站均已开诊'));
    await addAnnotation(db, draft(hd.notice.key, hd.snapshot, '共查处违反中央八项规定精神问题71个'));
    await setOverride(db, { noticeKey: mz.notice.key, itemId: 'i-5', itemLabel: '推动解决民生实事力度欠缺', status: 'in_progress', reason: '未开诊', createdAt: '2024-10-01T00:00:00.000Z' });
    await deleteNotice(db, mz.notice.key);
    expect(await getNotice(db, mz.notice.key)).toBeUndefined();
    expect(await db.snapshots.toCollection().primaryKeys()).toEqual([hd.snapshot.hash]);
    expect((await db.annotations.toArray()).map((a) => a.noticeKey)).toEqual([hd.notice.key]);
    expect(await db.overrides.count()).toBe(0);
    expect(await getNotice(db, hd.notice.key)).toBeDefined();
  });
});

describe('annotations', () => {
  async function library() {
    const db = freshDb();
    const mz = await saveNoticeVisit(db, { url: MZ_URL, text: mazhang.text, model: mazhang.model });
    return { db, key: mz.notice.key, snap: mz.snapshot };
  }

  it('adds with generated id, timestamps and defaults', async () => {
    const { db, key, snap } = await library();
    const a = await addAnnotation(db, draft(key, snap, '其他卫生站均已开诊', { tags: [' 存疑 ', '存疑', ''] }));
    expect(a.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(a.createdAt).toBe(a.updatedAt);
    expect(a).toMatchObject({ anchorState: 'anchored', deletedAt: null, tags: ['存疑'] });
    expect(await db.annotations.get(a.id)).toEqual(a);
  });

  it('validates on write', async () => {
    const { db, key, snap } = await library();
    const bad = { ...draft(key, snap, '其他卫生站均已开诊'), severity: 'urgent' } as unknown as NewAnnotation;
    await expect(addAnnotation(db, bad)).rejects.toThrow();
    const good = await addAnnotation(db, draft(key, snap, '其他卫生站均已开诊'));
    // over a limit: refused with a zh-CN message (was silently truncated before)
    await expect(updateAnnotation(db, good.id, { tags: ['x'.repeat(41)] })).rejects.toThrow('每个标签最多 40 字');
    await expect(updateAnnotation(db, good.id, { tags: Array.from({ length: 31 }, (_, i) => `t${i}`) })).rejects.toThrow('标签过多：31 个，最多 30 个');
    await expect(updateAnnotation(db, good.id, { note: '字'.repeat(20_001) })).rejects.toThrow('批注内容过长：20001 字，最多 20000 字');
    await expect(addAnnotation(db, draft(key, snap, '其他卫生站均已开诊', { note: '字'.repeat(20_001) }))).rejects.toThrow('批注内容过长');
    await expect(updateAnnotation(db, good.id, { note: '字'.repeat(20_000), tags: Array.from({ length: 30 }, (_, i) => `t${i}`) })).resolves.toMatchObject({ version: 2 });
    await expect(updateAnnotation(db, good.id, { noticeKey: '' })).rejects.toThrow();
    await expect(updateAnnotation(db, 'no-such-id', { note: '…' })).rejects.toThrow('找不到批注');
    expect(await db.annotations.count()).toBe(1);
  });

  it('refuses a save made from a stale copy (two panels editing one annotation)', async () => {
    const { db, key, snap } = await library();
    const a = await addAnnotation(db, draft(key, snap, '其他卫生站均已开诊'));
    expect(versionOf(a)).toBe(1);
    // both panels opened the editor at version 1; the first save wins and moves the version on
    const first = await updateAnnotation(db, a.id, { note: '第一个面板' }, { expectedVersion: 1 });
    expect(first.version).toBe(2);
    const stale = updateAnnotation(db, a.id, { note: '第二个面板' }, { expectedVersion: 1 });
    await expect(stale).rejects.toBeInstanceOf(StaleAnnotationError);
    await expect(stale).rejects.toThrow('此批注已在别处');
    await stale.catch((err: StaleAnnotationError) => expect(err.current.note).toBe('第一个面板'));
    expect((await db.annotations.get(a.id))?.note).toBe('第一个面板');
    // reloaded: the edit starts from version 2 and goes through
    await expect(updateAnnotation(db, a.id, { note: '第二个面板' }, { expectedVersion: 2 })).resolves.toMatchObject({ note: '第二个面板', version: 3 });
    // deleting and restoring are edits too; re-anchoring is not
    await setAnchorStates(db, [{ id: a.id, anchorState: 'orphan' }]);
    expect(versionOf((await db.annotations.get(a.id))!)).toBe(3);
    await softDeleteAnnotation(db, a.id);
    expect((await db.annotations.get(a.id))?.version).toBe(4);
  });

  it('counts a record stored before versions existed as version 1', async () => {
    const { db, key, snap } = await library();
    const a = await addAnnotation(db, draft(key, snap, '其他卫生站均已开诊'));
    const legacy = { ...a };
    delete legacy.version;
    await db.annotations.put(legacy);
    await expect(updateAnnotation(db, a.id, { note: '旧记录' }, { expectedVersion: 1 })).resolves.toMatchObject({ version: 2 });
  });

  it('updates, soft-deletes, restores and purges', async () => {
    const { db, key, snap } = await library();
    const a = await addAnnotation(db, draft(key, snap, '其他卫生站均已开诊', { createdAt: '2024-01-01T00:00:00.000Z' }));
    const edited = await updateAnnotation(db, a.id, { note: '需电话核实', severity: 'high' });
    expect(edited).toMatchObject({ note: '需电话核实', severity: 'high', createdAt: '2024-01-01T00:00:00.000Z' });
    expect(edited.updatedAt > a.updatedAt).toBe(true);

    await softDeleteAnnotation(db, a.id);
    expect(await listAnnotations(db, { noticeKey: key })).toEqual([]);
    expect(await listAnnotations(db, { noticeKey: key, includeDeleted: true })).toHaveLength(1);
    await restoreAnnotation(db, a.id);
    expect(await listAnnotations(db, { noticeKey: key })).toHaveLength(1);

    const b = await addAnnotation(db, draft(key, snap, '东坡岭农场土地租赁合同'));
    await softDeleteAnnotation(db, a.id);
    await softDeleteAnnotation(db, b.id);
    const cutoff = new Date(Date.now() + 60_000);
    expect(await purgeDeleted(db, '2000-01-01T00:00:00.000Z')).toBe(0);
    await restoreAnnotation(db, b.id);
    expect(await purgeDeleted(db, cutoff)).toBe(1);
    expect((await db.annotations.toArray()).map((x) => x.id)).toEqual([b.id]);
  });

  it('filters by notice, tag, severity, orphan state and free text', async () => {
    const { db, key, snap } = await library();
    const hd = await saveNoticeVisit(db, { url: 'https://hd.example/', text: huadu.text, model: huadu.model });
    const clinic = await addAnnotation(db, draft(key, snap, '其他卫生站均已开诊', { tags: ['需核实'], note: '甘林村例外' }));
    const land = await addAnnotation(db, draft(key, snap, '东坡岭农场土地租赁合同于2024年4月到期', { tags: ['逾期'], severity: 'high' }));
    const cases = await addAnnotation(db, draft(hd.notice.key, hd.snapshot, '处理128人', { tags: ['需核实', '数据矛盾'] }));
    await setAnchorStates(db, [{ id: land.id, anchorState: 'orphan' }]);

    const ids = (list: { id: string }[]) => list.map((a) => a.id);
    expect(ids(await listAnnotations(db, { noticeKey: key }))).toEqual([clinic.id, land.id]);
    expect(ids(await listAnnotations(db, { tag: '需核实' })).sort()).toEqual([clinic.id, cases.id].sort());
    expect(ids(await listAnnotations(db, { noticeKey: key, tag: '需核实' }))).toEqual([clinic.id]);
    expect(ids(await listAnnotations(db, { severity: 'high' }))).toEqual([land.id]);
    expect(ids(await listAnnotations(db, { orphan: true }))).toEqual([land.id]);
    expect(ids(await listAnnotations(db, { orphan: false })).sort()).toEqual([clinic.id, cases.id].sort());
    expect(ids(await listAnnotations(db, { query: '卫生站 甘林' }))).toEqual([clinic.id]);
    expect(ids(await listAnnotations(db, { query: '数据矛盾' }))).toEqual([cases.id]);
    expect(ids(await listAnnotations(db, { query: '租赁合同到期' }))).toEqual([]);
  });

  it('sets anchor states in one go without touching updatedAt', async () => {
    const { db, key, snap } = await library();
    const a = await addAnnotation(db, draft(key, snap, '其他卫生站均已开诊'));
    const b = await addAnnotation(db, draft(key, snap, '东坡岭农场土地租赁合同'));
    const moved = { type: 'TextPositionSelector' as const, start: 3, end: 12 };
    const count = await setAnchorStates(db, [
      { id: a.id, anchorState: 'orphan' },
      { id: b.id, anchorState: 'anchored', position: moved },
      { id: 'gone', anchorState: 'orphan' },
    ]);
    expect(count).toBe(2);
    expect(await db.annotations.get(a.id)).toEqual({ ...a, anchorState: 'orphan' });
    expect(await db.annotations.get(b.id)).toEqual({ ...b, position: moved });
    await expect(setAnchorStates(db, [{ id: a.id, anchorState: 'lost' as 'orphan' }])).rejects.toThrow();
    expect((await db.annotations.get(a.id))?.anchorState).toBe('orphan');
  });

  it('feeds liveQuery subscribers', async () => {
    const { db, key, snap } = await library();
    const seen: number[] = [];
    const subscription = liveQuery(() => listAnnotations(db, { noticeKey: key })).subscribe((list) => seen.push(list.length));
    await vi.waitFor(() => expect(seen).toContain(0));
    await addAnnotation(db, draft(key, snap, '其他卫生站均已开诊'));
    await vi.waitFor(() => expect(seen).toContain(1));
    subscription.unsubscribe();
  });
});

describe('overrides and settings', () => {
  it('sets, replaces, lists and clears status overrides', async () => {
    const db = freshDb();
    const base = { noticeKey: MZ_URL, itemId: 'i-5', itemLabel: '推动解决民生实事力度欠缺', status: 'in_progress' as const, reason: '甘林村卫生站未开诊', createdAt: '2024-10-01T00:00:00.000Z' };
    await setOverride(db, base);
    await setOverride(db, { ...base, status: 'unclear', reason: '待实地核查' });
    await setOverride(db, { ...base, itemId: 'i-9', itemLabel: '国有资产处置管理不规范', status: 'done' });
    await setOverride(db, { ...base, noticeKey: 'other' });
    const list = await listOverrides(db, MZ_URL);
    expect(list.map((o) => [o.itemId, o.status])).toEqual([['i-5', 'unclear'], ['i-9', 'done']]);
    await clearOverride(db, MZ_URL, 'i-5');
    expect((await listOverrides(db, MZ_URL)).map((o) => o.itemId)).toEqual(['i-9']);
    await expect(setOverride(db, { ...base, reason: '' })).rejects.toThrow();
  });

  it('returns the fallback for a missing setting', async () => {
    const db = freshDb();
    expect(await getSetting(db, 'highlight.kinds', ['deadline'])).toEqual(['deadline']);
    await setSetting(db, 'highlight.kinds', ['overdue', 'unfinished']);
    expect(await getSetting(db, 'highlight.kinds', ['deadline'])).toEqual(['overdue', 'unfinished']);
    await setSetting(db, 'sidepanel.open', false);
    expect(await getSetting(db, 'sidepanel.open', true)).toBe(false);
  });
});

describe('requestPersistence', () => {
  it('reports not persisted when the Storage API is missing', async () => {
    vi.stubGlobal('navigator', {});
    expect(await requestPersistence()).toEqual({ persisted: false });
  });

  it('asks for persistence and reports the estimate', async () => {
    const persist = vi.fn(async () => true);
    vi.stubGlobal('navigator', {
      storage: { persisted: async () => false, persist, estimate: async () => ({ usage: 1024, quota: 10 * 1024 ** 3 }) },
    });
    expect(await requestPersistence()).toEqual({ persisted: true, usage: 1024, quota: 10 * 1024 ** 3 });
    expect(persist).toHaveBeenCalledOnce();
  });
});
