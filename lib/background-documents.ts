/**
 * Where the background has Word/PDF files read: Chrome's service worker hands them to an offscreen
 * document (created on demand, closed after use) so pdf.js/mammoth never load in the worker; Firefox's
 * background page has a DOM and reads them itself (that code is only in the Firefox build).
 */
import { browser } from 'wxt/browser';
import { sendToOffscreen } from '@/lib/messaging';
import type { RemoteDocumentRead } from '@/lib/schema';

const OFFSCREEN_PATH = '/offscreen.html';

let queue: Promise<unknown> = Promise.resolve();

/** One read at a time: the offscreen document is created for it and closed afterwards. */
export function readDocumentElsewhere(req: { url: string; pageUrl?: string; today?: string }): Promise<RemoteDocumentRead> {
  const run = queue.then(() => readOnce(req));
  queue = run.catch(() => undefined);
  return run;
}

async function readOnce(req: { url: string; pageUrl?: string; today?: string }): Promise<RemoteDocumentRead> {
  if (import.meta.env.FIREFOX) {
    const { readRemoteDocument } = await import('@/lib/documents/remote-read');
    return readRemoteDocument(req, (html) => new DOMParser().parseFromString(html, 'text/html'));
  }
  if (!(await browser.offscreen.hasDocument())) {
    await browser.offscreen.createDocument({ url: OFFSCREEN_PATH, reasons: ['DOM_PARSER'], justification: '读取用户要求分析的 Word/PDF 通报文件' });
  }
  try {
    return await sendToOffscreen({ type: 'offscreen-read-document', ...req });
  } finally {
    await browser.offscreen.closeDocument().catch(() => undefined);
  }
}
