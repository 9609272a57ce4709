// Character tests that read a string in place (charCodeAt, startsWith): no slice, no regex per call.
// Used where a test runs at every candidate position or match (status-cues.ts).

/** Is the character at `i` one of `chars`? (no string allocation per test) */
export function charIn(t: string, i: number, chars: string): boolean {
  const c = t.charCodeAt(i);
  if (c !== c) return false; // NaN: out of range
  for (let k = 0; k < chars.length; k++) if (chars.charCodeAt(k) === c) return true;
  return false;
}

/**
 * A test "does the text end at `at` with one of these words" (`|`-separated), read in place by character
 * code: no slice per test (the rules' rejects run at every match).
 */
export function endsWithOneOf(words: string): (t: string, at: number) => boolean {
  const byLast = new Map<number, string[]>();
  for (const w of words.split('|')) {
    const last = w.charCodeAt(w.length - 1);
    byLast.set(last, [...(byLast.get(last) ?? []), w]);
  }
  return (t, at) => {
    const list = byLast.get(t.charCodeAt(at - 1));
    if (!list) return false;
    for (const w of list) if (at >= w.length && t.startsWith(w, at - w.length)) return true;
    return false;
  };
}

/** Is there an ASCII digit in (at, at + within] before any ，。；? */
export function digitAhead(t: string, at: number, within: number): boolean {
  for (let j = at + 1; j <= at + within; j++) {
    const c = t.charCodeAt(j);
    if (c >= 0x30 && c <= 0x39) return true;
    if (c === CH_COMMA || c === CH_PERIOD || c === CH_SEMICOLON) return false;
  }
  return false;
}
const CH_COMMA = '，'.charCodeAt(0);
const CH_PERIOD = '。'.charCodeAt(0);
const CH_SEMICOLON = '；'.charCodeAt(0);

/** Does one of `tails` stand in `text` at `at`? */
export function continuesWith(text: string, at: number, tails: string[]): boolean {
  for (let k = 0; k < tails.length; k++) {
    const tail = tails[k];
    let j = 0;
    while (j < tail.length && text.charCodeAt(at + j) === tail.charCodeAt(j)) j++;
    if (j === tail.length) return true;
  }
  return false;
}

/** An ASCII letter's code (a digit right after one is part of a code or name, not a number). */
export function isAsciiLetterCode(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
}
