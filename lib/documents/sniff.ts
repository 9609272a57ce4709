/**
 * What kind of file the bytes are, by their content first (magic bytes), the name's extension second:
 * a `.pdf` that is really HTML is read as HTML, a `.docx` that is an old `.doc` gets the `.doc` message.
 */
import { DocumentError } from './problems';

export type DocumentKind = 'pdf' | 'docx' | 'doc' | 'html' | 'txt' | 'json';

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

function startsWith(bytes: Uint8Array, magic: number[], at = 0): boolean {
  return magic.every((b, i) => bytes[at + i] === b);
}

/** `%PDF-` within the first KiB (some generators put junk before the header; readers accept it). */
function hasPdfHeader(bytes: Uint8Array): boolean {
  const end = Math.min(bytes.length - 5, 1024);
  for (let i = 0; i <= end; i++) {
    if (bytes[i] === 0x25 && bytes[i + 1] === 0x50 && bytes[i + 2] === 0x44 && bytes[i + 3] === 0x46 && bytes[i + 4] === 0x2d) return true;
  }
  return false;
}

/** A zip holding `word/…` parts is a Word document (part names are stored uncompressed in the zip headers). */
function isWordZip(bytes: Uint8Array): boolean {
  return latin1(bytes, Math.min(bytes.length, 4 * 1024 * 1024)).includes('word/');
}

function latin1(bytes: Uint8Array, n: number): string {
  let s = '';
  const CHUNK = 8192;
  for (let i = 0; i < n; i += CHUNK) s += String.fromCharCode(...bytes.subarray(i, Math.min(n, i + CHUNK)));
  return s;
}

export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot + 1).toLowerCase();
}

/** Binary kinds by magic bytes; null when the bytes look like text. Throws for empty input. */
export function sniffBinaryKind(bytes: Uint8Array, name: string): 'pdf' | 'docx' | 'doc' | null {
  if (bytes.length === 0) throw new DocumentError('empty', name);
  if (startsWith(bytes, OLE_MAGIC)) return 'doc';
  if (startsWith(bytes, ZIP_MAGIC)) {
    if (isWordZip(bytes)) return 'docx';
    throw new DocumentError('zip_not_docx', name);
  }
  if (hasPdfHeader(bytes)) return 'pdf';
  return null;
}

/**
 * Decodes text bytes: UTF-8 (with or without BOM), UTF-16 with BOM, else GB18030 (older Chinese
 * government sites publish GBK text). Control characters other than tab/newline/form feed mean binary junk.
 */
export function decodeText(bytes: Uint8Array, name: string): string {
  let text: string;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) text = new TextDecoder('utf-16le').decode(bytes.subarray(2));
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) text = new TextDecoder('utf-16be').decode(bytes.subarray(2));
  else {
    try {
      text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    } catch {
      text = new TextDecoder('gb18030').decode(bytes);
    }
  }
  if (looksBinary(text)) throw new DocumentError('binary', name);
  if (!text.trim()) throw new DocumentError('empty', name);
  return text;
}

function looksBinary(text: string): boolean {
  const n = Math.min(text.length, 64 * 1024);
  let bad = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || c === 0xfffd) bad++;
  }
  return bad > Math.max(2, n * 0.01);
}

/** The kind of a text file: JSON and HTML by name or by their first characters, else plain text. */
export function textKind(text: string, name: string): 'html' | 'txt' | 'json' {
  const ext = extensionOf(name);
  const head = text.slice(0, 2048).trimStart().toLowerCase();
  if (ext === 'json' || ((head.startsWith('{') || head.startsWith('[')) && ext !== 'txt')) return 'json';
  if (['html', 'htm', 'shtml', 'xhtml'].includes(ext)) return 'html';
  if (head.startsWith('<!doctype html') || head.startsWith('<html') || /<(body|p|div|table)[\s>]/.test(head)) return 'html';
  return 'txt';
}
