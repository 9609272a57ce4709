/**
 * Deadlines: promises about the future, relative to the notice date.
 *
 * A date mention becomes a deadline when
 *  (A) it is followed by 前/之前/以前 ("预计2025年7月前整改完成", "将于2021年底前完工") and the clause
 *      has a future cue (预计, 计划, 将, 力争, 确保, 限期…) or a completion verb follows (…前完成); or
 *  (B) a future cue stands right before it (gap of at most a few characters such as 于/在) and an
 *      action verb follows it ("计划于2023年完成", "计划6月再组织").
 * Never deadlines: status dates (截至2025年3月, 2021年以来, …至今), past events (已…, 2024年12月完成改造,
 * …完成了), and forecasts of amounts: "预计2025年集体收入增加160万元" has a future cue but no action
 * verb after the date — it predicts a number, it promises no rectification step, so it is not a
 * deadline (decision documented here and tested).
 * A bare 限期 with no date ("督促…限期完成款项清收", "责成其限期改正") is a deadline with date null;
 * 限期 naming a document (限期整改通知书, 限期整改交办函) is not.
 *
 * Date of a deadline = last day by which the promise must be kept:
 *   X月前 → last day of month X-1 (before month X begins); X月 / X月底前 → last day of month X;
 *   X日前 → that day; YYYY年 / YYYY年前 / YYYY年底前 → YYYY-12-31; fuzzy/range → its last day;
 *   近期 → null.
 */
import type { Deadline } from '@/lib/schema';
import { overdueAtPublication } from '@/lib/checks';
import { resolveDates, scanDates, type DateMention, type DateScan } from './dates';

export interface FindDeadlinesOptions {
  from?: number;
  to?: number;
  fallbackYear: number | null;
  /** ISO date of the notice; deadlines before it are overdue at publication (if not reported done). */
  publishDate: string | null;
  /** What fallbackYear is, for explanations ("反馈日期" by default). */
  fallbackLabel?: string;
  /** scanDates(text, from, to) when the caller already has it (it is then not read again). */
  scan?: DateScan;
}

const CLAUSE_BREAK = '，。；！？\n,;：:！?（）()、';
const MAX_CLAUSE_LOOKBACK = 30;
const FUTURE_CUES = ['预计', '计划', '将于', '将在', '将', '力争', '争取', '确保', '拟于', '拟', '限期', '务必', '定于', '预定', '要求', '需于', '须于', '应于'];
const CUE_GAP_CHARS = '于在到至年内';
const MAX_CUE_GAP = 3;
const ACTION_VERBS = [
  '整改', '完成', '完工', '竣工', '建成', '办结', '解决', '落实', '到位', '组织', '开展', '召开', '启动', '投入使用', '投用',
  '拆除', '清理', '清拆', '清收', '交付', '上线', '出台', '印发', '制定', '修订', '验收', '解除', '移交', '补齐', '补缴',
  '退还', '收回', '追缴', '通车', '运营', '动工', '开工', '推进', '实施', '处理', '处置', '改造', '建设', '改正',
];
const COMPLETION_TAILS = ['完成', '完毕', '到位', '完工', '整改'];
const BEFORE_WORDS = ['之前', '以前', '前'];
const MAX_VERB_LOOKAHEAD = 8;
const LIMIT_DOC_SUFFIX = /^(?:整改|改正|完成|清理|拆除|办结)?(?:通知|交办|函|书|单|令)/;

export function findDeadlines(text: string, opts: FindDeadlinesOptions): Deadline[] {
  const from = Math.max(0, opts.from ?? 0);
  const to = Math.min(text.length, opts.to ?? text.length);
  const publishYear = opts.publishDate ? Number(opts.publishDate.slice(0, 4)) : null;
  const scan = opts.scan && opts.scan.text === text && opts.scan.from === from && opts.scan.to === to ? opts.scan : scanDates(text, from, to);
  const mentions = resolveDates(scan, {
    fallbackYear: opts.fallbackYear,
    fallbackLabel: opts.fallbackLabel,
    currentYear: publishYear ?? opts.fallbackYear,
  });
  const out: Deadline[] = [];
  for (const mention of mentions) {
    const d = deadlineFromMention(text, mention, from, to, opts.publishDate);
    if (d) out.push(d);
  }
  for (const d of undatedLimits(text, from, to, mentions)) out.push(d); // no spread: hostile text can hold millions
  return out.sort((a, b) => a.start - b.start);
}

