/** Remembered analyses (issue #14): the key (lib/analysis-key), the cache (lib/db/analyses) and the background's page parse (lib/parse-page). */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { analysisKey } from '@/lib/analysis-key';
import { forgetAnalysesOf, getAnalysis, openAnalysisCache, putAnalysis, type AnalysisCache } from '@/lib/db/analyses';
import { contentHash } from '@/lib/hash';
import { parseNormalized, parseNotice } from '@/lib/parse';
import { normalizeText } from '@/lib/parse/normalize';
import { analysesWritten, MAX_PARSED_PAGES, parsePage, rememberedParse, takeParsedPage } from '@/lib/parse-page';
import { lastSnapshotAt, openDb, saveNoticeVisit, type RectifyDB } from '@/lib/db';

const text = readFileSync(new URL('../fixtures/seeds/mazhang-town-2024-09-25.txt', import.meta.url), 'utf8');
const context = { chromeText: '发布日期：2024-09-25', pageTitle: '中共麻章镇委员会关于巡察整改情况的通报' };
const model = parseNotice(text, { today: '2026-11-23' }).notice;

let cache: AnalysisCache | null = null;
afterEach(async () => {
  await analysesWritten();
  await cache?.delete();
  cache = null;
});

describe('analysisKey', () => {
  it('is the same for the same text, context and day, and changes with any of them', async () => {
    const key = await analysisKey(text, context, '2026-11-23');
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(await analysisKey(text, { ...context }, '2026-11-23')).toBe(key);
    expect(await analysisKey(`${text}。`, context, '2026-11-23')).not.toBe(key);
    expect(await analysisKey(text, { ...context, chromeText: '' }, '2026-11-23')).not.toBe(key);
    expect(await analysisKey(text, { ...context, pageTitle: null }, '2026-11-23')).not.toBe(key);
    // overdue-now findings depend on the day
    expect(await analysisKey(text, context, '2026-11-24')).not.toBe(key);
  });
});

describe('the analysis cache', () => {
  it('gives back the remembered model, and nothing for another key', async () => {
    cache = openAnalysisCache(`test-analyses-${Math.random()}`);
    await putAnalysis(cache, 'k1', 'h1', model);
    expect(await getAnalysis(cache, 'k1')).toEqual(model);
    expect(await getAnalysis(cache, 'k2')).toBeNull();
  });

  it('keeps at most `max` entries, dropping the oldest', async () => {
    cache = openAnalysisCache(`test-analyses-${Math.random()}`);
    for (const k of ['a', 'b', 'c', 'd']) {
      await putAnalysis(cache, k, `h-${k}`, model, 3);
      await new Promise((r) => setTimeout(r, 2)); // distinct savedAt
    }
    expect((await cache.analyses.toCollection().primaryKeys()).sort()).toEqual(['b', 'c', 'd']);
  });

  it('forgets the analyses of deleted versions by their text hash, and only those', async () => {
    cache = openAnalysisCache(`test-analyses-${Math.random()}`);
    await putAnalysis(cache, 'today', 'h1', model);
    await putAnalysis(cache, 'tomorrow', 'h1', model);
    await putAnalysis(cache, 'other', 'h2', model);
    expect(await forgetAnalysesOf(cache, ['h1', 'h3'])).toBe(2);
    expect(await cache.analyses.toCollection().primaryKeys()).toEqual(['other']);
    expect(await forgetAnalysesOf(cache, [])).toBe(0);
  });

  it('forgets a stored model that no longer fits the Notice schema (a cache never breaks a page)', async () => {
    cache = openAnalysisCache(`test-analyses-${Math.random()}`);
    await cache.analyses.put({ key: 'old', model: { ...model, version: 0 } as never, savedAt: new Date().toISOString() });
    expect(await getAnalysis(cache, 'old')).toBeNull();
    expect(await cache.analyses.get('old')).toBeUndefined();
  });
});

