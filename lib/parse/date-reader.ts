// The date reader: character classes and the scan that reads each mention (numeric, Chinese, word forms) into a Spec.
import { parseChineseNumber } from './numerals';
import { isAsciiLetterCode } from './char-tests';
import { compareEndpoints, joinNotes, type Endpoint, type Spec } from './date-spec';
import {
  AFTER_YEAR_PERIODS, DATE_WORDS, MONTH_PERIODS, RELATIVE_YEARS, YEAR_PERIODS, validDay, validYear,
  type FuzzyPeriod,
} from './date-vocabulary';
import { numeralStarts } from './numeral-starts';
import { firstAtOrAfter } from './positions';

const RANGE_SEPARATORS = '至到—–~～-－';
const CN_DIGITS = '〇零一二三四五六七八九';

// Character classes by UTF-16 code unit, so the scan never allocates one-character strings.
// They stay module-local: the per-character loops read them as constants (an imported binding is slower).
const C_DIGIT = 1;
const C_CN_DIGIT = 2; // 〇零一二三四五六七八九 (digit-by-digit years)
const C_WORD_START = 4; // first characters of 今年/上半年/第一季度/月底/近期…
const C_PERIOD_FIRST = 8; // first characters of YEAR_PERIODS / AFTER_YEAR_PERIODS words
const C_RANGE_SEP = 16; // 至到—–~～-－
const C_CN_NUMERAL = 32; // 〇零一二两三四五六七八九十 (isCjkNumeral)
const C_CN_SMALL = 64; // 〇零一二三四五六七八九十 (month/day numerals)
const C_WORD_SECOND = 128; // second characters of those words
const CHAR_CLASS = new Uint8Array(65536);
function markClass(chars: Iterable<string>, flag: number): void {
  for (const ch of chars) CHAR_CLASS[ch.charCodeAt(0)] |= flag;
}
markClass('0123456789', C_DIGIT);
markClass(CN_DIGITS, C_CN_DIGIT);
markClass(DATE_WORDS.map((w) => w[0]), C_WORD_START);
markClass([...YEAR_PERIODS, ...AFTER_YEAR_PERIODS].map((p) => p.word[0]), C_PERIOD_FIRST);
markClass(RANGE_SEPARATORS, C_RANGE_SEP);
markClass('〇零一二两三四五六七八九十', C_CN_NUMERAL);
markClass('〇零一二三四五六七八九十', C_CN_SMALL);
markClass(DATE_WORDS.map((w) => w[1]), C_WORD_SECOND);
/** First two code units of every word readWord knows: a word can start at i only if its pair is here. */
const WORD_PAIRS = new Set(DATE_WORDS.map((w) => w.charCodeAt(0) * 65536 + w.charCodeAt(1)));

const CH_YEAR = 0x5e74; // 年
const CH_MONTH = 0x6708; // 月
const CH_DAY = 0x65e5; // 日
const CH_HAO = 0x53f7; // 号
const CH_DU = 0x5ea6; // 度
const CH_FEN = 0x4efd; // 份
const CH_ZHI = 0x81f3; // 至
const CH_DAO = 0x5230; // 到
const CH_JIN = 0x4eca; // 今
const CH_DUN = 0x3001; // 、
const CH_SHI = 0x5341; // 十
const CH_LIANG = 0x4e24; // 两
const CH_MEI = 0x6bcf; // 每
const CH_LI = 0x5386; // 历
const CH_TONG = 0x540c; // 同
const CH_GE = 0x4e2a; // 个
const CH_JIN4 = 0x8fd1; // 近
const CH_QI = 0x671f; // 期
const CH_DI3 = 0x5e95; // 底
const CH_MO = 0x672b; // 末

interface YearTok {
  y: number;
  text: string;
  end: number; // after 年 (and 度)
}

/**
 * Every mention in [from, to), left to right, each read where the previous one ended. Only the positions in
 * `starts` (ascending; numeralStarts lists where a mention may start) are tried.
 */