/** 截至2025年3月, 截止2024年12月底, 2021年以来, 2024年10月至今: the state at a date, not a promise. */
// module constants: a regex literal in the function would make a RegExp per call (per date mention, twice)
const SPACES = /\s+/g;
const STATUS_LEAD_AT_END = /(?:截至|截止)(?:到|至|于)?$/;
const STATUS_TAIL_AT_START = /^(?:以来|为止|止)/;
const YEAR_AT_END = /年度?$/;

export function isStatusDate(text: string, mention: DateMention): boolean {
  const before = text.slice(Math.max(0, mention.start - 4), mention.start).replace(SPACES, '');
  if (STATUS_LEAD_AT_END.test(before)) return true;
  if (mention.text.endsWith('至今')) return true;
  const after = text.slice(mention.end, mention.end + 3);
  return STATUS_TAIL_AT_START.test(after);
}

function deadlineFromMention(
  text: string,
  mention: DateMention,
  from: number,
  to: number,
  publishDate: string | null,
): Deadline | null {
  if (isStatusDate(text, mention)) return null;
  const clauseStart = findClauseStart(text, mention.start, from);
  const before = text.slice(clauseStart, mention.start);
  if (before.includes('已') || before.includes('曾')) return null;
  const beforeWord = BEFORE_WORDS.find((w) => text.startsWith(w, mention.end) && mention.end + w.length <= to) ?? null;
  const afterEnd = mention.end + (beforeWord?.length ?? 0);
  const verb = findActionVerb(text, afterEnd, to);
  if (verb && text[verb.end] === '了') return null;
  const cue = findCue(before, clauseStart);
  const cueNear = cue !== null && mention.start - cue.end <= MAX_CUE_GAP && onlyGapChars(text.slice(cue.end, mention.start));
  const isDeadline = beforeWord ? cue !== null || (verb !== null && verb.start - afterEnd <= 2) : cueNear && verb !== null;
  if (!isDeadline) return null;
  const start = cue ? cue.start : mention.start;
  const end = verb ? verb.end : afterEnd;
  const { date, note } = deadlineDate(mention, beforeWord !== null);
  const explanation = [mention.explanation, note].filter((x): x is string => !!x).join('；');
  return {
    text: text.slice(start, end),
    date,
    start,
    end,
    overdueAtPublication: overdueAtPublication({ date }, null, publishDate),
    ...(explanation ? { explanation } : {}),
  };
}

/** Last day by which the promise must be kept (see module comment). */
export function deadlineDate(mention: DateMention, hasBeforeWord: boolean): { date: string | null; note: string | null } {
  if (mention.last === null) return { date: null, note: null };
  if (hasBeforeWord && mention.kind === 'month' && mention.first) {
    const date = previousDay(mention.first);
    const month = Number(mention.first.slice(5, 7));
    return { date, note: `“${month}月前”按${month}月1日之前计，即${formatZh(date)}` };
  }
  if (hasBeforeWord && mention.kind === 'range' && YEAR_AT_END.test(mention.text)) {
    return { date: mention.last, note: `“${mention.text}前”按该年年底计` };
  }
  return { date: mention.last, note: null };
}

/** 限期整改 / 限期改正 / 限期完成… with no date in the same clause. */
function undatedLimits(text: string, from: number, to: number, mentions: DateMention[]): Deadline[] {
  const out: Deadline[] = [];
  let m = 0;
  for (let i = nextLimitWord(text, from, to); i !== -1; i = nextLimitWord(text, i + 2, to)) {
    while (m < mentions.length && mentions[m].end <= i) m++;
    const clauseEnd = findClauseEnd(text, i + 2, to);
    if (m < mentions.length && mentions[m].start < clauseEnd) continue; // dated: handled via the mention
    if (LIMIT_DOC_SUFFIX.test(text.slice(i + 2, i + 8))) continue;
    const verb = findActionVerb(text, i + 2, to);
    if (!verb || verb.start !== i + 2) continue;
    out.push({
      text: text.slice(i, verb.end),
      date: null,
      start: i,
      end: verb.end,
      overdueAtPublication: null,
      explanation: '“限期”未写明具体期限',
    });
  }
  return out;
}

