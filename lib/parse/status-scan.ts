// The status cues' scan: one pass over an item's text that tries each rule of the table (status-rules.ts)
// only where its literal head stands, and notes clause breaks, newlines and quote marks on the way.

import { continuesWith } from './char-tests';
import { literalHeads } from './regex-heads';
import { always, RULES, type Cue } from './status-rules';

/** A rule's match (absolute offsets), before overlaps and quotes are resolved (status-cues.ts). */
export interface Found {
  cue: Cue;
  start: number;
  end: number;
  note: string;
  rank: number;
  /** Index of the rule in RULES (the last tie-break: earlier rules first). */
  rule: number;
  /**
   * Where the match stands in its item, filled in place by classify (status-layout.ts): every match is
   * made with these fields already, so it needs no copy to become a Clause. Until then: -1, -1, false, false, 0.
   */
  sentence: number;
  /** Sub-measure index, -1 outside sub-measures. */
  measure: number;
  itemScoped: boolean;
  /** In a sentence about the item as a whole (`该问题…`). */
  verdict: boolean;
  weight: number;
}

/** A match not yet placed in its item (classify places it). */
export function newFound(cue: Cue, start: number, end: number, note: string, rank: number, rule: number): Found {
  return { cue, start, end, note, rank, rule, sentence: -1, measure: -1, itemScoped: false, verdict: false, weight: 0 };
}

/**
 * The scan's match objects, reused from scan to scan (a parse makes ~13 k of them on 1 MB, all dropped by the
 * end of their item: fresh objects only fed the young-generation collector). POOL[0, pooled) are in use.
 */
const POOL: Found[] = [];
let pooled = 0;

/** newFound's match from the pool: valid until the next scanCues call. */
function pooledFound(cue: Cue, start: number, end: number, note: string, rank: number, rule: number): Found {
  if (pooled === POOL.length) POOL.push(newFound(cue, start, end, note, rank, rule));
  const f = POOL[pooled++];
  f.cue = cue;
  f.start = start;
  f.end = end;
  f.note = note;
  f.rank = rank;
  f.rule = rule;
  f.sentence = -1;
  f.measure = -1;
  f.itemScoped = false;
  f.verdict = false;
  f.weight = 0;
  return f;
}

/** The rule table as a module-local constant: the scan reads it at every candidate position. */
const RULE_LIST = RULES;

/** How many characters of each rule's literal heads are compared before its regex is tried. */
const HEAD_CHARS = 8;

/**
 * Slots by character code: SLOT[c] is 0 for a character nothing starts with, a rule slot (1…) for one
 * that rule matches may start with, or one of the mark slots below (a typed-array lookup per character).
 */
const SLOT = new Uint8Array(0x10000);
/** Per rule slot, the tries at its character, in rule order: TRY_RULE[SLOT_FIRST[slot] + k] for k < SLOT_SIZE[slot]. */
const SLOT_FIRST: number[] = [0];
const SLOT_SIZE: number[] = [0];
const TRY_RULE: number[] = [];
/** The heads' characters after the first (`整改工作形成闭环` → `改工作`): one must follow; null: anything may. */
const TRY_TAILS: Array<string[] | null> = [];

{
  const bySlot: Array<Array<{ rule: number; tails: string[] | null }>> = [[]];
  RULES.forEach((rule, r) => {
    if (rule.anchor) return; // tried at its anchor character instead (ANCHOR_SLOT)
    const heads = literalHeads(rule.re.source, HEAD_CHARS);
    for (let k = 0; k < rule.first.length; k++) {
      const c = rule.first.charCodeAt(k);
      if (!SLOT[c]) SLOT[c] = bySlot.push([]) - 1;
      bySlot[SLOT[c]].push({ rule: r, tails: tailsAfter(heads, rule.first[k]) });
    }
  });
  for (let slot = 1; slot < bySlot.length; slot++) {
    if (bySlot[slot].length > 8) throw new Error('status-scan: more than 8 rules start with one character'); // masks are 8 bits
    SLOT_FIRST.push(TRY_RULE.length);
    SLOT_SIZE.push(bySlot[slot].length);
    for (const t of bySlot[slot]) {
      TRY_RULE.push(t.rule);
      TRY_TAILS.push(t.tails);
    }
  }
}

