import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { useLiveQuery } from 'dexie-react-hooks';
import { annotationPredicate, conflictingVersions, listAnnotations, listSnapshots, recentAnnotations, restoreAnnotation, softDeleteAnnotation } from '@/lib/db';
import { PRESET_TAGS, type Annotation, type Notice, type PageState, type ProblemItem, type Severity } from '@/lib/schema';
import { sendToTab } from '@/lib/messaging';
import { t } from '@/lib/i18n';
import { severityLabel } from '../common/labels';
import { AnnotationCard } from './AnnotationCard';
import { scrollPage, sidePanelDb } from './hooks';

const PAGE_SIZE = 60;

interface Filters {
  query: string;
  tag: string;
  severity: Severity | '';
  orphansOnly: boolean;
}

const NO_FILTERS: Filters = { query: '', tag: '', severity: '', orphansOnly: false };

/**
 * The reviewer's annotations, for the open notice or all notices. A large library shows at once: the
 * first screen of the unfiltered list comes from a query that reads only those records while the whole
 * list loads; the whole list is read once per scope and filtered in memory as the user types (search
 * text normalized once per record); cards are rendered a page at a time as the list scrolls.
 */
export function AnnotationsView({ tabId, state }: { tabId: number | null; state: PageState | null }) {
  const db = sidePanelDb();
  const [scope, setScope] = useState<'notice' | 'all'>(state?.noticeKey ? 'notice' : 'all');
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [shown, setShown] = useState(PAGE_SIZE);
  const [undo, setUndo] = useState<Annotation | null>(null);
  const [error, setError] = useState<string | null>(null);
  const noticeKey = scope === 'notice' ? state?.noticeKey ?? undefined : undefined;
  // (all notices are listed newest first, which an index gives a page at a time; one notice is in text order)
  const firstScreen = useLiveQuery(() => (noticeKey ? Promise.resolve(undefined) : recentAnnotations(db, PAGE_SIZE)), [noticeKey]);
  // The whole list is read after the first screen: IndexedDB answers one request at a time, and reading
  // thousands of records first would hold up the few shown first (~130 ms more with 10 000 annotations).
  const firstScreenRead = noticeKey !== undefined || firstScreen !== undefined;
  const all = useLiveQuery(() => (firstScreenRead ? listAnnotations(db, { noticeKey }) : Promise.resolve(undefined)), [noticeKey, firstScreenRead]);
  const versions = useLiveQuery(() => (state?.noticeKey ? listSnapshots(db, state.noticeKey) : Promise.resolve([])), [state?.noticeKey]) ?? [];
  useEffect(() => setShown(PAGE_SIZE), [noticeKey, filters]);
  const anchors = useMemo(() => new Map((state?.anchors ?? []).map((a) => [a.id, a])), [state?.anchors]);
  // not found where it is read: on this page's version (another version's note included), else as stored
  const isOrphan = (a: Annotation) => {
    const anchor = anchors.get(a.id);
    return anchor ? anchor.state === 'orphan' : a.anchorState === 'orphan';
  };
  const list = useMemo(() => {
    if (!all) return undefined;
    const { query, tag, severity, orphansOnly } = filters;
    const matches = annotationPredicate({ query: query.trim() || undefined, tag: tag || undefined, severity: severity || undefined });
    return all.filter((a) => matches(a) && (!orphansOnly || isOrphan(a)));
    // isOrphan reads anchors only
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [all, filters, anchors]);
  const unfiltered = !filters.query && !filters.tag && !filters.severity && !filters.orphansOnly;
  const rows = list ?? (unfiltered ? firstScreen : undefined);
  const shownRows = (rows ?? []).slice(0, shown);
  const conflicts = useLiveQuery(() => conflictingVersions(db, shownRows), [shownRows.map((a) => a.id).join('\n')]);
  const allTags = useMemo(() => [...new Set([...PRESET_TAGS, ...(all ?? []).flatMap((a) => a.tags)])], [all]);
  const notifyPage = () => (tabId !== null ? sendToTab(tabId, { type: 'reload-annotations' }).catch(() => undefined) : undefined);
  const reportFailure = (err: unknown) => setError(t('saveFailed', err instanceof Error ? err.message : String(err)));
  const remove = async (a: Annotation) => {
    setError(null);
    try {
      await softDeleteAnnotation(db, a.id);
    } catch (err) {
      return reportFailure(err);
    }
    setUndo(a);
    await notifyPage();
  };
  const restore = async () => {
    if (!undo) return;
    setError(null);
    try {
      await restoreAnnotation(db, undo.id);
    } catch (err) {
      return reportFailure(err);
    }
    setUndo(null);
    await notifyPage();
  };
  const set = <K extends keyof Filters>(key: K, value: Filters[K]) => setFilters((f) => ({ ...f, [key]: value }));
  return (
    <div class="sp-annotations">
      <div class="sp-toolbar sp-annotation-filters">
        <input type="search" name="annotationQuery" aria-label={t('searchAnnotations')} placeholder={t('searchAnnotations')} value={filters.query} onInput={(e) => set('query', (e.currentTarget as HTMLInputElement).value)} />
        <select aria-label={t('annotationScope')} value={scope} onChange={(e) => setScope((e.currentTarget as HTMLSelectElement).value as 'notice' | 'all')}>
          <option value="notice" disabled={!state?.noticeKey}>{t('scopeThisNotice')}</option>
          <option value="all">{t('scopeAllNotices')}</option>
        </select>
        <select aria-label={t('annotationTags')} value={filters.tag} onChange={(e) => set('tag', (e.currentTarget as HTMLSelectElement).value)}>
          <option value="">{t('allTags')}</option>
          {allTags.map((x) => <option key={x} value={x}>{x}</option>)}
        </select>
        <select aria-label={t('annotationSeverity')} value={filters.severity} onChange={(e) => set('severity', (e.currentTarget as HTMLSelectElement).value as Severity | '')}>
          <option value="">{t('allSeverities')}</option>
          {(['high', 'medium', 'low'] as const).map((s) => <option key={s} value={s}>{severityLabel(s)}</option>)}
        </select>
        <label><input type="checkbox" checked={filters.orphansOnly} onChange={(e) => set('orphansOnly', (e.currentTarget as HTMLInputElement).checked)} /> {t('orphansOnly')}</label>
      </div>
      {error && <p class="sp-error" role="alert">{error}</p>}
      {undo && (
        <div class="sp-toast" role="status">
          {t('annotationDeleted')} <button class="sp-primary" onClick={restore}>{t('undo')}</button>
        </div>
      )}
      {rows === undefined ? <p class="sp-muted">{t('loading')}</p> : rows.length === 0 ? <p class="sp-muted">{t('noAnnotations')}</p> : (
        <>
          <p class="sp-muted">{list ? t('annotationCount', String(list.length)) : t('annotationsLoadingAll')}</p>
          <ul class="sp-list sp-annotation-list">
            {rows.slice(0, shown).map((a) => {
              const anchor = anchors.get(a.id);
              const at = anchor?.start != null && anchor.end != null ? { start: anchor.start, end: anchor.end } : null;
              return (
                <AnnotationCard key={a.id} a={a} orphan={isOrphan(a)} anchor={anchor} versions={versions} others={conflicts?.get(a.id)}
                  item={at ? itemAt(state?.notice ?? null, at.start) : null}
                  onItem={(it) => void scrollPage(tabId, it.start, Math.min(it.end, it.start + 60))}
                  onGo={at ? () => void scrollPage(tabId, at.start, at.end) : null}
                  onDelete={() => remove(a)} onSaved={notifyPage} />
              );
            })}
          </ul>
          {list && shown < list.length && <LoadMore onMore={() => setShown((n) => n + PAGE_SIZE)} label={t('showMore', String(list.length - shown))} />}
        </>
      )}
    </div>
  );
}

/** Loads the next page when it scrolls into view (or on click): the list never renders thousands of rows at once. */
function LoadMore({ onMore, label }: { onMore: () => void; label: string }) {
  const ref = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!ref.current || typeof IntersectionObserver === 'undefined') return;
    const io = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && onMore());
    io.observe(ref.current);
    return () => io.disconnect();
  }, [onMore]);
  return <button ref={ref} class="sp-small" onClick={onMore}>{label}</button>;
}

/** The problem item of this notice a passage lies in, if any. */
function itemAt(notice: Notice | null, offset: number): ProblemItem | null {
  return notice?.items.find((it) => it.start <= offset && offset < it.end) ?? null;
}
