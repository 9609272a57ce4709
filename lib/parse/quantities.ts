/**
 * Counts and amounts with units ("23宗", "1739.47万元", "92.78%", "三场", "一百三十八条").
 *
 * A quantity is a numeral immediately followed by a known unit (optionally with 余/多 between,
 * "25余次"). Not quantities: years and other dates (年/月/日 are not units), ordinals (第三次,
 * 第一季度), outline markers (（一）, 一是), phone numbers and numeric ranges (0760-22343030, 3-5人),
 * slogans in quotes (“两个维护”) or without them (四个意识, 五位一体), figures of speech (一项重要任务), and
 * Chinese numerals glued into words (一次性, 百千万工程).
 * One linear left-to-right scan; offsets are absolute UTF-16 offsets into `text`.
 */
import type { Quantity } from '@/lib/schema';
import { charIn, isAsciiLetterCode } from './char-tests';
import { CHINESE_NUMERAL_CHARS, parseChineseNumber } from './numerals';
import { numeralStarts } from './numeral-starts';
import { firstAtOrAfter } from './positions';

/** Base units. Longer units are tried first, so 人次 beats 人 and 个百分点 beats 个. */
const BASE_UNITS = [
  '个百分点', '平方公里', '平方米', '立方米', '万平方米', '公里', '公顷', '人次', '户次', '台次', '餐次', '批次', '个月',
  '亿元', '万元', '千元', '元', '万人', '万户', '万亩',
  '宗', '份', '个', '项', '条', '处', '户', '人', '名', '次', '场', '期', '家', '棵', '株', '支', '亩', '㎡',
  '间', '座', '栋', '幢', '笔', '批', '轮', '篇', '本', '件', '张', '套', '台', '辆', '吨', '米', '天', '册',
  '所', '位', '起', '倍', '克', '千克', '公斤', '万吨', '周', '课时', '学时', '小时', '分钟',
  '%', '％', '‰',
].sort((a, b) => b.length - a.length);

/**
 * A unit followed by one of these characters is the start of another word, not a unit:
 * 一处分 (处分), 三条例 (条例), 一次性, 两家庭, 一台账, 两名单, 五期间, 四场所, 三本年度.
 */
const NOT_UNIT_IF_FOLLOWED_BY: Record<string, string> = {
  处: '分理置长罚',
  条: '例件款线',
  次: '性要序',
  家: '庭属长乡',
  台: '账',
  名: '单义称',
  期: '间限',
  场: '所地景',
  本: '年月次级单位人',
  件: '事',
  人: '民员',
  个: '人体性别案',
  项: '目规', // 八项规定
  支: '部持付出',
  所: '有在属以',
  位: '于置',
  起: '来草步',
  周: '边年期',
  米: '粮',
  批: '准复评示',
  轮: '流',
  张: '贴图', // “一张图”
  套: '路',
  间: '隙断',
};

const NONE = '\u0000';
const APPROX_SUFFIX = '余多';
const SKIP_IF_PRECEDED_BY = '第“"《<';

// Character classes by UTF-16 code unit: the scan reads codes, never one-character strings.
const Q_DIGIT = 1;
const Q_CN = 2; // a Chinese numeral character (零〇一二两三四五六七八九十百千万亿)
const Q_CN_MAGNITUDE = 4; // 百千万亿: never starts a count (百千万工程, 千方百计, 万人行)
const Q_BIG = 8; // 万亿: given back when it begins a unit (三万元 = 3 万元)
const Q_POSITIONAL = 16; // 十百千万亿: a multi-character run must contain one
const Q_DASH = 32; // -—–~～/ joining digits into codes or ranges
const Q_SKIP_AFTER = 64; // SKIP_IF_PRECEDED_BY: 第“"《<
const Q_APPROX = 128; // APPROX_SUFFIX: 余多
const QCLASS = new Uint8Array(65536);
function mark(chars: string, flag: number): void {
  for (const ch of chars) QCLASS[ch.charCodeAt(0)] |= flag;
}
mark('0123456789', Q_DIGIT);
mark(CHINESE_NUMERAL_CHARS, Q_CN);
mark('百千万亿', Q_CN_MAGNITUDE);
mark('万亿', Q_BIG);
mark('十百千万亿', Q_POSITIONAL);
mark('-—–~～/', Q_DASH);
mark(SKIP_IF_PRECEDED_BY, Q_SKIP_AFTER);
mark(APPROX_SUFFIX, Q_APPROX);

function qcls(text: string, i: number): number {
  const c = text.charCodeAt(i);
  return c === c ? QCLASS[c] : 0; // NaN outside the text
}

/**
 * The quantities in [from, to), left to right. Only the positions in `starts` (ascending; numeralStarts
 * lists where a number may start, over a range holding [from, to)) are tried.
 */
