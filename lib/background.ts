/**
 * Background (Chrome: service worker; Firefox: event page): owns the extension-origin database for content
 * scripts, the toolbar button (opens the side panel / toggles the Firefox sidebar), the context menu /
 * shortcut for annotations, and loading the analyzer into a page: when the detector content script found a
 * likely notice there, or on demand ("分析此页", any site).
 */
import { browser, type Browser } from 'wxt/browser';
import { addAnnotation, lastSnapshotAt, listAnnotations, listOverrides, listSnapshots, openDb, saveNoticeVisit, setAnchorStates, watchNoticeUrls, type NoticeVisit, type RectifyDB } from '@/lib/db';
import { BACKGROUND_TYPES, listen, sendToTab } from '@/lib/messaging';
import { backgroundRequest, type BackgroundReply, type BackgroundRequest, type Notice, type PageState } from '@/lib/schema';
import { effectiveToday, hostOf, loadPrefs, savePrefs } from '@/lib/prefs';
import { overdueBadge } from '@/lib/overdue';
import { overridesFor } from '@/lib/overrides';
import { t } from '@/lib/i18n';
import { fileRemoteDocument } from '@/lib/documents/remote';
import { readDocumentElsewhere } from '@/lib/background-documents';
import { authorizeBackgroundRequest, senderTab, type Self } from '@/lib/sender';
import { openAnalysisCache, type AnalysisCache } from '@/lib/db/analyses';
import { parsePage, rememberedParse, takeParsedPage } from '@/lib/parse-page';
import { ANALYZER_FILE, MARK_DRAWER_FILE, syncKnownNoticeScripts, syncRememberedScripts } from '@/lib/registered-scripts';
import { PREFS_STORAGE_KEY } from '@/lib/site-prefs';


let dbInstance: RectifyDB | null = null;
const db = () => (dbInstance ??= openDb());
let analysesInstance: AnalysisCache | null = null;
const analyses = () => (analysesInstance ??= openAnalysisCache());

/** Firefox's sidebar and MV2 toolbar button (not in Chromium's API types). */
interface FirefoxSidebarApis {
  sidebarAction?: { open(): Promise<void>; toggle(): Promise<void>; isOpen(details: object): Promise<boolean> };
  browserAction?: { onClicked: { addListener(cb: () => void): void } };
}
const firefox = browser as unknown as FirefoxSidebarApis;
const warn = (what: string) => (e: unknown) => console.warn(`[Rectify Lens] ${what}`, e);

export function startBackground(): void {
  setUpToolbarButton();

  browser.runtime.onInstalled.addListener(() => {
    // The toolbar button's context is `action` in MV3 and `browser_action` in MV2 (Firefox); a wrong one throws.
    const toolbar = browser.runtime.getManifest().manifest_version === 2 ? 'browser_action' : 'action';
    browser.contextMenus.removeAll(() => {
      browser.contextMenus.create({ id: 'add-annotation', title: t('menuAddAnnotation'), contexts: ['selection'] });
      browser.contextMenus.create({ id: 'analyze-page', title: t('menuAnalyzePage'), contexts: ['page', toolbar] });
    });
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (!tab?.id) return;
    if (info.menuItemId === 'add-annotation') void beginAnnotation(tab.id);
    if (info.menuItemId === 'analyze-page') void analyzeTab(tab.id, false);
  });
  browser.commands.onCommand.addListener(async (command) => {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (!tab?.id) return;
    if (command === 'add-annotation') await beginAnnotation(tab.id);
    // a page without the content script (or without a notice) has no overlay to focus: nothing to do
    if (command === 'focus-overlay') await sendToTab(tab.id, { type: 'focus-overlay' }).catch(() => false);
  });

  listen(backgroundRequest, BACKGROUND_TYPES, (req, sender) => handle(req, sender), 'background');
  keepKnownNoticesRegistered();
}

/**
 * The analyzer stays registered on exactly the library's notice pages (lib/registered-scripts): re-synced when
 * the library changes in any context, when sites are switched off or remembered, and when host access is granted.
 */
function keepKnownNoticesRegistered(): void {
  let urls: string[] | null = null;
  let queued = Promise.resolve();
  const sync = () => {
    if (!urls) return;
    const current = urls;
    queued = queued.then(async () => syncKnownNoticeScripts(current, (await loadPrefs()).disabledSites)).catch(warn('known notices'));
  };
  watchNoticeUrls(db(), (next) => {
    urls = next;
    sync();
  }, warn('known notices'));
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && PREFS_STORAGE_KEY in changes) sync();
  });
  browser.permissions.onAdded?.addListener(sync);
  browser.permissions.onRemoved?.addListener(sync);
}

