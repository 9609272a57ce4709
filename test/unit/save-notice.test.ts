/** lib/page/save-notice: the analyzer saves by naming the background's parse, and sends it all only when refused. */
import { describe, expect, it } from 'vitest';
import { saveShownNotice, type ShownNotice } from '@/lib/page/save-notice';
import { parseNotice } from '@/lib/parse';

const model = parseNotice('关于巡察整改进展情况的通报\n一、整改落实情况\n（一）问题一。已完成整改。').notice;
const shown: ShownNotice = { url: 'https://a.gov.cn/n.html', analysisKey: 'k1', text: '正文', model, context: { chromeText: '', pageTitle: null } };
const saved = { noticeKey: 'https://a.gov.cn/n.html', snapshotHash: 'h', isNewVersion: false };

function recorder(refuse: ReadonlySet<string>) {
  const sent: Array<Record<string, unknown>> = [];
  const send = async (req: Record<string, unknown> & { type: string }) => {
    sent.push(req);
    if (refuse.has(req.type)) throw new Error('后台已不保留这次分析');
    return saved;
  };
  return { sent, send };
}

describe('saveShownNotice', () => {
  it('names the parse the background keeps, without sending the text or the model', async () => {
    const { sent, send } = recorder(new Set());
    expect(await saveShownNotice(send, shown)).toEqual(saved);
    expect(sent).toEqual([{ type: 'save-parsed', url: shown.url, analysisKey: 'k1' }]);
  });

  it('sends the text, the model and the context when the background forgot the parse', async () => {
    const { sent, send } = recorder(new Set(['save-parsed']));
    expect(await saveShownNotice(send, shown)).toEqual(saved);
    expect(sent.map((r) => r.type)).toEqual(['save-parsed', 'save-notice']);
    expect(sent[1]).toEqual({ type: 'save-notice', url: shown.url, text: '正文', model, context: shown.context });
  });

  it('sends it all at once when there is no parse to name', async () => {
    const { sent, send } = recorder(new Set());
    await saveShownNotice(send, { ...shown, analysisKey: null });
    expect(sent.map((r) => r.type)).toEqual(['save-notice']);
  });

  it('a refused save-notice is the error the page shows', async () => {
    const { send } = recorder(new Set(['save-parsed', 'save-notice']));
    await expect(saveShownNotice(send, shown)).rejects.toThrow('后台已不保留这次分析');
  });
});
