import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { BACKGROUND_TYPES, CONTENT_TYPES, listen, type Reply } from '@/lib/messaging';
import { backgroundRequest, contentRequest } from '@/lib/schema';

/** Delivers a message to the registered listeners and waits for the reply. */
function deliver(message: unknown): Promise<Reply | undefined> {
  return new Promise((resolve) => {
    let answered = false;
    const sendResponse = (r: Reply) => {
      answered = true;
      resolve(r);
    };
    const trigger = fakeBrowser.runtime.onMessage.trigger as unknown as (...args: unknown[]) => Promise<unknown>;
    void trigger(message, { tab: { id: 7 } }, sendResponse).then(() => {
      setTimeout(() => !answered && resolve(undefined), 20);
    });
  });
}

describe('typed messaging', () => {
  beforeEach(() => fakeBrowser.reset());

  it('knows every request type of both schemas', () => {
    expect([...BACKGROUND_TYPES]).toContain('save-notice');
    expect([...CONTENT_TYPES]).toEqual(expect.arrayContaining(['get-state', 'scroll-to', 'analyze-now']));
  });

  it('hands a valid message to the handler and replies with its result', async () => {
    const handler = vi.fn(async (req: { type: string }) => `handled ${req.type}`);
    listen(contentRequest, CONTENT_TYPES, handler, 'test');
    expect(await deliver({ type: 'scroll-to', start: 3, end: 9 })).toEqual({ ok: true, data: 'handled scroll-to' });
    expect(handler).toHaveBeenCalledOnce();
  });

  it('rejects a malformed message with a logged reason, never calling the handler', async () => {
    const handler = vi.fn();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    listen(contentRequest, CONTENT_TYPES, handler, 'test');
    const reply = await deliver({ type: 'scroll-to', start: -1, end: 'x' });
    expect(reply?.ok).toBe(false);
    expect(reply && !reply.ok && reply.error).toMatch(/start|end/);
    expect(handler).not.toHaveBeenCalled();
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('rejected malformed "scroll-to"'));
    warn.mockRestore();
  });

  it('ignores message types another context owns', async () => {
    const handler = vi.fn();
    listen(backgroundRequest, BACKGROUND_TYPES, handler, 'test');
    expect(await deliver({ type: 'get-state' })).toBeUndefined();
    expect(handler).not.toHaveBeenCalled();
  });

  it('reports a handler failure as an error reply', async () => {
    listen(contentRequest, CONTENT_TYPES, () => {
      throw new Error('页面尚未分析');
    }, 'test');
    expect(await deliver({ type: 'get-state' })).toEqual({ ok: false, error: '页面尚未分析' });
  });
});
