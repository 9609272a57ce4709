// The whole library as the 整改台账 reads it: every notice with its stored versions and the review made on it.
import type { Annotation, Notice, StatusOverride } from '../schema';
import type { RectifyDB } from './database';
import { listAnnotations, listOverrides } from './annotations';
import { listNotices, listSnapshots } from './notices';

export interface LibraryNoticeReview {
  noticeKey: string;
  /** Stored versions, newest first (models upgraded on read). */
  versions: Array<{ notice: Notice; text: string; url: string }>;
  /** Annotations not deleted, and the reviewer's status decisions. */
  annotations: Annotation[];
  overrides: StatusOverride[];
}

/**
 * Reads the library notice by notice (a large library is read in many small transactions, so the side
 * panel can show progress: `onProgress(done, total)` after each notice).
 */
export async function readLibraryReview(
  db: RectifyDB,
  onProgress?: (done: number, total: number) => void,
): Promise<LibraryNoticeReview[]> {
  const notices = await listNotices(db);
  const out: LibraryNoticeReview[] = [];
  for (const n of notices) {
    const [snapshots, annotations, overrides] = await Promise.all([
      listSnapshots(db, n.key),
      listAnnotations(db, { noticeKey: n.key }),
      listOverrides(db, n.key),
    ]);
    out.push({
      noticeKey: n.key,
      versions: snapshots.map((s) => ({ notice: s.model, text: s.text, url: s.url })),
      annotations,
      overrides,
    });
    onProgress?.(out.length, notices.length);
  }
  return out;
}
