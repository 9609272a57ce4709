/**
 * Focus handoff between the page and the overlay: the shortcut (in-page Alt+Shift+R or the manifest command)
 * asks the overlay to take focus; Esc gives it back to the page element that had it before.
 */
import { Store } from '@/lib/page/store';

/** The overlay's host element name (its shadow root is closed: the page sees only this element). */
export const OVERLAY_NAME = 'rectify-lens-overlay';

/** Each request bumps `seq`; the overlay reacts to the change. `toPage`: focus was inside, so it goes back. */
export const focusRequests = new Store<{ seq: number; toPage: boolean }>({ seq: 0, toPage: false });

let pageFocus: HTMLElement | null = null;

/** Remembers the page element focus comes from (called when focus enters the overlay). */
export function rememberPageFocus(el: Element | null): void {
  if (el instanceof HTMLElement && el !== document.body) pageFocus = el;
  else if (el === null || el === document.body) pageFocus = null;
}

/** One press seen twice (a browser that runs the command and also lets the page see the key) toggles once. */
const SAME_PRESS_MS = 300;
let last = { source: '', at: -Infinity };

/**
 * Asks the overlay to take focus, or, when it has it already, to hand it back to the page. `source`: the key
 * in the page or the manifest command.
 */
export function requestOverlayFocus(focusInside: boolean, source: 'key' | 'command'): void {
  const now = performance.now();
  if (source !== last.source && now - last.at < SAME_PRESS_MS) return;
  last = { source, at: now };
  if (!focusInside) rememberPageFocus(document.activeElement);
  focusRequests.set({ seq: focusRequests.get().seq + 1, toPage: focusInside });
}

/** Gives focus back to where it was in the page; when that element is gone, just leaves the overlay (`from`: its root). */
export function returnFocusToPage(from: Node): void {
  const el = pageFocus;
  if (el?.isConnected) {
    el.focus({ preventScroll: true });
    if (document.activeElement === el) return;
  }
  // Nothing focusable to return to: leave the overlay so keys reach the page again.
  const root = from.getRootNode() as Document | ShadowRoot;
  (root.activeElement as HTMLElement | null)?.blur?.();
}
