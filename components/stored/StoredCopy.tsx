import { useMemo, useState } from 'preact/hooks';
import { useLiveQuery } from 'dexie-react-hooks';
import { addAnnotation, getSnapshot, listAnnotations } from '@/lib/db';
import { describeRange } from '@/lib/anchor';
import { formatGongwenDate } from '@/lib/export/format';
import { classFor, MARK_CSS } from '@/lib/page/highlighter';
import { anchorOnText, lineSegments, storedLines, storedPieces } from '@/lib/stored-copy';
import type { Annotation, NoticeSnapshot } from '@/lib/schema';
import { t } from '@/lib/i18n';
import { sidePanelDb } from '@/components/sidepanel/hooks';
import './stored.css';

/** The stored text offset of a DOM boundary inside a rendered segment (each segment holds one text node). */
function offsetOf(node: Node, offset: number): number | null {
  const el = node.nodeType === Node.TEXT_NODE ? node.parentElement : (node as Element);
  const start = el?.closest('[data-start]')?.getAttribute('data-start');
  return start == null ? null : Number(start) + (node.nodeType === Node.TEXT_NODE ? offset : 0);
}

function selectedRange(): { start: number; end: number } | null {
  const sel = document.getSelection();
  if (!sel || sel.isCollapsed || !sel.rangeCount) return null;
  const r = sel.getRangeAt(0);
  const start = offsetOf(r.startContainer, r.startOffset);
  const end = offsetOf(r.endContainer, r.endOffset);
  return start !== null && end !== null && end > start ? { start, end } : null;
}

export function StoredCopy({ hash }: { hash: string }) {
  const db = sidePanelDb();
  const snapshot = useLiveQuery(() => getSnapshot(db, hash).then((s) => s ?? null), [hash]);
  if (snapshot === undefined) return <p class="sp-muted">{t('loading')}</p>;
  if (snapshot === null) return <p class="sp-error" role="alert">{t('storedMissing')}</p>;
  return <StoredNotice snapshot={snapshot} />;
}

/** A stable empty list while the annotations load (a new [] each render would re-anchor every time). */
const NO_ANNOTATIONS: Annotation[] = [];

function StoredNotice({ snapshot }: { snapshot: NoticeSnapshot }) {
  const db = sidePanelDb();
  const annotations = useLiveQuery(() => listAnnotations(db, { noticeKey: snapshot.noticeKey }), [snapshot.noticeKey]) ?? NO_ANNOTATIONS;
  const anchored = useMemo(() => anchorOnText(snapshot.text, annotations), [snapshot.text, annotations]);
  const pieces = useMemo(() => storedPieces(snapshot.model, anchored), [snapshot.model, anchored]);
  const lines = useMemo(() => storedLines(snapshot.text), [snapshot.text]);
  const [draft, setDraft] = useState<{ start: number; end: number } | null>(null);
  const [note, setNote] = useState('');
  const save = async () => {
    if (!draft) return;
    const { quote, position } = describeRange(snapshot.text, draft.start, draft.end);
    await addAnnotation(db, { noticeKey: snapshot.noticeKey, snapshotHash: snapshot.hash, url: snapshot.url, quote, position, note, tags: [], severity: 'medium' });
    setDraft(null);
    setNote('');
  };
  const m = snapshot.model.meta;
  return (
    <div class="st-page">
      <style>{MARK_CSS}</style>
      <header class="st-header">
        <p class="st-banner" role="note">{t('storedBanner', formatGongwenDate(snapshot.firstSeen.slice(0, 10)), formatGongwenDate(snapshot.lastSeen.slice(0, 10)))}</p>
        <p class="sp-muted">{m.organization ?? t('unknownOrganization')} · {formatGongwenDate(m.publishDate, '')} · <span class="st-url">{snapshot.url}</span></p>
      </header>
      <div class="st-body">
        <article class="st-text" onMouseUp={() => setDraft(selectedRange())}>
          {lines.map((line) => (
            <p key={line.start}>
              {lineSegments(line, pieces).map((seg) =>
                seg.piece ? (
                  <mark key={seg.start} data-start={seg.start} class={classFor(seg.piece)} title={seg.piece.notes.join('\n')}>{seg.text}</mark>
                ) : (
                  <span key={seg.start} data-start={seg.start}>{seg.text}</span>
                ),
              )}
            </p>
          ))}
        </article>
        <aside class="st-side">
          {draft && (
            <form class="st-form" onSubmit={(e) => (e.preventDefault(), void save())}>
              <p>“{snapshot.text.slice(draft.start, draft.end)}”</p>
              <textarea name="note" rows={3} value={note} placeholder={t('storedNotePlaceholder')} onInput={(e) => setNote((e.currentTarget as HTMLTextAreaElement).value)} />
              <button type="submit" class="sp-primary">{t('storedSaveNote')}</button>
            </form>
          )}
          <h2>{t('storedFindings', snapshot.model.findings.filter((f) => f.kind !== 'arithmetic_ok').length)}</h2>
          <ul class="st-findings">
            {snapshot.model.findings.filter((f) => f.kind !== 'arithmetic_ok').map((f, i) => <li key={i}>{f.message}</li>)}
          </ul>
          <h2>{t('storedAnnotations', anchored.length)}</h2>
          <ul class="st-annotations">
            {anchored.map((a) => (
              <li key={a.annotation.id} class={a.start === null ? 'st-orphan' : ''}>
                “{a.annotation.quote.exact}” — {a.annotation.note || '（无内容）'}
                {a.start === null && <span class="sp-muted">{t('storedOrphan')}</span>}
              </li>
            ))}
          </ul>
        </aside>
      </div>
    </div>
  );
}
