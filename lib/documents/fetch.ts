/**
 * Fetching a document the user asked for ("分析附件", "分析此文件"), with the rules that keep it safe:
 * only http/https, only the page's own origin (an attachment), redirects are never followed,
 * and the body is read with a size cap. Errors carry zh-CN messages.
 */
import { DOCUMENT_LIMITS } from './problems';

export class FetchDocumentError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FetchDocumentError';
  }
}

export interface FetchedDocument {
  bytes: Uint8Array;
  /** a file name for messages: Content-Disposition's, else the URL's last path segment */
  name: string;
  /** the final URL (after same-origin redirects) */
  url: string;
}

function parseHttpUrl(url: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new FetchDocumentError(`无效的地址：${url}`);
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw new FetchDocumentError(`只能读取 http/https 地址的文件，收到 ${parsed.protocol}`);
  return parsed;
}

/** Throws unless `url` is http(s) and, when `pageUrl` is given, on the same origin as the page. */
export function checkDocumentUrl(url: string, pageUrl?: string): URL {
  const target = parseHttpUrl(url);
  if (pageUrl !== undefined && target.origin !== parseHttpUrl(pageUrl).origin) {
    throw new FetchDocumentError(`附件不在本网站（${target.host}），为安全起见只读取与页面同一网站的附件。`);
  }
  return target;
}

export function fileNameOf(url: URL, contentDisposition: string | null): string {
  const star = contentDisposition?.match(/filename\*\s*=\s*(?:UTF-8'[^']*')?([^;]+)/i);
  const plain = contentDisposition?.match(/filename\s*=\s*"?([^";]+)"?/i);
  const raw = star?.[1] ?? plain?.[1] ?? url.pathname.split('/').filter(Boolean).pop() ?? url.host;
  try {
    return decodeURIComponent(raw.trim());
  } catch {
    return raw.trim();
  }
}

async function readCapped(res: Response, name: string): Promise<Uint8Array> {
  const declared = Number(res.headers.get('content-length'));
  const tooLarge = () => new FetchDocumentError(`“${name}”超过 ${DOCUMENT_LIMITS.maxBytes / 1024 / 1024} MB，未下载。`);
  if (declared > DOCUMENT_LIMITS.maxBytes) throw tooLarge();
  if (!res.body) return new Uint8Array(await res.arrayBuffer());
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > DOCUMENT_LIMITS.maxBytes) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.byteLength;
  }
  return bytes;
}

/** Downloads a document under the rules above. `fetchImpl` is injectable for tests. */
export async function fetchDocument(url: string, opts: { pageUrl?: string; fetchImpl?: typeof fetch } = {}): Promise<FetchedDocument> {
  const target = checkDocumentUrl(url, opts.pageUrl);
  let res: Response;
  try {
    // redirects are not followed: a redirect's target could be any host, and the request would already be sent
    // before its origin could be checked (the network canary caught exactly that)
    res = await (opts.fetchImpl ?? fetch)(target.href, { credentials: 'omit', redirect: 'error', cache: 'no-store' });
  } catch (err) {
    throw new FetchDocumentError(
      `无法下载 ${target.href}：${err instanceof Error ? err.message : String(err)}。若该地址会跳转到别处，助手不会跟随跳转；请在浏览器中打开附件后，在侧边栏点“分析此文件”。`,
    );
  }
  // a redirect may not leave the origin we checked
  if (res.url && new URL(res.url).origin !== target.origin) throw new FetchDocumentError(`下载被转到其他网站（${new URL(res.url).host}），已停止。`);
  if (!res.ok) throw new FetchDocumentError(`无法下载 ${target.href}：服务器返回 ${res.status}`);
  const name = fileNameOf(new URL(res.url || target.href), res.headers.get('content-disposition'));
  return { bytes: await readCapped(res, name), name, url: res.url || target.href };
}
