import { useState } from 'preact/hooks';
import { useLiveQuery } from 'dexie-react-hooks';
import { browser } from 'wxt/browser';
import { deleteNotice, deleteVersion, listSnapshots, restoreVersion, type RemovedVersion, type VersionSummary } from '@/lib/db';
import { DATE_FIELD_LABELS, type ShelfNotice, type ShelfVersion } from '@/lib/library-shelves';
import type { NoticeRecord } from '@/lib/schema';
import { formatGongwenDate } from '@/lib/gongwen';
import { t } from '@/lib/i18n';
import type { CompareFocus } from './compare-focus';
import { MetaBlock } from './CurrentNotice';
import { LivePageCheck } from './LivePageCheck';
import { sidePanelDb } from './hooks';

export interface LibraryActions {
  onCompare: (focus: CompareFocus) => void;
  /** A version was deleted: `label` names it, `removed` can put it back. */
  onDeleted: (removed: RemovedVersion, label: string) => void;
}

/**
 * What the library's version rows do besides opening: compare (handed to the Compare view) and delete,
 * with an undo bar for the last deletion.
 */
export function useLibraryActions(onCompare: (focus: CompareFocus) => void) {
  const [last, setLast] = useState<{ removed: RemovedVersion; label: string; restored: boolean } | null>(null);
  const undo = async () => {
    if (!last) return;
    await restoreVersion(sidePanelDb(), last.removed);
    setLast({ ...last, restored: true });
  };
  const actions: LibraryActions = { onCompare, onDeleted: (removed, label) => setLast({ removed, label, restored: false }) };
  const undoBar = last && (
    <div class="sp-toast sp-undo" role="status">
      <span>{t(last.restored ? 'versionRestored' : 'versionDeleted', last.label)}</span>
      {!last.restored && <button data-action="undo-delete-version" onClick={() => void undo()}>{t('undo')}</button>}
      <button class="sp-small" aria-label={t('dismissNotice')} onClick={() => setLast(null)}>×</button>
    </div>
  );
  return { actions, undoBar };
}

/** `关于…的通报 2025年6月19日版` — a version as messages name it. */
export const versionName = (v: VersionSummary): string =>
  `${v.title ?? v.url} ${formatGongwenDate(v.publishDate, t('versionNoDate'))}`;

/** When a version was saved: one day, or the first and the last day it was seen. */
function seen(v: VersionSummary): string {
  const [first, last] = [v.firstSeen.slice(0, 10), v.lastSeen.slice(0, 10)];
  return first === last ? t('versionSavedOn', formatGongwenDate(first)) : t('versionSeen', formatGongwenDate(first), formatGongwenDate(last));
}

/** A library notice: its title, every saved version (newest first) and, on request, its details. */
export function LibraryNotice({ entry, actions }: { entry: ShelfNotice<NoticeRecord, VersionSummary>; actions: LibraryActions }) {
  const { notice: n, versions } = entry;
  const [open, setOpen] = useState(false);
  return (
    <li class="sp-lib-entry" data-notice-key={n.key}>
      <div class="sp-lib-head">
        <button class="sp-link" aria-expanded={open} onClick={() => setOpen(!open)}>{n.title ?? n.urls[0]}</button>
        <span class="sp-count">{t('versions', String(versions.length))}</span>
      </div>
      <ol class="sp-versions">
        {versions.map((v, i) => <VersionRow key={v.version.hash} entry={v} latest={i === 0} only={versions.length === 1} actions={actions} />)}
      </ol>
      {open && <NoticeDetails n={n} />}
    </li>
  );
}

function VersionRow({ entry, latest, only, actions }: { entry: ShelfVersion<VersionSummary>; latest: boolean; only: boolean; actions: LibraryActions }) {
  const { version: v, previous, liveUrl } = entry;
  const [confirming, setConfirming] = useState(false);
  const remove = async () => {
    const removed = await deleteVersion(sidePanelDb(), v.hash);
    if (removed) actions.onDeleted(removed, versionName(v));
  };
  return (
    <li class={latest ? 'sp-version-latest' : undefined} data-hash={v.hash}>
      <span class="sp-version-date">{formatGongwenDate(v.publishDate, t('versionNoDate'))}</span>{' '}
      <span class="sp-muted">· {seen(v)} · {v.hash.slice(0, 8)} · {t('itemCount', String(v.itemCount))}</span>
      {v.publishDate === null && <p class="sp-version-nodate">{t('publishDateMissing', DATE_FIELD_LABELS.join('”“'))}</p>}
      <div class="sp-row sp-version-actions">
        {liveUrl && <button data-action="open-live" onClick={() => void browser.tabs.create({ url: liveUrl })}>{t('versionOpenLive')}</button>}
        <button data-action="open-stored" onClick={() => void browser.tabs.create({ url: browser.runtime.getURL(`/stored.html?hash=${v.hash}`) })}>{t('storedOpen')}</button>
        {previous && <button data-action="compare-previous" onClick={() => actions.onCompare({ current: v.hash, earlier: previous.hash })}>{t('versionCompareWithPrevious')}</button>}
        <button class="sp-danger" data-action="delete-version" aria-expanded={confirming} onClick={() => setConfirming(true)}>{t('versionDelete')}</button>
      </div>
      {confirming && (
        <div class="sp-version-confirm">
          <p class="sp-error">{t(only ? 'confirmDeleteLastVersion' : 'confirmDeleteVersion')}</p>
          <div class="sp-row">
            <button class="sp-danger" data-action="confirm-delete-version" onClick={() => void remove()}>{t('confirmDelete')}</button>
            <button onClick={() => setConfirming(false)}>{t('cancel')}</button>
          </div>
        </div>
      )}
    </li>
  );
}

/** The notice's meta (from its newest version), the live-page check, and deleting the whole notice. */
function NoticeDetails({ n }: { n: NoticeRecord }) {
  const db = sidePanelDb();
  const [confirming, setConfirming] = useState(false);
  const snapshots = useLiveQuery(() => listSnapshots(db, n.key), [n.key]) ?? [];
  const url = n.urls.find((u) => /^https?:/.test(u));
  return (
    <div class="sp-lib-detail">
      {snapshots[0] && <MetaBlock notice={snapshots[0].model} />}
      <LivePageCheck url={url} title={n.title} snapshots={snapshots} />
      <div class="sp-row">
        {url && <button onClick={() => void browser.tabs.create({ url })}>{t('open')}</button>}
        {confirming ? (
          <>
            <span class="sp-error">{t('confirmDeleteNotice')}</span>
            <button class="sp-danger" onClick={() => void deleteNotice(db, n.key)}>{t('confirmDelete')}</button>
            <button onClick={() => setConfirming(false)}>{t('cancel')}</button>
          </>
        ) : <button class="sp-danger" onClick={() => setConfirming(true)}>{t('delete')}</button>}
      </div>
    </div>
  );
}
