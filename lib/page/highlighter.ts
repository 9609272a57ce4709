/**
 * Page highlighting, driven by parser offsets (never by mark.js's own text search). This module is what the
 * analyzer needs before the first marks: the pieces, their classes and CSS, and removing marks; drawing them with
 * mark.js is lib/page/mark-drawer, a second injected file (entrypoints/analyzer-marks.ts).
 *
 * Spans may overlap (a date inside a deadline, an annotation over both), so they are first flattened
 * into non-overlapping pieces, each carrying every kind that covers it; the piece is drawn in the
 * colour of its strongest kind. Pieces are mapped to text nodes through lib/extract's offset map and
 * marked with `markRanges` per parent element: mark.js rebuilds its text dictionary per call and
 * copies it per mark, so one call over a whole page would be quadratic.
 */
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

export function classFor(piece: FlatPiece): string {
  const top = strongestKind(piece.kinds);
  const classes = [MARK_CLASS];
  if (top) classes.push(`rl-k-${top}`);
  if (piece.kinds.includes('annotation')) classes.push('rl-annot');
  return classes.join(' ');
}

/** Main-thread time of one highlighting slice: a frame (16 ms) with room for the page's own work. */
export const SLICE_MS = 12;

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
