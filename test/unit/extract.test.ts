// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import {
  extractChromeText,
  extractText,
  extractTitle,
  findArticleRoot,
  offsetForNodePosition,
  pieceRangesForOffsets,
  rangeForOffsets,
  type ExtractedText,
} from '@/lib/extract';
import path from 'node:path';
import { seedBodyText, readSeed, trimLine, SITES_DIR } from '@/scripts/lib/fixture-seeds';
import { bigNoticePage, HOSTILE, NON_TEXT_MARKERS, type ManifestEntry } from '@/scripts/lib/fixture-pages';

const manifest: ManifestEntry[] = JSON.parse(readFileSync(path.join(SITES_DIR, 'index.json'), 'utf8'));
const html = (file: string) => readFileSync(path.join(SITES_DIR, file), 'utf8');
const parse = (markup: string): Document => new DOMParser().parseFromString(markup, 'text/html');
const page = (file: string) => parse(html(file));
const extractPage = (file: string) => extractText(findArticleRoot(page(file)));
const fragment = (body: string) => extractText(parse(`<!DOCTYPE html><html><body><div id="r">${body}</div></body></html>`).getElementById('r')!);

/** Seed key for the pages whose article is exactly one seed's body. */
const SEED_PAGES: Record<string, string> = {
  'huadu-district.html': 'huadu',
  'guzhen-town.html': 'guzhen',
  'hongmei-town.html': 'hongmei',
  'huashan-town.html': 'huashan',
  'mazhang-town.html': 'mazhang',
};

function expectSegmentsExact(ex: ExtractedText) {
  let prevEnd = 0;
  let covered = 0;
  for (const s of ex.segments) {
    expect(s.start).toBeGreaterThanOrEqual(prevEnd);
    expect(s.end).toBeGreaterThan(s.start);
    expect(ex.text.slice(s.start, s.end)).toBe(s.node.data.slice(s.nodeStart, s.nodeStart + (s.end - s.start)));
    covered += s.end - s.start;
    prevEnd = s.end;
  }
  // Only synthetic separators (line breaks, collapsed whitespace) are left without a node.
  const uncovered = ex.text.length - covered;
  const separators = (ex.text.match(/[\n ]/g) ?? []).length;
  expect(uncovered).toBeLessThanOrEqual(separators);
}

describe('findArticleRoot on the fixture gov sites', () => {
  const expected: Record<string, (el: Element) => boolean> = {
    table: (el) => el.tagName === 'TD' && el.classList.contains('bt_content'),
    spans: (el) => el.classList.contains('article-content'),
    br: (el) => el.id === 'UCAP-CONTENT',
    trs: (el) => el.classList.contains('TRS_Editor'),
    zoom: (el) => el.id === 'zoom',
  };
  for (const [file, key] of Object.entries(SEED_PAGES)) {
    const entry = manifest.find((m) => m.file === file)!;
    it(`${file} (${entry.markup}, seed ${key})`, () => {
      expect(expected[entry.markup](findArticleRoot(page(file)))).toBe(true);
    });
  }
  it('hostile-notice uses <article>, news-gov .pages_content', () => {
    expect(findArticleRoot(page('hostile-notice.html')).tagName).toBe('ARTICLE');
    expect(findArticleRoot(page('news-gov.html')).classList.contains('pages_content')).toBe(true);
  });
  it('falls back to the densest block, not the link menu, when no known container exists', () => {
    const doc = parse(`<body><div id="menu">${'<a href="#">栏目链接很长很长</a>'.repeat(40)}</div>
      <div id="main"><p>${'正文内容。'.repeat(30)}</p><p>${'第二段正文。'.repeat(20)}</p></div></body>`);
    expect(findArticleRoot(doc).id).toBe('main');
  });
});

