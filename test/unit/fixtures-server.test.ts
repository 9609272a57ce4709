import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import http from 'node:http';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { SITES_DIR, startFixtureServer, type FixtureServer } from '@/scripts/lib/fixture-server';
import { readSeed } from '@/scripts/lib/fixture-seeds';

let srv: FixtureServer;
beforeAll(async () => {
  srv = await startFixtureServer();
});
afterAll(async () => {
  await srv?.close();
});

const local = (p: string) => `http://127.0.0.1:${srv.port}${p}`;

function getWithHost(p: string, host: string): Promise<{ status: number; type: string; body: string }> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port: srv.port, path: p, headers: { host: `${host}:${srv.port}` } }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type']), body }));
      })
      .on('error', reject);
  });
}

describe('fixture server', () => {
  it('listens on a random 127.0.0.1 port and builds URLs from index.json hosts', () => {
    expect(srv.port).toBeGreaterThan(0);
    expect(srv.origin('www.example.com')).toBe(`http://www.example.com:${srv.port}`);
    expect(srv.urlFor('huashan-town.html')).toBe(`http://www.huadu.gov.cn:${srv.port}/huashan-town.html`);
    expect(srv.urlFor('non-gov.html')).toBe(`http://www.example.com:${srv.port}/non-gov.html`);
    expect(() => srv.urlFor('nope.html')).toThrow();
  });

  it('serves a page as UTF-8 HTML whatever the Host header', async () => {
    const res = await getWithHost('/huadu-district.html', 'www.gdjct.gd.gov.cn');
    expect(res.status).toBe(200);
    expect(res.type).toBe('text/html; charset=utf-8');
    expect(res.body).toContain('<meta charset="utf-8">');
    expect(res.body).toContain('中共广州市花都区委关于巡视整改进展情况的通报');
    const viaOtherHost = await getWithHost('/huadu-district.html', 'www.example.com');
    expect(viaOtherHost.body).toBe(res.body);
  });

  it('serves index.json as JSON', async () => {
    const res = await fetch(local('/index.json'));
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect((await res.json()).length).toBe(srv.manifest.length);
  });

  it('answers 404 for unknown paths, sources and traversal attempts', async () => {
    for (const p of ['/missing.html', '/pages.ts', '/../seeds/huashan-town-2025-06-19.txt', '/%2e%2e%2fserver.ts', '/sub/huadu-district.html']) {
      const res = await fetch(local(p));
      expect(res.status, p).toBe(404);
      await res.arrayBuffer();
    }
  });

  it('generates /big-notice.html of about 1 MB, a notice with renumbered items', async () => {
    const res = await fetch(local('/big-notice.html'));
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const body = await res.text();
    const bytes = Buffer.byteLength(body);
    expect(bytes).toBeGreaterThan(900_000);
    expect(bytes).toBeLessThan(1_500_000);
    expect(body).toContain('巡察整改');
    expect(body).toMatch(/<p>2\d\d\.针对/); // item numbers continue past the seeds' own
  });

  it('closes and stops answering', async () => {
    const other = await startFixtureServer();
    const url = `http://127.0.0.1:${other.port}/non-gov.html`;
    expect((await fetch(url)).status).toBe(200);
    await other.close();
    await expect(fetch(url)).rejects.toThrow();
  });
});

describe('fixture pages', () => {
  const htmlFiles = readdirSync(SITES_DIR).filter((f) => f.endsWith('.html'));

  it('every manifest entry exists (or is generated) and every page is in the manifest', () => {
    for (const m of srv.manifest) expect(existsSync(path.join(SITES_DIR, m.file)), m.file).toBe(!m.generated);
    expect(htmlFiles.sort()).toEqual(srv.manifest.filter((m) => !m.generated).map((m) => m.file).sort());
  });

  it('load no external resources and declare UTF-8', () => {
    for (const f of htmlFiles) {
      const html = readFileSync(path.join(SITES_DIR, f), 'utf8');
      expect(html, f).toContain('<meta charset="utf-8">');
      expect(html, f).not.toMatch(/(?:src|href)\s*=\s*["']?(?:https?:)?\/\//i);
      expect(html, f).not.toMatch(/@import|url\(\s*["']?(?:https?:)?\/\//i);
      expect(html, f).toMatch(/<script[\s>]/);
      expect(html, f).toMatch(/<style[\s>]/);
    }
  });

  it('show each seed page with the publish date its seed gives (file name / signature / chrome line)', () => {
    const dateLine: Record<string, string> = {
      'huadu-district-2021-11-22.txt': '日期:2021-11-23', // the 南粤清风网 chrome line, a day after the signature
      'guzhen-town-2025-09-12.txt': '发布日期:2025-09-12',
      'huashan-town-2025-06-19.txt': '2025年6月19日',
      'mazhang-town-2024-09-25.txt': '2024年9月25日',
    };
    for (const m of srv.manifest.filter((e) => e.seed && dateLine[e.seed])) {
      expect(readSeed(m.seed!)).toContain(dateLine[m.seed!]);
      expect(readFileSync(path.join(SITES_DIR, m.file), 'utf8'), m.file).toContain(m.publishDate);
    }
    // 洪梅镇's text gives no publication date at all: the page shows none and the manifest says null.
    const hongmei = srv.manifest.find((m) => m.seed === 'hongmei-town-2023.txt')!;
    expect(hongmei.publishDate).toBeNull();
  });

  it('huashan-changed documents its edits at the top of the file', () => {
    const html = readFileSync(path.join(SITES_DIR, 'huashan-changed.html'), 'utf8');
    expect(html.startsWith('<!--')).toBe(true);
    const comment = html.slice(0, html.indexOf('-->'));
    expect(comment).toContain('removed the whole paragraph');
    const page = html.slice(comment.length);
    expect(page.replace(/<[^>]*>/g, '')).toContain('预计2025年8月底前全部整改完成');
    expect(page).not.toContain('除此之外，花山镇综合行政执法队');
    expect(readFileSync(path.join(SITES_DIR, 'huashan-town.html'), 'utf8')).toContain('除此之外，花山镇综合行政执法队');
  });
});
