/** The notice title and the chrome lines around the article (breadcrumb, 来源/发布日期). */
import { isBlock, isHidden, isSkipped, walk } from './dom';
import { extractText, TextBuilder } from './text';
import { findArticleRoot, insideChrome } from './article-root';

const CJK = /[\u3000-\u9fff\uff00-\uffef]/;

/** Lines of an element's text joined into one title: CJK lines join without a space (标题 split over lines). */
function joinLines(text: string): string {
  const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
  let out = '';
  for (const line of lines) {
    if (out && !(CJK.test(out[out.length - 1]) || CJK.test(line[0]))) out += ' ';
    out += line;
  }
  return out;
}

function cleanTitle(s: string | null | undefined): string | null {
  if (!s) return null;
  const t = joinLines(s.replace(/[ \t\r\f\u00a0]+/g, ' '));
  return t.length > 0 ? t : null;
}

const TITLE_SELECTORS = ['.article-title', '.arti_title', '.news_title', '.title', '#title', '.tit'];
const SITE_SUFFIX = /\s*(?:_|\||-|—|–)\s*/;

export function extractTitle(doc: Document): string | null {
  for (const h of Array.from(doc.querySelectorAll('h1'))) {
    if (insideChrome(h) || isHidden(h)) continue;
    const t = cleanTitle(extractText(h).text);
    if (t && t.length >= 4) return t;
  }
  for (const sel of TITLE_SELECTORS) {
    const el = doc.querySelector(sel);
    if (!el || insideChrome(el)) continue;
    const t = cleanTitle(extractText(el).text);
    if (t && t.length >= 4) return t;
  }
  for (const name of ['og:title', 'ArticleTitle']) {
    const meta = doc.querySelector(`meta[property="${name}"], meta[name="${name}"]`);
    const t = cleanTitle(meta?.getAttribute('content'));
    if (t) return t;
  }
  const docTitle = cleanTitle(doc.title);
  if (!docTitle) return null;
  // "通报标题_某某网站" / "标题 - 网站": the page title comes first.
  return docTitle.split(SITE_SUFFIX).find((part) => part.length >= 4) ?? docTitle;
}

const CHROME_LINE = /(?:所在位置|当前位置|您的位置|现在位置|来源[:：]|发布日期|发布时间|日期[:：]|时间[:：])/;
const MAX_CHROME_LINE = 200;

/**
 * The breadcrumb and 来源/发布日期 lines near the article (where the parser reads the publish date), joined by
 * '\n'. Lines before the article come first; if none, lines after it. Falls back to the PubDate meta tag.
 */
export function extractChromeText(doc: Document, articleRoot?: Element): string {
  const body = doc.body ?? doc.documentElement;
  if (!body) return '';
  const root = articleRoot ?? findArticleRoot(doc); // callers that already found the root pass it
  const before: string[] = [];
  const after: string[] = [];
  let seenArticle = false;
  // Walk the page outside the article, line by line.
  let current = new TextBuilder();
  const endLine = () => {
    const line = current.result().trim();
    if (line && line.length <= MAX_CHROME_LINE && CHROME_LINE.test(line)) (seenArticle ? after : before).push(line);
    current = new TextBuilder();
  };
  walk(body, {
    enter(el) {
      if (isSkipped(el)) return false;
      if (el === root) {
        endLine();
        seenArticle = true;
        return false;
      }
      if (isBlock(el)) endLine();
      return true;
    },
    exit(el) {
      if (isBlock(el)) endLine();
    },
    text(node) {
      current.addText(node);
    },
  });
  endLine();
  const found = before.length > 0 ? before : after;
  if (found.length > 0) return found.join('\n');
  const pub = doc.querySelector('meta[name="PubDate"], meta[name="pubdate"], meta[property="article:published_time"]');
  const date = pub?.getAttribute('content')?.trim();
  return date ? `发布日期：${date}` : '';
}
