/**
 * Total/part relations between same-unit counts in one passage, e.g. 花山镇
 * "共梳理出问题合同23宗…已完成整改11宗。未整改完成的12宗，其中5宗…；剩余7宗" → 23 = 11 + 12, 12 = 5 + 7,
 * and percentages checked against the counts they are stated for.
 *
 * Conservative by design — a relation is only proposed where the wording says so:
 *  1. 其中-lists: "T…，其中A…，B…" (same sentence). If a part is introduced by 剩余/余下/其余 the list
 *     is a partition and must add up (consistent or contradiction). Otherwise the list may be a
 *     subset ("储备154名，其中16名…，5名…"): equality is reported as consistent, a sum larger than T
 *     as a contradiction, anything smaller is left alone.
 *  2. Done/undone split: a total with 共/合计/总计/累计 followed by the next two same-unit counts,
 *     one introduced by 已/完成 and the other by 未/尚未/剩余 → must add up.
 *  3. A total with 共/合计/总计 followed (or preceded, "A、B，共计T") in the same sentence by counts
 *     whose running sum hits T exactly → consistent (no contradiction is ever inferred here).
 * Approximate counts (20多间, 25余次, 约/超/近…) never take part.
 *
 * Percentages (unit %) take part only in these rules, and only when stated as plain values (not
 * approximate 约/近…, not targets 目标/力争/不低于… or bounds …以上/左右, not growth 同比/增长…):
 *  4. Rate of done items: "共T宗，已完成D宗[，未完成U宗]，(整改)完成率R%" — the rate (完成率/整改率/
 *     办结率/销号率/结案率/化解率/解决率, nothing else in between) follows the done (or undone) count
 *     directly, D comes right after the total T in that unit, and T says 共/合计… (or is the parent
 *     of a 其中-list). Checked: R = 100·D/T within half a unit of R's last stated decimal
 *     (92.78% ±0.005, 100% ±0.5) → consistent, else contradiction.
 *  5. Share of a part: "共T项，其中A项，占比R%" — 占比/占/比例/比重 directly after the part A; T is the
 *     same-unit count just before A with 共/合计…, or the parent of the 其中-list A belongs to.
 *     Checked like rule 4.
 *     Rules 4 and 5 express the relation in the common shape as total = the percentage and
 *     parts = [part, whole] (two counts of one unit, so parts[0].unit !== total.unit).
 *  6. Partition of 100%: "99.59%（剩余0.41%…）" — a percentage introduced by 剩余/其余/余下 right
 *     after another percentage of the same sentence; the two must add up to 100% (tolerance: half a
 *     unit of the coarser stated decimal) → consistent or contradiction.
 *  7. Shares that add up: consecutive 占/占比-percentages of one sentence ("…占84％，…占比16%")
 *     whose running sum reaches 100% → consistent; never a contradiction (they may be shares of
 *     different wholes).
 *     Rules 6 and 7 use total = the first percentage and parts = all the percentages (the first
 *     included), whose sum is 100%; they are the relations whose parts are in %.
 */
import type { Quantity } from '@/lib/schema';
import {
  DONE_CUE, doneUndoneSplits, REMAINDER_CUE, runningSums, SUBSET_CUE, subsetLists, TOTAL_CUE, UNDONE_CUE,
} from './arithmetic-counts';
import { percentRelations } from './arithmetic-percent';
import type { ArithmeticRelation, Counted, Percent } from './arithmetic-types';

export type { ArithmeticRelation, Counted, Percent } from './arithmetic-types';


