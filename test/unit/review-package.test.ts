import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  addAnnotation,
  exportReviewPackage,
  importReviewPackage,
  listAnnotations,
  listOverrides,
  reviewPackageToJson,
  saveNoticeVisit,
  setOverride,
  setReviewerName,
  softDeleteAnnotation,
  updateAnnotation,
  type RectifyDB,
} from '@/lib/db';
import {
  changedNothing,
  describeMerge,
  editMarkOf,
  parseReviewPackage,
  planMerge,
  ReviewPackageError,
  reviewPackageFileName,
} from '@/lib/review-package';
import { authorLabel } from '@/lib/authorship';
import { annotation as annotationSchema, statusOverride, type Annotation, type NoticeSnapshot, type ReviewPackage } from '@/lib/schema';
import { freshDb } from './db-fixtures';

const dump = JSON.parse(readFileSync(new URL('../fixtures/db/v1-dump.json', import.meta.url), 'utf8'));
const [mazhang] = dump.tables.snapshots as NoticeSnapshot[];

/** Profile A: reviewer 张三 saved the notice and annotated one passage. */
async function reviewerA() {
  const db = freshDb();
  await setReviewerName(db, '  张三 ');
  const saved = await saveNoticeVisit(db, { url: mazhang.url, text: mazhang.text, model: mazhang.model, seenAt: '2024-10-08T02:15:31.000Z' });
  const exact = '其他卫生站均已开诊';
  const start = mazhang.text.indexOf(exact);
  const note = await addAnnotation(db, {
    noticeKey: saved.notice.key,
    snapshotHash: saved.snapshot.hash,
    url: mazhang.url,
    quote: { type: 'TextQuoteSelector', exact, prefix: mazhang.text.slice(start - 6, start), suffix: '' },
    position: { type: 'TextPositionSelector', start, end: start + exact.length },
    note: '甘林村例外',
    tags: ['需核实'],
    severity: 'medium',
  });
  const item = saved.snapshot.model.items[0];
  return { db, saved, note, item };
}

const packageJson = async (db: RectifyDB) => reviewPackageToJson(await exportReviewPackage(db, new Date('2025-09-12T08:00:00Z')));

async function everything(db: RectifyDB) {
  return {
    annotations: (await db.annotations.toArray()).sort((a, b) => a.id.localeCompare(b.id)),
    overrides: await db.overrides.toArray(),
    snapshots: await db.snapshots.toArray(),
    notices: await db.notices.toArray(),
  };
}

describe('reviewer name as the W3C creator', () => {
  it('is recorded on new annotations and decisions; records without a creator stay valid', async () => {
    const { db, saved, note, item } = await reviewerA();
    expect(note.creator).toEqual({ type: 'Person', name: '张三' });
    const decision = await setOverride(db, { noticeKey: saved.notice.key, itemId: item.id, itemLabel: item.label, status: 'done', reason: '已现场核实', createdAt: '2025-09-01T00:00:00.000Z' });
    expect(decision.creator).toEqual({ type: 'Person', name: '张三' });
    const { creator: _c, ...old } = note;
    expect(annotationSchema.safeParse(old).success).toBe(true);
    expect(statusOverride.safeParse({ noticeKey: 'k', itemId: 'o-1', itemLabel: '甲', status: 'done', reason: 'r', createdAt: 'x' }).success).toBe(true);
    expect(annotationSchema.safeParse({ ...note, creator: { type: 'Person', name: ' ' } }).success).toBe(false);
  });

  it('an edit remembers the mark of the edit it replaced', async () => {
    const { db, note } = await reviewerA();
    const edited = await updateAnnotation(db, note.id, { note: '改' });
    expect(edited.history).toEqual([editMarkOf(note)]);
    const deleted = await softDeleteAnnotation(db, note.id);
    expect(deleted.history).toEqual([editMarkOf(note), editMarkOf(edited)]);
  });
});