describe('extractText reproduces each seed notice from its page', () => {
  for (const [file, key] of Object.entries(SEED_PAGES)) {
    it(`${file}: article text equals the seed body, line by line`, () => {
      const ex = extractPage(file);
      expect(ex.text).toBe(seedBodyText(key));
    });
  }

  it('rejoins numbers and dates split by <span>/<strong>/<font> on the spans page', () => {
    const ex = extractPage('huashan-town.html');
    expect(ex.text).toContain('预计2025年7月前整改完成');
    expect(ex.text).toContain('目前，花山镇共梳理出问题合同23宗，经充分协商，目前已完成整改11宗。未整改完成的12宗，其中5宗');
    expect(ex.text).toContain('\n1.针对“历史约定不合理”问题\n');
    expect(ex.text).toContain('2024年3月29日至6月21日');
  });

  it('turns <br> lines into the same lines as <p> (麻章镇)', () => {
    const lines = extractPage('mazhang-town.html').text.split('\n');
    expect(lines[0]).toMatch(/^根据区委统一部署，2023年9月至12月，区委第三巡察组对麻章镇党委进行了巡察。/);
    expect(lines).toContain('一、以政治建设为统领，把巡察整改作为重大政治任务抓紧抓实');
    expect(lines).toContain('（一）坚持政治引领，切实提升整改自觉');
    expect(lines.slice(-2)).toEqual(['中共麻章镇委员会', '2024年9月25日']);
  });

  it('keeps NBSP inside a line but drops it as indentation (古镇镇 "2.\\u00a0深入学习")', () => {
    const seedLine = trimLine(readSeed('guzhen-town-2025-09-12.txt').split('\n')[43]);
    expect(seedLine.startsWith('2.\u00a0深入学习')).toBe(true);
    expect(extractPage('guzhen-town.html').text.split('\n')).toContain(seedLine);
  });

  it('reads no navigation, footer, share bar, script, style or hidden text', () => {
    for (const file of [...Object.keys(SEED_PAGES), 'hostile-notice.html', 'news-gov.html']) {
      const { text } = extractPage(file);
      for (const chrome of ['分享到', 'ICP备', '版权所有', '所在位置', '要闻动态', '打印本页', ...NON_TEXT_MARKERS]) {
        expect(text, `${file} contains ${chrome}`).not.toContain(chrome);
      }
    }
  });

  it('shows hostile strings as text, verbatim, without creating elements', () => {
    const doc = page('hostile-notice.html');
    const root = findArticleRoot(doc);
    const { text } = extractText(root);
    expect(root.querySelectorAll('img, script, style').length).toBe(0);
    expect(text).toContain(`1.针对“${HOSTILE.img}台账不规范”问题`);
    expect(text).toContain(HOSTILE.script);
    expect(text).toContain(`3.针对“${HOSTILE.quotedLabel}”问题`);
    expect(text).toContain(HOSTILE.rtl);
    expect(text).toContain(`正在${HOSTILE.zeroWidth[0]}整改`);
    expect(text.split('\n')).toContain(`核查记录编号：${HOSTILE.longLine}`);
    expect(text).toContain('预计2024年12月前完成');
  });

  it('late-content: once the inline script has built the paragraphs, the article is #zoom with the seed text', () => {
    const doc = page('late-content.html');
    const zoom = doc.getElementById('zoom')!;
    expect(zoom.childNodes.length).toBe(0);
    const data = JSON.parse(doc.getElementById('article-data')!.textContent!) as { paragraphs: string[] };
    for (const text of data.paragraphs) {
      const p = doc.createElement('p');
      p.textContent = text;
      zoom.appendChild(p);
    }
    const root = findArticleRoot(doc);
    expect(root).toBe(zoom);
    expect(extractText(root).text).toBe(seedBodyText('mazhang'));
  });

  it('every segment maps back to its text node exactly, on every page', () => {
    for (const entry of manifest.filter((m) => !m.generated)) expectSegmentsExact(extractPage(entry.file));
  });

  it('gives the same text on linkedom (CLI) as on happy-dom', () => {
    for (const file of [...Object.keys(SEED_PAGES), 'hostile-notice.html']) {
      const { document } = parseHTML(html(file));
      const ex = extractText(findArticleRoot(document as unknown as Document));
      expect(ex.text).toBe(extractPage(file).text);
      expectSegmentsExact(ex);
    }
  });
});

