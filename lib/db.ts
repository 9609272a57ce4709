/**
 * The notice library in IndexedDB (Dexie 4) — the only module that touches IndexedDB.
 *
 * Tables: notices (one record per notice, key = stable notice key), snapshots (one per distinct
 * text, key = SHA-256 of the text), annotations, overrides (user corrections of an item status)
 * and settings. Every write is validated with the zod schemas of lib/schema; writes that belong
 * together run in one transaction.
 *
 * Schema history (never edit a released version, add a new one):
 *  v1  annotations had `tags` as a comma-separated string, no severity / anchorState / deletedAt.
 *  v2  tags become an array (multi-entry index), severity, anchorState and deletedAt added and indexed.
 */
import Dexie, { liveQuery, type Table } from 'dexie';
import { contentHash } from './hash';
import { createMatcher, annotationHaystack } from './search';
import {
  annotation as annotationSchema,
  noticeRecord as noticeRecordSchema,
  noticeSnapshot as noticeSnapshotSchema,
  setting as settingSchema,
  statusOverride as statusOverrideSchema,
  type Annotation,
  type Notice,
  type NoticeMeta,
  type NoticeRecord,
  type NoticeSnapshot,
  type Severity,
  type StatusOverride,
} from './schema';

export { liveQuery };

export const DEFAULT_DB_NAME = 'rectify-lens';

export const SCHEMA_V1 = {
  notices: 'key, organization, lastSeen, *urls',
  snapshots: 'hash, noticeKey, url, lastSeen',
  annotations: 'id, noticeKey, snapshotHash, url, updatedAt',
  overrides: '[noticeKey+itemId], noticeKey',
  settings: 'key',
} as const;

export const SCHEMA_V2 = {
  ...SCHEMA_V1,
  annotations: 'id, noticeKey, snapshotHash, url, updatedAt, anchorState, *tags, severity, deletedAt',
} as const;

/** An annotation as stored by schema version 1. */
export interface AnnotationV1 {
  id: string;
  noticeKey: string;
  snapshotHash: string;
  url: string;
  quote: Annotation['quote'];
  position: Annotation['position'];
  note: string;
  /** Comma-separated, e.g. "存疑, 逾期" (ASCII or full-width commas). */
  tags: string;
  createdAt: string;
  updatedAt: string;
}

export interface SettingRecord {
  key: string;
  value: unknown;
}

export class RectifyDB extends Dexie {
  notices!: Table<NoticeRecord, string>;
  snapshots!: Table<NoticeSnapshot, string>;
  annotations!: Table<Annotation, string>;
  overrides!: Table<StatusOverride, [string, string]>;
  settings!: Table<SettingRecord, string>;

  constructor(name: string = DEFAULT_DB_NAME) {
    super(name);
    this.version(1).stores(SCHEMA_V1);
    this.version(2)
      .stores(SCHEMA_V2)
      .upgrade((tx) =>
        tx
          .table('annotations')
          .toCollection()
          .modify((record, ref) => {
            ref.value = upgradeAnnotationV1(record as AnnotationV1);
          }),
      );
  }
}

export function openDb(name: string = DEFAULT_DB_NAME): RectifyDB {
  return new RectifyDB(name);
}

// ---------------------------------------------------------------------------------------------
// Migration v1 → v2 (tolerant: an upgrade that throws would lock the user out of the database)

const TAG_MAX_LENGTH = 40;
const TAG_MAX_COUNT = 30;

/** Trim, drop empties and duplicates, respect the schema limits. */
export function normalizeTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  for (const raw of tags) {
    const tag = raw.trim().slice(0, TAG_MAX_LENGTH);
    if (tag.length > 0) seen.add(tag);
  }
  return [...seen].slice(0, TAG_MAX_COUNT);
}

export function upgradeAnnotationV1(old: AnnotationV1): Annotation {
  const legacyTags: unknown = old.tags;
  const tags = Array.isArray(legacyTags)
    ? legacyTags.map(String)
    : typeof legacyTags === 'string'
      ? legacyTags.split(/[,，]/)
      : [];
  return {
    ...old,
    tags: normalizeTags(tags),
    // v1 had no severity: everything was of equal weight, i.e. the middle one.
    severity: 'medium',
    // v1 did not record anchoring; the next visit re-anchors and corrects this via setAnchorStates.
    anchorState: 'anchored',
    deletedAt: null,
  };
}

