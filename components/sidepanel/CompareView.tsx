import { useMemo, useState } from 'preact/hooks';
import { useLiveQuery } from 'dexie-react-hooks';
import { getSnapshot, listNotices, listOverrides, listSnapshots } from '@/lib/db';
import { compareNotices } from '@/lib/compare';
import { ingestText, type IngestedNotice } from '@/lib/ingest';
import type { Comparison, ItemChange, NoticeRecord, NoticeSnapshot, PageState } from '@/lib/schema';
import { formatGongwenDate } from '@/lib/export/format';
import { t } from '@/lib/i18n';
import { CHANGE_LABELS, matchConfidenceLabel } from '@/lib/labels';
import { changeLabel, deadlineChangeLabel, statusText } from '../common/labels';
import { ingestFile, NOTICE_FILE_ACCEPT } from './LibraryView';
import { ExportBar } from './ExportBar';
import { scrollPage, sidePanelDb } from './hooks';

/** A text the current notice can be compared with: one snapshot in the library. */
interface Candidate {
  hash: string;
  title: string | null;
  url: string;
  organization: string | null;
  publishDate: string | null;
}

interface Earlier extends IngestedNotice {
  id: string;
  name: string;
  noticeKey: string | null;
}

/** Stable empty lists while the queries load (a new [] each render would recompute the suggestions). */
const NO_NOTICES: NoticeRecord[] = [];
const NO_SNAPSHOTS: NoticeSnapshot[] = [];

