import { useState } from 'preact/hooks';
import { matchConfidence, visibleRows } from '@/lib/compare';
import type { ComparedItem, Comparison, ComparisonRow, ItemChange, Notice } from '@/lib/schema';
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
        <thead><tr><th scope="col">{t('compareChange')}</th><th scope="col">{t('compareItemColumn')}</th></tr></thead>
        <tbody>{shown.map((r, i) => <CompareRow key={i} row={r} notice={notice} onJump={onJump} />)}</tbody>
      </table>
    </>
  );
}

/** `整改中 → 已完成`, or one status when it stayed the same. */
function statusMove(before: ComparedItem, after: ComparedItem): string {
  const a = statusText(before.status, before.certainty ?? 'stated');
  const b = statusText(after.status, after.certainty ?? 'stated');
  return a === b ? a : `${a} → ${b}`;
}

const withStatus = (item: ComparedItem) => `${item.label}（${statusText(item.status, item.certainty ?? 'stated')}）`;

/** The item as the two notices list it: one label when it kept its wording, else both. */
function ItemCell({ row: r, jump }: { row: ComparisonRow; jump: (() => void) | null }) {
  const { earlierItem: e, currentItem: c } = r;
  const current = (text: string) => (jump ? <button class="sp-link" onClick={jump}>{text}</button> : <span>{text}</span>);
  if (e && c && e.label === c.label) return <div class="sp-cmp-item">{current(c.label)}<div class="sp-cmp-status">{statusMove(e, c)}</div></div>;
  return (
    <div class="sp-cmp-item">
      {e && <div class="sp-cmp-earlier">{t('compareEarlierItem')}：{withStatus(e)}</div>}
      {c ? <div>{t('compareCurrentItem')}：{current(withStatus(c))}</div> : <div class="sp-muted">{t('compareNotListedNow')}</div>}
      {!e && <div class="sp-muted">{t('compareNotListedBefore')}</div>}
    </div>
  );
}

function CompareRow({ row: r, notice, onJump }: { row: ComparisonRow; notice: Notice; onJump: Props['onJump'] }) {
  const item = r.currentItem ? notice.items.find((x) => x.id === r.currentItem!.id) : undefined;
  const jump = item && onJump ? () => onJump(item.start, Math.min(item.end, item.start + 60)) : null;
  const moves = r.numberChanges.length + r.deadlineChanges.length;
  return (
    <tr class={`sp-change-${r.change}`} data-change={r.change} data-status-before={r.earlierItem?.status} data-status-after={r.currentItem?.status}>
      <td>
        {changeLabel(r.change)}
        {r.score !== null && <div class="sp-muted sp-confidence" data-score={r.score} data-confidence={matchConfidence(r.score)} title={t('matchScore', r.score.toFixed(2))}>{matchConfidenceLabel(r.score)}</div>}
      </td>
      <td>
        <ItemCell row={r} jump={jump} />
        {moves > 0 && (
          <ul class="sp-cmp-moves">
            {r.numberChanges.map((n, j) => <li key={`n${j}`}>{n.context}{n.beforeText} → {n.afterText}（{n.delta > 0 ? '+' : ''}{n.delta}{n.unit}）</li>)}
            {r.deadlineChanges.map((d, j) => <li key={`d${j}`}>{deadlineChangeLabel(d.kind)}：{formatGongwenDate(d.before, '—')} → {formatGongwenDate(d.after, '—')}{d.days !== null ? t('deadlineDays', Math.abs(d.days)) : ''}</li>)}
          </ul>
        )}
        {r.history.length > 1 && (
          <ol class="sp-history">{r.history.map((h, j) => <li key={j}>{formatGongwenDate(h.noticeDate)} {h.status === 'absent' ? t('absent') : statusText(h.status, h.certainty ?? 'stated')}{h.source === 'override' ? `（${t('overridden')}）` : ''}{h.evidence ? `「${h.evidence}」` : ''}</li>)}</ol>
        )}
      </td>
    </tr>
  );
}
