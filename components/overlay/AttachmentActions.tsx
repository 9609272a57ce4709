/**
 * "分析附件": on a notice page that links to Word/PDF attachments on the same site, one button per
 * attachment; the background downloads and analyzes it and adds it to the library.
 */
import { useMemo } from 'preact/hooks';
import { findAttachmentLinks, type AttachmentLink } from '@/lib/documents/attachments';
import { findArticleRoot } from '@/lib/extract';
import { sendToBackground } from '@/lib/messaging';
import { t } from '@/lib/i18n';
import { DocumentAnalysisStatus, useDocumentAnalysis } from '../common/DocumentAnalysis';

/** `articleRoot`: where the analysis found the article (finding it again walks the page's text once more). */
export function AttachmentActions({ articleRoot }: { articleRoot: Element | null }) {
  const links = useMemo(() => findAttachmentLinks(document, location.href, { root: articleRoot ?? findArticleRoot(document) }), [articleRoot]);
  if (!links.length) return null;
  return (
    <section class="rl-section rl-attachments" aria-label={t('attachments')}>
      <h3>{t('attachments')}</h3>
      <ul class="rl-list">{links.map((l) => <Attachment key={l.url} link={l} />)}</ul>
    </section>
  );
}

function Attachment({ link }: { link: AttachmentLink }) {
  const { state, run } = useDocumentAnalysis((force) => sendToBackground({ type: 'analyze-attachment', url: link.url, force }));
  return (
    <li>
      <div class="rl-attachment-name">{link.label}</div>
      <button disabled={state.kind === 'busy'} onClick={() => void run(false)}>{t('analyzeAttachment')}</button>
      <DocumentAnalysisStatus state={state} onForce={() => void run(true)} prefix="rl" />
    </li>
  );
}