export function CompareView({ tabId, state }: { tabId: number | null; state: PageState | null }) {
  const db = sidePanelDb();
  const notices = useLiveQuery(() => listNotices(db), []) ?? NO_NOTICES;
  const [picked, setPicked] = useState<Set<string>>(new Set());
  const [adHoc, setAdHoc] = useState<Earlier[]>([]);
  const [paste, setPaste] = useState('');
  const [result, setResult] = useState<Comparison | null>(null);
  const [filter, setFilter] = useState<ItemChange | null>(null);
  const [error, setError] = useState<string | null>(null);
  const current = state?.status === 'ready' && state.notice && state.text ? { notice: state.notice, text: state.text, noticeKey: state.noticeKey, snapshotHash: state.snapshotHash } : null;
  // A later notice with the same organization and title is filed as a new snapshot of the same library
  // notice, so the earlier one is among the current notice's own snapshots, not among the other notices.
  const ownSnapshots = useLiveQuery(() => (state?.noticeKey ? listSnapshots(db, state.noticeKey) : Promise.resolve([])), [state?.noticeKey]) ?? NO_SNAPSHOTS;
  const noticeKey = state?.noticeKey ?? null;
  const snapshotHash = state?.snapshotHash ?? null;
  const organization = state?.notice?.meta.organization ?? null;
  const candidates = useMemo(
    () => suggestEarlier(notices, ownSnapshots, { noticeKey, snapshotHash, organization }),
    [notices, ownSnapshots, noticeKey, snapshotHash, organization],
  );

  const run = async () => {
    setError(null);
    if (!current) return;
    try {
      const fromLibrary: Earlier[] = [];
      for (const hash of picked) {
        const snap = await getSnapshot(db, hash);
        if (snap) fromLibrary.push({ id: hash, name: snap.title ?? snap.url, noticeKey: snap.noticeKey, notice: snap.model, text: snap.text });
      }
      const earlier = [...fromLibrary, ...adHoc].sort((a, b) => (a.notice.meta.publishDate ?? '').localeCompare(b.notice.meta.publishDate ?? ''));
      if (!earlier.length) return setError(t('compareNeedsEarlier'));
      const overridesOf = async (key: string | null) => (key ? listOverrides(db, key) : []);
      const comparison = compareNotices(current.notice, earlier.map((e) => e.notice), {
        overrides: {
          current: await overridesOf(current.noticeKey),
          earlier: await Promise.all(earlier.map((e) => overridesOf(e.noticeKey))),
        },
        texts: { current: current.text, earlier: earlier.map((e) => e.text || undefined) },
      });
      setResult(comparison);
      setFilter(null);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };
  const addAdHoc = (name: string, got: IngestedNotice) => setAdHoc((xs) => [...xs, { ...got, id: `adhoc-${xs.length}-${name}`, name, noticeKey: null }]);
  const addFiles = async (files: FileList | null) => {
    for (const f of Array.from(files ?? [])) {
      try {
        addAdHoc(f.name, await ingestFile(f));
      } catch (err) {
        setError(err instanceof Error ? err.message : String(err));
      }
    }
  };

  if (!current) return <p class="sp-muted">{t('compareNeedsCurrent')}</p>;
  const rows = result ? result.rows.filter((r) => !filter || r.change === filter) : [];
  return (
    <div class="sp-compare">
      <section>
        <h3>{t('compareEarlier')}</h3>
        {candidates.length === 0 && <p class="sp-muted">{t('compareNoCandidates')}</p>}
        <ul class="sp-list">
          {candidates.map((n) => (
            <li key={n.hash}>
              <label>
                <input type="checkbox" name="earlier" value={n.hash} checked={picked.has(n.hash)} onChange={(e) => {
                  const next = new Set(picked);
                  if ((e.currentTarget as HTMLInputElement).checked) next.add(n.hash);
                  else next.delete(n.hash);
                  setPicked(next);
                }} />{' '}
                {n.title ?? n.url} <span class="sp-muted">{n.publishDate ? formatGongwenDate(n.publishDate) : ''}</span>
              </label>
            </li>
          ))}
          {adHoc.map((e) => <li key={e.id}>{e.name} <span class="sp-muted">{formatGongwenDate(e.notice.meta.publishDate)}</span></li>)}
        </ul>
        <details>
          <summary>{t('compareFromFileOrPaste')}</summary>
          <label class="sp-file">{t('chooseFile')}<input type="file" name="earlierFile" accept={NOTICE_FILE_ACCEPT} multiple onChange={(e) => void addFiles((e.currentTarget as HTMLInputElement).files)} /></label>
          <textarea name="earlierPaste" rows={4} placeholder={t('pastePlaceholder')} value={paste} onInput={(e) => setPaste((e.currentTarget as HTMLTextAreaElement).value)} />
          <button onClick={() => { if (paste.trim()) { addAdHoc(t('pastedNotice'), ingestText(paste)); setPaste(''); } }}>{t('addPasted')}</button>
        </details>
        <div class="sp-row"><button class="sp-primary" data-action="compare" onClick={() => void run()}>{t('compareRun')}</button></div>
        {error && <p class="sp-error" role="alert">{error}</p>}
      </section>
      {result && (
        <>
          <section>
            <h3>{t('compareSummary')}</h3>
            <div class="sp-summary">
              <button class={filter === null ? 'sp-active' : ''} onClick={() => setFilter(null)}>{t('all')} {result.rows.length}</button>
              {(Object.keys(CHANGE_LABELS) as ItemChange[]).filter((c) => result.summary[c]).map((c) => (
                <button key={c} data-change={c} class={filter === c ? 'sp-active' : ''} onClick={() => setFilter(c)}>{changeLabel(c)} {result.summary[c]}</button>
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
          <table class="sp-table">
            <thead><tr><th>{t('compareChange')}</th><th>{t('compareEarlierItem')}</th><th>{t('compareCurrentItem')}</th><th>{t('compareDetails')}</th></tr></thead>
            <tbody>
              {rows.map((r, i) => {
                const item = r.currentItem ? current.notice.items.find((x) => x.id === r.currentItem!.id) : undefined;
                return (
                  <tr key={i} class={`sp-change-${r.change}`} data-change={r.change}>
                    <td>{changeLabel(r.change)}{r.score !== null && <div class="sp-muted" data-score={r.score} title={t('matchScore', r.score.toFixed(2))}>{matchConfidenceLabel(r.score)}</div>}</td>
                    <td>{r.earlierItem ? `${r.earlierItem.label}（${statusText(r.earlierItem.status, r.earlierItem.certainty ?? 'stated')}）` : '—'}</td>
                    <td>{r.currentItem ? <button class="sp-link" onClick={() => item && void scrollPage(tabId, item.start, Math.min(item.end, item.start + 60))}>{r.currentItem.label}（{statusText(r.currentItem.status, r.currentItem.certainty ?? 'stated')}）</button> : '—'}</td>
                    <td>
                      {r.numberChanges.map((n, j) => <div key={`n${j}`}>{n.context}{n.beforeText} → {n.afterText}（{n.delta > 0 ? '+' : ''}{n.delta}{n.unit}）</div>)}
                      {r.deadlineChanges.map((d, j) => <div key={`d${j}`}>{deadlineChangeLabel(d.kind)}：{formatGongwenDate(d.before, '—')} → {formatGongwenDate(d.after, '—')}{d.days !== null ? t('deadlineDays', Math.abs(d.days)) : ''}</div>)}
                      {r.history.length > 1 && (
                        <ol class="sp-history">{r.history.map((h, j) => <li key={j}>{formatGongwenDate(h.noticeDate)} {h.status === 'absent' ? t('absent') : statusText(h.status, h.certainty ?? 'stated')}{h.source === 'override' ? `（${t('overridden')}）` : ''}{h.evidence ? `「${h.evidence}」` : ''}</li>)}</ol>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </>
      )}
      <ExportBar notice={current.notice} text={current.text} url={state?.url ?? null} noticeKey={current.noticeKey} snapshotHash={current.snapshotHash} comparison={result} />
    </div>
  );
}

/**
 * What the current page can be compared with: the other snapshots of its own library notice (earlier notices
 * of the same organization and title, earlier versions of the page) and the latest text of every other
 * notice; same organization first, then newest.
 */
/** What the suggestions depend on in the page state: which notice and version are open, and its organization. */
type OpenNotice = { noticeKey: string | null; snapshotHash: string | null; organization: string | null } | null;

function suggestEarlier(notices: NoticeRecord[], ownSnapshots: NoticeSnapshot[], state: OpenNotice): Candidate[] {
  const org = state?.organization ?? null;
  const own = ownSnapshots
    .filter((s) => s.hash !== state?.snapshotHash)
    .map((s): Candidate => ({ hash: s.hash, title: s.title, url: s.url, organization: s.organization, publishDate: s.publishDate }));
  const others = notices
    .filter((n) => n.key !== state?.noticeKey)
    .map((n): Candidate => ({ hash: n.latestHash, title: n.title, url: n.urls[0] ?? n.key, organization: n.organization, publishDate: n.publishDate }));
  return [...own, ...others].sort(
    (a, b) => Number(b.organization === org) - Number(a.organization === org) || (b.publishDate ?? '').localeCompare(a.publishDate ?? ''),
  );
}

