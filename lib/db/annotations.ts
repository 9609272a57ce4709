// The reviewer's own records on a notice: annotations (add, edit, soft delete, filter, anchoring) and status overrides.
import { createPreparedMatcher, preparedAnnotationHaystack } from '../search';
import {
  annotation as annotationSchema,
  statusOverride as statusOverrideSchema,
  type Annotation,
  type Severity,
  type StatusOverride,
} from '../schema';
import { normalizeTags, nowIso, type RectifyDB } from './database';
import { assertAnnotationInput } from '../annotation-input';
import { t } from '../i18n';
import { decisionMarkOf, editMarkOf, withEarlierMark } from '../review-package';
import { getReviewerCreator } from './settings';

type Generated = 'id' | 'createdAt' | 'updatedAt' | 'deletedAt' | 'anchorState' | 'version';
export type NewAnnotation = Omit<Annotation, Generated> & Partial<Pick<Annotation, Generated>>;
export type AnnotationPatch = Partial<Omit<Annotation, 'id' | 'createdAt' | 'updatedAt' | 'version'>>;

/** The edit counter of a stored annotation (records stored before it existed count as 1). */
export const versionOf = (a: Pick<Annotation, 'version'>): number => a.version ?? 1;

/** A save made from a stale copy: someone else saved this annotation since it was read. */
export class StaleAnnotationError extends Error {
  constructor(readonly current: Annotation) {
    super(t('annotationStale'));
  }
}

/** Adds an annotation; its creator is the reviewer named in the settings unless `a` names one. */
export async function addAnnotation(db: RectifyDB, a: NewAnnotation): Promise<Annotation> {
  assertAnnotationInput(a);
  const at = nowIso();
  const creator = a.creator ?? (await getReviewerCreator(db)) ?? undefined;
  const record = annotationSchema.parse({
    ...(creator ? { creator } : {}),
    anchorState: 'anchored',
    deletedAt: null,
    version: 1,
    ...a,
    id: a.id ?? globalThis.crypto.randomUUID(),
    createdAt: a.createdAt ?? at,
    updatedAt: a.updatedAt ?? a.createdAt ?? at,
    tags: normalizeTags(a.tags),
  });
  await db.annotations.add(record);
  return record;
}

/**
 * A user edit, in one transaction: refused with StaleAnnotationError when `expectedVersion` is given and
 * the stored record has moved on; otherwise the version goes up by one.
 */
async function rewriteAnnotation(
  db: RectifyDB,
  id: string,
  change: (current: Annotation) => Annotation,
  expectedVersion?: number,
): Promise<Annotation> {
  return db.transaction('rw', db.annotations, async () => {
    const current = await db.annotations.get(id);
    if (!current) throw new Error(`找不到批注（id：${id}），可能已被永久删除。`);
    if (expectedVersion !== undefined && versionOf(current) !== expectedVersion) throw new StaleAnnotationError(current);
    const next = annotationSchema.parse({
      ...change(current),
      version: versionOf(current) + 1,
      history: withEarlierMark(current.history, editMarkOf(current)),
    });
    await db.annotations.put(next);
    return next;
  });
}

/** Edits an annotation. Pass the version the edit started from: a save from a stale copy is refused. */
export async function updateAnnotation(db: RectifyDB, id: string, patch: AnnotationPatch, opts: { expectedVersion?: number } = {}): Promise<Annotation> {
  const editor = await editorStamp(db);
  return rewriteAnnotation(db, id, (current) => {
    assertAnnotationInput({ note: patch.note ?? current.note, tags: patch.tags ?? current.tags });
    return {
      ...current,
      ...patch,
      ...editor,
      id,
      tags: patch.tags ? normalizeTags(patch.tags) : current.tags,
      updatedAt: nowIso(),
    };
  }, opts.expectedVersion);
}

