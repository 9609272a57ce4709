/**
 * "分析此文件": the bound tab shows a PDF/Word file in the browser's viewer.
 * The click asks for the site's permission when needed (outside *.gov.cn), then the background
 * downloads the tab's URL, analyzes it and adds it to the library.
 */
import { browser } from 'wxt/browser';
import { sendToBackground } from '@/lib/messaging';
import { t } from '@/lib/i18n';
import { DocumentAnalysisStatus, useDocumentAnalysis } from '../common/DocumentAnalysis';

/**
 * A tab showing a file rather than a page: Chromium's PDF viewer runs the content script on its
 * (empty) viewer document, so such a tab reports "not a notice"; a tab without a content script at all
 * also gets the button (its URL is only known to the background).
 */
export function looksLikeDocumentUrl(url: string): boolean {
  try {
    return /\.(pdf|docx?)$/i.test(new URL(url).pathname);
  } catch {
    return false;
  }
}

export function AnalyzeTabDocument({ tabId }: { tabId: number }) {
  const { state, run } = useDocumentAnalysis(async (force) => {
    const tab = await browser.tabs.get(tabId);
    if (tab.url && /^https?:/.test(tab.url)) {
      const u = new URL(tab.url);
      if (!(await browser.permissions.request({ origins: [`${u.protocol}//${u.hostname}/*`] }))) throw new Error(t('permissionDenied'));
    }
    return sendToBackground({ type: 'analyze-tab-document', tabId, force });
  });
  return (
    <div class="sp-analyze-file">
      <p class="sp-muted">{t('analyzeThisFileHint')}</p>
      <button class="sp-primary" disabled={state.kind === 'busy'} onClick={() => void run(false)}>{t('analyzeThisFile')}</button>
      <DocumentAnalysisStatus state={state} onForce={() => void run(true)} prefix="sp" />
    </div>
  );
}