describe('parsePage (the analyzer\'s parse, in the background)', () => {
  const normalized = normalizeText(text).text;
  const req = { text: normalized, context, today: '2026-11-23', limitMs: 20_000 };

  it('parses a new page as the page would have, then gives the remembered model for the unchanged page', async () => {
    cache = openAnalysisCache(`test-analyses-${Math.random()}`);
    const first = await parsePage(cache, req);
    expect(first.remembered).toBe(false);
    expect(first.model).toEqual(parseNormalized(normalized, { today: '2026-11-23', chromeText: context.chromeText, pageTitle: context.pageTitle }));
    const again = await parsePage(cache, req);
    expect(again).toEqual({ model: first.model, remembered: true, parseMs: 0, analysisKey: first.analysisKey });
    expect(first.analysisKey).toBe(await analysisKey(normalized, context, '2026-11-23'));
    // remembered with the text's content hash (a library snapshot's hash), so deleting that version forgets it
    expect((await cache.analyses.toArray()).map((a) => a.textHash)).toEqual([await contentHash(normalized)]);
    // another day is another analysis (overdue-now findings)
    expect((await parsePage(cache, { ...req, today: '2027-01-01' })).remembered).toBe(false);
  });

  it('answers before the analysis is written; the same text asked for meanwhile waits for the write and gets it', async () => {
    cache = openAnalysisCache(`test-analyses-${Math.random()}`);
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const transaction = cache.transaction.bind(cache) as (...args: unknown[]) => Promise<unknown>;
    // the cache's writes wait for the gate
    (cache as unknown as { transaction: unknown }).transaction = async (...args: unknown[]) => {
      await gate;
      return transaction(...args);
    };
    const first = await parsePage(cache, req);
    expect(first.remembered).toBe(false);
    expect(await cache.analyses.count()).toBe(0);
    const again = parsePage(cache, req);
    const soon = new Promise((resolve) => setTimeout(() => resolve('still waiting'), 100));
    expect(await Promise.race([again.then(() => 'answered'), soon])).toBe('still waiting');
    open();
    expect(await again).toEqual({ model: first.model, remembered: true, parseMs: 0, analysisKey: first.analysisKey });
  });

  it('normalizes the text the page read (as read, or already normalized: the same key and model)', async () => {
    cache = openAnalysisCache(`test-analyses-${Math.random()}`);
    const raw = `  ${text.replace(/\n/g, '\r\n  ')}  `;
    expect(normalizeText(raw).text).toBe(normalized);
    const fromRaw = await parsePage(cache, { ...req, text: raw });
    expect(fromRaw.remembered).toBe(false);
    expect(await parsePage(cache, req)).toEqual({ ...fromRaw, remembered: true, parseMs: 0 });
    expect(takeParsedPage(fromRaw.analysisKey!)?.text).toBe(normalized);
  });

  it('keeps the page\'s text and model for save-parsed, handed over once, the newest MAX_PARSED_PAGES only', async () => {
    cache = openAnalysisCache(`test-analyses-${Math.random()}`);
    const first = await parsePage(cache, req);
    expect(takeParsedPage(first.analysisKey!)).toEqual({ text: normalized, context, model: first.model });
    expect(takeParsedPage(first.analysisKey!)).toBeNull();
    // a remembered analysis is kept too (the page sent its text with parse-page)
    const again = await parsePage(cache, req);
    const later = [];
    for (let day = 1; day <= MAX_PARSED_PAGES; day++) later.push(await parsePage(cache, { ...req, today: `2027-01-0${day}` }));
    expect(takeParsedPage(again.analysisKey!)).toBeNull();
    expect(later.map((p) => takeParsedPage(p.analysisKey!)?.model)).toEqual(later.map((p) => p.model));
  });

  it('past the time limit there is no model, and nothing is remembered', async () => {
    cache = openAnalysisCache(`test-analyses-${Math.random()}`);
    const big = normalized.repeat(30);
    const r = await parsePage(cache, { ...req, text: big, limitMs: 1 });
    expect(r.model).toBeNull();
    expect(r.analysisKey).toBeNull();
    expect(await cache.analyses.count()).toBe(0);
  });
});

describe('rememberedParse (an unchanged library page\'s analysis, looked up by its address before the page reads it)', () => {
  const normalized = normalizeText(text).text;
  const url = 'https://mzz.gov.cn/xxgk/2024-09-25.html';
  let db: RectifyDB | null = null;
  afterEach(async () => {
    await db?.delete();
    db = null;
  });

  /** The library after a visit of `url` that parsed `visitText` with `visitContext` and remembered its analysis. */
  async function visited(visitText: string, visitContext: typeof context | undefined, seenAt: string) {
    db ??= openDb(`test-library-${Math.random()}`);
    cache ??= openAnalysisCache(`test-analyses-${Math.random()}`);
    const parsed = await parsePage(cache, { text: visitText, context: visitContext ?? { chromeText: '', pageTitle: null }, today: '2026-11-23', limitMs: 20_000 });
    await saveNoticeVisit(db, { url, text: visitText, model: parsed.model!, context: visitContext, seenAt });
    return parsed;
  }

  it('gives the analysis parse-page would give for the text last seen there, on that day, and keeps it for save-parsed', async () => {
    await visited(`${normalized}\n附件：无`, context, '2026-01-01T00:00:00.000Z');
    const last = await visited(normalized, context, '2026-02-01T00:00:00.000Z');
    const seen = await lastSnapshotAt(db!, `${url}#top`);
    expect(seen?.text).toBe(normalized);
    takeParsedPage(last.analysisKey!); // (saved: the background no longer holds that parse)
    const r = await rememberedParse(cache!, seen, '2026-11-23');
    expect(r).toEqual({ analysisKey: last.analysisKey, text: normalized, context, today: '2026-11-23', model: last.model });
    expect(takeParsedPage(last.analysisKey!)).toEqual({ text: normalized, context, model: last.model });
  });

  it('is null for another day, an unknown address, or a text saved without its page context', async () => {
    await visited(normalized, context, '2026-02-01T00:00:00.000Z');
    expect(await rememberedParse(cache!, await lastSnapshotAt(db!, url), '2026-11-24')).toBeNull();
    expect(await lastSnapshotAt(db!, 'https://mzz.gov.cn/other.html')).toBeUndefined();
    expect(await rememberedParse(cache!, undefined, '2026-11-23')).toBeNull();
    const seen = await lastSnapshotAt(db!, url);
    expect(await rememberedParse(cache!, { ...seen!, chromeText: undefined, pageTitle: undefined }, '2026-11-23')).toBeNull();
  });
});