export function findQuantities(text: string, from = 0, to = text.length, starts = numeralStarts(text, from, to)): Quantity[] {
  const end = Math.min(to, text.length);
  const out: Quantity[] = [];
  for (let k = firstAtOrAfter(starts, Math.max(0, from)); k < starts.length && starts[k] < end; k++) {
    const i = starts[k];
    const numeralEnd = readNumeral(text, i, end);
    if (numeralEnd < 0) continue;
    const q = quantityAt(text, i, numeralEnd, end);
    if (q) out.push(q);
    const next = q ? q.end : numeralEnd;
    while (k + 1 < starts.length && starts[k + 1] < next) k++;
  }
  return out;
}

/** Whether the numeral at `start` is Arabic (it starts with a digit) rather than Chinese. */
function isArabicAt(text: string, start: number): boolean {
  return (QCLASS[text.charCodeAt(start)] & Q_DIGIT) !== 0;
}

/**
 * Where a numeral starting exactly at `i` (and not in the middle of a longer one) ends, or -1. Its value is
 * read only once a unit follows (numeralValue); a Chinese run that is not a valid numeral never
 * becomes a quantity.
 */
function readNumeral(text: string, i: number, end: number): number {
  const k = QCLASS[text.charCodeAt(i)];
  const prev = i > 0 ? text.charCodeAt(i - 1) : 0;
  if (k & Q_DIGIT) {
    if ((QCLASS[prev] & Q_DIGIT) !== 0 || prev === 0x2e || isAsciiLetterCode(prev)) return -1;
    let j = i;
    while (j < end && (qcls(text, j) & Q_DIGIT) !== 0) j++;
    if (j + 1 < end && text.charCodeAt(j) === 0x2e && (qcls(text, j + 1) & Q_DIGIT) !== 0) {
      j++;
      while (j < end && (qcls(text, j) & Q_DIGIT) !== 0) j++;
    }
    return j;
  }
  if ((k & Q_CN) === 0 || (QCLASS[prev] & Q_CN) !== 0) return -1;
  if (k & Q_CN_MAGNITUDE) return -1; // 百千万工程, 千方百计, 万人行
  let j = i;
  let positional = false;
  while (j < end && j - i < 12) {
    const kj = qcls(text, j);
    if ((kj & Q_CN) === 0) break;
    j++;
  }
  // Give back a trailing 万/亿 when it begins a unit: 三万元 is 3 万元, not 30000 元.
  if (j - i > 1 && (qcls(text, j - 1) & Q_BIG) !== 0 && startsWithUnit(text, j - 1, end)) j--;
  for (let x = i; x < j && !positional; x++) positional = (QCLASS[text.charCodeAt(x)] & Q_POSITIONAL) !== 0;
  // Digit-by-digit numerals (二〇二五) only occur in years; as counts they are word fragments.
  if (j - i > 1 && !positional) return -1;
  return j;
}

function numeralValue(text: string, start: number, numeralEnd: number, arabic: boolean): number | null {
  if (!arabic) return parseChineseNumber(text.slice(start, numeralEnd));
  return numeralEnd - start <= MAX_INTEGER_DIGITS ? integerAt(text, start, numeralEnd) ?? Number(text.slice(start, numeralEnd)) : Number(text.slice(start, numeralEnd));
}

/**
 * The value of the digits [start, end) without a substring, or null when they hold a decimal point. At most
 * MAX_INTEGER_DIGITS digits: every step is exact (below 2⁵³), so it is what Number() reads.
 */
function integerAt(text: string, start: number, end: number): number | null {
  let n = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x2e) return null;
    n = n * 10 + (c - 0x30);
  }
  return n;
}

function quantityAt(text: string, start: number, numeralEnd: number, end: number): Quantity | null {
  const prevCode = start > 0 ? text.charCodeAt(start - 1) : 0;
  if (QCLASS[prevCode] & Q_SKIP_AFTER) return null;
  if (isPartOfCodeOrRange(text, start, numeralEnd, end)) return null;
  const arabic = isArabicAt(text, start);
  let k = numeralEnd;
  if (arabic && text.charCodeAt(k) === 0x20) {
    const pct = text.charCodeAt(k + 1);
    if (pct === 0x25 || pct === 0xff05) k++; // "4.49 %"
  }
  if (k < end && QCLASS[text.charCodeAt(k)] & Q_APPROX) k++;
  const unit = matchUnit(text, k, end);
  if (!unit) return null;
  const unitEnd = k + unit.length;
  const notBefore = NOT_UNIT_IF_FOLLOWED_BY[unit];
  if (notBefore !== undefined && unitEnd < end && charIn(text, unitEnd, notBefore)) return null;
  const value = numeralValue(text, start, numeralEnd, arabic);
  if (value === null || !isPlausibleCount(value, text, start, numeralEnd, arabic)) return null;
  if (!arabic && isGluedChineseNumeral(value, start > 0 ? text[start - 1] : NONE, unit)) return null; // NONE, not '': ''.includes() would match every set
  if (!arabic && unit === '期') return null; // 一期/二期 are project phases, not counts
  if (!arabic && isSetPhrase(text, start, unitEnd, value)) return null;
  return {
    text: text.slice(start, unitEnd),
    value,
    unit: unit === '％' ? '%' : unit,
    start,
    end: unitEnd,
  };
}

