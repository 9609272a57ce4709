/**
 * A text already in normalizeText's form comes back as it is: one light pass checks that squeezing would
 * change, drop and rejoin nothing, so the offsets are the identity and the text is the input itself. It saves
 * the squeeze loop's two stores per character (on the 1 MB synthetic ~3 ms → ~1.8 ms), and gives up at the
 * first character that needs the loop (a blank line, a run of spaces, a `\r`, a full-width digit …), which on
 * pages copied from a browser is within the first lines.
 */
import { CODE_CLASS, isDigitIdeographPair, K_FOLD, K_LINE_BREAK, K_PUNCT, K_SPACE } from './code-class';
import { mayBeHardWrapped, mayBePageNumberLine } from './rejoin';

/** normalizeText's result (declared here, where the identity form is built, so neither module imports the other). */
export interface NormalizedText {
  text: string;
  /** length text.length + 1; toOriginal[i] = offset in the raw input of normalized char i; last = raw.length */
  toOriginal: Uint32Array;
}

/**
 * Classes that always need the squeeze loop (a `\n` and a single inner space or tab may not). A `[bookmark:`
 * marker needs no class of its own: its ASCII colon already is one.
 */
const K_CHANGES = K_SPACE | K_FOLD | K_LINE_BREAK | K_PUNCT;

/**
 * `raw` with the identity offsets when normalizeText would return it unchanged: every line non-empty, without
 * leading or trailing spaces, runs of spaces, other spaces, `\r`, full-width letters or digits, ASCII
 * `( ) , : ;` (so no `[bookmark:` marker); every inner space or tab alone and not between a digit and an
 * ideograph (a `2024 年` space); no line that may be a page number or footer, and line lengths that do not
 * look hard-wrapped (so rejoin has nothing to do). Null otherwise: normalizeText then squeezes as usual.
 *
 * `map` (raw.length + 1 offsets) is the buffer normalizeText squeezes with: the identity is written into it
 * while the text is read (a store per character in this loop instead of a second loop over the text after
 * it, ~0.4 ms on the 1 MB synthetic). On null it holds a partial identity, which the squeeze overwrites.
 */
export function alreadyNormal(raw: string, map: Uint32Array): NormalizedText | null {
  const n = raw.length;
  // a text that starts or ends with a space or a line break is not normal: say so before reading the rest
  // (texts copied from a page often end with a line break, and the whole pass would be read for nothing)
  if (n === 0 || CODE_CLASS[raw.charCodeAt(0)] & (K_SPACE | K_LINE_BREAK) || CODE_CLASS[raw.charCodeAt(n - 1)] & (K_SPACE | K_LINE_BREAK)) return null;
  const lengths: number[] = [];
  let lineStart = 0;
  for (let i = 0; i < n; i++) {
    const c = raw.charCodeAt(i);
    map[i] = i;
    if ((CODE_CLASS[c] & K_CHANGES) === 0) continue;
    if (c === 0x0a) {
      if (!plainLineEnd(raw, lineStart, i)) return null;
      lengths.push(i - lineStart);
      lineStart = i + 1;
      continue;
    }
    if (c !== 0x20 && c !== 0x09) return null;
    // a single inner space or tab stays as it is, unless it is a `2024 年` space (rejoin removes those)
    const before = raw.charCodeAt(i - 1);
    const after = raw.charCodeAt(i + 1);
    if (i === lineStart || CODE_CLASS[after] & (K_SPACE | K_LINE_BREAK) || i + 1 === n) return null;
    if (isDigitIdeographPair(before, after)) return null;
  }
  if (!plainLineEnd(raw, lineStart, n)) return null;
  lengths.push(n - lineStart);
  if (mayBeHardWrapped(Int32Array.from(lengths))) return null;
  map[n] = n;
  return { text: raw, toOriginal: map };
}

/** Whether the line [start, end) is kept as it is: not empty, and too long or wrongly begun for a page number or footer. */
function plainLineEnd(raw: string, start: number, end: number): boolean {
  return end > start && !mayBePageNumberLine(raw.charCodeAt(start), end - start);
}