/**
 * The last `限期` search: its text, where it started and the answer (-1: none after `from`). Sections are
 * read in text order, so one indexOf answers every section up to that 限期 (an indexOf per section
 * would run on to the end of the text for each one without it — quadratic over a long notice).
 */
let limitSearch = { text: '', from: 0, at: -1 };

/** Next `限期` starting in [from, to - 2], or -1. */
function nextLimitWord(text: string, from: number, to: number): number {
  const last = limitSearch;
  // the last answer still holds when it was searched for in this text from at or before `from` and lies at or after it
  const reusable = last.text === text && last.from <= from && (last.at === -1 || last.at >= from);
  if (!reusable) limitSearch = { text, from, at: text.indexOf('限期', from) };
  const at = limitSearch.at;
  return at !== -1 && at + 2 <= to ? at : -1;
}

/** CLAUSE_BREAK by code unit. */
const IS_CLAUSE_BREAK = new Uint8Array(65536);
for (const ch of CLAUSE_BREAK) IS_CLAUSE_BREAK[ch.charCodeAt(0)] = 1;
/** ACTION_VERBS by the code of their first character, each list in ACTION_VERBS order. */
const VERBS_BY_FIRST_CODE = new Map<number, string[]>();
for (const v of ACTION_VERBS) {
  const c = v.charCodeAt(0);
  VERBS_BY_FIRST_CODE.set(c, [...(VERBS_BY_FIRST_CODE.get(c) ?? []), v]);
}

function findClauseStart(text: string, pos: number, from: number): number {
  const limit = Math.max(from, pos - MAX_CLAUSE_LOOKBACK);
  for (let k = pos - 1; k >= limit; k--) if (IS_CLAUSE_BREAK[text.charCodeAt(k)]) return k + 1;
  return limit;
}

function findClauseEnd(text: string, pos: number, to: number): number {
  const limit = Math.min(to, pos + MAX_CLAUSE_LOOKBACK);
  for (let k = pos; k < limit; k++) if (IS_CLAUSE_BREAK[text.charCodeAt(k)]) return k;
  return limit;
}

/** The last future cue in the clause before the date. */
function findCue(before: string, offset: number): { start: number; end: number } | null {
  let best: { start: number; end: number } | null = null;
  for (const cue of FUTURE_CUES) {
    const k = before.lastIndexOf(cue);
    if (k === -1) continue;
    const found = { start: offset + k, end: offset + k + cue.length };
    if (!best || found.end > best.end || (found.end === best.end && found.start < best.start)) best = found;
  }
  return best;
}

function onlyGapChars(gap: string): boolean {
  for (const ch of gap) if (!CUE_GAP_CHARS.includes(ch)) return false;
  return true;
}

/** First action verb within a few characters after `pos` (same clause), extended by 完成/完毕/到位. */
function findActionVerb(text: string, pos: number, to: number): { start: number; end: number } | null {
  const limit = Math.min(to, pos + MAX_VERB_LOOKAHEAD);
  for (let k = pos; k < limit; k++) {
    const c = text.charCodeAt(k);
    if (IS_CLAUSE_BREAK[c]) return null;
    const verbs = VERBS_BY_FIRST_CODE.get(c);
    const verb = verbs && verbs.find((v) => text.startsWith(v, k) && k + v.length <= to);
    if (!verb) continue;
    let end = k + verb.length;
    const tail = COMPLETION_TAILS.find((t) => text.startsWith(t, end) && end + t.length <= to);
    if (tail) end += tail.length;
    return { start: k, end };
  }
  return null;
}

function previousDay(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d - 1));
  return date.toISOString().slice(0, 10);
}

function formatZh(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}
