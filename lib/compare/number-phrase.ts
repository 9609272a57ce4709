/**
 * A number change told in the words of its sentence: the clause around the current number, with the change
 * written in place (`目前已完成整改11宗→19宗（+8）`, `镇党委共通过21次党委会、4次→6次（+2）专题会研究讨论…`),
 * rather than the up-to-12-character fragment that identified the number (`…专题会研究讨`).
 */
import type { NumberChange, ProblemItem, Quantity } from '@/lib/schema';
import { quantityContext } from './diffs';

/** Ends a clause: sentence and clause punctuation. */
const CLAUSE_BREAK = /[，,。；;：:！？!?\n]/;
/** Splits a long clause further: enumeration comma, brackets, runs of spaces. */
const SUB_BREAK = /[、（）()【】[\]\s]/;
/** Longest clause shown whole; a longer one is narrowed to the words around the number. */
export const MAX_PHRASE_CHARS = 48;

function expand(text: string, start: number, end: number, stop: RegExp, from = 0, to = text.length): [number, number] {
  let s = start;
  while (s > from && !stop.test(text[s - 1])) s--;
  let e = end;
  while (e < to && !stop.test(text[e])) e++;
  return [s, e];
}

/**
 * The clause of `text` holding `[start, end)`, as [from, to): bounded by clause punctuation, narrowed to the
 * enumeration part or a window of MAX_PHRASE_CHARS around the number when the clause is longer than that.
 */
export function clauseAround(text: string, start: number, end: number): [number, number] {
  let [s, e] = expand(text, start, end, CLAUSE_BREAK);
  if (e - s > MAX_PHRASE_CHARS) [s, e] = expand(text, start, end, SUB_BREAK, s, e);
  if (e - s > MAX_PHRASE_CHARS) {
    const room = Math.max(0, MAX_PHRASE_CHARS - (end - start));
    s = Math.max(s, start - Math.ceil(room / 2));
    e = Math.min(e, end + Math.floor(room / 2));
  }
  return [s, e];
}

const squeeze = (s: string) => s.replace(/\s+/g, '');

/** `11宗→19宗（+8）` */
export function changeText(n: NumberChange): string {
  return `${n.before}${n.unit}→${n.after}${n.unit}（${n.delta > 0 ? '+' : ''}${n.delta}）`;
}

/** The item's quantity the change was read from: same wording, value and identifying context. */
function changedQuantity(n: NumberChange, item: ProblemItem, text: string): Quantity | null {
  const same = item.quantities.filter((q) => q.text === n.afterText && q.value === n.after && text.slice(q.start, q.end) === q.text);
  return same.find((q) => quantityContext(q, text) === n.context) ?? same[0] ?? null;
}

/**
 * The change in the words of its clause in the current text (`目前已完成整改11宗→19宗（+8）`); `…` marks a clause
 * cut short. Without the current item or text it falls back to the identifying words (`已完成整改11宗→19宗（+8）`).
 */
export function numberChangePhrase(n: NumberChange, item: ProblemItem | null, text: string | null): string {
  const q = item && text ? changedQuantity(n, item, text) : null;
  if (!q || !text) return `${n.context}${changeText(n)}`;
  const [s, e] = clauseAround(text, q.start, q.end);
  const cutBefore = s > 0 && !CLAUSE_BREAK.test(text[s - 1]) ? '…' : '';
  const cutAfter = e < text.length && !CLAUSE_BREAK.test(text[e]) ? '…' : '';
  return `${cutBefore}${squeeze(text.slice(s, q.start))}${changeText(n)}${squeeze(text.slice(q.end, e))}${cutAfter}`;
}
