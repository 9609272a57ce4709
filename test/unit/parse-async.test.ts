import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { parseNormalized, parseNormalizedAsync, ParseTimeLimitError } from '@/lib/parse';
import { normalizeText } from '@/lib/parse/normalize';

const seed = (name: string) => normalizeText(readFileSync(new URL(`../fixtures/seeds/${name}`, import.meta.url), 'utf8')).text;

describe('parseNormalizedAsync', () => {
  it('gives exactly the synchronous result, with stage timings', async () => {
    const text = seed('guzhen-town-2025-09-12.txt');
    const timings: Record<string, number> = {};
    const notice = await parseNormalizedAsync(text, { today: '2026-11-23', timings }, 0);
    expect(notice).toEqual(parseNormalized(text, { today: '2026-11-23' }));
    expect(Object.keys(timings)).toEqual(expect.arrayContaining(['outline', 'dates', 'status', 'checks']));
  });

  it('gives the event loop a turn between stages when the budget is spent', async () => {
    const spy = vi.spyOn(globalThis, 'setTimeout');
    await parseNormalizedAsync(seed('mazhang-town-2024-09-25.txt'), {}, 0);
    expect(spy.mock.calls.length).toBeGreaterThanOrEqual(5);
    spy.mockRestore();
  });

  it('gives up past its overall wall-time limit', async () => {
    const text = seed('mazhang-town-2024-09-25.txt');
    await expect(parseNormalizedAsync(text, {}, 0, 0)).rejects.toBeInstanceOf(ParseTimeLimitError);
    await expect(parseNormalizedAsync(text, {}, 0, 60_000)).resolves.toEqual(parseNormalized(text, {}));
  });
});
