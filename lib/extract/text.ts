/**
 * DOM → article text with its offset map (TextBuilder: line breaks, whitespace collapsing, segments).
 *
 * Text model (what lib/parse sees):
 * - block elements (p, div, li, tr, td, h1-h6, section, br …) are line boundaries: exactly one '\n' between
 *   non-empty lines, none at the start or end (so `<br><br>` and `<p>` pages give the same text);
 * - inline elements (span, strong, font, a, b, em …) join without a separator: `<span>20</span><span>25年</span>` → "2025年";
 * - runs of ASCII whitespace collapse to one space, and are dropped at line starts/ends, as a browser renders;
 *   NBSP / ideographic-space indentation at the start of a line is dropped too; inside a line it is kept;
 * - data tables are one line per row, cells separated by a synthetic `｜`, merged slots as `〃` (see ./table.ts);
 * - script/style/noscript/template, form controls, `hidden` and inline `display:none` subtrees are skipped,
 *   as is anything marked `data-rl-ignore` (the extension's own UI).
 *
 * Offset map: every segment is a verbatim run, `text.slice(s.start, s.end) === s.node.data.slice(s.nodeStart,
 * s.nodeStart + (s.end - s.start))`. Synthetic characters (the '\n' separators and a collapsed space whose source
 * was not a plain ' ') map to no node. A text node may own several segments (its whitespace was collapsed).
 */
import { isBlock, isSkipped, tagOf, walk } from './dom';
import { CELL_SEPARATOR, dataTableLayout, DITTO, type Slot } from './table';

export interface TextSegment {
  node: Text;
  /** [start, end) in the extracted text. */
  start: number;
  end: number;
  /** Where the run begins in node.data. */
  nodeStart: number;
}

export interface ExtractedText {
  root: Element;
  text: string;
  segments: TextSegment[];
}

export const isCollapsible = (c: number) => c === 32 || c === 9 || c === 10 || c === 13 || c === 12;
/** Indentation characters dropped at the start of a line (NBSP, en/em space, ideographic space). */
const isIndent = (c: number) => c === 0xa0 || c === 0x2002 || c === 0x2003 || c === 0x3000;

export class TextBuilder {
  private readonly parts: string[] = [];
  readonly segments: TextSegment[] = [];
  private length = 0;
  private lineHasContent = false;
  private pendingBreak = false;
  /** A collapsed space waiting for the next visible character: its source position, or 'synthetic'. */
  private pendingSpace: { node: Text; offset: number } | 'synthetic' | null = null;
  /** Right after a cell separator: leading whitespace and indentation of the cell are dropped. */
  private cellStart = false;

  lineBreak(): void {
    if (this.lineHasContent) this.pendingBreak = true;
    this.lineHasContent = false;
    this.pendingSpace = null;
    this.cellStart = false;
  }

  /** A block boundary inside a table cell: the row stays one line, the break reads as a space. */
  softBreak(): void {
    if (this.lineHasContent && !this.cellStart && this.pendingSpace === null) this.pendingSpace = 'synthetic';
  }

  /** Starts the next grid slot of a table row: a separator unless it is the row's first slot. */
  startSlot(first: boolean): void {
    this.pendingSpace = null;
    if (!first) this.synthetic(CELL_SEPARATOR);
    this.cellStart = true;
  }

  /** Synthetic text (maps to no node) on the current line. */
  synthetic(s: string): void {
    this.pendingSpace = null;
    this.flushPending();
    this.emit(s, null, 0);
    this.lineHasContent = true;
  }

