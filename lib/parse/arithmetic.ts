/**
 * Total/part relations between same-unit counts in one passage, e.g. 花山镇
 * "共梳理出问题合同23宗…已完成整改11宗。未整改完成的12宗，其中5宗…；剩余7宗" → 23 = 11 + 12, 12 = 5 + 7.
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
 * Approximate counts (20多间, 25余次, 约/超/近…) and percentages never take part.
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
  const counted = countable(text, quantities, passage);
  const byUnit = new Map<string, Counted[]>();
  for (const c of counted) {
    const list = byUnit.get(c.q.unit) ?? [];
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

/** Quantities inside the passage that can take part in sums, with sentence index and clause text. */
function countable(text: string, quantities: Quantity[], passage: { start: number; end: number }): Counted[] {
  const inside = quantities
    .filter((q) => q.start >= passage.start && q.end <= passage.end && !NON_ADDITIVE_UNITS.has(q.unit))
    .sort((a, b) => a.start - b.start);
  const out: Counted[] = [];
  let sentence = 0;
  let cursor = passage.start;
  for (const q of inside) {
    for (; cursor < q.start; cursor++) if (BREAKS[text.charCodeAt(cursor)] & 1) sentence++;
    cursor = Math.max(cursor, q.start);
    const from = clauseStart(text, q.start, passage.start);
    const lead = text.slice(from, q.start);
    if (q.text.includes('余') || q.text.includes('多') || APPROX_BEFORE.some((w) => lead.endsWith(w))) continue;
    const clause = text.slice(from, clauseEnd(text, q.end, passage.end)); // lead + the quantity's own clause (one flat string)
    const isUndone = UNDONE_CUE.test(clause);
    out.push({
      q,
      sentence,
      lead,
      isTotal: TOTAL_CUE.test(lead),
      isSubset: SUBSET_CUE.test(lead),
      isRemainder: REMAINDER_CUE.test(lead),
      isDone: !isUndone && DONE_CUE.test(clause),
      isUndone,
    });
  }
  return out;
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
