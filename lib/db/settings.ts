// Settings records and the request that the browser keep the library (persistent storage).
import { REVIEWER_NAME_MAX_CHARS, setting as settingSchema, type Creator } from '../schema';
import { creatorFromName } from '../review-package';
import type { RectifyDB, SettingRecord } from './database';

// ---------------------------------------------------------------------------------------------
// Settings

export async function getSetting<T>(db: RectifyDB, key: string, fallback: T): Promise<T> {
  const record = await db.settings.get(key);
  return record === undefined ? fallback : (record.value as T);
}

export async function setSetting(db: RectifyDB, key: string, value: unknown): Promise<void> {
  await db.settings.put(settingSchema.parse({ key, value }) as SettingRecord);
}

// ---------------------------------------------------------------------------------------------
// Reviewer name: the W3C creator of new annotations and status decisions

export const REVIEWER_NAME_KEY = 'reviewerName';

export async function getReviewerName(db: RectifyDB): Promise<string> {
  const value = await getSetting<unknown>(db, REVIEWER_NAME_KEY, '');
  return typeof value === 'string' ? value : '';
}

/** Saves the name (trimmed, at most REVIEWER_NAME_MAX_CHARS characters; empty = no name). */
export async function setReviewerName(db: RectifyDB, name: string): Promise<string> {
  const trimmed = Array.from(name.trim()).slice(0, REVIEWER_NAME_MAX_CHARS).join('');
  await setSetting(db, REVIEWER_NAME_KEY, trimmed);
  return trimmed;
}

export async function getReviewerCreator(db: RectifyDB): Promise<Creator | null> {
  return creatorFromName(await getReviewerName(db));
}

// ---------------------------------------------------------------------------------------------
// Storage persistence (so the browser does not evict the library under storage pressure)

export interface PersistenceState {
  persisted: boolean;
  usage?: number;
  quota?: number;
}

export async function requestPersistence(): Promise<PersistenceState> {
  const storage = (globalThis as { navigator?: { storage?: Partial<StorageManager> } }).navigator?.storage;
  if (!storage?.persist) return { persisted: false };
  let persisted = false;
  try {
    persisted = (await storage.persisted?.()) || (await storage.persist());
  } catch {
    persisted = false;
  }
  const estimate = await storage.estimate?.().catch(() => undefined);
  return { persisted, usage: estimate?.usage, quota: estimate?.quota };
}