describe('extractText whitespace and block rules', () => {
  it('collapses whitespace inside blocks and trims at block edges', () => {
    expect(fragment('<p>  甲 \n\t 乙  </p>\n\n<p>丙</p>').text).toBe('甲 乙\n丙');
  });
  it('joins inline elements without a separator', () => {
    expect(fragment('<p><span>20</span><span>25年7月</span>前完成，<strong>23</strong>宗<font>已</font><a href="#">完成</a></p>').text).toBe(
      '2025年7月前完成，23宗已完成',
    );
  });
  it('treats br, li, table cells and headings as line boundaries, without empty lines', () => {
    expect(fragment('甲<br><br><br>乙<ul><li>丙</li><li>丁</li></ul><table><tr><td>戊</td><td>己</td></tr></table><h2>庚</h2>').text).toBe(
      '甲\n乙\n丙\n丁\n戊\n己\n庚',
    );
  });
  it('skips script, style, noscript, template, hidden and display:none', () => {
    const ex = fragment(
      '<p>可见</p><script>var a="不可见1"</script><style>p{}</style><noscript>不可见2</noscript><template>不可见3</template>' +
        '<p hidden>不可见4</p><p style="color:red; display : none">不可见5</p><p>也可见</p>',
    );
    expect(ex.text).toBe('可见\n也可见');
  });
  it('drops NBSP / ideographic indentation at line start only', () => {
    expect(fragment('<p>&nbsp;&nbsp;\u3000\u3000正文&nbsp;内容</p>').text).toBe('正文\u00a0内容');
  });
  it('maps a collapsed newline to a synthetic space with no node', () => {
    const ex = fragment('<p>甲\n乙</p>');
    expect(ex.text).toBe('甲 乙');
    expect(pieceRangesForOffsets(ex, 1, 2)).toEqual([]);
    expect(pieceRangesForOffsets(ex, 0, 3).map((p) => p.node.data.slice(p.start, p.end)).join('')).toBe('甲乙');
  });
  it('maps a single source space to itself', () => {
    const ex = fragment('<p>（1） 已协调</p>');
    expect(ex.segments).toHaveLength(1);
    expect(pieceRangesForOffsets(ex, 3, 5)).toEqual([{ node: ex.segments[0].node, start: 3, end: 5 }]);
  });
});

describe('offsets back to the DOM', () => {
  // Ranges are built on the window's document (happy-dom's Range.toString is empty on DOMParser documents).
  document.body.innerHTML = page('huashan-town.html').body.innerHTML; // innerHTML never runs scripts
  const ex = extractText(findArticleRoot(document));
  const phrase = '预计2025年7月前整改完成';
  const at = ex.text.indexOf(phrase);

  it('pieceRangesForOffsets splits a phrase over the text nodes it spans', () => {
    const pieces = pieceRangesForOffsets(ex, at, at + phrase.length);
    expect(pieces.length).toBeGreaterThanOrEqual(4); // 预 | 计 | 20 | 25年7月 | 前整改完成…
    expect(pieces.map((p) => p.node.data.slice(p.start, p.end)).join('')).toBe(phrase);
  });

  it('rangeForOffsets covers exactly the phrase', () => {
    expect(rangeForOffsets(ex, at, at + phrase.length)!.toString()).toBe(phrase);
  });

  it('rangeForOffsets spans paragraphs (the separator has no node)', () => {
    const label = '1.针对“历史约定不合理”问题';
    const a = ex.text.indexOf(label);
    const b = ex.text.indexOf('已解决', a) + 3;
    expect(rangeForOffsets(ex, a, b)!.toString()).toBe(ex.text.slice(a, b).replace('\n', ''));
  });

  it('returns null/empty for empty or out-of-text ranges', () => {
    expect(rangeForOffsets(ex, 10, 10)).toBeNull();
    expect(rangeForOffsets(ex, ex.text.length, ex.text.length + 5)).toBeNull();
    expect(pieceRangesForOffsets(ex, 5, 3)).toEqual([]);
  });

  it('offsetForNodePosition inverts pieceRangesForOffsets', () => {
    for (const offset of [0, at, at + 3, Math.floor(ex.text.length / 2), ex.text.length - 1]) {
      if (ex.text[offset] === '\n') continue;
      const [piece] = pieceRangesForOffsets(ex, offset, offset + 1);
      expect(offsetForNodePosition(ex, piece.node, piece.start)).toBe(offset);
    }
    expect(offsetForNodePosition(ex, ex.root.ownerDocument.createTextNode('外部'), 0)).toBeNull();
  });
});

