/**
 * Outline of a notice: numbered headings and numbered paragraphs, nested by marker kind.
 *
 * Marker kinds, outermost first: `一、` › `第一方面问题` › `（一）` › `1.`/`1、` › `（1）` › `针对“X”问题`
 * (unnumbered item line). Problem numbers (`问题N`) are read wherever they appear, including garbled
 * forms seen in the seeds: `（1）问题1`, `2问题3：`, `（20）问题27`, `17问题20`, `（一）问题2：`.
 * `一是/二是` and `①②` are sub-points inside paragraphs and are not outline nodes.
 *
 * A numbered line is a *heading* when it is a short line of its own (`（一）坚持政治引领，切实提升整改自觉`)
 * and a *numbered paragraph* when body text follows on the same line (`（一）强化政治担当，精心安排部署。洪梅镇党委…`);
 * a paragraph's title is its first clause/sentence.
 */
import type { OutlineNode } from '@/lib/schema';
import type { Line } from './normalize';
import { formatChineseNumber, parseChineseNumber } from './numerals';

export type MarkerKind = 'cnDun' | 'fangmian' | 'cnParen' | 'numDot' | 'wenti' | 'numParen' | 'zhendui';

/** Nesting rank of each marker kind (smaller = outer). */
export const MARKER_RANK: Record<MarkerKind, number> = {
  cnDun: 1,
  fangmian: 2,
  cnParen: 3,
  numDot: 4,
  /** A bare `问题3：` (no outline counter before it): below `1.关于…方面`, above its `（1）` sub-points. */
  wenti: 4.5,
  numParen: 5,
  zhendui: 6,
};

export interface Marker {
  kind: MarkerKind;
  /** Marker text as written (normalized), e.g. `（一）`, `1.`, `2问题3：`. */
  raw: string;
  /** The outline counter (`二` → 2, `（3）` → 3); null for unnumbered kinds. */
  number: number | null;
  /** `问题N` → N, when the line carries a problem number. */
  problemNo: number | null;
}

const CN = '[一二三四五六七八九十]{1,3}';
const RE_PROBLEM_CN_PAREN = new RegExp(`^（(${CN})）\\s?问题(\\d{1,3})(?![\\d个项])[：.、]?\\s?`);
const RE_PROBLEM_NUM = /^(?:（(\d{1,3})）|(\d{1,3})[.、]?)?\s?问题(\d{1,3})(?![\d个项条])[：.、]?\s?/;
const RE_CN_DUN = new RegExp(`^(${CN})、\\s?`);
const RE_FANGMIAN = new RegExp(`^第(${CN})方面(?:问题)?[，：、]?\\s?`);
const RE_CN_PAREN = new RegExp(`^（(${CN})）\\s?`);
const RE_NUM_DOT = /^(\d{1,3})[.、](?!\d)\s?/;
const RE_NUM_PAREN = /^（(\d{1,3})）\s?/;
const RE_ZHENDUI = /^(?=针对“[^”\n]{1,80}”(?:的)?问题)/;

/**
 * The value of a marker's Chinese numeral (`十一` → 11), remembered: the markers' numerals are one to three
 * of 一…十, at most 1 110 strings, and the same few come back on every heading (and again in lib/checks).
 */
const CN_VALUES = new Map<string, number | null>();
function cn(s: string): number | null {
  let v = CN_VALUES.get(s);
  if (v === undefined) CN_VALUES.set(s, (v = parseChineseNumber(s)));
  return v;
}

/** JS `\s` by code unit (the markers' regexes use `\s`): ECMAScript WhiteSpace + LineTerminator. */
const IS_SPACE = new Uint8Array(65536);
for (const c of [0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0xa0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff]) IS_SPACE[c] = 1;
for (let c = 0x2000; c <= 0x200a; c++) IS_SPACE[c] = 1;
/**
 * Which marker regexes can match a line, by its first character (each is anchored at `^` and needs one of a
 * few first characters): bit OPENS_x of MARKER_START[c] is set when regex x can start with c. A line is tried
 * only against the regexes its first character allows, in the same order; none: body text.
 */
