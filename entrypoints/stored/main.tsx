import { render } from 'preact';
import '@/components/sidepanel/sidepanel.css';
import { StoredCopy } from '@/components/stored/StoredCopy';

// A saved notice version, readable offline: /stored.html?hash=<snapshot hash>
render(<StoredCopy hash={new URLSearchParams(location.search).get('hash') ?? ''} />, document.getElementById('app')!);
