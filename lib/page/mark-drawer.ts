/**
 * Draws highlight pieces (lib/page/highlighter flattenSpans, mapped to text nodes) into the page with mark.js:
 * `markRanges` per parent element — mark.js rebuilds its text dictionary per call and copies it per mark, so one
 * call over a whole page would be quadratic. What is in view first, in slices of main-thread time.
 *
 * Not part of the analyzer's own bundle: it is the second injected file (entrypoints/analyzer-marks.ts), so the
 * analyzer's evaluation, one task of the page, does not compile mark.js (issue #14). The analyzer reaches it
 * through lib/page/mark-slot.
 */
import Mark from 'mark.js';
import { classFor, MARK_CLASS, SLICE_MS, type FlatPiece, type NodePiece } from './highlighter';

interface RangeWithPiece extends Mark.Range {
  piece: FlatPiece;
}

/** Offsets of each text node inside `context` as mark.js counts them (plain concatenation). */
function textNodeOffsets(context: Element): Map<Text, number> {
  const offsets = new Map<Text, number>();
  const walker = context.ownerDocument.createTreeWalker(context, NodeFilter.SHOW_TEXT);
  let total = 0;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const parent = n.parentElement;
    if (parent && parent.closest('script,style')) continue;
    offsets.set(n as Text, total);
    total += (n as Text).data.length;
  }
  return offsets;
}

function decorate(el: Element, piece: FlatPiece): void {
  el.setAttribute('class', classFor(piece));
  el.setAttribute('data-rl-kinds', piece.kinds.join(' '));
  el.setAttribute('data-rl-start', String(piece.start));
  if (piece.refs.length) el.setAttribute('data-rl-refs', piece.refs.join(' '));
}

/** Wraps the pieces of one parent element with a single mark.js call. */
function markGroup(context: Element, group: NodePiece[]): number {
  const offsets = textNodeOffsets(context);
  const ranges: RangeWithPiece[] = [];
  for (const p of group) {
    const base = offsets.get(p.node);
    if (base === undefined || p.end <= p.start) continue;
    ranges.push({ start: base + p.start, length: p.end - p.start, piece: p.piece });
  }
  let marked = 0;
  new Mark(context as HTMLElement).markRanges(ranges, {
    className: MARK_CLASS,
    each: (el, range) => {
      decorate(el, (range as unknown as RangeWithPiece).piece);
      marked++;
    },
  });
  return marked;
}

/** Groups node pieces by parent element, preserving document order. */
export function groupByParent(pieces: NodePiece[]): Map<Element, NodePiece[]> {
  const groups = new Map<Element, NodePiece[]>();
  for (const p of pieces) {
    const parent = p.node.parentElement;
    if (!parent) continue;
    const list = groups.get(parent) ?? [];
    list.push(p);
    groups.set(parent, list);
  }
  return groups;
}

/** How far beyond the viewport, in viewport heights, still counts as "near" (drawn first). */
const NEAR_VIEWPORTS = 1;

/**
 * Splits the groups into those in or near the viewport (within NEAR_VIEWPORTS above or below it) and the rest,
 * each in document order. One layout read for all (no writes in between); without layout (tests, detached
 * nodes) everything is "near".
 */
export function nearViewportFirst(groups: Map<Element, NodePiece[]>, viewportHeight: number): { near: Array<[Element, NodePiece[]]>; rest: Array<[Element, NodePiece[]]> } {
  const near: Array<[Element, NodePiece[]]> = [];
  const rest: Array<[Element, NodePiece[]]> = [];
  const margin = viewportHeight * NEAR_VIEWPORTS;
  for (const entry of groups) {
    const r = entry[0].getBoundingClientRect();
    const laidOut = r.width > 0 || r.height > 0 || r.top !== 0;
    (!laidOut || (r.bottom >= -margin && r.top <= viewportHeight + margin) ? near : rest).push(entry);
  }
  return { near, rest };
}

/** Waits for the next slice: a task (setTimeout) for what is in view, an idle period for the rest. */
function nextSlice(idle: boolean): Promise<void> {
  const g = globalThis as unknown as { requestIdleCallback?: (cb: () => void, o: { timeout: number }) => number };
  if (idle && g.requestIdleCallback) return new Promise((resolve) => g.requestIdleCallback!(() => resolve(), { timeout: 100 }));
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Marks all pieces in slices of at most `budgetMs` of main-thread time (plus one mark.js call), what is in or
 * near the viewport first, the rest in idle time, so a huge page never freezes the tab and the reader sees the
 * visible marks at once. Returns the number of mark elements created, the main-thread time spent (yields
 * excluded) and when the visible part was done (performance.now()).
 */
export async function applyMarks(
  pieces: NodePiece[],
  opts: { budgetMs?: number; signal?: AbortSignal; viewportHeight?: number } = {},
): Promise<{ marked: number; busyMs: number; visibleAt: number }> {
  const budget = opts.budgetMs ?? SLICE_MS;
  let marked = 0;
  let busyMs = 0;
  let sliceStart = performance.now();
  const { near, rest } = nearViewportFirst(groupByParent(pieces), opts.viewportHeight ?? globalThis.innerHeight ?? 0);
  let visibleAt = 0;
  for (const [phase, groups] of [['near', near], ['rest', rest]] as const) {
    for (const [context, group] of groups) {
      if (opts.signal?.aborted) break;
      marked += markGroup(context, group);
      const now = performance.now();
      if (now - sliceStart > budget) {
        busyMs += now - sliceStart;
        await nextSlice(phase === 'rest');
        sliceStart = performance.now();
      }
    }
    if (phase === 'near') visibleAt = performance.now();
  }
  busyMs += performance.now() - sliceStart;
  return { marked, busyMs, visibleAt };
}
