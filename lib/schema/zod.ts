/**
 * The zod every schema module here builds with. Nothing of lib/schema is built when it is loaded: every schema is
 * a `z.lazy`, built on its first parse (the page's analyzer loads this module, and its evaluation is a task of the
 * page: issue #14). zod's English messages are made on the first failed check too, not when the first schema is
 * built (the same messages; their table is code a page that validates fine never runs).
 */
import { z } from 'zod';

let english: ReturnType<typeof z.locales.en> | null = null;
z.config({ localeError: (issue) => (english ??= z.locales.en()).localeError(issue) });

export { z };
