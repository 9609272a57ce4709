/** Finding the article root: CMS container selectors first, then the densest text container; page chrome ignored. */
import { isHidden, isSkipped, tagOf, walk } from './dom';
import { isCollapsible } from './text';

/** Page regions that are never the article (findArticleRoot ignores them). */
const CHROME_TAGS = new Set(['nav', 'header', 'footer', 'aside']);

/** Containers used by common gov CMSs (TRS, 开普云 UCAP, 政府网站集约化平台 …), most specific first. */
const ARTICLE_SELECTORS = [
  '.TRS_Editor',
  '#zoom',
  '#UCAP-CONTENT',
  '.pages_content',
  '.article-content',
  '.article_content',
  '#article-content',
  '.news_content',
  '.zw',
  '#content',
  '.content',
  '.article',
  'article',
];

const MIN_ARTICLE_CHARS = 50;

export function insideChrome(el: Element): boolean {
  for (let p: Element | null = el.parentElement; p; p = p.parentElement) {
    if (CHROME_TAGS.has(tagOf(p))) return true;
  }
  return false;
}

/** Count of visible non-whitespace characters below el (skipping script/style/hidden/chrome). */
function visibleChars(el: Element): number {
  let count = 0;
  walk(el, {
    enter: (e) => !isSkipped(e) && !CHROME_TAGS.has(tagOf(e)),
    exit: () => {},
    text(node) {
      const d = node.data;
      for (let i = 0; i < d.length; i++) if (!isCollapsible(d.charCodeAt(i))) count++;
    },
  });
  return count;
}

const CONTAINER_TAGS = new Set(['div', 'td', 'th', 'article', 'section', 'main', 'body', 'blockquote', 'form', 'center']);

/** Largest text block by density: text credited to its nearest container (half to the next one), links discounted. */
function densestContainer(doc: Document): Element | null {
  const body = doc.body ?? doc.documentElement;
  if (!body) return null;
  const score = new Map<Element, number>();
  walk(body, {
    enter: (e) => !isSkipped(e) && !CHROME_TAGS.has(tagOf(e)),
    exit: () => {},
    text(node) {
      let chars = 0;
      const d = node.data;
      for (let i = 0; i < d.length; i++) if (!isCollapsible(d.charCodeAt(i))) chars++;
      if (chars === 0) return;
      let inLink = false;
      let el = node.parentElement;
      while (el && !CONTAINER_TAGS.has(tagOf(el))) {
        if (tagOf(el) === 'a') inLink = true;
        el = el.parentElement;
      }
      if (!el) return;
      const credit = inLink ? -chars : chars; // link lists (menus) count against their container
      score.set(el, (score.get(el) ?? 0) + credit);
      let parent = el.parentElement;
      while (parent && !CONTAINER_TAGS.has(tagOf(parent))) parent = parent.parentElement;
      if (parent) score.set(parent, (score.get(parent) ?? 0) + credit / 2);
    },
  });
  let best: Element | null = null;
  let bestScore = 0;
  for (const [el, s] of score) {
    if (s > bestScore) {
      best = el;
      bestScore = s;
    }
  }
  return best;
}

export function findArticleRoot(doc: Document): Element {
  for (const selector of ARTICLE_SELECTORS) {
    let best: Element | null = null;
    let bestChars = MIN_ARTICLE_CHARS - 1;
    for (const el of Array.from(doc.querySelectorAll(selector))) {
      if (isHidden(el) || insideChrome(el)) continue;
      const chars = visibleChars(el);
      if (chars > bestChars) {
        best = el;
        bestChars = chars;
      }
    }
    if (best) return best;
  }
  return densestContainer(doc) ?? doc.body ?? doc.documentElement;
}
