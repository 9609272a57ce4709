import { useState } from 'preact/hooks';
import type { CandidateGroup } from '@/lib/compare';
import type { VersionSummary } from '@/lib/db';
import type { IngestedNotice } from '@/lib/ingest';
import { ingestText } from '@/lib/ingest';
import { formatGongwenDate } from '@/lib/gongwen';
import { t } from '@/lib/i18n';
import { ingestFile, NOTICE_FILE_ACCEPT } from './LibraryView';

/** An earlier notice read from a file or pasted text for this comparison only (not saved). */
export interface AdHocNotice extends IngestedNotice {
  id: string;
  name: string;
}

interface Props {
  groups: CandidateGroup<VersionSummary>[];
  picked: Set<string>;
  onPick: (hash: string, on: boolean) => void;
  adHoc: AdHocNotice[];
  onAdHoc: (name: string, got: IngestedNotice) => void;
  onError: (message: string) => void;
  preselected: boolean;
}

const groupName = (g: CandidateGroup<VersionSummary>): string =>
  g.earlierOfSameOrganization ? t('compareSameOrgEarlier') : (g.organization ?? t('unknownOrganization'));

/**
 * The earlier notices to compare with: library versions grouped (the same organization's earlier notices
 * first), then notices added from a file or pasted text.
 */
export function CompareChooser({ groups, picked, onPick, adHoc, onAdHoc, onError, preselected }: Props) {
  const [paste, setPaste] = useState('');
  const addFiles = async (files: FileList | null) => {
    for (const f of Array.from(files ?? [])) {
      try {
        onAdHoc(f.name, await ingestFile(f));
      } catch (err) {
        onError(err instanceof Error ? err.message : String(err));
      }
    }
  };
  return (
    <>
      {groups.length === 0 && <p class="sp-muted">{t('compareNoCandidates')}</p>}
      {preselected && <p class="sp-muted">{t('comparePreselected')}</p>}
      {groups.map((g) => (
        <fieldset key={`${g.earlierOfSameOrganization}-${g.organization}`} class="sp-candidates" data-same-organization={g.earlierOfSameOrganization ? 'earlier' : undefined}>
          <legend>{groupName(g)}</legend>
          <ul class="sp-list">
            {g.versions.map((v) => (
              <li key={v.hash} class="sp-candidate">
                <label>
                  <input type="checkbox" name="earlier" value={v.hash} checked={picked.has(v.hash)} onChange={(e) => onPick(v.hash, (e.currentTarget as HTMLInputElement).checked)} />
                  <span class="sp-candidate-title">{v.title ?? v.url}</span>{' '}
                  <span class="sp-muted">{formatGongwenDate(v.publishDate)}</span>
                  {g.earlierOfSameOrganization && v.organization && <span class="sp-muted sp-candidate-org">{v.organization}</span>}
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
      ))}
      {adHoc.length > 0 && (
        <ul class="sp-list">
          {adHoc.map((e) => <li key={e.id}>{e.name} <span class="sp-muted">{formatGongwenDate(e.notice.meta.publishDate)}</span></li>)}
        </ul>
      )}
      <details>
        <summary>{t('compareFromFileOrPaste')}</summary>
        <label class="sp-file">{t('chooseFile')}<input type="file" name="earlierFile" accept={NOTICE_FILE_ACCEPT} multiple onChange={(e) => void addFiles((e.currentTarget as HTMLInputElement).files)} /></label>
        <textarea name="earlierPaste" aria-label={t('pastePlaceholder')} rows={4} placeholder={t('pastePlaceholder')} value={paste} onInput={(e) => setPaste((e.currentTarget as HTMLTextAreaElement).value)} />
        <button onClick={() => { if (paste.trim()) { onAdHoc(t('pastedNotice'), ingestText(paste)); setPaste(''); } }}>{t('addPasted')}</button>
      </details>
    </>
  );
}
