// Date vocabulary: fuzzy-period and relative-year word tables, character classes, code units and calendar checks.

export type Day = number | 'end';

const MIN_YEAR = 1949;
const MAX_YEAR = 2100;
const RANGE_SEPARATORS = '至到—–~～-－';
const NONE = '\u0000';
const CN_DIGITS = '〇零一二三四五六七八九';

export interface FuzzyPeriod {
  word: string;
  first: [number, number];
  last: [number, Day];
  note: string;
}
const QUARTERS: FuzzyPeriod[] = [1, 2, 3, 4].flatMap((q): FuzzyPeriod[] => {
  const cn = '一二三四'[q - 1];
  const first: [number, number] = [q * 3 - 2, 1];
  const last: [number, Day] = [q * 3, 'end'];
  const note = `“第${cn}季度”按${q * 3 - 2}月1日至${q * 3}月底计`;
  return [`第${cn}季度`, `${cn}季度`, `第${q}季度`, `${q}季度`].map((word): FuzzyPeriod => ({ word, first, last, note }));
});
/** Periods that may follow a year ("2025年上半年", "今年年底") or stand alone ("上半年"). */
export const YEAR_PERIODS = longestFirst<FuzzyPeriod>([
  { word: '上半年', first: [1, 1], last: [6, 'end'], note: '“上半年”按1月1日至6月30日计' },
  { word: '下半年', first: [7, 1], last: [12, 'end'], note: '“下半年”按7月1日至12月31日计' },
  { word: '前三季度', first: [1, 1], last: [9, 'end'], note: '“前三季度”按1月1日至9月30日计' },
  { word: '年底', first: [12, 31], last: [12, 31], note: '“年底”按12月31日计' },
  { word: '年末', first: [12, 31], last: [12, 31], note: '“年末”按12月31日计' },
  { word: '年内', first: [1, 1], last: [12, 31], note: '“年内”按全年计，最迟12月31日' },
  ...QUARTERS,
]);
function longestFirst<T extends { word: string }>(xs: T[]): T[] {
  return xs.sort((a, b) => b.word.length - a.word.length);
}

/** Periods right after "YYYY年": 2021年底, 2025年内. */
export const AFTER_YEAR_PERIODS: FuzzyPeriod[] = [
  { word: '底', first: [12, 31], last: [12, 31], note: '“年底”按12月31日计' },
  { word: '末', first: [12, 31], last: [12, 31], note: '“年末”按12月31日计' },
  { word: '内', first: [1, 1], last: [12, 31], note: '“年内”按全年计，最迟12月31日' },
];
/** Periods right after "M月": 6月底, 9月初, 6月下旬. */
export const MONTH_PERIODS: { word: string; first: Day; last: Day; note: string }[] = [
  { word: '上旬', first: 1, last: 10, note: '“上旬”按1日至10日计' },
  { word: '中旬', first: 11, last: 20, note: '“中旬”按11日至20日计' },
  { word: '下旬', first: 21, last: 'end', note: '“下旬”按21日至月末计' },
  { word: '底', first: 'end', last: 'end', note: '“月底”按该月最后一天计' },
  { word: '末', first: 'end', last: 'end', note: '“月末”按该月最后一天计' },
  { word: '初', first: 1, last: 10, note: '“月初”按1日至10日计' },
];
export const RELATIVE_YEARS: { word: string; delta: number }[] = [
  { word: '今年', delta: 0 },
  { word: '本年', delta: 0 },
  { word: '去年', delta: -1 },
  { word: '明年', delta: 1 },
];

// Character classes by UTF-16 code unit, so the scan never allocates one-character strings.
export const C_DIGIT = 1;
export const C_CN_DIGIT = 2; // 〇零一二三四五六七八九 (digit-by-digit years)
export const C_WORD_START = 4; // first characters of 今年/上半年/第一季度/月底/近期…
export const C_PERIOD_FIRST = 8; // first characters of YEAR_PERIODS / AFTER_YEAR_PERIODS words
export const C_RANGE_SEP = 16; // 至到—–~～-－
export const C_CN_NUMERAL = 32; // 〇零一二两三四五六七八九十 (isCjkNumeral)
export const C_CN_SMALL = 64; // 〇零一二三四五六七八九十 (month/day numerals)
export const C_WORD_SECOND = 128; // second characters of those words
export const CHAR_CLASS = new Uint8Array(65536);
function markClass(chars: Iterable<string>, flag: number): void {
  for (const ch of chars) CHAR_CLASS[ch.charCodeAt(0)] |= flag;
}
markClass('0123456789', C_DIGIT);
markClass(CN_DIGITS, C_CN_DIGIT);
markClass(
  [...RELATIVE_YEARS.map((r) => r.word), ...YEAR_PERIODS.map((p) => p.word), '月底', '月末', '近期'].map((w) => w[0]),
  C_WORD_START,
);
markClass([...YEAR_PERIODS, ...AFTER_YEAR_PERIODS].map((p) => p.word[0]), C_PERIOD_FIRST);
markClass(RANGE_SEPARATORS, C_RANGE_SEP);
markClass('〇零一二两三四五六七八九十', C_CN_NUMERAL);
markClass('〇零一二三四五六七八九十', C_CN_SMALL);
const KNOWN_WORDS = [...RELATIVE_YEARS.map((r) => r.word), ...YEAR_PERIODS.map((p) => p.word), '月底', '月末', '近期'];
markClass(KNOWN_WORDS.map((w) => w[1]), C_WORD_SECOND);
/** First two code units of every word readWord knows: a word can start at i only if its pair is here. */
export const WORD_PAIRS = new Set(KNOWN_WORDS.map((w) => w.charCodeAt(0) * 65536 + w.charCodeAt(1)));
/** Where readAt can possibly start a mention: a digit, a Chinese digit, or a word-start character. */
export const C_MENTION_START = C_DIGIT | C_CN_DIGIT | C_WORD_START;

export const CH_YEAR = 0x5e74; // 年
export const CH_MONTH = 0x6708; // 月
export const CH_DAY = 0x65e5; // 日
export const CH_HAO = 0x53f7; // 号
export const CH_DU = 0x5ea6; // 度
export const CH_FEN = 0x4efd; // 份
export const CH_ZHI = 0x81f3; // 至
export const CH_DAO = 0x5230; // 到
export const CH_JIN = 0x4eca; // 今
export const CH_DUN = 0x3001; // 、
export const CH_SHI = 0x5341; // 十
export const CH_LIANG = 0x4e24; // 两
export const CH_MEI = 0x6bcf; // 每
export const CH_LI = 0x5386; // 历
export const CH_TONG = 0x540c; // 同
export const CH_GE = 0x4e2a; // 个
export const CH_JIN4 = 0x8fd1; // 近
export const CH_QI = 0x671f; // 期
export const CH_DI3 = 0x5e95; // 底
export const CH_MO = 0x672b; // 末

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
export function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return MONTH_DAYS[m - 1];
}

export function validYear(y: number): boolean {
  return y >= MIN_YEAR && y <= MAX_YEAR;
}

export function validDay(y: number, m: number, d: number): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}
