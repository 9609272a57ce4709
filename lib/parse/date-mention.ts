// A date mention as the date modules exchange it; its own module so the reader and the scanner do not import each other.

export interface DateMention {
  text: string;
  start: number;
  end: number;
  kind: 'point' | 'range' | 'month' | 'fuzzy';
  /** ISO YYYY-MM-DD, first day the mention covers; null when unknown. */
  first: string | null;
  /** ISO YYYY-MM-DD, last day the mention covers; null when unknown (近期, 至今). */
  last: string | null;
  yearInferred: boolean;
  /** zh-CN, shown to users: how the year or the fuzzy period was resolved. */
  explanation: string | null;
}
