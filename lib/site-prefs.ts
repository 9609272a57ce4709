/**
 * The two per-site lists of the preferences (lib/prefs), read without WXT's storage helper: the detector
 * content script runs on every gov page and needs only these, in a few hundred bytes. lib/prefs owns the
 * stored item (`local:${PREFS_STORAGE_KEY}`, the user's changes only) and writes it; this only reads it.
 */
import { browser } from 'wxt/browser';
import { siteOf } from './detect';

/** The browser.storage.local key holding the changed preferences (lib/prefs' `local:prefs` item). */
export const PREFS_STORAGE_KEY = 'prefs';

export interface SiteLists {
  /** Hosts where the reading aid is switched off. */
  disabledSites: string[];
  /** Non-gov hosts the user asked to analyze automatically. */
  rememberedSites: string[];
}

const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);

export async function loadSiteLists(): Promise<SiteLists> {
  const stored = ((await browser.storage.local.get(PREFS_STORAGE_KEY)) as Record<string, unknown>)[PREFS_STORAGE_KEY];
  const prefs = (stored && typeof stored === 'object' ? stored : {}) as Record<string, unknown>;
  return { disabledSites: strings(prefs.disabledSites), rememberedSites: strings(prefs.rememberedSites) };
}

/** The site the per-site switches are kept for ('' for a page that is no web site: an extension or file page). */
export function hostOf(url: string): string {
  return siteOf(url) ?? '';
}
