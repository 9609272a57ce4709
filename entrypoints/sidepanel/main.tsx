import { render } from 'preact';
import '@/components/sidepanel/sidepanel.css';
import '@/components/common/status-chip.css';
import { App } from '@/components/sidepanel/App';

render(<App />, document.getElementById('app')!);
