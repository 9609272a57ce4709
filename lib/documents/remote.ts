/**
 * "分析附件" / "分析此文件", filing half (background): a read document (lib/documents/remote-read) is
 * detected and saved to the library like a visited page. A document the detector doubts is not saved
 * unless the user confirms (`force`).
 */
import { detectNotice } from '@/lib/detect';
import { saveNoticeVisit, type RectifyDB } from '@/lib/db';
import type { DocumentAnalysis, RemoteDocumentRead } from '@/lib/schema';

export async function fileRemoteDocument(db: RectifyDB, read: RemoteDocumentRead, force: boolean): Promise<DocumentAnalysis> {
  const detection = detectNotice({ url: read.url, title: read.notice.meta.title, h1: null, bodyText: read.text });
  const base = { url: read.url, fileName: read.fileName, title: read.notice.meta.title, items: read.notice.items.length, score: detection.score };
  if (!detection.isNotice && !force) return { ...base, saved: false, noticeKey: null };
  const saved = await saveNoticeVisit(db, { url: read.url, text: read.text, model: read.notice, context: read.context });
  return { ...base, saved: true, noticeKey: saved.notice.key };
}
