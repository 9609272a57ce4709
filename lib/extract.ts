/**
 * DOM → article text + offset map. Runs in the content script and, for the CLI and tests, on happy-dom or
 * linkedom, so it relies only on basic DOM traversal (childNodes/firstChild/nextSibling/parentNode,
 * querySelectorAll, getAttribute) and uses numeric nodeType checks instead of `instanceof` (no cross-realm traps).
 *
 * Text model (what lib/parse sees):
 * - block elements (p, div, li, tr, td, h1-h6, section, br …) are line boundaries: exactly one '\n' between
 *   non-empty lines, none at the start or end (so `<br><br>` and `<p>` pages give the same text);
 * - inline elements (span, strong, font, a, b, em …) join without a separator: `<span>20</span><span>25年</span>` → "2025年";
 * - runs of ASCII whitespace collapse to one space, and are dropped at line starts/ends, as a browser renders;
 *   NBSP / ideographic-space indentation at the start of a line is dropped too; inside a line it is kept;
 * - script/style/noscript/template, form controls, `hidden` and inline `display:none` subtrees are skipped,
 *   as is anything marked `data-rl-ignore` (the extension's own UI).
 *
 * Offset map: every segment is a verbatim run, `text.slice(s.start, s.end) === s.node.data.slice(s.nodeStart,
 * s.nodeStart + (s.end - s.start))`. Synthetic characters (the '\n' separators and a collapsed space whose source
 * was not a plain ' ') map to no node. A text node may own several segments (its whitespace was collapsed).
 */

export interface TextSegment {
  node: Text;
  /** [start, end) in the extracted text. */
  start: number;
  end: number;
  /** Where the run begins in node.data. */
  nodeStart: number;
}

export interface ExtractedText {
  root: Element;
  text: string;
  segments: TextSegment[];
}

const ELEMENT = 1;
const TEXT = 3;

const SKIP_TAGS = new Set([
  'script', 'style', 'noscript', 'template', 'head', 'title', 'meta', 'link', 'iframe', 'object', 'embed',
  'svg', 'canvas', 'audio', 'video', 'select', 'textarea', 'input', 'button', 'option', 'datalist',
]);

const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'dialog', 'dir',
  'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'header', 'hgroup', 'hr', 'html', 'legend', 'li', 'main', 'menu', 'nav', 'ol', 'p', 'pre', 'section',
  'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul', 'br',
]);

/** Page regions that are never the article (findArticleRoot ignores them). */
const CHROME_TAGS = new Set(['nav', 'header', 'footer', 'aside']);

export function tagOf(el: Element): string {
  return (el.localName || el.nodeName).toLowerCase();
}

const DISPLAY_NONE = /display\s*:\s*none/i;
const DISPLAY_BLOCK = /display\s*:\s*(block|flex|grid|list-item|table)/i;

function isHidden(el: Element): boolean {
  if (el.hasAttribute('hidden') || el.hasAttribute('data-rl-ignore')) return true;
  const style = el.getAttribute('style');
  return style !== null && DISPLAY_NONE.test(style);
}

function isSkipped(el: Element): boolean {
  return SKIP_TAGS.has(tagOf(el)) || isHidden(el);
}

function isBlock(el: Element): boolean {
  if (BLOCK_TAGS.has(tagOf(el))) return true;
  const style = el.getAttribute('style');
  return style !== null && DISPLAY_BLOCK.test(style);
}

interface Visitor {
  /** Return false to skip the element's subtree (exit is then not called). */
  enter(el: Element): boolean;
  exit(el: Element): void;
  text(node: Text): void;
}

/** Iterative document-order walk below `root` (no recursion: deep CMS markup cannot overflow the stack). */
function walk(root: Node, v: Visitor): void {
  let n: Node | null = root.firstChild;
  while (n) {
    let descended = false;
    if (n.nodeType === ELEMENT) {
      if (v.enter(n as Element)) {
        if (n.firstChild) {
          n = n.firstChild;
          continue;
        }
        descended = true;
      }
    } else if (n.nodeType === TEXT) v.text(n as Text);
    if (descended) v.exit(n as Element);
    while (n && n !== root && !n.nextSibling) {
      n = n.parentNode;
      if (n && n !== root) v.exit(n as Element);
    }
    if (!n || n === root) return;
    n = n.nextSibling;
  }
}

const isCollapsible = (c: number) => c === 32 || c === 9 || c === 10 || c === 13 || c === 12;
/** Indentation characters dropped at the start of a line (NBSP, en/em space, ideographic space). */
const isIndent = (c: number) => c === 0xa0 || c === 0x2002 || c === 0x2003 || c === 0x3000;

class TextBuilder {
  private readonly parts: string[] = [];
  readonly segments: TextSegment[] = [];
  private length = 0;
  private lineHasContent = false;
  private pendingBreak = false;
  /** A collapsed space waiting for the next visible character: its source position, or 'synthetic'. */
  private pendingSpace: { node: Text; offset: number } | 'synthetic' | null = null;

