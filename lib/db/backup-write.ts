/**
 * Writing an imported backup (lib/db/backup.ts reads and checks it): every table in ONE transaction, records
 * merged with what is stored by primary key (importing the same file twice adds nothing; for annotations
 * the newer `updatedAt` wins; a stored snapshot's text is never replaced).
 *
 * Annotations are most of a large backup, and IndexedDB costs about the same per record whatever the record:
 * they are validated a chunk at a time while the chunks before are being stored, so the validation runs while
 * the storage works instead of before it.
 */
import type { Table } from 'dexie';
import type { RectifyDB } from './database';
import type { AnnotationFeed, ImportResult, ReadBackup, TableCounts } from './backup-types';
import type { Annotation, BackupTable, NoticeRecord, NoticeSnapshot, StatusOverride } from '@/lib/schema';

/** Annotations validated and handed to IndexedDB at a time. */
export const ANNOTATION_CHUNK = 500;

type Outcome = keyof ImportResult;
type Count = (outcome: Outcome) => void;

/** Writes a read backup in one transaction; if anything fails (a write, or an invalid annotation), nothing is changed. */
export async function writeBackup(db: RectifyDB, { file, annotations }: ReadBackup): Promise<ImportResult> {
  const result: ImportResult = { added: zeroCounts(), updated: zeroCounts(), skipped: zeroCounts() };
  const tally = (table: BackupTable) => (outcome: Outcome) => result[outcome][table]++;
  await db.transaction('rw', [db.notices, db.snapshots, db.annotations, db.overrides, db.settings], async () => {
    await mergeInto(db.notices, file.notices, (n) => n.key, mergeNotice, tally('notices'));
    await mergeInto(db.snapshots, file.snapshots, (s) => s.hash, mergeSnapshot, tally('snapshots'));
    await writeAnnotations(db.annotations, annotations, tally('annotations'));
    await mergeInto(db.overrides, file.overrides, (o) => [o.noticeKey, o.itemId], newerOverride, tally('overrides'));
    await mergeInto(db.settings, file.settings, (s) => s.key, (_old, incoming) => incoming, tally('settings'));
  });
  return result;
}

function zeroCounts(): TableCounts {
  return { notices: 0, snapshots: 0, annotations: 0, overrides: 0, settings: 0 };
}

/**
 * Validates and stores the annotations chunk by chunk without waiting for one chunk's writes before validating
 * the next. A file that repeats an id (never exported so) is validated whole first and merged like the other tables.
 */
async function writeAnnotations(table: Table<Annotation, string>, feed: AnnotationFeed, count: Count): Promise<void> {
  if (!feed.idsUnique) return mergeInto(table, feed.slice(0, feed.length), (a) => a.id, newerAnnotation, count);
  const held = await storedKeys(table, feed.length);
  const writes: Promise<unknown>[] = [];
  try {
    for (let start = 0; start < feed.length; start += ANNOTATION_CHUNK) {
      const chunk = feed.slice(start, start + ANNOTATION_CHUNK);
      const fresh = held ? chunk.filter((a) => !held.has(a.id)) : [];
      const known = held ? chunk.filter((a) => held.has(a.id)) : chunk;
      fresh.forEach(() => count('added'));
      if (fresh.length) writes.push(table.bulkAdd(fresh));
      if (known.length) writes.push(table.bulkGet(known.map((a) => a.id)).then((stored) => applyMerge(table, known, stored, newerAnnotation, count)));
    }
    await Promise.all(writes);
  } catch (err) {
    // The transaction is aborted: the writes still pending fail with it, and that is no news.
    for (const write of writes) write.catch(() => undefined);
    throw err;
  }
}

/**
 * The keys stored in `table` when reading them all is cheap next to `incoming` records (an empty set for an
 * empty table), else null: each incoming record is then looked up.
 */
async function storedKeys<T, K extends string>(table: Table<T, K>, incoming: number): Promise<Set<K> | null> {
  const total = await table.count();
  if (total === 0) return new Set();
  if (total > 4 * incoming) return null;
  return new Set(await table.toCollection().primaryKeys());
}

