import { useEffect, useState } from 'preact/hooks';
import { useLiveQuery } from 'dexie-react-hooks';
import { browser } from 'wxt/browser';
import type { ItemStatus, Notice, PageState } from '@/lib/schema';
import { listOverrides } from '@/lib/db';
import { sendToBackground } from '@/lib/messaging';
import { formatGongwenDate } from '@/lib/export/format';
import { t } from '@/lib/i18n';
import { statusLabel, tooLargeMessage } from '../common/labels';
import { effectiveStatus } from '../common/outline';
import { scrollPage, sidePanelDb } from './hooks';
import { FindingList } from '../common/FindingList';
import { ExportBar } from './ExportBar';
import { ItemCard } from './ItemCard';
import { AnalyzeTabDocument, looksLikeDocumentUrl } from './AnalyzeTabDocument';

interface Props {
  tabId: number | null;
  state: PageState | null;
  onRefresh: () => void;
}

export function CurrentNotice({ tabId, state, onRefresh }: Props) {
  // a PDF/Word file open in the browser: "not a notice" would describe the viewer page, not the file
  if (tabId !== null && state && state.status !== 'ready' && looksLikeDocumentUrl(state.url)) return <section class="sp-empty"><AnalyzeTabDocument tabId={tabId} /></section>;
  if (!state || state.status !== 'ready' || !state.notice) return <NotAnalyzed tabId={tabId} state={state} onRefresh={onRefresh} />;
  return <NoticeReview tabId={tabId} state={state} notice={state.notice} />;
}

function NotAnalyzed({ tabId, state, onRefresh }: Props) {
  const [remember, setRemember] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const origin = useSiteOrigin(tabId);
  const analyze = () => {
    setError(null);
    if (tabId === null) return;
    // The user's click is the gesture that grants this site (optional host permission). Firefox accepts the
    // request only while the click is being handled, so it is made here, before anything is awaited.
    const allowed = origin ? browser.permissions.request({ origins: [origin] }) : Promise.resolve(true);
    void allowed
      .then(async (granted) => {
        if (!granted) return setError(t('permissionDenied'));
        await sendToBackground({ type: 'analyze-tab', tabId, remember });
        onRefresh();
      })
      .catch((err: unknown) => setError(err instanceof Error ? err.message : String(err)));
  };
  if (state?.status === 'too_large') return <section class="sp-empty"><p role="status">{tooLargeMessage(state)}</p></section>;
  const message = !state ? t('pageNoScript') : state.status === 'not_notice' ? t('pageNotNotice') : state.status === 'disabled' ? t('pageDisabled') : t('pageAnalyzing');
  return (
    <section class="sp-empty">
      <p>{message}</p>
      {state?.detect && (
        <details>
          <summary>{t('whyNotDetected', String(state.detect.score))}</summary>
          <ul>{state.detect.reasons.map((r, i) => <li key={i}>{r.detail}</li>)}</ul>
        </details>
      )}
      <div class="sp-row">
        <button class="sp-primary" onClick={analyze} disabled={tabId === null}>{t('analyzeThisPage')}</button>
        <label><input type="checkbox" checked={remember} onChange={(e) => setRemember((e.currentTarget as HTMLInputElement).checked)} /> {t('rememberSite')}</label>
      </div>
      {error && <p class="sp-error" role="alert">{error}</p>}
      {tabId !== null && !state && <AnalyzeTabDocument tabId={tabId} />}
    </section>
  );
}

/** The bound tab's site as a match pattern (no port), or null when it is not http(s) or its URL is hidden. */
function useSiteOrigin(tabId: number | null): string | null {
  const [origin, setOrigin] = useState<string | null>(null);
  useEffect(() => {
    setOrigin(null);
    if (tabId === null) return;
    const read = () => browser.tabs.get(tabId).then((tab) => {
      const url = tab.url ? new URL(tab.url) : null;
      setOrigin(url && /^https?:$/.test(url.protocol) ? `${url.protocol}//${url.hostname}/*` : null);
    }, () => setOrigin(null));
    void read();
    const onUpdated = (id: number, info: { url?: string; status?: string }) => {
      if (id === tabId && (info.url || info.status === 'complete')) void read();
    };
    browser.tabs.onUpdated.addListener(onUpdated);
    return () => browser.tabs.onUpdated.removeListener(onUpdated);
  }, [tabId]);
  return origin;
}

function NoticeReview({ tabId, state, notice }: { tabId: number | null; state: PageState; notice: Notice }) {
  const db = sidePanelDb();
  const overrides = useLiveQuery(() => (state.noticeKey ? listOverrides(db, state.noticeKey) : Promise.resolve([])), [state.noticeKey]) ?? [];
  const [filter, setFilter] = useState<ItemStatus | 'all'>('all');
  const go = (s: number, e: number) => void scrollPage(tabId, s, e);
  const items = notice.items.filter((it) => filter === 'all' || effectiveStatus(it, overrides).status === filter);
  return (
    <div class="sp-notice">
      <MetaBlock notice={notice} />
      <section>
        <FindingList findings={notice.findings} prefix="sp" onPick={go} />
      </section>
      <section>
        <h3>
          {t('problemItems')} <span class="sp-count">{notice.items.length}</span>
          <select class="sp-filter" aria-label={t('filterStatus')} value={filter} onChange={(e) => setFilter((e.currentTarget as HTMLSelectElement).value as ItemStatus | 'all')}>
            <option value="all">{t('all')}</option>
            {(['done', 'in_progress', 'long_term', 'unclear'] as const).map((s) => <option key={s} value={s}>{statusLabel(s)}</option>)}
          </select>
        </h3>
        <ul class="sp-items">
          {items.map((it) => <ItemCard key={it.id} item={it} overrides={overrides} noticeKey={state.noticeKey} tabId={tabId} onGo={go} />)}
        </ul>
      </section>
      <ExportBar notice={notice} text={state.text ?? ''} url={state.url} noticeKey={state.noticeKey} snapshotHash={state.snapshotHash} comparison={null} />
    </div>
  );
}

export function MetaBlock({ notice }: { notice: Notice }) {
  const m = notice.meta;
  const date = (d: string | null | undefined) => (d ? formatGongwenDate(d) : t('unknown'));
  const period = (p: { start: string | null; end: string | null } | null) => (p ? `${date(p.start)} — ${date(p.end)}` : t('unknown'));
  const rows: Array<[string, string]> = [
    [t('metaOrganization'), m.organization ?? t('unknown')],
    [t('metaInspectionBody'), m.inspectionBody ?? t('unknown')],
    [t('metaInspectionPeriod'), period(m.inspectionPeriod)],
    [t('metaFeedbackDate'), date(m.feedbackDate)],
    [t('metaPublishDate'), date(m.publishDate)],
    [t('metaDisclosurePeriod'), period(m.disclosurePeriod)],
  ];
  const contacts = [...m.contacts.phones, ...m.contacts.emails, ...m.contacts.addresses, ...m.contacts.postcodes];
  return (
    <section class="sp-meta">
      <h2>{m.title ?? t('untitledNotice')}</h2>
      <dl>
        {rows.map(([k, v]) => (<><dt key={`k${k}`}>{k}</dt><dd key={`v${k}`}>{v}</dd></>))}
        {contacts.length > 0 && (<><dt>{t('metaContacts')}</dt><dd>{contacts.join('；')}</dd></>)}
      </dl>
    </section>
  );
}
