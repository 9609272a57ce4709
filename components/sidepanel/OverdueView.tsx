import { useEffect, useMemo, useState } from 'preact/hooks';
import { useLiveQuery } from 'dexie-react-hooks';
import { browser } from 'wxt/browser';
import { readLibraryReview } from '@/lib/db';
import { EXPORT_MIME } from '@/lib/export';
import { formatGongwenDate } from '@/lib/export/format';
import { filterOverdue, libraryOverdue, passageUrl, type OverdueCommitmentRow, type OverdueFilter } from '@/lib/overdue-library';
import { effectiveToday, loadPrefs } from '@/lib/prefs';
import { t } from '@/lib/i18n';
import { downloadFile } from './download';
import { sidePanelDb } from './hooks';

const distinct = (values: string[]) => [...new Set(values)].sort((a, b) => a.localeCompare(b, 'zh-CN'));

/** 逾期承诺: every passed promise across the library whose item is not done in the latest notice of its organization. */
export function OverdueView() {
  const db = sidePanelDb();
  const [today, setToday] = useState<string | null>(null);
  useEffect(() => void loadPrefs().then((p) => setToday(effectiveToday(p))), []);
  const entries = useLiveQuery(() => readLibraryReview(db), []);
  const rows = useMemo(() => (entries && today ? libraryOverdue(entries, today) : null), [entries, today]);
  const [filter, setFilter] = useState<OverdueFilter>({});
  const [error, setError] = useState<string | null>(null);
  if (!rows || !today) return <p class="sp-muted">{t('loading')}</p>;
  const shown = filterOverdue(rows, filter);
  const exportAs = async (format: 'md' | 'xlsx') => {
    setError(null);
    try {
      const { overdueMarkdown, overdueWorkbook } = await import('@/lib/export/overdue');
      const data = format === 'md' ? overdueMarkdown(shown, today) : await overdueWorkbook(shown, today);
      downloadFile(`逾期承诺-${today}.${format}`, EXPORT_MIME[format], data);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };
  const pick = (key: keyof OverdueFilter, label: string, options: string[]) => (
    <label>
      {label}
      <select name={key} value={filter[key] ?? ''} onChange={(e) => setFilter({ ...filter, [key]: (e.currentTarget as HTMLSelectElement).value || undefined })}>
        <option value="">{t('overdueAll')}</option>
        {options.map((o) => <option key={o} value={o}>{o}</option>)}
      </select>
    </label>
  );
  return (
    <div class="sp-overdue">
      <p class="sp-muted">{t('overdueIntro', formatGongwenDate(today))}</p>
      <div class="sp-row sp-filters">
        {pick('organization', t('overdueOrganization'), distinct(rows.map((r) => r.organization)))}
        {pick('year', t('overdueYear'), distinct(rows.map((r) => r.deadline.slice(0, 4))))}
        {pick('latestStatus', t('overdueStatus'), distinct(rows.map((r) => r.latestStatus)))}
      </div>
      <div class="sp-row">
        <span role="status">{t('overdueCount', shown.length, rows.length)}</span>
        <button data-action="overdue-md" disabled={!shown.length} onClick={() => void exportAs('md')}>Markdown</button>
        <button data-action="overdue-xlsx" disabled={!shown.length} onClick={() => void exportAs('xlsx')}>Excel</button>
      </div>
      {error && <p class="sp-error" role="alert">{error}</p>}
      {shown.length === 0 ? <p class="sp-muted">{t('overdueNone')}</p> : (
        <table class="sp-table">
          <thead><tr><th>{t('overdueDays')}</th><th>{t('overdueOrganization')}</th><th>{t('overdueItem')}</th><th>{t('overdueStatus')}</th></tr></thead>
          <tbody>{shown.map((r) => <OverdueRow key={`${r.noticeKey}|${r.noticeDate}|${r.itemLabel}|${r.deadline}`} r={r} />)}</tbody>
        </table>
      )}
    </div>
  );
}

function OverdueRow({ r }: { r: OverdueCommitmentRow }) {
  const href = passageUrl(r);
  return (
    <tr data-overdue-days={r.days}>
      <td>{r.days}</td>
      <td>{r.organization}</td>
      <td>
        {r.itemLabel}
        <div class="sp-muted">“{r.deadlineText}”（{formatGongwenDate(r.deadline)}）· {formatGongwenDate(r.noticeDate, '?')}</div>
        {href ? <button class="sp-link" onClick={() => void browser.tabs.create({ url: href })}>{t('overdueOpen')}</button> : <span class="sp-muted">{t('overdueNoAddress')}</span>}
      </td>
      <td>{r.latestStatus}</td>
    </tr>
  );
}
