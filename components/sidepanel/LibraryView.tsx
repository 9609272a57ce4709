import { useState } from 'preact/hooks';
import { useLiveQuery } from 'dexie-react-hooks';
import { listNotices, listVersions, saveNoticeVisit } from '@/lib/db';
import { ingestFileBytes, ingestText, type IngestedNotice } from '@/lib/ingest';
import { DOCUMENT_LIMITS } from '@/lib/documents';
import { libraryShelves } from '@/lib/library-shelves';
import { t } from '@/lib/i18n';
import type { CompareFocus } from './compare-focus';
import { LibraryLedgerExport } from './LibraryLedger';
import { LibraryNotice, useLibraryActions } from './LibraryVersions';
import { sidePanelDb } from './hooks';
import './compare-library.css';

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

export function LibraryView({ onCompare }: { onCompare: (focus: CompareFocus) => void }) {
  const db = sidePanelDb();
  const notices = useLiveQuery(() => listNotices(db), []);
  const versions = useLiveQuery(() => listVersions(db), []);
  const { actions, undoBar } = useLibraryActions(onCompare);
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
  const shelves = libraryShelves(notices ?? [], versions ?? []);
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
      {undoBar}
      <LibraryLedgerExport />
      {notices === undefined ? <p class="sp-muted">{t('loading')}</p> : notices.length === 0 ? <p class="sp-muted">{t('libraryEmpty')}</p> : (
        shelves.map((shelf) => (
          <section key={shelf.organization ?? ''} class="sp-org">
            <h3>{shelf.organization ?? t('unknownOrganization')} <span class="sp-count">{shelf.notices.length}</span></h3>
            <ul class="sp-list">{shelf.notices.map((e) => <LibraryNotice key={e.notice.key} entry={e} actions={actions} />)}</ul>
          </section>
        ))
      )}
    </div>
  );
}
