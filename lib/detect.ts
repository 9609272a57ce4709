/**
 * Is this page a 巡视/巡察整改进展情况的通报? Pure: strings in, a scored decision with reasons out.
 * Reasons are shown to the user ("为什么识别为整改通报"), so their details are zh-CN.
 *
 * Scoring: the site (gov.cn, discipline-inspection sites, the user's own list) only adds a little; a notice
 * is recognised by its title and by the body's fixed formulas (反馈了巡察意见 … 现将…予以公布, 针对“…”问题,
 * status tags, 整改进展). A page is a notice when the score reaches NOTICE_THRESHOLD *and* it has a notice-shaped
 * title, the 反馈…意见 header sentence or the formula publishing its own 巡视/巡察整改 情况, so a gov news page that mentions 整改 is not one. An inspection title
 * that reads as news (a meeting, a launch/进驻, a supervision visit) counts against the page.
 * Body signals look at the first BODY_SCAN_CHARS characters only, with bounded patterns (linear time).
 */

export interface DetectInput {
  url: string;
  title: string | null;
  h1: string | null;
  bodyText: string;
  userSites?: string[];
}

export interface DetectReason {
  signal: string;
  weight: number;
  /** zh-CN, shown to the user. */
  detail: string;
}

export interface DetectResult {
  isNotice: boolean;
  score: number;
  reasons: DetectReason[];
}

export const NOTICE_THRESHOLD = 5;
export const BODY_SCAN_CHARS = 20_000;

/** The site of a web page: its host name (lower case, no trailing dot); null for anything but http(s). */
export function siteOf(url: string): string | null {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.hostname.toLowerCase().replace(/\.$/, '') : null;
  } catch {
    return null;
  }
}

export function isGovHost(url: string): boolean {
  const host = siteOf(url);
  return host !== null && (host === 'gov.cn' || host.endsWith('.gov.cn'));
}

/** Host labels used by discipline-inspection (纪检监察) sites: jjjc, ccdi, qingfeng (清风), jw (纪委), jct (纪检监察). */
const DISCIPLINE_LABEL = /^(?:.*jjjc.*|.*ccdi.*|.*qingfeng.*|jw|[a-z]{0,8}jw|[a-z]{0,8}jct|jwjc.*)$/;

export function isDisciplineHost(url: string): boolean {
  const host = siteOf(url);
  if (!host) return false;
  return host.split('.').some((label) => label.length <= 40 && DISCIPLINE_LABEL.test(label));
}

/** A user site entry matches the host itself or any subdomain; entries may be bare hosts or URLs. */
export function matchesUserSite(url: string, sites: string[]): string | null {
  const host = siteOf(url);
  if (!host) return null;
  for (const raw of sites) {
    const entry = raw.trim().toLowerCase();
    if (!entry) continue;
    const site = siteOf(entry.includes('://') ? entry : `http://${entry}`);
    if (site && (host === site || host.endsWith(`.${site}`))) return raw.trim();
  }
  return null;
}

const TITLE_NOTICE = /(?:巡视|巡察)[^。\n]{0,40}?整改[^。\n]{0,30}?(?:通报|情况|公布|公开|公告|公示)/;
const TITLE_WEAK = /(?:巡视|巡察)[^。\n]{0,40}?整改/;
/** Inspection news about a meeting, a launch (进驻) or a supervision visit, not the notice itself (unless it is called one). */
const TITLE_NEWS = /召开|会议|[推部动座汇调][^。\n]{0,2}会|进驻|启动|全面展开|督查|调研|检查|见面/;
const TITLE_CALLS_ITSELF_NOTICE = /(?:通报|公告|公示)$/;
/** Longer than this, or with a full stop, the "title" is a sentence (a page without a real title). */
const TITLE_MAX_CHARS = 100;
/** The header sentence: `反馈了巡察意见`, `反馈巡视情况`, `进行巡察反馈`, `召开巡察反馈会`. */
const FEEDBACK = /反馈(?:了)?(?:巡视|巡察)(?:意见|情况)|(?:进行|作)了?(?:巡视|巡察)反馈|召开(?:巡视|巡察)反馈会|巡[视察][^。\n]{0,40}?(?:进行|作)了反馈/;
/** `现将…予以公布`, `现根据规定将…予以公布`, `现按…要求，将…予以通报`, `现对…予以通报`, `现将…向社会公开`, `现将…报告如下`. */
const PUBLISH = /现[^。\n]{0,30}?[将对就][^。\n]{0,60}?(?:(?:予以|向社会)(?:公布|通报|公开|公示)|(?:报告|通报|公布)如下)/;
/** What a publish formula publishes when it is this notice's own: 巡视/巡察 整改 (进展) 情况. */
const RECTIFICATION_PUBLISHED = /(?:巡视|巡察)[^。\n]{0,20}?整改/;
const TARGETED_ITEM = /针对(?!性)[^。；;\n]{1,60}?问题/g; // not 针对性
const STATUS_TAG = /【(?:已完成整改|正在整改|已完成|基本完成|长期坚持|持续整改)[^】\n]{0,30}】/g;
const PROGRESS = /整改(?:进展|落实)情况/;

