import { describe, expect, it } from 'vitest';
import { HEADER_NOISE, isHeaderNoise } from '@/lib/parse/table';

describe('isHeaderNoise', () => {
  it('answers as HEADER_NOISE.test on every UTF-16 code unit', () => {
    const wrong: number[] = [];
    let noise = 0;
    for (let c = 0; c <= 0xffff; c++) {
      const expected = HEADER_NOISE.test(String.fromCharCode(c));
      if (isHeaderNoise(c) !== expected) wrong.push(c);
      if (expected) noise++;
    }
    expect(wrong).toEqual([]);
    expect(noise).toBeGreaterThan(20);
  });
});
