/**
 * The notices in the library, as the match patterns of a content script registered at runtime: a page the
 * reader saved before gets the analyzer at once when it loads again (lib/registered-scripts), instead of the
 * detector → background → injection round trip after `load`. Pure: the registration lives in the background.
 */
import { extensionOf } from './documents/sniff';

/** Files the browser shows in a viewer of its own (a Word/PDF notice read by lib/documents): no page to analyze there. */
const DOCUMENT_FILE_EXTENSIONS = new Set(['pdf', 'doc', 'docx', 'wps', 'xls', 'xlsx', 'txt', 'text', 'md', 'json']);

/** At most this many patterns are registered (two per notice URL); the most recently seen notices first. */
export const MAX_KNOWN_NOTICE_PATTERNS = 2000;

/**
 * Match patterns for the pages at `urls`: the exact page and the same page with any query string (match
 * patterns carry neither port nor fragment; Chromium matches the path with its query, Firefox the path).
 * Only http(s) web pages (not Word/PDF files); a URL whose path is the site root is left out, since `/?*`
 * would cover the whole site.
 */
export function knownNoticeMatches(urls: readonly string[]): string[] {
  const patterns = new Set<string>();
  for (const url of urls) {
    const base = pageBase(url);
    if (!base) continue;
    if (patterns.size + 2 > MAX_KNOWN_NOTICE_PATTERNS) break;
    patterns.add(base);
    patterns.add(`${base}?*`);
  }
  return [...patterns];
}

/** `scheme://host/path` of an http(s) web page whose path is more than `/`; null for anything else. */
function pageBase(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  if (parsed.pathname === '/' || parsed.pathname === '') return null;
  // `*` is the patterns' only wildcard; a page path holding one would match more pages than this one
  if (parsed.pathname.includes('*')) return null;
  if (DOCUMENT_FILE_EXTENSIONS.has(extensionOf(parsed.pathname.slice(parsed.pathname.lastIndexOf('/') + 1)))) return null;
  return `${parsed.protocol}//${parsed.hostname}${parsed.pathname}`;
}

/** The origin patterns (`scheme://host/*`) whose host access decides whether the page's pattern may be registered. */
export function originPatternOf(pattern: string): string {
  const url = new URL(pattern.replace(/\?\*$/, ''));
  return `${url.protocol}//${url.hostname}/*`;
}