describe('review package: export, then import in another library', () => {
  it('carries the annotations with their author and the versions they refer to, hashed', async () => {
    const { db } = await reviewerA();
    const pkg = parseReviewPackage(await packageJson(db));
    expect(pkg).toMatchObject({ format: 'rectify-lens-review-package', version: 1, exportedBy: { name: '张三' } });
    expect(pkg.annotations).toHaveLength(1);
    expect(pkg.snapshots.map((s) => s.hash)).toEqual([pkg.annotations[0].snapshotHash]);
    expect(reviewPackageFileName(pkg)).toBe('审阅包-张三-2025-09-12.json');
  });

  it('adds a colleague’s new annotation with its author; importing the same package again changes nothing', async () => {
    const a = await reviewerA();
    const b = freshDb();
    await setReviewerName(b, '李四');
    const json = await packageJson(a.db);
    const first = await importReviewPackage(b, json);
    expect(first.annotations).toEqual({ added: 1, updated: 0, conflicts: 0, unchanged: 0 });
    expect(first.snapshots.added).toBe(1);
    expect(first.notices.added).toBe(1);
    expect(first.authors).toEqual(['张三']);
    const [imported] = await listAnnotations(b, {});
    expect(imported).toMatchObject({ id: a.note.id, note: '甘林村例外', creator: { name: '张三' } });
    const before = await everything(b);
    const second = await importReviewPackage(b, json);
    expect(changedNothing(second)).toBe(true);
    expect(second.annotations.unchanged).toBe(1);
    expect(describeMerge(second)[0]).toContain('没有任何改动');
    expect(await everything(b)).toEqual(before);
  });

  it('takes a colleague’s later edit of an annotation this library did not change (no conflict)', async () => {
    const a = await reviewerA();
    const b = freshDb();
    await importReviewPackage(b, await packageJson(a.db));
    await setReviewerName(b, '李四');
    await updateAnnotation(b, a.note.id, { note: '甘林村卫生站仍未开诊' });
    const summary = await importReviewPackage(a.db, await packageJson(b));
    expect(summary.annotations).toEqual({ added: 0, updated: 1, conflicts: 0, unchanged: 0 });
    expect((await listAnnotations(a.db, {})).map((x) => x.note)).toEqual(['甘林村卫生站仍未开诊']);
    // and the colleague's stale copy of the older edit does not undo it
    const again = await importReviewPackage(b, await packageJson(a.db));
    expect(changedNothing(again)).toBe(true);
  });

  it('keeps an annotation edited on both sides as two versions marked as a conflict; re-import adds nothing', async () => {
    const a = await reviewerA();
    const b = freshDb();
    await importReviewPackage(b, await packageJson(a.db));
    await setReviewerName(b, '李四');
    await updateAnnotation(b, a.note.id, { note: '李四：卫生站未开诊' });
    await updateAnnotation(a.db, a.note.id, { note: '张三：已电话核实' });
    const json = await packageJson(b);
    const summary = await importReviewPackage(a.db, json);
    expect(summary.annotations).toEqual({ added: 0, updated: 0, conflicts: 1, unchanged: 0 });
    expect(describeMerge(summary).join('')).toContain('冲突 1 条');
    const both = await listAnnotations(a.db, {});
    const mine = both.find((x) => x.id === a.note.id)!;
    const theirs = both.find((x) => x.conflictOf === a.note.id)!;
    expect(mine).toMatchObject({ note: '张三：已电话核实', creator: { name: '张三' } });
    expect(theirs).toMatchObject({ note: '李四：卫生站未开诊', creator: { name: '张三' }, noticeKey: mine.noticeKey });
    const before = await everything(a.db);
    expect(changedNothing(await importReviewPackage(a.db, json))).toBe(true);
    expect(await everything(a.db)).toEqual(before);
  });

  it('a colleague’s further edit of a conflicting version updates that version instead of adding a third', async () => {
    const a = await reviewerA();
    const b = freshDb();
    await importReviewPackage(b, await packageJson(a.db));
    await updateAnnotation(b, a.note.id, { note: 'B1' });
    await updateAnnotation(a.db, a.note.id, { note: 'A1' });
    await importReviewPackage(a.db, await packageJson(b));
    await updateAnnotation(b, a.note.id, { note: 'B2' });
    const summary = await importReviewPackage(a.db, await packageJson(b));
    expect(summary.annotations.conflicts).toBe(1);
    const notes = (await listAnnotations(a.db, {})).map((x) => x.note).sort();
    expect(notes).toEqual(['A1', 'B2']);
  });

  it('keeps a different status decision on the same item beside the local one', async () => {
    const a = await reviewerA();
    const key = a.saved.notice.key;
    const decide = (db: RectifyDB, status: 'done' | 'in_progress', reason: string, at: string) =>
      setOverride(db, { noticeKey: key, itemId: a.item.id, itemLabel: a.item.label, status, reason, createdAt: at });
    await decide(a.db, 'done', '已现场核实', '2025-09-01T00:00:00.000Z');
    const b = freshDb();
    await setReviewerName(b, '李四');
    expect((await importReviewPackage(b, await packageJson(a.db))).overrides.added).toBe(1);
    await decide(b, 'in_progress', '群众反映仍未完成', '2025-09-03T00:00:00.000Z');
    await decide(a.db, 'done', '复查后确认', '2025-09-04T00:00:00.000Z');
    const json = await packageJson(b);
    const summary = await importReviewPackage(a.db, json);
    expect(summary.overrides).toEqual({ added: 0, updated: 0, conflicts: 1, unchanged: 0 });
    const [kept] = await listOverrides(a.db, key);
    expect(kept).toMatchObject({ status: 'done', reason: '复查后确认', creator: { name: '张三' } });
    expect(kept.conflicts).toEqual([{ status: 'in_progress', reason: '群众反映仍未完成', createdAt: '2025-09-03T00:00:00.000Z', creator: { type: 'Person', name: '李四' } }]);
    expect(changedNothing(await importReviewPackage(a.db, json))).toBe(true);
    // deciding again settles the conflict
    expect((await decide(a.db, 'done', '终审', '2025-09-05T00:00:00.000Z')).conflicts).toBeUndefined();
  });
});