export function readSpecs(text: string, from: number, to: number, starts = numeralStarts(text, from, to)): Spec[] {
  const reader = new DateReader(text, to);
  const specs: Spec[] = [];
  for (let k = firstAtOrAfter(starts, from); k < starts.length && starts[k] < to; k++) {
    if (!mayStartAt(text, starts[k], to)) continue;
    const spec = reader.readAt(starts[k]);
    if (!spec) continue;
    specs.push(spec);
    while (k + 1 < starts.length && starts[k + 1] < spec.end) k++;
  }
  return specs;
}

/**
 * Exactly the tests readAt makes first, in plain integer code reads (the reader's own return NaN past its
 * limit, which makes every comparison a floating-point one): a run of digits must be one readNumeric can
 * use (4 digits before 年, a date or range separator; 1–2 before 月, 、 or a range separator); anything else
 * must be a Chinese-digit year (年 four characters on) or the first two characters of a date word.
 */
function mayStartAt(text: string, i: number, limit: number): boolean {
  const c = text.charCodeAt(i);
  if (CHAR_CLASS[c] & C_DIGIT) {
    let j = i + 1;
    while (j < limit && (CHAR_CLASS[text.charCodeAt(j)] & C_DIGIT) !== 0) j++;
    if (j >= limit) return false;
    const next = text.charCodeAt(j);
    const len = j - i;
    if (len === 4) return next === CH_YEAR || next === 0x2d || next === 0x2f || next === 0x2e || (CHAR_CLASS[next] & C_RANGE_SEP) !== 0;
    if (len <= 2) return next === CH_MONTH || next === CH_DUN || (CHAR_CLASS[next] & C_RANGE_SEP) !== 0;
    return false;
  }
  if (i + 1 >= limit) return false;
  if (CHAR_CLASS[c] & C_CN_DIGIT && i + 4 < limit && text.charCodeAt(i + 4) === CH_YEAR) return true;
  const next = text.charCodeAt(i + 1);
  return (CHAR_CLASS[next] & C_WORD_SECOND) !== 0 && WORD_PAIRS.has(c * 65536 + next);
}

/** Reads one mention at a position (exported for the test that checks readSpecs against it tried everywhere). */
export class DateReader {
  constructor(
    private readonly text: string,
    private readonly limit: number,
  ) {}

  /** Code unit at x, NaN at or past the limit: nothing is read outside [from, to). */
  private code(x: number): number {
    return x < this.limit ? this.text.charCodeAt(x) : NaN;
  }

  private cls(x: number): number {
    const c = this.code(x);
    return c === c ? CHAR_CLASS[c] : 0;
  }

  readAt(i: number): Spec | null {
    const c = CHAR_CLASS[this.code(i)];
    const prev = i > 0 ? this.code(i - 1) : 0;
    if (c & C_DIGIT) {
      if ((CHAR_CLASS[prev] & C_DIGIT) !== 0 || prev === 0x2e || isAsciiLetterCode(prev)) return null;
      return this.readNumeric(i); // (mayStartAt has checked the digit run)
    }
    if (c & C_CN_DIGIT && (CHAR_CLASS[prev] & C_CN_DIGIT) === 0 && prev !== CH_SHI && prev !== CH_LIANG) {
      const cn = this.readChineseYear(i);
      if (cn) return cn;
    }
    return c & C_WORD_START ? this.readWord(i) : null;
  }

  // -- numeric forms ----------------------------------------------------------------------------

  private readNumeric(i: number): Spec | null {
    const run = this.digits(i, 4);
    if (!run) return null;
    if (run.len === 4) {
      return this.readIso(i, run.value) ?? this.readYearRange(i, run.value) ?? this.readFromYear(i, run.value, run.end);
    }
    if (run.len > 2) return null;
    const month = this.readMonthFrom(i, null);
    return month ? this.withRange(month) : null;
  }

  /** 2021-11-23, 2025/9/12, 2025.9.12 */
  private readIso(i: number, y: number): Spec | null {
    const sep = this.code(i + 4);
    if (!(sep === 0x2d || sep === 0x2f || sep === 0x2e) || !validYear(y)) return null;
    const m = this.digits(i + 5, 2);
    if (!m || this.code(m.end) !== sep) return null;
    const d = this.digits(m.end + 1, 2);
    if (!d || this.cls(d.end) & C_DIGIT || !validDay(y, m.value, d.value)) return null;
    const end = d.end;
    const point: Endpoint = { y, dy: 0, m: m.value, d: d.value };
    return this.spec(i, end, 'point', point, point, { yearText: this.text.slice(i, i + 4) + '年', yearValue: y });
  }