/** Clause breaks other than the newline (。；！？：，): no rule starts with them; the scan notes where they are. */
const BREAK_SLOT = SLOT_FIRST.length;
const NEWLINE_SLOT = BREAK_SLOT + 1;
const QUOTE_OPEN_SLOT = BREAK_SLOT + 2;
const QUOTE_CLOSE_SLOT = BREAK_SLOT + 3;
const TITLE_OPEN_SLOT = BREAK_SLOT + 4;
const TITLE_CLOSE_SLOT = BREAK_SLOT + 5;
/** 【 (a status tag may follow), 问 and 巡 (where a whole-problem phrase, status-layout.ts, may stand). */
const TAG_OPEN_SLOT = BREAK_SLOT + 6;
const WHOLE_PROBLEM_SLOT = BREAK_SLOT + 7;
/** The anchor character of a rule tried there rather than at its first characters (Rule.anchor: 月). */
const ANCHOR_SLOT = BREAK_SLOT + 8;
if (ANCHOR_SLOT > 0xff) throw new Error('status-scan: too many slots for a byte');
for (const ch of '。；！？：，') SLOT[ch.charCodeAt(0)] = BREAK_SLOT; // (a rule starting with one of them would never be tried)
SLOT[0x0a] = NEWLINE_SLOT;
markSlot('“', QUOTE_OPEN_SLOT);
markSlot('”', QUOTE_CLOSE_SLOT);
markSlot('《', TITLE_OPEN_SLOT);
markSlot('》', TITLE_CLOSE_SLOT);
markSlot('【', TAG_OPEN_SLOT);
markSlot('问', WHOLE_PROBLEM_SLOT);
markSlot('巡', WHOLE_PROBLEM_SLOT);
/** The rule tried at ANCHOR_SLOT characters (one only: the slot does not say which rule). */
const ANCHORED = RULES.findIndex((r) => r.anchor !== null);
if (RULES.some((r, k) => r.anchor !== null && k !== ANCHORED)) throw new Error('status-scan: more than one anchored rule');
if (ANCHORED >= 0) markSlot(RULES[ANCHORED].anchor!.char, ANCHOR_SLOT);

function markSlot(ch: string, slot: number): void {
  if (SLOT[ch.charCodeAt(0)]) throw new Error(`status-scan: a rule starts with ${ch}, which is a quote mark`);
  SLOT[ch.charCodeAt(0)] = slot;
}

/**
 * Which tries of a slot the next character allows, hashed on the first two characters of their heads:
 * bit k of PAIR_MASK[pairKey(c, next)] is set when try k at c's slot may go on with `next` (a collision
 * only sends a position on to the exact tail test). ANY_MASK[slot]: the tries that anything may follow.
 */
const PAIR_MASK = new Uint8Array(0x10000);
const ANY_MASK = new Uint8Array(BREAK_SLOT);
const pairKey = (c: number, next: number) => (Math.imul(c, 0x9e3b) + next) & 0xffff;
for (const rule of RULES) {
  if (rule.anchor) continue;
  for (let j = 0; j < rule.first.length; j++) {
    const c = rule.first.charCodeAt(j);
    const slot = SLOT[c];
    for (let k = 0; k < SLOT_SIZE[slot]; k++) {
      const tails = TRY_TAILS[SLOT_FIRST[slot] + k];
      if (tails === null) ANY_MASK[slot] |= 1 << k;
      else for (const tail of tails) PAIR_MASK[pairKey(c, tail.charCodeAt(0))] |= 1 << k;
    }
  }
}

/** The rest of each head that starts with `first`; null when anything may follow (or the heads are unknown). */
function tailsAfter(heads: string[] | null, first: string): string[] | null {
  if (!heads) return null;
  const tails: string[] = [];
  for (const h of heads) {
    if (h[0] !== first) continue;
    if (h.length < 2) return null;
    tails.push(h.slice(1));
  }
  return tails;
}

/** A growable list of offsets, reused from scan to scan (no allocation once grown). */
export class Offsets {
  data = new Int32Array(64);
  size = 0;

  push(x: number): void {
    if (this.size === this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.size++] = x;
  }
}

/** Where the scan saw clause breaks, newlines, quote marks, 【 and 问/巡 (absolute offsets, ascending). */
export interface Marks {
  /** Just after each clause break (。；！？ newline ：，). */
  breaks: Offsets;
  newlines: Offsets;
  quoteOpens: Offsets;
  quoteCloses: Offsets;
  titleOpens: Offsets;
  titleCloses: Offsets;
  tagOpens: Offsets;
  /** Every 问 and 巡: a whole-problem phrase (`该问题`, `巡察组反馈`) has one at or just after its start. */
  wholeProblemHints: Offsets;
}

const MARKS: Marks = {
  breaks: new Offsets(),
  newlines: new Offsets(),
  quoteOpens: new Offsets(),
  quoteCloses: new Offsets(),
  titleOpens: new Offsets(),
  titleCloses: new Offsets(),
  tagOpens: new Offsets(),
  wholeProblemHints: new Offsets(),
};
const MARK_LISTS = Object.values(MARKS);

/** Per rule, where its next match may start (the scan's scratch buffer, reset on every call). */
const RESUME = new Int32Array(RULES.length);

/** The match of sticky `re` at `i` (known to exist). */
function matchAt(re: RegExp, s: string, i: number): RegExpExecArray {
  re.lastIndex = i;
  return re.exec(s)!;
}

