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
  // About one position in sixteen is listed (a 1 MB notice: 62 k). Reserving a slot per character cost 4 MB
  // outside the JS heap per parse; instead the text is read in chunks, and before each chunk the list is
  // given room for one more position per character of the chunk (so the loop itself never checks room).
  let at: Int32Array = new Int32Array(0);
  let count = 0;
  for (let chunk = start; chunk < end; chunk += CHUNK) {
    const chunkEnd = Math.min(end, chunk + CHUNK);
    if (at.length < count + (chunkEnd - chunk)) at = grown(at, count, Math.min(end - start, Math.max(2 * at.length, count + CHUNK)));
    count = listStarts(text, chunk, chunkEnd, at, count);
  }
  return at.subarray(0, count);
}

const CHUNK = 0x10000;

/** Lists the starts in [from, to) into `at` from `count` on (it has the room); returns the new count. */
function listStarts(text: string, from: number, to: number, at: Int32Array, count: number): number {
  let prev = from > 0 ? START_CLASS[text.charCodeAt(from - 1)] : 0;
  for (let i = from; i < to; i++) {
    const k = START_CLASS[text.charCodeAt(i)];
    if (k !== 0 && (k & prev & S_RUN) === 0) at[count++] = i;
    prev = k;
  }
  return count;
}

/** A list of `size` slots holding the first `count` of `at`. */
function grown(at: Int32Array, count: number, size: number): Int32Array {
  const list = new Int32Array(size);
  list.set(at.subarray(0, count));
  return list;
}
