import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { contentHash } from '@/lib/hash';
import { addAnnotation, clearOverride, deleteNotice, findNoticeForPage, getNotice, getSetting, listAnnotations, listOverrides, liveQuery, purgeDeleted, requestPersistence, restoreAnnotation, saveNoticeVisit, setAnchorStates, setOverride, setSetting, softDeleteAnnotation, updateAnnotation, versionOf, StaleAnnotationError, type NewAnnotation } from '@/lib/db';
import { type NoticeSnapshot } from '@/lib/schema';
import { mazhang, huadu, MZ_URL, freshDb } from './db-fixtures';
import { selectorsOf } from '@/scripts/lib/quote-selectors';

function draft(noticeKey: string, snapshot: NoticeSnapshot, exact: string, extra: Partial<NewAnnotation> = {}): NewAnnotation {
  return {
    noticeKey,
    snapshotHash: snapshot.hash,
    url: snapshot.url,
    ...selectorsOf(snapshot.text, exact, { before: 10 }),
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
