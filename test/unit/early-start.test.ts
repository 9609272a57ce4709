/** A library page's remembered analysis stands for a parse only when it was made from what the page read (lib/page/early-start). */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { rememberedFor } from '@/lib/page/early-start';
import { parseNotice } from '@/lib/parse';
import { normalizeText } from '@/lib/parse/normalize';

const text = normalizeText(readFileSync(new URL('../fixtures/seeds/mazhang-town-2024-09-25.txt', import.meta.url), 'utf8')).text;
const context = { chromeText: '发布日期：2024-09-25', pageTitle: '中共麻章镇委员会关于巡察整改情况的通报' };
const model = parseNotice(text, { today: '2026-11-23' }).notice;
const remembered = { analysisKey: 'k1', text, context, today: '2026-11-23', model };

describe('rememberedFor', () => {
  it('is the remembered model, as a remembered parse, for the same text, context and day', () => {
    expect(rememberedFor(remembered, { text, context: { ...context }, today: '2026-11-23' })).toEqual({ model, remembered: true, parseMs: 0, analysisKey: 'k1' });
  });

  it('is null when any input of the key differs, or nothing was remembered', () => {
    const read = { text, context, today: '2026-11-23' };
    expect(rememberedFor(remembered, { ...read, text: `${text}。` })).toBeNull();
    expect(rememberedFor(remembered, { ...read, today: '2026-11-24' })).toBeNull();
    expect(rememberedFor(remembered, { ...read, context: { ...context, chromeText: '' } })).toBeNull();
    expect(rememberedFor(remembered, { ...read, context: { ...context, pageTitle: null } })).toBeNull();
    expect(rememberedFor(null, read)).toBeNull();
  });
});
