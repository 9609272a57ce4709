/**
 * The controller's small page-side helpers: yielding to the page, telling its own DOM changes from the page's,
 * and the page-level styles of marks and of the scroll-to flash.
 */
import { MARK_CLASS, MARK_CSS } from './highlighter';

const STYLE_ID = 'rectify-lens-mark-style';

/** Lets the page paint and handle input between the stages of a long analysis. */
export function yieldToPage(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export function isOwnMutation(r: MutationRecord): boolean {
  const nodes = [...Array.from(r.addedNodes), ...Array.from(r.removedNodes)];
  if (nodes.length === 0) return false;
  return nodes.every((n) => (n instanceof Element && (n.classList.contains(MARK_CLASS) || n.tagName.toLowerCase() === 'rectify-lens-overlay')) || n.nodeType === Node.TEXT_NODE);
}

export function ensureMarkStyle(doc: Document): void {
  if (doc.getElementById(STYLE_ID)) return;
  const style = doc.createElement('style');
  style.id = STYLE_ID;
  style.textContent = `${MARK_CSS}\n::highlight(rl-flash) { background-color: rgba(255, 106, 0, 0.45); }`;
  (doc.head ?? doc.documentElement).appendChild(style);
}

/** Flashes a range with the CSS Custom Highlight API (no DOM change); falls back to nothing. */
export function flashRange(doc: Document, range: Range): void {
  const g = globalThis as unknown as { CSS?: { highlights?: Map<string, unknown> }; Highlight?: new (...r: Range[]) => unknown };
  if (!g.CSS?.highlights || !g.Highlight) return;
  ensureMarkStyle(doc);
  g.CSS.highlights.set('rl-flash', new g.Highlight(range));
  setTimeout(() => g.CSS?.highlights?.delete('rl-flash'), 1600);
}

export function removeMarkStyle(doc: Document): void {
  doc.getElementById(STYLE_ID)?.remove();
}
