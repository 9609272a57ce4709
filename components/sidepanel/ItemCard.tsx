import { useState } from 'preact/hooks';
import type { Evidence, ItemStatus, ProblemItem, StatusOverride } from '@/lib/schema';
import { clearOverride, setOverride } from '@/lib/db';
import { confirmation, isConfirmation, reviewDecision } from '@/lib/overrides';
import { sendToTab } from '@/lib/messaging';
import { formatGongwenDate } from '@/lib/export/format';
import { t } from '@/lib/i18n';
import { certaintyLabel, statusLabel } from '../common/labels';
import { StatusChip } from '../common/StatusChip';
import { effectiveStatus } from '../common/outline';
import { sidePanelDb } from './hooks';

interface Props {
  item: ProblemItem;
  overrides: StatusOverride[];
  noticeKey: string | null;
  tabId: number | null;
  onGo: (s: number, e: number) => void;
}

/** One problem item: status chip with its certainty, what is done and what is open, confirm or change. */
export function ItemCard({ item, overrides, noticeKey, tabId, onGo }: Props) {
  const { status, certainty, override } = effectiveStatus(item, overrides);
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const db = sidePanelDb();
  const notifyPage = () => (tabId !== null ? sendToTab(tabId, { type: 'reload-annotations' }).catch(() => undefined) : undefined);
  const confirm = async () => {
    if (!noticeKey) return;
    setError(null);
    try {
      await setOverride(db, confirmation(noticeKey, item, t('confirmedReason'), new Date().toISOString()));
    } catch (err) {
      return setError(t('saveFailed', err instanceof Error ? err.message : String(err)));
    }
    await notifyPage();
  };
  const basis = item.statusEvidence.basis;
  return (
    <li class="sp-item" data-item-id={item.id} data-certainty={item.certainty}>
      <div class="sp-item-head">
        <StatusChip status={status} certainty={certainty} parsed={item.status} />
        <button class="sp-link sp-item-label" onClick={() => onGo(item.start, Math.min(item.end, item.start + 60))}>
          <span class="sp-path">{item.path.join(' ')}</span> {item.label}
        </button>
      </div>
      {!override && (
        <div class={`sp-certainty sp-certainty-${item.certainty}`}>
          {certaintyLabel(item.certainty)}{item.certainty === 'inferred' ? `，${t('checkAgainstText')}` : ''}
        </div>
      )}
      {basis && (
        <button class="sp-link sp-evidence" onClick={() => onGo(basis.start, basis.end)}>
          {t('evidence')}「{basis.text}」
        </button>
      )}
      <EvidenceParts item={item} onGo={onGo} />
      {item.deadlines.map((d, i) => (
        <div key={i} class={`sp-deadline${d.overdueAtPublication ? ' sp-overdue' : ''}`}>
          {t('deadline')} {d.date ? formatGongwenDate(d.date) : t('unknown')}（{d.text}）{d.explanation ? ` · ${d.explanation}` : ''}
        </div>
      ))}
      {override && <OverrideNote override={override} />}
      {noticeKey && !editing && (
        <div class="sp-row sp-item-actions">
          {!override && item.status !== 'unclear' && (
            <button class="sp-small sp-confirm" onClick={() => void confirm()}>{t('confirmStatus', statusLabel(item.status))}</button>
          )}
          <button class="sp-small" onClick={() => setEditing(true)}>{override ? t('editOverride') : t('overrideStatus')}</button>
        </div>
      )}
      {error && <p class="sp-error" role="alert">{error}</p>}
      {noticeKey && editing && <OverrideForm item={item} noticeKey={noticeKey} current={override} onSaved={notifyPage} onDone={() => setEditing(false)} />}
    </li>
  );
}

