/**
 * The analyzer's first step on a page: the article (lib/extract: its root, its text with the offset map), the
 * title and lib/detect's verdict on the text as read, with the time each took (the controller's timings).
 */
import { detectNotice } from '@/lib/detect';
import { extractText, extractTitle, findArticleRoot, type ExtractedText } from '@/lib/extract';
import type { DetectResult } from '@/lib/schema';

export interface ReadArticle {
  root: Element;
  extracted: ExtractedText;
  title: string | null;
  detect: DetectResult;
  timings: { extract: number; textChars: number; detect: number };
}

/** Reads the page's article; the detector's body text is at most `maxChars` of it. */
export function readArticle(doc: Document, maxChars: number, userSites: string[]): ReadArticle {
  const t0 = performance.now();
  const root = findArticleRoot(doc);
  const extracted = extractText(root);
  const extract = performance.now() - t0;
  const title = extractTitle(doc);
  const detect = detectNotice({
    url: doc.location.href,
    title: doc.title || null,
    h1: title,
    bodyText: extracted.text.slice(0, maxChars),
    userSites,
  });
  return { root, extracted, title, detect, timings: { extract, textChars: extracted.text.length, detect: performance.now() - t0 - extract } };
}
