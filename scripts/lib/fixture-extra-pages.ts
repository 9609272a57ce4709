/**
 * Fixture pages that are not seed notices: a gov news page and a blog (detection negatives), a hostile notice,
 * a page whose article is written by a script after load, and the generated ~1 MB notice. Fixture text.
 */
import { seedParagraphs, SEED_BODIES } from './fixture-seeds';
import { BASE_CSS, divLayout, esc, mazhangSite, firstLines, footerHtml, GOV_NAV, navHtml, plainParagraphs, SCRIPT_MARK } from './fixture-chrome';

/** A town's 乡村振兴 work report: numbers and dates, but not a 巡察整改 notice. */
export const NEWS_PARAGRAPHS = [
  '3月10日，花山镇召开2025年乡村振兴工作推进会，总结2024年工作成效，部署下一阶段重点任务。',
  '2024年，全镇共实施乡村振兴项目36个，完成投资1.28亿元，新建和改造农村公路12.6公里，改造提升农村公厕18座。',
  '在产业发展方面，花山镇依托特色农业基地，培育农业龙头企业5家、农民专业合作社23家，带动农户1260户增收。',
  '会议要求，各村要对照年度任务清单，对排查发现的人居环境短板逐一整改，确保6月底前完成第一批项目验收。',
  '下一步，花山镇将持续推进“百千万工程”，以典型村建设为抓手，加快补齐基础设施和公共服务短板。',
];

export function newsGovPage(): string {
  const title = '花山镇召开2025年乡村振兴工作推进会';
  return divLayout({
    siteName: '广州市花都区人民政府',
    docTitle: `${title}-广州市花都区人民政府门户网站`,
    metas: { ArticleTitle: title, PubDate: '2025-03-10', ContentSource: '花山镇' },
    nav: GOV_NAV,
    breadcrumb: '所在位置:首页 > 新闻中心 > 镇街动态 > 正文',
    h1Html: esc(title),
    infoLine: '来源：花山镇 发布日期：2025-03-10',
    articleHtml: `<div class="article"><div class="pages_content">${NEWS_PARAGRAPHS.map((p) => `<p>${esc(p)}</p>`).join('\n')}</div></div>`,
    footerLines: ['主办：广州市花都区人民政府办公室', '版权所有：广州市花都区人民政府　粤ICP备00000003号'],
  });
}

export const BLOG_PARAGRAPHS = [
  '周末在家试做了戚风蛋糕，第一次失败是因为蛋白打发不够，第二次把烤箱温度调低到150度，烤了50分钟，终于成功。',
  '材料：鸡蛋5个、低筋面粉85克、牛奶60克、玉米油50克、细砂糖70克。',
  '小贴士：模具不要涂油，出炉后立刻倒扣，放凉后再脱模。喜欢的话可以在店里选购同款模具。',
];

