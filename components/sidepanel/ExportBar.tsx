import { useState } from 'preact/hooks';
import { listAnnotations, listOverrides, listSnapshots } from '@/lib/db';
import { exportReview, type ExportFormat } from '@/lib/export';
import type { Comparison, Notice } from '@/lib/schema';
import { t } from '@/lib/i18n';
import { effectiveToday, loadPrefs } from '@/lib/prefs';
import { downloadFile } from './download';
import { sidePanelDb } from './hooks';

const FORMATS: Array<[ExportFormat, string]> = [['md', 'Markdown'], ['csv', 'CSV'], ['json', 'JSON'], ['html', 'HTML'], ['docx', 'Word'], ['xlsx', t('exportLedgerXlsx')]];

/** One click per format: the review of this notice (items, overrides, annotations, comparison) as a file. */
export function ExportBar({ notice, text, url, noticeKey, snapshotHash, comparison }: { notice: Notice; text: string; url: string | null; noticeKey: string | null; snapshotHash: string | null; comparison: Comparison | null }) {
  const [error, setError] = useState<string | null>(null);
  const run = async (format: ExportFormat) => {
    setError(null);
    try {
      const db = sidePanelDb();
      const [annotations, overrides, snapshots] = noticeKey ? await Promise.all([listAnnotations(db, { noticeKey }), listOverrides(db, noticeKey), listSnapshots(db, noticeKey)]) : [[], [], []];
      const versions = snapshots.map((v) => ({ hash: v.hash, publishDate: v.publishDate, firstSeen: v.firstSeen }));
      const today = effectiveToday(await loadPrefs());
      const file = await exportReview(format, { notice, text, url, annotations, overrides, comparison, generatedAt: new Date().toISOString(), snapshotHash, versions }, { today });
      downloadFile(file.fileName, file.mime, file.data);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };
  return (
    <section class="sp-export">
      <h3>{t('exportReview')}</h3>
      <div class="sp-row">
        {FORMATS.map(([f, label]) => <button key={f} data-format={f} onClick={() => void run(f)}>{label}</button>)}
      </div>
      {error && <p class="sp-error" role="alert">{error}</p>}
    </section>
  );
}

