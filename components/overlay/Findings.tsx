import { useRef } from 'preact/hooks';
import type { Finding } from '@/lib/schema';
import { t } from '@/lib/i18n';
import { findingParts, findingSeverityLabel, isConfirmationFinding } from '../common/labels';
import { useRovingFocus } from './roving';

type Pick = (start: number, end: number) => void;

/**
 * 发现的问题 N (problems only), then the passed checks apart as confirmations. Each list is a listbox: one
 * tab stop, arrows move, Enter (or a click) jumps to the passage. Same words and order as the side panel's
 * FindingList, which stays a list of buttons.
 */
export function Findings({ findings, onPick }: { findings: Finding[]; onPick: Pick }) {
  const problems = findings.filter((f) => !isConfirmationFinding(f));
  const confirmations = findings.filter(isConfirmationFinding);
  return (
    <section class="rl-section" aria-label={t('findings')}>
      <h3 id="rl-findings-title">{t('findings')} <span class="rl-count" data-count="problems">{problems.length}</span></h3>
      {problems.length === 0
        ? <p class="rl-muted">{t('noFindings')}</p>
        : <FindingOptions findings={problems} labelledBy="rl-findings-title" onPick={onPick} />}
      {confirmations.length > 0 && (
        <details class="rl-confirmations">
          <summary id="rl-confirmations-title">{t('confirmationsTitle', String(confirmations.length))}</summary>
          <FindingOptions findings={confirmations} labelledBy="rl-confirmations-title" onPick={onPick} />
        </details>
      )}
    </section>
  );
}

function FindingOptions({ findings, labelledBy, onPick }: { findings: Finding[]; labelledBy: string; onPick: Pick }) {
  const list = useRef<HTMLUListElement>(null);
  useRovingFocus(list, { item: '[role="option"]', selectable: true });
  return (
    <ul ref={list} class="rl-findings" role="listbox" aria-labelledby={labelledBy}>
      {findings.map((f, i) => {
        const { label, text } = findingParts(f);
        return (
          <li key={i} role="option" aria-selected={false} tabIndex={-1} class={`rl-finding rl-sev-${f.severity}`} data-kind={f.kind} onClick={() => onPick(f.start, f.end)}>
            <b class="rl-finding-kind">{label}</b>
            {!isConfirmationFinding(f) && <span class="rl-sev-word">（{findingSeverityLabel(f.severity)}）</span>} {text}
          </li>
        );
      })}
    </ul>
  );
}
