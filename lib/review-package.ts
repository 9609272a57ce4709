/**
 * Review packages: one reviewer's annotations and status decisions, with the notice versions they refer to,
 * exchanged as a file between colleagues (no server). Pure and DOM-free; lib/db/review-package.ts reads and
 * writes the library.
 *
 * Merging never overwrites a reviewer's work. Every annotation remembers the marks of its earlier edits
 * (`history`), so for the same annotation on both sides the merge can tell:
 *  - same edit on both sides, or the package holds an edit this library already went past → unchanged;
 *  - this library's edit is in the package's history (only the colleague edited since) → updated to theirs;
 *  - neither descends from the other (edited on both sides) → conflict: the colleague's version is added as a
 *    second annotation (`conflictOf` = the local id, a deterministic id), the local one is left as it is.
 * Status decisions follow the same rule; a conflicting decision is kept in the local decision's `conflicts`.
 * Applying the same package twice changes nothing: every outcome is keyed by ids and edit marks.
 */
import { z } from 'zod';
import { mismatchedSnapshots } from './hash';
import { bulletList, listIssues } from './json-file';
import {
  REVIEW_PACKAGE_FORMAT,
  REVIEW_PACKAGE_VERSION,
  reviewPackage,
  type Annotation,
  type Creator,
  type NoticeRecord,
  type NoticeSnapshot,
  type OverrideConflict,
  type ReviewPackage,
  type StatusOverride,
} from './schema';

/** An error whose message is meant for the user as is (zh-CN); nothing was imported. */
export class ReviewPackageError extends Error {
  override name = 'ReviewPackageError';
}

/**
 * The mark of an annotation's current edit: `${version}@${updatedAt}#${fingerprint of what was written}` (records
 * without a version count as 1). Two reviewers editing in the same millisecond still get different marks unless
 * they wrote the same thing, which is then the same edit.
 */
export function editMarkOf(a: Pick<Annotation, 'version' | 'updatedAt' | 'note' | 'tags' | 'severity' | 'deletedAt'>): string {
  return `${a.version ?? 1}@${a.updatedAt}#${fnv1a(JSON.stringify([a.note, a.tags, a.severity, a.deletedAt]))}`;
}

/** The mark of a status decision: `${createdAt}#${fingerprint of status and reason}`. */
export function decisionMarkOf(o: Pick<StatusOverride, 'createdAt' | 'status' | 'reason'>): string {
  return `${o.createdAt}#${fnv1a(JSON.stringify([o.status, o.reason]))}`;
}

/** FNV-1a, 32 bits, as 8 hex digits: a short fingerprint (not a security hash; snapshots use SHA-256). */
function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

/** How many earlier edit marks an annotation or decision keeps. */
export const HISTORY_LIMIT = 200;

/** `history` after one more edit: the previous edit's mark appended. */
export function withEarlierMark(history: readonly string[] | undefined, mark: string): string[] {
  return [...(history ?? []), mark].slice(-HISTORY_LIMIT);
}

/** The reviewer name typed in the settings as a W3C creator; null when empty. */
export function creatorFromName(name: string | null | undefined): Creator | null {
  const trimmed = (name ?? '').trim();
  return trimmed ? { type: 'Person', name: trimmed } : null;
}

// ---------------------------------------------------------------------------------------------
// Building a package

export interface PackageContent {
  exportedAt: string;
  exportedBy: Creator | null;
  notices: NoticeRecord[];
  snapshots: NoticeSnapshot[];
  annotations: Annotation[];
  overrides: StatusOverride[];
}

export function buildReviewPackage(content: PackageContent): ReviewPackage {
  return reviewPackage.parse({ format: REVIEW_PACKAGE_FORMAT, version: REVIEW_PACKAGE_VERSION, ...content });
}

