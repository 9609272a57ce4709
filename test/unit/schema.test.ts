import { describe, expect, it } from 'vitest';
import { isoDate } from '@/lib/schema';

describe('schema', () => {
  it('accepts ISO dates and rejects others', () => {
    expect(isoDate.safeParse('2025-06-30').success).toBe(true);
    expect(isoDate.safeParse('2025年6月30日').success).toBe(false);
  });
});
