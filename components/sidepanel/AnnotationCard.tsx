import { useState } from 'preact/hooks';
import { StaleAnnotationError, updateAnnotation, versionOf } from '@/lib/db';
import { annotationInputProblem } from '@/lib/annotation-input';
import { placementText, type VersionInfo } from '@/lib/annotation-versions';
import { PRESET_TAGS, type Annotation, type AnnotationAnchor, type ProblemItem, type Severity } from '@/lib/schema';
import { formatGongwenLocalDay } from '@/lib/gongwen';
import { t } from '@/lib/i18n';
import { severityLabel } from '../common/labels';
import { TagPicker } from '../common/TagPicker';
import { sidePanelDb } from './hooks';
import { AnnotationAuthor, ConflictMark } from './AnnotationByline';

export interface AnnotationCardProps {
  a: Annotation;
  orphan: boolean;
  anchor: AnnotationAnchor | undefined;
  versions: VersionInfo[];
  /** Other versions of this annotation kept beside it after a review-package import (a 冲突). */
  others: Annotation[] | undefined;
  /** The problem item of the open notice the passage lies in, when it is found on this page. */
  item: ProblemItem | null;
  onItem: (it: ProblemItem) => void;
  /** Scrolls the page to the passage; null when the passage is not found on this page. */
  onGo: (() => void) | null;
  onDelete: () => void;
  onSaved: () => unknown;
}

/**
 * One annotation: the quoted passage, when it was made (公文 date), the item it belongs to and a jump to
 * the passage, its severity in words on a coloured badge, its tags; edit in place.
 */
export function AnnotationCard(props: AnnotationCardProps) {
  const { a, orphan, anchor, versions } = props;
  const [editing, setEditing] = useState(false);
  return (
    <li class={`sp-annotation sp-sev-${a.severity}${orphan ? ' sp-orphan' : ''}`} data-annotation-id={a.id}>
      <blockquote class="sp-quote">{a.quote.exact}</blockquote>
      {anchor?.carriedFrom
        ? <span class={`sp-badge ${orphan ? 'sp-badge-orphan' : 'sp-badge-carried'}`}>{placementText(anchor, versions)}</span>
        : orphan && <span class="sp-badge sp-badge-orphan" title={t('orphanHint')}>{t('orphan')}</span>}
      {editing ? <AnnotationEditForm a={a} onDone={() => setEditing(false)} onSaved={props.onSaved} /> : <CardBody {...props} onEdit={() => setEditing(true)} />}
    </li>
  );
}

function CardBody({ a, others, item, onItem, onGo, onDelete, onEdit }: AnnotationCardProps & { onEdit: () => void }) {
  return (
    <>
      <p class="sp-note">{a.note || <span class="sp-muted">{t('emptyNote')}</span>}</p>
      <ConflictMark a={a} others={others} />
      <p class="sp-annotation-meta">
        <span class="sp-muted"><AnnotationAuthor a={a} /> · </span>
        <time class="sp-muted" dateTime={a.createdAt} title={t('annotationCreatedAt', formatGongwenLocalDay(a.createdAt))}>{formatGongwenLocalDay(a.createdAt)}</time>
        {item && (
          <button class="sp-link sp-annotation-item" data-item-id={item.id} title={t('annotationItemHint')} onClick={() => onItem(item)}>
            {t('annotationItem', item.label)}
          </button>
        )}
      </p>
      <div class="sp-row">
        <span class={`sp-badge sp-sev-badge-${a.severity}`}>{severityLabel(a.severity)}</span>
        {a.tags.map((x) => <span key={x} class="sp-tag">{x}</span>)}
        <span class="sp-spacer" />
        {onGo && <button class="sp-small sp-go" onClick={onGo}>{t('jumpToPassage')}</button>}
        <button class="sp-small" onClick={onEdit}>{t('edit')}</button>
        <button class="sp-small sp-danger" onClick={onDelete}>{t('delete')}</button>
      </div>
    </>
  );
}

function AnnotationEditForm({ a, onDone, onSaved }: { a: Annotation; onDone: () => void; onSaved: () => unknown }) {
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
    onDone();
    await onSaved();
  };
  return (
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
      <div class="sp-row"><button type="submit" class="sp-primary">{t('save')}</button><button type="button" onClick={onDone}>{t('cancel')}</button></div>
    </form>
  );
}
