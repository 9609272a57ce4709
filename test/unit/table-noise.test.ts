import { describe, expect, it } from 'vitest';
import { hasCellGap, hasSeparator, HEADER_NOISE, isHeaderNoise } from '@/lib/parse/table';

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

describe('hasSeparator and hasCellGap', () => {
  it('answer as /[｜|]/.test and /[ \\t]/.test on every code unit, alone and inside a line', () => {
    const wrong: number[] = [];
    for (let c = 0; c <= 0xffff; c++) {
      const ch = String.fromCharCode(c);
      for (const line of [ch, `序号${ch}问题`, `${ch}甲`]) {
        if (hasSeparator(line) !== /[｜|]/.test(line) || hasCellGap(line) !== /[ \t]/.test(line)) wrong.push(c);
      }
    }
    expect(wrong).toEqual([]);
    expect([hasSeparator('甲｜乙'), hasSeparator('甲|乙'), hasCellGap('甲 乙'), hasCellGap('甲\t乙'), hasSeparator('甲乙'), hasCellGap('甲\u3000乙')]).toEqual([true, true, true, true, false, false]);
  });
});
