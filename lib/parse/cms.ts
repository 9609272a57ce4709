/**
 * Page chrome around a notice: breadcrumbs, CMS metadata blocks and page widgets.
 *
 * Government CMS pages put a metadata block above (or beside) the notice, as a table or one field per
 * line, with the value after the label or on the next line:
 *   `索引号：11440115… 主题分类：其他 发布机构：广州市南沙区龙穴街道办事处 成文日期：2024-07-26`
 *   `信息来源：古镇镇人民政府 发布日期：2025-09-12 浏览次数：… 【字号：大 中 小】【打印】【关闭】`
 *   `2023-03-17 09:13编辑：陆元华`, `2021-02-23 12:42:06来源：广州市住房和城乡建设局`.
 * These lines are chrome: never the title, never the body. Their fields are evidence for the publish
 * date (成文日期, 发布日期…) and the organization (发布机构).
 * Every test here is a bounded pattern on one line: linear in the text.
 */

/** CMS field labels, longest first so `发布日期` wins over `日期` and `信息来源` over `来源`. */
const LABELS = [
  '索引号', '信息索引号', '文件名称', '文件编号', '浏览量', '主题分类', '主题词', '体裁分类', '组配分类', '服务对象', '信息分类', '公开方式', '公开范围', '公开时限',
  '发布机构', '发文机关', '发文机构', '发文单位', '所属机构', '成文日期', '发布日期', '发布时间', '发表时间', '更新时间', '更新日期', '公开日期', '生成日期',
  '文号', '发文字号', '信息来源', '文章来源', '来源', '浏览次数', '访问次数', '点击数', '点击量', '点击次数', '阅读次数',
  '阅读量', '阅读', '浏览', '作者', '编辑', '责任编辑', '字号', '字体', '字体显示', '有效性', '分类', '名称', '标题',
  '时间', '日期',
].sort((a, b) => b.length - a.length);

const LABEL_ALT = LABELS.join('|');
const LONG_LABEL_ALT = LABELS.filter((l) => l.length > 2).join('|');
const SHORT_LABEL_ALT = LABELS.filter((l) => l.length <= 2).join('|');
/**
 * `发布机构：`, `来源:`, `日期 ：` — a label with its colon, anywhere in a line. A two-character label must not
 * end a longer word (`巡察时间：`, `反馈时间：` are header fields, not page chrome).
 */
const LABEL_WITH_COLON = new RegExp(`(?:(${LONG_LABEL_ALT})|(?<![\\u4e00-\\u9fff])(${SHORT_LABEL_ALT}))\\s*[：:]`, 'g');
/** A line that is only a label (its value is on the next line): `发布机构`, `成文日期：`. */
const BARE_LABEL = new RegExp(`^(${LABEL_ALT})\\s*[：:]?$`);
/** A line that starts with a label and a colon, or a specific label followed by a space. */
const LABEL_START = new RegExp(`^(?:(?:${LABEL_ALT})\\s*[：:]|(?:索引号|主题分类|发布机构|成文日期|发布日期|发布时间|信息来源|文号)\\s)`);

const BREADCRUMB =
  /^(所在位置|当前位置|您当前的位置|您现在的位置|您的位置|当前页面|首页\s*[>＞»]|长者助手|无障碍|登录|注册|搜索|欢迎进入|欢迎访问)|[>＞»]{1,2}[^>＞»]{1,30}[>＞»]{1,2}/;