// ---------------------------------------------------------------------------------------------
// Notices and snapshots

function nowIso(): string {
  return new Date().toISOString();
}

/** The fragment does not change the document: `…/a.html#p3` is the same page as `…/a.html`. */
export function normalizeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.hash = '';
    return parsed.href;
  } catch {
    return url.trim();
  }
}

const minIso = (a: string, b: string) => (a <= b ? a : b);
const maxIso = (a: string, b: string) => (a >= b ? a : b);

function union(list: readonly string[], extra: string): string[] {
  return list.includes(extra) ? [...list] : [...list, extra];
}

/** Newest first: by publish date when known (else the day first seen), then by first seen. */
function newestFirst(snapshots: NoticeSnapshot[]): NoticeSnapshot[] {
  const day = (s: NoticeSnapshot) => s.publishDate ?? s.firstSeen.slice(0, 10);
  return [...snapshots].sort(
    (a, b) => day(b).localeCompare(day(a)) || b.firstSeen.localeCompare(a.firstSeen) || a.hash.localeCompare(b.hash),
  );
}

async function findNoticeFor(
  db: RectifyDB,
  url: string,
  known: NoticeSnapshot | undefined,
  meta: NoticeMeta,
): Promise<NoticeRecord | undefined> {
  // The same text can belong to one notice only (the hash is the snapshot's primary key).
  const byHash = known ? await db.notices.get(known.noticeKey) : undefined;
  if (byHash) return byHash;
  const byUrl = await db.notices.where('urls').equals(url).first();
  if (byUrl) return byUrl;
  if (meta.organization && meta.title) {
    const { organization, title } = meta;
    return db.notices
      .where('organization')
      .equals(organization)
      .filter((n) => n.title === title)
      .first();
  }
  return undefined;
}

async function freshKey(db: RectifyDB, url: string): Promise<string> {
  let key = url;
  for (let n = 2; await db.notices.get(key); n++) key = `${url}#${n}`;
  return key;
}

export interface NoticeVisit {
  url: string;
  text: string;
  model: Notice;
  seenAt?: string;
}

export interface SavedVisit {
  snapshot: NoticeSnapshot;
  notice: NoticeRecord;
  /** A text not seen before, of a notice already in the library (the notice changed). */
  isNewVersion: boolean;
  /** The notice was not in the library before this visit. */
  isNewNotice: boolean;
}

export async function saveNoticeVisit(db: RectifyDB, input: NoticeVisit): Promise<SavedVisit> {
  const url = normalizeUrl(input.url);
  const seenAt = input.seenAt ?? nowIso();
  const hash = await contentHash(input.text);
  return db.transaction('rw', db.notices, db.snapshots, async () => {
    const known = await db.snapshots.get(hash);
    const existing = await findNoticeFor(db, url, known, input.model.meta);
    const key = existing?.key ?? (await freshKey(db, url));
    const snapshot = noticeSnapshotSchema.parse(
      known
        ? { ...known, firstSeen: minIso(known.firstSeen, seenAt), lastSeen: maxIso(known.lastSeen, seenAt) }
        : {
            hash,
            noticeKey: key,
            url,
            title: input.model.meta.title,
            organization: input.model.meta.organization,
            publishDate: input.model.meta.publishDate,
            text: input.text,
            model: input.model,
            firstSeen: seenAt,
            lastSeen: seenAt,
          },
    );
    await db.snapshots.put(snapshot);
    const [latest] = newestFirst(await db.snapshots.where('noticeKey').equals(key).toArray());
    const notice = noticeRecordSchema.parse({
      key,
      title: latest.title ?? existing?.title ?? null,
      organization: latest.organization ?? existing?.organization ?? null,
      urls: union(existing?.urls ?? [], url),
      latestHash: latest.hash,
      publishDate: latest.publishDate ?? existing?.publishDate ?? null,
      firstSeen: minIso(existing?.firstSeen ?? seenAt, seenAt),
      lastSeen: maxIso(existing?.lastSeen ?? seenAt, seenAt),
    });
    await db.notices.put(notice);
    return { snapshot, notice, isNewVersion: !known && existing !== undefined, isNewNotice: existing === undefined };
  });
}

/** All notices, most recently seen first. */
export async function listNotices(db: RectifyDB): Promise<NoticeRecord[]> {
  return db.notices.orderBy('lastSeen').reverse().toArray();
}

