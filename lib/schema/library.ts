/** The notice library (notices, snapshots, settings) and the backup file that carries it. */
import { z } from 'zod';
import { isoDate, notice } from './notice';
import { annotation, statusOverride } from './annotation';

// Library: a notice is identified by a key (organization + title, falling back to the URL);
// every distinct text is a snapshot of it.
export const noticeSnapshot = z.object({
  hash: z.string().min(1),
  noticeKey: z.string().min(1),
  url: z.string(),
  title: z.string().nullable(),
  organization: z.string().nullable(),
  publishDate: isoDate.nullable(),
  text: z.string(),
  model: notice,
  firstSeen: z.string(),
  lastSeen: z.string(),
});

export const noticeRecord = z.object({
  key: z.string().min(1),
  title: z.string().nullable(),
  organization: z.string().nullable(),
  urls: z.array(z.string()),
  latestHash: z.string(),
  publishDate: isoDate.nullable(),
  firstSeen: z.string(),
  lastSeen: z.string(),
});

export const setting = z.object({ key: z.string().min(1), value: z.unknown() });


export type NoticeSnapshot = z.infer<typeof noticeSnapshot>;
export type NoticeRecord = z.infer<typeof noticeRecord>;

// Backup file (owner: lib/db/backup.ts) — the whole library in one JSON file.
export const BACKUP_FORMAT = 'rectify-lens-backup';
export const BACKUP_SCHEMA_VERSION = 1;
export const backupFile = z.object({
  format: z.literal(BACKUP_FORMAT),
  schemaVersion: z.literal(BACKUP_SCHEMA_VERSION),
  exportedAt: z.string(),
  notices: z.array(noticeRecord),
  snapshots: z.array(noticeSnapshot),
  annotations: z.array(annotation),
  overrides: z.array(statusOverride),
  settings: z.array(setting),
});
export type BackupFile = z.infer<typeof backupFile>;
export type BackupTable = 'notices' | 'snapshots' | 'annotations' | 'overrides' | 'settings';
