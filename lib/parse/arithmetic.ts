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

export interface ArithmeticRelation {
  total: Quantity;
  parts: Quantity[];
  consistent: boolean;
  /** zh-CN, e.g. "23宗 = 11宗 + 12宗" or "数据矛盾：合计23宗，但分项之和为22宗". */
  message: string;
  start: number;
  end: number;
}

interface Counted {
  q: Quantity;
  sentence: number;
  /** Position in its unit's list (set when the lists are built). */
  index: number;
  /** Text of the clause before the number (from the previous comma/semicolon/full stop). */
  lead: string;
  /** Cue words, computed once: 共/合计…, 其中, 剩余/其余…, done (已/完成…), undone (未/剩余…). */
  isTotal: boolean;
  isSubset: boolean;
  isRemainder: boolean;
  isDone: boolean;
  isUndone: boolean;
}

const SENTENCE_BREAK = '。！？!?\n';
const CLAUSE_BREAK = '，。；！？!?\n,;：:';
const MAX_CLAUSE = 40;
const MAX_PARTS = 12;
/** 共 as "in total"; not 共产党, 共建共享, 共同… (公共 is caught by the look-behind). */
const TOTAL_CUE = /(?<!公)共(?!产|建|享|同|治|融|识|青)|合计|总计|累计|总数|总共/;

const SUBSET_CUE = /其中/;
const REMAINDER_CUE = /剩余|余下|其余|剩下/;
const UNDONE_CUE = /未|尚未|剩余|余下|其余|剩下|仍有|还有|待/;
const DONE_CUE = /已|完成|办结|解决/;
/** A count right after one of these is approximate (the clause before it ends with the word). */
const APPROX_BEFORE = ['约', '超', '近', '逾', '超过', '不少于', '不足', '多达', '达到约'];
const NON_ADDITIVE_UNITS = new Set(['%', '‰', '个百分点', '倍']);

/** Break characters by code unit (bit 1: sentence break, bit 2: clause break). */
const BREAKS = new Uint8Array(65536);
for (const ch of SENTENCE_BREAK) BREAKS[ch.charCodeAt(0)] |= 1;
for (const ch of CLAUSE_BREAK) BREAKS[ch.charCodeAt(0)] |= 2;

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
  for (const list of byUnit.values()) {
    const used = new Set<number>(); // indexes already reported as totals
    subsetLists(list, used, out);
    doneUndoneSplits(list, used, out);
    runningSums(list, used, out);
  }
  if (percents.length > 0) percentRelations(text, percents, counted, byUnit, out);
  return out.sort((a, b) => a.start - b.start || a.total.start - b.total.start);
}

/** Rule 1: "T，其中A，B" */
function subsetLists(list: Counted[], used: Set<number>, out: ArithmeticRelation[]): void {
  for (let i = 1; i < list.length; i++) {
    const first = list[i];
    if (!first.isSubset) continue;
    const t = i - 1;
    if (list[t].sentence !== first.sentence || used.has(t)) continue;
    const parts = [first];
    for (let j = i + 1; j < list.length && parts.length < MAX_PARTS; j++) {
      if (list[j].sentence !== first.sentence || list[j].isSubset || list[j].isTotal) break;
      parts.push(list[j]);
    }
    if (parts.length < 2 && !exceeds(list[t], parts)) continue;
    const partition = parts.some((p) => p.isRemainder);
    const sum = total(parts);
    const target = list[t].q.value;
    if (same(sum, target) && parts.length >= 2) {
      out.push(relation(list[t], parts, true));
    } else if (partition || sum > target) {
      out.push(relation(list[t], parts, false, sum > target && !partition ? '超过合计' : undefined));
    } else continue;
    used.add(t);
  }
}

/** Rule 2: "共T；已…A；未…B" */
function doneUndoneSplits(list: Counted[], used: Set<number>, out: ArithmeticRelation[]): void {
  for (let t = 0; t + 2 < list.length; t++) {
    if (used.has(t) || !list[t].isTotal) continue;
    const a = list[t + 1];
    const b = list[t + 2];
    if (!((a.isDone && b.isUndone) || (a.isUndone && b.isDone))) continue;
    if (a.isSubset || b.isSubset) continue;
    out.push(relation(list[t], [a, b], same(a.q.value + b.q.value, list[t].q.value)));
    used.add(t);
  }
}

