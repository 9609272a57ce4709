/**
 * The analyzer's parse, run in the background (Chrome's service worker, Firefox's background page) so a page's
 * main thread only extracts the text and applies the result (issue #14): the background's parser code is warm
 * across pages, and a long parse blocks no page. An unchanged page (same lib/analysis-key) gets its remembered
 * model without parsing; a new parse is remembered. The background also keeps the page's text and model until the
 * page saves them (save-parsed), so the page need not send them back.
 */
import { analysisKey } from './analysis-key';
import { contentHash } from './hash';
import { getAnalysis, putAnalysis, type AnalysisCache } from './db/analyses';
import { parseNormalizedAsync, ParseTimeLimitError } from './parse';
import { normalizeText } from './parse/normalize';
import { notice as noticeSchema, type Notice, type NoticeSnapshot, type PageParse, type ParseContext, type RememberedParse } from './schema';

export interface PageParseRequest {
  /** The article text as the page read it (lib/extract); normalized here (a normalized text stays as it is). */
  text: string;
  context: ParseContext;
  today: string;
  /** Wall-time limit of the parse; past it the model is null (the page says it is too large). */
  limitMs: number;
}

/** What the background keeps of a page's parse until the page asks to save it (save-parsed). */
export interface ParsedPage {
  text: string;
  context: ParseContext;
  model: Notice;
}

/** Pages parsed and not saved yet, at most MAX_PARSED_PAGES (the oldest are forgotten: the page then sends all). */
export const MAX_PARSED_PAGES = 4;
const parsedPages = new Map<string, ParsedPage>();

function keepParsed(key: string, page: ParsedPage): void {
  parsedPages.delete(key);
  parsedPages.set(key, page);
  while (parsedPages.size > MAX_PARSED_PAGES) parsedPages.delete(parsedPages.keys().next().value as string);
}

/** The parse kept for `key`, handed over once (null when it was forgotten). */
export function takeParsedPage(key: string): ParsedPage | null {
  const page = parsedPages.get(key) ?? null;
  parsedPages.delete(key);
  return page;
}

export async function parsePage(cache: AnalysisCache, request: PageParseRequest): Promise<PageParse> {
  // the page normalizes the same text for its own offset map: the two agree (the same function)
  const req = { ...request, text: normalizeText(request.text).text };
  // the key (a hash) and the lookup run off this thread while the text is parsed: a page seen before costs a parse
  // for nothing (rare here: a library notice's page asks for remembered-parse first), a new one no wait (issue #14)
  const lookup = analysisKey(req.text, req.context, req.today).then(async (key) => {
    await remembering.get(key);
    return { key, remembered: await getAnalysis(cache, key).catch(() => null) };
  });
  const [{ key, remembered }, { model, parseMs }] = await Promise.all([lookup, parseWithin(req)]);
  if (remembered) {
    keepParsed(key, { text: req.text, context: req.context, model: remembered });
    return { model: remembered, remembered: true, parseMs: 0, analysisKey: key };
  }
  if (!model) return { model: null, remembered: false, parseMs, analysisKey: null };
  // checked here, once: the page trusts a model of this version from the background (lib/schema pageParse)
  const checked = noticeSchema.parse(model);
  keepParsed(key, { text: req.text, context: req.context, model: checked });
  // written after the reply: the page shows its overlay meanwhile (the write took 5–16 ms before it, issue #14)
  remember(cache, key, req.text, checked);
  return { model: checked, remembered: false, parseMs, analysisKey: key };
}

/** The parse of a page's normalized text (null past the request's time limit) and its wall time. */
async function parseWithin(req: PageParseRequest): Promise<{ model: Notice | null; parseMs: number }> {
  const started = performance.now();
  const options = { today: req.today, chromeText: req.context.chromeText || undefined, pageTitle: req.context.pageTitle };
  const model = await parseNormalizedAsync(req.text, options, undefined, req.limitMs).catch((err: unknown) => {
    if (err instanceof ParseTimeLimitError) return null;
    throw err;
  });
  return { model, parseMs: performance.now() - started };
}

/** New parses being written to the cache, by key: a request for the same key waits for the write (and reads it). */
const remembering = new Map<string, Promise<void>>();

/** Once the analyses being written now are written (or failed): for tests, which close the cache after them. */
export async function analysesWritten(): Promise<void> {
  await Promise.all(remembering.values());
}

/** Remembers a new parse for its key (lib/db/analyses); a failure costs only a parse on the next visit. */
function remember(cache: AnalysisCache, key: string, text: string, model: Notice): void {
  const write = contentHash(text)
    .then((hash) => putAnalysis(cache, key, hash, model))
    .catch((err: unknown) => console.warn('[Rectify Lens] analysis not remembered', err))
    .finally(() => {
      if (remembering.get(key) === write) remembering.delete(key);
    });
  remembering.set(key, write);
}

/**
 * The analysis remembered for the text last seen at a page's address (`seen`: that snapshot of the library), for
 * `today`: looked up before the page has read its text, so that an unchanged page need not send it (issue #14).
 * The page uses it only when its own text, context and day are these (the same key: lib/analysis-key); kept for
 * save-parsed like a parse-page's. Null when there is no such text or no analysis remembered for it.
 */
export async function rememberedParse(cache: AnalysisCache, seen: NoticeSnapshot | undefined, today: string): Promise<RememberedParse> {
  // a snapshot saved before its page context was kept cannot give the key
  if (!seen || seen.chromeText === undefined || seen.pageTitle === undefined) return null;
  const context: ParseContext = { chromeText: seen.chromeText, pageTitle: seen.pageTitle };
  const key = await analysisKey(seen.text, context, today);
  const model = await getAnalysis(cache, key).catch(() => null);
  if (!model) return null;
  keepParsed(key, { text: seen.text, context, model });
  return { analysisKey: key, text: seen.text, context, today, model };
}