/** This extension, as the sender checks see it. */
export function thisExtension(): Self {
  return { id: browser.runtime.id, origin: browser.runtime.getURL('/') };
}

/** Chrome: the toolbar button opens the side panel. Firefox: it toggles the sidebar (sidebar_action). */
function setUpToolbarButton(): void {
  const { sidebarAction, browserAction } = firefox;
  if (sidebarAction && browserAction) {
    // toggle() is only allowed while the click is being handled: no await before it.
    browserAction.onClicked.addListener(() => void sidebarAction.toggle().catch(warn('sidebar')));
    return;
  }
  browser.sidePanel?.setPanelBehavior({ openPanelOnActionClick: true }).catch(warn('sidePanel'));
}

async function beginAnnotation(tabId: number): Promise<void> {
  await sendToTab(tabId, { type: 'begin-annotation' }).catch(() => analyzeTab(tabId, false));
}

/**
 * Injects the analyzer into a tab's top frame (granted through the gov.cn host permission, activeTab or an
 * optional host permission). The analyzer guards itself: a second injection leaves the first in charge. Its mark
 * drawer follows in a call of its own: one call with both files would evaluate them in one task of the page, two
 * calls make two shorter ones (no extension task over 50 ms, issue #14); the drawer is needed only after the parse.
 */
async function injectAnalyzer(tabId: number): Promise<void> {
  try {
    await browser.scripting.executeScript({ target: { tabId }, files: [ANALYZER_FILE] });
    await browser.scripting.executeScript({ target: { tabId }, files: [MARK_DRAWER_FILE] });
  } catch (err) {
    console.warn('[Rectify Lens] cannot inject into tab', tabId, err);
    throw new Error(t('permissionDenied'));
  }
}

/** "分析此页": loads the analyzer into the tab and analyzes the page whatever the detector thinks of it. */
export async function analyzeTab(tabId: number, remember: boolean): Promise<PageState> {
  const tab = await browser.tabs.get(tabId);
  await injectAnalyzer(tabId);
  if (remember && tab.url) await rememberSite(tab.url);
  return sendToTab(tabId, { type: 'analyze-now' });
}

/** The detector of `tabId` found a likely notice: load the analyzer (it analyzes by itself once the page has loaded). */
async function loadAnalyzer(tabId: number): Promise<boolean> {
  await injectAnalyzer(tabId);
  return true;
}

/** Remembered sites get the detector registered for their origin (needs the optional host permission). */
async function rememberSite(url: string): Promise<void> {
  const host = hostOf(url);
  if (!host) return;
  const prefs = await loadPrefs();
  const sites = [...new Set([...prefs.rememberedSites, host])];
  await savePrefs({ rememberedSites: sites });
  await syncRememberedScripts(sites);
}

/**
 * The overlay's "在侧边栏中打开". Chrome opens the side panel. Firefox refuses sidebarAction.open() here: a click
 * relayed from a page by message is not a user action to it (and extension frames in a page lack the API), so
 * unless the sidebar is open already, the same panel opens in a narrow window bound to the tab; the toolbar
 * button opens the real sidebar.
 */
async function openPanelFor(tab: Browser.tabs.Tab | undefined): Promise<boolean> {
  if (tab?.id === undefined) return false;
  if (browser.sidePanel?.open) {
    await browser.sidePanel.open({ tabId: tab.id });
    return true;
  }
  const { sidebarAction } = firefox;
  // An open sidebar already follows the active tab, which is this one.
  if (await sidebarAction?.isOpen({})) return true;
  if (await sidebarAction?.open().then(() => true, () => false)) return true;
  const url = browser.runtime.getURL(`/sidepanel.html?tabId=${tab.id}`);
  await browser.windows.create({ url, type: 'popup', width: 440, height: 820 });
  return true;
}

