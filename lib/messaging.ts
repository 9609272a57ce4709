/**
 * Typed, validated messaging between contexts. Every message is checked against its zod schema on the
 * receiving end; a malformed one is rejected with a logged reason and never half-applied.
 */
import { browser, type Browser } from 'wxt/browser';
import type { z } from 'zod';
import { backgroundRequest, contentRequest, offscreenRequest, type BackgroundRequest, type ContentRequest, type OffscreenRequest } from '@/lib/schema';

export type Reply<T = unknown> = { ok: true; data: T } | { ok: false; error: string };

export class MessageError extends Error {}

function unwrap<T>(reply: Reply<T> | undefined, what: string): T {
  if (!reply) throw new MessageError(`${what}: 无响应`);
  if (!reply.ok) throw new MessageError(`${what}: ${reply.error}`);
  return reply.data;
}

export async function sendToBackground<T = unknown>(req: BackgroundRequest): Promise<T> {
  const reply = (await browser.runtime.sendMessage(backgroundRequest.parse(req))) as Reply<T> | undefined;
  return unwrap(reply, req.type);
}

export async function sendToTab<T = unknown>(tabId: number, req: ContentRequest): Promise<T> {
  const reply = (await browser.tabs.sendMessage(tabId, contentRequest.parse(req))) as Reply<T> | undefined;
  return unwrap(reply, req.type);
}

/** Background → its offscreen document (Chrome). */
export async function sendToOffscreen<T = unknown>(req: OffscreenRequest): Promise<T> {
  const reply = (await browser.runtime.sendMessage(offscreenRequest.parse(req))) as Reply<T> | undefined;
  return unwrap(reply, req.type);
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

export const BACKGROUND_TYPES: ReadonlySet<string> = new Set(backgroundRequest.options.map((o) => o.shape.type.value));
export const CONTENT_TYPES: ReadonlySet<string> = new Set(contentRequest.options.map((o) => o.shape.type.value));
export const OFFSCREEN_TYPES: ReadonlySet<string> = new Set(offscreenRequest.options.map((o) => o.shape.type.value));
export type { BackgroundRequest, ContentRequest };
