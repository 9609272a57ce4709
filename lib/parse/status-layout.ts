// Item layout for status: sentences, sub-measures (一是…, （1）…), whole-problem clauses; cues placed in them as clauses.
import type { Found } from './status-cues';
import { Offsets, type Marks } from './status-scan';

/**
 * A clause about the problem found by the inspection rather than one sub-measure. Sticky: tried only where
 * a match can start, next to the 问 and 巡 the scan noted (wholeProblemMatches).
 */
const WHOLE_PROBLEM = /(该|此|本|上述)问题|巡[察视](?:组|办)?(?:反馈|发现|指出)(?!问题后|后|意见后)/y;
const CH_WEN = '问'.charCodeAt(0);
const CH_SHU = '述'.charCodeAt(0);
const CH_SHANG = '上'.charCodeAt(0);
const CH_XUN = '巡'.charCodeAt(0);
const THIS_ONE = new Set([...'该此本'].map((c) => c.charCodeAt(0)));
/** A sentence that reports the present state (`目前，村已停止…`, `截至2025年3月，…已完成…`). */
const STATE_OPENER = /[\s\u3000（(]*(?:[一二三四五六七八九十]{1,2}是)?(?:目前|现|现在|当前|至今|截至|截止|经[^，。；]{0,10}后|通过整改)/y;

/** An item's layout: valid until the next layoutOf call (its offset lists are reused buffers). */
export interface ItemLayout {
  /** Start offsets of sentences (ascending); the first is the body start. */
  sentences: Offsets;
  /** Start offsets of sub-measures (ascending). */
  measures: Offsets;
  /** Sentence indexes that name the inspection's finding. */
  wholeSentences: ReadonlySet<number>;
  /** Sentence indexes that speak of the item as a whole (`该问题已完成整改`). */
  verdictSentences: ReadonlySet<number>;
}

/** Sub-measure markers, tried only at a clause start: 一是, 一方面/另一方面, （1）, ①, 1. */
const SUB_MEASURE = /[ \t\u3000]*(?:[一二三四五六七八九十]{1,2}是|另一方面|一方面|[（(][1-9]\d?[）)]|[①-⑳]|[1-9]\d?[.．、](?![\d%]))/y;

/** MAY_OPEN_MEASURE[c] = 1 when a marker can start with character code c (a cheap pre-test before SUB_MEASURE). */
const MAY_OPEN_MEASURE = new Uint8Array(0x10000);
for (const ch of ' \t\u3000一二三四五六七八九十另（(123456789') MAY_OPEN_MEASURE[ch.charCodeAt(0)] = 1;
for (let c = 0x2460; c <= 0x2473; c++) MAY_OPEN_MEASURE[c] = 1; // ①-⑳

/**
 * The layout of the item text `slice` (at offset `from`), from the marks the scan of that text noted:
 * `marks.breaks`, the offsets just after each clause boundary (sentence ends 。；！？ newline, and the
 * commas/colons after which a sub-measure may start), and the 问/巡 where a whole-problem phrase may stand.
 */
export function layoutOf(slice: string, from: number, marks: Marks): ItemLayout {
  const sentences = SENTENCES;
  const measures = MEASURES;
  sentences.size = 0;
  measures.size = 0;
  sentences.push(from);
  // only the outermost family of markers makes measures: `四是…：①…②…` is one measure, not five
  let family: string | null = null;
  SUB_MEASURE.lastIndex = 0;
  if (SUB_MEASURE.test(slice)) {
    family = markerFamily(slice, 0);
    measures.push(from);
  }
  const breaks = marks.breaks;
  for (let k = 0; k < breaks.size; k++) {
    const b = breaks.data[k];
    const next = b - from; // just after the break
    if (next >= slice.length) break;
    const c = slice.charCodeAt(next - 1);
    if (c !== 0xff1a && c !== 0xff0c) sentences.push(from + next); // not ：，
    if (!MAY_OPEN_MEASURE[slice.charCodeAt(next)]) continue;
    SUB_MEASURE.lastIndex = next;
    if (!SUB_MEASURE.test(slice)) continue;
    const kind = markerFamily(slice, next);
    family ??= kind;
    if (kind === family) measures.push(from + next);
  }
  // (a heading-only `1.加大基础教育投入。` followed by its 一是… is one measure: its 一是… are another family)
  const wholeSentences = wholeProblemSentences(slice, from, marks.wholeProblemHints, sentences);
  if (wholeSentences === null) return { sentences, measures, wholeSentences: NO_SENTENCES, verdictSentences: NO_SENTENCES };
  return { sentences, measures, wholeSentences: wholeSentences.whole, verdictSentences: wholeSentences.verdict };
}

/** layoutOf's offset lists, reused from item to item. */
const SENTENCES = new Offsets();
const MEASURES = new Offsets();

/** The sentences of an item without whole-problem phrases (most items): one shared set, only ever read. */
const NO_SENTENCES: ReadonlySet<number> = new Set<number>();

/**
 * The sentences holding the matches a global WHOLE_PROBLEM search of `slice` finds (null: none), and those of
 * them whose match names the problem itself (`该问题…`: a verdict). Every match starts at a 巡, or one
 * character before a 问 (该/此/本问题) or two (上述问题), so only those starts are tried, in ascending order,
 * each at or after the end of the previous match. `hints`: the 问 and 巡 in the slice (absolute offsets).
 */
function wholeProblemSentences(slice: string, from: number, hints: Offsets, sentences: Offsets): { whole: Set<number>; verdict: Set<number> } | null {
  let out: { whole: Set<number>; verdict: Set<number> } | null = null;
  let end = 0;
  for (let k = 0; k < hints.size; k++) {
    const p = hints.data[k] - from;
    const start = slice.charCodeAt(p) !== CH_WEN ? p : THIS_ONE.has(slice.charCodeAt(p - 1)) ? p - 1 : slice.charCodeAt(p - 1) === CH_SHU && slice.charCodeAt(p - 2) === CH_SHANG ? p - 2 : -1;
    if (start < end) continue;
    WHOLE_PROBLEM.lastIndex = start;
    if (!WHOLE_PROBLEM.test(slice)) continue;
    end = WHOLE_PROBLEM.lastIndex;
    out ??= { whole: new Set<number>(), verdict: new Set<number>() };
    const at = indexAt(sentences, from + start);
    out.whole.add(at);
    // (the first alternative, 该/此/本/上述问题, is the only one not starting with 巡)
    if (slice.charCodeAt(start) !== CH_XUN) out.verdict.add(at);
  }
  return out;
}

/** The kind of sub-measure marker at `at` (after up to five spaces): 一是/一方面, （1）, ①, 1. */
function markerFamily(slice: string, at: number): string {
  const limit = Math.min(at + 6, slice.length);
  let j = at;
  while (j < limit && isMarkerSpace(slice.charCodeAt(j))) j++;
  const c = j < limit ? slice.charCodeAt(j) : -1;
  if (c === 0xff08 || c === 0x28) return 'paren'; // （ (
  if (c >= 0x2460 && c <= 0x2473) return 'circled'; // ①-⑳
  if (c >= 0x30 && c <= 0x39) return 'arabic';
  return 'cn';
}

/** space, tab, ideographic space */
function isMarkerSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x3000;
}

