/**
 * .docx → HTML with mammoth: headings, paragraphs, lists and tables kept, so the notice then goes
 * through the same lib/extract + parser path as a web page. Images are dropped (a notice is text).
 */
import mammoth from 'mammoth';
import { DocumentError } from './problems';

export async function docxToHtml(bytes: Uint8Array, name: string): Promise<string> {
  const arrayBuffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  let html: string;
  try {
    // Node's mammoth reads `buffer`, its browser build `arrayBuffer`: give both
    const result = await mammoth.convertToHtml({ buffer: bytes, arrayBuffer } as unknown as { arrayBuffer: ArrayBuffer }, { convertImage: mammoth.images.imgElement(async () => ({ src: '' })) });
    html = result.value;
  } catch (err) {
    throw new DocumentError('docx_broken', name, err instanceof Error ? err.message : String(err));
  }
  if (!html.replace(/<[^>]*>/g, '').replace(/&nbsp;|\s/g, '').length) throw new DocumentError('docx_no_text', name);
  return `<!DOCTYPE html><html><head><meta charset="utf-8"></head><body><article>${html}</article></body></html>`;
}