  /** 2021-2023年, 2021—2023年, 2021至2023年 */
  private readYearRange(i: number, y1: number): Spec | null {
    if ((this.cls(i + 4) & C_RANGE_SEP) === 0) return null;
    const y2 = this.digits(i + 5, 4);
    if (!y2 || y2.len !== 4 || this.code(y2.end) !== CH_YEAR) return null;
    if (!validYear(y1) || !validYear(y2.value) || y2.value <= y1) return null;
    const end = y2.end + 1 + (this.code(y2.end + 1) === CH_DU ? 1 : 0);
    return this.spec(i, end, 'range', { y: y1, dy: 0, m: 1, d: 1 }, { y: y2.value, dy: 0, m: 12, d: 'end' }, {
      yearText: `${y2.value}年`,
      yearValue: y2.value,
    });
  }

  /** 2025年 …: year alone, year + period, year + month (+ day), and ranges starting there. */
  private readFromYear(i: number, y: number, digitsEnd: number, allowRange = true): Spec | null {
    if (this.code(digitsEnd) !== CH_YEAR || !validYear(y)) return null;
    const year: YearTok = { y, text: `${y}年`, end: digitsEnd + 1 + (this.code(digitsEnd + 1) === CH_DU ? 1 : 0) };
    return this.afterYear(i, year, null, allowRange);
  }

  private afterYear(start: number, year: YearTok, relative: Spec['relative'], allowRange = true): Spec {
    const explicit = relative ? { yearText: null, yearValue: null } : { yearText: year.text, yearValue: year.y };
    const yEnd = relative ? null : year.y;
    const period = this.matchPeriod(year.end, YEAR_PERIODS) ?? this.matchPeriod(year.end, AFTER_YEAR_PERIODS);
    if (period) {
      return {
        ...this.spec(start, year.end + period.word.length, 'fuzzy',
          { y: yEnd, dy: 0, m: period.first[0], d: period.first[1] },
          { y: yEnd, dy: 0, m: period.last[0], d: period.last[1] }, explicit),
        relative,
        note: period.note,
      };
    }
    const month = this.readMonthFrom(year.end, yEnd, true);
    if (month) {
      const withStart = { ...month, start, ...(month.yearText === null ? explicit : {}) };
      const spec = allowRange ? this.withRange(withStart) : withStart;
      return { ...spec, relative, yearText: spec.yearText ?? explicit.yearText, yearValue: spec.yearValue ?? explicit.yearValue };
    }
    const whole = this.spec(start, year.end, 'range', { y: yEnd, dy: 0, m: 1, d: 1 }, { y: yEnd, dy: 0, m: 12, d: 'end' }, explicit);
    return { ...((allowRange && !relative && this.yearToYear(whole)) || whole), relative };
  }

  /** 2024年至2025年 */
  private yearToYear(s1: Spec): Spec | null {
    if ((this.cls(s1.end) & C_RANGE_SEP) === 0 || s1.first?.y == null) return null;
    const y2 = this.digits(s1.end + 1, 4);
    if (!y2 || y2.len !== 4 || y2.value <= s1.first.y) return null;
    const s2 = this.readFromYear(s1.end + 1, y2.value, y2.end, false);
    if (!s2 || !s2.last) return null;
    return { ...s1, end: s2.end, last: s2.last, yearText: s2.yearText, yearValue: s2.yearValue, note: s2.note };
  }