export async function getNotice(db: RectifyDB, key: string): Promise<NoticeRecord | undefined> {
  return db.notices.get(key);
}

/** Snapshots of a notice, newest first. */
export async function listSnapshots(db: RectifyDB, noticeKey: string): Promise<NoticeSnapshot[]> {
  return newestFirst(await db.snapshots.where('noticeKey').equals(noticeKey).toArray());
}

export async function getSnapshot(db: RectifyDB, hash: string): Promise<NoticeSnapshot | undefined> {
  return db.snapshots.get(hash);
}

/** Removes the notice with its snapshots, annotations and overrides (all or nothing). */
export async function deleteNotice(db: RectifyDB, key: string): Promise<void> {
  await db.transaction('rw', [db.notices, db.snapshots, db.annotations, db.overrides], async () => {
    await db.snapshots.where('noticeKey').equals(key).delete();
    await db.annotations.where('noticeKey').equals(key).delete();
    await db.overrides.where('noticeKey').equals(key).delete();
    await db.notices.delete(key);
  });
}

export interface PageMatch {
  notice: NoticeRecord;
  /** The stored snapshot with exactly this text; undefined when the page text changed. */
  snapshot: NoticeSnapshot | undefined;
}

/** Which library notice is this page? By text hash first, else by URL. */
export async function findNoticeForPage(db: RectifyDB, url: string, hash: string): Promise<PageMatch | undefined> {
  return db.transaction('r', db.notices, db.snapshots, async () => {
    const snapshot = await db.snapshots.get(hash);
    const notice = snapshot
      ? await db.notices.get(snapshot.noticeKey)
      : await db.notices.where('urls').equals(normalizeUrl(url)).first();
    return notice ? { notice, snapshot } : undefined;
  });
}

// ---------------------------------------------------------------------------------------------
// Annotations

type Generated = 'id' | 'createdAt' | 'updatedAt' | 'deletedAt' | 'anchorState';
export type NewAnnotation = Omit<Annotation, Generated> & Partial<Pick<Annotation, Generated>>;
export type AnnotationPatch = Partial<Omit<Annotation, 'id' | 'createdAt' | 'updatedAt'>>;

export async function addAnnotation(db: RectifyDB, a: NewAnnotation): Promise<Annotation> {
  const at = nowIso();
  const record = annotationSchema.parse({
    anchorState: 'anchored',
    deletedAt: null,
    ...a,
    id: a.id ?? globalThis.crypto.randomUUID(),
    createdAt: a.createdAt ?? at,
    updatedAt: a.updatedAt ?? a.createdAt ?? at,
    tags: normalizeTags(a.tags),
  });
  await db.annotations.add(record);
  return record;
}

async function rewriteAnnotation(
  db: RectifyDB,
  id: string,
  change: (current: Annotation) => Annotation,
): Promise<Annotation> {
  return db.transaction('rw', db.annotations, async () => {
    const current = await db.annotations.get(id);
    if (!current) throw new Error(`找不到批注（id：${id}），可能已被永久删除。`);
    const next = annotationSchema.parse(change(current));
    await db.annotations.put(next);
    return next;
  });
}

export async function updateAnnotation(db: RectifyDB, id: string, patch: AnnotationPatch): Promise<Annotation> {
  return rewriteAnnotation(db, id, (current) => ({
    ...current,
    ...patch,
    id,
    tags: patch.tags ? normalizeTags(patch.tags) : current.tags,
    updatedAt: nowIso(),
  }));
}

export async function softDeleteAnnotation(db: RectifyDB, id: string): Promise<Annotation> {
  const at = nowIso();
  return rewriteAnnotation(db, id, (current) => ({ ...current, deletedAt: at, updatedAt: at }));
}

export async function restoreAnnotation(db: RectifyDB, id: string): Promise<Annotation> {
  return rewriteAnnotation(db, id, (current) => ({ ...current, deletedAt: null, updatedAt: nowIso() }));
}

/** Permanently removes annotations soft-deleted before `olderThan` (ISO time); returns how many. */
export async function purgeDeleted(db: RectifyDB, olderThan: string | Date): Promise<number> {
  const limit = typeof olderThan === 'string' ? olderThan : olderThan.toISOString();
  // null is not a valid IndexedDB key, so only deleted annotations are in the deletedAt index.
  return db.annotations.where('deletedAt').below(limit).delete();
}

