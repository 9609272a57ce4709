import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { normalizeText, splitLines } from '@/lib/parse/normalize';
import { parseMarker } from '@/lib/parse/outline';
import { referenceParseMarker } from './outline-marker-reference';

const texts = ['test/fixtures/seeds', 'test/fixtures/real'].flatMap((d) =>
  readdirSync(d)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => normalizeText(readFileSync(`${d}/${f}`, 'utf8')).text),
);

/** Characters marker lines are made of, and a few that end or break them. */
const ALPHABET = [...'（）()一二三十第方面问题针对“”的、.．，：:0123456789 \t\u3000\u00a0个项条甲。'];

describe('parseMarker (regexes chosen by the first character)', () => {
  it('reads every line of every seed and real notice, and every line cut after its first characters, as trying every regex does', () => {
    let markers = 0;
    for (const text of texts) {
      for (const line of splitLines(text)) {
        for (let cut = 0; cut < Math.min(6, line.text.length); cut++) {
          const s = line.text.slice(cut);
          const expected = referenceParseMarker(s);
          expect(parseMarker(s), s).toEqual(expected);
          if (expected) markers++;
        }
      }
    }
    expect(markers).toBeGreaterThan(500);
  });

  it('reads the marker forms and their near misses as trying every regex does', () => {
    const forms = [
      '一、总体情况', '十一、其他', '第三方面问题：', '第十方面，', '（一）标题', '（十二）问题3：内容', '（1）问题2：内容', '（20）问题27',
      '2问题3：内容', '17问题20', '问题5：内容', ' 问题5：内容', '\u3000问题6', '1.标题', '12、标题', '1.5亿元', '3.', '（3）内容', '（3）',
      '针对“吃拿卡要”问题', '针对“x”的问题，', '针对“未闭合', '问题', '问题1', '（一）问题2个', '1问题3项', '', ' ', '（', '第', '针',
    ];
    for (const s of forms) expect(parseMarker(s), s).toEqual(referenceParseMarker(s));
  });

  it('reads random strings over the markers\' characters as trying every regex does', () => {
    let seed = 11;
    const rand = (n: number) => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) % n;
    let markers = 0;
    for (let round = 0; round < 40_000; round++) {
      let s = '';
      for (let k = 1 + rand(10); k > 0; k--) s += ALPHABET[rand(ALPHABET.length)];
      const expected = referenceParseMarker(s);
      expect(parseMarker(s), s).toEqual(expected);
      if (expected) markers++;
    }
    expect(markers).toBeGreaterThan(250);
  });
});
