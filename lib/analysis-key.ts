/**
 * The key of a remembered analysis (lib/db/analyses): a hash of everything the Notice model depends on — the
 * normalized text, the page context the parser read with it, the day (overdue-now findings depend on it) and
 * the parser and model versions. Same key ⇒ the parser would produce the same model. Pure; runs in the background (Web Crypto: a page on plain http has no crypto.subtle).
 */
import { contentHash } from './hash';
import { PARSER_VERSION } from './parse/version';
import { NOTICE_MODEL_VERSION, type ParseContext } from './schema';

export function analysisKey(text: string, context: ParseContext, today: string): Promise<string> {
  const head = JSON.stringify([PARSER_VERSION, NOTICE_MODEL_VERSION, today, context.pageTitle, context.chromeText]);
  return contentHash(`${head}\n${text}`);
}
