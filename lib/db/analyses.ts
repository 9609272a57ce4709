/**
 * Remembered analyses (issue #14): the Notice model the parser made of a page, keyed by what it was made from
 * (lib/analysis-key: the text, the page context, the day and the parser/model versions), so an unchanged page
 * is shown again without parsing. A cache, apart from the library: its own small database (no schema version
 * of the library changes for it), bounded to MAX_ANALYSES entries, never in backups; losing it costs one parse.
 * A version deleted from the library takes its remembered analyses with it (forgetDeletedVersions).
 */
import Dexie, { type Table } from 'dexie';
import { notice as noticeSchema, type Notice } from '../schema';
import { DEFAULT_DB_NAME, nowIso } from './database';

/** The cache of the library database named `libraryName` (the extension's: 'rectify-lens-analyses'). */
export const analysesNameOf = (libraryName: string) => `${libraryName}-analyses`;
export const ANALYSES_DB_NAME = analysesNameOf(DEFAULT_DB_NAME);
/** Oldest first out past this many (a model is tens of KB: a few MB at most). */
export const MAX_ANALYSES = 300;

export interface StoredAnalysis {
  key: string;
  model: Notice;
  savedAt: string;
  /** The content hash of the text (lib/hash contentHash: a library snapshot's hash); absent in entries from before v2. */
  textHash?: string;
}

export class AnalysisCache extends Dexie {
  analyses!: Table<StoredAnalysis, string>;

  constructor(name: string = ANALYSES_DB_NAME) {
    super(name);
    this.version(1).stores({ analyses: 'key, savedAt' });
    this.version(2).stores({ analyses: 'key, savedAt, textHash' });
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

/**
 * Remembers `model` (of the text whose content hash is `textHash`) under `key`, dropping the oldest entries past
 * `max`. The model is one lib/parse-page has just checked against the Notice schema (where it is made, once: a
 * second pass over a large model is tens of ms); what is read back is checked again (getAnalysis).
 */
export async function putAnalysis(cache: AnalysisCache, key: string, textHash: string, model: Notice, max = MAX_ANALYSES): Promise<void> {
  const record: StoredAnalysis = { key, model, savedAt: nowIso(), textHash };
  await cache.transaction('rw', cache.analyses, async () => {
    await cache.analyses.put(record);
    const excess = (await cache.analyses.count()) - max;
    if (excess > 0) await cache.analyses.orderBy('savedAt').limit(excess).delete();
  });
}

/** Forgets every remembered analysis of the texts whose content hashes are `textHashes` (versions deleted from the library). */
export async function forgetAnalysesOf(cache: AnalysisCache, textHashes: readonly string[]): Promise<number> {
  if (!textHashes.length) return 0;
  return cache.analyses.where('textHash').anyOf([...textHashes]).delete();
}

/**
 * The library `libraryName` deleted the versions `textHashes`: its cache forgets their analyses too. A cache
 * that cannot be opened loses nothing that matters (it is bounded and re-made by a parse): the error is logged.
 */
export async function forgetDeletedVersions(libraryName: string, textHashes: readonly string[]): Promise<void> {
  if (!textHashes.length) return;
  const cache = openAnalysisCache(analysesNameOf(libraryName));
  try {
    await forgetAnalysesOf(cache, textHashes);
  } catch (err) {
    console.warn('[Rectify Lens] remembered analyses not forgotten', err);
  } finally {
    cache.close();
  }
}
