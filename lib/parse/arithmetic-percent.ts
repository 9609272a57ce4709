// Percentage relations (rules 4–7): rates and shares checked against their counts, partitions and shares of 100%.
import type { Quantity } from '@/lib/schema';
import type { ArithmeticRelation, Counted, Percent } from './arithmetic-types';
import { fmt, MAX_PARTS, REMAINDER_CUE } from './arithmetic-counts';

/** Rate of done items, directly after the done/undone count: "，整改完成率达到" (group 1: the rate's name). */
const RATE_GAP =
  /^[，,；;。、]?\s*(?:目前|当前|截至目前)?(?:总体|整体)?(?:问题|任务|事项)?((?:整改)?(?:完成|整改|办结|销号|结案|化解|解决)率)(?:已|均)?(?:达到|达|为|是|提升到|提高到|提升至|提高至)?\s*$/;
/** Share of a part, directly after the part: "，占比", "（占比" (group 1: the cue). */
const SHARE_GAP = /^[，,；;、（(]?\s*(?:分别)?(占比|所占比例|比例|比重|占)(?:为|达到|达|是)?\s*$/;

export function percentRelations(
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
