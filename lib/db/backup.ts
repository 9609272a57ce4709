/**
 * Backup and restore of the whole library as one JSON file (see `backupFile` in lib/schema).
 *
 * Import is all-or-nothing: the file is parsed and validated completely before anything is written,
 * and every table is written in ONE transaction. It is idempotent: records are put by primary key,
 * so importing the same file twice adds nothing; for annotations the newer `updatedAt` wins.
 * A snapshot whose text does not match its content hash refuses the whole file, and a stored snapshot's
 * text is never replaced by an import. Error messages are for the user (zh-CN) and say what is wrong and where.
 */
import { z } from 'zod';
import type { Table } from 'dexie';
import { mismatchedSnapshots } from '@/lib/hash';
import { bulletList, describeJsonError, listIssues, type JsonFileWords } from '@/lib/json-file';
import type { RectifyDB } from './database';
import {
  BACKUP_FORMAT,
  BACKUP_SCHEMA_VERSION,
  backupFile,
  type Annotation,
  type BackupFile,
  type BackupTable,
  type NoticeRecord,
  type NoticeSnapshot,
  type StatusOverride,
} from '@/lib/schema';

export const MAX_BACKUP_CHARS = 200 * 1024 * 1024;

export const BACKUP_TABLES: readonly BackupTable[] = ['notices', 'snapshots', 'annotations', 'overrides', 'settings'];

/** How the JSON error messages name a backup and what was (not) done. */
const BACKUP_WORDS: JsonFileWords = { file: '备份文件', outcome: '未导入任何数据。' };

export type TableCounts = Record<BackupTable, number>;
export interface ImportResult {
  added: TableCounts;
  updated: TableCounts;
  skipped: TableCounts;
}

export interface ImportOptions {
  /** Refuse larger inputs (characters). Defaults to 200 MB. */
  maxChars?: number;
}

/** An error whose message is meant to be shown to the user as is. */
export class BackupError extends Error {
  override name = 'BackupError';
}

// ---------------------------------------------------------------------------------------------
// Export

export async function exportBackup(db: RectifyDB, now: Date = new Date()): Promise<BackupFile> {
  return db.transaction('r', [db.notices, db.snapshots, db.annotations, db.overrides, db.settings], async () => ({
    format: BACKUP_FORMAT,
    schemaVersion: BACKUP_SCHEMA_VERSION,
    exportedAt: now.toISOString(),
    notices: await db.notices.toArray(),
    snapshots: await db.snapshots.toArray(),
    annotations: await db.annotations.toArray(),
    overrides: await db.overrides.toArray(),
    settings: await db.settings.toArray(),
  }));
}

export function backupToJson(file: BackupFile): string {
  return JSON.stringify(file);
}

/** Suggested file name, e.g. `rectify-lens-backup-2025-09-12.json`. */
export function backupFileName(file: BackupFile): string {
  return `${BACKUP_FORMAT}-${file.exportedAt.slice(0, 10)}.json`;
}

// ---------------------------------------------------------------------------------------------
// Parse and validate (pure; throws BackupError)

export function parseBackup(json: string, options: ImportOptions = {}): BackupFile {
  checkBackupSize(json.length, options.maxChars ?? MAX_BACKUP_CHARS);
  const data = parseJson(json);
  checkHeader(data);
  const result = backupFile.safeParse(data, { error: z.locales.zhCN().localeError });
  if (!result.success) throw new BackupError(describeIssues(result.error.issues));
  return result.data;
}

/** Refuses a backup above the limit; called with the file's size before it is read into memory, and on the text. */
export function checkBackupSize(size: number, maxChars: number = MAX_BACKUP_CHARS): void {
  if (size <= maxChars) return;
  const mb = (n: number) => (n / 1024 / 1024).toFixed(n < 1024 * 1024 ? 2 : 0);
  throw new BackupError(
    `备份文件过大（约 ${mb(size)} MB），超过 ${mb(maxChars)} MB 的上限，未导入任何数据。请确认选择的是 Rectify Lens 导出的备份文件。`,
  );
}

function parseJson(json: string): unknown {
  if (json.trim().length === 0) throw new BackupError('备份文件是空的，未导入任何数据。');
  try {
    return JSON.parse(json);
  } catch {
    throw new BackupError(describeJsonError(json, BACKUP_WORDS));
  }
}