  /**
   * Month-based forms starting at `i` (year already read, or none): 4月, 4月7日, 6月底, 6月下旬,
   * 3月份, 4-5月, 1—9月, 1至10月, 1、2月. Chinese numerals allowed only after a Chinese year.
   */
  private readMonthFrom(i: number, y: number | null, allowChinese = false): Spec | null {
    const m = this.num(i, 2, allowChinese && (this.cls(i) & C_DIGIT) === 0);
    if (!m || m.value < 1 || m.value > 12) return null;
    const after = this.code(m.end);
    if (after === CH_MONTH) {
      let end = m.end + 1;
      if (this.code(end) === CH_FEN) end++;
      const day = this.num(end, 2, (this.cls(end) & C_DIGIT) === 0 && (this.cls(i) & C_DIGIT) === 0);
      const dayMark = day ? this.code(day.end) : 0;
      if (day && (dayMark === CH_DAY || dayMark === CH_HAO) && validDay(y ?? 2024, m.value, day.value)) {
        const p: Endpoint = { y, dy: 0, m: m.value, d: day.value };
        return this.spec(i, day.end + 1, 'point', p, p);
      }
      const period = this.matchMonthPeriod(end);
      if (period) {
        return {
          ...this.spec(i, end + period.word.length, 'fuzzy', { y, dy: 0, m: m.value, d: period.first }, { y, dy: 0, m: m.value, d: period.last }),
          note: period.note,
        };
      }
      return this.spec(i, end, 'month', { y, dy: 0, m: m.value, d: 1 }, { y, dy: 0, m: m.value, d: 'end' });
    }
    const isRangeSep = after === after && (CHAR_CLASS[after] & C_RANGE_SEP) !== 0 && after !== CH_DAO;
    if (isRangeSep || after === CH_DUN) {
      const m2 = this.num(m.end + 1, 2, false);
      if (!m2 || this.code(m2.end) !== CH_MONTH || m2.value > 12 || m2.value <= m.value) return null;
      if (after === CH_DUN && m2.value !== m.value + 1) return null;
      return this.spec(i, m2.end + 1, 'range', { y, dy: 0, m: m.value, d: 1 }, { y, dy: 0, m: m2.value, d: 'end' });
    }
    return null;
  }

  /** S1 至 S2 / S1 至今. S2 may omit the year (and the month, after a day). */
  private withRange(s1: Spec): Spec {
    const base = s1;
    const sep = this.code(s1.end);
    if (sep !== sep || (CHAR_CLASS[sep] & C_RANGE_SEP) === 0 || s1.kind === 'range' || !s1.first || !s1.last) return base;
    const q = s1.end + 1;
    if (sep === CH_ZHI && this.code(q) === CH_JIN && this.code(q + 1) !== CH_YEAR) {
      return { ...base, end: q + 1, kind: 'range', last: null, note: joinNotes(base.note, '“至今”没有确定的结束日期') };
    }
    const s2 = this.readRangeEnd(q, s1);
    if (!s2 || !s2.last) return base;
    let last = s2.last;
    if (last.y === null) {
      last = { ...last, y: s1.last.y, dy: s1.last.dy };
      if (compareEndpoints(last, s1.last) < 0) last = { ...last, dy: last.dy + 1, y: last.y === null ? null : last.y + 1 };
    }
    return {
      ...base,
      end: s2.end,
      kind: 'range',
      last,
      yearText: s2.yearText ?? base.yearText,
      yearValue: s2.yearValue ?? base.yearValue,
      note: joinNotes(base.note, s2.note),
    };
  }

  private readRangeEnd(q: number, s1: Spec): Spec | null {
    if ((this.cls(q) & C_DIGIT) === 0) return null;
    const run = this.digits(q, 4);
    if (!run) return null;
    if (run.len === 4) return this.readFromYear(q, run.value, run.end, false);
    const mark = this.code(run.end);
    if (s1.kind === 'point' && (mark === CH_DAY || mark === CH_HAO) && s1.first) {
      const d = run.value;
      if (d < 1 || d > 31) return null;
      const p: Endpoint = { y: null, dy: 0, m: s1.first.m, d };
      return this.spec(q, run.end + 1, 'point', p, p);
    }
    const month = this.readMonthFrom(q, null);
    return month && month.kind !== 'range' ? month : null;
  }

  /** 二〇二五年九月十二日 */
  private readChineseYear(i: number): Spec | null {
    const t = this.text;
    if (i + 5 > this.limit || this.code(i + 4) !== CH_YEAR) return null;
    for (let k = i; k < i + 4; k++) if ((CHAR_CLASS[this.code(k)] & C_CN_DIGIT) === 0) return null;
    const y = parseChineseNumber(t.slice(i, i + 4));
    if (y === null || !validYear(y)) return null;
    const year: YearTok = { y, text: t.slice(i, i + 5), end: i + 5 + (this.code(i + 5) === CH_DU ? 1 : 0) };
    return this.afterYear(i, year, null);
  }