export function findArithmeticRelations(
  text: string,
  quantities: Quantity[],
  passage: { start: number; end: number },
): ArithmeticRelation[] {
  const { counted, percents } = scan(text, quantities, passage);
  const byUnit = new Map<string, Counted[]>();
  for (const c of counted) {
    const list = byUnit.get(c.q.unit) ?? [];
    c.index = list.length;
    list.push(c);
    byUnit.set(c.q.unit, list);
  }
  const out: ArithmeticRelation[] = [];
  const used = new Set<number>(); // indexes (in the unit's list) already reported as totals; one Set, emptied per unit
  for (const list of byUnit.values()) {
    used.clear();
    subsetLists(list, used, out);
    doneUndoneSplits(list, used, out);
    runningSums(list, used, out);
  }
  if (percents.length > 0) percentRelations(text, percents, counted, byUnit, out);
  return out.sort((a, b) => a.start - b.start || a.total.start - b.total.start);
}

// ---------------------------------------------------------------------------------------------
// Reading the passage: counts and percentages with their cues, sentence and clause breaks.
// Kept in this module: the per-character loops read BREAKS as a local constant (imports are slower).


const SENTENCE_BREAK = '。！？!?\n';
const CLAUSE_BREAK = '，。；！？!?\n,;：:';
const MAX_CLAUSE = 40;
/** A count right after one of these is approximate (the clause before it ends with the word). */
const APPROX_BEFORE = endingWords(['约', '超', '近', '逾', '超过', '不少于', '不足', '多达', '达到约']);
const NON_ADDITIVE_UNITS = new Set(['%', '‰', '个百分点', '倍']);

/** Break characters by code unit (bit 1: sentence break, bit 2: clause break). */
const BREAKS = new Uint8Array(65536);
for (const ch of SENTENCE_BREAK) BREAKS[ch.charCodeAt(0)] |= 1;
for (const ch of CLAUSE_BREAK) BREAKS[ch.charCodeAt(0)] |= 2;


/** A percentage whose clause ends with one of these is a share (rule 7). */
const SHARE_LEAD = /(?:占|占比|比例|比重)(?:为|达到|达|是)?\s*$/;
const TARGET_CUE = /目标|要求|力争|争取|确保|计划|预计|预期|不低于|不少于|不超过|不高于|超过|以上|以下/;
const BOUND_AFTER = /^\s*(?:以上|以下|左右|上下|以内)/;
const GROWTH_CUE = /增长|下降|增加|减少|上升|提高|降低|同比|环比|增速|增幅|降幅|涨幅/;
const APPROX_PERCENT = endingWords(['约', '近', '逾', '超', '约为', '大约', '接近', '将近']);

function percentOf(
  text: string,
  q: Quantity,
  sentence: number,
  prev: Quantity | null,
  passage: { start: number; end: number },
): Percent {
  const lead = text.slice(clauseStart(text, q.start, passage.start), q.start);
  const gap = prev && q.start - prev.end <= MAX_CLAUSE ? text.slice(prev.end, q.start) : null;
  const dot = q.text.indexOf('.');
  let decimals = 0;
  if (dot !== -1) while (dot + 1 + decimals < q.text.length && isDigit(q.text.charCodeAt(dot + 1 + decimals))) decimals++;
  const after = text.slice(q.end, Math.min(passage.end, q.end + 4));
  const plain =
    !q.text.includes('余') &&
    !q.text.includes('多') &&
    !endsWithAny(lead, APPROX_PERCENT) &&
    !TARGET_CUE.test(lead) &&
    !BOUND_AFTER.test(after);
  return {
    q,
    sentence,
    prev,
    gap,
    lead,
    half: 0.5 * 10 ** -decimals,
    plain,
    isGrowth: GROWTH_CUE.test(lead),
    isShare: SHARE_LEAD.test(lead),
  };
}

/**
 * One pass over the passage's quantities: counts that can take part in sums (with sentence index and
 * cue words) and percentages (with the quantity right before them and the text in between).
 */
