// What the date reader (date-reader.ts) reads at a position, before dates.ts resolves it into a DateMention.
import type { DateMention } from './date-mention';
import type { Day } from './date-vocabulary';

/** y === null: the year is not written; it is the mention's base year + dy. */
export interface Endpoint {
  y: number | null;
  dy: number;
  m: number;
  d: Day;
}
export interface Spec {
  start: number;
  end: number;
  kind: DateMention['kind'];
  first: Endpoint | null;
  last: Endpoint | null;
  /** Explicit year text seen inside the mention (the latest one), e.g. "2025年". */
  yearText: string | null;
  yearValue: number | null;
  /** 今年/去年…: resolved against currentYear. */
  relative: { word: string; delta: number } | null;
  note: string | null;
}

/** Order of two endpoints of one mention (year offset, month, day; a month's end after its last day). */
export function compareEndpoints(a: Endpoint, b: Endpoint): number {
  if (a.dy !== b.dy) return a.dy - b.dy;
  if (a.m !== b.m) return a.m - b.m;
  const da = a.d === 'end' ? 32 : a.d;
  const db = b.d === 'end' ? 32 : b.d;
  return da - db;
}

/** Both readings' notes, when a range joins two mentions. */
export function joinNotes(a: string | null, b: string | null): string | null {
  if (a && b) return `${a}；${b}`;
  return a ?? b;
}
