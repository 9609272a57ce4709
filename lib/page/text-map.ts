/**
 * Two offset spaces meet in the page: the extracted DOM text (lib/extract) and the normalized text the
 * parser and annotations use (lib/parse/normalize). This maps between them and on to DOM text nodes.
 */
import type { ExtractedText } from '@/lib/extract';
import { pieceRangesForOffsets } from '@/lib/extract';
import type { NormalizedText } from '@/lib/parse/normalize';

export interface DomPiece {
  node: Text;
  start: number;
  end: number;
}

export class PageTextMap {
  private readonly segmentIndex = new Map<Text, { start: number; end: number }>();

  constructor(
    readonly extracted: ExtractedText,
    readonly normalized: NormalizedText,
  ) {
    for (const s of extracted.segments) this.segmentIndex.set(s.node, { start: s.start, end: s.end });
  }

  get text(): string {
    return this.normalized.text;
  }

  /** Normalized [start, end) → extracted [start, end). */
  toExtracted(start: number, end: number): { start: number; end: number } {
    const map = this.normalized.toOriginal;
    const s = map[Math.min(start, map.length - 1)];
    const e = end > start ? map[Math.min(end - 1, map.length - 1)] + 1 : s;
    return { start: s, end: Math.max(s, e) };
  }

  /** Extracted offset → normalized offset (first normalized char at or after it). */
  fromExtracted(offset: number): number {
    const map = this.normalized.toOriginal;
    let lo = 0;
    let hi = this.normalized.text.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (map[mid] < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Normalized range → pieces of DOM text nodes. */
  domPieces(start: number, end: number): DomPiece[] {
    const r = this.toExtracted(start, end);
    return pieceRangesForOffsets(this.extracted, r.start, r.end);
  }

  /** A DOM (node, offset) boundary → extracted offset, or null when outside the article text. */
  private boundaryToExtracted(node: Node, offset: number, isEnd: boolean): number | null {
    if (node.nodeType === Node.TEXT_NODE) {
      const seg = this.segmentIndex.get(node as Text);
      return seg ? Math.min(seg.start + offset, seg.end) : null;
    }
    // Element boundary: find the nearest text node after (start) or before (end) the boundary.
    const doc = node.ownerDocument ?? document;
    const walker = doc.createTreeWalker(this.extracted.root, NodeFilter.SHOW_TEXT);
    const child = node.childNodes[offset] ?? null;
    if (!isEnd) {
      walker.currentNode = child ?? node;
      for (let n: Node | null = child && child.nodeType === Node.TEXT_NODE ? child : walker.nextNode(); n; n = walker.nextNode()) {
        const seg = this.segmentIndex.get(n as Text);
        if (seg) return seg.start;
      }
      return null;
    }
    walker.currentNode = child ?? node;
    for (let n: Node | null = walker.previousNode(); n; n = walker.previousNode()) {
      const seg = this.segmentIndex.get(n as Text);
      if (seg) return seg.end;
    }
    return null;
  }

  /** A DOM Range (e.g. the user's selection) → normalized [start, end), or null if outside the article. */
  fromDomRange(range: Range): { start: number; end: number } | null {
    const s = this.boundaryToExtracted(range.startContainer, range.startOffset, false);
    const e = this.boundaryToExtracted(range.endContainer, range.endOffset, true);
    if (s === null || e === null || e <= s) return null;
    const start = this.fromExtracted(s);
    const end = this.fromExtracted(e);
    return end > start ? { start, end } : null;
  }
}
