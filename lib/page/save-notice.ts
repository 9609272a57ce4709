/**
 * How the analyzer saves the notice it shows: by naming the parse the background still keeps (save-parsed), so
 * the page does not serialize the text and the model again (issue #14: a long task on large notices); when the
 * background refuses — it restarted, or forgot the parse — by sending them (save-notice).
 */
import type { BackgroundRequest, Notice, ParseContext, SavedNotice } from '@/lib/schema';

type SaveRequest = Extract<BackgroundRequest, { type: 'save-parsed' | 'save-notice' }>;

export interface ShownNotice {
  url: string;
  /** lib/analysis-key of the parse-page that made `model` (null: none to name). */
  analysisKey: string | null;
  text: string;
  model: Notice;
  context: ParseContext;
}

export async function saveShownNotice(send: (req: SaveRequest) => Promise<SavedNotice>, shown: ShownNotice): Promise<SavedNotice> {
  const { url, analysisKey, text, model, context } = shown;
  if (analysisKey) {
    const saved = await send({ type: 'save-parsed', url, analysisKey }).catch(() => null);
    if (saved) return saved;
  }
  return send({ type: 'save-notice', url, text, model, context });
}
