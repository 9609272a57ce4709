/** Shared by the lib/db unit tests: the v1 dump fixture and throw-away fake-indexeddb databases. */
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import type Dexie from 'dexie';
import { afterEach, vi } from 'vitest';
import { openDb, type RectifyDB } from '@/lib/db';
import type { NoticeSnapshot } from '@/lib/schema';

export const dump = JSON.parse(readFileSync(new URL('../fixtures/db/v1-dump.json', import.meta.url), 'utf8'));
export const [mazhang, huadu] = dump.tables.snapshots as NoticeSnapshot[];
export const MZ_URL = 'http://www.zjmazhang.gov.cn/mzzzf/gkmlpt/content/2/2024/post_2024925.html';

const opened: Dexie[] = [];
/** Deletes `db` after the current test. */
export function deleteAfterTest(db: Dexie): void {
  opened.push(db);
}
/** A new empty database, deleted after the test. */
export function freshDb(): RectifyDB {
  const db = openDb(`test-${crypto.randomUUID()}`);
  deleteAfterTest(db);
  return db;
}
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
  vi.unstubAllGlobals();
});