async function mergeInto<T, K extends string | [string, string]>(
  table: Table<T, K>,
  incoming: readonly T[],
  keyOf: (record: T) => K,
  merge: (existing: T, incoming: T) => T,
  count: Count,
): Promise<void> {
  // Records repeated inside the file are merged first, so each key is counted once.
  const byKey = new Map<string, { key: K; record: T }>();
  for (const record of incoming) {
    const key = keyOf(record);
    const id = JSON.stringify(key);
    const earlier = byKey.get(id);
    byKey.set(id, { key, record: earlier ? merge(earlier.record, record) : record });
  }
  const entries = [...byKey.entries()];
  const existing = await storedRecords(table, entries);
  await applyMerge(table, entries.map(([, { record }]) => record), existing, merge, count);
}

/** Adds the records not stored yet (`existing[i]` undefined), merges the others and puts those that changed. */
async function applyMerge<T, K>(
  table: Table<T, K>,
  records: readonly T[],
  existing: ReadonlyArray<T | undefined>,
  merge: (existing: T, incoming: T) => T,
  count: Count,
): Promise<void> {
  const added: T[] = [];
  const updated: T[] = [];
  records.forEach((record, i) => {
    const current = existing[i];
    if (current === undefined) {
      count('added');
      return void added.push(record);
    }
    const next = merge(current, record);
    if (deepEqual(current, next)) return count('skipped');
    count('updated');
    updated.push(next);
  });
  await table.bulkAdd(added);
  await table.bulkPut(updated);
}

/**
 * The stored records under the entries' keys (undefined where none), read in as few requests as the
 * table allows: none from an empty table; from a table not much larger than the import, all its keys in
 * one key-only read and then only the records that exist; else one bulkGet.
 */
async function storedRecords<T, K extends string | [string, string]>(
  table: Table<T, K>,
  entries: ReadonlyArray<[string, { key: K }]>,
): Promise<Array<T | undefined>> {
  const total = await table.count();
  if (total === 0) return entries.map(() => undefined);
  if (total > 4 * entries.length) return table.bulkGet(entries.map(([, e]) => e.key));
  const held = new Set((await table.toCollection().primaryKeys()).map((k) => JSON.stringify(k)));
  const present = entries.filter(([id]) => held.has(id));
  const records = await table.bulkGet(present.map(([, e]) => e.key));
  const byId = new Map(present.map(([id], i) => [id, records[i]]));
  return entries.map(([id]) => byId.get(id));
}

const minIso = (a: string, b: string) => (a <= b ? a : b);
const maxIso = (a: string, b: string) => (a >= b ? a : b);

/** URLs are united and the seen-period widened; the descriptive fields come from the later sighting. */
function mergeNotice(existing: NoticeRecord, incoming: NoticeRecord): NoticeRecord {
  const later = incoming.lastSeen >= existing.lastSeen ? incoming : existing;
  return {
    ...later,
    urls: [...new Set([...existing.urls, ...incoming.urls])],
    firstSeen: minIso(existing.firstSeen, incoming.firstSeen),
    lastSeen: maxIso(existing.lastSeen, incoming.lastSeen),
  };
}

/** Same hash ⇒ same text: the stored snapshot is kept as it is, only its seen-period widens. */
function mergeSnapshot(existing: NoticeSnapshot, incoming: NoticeSnapshot): NoticeSnapshot {
  return {
    ...existing,
    firstSeen: minIso(existing.firstSeen, incoming.firstSeen),
    lastSeen: maxIso(existing.lastSeen, incoming.lastSeen),
  };
}

function newerAnnotation(existing: Annotation, incoming: Annotation): Annotation {
  return incoming.updatedAt > existing.updatedAt ? incoming : existing;
}

function newerOverride(existing: StatusOverride, incoming: StatusOverride): StatusOverride {
  return incoming.createdAt >= existing.createdAt ? incoming : existing;
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keysA = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const keysB = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  if (keysA.length !== keysB.length) return false;
  return keysA.every((k) => deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}