/** 已完成部分 / 未完成部分: the clauses reporting work done and work still open, each a link into the page. */
function EvidenceParts({ item, onGo }: { item: ProblemItem; onGo: (s: number, e: number) => void }) {
  const { progress, open } = item.statusEvidence;
  if (!progress.length && !open.length) return null;
  const part = (kind: 'progress' | 'open', list: Evidence[]) => (
    <div class={`sp-part sp-part-${kind}`}>
      <div class="sp-part-title">{t(kind === 'progress' ? 'progressPart' : 'openPart')} <span class="sp-count">{list.length}</span></div>
      {list.length === 0 ? <div class="sp-muted">{t('noClauses')}</div> : (
        <ul class="sp-part-list">
          {list.map((e, i) => (
            <li key={i}><button class="sp-link" onClick={() => onGo(e.start, e.end)}>{e.text}</button></li>
          ))}
        </ul>
      )}
    </div>
  );
  return (
    <details class="sp-parts" open={item.certainty !== 'stated'}>
      <summary>{t('progressPart')} {progress.length} · {t('openPart')} {open.length}</summary>
      {part('progress', progress)}
      {part('open', open)}
    </details>
  );
}

function OverrideNote({ override }: { override: StatusOverride }) {
  const replaced = override.replaced;
  const text = isConfirmation(override)
    ? t('confirmedShown', statusLabel(override.status), certaintyLabel(replaced!.certainty))
    : t('overrideShown', statusLabel(override.status), override.reason);
  return (
    <div class="sp-override">
      {text}
      {replaced && !isConfirmation(override) && <div class="sp-muted">{t('replacedReading', statusLabel(replaced.status), certaintyLabel(replaced.certainty))}</div>}
      {override.creator && <div class="sp-author">{t('decidedBy', override.creator.name)}</div>}
      {override.conflicts?.map((c) => (
        <div key={c.createdAt} class="sp-conflict" data-conflict="decision">
          <span class="sp-badge sp-badge-conflict">{t('conflict')}</span>{' '}
          {t('overrideConflictLine', c.creator?.name ?? t('unsigned'), statusLabel(c.status), c.reason)}
        </div>
      ))}
    </div>
  );
}

interface FormProps {
  item: ProblemItem;
  noticeKey: string;
  current: StatusOverride | null;
  onSaved: () => Promise<unknown> | undefined;
  onDone: () => void;
}

function OverrideForm({ item, noticeKey, current, onSaved, onDone }: FormProps) {
  const [status, setStatus] = useState<ItemStatus>(current?.status ?? item.status);
  const [reason, setReason] = useState(current && !isConfirmation(current) ? current.reason : '');
  const [error, setError] = useState<string | null>(null);
  const db = sidePanelDb();
  const save = async (e: Event) => {
    e.preventDefault();
    if (!reason.trim()) return setError(t('overrideReasonRequired'));
    await attempt(() => setOverride(db, reviewDecision(noticeKey, item, status, reason.trim(), new Date().toISOString())));
  };
  const remove = () => attempt(() => clearOverride(db, noticeKey, item.id));
  /** Saves, then closes the form; a failure stays on screen with the form still filled in. */
  const attempt = async (write: () => Promise<unknown>) => {
    setError(null);
    try {
      await write();
    } catch (err) {
      return setError(t('saveFailed', err instanceof Error ? err.message : String(err)));
    }
    await onSaved();
    onDone();
  };
  return (
    <form class="sp-override-form" onSubmit={save}>
      <label>{t('overrideTo')}
        <select name="status" value={status} onChange={(e) => setStatus((e.currentTarget as HTMLSelectElement).value as ItemStatus)}>
          {(['done', 'in_progress', 'long_term', 'unclear'] as const).map((s) => <option key={s} value={s}>{statusLabel(s)}</option>)}
        </select>
      </label>
      <label>{t('overrideReason')}<input name="reason" type="text" value={reason} onInput={(e) => setReason((e.currentTarget as HTMLInputElement).value)} /></label>
      {error && <p class="sp-error" role="alert">{error}</p>}
      <div class="sp-row">
        <button type="submit" class="sp-primary">{t('save')}</button>
        {current && <button type="button" onClick={remove}>{t('clearOverride')}</button>}
        <button type="button" onClick={onDone}>{t('cancel')}</button>
      </div>
    </form>
  );
}
