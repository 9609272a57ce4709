/**
 * Typed, validated messaging between contexts. Every message is checked against its zod schema on the
 * receiving end; a malformed one is rejected with a logged reason and never half-applied. A request is checked
 * where it is received (`listen`), its reply where it comes back (`sendTo…`): the sender does not check its own
 * request a second time — on a notice page that second pass (the 1 MB notice's model in save-notice) was a long
 * task of the page's main thread (issue #14), and the receiver's check answers a malformed request with an error.
 */
import { browser, type Browser } from 'wxt/browser';
import type { z } from 'zod';
import {
  backgroundReplies,
  contentReplies,
  offscreenReplies,
  stateBroadcast,
  type BackgroundReply,
  type BackgroundRequest,
  type ContentReply,
  type ContentRequest,
  type OffscreenReply,
  type OffscreenRequest,
  type PageState,
  type StateBroadcast,
} from '@/lib/schema';

export type Reply<T = unknown> = { ok: true; data: T } | { ok: false; error: string };

export class MessageError extends Error {}

function unwrap<T>(reply: Reply<T> | undefined, what: string): T {
  if (!reply) throw new MessageError(`${what}: 无响应`);
  if (!reply.ok) throw new MessageError(`${what}: ${reply.error}`);
  return reply.data;
}

/** Checks a reply against the reply schema its request type declares. */
function validated<S extends z.ZodType>(schema: S, reply: unknown, what: string): z.infer<S> {
  const parsed = schema.safeParse(unwrap(reply as Reply | undefined, what));
  if (!parsed.success) throw new MessageError(`${what}: 响应格式错误：${describeIssues(parsed.error)}`);
  return parsed.data;
}

export async function sendToBackground<R extends BackgroundRequest>(req: R): Promise<BackgroundReply<R['type']>> {
  const reply: unknown = await browser.runtime.sendMessage(req);
  return validated(backgroundReplies[req.type], reply, req.type) as BackgroundReply<R['type']>;
}

export async function sendToTab<R extends ContentRequest>(tabId: number, req: R): Promise<ContentReply<R['type']>> {
  const reply: unknown = await browser.tabs.sendMessage(tabId, req);
  return validated(contentReplies[req.type], reply, req.type) as ContentReply<R['type']>;
}

/**
 * Builds the check of `type`'s reply ahead of the reply (zod builds a schema in lib/schema on its first parse, and
 * the first schemas a page builds are cold code: 2–5 ms): a parse of nothing, which fails at once.
 */
export function prepareReplyCheck(type: BackgroundRequest['type']): void {
  backgroundReplies[type].safeParse(undefined);
}

/** Background → its offscreen document (Chrome). */
export async function sendToOffscreen<R extends OffscreenRequest>(req: R): Promise<OffscreenReply<R['type']>> {
  const reply: unknown = await browser.runtime.sendMessage(req);
  return validated(offscreenReplies[req.type], reply, req.type) as OffscreenReply<R['type']>;
}

/** Content script → extension pages: this page's state changed (text and model left out). Nobody replies. */
export function broadcastState(state: PageState): void {
  const message: StateBroadcast = { type: 'state-changed', state: { ...state, text: null, notice: null } };
  browser.runtime.sendMessage(stateBroadcast.parse(message)).catch(() => undefined);
}

/** Extension pages: listens for state broadcasts; malformed ones are logged and dropped. */
export function onStateBroadcast(handler: (state: PageState, tabId: number | null) => void): () => void {
  const listener = (message: unknown, sender: Browser.runtime.MessageSender) => {
    if ((message as { type?: unknown } | null)?.type !== 'state-changed') return false;
    const parsed = stateBroadcast.safeParse(message);
    if (!parsed.success) console.warn('[Rectify Lens] ignored a malformed state broadcast', describeIssues(parsed.error));
    else handler(parsed.data.state, sender.tab?.id ?? null);
    return false;
  };
  browser.runtime.onMessage.addListener(listener as never);
  return () => browser.runtime.onMessage.removeListener(listener as never);
}

/** Describes why a message failed validation, naming the path of each problem. */
export function describeIssues(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
}

type Handler<Req extends { type: string }> = (req: Req, sender: Browser.runtime.MessageSender) => Promise<unknown> | unknown;

/**
 * Listens for messages matching `schema`. Messages whose `type` this context does not handle are ignored
 * (another listener may own them); messages of a known type that fail validation are answered with an error.
 */
export function listen<S extends z.ZodType<{ type: string }>>(
  schema: S,
  knownTypes: ReadonlySet<string>,
  handler: Handler<z.infer<S>>,
  context: string,
): () => void {
  const listener = (message: unknown, sender: Browser.runtime.MessageSender, sendResponse: (r: Reply) => void) => {
    const type = (message as { type?: unknown } | null)?.type;
    if (typeof type !== 'string' || !knownTypes.has(type)) return false;
    const parsed = schema.safeParse(message);
    if (!parsed.success) {
      const reason = describeIssues(parsed.error);
      console.warn(`[Rectify Lens] ${context} rejected malformed "${type}" message: ${reason}`);
      sendResponse({ ok: false, error: `消息格式错误：${reason}` });
      return false;
    }
    Promise.resolve()
      .then(() => handler(parsed.data, sender))
      .then(
        (data) => sendResponse({ ok: true, data: data ?? null }),
        (err: unknown) => sendResponse({ ok: false, error: err instanceof Error ? err.message : String(err) }),
      );
    return true;
  };
  browser.runtime.onMessage.addListener(listener as never);
  return () => browser.runtime.onMessage.removeListener(listener as never);
}

/**
 * The request types each context handles: the keys of its reply map, which lib/schema types as exactly the request
 * types. Read from the map, not from the request union, so that loading this module builds no schema (zod builds
 * them on first parse: the analyzer's evaluation is one task of the page, issue #14).
 */
export const BACKGROUND_TYPES: ReadonlySet<string> = new Set(Object.keys(backgroundReplies));
export const CONTENT_TYPES: ReadonlySet<string> = new Set(Object.keys(contentReplies));
export const OFFSCREEN_TYPES: ReadonlySet<string> = new Set(Object.keys(offscreenReplies));
export type { BackgroundRequest, ContentRequest };
