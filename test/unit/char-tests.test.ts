import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { charIn, continuesWith, digitAhead, endsWithOneOf } from '@/lib/parse/char-tests';
import { normalizeText } from '@/lib/parse/normalize';

const corpus = ['test/fixtures/seeds', 'test/fixtures/real']
  .flatMap((d) => readdirSync(d).filter((f) => f.endsWith('.txt')).map((f) => normalizeText(readFileSync(`${d}/${f}`, 'utf8')).text))
  .join('\n');

describe('character tests read in place', () => {
  it('endsWithOneOf answers as the anchored regex on a slice does, at every position of the corpus', () => {
    const words = '确保|力争|预计|计划|将|年底前|前|进一步';
    const test = endsWithOneOf(words);
    const re = new RegExp(`(?:${words})$`);
    let yes = 0;
    for (let at = 0; at <= corpus.length; at++) {
      const expected = re.test(corpus.slice(Math.max(0, at - 6), at));
      expect(test(corpus, at)).toBe(expected);
      if (expected) yes++;
    }
    expect(yes).toBeGreaterThan(100);
  });

  it('digitAhead: a digit within the window, before any ，。；', () => {
    expect(digitAhead('开展检查20次', 0, 20)).toBe(true);
    expect(digitAhead('开展检查，共20次', 0, 20)).toBe(false);
    expect(digitAhead(`开展${'检'.repeat(19)}2次`, 0, 20)).toBe(false);
    expect(digitAhead(`开展${'检'.repeat(18)}2次`, 0, 20)).toBe(true);
    expect(digitAhead('开展', 0, 20)).toBe(false);
  });

  it('charIn and continuesWith', () => {
    expect(charIn('对问题', 0, '对把')).toBe(true);
    expect(charIn('对问题', -1, '对把')).toBe(false);
    expect(charIn('对问题', 1, '对把')).toBe(false);
    expect(continuesWith('整改工作形成闭环', 1, ['改率', '改工作'])).toBe(true);
    expect(continuesWith('整改率', 1, ['改工作'])).toBe(false);
    expect(continuesWith('整', 1, ['改'])).toBe(false);
  });
});
