import { useEffect, useState } from 'preact/hooks';
import { exportReviewPackage, getReviewerName, importReviewPackage, reviewPackageToJson, setReviewerName } from '@/lib/db';
import { checkPackageSize, describeMerge, reviewPackageFileName } from '@/lib/review-package';
import { REVIEWER_NAME_MAX_CHARS } from '@/lib/schema';
import { t } from '@/lib/i18n';
import { downloadFile } from './download';
import { sidePanelDb } from './hooks';

type Outcome = { ok: boolean; title: string; lines: string[] };

/** Settings section 协同审阅: the reviewer name, and review packages exchanged with colleagues. */
export function TeamReview() {
  const db = sidePanelDb();
  /** null until the saved name is read: the field is disabled meanwhile, so a late read never replaces what was typed. */
  const [name, setName] = useState<string | null>(null);
  const [nameStatus, setNameStatus] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => void getReviewerName(db).then(setName), [db]);
  const saveName = async (e: Event) => {
    e.preventDefault();
    if (name === null) return;
    const saved = await setReviewerName(db, name);
    setName(saved);
    setNameStatus(saved ? t('reviewerNameSaved', saved) : t('reviewerNameCleared'));
  };
  const doExport = async () => {
    const pkg = await exportReviewPackage(db);
    downloadFile(reviewPackageFileName(pkg), 'application/json', reviewPackageToJson(pkg));
    setOutcome({ ok: true, title: t('reviewPackageExported', pkg.annotations.length, pkg.overrides.length, pkg.snapshots.length), lines: [] });
  };
  const doImport = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    if (!file) return;
    setBusy(true);
    setOutcome(null);
    try {
      checkPackageSize(file.size);
      const summary = await importReviewPackage(db, await file.text());
      setOutcome({ ok: true, title: t('reviewPackageImported'), lines: describeMerge(summary) });
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      setOutcome({ ok: false, title: t('reviewPackageRefused'), lines: message.split('\n') });
    } finally {
      setBusy(false);
      input.value = '';
    }
  };
  return (
    <section class="sp-team" aria-labelledby="sp-team-title">
      <h3 id="sp-team-title">{t('teamReview')}</h3>
      <form class="sp-row" onSubmit={(e) => void saveName(e)}>
        <label for="sp-reviewer-name">{t('reviewerName')}</label>
        <input id="sp-reviewer-name" name="reviewerName" type="text" maxLength={REVIEWER_NAME_MAX_CHARS} value={name ?? ''} disabled={name === null} onInput={(e) => setName((e.currentTarget as HTMLInputElement).value)} />
        <button type="submit">{t('saveReviewerName')}</button>
      </form>
      <p class="sp-hint">{t('reviewerNameHint')}</p>
      {nameStatus && <p class="sp-ok" role="status">{nameStatus}</p>}
      <p class="sp-hint">{t('reviewPackageHint')}</p>
      <div class="sp-row">
        <button class="sp-primary" data-action="export-review-package" onClick={() => void doExport()}>{t('exportReviewPackage')}</button>
        <label class="sp-file">{t('importReviewPackage')}<input type="file" name="reviewPackageFile" accept=".json,application/json" disabled={busy} onChange={(e) => void doImport(e.currentTarget as HTMLInputElement)} /></label>
      </div>
      {outcome && (
        <div class={`sp-import-summary ${outcome.ok ? 'sp-ok' : 'sp-error'}`} role={outcome.ok ? 'status' : 'alert'} data-outcome={outcome.ok ? 'ok' : 'refused'}>
          <strong>{outcome.title}</strong>
          {outcome.lines.length > 0 && <ul>{outcome.lines.map((line, i) => <li key={i}>{line}</li>)}</ul>}
        </div>
      )}
    </section>
  );
}
