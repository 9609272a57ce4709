import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { NoticePageController } from '@/lib/page/controller';
import { PRESET_TAGS, type Severity } from '@/lib/schema';
import { t } from '@/lib/i18n';
import { annotationInputProblem } from '@/lib/annotation-input';
import { severityLabel } from '../common/labels';
import { TagPicker } from '../common/TagPicker';
import { OVERLAY_NAME } from './focus';

/** The in-page form for a new annotation on the selected text. */
export function AnnotationForm({ controller, draft }: { controller: NoticePageController; draft: { quote: string } }) {
  const [note, setNote] = useState('');
  const [tags, setTags] = useState<string[]>([]);
  const [severity, setSeverity] = useState<Severity>('medium');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const noteField = useRef<HTMLTextAreaElement>(null);
  const before = useRef<PageFocus | null>(null);
  useLayoutEffect(() => {
    before.current = pageFocusNow();
    noteField.current?.focus();
  }, []);
  /** Esc or 取消: the form closes and focus and the selection go back to the page as they were. */
  const cancel = () => {
    controller.store.set({ draft: null });
    if (before.current) restorePageFocus(before.current);
  };
  const save = async (e: Event) => {
    e.preventDefault();
    const problem = annotationInputProblem({ note, tags });
    if (problem) return setError(problem);
    setBusy(true);
    try {
      await controller.saveAnnotation({ note, tags, severity });
      // saved: the selection is gone (the note is highlighted now), focus goes back
      if (before.current) restorePageFocus({ ...before.current, selection: null });
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="rl-form" role="dialog" aria-label={t('annotationFormTitle')} onSubmit={save}
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return;
        e.preventDefault();
        cancel();
      }}>
      <h3>{t('annotationFormTitle')}</h3>
      <blockquote class="rl-quote">{draft.quote.length > 200 ? `${draft.quote.slice(0, 200)}…` : draft.quote}</blockquote>
      <label>
        {t('annotationNote')}
        <textarea ref={noteField} name="note" rows={4} value={note} onInput={(e) => setNote((e.currentTarget as HTMLTextAreaElement).value)} />
      </label>
      <TagPicker presets={[...PRESET_TAGS]} value={tags} onChange={setTags} />
      <label>
        {t('annotationSeverity')}
        <select name="severity" value={severity} onChange={(e) => setSeverity((e.currentTarget as HTMLSelectElement).value as Severity)}>
          {(['high', 'medium', 'low'] as const).map((s) => <option key={s} value={s}>{severityLabel(s)}</option>)}
        </select>
      </label>
      {error && <p class="rl-error" role="alert">{error}</p>}
      <div class="rl-actions">
        <button type="submit" class="rl-primary" disabled={busy}>{t('save')}</button>
        <button type="button" onClick={cancel}>{t('cancel')}</button>
      </div>
    </form>
  );
}

interface PageFocus {
  element: Element | null;
  selection: Range | null;
}

/** What had focus in the page, and the selected text, before the form took focus. */
function pageFocusNow(): PageFocus {
  const sel = document.getSelection();
  const element = document.activeElement;
  return {
    element: element && element !== document.body && element.localName !== OVERLAY_NAME ? element : null,
    selection: sel && sel.rangeCount > 0 && !sel.isCollapsed ? sel.getRangeAt(0).cloneRange() : null,
  };
}

function restorePageFocus({ element, selection }: PageFocus): void {
  if (element instanceof HTMLElement && element.isConnected) element.focus({ preventScroll: true });
  if (selection && selection.startContainer.isConnected) {
    const sel = document.getSelection();
    sel?.removeAllRanges();
    sel?.addRange(selection);
  }
}
