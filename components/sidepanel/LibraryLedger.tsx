import { useState } from 'preact/hooks';
import { readLibraryReview } from '@/lib/db';
import { EXPORT_MIME, ledgerFileName, type LibraryEntry } from '@/lib/export';
import type { LibraryLedgerProgress, LibraryLedgerRequest, LibraryLedgerResult } from '@/lib/export/library-ledger';
import { effectiveToday, loadPrefs } from '@/lib/prefs';
import { t } from '@/lib/i18n';
import { downloadFile } from './download';
import { sidePanelDb } from './hooks';
import type { LedgerWorkerReply } from './ledger.worker';
import LedgerWorker from './ledger.worker?worker';

interface Progress {
  /** 0–100 */
  value: number;
  text: string;
}

/** Reading the library takes the first 40 %, comparing and writing rows the next 50 %, packaging the rest. */
function readingProgress(done: number, total: number): Progress {
  return { value: Math.round((40 * done) / Math.max(1, total)), text: t('ledgerReading', done, total) };
}

function buildProgress(p: LibraryLedgerProgress): Progress {
  if (p.stage === 'compare') return { value: 42, text: t('ledgerComparing') };
  if (p.stage === 'rows') return { value: 45 + Math.round((45 * p.done) / Math.max(1, p.total)), text: t('ledgerRows', p.done, p.total) };
  return { value: 92, text: t('ledgerPackaging') };
}

/** Builds the workbook in a Web Worker, so a large library never blocks the panel. */
function buildInWorker(req: LibraryLedgerRequest, onProgress: (p: LibraryLedgerProgress) => void): Promise<LibraryLedgerResult | null> {
  return new Promise((resolve, reject) => {
    const worker = new LedgerWorker();
    const finish = () => worker.terminate();
    worker.onmessage = (event: MessageEvent<LedgerWorkerReply>) => {
      const m = event.data;
      if (m.type === 'progress') return onProgress(m.progress);
      finish();
      if (m.type === 'done') resolve(m.result);
      else reject(new Error(m.message));
    };
    worker.onerror = (event) => {
      finish();
      reject(new Error(event.message || 'worker failed'));
    };
    worker.postMessage(req);
  });
}

/** One button: the 整改台账 of the whole library as an Excel workbook, with a progress bar while it is built. */
export function LibraryLedgerExport() {
  const [progress, setProgress] = useState<Progress | null>(null);
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const run = async () => {
    setStatus(null);
    setProgress({ value: 0, text: t('loading') });
    try {
      const entries: LibraryEntry[] = await readLibraryReview(sidePanelDb(), (done, total) => setProgress(readingProgress(done, total)));
      if (!entries.some((e) => e.versions.length)) return setStatus({ ok: false, text: t('ledgerEmptyLibrary') });
      const today = effectiveToday(await loadPrefs());
      const req: LibraryLedgerRequest = { entries, today, generatedAt: new Date().toISOString(), scope: '整个通报库' };
      const result = await buildInWorker(req, (p) => setProgress(buildProgress(p)));
      if (!result) return setStatus({ ok: false, text: t('ledgerEmptyLibrary') });
      downloadFile(ledgerFileName(null, today), EXPORT_MIME.xlsx, result.bytes);
      setStatus({ ok: true, text: t('ledgerExported', result.notices, result.items) });
    } catch (err) {
      setStatus({ ok: false, text: err instanceof Error ? err.message : String(err) });
    } finally {
      setProgress(null);
    }
  };
  return (
    <div class="sp-ledger">
      <button data-action="export-library-ledger" disabled={progress !== null} onClick={() => void run()}>{t('exportLibraryLedger')}</button>
      {progress && (
        <div class="sp-progress">
          <div role="progressbar" aria-label={t('ledgerProgressLabel')} aria-valuemin={0} aria-valuemax={100} aria-valuenow={progress.value} aria-valuetext={progress.text} class="sp-progress-track">
            <div class="sp-progress-bar" style={{ width: `${progress.value}%` }} />
          </div>
          <p class="sp-muted" aria-live="polite">{progress.text}</p>
        </div>
      )}
      {status && <p class={status.ok ? 'sp-ok' : 'sp-error'} role="status" aria-live="polite">{status.text}</p>}
    </div>
  );
}
