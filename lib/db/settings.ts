// Settings records and the request that the browser keep the library (persistent storage).
import { setting as settingSchema } from '../schema';
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
