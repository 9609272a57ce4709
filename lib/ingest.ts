/**
 * One way in for notice text from anywhere that is not a live page: pasted text, a .txt/.html/.json
 * file (side panel), files on disk (CLI), .docx/.pdf documents (lib/documents). HTML goes through the same lib/extract code as the content script.
 */
import { extractChromeText, extractText, extractTitle, findArticleRoot } from '@/lib/extract';
import { parseNormalized, parseNotice } from '@/lib/parse';
import { notice as noticeSchema, type Notice, type ParseContext } from '@/lib/schema';
import { DocumentError, readDocument, type DocumentKind } from '@/lib/documents';

export interface IngestedNotice {
  /** The normalized text all offsets refer to. */
  text: string;
  notice: Notice;
  /** What the parser read besides the text; the library stores it to parse the text again. Unknown for analysis JSON. */
  context?: ParseContext;
}

export type { ParseContext };

const NO_CONTEXT: ParseContext = { chromeText: '', pageTitle: null };

function parseOptions(context: ParseContext, opts: { today?: string }) {
  return { ...opts, chromeText: context.chromeText || undefined, pageTitle: context.pageTitle };
}

export function ingestText(raw: string, opts: { today?: string } = {}): IngestedNotice {
  const { text, notice } = parseNotice(raw, parseOptions(NO_CONTEXT, opts));
  return { text, notice, context: NO_CONTEXT };
}

/**
 * A stored snapshot's source parsed again by the current parser: `text` is already normalized (as every
 * ingest path stores it), so the offsets of the new model refer to the stored text unchanged.
 */
export function ingestStored(text: string, context: ParseContext, opts: { today?: string } = {}): Notice {
  return parseNormalized(text, parseOptions(context, opts));
}

/** What the parser needs from an HTML document: the article text, the chrome lines and the page title. */
export interface DocumentSource {
  text: string;
  chromeText: string;
  pageTitle: string | null;
}

export function documentSource(doc: Document): DocumentSource {
  const root = findArticleRoot(doc);
  return { text: extractText(root).text, chromeText: extractChromeText(doc, root), pageTitle: extractTitle(doc) };
}

export function ingestDocument(doc: Document, opts: { today?: string } = {}): IngestedNotice {
  const { text: raw, ...context } = documentSource(doc);
  const { text, notice } = parseNotice(raw, parseOptions(context, opts));
  return { text, notice, context };
}

export type FileKind = 'txt' | 'html' | 'json';

export function fileKindOf(name: string): FileKind | null {
  const ext = name.toLowerCase().split('.').pop() ?? '';
  if (ext === 'txt' || ext === 'text' || ext === 'md') return 'txt';
  if (ext === 'html' || ext === 'htm' || ext === 'shtml') return 'html';
  if (ext === 'json') return 'json';
  return null;
}

/** A JSON file holding an analyzed notice: the CLI's --json output or a review export. */
export function ingestJson(json: string): IngestedNotice {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (e) {
    throw new Error(`JSON 无法解析：${e instanceof Error ? e.message : String(e)}`);
  }
  const candidate = data as { notice?: unknown; text?: unknown };
  const parsed = noticeSchema.safeParse(candidate.notice ?? data);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new Error(`不是有效的通报分析文件：${first.path.join('.') || '(根)'} ${first.message}`);
  }
  return { text: typeof candidate.text === 'string' ? candidate.text : '', notice: parsed.data };
}

/** Turns an HTML string into a Document: DOMParser in extension pages, linkedom in Node and the service worker. */
export type HtmlParser = (html: string) => Document;

/**
 * A document file's bytes (.txt/.html/.json/.docx/.pdf; the kind is sniffed from the content) → a
 * parsed notice. Throws a DocumentError with a zh-CN message for anything that cannot be read
 * (empty, binary junk, .doc, encrypted or scanned PDF, image-only .docx, too many pages).
 */
export async function ingestFileBytes(bytes: Uint8Array, name: string, parseHtml: HtmlParser, opts: { today?: string } = {}): Promise<IngestedNotice & { from: DocumentKind }> {
  const content = await readDocument(bytes, name);
  const got =
    content.kind === 'json' ? ingestJson(content.json)
    : content.kind === 'html' ? ingestDocument(parseHtml(content.html), opts)
    : ingestText(content.text, opts);
  if (content.kind !== 'json' && !got.text.trim()) throw new DocumentError('empty', name);
  return { ...got, from: content.from };
}
