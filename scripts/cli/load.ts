/** Loading and analyzing notice files for the CLI: folders walked, every supported kind sniffed from the bytes. */
import { readFile, readdir, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { detectNotice } from '../../lib/detect';
import { DocumentError, extensionOf, readDocument } from '../../lib/documents';
import { parseNotice } from '../../lib/parse/index';
import { notice as noticeSchema, type Comparison, type Notice } from '../../lib/schema';
import { CliError } from './args';

export interface LoadedNotice {
  file: string;
  text: string;
  chromeText?: string;
  pageTitle: string | null;
  /** set when the file is an analysis JSON: used as is, not parsed again */
  notice?: Notice;
}

/** Files a directory walk picks up (a .doc is picked up too, to say why it cannot be read). */
const WALKED_EXTENSIONS = new Set(['txt', 'html', 'htm', 'shtml', 'json', 'docx', 'pdf', 'doc']);

/** The files named on the command line, directories expanded (recursively, sorted) to their notice files. */
export async function expandInputs(paths: string[]): Promise<Array<{ file: string; walked: boolean }>> {
  const out: Array<{ file: string; walked: boolean }> = [];
  const walk = async (dir: string): Promise<void> => {
    const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
    for (const e of entries) {
      if (e.name.startsWith('.')) continue;
      const full = join(dir, e.name);
      if (e.isDirectory()) await walk(full);
      else if (e.isFile() && WALKED_EXTENSIONS.has(extensionOf(e.name))) out.push({ file: full, walked: true });
    }
  };
  for (const p of paths) {
    const isDir = await stat(p).then((st) => st.isDirectory(), () => false);
    if (isDir) await walk(p);
    else out.push({ file: p, walked: false });
  }
  return out;
}

/** Read a notice file of any supported kind (.txt .html .docx .pdf .json; sniffed from the bytes). */
export async function loadNotice(file: string): Promise<LoadedNotice> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(file));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? '文件不存在' : code === 'EISDIR' ? '这是一个目录' : code === 'EACCES' ? '没有读取权限' : String((e as Error).message);
    throw new CliError(`无法读取 ${file}：${why}`, 1);
  }
  let content: Awaited<ReturnType<typeof readDocument>>;
  try {
    content = await readDocument(bytes, basename(file));
  } catch (e) {
    throw new CliError(e instanceof DocumentError ? e.message : `无法读取 ${file}：${(e as Error).message}`, 1);
  }
  if (content.kind === 'html') {
    const { parseHTML } = await import('linkedom');
    const { documentSource } = await import('../../lib/ingest');
    const { document } = parseHTML(content.html);
    return { file, ...documentSource(document as unknown as Document) };
  }
  if (content.kind === 'json') {
    const { ingestJson } = await import('../../lib/ingest');
    try {
      const { text, notice } = ingestJson(content.json);
      return { file, text, pageTitle: notice.meta.title, notice };
    } catch (e) {
      throw new CliError(`${file}：${(e as Error).message}`, 1);
    }
  }
  return { file, text: content.text, pageTitle: null };
}

export interface AnalyzedNotice {
  file: string;
  text: string;
  notice: Notice;
  comparison?: Comparison;
  /** the detector's verdict on the text (null for an analysis JSON, which is not detected again) */
  detection: { isNotice: boolean; score: number } | null;
}

export function analyzeLoaded(loaded: LoadedNotice, opts: { today?: string }): AnalyzedNotice {
  if (loaded.notice) return { file: loaded.file, text: loaded.text, notice: loaded.notice, detection: null };
  const { text, notice } = parseNotice(loaded.text, { today: opts.today, chromeText: loaded.chromeText, pageTitle: loaded.pageTitle });
  const detection = detectNotice({ url: pathToFileURL(loaded.file).href, title: notice.meta.title ?? loaded.pageTitle, h1: null, bodyText: text });
  const checked = noticeSchema.safeParse(notice);
  if (!checked.success) throw new CliError(`${loaded.file}：解析结果未通过模型校验：${checked.error.message}`, 4);
  return { file: loaded.file, text, notice: checked.data, detection: { isNotice: detection.isNotice, score: detection.score } };
}
