/**
 * What people read for the domain's enums — statuses, certainties, findings, severities, highlight
 * categories, comparison changes — as one table of message keys (public/_locales). The UI reads them in
 * the browser's language (`t`, the default); exports and the CLI read the same keys in zh-CN (`zh`, and
 * the *_LABELS tables below), so a reviewer sees the same words on screen and in the exported file.
 */
import { t, zh, type MessageKey } from '@/lib/i18n';
import { matchConfidence, type MatchConfidence } from '@/lib/compare/confidence';
import type { DeadlineChange, Finding, FindingKind, HighlightCategory, ItemChange, ItemStatus, StatusCertainty } from '@/lib/schema';

/** Annotation severities (high/medium/low) and finding severities (which add info). */
export type AnySeverity = 'high' | 'medium' | 'low' | 'info';

/** Turns a message key into words: `t` (browser language) or `zh` (always zh-CN). */
export type Words = (key: MessageKey, ...subs: Array<string | number>) => string;

const STATUS_KEYS: Record<ItemStatus, MessageKey> = {
  done: 'statusDone',
  in_progress: 'statusInProgress',
  long_term: 'statusLongTerm',
  unclear: 'statusUnclear',
};
const CERTAINTY_KEYS: Record<StatusCertainty, MessageKey> = {
  stated: 'certaintyStated',
  inferred: 'certaintyInferred',
  unclear: 'certaintyUnclear',
};
const FINDING_KEYS: Record<FindingKind, MessageKey> = {
  overdue_at_publication: 'findingOverdueAtPublication',
  overdue_now: 'findingOverdueNow',
  arithmetic: 'findingArithmetic',
  arithmetic_ok: 'findingArithmeticOk',
  numbering_gap: 'findingNumberingGap',
  numbering_duplicate: 'findingNumberingDuplicate',
  empty_section: 'findingEmptySection',
  outline_truncated: 'findingOutlineTruncated',
};
const SEVERITY_KEYS: Record<AnySeverity, MessageKey> = {
  high: 'severityHigh',
  medium: 'severityMedium',
  low: 'severityLow',
  info: 'severityInfo',
};
const CATEGORY_KEYS: Record<HighlightCategory, MessageKey> = {
  overdue: 'catOverdue',
  contradiction: 'catContradiction',
  deadline: 'catDeadline',
  unfinished: 'catUnfinished',
  done: 'catDone',
  date: 'catDate',
  number: 'catNumber',
  annotation: 'catAnnotation',
};
const CHANGE_KEYS: Record<ItemChange, MessageKey> = {
  resolved: 'changeResolved',
  regressed: 'changeRegressed',
  still_unfinished: 'changeStillUnfinished',
  vanished: 'changeVanished',
  new: 'changeNew',
  unchanged_done: 'changeUnchangedDone',
  done_omitted: 'changeDoneOmitted',
};
const DEADLINE_CHANGE_KEYS: Record<DeadlineChange['kind'], MessageKey> = {
  slipped: 'deadlineSlipped',
  advanced: 'deadlineAdvanced',
  dropped: 'deadlineDropped',
  added: 'deadlineAdded',
};

export const statusLabel = (s: ItemStatus, words: Words = t): string => words(STATUS_KEYS[s]);
export const certaintyLabel = (c: StatusCertainty, words: Words = t): string => words(CERTAINTY_KEYS[c]);
export const findingLabel = (k: FindingKind, words: Words = t): string => words(FINDING_KEYS[k]);
export const severityLabel = (s: AnySeverity, words: Words = t): string => words(SEVERITY_KEYS[s]);
export const categoryLabel = (c: HighlightCategory, words: Words = t): string => words(CATEGORY_KEYS[c]);
export const changeLabel = (c: ItemChange, words: Words = t): string => words(CHANGE_KEYS[c]);
export const deadlineChangeLabel = (k: DeadlineChange['kind'], words: Words = t): string => words(DEADLINE_CHANGE_KEYS[k]);

/** A finding's severity: 严重 / 一般 / 提示 — a word that reads as severity (never a bare 中 that looks like 整改中). */
export const findingSeverityLabel = (s: Finding['severity'], words: Words = t): string => severityLabel(s, words);

/** A check that passed (数据相符): a confirmation, listed apart from the problems. */
export const isConfirmationFinding = (f: { kind: FindingKind }): boolean => f.kind === 'arithmetic_ok';

/** A finding's kind label and its message, without repeating the label when the message starts with it. */
export function findingParts(f: { kind: FindingKind; message: string }, words: Words = t): { label: string; text: string } {
  const label = findingLabel(f.kind, words);
  const text = f.message.startsWith(label) ? f.message.slice(label.length).replace(/^[：:\s]+/, '') : f.message;
  return { label, text };
}

/** The words of a pairing's confidence (the thresholds are one rule: lib/compare/confidence). */
const MATCH_WORDS: Record<MatchConfidence, MessageKey> = { sure: 'matchSure', likely: 'matchLikely', doubtful: 'matchDoubtful' };

/** `对应：较可能` — how sure the pairing of an item with the earlier notice's is, in plain words. */
export function matchConfidenceLabel(score: number, words: Words = t): string {
  return words('matchConfidence', words(MATCH_WORDS[matchConfidence(score)]));
}

/** `已完成`, or `已完成（推断）` for a status read from the measures rather than stated. */
export function statusWithCertainty(s: ItemStatus, c: StatusCertainty, words: Words = t): string {
  return c === 'inferred' ? words('statusInferred', statusLabel(s, words)) : statusLabel(s, words);
}

function zhTable<K extends string>(keys: Record<K, MessageKey>): Readonly<Record<K, string>> {
  return Object.freeze(Object.fromEntries(Object.entries<MessageKey>(keys).map(([k, key]) => [k, zh(key)])) as Record<K, string>);
}

// zh-CN tables, for exports and the CLI
export const STATUS_LABELS = zhTable(STATUS_KEYS);
export const CERTAINTY_LABELS = zhTable(CERTAINTY_KEYS);
export const FINDING_LABELS = zhTable(FINDING_KEYS);
export const SEVERITY_LABELS = zhTable(SEVERITY_KEYS);
export const CHANGE_LABELS = zhTable(CHANGE_KEYS);
export const DEADLINE_CHANGE_LABELS = zhTable(DEADLINE_CHANGE_KEYS);