/**
 * Every rule's matches in `slice` = text[from, to), in the order found: at each character that can start a
 * match, the rules starting with it are tried there. A rule resumes after its previous match (as a global
 * search would), so its matches never overlap one another. The matches (objects from a pool) and the marks
 * (clause breaks, newlines, quote marks, 【, 问/巡) are valid until the next scan.
 */
export function scanCues(text: string, from: number, slice: string): { found: Found[]; marks: Marks } {
  const found: Found[] = [];
  pooled = 0; // (the previous scan's matches are given up)
  const resume = RESUME.fill(0);
  for (const list of MARK_LISTS) list.size = 0;
  const breaks = MARKS.breaks;
  const hits = stopsIn(text, from, from + slice.length);
  for (let h = 0; h < hits.size; h++) {
    const at = hits.data[h];
    const i = at - from;
    const c = text.charCodeAt(at);
    const slot = SLOT[c];
    if (slot >= BREAK_SLOT) {
      if (slot === BREAK_SLOT) breaks.push(at + 1); // (the most common mark, noted without the dispatch)
      else if (slot === ANCHOR_SLOT) tryAnchored(text, from, slice, at, resume, found);
      else noteMark(slot, at);
      continue;
    }
    // (the next character may lie past the slice: a false "yes" there only costs a regex call)
    let mask = ANY_MASK[slot] | PAIR_MASK[pairKey(c, text.charCodeAt(at + 1))];
    mask &= (1 << SLOT_SIZE[slot]) - 1;
    while (mask !== 0) {
      const k = 31 - Math.clz32(mask & -mask);
      mask &= mask - 1;
      const t = SLOT_FIRST[slot] + k;
      const r = TRY_RULE[t];
      if (i < resume[r]) continue;
      const tails = TRY_TAILS[t];
      if (tails !== null && !continuesWith(text, at + 1, tails)) continue;
      const rule = RULE_LIST[r];
      if (rule.may !== always && !rule.may(text, at)) continue;
      tryRule(text, from, slice, r, i, resume, found);
    }
  }
  return { found, marks: MARKS };
}

/** stopsIn's answer, reused from scan to scan (its buffer is kept only up to STOPS_KEEP offsets). */
const STOPS = new Offsets();
const STOPS_KEEP = 1 << 16;

/**
 * The offsets in [from, to) of `text` whose character has a slot, ascending. Written without a branch per
 * character (every offset is stored, the count moves on only at a slot): about a quarter of the characters
 * stop, in no pattern a branch predictor could follow.
 */
function stopsIn(text: string, from: number, to: number): Offsets {
  const out = to - from < STOPS_KEEP ? STOPS : new Offsets(); // (a very long range gets a buffer of its own)
  if (out.data.length < to - from + 1) out.data = new Int32Array(to - from + 1);
  const data = out.data;
  let size = 0;
  for (let at = from; at < to; at++) {
    data[size] = at;
    size += (SLOT[text.charCodeAt(at)] + 0xff) >> 8; // 1 for a slot (1…255), 0 for none
  }
  out.size = size;
  return out;
}

/** The anchored rule at its one start for the anchor character at `at`, if any (Rule.anchor). */
function tryAnchored(text: string, from: number, slice: string, at: number, resume: Int32Array, found: Found[]): void {
  const start = RULE_LIST[ANCHORED].anchor!.start(text, at, from + resume[ANCHORED]);
  if (start >= 0) tryRule(text, from, slice, ANCHORED, start - from, resume, found);
}

/** Rule `r` at offset `i` of the slice: a match moves the rule's resume point and, unless vetoed, is found. */
function tryRule(text: string, from: number, slice: string, r: number, i: number, resume: Int32Array, found: Found[]): void {
  const rule = RULE_LIST[r];
  rule.re.lastIndex = i;
  if (!rule.re.test(slice)) return; // test, not exec: no match array built
  const end = rule.re.lastIndex;
  resume[r] = end;
  if (i < rule.back) return;
  const s = from + i - rule.back;
  const e = from + end;
  if (rule.reject(text, s, e)) return;
  if (rule.note === '完成比例不足100%' && Number(matchAt(rule.re, slice, i)[1]) >= 100) return;
  found.push(pooledFound(rule.cue, s, e, rule.note, rule.rank, r));
}

function noteMark(slot: number, at: number): void {
  if (slot === BREAK_SLOT) MARKS.breaks.push(at + 1);
  else if (slot === NEWLINE_SLOT) {
    MARKS.breaks.push(at + 1);
    MARKS.newlines.push(at);
  } else if (slot === QUOTE_OPEN_SLOT) MARKS.quoteOpens.push(at);
  else if (slot === QUOTE_CLOSE_SLOT) MARKS.quoteCloses.push(at);
  else if (slot === TITLE_OPEN_SLOT) MARKS.titleOpens.push(at);
  else if (slot === TITLE_CLOSE_SLOT) MARKS.titleCloses.push(at);
  else if (slot === TAG_OPEN_SLOT) MARKS.tagOpens.push(at);
  else MARKS.wholeProblemHints.push(at);
}
