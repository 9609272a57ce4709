/**
 * A saved notice version read back as a page (the stored copy): its lines, the same highlight pieces as on
 * the live page (parser spans + annotations re-anchored to this text), and offsets of a selection. Pure.
 */
import { anchorAll } from '@/lib/anchor';
import type { Annotation, Notice } from '@/lib/schema';
import { flattenSpans, type FlatPiece, type HighlightSpan } from '@/lib/page/highlighter';

export interface StoredLine {
  /** Offset of the line's first character in the stored text. */
  start: number;
  text: string;
}

/** The stored text's lines (the text model puts exactly one '\n' between blocks). */
export function storedLines(text: string): StoredLine[] {
  const lines: StoredLine[] = [];
  let start = 0;
  for (const line of text.split('\n')) {
    lines.push({ start, text: line });
    start += line.length + 1;
  }
  return lines;
}

export interface AnchoredAnnotation {
  annotation: Annotation;
  /** Where the quote is in this version's text; null when it cannot be found (an orphan here). */
  start: number | null;
  end: number | null;
}

/** Annotations of the notice placed on this version's text by their quote (exact, position hint, fuzzy). */
export function anchorOnText(text: string, annotations: Annotation[]): AnchoredAnnotation[] {
  const live = annotations.filter((a) => a.deletedAt === null);
  const found = anchorAll(text, live.map((a) => ({ quote: a.quote, position: a.position })));
  return live.map((annotation, i) => ({ annotation, start: found[i]?.start ?? null, end: found[i]?.end ?? null }));
}

/** Highlight pieces for the stored copy: the parser's spans and the anchored annotations, as on the live page. */
export function storedPieces(notice: Notice, anchored: AnchoredAnnotation[]): FlatPiece[] {
  const spans: HighlightSpan[] = notice.spans.map((s) => ({ kind: s.kind, start: s.start, end: s.end, note: s.note ?? '' }));
  for (const a of anchored) {
    if (a.start === null || a.end === null) continue;
    spans.push({ kind: 'annotation', start: a.start, end: a.end, note: `批注：${a.annotation.note || '（无内容）'}`, ref: a.annotation.id });
  }
  return flattenSpans(spans);
}

export interface LineSegment {
  text: string;
  /** Offset of the segment in the stored text. */
  start: number;
  piece: FlatPiece | null;
}

/** A line cut into plain and highlighted segments (pieces sorted by start, non-overlapping). */
export function lineSegments(line: StoredLine, pieces: FlatPiece[]): LineSegment[] {
  const end = line.start + line.text.length;
  const out: LineSegment[] = [];
  let at = line.start;
  for (const p of pieces) {
    if (p.end <= line.start || p.start >= end) continue;
    const s = Math.max(p.start, line.start);
    const e = Math.min(p.end, end);
    if (s > at) out.push({ text: line.text.slice(at - line.start, s - line.start), start: at, piece: null });
    out.push({ text: line.text.slice(s - line.start, e - line.start), start: s, piece: p });
    at = e;
  }
  if (at < end || out.length === 0) out.push({ text: line.text.slice(at - line.start), start: at, piece: null });
  return out;
}
