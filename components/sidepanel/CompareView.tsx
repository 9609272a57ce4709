import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { useLiveQuery } from 'dexie-react-hooks';
import { getSnapshot, listOverrides, listVersions, type VersionSummary } from '@/lib/db';
import { compareCandidates, compareNotices } from '@/lib/compare';
import type { IngestedNotice } from '@/lib/ingest';
import type { Comparison, Notice, NoticeSnapshot, PageState } from '@/lib/schema';
import { formatGongwenDate } from '@/lib/gongwen';
import { t } from '@/lib/i18n';
import { CompareChooser, type AdHocNotice } from './CompareChooser';
import { CompareResult } from './CompareResult';
import type { CompareFocus } from './compare-focus';
import { ExportBar } from './ExportBar';
import { scrollPage, sidePanelDb } from './hooks';
import './compare-library.css';

export type { CompareFocus } from './compare-focus';

/** The notice being compared: the open page, or a saved version chosen in the library. */
interface Current {
  notice: Notice;
  text: string;
  url: string | null;
  noticeKey: string | null;
  snapshotHash: string | null;
}

interface Earlier {
  notice: Notice;
  text: string;
  noticeKey: string | null;
}

const NO_VERSIONS: VersionSummary[] = [];

function fromPage(state: PageState | null): Current | null {
  if (state?.status !== 'ready' || !state.notice || !state.text) return null;
  return { notice: state.notice, text: state.text, url: state.url ?? null, noticeKey: state.noticeKey, snapshotHash: state.snapshotHash };
}

function fromSnapshot(s: NoticeSnapshot | undefined): Current | null {
  return s ? { notice: s.model, text: s.text, url: s.url, noticeKey: s.noticeKey, snapshotHash: s.hash } : null;
}

interface Props {
  tabId: number | null;
  state: PageState | null;
  focus?: CompareFocus | null;
  onLeaveFocus?: () => void;
}

export function CompareView({ tabId, state, focus = null, onLeaveFocus }: Props) {
  const db = sidePanelDb();
  const versions = useLiveQuery(() => listVersions(db), []) ?? NO_VERSIONS;
  const focused = useLiveQuery(() => (focus ? getSnapshot(db, focus.current) : Promise.resolve(undefined)), [focus?.current]);
  const current = focus ? fromSnapshot(focused) : fromPage(state);
  const meta = current?.notice.meta;
  const candidates = useMemo(
    () => compareCandidates(versions, { hash: current?.snapshotHash ?? null, organization: meta?.organization ?? null, publishDate: meta?.publishDate ?? null }),
    [versions, current?.snapshotHash, meta?.organization, meta?.publishDate],
  );
  const preselected = focus ? focus.earlier : candidates.preselected;
  // The pre-selection holds until the reviewer ticks or unticks anything.
  const [touched, setTouched] = useState<Set<string> | null>(null);
  const picked = touched ?? new Set(preselected ? [preselected] : []);
  const [adHoc, setAdHoc] = useState<AdHocNotice[]>([]);
  const [result, setResult] = useState<Comparison | null>(null);
  const [chooserOpen, setChooserOpen] = useState(true);
  const [runs, setRuns] = useState(0);
  const [error, setError] = useState<string | null>(null);

  const run = async (target: Current) => {
    setError(null);
    try {
      const earlier: Earlier[] = [];
      for (const hash of picked) {
        const snap = await getSnapshot(db, hash);
        if (snap) earlier.push({ noticeKey: snap.noticeKey, notice: snap.model, text: snap.text });
      }
      earlier.push(...adHoc.map((a) => ({ noticeKey: null, notice: a.notice, text: a.text })));
      earlier.sort((a, b) => (a.notice.meta.publishDate ?? '').localeCompare(b.notice.meta.publishDate ?? ''));
      if (!earlier.length) return setError(t('compareNeedsEarlier'));
      const overridesOf = async (key: string | null) => (key ? listOverrides(db, key) : []);
      setResult(compareNotices(target.notice, earlier.map((e) => e.notice), {
        overrides: { current: await overridesOf(target.noticeKey), earlier: await Promise.all(earlier.map((e) => overridesOf(e.noticeKey))) },
        texts: { current: target.text, earlier: earlier.map((e) => e.text || undefined) },
      }));
      setRuns((n) => n + 1);
      setChooserOpen(false);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };
  // Two versions chosen in the library are compared at once (once: later runs are the reviewer's).
  const ranFocus = useRef(false);
  const runLatest = useRef(run);
  runLatest.current = run;
  useEffect(() => {
    const target = focus ? fromSnapshot(focused) : null;
    if (!target || ranFocus.current) return;
    ranFocus.current = true;
    void runLatest.current(target);
  }, [focus, focused]);

  if (!current) return <p class="sp-muted">{focus ? t('loading') : t('compareNeedsCurrent')}</p>;
  const pick = (hash: string, on: boolean) => {
    const next = new Set(picked);
    if (on) next.add(hash);
    else next.delete(hash);
    setTouched(next);
  };
  const addAdHoc = (name: string, got: IngestedNotice) => setAdHoc((xs) => [...xs, { ...got, id: `adhoc-${xs.length}-${name}`, name }]);
  const jump = focus ? null : (start: number, end: number) => void scrollPage(tabId, start, end);
  return (
    <div class="sp-compare">
      {focus && (
        <p class="sp-hint sp-compare-focus">
          {t('compareFocus', `${current.notice.meta.title ?? current.url ?? ''} ${formatGongwenDate(current.notice.meta.publishDate)}`)}{' '}
          {onLeaveFocus && <button class="sp-small" onClick={onLeaveFocus}>{t('compareBackToPage')}</button>}
        </p>
      )}
      <ExportBar notice={current.notice} text={current.text} url={current.url} noticeKey={current.noticeKey} snapshotHash={current.snapshotHash} comparison={result} />
      <details class="sp-compare-chooser" open={chooserOpen} onToggle={(e) => setChooserOpen((e.currentTarget as HTMLDetailsElement).open)}>
        <summary><h3>{t('compareEarlier')} <span class="sp-count">{picked.size + adHoc.length}</span></h3></summary>
        <CompareChooser groups={candidates.groups} picked={picked} onPick={pick} adHoc={adHoc} onAdHoc={addAdHoc} onError={setError} preselected={!touched && !focus && preselected !== null} />
      </details>
      <div class="sp-row"><button class="sp-primary" data-action="compare" onClick={() => void run(current)}>{t('compareRun')}</button></div>
      {error && <p class="sp-error" role="alert">{error}</p>}
      {result && <CompareResult key={runs} result={result} notice={current.notice} onJump={jump} />}
    </div>
  );
}
