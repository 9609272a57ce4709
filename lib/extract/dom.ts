/**
 * DOM walking and element classification (skipped, hidden, block) for the text extraction.
 *
 * Runs in the content script and, for the CLI and tests, on happy-dom or linkedom, so it relies only on basic
 * DOM traversal (childNodes/firstChild/nextSibling/parentNode, querySelectorAll, getAttribute) and uses numeric
 * nodeType checks instead of `instanceof` (no cross-realm traps).
 */

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

export function tagOf(el: Element): string {
  return (el.localName || el.nodeName).toLowerCase();
}

const DISPLAY_NONE = /display\s*:\s*none/i;
const DISPLAY_BLOCK = /display\s*:\s*(block|flex|grid|list-item|table)/i;

export function isHidden(el: Element): boolean {
  if (el.hasAttribute('hidden') || el.hasAttribute('data-rl-ignore')) return true;
  const style = el.getAttribute('style');
  return style !== null && DISPLAY_NONE.test(style);
}

export function isSkipped(el: Element): boolean {
  return SKIP_TAGS.has(tagOf(el)) || isHidden(el);
}

export function isBlock(el: Element): boolean {
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
export function walk(root: Node, v: Visitor): void {
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
