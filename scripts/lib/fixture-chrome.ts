/**
 * The chrome of the fixture gov sites (scripts/lib/fixture-pages.ts): head, navigation, footer, the two page layouts
 * real CMSs use (div article and old nested tables) and the paragraph markups (plain, Word-exported spans).
 * Fixture text written for these tests, not from any real site.
 */
import { readSeed, trimLine, type SeedParagraph } from './fixture-seeds';

export type Markup = 'table' | 'spans' | 'br' | 'trs' | 'zoom' | 'plain';

export interface ManifestEntry {
  file: string;
  host: string;
  path: string;
  seed: string | null;
  isNotice: boolean;
  markup: Markup;
  publishDate: string | null;
  /** Served by the fixture server, not stored as a file. */
  generated?: boolean;
}

export function esc(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\u00a0/g, '&nbsp;')
    .replace(/[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, (c) => `&#x${c.charCodeAt(0).toString(16).toUpperCase()};`);
}

/** Wrap e-mail addresses in mailto links (a link inside the article body; its text stays the same). */
export function linkEmails(html: string): string {
  return html.replace(/[A-Za-z0-9._-]+@[A-Za-z0-9.-]+\.(?:com|cn|net)/g, (m) => `<a href="mailto:${m}">${m}</a>`);
}

export const SCRIPT_MARK = '脚本里的文字不是正文';
export const STYLE_MARK = '样式里的文字不是正文';
/** Strings that occur only inside <script>/<style> or hidden elements of every page; tests assert they are not extracted. */
export const NON_TEXT_MARKERS = [SCRIPT_MARK, STYLE_MARK, '隐藏元素里的文字'];

export const BASE_CSS = `body{margin:0;font:14px/1.8 "Microsoft YaHei",SimSun,sans-serif;color:#333;background:#f4f4f4}
a{color:#1a4f9c;text-decoration:none}.wrap{width:1000px;margin:0 auto;background:#fff}
.top{background:#b5090f;color:#fff;padding:4px 12px;font-size:12px}.top a{color:#fff;margin-left:8px}
.banner{height:90px;background:linear-gradient(#c8161d,#9e0b0f);color:#fff;font-size:30px;line-height:90px;padding-left:24px}
.nav ul{margin:0;padding:0;list-style:none;display:flex;background:#7d0a0d}.nav li a{display:block;color:#fff;padding:8px 16px}
.crumb{padding:8px 16px;border-bottom:1px solid #ddd;font-size:13px}.info{color:#888;text-align:center;font-size:13px}
h1{font-size:24px;text-align:center;color:#b5090f;margin:24px 40px 8px}.article{padding:16px 40px}
.article p{text-indent:2em;margin:0 0 10px}.share{padding:8px 40px;color:#666}.share a{margin-right:8px}
.footer{background:#eee;color:#666;text-align:center;padding:16px;font-size:12px;line-height:2}
.sidebar{font-size:13px}.sidebar li{list-style:square}
.x-style-marker::after{content:"${STYLE_MARK}"}`;

export const HEAD_SCRIPT = `var siteConfig = { siteId: 7, note: "${SCRIPT_MARK}" };
function doZoom(size) { var z = document.getElementById('zoom'); if (z) z.style.fontSize = size + 'px'; }`;

export const SHARE_BAR = `<div class="share">分享到：<a href="#" title="分享到微信">微信</a><a href="#" title="分享到微博">微博</a><a href="#" title="分享到QQ空间">QQ空间</a><a href="javascript:window.print()">打印本页</a><a href="javascript:window.close()">关闭窗口</a></div>`;

export const HIDDEN_BITS = `<div hidden>隐藏元素里的文字（hidden 属性）</div><span style="display: none">隐藏元素里的文字（display:none）</span>`;

export interface Chrome {
  siteName: string;
  docTitle: string;
  metas: Record<string, string>;
  topbar?: string;
  nav: string[];
  breadcrumb: string;
  h1Html: string;
  infoLine: string;
  articleHtml: string;
  afterArticle?: string;
  footerLines: string[];
  extraHead?: string;
  extraBody?: string;
}

export function metaTags(metas: Record<string, string>): string {
  return Object.entries(metas)
    .map(([k, v]) => (k.startsWith('og:') ? `<meta property="${k}" content="${esc(v)}">` : `<meta name="${k}" content="${esc(v)}">`))
    .join('\n');
}

export function navHtml(items: string[]): string {
  return `<div class="nav"><ul>${items.map((t) => `<li><a href="#">${esc(t)}</a></li>`).join('')}</ul></div>`;
}

export function footerHtml(lines: string[]): string {
  return `<div class="footer">${lines.map((l) => `<p>${esc(l)}</p>`).join('\n')}</div>`;
}

export function head(c: Chrome): string {
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(c.docTitle)}</title>
${metaTags(c.metas)}
<style>
${BASE_CSS}
</style>
<script>
${HEAD_SCRIPT}
</script>
${c.extraHead ?? ''}
</head>`;
}

/** The usual div-based article page: header, nav, breadcrumb, h1, info line, article, share bar, footer. */
export function divLayout(c: Chrome): string {
  return `${head(c)}
