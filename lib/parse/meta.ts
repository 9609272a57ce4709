/**
 * Document layout (page chrome, title, header paragraph, closing block, site footer) and the
 * notice meta read from it: title, issuing organization, inspecting body, inspection period,
 * feedback date, publish date, disclosure period and contacts. Anything not found is `null` —
 * never a guess.
 *
 * Layout decisions:
 * - lines before the body are page chrome, except the title (which may span two lines: 麻章镇
 *   `中共麻章镇委员会关于巡察整改情况` + `的通报`);
 * - the body starts at the first sentence-like line (`根据…`, a `一、` heading, or a long sentence);
 * - the closing block starts at `欢迎…监督` / `联系…` / `附件：` or at the signature (organization
 *   line + date line), the site footer at `主办单位`/`ICP备`/`版权所有`…; outline and items only
 *   look at [bodyStart, closingStart).
 */
import type { NoticeMeta } from '@/lib/schema';
import { findDates, type DateMention } from './dates';
import type { Line } from './normalize';
import { parseMarker } from './outline';
import { readContacts } from './contacts';

export interface Layout {
  lines: Line[];
  /** Indices of page-chrome lines (breadcrumbs, 来源/日期, footer). */
  chrome: Set<number>;
  /** Indices of the title line(s). */
  titleLines: number[];
  /** First body line (header paragraph or first heading). */
  bodyLine: number;
  /** First line of the closing block (contacts, signature, attachments); lines.length if none. */
  closingLine: number;
  /** First line of the site footer; lines.length if none. */
  footerLine: number;
  /** Signature: organization line and date line, when present. */
  signatureOrgLine: number | null;
  signatureDateLine: number | null;
}

const CHROME_LINE =
  /^(所在位置|当前位置|您当前的位置|您的位置|当前页面|首页\s*[>＞]|长者助手|无障碍|登录|注册|搜索)|(来源|发布日期|发布时间|日期|浏览次数|点击数|阅读次数|访问量|字号|作者|责任编辑)：|(分享|打印|关闭窗口|打印本页|收藏)(：|$)|【\s*(大|中|小)\s*】/;
const FOOTER_LINE =
  /(主办单位|承办单位|合作单位|协办单位|技术支持|版权所有|ICP备|ICP证|公网安备|网站标识码|网站地图|Copyright|©|投稿邮箱)/i;
const CLOSING_LINE = /^(欢迎|如有意见|如对|联系人|联系电话|联系方式|联系地址|附件[：:]?|特此通报)/;
const DATE_ONLY_LINE = /^(\d{4})年(\d{1,2})月(\d{1,2})日$/;
const ORG_LINE = /^(中共)?[\u4e00-\u9fff]{2,30}(委员会|区委|市委|县委|省委|党委|党组|工委|党总支|党支部)$/;

export function analyzeLayout(lines: Line[]): Layout {
  const n = lines.length;
  const chrome = new Set<number>();
  // site footer: first footer-like line in the second half, everything after it is footer
  let footerLine = n;
  for (let i = Math.floor(n / 2); i < n; i++) {
    if (FOOTER_LINE.test(lines[i].text) && lines[i].text.length < 80) {
      footerLine = i;
      break;
    }
  }
  for (let i = footerLine; i < n; i++) chrome.add(i);

  const bodyLine = findBodyLine(lines, footerLine);
  const titleLines = findTitle(lines, bodyLine);
  for (let i = 0; i < bodyLine; i++) if (!titleLines.includes(i)) chrome.add(i);

  // signature: organization line followed by a date-only line near the end
  let signatureOrgLine: number | null = null;
  let signatureDateLine: number | null = null;
  for (let i = footerLine - 1; i > bodyLine && i >= footerLine - 25; i--) {
    if (DATE_ONLY_LINE.test(lines[i].text)) {
      signatureDateLine = i;
      if (i > 0 && ORG_LINE.test(lines[i - 1].text)) signatureOrgLine = i - 1;
      break;
    }
  }
  let closingLine = footerLine;
  for (let i = bodyLine + 1; i < footerLine; i++) {
    if (CLOSING_LINE.test(lines[i].text) && !parseMarker(lines[i].text)) {
      closingLine = i;
      break;
    }
  }
  const sigStart = signatureOrgLine ?? signatureDateLine;
  if (sigStart !== null && sigStart < closingLine) closingLine = sigStart;
  return { lines, chrome, titleLines, bodyLine, closingLine, footerLine, signatureOrgLine, signatureDateLine };
}

function findBodyLine(lines: Line[], limit: number): number {
  for (let i = 0; i < limit; i++) {
    const t = lines[i].text;
    if (CHROME_LINE.test(t) && t.length < 120) continue;
    if (/^(根据|按照|为|近日|今年|\d{4}年)/.test(t) && /[，。]/.test(t)) return i;
    const m = parseMarker(t);
    if (m && m.kind === 'cnDun') return i;
    if (t.length >= 40 && /[，。]/.test(t) && !/关于.{0,40}通报$/.test(t)) return i;
  }
  return 0;
}

function findTitle(lines: Line[], bodyLine: number): number[] {
  for (let i = 0; i < bodyLine; i++) {
    const t = lines[i].text;
    if (CHROME_LINE.test(t) || FOOTER_LINE.test(t)) continue;
    if (!/关于|通报|情况|报告|公告/.test(t) || t.length > 80) continue;
    const next = lines[i + 1];
    if (next && i + 1 < bodyLine && !/通报$|报告$|公告$/.test(t) && next.text.length <= 20 && /^(的)?(通报|报告|公告)$|通报$/.test(next.text)) {
      return [i, i + 1];
    }
    return [i];
  }
  return [];
}

