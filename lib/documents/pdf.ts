/**
 * PDF → text through the pdf.js text layer. The same code runs in Node (CLI, tests) and in the
 * extension (side panel, background): pdf.js's legacy build, with its worker module loaded into the
 * same thread (`globalThis.pdfjsWorker`), so no worker file URL, no remote code and no eval.
 */
import { DOCUMENT_LIMITS, DocumentError } from './problems';
import { dropRunningFurniture, joinWrappedLines, pageLines, type PdfLine, type PdfTextItem } from './pdf-lines';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

let pdfjsPromise: Promise<PdfJs> | null = null;

/** Loads pdf.js once; the worker code runs in this thread (fake worker), which works in Node, pages and service workers. */
function loadPdfJs(): Promise<PdfJs> {
  pdfjsPromise ??= (async () => {
    const g = globalThis as { pdfjsWorker?: unknown };
    g.pdfjsWorker ??= await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
    return import('pdfjs-dist/legacy/build/pdf.mjs');
  })();
  return pdfjsPromise;
}

type Runtime = { id?: string; getURL(path: string): string };
type NodeProcess = { getBuiltinModule?(name: string): unknown };

/**
 * Where pdf.js finds CMaps (needed for PDFs set in non-embedded Chinese fonts such as STSong-Light with
 * UniGB-UCS2-H): the extension's own copy (wxt.config.ts ships the Adobe-GB1 ones), or the package's
 * folder in Node. Never a remote URL.
 */
function cMapUrl(): string | undefined {
  const g = globalThis as { browser?: { runtime?: Runtime }; chrome?: { runtime?: Runtime }; process?: NodeProcess };
  // Node first: unit tests run with a fake `browser` global whose URLs lead nowhere
  const nodeModule = g.process?.getBuiltinModule?.('module') as { createRequire(url: string): { resolve(id: string): string } } | undefined;
  if (nodeModule) return nodeModule.createRequire(import.meta.url).resolve('pdfjs-dist/package.json').replace(/package\.json$/, 'cmaps/');
  const runtime = g.browser?.runtime ?? g.chrome?.runtime;
  return runtime?.id && runtime.getURL ? runtime.getURL('/pdfjs/cmaps/') : undefined;
}

export interface PdfText {
  text: string;
  pages: number;
}

export async function pdfToText(bytes: Uint8Array, name: string): Promise<PdfText> {
  const pdfjs = await loadPdfJs();
  // pdf.js takes ownership of (detaches) the buffer it is given: hand it a copy
  const task = pdfjs.getDocument({ data: bytes.slice(), cMapUrl: cMapUrl(), cMapPacked: true, isEvalSupported: false, disableFontFace: true, useSystemFonts: false, stopAtErrors: false, verbosity: 0 });
  let doc: Awaited<typeof task.promise>;
  try {
    doc = await task.promise;
  } catch (err) {
    await task.destroy().catch(() => undefined);
    const errName = (err as { name?: string } | null)?.name;
    if (errName === 'PasswordException') throw new DocumentError('pdf_password', name);
    throw new DocumentError('pdf_broken', name, err instanceof Error ? err.message : String(err));
  }
  try {
    if (doc.numPages > DOCUMENT_LIMITS.maxPdfPages) throw new DocumentError('pdf_too_many_pages', name, String(doc.numPages));
    const pages: PdfLine[][] = [];
    let chars = 0;
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const content = await page.getTextContent();
      const lines = pageLines(content.items.filter((it): it is PdfTextItem & typeof it => 'str' in it));
      page.cleanup();
      chars += lines.reduce((n, l) => n + l.text.length, 0);
      if (chars > DOCUMENT_LIMITS.maxChars) throw new DocumentError('too_much_text', name, String(chars));
      pages.push(lines);
    }
    const text = joinWrappedLines(dropRunningFurniture(pages).flat());
    // a scanned page has no text layer; a few stray characters (a page number) do not make a text PDF
    if (text.replace(/\s+/g, '').length < Math.max(30, 10 * doc.numPages)) throw new DocumentError('pdf_no_text', name);
    return { text, pages: doc.numPages };
  } finally {
    await doc.destroy().catch(() => undefined);
  }
}
