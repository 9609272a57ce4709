/**
 * Small UI preferences the content script needs at page load without waking the service worker:
 * highlight categories, overlay dock/collapse, per-site switches, remembered sites, test clock.
 * Kept in browser.storage.local (not IndexedDB: a content script's IndexedDB is the page's origin).
 */
import { browser } from 'wxt/browser';
import type { HighlightCategory } from '@/lib/schema';

export const ALL_CATEGORIES: HighlightCategory[] = ['overdue', 'contradiction', 'deadline', 'unfinished', 'done', 'date', 'number', 'annotation'];

export interface Prefs {
  categories: HighlightCategory[];
  overlayCollapsed: boolean;
  overlayDock: 'right' | 'left';
  /** Hosts where the reading aid is switched off. */
  disabledSites: string[];
  /** Non-gov hosts the user asked to analyze automatically. */
  rememberedSites: string[];
  /** Fixed "today" for tests and demos (YYYY-MM-DD); empty = the real date. */
  today: string;
}

export const DEFAULT_PREFS: Prefs = {
  categories: ALL_CATEGORIES,
  overlayCollapsed: false,
  overlayDock: 'right',
  disabledSites: [],
  rememberedSites: [],
  today: '',
};

const KEY = 'prefs';
const TODAY_KEY = 'debug:today';

export async function loadPrefs(): Promise<Prefs> {
  const got = await browser.storage.local.get([KEY, TODAY_KEY]);
  const stored = (got[KEY] ?? {}) as Partial<Prefs>;
  const prefs = { ...DEFAULT_PREFS, ...stored };
  if (typeof got[TODAY_KEY] === 'string') prefs.today = got[TODAY_KEY] as string;
  return prefs;
}

export async function savePrefs(patch: Partial<Prefs>): Promise<Prefs> {
  const next = { ...(await loadPrefs()), ...patch };
  await browser.storage.local.set({ [KEY]: next });
  return next;
}

export function onPrefsChanged(cb: (p: Prefs) => void): () => void {
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && (KEY in changes || TODAY_KEY in changes)) void loadPrefs().then(cb);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

/** Local calendar date as YYYY-MM-DD. */
export function localToday(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

export function effectiveToday(prefs: Prefs): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(prefs.today) ? prefs.today : localToday();
}

export function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}
