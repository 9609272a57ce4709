import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { requestPersistence, type PersistenceState } from '@/lib/db';
import { backupFileName, backupToJson, checkBackupSize, exportBackup, importBackup } from '@/lib/db/backup';
import { hostOf, loadPrefs, savePrefs, type Prefs } from '@/lib/prefs';
import { t } from '@/lib/i18n';
import { downloadFile } from './download';
import { sidePanelDb } from './hooks';
import { TeamReview } from './TeamReview';

export function SettingsView({ tabId }: { tabId: number | null }) {
  const [persist, setPersist] = useState<PersistenceState | null>(null);
  const [prefs, setPrefs] = useState<Prefs | null>(null);
  const [host, setHost] = useState('');
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  useEffect(() => {
    void requestPersistence().then(setPersist);
    void loadPrefs().then(setPrefs);
  }, []);
  useEffect(() => {
    if (tabId !== null) void browser.tabs.get(tabId).then((tab) => setHost(hostOf(tab.url ?? '')));
  }, [tabId]);
  const toggleSite = async (enabled: boolean) => {
    if (!prefs || !host) return;
    const disabledSites = enabled ? prefs.disabledSites.filter((h) => h !== host) : [...new Set([...prefs.disabledSites, host])];
    setPrefs(await savePrefs({ disabledSites }));
  };
  const forget = async (site: string) => {
    if (!prefs) return;
    setPrefs(await savePrefs({ rememberedSites: prefs.rememberedSites.filter((h) => h !== site) }));
    await browser.permissions.remove({ origins: [`*://${site}/*`] }).catch(() => false);
  };
  const doExport = async () => {
    const file = await exportBackup(sidePanelDb());
    downloadFile(backupFileName(file), 'application/json', backupToJson(file));
    setStatus({ ok: true, text: t('backupExported') });
  };
  const doImport = async (files: FileList | null) => {
    const file = files?.[0];
    if (!file) return;
    try {
      checkBackupSize(file.size);
      const result = await importBackup(sidePanelDb(), await file.text());
      const added = Object.values(result.added).reduce((a, b) => a + b, 0);
      setStatus({ ok: true, text: t('backupImported', String(added)) });
    } catch (err) {
      setStatus({ ok: false, text: err instanceof Error ? err.message : String(err) });
    }
  };
  const mb = (n?: number) => (n === undefined ? '?' : (n / 1024 / 1024).toFixed(1));
  return (
    <div class="sp-settings">
      <section>
        <h3>{t('storage')}</h3>
        <p>{persist ? (persist.persisted ? t('storagePersisted') : t('storageNotPersisted')) : t('loading')}</p>
        {persist?.usage !== undefined && <p class="sp-muted">{t('storageUsage', mb(persist.usage), mb(persist.quota))}</p>}
        <p class="sp-hint">{t('backupReminder')}</p>
        <div class="sp-row">
          <button class="sp-primary" onClick={doExport}>{t('exportBackup')}</button>
          <label class="sp-file">{t('importBackup')}<input type="file" name="backupFile" accept=".json,application/json" onChange={(e) => void doImport((e.currentTarget as HTMLInputElement).files)} /></label>
        </div>
        {status && <p class={status.ok ? 'sp-ok' : 'sp-error'} role="status">{status.text}</p>}
      </section>
      <TeamReview />
      {prefs && host && (
        <section>
          <h3>{t('thisSite')}</h3>
          <label><input type="checkbox" name="siteEnabled" checked={!prefs.disabledSites.includes(host)} onChange={(e) => void toggleSite((e.currentTarget as HTMLInputElement).checked)} /> {t('enableOnSite', host)}</label>
        </section>
      )}
      {prefs && prefs.rememberedSites.length > 0 && (
        <section>
          <h3>{t('rememberedSites')}</h3>
          <ul class="sp-list">{prefs.rememberedSites.map((s) => <li key={s}>{s} <button class="sp-small" onClick={() => void forget(s)}>{t('forgetSite')}</button></li>)}</ul>
        </section>
      )}
      <section>
        <h3>{t('privacy')}</h3>
        <p class="sp-hint">{t('privacyNote')}</p>
      </section>
    </div>
  );
}