// ---------------------------------------------------------------------------------------------
// Meta

export interface MetaContext {
  /** Chrome text provided separately by the page (breadcrumb/来源/发布日期 lines). */
  chromeText?: string;
  /** Page title provided separately; used only when the text has no title line. */
  pageTitle?: string | null;
}

const INSPECTION_BODY =
  /(?:十[一二三四五六七八九]?届)?(?:中央|省委|市委|区委|县委|州委|旗委)(?:第[一二三四五六七八九十\d]{1,3}轮?|专项|对村)?巡[视察](?:第[一二三四五六七八九十\d]{1,3})?组/;

export function extractMeta(text: string, layout: Layout, ctx: MetaContext = {}): NoticeMeta & { feedbackYear: number | null } {
  const { lines } = layout;
  const pageTitle = ctx.pageTitle?.replace(/\s+/g, '').trim() || null;
  const title = layout.titleLines.length ? layout.titleLines.map((i) => lines[i].text).join('').trim() : pageTitle;
  const header = headerParagraph(layout);
  const headerText = header ? text.slice(header.start, header.end) : '';
  const headerDates = header ? findDates(text, { from: header.start, to: header.end, fallbackYear: null }) : [];

  const inspectionBody = INSPECTION_BODY.exec(headerText)?.[0] ?? null;
  const period = headerDates.find((d) => (d.kind === 'range' || d.kind === 'month') && d.first && d.last && precedes(text, d, '巡'));
  const inspectionPeriod = period ? { start: period.first, end: period.last } : null;
  const feedback = feedbackMention(text, headerDates);
  const feedbackDate = feedback && feedback.kind === 'point' ? feedback.first : null;
  const feedbackYear = feedback?.first ? Number(feedback.first.slice(0, 4)) : null;

  return {
    title,
    organization: organization(title, layout, headerText),
    inspectionBody,
    inspectionPeriod,
    feedbackDate,
    publishDate: publishDate(text, layout, ctx),
    disclosurePeriod: disclosurePeriod(text, layout),
    contacts: contacts(layout),
    feedbackYear,
  };
}

/** The first body line when it is prose (not a heading): `根据…统一部署…反馈了巡察意见…`. */
function headerParagraph(layout: Layout): Line | null {
  const line = layout.lines[layout.bodyLine];
  if (!line || parseMarker(line.text)) return null;
  return line;
}

/** True when `word` occurs in the same clause after the mention (the date governs that clause). */
function precedes(text: string, d: DateMention, word: string): boolean {
  const tail = text.slice(d.end, d.end + 60);
  const stop = tail.search(/[。]/);
  return (stop < 0 ? tail : tail.slice(0, stop)).includes(word);
}

/** The date of the sentence/clause that reports the feedback (`…向X反馈了巡察意见`). */
function feedbackMention(text: string, dates: DateMention[]): DateMention | null {
  for (const d of dates) {
    if (d.kind !== 'point' && d.kind !== 'month') continue;
    const tail = text.slice(d.end, d.end + 80);
    const sentence = tail.slice(0, Math.max(0, tail.search(/[。；]/)) || tail.length);
    if (/反馈/.test(sentence) && !/至/.test(text.slice(d.end, d.end + 2))) return d;
  }
  return null;
}

function organization(title: string | null, layout: Layout, headerText: string): string | null {
  if (title) {
    const m = /^(中共.+?(?:委员会|党委|党组|工委|区委|市委|县委|省委))关于/.exec(title);
    if (m) return m[1];
  }
  if (layout.signatureOrgLine !== null) return layout.lines[layout.signatureOrgLine].text;
  const m = /向([\u4e00-\u9fff]{2,20}?(?:党委|党组|区委|市委|县委|党工委))(?:和[^，。]{0,30})?反馈/.exec(headerText);
  if (m) return m[1];
  const m2 = /对([\u4e00-\u9fff]{2,20}?(?:党委|党组|区委|市委|县委|党工委))(?:及|进行|开展)/.exec(headerText);
  return m2 ? m2[1] : null;
}

const CHROME_DATE = /(?:发布日期|发布时间|日期|时间)：\s*(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})/;

function publishDate(text: string, layout: Layout, ctx: MetaContext): string | null {
  const sources = [ctx.chromeText ?? '', ...[...layout.chrome].sort((a, b) => a - b).map((i) => layout.lines[i].text)];
  for (const s of sources) {
    const m = CHROME_DATE.exec(s.replace(/:/g, '：'));
    if (m) return iso(Number(m[1]), Number(m[2]), Number(m[3]));
  }
  if (layout.signatureDateLine !== null) {
    const m = DATE_ONLY_LINE.exec(layout.lines[layout.signatureDateLine].text)!;
    return iso(Number(m[1]), Number(m[2]), Number(m[3]));
  }
  void text;
  return null;
}

function iso(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1 || d > 31) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function disclosurePeriod(text: string, layout: Layout): NoticeMeta['disclosurePeriod'] {
  for (let i = layout.bodyLine; i < layout.footerLine; i++) {
    const line = layout.lines[i];
    const at = line.text.indexOf('公开期限');
    if (at < 0) continue;
    const from = line.start + at;
    const dates = findDates(text, { from, to: Math.min(line.end, from + 60), fallbackYear: null });
    const d = dates[0];
    if (d && d.first) return { start: d.first, end: d.last };
  }
  return null;
}

function contacts(layout: Layout): NoticeMeta['contacts'] {
  const texts: string[] = [];
  for (let i = layout.closingLine; i < layout.footerLine; i++) if (!layout.chrome.has(i)) texts.push(layout.lines[i].text);
  return readContacts(texts);
}