  lineBreak(): void {
    if (this.lineHasContent) this.pendingBreak = true;
    this.lineHasContent = false;
    this.pendingSpace = null;
  }

  addText(node: Text): void {
    const data = node.data;
    const n = data.length;
    let i = 0;
    while (i < n) {
      const c = data.charCodeAt(i);
      if (isCollapsible(c)) {
        if (this.lineHasContent && this.pendingSpace === null) {
          this.pendingSpace = c === 32 ? { node, offset: i } : 'synthetic';
        }
        i++;
        continue;
      }
      if (!this.lineHasContent && isIndent(c)) {
        i++;
        continue;
      }
      let j = i + 1;
      while (j < n && !isCollapsible(data.charCodeAt(j))) j++;
      this.flushPending();
      this.emit(data.slice(i, j), node, i);
      this.lineHasContent = true;
      i = j;
    }
  }

  private flushPending(): void {
    if (this.pendingBreak) {
      this.emit('\n', null, 0);
      this.pendingBreak = false;
      this.pendingSpace = null;
    }
    const sp = this.pendingSpace;
    if (sp === 'synthetic') this.emit(' ', null, 0);
    else if (sp) this.emit(' ', sp.node, sp.offset);
    this.pendingSpace = null;
  }

  private emit(s: string, node: Text | null, nodeStart: number): void {
    const start = this.length;
    this.parts.push(s);
    this.length += s.length;
    if (!node) return;
    const last = this.segments[this.segments.length - 1];
    if (last && last.node === node && last.end === start && last.nodeStart + (last.end - last.start) === nodeStart) {
      last.end = this.length;
    } else {
      this.segments.push({ node, start, end: this.length, nodeStart });
    }
  }

  result(): string {
    return this.parts.join('');
  }
}

export function extractText(root: Element): ExtractedText {
  const b = new TextBuilder();
  walk(root, {
    enter(el) {
      if (isSkipped(el)) return false;
      if (isBlock(el)) b.lineBreak();
      return true;
    },
    exit(el) {
      if (isBlock(el)) b.lineBreak();
    },
    text(node) {
      b.addText(node);
    },
  });
  return { root, text: b.result(), segments: b.segments };
}

// ------------------------------------------------------------------------------------------------
// Offsets → DOM

/** Index of the first segment whose end is after `offset` (segments are sorted and disjoint). */
function firstSegmentEndingAfter(segs: TextSegment[], offset: number): number {
  let lo = 0;
  let hi = segs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (segs[mid].end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Per-text-node pieces covering text[start, end) (node offsets); synthetic separators are left out. */
export function pieceRangesForOffsets(ex: ExtractedText, start: number, end: number): Array<{ node: Text; start: number; end: number }> {
  const out: Array<{ node: Text; start: number; end: number }> = [];
  if (!(end > start)) return out;
  const segs = ex.segments;
  for (let i = firstSegmentEndingAfter(segs, start); i < segs.length && segs[i].start < end; i++) {
    const s = segs[i];
    const from = Math.max(start, s.start) - s.start + s.nodeStart;
    const to = Math.min(end, s.end) - s.start + s.nodeStart;
    const prev = out[out.length - 1];
    if (prev && prev.node === s.node && prev.end === from) prev.end = to;
    else out.push({ node: s.node, start: from, end: to });
  }
  return out;
}

/** A DOM Range covering text[start, end), or null when no node text lies in it. */
export function rangeForOffsets(ex: ExtractedText, start: number, end: number): Range | null {
  const pieces = pieceRangesForOffsets(ex, start, end);
  if (pieces.length === 0) return null;
  const first = pieces[0];
  const last = pieces[pieces.length - 1];
  const doc = ex.root.ownerDocument;
  if (!doc || typeof doc.createRange !== 'function') return null;
  const range = doc.createRange();
  range.setStart(first.node, first.start);
  range.setEnd(last.node, last.end);
  return range;
}

/**
 * Extracted-text offset of a DOM text position (e.g. a selection boundary), or null when the node is not part
 * of the extracted text. A position inside collapsed whitespace maps to the next extracted character.
 */
export function offsetForNodePosition(ex: ExtractedText, node: Node, offset: number): number | null {
  let found: number | null = null;
  for (const s of ex.segments) {
    if (s.node !== node) continue;
    const len = s.end - s.start;
    if (offset < s.nodeStart) return found ?? s.start;
    if (offset <= s.nodeStart + len) return s.start + (offset - s.nodeStart);
    found = s.end;
  }
  return found;
}

// ------------------------------------------------------------------------------------------------
// Finding the article

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

function insideChrome(el: Element): boolean {
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

// ------------------------------------------------------------------------------------------------
// Title and chrome

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
export function extractChromeText(doc: Document): string {
  const body = doc.body ?? doc.documentElement;
  if (!body) return '';
  const root = findArticleRoot(doc);
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
