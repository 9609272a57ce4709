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
import {
  anyDate, CHROME_MAX_CHARS, cmsDate, cmsValue, DOCUMENT_DATE_LABELS, isBareLabel, isChromeLine, isoDay, PAGE_DATE_LABELS,
  PUBLISHER_LABELS, readCmsFields, TITLE_LABELS, titleBeforeFields, type CmsField,
} from './cms';
import { readContacts } from './contacts';
import { findDates } from './dates';
import { feedbackDate, inspectionBody, inspectionPeriod } from './meta-header';
import type { Line } from './normalize';
import { parseChineseNumber } from './numerals';
import { resolveOrganization } from './organization';
import { parseMarker } from './outline';
import { cleanTitle, TITLE_END, titleFromPage, trailingDate } from './title';

export interface Layout {
  lines: Line[];
  /** Indices of page-chrome lines (breadcrumbs, 来源/日期, footer). */
  chrome: Set<number>;
  /** Indices of the title line(s). */
  titleLines: number[];
  /** The title read from those lines (joined, trailing date removed), or null. */
  title: string | null;
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

const FOOTER_LINE =
  /(主办单位|承办单位|合作单位|协办单位|技术支持|版权所有|ICP备|ICP证|公网安备|网站标识码|网站地图|Copyright|©|投稿邮箱)/i;
const CLOSING_LINE = /^(欢迎|如有意见|如对|联系人|联系电话|联系方式|联系地址|附件[：:]?|特此通报)/;
const ORG_LINE = /^(中共|中国共产党)?[\u4e00-\u9fff（）]{2,30}(委员会|区委|市委|县委|省委|党委|党组|工委|党总支|党支部)$/;
/** A government or unit signatory line (`××镇人民政府`, `××街道办事处`), signing with or without a party body. */
const CO_SIGNATORY_LINE = /^[\u4e00-\u9fff（）]{2,30}(人民政府|办事处|管理委员会|管委会|局|公司|集团|学校|学院|大学|医院)$/;
/** Lines that end a sentence or a closing paragraph: a signature date may follow them directly. */
const SENTENCE_END = /[。！!]$/;

export function analyzeLayout(lines: Line[]): Layout {
  const n = lines.length;
  const chrome = new Set<number>();
  // site footer: first footer-like line in the second half, everything after it is footer
  let footerLine = n;
  for (let i = Math.floor(n / 2); i < n; i++) {
    // the length first: most lines of the second half are body paragraphs, and the unanchored regex reads all of each
    if (lines[i].text.length < 80 && FOOTER_LINE.test(lines[i].text)) {
      footerLine = i;
      break;
    }
  }
  for (let i = footerLine; i < n; i++) chrome.add(i);

  const isChrome = chromeTester(lines);
  const bodyLine = findBodyLine(lines, footerLine, isChrome);
  const title = findTitle(lines, bodyLine, isChrome);
  for (let i = 0; i < bodyLine; i++) if (!title.lines.includes(i)) chrome.add(i);

  const { orgLine: signatureOrgLine, dateLine: signatureDateLine } = findSignature(lines, bodyLine, footerLine);
  let closingLine = footerLine;
  for (let i = bodyLine + 1; i < footerLine; i++) {
    if (CLOSING_LINE.test(lines[i].text) && !parseMarker(lines[i].text)) {
      closingLine = i;
      break;
    }
  }
  const sigStart = signatureOrgLine ?? signatureDateLine;
  if (sigStart !== null && sigStart < closingLine) closingLine = sigStart;
  return { lines, chrome, titleLines: title.lines, title: title.text, bodyLine, closingLine, footerLine, signatureOrgLine, signatureDateLine };
}

/** Chrome test by line index: a chrome-looking line, or the value line under a bare CMS label (`发布机构` ⏎ `…`). */
function chromeTester(lines: Line[]): (i: number) => boolean {
  return (i) => isChromeLine(lines[i].text) || (i > 0 && isBareLabel(lines[i - 1].text) && isFieldValue(lines[i].text));
}

/** A CMS value (`婺城区文旅体局`, `2023-05-04`), not a sentence. */
function isFieldValue(t: string): boolean {
  return t.length <= CHROME_MAX_CHARS && !/[，。；]/.test(t);
}

function findBodyLine(lines: Line[], limit: number, isChrome: (i: number) => boolean): number {
  for (let i = 0; i < limit; i++) {
    const t = lines[i].text;
    if (isChrome(i)) continue;
    if (/^(根据|按照|为|近日|今年|\d{4}年)/.test(t) && /[，。]/.test(t)) return i;
    const m = parseMarker(t);
    if (m && m.kind === 'cnDun') return i;
    if (t.length >= 40 && /[，。]/.test(t) && !/关于.{0,40}通报$/.test(t)) return i;
  }
  return 0;
}

/**
 * The title among the lines before the body: the first non-chrome line naming a notice, joined with
 * its continuation (`…整改情况` ⏎ `的通报`) or its issuer line (`中共××委员会` ⏎ `关于…的通报`). A title
 * printed on a metadata line (`关于…的通报 发布时间：…`) is taken from before the first field.
 */
function findTitle(lines: Line[], bodyLine: number, isChrome: (i: number) => boolean): { lines: number[]; text: string | null } {
  for (let i = 0; i < bodyLine; i++) {
    const t = lines[i].text;
    if (t.length > TITLE_LINE_MAX_CHARS) continue;
    if (isChrome(i)) {
      const head = titleBeforeFields(t);
      if (head) return { lines: [i], text: cleanTitle(head) };
      continue;
    }
    const cleaned = cleanTitle(t);
    if (!/关于|通报|情况|报告|公告|公示/.test(cleaned) || cleaned.length > 80 || /。/.test(cleaned)) continue;
    const picked = [i];
    if (i > 0 && /^关于/.test(cleaned) && !isChrome(i - 1) && ORG_LINE.test(lines[i - 1].text)) picked.unshift(i - 1);
    const next = i + 1 < bodyLine && !isChrome(i + 1) ? cleanTitle(lines[i + 1].text) : null;
    if (next && !TITLE_END.test(cleaned) && next.length <= 40 && TITLE_END.test(next) && !/[，。]/.test(next)) picked.push(i + 1);
    return { lines: picked, text: cleanTitle(picked.map((k) => lines[k].text).join('')) };
  }
  return { lines: [], text: null };
}

/** A title line, with a date stamp or metadata after it, is never longer than this. */
const TITLE_LINE_MAX_CHARS = 200;

/** Signature near the end, above the footer: organization line(s) then a date line (a date after a sentence also counts). */
function findSignature(lines: Line[], bodyLine: number, footerLine: number): { orgLine: number | null; dateLine: number | null } {
  for (let i = footerLine - 1; i > bodyLine && i >= footerLine - 25; i--) {
    const t = lines[i].text;
    if (signatureDate(t) === null) continue;
    const prev = lines[i - 1].text;
    if (ORG_LINE.test(prev)) return { orgLine: i - 1, dateLine: i };
    // a joint signature: `中共××镇委员会` ⏎ `××镇人民政府` ⏎ date
    if (CO_SIGNATORY_LINE.test(prev)) return { orgLine: i - 2 > bodyLine && ORG_LINE.test(lines[i - 2].text) ? i - 2 : i - 1, dateLine: i };
    if (SENTENCE_END.test(prev) || CLOSING_LINE.test(prev)) return { orgLine: null, dateLine: i };
    return { orgLine: null, dateLine: null }; // a date cell of a table, not a signature
  }
  return { orgLine: null, dateLine: null };
}

const DATE_LINE = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$/;
const CN_DATE_LINE = /^([〇○零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日$/;
const CN_DIGIT = '〇一二三四五六七八九';

/** `2024年9月25日` or `二〇二四年九月二十五日` alone on a line → ISO, else null. */
export function signatureDate(t: string): string | null {
  const m = DATE_LINE.exec(t);
  if (m) return isoDay(Number(m[1]), Number(m[2]), Number(m[3]));
  const c = CN_DATE_LINE.exec(t);
  if (!c) return null;
  const year = Number([...c[1]].map((ch) => Math.max(0, CN_DIGIT.indexOf(ch === '○' || ch === '零' ? '〇' : ch))).join(''));
  const month = parseChineseNumber(c[2]);
  const day = parseChineseNumber(c[3]);
  return month === null || day === null ? null : isoDay(year, month, day);
}

// ---------------------------------------------------------------------------------------------
// Meta

export interface MetaContext {
  /** Chrome text provided separately by the page (breadcrumb/来源/发布日期 lines). */
  chromeText?: string;
  /** Page title (`<title>` or `<h1>`); used only when the text has no title line. Site names are stripped. */
  pageTitle?: string | null;
}

export function extractMeta(text: string, layout: Layout, ctx: MetaContext = {}): NoticeMeta & { feedbackYear: number | null } {
  const { lines } = layout;
  const fields = cmsFields(layout, ctx);
  const cmsTitle = cmsValue(fields, TITLE_LABELS);
  const title = layout.title ?? (cmsTitle ? titleFromPage(cmsTitle) : null) ?? titleFromPage(ctx.pageTitle);
  const header = headerRange(layout);
  const headerText = header ? text.slice(header.start, header.end) : '';
  const headerDates = header ? findDates(text, { from: header.start, to: header.end, fallbackYear: null }) : [];
  const feedback = feedbackDate(text, headerDates);
  const bodyStart = lines[layout.bodyLine]?.start ?? 0;
  const bodyEnd = layout.closingLine > layout.bodyLine ? lines[layout.closingLine - 1].end : bodyStart;

  return {
    title,
    organization: resolveOrganization({
      title,
      signature: layout.signatureOrgLine !== null ? lines[layout.signatureOrgLine].text : null,
      header: headerText,
      body: text.slice(bodyStart, Math.min(bodyEnd, bodyStart + ORG_SEARCH_CHARS)),
      publisher: cmsValue(fields, PUBLISHER_LABELS),
    }),
    inspectionBody: inspectionBody(headerText),
    inspectionPeriod: inspectionPeriod(text, headerDates),
    feedbackDate: feedback?.date ?? null,
    publishDate: publishDate(layout, fields),
    disclosurePeriod: disclosurePeriod(text, layout),
    contacts: contacts(layout),
    feedbackYear: feedback?.year ?? null,
  };
}

/** How far into the body a short organization name's full form is looked for. */
const ORG_SEARCH_CHARS = 20_000;
const HEADER_MAX_LINES = 3;
const HEADER_MAX_CHARS = 1_500;

/**
 * The header paragraph(s): prose lines from the body start up to the first heading, at most three
 * lines, ending with the line that says `现将…予以公布` when there is one.
 */
function headerRange(layout: Layout): { start: number; end: number } | null {
  const { lines } = layout;
  const first = lines[layout.bodyLine];
  if (!first || parseMarker(first.text)) return null;
  let end = first.end;
  for (let i = layout.bodyLine; i < layout.closingLine && i < layout.bodyLine + HEADER_MAX_LINES; i++) {
    const line = lines[i];
    if (i > layout.bodyLine && (parseMarker(line.text) || line.end - first.start > HEADER_MAX_CHARS)) break;
    end = line.end;
    if (/现将|予以(?:公布|通报|公开|公示)|向社会公开/.test(line.text)) break;
  }
  return { start: first.start, end: Math.min(end, first.start + HEADER_MAX_CHARS) };
}

function cmsFields(layout: Layout, ctx: MetaContext): CmsField[] {
  const pageChrome = ctx.chromeText ? readCmsFields(ctx.chromeText.split('\n').map((s) => s.trim())) : [];
  return [...pageChrome, ...readCmsFields(topChrome(layout))];
}

/** The notice's own date (signature, then 成文日期) before the page's publication stamp (发布日期…). */
function publishDate(layout: Layout, fields: CmsField[]): string | null {
  if (layout.signatureDateLine !== null) {
    const d = signatureDate(layout.lines[layout.signatureDateLine].text);
    if (d) return d;
  }
  const stamped = layout.titleLines.length ? trailingDate(layout.lines[layout.titleLines[layout.titleLines.length - 1]].text) : null;
  return (
    cmsDate(fields, DOCUMENT_DATE_LABELS) ??
    cmsDate(fields, PAGE_DATE_LABELS) ??
    (stamped ? isoDay(...stamped) : null) ??
    anyDate(topChrome(layout))
  );
}

/** The chrome lines above the body, in order. */
function topChrome(layout: Layout): string[] {
  const top: string[] = [];
  for (let i = 0; i < layout.bodyLine; i++) if (layout.chrome.has(i)) top.push(layout.lines[i].text);
  return top;
}

/**
 * The period after the first `公开期限` of a body line that has a dated one. One indexOf over the text finds the
 * lines that hold the word (an indexOf per line cost ~0.5 ms on a 1 MB notice); the word holds no line break,
 * so each find lies inside one line, and it is that line's first `公开期限`.
 */
export function disclosurePeriod(text: string, layout: Layout): NoticeMeta['disclosurePeriod'] {
  const { lines, footerLine } = layout;
  let i = layout.bodyLine;
  while (i < footerLine) {
    const at = text.indexOf('公开期限', lines[i].start);
    if (at < 0) return null;
    while (i < footerLine && lines[i].end < at) i++; // the line holding `at`
    if (i === footerLine) return null;
    const line = lines[i];
    const dates = findDates(text, { from: at, to: Math.min(line.end, at + 60), fallbackYear: null });
    const d = dates[0];
    if (d && d.first) return { start: d.first, end: d.last };
    i++;
  }
  return null;
}

function contacts(layout: Layout): NoticeMeta['contacts'] {
  const texts: string[] = [];
  for (let i = layout.closingLine; i < layout.footerLine; i++) if (!layout.chrome.has(i)) texts.push(layout.lines[i].text);
  return readContacts(texts);
}