export async function softDeleteAnnotation(db: RectifyDB, id: string): Promise<Annotation> {
  const at = nowIso();
  const editor = await editorStamp(db);
  return rewriteAnnotation(db, id, (current) => ({ ...current, ...editor, deletedAt: at, updatedAt: at }));
}

export async function restoreAnnotation(db: RectifyDB, id: string): Promise<Annotation> {
  const editor = await editorStamp(db);
  return rewriteAnnotation(db, id, (current) => ({ ...current, ...editor, deletedAt: null, updatedAt: nowIso() }));
}

/** The reviewer making an edit (settings), recorded as `modifiedBy`; nothing when no name is set. */
async function editorStamp(db: RectifyDB): Promise<Pick<Annotation, 'modifiedBy'>> {
  const editor = await getReviewerCreator(db);
  return editor ? { modifiedBy: editor } : {};
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
  // Only the notice narrows by index; tag, severity, anchoring and text are checked in memory (see SCHEMA_V4, SCHEMA_V5).
  const candidates = filter.noticeKey ? db.annotations.where('noticeKey').equals(filter.noticeKey) : db.annotations.toCollection();
  // Filter after toArray(): a Dexie filter() walks a cursor, far slower than getAll().
  const found = (await candidates.toArray()).filter(annotationPredicate(filter));
  return filter.noticeKey
    ? found.sort((a, b) => a.position.start - b.position.start || a.createdAt.localeCompare(b.createdAt))
    : found.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
}

/**
 * The test listAnnotations applies (pure), for a list already in memory filtered again as the user
 * types: search text is normalized once per record (lib/search), not on every keystroke.
 */
export function annotationPredicate(filter: AnnotationFilter): (a: Annotation) => boolean {
  const matches = filter.query ? createPreparedMatcher(filter.query) : null;
  const wantedState = filter.orphan === undefined ? null : filter.orphan ? 'orphan' : 'anchored';
  return (a) =>
    (filter.noticeKey === undefined || a.noticeKey === filter.noticeKey) &&
    (filter.includeDeleted || a.deletedAt === null) &&
    (!filter.tag || a.tags.includes(filter.tag)) &&
    (!filter.severity || a.severity === filter.severity) &&
    (!wantedState || a.anchorState === wantedState) &&
    (!matches || matches(preparedAnnotationHaystack(a)));
}

/**
 * The `limit` most recently updated annotations (deleted ones left out), newest first: reads only
 * those records, so a first screen of a large library shows before the whole list is loaded.
 */
export async function recentAnnotations(db: RectifyDB, limit: number): Promise<Annotation[]> {
  return db.annotations.orderBy('updatedAt').reverse().filter((a) => a.deletedAt === null).limit(limit).toArray();
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

/**
 * Records a reviewer's decision, made by the reviewer named in the settings (unless `o` names one). It
 * remembers the decision it replaces (`history`, for merging review packages); a new decision settles any
 * conflicting colleague decisions shown beside the old one, so they are not carried over.
 */
export async function setOverride(db: RectifyDB, o: StatusOverride): Promise<StatusOverride> {
  const creator = o.creator ?? (await getReviewerCreator(db)) ?? undefined;
  return db.transaction('rw', db.overrides, async () => {
    const previous = await db.overrides.get([o.noticeKey, o.itemId]);
    const history = previous && decisionMarkOf(previous) !== decisionMarkOf(o) ? withEarlierMark(previous.history, decisionMarkOf(previous)) : previous?.history;
    const { conflicts: _settled, ...decision } = o;
    const record = statusOverrideSchema.parse({ ...decision, ...(creator ? { creator } : {}), ...(history ? { history } : {}) });
    await db.overrides.put(record);
    return record;
  });
}

export async function clearOverride(db: RectifyDB, noticeKey: string, itemId: string): Promise<void> {
  await db.overrides.delete([noticeKey, itemId]);
}

export async function listOverrides(db: RectifyDB, noticeKey: string): Promise<StatusOverride[]> {
  return db.overrides.where('noticeKey').equals(noticeKey).toArray();
}
