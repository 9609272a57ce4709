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

/** The link sits in the notice (`root`), names a notice, or follows an `附件` label. */
function belongsToNotice(a: Element, text: string, root: Element | null): boolean {
  if (!root || root.contains(a)) return true;
  if (/附件|通报|整改|巡视|巡察/.test(text)) return true;
  const block = a.parentElement?.textContent ?? '';
  return block.length < 300 && block.includes('附件');
}

/**
 * Up to `max` distinct attachment links of `doc`, in page order. With the notice's article `root`,
 * links elsewhere on the page (a site-wide "信息公开指南.pdf" in the footer) count only when they
 * name a notice or sit under an `附件` label.
 */
export function findAttachmentLinks(doc: Document, pageUrl: string, opts: { max?: number; root?: Element | null } = {}): AttachmentLink[] {
  const max = opts.max ?? 5;
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
    if (!ext || !belongsToNotice(a, text, opts.root ?? null)) continue;
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
