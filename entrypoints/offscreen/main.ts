/**
 * Chrome's offscreen document: reads Word/PDF files for the background ("分析附件", "分析此文件"),
 * so pdf.js and mammoth load here, on demand, and never in the service worker.
 */
import { listen, OFFSCREEN_TYPES } from '@/lib/messaging';
import { offscreenRequest } from '@/lib/schema';
import { readRemoteDocument } from '@/lib/documents/remote-read';

listen(offscreenRequest, OFFSCREEN_TYPES, (req) => readRemoteDocument(req, (html) => new DOMParser().parseFromString(html, 'text/html')), 'offscreen');
