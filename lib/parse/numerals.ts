/**
 * Chinese and Arabic numerals → numbers.
 *
 * Hand-written (rather than a converter package such as chinese-numbers-converter) because the parser needs a strict
 * "is this a numeral at all?" answer: invalid strings return null instead of a best guess.
 * Handles: Arabic digits with decimals ("1739.47"), Arabic digits with a magnitude suffix
 * ("1.5万" → 15000), positional Chinese numerals ("十三", "一百三十八", "两千零五", "三万二千"),
 * and digit-by-digit Chinese numerals as used in years ("二〇二五" → 2025).
 */

const DIGITS: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const SMALL_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const BIG_UNITS: Record<string, number> = { 万: 1e4, 亿: 1e8 };

/** Characters that may appear in a Chinese numeral (used by scanners in quantities/dates). */
export const CHINESE_NUMERAL_CHARS = '零〇一二两三四五六七八九十百千万亿';

/** 1 = a Chinese numeral character, 2 = one of 十百千万亿 (a positional unit), by code unit. */
const NUMERAL_CLASS = new Uint8Array(65536);
for (const ch of CHINESE_NUMERAL_CHARS) NUMERAL_CLASS[ch.charCodeAt(0)] = ch in SMALL_UNITS || ch in BIG_UNITS ? 2 : 1;

/**
 * By code unit: a digit's value (-1: none), and a unit's power of ten (十 1, 百 2, 千 3, 万 4, 亿 8; 0: none).
 * The parsers read codes, not a one-character string per character looked up with `in`.
 */
const DIGIT_OF = new Int8Array(65536).fill(-1);
for (const [ch, value] of Object.entries(DIGITS)) DIGIT_OF[ch.charCodeAt(0)] = value;
const UNIT_POWER = new Int8Array(65536);
for (const [ch, unit] of [...Object.entries(SMALL_UNITS), ...Object.entries(BIG_UNITS)]) UNIT_POWER[ch.charCodeAt(0)] = Math.round(Math.log10(unit));
const POWERS_OF_TEN = [1, 10, 100, 1000, 1e4, 1e5, 1e6, 1e7, 1e8];
/** The last power of ten of 十百千 (the units inside a 万-section). */
const SMALL_POWER_MAX = 3;

const ARABIC = /^\d+(?:\.\d+)?$/;
const ARABIC_WITH_MAGNITUDE = /^(\d+(?:\.\d+)?)([十百千万亿])$/;

/** Parse one numeral; returns null when `s` is not entirely a numeral. */
export function parseChineseNumber(s: string): number | null {
  const t = s.trim();
  if (t === '') return null;
  const first = t.charCodeAt(0);
  if (first >= 0x30 && first <= 0x39) {
    // both Arabic forms start with a digit
    if (ARABIC.test(t)) return Number(t);
    const withMagnitude = ARABIC_WITH_MAGNITUDE.exec(t);
    if (withMagnitude) {
      const unit = SMALL_UNITS[withMagnitude[2]] ?? BIG_UNITS[withMagnitude[2]];
      return roundFloat(Number(withMagnitude[1]) * unit);
    }
    return null;
  }
  let hasUnit = false;
  for (let i = 0; i < t.length; i++) {
    const k = NUMERAL_CLASS[t.charCodeAt(i)];
    if (k === 0) return null;
    if (k === 2) hasUnit = true;
  }
  return hasUnit ? parsePositional(t) : parseDigitSequence(t);
}

/** "二〇二五" → 2025; "两" alone → 2 but "两两" is not a number. */
function parseDigitSequence(t: string): number | null {
  if (t.length > 1 && t.includes('两')) return null;
  let n = 0;
  for (let i = 0; i < t.length; i++) n = n * 10 + DIGIT_OF[t.charCodeAt(i)]; // (every character is a digit here)
  return n;
}

/**
 * "一百三十八" → 138, "两千零五" → 2005, "十三" → 13, "三万二千" → 32000.
 * Rejects malformed sequences such as "一二十" (two digits in a row) or "十十".
 */
function parsePositional(t: string): number | null {
  let total = 0; // completed 亿 part
  let wan = 0; // completed 万 part (below 亿)
  let section = 0; // below 万
  let digit: number | null = null;
  let lastSmallUnit = Infinity; // units inside a section must decrease: 千 > 百 > 十
  let lastBigUnit = Infinity;
  // every character is a digit or a unit here (parseChineseNumber checked), all in the BMP
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    const power = UNIT_POWER[c];
    if (power === 0) {
      if (digit !== null && digit !== 0) return null;
      digit = DIGIT_OF[c];
    } else if (power <= SMALL_POWER_MAX) {
      const unit = POWERS_OF_TEN[power];
      if (unit >= lastSmallUnit) return null;
      if (digit === null && !(unit === 10 && section === 0)) return null; // bare 十 only at the start
      section += (digit ?? 1) * unit;
      digit = null;
      lastSmallUnit = unit;
    } else {
      const unit = POWERS_OF_TEN[power];
      if (unit >= lastBigUnit) return null;
      const value = section + (digit ?? 0);
      if (value === 0 && !(unit === 1e8 && wan > 0)) return null;
      if (unit === 1e8) {
        total = (wan + value) * 1e8;
        wan = 0;
      } else {
        wan = value * 1e4;
      }
      section = 0;
      digit = null;
      lastSmallUnit = Infinity;
      lastBigUnit = unit;
    }
  }
  return total + wan + section + (digit ?? 0);
}

const FORMAT_DIGITS = '零一二三四五六七八九';
const SECTION_UNITS = ['千', '百', '十', ''];
const BIG_UNIT_NAMES = ['亿', '万', ''];
const SECTION_PLACES = [1000, 100, 10, 1];
const BIG_PLACES = [1e8, 1e4, 1];

// The formatters loop over fixed place values: no digit arrays or forEach closures per call (they run for
// every outline entry and every numbering check).

/** 1…9999 as written inside one 万-section: `一千零五`, `三百二十`. */
function formatSection(n: number): string {
  let out = '';
  let gap = false;
  for (let i = 0; i < 4; i++) {
    const d = Math.floor(n / SECTION_PLACES[i]) % 10;
    if (d === 0) {
      gap = out !== '';
      continue;
    }
    out += (gap ? '零' : '') + FORMAT_DIGITS[d] + SECTION_UNITS[i];
    gap = false;
  }
  return out;
}

/**
 * A whole number as a Chinese numeral, the inverse of `parseChineseNumber` for 0 ≤ n < 10¹²:
 * 3 → `三`, 13 → `十三`, 110 → `一百一十`, 1005 → `一千零五`, 20030 → `二万零三十`. Anything else
 * (negative, fractional, larger) is returned in Arabic digits.
 */
export function formatChineseNumber(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n >= 1e12) return String(n);
  if (n === 0) return FORMAT_DIGITS[0];
  let out = '';
  let gap = false;
  for (let i = 0; i < 3; i++) {
    const s = Math.floor(n / BIG_PLACES[i]) % 1e4; // (the 亿 part is below 1e4 too, n < 1e12)
    if (s === 0) {
      gap = out !== '';
      continue;
    }
    out += (out !== '' && (gap || s < 1000) ? '零' : '') + formatSection(s) + BIG_UNIT_NAMES[i];
    gap = false;
  }
  // 10…19 are read `十…`, not `一十…` (but 110 is `一百一十`)
  return out.startsWith('一十') ? out.slice(1) : out;
}

function roundFloat(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}
