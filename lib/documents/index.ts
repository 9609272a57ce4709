/**
 * Reads a document file of any supported kind into what the ingest layer parses: HTML (web pages,
 * .docx through mammoth), plain text (.txt, pasted text, .pdf text layer) or an analysis JSON.
 * The kind comes from the bytes (magic numbers) first, the file name second.
 */
import { DOCUMENT_LIMITS, DocumentError } from './problems';
import { decodeText, sniffBinaryKind, textKind, type DocumentKind } from './sniff';

export { DocumentError, DOCUMENT_LIMITS, type DocumentProblem } from './problems';
export { extensionOf, type DocumentKind } from './sniff';

export type DocumentContent =
  | { kind: 'html'; from: DocumentKind; html: string }
  | { kind: 'txt'; from: DocumentKind; text: string }
  | { kind: 'json'; from: DocumentKind; json: string };

/** File extensions offered in file pickers and walked by the CLI. */
export const DOCUMENT_EXTENSIONS = ['txt', 'text', 'md', 'html', 'htm', 'shtml', 'json', 'docx', 'pdf', 'doc'] as const;

export async function readDocument(bytes: Uint8Array, name: string): Promise<DocumentContent> {
  if (bytes.length > DOCUMENT_LIMITS.maxBytes) throw new DocumentError('too_large', name);
  const binary = sniffBinaryKind(bytes, name);
  if (binary === 'doc') throw new DocumentError('doc_legacy', name);
  if (binary === 'docx') {
    const { docxToHtml } = await import('./docx');
    const html = await docxToHtml(bytes, name);
    // markup roughly doubles the text: a Word file far past the text cap is not a notice
    if (html.length > DOCUMENT_LIMITS.maxChars * 3) throw new DocumentError('too_much_text', name, String(Math.round(html.length / 2)));
    return { kind: 'html', from: 'docx', html };
  }
  if (binary === 'pdf') {
    const { pdfToText } = await import('./pdf');
    return { kind: 'txt', from: 'pdf', text: (await pdfToText(bytes, name)).text };
  }
  const text = decodeText(bytes, name);
  if (text.length > DOCUMENT_LIMITS.maxChars * 3) throw new DocumentError('too_much_text', name, String(text.length));
  const kind = textKind(text, name);
  if (kind === 'html') return { kind, from: 'html', html: text };
  if (kind === 'json') return { kind, from: 'json', json: text };
  return { kind, from: 'txt', text };
}