<body>
<header class="header">
${c.topbar ? `<div class="top">${c.topbar}</div>` : ''}
<div class="banner">${esc(c.siteName)}</div>
</header>
<nav>${navHtml(c.nav)}</nav>
<div class="wrap">
<div class="crumb">${esc(c.breadcrumb)}</div>
<h1 class="title">${c.h1Html}</h1>
<div class="info">${esc(c.infoLine)}</div>
${c.articleHtml}
${c.afterArticle ?? ''}
${SHARE_BAR}
</div>
<footer>${footerHtml(c.footerLines)}</footer>
<script>document.querySelectorAll('.share a').forEach(function (a) { a.setAttribute('data-note', '${SCRIPT_MARK}'); });</script>
${c.extraBody ?? ''}
</body>
</html>
`;
}

/** An old table-layout CMS page: side menu in one cell, everything else in nested tables. No semantic elements. */
export function tableLayout(c: Chrome, sideLinks: string[]): string {
  return `${head(c)}
<body>
<table width="1000" align="center" cellpadding="0" cellspacing="0" class="wrap">
<tr><td colspan="2" class="banner">${esc(c.siteName)}</td></tr>
<tr><td colspan="2">${navHtml(c.nav)}</td></tr>
<tr>
<td width="220" valign="top" class="sidebar"><ul>${sideLinks.map((t) => `<li><a href="#">${esc(t)}</a></li>`).join('')}</ul></td>
<td valign="top">
<table width="100%" cellpadding="0" cellspacing="0">
<tr><td class="crumb">${esc(c.breadcrumb)}</td></tr>
<tr><td><h1>${c.h1Html}</h1></td></tr>
<tr><td class="info">${esc(c.infoLine)}</td></tr>
<tr><td class="bt_content" style="padding:16px 40px">
${c.articleHtml}
</td></tr>
<tr><td>${c.afterArticle ?? ''}</td></tr>
<tr><td>${SHARE_BAR}</td></tr>
</table>
</td>
</tr>
<tr><td colspan="2">${footerHtml(c.footerLines)}</td></tr>
</table>
<script>var _stat = "${SCRIPT_MARK}";</script>
</body>
</html>
`;
}

export function anchors(p: SeedParagraph): string {
  return p.anchors.map((a) => `<a name="${esc(a)}"></a>`).join('');
}

export const plainParagraphs = (ps: SeedParagraph[]) => ps.map((p) => `<p>${anchors(p)}${linkEmails(esc(p.text))}</p>`).join('\n');

/**
 * Word-exported markup: every run in its own span, years split mid-token (<span>20</span><span>25年7月</span>),
 * counts in <strong> (<strong>23</strong>宗), status words in <font>. No whitespace between inline tags,
 * exactly as such CMSs emit it, so a browser renders the original text.
 */
export function spansify(escapedText: string): string {
  return escapedText
    .replace(/(\d{2})(\d{2}年(?:\d{1,2}月)?)/g, '<span>$1</span><span>$2</span>')
    .replace(/(\d+)(宗|份|亩|个|户|次|万元|元|平方米)/g, '<strong>$1</strong>$2')
    .replace(/已完成整改/g, '<font color="#000">已完成</font><font color="#000">整改</font>')
    .replace(/预计/g, '<b>预</b>计');
}

export const spanParagraphs = (ps: SeedParagraph[]) =>
  ps
    .map((p) => {
      const inner = linkEmails(spansify(esc(p.text)));
      const isItem = /^\d+[.．]针对/.test(p.text);
      const run = `<span style="font-family:仿宋_GB2312;font-size:16pt">${isItem ? `<strong>${inner}</strong>` : inner}</span>`;
      return `<p class="MsoNormal" style="text-indent:32pt;line-height:28pt">${anchors(p)}${run}</p>`;
    })
    .join('');

/** A seed's lines, trimmed / as written (CR dropped). */
export const firstLines = (seed: string) => readSeed(seed).split('\n').map(trimLine);
export const rawLines = (seed: string) => readSeed(seed).split('\n').map((l) => l.replace(/\r$/, ''));

export const GOV_NAV = ['首页', '要闻动态', '信息公开', '政务服务', '互动交流', '巡视巡察', '专题专栏'];

/** The 麻章镇 site (www.zjmazhang.gov.cn) around an article: three fixture pages share it. */
export function mazhangSite(title: string, h1Html: string, articleHtml: string, extraBody?: string): Chrome {
  return {
    siteName: '湛江市麻章区麻章镇人民政府',
    docTitle: `${title}_麻章镇人民政府`,
    metas: { ArticleTitle: title, PubDate: '2024-09-25' },
    nav: GOV_NAV,
    breadcrumb: '所在位置:首页 > 信息公开 > 巡视巡察 > 巡察整改 >正文',
    h1Html,
    infoLine: '信息来源：麻章镇人民政府　发布日期：2024-09-25',
    articleHtml,
    footerLines: ['主办单位：湛江市麻章区麻章镇人民政府', '版权所有 麻章镇人民政府　粤ICP备00000004号'],
    extraBody,
  };
}
