import { useEffect, useState } from 'preact/hooks';
import { requestPersistence } from '@/lib/db';
import { t, type MessageKey } from '@/lib/i18n';
import { AnnotationsView } from './AnnotationsView';
import { CurrentNotice } from './CurrentNotice';
import { LibraryView } from './LibraryView';
import { SettingsView } from './SettingsView';
import { CompareView } from './CompareView';
import type { CompareFocus } from './compare-focus';
import { OverdueView } from './OverdueView';
import { useBoundTab, usePageState } from './hooks';

type View = 'notice' | 'annotations' | 'compare' | 'overdue' | 'library' | 'settings';
const VIEWS: Array<[View, MessageKey]> = [
  ['notice', 'tabNotice'],
  ['annotations', 'tabAnnotations'],
  ['compare', 'tabCompare'],
  ['overdue', 'tabOverdue'],
  ['library', 'tabLibrary'],
  ['settings', 'tabSettings'],
];

export function App() {
  const tabId = useBoundTab();
  const { state, refresh } = usePageState(tabId);
  const [view, setView] = useState<View>('notice');
  // Two saved versions the library asked to compare (null: compare the open page).
  const [compareFocus, setCompareFocus] = useState<CompareFocus | null>(null);
  const compareVersions = (focus: CompareFocus) => {
    setCompareFocus(focus);
    setView('compare');
  };
  // Ask once per panel opening that reviewers' work is never evicted (a no-op once granted).
  useEffect(() => void requestPersistence(), []);
  return (
    <div class="sp-app">
      <header class="sp-header">
        <h1>{t('extName')}</h1>
        <nav role="tablist" class="sp-tabs">
          {VIEWS.map(([v, key]) => (
            <button key={v} role="tab" aria-selected={view === v} data-view={v} class={view === v ? 'sp-tab sp-active' : 'sp-tab'} onClick={() => setView(v)}>{t(key)}</button>
          ))}
        </nav>
      </header>
      <main class="sp-main" role="tabpanel">
        {view === 'notice' && <CurrentNotice tabId={tabId} state={state} onRefresh={refresh} />}
        {view === 'annotations' && <AnnotationsView tabId={tabId} state={state} />}
        {view === 'compare' && <CompareView key={compareFocus ? `${compareFocus.current}:${compareFocus.earlier}` : `page:${tabId}:${state?.snapshotHash ?? ''}`} tabId={tabId} state={state} focus={compareFocus} onLeaveFocus={() => setCompareFocus(null)} />}
        {view === 'overdue' && <OverdueView />}
        {view === 'library' && <LibraryView onCompare={compareVersions} />}
        {view === 'settings' && <SettingsView tabId={tabId} />}
      </main>
    </div>
  );
}
