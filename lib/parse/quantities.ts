/**
 * Counts and amounts with units ("23宗", "1739.47万元", "92.78%", "三场", "一百三十八条").
 *
 * A quantity is a numeral immediately followed by a known unit (optionally with 余/多 between,
 * "25余次"). Not quantities: years and other dates (年/月/日 are not units), ordinals (第三次,
 * 第一季度), outline markers (（一）, 一是), phone numbers and numeric ranges (0760-22343030, 3-5人),
 * slogans in quotes (“两个维护”), and Chinese numerals glued into words (一次性, 百千万工程).
 * One linear left-to-right scan; offsets are absolute UTF-16 offsets into `text`.
 */
import type { Quantity } from '@/lib/schema';
import { isChineseNumeralChar, parseChineseNumber } from './numerals';

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

export function findQuantities(text: string, from = 0, to = text.length): Quantity[] {
  const end = Math.min(to, text.length);
  const out: Quantity[] = [];
  let i = Math.max(0, from);
  while (i < end) {
    const numeral = readNumeral(text, i, end);
    if (!numeral) {
      i++;
      continue;
    }
    const q = quantityAt(text, i, numeral, end);
    if (q) out.push(q);
    i = q ? q.end : numeral.end;
  }
  return out;
}

interface Numeral {
  end: number;
  value: number;
  arabic: boolean;
}

/** A numeral starting exactly at `i` (and not in the middle of a longer one), or null. */
function readNumeral(text: string, i: number, end: number): Numeral | null {
  const ch = text[i];
  const prev = i > 0 ? text[i - 1] : NONE; // not ''; ''.includes() would match every set
  if (isDigit(ch)) {
    if (isDigit(prev) || prev === '.' || isAsciiLetter(prev)) return null;
    let j = i;
    while (j < end && isDigit(text[j])) j++;
    if (j + 1 < end && text[j] === '.' && isDigit(text[j + 1])) {
      j++;
      while (j < end && isDigit(text[j])) j++;
    }
    return { end: j, value: Number(text.slice(i, j)), arabic: true };
  }
  if (!isChineseNumeralChar(ch) || isChineseNumeralChar(prev)) return null;
  if ('十百千万亿'.includes(ch) && ch !== '十') return null; // 百千万工程, 千方百计, 万人行
  let j = i;
  while (j < end && j - i < 12 && isChineseNumeralChar(text[j])) j++;
  // Give back a trailing 万/亿 when it begins a unit: 三万元 is 3 万元, not 30000 元.
  if (j - i > 1 && '万亿'.includes(text[j - 1]) && startsWithUnit(text, j - 1, end)) j--;
  const run = text.slice(i, j);
  // Digit-by-digit numerals (二〇二五) only occur in years; as counts they are word fragments.
  if (run.length > 1 && !/[十百千万亿]/.test(run)) return null;
  const value = parseChineseNumber(run);
  return value === null ? null : { end: j, value, arabic: false };
}

function quantityAt(text: string, start: number, numeral: Numeral, end: number): Quantity | null {
  const prev = start > 0 ? text[start - 1] : NONE;
  if (SKIP_IF_PRECEDED_BY.includes(prev)) return null;
  if (isPartOfCodeOrRange(text, start, numeral.end, end)) return null;
  let k = numeral.end;
  if (numeral.arabic && text[k] === ' ' && (text[k + 1] === '%' || text[k + 1] === '％')) k++; // "4.49 %"
  if (k < end && APPROX_SUFFIX.includes(text[k])) k++;
  const unit = matchUnit(text, k, end);
  if (!unit) return null;
  const unitEnd = k + unit.length;
  const next = unitEnd < end ? text[unitEnd] : '';
  if (next && (NOT_UNIT_IF_FOLLOWED_BY[unit] ?? '').includes(next)) return null;
  if (!numeral.arabic && isGluedChineseNumeral(numeral.value, prev, unit)) return null;
  if (!numeral.arabic && unit === '期') return null; // 一期/二期 are project phases, not counts
  return {
    text: text.slice(start, unitEnd),
    value: numeral.value,
    unit: unit === '％' ? '%' : unit,
    start,
    end: unitEnd,
  };
}

/** Units indexed by first character (each list keeps the longest-first order). */
const UNITS_BY_FIRST_CHAR = new Map<string, string[]>();
for (const unit of BASE_UNITS) UNITS_BY_FIRST_CHAR.set(unit[0], [...(UNITS_BY_FIRST_CHAR.get(unit[0]) ?? []), unit]);

function matchUnit(text: string, k: number, end: number): string | null {
  for (const unit of UNITS_BY_FIRST_CHAR.get(text[k]) ?? []) {
    if (k + unit.length <= end && text.startsWith(unit, k)) return unit;
  }
  return null;
}

function startsWithUnit(text: string, k: number, end: number): boolean {
  return matchUnit(text, k, end) !== null;
}

/** 0760-22343030, 2021-11-23, 3-5人, V2.3: digits joined to other digits by a dash or dot. */
function isPartOfCodeOrRange(text: string, start: number, numEnd: number, end: number): boolean {
  const before = start >= 2 ? text.slice(start - 2, start) : '';
  if (/^\d[-—–~～\/]$/.test(before)) return true;
  const after = numEnd + 1 < end ? text.slice(numEnd, numEnd + 2) : '';
  return /^[-—–~～\/]\d$/.test(after);
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

function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= '0' && ch <= '9';
}

function isAsciiLetter(ch: string): boolean {
  return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z');
}
