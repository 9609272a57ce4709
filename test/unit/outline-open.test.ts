/** components/common/outline openLevelsFor: a very large notice's outline opens one level, any other two. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LARGE_OUTLINE_ROWS, openLevelsFor } from '@/components/common/outline';
import { parseNotice } from '@/lib/parse';

const seed = (name: string) => parseNotice(readFileSync(new URL(`../fixtures/seeds/${name}`, import.meta.url), 'utf8')).notice;

describe('openLevelsFor', () => {
  it('opens two levels of every seed notice', () => {
    for (const name of ['guzhen-town-2025-09-12.txt', 'hongmei-town-2023.txt', 'huadu-district-2021-11-22.txt', 'huashan-town-2025-06-19.txt', 'mazhang-town-2024-09-25.txt']) {
      expect(openLevelsFor(seed(name))).toBe(2);
    }
  });

  it('opens one level past LARGE_OUTLINE_ROWS headings and items', () => {
    const notice = seed('guzhen-town-2025-09-12.txt');
    const items = Array.from({ length: LARGE_OUTLINE_ROWS }, () => notice.items[0]);
    expect(openLevelsFor({ outline: notice.outline, items })).toBe(1);
    expect(openLevelsFor({ outline: [], items: items.slice(1) })).toBe(2);
  });
});
