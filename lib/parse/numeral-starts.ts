/**
 * Where a number or a date mention may start: one pass over the text, shared by the date reader and the
 * quantity reader, which then try only these positions instead of each walking every character.
 *
 * A position is listed when its character is
 * - an ASCII digit that does not continue a run of digits (inside a run, both readers refuse at once:
 *   a number never starts in the middle of another);
 * - a Chinese numeral 〇零一二两三四五六七八九十 that does not continue a run of them (the quantity reader
 *   refuses a numeral glued to another; the date reader reads a Chinese year only from the run's first
 *   character and a quarter `一季度` only when no numeral comes before it);
 * - the first character of a date word (今年, 上半年, 第一季度, 年底, 月底, 近期 …).
 * 百千万亿 never start either (百千万工程; they only continue a numeral). The readers' tests check that
 * trying every position finds exactly what trying these finds.
 */
import { DATE_WORDS } from './date-vocabulary';

const S_DIGIT = 1;
const S_CN = 2;
const S_WORD = 4;
/** Classes whose run continues: a character of one never starts anything right after another of it. */
const S_RUN = S_DIGIT | S_CN;

const START_CLASS = new Uint8Array(0x10000);
function mark(chars: Iterable<string>, flag: number): void {
  for (const ch of chars) START_CLASS[ch.charCodeAt(0)] |= flag;
}
mark('0123456789', S_DIGIT);
mark('〇零一二两三四五六七八九十', S_CN);
mark(
  DATE_WORDS.map((w) => w[0]),
  S_WORD,
);

/** The positions in [from, to) where a number or a date may start, ascending. */
export function numeralStarts(text: string, from: number, to: number): Int32Array {
  const start = Math.max(0, from);
  const end = Math.min(to, text.length);
  if (end <= start) return new Int32Array(0);
  // About one position in sixteen is listed (a 1 MB notice: 62 k): the list starts small and doubles when
  // full, instead of reserving a slot per character (4 MB outside the JS heap per parse, which makes the GC
  // run more often).
  let at: Int32Array = new Int32Array(Math.min(end - start, INITIAL_CAPACITY));
  let count = 0;
  let prev = start > 0 ? START_CLASS[text.charCodeAt(start - 1)] : 0;
  for (let i = start; i < end; i++) {
    const k = START_CLASS[text.charCodeAt(i)];
    if (k !== 0 && (k & prev & S_RUN) === 0) {
      if (count === at.length) at = doubled(at, end - start);
      at[count++] = i;
    }
    prev = k;
  }
  return at.subarray(0, count);
}

const INITIAL_CAPACITY = 4096;

/** A copy of the full list `at` with twice the room (never more than `max`, the positions there are). */
function doubled(at: Int32Array, max: number): Int32Array {
  const grown = new Int32Array(Math.min(max, at.length * 2));
  grown.set(at);
  return grown;
}
