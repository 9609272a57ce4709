/**
 * Roving tabindex for the overlay's lists (APG listbox and tree): the list is one tab stop (the item last
 * focused, else the first); arrows, Home and End move focus inside it; Enter or Space activates the focused
 * item (its click handler); in a tree, Right/Left open, close and walk the levels. The key → action mapping
 * is lib/overlay-keys; this hook only applies it to the DOM.
 */
import type { RefObject } from 'preact';
import { useEffect } from 'preact/hooks';
import { isActivation, listMove, treeKey } from '@/lib/overlay-keys';

interface RovingOptions {
  /** Selector of the items (options or treeitems) inside the container, in visual order. */
  item: string;
  /** Listbox: aria-selected follows focus. */
  selectable?: boolean;
  /** Tree: selector (relative to an item) of the control that opens and closes it. */
  treeToggle?: string;
}

function setAttr(el: Element, name: string, value: string): void {
  if (el.getAttribute(name) !== value) el.setAttribute(name, value);
}

export function useRovingFocus(ref: RefObject<HTMLElement>, { item, selectable = false, treeToggle }: RovingOptions): void {
  useEffect(() => {
    const container = ref.current;
    if (!container) return;
    let active: HTMLElement | null = null;
    const items = () => Array.from(container.querySelectorAll<HTMLElement>(item));
    /** Exactly one item is the tab stop: the active one, or the first when it is gone (collapsed, re-rendered). */
    const sync = () => {
      const all = items();
      if (!active || !all.includes(active)) active = all[0] ?? null;
      for (const el of all) {
        setAttr(el, 'tabindex', el === active ? '0' : '-1');
        if (selectable) setAttr(el, 'aria-selected', String(el === active));
      }
    };
    const focusItem = (el: HTMLElement | null) => {
      if (!el) return;
      active = el;
      sync();
      el.focus();
    };
    const parentItem = (el: HTMLElement) => {
      const parent = el.parentElement?.closest<HTMLElement>(item) ?? null;
      return parent && container.contains(parent) ? parent : null;
    };
    const onTreeKey = (e: KeyboardEvent, el: HTMLElement): boolean => {
      if (!treeToggle) return false;
      const expandable = el.hasAttribute('aria-expanded');
      const action = treeKey(e.key, { expandable, expanded: el.getAttribute('aria-expanded') === 'true', hasParent: parentItem(el) !== null });
      if (!action) return false;
      if (action === 'expand' || action === 'collapse') el.querySelector<HTMLElement>(treeToggle)?.click();
      if (action === 'first-child') focusItem(el.querySelector<HTMLElement>(item));
      if (action === 'parent') focusItem(parentItem(el));
      return true;
    };
    const onKeyDown = (e: KeyboardEvent) => {
      const el = e.target as HTMLElement;
      // keys on the item itself only (not on a control inside it), and never a modified key (shortcuts)
      if (!el.matches?.(item) || e.altKey || e.ctrlKey || e.metaKey) return;
      const all = items();
      const next = listMove(e.key, all.indexOf(el), all.length);
      let handled = true;
      if (next !== null) focusItem(all[next]);
      else if (isActivation(e.key)) el.click();
      else handled = onTreeKey(e, el);
      if (handled) e.preventDefault();
    };
    const onFocusIn = (e: FocusEvent) => {
      const el = (e.target as Element).closest?.<HTMLElement>(item);
      if (el && el !== active && container.contains(el)) {
        active = el;
        sync();
      }
    };
    // items come and go as tree nodes open and close, and as the notice is re-analyzed
    const observer = new MutationObserver(sync);
    observer.observe(container, { childList: true, subtree: true });
    sync();
    container.addEventListener('keydown', onKeyDown);
    container.addEventListener('focusin', onFocusIn);
    return () => {
      observer.disconnect();
      container.removeEventListener('keydown', onKeyDown);
      container.removeEventListener('focusin', onFocusIn);
    };
  }, [ref, item, selectable, treeToggle]);
}