/** Rule 3: a stated total that the following (or preceding) counts of its sentence add up to. */
function runningSums(list: Counted[], used: Set<number>, out: ArithmeticRelation[]): void {
  for (let t = 0; t < list.length; t++) {
    if (used.has(t) || !list[t].isTotal) continue;
    const target = list[t].q.value;
    const after = sumRun(list, t, +1, target);
    const parts = after ?? sumRun(list, t, -1, target);
    if (!parts) continue;
    out.push(relation(list[t], parts, true));
    used.add(t);
  }
}

function sumRun(list: Counted[], t: number, step: 1 | -1, target: number): Counted[] | null {
  const parts: Counted[] = [];
  let sum = 0;
  for (let j = t + step; j >= 0 && j < list.length && parts.length < MAX_PARTS; j += step) {
    if (list[j].sentence !== list[t].sentence) break;
    parts.push(list[j]);
    sum += list[j].q.value;
    if (parts.length >= 2 && same(sum, target)) return step === 1 ? parts : parts.reverse();
    if (sum > target + 1e-9) break;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Percentages (rules 4–7)

interface Percent {
  q: Quantity;
  sentence: number;
  /** The quantity right before this one in the passage (any unit), or null. */
  prev: Quantity | null;
  /** Text between `prev` and this percentage, or null when there is no prev or it is far away. */
  gap: string | null;
  /** Clause text before the percentage (as for counts). */
  lead: string;
  /** Half a unit of the last stated decimal: 0.5 for "100%", 0.005 for "92.78%". */
  half: number;
  /** A plain statement: not approximate (约…), not a target (目标/力争/不低于…) or bound (…以上/左右). */
  plain: boolean;
  /** A change rather than a share (同比/增长/下降…). */
  isGrowth: boolean;
  /** Introduced by a share cue right before it (…占84％, 占比16%). */
  isShare: boolean;
}

/** Rate of done items, directly after the done/undone count: "，整改完成率达到" (group 1: the rate's name). */
const RATE_GAP =
  /^[，,；;。、]?\s*(?:目前|当前|截至目前)?(?:总体|整体)?(?:问题|任务|事项)?((?:整改)?(?:完成|整改|办结|销号|结案|化解|解决)率)(?:已|均)?(?:达到|达|为|是|提升到|提高到|提升至|提高至)?\s*$/;
/** Share of a part, directly after the part: "，占比", "（占比" (group 1: the cue). */
const SHARE_GAP = /^[，,；;、（(]?\s*(?:分别)?(占比|所占比例|比例|比重|占)(?:为|达到|达|是)?\s*$/;
/** A percentage whose clause ends with one of these is a share (rule 7). */
const SHARE_LEAD = /(?:占|占比|比例|比重)(?:为|达到|达|是)?\s*$/;
const TARGET_CUE = /目标|要求|力争|争取|确保|计划|预计|预期|不低于|不少于|不超过|不高于|超过|以上|以下/;
const BOUND_AFTER = /^\s*(?:以上|以下|左右|上下|以内)/;
const GROWTH_CUE = /增长|下降|增加|减少|上升|提高|降低|同比|环比|增速|增幅|降幅|涨幅/;
const APPROX_PERCENT = ['约', '近', '逾', '超', '约为', '大约', '接近', '将近'];

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
    !APPROX_PERCENT.some((w) => lead.endsWith(w)) &&
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

function percentRelations(
  text: string,
  percents: Percent[],
  counted: Counted[],
  byUnit: Map<string, Counted[]>,
  out: ArithmeticRelation[],
): void {
  const countOf = new Map<Quantity, Counted>();
  for (const c of counted) countOf.set(c.q, c);
  const used = new Set<Percent>();
  for (const p of percents) {
    const prev = p.plain && p.gap !== null && p.prev ? countOf.get(p.prev) : undefined;
    if (!prev) continue;
    const r = rateOrShare(p, prev, byUnit.get(prev.q.unit)!);
    if (!r) continue;
    out.push(r);
    used.add(p);
  }
  partitions(percents, used, out);
  shareSums(percents, used, out);
}

/** Rules 4 and 5: a rate or share right after its part, checked against part / whole. */
function rateOrShare(p: Percent, prev: Counted, list: Counted[]): ArithmeticRelation | null {
  const rate = RATE_GAP.exec(p.gap!);
  const share = rate ? null : SHARE_GAP.exec(p.gap!);
  if (!rate && !share) return null;
  const i = prev.index;
  let part: Counted;
  let whole: Counted | null;
  if (rate) {
    // "共T，已完成D，[未完成U，]完成率R" or "共T，未完成U，已完成D，完成率R"
    let d = i;
    let k = i - 1;
    if (list[i].isUndone && i >= 1 && list[i - 1].isDone) {
      d = i - 1;
      k = i - 2;
    } else if (!list[i].isDone) return null;
    else if (k >= 0 && list[k].isUndone) k--;
    part = list[d];
    whole = k >= 0 && (list[k].isTotal || list[k + 1].isSubset) && !list[k].isDone && !list[k].isUndone ? list[k] : null;
  } else {
    part = prev;
    whole = shareWhole(list, i);
  }
  if (!whole || whole.q.value <= 0 || (share && part.isTotal)) return null;
  const computed = (100 * part.q.value) / whole.q.value;
  const consistent = Math.abs(computed - p.q.value) <= p.half + 1e-9;
  const name = (rate ?? share)![1];
  const unit = part.q.unit;
  const message = consistent
    ? `${name} ${fmt(p.q.value, '%')} = ${fmt(part.q.value, unit)} / ${fmt(whole.q.value, unit)}`
    : `数据矛盾：${name}写作${fmt(p.q.value, '%')}，但${rate ? `已${name.slice(-3, -1)}` : ''}${fmt(part.q.value, unit)} / 共${fmt(whole.q.value, unit)} = ${fmtPercent(computed, p.half)}`;
  const qs = [whole.q, part.q, p.q];
  return {
    total: p.q,
    parts: [part.q, whole.q],
    consistent,
    message,
    start: Math.min(...qs.map((q) => q.start)),
    end: Math.max(...qs.map((q) => q.end)),
  };
}

/**
 * The whole a share's part belongs to: the same-unit count right before it when that says 共/合计…,
 * or the parent of the 其中-list the part is in (same sentence). Anything else is ambiguous → null.
 */
function shareWhole(list: Counted[], i: number): Counted | null {
  const part = list[i];
  for (let j = i - 1; j >= 0 && i - j <= MAX_PARTS; j--) {
    if (list[j].sentence !== part.sentence) return null;
    if (list[j + 1].isSubset) return list[j];
    if (j === i - 1 && list[j].isTotal) return list[j];
    if (list[j].isTotal) return null;
  }
  return null;
}

/** Rule 6: "A%（剩余B%…）" must add up to 100%. */
function partitions(percents: Percent[], used: Set<Percent>, out: ArithmeticRelation[]): void {
  for (let i = 1; i < percents.length; i++) {
    const a = percents[i - 1];
    const b = percents[i];
    if (used.has(a) || used.has(b) || b.prev !== a.q || b.gap === null || a.sentence !== b.sentence) continue;
    if (!a.plain || !b.plain || a.isGrowth || b.isGrowth || !REMAINDER_CUE.test(b.gap)) continue;
    const sum = a.q.value + b.q.value;
    const consistent = Math.abs(sum - 100) <= Math.max(a.half, b.half) + 1e-9;
    out.push(percentSum([a, b], consistent));
    used.add(a);
    used.add(b);
  }
}

/** Rule 7: consecutive 占/占比-percentages of a sentence whose running sum reaches 100% (consistent only). */
function shareSums(percents: Percent[], used: Set<Percent>, out: ArithmeticRelation[]): void {
  const eligible = (p: Percent) => p.isShare && p.plain && !p.isGrowth && !used.has(p);
  for (let i = 0; i < percents.length; i++) {
    if (!eligible(percents[i])) continue;
    const run = [percents[i]];
    let sum = percents[i].q.value;
    let half = percents[i].half;
    for (let j = i + 1; j < percents.length && run.length < MAX_PARTS; j++) {
      const p = percents[j];
      if (p.sentence !== percents[i].sentence || !eligible(p)) break;
      run.push(p);
      sum += p.q.value;
      half = Math.max(half, p.half);
      if (Math.abs(sum - 100) <= half + 1e-9) break;
      if (sum > 100 + half) break;
    }
    if (run.length < 2 || Math.abs(sum - 100) > half + 1e-9) continue;
    out.push(percentSum(run, true));
    for (const p of run) used.add(p);
    i += run.length - 1;
  }
}

function percentSum(run: Percent[], consistent: boolean): ArithmeticRelation {
  const sum = run.reduce((s, p) => s + p.q.value, 0);
  const terms = run.map((p) => fmt(p.q.value, '%')).join(' + ');
  return {
    total: run[0].q,
    parts: run.map((p) => p.q),
    consistent,
    message: consistent ? `${terms} = 100%` : `数据矛盾：${terms} = ${fmt(sum, '%')}，合起来应为100%`,
    start: run[0].q.start,
    end: run[run.length - 1].q.end,
  };
}

/** A computed percentage, one decimal finer than the stated one ("47.8%", "92.755%"). */
function fmtPercent(n: number, half: number): string {
  const decimals = Math.max(1, Math.round(-Math.log10(half * 2)) + 1);
  return `${Number(n.toFixed(decimals))}%`;
}

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

function exceeds(t: Counted, parts: Counted[]): boolean {
  return total(parts) > t.q.value + 1e-9;
}

function relation(t: Counted, parts: Counted[], consistent: boolean, why?: string): ArithmeticRelation {
  const unit = t.q.unit;
  const sum = total(parts);
  const terms = parts.map((p) => fmt(p.q.value, unit)).join(' + ');
  const message = consistent
    ? `${fmt(t.q.value, unit)} = ${terms}`
    : why
      ? `数据矛盾：合计${fmt(t.q.value, unit)}，但其中所列分项之和为${fmt(sum, unit)}（${terms}），${why}`
      : `数据矛盾：合计${fmt(t.q.value, unit)}，但分项之和为${fmt(sum, unit)}（${terms}）`;
  const qs = [t.q, ...parts.map((p) => p.q)];
  return {
    total: t.q,
    parts: parts.map((p) => p.q),
    consistent,
    message,
    start: Math.min(...qs.map((q) => q.start)),
    end: Math.max(...qs.map((q) => q.end)),
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
  const inside = quantities
    .filter((q) => q.start >= passage.start && q.end <= passage.end)
    .sort((a, b) => a.start - b.start);
  const counted: Counted[] = [];
  const percents: Percent[] = [];
  let sentence = 0;
  let cursor = passage.start;
  let prev: Quantity | null = null;
  for (const q of inside) {
    for (; cursor < q.start; cursor++) if (BREAKS[text.charCodeAt(cursor)] & 1) sentence++;
    cursor = Math.max(cursor, q.start);
    const before = prev;
    prev = q;
    if (q.unit === '%') {
      percents.push(percentOf(text, q, sentence, before, passage));
      continue;
    }
    if (NON_ADDITIVE_UNITS.has(q.unit)) continue;
    const from = clauseStart(text, q.start, passage.start);
    const lead = text.slice(from, q.start);
    if (q.text.includes('余') || q.text.includes('多') || APPROX_BEFORE.some((w) => lead.endsWith(w))) continue;
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

function total(parts: Counted[]): number {
  return parts.reduce((s, p) => s + p.q.value, 0);
}

function same(a: number, b: number): boolean {
  return Math.abs(a - b) < 1e-6 * Math.max(1, Math.abs(b));
}

function fmt(n: number, unit: string): string {
  return `${Number(n.toFixed(6))}${unit}`;
}