describe('extractTitle and extractChromeText', () => {
  it('reads the h1 title of each seed page, joining a title split over lines', () => {
    expect(extractTitle(page('mazhang-town.html'))).toBe('中共麻章镇委员会关于巡察整改情况的通报');
    expect(extractTitle(page('huadu-district.html'))).toBe('中共广州市花都区委关于巡视整改进展情况的通报');
    expect(extractTitle(page('guzhen-town.html'))).toBe('中共中山市古镇镇委员会关于十五届市委第六轮巡察整改进展情况的通报');
    expect(extractTitle(page('huashan-town.html'))).toBe('关于巡察整改进展情况的通报');
  });
  it('skips a logo h1 in the header and falls back to meta / document.title', () => {
    expect(extractTitle(parse('<header><h1>某某区人民政府网</h1></header><h1>关于巡察整改情况的通报</h1>'))).toBe('关于巡察整改情况的通报');
    expect(extractTitle(parse('<head><meta property="og:title" content=" 关于巡视整改进展情况的通报 "></head><body></body>'))).toBe(
      '关于巡视整改进展情况的通报',
    );
    expect(extractTitle(parse('<head><title>某镇关于巡察整改进展情况的通报_某市人民政府门户网站</title></head><body></body>'))).toBe(
      '某镇关于巡察整改进展情况的通报',
    );
    expect(extractTitle(parse('<body><p>无标题</p></body>'))).toBeNull();
  });
  it('returns the breadcrumb and 来源/发布日期 line, which carry the publish date', () => {
    const huadu = extractChromeText(page('huadu-district.html'));
    const [breadcrumb, , , , infoLine] = readSeed('huadu-district-2021-11-22.txt').split('\n').map(trimLine);
    expect(breadcrumb).toMatch(/^所在位置:首页.*巡视巡察/);
    expect(huadu.split('\n')).toEqual([breadcrumb, infoLine.trim()]);
    expect(huadu).toContain('日期:2021-11-23 10:00:00');
    for (const entry of manifest.filter((m) => m.seed && m.publishDate && !m.generated && m.file !== 'late-content.html')) {
      const chrome = extractChromeText(page(entry.file));
      expect(chrome, entry.file).toContain(entry.publishDate);
      expect(chrome).not.toContain('根据');
    }
    expect(extractChromeText(page('hongmei-town.html'))).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });
});

describe('scale', () => {
  it('extracts the ~1 MB generated notice quickly and exactly', () => {
    const doc = parse(bigNoticePage());
    const t0 = performance.now();
    const ex = extractText(findArticleRoot(doc));
    const ms = performance.now() - t0;
    expect(ex.text.length).toBeGreaterThan(300_000);
    expect(ms).toBeLessThan(2000);
    expectSegmentsExact(ex);
  });
});
