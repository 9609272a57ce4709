/** Pure helpers to present the outline with its problem items (no rendering here). */
import type { Notice, OutlineNode, ProblemItem } from '@/lib/schema';

export { effectiveReading as effectiveStatus } from '@/lib/overrides';

/** Items attached to the deepest outline node containing their start. */
export function itemsByOutlineNode(notice: Notice): Map<string, ProblemItem[]> {
  const result = new Map<string, ProblemItem[]>();
  const deepest = (nodes: OutlineNode[], at: number): OutlineNode | null => {
    for (const n of nodes) {
      if (at >= n.start && at < Math.max(n.end, n.start + 1)) return deepest(n.children, at) ?? n;
    }
    return null;
  };
  for (const item of notice.items) {
    const node = deepest(notice.outline, item.start);
    const key = node?.id ?? '';
    const list = result.get(key) ?? [];
    list.push(item);
    result.set(key, list);
  }
  return result;
}

export function countBy<T, K extends string>(xs: T[], key: (x: T) => K): Record<K, number> {
  const out = {} as Record<K, number>;
  for (const x of xs) out[key(x)] = (out[key(x)] ?? 0) + 1;
  return out;
}

/** Rows (headings and items) past which the outline opens only its first level: hundreds of rows at once are hard to scan, and slow to show. */
export const LARGE_OUTLINE_ROWS = 300;

/** How many outline levels are open at first: two, or one for a very large notice (over LARGE_OUTLINE_ROWS rows). */
export function openLevelsFor(notice: Pick<Notice, 'outline' | 'items'>): number {
  const count = (nodes: OutlineNode[]): number => nodes.reduce((n, node) => n + 1 + count(node.children), 0);
  return count(notice.outline) + notice.items.length > LARGE_OUTLINE_ROWS ? 1 : 2;
}
