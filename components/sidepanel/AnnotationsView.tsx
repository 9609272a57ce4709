import { useEffect, useRef, useState } from 'preact/hooks';
import { useLiveQuery } from 'dexie-react-hooks';
import { conflictingVersions, listAnnotations, listSnapshots, restoreAnnotation, softDeleteAnnotation, StaleAnnotationError, updateAnnotation, versionOf } from '@/lib/db';
import { annotationInputProblem } from '@/lib/annotation-input';
import { placementText, type VersionInfo } from '@/lib/annotation-versions';
import { PRESET_TAGS, type Annotation, type AnnotationAnchor, type Notice, type PageState, type ProblemItem, type Severity } from '@/lib/schema';
import { formatGongwenDate } from '@/lib/gongwen';
import { sendToTab } from '@/lib/messaging';
import { t } from '@/lib/i18n';
import { severityLabel } from '../common/labels';
import { TagPicker } from '../common/TagPicker';
import { scrollPage, sidePanelDb } from './hooks';
import { AnnotationAuthor, ConflictMark } from './AnnotationByline';

const PAGE_SIZE = 100;

export function AnnotationsView({ tabId, state }: { tabId: number | null; state: PageState | null }) {
  const db = sidePanelDb();
  const [scope, setScope] = useState<'notice' | 'all'>(state?.noticeKey ? 'notice' : 'all');
  const [query, setQuery] = useState('');
  const [tag, setTag] = useState('');
  const [severity, setSeverity] = useState<Severity | ''>('');
  const [orphansOnly, setOrphansOnly] = useState(false);
  const [shown, setShown] = useState(PAGE_SIZE);
  const [undo, setUndo] = useState<Annotation | null>(null);
  const noticeKey = scope === 'notice' ? state?.noticeKey ?? undefined : undefined;
  const annotations = useLiveQuery(
    () => listAnnotations(db, { noticeKey, query: query.trim() || undefined, tag: tag || undefined, severity: severity || undefined }),
    [noticeKey, query, tag, severity],
  );
  const versions = useLiveQuery(() => (state?.noticeKey ? listSnapshots(db, state.noticeKey) : Promise.resolve([])), [state?.noticeKey]) ?? [];
  useEffect(() => setShown(PAGE_SIZE), [noticeKey, query, tag, severity, orphansOnly]);
  const anchors = new Map((state?.anchors ?? []).map((a) => [a.id, a]));
  // not found where it is read: on this page's version (another version's note included), else as stored
  const isOrphan = (a: Annotation) => {
    const anchor = anchors.get(a.id);
    return anchor ? anchor.state === 'orphan' : a.anchorState === 'orphan';
  };
  const notifyPage = () => (tabId !== null ? sendToTab(tabId, { type: 'reload-annotations' }).catch(() => undefined) : undefined);
  const [error, setError] = useState<string | null>(null);
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
  const allTags = [...new Set([...PRESET_TAGS, ...(annotations ?? []).flatMap((a) => a.tags)])];
  const list = (annotations ?? []).filter((a) => !orphansOnly || isOrphan(a));
  const shownIds = list.slice(0, shown).map((a) => a.id).join('\n');
  const conflicts = useLiveQuery(() => conflictingVersions(db, list.slice(0, shown)), [shownIds]);
  return (
    <div class="sp-annotations">
      <div class="sp-toolbar">
        <select aria-label={t('annotationScope')} value={scope} onChange={(e) => setScope((e.currentTarget as HTMLSelectElement).value as 'notice' | 'all')}>
          <option value="notice" disabled={!state?.noticeKey}>{t('scopeThisNotice')}</option>
          <option value="all">{t('scopeAllNotices')}</option>
        </select>
        <input type="search" name="annotationQuery" placeholder={t('searchAnnotations')} value={query} onInput={(e) => setQuery((e.currentTarget as HTMLInputElement).value)} />
        <select aria-label={t('annotationTags')} value={tag} onChange={(e) => setTag((e.currentTarget as HTMLSelectElement).value)}>
          <option value="">{t('allTags')}</option>
          {allTags.map((x) => <option key={x} value={x}>{x}</option>)}
        </select>
        <select aria-label={t('annotationSeverity')} value={severity} onChange={(e) => setSeverity((e.currentTarget as HTMLSelectElement).value as Severity | '')}>
          <option value="">{t('allSeverities')}</option>
          {(['high', 'medium', 'low'] as const).map((s) => <option key={s} value={s}>{severityLabel(s)}</option>)}
        </select>
        <label><input type="checkbox" checked={orphansOnly} onChange={(e) => setOrphansOnly((e.currentTarget as HTMLInputElement).checked)} /> {t('orphansOnly')}</label>
      </div>
      {error && <p class="sp-error" role="alert">{error}</p>}
      {undo && (
        <div class="sp-toast" role="status">
          {t('annotationDeleted')} <button class="sp-primary" onClick={restore}>{t('undo')}</button>
        </div>
      )}
      {annotations === undefined ? <p class="sp-muted">{t('loading')}</p> : list.length === 0 ? <p class="sp-muted">{t('noAnnotations')}</p> : (
        <>
          <p class="sp-muted">{t('annotationCount', String(list.length))}</p>
          <ul class="sp-list sp-annotation-list">
            {list.slice(0, shown).map((a) => {
              const anchor = anchors.get(a.id);
              const orphan = isOrphan(a);
              return (
                <AnnotationCard key={a.id} a={a} orphan={orphan} anchor={anchor} versions={versions} others={conflicts?.get(a.id)}
                  item={anchor?.start != null ? itemAt(state?.notice ?? null, anchor.start) : null}
                  onItem={(it) => void scrollPage(tabId, it.start, Math.min(it.end, it.start + 60))} onGo={anchor?.start != null ? () => void scrollPage(tabId, anchor.start!, anchor.end!) : null}
                  onDelete={() => remove(a)} onSaved={notifyPage} />
              );
            })}
          </ul>
          {shown < list.length && <LoadMore onMore={() => setShown((n) => n + PAGE_SIZE)} label={t('showMore', String(list.length - shown))} />}
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

function AnnotationCard({ a, orphan, anchor, versions, others, item, onItem, onGo, onDelete, onSaved }: { a: Annotation; orphan: boolean; anchor: AnnotationAnchor | undefined; versions: VersionInfo[]; others: Annotation[] | undefined; item: ProblemItem | null; onItem: (it: ProblemItem) => void; onGo: (() => void) | null; onDelete: () => void; onSaved: () => unknown }) {
  const [editing, setEditing] = useState(false);
  const [note, setNote] = useState(a.note);
  const [tags, setTags] = useState(a.tags);
  const [severity, setSeverity] = useState<Severity>(a.severity);
  // the version the edit started from: a save over someone else's newer save is refused
  const [baseVersion, setBaseVersion] = useState(versionOf(a));
  const [error, setError] = useState<string | null>(null);
  const [stale, setStale] = useState<Annotation | null>(null);
  const startFrom = (from: Annotation) => {
    setNote(from.note);
    setTags(from.tags);
    setSeverity(from.severity);
    setBaseVersion(versionOf(from));
    setError(null);
    setStale(null);
  };
  const save = async (e: Event) => {
    e.preventDefault();
    const problem = annotationInputProblem({ note, tags });
    if (problem) return setError(problem);
    try {
      await updateAnnotation(sidePanelDb(), a.id, { note, tags, severity }, { expectedVersion: baseVersion });
    } catch (err) {
      if (err instanceof StaleAnnotationError) setStale(err.current);
      return setError(err instanceof StaleAnnotationError ? err.message : t('saveFailed', err instanceof Error ? err.message : String(err)));
    }
    setEditing(false);
    setError(null);
    await onSaved();
  };
  return (
    <li class={`sp-annotation sp-sev-${a.severity}${orphan ? ' sp-orphan' : ''}`} data-annotation-id={a.id}>
      <blockquote class="sp-quote">
        {onGo ? <button class="sp-link" onClick={onGo}>{a.quote.exact}</button> : a.quote.exact}
      </blockquote>
      {anchor?.carriedFrom
        ? <span class={`sp-badge ${orphan ? 'sp-badge-orphan' : 'sp-badge-carried'}`}>{placementText(anchor, versions)}</span>
        : orphan && <span class="sp-badge sp-badge-orphan" title={t('orphanHint')}>{t('orphan')}</span>}
      {editing ? (
        <form class="sp-edit" onSubmit={save}>
          <textarea name="note" rows={3} value={note} onInput={(e) => setNote((e.currentTarget as HTMLTextAreaElement).value)} />
          <TagPicker presets={[...PRESET_TAGS]} value={tags} onChange={setTags} />
          <select name="severity" value={severity} onChange={(e) => setSeverity((e.currentTarget as HTMLSelectElement).value as Severity)}>
            {(['high', 'medium', 'low'] as const).map((s) => <option key={s} value={s}>{severityLabel(s)}</option>)}
          </select>
          {error && (
            <p class="sp-error" role="alert">
              {error} {stale && <button type="button" class="sp-small" onClick={() => startFrom(stale)}>{t('reloadAnnotation')}</button>}
            </p>
          )}
          <div class="sp-row"><button type="submit" class="sp-primary">{t('save')}</button><button type="button" onClick={() => setEditing(false)}>{t('cancel')}</button></div>
        </form>
      ) : (
        <>
          <p class="sp-note">{a.note || <span class="sp-muted">{t('emptyNote')}</span>}</p>
          <ConflictMark a={a} others={others} />
          <p class="sp-annotation-meta sp-muted">
            <AnnotationAuthor a={a} /> · <time dateTime={a.createdAt}>{formatGongwenDate(a.createdAt)}</time>
            {item && <> · <button class="sp-link" data-item-id={item.id} onClick={() => onItem(item)}>{item.label}</button></>}
          </p>
          <div class="sp-row">
            <span class={`sp-badge sp-sev-badge-${a.severity}`}>{severityLabel(a.severity)}</span>
            {a.tags.map((x) => <span key={x} class="sp-tag">{x}</span>)}
            <span class="sp-spacer" />
            <button class="sp-small" onClick={() => { startFrom(a); setEditing(true); }}>{t('edit')}</button>
            <button class="sp-small sp-danger" onClick={onDelete}>{t('delete')}</button>
          </div>
        </>
      )}
    </li>
  );
}
