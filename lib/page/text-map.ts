/**
 * Two offset spaces meet in the page: the extracted DOM text (lib/extract) and the normalized text the
 * parser and annotations use (lib/parse/normalize). This maps between them and on to DOM text nodes.
 */
import type { ExtractedText } from '@/lib/extract';
import { extractText, offsetForNodePosition, pieceRangesForOffsets } from '@/lib/extract';
import type { NormalizedText } from '@/lib/parse/normalize';

export interface DomPiece {
  node: Text;
  start: number;
  end: number;
}

export class PageTextMap {
  constructor(
    readonly extracted: ExtractedText,
    readonly normalized: NormalizedText,
  ) {}

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

  /**
   * The same text over the page's current text nodes. Highlighting splits text nodes (mark.js `splitText`) and
   * clearing merges them back, so a map built before either no longer knows the nodes a selection lands in.
   * Null when the text itself changed (the page was edited: the controller re-analyzes it).
   */
  rebound(): PageTextMap | null {
    const extracted = extractText(this.extracted.root);
    return extracted.text === this.extracted.text ? new PageTextMap(extracted, this.normalized) : null;
  }

  /** Normalized range → pieces of DOM text nodes. */
  domPieces(start: number, end: number): DomPiece[] {
    const r = this.toExtracted(start, end);
    return pieceRangesForOffsets(this.extracted, r.start, r.end);
  }

  /** A DOM (node, offset) boundary → extracted offset, or null when outside the article text. */
  private boundaryToExtracted(node: Node, offset: number, isEnd: boolean): number | null {
    if (node.nodeType === Node.TEXT_NODE) return offsetForNodePosition(this.extracted, node, offset);
    // Element boundary: the nearest article text node after (start) or before (end) the boundary.
    const doc = node.ownerDocument ?? document;
    const walker = doc.createTreeWalker(this.extracted.root, NodeFilter.SHOW_TEXT);
    const child = node.childNodes[offset] ?? null;
    walker.currentNode = child ?? node;
    const step = () => (isEnd ? walker.previousNode() : walker.nextNode());
    let n: Node | null = !isEnd && child?.nodeType === Node.TEXT_NODE ? child : step();
    for (; n; n = step()) {
      const at = offsetForNodePosition(this.extracted, n, isEnd ? (n as Text).data.length : 0);
      if (at !== null) return at;
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
