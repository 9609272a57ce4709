// Every saved version (snapshot) of the library at once, and deleting one version with a way to undo it.
import type { Annotation, NoticeRecord, NoticeSnapshot, StatusOverride } from '../schema';
import type { RectifyDB } from './database';
import { forgetDeletedVersions } from './analyses';
import { newestFirst } from './notices';

/** A saved version as lists show it: the snapshot without its text and model, with its item count. */
export interface VersionSummary {
  hash: string;
  noticeKey: string;
  url: string;
  title: string | null;
  organization: string | null;
  publishDate: string | null;
  firstSeen: string;
  lastSeen: string;
  itemCount: number;
}

function summary(s: NoticeSnapshot): VersionSummary {
  const { hash, noticeKey, url, title, organization, publishDate, firstSeen, lastSeen } = s;
  return { hash, noticeKey, url, title, organization, publishDate, firstSeen, lastSeen, itemCount: s.model.items.length };
}

/**
 * Every saved version of every notice, newest first, as stored (like listNotices: no text is parsed again
 * here, so a long library lists at once; listSnapshots and getSnapshot read a version with the current parser).
 */
export async function listVersions(db: RectifyDB): Promise<VersionSummary[]> {
  const out: VersionSummary[] = [];
  await db.snapshots.each((s) => void out.push(summary(s)));
  return newestFirst(out);
}

/** What deleting a version removed: enough to put it back (restoreVersion). */
export interface RemovedVersion {
  snapshot: NoticeSnapshot;
  /** The notice as it was before the deletion. */
  notice: NoticeRecord;
  /** The annotations made on this version (or, when it was the last one, on the notice). */
  annotations: Annotation[];
  /** The notice's status overrides, removed only with its last version. */
  overrides: StatusOverride[];
  /** It was the notice's last version: the notice itself was removed. */
  noticeRemoved: boolean;
}

/** The notice record again after its versions changed: title, organization, date and latest from the newest. */
async function refreshNotice(db: RectifyDB, notice: NoticeRecord): Promise<void> {
  const [latest] = newestFirst(await db.snapshots.where('noticeKey').equals(notice.key).toArray());
  if (!latest) return;
  await db.notices.put({
    ...notice,
    latestHash: latest.hash,
    title: latest.title ?? notice.title,
    organization: latest.organization ?? notice.organization,
    publishDate: latest.publishDate ?? notice.publishDate,
  });
}

/**
 * Removes one saved version and the annotations made on it (all or nothing). The last version of a
 * notice takes the notice with it (its annotations and overrides too). Returns what was removed, or
 * undefined when there is no such version.
 */
export async function deleteVersion(db: RectifyDB, hash: string): Promise<RemovedVersion | undefined> {
  const removed = await removeVersion(db, hash);
  if (removed) await forgetDeletedVersions(db.name, [hash]);
  return removed;
}

function removeVersion(db: RectifyDB, hash: string): Promise<RemovedVersion | undefined> {
  return db.transaction('rw', [db.notices, db.snapshots, db.annotations, db.overrides], async () => {
    const snapshot = await db.snapshots.get(hash);
    const notice = snapshot && (await db.notices.get(snapshot.noticeKey));
    if (!snapshot || !notice) return undefined;
    const others = await db.snapshots.where('noticeKey').equals(notice.key).filter((s) => s.hash !== hash).count();
    const noticeRemoved = others === 0;
    // a version's annotations are among its notice's (no snapshotHash index since schema v5)
    const ofNotice = await db.annotations.where('noticeKey').equals(notice.key).toArray();
    const annotations = noticeRemoved ? ofNotice : ofNotice.filter((a) => a.snapshotHash === hash);
    const overrides = noticeRemoved ? await db.overrides.where('noticeKey').equals(notice.key).toArray() : [];
    await db.snapshots.delete(hash);
    await db.annotations.bulkDelete(annotations.map((a) => a.id));
    await db.overrides.bulkDelete(overrides.map((o) => [o.noticeKey, o.itemId] as [string, string]));
    if (noticeRemoved) await db.notices.delete(notice.key);
    else await refreshNotice(db, notice);
    return { snapshot, notice, annotations, overrides, noticeRemoved };
  });
}

/** Undoes deleteVersion: the version, its annotations and (for a removed notice) the notice and its overrides. */
export async function restoreVersion(db: RectifyDB, removed: RemovedVersion): Promise<void> {
  await db.transaction('rw', [db.notices, db.snapshots, db.annotations, db.overrides], async () => {
    await db.snapshots.put(removed.snapshot);
    await db.annotations.bulkPut(removed.annotations);
    await db.overrides.bulkPut(removed.overrides);
    // a notice saved again meanwhile (the page was visited) keeps its URLs and dates; only the latest is re-derived
    const now = await db.notices.get(removed.notice.key);
    await refreshNotice(db, now ?? removed.notice);
  });
}
