// Date vocabulary: fuzzy-period and relative-year word tables, and calendar checks (days in month, valid year/day).

import { formatChineseNumber } from './numerals';

export type Day = number | 'end';

const MIN_YEAR = 1949;
const MAX_YEAR = 2100;

export interface FuzzyPeriod {
  word: string;
  first: [number, number];
  last: [number, Day];
  note: string;
}
const QUARTERS: FuzzyPeriod[] = [1, 2, 3, 4].flatMap((q): FuzzyPeriod[] => {
  const cn = formatChineseNumber(q);
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

/** Every word the date reader reads as a date on its own (relative years, periods, 月底, 近期). */
export const DATE_WORDS: readonly string[] = [...RELATIVE_YEARS.map((r) => r.word), ...YEAR_PERIODS.map((p) => p.word), '月底', '月末', '近期'];

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