const OPENS_PAREN = 1; // （: RE_PROBLEM_CN_PAREN, RE_PROBLEM_NUM, RE_CN_PAREN, RE_NUM_PAREN
const OPENS_PROBLEM_NUM = 2; // a digit, 问 or \s: RE_PROBLEM_NUM (a digit also RE_NUM_DOT)
const OPENS_DIGIT = 4; // RE_NUM_DOT
const OPENS_CN = 8; // 一…十: RE_CN_DUN
const OPENS_FANGMIAN = 16; // 第
const OPENS_ZHENDUI = 32; // 针
const MARKER_START = new Uint8Array(65536);
MARKER_START['（'.charCodeAt(0)] = OPENS_PAREN | OPENS_PROBLEM_NUM;
for (const ch of '0123456789') MARKER_START[ch.charCodeAt(0)] = OPENS_PROBLEM_NUM | OPENS_DIGIT;
MARKER_START['问'.charCodeAt(0)] = OPENS_PROBLEM_NUM;
for (let c = 0; c < 65536; c++) if (IS_SPACE[c]) MARKER_START[c] = OPENS_PROBLEM_NUM;
for (const ch of '一二三四五六七八九十') MARKER_START[ch.charCodeAt(0)] = OPENS_CN;
MARKER_START['第'.charCodeAt(0)] = OPENS_FANGMIAN;
MARKER_START['针'.charCodeAt(0)] = OPENS_ZHENDUI;

/** The marker at the start of a line, or null for body text. */
export function parseMarker(line: string): Marker | null {
  const first = line.charCodeAt(0);
  const opens = first === first ? MARKER_START[first] : 0;
  if (opens === 0) return null; // no regex can match
  let m: RegExpExecArray | null;
  if (opens & OPENS_PAREN && (m = RE_PROBLEM_CN_PAREN.exec(line))) {
    return { kind: 'cnParen', raw: m[0].trim().replace(/[：.、]$/, ''), number: cn(m[1]), problemNo: Number(m[2]) };
  }
  if (opens & OPENS_PROBLEM_NUM && (m = RE_PROBLEM_NUM.exec(line)) && line.length > m[0].length) {
    const counter = m[1] ?? m[2];
    return { kind: counter ? 'numParen' : 'wenti', raw: m[0].trim().replace(/[：.、]$/, ''), number: counter ? Number(counter) : null, problemNo: Number(m[3]) };
  }
  if (opens & OPENS_CN && (m = RE_CN_DUN.exec(line))) return { kind: 'cnDun', raw: m[0].trim(), number: cn(m[1]), problemNo: null };
  if (opens & OPENS_FANGMIAN && (m = RE_FANGMIAN.exec(line))) return { kind: 'fangmian', raw: m[0].trim().replace(/[，：、]$/, ''), number: cn(m[1]), problemNo: null };
  if (opens & OPENS_PAREN && (m = RE_CN_PAREN.exec(line))) return { kind: 'cnParen', raw: m[0].trim(), number: cn(m[1]), problemNo: null };
  if (opens & OPENS_DIGIT && (m = RE_NUM_DOT.exec(line)) && line.length > m[0].length) {
    return { kind: 'numDot', raw: m[0].trim(), number: Number(m[1]), problemNo: null };
  }
  if (opens & OPENS_PAREN && (m = RE_NUM_PAREN.exec(line))) return { kind: 'numParen', raw: m[0].trim(), number: Number(m[1]), problemNo: null };
  if (opens & OPENS_ZHENDUI && RE_ZHENDUI.test(line)) return { kind: 'zhendui', raw: '', number: null, problemNo: null };
  return null;
}

/** Canonical label of a marker for item paths: `二`, `第一方面`, `（一）`, `1.`, `（1）`, `问题3`. */
export function markerLabel(m: Marker, ordinal: number): string {
  if (m.problemNo !== null && m.kind !== 'cnParen') return `问题${m.problemNo}`;
  switch (m.kind) {
    case 'cnDun':
      return m.number !== null ? formatChineseNumber(m.number) : m.raw.replace(/、$/, '');
    case 'fangmian':
      return `第${m.number !== null ? formatChineseNumber(m.number) : '?'}方面`;
    case 'cnParen':
      return m.problemNo !== null ? `问题${m.problemNo}` : m.raw;
    case 'numDot':
      return `${m.number}.`;
    case 'numParen':
      return m.number !== null ? `（${m.number}）` : m.raw;
    case 'wenti':
      return m.raw;
    case 'zhendui':
      return `#${ordinal}`;
  }
}

/** Internal outline entry: the schema node plus what later layers need. */
export interface OutlineEntry {
  node: OutlineNode;
  marker: Marker;
  label: string;
  line: number;
  /** Range of the title text inside the heading line. */
  titleStart: number;
  titleEnd: number;
  /** End of the heading line (where the section body starts when it is a heading). */
  lineEnd: number;
  /** True when body text follows the title on the same line. */
  isParagraph: boolean;
  parent: OutlineEntry | null;
  children: OutlineEntry[];
}

