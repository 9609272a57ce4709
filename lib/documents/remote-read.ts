/**
 * "分析附件" / "分析此文件", reading half: download a Word/PDF notice (lib/documents/fetch rules) and parse
 * it with the same code as "add by file". Runs where a DOM is: Chrome's offscreen document, Firefox's
 * background page (lib/background-documents.ts).
 */
import { ingestFileBytes, type HtmlParser } from '@/lib/ingest';
import type { RemoteDocumentRead } from '@/lib/schema';
import { fetchDocument } from './fetch';

export async function readRemoteDocument(req: { url: string; pageUrl?: string; today?: string }, parseHtml: HtmlParser): Promise<RemoteDocumentRead> {
  const fetched = await fetchDocument(req.url, { pageUrl: req.pageUrl });
  const got = await ingestFileBytes(fetched.bytes, fetched.name, parseHtml, { today: req.today || undefined });
  return { url: fetched.url, fileName: fetched.name, text: got.text, notice: got.notice, context: got.context };
}
