import type { Annotation } from '@/lib/schema';
import { formatGongwenDate } from '@/lib/gongwen';
import { t } from '@/lib/i18n';
import { authorLabel } from '@/lib/authorship';

const authorOf = (a: Annotation) => authorLabel(a) ?? t('unsigned');

/** Who wrote an annotation (W3C creator, and the reviewer of its latest edit if another). */
export function AnnotationAuthor({ a }: { a: Annotation }) {
  return <span class="sp-author" data-creator={a.creator?.name ?? ''}>{t('annotationBy', authorOf(a))}</span>;
}

/** When an annotation was edited both here and by a colleague: the 冲突 mark, with the other version's text and author. */
export function ConflictMark({ a, others }: { a: Annotation; others: Annotation[] | undefined }) {
  if (!others?.length) return null;
  return (
    <div class="sp-conflict" data-conflict={a.conflictOf ? 'theirs' : 'mine'}>
      <span class="sp-badge sp-badge-conflict" title={t('conflictHint')}>{t('conflict')}</span>
      <span class="sp-muted"> {t('conflictHint')}</span>
      <ul class="sp-conflict-versions">
        {others.map((o) => (
          <li key={o.id}>{t('conflictOtherVersion', authorOf(o), formatGongwenDate(o.updatedAt), o.note || o.quote.exact)}</li>
        ))}
      </ul>
    </div>
  );
}
