/**
 * Page highlighting with mark.js, driven by parser offsets (never by mark.js's own text search).
 *
 * Spans may overlap (a date inside a deadline, an annotation over both), so they are first flattened
 * into non-overlapping pieces, each carrying every kind that covers it; the piece is drawn in the
 * colour of its strongest kind. Pieces are mapped to text nodes through lib/extract's offset map and
 * marked with `markRanges` per parent element: mark.js rebuilds its text dictionary per call and
 * copies it per mark, so one call over a whole page would be quadratic.
 */
import Mark from 'mark.js';
import type { SpanKind } from '@/lib/schema';

export const MARK_CLASS = 'rl-mark';
/** Strongest first: the colour of a piece is the first of these that covers it. */
export const KIND_PRIORITY: HighlightKind[] = [
  'overdue', 'contradiction', 'deadline', 'unfinished', 'done', 'date', 'number',
];
export type HighlightKind = SpanKind;

export interface HighlightSpan {
  kind: HighlightKind | 'annotation';
  start: number;
  end: number;
  note: string;
  /** For annotations: the annotation id; for parser spans: optional item id. */
  ref?: string;
}

export interface FlatPiece {
  start: number;
  end: number;
  kinds: Array<HighlightSpan['kind']>;
  notes: string[];
  refs: string[];
}

/** Sweep-line flattening of overlapping spans into ordered, non-overlapping pieces. O(n log n). */
export function flattenSpans(spans: HighlightSpan[]): FlatPiece[] {
  const bounds = new Set<number>();
  for (const s of spans) {
    if (s.end > s.start) {
      bounds.add(s.start);
      bounds.add(s.end);
    }
  }
  const points = [...bounds].sort((a, b) => a - b);
  const opening = new Map<number, HighlightSpan[]>();
  for (const s of spans) {
    if (s.end <= s.start) continue;
    const list = opening.get(s.start) ?? [];
    list.push(s);
    opening.set(s.start, list);
  }
  const active = new Set<HighlightSpan>();
  const pieces: FlatPiece[] = [];
  for (let i = 0; i < points.length - 1; i++) {
    const at = points[i];
    for (const s of [...active]) if (s.end <= at) active.delete(s);
    for (const s of opening.get(at) ?? []) active.add(s);
    if (active.size === 0) continue;
    const covering = [...active];
    const piece: FlatPiece = {
      start: at,
      end: points[i + 1],
      kinds: unique(covering.map((s) => s.kind)),
      notes: unique(covering.map((s) => s.note).filter(Boolean)),
      refs: unique(covering.map((s) => s.ref).filter((r): r is string => !!r)),
    };
    const prev = pieces[pieces.length - 1];
    if (prev && prev.end === piece.start && sameCover(prev, piece)) prev.end = piece.end;
    else pieces.push(piece);
  }
  return pieces;
}

function unique<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}

function sameCover(a: FlatPiece, b: FlatPiece): boolean {
  return a.kinds.join() === b.kinds.join() && a.notes.join('\u0000') === b.notes.join('\u0000') && a.refs.join() === b.refs.join();
}

export function strongestKind(kinds: FlatPiece['kinds']): HighlightKind | null {
  return KIND_PRIORITY.find((k) => kinds.includes(k)) ?? null;
}

/** A piece of one text node to wrap: [start, end) within `node.data`. */
export interface NodePiece {
  node: Text;
  start: number;
  end: number;
  piece: FlatPiece;
}

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

export function classFor(piece: FlatPiece): string {
  const top = strongestKind(piece.kinds);
  const classes = [MARK_CLASS];
  if (top) classes.push(`rl-k-${top}`);
  if (piece.kinds.includes('annotation')) classes.push('rl-annot');
  return classes.join(' ');
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

/** Main-thread time of one highlighting slice: a frame (16 ms) with room for the page's own work. */
export const SLICE_MS = 12;
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

/**
 * Removes every Rectify Lens mark under `root` and merges the split text nodes back, so the DOM returns to
 * its original text exactly. (Same steps as mark.js's unmark, without its NodeIterator, which is slower on
 * big pages and not portable to the DOM implementations the unit tests use.)
 */
export function clearMarks(root: Element): number {
  const parents = new Set<Node>();
  const marks = Array.from(root.querySelectorAll(`mark.${MARK_CLASS}`));
  for (const mark of marks) {
    const parent = mark.parentNode;
    if (!parent) continue;
    while (mark.firstChild) parent.insertBefore(mark.firstChild, mark);
    parent.removeChild(mark);
    parents.add(parent);
  }
  for (const p of parents) p.normalize();
  return marks.length;
}

/** Page-level CSS for marks (they live in the page DOM, outside the overlay's shadow root). */
export const MARK_CSS = `
mark.rl-mark { background: transparent; color: inherit; padding: 0; border-radius: 2px; cursor: help; }
mark.rl-k-number { background: #e3efff; border-bottom: 1px dotted #2f6fd0; }
mark.rl-k-date { background: #e6f6ec; border-bottom: 1px dashed #1f8a4c; }
mark.rl-k-deadline { background: #fff1c2; border-bottom: 2px solid #b7791f; }
mark.rl-k-unfinished { background: #ffe2cc; border-bottom: 2px dashed #c05621; }
mark.rl-k-done { background: #dcf5e3; border-bottom: 2px solid #2f855a; }
mark.rl-k-overdue { background: #ffd0d6; border-bottom: 3px double #c00020; font-weight: 600; }
mark.rl-k-contradiction { background: #f1dcff; border-bottom: 3px wavy #7b2cbf; }
mark.rl-annot { box-shadow: inset 0 -0.45em 0 rgba(123, 44, 191, 0.22); outline: 1px solid rgba(123, 44, 191, 0.55); }
mark.rl-flash { animation: rl-flash 1.6s ease-out 1; }
@keyframes rl-flash { 0%, 40% { outline: 3px solid #ff6a00; outline-offset: 2px; } 100% { outline-color: transparent; } }
`;
