/**
 * Per-code-unit classes for normalizeText's hot loop: one table lookup per character. Built at module
 * load by filling a short list of ranges (microseconds; calling a predicate per code point cost ~3 ms
 * of the analyzer's start-up). test/unit/parse-code-class.test.ts checks the
 * table against the defining predicates for every code unit.
 */

/** Spaces, tabs, NBSP, ideographic and zero-width spaces, BOM: trimmed and squeezed. */
export const K_SPACE = 1;
/** Full-width digits/letters/％ and `．`: folded to half width. */
export const K_FOLD = 2;
/** CJK text and punctuation (a neighbour that makes `(` `:` `,` `;` full width). */
export const K_CJK = 4;
export const K_SURROGATE = 8;
/** `\n` `\r` */
export const K_LINE_BREAK = 16;
/** ASCII `(` `)` `,` `:` `;`: may fold to full width next to CJK (foldLinePunctuation). */
export const K_PUNCT = 32;
/** `[`: may open a `[bookmark: …]` marker (the squeeze loop looks there instead of searching the whole text). */
export const K_BRACKET = 64;

/**
 * [first, last, flags]: the code units in [first, last] have exactly these flags (disjoint ranges in code
 * order; every code unit outside them has none). What the flags stand for:
 * - K_SPACE: U+0009 U+000B U+000C U+0020 U+00A0, U+2000–U+200D, U+202F, U+205F, U+3000, U+FEFF;
 * - K_FOLD: full-width digits U+FF10–FF19, letters U+FF21–FF3A and U+FF41–FF5A, ％ U+FF05, ．U+FF0E;
 * - K_CJK: CJK symbols and punctuation, kana, ideographs (U+3400–U+9FFF, U+F900–U+FAFF), high surrogates,
 *   full-width punctuation (U+FF01–FF0F, FF1A–FF20, FF3B–FF40, FF5B–FF65), — ‘’“” …;
 * - K_SURROGATE: U+D800–U+DFFF; K_LINE_BREAK: \n \r; K_PUNCT: ( ) , : ;; K_BRACKET: [.
 */
const CLASS_RANGES: ReadonlyArray<readonly [number, number, number]> = [
  [0x09, 0x09, K_SPACE],
  [0x0a, 0x0a, K_LINE_BREAK],
  [0x0b, 0x0c, K_SPACE],
  [0x0d, 0x0d, K_LINE_BREAK],
  [0x20, 0x20, K_SPACE],
  [0x28, 0x29, K_PUNCT],
  [0x2c, 0x2c, K_PUNCT],
  [0x3a, 0x3b, K_PUNCT],
  [0x5b, 0x5b, K_BRACKET],
  [0xa0, 0xa0, K_SPACE],
  [0x2000, 0x200d, K_SPACE],
  [0x2014, 0x2014, K_CJK],
  [0x2018, 0x201f, K_CJK],
  [0x2026, 0x2026, K_CJK],
  [0x202f, 0x202f, K_SPACE],
  [0x205f, 0x205f, K_SPACE],
  [0x3000, 0x3000, K_SPACE | K_CJK],
  [0x3001, 0x30ff, K_CJK],
  [0x3400, 0x9fff, K_CJK],
  [0xd800, 0xdbff, K_CJK | K_SURROGATE],
  [0xdc00, 0xdfff, K_SURROGATE],
  [0xf900, 0xfaff, K_CJK],
  [0xfeff, 0xfeff, K_SPACE],
  [0xff01, 0xff04, K_CJK],
  [0xff05, 0xff05, K_FOLD | K_CJK],
  [0xff06, 0xff0d, K_CJK],
  [0xff0e, 0xff0e, K_FOLD | K_CJK],
  [0xff0f, 0xff0f, K_CJK],
  [0xff10, 0xff19, K_FOLD],
  [0xff1a, 0xff20, K_CJK],
  [0xff21, 0xff3a, K_FOLD],
  [0xff3b, 0xff40, K_CJK],
  [0xff41, 0xff5a, K_FOLD],
  [0xff5b, 0xff65, K_CJK],
];

/** CODE_CLASS[c]: the K_* flags of code unit c. */
export const CODE_CLASS = new Uint8Array(0x10000);
for (const [first, last, flags] of CLASS_RANGES) CODE_CLASS.fill(flags, first, last + 1);

/** A digit and an ideograph, in either order (a `2024 年` space between them is a PDF artefact). */
export function isDigitIdeographPair(a: number, b: number): boolean {
  const ideoA = (a >= 0x3400 && a <= 0x9fff) || (a >= 0xf900 && a <= 0xfaff);
  const ideoB = (b >= 0x3400 && b <= 0x9fff) || (b >= 0xf900 && b <= 0xfaff);
  return (a >= 0x30 && a <= 0x39 && ideoB) || (ideoA && b >= 0x30 && b <= 0x39);
}
