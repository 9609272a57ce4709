import { describe, expect, it } from 'vitest';
import { CODE_CLASS, K_BRACKET, K_CJK, K_FOLD, K_LINE_BREAK, K_PUNCT, K_SPACE, K_SURROGATE } from '@/lib/parse/code-class';
import { normalizeText } from '@/lib/parse/normalize';

// The defining predicates (as normalize.ts tested each code point with them before the table became a range list).
function isSpace(c: number): boolean {
  return (
    c === 0x20 || c === 0x09 || c === 0x0b || c === 0x0c || c === 0xa0 || c === 0x3000 ||
    (c >= 0x2000 && c <= 0x200b) || c === 0x202f || c === 0x205f || c === 0xfeff || c === 0x200c || c === 0x200d
  );
}
function foldsWidth(c: number): boolean {
  return (c >= 0xff10 && c <= 0xff19) || (c >= 0xff21 && c <= 0xff3a) || (c >= 0xff41 && c <= 0xff5a) || c === 0xff05 || c === 0xff0e;
}
function isCjk(c: number): boolean {
  return (
    (c >= 0x3000 && c <= 0x303f) || (c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0xff01 && c <= 0xff0f) || (c >= 0xff1a && c <= 0xff20) || (c >= 0xff3b && c <= 0xff40) ||
    (c >= 0xff5b && c <= 0xff65) || (c >= 0x2018 && c <= 0x201f) || c === 0x2014 || c === 0x2026 ||
    (c >= 0xd800 && c <= 0xdbff) || (c >= 0x3040 && c <= 0x30ff)
  );
}
function expectedClass(c: number): number {
  return (
    (isSpace(c) ? K_SPACE : 0) |
    (foldsWidth(c) ? K_FOLD : 0) |
    (isCjk(c) ? K_CJK : 0) |
    (c >= 0xd800 && c <= 0xdfff ? K_SURROGATE : 0) |
    (c === 0x0a || c === 0x0d ? K_LINE_BREAK : 0) |
    (c === 0x28 || c === 0x29 || c === 0x2c || c === 0x3a || c === 0x3b ? K_PUNCT : 0) |
    (c === 0x5b ? K_BRACKET : 0)
  );
}

describe('CODE_CLASS', () => {
  it('gives every code unit exactly the flags of the defining predicates', () => {
    const wrong: string[] = [];
    for (let c = 0; c < 0x10000; c++) if (CODE_CLASS[c] !== expectedClass(c)) wrong.push(`U+${c.toString(16)}: ${CODE_CLASS[c]} ≠ ${expectedClass(c)}`);
    expect(wrong).toEqual([]);
  });

  it('flags what normalizeText treats specially: a space is squeezed, a full-width digit folded, CJK folds a colon', () => {
    expect(normalizeText('甲\u2003\u200b乙').text).toBe('甲 乙');
    expect(normalizeText('１２％').text).toBe('12%');
    expect(normalizeText('日期:2024').text).toBe('日期：2024');
    expect(normalizeText('date:2024').text).toBe('date:2024');
  });
});
