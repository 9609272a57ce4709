/**
 * The 整改台账 of a whole library, as one job with progress: compare every notice with the earlier ones of its
 * organization, write the rows, package the workbook. DOM-free: the side panel runs it in a Web Worker
 * (components/sidepanel/ledger.worker.ts) so a 500-notice library never blocks the panel; tests run it directly.
 */
import { librarySources, type LibraryEntry } from './ledger';
import { toXlsx, type LedgerProgress } from './xlsx';

export interface LibraryLedgerRequest {
  entries: LibraryEntry[];
  today: string;
  generatedAt: string;
  scope: string;
}

export type LibraryLedgerProgress = { stage: 'compare' } | LedgerProgress;

export interface LibraryLedgerResult {
  bytes: Uint8Array;
  notices: number;
  items: number;
}

/** Null when the library holds no notice with a stored version (nothing to list). */
export async function buildLibraryLedger(
  req: LibraryLedgerRequest,
  onProgress?: (p: LibraryLedgerProgress) => void,
): Promise<LibraryLedgerResult | null> {
  onProgress?.({ stage: 'compare' });
  const sources = librarySources(req.entries);
  if (!sources.length) return null;
  const bytes = await toXlsx({ sources, today: req.today, generatedAt: req.generatedAt, scope: req.scope }, onProgress);
  return { bytes, notices: sources.length, items: sources.reduce((n, s) => n + s.notice.items.length, 0) };
}
