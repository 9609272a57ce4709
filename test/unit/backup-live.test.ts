/** An import reaches every live query (Dexie liveQuery): the lists in the side panel, the background's watched notice URLs. */
import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { backupToJson, importBackup } from '@/lib/db/backup';
import { listAnnotations, liveQuery, recentAnnotations, watchNoticeUrls } from '@/lib/db';
import { makeLargeBackup } from '@/scripts/bench-db';
import { freshDb } from './db-fixtures';

describe('importBackup and live queries', () => {
  it('reaches the live queries: the annotation lists and the watched notice URLs update after a large import', async () => {
    const db = freshDb();
    const file = makeLargeBackup(1_200);
    const counts: number[] = [];
    const recent: number[] = [];
    const urls: string[][] = [];
    const lists = [
      liveQuery(() => listAnnotations(db, { noticeKey: file.notices[0].key })).subscribe((list) => counts.push(list.length)),
      liveQuery(() => recentAnnotations(db, 50)).subscribe((list) => recent.push(list.length)),
    ];
    const unwatch = watchNoticeUrls(db, (next) => urls.push(next), (err) => { throw err; });
    await vi.waitFor(() => expect([counts, recent, urls].map((seen) => seen.length > 0)).toEqual([true, true, true]));
    expect([counts.at(-1), recent.at(-1), urls.at(-1)]).toEqual([0, 0, []]);
    await importBackup(db, backupToJson(file));
    await vi.waitFor(() => expect([counts.at(-1), recent.at(-1)]).toEqual([1_200, 50]));
    await vi.waitFor(() => expect(urls.at(-1)).toEqual(file.notices[0].urls));
    for (const list of lists) list.unsubscribe();
    unwatch();
  });
});
