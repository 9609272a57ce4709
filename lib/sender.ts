/**
 * Who may ask what: every message the background or a content script handles is checked against its sender
 * before anything runs. Only this extension's own pages (side panel, options, offscreen) and its own content
 * scripts are trusted; a tab-scoped request acts on the sender's own tab (content script) or on the tab an
 * extension page names, never on a tab a content script names. Pure: the browser facts come in as arguments.
 */
import type { BackgroundRequest } from '@/lib/schema';

/** The parts of `runtime.MessageSender` the checks read. */
export interface SenderFacts {
  id?: string;
  url?: string;
  tab?: { id?: number };
}

/** This extension: its id and the origin of its pages (`runtime.getURL('/')`). */
export interface Self {
  id: string;
  origin: string;
}

export type Sender = { kind: 'extension-page' } | { kind: 'content-script'; tabId: number };

export class SenderRefused extends Error {}

/** Classifies a sender, or null when it is not part of this extension. */
export function classifySender(sender: SenderFacts, self: Self): Sender | null {
  if (!sender.id || sender.id !== self.id) return null;
  if (sender.url && isOwnPage(sender.url, self.origin)) return { kind: 'extension-page' };
  const tabId = sender.tab?.id;
  if (typeof tabId === 'number' && Number.isInteger(tabId) && tabId >= 0) return { kind: 'content-script', tabId };
  // our id, no page URL and no tab: the background worker itself (a content script always has a tab)
  if (!sender.url && !sender.tab) return { kind: 'extension-page' };
  return null;
}

function isOwnPage(url: string, origin: string): boolean {
  try {
    // protocol + host: for non-web schemes (chrome-extension:, moz-extension:) URL.origin may be "null"
    const a = new URL(url);
    const b = new URL(origin);
    return a.protocol === b.protocol && a.host === b.host && a.host !== '';
  } catch {
    return false;
  }
}

/** Background requests a content script sends about its own page; they act on the sender's tab. */
const FROM_CONTENT_SCRIPT: ReadonlySet<BackgroundRequest['type']> = new Set([
  'save-notice',
  'save-parsed',
  'get-page-data',
  'add-annotation',
  'set-anchor-states',
  'open-side-panel',
  'analyze-attachment',
  'load-analyzer',
  'parse-page',
  'remembered-parse',
]);
/**
 * Checks a background request's sender. Returns who sent it (the tab for content scripts); throws
 * SenderRefused, with a zh-CN reason, for a stranger or a request its kind of sender may not make.
 * Requests naming a tab (analyze-tab, analyze-tab-document) are for extension pages only.
 */
export function authorizeBackgroundRequest(type: BackgroundRequest['type'], sender: SenderFacts, self: Self): Sender {
  const who = classifySender(sender, self);
  if (!who) throw new SenderRefused('拒绝：消息不是来自本扩展');
  if (who.kind === 'content-script' && !FROM_CONTENT_SCRIPT.has(type)) throw new SenderRefused(`拒绝：页面脚本不能请求 ${type}`);
  return who;
}

/** The tab a content-script request acts on: the sender's own tab, never one it names. */
export function senderTab(who: Sender): number {
  if (who.kind !== 'content-script') throw new SenderRefused('拒绝：此请求只能来自页面中的本扩展脚本');
  return who.tabId;
}

/** A content script obeys only this extension's pages and background, never another tab's content script. */
export function authorizeContentRequest(sender: SenderFacts, self: Self): void {
  const who = classifySender(sender, self);
  if (who?.kind !== 'extension-page') throw new SenderRefused('拒绝：消息不是来自本扩展的页面');
}
