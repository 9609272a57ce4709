// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { BODY_SCAN_CHARS, detectNotice, isDisciplineHost, isGovHost, matchesUserSite } from '@/lib/detect';
import { extractText, extractTitle, findArticleRoot } from '@/lib/extract';
import { SEED_BODIES, SITES_DIR, seedBodyText } from '@/test/fixtures/sites/seeds';
import type { ManifestEntry } from '@/test/fixtures/sites/pages';

const manifest: ManifestEntry[] = JSON.parse(readFileSync(path.join(SITES_DIR, 'index.json'), 'utf8'));

function detectPage(entry: ManifestEntry, userSites?: string[]) {
  const doc = new DOMParser().parseFromString(readFileSync(path.join(SITES_DIR, entry.file), 'utf8'), 'text/html');
  const h1 = doc.querySelector('h1');
  return detectNotice({
    url: `http://${entry.host}${entry.path}`,
    title: extractTitle(doc),
    h1: h1 ? extractText(h1).text : null,
    bodyText: extractText(findArticleRoot(doc)).text,
    userSites,
  });
}

describe('detectNotice on the fixture sites', () => {
  const pages = manifest.filter((m) => !m.generated && m.file !== 'late-content.html');
  for (const entry of pages) {
    it(`${entry.file} → ${entry.isNotice ? 'notice' : 'not a notice'}`, () => {
      const r = detectPage(entry);
      expect(r.isNotice).toBe(entry.isNotice);
      if (entry.isNotice) {
        expect(r.reasons.map((x) => x.signal)).toEqual(expect.arrayContaining(['feedback_sentence', 'publish_formula']));
        expect(r.reasons.some((x) => x.signal === 'h1_notice' || x.signal === 'title_notice')).toBe(true);
      }
      expect(r.score).toBe(r.reasons.reduce((s, x) => s + x.weight, 0));
      for (const reason of r.reasons) expect(reason.detail).toMatch(/[\u4e00-\u9fff]/);
    });
  }

  it('news-gov only earns the gov.cn signal, the blog none', () => {
    const news = detectPage(manifest.find((m) => m.file === 'news-gov.html')!);
    expect(news.reasons.map((r) => r.signal)).toEqual(['gov_host']);
    expect(detectPage(manifest.find((m) => m.file === 'non-gov.html')!).reasons).toEqual([]);
  });

  it('the user site list adds a reason but does not make a blog a notice', () => {
    const r = detectPage(manifest.find((m) => m.file === 'non-gov.html')!, ['example.com']);
    expect(r.reasons).toEqual([expect.objectContaining({ signal: 'user_site', detail: expect.stringContaining('example.com') })]);
    expect(r.isNotice).toBe(false);
  });
});

describe('detectNotice on the bare seed texts (no site, no title)', () => {
  for (const key of Object.keys(SEED_BODIES)) {
    it(`${SEED_BODIES[key].seed} is recognised from its body alone`, () => {
      const r = detectNotice({ url: 'file:///notice.txt', title: null, h1: null, bodyText: seedBodyText(key) });
      expect(r.isNotice).toBe(true);
      expect(r.reasons.find((x) => x.signal === 'feedback_sentence')!.detail).toMatch(/反馈(了)?(巡视|巡察)意见/);
    });
  }
  it('counts the 花山镇 “针对…问题” items and finds no status tags there, but finds them in 麻章镇', () => {
    const huashan = detectNotice({ url: '', title: null, h1: null, bodyText: seedBodyText('huashan') });
    expect(huashan.reasons.find((r) => r.signal === 'targeted_items')!.detail).toContain('针对“历史约定不合理”问题');
    expect(huashan.reasons.some((r) => r.signal === 'status_tags')).toBe(false);
    const mazhang = detectNotice({ url: '', title: null, h1: null, bodyText: seedBodyText('mazhang') });
    expect(mazhang.reasons.find((r) => r.signal === 'status_tags')!.detail).toMatch(/【(已完成整改|正在整改)/);
  });
});

describe('detectNotice edge cases', () => {
  it('a title alone is not enough without body formulas', () => {
    const r = detectNotice({ url: 'http://www.example.com/', title: '关于巡察整改进展情况的通报', h1: null, bodyText: '暂无内容' });
    expect(r.score).toBe(4);
    expect(r.isNotice).toBe(false);
  });
  it('scans only the first BODY_SCAN_CHARS characters of a huge body, quickly', () => {
    const filler = '这是一段与巡察无关的文字，'.repeat(Math.ceil((BODY_SCAN_CHARS + 10) / 13));
    const body = filler + seedBodyText('huashan').repeat(200); // ~5 MB
    const t0 = performance.now();
    const r = detectNotice({ url: 'http://www.example.com/', title: null, h1: null, bodyText: body });
    expect(performance.now() - t0).toBeLessThan(500);
    expect(r.reasons).toEqual([]);
  });
  it('no catastrophic backtracking on long runs without sentence ends', () => {
    const t0 = performance.now();
    detectNotice({ url: 'x', title: '巡察'.repeat(5000), h1: '巡视整改'.repeat(5000), bodyText: '针对现将'.repeat(50_000) });
    expect(performance.now() - t0).toBeLessThan(500);
  });
});

describe('host checks', () => {
  it('isGovHost: only hosts under gov.cn', () => {
    expect(isGovHost('http://www.huadu.gov.cn/a.html')).toBe(true);
    expect(isGovHost('https://www.gdjct.gd.gov.cn:8443/x')).toBe(true);
    expect(isGovHost('http://gov.cn.example.com/')).toBe(false);
    expect(isGovHost('http://notgov.cn/')).toBe(false);
    expect(isGovHost('not a url')).toBe(false);
  });
  it('isDisciplineHost: 纪检监察 site names', () => {
    expect(isDisciplineHost('http://www.ccdi.gov.cn/')).toBe(true);
    expect(isDisciplineHost('http://www.gdjct.gd.gov.cn/')).toBe(true);
    expect(isDisciplineHost('http://jw.beijing.gov.cn/')).toBe(true);
    expect(isDisciplineHost('http://qingfeng.example.cn/')).toBe(true);
    expect(isDisciplineHost('http://www.huadu.gov.cn/')).toBe(false);
    expect(isDisciplineHost('http://www.jwt.io/')).toBe(false);
  });
  it('matchesUserSite: host or subdomain, bare host or URL entries', () => {
    expect(matchesUserSite('http://www.example.com/p', ['example.com'])).toBe('example.com');
    expect(matchesUserSite('http://www.example.com/p', [' https://www.example.com/list '])).toBe('https://www.example.com/list');
    expect(matchesUserSite('http://badexample.com/', ['example.com'])).toBeNull();
    expect(matchesUserSite('http://www.example.com/', ['', '  '])).toBeNull();
  });
});