  addText(node: Text): void {
    const data = node.data;
    const n = data.length;
    let i = 0;
    while (i < n) {
      const c = data.charCodeAt(i);
      if (isCollapsible(c)) {
        if (this.lineHasContent && !this.cellStart && this.pendingSpace === null) {
          this.pendingSpace = c === 32 ? { node, offset: i } : 'synthetic';
        }
        i++;
        continue;
      }
      if ((!this.lineHasContent || this.cellStart) && isIndent(c)) {
        i++;
        continue;
      }
      let j = i + 1;
      while (j < n && !isCollapsible(data.charCodeAt(j))) j++;
      this.flushPending();
      this.emit(data.slice(i, j), node, i);
      this.lineHasContent = true;
      this.cellStart = false;
      i = j;
    }
  }

  private flushPending(): void {
    if (this.pendingBreak) {
      this.emit('\n', null, 0);
      this.pendingBreak = false;
      this.pendingSpace = null;
    }
    const sp = this.pendingSpace;
    if (sp === 'synthetic') this.emit(' ', null, 0);
    else if (sp) this.emit(' ', sp.node, sp.offset);
    this.pendingSpace = null;
  }

  private emit(s: string, node: Text | null, nodeStart: number): void {
    const start = this.length;
    this.parts.push(s);
    this.length += s.length;
    if (!node) return;
    const last = this.segments[this.segments.length - 1];
    if (last && last.node === node && last.end === start && last.nodeStart + (last.end - last.start) === nodeStart) {
      last.end = this.length;
    } else {
      this.segments.push({ node, start, end: this.length, nodeStart });
    }
  }

  result(): string {
    return this.parts.join('');
  }
}

export function extractText(root: Element): ExtractedText {
  const b = new TextBuilder();
  const rows = new TableRows(b);
  walk(root, {
    enter(el) {
      if (isSkipped(el)) return false;
      if (!rows.enter(el) && isBlock(el)) b.lineBreak();
      return true;
    },
    exit(el) {
      if (!rows.exit(el) && isBlock(el)) b.lineBreak();
    },
    text(node) {
      b.addText(node);
    },
  });
  return { root, text: b.result(), segments: b.segments };
}

/** Writes the rows of data tables (./table.ts) into the builder; elsewhere it leaves the walk alone. */
class TableRows {
  private table: Element | null = null;
  private layout: Map<Element, Slot[]> | null = null;
  private slots: Slot[] | null = null;
  private next = 0;

  constructor(private readonly b: TextBuilder) {}

  /** Handles an element entered inside (or starting) a data table; false when the caller should. */
  enter(el: Element): boolean {
    const tag = tagOf(el);
    if (!this.table) {
      if (tag !== 'table') return false;
      this.layout = dataTableLayout(el);
      if (!this.layout) return false;
      this.table = el;
      this.b.lineBreak();
      return true;
    }
    if (tag === 'tr') {
      this.b.lineBreak();
      this.slots = this.layout!.get(el) ?? null;
      this.next = 0;
    } else if ((tag === 'td' || tag === 'th') && this.slots) {
      this.mergedUpTo(el);
      this.b.startSlot(this.next === 0);
      this.next++;
    } else if (isBlock(el)) this.b.softBreak();
    return true;
  }

  exit(el: Element): boolean {
    if (!this.table) return false;
    const tag = tagOf(el);
    if (el === this.table) {
      this.table = this.layout = this.slots = null;
      this.b.lineBreak();
    } else if (tag === 'tr') {
      if (this.slots) this.mergedUpTo(null);
      this.slots = null;
      this.b.lineBreak();
    } else if (tag !== 'td' && tag !== 'th' && isBlock(el)) this.b.softBreak();
    return true;
  }

  /**
   * Writes the slots before `cell` (all the rest of the row when null): `〃` for a cell merged from above, an
   * empty slot for one merged from the left (or a hidden cell).
   */
  private mergedUpTo(cell: Element | null): void {
    const slots = this.slots!;
    for (; this.next < slots.length; this.next++) {
      const s = slots[this.next];
      if (s.kind === 'cell' && s.el === cell) return;
      this.b.startSlot(this.next === 0);
      if (s.kind === 'above') this.b.synthetic(DITTO);
    }
  }
}
