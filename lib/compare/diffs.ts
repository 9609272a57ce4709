// Per-item diffs between two versions of one problem: quantities (matched by their wording) and deadlines.
import type { Deadline, DeadlineChange, NumberChange, Quantity } from '@/lib/schema';
import { daysBetween } from '@/lib/gongwen';
import { bigrams, dice, round } from './similarity';

// ---------------------------------------------------------------------------------------------
// Numbers

const CONTEXT_CHARS = 12;
const CLAUSE_BREAK = /[，,。；;：:！？!?\n（(）)、]/;

/** The words right before a quantity, back to the clause start (e.g. 已完成整改 for 已完成整改11宗). */
export function quantityContext(q: Quantity, text: string | undefined): string {
  if (text === undefined) return q.text.replace(/[\d.,，万亿千百十%％]+/g, '').replace(q.unit, '');
  let from = q.start;
  while (from > 0 && q.start - from < CONTEXT_CHARS && !CLAUSE_BREAK.test(text[from - 1])) from--;
  let context = text.slice(from, q.start).replace(/\s/g, '');
  if (context.length < 2) {
    // 未整改完成的12宗，其中5宗… — nothing before: the words after identify it.
    let to = q.end;
    while (to < text.length && to - q.end < 6 && !CLAUSE_BREAK.test(text[to])) to++;
    context += '…' + text.slice(q.end, to).replace(/\s/g, '');
  }
  return context;
}

export function diffQuantities(
  before: Quantity[],
  after: Quantity[],
  texts: { before?: string; after?: string } = {},
): NumberChange[] {
  const withContext = (q: Quantity, i: number, text: string | undefined) => {
    const ctx = quantityContext(q, text);
    return { q, i, ctx, grams: bigrams(ctx) };
  };
  const b = before.map((q, i) => withContext(q, i, texts.before));
  const a = after.map((q, i) => withContext(q, i, texts.after));
  const candidates: { x: (typeof b)[number]; y: (typeof a)[number]; score: number }[] = [];
  for (const x of b) {
    for (const y of a) {
      if (x.q.unit !== y.q.unit) continue;
      const score = x.ctx === y.ctx ? 1 : dice(x.grams, y.grams);
      if (score >= 0.6) candidates.push({ x, y, score });
    }
  }
  candidates.sort((p, r) => r.score - p.score || Math.abs(p.x.i - p.y.i) - Math.abs(r.x.i - r.y.i));
  const usedB = new Set<number>();
  const usedA = new Set<number>();
  const changes: { order: number; change: NumberChange }[] = [];
  for (const { x, y } of candidates) {
    if (usedB.has(x.i) || usedA.has(y.i)) continue;
    usedB.add(x.i);
    usedA.add(y.i);
    if (x.q.value === y.q.value) continue;
    changes.push({
      order: y.i,
      change: {
        unit: y.q.unit,
        before: x.q.value,
        after: y.q.value,
        delta: round(y.q.value - x.q.value),
        beforeText: x.q.text,
        afterText: y.q.text,
        context: y.ctx,
      },
    });
  }
  return changes.sort((p, r) => p.order - r.order).map((c) => c.change);
}

// ---------------------------------------------------------------------------------------------
// Deadlines

/**
 * Dated deadlines are paired in date order. A deadline that disappears is only `dropped` when the item
 * is still unfinished — a finished item naturally stops promising dates.
 */
export function diffDeadlines(before: Deadline[], after: Deadline[], currentDone: boolean): DeadlineChange[] {
  const b = before.filter((d) => d.date !== null).sort((x, y) => x.date!.localeCompare(y.date!));
  const a = after.filter((d) => d.date !== null).sort((x, y) => x.date!.localeCompare(y.date!));
  const changes: DeadlineChange[] = [];
  for (let i = 0; i < Math.min(b.length, a.length); i++) {
    const days = daysBetween(b[i].date!, a[i].date!);
    if (days === 0) continue;
    changes.push({
      kind: days > 0 ? 'slipped' : 'advanced',
      before: b[i].date,
      after: a[i].date,
      days,
      beforeText: b[i].text,
      afterText: a[i].text,
    });
  }
  if (!currentDone) {
    for (const d of b.slice(a.length)) {
      changes.push({ kind: 'dropped', before: d.date, after: null, days: null, beforeText: d.text, afterText: null });
    }
  }
  for (const d of a.slice(b.length)) {
    changes.push({ kind: 'added', before: null, after: d.date, days: null, beforeText: null, afterText: d.text });
  }
  return changes;
}
