import { render } from 'preact';
import '@/components/sidepanel/sidepanel.css';
import '@/components/common/status-chip.css';
import { SettingsView } from '@/components/sidepanel/SettingsView';
import { t } from '@/lib/i18n';

render(
  <div class="sp-app sp-options">
    <h1>{t('extName')} · {t('tabSettings')}</h1>
    <SettingsView tabId={null} />
  </div>,
  document.getElementById('app')!,
);