function checkHeader(data: unknown): void {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new BackupError('这不是 Rectify Lens 备份文件：文件内容应为一个 JSON 对象。未导入任何数据。');
  }
  const { format, schemaVersion } = data as { format?: unknown; schemaVersion?: unknown };
  if (format !== BACKUP_FORMAT) {
    throw new BackupError(
      `这不是 Rectify Lens 备份文件：format 应为 "${BACKUP_FORMAT}"，实际为 ${JSON.stringify(format) ?? '（缺失）'}。未导入任何数据。`,
    );
  }
  if (typeof schemaVersion === 'number' && schemaVersion > BACKUP_SCHEMA_VERSION) {
    throw new BackupError(
      `备份文件版本 ${schemaVersion} 高于本程序支持的版本 ${BACKUP_SCHEMA_VERSION}，请先升级 Rectify Lens 后再导入。未导入任何数据。`,
    );
  }
}

function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  return listIssues('备份文件内容不符合格式，未导入任何数据：', issues);
}

// ---------------------------------------------------------------------------------------------
// Import

export async function importBackup(db: RectifyDB, json: string, options: ImportOptions = {}): Promise<ImportResult> {
  const file = await measured('parse', async () => parseBackup(json, options));
  await measured('verify', () => verifySnapshotHashes(file));
  try {
    return await measured('write', () => writeBackup(db, file));
  } catch (err) {
    throw storageError(err);
  }
}

/** Prefix of the User Timing measures of an import's phases (parse, verify, write), read by the side-panel bench. */
export const IMPORT_MEASURE_PREFIX = 'rectify-lens:import:';

/** Runs one import phase as a User Timing measure (performance.measure), so a profile or bench can see where the time goes. */
async function measured<T>(phase: string, run: () => Promise<T>): Promise<T> {
  const start = performance.now();
  try {
    return await run();
  } finally {
    performance.measure(IMPORT_MEASURE_PREFIX + phase, { start, end: performance.now() });
  }
}

/**
 * A snapshot is identified by the hash of its text: a file whose text does not hash to its key was edited
 * or damaged, and importing it would file foreign text under a trusted version. The whole import is refused.
 */
export async function verifySnapshotHashes(file: BackupFile): Promise<void> {
  const bad = (await mismatchedSnapshots(file.snapshots)).map((i) => `snapshots[${i}]（${file.snapshots[i].title ?? file.snapshots[i].url}）`);
  if (!bad.length) return;
  throw new BackupError(bulletList('备份文件中以下通报版本的正文与其校验值不符（文件可能被修改或已损坏），未导入任何数据：', bad, '个'));
}

/** Storage failures in words a user can act on; nothing was written (the import is one transaction). */
export function storageError(err: unknown): Error {
  if (err instanceof BackupError) return err;
  const name = (err as { name?: string; inner?: { name?: string } } | null)?.inner?.name ?? (err as { name?: string } | null)?.name;
  if (name === 'QuotaExceededError') return new BackupError('磁盘空间不足，无法保存导入的数据；本机数据未作任何改动。请清理磁盘空间后重试。');
  return new BackupError(`保存导入的数据时出错，本机数据未作任何改动：${err instanceof Error ? err.message : String(err)}`);
}

/** Writes a validated backup in one transaction; if anything fails, nothing is changed. */
export async function writeBackup(db: RectifyDB, file: BackupFile): Promise<ImportResult> {
  const result: ImportResult = { added: zeroCounts(), updated: zeroCounts(), skipped: zeroCounts() };
  const tally = (table: BackupTable) => (outcome: Outcome) => result[outcome][table]++;
  await db.transaction('rw', [db.notices, db.snapshots, db.annotations, db.overrides, db.settings], async () => {
    await mergeInto(db.notices, file.notices, (n) => n.key, mergeNotice, tally('notices'));
    await mergeInto(db.snapshots, file.snapshots, (s) => s.hash, mergeSnapshot, tally('snapshots'));
    await mergeInto(db.annotations, file.annotations, (a) => a.id, newerAnnotation, tally('annotations'));
    await mergeInto(db.overrides, file.overrides, (o) => [o.noticeKey, o.itemId], newerOverride, tally('overrides'));
    await mergeInto(db.settings, file.settings, (s) => s.key, (_old, incoming) => incoming, tally('settings'));
  });
  return result;
}

type Outcome = keyof ImportResult;

function zeroCounts(): TableCounts {
  return { notices: 0, snapshots: 0, annotations: 0, overrides: 0, settings: 0 };
}

async function mergeInto<T, K extends string | [string, string]>(
  table: Table<T, K>,
  incoming: readonly T[],
  keyOf: (record: T) => K,
  merge: (existing: T, incoming: T) => T,
  count: (outcome: Outcome) => void,
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
  const added: T[] = [];
  const updated: T[] = [];
  entries.forEach(([, { record }], i) => {
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
