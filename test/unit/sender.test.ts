import { describe, expect, it } from 'vitest';
import { authorizeBackgroundRequest, authorizeContentRequest, classifySender, senderTab, SenderRefused } from '@/lib/sender';

const self = { id: 'rectify-lens@example', origin: 'chrome-extension://abcdef/' };
const sidePanel = { id: self.id, url: 'chrome-extension://abcdef/sidepanel.html?tabId=4' };
const contentScript = { id: self.id, url: 'https://www.example.gov.cn/a.html', tab: { id: 12 } };
const worker = { id: self.id };
const otherExtension = { id: 'someone-else', url: 'chrome-extension://zzz/page.html' };
const otherExtensionInTab = { id: 'someone-else', url: 'https://evil.example/', tab: { id: 12 } };
const noId = { url: 'https://evil.example/', tab: { id: 3 } };

describe('classifySender', () => {
  it('knows this extension’s pages, worker and content scripts', () => {
    expect(classifySender(sidePanel, self)).toEqual({ kind: 'extension-page' });
    expect(classifySender({ ...sidePanel, tab: { id: 9 } }, self)).toEqual({ kind: 'extension-page' });
    expect(classifySender(worker, self)).toEqual({ kind: 'extension-page' });
    expect(classifySender(contentScript, self)).toEqual({ kind: 'content-script', tabId: 12 });
  });

  it('refuses other extensions, senders without an id, and our id from nowhere', () => {
    expect(classifySender(otherExtension, self)).toBeNull();
    expect(classifySender(otherExtensionInTab, self)).toBeNull();
    expect(classifySender(noId, self)).toBeNull();
    // an own-id sender claiming a web URL but no tab is not a content script
    expect(classifySender({ id: self.id, url: 'https://evil.example/' }, self)).toBeNull();
    // a look-alike origin is not ours
    expect(classifySender({ id: self.id, url: 'chrome-extension://abcdefg/x.html' }, self)).toBeNull();
  });
});

describe('authorizeBackgroundRequest', () => {
  it('lets content scripts ask about their own page', () => {
    for (const type of ['save-notice', 'get-page-data', 'add-annotation', 'set-anchor-states', 'open-side-panel', 'analyze-attachment'] as const) {
      expect(authorizeBackgroundRequest(type, contentScript, self)).toEqual({ kind: 'content-script', tabId: 12 });
    }
  });

  it('never lets a content script act on a tab it names', () => {
    expect(() => authorizeBackgroundRequest('analyze-tab', contentScript, self)).toThrow(SenderRefused);
    expect(() => authorizeBackgroundRequest('analyze-tab-document', contentScript, self)).toThrow(/页面脚本不能请求 analyze-tab-document/);
  });

  it('lets extension pages name a tab', () => {
    expect(authorizeBackgroundRequest('analyze-tab', sidePanel, self)).toEqual({ kind: 'extension-page' });
    expect(authorizeBackgroundRequest('analyze-tab-document', sidePanel, self)).toEqual({ kind: 'extension-page' });
  });

  it('refuses every request from outside the extension', () => {
    for (const sender of [otherExtension, otherExtensionInTab, noId]) {
      expect(() => authorizeBackgroundRequest('save-notice', sender, self)).toThrow('拒绝：消息不是来自本扩展');
      expect(() => authorizeBackgroundRequest('analyze-tab', sender, self)).toThrow(SenderRefused);
    }
  });

  it('gives a tab only to content-script senders', () => {
    expect(senderTab({ kind: 'content-script', tabId: 5 })).toBe(5);
    expect(() => senderTab({ kind: 'extension-page' })).toThrow(/只能来自页面中的本扩展脚本/);
  });
});

describe('authorizeContentRequest', () => {
  it('obeys the extension’s pages and worker only', () => {
    expect(() => authorizeContentRequest(sidePanel, self)).not.toThrow();
    expect(() => authorizeContentRequest(worker, self)).not.toThrow();
    expect(() => authorizeContentRequest(contentScript, self)).toThrow(SenderRefused);
    expect(() => authorizeContentRequest(otherExtension, self)).toThrow(SenderRefused);
  });
});
