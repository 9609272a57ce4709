import { useState } from 'preact/hooks';
import { readLibraryReview } from '@/lib/db';
import { EXPORT_MIME, ledgerFileName, ledgerWorkbook, librarySources } from '@/lib/export';
import { effectiveToday, loadPrefs } from '@/lib/prefs';
import { t } from '@/lib/i18n';
import { downloadFile } from './download';
import { sidePanelDb } from './hooks';



/** One button: the 整改台账 of the whole library as an Excel workbook, with progress while the library is read. */
export function LibraryLedgerExport() {
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const run = async () => {
    setBusy(true);
    try {
      const entries = await readLibraryReview(sidePanelDb(), (done, total) => setStatus({ ok: true, text: t('ledgerReading', done, total) }));
      const sources = librarySources(entries);
      if (!sources.length) return setStatus({ ok: false, text: t('ledgerEmptyLibrary') });
      setStatus({ ok: true, text: t('ledgerWriting', sources.length) });
      const today = effectiveToday(await loadPrefs());
      const data = await ledgerWorkbook({ sources, today, generatedAt: new Date().toISOString(), scope: '整个通报库' });
      downloadFile(ledgerFileName(null, today), EXPORT_MIME.xlsx, data);
      const items = sources.reduce((n, s) => n + s.notice.items.length, 0);
      setStatus({ ok: true, text: t('ledgerExported', sources.length, items) });
    } catch (err) {
      setStatus({ ok: false, text: err instanceof Error ? err.message : String(err) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <div class="sp-ledger">
      <button data-action="export-library-ledger" disabled={busy} onClick={() => void run()}>{t('exportLibraryLedger')}</button>
      {status && <p class={status.ok ? 'sp-ok' : 'sp-error'} role="status" aria-live="polite">{status.text}</p>}
    </div>
  );
}
