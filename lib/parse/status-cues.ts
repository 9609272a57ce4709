// Status cues: the one-pass cue finder over the rule table (status-rules.ts), skipping quotes.

import { literalHeads } from './regex-heads';
import { continuesWith } from './char-tests';
import { RULES, type Cue } from './status-rules';

export type { Cue } from './status-rules';

/** The rule table as a module-local constant: findCues reads it at every candidate position. */
const RULE_LIST = RULES;

export interface Found {
  cue: Cue;
  start: number;
  end: number;
  note: string;
  rank: number;
  /** Index of the rule in RULES (the last tie-break: earlier rules first). */
  rule: number;
}

const STRENGTH: Record<Cue, number> = { open: 4, strong: 3, weak: 2, action: 1.5, progress: 1 };

/** Next index of `ch` in `s` at or after `from`; `known` is an earlier answer, reused while still ahead. */
function nextIndex(s: string, ch: string, from: number, known: number): number {
  return known < 0 || known >= from ? known : s.indexOf(ch, from);
}

/**
 * Quoted words and titles (“…”, 《…》) in `slice` (offsets + `from`): a 正在 or 已完成 inside them is
 * a name, not a report. A quote open longer than 40 characters (a title: 200) or across a newline is
 * unbalanced: treat it as plain text, resuming after the character where it was given up.
 */
function quotedRanges(slice: string, from: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let quote = slice.indexOf('“');
  let title = slice.indexOf('《');
  let quoteEnd = slice.indexOf('”');
  let titleEnd = slice.indexOf('》');
  let newline = slice.indexOf('\n');
  let i = 0;
  for (;;) {
    quote = nextIndex(slice, '“', i, quote);
    title = nextIndex(slice, '《', i, title);
    if (quote < 0 && title < 0) break;
    const isTitle = quote < 0 || (title >= 0 && title < quote);
    const open = isTitle ? title : quote;
    let close: number;
    if (isTitle) close = titleEnd = nextIndex(slice, '》', open + 1, titleEnd);
    else close = quoteEnd = nextIndex(slice, '”', open + 1, quoteEnd);
    newline = nextIndex(slice, '\n', open + 1, newline);
    const giveUp = open + (isTitle ? 200 : 40) + 1; // a closer here still counts, anything else ends the quote
    if (close >= 0 && close <= giveUp && (newline < 0 || close < newline)) {
      out.push([from + open, from + close + 1]);
      i = close + 1;
    } else i = (newline >= 0 && newline < giveUp ? newline : giveUp) + 1;
  }
  return out;
}

/** How many characters of each rule's literal heads are compared before its regex is tried. */
const HEAD_CHARS = 4;

/** A rule to try at a character, with what may follow that character there (null: anything). */
interface Try {
  rule: number;
  /** The heads' characters after the first (`整改工作形成闭环` → `改工作`): one must follow. */
  tails: string[] | null;
}

/**
 * Rules by the character their matches start with, in rule order: RULE_SLOT[c] is 0 when no rule may
 * start at character code c, else the index of its list in TRIES_BY_SLOT (a typed-array lookup at every
 * character of every item). Where a pattern starts with literal words (see literalHeads), a rule is
 * tried only when the next characters continue one of them: most candidate positions fail there,
 * without the cost of a regex call.
 */
const RULE_SLOT = new Uint8Array(0x10000);
const TRIES_BY_SLOT: Try[][] = [[]];
RULES.forEach((rule, r) => {
  const heads = literalHeads(rule.re.source, HEAD_CHARS);
  for (let k = 0; k < rule.first.length; k++) {
    const c = rule.first.charCodeAt(k);
    if (!RULE_SLOT[c]) RULE_SLOT[c] = TRIES_BY_SLOT.push([]) - 1;
    TRIES_BY_SLOT[RULE_SLOT[c]].push({ rule: r, tails: tailsAfter(heads, rule.first[k]) });
  }
});

/**
 * Clause breaks (。；！？ newline ：，) get a slot of their own, which no rule uses: findCues records them
 * for the item layout (status-layout.ts) in the pass it makes anyway.
 */
const BREAK_SLOT = TRIES_BY_SLOT.push([]) - 1;
for (const ch of '。；！？\n：，') RULE_SLOT[ch.charCodeAt(0)] = BREAK_SLOT;

