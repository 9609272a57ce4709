/**
 * Keyboard behaviour of the overlay as pure key → action tables (WAI-ARIA APG listbox and tree patterns):
 * each list is one tab stop; arrows, Home and End move inside it; Enter activates; Right/Left open, close
 * and walk a tree. The overlay components only apply the actions.
 */

/** The shortcut that moves focus into the overlay (also the manifest command's suggested key). */
export const FOCUS_OVERLAY_SHORTCUT = 'Alt+Shift+R';

export interface KeyLike {
  key: string;
  code?: string;
  altKey: boolean;
  shiftKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
}

/**
 * Alt+Shift+R pressed in the page. Matched on the physical key (`code`): with Alt held, `key` depends on the
 * keyboard layout (macOS Option+Shift+R types ‰).
 */
export function isFocusShortcut(e: KeyLike): boolean {
  const r = e.code ? e.code === 'KeyR' : e.key.toLowerCase() === 'r';
  return r && e.altKey && e.shiftKey && !e.ctrlKey && !e.metaKey;
}

/** The index focus moves to in a list of `count` items from `index`, or null when the key is not a move. */
export function listMove(key: string, index: number, count: number): number | null {
  if (count <= 0) return null;
  const last = count - 1;
  const from = Math.min(Math.max(index, 0), last);
  switch (key) {
    case 'ArrowDown':
      return Math.min(from + 1, last);
    case 'ArrowUp':
      return Math.max(from - 1, 0);
    case 'Home':
      return 0;
    case 'End':
      return last;
    default:
      return null;
  }
}

/** Keys that activate the focused option/treeitem (jump to its passage). */
export function isActivation(key: string): boolean {
  return key === 'Enter' || key === ' ';
}

export type TreeAction = 'expand' | 'collapse' | 'first-child' | 'parent';

/** Right/Left on a treeitem: open it, step into it, close it, or step out to its parent (APG tree). */
export function treeKey(key: string, node: { expandable: boolean; expanded: boolean; hasParent: boolean }): TreeAction | null {
  if (key === 'ArrowRight') {
    if (!node.expandable) return null;
    return node.expanded ? 'first-child' : 'expand';
  }
  if (key === 'ArrowLeft') {
    if (node.expandable && node.expanded) return 'collapse';
    return node.hasParent ? 'parent' : null;
  }
  return null;
}
