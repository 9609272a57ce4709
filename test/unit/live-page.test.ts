import { describe, expect, it } from 'vitest';
import { charsetOf, checkLivePage } from '@/lib/live-page';

const TITLE = '关于巡察整改进展情况的通报';
const respond = (status: number, body: BodyInit | null, headers: Record<string, string> = {}) =>
  (async () => new Response(body, { status, headers })) as unknown as typeof fetch;

describe('checking whether a saved notice is still online', () => {
  it('online when the page still carries the title (whitespace aside)', async () => {
    expect(await checkLivePage('https://a.gov.cn/x.html', TITLE, respond(200, '<h1>关于巡察整改 进展情况的通报</h1>'))).toEqual({ state: 'online' });
  });
  it('changed when the page answers without the notice', async () => {
    expect(await checkLivePage('https://a.gov.cn/x.html', TITLE, respond(200, '<p>页面不存在或已删除</p>'))).toEqual({ state: 'changed' });
  });
  it('gone on 404 and 410, unreachable on other errors and network failures', async () => {
    expect(await checkLivePage('https://a.gov.cn/x.html', TITLE, respond(404, 'nope'))).toEqual({ state: 'gone', status: 404 });
    expect(await checkLivePage('https://a.gov.cn/x.html', TITLE, respond(410, null))).toEqual({ state: 'gone', status: 410 });
    expect(await checkLivePage('https://a.gov.cn/x.html', TITLE, respond(503, ''))).toEqual({ state: 'unreachable', reason: 'HTTP 503' });
    const failing = (async () => {
      throw new TypeError('Failed to fetch');
    }) as unknown as typeof fetch;
    expect(await checkLivePage('https://a.gov.cn/x.html', TITLE, failing)).toEqual({ state: 'unreachable', reason: 'Failed to fetch' });
  });
  it('never requests a pasted or file notice', async () => {
    const never = (async () => {
      throw new Error('should not be called');
    }) as unknown as typeof fetch;
    expect(await checkLivePage('paste:2026-01-01T00:00:00Z', TITLE, never)).toEqual({ state: 'no_address' });
    expect(await checkLivePage('file:a.docx', TITLE, never)).toEqual({ state: 'no_address' });
  });
  it('reads GBK pages by their declared charset', async () => {
    const gbk = new Uint8Array([0xb9, 0xd8, 0xd3, 0xda]); // 关于 in GBK
    expect(charsetOf('text/html; charset=GBK', gbk)).toBe('gbk');
    expect(charsetOf(null, new TextEncoder().encode('<meta charset="gb2312">'))).toBe('gb2312');
    expect(charsetOf(null, new Uint8Array())).toBe('utf-8');
    expect(await checkLivePage('https://a.gov.cn/x.html', '关于', respond(200, gbk, { 'content-type': 'text/html; charset=gbk' }))).toEqual({ state: 'online' });
  });
});
