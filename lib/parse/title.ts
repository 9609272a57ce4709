/**
 * Title text cleanup: a list bullet before the title and a date printed after it are not part of it
 * (`…的通报（2024-07-26）`, `…的通报 2024-07-26`, `…的通报[2024年7月26日]`), and a page `<title>` carries
 * the site's name (`…的通报_××市人民政府`, `…的通报-××纪委监委`, `××网 | …的通报`).
 */

const TRAILING_DATE =
  /\s*[（(【[]?\s*\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?(?:\s*\d{1,2}[:：]\d{2}(?:[:：]\d{2})?)?\s*[）)】\]]?$/;
const DOC_WORDS = /关于|通报|情况|报告|公告|公示|巡视|巡察|整改/;
/** What a notice calls itself at the end of its title: a title line not ending so may continue (`…整改情况` ⏎ `的通报`). */
export const TITLE_END = /(通报|报告|公告|公示)$/;

/** The title without whitespace and without a trailing date stamp. */
export function cleanTitle(raw: string): string {
  return fromTitleSegment(raw).replace(/\s+/g, '').replace(LEADING_TAG, '').replace(TRAILING_DATE, '').trim();
}
/** A list bullet, or a column tag in brackets (`【巡察整改】`), before the title. */
const LEADING_TAG = /^(?:[•·●○◆◇■□▪▶►*]+|【[^】]{1,8}】)/;

/** The date printed after a title (`…的通报 2026-02-13`), as YYYY-MM-DD parts, or null. */
export function trailingDate(raw: string): [number, number, number] | null {
  const m = TRAILING_DATE.exec(raw.replace(/\s+$/, ''));
  const d = m ? /(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})/.exec(m[0]) : null;
  return d ? [Number(d[1]), Number(d[2]), Number(d[3])] : null;
}

/**
 * A banner line made of several space-separated segments (`梅州市人民政府门户网站 梅州市交通运输局 政务公告
 * 中共…的通报`): the title starts at the first segment naming the issuer or 关于. Two segments
 * (`中共××委员会 关于…的通报`) are one title.
 */
function fromTitleSegment(raw: string): string {
  const parts = raw.trim().split(/\s+/);
  if (parts.length < 3) return raw;
  const at = parts.findIndex((p) => /^(?:中共|中国共产党)|关于/.test(p));
  return at > 0 ? parts.slice(at).join('') : raw;
}

/** Segment separators in page titles: `_`, `|`, `—`, and `-` not between digits (dates keep theirs). */
const SEPARATOR = /\s*(?:_|\||｜|—{1,2}|–|(?<!\d)-{1,2}|-{1,2}(?!\d))\s*/;

/**
 * A page `<title>`/`<h1>` reduced to the notice title: site-name segments (no 关于/通报/巡察… words)
 * are dropped from both ends. Null when what remains does not read like a notice title.
 */
export function titleFromPage(pageTitle: string | null | undefined): string | null {
  if (!pageTitle) return null;
  const parts = pageTitle.trim().split(SEPARATOR).filter(Boolean);
  let from = 0;
  let to = parts.length;
  while (to - from > 1 && !DOC_WORDS.test(parts[to - 1])) to--;
  while (to - from > 1 && !DOC_WORDS.test(parts[from])) from++;
  const title = cleanTitle(parts.slice(from, to).join('-'));
  return /关于|通报|报告|公告|公示/.test(title) && title.length <= 100 ? title : null;
}
