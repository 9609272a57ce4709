/**
 * Content scripts the background registers at runtime (scripting.registerContentScripts, Chromium and Firefox):
 * - the detector on the sites the reader asked to remember (they are not *.gov.cn, so not in the manifest);
 * - the analyzer itself on the pages of the library's notices (lib/known-notices): a notice opened again gets
 *   it while the page loads, with no detector → background → injection round trip after `load`.
 */
import { browser } from 'wxt/browser';
import { knownNoticeMatches, originPatternOf } from './known-notices';
import { hostOf } from './site-prefs';

/** The declared content script loads the detector (lib/page/detector-loader); remembered sites get it registered as is. */
import { DETECTOR_FILE } from './page/detector-loader';
/** The analyzer (entrypoints/analyzer.ts), injected only into pages that need it. */
export const ANALYZER_FILE = '/analyzer.js';
/** Its mark drawer (entrypoints/analyzer-marks.ts, mark.js), a script of its own after it (issue #14). */
export const MARK_DRAWER_FILE = '/analyzer-marks.js';
/** Marks the page as a known notice for the analyzer that follows it (entrypoints/known-notice.ts). */
const KNOWN_NOTICE_FILE = '/known-notice.js';

const REMEMBERED_SCRIPT_ID = 'rectify-lens-remembered-sites';
const KNOWN_NOTICES_SCRIPT_ID = 'rectify-lens-known-notices';
const KNOWN_NOTICES_MARKS_SCRIPT_ID = 'rectify-lens-known-notices-marks';

/** What this extension registers: scripts only, in the top frame. */
interface Registration {
  matches: string[];
  js: string[];
  runAt: 'document_idle' | 'document_end';
}

/** Remembered sites get the detector, for the origins whose host permission the reader granted. */
export async function syncRememberedScripts(sites: string[]): Promise<void> {
  const origins = await grantedOf(sites.map((host) => `*://${host}/*`));
  await replaceRegistration(REMEMBERED_SCRIPT_ID, origins.length ? { matches: origins, js: [DETECTOR_FILE], runAt: 'document_idle' } : null);
}

/**
 * The library's notice pages get the analyzer at `document_end` (after a one-line marker telling it to analyze
 * by itself) and its mark drawer at `document_idle` — two registrations, so the page evaluates them in two
 * tasks, as with injection — except on switched-off sites and where the extension has no host access.
 */
export async function syncKnownNoticeScripts(urls: string[], disabledSites: string[]): Promise<void> {
  const disabled = new Set(disabledSites);
  const wanted = knownNoticeMatches(urls.filter((url) => !disabled.has(hostOf(url))));
  const granted = new Set(await grantedOf([...new Set(wanted.map(originPatternOf))]));
  const matches = wanted.filter((p) => granted.has(originPatternOf(p)));
  const some = matches.length > 0;
  await replaceRegistration(KNOWN_NOTICES_SCRIPT_ID, some ? { matches, js: [KNOWN_NOTICE_FILE, ANALYZER_FILE], runAt: 'document_end' } : null);
  await replaceRegistration(KNOWN_NOTICES_MARKS_SCRIPT_ID, some ? { matches, js: [MARK_DRAWER_FILE], runAt: 'document_idle' } : null);
}

/** The origin patterns among `origins` the extension has host access to. */
async function grantedOf(origins: string[]): Promise<string[]> {
  const granted: string[] = [];
  for (const origin of origins) {
    if (await browser.permissions.contains({ origins: [origin] })) granted.push(origin);
  }
  return granted;
}

/** Makes the registration `id` exactly `wanted` (none when null); an unchanged one is left as it is. */
async function replaceRegistration(id: string, wanted: Registration | null): Promise<void> {
  const scripting = browser.scripting;
  const [existing] = await scripting.getRegisteredContentScripts({ ids: [id] });
  if (existing && wanted && sameRegistration(existing, wanted)) return;
  if (existing) await scripting.unregisterContentScripts({ ids: [id] });
  if (wanted) await scripting.registerContentScripts([{ id, ...wanted }]);
}

function sameRegistration(a: { matches?: string[]; js?: string[]; runAt?: string }, b: Registration): boolean {
  const same = (x: readonly string[] | undefined, y: readonly string[]) => JSON.stringify(x ?? []) === JSON.stringify(y);
  return a.runAt === b.runAt && same(a.js, b.js) && same(a.matches, b.matches);
}