export function nonGovPage(): string {
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>周末烘焙笔记：戚风蛋糕 | 小满的厨房</title>
<meta property="og:title" content="周末烘焙笔记：戚风蛋糕">
<style>${BASE_CSS}
.post{max-width:720px;margin:0 auto;padding:24px}.shop{border:1px solid #eee;padding:8px}</style>
<script>var cart = []; var hint = "${SCRIPT_MARK}";</script>
</head>
<body>
<header class="header"><div class="banner">小满的厨房</div></header>
<nav>${navHtml(['首页', '烘焙', '家常菜', '小店', '关于我'])}</nav>
<main>
<article class="post">
<h1>周末烘焙笔记：戚风蛋糕</h1>
<div class="info">发布于 2025-05-18 · 分类：烘焙</div>
${BLOG_PARAGRAPHS.map((p) => `<p>${esc(p)}</p>`).join('\n')}
<p><a href="#">查看全部烘焙笔记</a></p>
</article>
<aside class="shop"><h2>小店推荐</h2><ul><li><a href="#">6寸阳极戚风模具 ¥39</a></li><li><a href="#">电动打蛋器 ¥129</a></li></ul></aside>
</main>
<footer>${footerHtml(['© 2025 小满的厨房'])}</footer>
</body>
</html>
`;
}

/** Hostile strings shown as TEXT on hostile-notice.html (entity-escaped in the HTML). */
export const HOSTILE = {
  img: '<img src=x onerror=alert(1)>',
  script: '</style><script>alert(1)</script>',
  rtl: '\u202e',
  zeroWidth: '\u200b\u200d\ufeff',
  longLine: 'HX' + '0123456789ABCDEF'.repeat(250),
  quotedLabel: '专款"专用"执行 &amp; 登记不到位',
};

export const HOSTILE_PARAGRAPHS = [
  '根据县委统一部署，2024年3月4日至5月10日，县委第一巡察组对测试镇党委进行了巡察。2024年6月12日，县委第一巡察组向测试镇党委反馈了巡察意见。按照巡视巡察整改工作有关要求，现将巡察整改进展情况予以公布。',
  '一、巡察整改任务落实情况',
  '（一）关于基层治理方面',
  `1.针对“${HOSTILE.img}台账不规范”问题`,
  '已完成台账重建，共整改问题12宗。【已完成整改，并长期坚持】',
  `2.针对“${HOSTILE.script}制度执行不严”问题`,
  '正在修订村务管理制度，预计2024年12月前完成。【正在整改，并取得阶段性成效】',
  `3.针对“${HOSTILE.quotedLabel}”问题`,
  '已对8个村的专项资金开展核查，整改资金35.6万元。【已完成整改，并长期坚持】',
  '（二）关于文本显示方面',
  `4.针对“${HOSTILE.rtl}倒序显示的文字\u202c”问题`,
  `正在${HOSTILE.zeroWidth[0]}整改，计划于2025年3月完成${HOSTILE.zeroWidth[1]}。${HOSTILE.zeroWidth[2]}【正在整改，并取得阶段性成效】`,
  `核查记录编号：${HOSTILE.longLine}`,
  '二、下一步工作',
  '对尚未完成的整改事项，紧盯不放，跟踪抓好整改落实。',
  '欢迎广大干部群众对巡察整改落实情况进行监督。',
  '中共测试县测试镇委员会',
  '2024年9月30日',
];

export function hostilePage(): string {
  const title = '中共测试县测试镇委员会关于巡察整改进展情况的通报';
  return divLayout({
    siteName: '测试县人民政府（安全测试夹具）',
    docTitle: title,
    metas: { ArticleTitle: title, PubDate: '2024-09-30' },
    nav: GOV_NAV,
    breadcrumb: '所在位置:首页 > 信息公开 > 巡视巡察 > 巡察整改 > 正文',
    h1Html: esc(title),
    infoLine: '来源：测试镇 发布日期：2024-09-30',
    articleHtml: `<article class="article" style="overflow-wrap:anywhere">${HOSTILE_PARAGRAPHS.map((p) => `<p>${esc(p)}</p>`).join('\n')}</article>`,
    footerLines: ['版权所有：测试县人民政府　粤ICP备00000005号'],
  });
}

/** The 麻章镇 notice whose article body is built by an inline script 300 ms after load. */
export function lateContentPage(): string {
  const seed = SEED_BODIES.mazhang.seed;
  const t = firstLines(seed);
  const title = t[0] + t[2];
  const json = JSON.stringify({ paragraphs: seedParagraphs('mazhang').map((p) => p.text) }).replace(/</g, '\\u003c');
  const loader = `<script type="application/json" id="article-data">${json}</script>
<script>
window.addEventListener('load', function () {
  setTimeout(function () {
    var data = JSON.parse(document.getElementById('article-data').textContent);
    var zoom = document.getElementById('zoom');
    data.paragraphs.forEach(function (text) {
      var p = document.createElement('p');
      p.textContent = text;
      zoom.appendChild(p);
    });
    document.body.setAttribute('data-article-loaded', 'true');
  }, 300);
});
</script>`;
  return divLayout(mazhangSite(title, esc(title), `<div class="article"><div id="zoom"></div></div>`, loader));
}

// ------------------------------------------------------------------------------------------------
// Generated ~1 MB notice

const CN_DIGITS = '零一二三四五六七八九';
export function chineseNumeral(n: number): string {
  if (n < 10) return CN_DIGITS[n];
  if (n < 20) return '十' + (n % 10 ? CN_DIGITS[n % 10] : '');
  if (n < 100) return CN_DIGITS[Math.floor(n / 10)] + '十' + (n % 10 ? CN_DIGITS[n % 10] : '');
  return String(n);
}

/**
 * Body paragraphs of the big page: the seeds' item paragraphs repeated round after round, with sections
 * renumbered 一、二、… and items renumbered 1. 2. … continuously, until the text is about `targetBytes`.
 */
export function bigNoticeParagraphs(targetBytes = 1_000_000): string[] {
  const header = seedParagraphs('huashan')[0].text;
  const pool = ['huashan', 'mazhang', 'hongmei', 'guzhen', 'huadu'].flatMap((k) =>
    seedParagraphs(k)
      .map((p) => p.text)
      .filter((t) => !/^[一二三四五六七八九十]+、/.test(t) && !/^(中共|20\d\d年\d+月\d+日$|欢迎|附件)/.test(t)),
  );
  const out = [header];
  let bytes = Buffer.byteLength(header);
  let item = 0;
  for (let round = 1; bytes < targetBytes; round++) {
    const heading = `${chineseNumeral(round)}、第${round}批巡察整改任务落实情况`;
    out.push(heading);
    bytes += Buffer.byteLength(heading);
    for (const text of pool) {
      const renumbered = text.replace(/^\d+[.．]/, () => `${++item}.`);
      out.push(renumbered);
      bytes += Buffer.byteLength(renumbered) + 8;
      if (bytes >= targetBytes) break;
    }
  }
  out.push('欢迎广大干部群众对巡察整改落实情况进行监督。', '中共广州市花都区花山镇委员会', '2025年6月19日');
  return out;
}

export function bigNoticePage(targetBytes = 1_000_000): string {
  const title = '关于巡察整改进展情况的通报（合并测试大页面）';
  const ps = bigNoticeParagraphs(targetBytes).map((text) => ({ text, anchors: [] }));
  return divLayout({
    siteName: '测试县人民政府（性能测试夹具）',
    docTitle: title,
    metas: { ArticleTitle: title, PubDate: '2025-06-19' },
    nav: GOV_NAV,
    breadcrumb: '所在位置:首页 > 信息公开 > 巡视巡察 > 巡察整改 > 正文',
    h1Html: esc(title),
    infoLine: '来源：测试县 发布日期：2025-06-19',
    articleHtml: `<div class="article"><div class="TRS_Editor">${plainParagraphs(ps)}</div></div>`,
    footerLines: ['版权所有：测试县人民政府　粤ICP备00000005号'],
  });
}
