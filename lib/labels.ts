/**
 * One name per finding kind and per severity, everywhere (overlay, side panel, Markdown, CSV, HTML, Word): the
 * words come from the i18n table (public/_locales), read through lib/i18n, which also works outside the browser.
 */
import { t, type MessageKey } from '@/lib/i18n';
import type { Finding, FindingKind, Severity } from '@/lib/schema';

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
const SEVERITY_KEYS: Record<Severity, MessageKey> = { high: 'severityHigh', medium: 'severityMedium', low: 'severityLow' };

export const findingLabel = (k: FindingKind): string => t(FINDING_KEYS[k]);
/** 严重 / 一般 / 提示 — a word that reads as severity (never a bare 中 that looks like 整改中). */
export const severityLabel = (s: Severity): string => t(SEVERITY_KEYS[s]);
/** A finding's severity; `info` (a passed check) reads as 提示. */
export const findingSeverityLabel = (s: Finding['severity']): string => severityLabel(s === 'info' ? 'low' : s);

/** A check that passed (数据相符): a confirmation, listed apart from the problems. */
export const isConfirmationFinding = (f: { kind: FindingKind }): boolean => f.kind === 'arithmetic_ok';

/** A finding's kind label and its message, without repeating the label when the message starts with it. */
export function findingParts(f: { kind: FindingKind; message: string }): { label: string; text: string } {
  const label = findingLabel(f.kind);
  const text = f.message.startsWith(label) ? f.message.slice(label.length).replace(/^[：:\s]+/, '') : f.message;
  return { label, text };
}

/** Thresholds of a pairing score (lib/compare, 0.5–1) read as words: 确定 ≥ 0.85, 较可能 ≥ 0.7, else 存疑. */
const MATCH_WORDS: Array<[number, MessageKey]> = [[0.85, 'matchSure'], [0.7, 'matchLikely'], [0, 'matchDoubtful']];

/** `对应：较可能` — how sure the pairing of an item with the earlier notice's is, in plain words. */
export function matchConfidenceLabel(score: number): string {
  const key = MATCH_WORDS.find(([min]) => score >= min)![1];
  return t('matchConfidence', t(key));
}
