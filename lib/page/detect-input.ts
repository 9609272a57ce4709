/**
 * What the page-side detector reads for lib/detect's one rule (detectNotice): the URL, the title, the first
 * heading and the first BODY_SCAN_CHARS characters of the body text, page chrome (nav/header/footer/aside),
 * scripts and hidden elements left out, blocks separated by '\n' as lib/extract does. Bounded: the walk stops
 * once it has enough text, so a 1 MB page costs what a small one does.
 *
 * Runs in the detector content script on every gov page: it imports only DOM-free lib/detect and the DOM walk
 * helpers of lib/extract/dom (no parser, no zod, no Preact) — keep it that way (test/unit/bundle-budget).
 */
import { BODY_SCAN_CHARS, detectNotice, type DetectInput, type DetectResult } from '@/lib/detect';
import { isBlock, isSkipped, tagOf, walk } from '@/lib/extract/dom';

const CHROME_TAGS = new Set(['nav', 'header', 'footer', 'aside']);

/** The body's visible article-ish text, up to `limit` characters, blocks separated by '\n'. */
export function bodyTextPrefix(doc: Document, limit = BODY_SCAN_CHARS): string {
  const body = doc.body;
  if (!body) return '';
  const parts: string[] = [];
  let length = 0;
  const newline = () => {
    if (parts.length && parts[parts.length - 1] !== '\n') {
      parts.push('\n');
      length++;
    }
  };
  walk(body, {
    enter: (el) => {
      if (length >= limit || isSkipped(el) || CHROME_TAGS.has(tagOf(el))) return false;
      if (isBlock(el)) newline();
      return true;
    },
    exit: (el) => {
      if (isBlock(el)) newline();
    },
    text: (node) => {
      if (length >= limit) return;
      const text = node.data.replace(/\s+/g, ' ');
      if (text === ' ' || text === '') return;
      parts.push(text);
      length += text.length;
    },
  });
  return parts.join('').slice(0, limit);
}

/** The first heading outside page chrome (the notice's title on most CMS pages), or null. */
export function firstHeading(doc: Document): string | null {
  for (const h of Array.from(doc.querySelectorAll('h1'))) {
    if (h.closest('nav,header,footer,aside') || isSkipped(h)) continue;
    const text = (h.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (text.length >= 4) return text;
  }
  return null;
}

export function readDetectInput(doc: Document, userSites: string[] = [], url = doc.location.href): DetectInput {
  return { url, title: doc.title || null, h1: firstHeading(doc), bodyText: bodyTextPrefix(doc), userSites };
}

/** detectNotice over what the detector reads of `doc` (at `url`: the document's own unless given). */
export function detectPage(doc: Document, userSites: string[] = [], url = doc.location.href): DetectResult {
  return detectNotice(readDetectInput(doc, userSites, url));
}