async function handle(req: BackgroundRequest, sender: Browser.runtime.MessageSender): Promise<BackgroundReply<BackgroundRequest['type']>> {
  const who = authorizeBackgroundRequest(req.type, sender, thisExtension());
  switch (req.type) {
    case 'save-notice':
      return saveVisit(sender.tab?.id, req);
    case 'save-parsed': {
      const parsed = takeParsedPage(req.analysisKey);
      // the page sends the text and the model itself (save-notice) when this is refused
      if (!parsed) throw new Error('后台已不保留这次分析');
      return saveVisit(sender.tab?.id, { url: req.url, ...parsed });
    }
    case 'get-page-data': {
      const [annotations, overrides, snapshots] = await Promise.all([
        listAnnotations(db(), { noticeKey: req.noticeKey }),
        listOverrides(db(), req.noticeKey),
        listSnapshots(db(), req.noticeKey),
      ]);
      const versions = snapshots.map((v) => ({ hash: v.hash, publishDate: v.publishDate, firstSeen: v.firstSeen }));
      return { annotations, overrides, versions };
    }
    case 'add-annotation':
      return addAnnotation(db(), {
        noticeKey: req.noticeKey,
        snapshotHash: req.snapshotHash,
        url: req.url,
        quote: req.draft.quote,
        position: req.draft.position,
        note: req.draft.note,
        tags: req.draft.tags,
        severity: req.draft.severity,
      });
    case 'set-anchor-states':
      return setAnchorStates(db(), req.updates.map((u) => ({
        id: u.id,
        anchorState: u.state,
        position: u.start !== null && u.end !== null ? { type: 'TextPositionSelector' as const, start: u.start, end: u.end } : undefined,
      })));
    case 'open-side-panel':
      // sender.tab is the sender's own tab; no await before opening (Chrome needs the click's user gesture)
      return who.kind === 'content-script' && openPanelFor(sender.tab);
    case 'analyze-tab':
      return analyzeTab(req.tabId, req.remember);
    case 'load-analyzer':
      return loadAnalyzer(senderTab(who));
    case 'parse-page':
      return parsePage(analyses(), req);
    case 'remembered-parse': {
      // the sender's own page only (its frame's address), on the day the page will ask about
      senderTab(who);
      const [seen, prefs] = await Promise.all([sender.url ? lastSnapshotAt(db(), sender.url) : undefined, loadPrefs()]);
      return rememberedParse(analyses(), seen, effectiveToday(prefs));
    }
    case 'analyze-attachment': {
      // only for a page the content script runs on, and only that page's own site (checked in fetchDocument)
      senderTab(who);
      const pageUrl = sender.tab?.url;
      if (!pageUrl) throw new Error(t('attachmentNoPage'));
      await ensureHostPermission(req.url);
      const read = await readDocumentElsewhere({ url: req.url, pageUrl, today: (await loadPrefs()).today });
      return fileRemoteDocument(db(), read, req.force);
    }
    case 'analyze-tab-document': {
      const tab = await browser.tabs.get(req.tabId);
      if (!tab.url) throw new Error(t('permissionDenied'));
      await ensureHostPermission(tab.url);
      const read = await readDocumentElsewhere({ url: tab.url, today: (await loadPrefs()).today });
      return fileRemoteDocument(db(), read, req.force);
    }
  }
}

/** Saves a page's notice in the library and shows its overdue count on the page's tab. */
async function saveVisit(tabId: number | undefined, visit: NoticeVisit): Promise<BackgroundReply<'save-notice'>> {
  const saved = await saveNoticeVisit(db(), visit);
  if (tabId !== undefined) await showOverdueBadge(tabId, saved.notice.key, visit.model).catch(warn('badge'));
  return { noticeKey: saved.notice.key, snapshotHash: saved.snapshot.hash, isNewVersion: saved.isNewVersion };
}

/**
 * The toolbar badge of a tab showing a notice: the number of overdue items (red), a tooltip naming the first
 * few. Badges are per tab, and the browser clears them when the tab navigates: other pages have none.
 */
async function showOverdueBadge(tabId: number, noticeKey: string, notice: Notice): Promise<void> {
  const action = browser.action ?? (browser as unknown as { browserAction?: typeof browser.action }).browserAction;
  if (!action) return;
  const overrides = overridesFor(notice, await listOverrides(db(), noticeKey));
  const badge = overdueBadge(notice, overrides, effectiveToday(await loadPrefs()));
  await action.setBadgeText({ tabId, text: badge?.text ?? '' });
  await action.setTitle({ tabId, title: badge?.title ?? t('actionTitle') });
  if (badge) await action.setBadgeBackgroundColor({ tabId, color: '#C62828' });
}

/** The background may only download from sites it has host access to (granted *.gov.cn, or a site the user allowed). */
async function ensureHostPermission(url: string): Promise<void> {
  let host: URL;
  try {
    host = new URL(url);
  } catch {
    throw new Error(t('permissionDenied'));
  }
  // match patterns carry no port
  if (!(await browser.permissions.contains({ origins: [`${host.protocol}//${host.hostname}/*`] }))) throw new Error(t('attachmentNeedsPermission', host.hostname));
}
