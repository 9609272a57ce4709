import { useState } from 'preact/hooks';
import { matchConfidence, visibleRows } from '@/lib/compare';
import type { Comparison, ComparisonRow, ItemChange, Notice } from '@/lib/schema';
import { formatGongwenDate } from '@/lib/gongwen';
import { t } from '@/lib/i18n';
import { CHANGE_LABELS, matchConfidenceLabel } from '@/lib/labels';
import { changeLabel, deadlineChangeLabel, statusText } from '../common/labels';

interface Props {
  result: Comparison;
  notice: Notice;
  /** Scrolls the page to an item of the current notice; null when the current notice is not the open page. */
  onJump: ((start: number, end: number) => void) | null;
}

/** A comparison: counts per change type (filters), overdue commitments, and the rows — unchanged ones hidden until asked for. */
export function CompareResult({ result, notice, onJump }: Props) {
  const [filter, setFilter] = useState<ItemChange | null>(null);
  const [showUnchanged, setShowUnchanged] = useState(false);
  const { shown, unchanged } = visibleRows(result.rows.filter((r) => !filter || r.change === filter), showUnchanged);
  return (
    <>
      <section>
        <h3>{t('compareSummary')}</h3>
        <div class="sp-summary">
          <button class={filter === null ? 'sp-active' : ''} aria-pressed={filter === null} onClick={() => setFilter(null)}>{t('all')} {result.rows.length}</button>
          {(Object.keys(CHANGE_LABELS) as ItemChange[]).filter((c) => result.summary[c]).map((c) => (
            <button key={c} data-change={c} class={filter === c ? 'sp-active' : ''} aria-pressed={filter === c} onClick={() => setFilter(c)}>{changeLabel(c)} {result.summary[c]}</button>
          ))}
        </div>
      </section>
      {result.overdueCommitments.length > 0 && (
        <section>
          <h3>{t('overdueCommitments')} <span class="sp-count">{result.overdueCommitments.length}</span></h3>
          <ul class="sp-list">
            {result.overdueCommitments.map((o, i) => <li key={i} class="sp-error">{o.itemLabel}：{o.deadlineText}（{formatGongwenDate(o.deadline)}）</li>)}
          </ul>
        </section>
      )}
      {unchanged > 0 && (
        <div class="sp-row sp-unchanged-toggle">
          <button data-action="toggle-unchanged" aria-pressed={showUnchanged} onClick={() => setShowUnchanged(!showUnchanged)}>
            {t(showUnchanged ? 'compareHideUnchanged' : 'compareShowUnchanged', unchanged)}
          </button>
          <span class="sp-muted">{t('compareUnchangedHint')}</span>
        </div>
      )}
      <table class="sp-table sp-compare-table">
        <thead><tr><th scope="col">{t('compareChange')}</th><th scope="col">{t('compareEarlierItem')}</th><th scope="col">{t('compareCurrentItem')}</th><th scope="col">{t('compareDetails')}</th></tr></thead>
        <tbody>{shown.map((r, i) => <CompareRow key={i} row={r} notice={notice} onJump={onJump} />)}</tbody>
      </table>
    </>
  );
}

function CompareRow({ row: r, notice, onJump }: { row: ComparisonRow; notice: Notice; onJump: Props['onJump'] }) {
  const item = r.currentItem ? notice.items.find((x) => x.id === r.currentItem!.id) : undefined;
  const current = r.currentItem ? `${r.currentItem.label}（${statusText(r.currentItem.status, r.currentItem.certainty ?? 'stated')}）` : '—';
  return (
    <tr class={`sp-change-${r.change}`} data-change={r.change} data-status-before={r.earlierItem?.status} data-status-after={r.currentItem?.status}>
      <td>
        {changeLabel(r.change)}
        {r.score !== null && <div class="sp-muted sp-confidence" data-score={r.score} data-confidence={matchConfidence(r.score)} title={t('matchScore', r.score.toFixed(2))}>{matchConfidenceLabel(r.score)}</div>}
      </td>
      <td>{r.earlierItem ? `${r.earlierItem.label}（${statusText(r.earlierItem.status, r.earlierItem.certainty ?? 'stated')}）` : '—'}</td>
      <td>{item && onJump ? <button class="sp-link" onClick={() => onJump(item.start, Math.min(item.end, item.start + 60))}>{current}</button> : current}</td>
      <td>
        {r.numberChanges.map((n, j) => <div key={`n${j}`}>{n.context}{n.beforeText} → {n.afterText}（{n.delta > 0 ? '+' : ''}{n.delta}{n.unit}）</div>)}
        {r.deadlineChanges.map((d, j) => <div key={`d${j}`}>{deadlineChangeLabel(d.kind)}：{formatGongwenDate(d.before, '—')} → {formatGongwenDate(d.after, '—')}{d.days !== null ? t('deadlineDays', Math.abs(d.days)) : ''}</div>)}
        {r.history.length > 1 && (
          <ol class="sp-history">{r.history.map((h, j) => <li key={j}>{formatGongwenDate(h.noticeDate)} {h.status === 'absent' ? t('absent') : statusText(h.status, h.certainty ?? 'stated')}{h.source === 'override' ? `（${t('overridden')}）` : ''}{h.evidence ? `「${h.evidence}」` : ''}</li>)}</ol>
        )}
      </td>
    </tr>
  );
}
