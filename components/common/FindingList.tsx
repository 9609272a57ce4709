import type { Finding } from '@/lib/schema';
import { t } from '@/lib/i18n';
import { findingParts, findingSeverityLabel, isConfirmationFinding } from './labels';

/**
 * 发现的问题 N (problems only: each with its kind, its severity in words and colour, clickable to its place),
 * then the checks that passed (数据相符 …) apart, as confirmations. Shared by the overlay (`rl`) and the side
 * panel (`sp`), which style it with their own class prefix.
 */
export function FindingList({ findings, prefix, onPick }: { findings: Finding[]; prefix: 'rl' | 'sp'; onPick: (start: number, end: number) => void }) {
  const problems = findings.filter((f) => !isConfirmationFinding(f));
  const confirmations = findings.filter(isConfirmationFinding);
  const row = (f: Finding, i: number) => {
    const { label, text } = findingParts(f);
    return (
      <li key={i}>
        <button class={`${prefix}-finding ${prefix}-sev-${f.severity}`} data-kind={f.kind} onClick={() => onPick(f.start, f.end)}>
          <b class={`${prefix}-finding-kind`}>{label}</b>
          {!isConfirmationFinding(f) && <span class={`${prefix}-sev-word`}>（{findingSeverityLabel(f.severity)}）</span>} {text}
        </button>
      </li>
    );
  };
  return (
    <>
      <h3>{t('findings')} <span class={`${prefix}-count`} data-count="problems">{problems.length}</span></h3>
      {problems.length === 0 ? <p class={`${prefix}-muted`}>{t('noFindings')}</p> : <ul class={`${prefix}-findings`}>{problems.map(row)}</ul>}
      {confirmations.length > 0 && (
        <details class={`${prefix}-confirmations`}>
          <summary>{t('confirmationsTitle', String(confirmations.length))}</summary>
          <ul class={`${prefix}-findings`}>{confirmations.map(row)}</ul>
        </details>
      )}
    </>
  );
}