  // -- word forms -------------------------------------------------------------------------------

  private readWord(i: number): Spec | null {
    const t = this.text;
    const prev = i > 0 ? this.code(i - 1) : 0;
    if ((this.cls(i) & C_WORD_START) === 0 || (CHAR_CLASS[prev] & C_DIGIT) !== 0) return null;
    // no known word here (cheap second-character test first, then the exact pair)
    if ((this.cls(i + 1) & C_WORD_SECOND) === 0 || !WORD_PAIRS.has(this.code(i) * 65536 + this.code(i + 1))) return null;
    for (const rel of RELATIVE_YEARS) {
      if (t.startsWith(rel.word, i) && i + rel.word.length <= this.limit) {
        const end = i + rel.word.length + (this.code(i + rel.word.length) === CH_DU ? 1 : 0);
        return this.afterYear(i, { y: -1, text: rel.word, end }, rel);
      }
    }
    if (prev === CH_MEI || prev === CH_LI || prev === CH_TONG) return null;
    const period = this.matchPeriod(i, YEAR_PERIODS);
    if (period && (CHAR_CLASS[prev] & C_CN_NUMERAL) === 0) {
      return {
        ...this.spec(i, i + period.word.length, 'fuzzy',
          { y: null, dy: 0, m: period.first[0], d: period.first[1] },
          { y: null, dy: 0, m: period.last[0], d: period.last[1] }),
        note: period.note,
      };
    }
    const c0 = this.code(i);
    const c1 = this.code(i + 1);
    if (c0 === CH_MONTH && (c1 === CH_DI3 || c1 === CH_MO) && i + 2 <= this.limit && (CHAR_CLASS[prev] & C_CN_NUMERAL) === 0 && prev !== CH_GE) {
      return { ...this.spec(i, i + 2, 'fuzzy', null, null), note: `“${t.slice(i, i + 2)}”未写明月份，无法确定日期` };
    }
    if (c0 === CH_JIN4 && c1 === CH_QI && i + 2 <= this.limit) {
      return { ...this.spec(i, i + 2, 'fuzzy', null, null), note: '“近期”没有确定日期' };
    }
    return null;
  }

  // -- helpers ----------------------------------------------------------------------------------

  private spec(
    start: number,
    end: number,
    kind: Spec['kind'],
    first: Endpoint | null,
    last: Endpoint | null,
    explicit: { yearText: string | null; yearValue: number | null } = { yearText: null, yearValue: null },
  ): Spec {
    return { start, end, kind, first, last, ...explicit, relative: null, note: null };
  }

  private matchPeriod(k: number, periods: FuzzyPeriod[]): FuzzyPeriod | null {
    if ((this.cls(k) & C_PERIOD_FIRST) === 0) return null;
    for (const p of periods) if (k + p.word.length <= this.limit && this.text.startsWith(p.word, k)) return p;
    return null;
  }

  private matchMonthPeriod(k: number): (typeof MONTH_PERIODS)[number] | null {
    for (const p of MONTH_PERIODS) if (k + p.word.length <= this.limit && this.text.startsWith(p.word, k)) return p;
    return null;
  }

  /** Up to `max` ASCII digits at i, not followed by another digit. */
  private digits(i: number, max: number): { value: number; len: number; end: number } | null {
    let j = i;
    let value = 0;
    while (j < this.limit) {
      const c = this.code(j);
      if (c < 0x30 || c > 0x39) break;
      value = value * 10 + (c - 0x30);
      j++;
      if (j - i > max) return null;
    }
    if (j === i) return null;
    return { value, len: j - i, end: j };
  }

  /** A small number (month/day): ASCII digits, or Chinese numerals (十二, 二十六) when allowed. */
  private num(i: number, max: number, chinese: boolean): { value: number; end: number } | null {
    if (!chinese) return this.digits(i, max);
    let j = i;
    while (j < this.limit && j - i < 3 && (CHAR_CLASS[this.code(j)] & C_CN_SMALL) !== 0) j++;
    if (j === i) return null;
    const value = parseChineseNumber(this.text.slice(i, j));
    return value === null ? null : { value, end: j };
  }
}
