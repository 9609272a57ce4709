import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { checkLivePage, type LivePageVerdict } from '@/lib/live-page';
import type { NoticeSnapshot } from '@/lib/schema';
import { formatGongwenDate } from '@/lib/export/format';
import { t } from '@/lib/i18n';

function verdictText(v: LivePageVerdict): { ok: boolean; text: string } {
  switch (v.state) {
    case 'online':
      return { ok: true, text: t('liveOnline') };
    case 'changed':
      return { ok: false, text: t('liveChanged') };
    case 'gone':
      return { ok: false, text: t('liveGone', v.status) };
    case 'unreachable':
      return { ok: false, text: t('liveUnreachable', v.reason) };
    case 'no_address':
      return { ok: false, text: t('liveNoAddress') };
  }
}

/**
 * When the live page was last seen, and (on request only) whether it is still there. One request to the
 * notice's own site, and only where the extension has access to that site.
 */
export function LivePageCheck({ url, title, snapshots }: { url: string | undefined; title: string | null; snapshots: NoticeSnapshot[] }) {
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const seenOnline = snapshots.filter((s) => /^https?:/.test(s.url)).map((s) => s.lastSeen).sort().pop();
  const check = async () => {
    if (!url) return;
    setBusy(true);
    try {
      const { protocol, hostname } = new URL(url);
      const allowed = await browser.permissions.contains({ origins: [`${protocol}//${hostname}/*`] });
      setResult(allowed ? verdictText(await checkLivePage(url, title)) : { ok: false, text: t('liveNoPermission', hostname) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <div class="sp-live">
      <p class="sp-muted">{seenOnline ? t('liveLastSeen', formatGongwenDate(seenOnline.slice(0, 10))) : t('liveNoAddress')}</p>
      {url && <button data-action="check-live" disabled={busy} onClick={() => void check()}>{t('liveCheck')}</button>}
      {result && <p class={result.ok ? 'sp-ok' : 'sp-error'} role="status">{result.text}</p>}
    </div>
  );
}