/** indexAt(list, pos), given k = indexAt(list, p) for some p ≤ pos. */
function walkTo(list: Offsets, k: number, pos: number): number {
  while (k + 1 < list.size && list.data[k + 1] <= pos) k++;
  return k;
}

/** Index of the last element ≤ pos in an ascending list, or -1. */
function indexAt(list: Offsets, pos: number): number {
  let lo = 0;
  let hi = list.size;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list.data[mid] <= pos) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/** A cue placed in its item: the scan's match object, its placement fields filled in by classify. */
export type Clause = Found;

/** The cues (in text order, as readCues gives them) placed in the item's sentences and sub-measures, in place. */
export function classify(text: string, cues: Found[], layout: ItemLayout): Clause[] {
  const several = layout.measures.size >= 2;
  // the cues ascend, so the sentence and the measure of each are found by walking forward, not searched
  let sentence = -1;
  let measure = -1;
  for (const f of cues) {
    sentence = walkTo(layout.sentences, sentence, f.start);
    measure = walkTo(layout.measures, measure, f.start);
    f.sentence = sentence;
    f.measure = measure;
    f.itemScoped = !several || measure < 0 || (layout.wholeSentences.size > 0 && layout.wholeSentences.has(sentence));
    f.verdict = layout.verdictSentences.size > 0 && layout.verdictSentences.has(sentence);
    f.weight = weightOf(text, f, layout.sentences.data[sentence]);
  }
  return cues;
}

/** How much a cue counts as a reported result; a weak one in a sentence stating the present state counts more. */
function weightOf(text: string, f: Found, sentenceStart: number): number {
  if (f.cue !== 'weak') return f.cue === 'strong' ? 1.5 : f.cue === 'action' ? 0.75 : 0;
  STATE_OPENER.lastIndex = sentenceStart;
  return STATE_OPENER.test(text) ? 1.5 : 1;
}
