import { beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { BACKGROUND_TYPES, CONTENT_TYPES, listen, MessageError, OFFSCREEN_TYPES, onStateBroadcast, sendToBackground, sendToTab, type Reply } from '@/lib/messaging';
import { backgroundRequest, contentRequest, offscreenRequest } from '@/lib/schema';
import { parseNotice } from '@/lib/parse';

/** The browser's sendMessage is typed by its request; these tests feed it arbitrary replies. */
type AnySend = MockInstance<(...args: unknown[]) => Promise<unknown>>;

const notice = parseNotice('关于巡视整改进展情况的通报\n一、整改落实情况\n（一）问题。已完成。', { today: '2024-01-01' }).notice;

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

  it('validates a reply against the schema its request type declares', async () => {
    const send = vi.spyOn(browser.runtime, 'sendMessage') as unknown as AnySend;
    send.mockResolvedValueOnce({ ok: true, data: true });
    const opened: boolean = await sendToBackground({ type: 'open-side-panel' });
    expect(opened).toBe(true);
    send.mockResolvedValueOnce({ ok: true, data: { noticeKey: 'k' } });
    await expect(sendToBackground({ type: 'save-notice', url: 'https://a.gov.cn/', text: 't', model: notice })).rejects.toThrow(/save-notice: 响应格式错误：.*snapshotHash/);
    send.mockResolvedValueOnce({ ok: false, error: '磁盘已满' });
    await expect(sendToBackground({ type: 'open-side-panel' })).rejects.toThrow('open-side-panel: 磁盘已满');
    send.mockResolvedValueOnce(undefined);
    await expect(sendToBackground({ type: 'open-side-panel' })).rejects.toThrow(MessageError);
    send.mockRestore();
  });

  it('checks a request where it is received: the sender sends it as it is, the receiver answers a malformed one with an error', async () => {
    const handler = vi.fn();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    listen(backgroundRequest, BACKGROUND_TYPES, handler, 'test');
    const send = vi.spyOn(browser.runtime, 'sendMessage') as unknown as AnySend;
    send.mockImplementation((message: unknown) => deliver(message));
    const malformed = { type: 'analyze-attachment', url: '不是网址', force: true } as const;
    await expect(sendToBackground(malformed)).rejects.toThrow(/analyze-attachment: 消息格式错误：url/);
    expect(send).toHaveBeenCalledWith(malformed);
    expect(handler).not.toHaveBeenCalled();
    send.mockRestore();
    warn.mockRestore();
  });

  it('validates content-script replies too', async () => {
    const send = vi.spyOn(browser.tabs, 'sendMessage') as unknown as AnySend;
    send.mockResolvedValueOnce({ ok: true, data: 'yes' });
    await expect(sendToTab(3, { type: 'scroll-to', start: 0, end: 1 })).rejects.toThrow(/scroll-to: 响应格式错误/);
    send.mockResolvedValueOnce({ ok: true, data: false });
    expect(await sendToTab(3, { type: 'scroll-to', start: 0, end: 1 })).toBe(false);
    send.mockRestore();
  });

  it('handles exactly the types of its request schema (the type sets are read from the reply maps)', () => {
    const typesOf = (union: { unwrap(): { options: ReadonlyArray<{ shape: { type: { value: string } } }> } }) =>
      union.unwrap().options.map((o) => o.shape.type.value).sort();
    expect([...BACKGROUND_TYPES].sort()).toEqual(typesOf(backgroundRequest));
    expect([...CONTENT_TYPES].sort()).toEqual(typesOf(contentRequest));
    expect([...OFFSCREEN_TYPES].sort()).toEqual(typesOf(offscreenRequest));
  });

  it('delivers state broadcasts with the sender tab, dropping malformed ones', async () => {
    const seen: Array<[string, number | null]> = [];
    onStateBroadcast((state, tabId) => seen.push([state.status, tabId]));
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const trigger = fakeBrowser.runtime.onMessage.trigger as unknown as (...args: unknown[]) => Promise<unknown>;
    const state = { url: 'https://a.gov.cn/', title: null, status: 'ready', error: null, detect: null, text: null, notice: null, noticeKey: null, snapshotHash: null, anchors: [], timings: {} };
    await trigger({ type: 'state-changed', state }, { tab: { id: 7 } }, () => undefined);
    await trigger({ type: 'state-changed', state: { ...state, status: 'exploded' } }, { tab: { id: 7 } }, () => undefined);
    expect(seen).toEqual([['ready', 7]]);
    expect(warn).toHaveBeenCalledOnce();
    warn.mockRestore();
  });
});
