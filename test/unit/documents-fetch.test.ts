/**
 * Safety rules for downloading attachments ("分析附件", "分析此文件") and finding them on a page.
 */
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { checkDocumentUrl, fetchDocument, fileNameOf } from '@/lib/documents/fetch';
import { findAttachmentLinks } from '@/lib/documents/attachments';
import { DOCUMENT_LIMITS } from '@/lib/documents';

const PAGE = 'https://www.zjmazhang.gov.cn/xxgk/2024/09/notice.html';

/** A fetch stand-in: answers with `body`, pretending the final URL was `finalUrl`. */
function fakeFetch(body: Uint8Array | ReadableStream<Uint8Array>, init: { finalUrl?: string; status?: number; headers?: Record<string, string> } = {}) {
  const calls: string[] = [];
  const impl = (async (url: string) => {
    calls.push(url);
    const res = new Response(body as BodyInit, { status: init.status ?? 200, headers: init.headers });
    Object.defineProperty(res, 'url', { value: init.finalUrl ?? url });
    return res;
  }) as unknown as typeof fetch;
  return { impl, calls };
}

describe('downloading a document', () => {
  it('allows only http(s) on the page\'s own origin', () => {
    expect(checkDocumentUrl('https://www.zjmazhang.gov.cn/u/1.pdf', PAGE).href).toBe('https://www.zjmazhang.gov.cn/u/1.pdf');
    expect(() => checkDocumentUrl('https://evil.example.com/1.pdf', PAGE)).toThrow(/只读取与页面同一网站的附件/);
    expect(() => checkDocumentUrl('http://www.zjmazhang.gov.cn/u/1.pdf', PAGE)).toThrow(/同一网站/); // other scheme = other origin
    expect(() => checkDocumentUrl('file:///etc/passwd')).toThrow(/只能读取 http\/https/);
    expect(() => checkDocumentUrl('javascript:alert(1)', PAGE)).toThrow(/只能读取 http\/https/);
    expect(() => checkDocumentUrl('not a url')).toThrow(/无效的地址/);
  });

  it('downloads the bytes and names the file from Content-Disposition or the path', async () => {
    const { impl, calls } = fakeFetch(new Uint8Array([1, 2, 3]), { headers: { 'content-disposition': "attachment; filename*=UTF-8''%E9%80%9A%E6%8A%A5.pdf" } });
    const got = await fetchDocument('https://www.zjmazhang.gov.cn/download?id=7', { pageUrl: PAGE, fetchImpl: impl });
    expect(calls).toEqual(['https://www.zjmazhang.gov.cn/download?id=7']);
    expect([...got.bytes]).toEqual([1, 2, 3]);
    expect(got.name).toBe('通报.pdf');
    expect(fileNameOf(new URL('https://a.gov.cn/f/%E9%99%84%E4%BB%B6.docx'), null)).toBe('附件.docx');
  });

  it('never follows a redirect (its target could be any host), and says what to do instead', async () => {
    let init: RequestInit | undefined;
    const refusing = (async (_url: string, i?: RequestInit) => {
      init = i;
      throw new TypeError('Failed to fetch');
    }) as unknown as typeof fetch;
    await expect(fetchDocument('https://www.zjmazhang.gov.cn/1.pdf', { pageUrl: PAGE, fetchImpl: refusing })).rejects.toThrow(/不会跟随跳转/);
    expect(init?.redirect).toBe('error');
    expect(init?.credentials).toBe('omit');
  });

  it('stops when a redirect leaves the origin or the server fails', async () => {
    const away = fakeFetch(new Uint8Array([1]), { finalUrl: 'https://cdn.example.com/1.pdf' });
    await expect(fetchDocument('https://www.zjmazhang.gov.cn/1.pdf', { pageUrl: PAGE, fetchImpl: away.impl })).rejects.toThrow(/转到其他网站（cdn\.example\.com）/);
    const missing = fakeFetch(new Uint8Array(), { status: 404 });
    await expect(fetchDocument('https://www.zjmazhang.gov.cn/1.pdf', { pageUrl: PAGE, fetchImpl: missing.impl })).rejects.toThrow(/服务器返回 404/);
  });

  it('caps the size: by Content-Length, and while streaming when the length is not declared', async () => {
    const declared = fakeFetch(new Uint8Array(4), { headers: { 'content-length': String(DOCUMENT_LIMITS.maxBytes + 1) } });
    await expect(fetchDocument('https://www.zjmazhang.gov.cn/big.pdf', { fetchImpl: declared.impl })).rejects.toThrow(/超过 20 MB/);
    let sent = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += 1024 * 1024;
        controller.enqueue(new Uint8Array(1024 * 1024));
      },
    });
    const streamed = fakeFetch(endless);
    await expect(fetchDocument('https://www.zjmazhang.gov.cn/big.pdf', { fetchImpl: streamed.impl })).rejects.toThrow(/超过 20 MB/);
    expect(sent).toBeLessThanOrEqual(DOCUMENT_LIMITS.maxBytes + 2 * 1024 * 1024);
  });
});

describe('finding attachment links on a notice page', () => {
  it('keeps same-origin .pdf/.docx/.doc links (by path or link text), once each, in page order', () => {
    const { document } = parseHTML(`<html><body><div class="content">
      <p>附件：</p>
      <p>1.<a href="/u/2024/通报.pdf">巡察整改进展情况通报.pdf</a></p>
      <p>2.<a href="download.jsp?id=9">巡察整改进展情况通报.docx</a></p>
      <p><a href="/u/2024/通报.pdf#page=2">再次链接同一文件</a></p>
      <p><a href="https://other.example.com/x.pdf">外站文件.pdf</a></p>
      <p><a href="/u/picture.jpg">图片</a> <a href="javascript:void(0)">打印.pdf</a> <a href="mailto:a@b.cn">邮箱</a></p>
      <p><a href="/u/old.DOC">旧版本</a></p>
    </div></body></html>`);
    const links = findAttachmentLinks(document as unknown as Document, PAGE);
    expect(links).toEqual([
      { url: 'https://www.zjmazhang.gov.cn/u/2024/%E9%80%9A%E6%8A%A5.pdf', label: '巡察整改进展情况通报.pdf', ext: 'pdf' },
      { url: 'https://www.zjmazhang.gov.cn/xxgk/2024/09/download.jsp?id=9', label: '巡察整改进展情况通报.docx', ext: 'docx' },
      { url: 'https://www.zjmazhang.gov.cn/u/old.DOC', label: '旧版本', ext: 'doc' },
    ]);
  });

  it('outside the notice, keeps only links that name a notice or sit under an 附件 label', () => {
    const { document } = parseHTML(`<html><body>
      <div class="article"><p>正文……</p><p><a href="/u/a.pdf">整改方案</a></p></div>
      <div class="fujian">附件：<a href="/u/b.docx">关于巡察整改进展情况的通报</a></div>
      <div class="side"><a href="/u/c.pdf">反馈意见全文.pdf</a></div>
      <div class="footer"><p>本站 <a href="/guide.pdf">政府信息公开指南.pdf</a> 网站地图 联系我们 版权所有 某某县人民政府办公室 备案号 …</p></div>
    </body></html>`);
    const root = document.querySelector('.article') as unknown as Element;
    const links = findAttachmentLinks(document as unknown as Document, PAGE, { root });
    expect(links.map((l) => l.label)).toEqual(['整改方案', '关于巡察整改进展情况的通报']);
  });
});