/**
 * The first two characters of every head, hashed: PAIR[pairKey(c, next)] is 1 when some rule may start
 * with c followed by next (a collision only sends a position on to its rules, which then fail as
 * before). ANY_NEXT[slot] is 1 when a rule at that character may be followed by anything.
 */
const PAIR = new Uint8Array(0x10000);
const ANY_NEXT = new Uint8Array(TRIES_BY_SLOT.length);
const pairKey = (c: number, next: number) => (Math.imul(c, 0x9e3b) + next) & 0xffff;
for (let c = 0; c < 0x10000; c++) {
  for (const t of TRIES_BY_SLOT[RULE_SLOT[c]]) {
    if (t.tails === null) ANY_NEXT[RULE_SLOT[c]] = 1;
    else for (const tail of t.tails) PAIR[pairKey(c, tail.charCodeAt(0))] = 1;
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

/** Per rule, where its next match may start (findCues's scratch buffer, reset on every call). */
const RESUME = new Int32Array(RULES.length);

/** The match of sticky `re` at `i` (known to exist). */
function matchAt(re: RegExp, s: string, i: number): RegExpExecArray {
  re.lastIndex = i;
  return re.exec(s)!;
}

/**
 * Every rule's matches in [from, to), found in one pass over the slice: at each character that can
 * start a match, the rules starting with it are tried there. A rule resumes after its previous match
 * (as a global search would), so its matches never overlap one another. When `breaks` is given, the
 * offset just after each clause break (。；！？ newline ：，) in the range is appended to it, in order.
 */
export function findCues(text: string, from: number, to: number, slice = text.slice(from, to), breaks?: number[]): Found[] {
  const found: Found[] = [];
  const resume = RESUME.fill(0);
  const n = slice.length;
  for (let i = 0; i < n; i++) {
    // characters are read from `text` (flat), not `slice` (a view into it, slower per character)
    const c = text.charCodeAt(from + i);
    const slot = RULE_SLOT[c];
    if (slot === 0) continue;
    if (slot === BREAK_SLOT) {
      breaks?.push(from + i + 1);
      continue;
    }
    // (the next character may lie past the slice: a false "yes" there only costs a regex call)
    if (ANY_NEXT[slot] === 0 && PAIR[pairKey(c, text.charCodeAt(from + i + 1))] === 0) continue;
    const tries = TRIES_BY_SLOT[slot];
    for (let k = 0; k < tries.length; k++) {
      const { rule: r, tails } = tries[k];
      if (i < resume[r] || (tails !== null && !continuesWith(text, from + i + 1, tails))) continue;
      const rule = RULE_LIST[r];
      if (!rule.may(text, from + i)) continue;
      rule.re.lastIndex = i;
      if (!rule.re.test(slice)) continue; // test, not exec: no match array built
      const end = rule.re.lastIndex;
      resume[r] = end;
      if (i < rule.back) continue;
      const s = from + i - rule.back;
      const e = from + end;
      if (rule.reject(text, s, e)) continue;
      if (rule.note === '完成比例不足100%' && Number(matchAt(rule.re, slice, i)[1]) >= 100) continue;
      found.push({ cue: rule.cue, start: s, end: e, note: rule.note, rank: rule.rank, rule: r });
    }
  }
  // overlapping matches: keep the earlier one, at equal start the more telling cue, then the longer, then the earlier rule
  found.sort((a, b) => a.start - b.start || STRENGTH[b.cue] - STRENGTH[a.cue] || b.end - a.end || a.rule - b.rule);
  const quotes = quotedRanges(slice, from);
  const out: Found[] = [];
  let q = 0;
  for (const f of found) {
    while (q < quotes.length && quotes[q][1] <= f.start) q++;
    if (q < quotes.length && quotes[q][0] < f.start && f.end <= quotes[q][1]) continue;
    const last = out[out.length - 1];
    if (last && f.start < last.end) {
      // an open cue inside a done phrase (`已进入协商整改的最后阶段`) decides the phrase
      if (f.cue === 'open' && last.cue !== 'open') out[out.length - 1] = f;
      // a completion claim inside a dated step (`截至3月，所有债权已完成挂账处理`) is the better reading
      else if (last.cue === 'action' && (f.cue === 'strong' || f.cue === 'weak')) out[out.length - 1] = f;
      continue;
    }
    out.push(f);
  }
  return out;
}

/** The rules' patterns, in rule order (for tests that check the literal heads findCues relies on). */
export function cuePatterns(): RegExp[] {
  return RULES.map((r) => r.re);
}
