/**
 * What an analyzer started while its page loads is given (issue #14), and the rule by which a library page's
 * remembered analysis, looked up by the page's address before the page read its text, may stand for a parse.
 */
import type { PageParse, ParseContext, RememberedParse } from '@/lib/schema';
import type { Prefs } from '@/lib/prefs';

/**
 * An analysis started while the page loads (the analyzer registered on a library notice's page, or injected for a
 * detector's likely notice): the text is read and parsed (or its remembered analysis taken) at once; the overlay
 * and the marks wait until `loaded` resolves (after the page's `load`). `prefs`: the reader's settings, asked for already; `remembered`: the background's
 * remembered-parse for this page's address, asked for already.
 */
export interface EarlyStart {
  loaded: Promise<unknown>;
  prefs: Promise<Prefs>;
  remembered?: Promise<RememberedParse>;
}

/**
 * The remembered analysis as the parse of what the page read, when it was made from exactly this normalized text,
 * page context and day — the inputs of its key besides the versions (lib/analysis-key), which are this build's
 * on both sides — else null: the page then asks for a parse-page as any page does.
 */
export function rememberedFor(remembered: RememberedParse, read: { text: string; context: ParseContext; today: string }): PageParse | null {
  if (!remembered) return null;
  const same = remembered.text === read.text && remembered.today === read.today
    && remembered.context.chromeText === read.context.chromeText && remembered.context.pageTitle === read.context.pageTitle;
  return same ? { model: remembered.model, remembered: true, parseMs: 0, analysisKey: remembered.analysisKey } : null;
}