function clip(s: string, n = 40): string {
  return s.length > n ? `${s.slice(0, n)}…` : s;
}

function countMatches(re: RegExp, text: string, cap: number): { count: number; first: string | null } {
  re.lastIndex = 0;
  let count = 0;
  let first: string | null = null;
  for (let m = re.exec(text); m && count < cap; m = re.exec(text)) {
    count++;
    first ??= m[0];
  }
  return { count, first };
}

function siteReasons(input: DetectInput): DetectReason[] {
  const reasons: DetectReason[] = [];
  const host = siteOf(input.url) ?? input.url;
  if (isGovHost(input.url)) reasons.push({ signal: 'gov_host', weight: 1, detail: `网址属于政府网站（gov.cn）：${host}` });
  if (isDisciplineHost(input.url)) reasons.push({ signal: 'discipline_host', weight: 1, detail: `网址疑似纪检监察网站：${host}` });
  const user = matchesUserSite(input.url, input.userSites ?? []);
  if (user) reasons.push({ signal: 'user_site', weight: 2, detail: `网址在您添加的网站列表中：${user}` });
  return reasons;
}

/** A usable title: trimmed, not a sentence. */
function titleText(value: string | null): string {
  const t = value?.trim() ?? '';
  return t.length > TITLE_MAX_CHARS || t.includes('。') ? '' : t;
}

function titleReasons(input: DetectInput): DetectReason[] {
  const titles = [['h1', titleText(input.h1)], ['title', titleText(input.title)]] as const;
  for (const [, t] of titles) {
    const news = /巡视|巡察/.test(t) ? TITLE_NEWS.exec(t) : null;
    if (news && !TITLE_CALLS_ITSELF_NOTICE.test(t)) {
      return [{ signal: 'title_news', weight: -3, detail: `标题像会议、进驻等新闻报道（“${news[0]}”），不是整改通报本身` }];
    }
  }
  for (const [signal, t] of titles) {
    const m = TITLE_NOTICE.exec(t);
    if (m) return [{ signal: `${signal}_notice`, weight: 4, detail: `标题含“${clip(m[0])}”` }];
  }
  for (const [, t] of titles) {
    const m = TITLE_WEAK.exec(t);
    if (m) return [{ signal: 'title_rectification', weight: 2, detail: `标题提到巡视巡察整改：“${clip(m[0])}”` }];
  }
  return [];
}

function bodyReasons(bodyText: string): DetectReason[] {
  const body = bodyText.slice(0, BODY_SCAN_CHARS);
  const reasons: DetectReason[] = [];
  const feedback = FEEDBACK.exec(body);
  if (feedback) reasons.push({ signal: 'feedback_sentence', weight: 2, detail: `正文开头说明“${feedback[0]}”` });
  const publish = PUBLISH.exec(body);
  if (publish) {
    // the notice's own formula, `现将巡察整改进展情况予以公布`, weighs more: news reports an event, it does not publish one
    const own = RECTIFICATION_PUBLISHED.test(publish[0]);
    reasons.push({ signal: 'publish_formula', weight: own ? 3 : 2, detail: `正文含公开用语“${clip(publish[0])}”` });
  }
  const items = countMatches(TARGETED_ITEM, body, 50);
  if (items.count >= 2) {
    reasons.push({ signal: 'targeted_items', weight: items.count >= 5 ? 2 : 1, detail: `正文列出${items.count}处“针对…问题”，如“${clip(items.first!)}”` });
  }
  const tags = countMatches(STATUS_TAG, body, 50);
  if (tags.count > 0) reasons.push({ signal: 'status_tags', weight: 2, detail: `正文有${tags.count}处整改状态标注，如“${tags.first}”` });
  const progress = PROGRESS.exec(body);
  if (progress) reasons.push({ signal: 'progress_phrase', weight: 1, detail: `正文提到“${progress[0]}”` });
  return reasons;
}

export function detectNotice(input: DetectInput): DetectResult {
  const reasons = [...siteReasons(input), ...titleReasons(input), ...bodyReasons(input.bodyText)];
  const score = reasons.reduce((sum, r) => sum + r.weight, 0);
  const anchored = reasons.some(
    (r) => r.signal.endsWith('_notice') || r.signal === 'feedback_sentence' || (r.signal === 'publish_formula' && r.weight === 3),
  );
  return { isNotice: anchored && score >= NOTICE_THRESHOLD, score, reasons };
}
