import { KNOWN_NOTICE_GLOBAL } from '@/lib/page/globals';

/**
 * Registered at runtime before the analyzer on the library's notice pages (lib/registered-scripts): tells the
 * analyzer that follows it in the same isolated world to analyze the page by itself.
 */
export default defineUnlistedScript(() => {
  (globalThis as Record<string, unknown>)[KNOWN_NOTICE_GLOBAL] = true;
});