export interface AnnotationFilter {
  noticeKey?: string;
  tag?: string;
  severity?: Severity;
  /** true: only orphans (quote no longer found); false: only anchored ones. */
  orphan?: boolean;
  /** Free text over note, quote and tags (see lib/search). */
  query?: string;
  includeDeleted?: boolean;
}

/** Filtered annotations: in text order within one notice, else most recently updated first. */
export async function listAnnotations(db: RectifyDB, filter: AnnotationFilter = {}): Promise<Annotation[]> {
  const matches = filter.query ? createMatcher(filter.query) : null;
  const wantedState = filter.orphan === undefined ? null : filter.orphan ? 'orphan' : 'anchored';
  // Narrow by one index (the likely most selective), check the rest in memory.
  const candidates = filter.noticeKey
    ? db.annotations.where('noticeKey').equals(filter.noticeKey)
    : filter.tag
      ? db.annotations.where('tags').equals(filter.tag)
      : filter.severity
        ? db.annotations.where('severity').equals(filter.severity)
        : wantedState
          ? db.annotations.where('anchorState').equals(wantedState)
          : db.annotations.toCollection();
  // Filter after toArray(): a Dexie filter() walks a cursor, far slower than getAll().
  const found = (await candidates.toArray()).filter(
    (a) =>
      (filter.includeDeleted || a.deletedAt === null) &&
      (!filter.tag || a.tags.includes(filter.tag)) &&
      (!filter.severity || a.severity === filter.severity) &&
      (!wantedState || a.anchorState === wantedState) &&
      (!matches || matches(annotationHaystack(a))),
  );
  return filter.noticeKey
    ? found.sort((a, b) => a.position.start - b.position.start || a.createdAt.localeCompare(b.createdAt))
    : found.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
}

export interface AnchorUpdate {
  id: string;
  anchorState: Annotation['anchorState'];
  position?: Annotation['position'];
}

/**
 * Records where annotations were (re)found on the page, in one transaction. This is derived state,
 * not a user edit, so updatedAt is left alone. Unknown ids are skipped; returns how many changed.
 */
export async function setAnchorStates(db: RectifyDB, updates: AnchorUpdate[]): Promise<number> {
  return db.transaction('rw', db.annotations, async () => {
    const current = await db.annotations.bulkGet(updates.map((u) => u.id));
    const changed: Annotation[] = [];
    updates.forEach((update, i) => {
      const record = current[i];
      if (!record) return;
      changed.push(
        annotationSchema.parse({
          ...record,
          anchorState: update.anchorState,
          position: update.position ?? record.position,
        }),
      );
    });
    await db.annotations.bulkPut(changed);
    return changed.length;
  });
}

// ---------------------------------------------------------------------------------------------
// Status overrides

export async function setOverride(db: RectifyDB, o: StatusOverride): Promise<StatusOverride> {
  const record = statusOverrideSchema.parse(o);
  await db.overrides.put(record);
  return record;
}

export async function clearOverride(db: RectifyDB, noticeKey: string, itemId: string): Promise<void> {
  await db.overrides.delete([noticeKey, itemId]);
}

export async function listOverrides(db: RectifyDB, noticeKey: string): Promise<StatusOverride[]> {
  return db.overrides.where('noticeKey').equals(noticeKey).toArray();
}

// ---------------------------------------------------------------------------------------------
// Settings

export async function getSetting<T>(db: RectifyDB, key: string, fallback: T): Promise<T> {
  const record = await db.settings.get(key);
  return record === undefined ? fallback : (record.value as T);
}

export async function setSetting(db: RectifyDB, key: string, value: unknown): Promise<void> {
  await db.settings.put(settingSchema.parse({ key, value }) as SettingRecord);
}

// ---------------------------------------------------------------------------------------------
// Storage persistence (so the browser does not evict the library under storage pressure)

export interface PersistenceState {
  persisted: boolean;
  usage?: number;
  quota?: number;
}

export async function requestPersistence(): Promise<PersistenceState> {
  const storage = (globalThis as { navigator?: { storage?: Partial<StorageManager> } }).navigator?.storage;
  if (!storage?.persist) return { persisted: false };
  let persisted = false;
  try {
    persisted = (await storage.persisted?.()) || (await storage.persist());
  } catch {
    persisted = false;
  }
  const estimate = await storage.estimate?.().catch(() => undefined);
  return { persisted, usage: estimate?.usage, quota: estimate?.quota };
}
