/**
 * Remembered analyses (issue #14): the Notice model the parser made of a page, keyed by what it was made from
 * (lib/analysis-key: the text, the page context, the day and the parser/model versions), so an unchanged page
 * is shown again without parsing. A cache, apart from the library: its own small database (no schema version
 * of the library changes for it), bounded to MAX_ANALYSES entries, never in backups; losing it costs one parse.
 */
import Dexie, { type Table } from 'dexie';
import { notice as noticeSchema, type Notice } from '../schema';
import { nowIso } from './database';

export const ANALYSES_DB_NAME = 'rectify-lens-analyses';
/** Oldest first out past this many (a model is tens of KB: a few MB at most). */
export const MAX_ANALYSES = 300;

export interface StoredAnalysis {
  key: string;
  model: Notice;
  savedAt: string;
}

export class AnalysisCache extends Dexie {
  analyses!: Table<StoredAnalysis, string>;

  constructor(name: string = ANALYSES_DB_NAME) {
    super(name);
    this.version(1).stores({ analyses: 'key, savedAt' });
  }
}

export function openAnalysisCache(name: string = ANALYSES_DB_NAME): AnalysisCache {
  return new AnalysisCache(name);
}

/** The remembered model for `key`, or null (none, or one that no longer fits the Notice schema). */
export async function getAnalysis(cache: AnalysisCache, key: string): Promise<Notice | null> {
  const stored = await cache.analyses.get(key);
  if (!stored) return null;
  const parsed = noticeSchema.safeParse(stored.model);
  if (parsed.success) return parsed.data;
  await cache.analyses.delete(key);
  return null;
}

/** Remembers `model` under `key`, dropping the oldest entries past `max`. */
export async function putAnalysis(cache: AnalysisCache, key: string, model: Notice, max = MAX_ANALYSES): Promise<void> {
  const record = { key, model: noticeSchema.parse(model), savedAt: nowIso() };
  await cache.transaction('rw', cache.analyses, async () => {
    await cache.analyses.put(record);
    const excess = (await cache.analyses.count()) - max;
    if (excess > 0) await cache.analyses.orderBy('savedAt').limit(excess).delete();
  });
}
