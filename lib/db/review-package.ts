/**
 * Review packages in the library: export this library's review work, import (merge) a colleague's.
 * The merge rules are pure (lib/review-package.ts); this module reads what they need and writes the plan
 * in ONE transaction: an import that fails changes nothing.
 */
import {
  buildReviewPackage,
  parseReviewPackage,
  planMerge,
  verifyPackageHashes,
  type MergeSummary,
} from '../review-package';
import type { Annotation, ReviewPackage } from '../schema';
import type { RectifyDB } from './database';
import { getReviewerCreator } from './settings';
import { storageError } from './backup';

/**
 * Every annotation (deleted ones too: a deletion is an edit a colleague should receive) and every status
 * decision, with the notices they belong to and the versions they refer to (each annotation's version, and
 * the latest version of every notice with a decision).
 */
export async function exportReviewPackage(db: RectifyDB, now: Date = new Date()): Promise<ReviewPackage> {
  const exportedBy = await getReviewerCreator(db);
  return db.transaction('r', [db.notices, db.snapshots, db.annotations, db.overrides], async () => {
    const annotations = await db.annotations.toArray();
    const overrides = await db.overrides.toArray();
    const noticeKeys = [...new Set([...annotations.map((a) => a.noticeKey), ...overrides.map((o) => o.noticeKey)])];
    const notices = (await db.notices.bulkGet(noticeKeys)).filter((n) => n !== undefined);
    const decided = new Set(overrides.map((o) => o.noticeKey));
    const hashes = new Set([
      ...annotations.map((a) => a.snapshotHash),
      ...notices.filter((n) => decided.has(n.key)).map((n) => n.latestHash),
    ]);
    const snapshots = (await db.snapshots.bulkGet([...hashes].filter(Boolean))).filter((s) => s !== undefined);
    return buildReviewPackage({ exportedAt: now.toISOString(), exportedBy, notices, snapshots, annotations, overrides });
  });
}

export function reviewPackageToJson(pkg: ReviewPackage): string {
  return JSON.stringify(pkg);
}

/**
 * Merges a colleague's package (see lib/review-package.ts for the rules). Refuses, with a zh-CN message and
 * nothing written, a file that is not a package, a newer format, or a snapshot that does not match its hash.
 */
export async function importReviewPackage(db: RectifyDB, json: string): Promise<MergeSummary> {
  const pkg = parseReviewPackage(json);
  await verifyPackageHashes(pkg);
  try {
    return await mergePackage(db, pkg);
  } catch (err) {
    throw storageError(err);
  }
}

async function mergePackage(db: RectifyDB, pkg: ReviewPackage): Promise<MergeSummary> {
  return db.transaction('rw', [db.notices, db.snapshots, db.annotations, db.overrides], async () => {
    const noticeKeys = [...new Set([...pkg.notices.map((n) => n.key), ...pkg.annotations.map((a) => a.noticeKey), ...pkg.overrides.map((o) => o.noticeKey)])];
    const ids = new Set(pkg.annotations.map((a) => a.id));
    // the package's annotations as stored here, and the conflict copies made of them by earlier imports
    const sameNotices = await db.annotations.where('noticeKey').anyOf(noticeKeys).toArray();
    const byId = (await db.annotations.bulkGet([...ids])).filter((a) => a !== undefined);
    const annotations = [...byId, ...sameNotices.filter((a) => a.conflictOf !== undefined && ids.has(a.conflictOf))];
    const overrides = (await db.overrides.bulkGet(pkg.overrides.map((o) => [o.noticeKey, o.itemId] as [string, string]))).filter((o) => o !== undefined);
    const snapshotHashes = new Set((await db.snapshots.bulkGet(pkg.snapshots.map((s) => s.hash))).filter((s) => s !== undefined).map((s) => s.hash));
    const existingNotices = new Set((await db.notices.bulkGet(noticeKeys)).filter((n) => n !== undefined).map((n) => n.key));
    const plan = planMerge(pkg, { annotations, overrides, snapshotHashes, noticeKeys: existingNotices });
    await db.notices.bulkPut(plan.notices);
    await db.snapshots.bulkPut(plan.snapshots);
    await db.annotations.bulkPut(plan.annotations);
    await db.overrides.bulkPut(plan.overrides);
    return plan.summary;
  });
}

/**
 * For each given annotation, the other versions it is in conflict with (not deleted): for a local annotation its
 * colleagues' versions (ids `${id}~…`, found by a primary-key range), for a colleague's version the local one.
 */
export async function conflictingVersions(db: RectifyDB, annotations: readonly Annotation[]): Promise<Map<string, Annotation[]>> {
  const out = new Map<string, Annotation[]>();
  if (!annotations.length) return out;
  const copies = (await db.annotations.where(':id').startsWithAnyOf(annotations.map((a) => `${a.id}~`)).toArray()).filter((c) => c.deletedAt === null && c.conflictOf);
  const originals = (await db.annotations.bulkGet([...new Set(annotations.flatMap((a) => (a.conflictOf ? [a.conflictOf] : [])))])).filter((a) => a !== undefined && a.deletedAt === null);
  const byId = new Map(originals.map((a) => [a!.id, a!]));
  for (const a of annotations) {
    const others = a.conflictOf ? [byId.get(a.conflictOf)].filter((x) => x !== undefined) : copies.filter((c) => c.conflictOf === a.id);
    if (others.length) out.set(a.id, others);
  }
  return out;
}
