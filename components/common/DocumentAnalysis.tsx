/**
 * Shared by the overlay ("分析附件") and the side panel ("分析此文件"): runs a document analysis in the
 * background, shows progress, the result, or why it was not added (with "仍然加入资料库").
 */
import { useState } from 'preact/hooks';
import { documentAnalysis, type DocumentAnalysis } from '@/lib/schema';
import { t } from '@/lib/i18n';

type RunState = { kind: 'idle' } | { kind: 'busy' } | { kind: 'done'; result: DocumentAnalysis } | { kind: 'error'; message: string };

export function useDocumentAnalysis(send: (force: boolean) => Promise<unknown>) {
  const [state, setState] = useState<RunState>({ kind: 'idle' });
  const run = async (force: boolean) => {
    setState({ kind: 'busy' });
    try {
      setState({ kind: 'done', result: documentAnalysis.parse(await send(force)) });
    } catch (err) {
      setState({ kind: 'error', message: err instanceof Error ? err.message.replace(/^analyze-[a-z-]+: /, '') : String(err) });
    }
  };
  return { state, run };
}

/** `prefix` is the caller's CSS namespace: `rl` (overlay, shadow root) or `sp` (side panel). */
export function DocumentAnalysisStatus({ state, onForce, prefix }: { state: RunState; onForce: () => void; prefix: 'rl' | 'sp' }) {
  if (state.kind === 'idle') return null;
  if (state.kind === 'busy') return <p class={`${prefix}-muted`} role="status">{t('documentAnalyzing')}</p>;
  if (state.kind === 'error') return <p class={`${prefix}-error`} role="alert">{state.message}</p>;
  const r = state.result;
  if (r.saved) return <p class={`${prefix}-ok`} role="status" data-notice-key={r.noticeKey ?? ''}>{t('documentAdded', r.title ?? r.fileName, String(r.items))}</p>;
  return (
    <div role="status">
      <p class={`${prefix}-error`}>{t('documentNotNotice', r.fileName, String(r.score))}</p>
      <button onClick={onForce}>{t('addAnyway')}</button>
    </div>
  );
}
