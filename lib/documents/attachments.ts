/**
 * Attachment links on a notice page (`附件：…通报.pdf`): same-origin http(s) links to .pdf/.docx/.doc
 * files, found by the link's path or its text. DOM in, plain data out; runs in the content script.
 */
const DOC_EXT = /\.(pdf|docx|doc)$/i;

export interface AttachmentLink {
  url: string;
  /** what the page calls it: the link text, else the file name */
  label: string;
  ext: 'pdf' | 'docx' | 'doc';
}

function extOf(s: string): AttachmentLink['ext'] | null {
  const m = s.trim().match(DOC_EXT);
  return m ? (m[1].toLowerCase() as AttachmentLink['ext']) : null;
}

/** Up to `max` distinct attachment links of `doc`, in page order. */
export function findAttachmentLinks(doc: Document, pageUrl: string, max = 5): AttachmentLink[] {
  let origin: string;
  try {
    origin = new URL(pageUrl).origin;
  } catch {
    return [];
  }
  const seen = new Set<string>();
  const out: AttachmentLink[] = [];
  for (const a of Array.from(doc.querySelectorAll('a[href]'))) {
    let url: URL;
    try {
      url = new URL(a.getAttribute('href') ?? '', pageUrl);
    } catch {
      continue;
    }
    if (url.origin !== origin || (url.protocol !== 'https:' && url.protocol !== 'http:')) continue;
    const text = (a.textContent ?? '').replace(/\s+/g, ' ').trim();
    const ext = extOf(decodeURIComponentSafe(url.pathname)) ?? extOf(text);
    if (!ext) continue;
    url.hash = '';
    if (seen.has(url.href)) continue;
    seen.add(url.href);
    out.push({ url: url.href, label: text || decodeURIComponentSafe(url.pathname.split('/').pop() ?? url.href), ext });
    if (out.length >= max) break;
  }
  return out;
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