export interface Outline {
  roots: OutlineEntry[];
  /** All entries in document order. */
  all: OutlineEntry[];
  /** Where the outline stopped because it reached MAX_OUTLINE_NODES (start of the first line left out), else null. */
  truncatedAt: number | null;
}

/** A real notice has a few hundred headings at most; beyond this the rest of the text is read as body text. */
export const MAX_OUTLINE_NODES = 5000;

const TITLE_MAX = 60;
const LONG_SENTENCE = 50;
const QUOTE_OPEN = '“‘《「';
const QUOTE_CLOSE = '”’》」';

/**
 * Title of a heading/numbered paragraph: text after the marker up to the first unquoted sentence
 * end (`。；：`), or up to `，` right after a `针对…问题`/`关于…问题` clause or before `一是`.
 * Returns [titleEnd, hasMoreText].
 */
export function titleEnd(text: string, from: number, lineEnd: number): { end: number; paragraph: boolean } {
  let depth = 0;
  const c0 = text.charCodeAt(from);
  const c1 = text.charCodeAt(from + 1);
  const startsAsClause = (c0 === 0x9488 && c1 === 0x5bf9) || (c0 === 0x5173 && c1 === 0x4e8e); // 针对 | 关于
  for (let i = from; i < lineEnd; i++) {
    const c = text.charCodeAt(i);
    const q = TITLE_CHAR[c];
    if (q === 0) continue;
    if (q === T_QUOTE_OPEN) depth++;
    else if (q === T_QUOTE_CLOSE) depth = Math.max(0, depth - 1);
    else if (depth === 0) {
      if (q === T_SENTENCE_END) {
        // a long sentence standing alone on its line is a numbered paragraph, not a heading
        const more = hasText(text, i + 1, lineEnd);
        return { end: i, paragraph: more || (c === 0x3002 && i - from > LONG_SENTENCE) };
      }
      // q === T_COMMA: before `一是…`, or after the `问题` that closes a `针对/关于…问题` clause
      const n1 = text.charCodeAt(i + 1);
      const nextIsPoint = n1 === n1 && CN_POINT_DIGIT[n1] === 1 && text.charCodeAt(i + 2) === 0x662f; // [一…十]是
      const afterProblem = startsAsClause && i - 2 >= from && text.charCodeAt(i - 2) === 0x95ee && text.charCodeAt(i - 1) === 0x9898; // 问题
      if (nextIsPoint || afterProblem) return { end: i, paragraph: hasText(text, i + 1, lineEnd) };
    }
  }
  return { end: lineEnd, paragraph: false };
}

/** Characters titleEnd reacts to. */
const T_QUOTE_OPEN = 1;
const T_QUOTE_CLOSE = 2;
const T_SENTENCE_END = 3;
const T_COMMA = 4;
const TITLE_CHAR = new Uint8Array(65536);
for (const ch of QUOTE_OPEN) TITLE_CHAR[ch.charCodeAt(0)] = T_QUOTE_OPEN;
for (const ch of QUOTE_CLOSE) TITLE_CHAR[ch.charCodeAt(0)] = T_QUOTE_CLOSE;
for (const ch of '。；：！？｜') TITLE_CHAR[ch.charCodeAt(0)] = T_SENTENCE_END; // ｜ ends a table cell (lib/extract)
for (const ch of '，,') TITLE_CHAR[ch.charCodeAt(0)] = T_COMMA;
const CN_POINT_DIGIT = new Uint8Array(65536);
for (const ch of '一二三四五六七八九十') CN_POINT_DIGIT[ch.charCodeAt(0)] = 1;

function hasText(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (IS_SPACE[text.charCodeAt(i)] === 0) return true;
  return false;
}

function clipTitle(s: string): string {
  const t = s.trim();
  return t.length > TITLE_MAX ? t.slice(0, TITLE_MAX) + '…' : t;
}

/**
 * Build the outline from the lines in [fromLine, toLine). `sectionEnd` is where the last open
 * sections end (start of the closing block).
 */
