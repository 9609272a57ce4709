// The notice library: saving visits as notices + text snapshots, listing, finding the notice of a page, deleting.
import { liveQuery } from 'dexie';
import { contentHash } from '../hash';
import { ingestStored, type ParseContext } from '../ingest';
import { PARSER_VERSION } from '../parse/version';
import {
  notice as noticeSchema,
  noticeRecord as noticeRecordSchema,
  noticeSnapshot as noticeSnapshotSchema,
  type Notice,
  type NoticeMeta,
  type NoticeRecord,
  type NoticeSnapshot,
} from '../schema';
import { forgetDeletedVersions } from './analyses';
import { nowIso, type RectifyDB } from './database';

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
export function newestFirst<S extends Pick<NoticeSnapshot, 'hash' | 'publishDate' | 'firstSeen'>>(snapshots: S[]): S[] {
  const day = (s: S) => s.publishDate ?? s.firstSeen.slice(0, 10);
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
  /** The normalized text (the content hash is of this text only). */
  text: string;
  /** The model the current parser made of `text` with `context`. */
  model: Notice;
  /** What the parser read besides the text; none (plain text) when omitted. */
  context?: ParseContext;
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
    const derived = derivedFields(input.model, input.context ?? { chromeText: '', pageTitle: null });
    const snapshot = noticeSnapshotSchema.parse(
      known
        ? {
            ...known,
            // a model from another parser version gives way to this visit's, parsed by the current one
            ...(known.parserVersion === PARSER_VERSION ? {} : derived),
            firstSeen: minIso(known.firstSeen, seenAt),
            lastSeen: maxIso(known.lastSeen, seenAt),
          }
        : { hash, noticeKey: key, url, text: input.text, ...derived, firstSeen: seenAt, lastSeen: seenAt },
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

/** Every page address of the library's notices, the most recently seen notices' first. */
export async function recentNoticeUrls(db: RectifyDB): Promise<string[]> {
  return (await listNotices(db)).flatMap((n) => n.urls);
}

/**
 * Calls `onChange` with recentNoticeUrls now and again whenever a notice is saved, deleted, restored or imported
 * — in any of the extension's contexts (Dexie broadcasts committed writes to the others). Returns the unsubscribe.
 */
export function watchNoticeUrls(db: RectifyDB, onChange: (urls: string[]) => void, onError: (err: unknown) => void): () => void {
  const subscription = liveQuery(() => recentNoticeUrls(db)).subscribe({ next: onChange, error: onError });
  return () => subscription.unsubscribe();
}

/** All notices, most recently seen first. */
export async function listNotices(db: RectifyDB): Promise<NoticeRecord[]> {
  return db.notices.orderBy('lastSeen').reverse().toArray();
}

export async function getNotice(db: RectifyDB, key: string): Promise<NoticeRecord | undefined> {
  return db.notices.get(key);
}

/** The parts of a snapshot derived from its source: the model, its parser version and the fields read from it. */
function derivedFields(model: Notice, context: ParseContext) {
  const { title, organization, publishDate } = model.meta;
  return { ...context, model, parserVersion: PARSER_VERSION, title, organization, publishDate };
}

/**
 * The context a snapshot was parsed with. Snapshots saved before the context was kept get the title and
 * publish date their old model read (possibly from the page), so parsing them again does not lose them.
 */
function contextOf(s: NoticeSnapshot): ParseContext {
  if (s.chromeText !== undefined) return { chromeText: s.chromeText, pageTitle: s.pageTitle ?? null };
  const { title, publishDate } = s.model.meta;
  return { chromeText: publishDate ? `发布日期：${publishDate}` : '', pageTitle: title };
}

/**
 * A stored snapshot as the current parser reads it. A model from another parser version is derived
 * again from the stored text and context (the text, hence the hash, is unchanged); a current one is
 * only read through the Notice schema, which upgrades models stored before a model change (e.g. items
 * without a status certainty, see lib/schema/notice.ts).
 */
function current(s: NoticeSnapshot): NoticeSnapshot {
  if (s.parserVersion !== PARSER_VERSION) {
    try {
      const context = contextOf(s);
      return noticeSnapshotSchema.parse({ ...s, ...derivedFields(ingestStored(s.text, context), context) });
    } catch {
      // a text the current parser cannot read is still shown with the model it had
    }
  }
  const model = noticeSchema.safeParse(s.model);
  return model.success ? { ...s, model: model.data } : s;
}

/**
 * Stores the models parsed again on read. Deferred to a task of its own: reads also run inside live
 * queries, where Dexie allows no writes. A snapshot changed meanwhile (saved by a current parser) is left
 * alone; a failed write only means the next read parses again.
 */
function storeRefreshed(db: RectifyDB, refreshed: NoticeSnapshot[]): void {
  if (!refreshed.length) return;
  setTimeout(() => {
    db.transaction('rw', db.snapshots, async () => {
      for (const s of refreshed) {
        const stored = await db.snapshots.get(s.hash);
        if (stored && stored.parserVersion !== PARSER_VERSION) await db.snapshots.put({ ...stored, ...derivedFields(s.model, contextOf(s)) });
      }
    }).catch(() => undefined);
  }, 0);
}

function readCurrent(db: RectifyDB, stored: NoticeSnapshot[]): NoticeSnapshot[] {
  const read = stored.map(current);
  storeRefreshed(db, read.filter((s, i) => s.parserVersion === PARSER_VERSION && stored[i].parserVersion !== PARSER_VERSION));
  return read;
}

/** Snapshots of a notice, newest first (by the current parser's reading of their publish dates). */
export async function listSnapshots(db: RectifyDB, noticeKey: string): Promise<NoticeSnapshot[]> {
  return newestFirst(readCurrent(db, await db.snapshots.where('noticeKey').equals(noticeKey).toArray()));
}

export async function getSnapshot(db: RectifyDB, hash: string): Promise<NoticeSnapshot | undefined> {
  const s = await db.snapshots.get(hash);
  return s && readCurrent(db, [s])[0];
}

/** Removes the notice with its snapshots, annotations and overrides (all or nothing), and the remembered analyses of its texts. */
export async function deleteNotice(db: RectifyDB, key: string): Promise<void> {
  const hashes = await db.transaction('rw', [db.notices, db.snapshots, db.annotations, db.overrides], async () => {
    const versions = (await db.snapshots.where('noticeKey').equals(key).primaryKeys()) as string[];
    await db.snapshots.where('noticeKey').equals(key).delete();
    await db.annotations.where('noticeKey').equals(key).delete();
    await db.overrides.where('noticeKey').equals(key).delete();
    await db.notices.delete(key);
    return versions;
  });
  await forgetDeletedVersions(db.name, hashes);
}

export interface PageMatch {
  notice: NoticeRecord;
  /** The stored snapshot with exactly this text; undefined when the page text changed. */
  snapshot: NoticeSnapshot | undefined;
}

/** The text last seen at this page address (the snapshot with the latest lastSeen there), if any. */
export async function lastSnapshotAt(db: RectifyDB, url: string): Promise<NoticeSnapshot | undefined> {
  const seen = await db.snapshots.where('url').equals(normalizeUrl(url)).toArray();
  return seen.reduce<NoticeSnapshot | undefined>((last, s) => (!last || s.lastSeen > last.lastSeen ? s : last), undefined);
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
