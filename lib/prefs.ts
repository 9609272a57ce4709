/**
 * Small UI preferences the content script needs at page load without waking the service worker:
 * highlight categories, overlay dock/collapse, per-site switches, remembered sites, test clock.
 * Kept in browser.storage.local (not IndexedDB: a content script's IndexedDB is the page's origin) as typed,
 * versioned WXT storage items (`storage.defineItem`: one declaration gives the key, the fallback and migrations).
 */
import { storage } from 'wxt/utils/storage';
import type { HighlightCategory } from '@/lib/schema';
import { PREFS_STORAGE_KEY } from './site-prefs';

export { hostOf } from './site-prefs';

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

/**
 * On until the reader changes them (the choice is then kept for every page, per user): only what needs
 * attention. Numbers, dates and 已完成 are one click away in the legend.
 */
export const DEFAULT_CATEGORIES: HighlightCategory[] = ['overdue', 'contradiction', 'deadline', 'unfinished', 'annotation'];

export const DEFAULT_PREFS: Prefs = {
  categories: DEFAULT_CATEGORIES,
  overlayCollapsed: false,
  overlayDock: 'right',
  disabledSites: [],
  rememberedSites: [],
  today: '',
};

/** What is stored: only the preferences the user changed (the defaults fill the rest when read). */
const storedPrefs = storage.defineItem<Partial<Prefs>>(`local:${PREFS_STORAGE_KEY}`, { fallback: {}, version: 1 });
/** The test/demo clock, set from outside the extension (e2e harness, benchmarks). */
const debugToday = storage.defineItem<string>('local:debug:today', { fallback: '' });

export async function loadPrefs(): Promise<Prefs> {
  const [stored, today] = await Promise.all([storedPrefs.getValue(), debugToday.getValue()]);
  const prefs = { ...DEFAULT_PREFS, ...stored };
  if (today) prefs.today = today;
  return prefs;
}

export async function savePrefs(patch: Partial<Prefs>): Promise<Prefs> {
  const next = { ...(await loadPrefs()), ...patch };
  await storedPrefs.setValue(next);
  return next;
}

/** Local calendar date as YYYY-MM-DD. */
export function localToday(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

export function effectiveToday(prefs: Prefs): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(prefs.today) ? prefs.today : localToday();
}
