/**
 * Content hash of a normalized notice text: identifies a snapshot (same text ⇒ same version).
 * Uses Web Crypto, available in Node 20, extension pages and content scripts alike.
 */
export async function contentHash(text: string): Promise<string> {
  const bytes = new TextEncoder().encode(text);
  const digest = await globalThis.crypto.subtle.digest('SHA-256', bytes);
  return toHex(new Uint8Array(digest));
}

/**
 * The positions of the snapshots whose text does not hash to their recorded hash: text changed or damaged
 * after export (backups and review packages refuse such a file whole).
 */
export async function mismatchedSnapshots(snapshots: ReadonlyArray<{ text: string; hash: string }>): Promise<number[]> {
  const bad: number[] = [];
  for (const [i, s] of snapshots.entries()) if ((await contentHash(s.text)) !== s.hash) bad.push(i);
  return bad;
}

function toHex(bytes: Uint8Array): string {
  let hex = '';
  for (const byte of bytes) hex += byte.toString(16).padStart(2, '0');
  return hex;
}
