/**
 * "分析附件" / "分析此文件": the background downloads a Word/PDF notice (lib/documents/fetch rules),
 * parses it with the same code as "add by file" and saves it to the library like a visited page.
 * A document the detector doubts is not saved unless the user confirms (`force`).
 */
import { parseHTML } from 'linkedom';
import { detectNotice } from '@/lib/detect';
import { ingestFileBytes } from '@/lib/ingest';
import { saveNoticeVisit, type RectifyDB } from '@/lib/db';
import type { DocumentAnalysis } from '@/lib/schema';
import { fetchDocument } from './fetch';

const parseHtml = (html: string) => parseHTML(html).document as unknown as Document;

export async function analyzeRemoteDocument(
  db: RectifyDB,
  req: { url: string; pageUrl?: string; force: boolean; today?: string },
): Promise<DocumentAnalysis> {
  const fetched = await fetchDocument(req.url, { pageUrl: req.pageUrl });
  const got = await ingestFileBytes(fetched.bytes, fetched.name, parseHtml, { today: req.today || undefined });
  const detection = detectNotice({ url: fetched.url, title: got.notice.meta.title, h1: null, bodyText: got.text });
  const base = { url: fetched.url, fileName: fetched.name, title: got.notice.meta.title, items: got.notice.items.length, score: detection.score };
  if (!detection.isNotice && !req.force) return { ...base, saved: false, noticeKey: null };
  const saved = await saveNoticeVisit(db, { url: fetched.url, text: got.text, model: got.notice });
  return { ...base, saved: true, noticeKey: saved.notice.key };
}