/** Suggested file name, e.g. `审阅包-张三-2025-09-12.json`. */
export function reviewPackageFileName(pkg: ReviewPackage): string {
  const who = pkg.exportedBy?.name.replace(/[\\/:*?"<>|\s]+/g, '_') ?? '未署名';
  return `审阅包-${who}-${pkg.exportedAt.slice(0, 10)}.json`;
}

// ---------------------------------------------------------------------------------------------
// Reading a package (throws ReviewPackageError, in zh-CN)

/** Larger files are refused before they are read into memory (a package is far smaller than a whole backup). */
export const MAX_PACKAGE_BYTES = 200 * 1024 * 1024;

export function checkPackageSize(bytes: number): void {
  if (bytes > MAX_PACKAGE_BYTES) {
    throw new ReviewPackageError(`文件过大（约 ${Math.round(bytes / 1024 / 1024)} MB，上限 ${MAX_PACKAGE_BYTES / 1024 / 1024} MB），不像是审阅包，未导入任何内容。`);
  }
}

export function parseReviewPackage(json: string): ReviewPackage {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    throw new ReviewPackageError('审阅包不是有效的 JSON 文件（可能已损坏或被截断），未导入任何内容。');
  }
  checkHeader(data);
  const result = reviewPackage.safeParse(data, { error: z.locales.zhCN().localeError });
  if (!result.success) {
    throw new ReviewPackageError(listIssues('审阅包内容不符合格式，未导入任何内容：', result.error.issues));
  }
  checkReferences(result.data);
  return result.data;
}

/** Every annotation's version and notice travel with it (an exported package always has them). */
function checkReferences(pkg: ReviewPackage): void {
  const hashes = new Set(pkg.snapshots.map((s) => s.hash));
  const keys = new Set(pkg.notices.map((n) => n.key));
  const missing = pkg.annotations.filter((a) => (a.snapshotHash && !hashes.has(a.snapshotHash)) || !keys.has(a.noticeKey));
  if (!missing.length) return;
  const listed = missing.map((a) => `“${a.quote.exact.slice(0, 20)}”（${a.id}）`);
  throw new ReviewPackageError(bulletList('审阅包不完整：以下批注所依据的通报或通报版本不在包中，未导入任何内容：', listed, '条'));
}

function checkHeader(data: unknown): void {
  const { format, version } = (typeof data === 'object' && data !== null ? data : {}) as { format?: unknown; version?: unknown };
  if (format !== REVIEW_PACKAGE_FORMAT) {
    throw new ReviewPackageError(`这不是 Rectify Lens 审阅包（format 应为 "${REVIEW_PACKAGE_FORMAT}"），未导入任何内容。`);
  }
  if (typeof version === 'number' && version > REVIEW_PACKAGE_VERSION) {
    throw new ReviewPackageError(
      `此审阅包由较新版本的 Rectify Lens 导出（格式版本 ${version}，本程序支持到 ${REVIEW_PACKAGE_VERSION}），请先升级扩展后再导入。未导入任何内容。`,
    );
  }
}

/**
 * A snapshot whose text does not hash to its key was edited or damaged. The whole package is refused (not just
 * that snapshot): its annotations are anchored on that text, and importing them against foreign text would
 * misplace a colleague's work. Nothing is written, so nothing is lost; the colleague can export again.
 */
export async function verifyPackageHashes(pkg: ReviewPackage): Promise<void> {
  const bad = (await mismatchedSnapshots(pkg.snapshots)).map((i) => pkg.snapshots[i]).map((s) => `${s.title ?? s.url}（${s.hash.slice(0, 8)}）`);
  if (!bad.length) return;
  throw new ReviewPackageError(bulletList('审阅包中以下通报版本的正文与其校验值不符（文件可能被修改或已损坏），为免批注错位，未导入任何内容：', bad, '个'));
}

// ---------------------------------------------------------------------------------------------
// Merging (pure)

/** What the library already holds for the records in a package. */
export interface LocalState {
  /** Annotations with an id in the package, and local conflict copies of them. */
  annotations: Annotation[];
  overrides: StatusOverride[];
  snapshotHashes: ReadonlySet<string>;
  noticeKeys: ReadonlySet<string>;
}

export interface MergeCounts {
  added: number;
  updated: number;
  conflicts: number;
  unchanged: number;
}

export interface MergeSummary {
  annotations: MergeCounts;
  overrides: MergeCounts;
  snapshots: { added: number; unchanged: number };
  notices: { added: number; unchanged: number };
  /** Names of the colleagues whose work was added or updated. */
  authors: string[];
}

export interface MergePlan {
  annotations: Annotation[];
  overrides: StatusOverride[];
  snapshots: NoticeSnapshot[];
  notices: NoticeRecord[];
  summary: MergeSummary;
}

const zero = (): MergeCounts => ({ added: 0, updated: 0, conflicts: 0, unchanged: 0 });

/** The id of a colleague's conflicting version of annotation `id`: the same edit always gets the same id. */
export function conflictCopyId(id: string, incoming: Annotation): string {
  return `${id}~${editMarkOf(incoming)}`;
}

type Relation = 'same' | 'behind' | 'ahead' | 'diverged';

/** How the package's record relates to the local one, by edit marks. */
function relation(localMark: string, localHistory: readonly string[] | undefined, incomingMark: string, incomingHistory: readonly string[] | undefined): Relation {
  if (localMark === incomingMark) return 'same';
  if (localHistory?.includes(incomingMark)) return 'behind';
  if (incomingHistory?.includes(localMark)) return 'ahead';
  return 'diverged';
}

function mergeAnnotations(local: Annotation[], incoming: Annotation[], counts: MergeCounts, authors: Set<string>): Annotation[] {
  const byId = new Map(local.map((a) => [a.id, a]));
  const writes: Annotation[] = [];
  const put = (a: Annotation) => {
    byId.set(a.id, a);
    writes.push(a);
    if (a.creator) authors.add(a.creator.name);
  };
  for (const theirs of incoming) {
    const mine = byId.get(theirs.id);
    if (!mine) {
      counts.added++;
      put(theirs);
      continue;
    }
    const rel = relation(editMarkOf(mine), mine.history, editMarkOf(theirs), theirs.history);
    if (rel === 'same' || rel === 'behind') counts.unchanged++;
    else if (rel === 'ahead') {
      counts.updated++;
      // their edit goes on top; where it is anchored on this machine stays as found here
      put({ ...theirs, anchorState: mine.anchorState, position: mine.position });
    } else {
      const copyId = conflictCopyId(theirs.id, theirs);
      const copies = [...byId.values()].filter((c) => c.conflictOf === theirs.id);
      if (byId.has(copyId) || copies.some((c) => editMarkOf(c) === editMarkOf(theirs))) {
        counts.unchanged++;
        continue;
      }
      // the colleague edited their conflicting version again: that copy moves on, no third version
      const earlierCopy = copies.find((c) => theirs.history?.includes(editMarkOf(c)));
      counts.conflicts++;
      put({ ...theirs, id: earlierCopy?.id ?? copyId, conflictOf: theirs.id });
    }
  }
  return writes;
}

const overrideKey = (o: Pick<StatusOverride, 'noticeKey' | 'itemId'>) => JSON.stringify([o.noticeKey, o.itemId]);

const sameDecision = (a: Pick<StatusOverride, 'status' | 'reason'>, b: Pick<StatusOverride, 'status' | 'reason'>) =>
  a.status === b.status && a.reason === b.reason;

function asConflict(o: StatusOverride): OverrideConflict {
  return { status: o.status, reason: o.reason, createdAt: o.createdAt, ...(o.creator ? { creator: o.creator } : {}) };
}

function mergeOverrides(local: StatusOverride[], incoming: StatusOverride[], counts: MergeCounts, authors: Set<string>): StatusOverride[] {
  const byKey = new Map(local.map((o) => [overrideKey(o), o]));
  const writes = new Map<string, StatusOverride>();
  const put = (o: StatusOverride) => {
    byKey.set(overrideKey(o), o);
    writes.set(overrideKey(o), o);
    if (o.creator) authors.add(o.creator.name);
  };
  for (const theirs of incoming) {
    const mine = byKey.get(overrideKey(theirs));
    if (!mine) {
      counts.added++;
      put(theirs);
      continue;
    }
    const rel = relation(decisionMarkOf(mine), mine.history, decisionMarkOf(theirs), theirs.history);
    const known = mine.conflicts?.some((c) => c.createdAt === theirs.createdAt && c.creator?.name === theirs.creator?.name);
    if (rel === 'same' || rel === 'behind' || known || (rel === 'diverged' && sameDecision(mine, theirs))) counts.unchanged++;
    else if (rel === 'ahead') {
      counts.updated++;
      put({ ...theirs, conflicts: unite(mine.conflicts, theirs.conflicts) });
    } else {
      counts.conflicts++;
      put({ ...mine, conflicts: unite(mine.conflicts, [asConflict(theirs)]) });
    }
  }
  return [...writes.values()];
}

function unite(a: OverrideConflict[] | undefined, b: OverrideConflict[] | undefined): OverrideConflict[] | undefined {
  const all = [...(a ?? []), ...(b ?? [])];
  const seen = new Set<string>();
  const out = all.filter((c) => {
    const key = `${c.createdAt}|${c.creator?.name ?? ''}`;
    return !seen.has(key) && seen.add(key);
  });
  return out.length ? out : undefined;
}

/** The writes that merge a (validated, hash-checked) package into the library, and what they amount to. */
export function planMerge(pkg: ReviewPackage, local: LocalState): MergePlan {
  const authors = new Set<string>();
  const annotationCounts = zero();
  const overrideCounts = zero();
  const annotations = mergeAnnotations(local.annotations, pkg.annotations, annotationCounts, authors);
  const overrides = mergeOverrides(local.overrides, pkg.overrides, overrideCounts, authors);
  const snapshots = uniqueBy(pkg.snapshots, (s) => s.hash).filter((s) => !local.snapshotHashes.has(s.hash));
  const notices = uniqueBy(pkg.notices, (n) => n.key).filter((n) => !local.noticeKeys.has(n.key));
  const packageSnapshots = new Set(pkg.snapshots.map((s) => s.hash)).size;
  const packageNotices = new Set(pkg.notices.map((n) => n.key)).size;
  return {
    annotations,
    overrides,
    snapshots,
    notices,
    summary: {
      annotations: annotationCounts,
      overrides: overrideCounts,
      snapshots: { added: snapshots.length, unchanged: packageSnapshots - snapshots.length },
      notices: { added: notices.length, unchanged: packageNotices - notices.length },
      authors: [...authors].sort((a, b) => a.localeCompare(b, 'zh-CN')),
    },
  };
}

function uniqueBy<T>(list: readonly T[], key: (x: T) => string): T[] {
  const seen = new Set<string>();
  return list.filter((x) => !seen.has(key(x)) && seen.add(key(x)) !== undefined);
}

/** True when the merge wrote nothing. */
export function changedNothing(summary: MergeSummary): boolean {
  const c = (m: MergeCounts) => m.added + m.updated + m.conflicts;
  return c(summary.annotations) + c(summary.overrides) + summary.snapshots.added + summary.notices.added === 0;
}

/** The summary in zh-CN, one sentence per kind of record. */
export function describeMerge(summary: MergeSummary): string[] {
  const a = summary.annotations;
  const o = summary.overrides;
  if (changedNothing(summary)) return [`审阅包中的内容本机都已有，没有任何改动（批注 ${a.unchanged} 条、复核决定 ${o.unchanged} 条未变）。`];
  const lines = [
    `批注：新增 ${a.added} 条，更新 ${a.updated} 条，冲突 ${a.conflicts} 条，未变 ${a.unchanged} 条。`,
    `复核决定：新增 ${o.added} 条，更新 ${o.updated} 条，冲突 ${o.conflicts} 条，未变 ${o.unchanged} 条。`,
    `通报：新增 ${summary.notices.added} 份；通报版本：新增 ${summary.snapshots.added} 个。`,
  ];
  if (a.conflicts || o.conflicts) lines.push('冲突的内容两个版本都已保留并标有“冲突”，请核对后删除不需要的版本。');
  if (summary.authors.length) lines.push(`来自审阅人：${summary.authors.join('、')}。`);
  return lines;
}
