import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { literalHeads } from '@/lib/parse/regex-heads';
import { cuePatterns } from '@/lib/parse/status-cues';
import { normalizeText } from '@/lib/parse/normalize';

describe('literalHeads', () => {
  it('reads literal alternatives, groups and an optional leading group', () => {
    expect(literalHeads('正在|仍在')).toEqual(['正在', '仍在']);
    expect(literalHeads('(?:有效|切实)?(?:提高|提升)了|得到')).toEqual(['有效', '切实', '提高', '提升', '得到']);
    expect(literalHeads('(?:均|(?:全部|所有)[^，]{0,10}?)已|已全部')).toEqual(['均已', '全部', '所有', '已全']);
  });

  it('reads up to `max` characters, through groups and optional characters', () => {
    expect(literalHeads('整改工作形成闭环', 4)).toEqual(['整改工作']);
    expect(literalHeads('已落实100%整改|(?:整改|完成)率达?到?100%', 3)).toEqual(['已落实', '整改率', '完成率']);
    expect(literalHeads('(?:有效|切实)?(?:提高|提升)了', 3)).toEqual(['有效提', '切实提', '提高了', '提升了']);
    expect(literalHeads('后，?(?:将|再)', 3)).toEqual(['后，将', '后，再', '后将', '后再']);
    expect(literalHeads('a?b')).toEqual(['ab', 'b']);
    expect(literalHeads('(?:|a)b')).toEqual(['b', 'ab']);
  });

  it('keeps only the characters a match must start with', () => {
    expect(literalHeads('按照?(?:计划)')).toEqual(['按照', '按计']); // 照 is optional
    expect(literalHeads('已[^，]{0,8}完成')).toEqual(['已']);
    expect(literalHeads('ab*')).toEqual(['a']);
    expect(literalHeads('中(?=[，]|$)')).toEqual(['中']);
  });

  it('says "unknown" for starts it does not read plainly', () => {
    for (const source of ['a*b', '(?:a|b)+c', '(?:a|b)??c', '\\d月', '[甲乙]丙', '(?=a)a', '(a)b', '.b', '(?:|a)', 'a|']) {
      expect(literalHeads(source), source).toBeNull();
    }
  });

  it('every match of every status cue pattern in the seeds and real notices starts with one of its heads', () => {
    const dirs = ['test/fixtures/seeds', 'test/fixtures/real'];
    const texts = dirs.flatMap((d) => readdirSync(d).filter((f) => f.endsWith('.txt')).map((f) => normalizeText(readFileSync(`${d}/${f}`, 'utf8')).text));
    let checked = 0;
    for (const re of cuePatterns()) {
      const heads = literalHeads(re.source, 8); // as the cue scan reads them (status-scan HEAD_CHARS)
      if (!heads) continue;
      const global = new RegExp(re.source, 'g');
      for (const text of texts) {
        for (const m of text.matchAll(global)) {
          checked++;
          expect(heads.some((h) => text.startsWith(h, m.index)), `${re.source} at ${m[0]}`).toBe(true);
        }
      }
    }
    expect(checked).toBeGreaterThan(500);
  });
});
