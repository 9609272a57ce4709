/**
 * Backup and restore of the whole library as one JSON file (see `backupFile` in lib/schema).
 *
 * Import is all-or-nothing: every table is written in ONE transaction (lib/db/backup-write.ts), and a file
 * with any invalid record is refused as a whole — the annotations are validated while they are written,
 * inside that transaction, everything else before it. It is idempotent: records are put by primary key,
 * so importing the same file twice adds nothing; for annotations the newer `updatedAt` wins.
 * A snapshot whose text does not match its content hash refuses the whole file, and a stored snapshot's
 * text is never replaced by an import. Error messages are for the user (zh-CN) and say what is wrong and where.
 */
import { z } from 'zod';
import { mismatchedSnapshots } from '@/lib/hash';
import { bulletList, describeJsonError, listIssues, type JsonFileWords } from '@/lib/json-file';
import type { RectifyDB } from './database';
import { writeBackup } from './backup-write';
import type { AnnotationFeed, ImportResult, ReadBackup, TableCounts } from './backup-types';

export type { AnnotationFeed, ImportResult, ReadBackup, TableCounts };
import {
  annotation as annotationSchema,
  BACKUP_FORMAT,
  BACKUP_SCHEMA_VERSION,
  backupFile,
  type Annotation,
  type BackupFile,
  type BackupTable,
} from '@/lib/schema';

export const MAX_BACKUP_CHARS = 200 * 1024 * 1024;

export const BACKUP_TABLES: readonly BackupTable[] = ['notices', 'snapshots', 'annotations', 'overrides', 'settings'];

/** How the JSON error messages name a backup and what was (not) done. */
const BACKUP_WORDS: JsonFileWords = { file: '备份文件', outcome: '未导入任何数据。' };


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

/** zod's options for messages in Chinese. */
type ZodZh = { error: z.core.$ZodErrorMap };
const inChinese = (): ZodZh => ({ error: z.locales.zhCN().localeError });

/** A backup read from JSON: every table checked except the annotations, which are checked as they are written. */


/** Reads a backup: size, JSON, header, then every table but the annotations (see AnnotationFeed). Throws BackupError. */
export function readBackup(json: string, options: ImportOptions = {}): ReadBackup {
  checkBackupSize(json.length, options.maxChars ?? MAX_BACKUP_CHARS);
  const data = parseJson(json);
  checkHeader(data);
  const zh = inChinese();
  const { annotations, ...tables } = data as Record<string, unknown>;
  const others = backupFile.safeParse({ ...tables, annotations: [] }, zh);
  if (!others.success || !Array.isArray(annotations)) throw wholeFileError(data, zh);
  const { annotations: _none, ...file } = others.data;
  return { file, annotations: annotationFeed(annotations, data, zh) };
}

/**
 * The annotations are checked without zod's Chinese messages: handing zod an error map on every call costs
 * a quarter of the validation (and turns off its compiled fast path where one is allowed), and the messages
 * are only needed for a file being refused, which wholeFileError validates again in Chinese.
 */
function annotationFeed(raw: readonly unknown[], data: unknown, zh: ZodZh): AnnotationFeed {
  const ids = new Set(raw.map((a) => (a as { id?: unknown } | null)?.id));
  let validateMs = 0;
  return {
    length: raw.length,
    idsUnique: ids.size === raw.length,
    get validateMs() {
      return validateMs;
    },
    slice(start, end) {
      const t0 = performance.now();
      const valid: Annotation[] = [];
      for (let i = start; i < Math.min(end, raw.length); i++) {
        const result = annotationSchema.safeParse(raw[i]);
        if (!result.success) throw wholeFileError(data, zh);
        valid.push(result.data);
      }
      validateMs += performance.now() - t0;
      return valid;
    },
  };
}

/** Every schema problem of the file, by path (validates the whole file again: only ever on a file being refused). */
function wholeFileError(data: unknown, zh: ZodZh): BackupError {
  const result = backupFile.safeParse(data, zh);
  return new BackupError(result.success ? '备份文件内容不符合格式，未导入任何数据。' : describeIssues(result.error.issues));
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

/**
 * Imports a backup: `parse` reads the JSON and checks every table but the annotations, `verify` the snapshot
 * hashes, `write` validates the annotations chunk by chunk while it stores them (one transaction: a bad
 * annotation or a failed write leaves the library as it was); `validate` is the part of `write` spent validating.
 */
export async function importBackup(db: RectifyDB, json: string, options: ImportOptions = {}): Promise<ImportResult> {
  const read = await measured('parse', async () => readBackup(json, options));
  await measured('verify', () => verifySnapshotHashes(read.file));
  const writeStart = performance.now();
  try {
    return await measured('write', () => writeBackup(db, read));
  } catch (err) {
    throw storageError(err);
  } finally {
    // inside the write: the time spent validating annotations, summed over the chunks
    performance.measure(IMPORT_MEASURE_PREFIX + 'validate', { start: writeStart, duration: read.annotations.validateMs });
  }
}

/** Prefix of the User Timing measures of an import's phases (parse, verify, write; see importBackup), read by the side-panel bench. */
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
export async function verifySnapshotHashes(file: Pick<BackupFile, 'snapshots'>): Promise<void> {
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
