import { useState } from 'preact/hooks';
import { useLiveQuery } from 'dexie-react-hooks';
import { browser } from 'wxt/browser';
import { deleteNotice, listNotices, listSnapshots, saveNoticeVisit } from '@/lib/db';
import { ingestFileBytes, ingestText, type IngestedNotice } from '@/lib/ingest';
import { DOCUMENT_LIMITS } from '@/lib/documents';
import type { NoticeRecord } from '@/lib/schema';
import { formatGongwenDate } from '@/lib/export/format';
import { t } from '@/lib/i18n';
import { MetaBlock } from './CurrentNotice';
import { LibraryLedgerExport } from './LibraryLedger';
import { LivePageCheck } from './LivePageCheck';
import { sidePanelDb } from './hooks';

/** File types the pickers offer; the kind itself is sniffed from the bytes (lib/documents). */
export const NOTICE_FILE_ACCEPT = '.txt,.html,.htm,.json,.docx,.pdf,.doc';

/**
 * Reads a user-chosen .txt/.html/.json/.docx/.pdf file into a parsed notice (same parser as live pages).
 * Unreadable files (.doc, encrypted or scanned PDF, image-only .docx, empty, binary) throw a clear message.
 */
export async function ingestFile(file: File, today?: string): Promise<IngestedNotice> {
  if (file.size > DOCUMENT_LIMITS.maxBytes) throw new Error(t('fileTooLarge', file.name));
  const bytes = new Uint8Array(await file.arrayBuffer());
  return ingestFileBytes(bytes, file.name, (html) => new DOMParser().parseFromString(html, 'text/html'), { today });
}

export function LibraryView() {
  const db = sidePanelDb();
  const notices = useLiveQuery(() => listNotices(db), []);
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const [paste, setPaste] = useState('');
  const save = async (source: string, got: IngestedNotice) => {
    const saved = await saveNoticeVisit(db, { url: source, text: got.text, model: got.notice, context: got.context });
    setStatus({ ok: true, text: t('noticeAdded', saved.notice.title ?? source) });
  };
  const addPasted = async () => {
    try {
      if (!paste.trim()) return;
      await save(`paste:${new Date().toISOString()}`, ingestText(paste));
      setPaste('');
    } catch (err) {
      setStatus({ ok: false, text: err instanceof Error ? err.message : String(err) });
    }
  };
  const addFiles = async (files: FileList | null) => {
    for (const file of Array.from(files ?? [])) {
      try {
        await save(`file:${file.name}`, await ingestFile(file));
      } catch (err) {
        setStatus({ ok: false, text: err instanceof Error ? err.message : String(err) });
      }
    }
  };
  const groups = groupByOrganization(notices ?? []);
  return (
    <div class="sp-library">
      <details class="sp-add">
        <summary>{t('addNotice')}</summary>
        <textarea name="pasteNotice" rows={5} placeholder={t('pastePlaceholder')} value={paste} onInput={(e) => setPaste((e.currentTarget as HTMLTextAreaElement).value)} />
        <div class="sp-row">
          <button class="sp-primary" onClick={addPasted}>{t('addPasted')}</button>
          <label class="sp-file">{t('chooseFile')}<input type="file" name="noticeFile" accept={NOTICE_FILE_ACCEPT} multiple onChange={(e) => void addFiles((e.currentTarget as HTMLInputElement).files)} /></label>
        </div>
      </details>
      {status && <p class={status.ok ? 'sp-ok' : 'sp-error'} role="status">{status.text}</p>}
      <LibraryLedgerExport />
      {notices === undefined ? <p class="sp-muted">{t('loading')}</p> : notices.length === 0 ? <p class="sp-muted">{t('libraryEmpty')}</p> : (
        groups.map(([org, list]) => (
          <section key={org} class="sp-org">
            <h3>{org} <span class="sp-count">{list.length}</span></h3>
            <ul class="sp-list">{list.map((n) => <LibraryEntry key={n.key} n={n} />)}</ul>
          </section>
        ))
      )}
    </div>
  );
}

/** Notices grouped by organization; groups and notices newest first. */
export function groupByOrganization(notices: NoticeRecord[]): Array<[string, NoticeRecord[]]> {
  const newest = (n: NoticeRecord) => n.publishDate ?? n.lastSeen.slice(0, 10);
  const groups = new Map<string, NoticeRecord[]>();
  for (const n of [...notices].sort((a, b) => newest(b).localeCompare(newest(a)))) {
    const org = n.organization ?? t('unknownOrganization');
    groups.set(org, [...(groups.get(org) ?? []), n]);
  }
  return [...groups];
}

function LibraryEntry({ n }: { n: NoticeRecord }) {
  const db = sidePanelDb();
  const [open, setOpen] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const snapshots = useLiveQuery(() => (open ? listSnapshots(db, n.key) : Promise.resolve([])), [open, n.key]) ?? [];
  const url = n.urls.find((u) => /^https?:/.test(u));
  return (
    <li class="sp-lib-entry" data-notice-key={n.key}>
      <button class="sp-link" aria-expanded={open} onClick={() => setOpen(!open)}>
        {n.title ?? n.urls[0]} <span class="sp-muted">{n.publishDate ? formatGongwenDate(n.publishDate) : ''}</span>
      </button>
      {open && (
        <div class="sp-lib-detail">
          {snapshots[0] && <MetaBlock notice={snapshots[0].model} />}
          <LivePageCheck url={url} title={n.title} snapshots={snapshots} />
          <p class="sp-muted">{t('versions', String(snapshots.length))}</p>
          <ol class="sp-versions">
            {snapshots.map((s) => (
              <li key={s.hash}>
                {t('versionSeen', formatGongwenDate(s.firstSeen.slice(0, 10)), formatGongwenDate(s.lastSeen.slice(0, 10)))} · {s.hash.slice(0, 8)} · {t('itemCount', String(s.model.items.length))}{' '}
                <button class="sp-link" data-action="open-stored" onClick={() => void browser.tabs.create({ url: browser.runtime.getURL(`/stored.html?hash=${s.hash}`) })}>{t('storedOpen')}</button>
              </li>
            ))}
          </ol>
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
      )}
    </li>
  );
}
