/** Offsets → DOM: mapping extracted-text offsets to text-node pieces and Ranges, and DOM positions back. */
import type { ExtractedText, TextSegment } from './text';

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
