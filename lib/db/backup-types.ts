/** The shapes backups are read into and imported as (lib/db/backup reads, lib/db/backup-write writes). */
import type { Annotation, BackupFile, BackupTable } from '@/lib/schema';

export type TableCounts = Record<BackupTable, number>;

export interface ImportResult {
  added: TableCounts;
  updated: TableCounts;
  skipped: TableCounts;
}

export interface ReadBackup {
  file: Omit<BackupFile, 'annotations'>;
  annotations: AnnotationFeed;
}

/**
 * The file's annotations, validated a chunk at a time, so the validation of one chunk runs while IndexedDB
 * stores the previous one (writeBackup). Validating is all the same all-or-nothing: an invalid annotation
 * throws, inside the import's transaction, the message the whole file's validation gives, and nothing is kept.
 */
export interface AnnotationFeed {
  readonly length: number;
  /** No two annotations share an id: each one can be written as soon as it is validated. */
  readonly idsUnique: boolean;
  /** Milliseconds spent in slice so far (the import's `validate` measure). */
  readonly validateMs: number;
  /** The validated annotations [start, end). Throws BackupError naming every problem of the file. */
  slice(start: number, end: number): Annotation[];
}