export function buildOutline(text: string, lines: Line[], fromLine: number, toLine: number): Outline {
  const roots: OutlineEntry[] = [];
  const all: OutlineEntry[] = [];
  const stack: OutlineEntry[] = [];
  let lastBodyEnd = fromLine < toLine ? lines[fromLine].start : 0;
  let truncatedAt: number | null = null;
  const idCounters = new Map<OutlineEntry[], Map<string, number>>();
  const close = (entry: OutlineEntry, end: number) => {
    entry.node.end = Math.max(end, entry.lineEnd);
  };
  for (let li = fromLine; li < toLine; li++) {
    const line = lines[li];
    const marker = parseMarker(line.text);
    if (!marker || truncatedAt !== null) {
      lastBodyEnd = line.end;
      continue;
    }
    if (all.length >= MAX_OUTLINE_NODES) {
      truncatedAt = line.start;
      lastBodyEnd = line.end;
      continue;
    }
    const rank = MARKER_RANK[marker.kind];
    while (stack.length && MARKER_RANK[stack[stack.length - 1].marker.kind] >= rank) {
      close(stack.pop()!, lastBodyEnd);
    }
    const parent = stack.length ? stack[stack.length - 1] : null;
    const siblings = parent ? parent.children : roots;
    const afterMarker = line.start + skipMarker(line.text, marker);
    const t = titleEnd(text, afterMarker, line.end);
    const rawTitle = text.slice(afterMarker, t.end).replace(/^[：，、\s]+/, '');
    const title = clipTitle(rawTitle);
    const ordinal = siblings.length + 1;
    const label = markerLabel(marker, ordinal);
    const entry: OutlineEntry = {
      node: {
        id: '',
        level: stack.length + 1,
        marker: marker.raw,
        title,
        start: line.start,
        end: line.end,
        children: [],
      },
      marker,
      label,
      line: li,
      titleStart: afterMarker,
      titleEnd: t.end,
      lineEnd: line.end,
      // a line too long to be a heading is a paragraph even without a sentence end (a cut-off copy)
      isParagraph: t.paragraph || rawTitle.trim().length > TITLE_MAX,
      parent,
      children: [],
    };
    let counters = idCounters.get(siblings);
    if (!counters) idCounters.set(siblings, (counters = new Map()));
    entry.node.id = entryId(parent, counters, marker, ordinal);
    siblings.push(entry);
    if (parent) parent.node.children.push(entry.node);
    all.push(entry);
    stack.push(entry);
    lastBodyEnd = line.end;
  }
  while (stack.length) close(stack.pop()!, lastBodyEnd);
  return { roots, all, truncatedAt };
}

function skipMarker(line: string, marker: Marker): number {
  if (marker.kind === 'zhendui') return 0;
  // marker.raw is the trimmed match; skip it plus following spaces/colons
  let i = line.indexOf(marker.raw) + marker.raw.length;
  while (i < line.length && ' ：，、.'.includes(line[i])) i++;
  return i;
}

/**
 * Path-based id: `o-2-1-3` from marker numbers (`问题N` → `q3`, unnumbered → `n4`); unique among siblings:
 * the k-th sibling with the same segment gets `_k` (`counters` counts segments per sibling list, so
 * thousands of repeated `（一）` stay linear).
 */
function entryId(parent: OutlineEntry | null, counters: Map<string, number>, marker: Marker, ordinal: number): string {
  let seg: string;
  if (marker.problemNo !== null) seg = `q${marker.problemNo}`;
  else if (marker.number !== null) seg = marker.kind === 'fangmian' ? `f${marker.number}` : String(marker.number);
  else seg = `n${ordinal}`;
  const base = parent ? parent.node.id : 'o';
  const seen = (counters.get(seg) ?? 0) + 1;
  counters.set(seg, seen);
  return seen === 1 ? `${base}-${seg}` : `${base}-${seg}_${seen}`;
}

/** Path of canonical marker labels from the root to `entry`. */
export function entryPath(entry: OutlineEntry): string[] {
  const path: string[] = [];
  for (let e: OutlineEntry | null = entry; e; e = e.parent) path.unshift(e.label);
  return path;
}

/** True when the entry is a heading with neither body text nor sub-sections. */
export function isEmptySection(text: string, entry: OutlineEntry): boolean {
  if (entry.isParagraph || entry.children.length) return false;
  return !hasText(text, entry.lineEnd, entry.node.end);
}

/** Whether a heading line [lineStart, lineEnd) carries body text after its title (numbered paragraph). */
export function lineIsParagraph(text: string, lineStart: number, lineEnd: number): boolean {
  const line = text.slice(lineStart, lineEnd);
  const marker = parseMarker(line);
  if (!marker) return true;
  return titleEnd(text, lineStart + skipMarker(line, marker), lineEnd).paragraph;
}
