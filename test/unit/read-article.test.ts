// @vitest-environment happy-dom
/** lib/page/read-article: the analyzer's first step — the article, its title and the detector's verdict on it. */
import { describe, expect, it } from 'vitest';
import { readArticle } from '@/lib/page/read-article';

function page(body: string): Document {
  document.title = '关于巡察整改进展情况的通报_某某镇人民政府';
  document.body.innerHTML = body;
  return document;
}

const NOTICE = `<nav>首页 | 政务公开</nav>
  <h1>中共某某镇委员会关于巡察整改进展情况的通报</h1>
  <div id="zoom"><p>根据区委统一部署，区委第三巡察组对我镇开展了巡察，现将整改进展情况予以公布。</p>
  <p>一、整改落实情况</p><p>（一）问题一：议事规则执行不严。已完成整改。</p><p>（二）问题二：台账不规范。正在整改，2025年12月底前完成。</p></div>`;

describe('readArticle', () => {
  it('reads the article root\'s text, the page\'s heading as title, and detects a notice in it', () => {
    const read = readArticle(page(NOTICE), 3_000_000, []);
    expect(read.root.id).toBe('zoom');
    expect(read.extracted.text.startsWith('根据区委统一部署')).toBe(true);
    expect(read.extracted.text).not.toContain('政务公开');
    expect(read.title).toBe('中共某某镇委员会关于巡察整改进展情况的通报');
    expect(read.detect.isNotice).toBe(true);
    expect(read.timings.textChars).toBe(read.extracted.text.length);
  });

  it('gives the detector at most maxChars of the text', () => {
    const whole = readArticle(page(NOTICE), 3_000_000, []);
    const cut = readArticle(page(NOTICE), 10, []);
    expect(cut.extracted.text).toBe(whole.extracted.text);
    expect(cut.detect.score).toBeLessThan(whole.detect.score);
  });
});
