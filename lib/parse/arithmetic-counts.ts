// Count relations (rules 1–3: 其中-lists, done/undone splits, running sums) and the cue words that classify a count.
import type { ArithmeticRelation, Counted } from './arithmetic-types';

export const MAX_PARTS = 12;
/** 共 as "in total"; not 共产党, 共建共享, 共同… (公共 is caught by the look-behind). */
export const TOTAL_CUE = /(?<!公)共(?!产|建|享|同|治|融|识|青)|合计|总计|累计|总数|总共/;

export const SUBSET_CUE = /其中/;
export const REMAINDER_CUE = /剩余|余下|其余|剩下/;
export const UNDONE_CUE = /未|尚未|剩余|余下|其余|剩下|仍有|还有|待/;
export const DONE_CUE = /已|完成|办结|解决/;

/** Rule 1: "T，其中A，B" */
export function subsetLists(list: Counted[], used: Set<number>, out: ArithmeticRelation[]): void {
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
export function doneUndoneSplits(list: Counted[], used: Set<number>, out: ArithmeticRelation[]): void {
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
export function runningSums(list: Counted[], used: Set<number>, out: ArithmeticRelation[]): void {
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

function total(parts: Counted[]): number {
  return parts.reduce((s, p) => s + p.q.value, 0);
}

function same(a: number, b: number): boolean {
  return Math.abs(a - b) < 1e-6 * Math.max(1, Math.abs(b));
}

export function fmt(n: number, unit: string): string {
  return `${Number(n.toFixed(6))}${unit}`;
}