/** Most significant digits a count may have: beyond 15 a double no longer holds every integer exactly. */
const MAX_INTEGER_DIGITS = 15;

/**
 * A number too long to be a count (an ID, a run of digits, or so long it reads as Infinity) is not a
 * quantity: its value would be wrong or non-finite, and the Notice schema only takes finite numbers.
 */
function isPlausibleCount(value: number, text: string, start: number, numeralEnd: number, arabic: boolean): boolean {
  if (!Number.isFinite(value)) return false;
  if (!arabic) return true;
  let intEnd = start;
  while (intEnd < numeralEnd && text.charCodeAt(intEnd) !== 0x2e) intEnd++;
  let first = start;
  while (first < intEnd - 1 && text.charCodeAt(first) === 0x30) first++; // leading zeros carry no magnitude
  return intEnd - first <= MAX_INTEGER_DIGITS;
}

/**
 * Units by the code of their first character (each list keeps the longest-first order): the list of code c
 * is UNIT_LISTS[UNIT_LIST_OF[c] - 1], 0 meaning none — a typed-array read per numeral instead of a Map lookup.
 */
const UNIT_LIST_OF = new Uint8Array(0x10000);
const UNIT_LISTS: string[][] = [];
for (const unit of BASE_UNITS) {
  const c = unit.charCodeAt(0);
  if (!UNIT_LIST_OF[c]) UNIT_LIST_OF[c] = UNIT_LISTS.push([]);
  UNIT_LISTS[UNIT_LIST_OF[c] - 1].push(unit);
}
if (UNIT_LISTS.length > 0xff) throw new Error('quantities: more unit first characters than a byte holds');

function matchUnit(text: string, k: number, end: number): string | null {
  const list = UNIT_LIST_OF[text.charCodeAt(k)]; // (NaN past the end reads undefined: no unit)
  if (!list) return null;
  const units = UNIT_LISTS[list - 1];
  for (const unit of units) {
    if (k + unit.length <= end && text.startsWith(unit, k)) return unit;
  }
  return null;
}

function startsWithUnit(text: string, k: number, end: number): boolean {
  return matchUnit(text, k, end) !== null;
}

/** 0760-22343030, 2021-11-23, 3-5人, V2.3: digits joined to other digits by a dash or dot. */
function isPartOfCodeOrRange(text: string, start: number, numEnd: number, end: number): boolean {
  if (start >= 2 && (qcls(text, start - 1) & Q_DASH) !== 0 && (qcls(text, start - 2) & Q_DIGIT) !== 0) return true;
  return numEnd + 1 < end && (qcls(text, numEnd) & Q_DASH) !== 0 && (qcls(text, numEnd + 1) & Q_DIGIT) !== 0;
}

/**
 * Chinese numerals inside set phrases: 统一, 唯一, 进一步 are never followed by a unit, but
 * 一次性 / “两个维护” / 一个问题、一名主责领导 (a slogan's structure, not a count) can be.
 * Value-1 numerals preceded by a CJK character that forms a word with 一 are rejected, as are
 * 一批 ("a number of") and 一起 ("together").
 */
function isGluedChineseNumeral(value: number, prev: string, unit: string): boolean {
  if (value !== 1) return false;
  return '统唯同逐单万专第每其之任'.includes(prev) || unit === '批' || unit === '起'; // 一批 = "some", 一起 = "together"
}

/** Slogans read without their quotes: the numeral names the slogan, it counts nothing (四个意识, 五位一体). */
const SLOGANS = ['两个维护', '两个确立', '两个务必', '四个意识', '四个自信', '四个全面', '四个服务', '五位一体', '一张蓝图', '一张图'];
/** 一项重要（的）任务, 一个长期过程: 一 + a measure word + one of these is a figure of speech, not a count. */
const FIGURE_OF_SPEECH_AFTER_ONE = ['重要', '政治', '长期', '系统', '艰巨', '重大', '根本', '基础', '紧迫', '全新'];

function isSetPhrase(text: string, start: number, unitEnd: number, value: number): boolean {
  if (SLOGANS.some((s) => text.startsWith(s, start))) return true;
  return value === 1 && FIGURE_OF_SPEECH_AFTER_ONE.some((w) => text.startsWith(w, unitEnd));
}
