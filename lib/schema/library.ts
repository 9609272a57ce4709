/** The notice library (notices, snapshots, settings) and the backup file that carries it. */
import { z } from './zod';
import { isoDate, notice } from './notice';
import { annotation, statusOverride } from './annotation';

/** What the parser read besides the text: a web page's chrome lines ('' when none) and title. */
export const parseContext = z.lazy(() => z.object({ chromeText: z.string(), pageTitle: z.string().nullable() }));

// Library: a notice is identified by a key (organization + title, falling back to the URL);
// every distinct text is a snapshot of it. A snapshot stores its source (the normalized text and the
// page context the parser read with it) and the model derived from it, with the parser version that
// derived it: a model from another parser version is derived again on read (lib/db).
export const noticeSnapshot = z.lazy(() => z.object({
  hash: z.string().min(1),
  noticeKey: z.string().min(1),
  url: z.string(),
  title: z.string().nullable(),
  organization: z.string().nullable(),
  publishDate: isoDate.nullable(),
  text: z.string(),
  /** The page's breadcrumb/来源/发布日期 lines read with the text ('' when there were none); absent in snapshots saved before it was kept. */
  chromeText: z.string().optional(),
  /** The page's title read with the text; absent in snapshots saved before it was kept. */
  pageTitle: z.string().nullable().optional(),
  model: notice,
  /** PARSER_VERSION of the parse that produced `model`; 0 = saved before parser versions were recorded. */
  parserVersion: z.number().int().nonnegative().default(0),
  firstSeen: z.string(),
  lastSeen: z.string(),
}));

export const noticeRecord = z.lazy(() => z.object({
  key: z.string().min(1),
  title: z.string().nullable(),
  organization: z.string().nullable(),
  urls: z.array(z.string()),
  latestHash: z.string(),
  publishDate: isoDate.nullable(),
  firstSeen: z.string(),
  lastSeen: z.string(),
}));

export const setting = z.lazy(() => z.object({ key: z.string().min(1), value: z.unknown() }));


export type ParseContext = z.infer<typeof parseContext>;
export type NoticeSnapshot = z.infer<typeof noticeSnapshot>;
export type NoticeRecord = z.infer<typeof noticeRecord>;

// Backup file (owner: lib/db/backup.ts) — the whole library in one JSON file.
export const BACKUP_FORMAT = 'rectify-lens-backup';
export const BACKUP_SCHEMA_VERSION = 1;
export const backupFile = z.lazy(() => z.object({
  format: z.literal(BACKUP_FORMAT),
  schemaVersion: z.literal(BACKUP_SCHEMA_VERSION),
  exportedAt: z.string(),
  notices: z.array(noticeRecord),
  snapshots: z.array(noticeSnapshot),
  annotations: z.array(annotation),
  overrides: z.array(statusOverride),
  settings: z.array(setting),
}));
export type BackupFile = z.infer<typeof backupFile>;
export type BackupTable = 'notices' | 'snapshots' | 'annotations' | 'overrides' | 'settings';
