/**
 * Is a saved notice still online? One request, made only when the user asks (no background crawling): the
 * page answers 404/410 — removed; it answers but no longer carries the notice's title — changed (sites often
 * replace a withdrawn notice with a notice-less page); else online. The fetch is injected (side panel, tests).
 */
export type LivePageVerdict =
  | { state: 'online' }
  | { state: 'changed' }
  | { state: 'gone'; status: number }
  | { state: 'unreachable'; reason: string }
  | { state: 'no_address' };

/** Pages larger than this are not read to the end: the title is near the top. */
const MAX_CHARS = 2_000_000;
const TIMEOUT_MS = 15_000;

const squeeze = (s: string) => s.replace(/[\s\u3000]+/g, '');

/** The page's charset: the Content-Type header, else a `<meta charset>` in the first bytes, else UTF-8. */
export function charsetOf(contentType: string | null, head: Uint8Array): string {
  const fromHeader = /charset=["']?([\w-]+)/i.exec(contentType ?? '')?.[1];
  if (fromHeader) return fromHeader.toLowerCase();
  const ascii = new TextDecoder('latin1').decode(head.subarray(0, 2048));
  return (/<meta[^>]+charset=["']?([\w-]+)/i.exec(ascii)?.[1] ?? 'utf-8').toLowerCase();
}

function decode(bytes: Uint8Array, charset: string): string {
  try {
    return new TextDecoder(charset).decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

export async function checkLivePage(url: string, title: string | null, fetchFn: typeof fetch = fetch): Promise<LivePageVerdict> {
  if (!/^https?:\/\//i.test(url)) return { state: 'no_address' };
  let res: Response;
  try {
    res = await fetchFn(url, { cache: 'no-store', credentials: 'omit', redirect: 'follow', signal: AbortSignal.timeout(TIMEOUT_MS) });
  } catch (err) {
    return { state: 'unreachable', reason: err instanceof Error ? err.message : String(err) };
  }
  if (res.status === 404 || res.status === 410) return { state: 'gone', status: res.status };
  if (!res.ok) return { state: 'unreachable', reason: `HTTP ${res.status}` };
  const bytes = new Uint8Array(await res.arrayBuffer());
  const text = decode(bytes, charsetOf(res.headers.get('content-type'), bytes)).slice(0, MAX_CHARS);
  if (!title) return { state: 'online' };
  return squeeze(text).includes(squeeze(title)) ? { state: 'online' } : { state: 'changed' };
}