describe('review package: bad input is refused with a clear message, nothing written', () => {
  it('refuses a package from a newer format version', async () => {
    const a = await reviewerA();
    const b = freshDb();
    const pkg = JSON.parse(await packageJson(a.db)) as ReviewPackage;
    const newer = JSON.stringify({ ...pkg, version: 2 });
    await expect(importReviewPackage(b, newer)).rejects.toThrow(/较新版本.*格式版本 2.*请先升级/);
    await expect(importReviewPackage(b, newer)).rejects.toBeInstanceOf(ReviewPackageError);
    expect(await b.annotations.count()).toBe(0);
  });

  it('refuses a package whose snapshot text does not match its hash', async () => {
    const a = await reviewerA();
    const b = freshDb();
    const pkg = JSON.parse(await packageJson(a.db)) as ReviewPackage;
    pkg.snapshots[0].text = pkg.snapshots[0].text.replace('卫生站', '卫生院');
    await expect(importReviewPackage(b, JSON.stringify(pkg))).rejects.toThrow(/校验值不符.*未导入任何内容/s);
    expect(await everything(b)).toEqual({ annotations: [], overrides: [], snapshots: [], notices: [] });
  });

  it('refuses a package whose annotation refers to a version it does not carry', async () => {
    const a = await reviewerA();
    const pkg = JSON.parse(await packageJson(a.db)) as ReviewPackage;
    const b = freshDb();
    await expect(importReviewPackage(b, JSON.stringify({ ...pkg, snapshots: [] }))).rejects.toThrow(/审阅包不完整.*其他卫生站均已开诊/s);
    expect(await b.annotations.count()).toBe(0);
  });

  it('refuses other files and malformed packages', async () => {
    const b = freshDb();
    await expect(importReviewPackage(b, '{"format":"rectify-lens-backup"}')).rejects.toThrow(/不是 Rectify Lens 审阅包/);
    await expect(importReviewPackage(b, '{"format":"rectify-lens-review-package"')).rejects.toThrow(/不是有效的 JSON/);
    await expect(importReviewPackage(b, JSON.stringify({ format: 'rectify-lens-review-package', version: 1 }))).rejects.toThrow(/不符合格式/);
  });
});

describe('planMerge (pure)', () => {
  const base: Annotation = annotationSchema.parse({
    id: 'n1', noticeKey: 'k', snapshotHash: 'h', url: '', note: 'v1', tags: [], severity: 'low',
    quote: { type: 'TextQuoteSelector', exact: '甲', prefix: '', suffix: '' },
    position: { type: 'TextPositionSelector', start: 0, end: 1 },
    version: 1, createdAt: '2025-01-01', updatedAt: '2025-01-01', anchorState: 'anchored', deletedAt: null,
  });
  const edit = (a: Annotation, note: string, at: string): Annotation => ({ ...a, note, version: (a.version ?? 1) + 1, updatedAt: at, history: [...(a.history ?? []), editMarkOf(a)] });
  const pkgOf = (annotations: Annotation[]): ReviewPackage => ({
    format: 'rectify-lens-review-package', version: 1, exportedAt: 'x', exportedBy: null, notices: [], snapshots: [], annotations, overrides: [],
  });
  const local = (annotations: Annotation[]) => ({ annotations, overrides: [], snapshotHashes: new Set<string>(), noticeKeys: new Set<string>() });

  it('leaves a local annotation alone when the package holds an older edit of it', () => {
    const newer = edit(base, 'v2', '2025-02-01');
    const plan = planMerge(pkgOf([base]), local([newer]));
    expect(plan.annotations).toEqual([]);
    expect(plan.summary.annotations.unchanged).toBe(1);
  });

  it('treats records from before edit history as conflicting when they differ (nothing is overwritten)', () => {
    const theirs = { ...base, note: 'other', updatedAt: '2025-03-01' };
    const plan = planMerge(pkgOf([theirs]), local([base]));
    expect(plan.annotations).toEqual([{ ...theirs, id: `n1~${editMarkOf(theirs)}`, conflictOf: 'n1' }]);
    expect(editMarkOf(theirs)).toMatch(/^1@2025-03-01#[0-9a-f]{8}$/);
    expect(editMarkOf(theirs)).not.toBe(editMarkOf({ ...theirs, note: 'other!' }));
  });
});

describe('authorship of edits', () => {
  it('an edit by another reviewer is recorded as modifiedBy; the creator stays', async () => {
    const { db, note } = await reviewerA();
    await setReviewerName(db, '李四');
    const edited = await updateAnnotation(db, note.id, { note: '补充' });
    expect(edited.creator?.name).toBe('张三');
    expect(edited.modifiedBy?.name).toBe('李四');
    expect(authorLabel(edited)).toBe('张三（李四修改）');
    expect(authorLabel(note)).toBe('张三');
    expect(authorLabel({})).toBeNull();
  });
});
