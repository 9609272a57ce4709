import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { addAnnotation, deleteNotice, deleteVersion, getNotice, listVersions, restoreVersion, saveNoticeVisit, setOverride, watchNoticeUrls, type RectifyDB, type SavedVisit } from '@/lib/db';
import { huashanEarlier, huashanEarlierText, huashanLater, huashanLaterText } from '@/test/fixtures/notices/huashan';
import { freshDb } from './db-fixtures';
import { analysesNameOf, openAnalysisCache, putAnalysis } from '@/lib/db/analyses';
import { selectorsOf } from '@/scripts/lib/quote-selectors';

function annotate(db: RectifyDB, saved: SavedVisit, text: string, exact: string) {
  return addAnnotation(db, {
    noticeKey: saved.notice.key,
    snapshotHash: saved.snapshot.hash,
    url: saved.snapshot.url,
    ...selectorsOf(text, exact),
    note: exact,
    tags: [],
    severity: 'medium',
  });
}

/** The 花山镇 pair saved as two versions of one library notice, each with an annotation, and an override. */
async function library() {
  const db = freshDb();
  const earlier = await saveNoticeVisit(db, { url: 'https://hs.gov.cn/2025.html', text: huashanEarlierText, model: huashanEarlier(), seenAt: '2025-06-20T00:00:00.000Z' });
  const later = await saveNoticeVisit(db, { url: 'https://hs.gov.cn/2026.html', text: huashanLaterText, model: huashanLater(), seenAt: '2026-03-21T00:00:00.000Z' });
  const onEarlier = await annotate(db, earlier, huashanEarlierText, '租金上偷梁换柱');
  const onLater = await annotate(db, later, huashanLaterText, '正在以诉讼方式解除合同');
  await setOverride(db, { noticeKey: later.notice.key, itemId: 'i-1', itemLabel: 'x', status: 'done', reason: '现场核查', createdAt: '2026-03-22T00:00:00.000Z' });
  return { db, earlier, later, onEarlier, onLater, key: later.notice.key };
}

describe('every saved version', () => {
  it('lists versions newest first with their dates and item counts, without their text', async () => {
    const { db, earlier, later } = await library();
    const versions = await listVersions(db);
    expect(versions.map((v) => [v.hash, v.publishDate, v.itemCount])).toEqual([
      [later.snapshot.hash, '2026-03-20', huashanLater().items.length],
      [earlier.snapshot.hash, '2025-06-19', huashanEarlier().items.length],
    ]);
    expect(versions[0]).not.toHaveProperty('text');
    expect(versions[0]).not.toHaveProperty('model');
  });
});

describe('deleting one version, and undoing it', () => {
  it('removes the newest version with its annotations; the notice falls back to the version before', async () => {
    const { db, earlier, later, onEarlier, key } = await library();
    const removed = await deleteVersion(db, later.snapshot.hash);
    expect(removed).toMatchObject({ noticeRemoved: false, overrides: [] });
    expect(removed!.annotations.map((a) => a.note)).toEqual(['正在以诉讼方式解除合同']);
    expect((await listVersions(db)).map((v) => v.hash)).toEqual([earlier.snapshot.hash]);
    expect(await getNotice(db, key)).toMatchObject({ latestHash: earlier.snapshot.hash, publishDate: '2025-06-19' });
    expect((await db.annotations.toArray()).map((a) => a.id)).toEqual([onEarlier.id]);
    expect(await db.overrides.count()).toBe(1);

    await restoreVersion(db, removed!);
    expect((await listVersions(db)).map((v) => v.hash)).toEqual([later.snapshot.hash, earlier.snapshot.hash]);
    expect(await getNotice(db, key)).toMatchObject({ latestHash: later.snapshot.hash, publishDate: '2026-03-20' });
    expect(await db.annotations.count()).toBe(2);
  });

  it('the last version takes the notice, all its annotations and overrides with it; undo brings all back', async () => {
    const { db, earlier, later, key } = await library();
    const first = await deleteVersion(db, earlier.snapshot.hash);
    expect(first?.noticeRemoved).toBe(false);
    const last = await deleteVersion(db, later.snapshot.hash);
    expect(last).toMatchObject({ noticeRemoved: true });
    expect(last!.overrides).toHaveLength(1);
    expect(await getNotice(db, key)).toBeUndefined();
    expect([await db.snapshots.count(), await db.annotations.count(), await db.overrides.count()]).toEqual([0, 0, 0]);

    await restoreVersion(db, last!);
    await restoreVersion(db, first!);
    expect(await getNotice(db, key)).toMatchObject({ latestHash: later.snapshot.hash, urls: ['https://hs.gov.cn/2025.html', 'https://hs.gov.cn/2026.html'] });
    expect([await db.snapshots.count(), await db.annotations.count(), await db.overrides.count()]).toEqual([2, 2, 1]);
  });

  it('an unknown version deletes nothing', async () => {
    const { db } = await library();
    expect(await deleteVersion(db, 'no-such-hash')).toBeUndefined();
    expect(await db.snapshots.count()).toBe(2);
  });
});

describe('watching the library for the background (the analyzer registered on its pages)', () => {
  const nextCall = <T>(calls: T[], n: number) => expect.poll(() => calls.length, { timeout: 5_000 }).toBeGreaterThanOrEqual(n);

  it('gives the notices’ page addresses now and after each change', async () => {
    const { db, key } = await library();
    const seen: string[][] = [];
    const stop = watchNoticeUrls(db, (urls) => seen.push(urls), (err) => { throw err; });
    await nextCall(seen, 1);
    // one notice, two versions: its addresses in the order they were seen
    expect(seen[0]).toEqual(['https://hs.gov.cn/2025.html', 'https://hs.gov.cn/2026.html']);
    await deleteNotice(db, key);
    await nextCall(seen, 2);
    expect(seen.at(-1)).toEqual([]);
    stop();
  });

});

describe('deleting from the library forgets the remembered analyses of the deleted texts', () => {
  const cacheOf = (db: RectifyDB) => openAnalysisCache(analysesNameOf(db.name));
  async function remembered(db: RectifyDB, ...hashes: string[]) {
    const cache = cacheOf(db);
    for (const h of hashes) await putAnalysis(cache, `key-${h}`, h, huashanLater());
    return cache;
  }

  it('a deleted version takes its analyses, the other version keeps its own', async () => {
    const { db, earlier, later } = await library();
    const cache = await remembered(db, earlier.snapshot.hash, later.snapshot.hash, 'not-in-library');
    await deleteVersion(db, earlier.snapshot.hash);
    expect((await cache.analyses.toArray()).map((a) => a.textHash).sort()).toEqual([later.snapshot.hash, 'not-in-library'].sort());
    await cache.delete();
  });

  it('a deleted notice takes the analyses of all its versions', async () => {
    const { db, earlier, later, key } = await library();
    const cache = await remembered(db, earlier.snapshot.hash, later.snapshot.hash, 'not-in-library');
    await deleteNotice(db, key);
    expect((await cache.analyses.toArray()).map((a) => a.textHash)).toEqual(['not-in-library']);
    await cache.delete();
  });
});
