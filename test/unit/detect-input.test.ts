// @vitest-environment happy-dom
/** The detector's reading of a page (lib/page/detect-input) against the analyzer's, on every fixture site. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { BODY_SCAN_CHARS, detectNotice } from '@/lib/detect';
import { extractText, extractTitle, findArticleRoot } from '@/lib/extract';
import { bodyTextPrefix, detectPage, firstHeading } from '@/lib/page/detect-input';
import { SITES_DIR } from '@/scripts/lib/fixture-seeds';
import { bigNoticePage, type ManifestEntry } from '@/scripts/lib/fixture-pages';

const manifest: ManifestEntry[] = JSON.parse(readFileSync(path.join(SITES_DIR, 'index.json'), 'utf8'));
const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');
const pageOf = (entry: ManifestEntry) => parse(entry.generated ? bigNoticePage() : readFileSync(path.join(SITES_DIR, entry.file), 'utf8'));
const urlOf = (entry: ManifestEntry) => `http://${entry.host}${entry.path}`;

/** What the analyzer (lib/page/controller) decides: the extracted article text and the extracted title. */
function analyzerVerdict(doc: Document, url: string): boolean {
  return detectNotice({ url, title: doc.title || null, h1: extractTitle(doc), bodyText: extractText(findArticleRoot(doc)).text }).isNotice;
}

describe('the detector reads enough of a page for the one detection rule', () => {
  for (const entry of manifest.filter((m) => m.file !== 'late-content.html')) {
    it(`${entry.file}: ${entry.isNotice ? 'a likely notice' : 'not a notice'}, as the analyzer decides`, () => {
      const doc = pageOf(entry);
      const verdict = detectPage(doc, [], urlOf(entry));
      expect(verdict.isNotice).toBe(entry.isNotice);
      expect(verdict.isNotice).toBe(analyzerVerdict(doc, urlOf(entry)));
    });
  }

  it('late-content.html: the title already says notice before the article arrives', () => {
    const entry = manifest.find((m) => m.file === 'late-content.html')!;
    expect(detectPage(pageOf(entry), [], urlOf(entry)).isNotice).toBe(true);
  });

  it('reads at most BODY_SCAN_CHARS of a 1 MB page, and no script, style or page chrome', () => {
    const big = parse(bigNoticePage());
    const text = bodyTextPrefix(big);
    expect(text.length).toBe(BODY_SCAN_CHARS);
    const doc = parse('<html><head><title>t</title><style>.a{}</style></head><body><nav>首页 信息公开</nav><script>var 脚本 = 1</script>'
      + '<p>第一段</p><div hidden>隐藏</div><p>第二段<br>第三行</p><footer>版权所有</footer></body></html>');
    expect(bodyTextPrefix(doc).split('\n').filter(Boolean)).toEqual(['第一段', '第二段', '第三行']);
  });

  it('takes the first heading outside page chrome', () => {
    const doc = parse('<body><header><h1>网站名称</h1></header><h1> 关于巡察整改进展情况的通报 </h1></body>');
    expect(firstHeading(doc)).toBe('关于巡察整改进展情况的通报');
  });

  it('a remembered site counts as the user asked (same rule as the analyzer)', () => {
    const doc = parse('<html><head><title>关于巡察整改进展情况的通报</title></head><body><p>正文</p></body></html>');
    expect(detectPage(doc, [], 'http://www.example.com/a.html').isNotice).toBe(false);
    expect(detectPage(doc, ['example.com'], 'http://www.example.com/a.html').isNotice).toBe(true);
  });
});
