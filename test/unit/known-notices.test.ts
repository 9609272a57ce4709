import { describe, expect, it } from 'vitest';
import { knownNoticeMatches, MAX_KNOWN_NOTICE_PATTERNS, originPatternOf } from '@/lib/known-notices';

describe('knownNoticeMatches', () => {
  it('gives the page and the page with any query, without port or fragment', () => {
    expect(knownNoticeMatches(['http://www.zs.gov.cn:8123/zwgk/t20250912_1.html#p3'])).toEqual([
      'http://www.zs.gov.cn/zwgk/t20250912_1.html',
      'http://www.zs.gov.cn/zwgk/t20250912_1.html?*',
    ]);
  });

  it('keeps one pair per page when several URLs differ only by query or fragment', () => {
    expect(knownNoticeMatches(['https://a.gov.cn/n/1.html?id=2', 'https://a.gov.cn/n/1.html#top'])).toEqual([
      'https://a.gov.cn/n/1.html',
      'https://a.gov.cn/n/1.html?*',
    ]);
  });

  it('leaves out what is not a web page of its own: other schemes, site roots, Word/PDF files, wildcards, junk', () => {
    expect(
      knownNoticeMatches([
        'chrome-extension://abc/stored.html?hash=1',
        'file:///tmp/notice.html',
        'https://a.gov.cn/',
        'https://a.gov.cn/?page=notice',
        'https://a.gov.cn/files/通报.PDF',
        'https://a.gov.cn/files/notice.docx',
        'https://a.gov.cn/a*b.html',
        'not a url',
      ]),
    ).toEqual([]);
  });

  it('keeps pages without an extension and dynamic pages', () => {
    expect(knownNoticeMatches(['https://a.gov.cn/art/2025/9/12/art_1.html', 'https://b.gov.cn/content.jsp?id=7', 'https://c.gov.cn/news/12345'])).toEqual([
      'https://a.gov.cn/art/2025/9/12/art_1.html',
      'https://a.gov.cn/art/2025/9/12/art_1.html?*',
      'https://b.gov.cn/content.jsp',
      'https://b.gov.cn/content.jsp?*',
      'https://c.gov.cn/news/12345',
      'https://c.gov.cn/news/12345?*',
    ]);
  });

  it('stops at the cap, keeping the first (most recently seen) pages', () => {
    const urls = Array.from({ length: MAX_KNOWN_NOTICE_PATTERNS }, (_, i) => `https://a.gov.cn/n/${i}.html`);
    const patterns = knownNoticeMatches(urls);
    expect(patterns).toHaveLength(MAX_KNOWN_NOTICE_PATTERNS);
    expect(patterns[0]).toBe('https://a.gov.cn/n/0.html');
    expect(patterns.at(-1)).toBe(`https://a.gov.cn/n/${MAX_KNOWN_NOTICE_PATTERNS / 2 - 1}.html?*`);
  });
});

describe('originPatternOf', () => {
  it('is the site pattern whose host access a page pattern needs', () => {
    expect(originPatternOf('https://a.gov.cn/n/1.html?*')).toBe('https://a.gov.cn/*');
    expect(originPatternOf('http://www.example.com/x/y.html')).toBe('http://www.example.com/*');
  });
});