const WIDGET = /【[^】]{0,12}(大|中|小|打印|关闭|字号|字体|分享|收藏)[^】]{0,12}】|\[\s*(打印|关闭)/;
/** `分享：`, `打印本页 关闭窗口` — only on short lines (a sentence may end in 关闭). */
const WIDGET_WORDS = /(分享|打印|关闭窗口|打印本页|收藏|关闭|朗读|播放)(：|:|$)/;
/** A line made only of punctuation: `-`, `——`, `|`, `【】`. */
const PUNCT_ONLY = /^[\s\-—–_=*·•|>＞»【】[\]()（）:：]+$/;
/** `2023-03-17 09:13编辑：…`, `2021-02-23 12:42:06来源：…`, `[2024-07-26]`, a bare `2024年07月26日` near the title. */
const DATETIME_LINE =
  /^[[【（(]?\s*\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?\s*(?:\d{1,2}[:：]\d{2}(?:[:：]\d{2})?)?\s*[\]】）)]?(?:$|\s|(?:来源|编辑|作者|发布|浏览|点击|阅读|责任编辑|字号)|[\u4e00-\u9fff]{0,4}[：:])/;

export const CHROME_MAX_CHARS = 160;

/** List bullets some CMS templates put before each field (`• 发布机构:`). */
const BULLET = /^[•·●○◆◇■□▪▶►*]\s*/;
const unbullet = (t: string) => t.replace(BULLET, '');

/** Is this line page chrome (breadcrumb, CMS metadata, widget, a date stamp)? Lines with sentences never are. */
export function isChromeLine(line: string): boolean {
  if (line.length > CHROME_MAX_CHARS) return false;
  const t = unbullet(line);
  if (PUNCT_ONLY.test(t) || BREADCRUMB.test(t) || WIDGET.test(t) || BARE_LABEL.test(t)) return true;
  if (t.length <= 30 && WIDGET_WORDS.test(t) && !/[，。；]/.test(t)) return true;
  if (LABEL_START.test(t)) return true;
  if (DATETIME_LINE.test(t) && !/[，。；]/.test(t)) return true;
  LABEL_WITH_COLON.lastIndex = 0;
  // a label with its colon inside the line: `作者：学院 日期：2024年05月20日`, `来源：南粤清风网 日期：…`
  return LABEL_WITH_COLON.test(t) && !/[。；]/.test(t);
}

/**
 * A title printed on the same line as its metadata (`关于…的通报 发布时间：2024-07-26`): the text
 * before the first label, when it ends like a title; else null.
 */
export function titleBeforeFields(t: string): string | null {
  LABEL_WITH_COLON.lastIndex = 0;
  const m = LABEL_WITH_COLON.exec(t);
  if (!m || m.index < 8) return null;
  const head = t.slice(0, m.index).trim();
  return /(通报|报告|公告|公示)$/.test(head) ? head : null;
}

/** A bare label line whose value is on the next line. */
export function isBareLabel(t: string): boolean {
  return BARE_LABEL.test(unbullet(t));
}

export interface CmsField {
  label: string;
  value: string;
}

/**
 * The label/value pairs of chrome lines, in order. A bare label takes the next line as its value;
 * a leading date stamp (`2023-03-17 09:13编辑：…`) is read as `日期`.
 */
export function readCmsFields(lines: string[]): CmsField[] {
  const texts = lines.map(unbullet);
  const fields: CmsField[] = [];
  for (let i = 0; i < texts.length; i++) {
    const t = texts[i];
    const bare = BARE_LABEL.exec(t);
    if (bare) {
      const next = texts[i + 1];
      if (next !== undefined && !isChromeLabelLine(next) && !/[，。；]/.test(next)) {
        fields.push({ label: bare[1], value: next.trim() });
        i++;
      }
      continue;
    }
    const stamp = DATETIME_LINE.exec(t);
    if (stamp && !/[，。；]/.test(t)) fields.push({ label: '日期', value: stamp[0] });
    splitFields(t, fields);
  }
  return fields;
}

function isChromeLabelLine(t: string): boolean {
  return BARE_LABEL.test(t) || LABEL_START.test(t);
}

/** `来源：明珠湾管理局发布日期：2022-12-08` → 来源 = 明珠湾管理局, 发布日期 = 2022-12-08. */
function splitFields(t: string, out: CmsField[]): void {
  LABEL_WITH_COLON.lastIndex = 0;
  let prev: { label: string; valueStart: number } | null = null;
  for (let m = LABEL_WITH_COLON.exec(t); m; m = LABEL_WITH_COLON.exec(t)) {
    if (prev) out.push({ label: prev.label, value: t.slice(prev.valueStart, m.index).trim() });
    prev = { label: m[1] ?? m[2], valueStart: m.index + m[0].length };
  }
  if (prev) out.push({ label: prev.label, value: t.slice(prev.valueStart).trim() });
}

const FIELD_DATE = /(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})/;

/** The first valid date among fields with one of `labels` (in field order), as YYYY-MM-DD. */
export function cmsDate(fields: CmsField[], labels: readonly string[]): string | null {
  for (const f of fields) {
    if (!labels.includes(f.label)) continue;
    const m = FIELD_DATE.exec(f.value);
    const d = m ? isoDay(Number(m[1]), Number(m[2]), Number(m[3])) : null;
    if (d) return d;
  }
  return null;
}

/** The first full date written anywhere in `texts` (`编辑：陶某2021-11-23 10:50`, `来源时间为:2023-03-25`). */
export function anyDate(texts: string[]): string | null {
  for (const t of texts) {
    if (/巡[视察]|反馈|整改/.test(t)) continue; // a header-like line (`巡察时间：…，反馈时间：…`), not a page stamp
    const m = FIELD_DATE.exec(t);
    const d = m ? isoDay(Number(m[1]), Number(m[2]), Number(m[3])) : null;
    if (d) return d;
  }
  return null;
}

/** The first non-empty value of a field. */
export function cmsValue(fields: CmsField[], labels: readonly string[]): string | null {
  for (const f of fields) if (labels.includes(f.label) && f.value) return f.value;
  return null;
}

/** Document date first (成文日期 is the notice's own date), then the page's publication stamps. */
export const DOCUMENT_DATE_LABELS = ['成文日期'] as const;
export const PAGE_DATE_LABELS = ['发布日期', '发布时间', '发表时间', '公开日期', '日期', '时间', '更新时间', '更新日期', '生成日期'] as const;
export const PUBLISHER_LABELS = ['发布机构', '发文机关', '发文机构', '发文单位'] as const;
export const TITLE_LABELS = ['标题', '名称'] as const;

export function isoDay(y: number, m: number, d: number): string | null {
  if (y < 1900 || y > 2999 || m < 1 || m > 12 || d < 1 || d > 31) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