function scan(
  text: string,
  quantities: Quantity[],
  passage: { start: number; end: number },
): { counted: Counted[]; percents: Percent[] } {
  // the parser passes exactly the passage's quantities in order: then there is nothing to filter or sort
  const inside = allInsideInOrder(quantities, passage)
    ? quantities
    : quantities.filter((q) => q.start >= passage.start && q.end <= passage.end).sort((a, b) => a.start - b.start);
  const counted: Counted[] = [];
  const percents: Percent[] = [];
  const sentences = sentenceIds(text, inside, passage.start);
  let prev: Quantity | null = null;
  for (let k = 0; k < inside.length; k++) {
    const q = inside[k];
    const sentence = sentences[k];
    const before = prev;
    prev = q;
    if (q.unit === '%') {
      percents.push(percentOf(text, q, sentence, before, passage));
      continue;
    }
    if (NON_ADDITIVE_UNITS.has(q.unit)) continue;
    const from = clauseStart(text, q.start, passage.start);
    const lead = text.slice(from, q.start);
    if (q.text.includes('余') || q.text.includes('多') || endsWithAny(lead, APPROX_BEFORE)) continue;
    const clause = text.slice(from, clauseEnd(text, q.end, passage.end)); // lead + the quantity's own clause (one flat string)
    const isUndone = UNDONE_CUE.test(clause);
    counted.push({
      q,
      sentence,
      index: -1,
      lead,
      isTotal: TOTAL_CUE.test(lead),
      isSubset: SUBSET_CUE.test(lead),
      isRemainder: REMAINDER_CUE.test(lead),
      isDone: !isUndone && DONE_CUE.test(clause),
      isUndone,
    });
  }
  return { counted, percents };
}

/** Whether every quantity lies in the passage and they ascend by start (what filter + a stable sort would give back). */
function allInsideInOrder(quantities: Quantity[], passage: { start: number; end: number }): boolean {
  for (let k = 0; k < quantities.length; k++) {
    const q = quantities[k];
    if (q.start < passage.start || q.end > passage.end || (k > 0 && quantities[k - 1].start > q.start)) return false;
  }
  return true;
}

/**
 * A sentence id per quantity (ascending by start, the first read from `from` on): two ids are equal exactly
 * when no sentence break lies between the two quantities' starts. Ids are only ever compared for equality,
 * so each gap is read up to its first break only (counting every break before each quantity, as before,
 * gives the same equalities).
 */
export function sentenceIds(text: string, quantities: readonly Quantity[], from: number): Int32Array {
  const ids = new Int32Array(quantities.length);
  let id = 0;
  let cursor = from;
  for (let k = 0; k < quantities.length; k++) {
    const start = quantities[k].start;
    for (let c = cursor; c < start; c++) {
      if (BREAKS[text.charCodeAt(c)] & 1) {
        id++;
        break;
      }
    }
    ids[k] = id;
    cursor = Math.max(cursor, start);
  }
  return ids;
}

/** Words a lead may end with, and the codes of their last characters (most leads end with none of those). */
interface EndingWords {
  readonly words: readonly string[];
  readonly lastCodes: readonly number[];
}

export function endingWords(words: readonly string[]): EndingWords {
  return { words, lastCodes: [...new Set(words.map((w) => w.charCodeAt(w.length - 1)))] };
}

/**
 * `words.some((w) => s.endsWith(w))` without a closure per call, and without any endsWith when the last
 * character of `s` ends no word (the words are never empty).
 */
export function endsWithAny(s: string, ending: EndingWords): boolean {
  if (s.length === 0 || !ending.lastCodes.includes(s.charCodeAt(s.length - 1))) return false;
  const words = ending.words;
  for (let k = 0; k < words.length; k++) if (s.endsWith(words[k])) return true;
  return false;
}

function clauseStart(text: string, pos: number, min: number): number {
  const limit = Math.max(min, pos - MAX_CLAUSE);
  for (let k = pos - 1; k >= limit; k--) if (BREAKS[text.charCodeAt(k)] & 2) return k + 1;
  return limit;
}

function clauseEnd(text: string, pos: number, max: number): number {
  const limit = Math.min(max, pos + MAX_CLAUSE);
  for (let k = pos; k < limit; k++) if (BREAKS[text.charCodeAt(k)] & 2) return k;
  return limit;
}


function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}
