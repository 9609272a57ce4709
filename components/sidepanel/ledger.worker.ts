/// <reference lib="webworker" />
/** Builds the library's 整改台账 off the side panel's thread (lib/export/library-ledger.ts), reporting progress. */
import { buildLibraryLedger, type LibraryLedgerProgress, type LibraryLedgerRequest, type LibraryLedgerResult } from '@/lib/export/library-ledger';

export type LedgerWorkerReply =
  | { type: 'progress'; progress: LibraryLedgerProgress }
  | { type: 'done'; result: LibraryLedgerResult | null }
  | { type: 'error'; message: string };

const scope = self as unknown as DedicatedWorkerGlobalScope;
const reply = (message: LedgerWorkerReply, transfer: Transferable[] = []) => scope.postMessage(message, transfer);

scope.onmessage = async (event: MessageEvent<LibraryLedgerRequest>) => {
  try {
    const result = await buildLibraryLedger(event.data, (progress) => reply({ type: 'progress', progress }));
    reply({ type: 'done', result }, result ? [result.bytes.buffer] : []);
  } catch (err) {
    reply({ type: 'error', message: err instanceof Error ? err.message : String(err) });
  }
};
